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
import { createParty, findVisibleParty, updateParty } from '../commands/party.commands.js';
import { Office } from '../entities/office.entity.js';
import { Party } from '../entities/party.entity.js';
import { toLocalDate } from '../procedure/local-date.js';
import {
  CREATED_AT_KEYS,
  Connection,
  PageArgs,
  listOrders,
  orderEnum,
} from '../schema/connection.js';
import { listWithinOffices } from './office-scoped-list.js';
import { PARTY_SEARCH, searchConditions } from './text-search.js';
import {
  PartyIdTypeEnum,
  PartyKindEnum,
  type PartyIdType,
  type PartyKind,
} from '../schema/enums.js';

const PartyConnection = Connection(Party, 'Party');

export const PARTY_ORDERS = listOrders({
  CREATED_AT: CREATED_AT_KEYS,
  NAME: [{ property: 'name' }],
});

const PartyOrderEnum = orderEnum(PARTY_ORDERS, 'PartyOrder', '当事人列表排序（PartyOrder）', {
  NAME_ASC: { description: '姓名或名称（name）升序' },
  NAME_DESC: { description: '姓名或名称（name）降序' },
});
type PartyOrder = keyof typeof PARTY_ORDERS;

@InputType({ description: '当事人筛选条件' })
class PartyFilter {
  @Field(() => ID, { nullable: true, description: '只列出该机关及其下级机关登记的当事人' })
  officeId?: string | null;

  @Field(() => PartyKindEnum, { nullable: true, description: '只列出该类型的当事人（kind）' })
  kind?: PartyKind | null;

  @Field(() => String, { nullable: true, description: '按名称或证件号码查找' })
  search?: string | null;
}

@InputType({ description: '登记当事人（create party）' })
class CreatePartyInput {
  @Field(() => ID, { nullable: true, description: '登记机关（默认本机关）' }) officeId?:
    string | null;
  @Field(() => PartyKindEnum, { description: '当事人类型（kind）' }) kind!: PartyKind;
  @Field({ description: '姓名或名称（name）' }) name!: string;
  @Field(() => PartyIdTypeEnum, { description: '证件类型（idType）' }) idType!: PartyIdType;
  @Field({ description: '证件号码（idNumber）：身份证号或统一社会信用代码' }) idNumber!: string;
  @Field({ description: '住所或住址（address）' }) address!: string;
  @Field(() => String, { nullable: true, description: '法定代表人或负责人（legalRepresentative）' })
  legalRepresentative?: string | null;
  @Field(() => String, { nullable: true, description: '联系电话（contactPhone）' }) contactPhone?:
    string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '是否同意电子送达（electronicServiceConsent）',
  })
  electronicServiceConsent?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description: '确认的电子送达地址（electronicServiceAddress）',
  })
  electronicServiceAddress?: string | null;
}

@InputType({ description: '修改当事人（未提供的字段保持不变；可选字段传 null 清空）' })
class UpdatePartyInput {
  @Field(() => PartyKindEnum, { nullable: true, description: '当事人类型（kind）；不填保持不变' })
  kind?: PartyKind;
  @Field(() => String, { nullable: true, description: '姓名或名称（name）；不填保持不变' })
  name?: string;
  @Field(() => PartyIdTypeEnum, { nullable: true, description: '证件类型（idType）；不填保持不变' })
  idType?: PartyIdType;
  @Field(() => String, {
    nullable: true,
    description: '证件号码（idNumber）：身份证号或统一社会信用代码；不填保持不变',
  })
  idNumber?: string;
  @Field(() => String, { nullable: true, description: '住所或住址（address）；不填保持不变' })
  address?: string;
  @Field(() => String, {
    nullable: true,
    description: '法定代表人或负责人（legalRepresentative）；不填保持不变',
  })
  legalRepresentative?: string | null;
  @Field(() => String, { nullable: true, description: '联系电话（contactPhone）；不填保持不变' })
  contactPhone?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '是否同意电子送达（electronicServiceConsent）；不填保持不变',
  })
  electronicServiceConsent?: boolean;
  @Field(() => String, {
    nullable: true,
    description: '确认的电子送达地址（electronicServiceAddress）；不填保持不变',
  })
  electronicServiceAddress?: string | null;
}

const PARTY_EDITORS = ['CASE_HANDLER', 'OFFICE_HEAD', 'ADMIN'] as const;

@Resolver(() => Party)
export class PartyResolver {
  @Authorized()
  @Query(() => Party, { description: '按 id 查询当事人（本机关及下级机关登记的）' })
  party(
    @Arg('id', () => ID, { description: '当事人标识（id）' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Party> {
    return findVisibleParty(ctx.em, requireActor(ctx), id);
  }

  @Authorized()
  @Query(() => PartyConnection, { description: '本机关及下级机关登记的当事人' })
  async parties(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PartyFilter, {
      nullable: true,
      description: '筛选条件（filter）；不填列出本机关及下级机关登记的当事人',
    })
    filter: PartyFilter | null,
    @Arg('orderBy', () => PartyOrderEnum, {
      nullable: true,
      description: '排序（orderBy），默认 CREATED_AT_DESC',
    })
    orderBy: PartyOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    const term = filter?.search?.trim();
    const search = term ? await searchConditions(ctx, PARTY_SEARCH, term) : undefined;
    return listWithinOffices(
      ctx,
      Party,
      filter?.officeId,
      {
        where: filter?.kind ? { kind: filter.kind } : {},
        raw: search?.raw,
        byIds: search?.byIds,
      },
      page,
      PARTY_ORDERS[orderBy ?? 'CREATED_AT_DESC'],
    );
  }

  @FieldResolver(() => Office, { description: '登记机关' })
  office(@Root() party: Party): Promise<Office> {
    return ref(party.office).loadOrFail();
  }

  @Authorized(...PARTY_EDITORS)
  @Mutation(() => Party, { description: '登记当事人（校验身份证号码或统一社会信用代码）' })
  createParty(
    @Arg('input', () => CreatePartyInput, { description: '当事人信息（input）' })
    input: CreatePartyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Party> {
    return runInTransaction(ctx, (em, actor) =>
      createParty(em, actor, input, toLocalDate(ctx.now())),
    );
  }

  @Authorized(...PARTY_EDITORS)
  @Mutation(() => Party, { description: '修改当事人信息' })
  updateParty(
    @Arg('id', () => ID, { description: '要修改的当事人（id）' }) id: string,
    @Arg('input', () => UpdatePartyInput, { description: '修改的字段（input）' })
    input: UpdatePartyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Party> {
    return runInTransaction(ctx, (em, actor) =>
      updateParty(em, actor, id, input, toLocalDate(ctx.now())),
    );
  }
}
