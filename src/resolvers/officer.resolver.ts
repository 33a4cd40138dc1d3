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
  addEnforcementCertificate,
  createOfficer,
  findVisibleOfficer,
  revokeEnforcementCertificate,
  updateOfficer,
} from '../commands/officer.commands.js';
import { EnforcementCertificate } from '../entities/enforcement-certificate.entity.js';
import { Office } from '../entities/office.entity.js';
import { Officer } from '../entities/officer.entity.js';
import type { LocalDate } from '../procedure/local-date.js';
import type { OfficerRole } from '../procedure/officer-role.js';
import {
  CREATED_AT_KEYS,
  Connection,
  PageArgs,
  listOrders,
  orderEnum,
} from '../schema/connection.js';
import { containsText, listWithinOffices } from './office-scoped-list.js';
import { OfficerRoleEnum } from '../schema/enums.js';
import { LocalDateScalar } from '../schema/scalars.js';

const OfficerConnection = Connection(Officer, 'Officer');

export const OFFICER_ORDERS = listOrders({
  CREATED_AT: CREATED_AT_KEYS,
  NAME: [{ property: 'name' }],
});

const OfficerOrderEnum = orderEnum(
  OFFICER_ORDERS,
  'OfficerOrder',
  '执法人员列表排序（OfficerOrder）',
  {
    NAME_ASC: { description: '姓名（name）升序' },
    NAME_DESC: { description: '姓名（name）降序' },
  },
);
type OfficerOrder = keyof typeof OFFICER_ORDERS;

@InputType({ description: '执法人员筛选条件' })
class OfficerFilter {
  @Field(() => ID, { nullable: true, description: '只列出该机关及其下级机关的人员' })
  officeId?: string | null;

  @Field(() => OfficerRoleEnum, { nullable: true, description: '只列出具有该角色的人员（role）' })
  role?: OfficerRole | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '在岗（true）或者已停用（false）；不填列出全部',
  })
  active?: boolean | null;

  @Field(() => String, { nullable: true, description: '按姓名模糊查找' })
  search?: string | null;
}

@InputType({ description: '新增执法人员（create officer）' })
class CreateOfficerInput {
  @Field(() => ID, { description: '所属机关（officeId）' }) officeId!: string;
  @Field({ description: '姓名（name）' }) name!: string;
  @Field(() => [OfficerRoleEnum], { description: '角色（roles）' }) roles!: OfficerRole[];
  @Field(() => String, {
    nullable: true,
    description: '法律职业资格证书编号（legalQualificationNumber）；初次从事法制审核的人员须填',
  })
  legalQualificationNumber?: string | null;
}

@InputType({ description: '修改执法人员（未提供的字段保持不变）' })
class UpdateOfficerInput {
  @Field(() => String, { nullable: true, description: '姓名（name）；不填保持不变' }) name?:
    string | null;
  @Field(() => [OfficerRoleEnum], {
    nullable: true,
    description: '角色（roles）；不填保持不变，传入则整体替换',
  })
  roles?: OfficerRole[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '在岗（active）；false 停用：不能登录，也不能实施执法行为',
  })
  active?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: '法律职业资格证书编号（legalQualificationNumber）；不填保持不变',
  })
  legalQualificationNumber?: string | null;
}

@InputType({ description: '登记行政执法证件（add enforcement certificate）' })
class AddEnforcementCertificateInput {
  @Field(() => ID, { description: '持证的执法人员（officerId）' }) officerId!: string;
  @Field({ description: '证件编号（全国唯一）' }) number!: string;
  @Field({ description: '发证机关（issuingAuthority）' }) issuingAuthority!: string;
  @Field(() => LocalDateScalar, { description: '有效期起（validFrom）' }) validFrom!: LocalDate;
  @Field(() => LocalDateScalar, { description: '有效期止（validTo，含当日）' }) validTo!: LocalDate;
}

@InputType({ description: '注销行政执法证件（revoke enforcement certificate）' })
class RevokeEnforcementCertificateInput {
  @Field(() => ID, { description: '要注销的证件（certificateId）' }) certificateId!: string;
  @Field(() => LocalDateScalar, { description: '注销日期（revokedOn），当日起无效' })
  revokedOn!: LocalDate;
  @Field({ description: '注销理由（reason）' }) reason!: string;
}

@Resolver(() => Officer)
export class OfficerResolver {
  @Authorized()
  @Query(() => Officer, { description: '当前登录的执法人员' })
  me(@Ctx() ctx: RequestContext): Officer {
    return requireActor(ctx).officer;
  }

  @Authorized()
  @Query(() => Officer, { description: '按 id 查询执法人员（本机关及下级机关）' })
  officer(
    @Arg('id', () => ID, { description: '执法人员标识（id）' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Officer> {
    return findVisibleOfficer(ctx.em, requireActor(ctx), id);
  }

  @Authorized()
  @Query(() => OfficerConnection, { description: '本机关及下级机关的执法人员' })
  async officers(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => OfficerFilter, {
      nullable: true,
      description: '筛选条件（filter）；不填列出本机关及下级机关的人员',
    })
    filter: OfficerFilter | null,
    @Arg('orderBy', () => OfficerOrderEnum, {
      nullable: true,
      description: '排序（orderBy），默认 CREATED_AT_DESC',
    })
    orderBy: OfficerOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    return listWithinOffices(
      ctx,
      Officer,
      filter?.officeId,
      {
        where: {
          ...(filter?.role ? { roles: { $contains: [filter.role] } } : {}),
          ...(filter?.active != null ? { active: filter.active } : {}),
          ...(filter?.search ? { name: containsText(filter.search) } : {}),
        },
      },
      page,
      OFFICER_ORDERS[orderBy ?? 'CREATED_AT_DESC'],
    );
  }

  @FieldResolver(() => Office, { description: '所在机关' })
  office(@Root() officer: Officer): Promise<Office> {
    return ref(officer.office).loadOrFail();
  }

  @FieldResolver(() => [EnforcementCertificate], {
    description: '行政执法证件（含已过期、已注销）',
  })
  async certificates(@Root() officer: Officer): Promise<EnforcementCertificate[]> {
    const items = await officer.certificates.load({ dataloader: true });
    return [...items].sort((a, b) => (a.validFrom < b.validFrom ? 1 : -1));
  }

  @FieldResolver(() => Boolean, { description: '该日是否持有有效执法证件（即是否具备执法资格）' })
  async hasValidCertificateOn(
    @Root() officer: Officer,
    @Arg('date', () => LocalDateScalar, { description: '核验日期（date）' }) date: LocalDate,
  ): Promise<boolean> {
    const items = await officer.certificates.load({ dataloader: true });
    return [...items].some((certificate) => certificate.isValidOn(date));
  }

  @Authorized('ADMIN')
  @Mutation(() => Officer, { description: '新增执法人员（系统管理员，限本机关及下级）' })
  createOfficer(
    @Arg('input', () => CreateOfficerInput, { description: '新人员的信息（input）' })
    input: CreateOfficerInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Officer> {
    return runInTransaction(ctx, (em, actor) => createOfficer(em, actor, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => Officer, { description: '修改执法人员（系统管理员，限本机关及下级）' })
  updateOfficer(
    @Arg('id', () => ID, { description: '要修改的执法人员（id）' }) id: string,
    @Arg('input', () => UpdateOfficerInput, { description: '修改的字段（input）' })
    input: UpdateOfficerInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Officer> {
    return runInTransaction(ctx, (em, actor) => updateOfficer(em, actor, id, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => EnforcementCertificate, { description: '登记行政执法证件' })
  addEnforcementCertificate(
    @Arg('input', () => AddEnforcementCertificateInput, { description: '证件信息（input）' })
    input: AddEnforcementCertificateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EnforcementCertificate> {
    return runInTransaction(ctx, (em, actor) => addEnforcementCertificate(em, actor, input));
  }

  @Authorized('ADMIN')
  @Mutation(() => EnforcementCertificate, { description: '注销行政执法证件（自注销日起无效）' })
  revokeEnforcementCertificate(
    @Arg('input', () => RevokeEnforcementCertificateInput, { description: '注销信息（input）' })
    input: RevokeEnforcementCertificateInput,
    @Ctx() ctx: RequestContext,
  ): Promise<EnforcementCertificate> {
    return runInTransaction(ctx, (em, actor) => revokeEnforcementCertificate(em, actor, input));
  }
}

@Resolver(() => EnforcementCertificate)
export class EnforcementCertificateResolver {
  @FieldResolver(() => Officer, { description: '持证人' })
  holder(@Root() certificate: EnforcementCertificate): Promise<Officer> {
    return ref(certificate.officer).loadOrFail();
  }
}
