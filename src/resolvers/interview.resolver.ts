import { ref } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
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
import { isInScope } from '../auth/office-scope.js';
import {
  findVisibleInterview,
  recordInterview,
  recordInterviewFollowUp,
} from '../commands/interview.commands.js';
import { groupBy, requestLoader } from '../db/loaders.js';
import { Case } from '../entities/case.entity.js';
import { InterviewDocument } from '../entities/interview-document.entity.js';
import { InterviewEvent } from '../entities/interview-event.entity.js';
import { Interview } from '../entities/interview.entity.js';
import { Office } from '../entities/office.entity.js';
import { Party } from '../entities/party.entity.js';
import {
  INTERVIEW_LEGAL_BASIS_CITATIONS,
  isRectificationOverdue,
  type InterviewLegalBasis,
} from '../procedure/interview-basis.js';
import { toLocalDate, type LocalDate } from '../procedure/local-date.js';
import { CREATED_AT_KEYS, Connection, PageArgs, listOrders } from '../schema/connection.js';
import { InterviewLegalBasisEnum } from '../schema/enums.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { listWithinOffices } from './office-scoped-list.js';

const InterviewConnection = Connection(Interview, 'Interview');

/** Interviews linked to cases, by interview date: one `case_id in (…)` statement for a page. */
function interviewsOfCases(em: EntityManager) {
  return requestLoader<string, Interview[]>(em, 'case.interviews', async (ids) =>
    groupBy(
      ids,
      await em.find(
        Interview,
        { case: { $in: [...ids] } },
        { orderBy: { interviewedOn: 'asc', id: 'asc' } },
      ),
      (i) => i.case!.id,
    ),
  );
}

/** Cases linked to interviews, by id: one statement for a page (null: not visible). */
function linkedCases(em: EntityManager) {
  return requestLoader<string, Case | null>(em, 'interview.case', async (ids) => {
    const found = new Map(
      (await em.find(Case, { id: { $in: [...ids] } })).map((c) => [c.id, c] as const),
    );
    return ids.map((id) => found.get(id) ?? null);
  });
}

/** Parties interviewed, by id: one statement for a page. */
function interviewedParties(em: EntityManager) {
  return requestLoader<string, Party | null>(em, 'interview.party', async (ids) => {
    const found = new Map(
      (await em.find(Party, { id: { $in: [...ids] } })).map((p) => [p.id, p] as const),
    );
    return ids.map((id) => found.get(id) ?? null);
  });
}

const INTERVIEW_ORDERS = listOrders({ CREATED_AT: CREATED_AT_KEYS });

/** Who may record an interview and its follow-up: as for 询问 (recordInquiry), and the head. */
const INTERVIEW_RECORDERS = ['CASE_HANDLER', 'OFFICE_HEAD'] as const;

@InputType({ description: '被约谈人' })
class IntervieweeInput {
  @Field({ description: '姓名（name）' }) name!: string;
  @Field({ description: '职务（position），如法定代表人、主要负责人' }) position!: string;
}

@InputType({ description: '记录约谈（不属于行政处罚）' })
class RecordInterviewInput {
  @Field(() => ID, { description: '被约谈的当事人（partyId）：法人或者其他组织' })
  partyId!: string;
  @Field(() => ID, { nullable: true, description: '关联的案件（caseId），须为该当事人的案件' })
  caseId?: string | null;
  @Field(() => LocalDateScalar, { description: '约谈日期（interviewedOn）；执法证件按该日核验' })
  interviewedOn!: LocalDate;
  @Field(() => InterviewLegalBasisEnum, { description: '约谈的法律依据（legalBasis）' })
  legalBasis!: InterviewLegalBasis;
  @Field(() => [IntervieweeInput], {
    description: '被约谈人（interviewees）：法定代表人或者主要负责人',
  })
  interviewees!: IntervieweeInput[];
  @Field(() => [ID], { description: '实施约谈的执法人员（officerIds，不少于两名）' })
  officerIds!: string[];
  @Field({ description: '约谈事项（matters）：发现的问题（风险、安全事件）及提出的要求' })
  matters!: string;
  @Field({ description: '约谈地点（place）' }) place!: string;
  @Field({ description: '约谈开始时间（startTime，HH:mm）' }) startTime!: string;
  @Field({ description: '约谈结束时间（endTime，HH:mm）' }) endTime!: string;
  @Field({ description: '被约谈人的陈述（intervieweeStatement），载入约谈笔录' })
  intervieweeStatement!: string;
  @Field({ description: '是否要求整改（rectificationRequired）' })
  rectificationRequired!: boolean;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '整改期限（rectificationDueOn）：要求整改时必填，须晚于约谈日期',
  })
  rectificationDueOn?: LocalDate | null;
}

@InputType({ description: '约谈的跟踪复查' })
class RecordInterviewFollowUpInput {
  @Field(() => LocalDateScalar, { description: '复查日期（followedUpOn），不早于约谈日期' })
  followedUpOn!: LocalDate;
  @Field({ description: '是否已整改到位（rectified）' }) rectified!: boolean;
  @Field(() => String, { nullable: true, description: '复查情况（followUpNote）' })
  followUpNote?: string | null;
}

@Resolver(() => Interview)
export class InterviewResolver {
  @Authorized()
  @Query(() => InterviewConnection, {
    description: '本机关及下级机关的约谈记录，新记录在前；可按当事人或案件筛选',
  })
  interviews(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('partyId', () => ID, { nullable: true, description: '只列出该当事人的约谈（partyId）' })
    partyId: string | null,
    @Arg('caseId', () => ID, { nullable: true, description: '只列出关联该案件的约谈（caseId）' })
    caseId: string | null,
    @Arg('rectificationOverdue', () => Boolean, {
      nullable: true,
      description:
        '只列出整改逾期（rectificationOverdue = true）：要求整改、整改期限已过（今天晚于期限）、复查未认定已整改到位',
    })
    rectificationOverdue: boolean | null,
    @Ctx() ctx: RequestContext,
  ) {
    const today = toLocalDate(ctx.now());
    return listWithinOffices(
      ctx,
      Interview,
      null,
      {
        where: {
          ...(partyId ? { party: partyId } : {}),
          ...(caseId ? { case: caseId } : {}),
          ...(rectificationOverdue
            ? {
                rectificationRequired: true,
                rectificationDueOn: { $lt: today },
                $or: [{ rectified: null }, { rectified: false }],
              }
            : {}),
        },
      },
      page,
      INTERVIEW_ORDERS.CREATED_AT_DESC,
    );
  }

  @Authorized()
  @Query(() => Interview, { description: '按 id 查询约谈记录（本机关及下级机关的）' })
  interview(
    @Arg('id', () => ID, { description: '约谈记录标识（id）' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Interview> {
    return findVisibleInterview(ctx.em, requireActor(ctx), id);
  }

  @FieldResolver(() => String, { description: '法律依据条文（legalBasisCitation）' })
  legalBasisCitation(@Root() interview: Interview): string {
    return INTERVIEW_LEGAL_BASIS_CITATIONS[interview.legalBasis];
  }

  @FieldResolver(() => Office, { description: '实施约谈的机关' })
  office(@Root() interview: Interview): Promise<Office> {
    return ref(interview.office).loadOrFail();
  }

  @FieldResolver(() => Party, { description: '被约谈的当事人' })
  async party(@Root() interview: Interview, @Ctx() ctx: RequestContext): Promise<Party> {
    const party = await interviewedParties(ctx.em).load(interview.party.id);
    return party ?? ref(interview.party).loadOrFail();
  }

  @FieldResolver(() => Case, { nullable: true, description: '关联的案件；独立约谈时为空' })
  async case(@Root() interview: Interview, @Ctx() ctx: RequestContext): Promise<Case | null> {
    if (!interview.case) {
      return null;
    }
    const linked = await linkedCases(ctx.em).load(interview.case.id);
    return linked && isInScope(requireActor(ctx), linked.officePath) ? linked : null;
  }

  @FieldResolver(() => Boolean, {
    description:
      '整改是否逾期（rectificationOverdue）：要求整改、今天晚于整改期限、复查未认定已整改到位（未复查或复查认定未整改）',
  })
  rectificationOverdue(@Root() interview: Interview, @Ctx() ctx: RequestContext): boolean {
    return isRectificationOverdue(interview, toLocalDate(ctx.now()));
  }

  @FieldResolver(() => [InterviewDocument], {
    description: '本次约谈的文书（约谈笔录），生成后不可更改，附 SHA-256',
  })
  documents(
    @Root() interview: Interview,
    @Ctx() ctx: RequestContext,
  ): Promise<InterviewDocument[]> {
    return ctx.em.find(
      InterviewDocument,
      { interview: interview.id },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }

  @FieldResolver(() => [InterviewEvent], {
    description: '本次约谈的全过程记录（本机关约谈哈希链中的记录，按顺序）',
  })
  auditEvents(@Root() interview: Interview, @Ctx() ctx: RequestContext): Promise<InterviewEvent[]> {
    return ctx.em.find(
      InterviewEvent,
      { interview: interview.id },
      { orderBy: { sequence: 'asc' } },
    );
  }

  @Authorized(...INTERVIEW_RECORDERS)
  @Mutation(() => Interview, {
    description:
      '记录约谈（网络安全法第五十八条、个人信息保护法第六十四条、数据安全法第四十四条；不属于行政处罚）',
  })
  recordInterview(
    @Arg('input', () => RecordInterviewInput, { description: '约谈情况（input）' })
    input: RecordInterviewInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Interview> {
    return runInTransaction(ctx, (em, actor) =>
      recordInterview(em, actor, input, toLocalDate(ctx.now()), ctx.now()),
    );
  }

  @Authorized(...INTERVIEW_RECORDERS)
  @Mutation(() => Interview, { description: '记录约谈的跟踪复查（每次约谈一次）' })
  recordInterviewFollowUp(
    @Arg('interviewId', () => ID, { description: '约谈记录（interviewId）' }) interviewId: string,
    @Arg('input', () => RecordInterviewFollowUpInput, { description: '复查情况（input）' })
    input: RecordInterviewFollowUpInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Interview> {
    return runInTransaction(ctx, (em, actor) =>
      recordInterviewFollowUp(em, actor, interviewId, input, toLocalDate(ctx.now()), ctx.now()),
    );
  }
}

@Resolver(() => Case)
export class CaseInterviewsResolver {
  @FieldResolver(() => [Interview], { description: '关联本案的约谈记录（按约谈日期）' })
  interviews(@Root() c: Case, @Ctx() ctx: RequestContext): Promise<Interview[]> {
    return interviewsOfCases(ctx.em).load(c.id);
  }
}
