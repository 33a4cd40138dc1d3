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
import { containsText, listWithinOffices } from './office-scoped-list.js';
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
  CREATED_AT_ASC: { description: '记录时间（createdAt）由早到晚' },
  CREATED_AT_DESC: { description: '记录时间（createdAt）由新到旧（默认）' },
  NAME_ASC: { description: '姓名或名称（name）升序' },
  NAME_DESC: { description: '姓名或名称（name）降序' },
});
type PartyOrder = keyof typeof PARTY_ORDERS;

@InputType({ description: '当事人筛选条件' })
class PartyFilter {
  @Field(() => ID, { nullable: true, description: '只列出该机关及其下级机关登记的当事人' })
  officeId?: string | null;

  @Field(() => PartyKindEnum, { nullable: true })
  kind?: PartyKind | null;

  @Field(() => String, { nullable: true, description: '按名称或证件号码查找' })
  search?: string | null;
}

@InputType()
class CreatePartyInput {
  @Field(() => ID, { nullable: true, description: '登记机关（默认本机关）' }) officeId?:
    string | null;
  @Field(() => PartyKindEnum) kind!: PartyKind;
  @Field() name!: string;
  @Field(() => PartyIdTypeEnum) idType!: PartyIdType;
  @Field() idNumber!: string;
  @Field() address!: string;
  @Field(() => String, { nullable: true }) legalRepresentative?: string | null;
  @Field(() => String, { nullable: true }) contactPhone?: string | null;
  @Field(() => Boolean, { nullable: true }) electronicServiceConsent?: boolean | null;
  @Field(() => String, { nullable: true }) electronicServiceAddress?: string | null;
}

@InputType({ description: '修改当事人（未提供的字段保持不变；可选字段传 null 清空）' })
class UpdatePartyInput {
  @Field(() => PartyKindEnum, { nullable: true }) kind?: PartyKind;
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => PartyIdTypeEnum, { nullable: true }) idType?: PartyIdType;
  @Field(() => String, { nullable: true }) idNumber?: string;
  @Field(() => String, { nullable: true }) address?: string;
  @Field(() => String, { nullable: true }) legalRepresentative?: string | null;
  @Field(() => String, { nullable: true }) contactPhone?: string | null;
  @Field(() => Boolean, { nullable: true }) electronicServiceConsent?: boolean;
  @Field(() => String, { nullable: true }) electronicServiceAddress?: string | null;
}

const PARTY_EDITORS = ['CASE_HANDLER', 'OFFICE_HEAD', 'ADMIN'] as const;

@Resolver(() => Party)
export class PartyResolver {
  @Authorized()
  @Query(() => Party, { description: '按 id 查询当事人（本机关及下级机关登记的）' })
  party(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext): Promise<Party> {
    return findVisibleParty(ctx.em, requireActor(ctx), id);
  }

  @Authorized()
  @Query(() => PartyConnection, { description: '本机关及下级机关登记的当事人' })
  async parties(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PartyFilter, { nullable: true }) filter: PartyFilter | null,
    @Arg('orderBy', () => PartyOrderEnum, {
      nullable: true,
      description: '排序（orderBy），默认 CREATED_AT_DESC',
    })
    orderBy: PartyOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    const search = filter?.search ? containsText(filter.search.trim()) : undefined;
    return listWithinOffices(
      ctx,
      Party,
      filter?.officeId,
      {
        where: {
          ...(filter?.kind ? { kind: filter.kind } : {}),
          ...(search ? { $or: [{ name: search }, { idNumber: search }] } : {}),
        },
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
    @Arg('input', () => CreatePartyInput) input: CreatePartyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Party> {
    return runInTransaction(ctx, (em, actor) =>
      createParty(em, actor, input, toLocalDate(ctx.now())),
    );
  }

  @Authorized(...PARTY_EDITORS)
  @Mutation(() => Party, { description: '修改当事人信息' })
  updateParty(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePartyInput) input: UpdatePartyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Party> {
    return runInTransaction(ctx, (em, actor) =>
      updateParty(em, actor, id, input, toLocalDate(ctx.now())),
    );
  }
}
