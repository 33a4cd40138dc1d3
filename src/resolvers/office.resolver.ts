import { ref } from '@mikro-orm/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireActor, runInTransaction } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import {
  createOffice,
  findVisibleOffice,
  isOfficeVisible,
  updateOffice,
} from '../commands/office.commands.js';
import { Office } from '../entities/office.entity.js';
import type { OfficeLevel } from '../procedure/office-level.js';
import {
  CREATION_ORDERS,
  Connection,
  CreationOrderEnum,
  PageArgs,
  type CreationOrder,
} from '../schema/connection.js';
import { containsText, listWithinOffices } from './office-scoped-list.js';
import { OfficeLevelEnum } from '../schema/enums.js';

const OfficeConnection = Connection(Office, 'Office');

@InputType({ description: '机关筛选条件' })
class OfficeFilter {
  @Field(() => ID, {
    nullable: true,
    description: '只列出该机关及其下级机关（默认：本机关及下级）',
  })
  withinOfficeId?: string | null;

  @Field(() => OfficeLevelEnum, { nullable: true, description: '只列出该层级的机关（level）' })
  level?: OfficeLevel | null;

  @Field(() => String, { nullable: true, description: '按名称模糊查找' })
  search?: string | null;
}

@InputType()
class OfficeFieldsInput {
  @Field({ description: '机关全称（name），如 北京市互联网信息办公室' }) name!: string;
  @Field({ description: '6位行政区划代码（divisionCode，GB/T 2260）' }) divisionCode!: string;
  @Field({ description: '统一社会信用代码（unifiedSocialCreditCode，18位）' })
  unifiedSocialCreditCode!: string;
  @Field({ description: '文书编号中的机关代字（shortName），如 京网信' }) shortName!: string;
  @Field({ description: '行政复议机关（reconsiderationOrgan），写入处罚决定书的救济途径' })
  reconsiderationOrgan!: string;
  @Field({ description: '行政诉讼管辖法院（litigationCourt）' }) litigationCourt!: string;
  @Field({ description: '罚款缴纳渠道（paymentChannel），写入处罚决定书' }) paymentChannel!: string;
}

@InputType({ description: '新建下级机关' })
class CreateOfficeInput extends OfficeFieldsInput {
  @Field(() => ID, { description: '上级机关' })
  parentId!: string;

  @Field(() => OfficeLevelEnum, { description: '须为上级机关的下一层级' })
  level!: OfficeLevel;
}

@InputType({ description: '修改机关信息（未提供的字段保持不变）' })
class UpdateOfficeInput {
  @Field(() => String, {
    nullable: true,
    description: '机关全称（name），如 北京市互联网信息办公室；不填保持不变',
  })
  name?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '6位行政区划代码（divisionCode，GB/T 2260）；不填保持不变',
  })
  divisionCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '统一社会信用代码（unifiedSocialCreditCode，18位）；不填保持不变',
  })
  unifiedSocialCreditCode?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '文书编号中的机关代字（shortName），如 京网信；不填保持不变',
  })
  shortName?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '行政复议机关（reconsiderationOrgan），写入处罚决定书的救济途径；不填保持不变',
  })
  reconsiderationOrgan?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '行政诉讼管辖法院（litigationCourt）；不填保持不变',
  })
  litigationCourt?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '罚款缴纳渠道（paymentChannel），写入处罚决定书；不填保持不变',
  })
  paymentChannel?: string | null;
  @Field(() => String, { nullable: true, description: '机关地址（传空字符串清除）' }) address?:
    string | null;
  @Field(() => String, { nullable: true, description: '邮政编码（postalCode）' }) postalCode?:
    string | null;
  @Field(() => String, { nullable: true, description: '文书联系人（contactPerson）' })
  contactPerson?: string | null;
  @Field(() => String, { nullable: true, description: '文书联系电话（contactPhone）' })
  contactPhone?: string | null;
  @Field(() => String, {
    nullable: true,
    description:
      '提交行政复议申请书的互联网渠道（onlineReconsiderationChannel）：电子送达决定书时默认提供（《中华人民共和国行政复议法》第二十二条第二款；传空字符串清除）',
  })
  onlineReconsiderationChannel?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '文书文号格式，须含 {shortName}{code}{year}{serial} 各一次',
  })
  documentNumberFormat?: string | null;
}

@Resolver(() => Office)
export class OfficeResolver {
  @Authorized()
  @Query(() => Office, { description: '按 id 查询机关（本机关、上级机关及下级机关可见）' })
  office(
    @Arg('id', () => ID, { description: '机关标识（id）' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Office> {
    return findVisibleOffice(ctx.em, requireActor(ctx), id);
  }

  @Authorized()
  @Query(() => OfficeConnection, { description: '本机关及下级机关列表' })
  async offices(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OfficeFilter, {
      nullable: true,
      description: '筛选条件（filter）；不填列出本机关及下级机关',
    })
    filter: OfficeFilter | null,
    @Arg('orderBy', () => CreationOrderEnum, {
      nullable: true,
      description: '排序（orderBy），默认 CREATED_AT_DESC',
    })
    orderBy: CreationOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    return listWithinOffices(
      ctx,
      Office,
      filter?.withinOfficeId,
      {
        where: {
          ...(filter?.level ? { level: filter.level } : {}),
          ...(filter?.search ? { name: containsText(filter.search) } : {}),
        },
      },
      page,
      CREATION_ORDERS[orderBy ?? 'CREATED_AT_DESC'],
      'path',
    );
  }

  @FieldResolver(() => Office, { nullable: true, description: '上级机关' })
  async parent(@Root() office: Office, @Ctx() ctx: RequestContext): Promise<Office | null> {
    if (!office.parent) {
      return null;
    }
    const parent = await ref(office.parent).load();
    return parent && isOfficeVisible(requireActor(ctx), parent) ? parent : null;
  }

  @Authorized('ADMIN')
  @Mutation(() => Office, { description: '新建下级机关（系统管理员，限本机关及下级）' })
  createOffice(
    @Arg('input', () => CreateOfficeInput, { description: '新机关的信息（input）' })
    input: CreateOfficeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Office> {
    return runInTransaction(ctx, (em, actor) => createOffice(em, actor, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Office, { description: '修改机关信息（系统管理员，限本机关及下级）' })
  updateOffice(
    @Arg('id', () => ID, { description: '要修改的机关（id）' }) id: string,
    @Arg('input', () => UpdateOfficeInput, { description: '修改的字段（input）' })
    input: UpdateOfficeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Office> {
    return runInTransaction(ctx, (em, actor) => updateOffice(em, actor, id, input));
  }
}
