import { ref } from '@mikro-orm/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Info,
  InputType,
  Int,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireActor } from '../auth/auth-checker.js';
import type { Actor, RequestContext } from '../auth/context.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isInScope } from '../auth/office-scope.js';
import { findVisibleById } from '../commands/find-visible.js';
import { NotFoundError } from '../errors/domain-error.js';
import { Case } from '../entities/case.entity.js';
import { Decision } from '../entities/decision.entity.js';
import { Evidence } from '../entities/evidence.entity.js';
import { Office } from '../entities/office.entity.js';
import { Officer } from '../entities/officer.entity.js';
import { Party } from '../entities/party.entity.js';
import { PendingDocument } from '../entities/pending-document.entity.js';
import { caseLoaders } from './case-loaders.js';
import {
  caseDecisions,
  caseEvidence,
  caseParties,
  resolveCaseDetail,
  evidenceCollectors,
} from './case-detail.js';
import type { GraphQLResolveInfo } from 'graphql';
import type { PenaltyKind } from '../procedure/penalty-kind.js';
import {
  CREATED_AT_KEYS,
  Connection,
  PageArgs,
  listOrders,
  orderEnum,
  type RawCondition,
} from '../schema/connection.js';
import { listWithinOffices } from './office-scoped-list.js';
import { CASE_SEARCH, searchConditions } from './text-search.js';
import { CaseStatusEnum, PenaltyKindEnum, type CaseStatus } from '../schema/enums.js';
import { LocalDateScalar, MoneyScalar } from '../schema/scalars.js';
import { toLocalDate, type LocalDate } from '../procedure/local-date.js';
import { loadWorkingDayCalendar } from '../db/seed/reference-data.js';
import { PARTY_WINDOW_KINDS } from '../schema/procedure.types.js';
import { ValidationError } from '../errors/domain-error.js';

const CaseConnection = Connection(Case, 'Case');

/** Not yet docketed / no open deadline sorts as the far future: last ascending, first descending. */
const NOT_YET = `'infinity'::date`;

export const CASE_ORDERS = listOrders({
  CREATED_AT: CREATED_AT_KEYS,
  DOCKETED_ON: [{ property: 'docketedOn', nullAs: NOT_YET, cast: 'date' }],
  NUMBER: [{ property: 'number' }],
  STATUS: [{ property: 'status' }, { property: 'createdAt' }],
  NEXT_DEADLINE: [{ property: 'nextDeadlineDue', nullAs: NOT_YET, cast: 'date' }],
});

const CaseOrderEnum = orderEnum(CASE_ORDERS, 'CaseOrder', '案件列表排序（CaseOrder）', {
  CREATED_AT_ASC: { description: '登记入库时间（createdAt）由早到晚' },
  CREATED_AT_DESC: { description: '登记入库时间（createdAt）由新到旧（默认）' },
  DOCKETED_ON_ASC: { description: '立案日期（docketedOn）由早到晚，未立案的在后' },
  DOCKETED_ON_DESC: { description: '立案日期（docketedOn）由近到远，未立案的在前' },
  NUMBER_ASC: { description: '案件编号（number）升序' },
  NUMBER_DESC: { description: '案件编号（number）降序' },
  STATUS_ASC: { description: '案件状态代码（status）升序，同状态按登记时间由早到晚' },
  STATUS_DESC: { description: '案件状态代码（status）降序，同状态按登记时间由新到旧' },
  NEXT_DEADLINE_ASC: {
    description: '下一个期限届满日（进行中期限中最早的届满日）由近到远，无进行中期限的在后',
  },
  NEXT_DEADLINE_DESC: {
    description: '下一个期限届满日由远到近，无进行中期限的在前',
  },
});
type CaseOrder = keyof typeof CASE_ORDERS;

/** The widest "due within N working days" window the case list takes (a list bound, not a legal period). */
const MAX_DUE_WINDOW = 60;

@InputType({ description: '日期区间（DateRange），两端均含；只给一端即不限另一端' })
class DateRange {
  @Field(() => LocalDateScalar, { nullable: true, description: '起（from，含）' })
  from?: LocalDate | null;

  @Field(() => LocalDateScalar, { nullable: true, description: '止（to，含）' })
  to?: LocalDate | null;
}

@InputType({ description: '案件筛选条件' })
class CaseFilter {
  @Field(() => ID, {
    nullable: true,
    description: '只列出该机关及其下级机关的案件（默认：本机关及下级）',
  })
  officeId?: string | null;

  @Field(() => [CaseStatusEnum], { nullable: true, description: '案件状态（任一）' })
  status?: CaseStatus[] | null;

  @Field(() => String, { nullable: true, description: '按案件编号或当事人名称查找' })
  search?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: '我的案件（mine）：true 仅列出我承办或由我审批过的案件',
  })
  mine?: boolean | null;

  @Field(() => DateRange, { nullable: true, description: '案件来源登记日期（registeredOn）区间' })
  registered?: DateRange | null;

  @Field(() => DateRange, {
    nullable: true,
    description: '立案日期（docketedOn）区间；给出即仅列出已立案的案件',
  })
  docketed?: DateRange | null;

  @Field(() => DateRange, {
    nullable: true,
    description: '作出决定日期（decidedOn）区间；给出即仅列出已作出决定的案件',
  })
  decided?: DateRange | null;

  @Field(() => ID, { nullable: true, description: '当事人（partyId）：仅列出该当事人的案件' })
  partyId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '已超期（overdue）：true 仅列出有进行中的机关期限（不含当事人陈述申辩、听证申请期间）已过届满日的案件',
  })
  overdue?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: `临近届满（dueWithinWorkingDays）：仅列出有进行中的机关期限在今天起 N 个工作日内届满或已超期的案件，N 为 0–${MAX_DUE_WINDOW}`,
  })
  dueWithinWorkingDays?: number | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '推定期限（provisionalDeadlines）：true 仅列出有按推定年度计算的进行中期限的案件；false 仅列出没有的',
  })
  provisionalDeadlines?: boolean | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '有待制作文书（hasPendingDocuments）：true 仅列出有尚未制作的文书的案件；false 仅列出没有的',
  })
  hasPendingDocuments?: boolean | null;
}

function dateRange(range: DateRange | null | undefined) {
  if (!range) {
    return undefined;
  }
  return {
    $ne: null,
    ...(range.from ? { $gte: range.from } : {}),
    ...(range.to ? { $lte: range.to } : {}),
  };
}

/** An open deadline of the case that the office must meet (party windows are the party's). */
const OPEN_OFFICE_DEADLINE = `select 1 from "deadline" d where d."case_id" = "e0"."id" and d."stopped_on" is null and d."kind" not in (${PARTY_WINDOW_KINDS.map((k) => `'${k}'`).join(', ')})`;

/** The raw conditions of the filters that look into other tables. */
async function caseConditions(
  ctx: RequestContext,
  filter: CaseFilter | null,
): Promise<RawCondition[]> {
  const raw: RawCondition[] = [];
  if (!filter) {
    return raw;
  }
  const today = toLocalDate(ctx.now());
  if (filter.mine) {
    const me = requireActor(ctx).officerId;
    raw.push({
      sql: `exists (select 1 from "case_handler" h where h."case_id" = "e0"."id" and h."officer_id" = ?::uuid)
        or jsonb_path_exists("e0"."procedure_record", ?::jsonpath, jsonb_build_object('me', ?::text))`,
      // The path is a parameter: its "?" would otherwise read as a placeholder.
      params: [me, '$.** ? (@.approverId == $me)', me],
    });
  }
  if (filter.partyId) {
    raw.push({
      sql: `exists (select 1 from "case_party" p where p."case_id" = "e0"."id" and p."party_id" = ?::uuid)`,
      params: [filter.partyId],
    });
  }
  if (filter.overdue === true) {
    raw.push({
      sql: `exists (${OPEN_OFFICE_DEADLINE} and d."due_date" < ?)`,
      params: [today],
    });
  } else if (filter.overdue === false) {
    raw.push({
      sql: `not exists (${OPEN_OFFICE_DEADLINE} and d."due_date" < ?)`,
      params: [today],
    });
  }
  if (filter.dueWithinWorkingDays != null) {
    const n = filter.dueWithinWorkingDays;
    if (!Number.isInteger(n) || n < 0 || n > MAX_DUE_WINDOW) {
      throw ValidationError.field(
        'DUE_WITHIN_OUT_OF_RANGE',
        'filter.dueWithinWorkingDays',
        `临近届满的工作日数须在 0 到 ${MAX_DUE_WINDOW} 之间`,
        { max: MAX_DUE_WINDOW },
      );
    }
    const calendar = await loadWorkingDayCalendar(ctx.em);
    const bound = n === 0 ? today : calendar.addWorkingDays(today, n);
    raw.push({
      sql: `exists (${OPEN_OFFICE_DEADLINE} and d."due_date" <= ?)`,
      params: [bound],
    });
  }
  if (filter.provisionalDeadlines != null) {
    raw.push({
      sql: `${filter.provisionalDeadlines ? '' : 'not '}exists (select 1 from "deadline" d where d."case_id" = "e0"."id" and d."stopped_on" is null and d."provisional")`,
      params: [],
    });
  }
  if (filter.hasPendingDocuments != null) {
    raw.push({
      sql: `${filter.hasPendingDocuments ? '' : 'not '}exists (select 1 from "pending_document" p where p."case_id" = "e0"."id" and p."fulfilled_by_id" is null)`,
      params: [],
    });
  }
  return raw;
}

@ObjectType({ description: '处罚内容' })
class Penalty {
  @Field(() => PenaltyKindEnum, { description: '处罚种类（kind）' }) kind!: PenaltyKind;
  @Field(() => MoneyScalar, { nullable: true, description: '金额（元，两位小数）' }) amountYuan!:
    string | null;
  @Field(() => String, { nullable: true, description: '所依据的处罚条款（处罚条款目录 id）' })
  provisionId!: string | null;
}

/** A case in the actor's office or one below it; any other id reads as not found. */
export function findCaseInScope(em: EntityManager, actor: Actor, id: string): Promise<Case> {
  return findVisibleById(
    em,
    Case,
    id,
    (missing) => NotFoundError.of('CASE', missing),
    (found) => isInScope(actor, found.officePath),
  );
}

export function findVisibleCase(ctx: RequestContext, id: string): Promise<Case> {
  return findCaseInScope(ctx.em, requireActor(ctx), id);
}

@Resolver(() => Case)
export class CaseResolver {
  @Authorized()
  @Query(() => Case, { description: '按 id 查询案件（本机关及下级机关的案件）' })
  case(
    @Arg('id', () => ID, { description: '案件标识（id）' }) id: string,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Case> {
    // One statement for the case and the lists the query selects (case-detail.ts).
    return resolveCaseDetail(ctx, requireActor(ctx), id, info);
  }

  @Authorized()
  @Query(() => CaseConnection, {
    description: '本机关及下级机关的案件，按 orderBy 排序（默认新登记的在前）',
  })
  async cases(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CaseFilter, {
      nullable: true,
      description: '筛选条件（filter）；不填列出本机关及下级机关的全部案件',
    })
    filter: CaseFilter | null,
    @Arg('orderBy', () => CaseOrderEnum, {
      nullable: true,
      description: '排序（orderBy），默认 CREATED_AT_DESC',
    })
    orderBy: CaseOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    const registered = dateRange(filter?.registered);
    const docketed = dateRange(filter?.docketed);
    const decided = dateRange(filter?.decided);
    const term = filter?.search?.trim();
    const search = term
      ? await searchConditions(ctx, CASE_SEARCH, term)
      : { raw: [], byIds: false };
    return listWithinOffices(
      ctx,
      Case,
      filter?.officeId,
      {
        where: {
          ...(filter?.status?.length ? { status: { $in: filter.status } } : {}),
          ...(registered ? { registeredOn: registered } : {}),
          ...(docketed ? { docketedOn: docketed } : {}),
          ...(decided ? { decidedOn: decided } : {}),
        },
        raw: [...(await caseConditions(ctx, filter)), ...search.raw],
        byIds: search.byIds,
      },
      page,
      CASE_ORDERS[orderBy ?? 'CREATED_AT_DESC'],
    );
  }

  @FieldResolver(() => Office, { description: '办案机关' })
  office(@Root() found: Case): Promise<Office> {
    return ref(found.office).loadOrFail();
  }

  @FieldResolver(() => [Party], { description: '当事人' })
  parties(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<Party[]> {
    return caseParties(ctx.em).load(found.id);
  }

  @FieldResolver(() => [Officer], { description: '承办人员' })
  async handlers(@Root() found: Case): Promise<Officer[]> {
    return [...(await found.handlers.load({ dataloader: true }))];
  }

  @FieldResolver(() => [Evidence], { description: '证据，按取证时间排列' })
  evidence(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<Evidence[]> {
    return caseEvidence(ctx.em).load(found.id);
  }

  @FieldResolver(() => [Decision], { description: '处理决定' })
  decisions(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<Decision[]> {
    return caseDecisions(ctx.em).load(found.id);
  }

  @FieldResolver(() => [PendingDocument], {
    description:
      '待制作文书（pendingDocuments）：程序环节应当制作而尚未制作的文书，按环节顺序排列；以 generateDocument 制作后移除；required 的未制作完毕不得结案',
  })
  pendingDocuments(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<PendingDocument[]> {
    return caseLoaders(ctx).pendingDocuments.load(found.id);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => [Officer], { description: '取证人员' })
  async collectors(@Root() evidence: Evidence, @Ctx() ctx: RequestContext): Promise<Officer[]> {
    // A collection a mutation has just written is read as it stands.
    if (evidence.collectors.isInitialized()) {
      return evidence.collectors.getItems();
    }
    return evidenceCollectors(ctx.em).load(evidence.id);
  }
}

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => [Penalty], { description: '处罚种类和金额' })
  penalties(@Root() decision: Decision): Penalty[] {
    return decision.penalties.map((p) => Object.assign(new Penalty(), p));
  }
}
