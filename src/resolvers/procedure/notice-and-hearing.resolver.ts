import {
  produceHearingNotice,
  producePrePenaltyNotice,
} from '../../commands/documents/step-documents.js';
import {
  HearingArrangementInput,
  NoticeContentInput,
} from '../../schema/document-content.inputs.js';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  Resolver,
} from 'type-graphql';
import type { RequestContext } from '../../auth/context.js';
import { resolveApproval } from '../../commands/procedure/resolve-references.js';
import { produceStatementRecord } from '../../commands/documents/case-file-step-documents.js';
import { optionalText, requiredText } from '../../commands/validate.js';
import { ValidationError } from '../../errors/domain-error.js';
import type { NonPublicGround } from '../../procedure/action-inputs.js';
import type { HearingOutcome, WaivableRight } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import {
  HearingOutcomeEnum,
  NonPublicGroundEnum,
  StatementChannelEnum,
  WaivableRightEnum,
  type StatementChannel,
} from '../../schema/procedure-enums.js';
import { ApprovalInput, ProcedureResult, CaseStepArgs } from '../../schema/procedure.types.js';
import { LocalDateScalar } from '../../schema/scalars.js';
import {
  CaseFlagsInput,
  PenaltyInput,
  penaltyViolations,
  checkedPenalties,
  enginePenalty,
  flagsPatch,
  officersInScope,
  rolesOf,
  runCaseStep,
} from './procedure-inputs.js';

/** Pre-penalty notice, statements and defence, waivers and the hearing. */

@InputType({ description: '行政处罚事先告知（负责人审查调查结果后）' })
class IssuePrePenaltyNoticeInput {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '当场送达的日期（陈述、申辩和听证申请期限自次日起算）；不填则只制作告知书，由 serveDocument 送达后起算',
  })
  servedOn?: LocalDate | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '告知书的制作（签发）日期；未当场送达时默认为当日',
  })
  issuedOn?: LocalDate | null;
  @Field(() => [PenaltyInput], { description: '拟作出的行政处罚及其处罚依据' })
  proposedPenalties!: PenaltyInput[];
  @Field(() => NoticeContentInput, { description: '告知书的内容：违法事实、理由、违反的规定' })
  content!: NoticeContentInput;
  @Field(() => ApprovalInput, { nullable: true, description: '负责人对调查结果的审查批准' })
  approval?: ApprovalInput | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '法律、法规、规章另行规定当事人可以要求听证',
  })
  hearingByOtherRule?: boolean | null;
  @Field(() => CaseFlagsInput, { nullable: true, description: '经审查修正的案件分类' })
  flags?: CaseFlagsInput | null;
  @Field(() => Number, { nullable: true, description: '经认定的违法所得（元；没有的填 0）' })
  illegalGainsYuan?: number | null;
  @Field(() => Number, { nullable: true, description: '上一年度营业额（元）' })
  priorYearTurnoverYuan?: number | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '具有《中华人民共和国行政处罚法》第三十二条减轻处罚情形并已记录',
  })
  mitigated?: boolean | null;
}

@InputType({ description: '当事人的陈述、申辩' })
class RecordStatementInput {
  @Field(() => LocalDateScalar) receivedOn!: LocalDate;
  @Field(() => StatementChannelEnum) channel!: StatementChannel;
  @Field(() => String, { nullable: true, description: '陈述、申辩要点' }) summary?: string | null;
  @Field(() => StatementRecordInput, {
    nullable: true,
    description: '口头陈述、申辩的笔录内容（record）；提供时生成陈述申辩笔录',
  })
  record?: StatementRecordInput | null;
}

@InputType({ description: '陈述申辩笔录的内容（口头陈述、申辩时制作）' })
class StatementRecordInput {
  @Field({ description: '开始时间（startTime，HH:mm）' }) startTime!: string;
  @Field({ description: '结束时间（endTime，HH:mm）' }) endTime!: string;
  @Field({ description: '地点（place）' }) place!: string;
  @Field({ description: '陈述申辩人姓名（statedBy）' }) statedBy!: string;
  @Field({ description: '陈述申辩人身份（statedByRole），如 当事人的法定代表人、委托代理人' })
  statedByRole!: string;
  @Field({ description: '记录人姓名（recorder）' }) recorder!: string;
  @Field(() => [String], { description: '陈述、申辩的内容，逐段（content）' }) content!: string[];
}

@InputType({ description: '对陈述、申辩的复核' })
class ReviewStatementInput {
  @Field(() => ID, { description: '陈述、申辩（案件 statements 中的 id）' }) statementId!: string;
  @Field(() => LocalDateScalar) reviewedOn!: LocalDate;
  @Field({ description: '事实、理由或者证据成立，予以采纳' }) adopted!: boolean;
  @Field(() => String, { nullable: true, description: '复核意见' }) opinion?: string | null;
}

@InputType({ description: '当事人明确放弃权利（书面签字）' })
class WaiveRightsInput {
  @Field(() => [WaivableRightEnum]) rights!: WaivableRight[];
  @Field(() => LocalDateScalar) waivedOn!: LocalDate;
  @Field({ description: '当事人已签署书面放弃声明' }) signedByParty!: boolean;
}

@InputType({ description: '当事人要求听证' })
class RequestHearingInput {
  @Field(() => LocalDateScalar, { description: '提出听证要求的日期（告知后五个工作日内）' })
  requestedOn!: LocalDate;
}

@InputType({ description: '指定听证主持人并送达听证通知书' })
class ScheduleHearingInput {
  @Field(() => LocalDateScalar, { description: '举行听证的日期' }) hearingOn!: LocalDate;
  @Field(() => LocalDateScalar, { description: '听证通知送达日期（听证的七个工作日前）' })
  noticeServedOn!: LocalDate;
  @Field(() => ID, { description: '听证主持人（非本案调查人员）' }) presidingOfficerId!: string;
  @Field({ description: '公开举行' }) isPublic!: boolean;
  @Field(() => NonPublicGroundEnum, { nullable: true, description: '不公开举行的理由' })
  nonPublicGround?: NonPublicGround | null;
  @Field(() => HearingArrangementInput, { description: '听证通知书载明的时间、地点和人员' })
  arrangement!: HearingArrangementInput;
}

@InputType({ description: '举行听证（听证笔录）' })
class RecordHearingInput {
  @Field(() => LocalDateScalar) heldOn!: LocalDate;
  @Field(() => HearingOutcomeEnum) outcome!: HearingOutcome;
  @Field(() => Int, { description: '当事人委托的代理人人数（至多两人）' }) agentCount!: number;
  @Field({ description: '听证笔录经当事人或者其代理人核对后签字或者盖章' })
  recordSignedByParty!: boolean;
  @Field({ description: '当事人拒绝签字或者盖章，听证主持人已在笔录中注明' })
  refusalNotedByPresider!: boolean;
}

@Resolver()
export class NoticeAndHearingResolver {
  @Authorized(rolesOf('issuePrePenaltyNotice'))
  @Mutation(() => ProcedureResult, {
    description:
      '行政处罚事先告知：拟作出的处罚须符合所援引处罚条款的种类、幅度和适用层级；当场送达的，开始计算陈述申辩和听证申请期限（否则自 serveDocument 送达之日起算）',
  })
  issuePrePenaltyNotice(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => IssuePrePenaltyNoticeInput) input: IssuePrePenaltyNoticeInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const penalties = checkedPenalties('proposedPenalties', input.proposedPenalties);
    const flags = flagsPatch(input.flags);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'issuePrePenaltyNotice',
        resolveInput: async ({ em, actor, snapshot, today, additionalViolations }) => {
          const actDate = input.servedOn ?? input.issuedOn ?? today;
          additionalViolations.push(
            ...(await penaltyViolations(em, snapshot, penalties, input, actDate)),
          );
          const approval = await resolveApproval(em, actor, input.approval);
          return {
            proposedPenalties: penalties.map(enginePenalty),
            ...(input.servedOn ? { servedOn: input.servedOn } : {}),
            ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}),
            ...(approval ? { approval } : {}),
            ...(input.hearingByOtherRule != null
              ? { hearingByOtherRule: input.hearingByOtherRule }
              : {}),
            ...(flags ? { flags } : {}),
          };
        },
        documents: (context) =>
          producePrePenaltyNotice(context, {
            servedOn: input.servedOn ?? null,
            ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}),
            penalties: penalties.map((p) => ({
              kind: p.kind,
              provisionId: p.provisionId,
              ...(p.amountYuan !== undefined ? { amountYuan: p.amountYuan } : {}),
            })),
            content: input.content,
          }),
      },
    );
  }

  @Authorized(rolesOf('recordStatement'))
  @Mutation(() => ProcedureResult, { description: '记录当事人的陈述、申辩' })
  recordStatement(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => RecordStatementInput) input: RecordStatementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    optionalText('summary', input.summary, 5000);
    const record = input.record
      ? {
          startTime: requiredText('record.startTime', input.record.startTime, 10),
          endTime: requiredText('record.endTime', input.record.endTime, 10),
          place: requiredText('record.place', input.record.place, 200),
          statedBy: requiredText('record.statedBy', input.record.statedBy, 100),
          statedByRole: requiredText('record.statedByRole', input.record.statedByRole, 100),
          recorder: requiredText('record.recorder', input.record.recorder, 100),
          content: input.record.content.map((p, i) =>
            requiredText(`record.content[${i}]`, p, 5000),
          ),
        }
      : null;
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'recordStatement',
        resolveInput: async () => ({ receivedOn: input.receivedOn, channel: input.channel }),
        // 陈述申辩笔录 when the oral statement's content is given (APL art. 45).
        ...(record
          ? {
              documents: (context) =>
                produceStatementRecord(context, { ...record, date: input.receivedOn }),
            }
          : {}),
      },
    );
  }

  @Authorized(rolesOf('reviewStatement'))
  @Mutation(() => ProcedureResult, { description: '复核当事人提出的事实、理由和证据' })
  reviewStatement(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ReviewStatementInput) input: ReviewStatementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    optionalText('opinion', input.opinion, 5000);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'reviewStatement',
        resolveInput: async () => ({
          statementId: input.statementId,
          reviewedOn: input.reviewedOn,
          adopted: input.adopted,
        }),
      },
    );
  }

  @Authorized(rolesOf('waiveRights'))
  @Mutation(() => ProcedureResult, {
    description: '当事人明确放弃陈述、申辩或者听证权利（书面签字）',
  })
  waiveRights(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => WaiveRightsInput) input: WaiveRightsInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'waiveRights',
        resolveInput: async () => ({
          rights: [...new Set(input.rights)],
          waivedOn: input.waivedOn,
          signedByParty: input.signedByParty,
        }),
      },
    );
  }

  @Authorized(rolesOf('requestHearing'))
  @Mutation(() => ProcedureResult, { description: '记录当事人要求听证（告知后五个工作日内）' })
  requestHearing(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => RequestHearingInput) input: RequestHearingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'requestHearing',
        resolveInput: async () => ({ requestedOn: input.requestedOn }),
      },
    );
  }

  @Authorized(rolesOf('scheduleHearing'))
  @Mutation(() => ProcedureResult, { description: '指定听证主持人并送达听证通知书（负责人）' })
  scheduleHearing(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ScheduleHearingInput) input: ScheduleHearingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    requiredText('arrangement.place', input.arrangement.place, 500);
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.arrangement.startTime)) {
      throw ValidationError.field(
        'INVALID_TIME',
        'arrangement.startTime',
        '开始时间应为 HH:MM，如 09:30',
      );
    }
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'scheduleHearing',
        resolveInput: async (context) => {
          const [presider] = await officersInScope(context.em, context, [input.presidingOfficerId]);
          return {
            hearingOn: input.hearingOn,
            noticeServedOn: input.noticeServedOn,
            presidingOfficerId: presider!.id,
            isPublic: input.isPublic,
            ...(input.nonPublicGround ? { nonPublicGround: input.nonPublicGround } : {}),
          };
        },
        documents: async (context) => {
          await officersInScope(context.em, context, [
            input.arrangement.recorderId,
            ...(input.arrangement.hearingOfficerIds ?? []),
          ]);
          return produceHearingNotice(context, {
            hearingOn: input.hearingOn,
            presidingOfficerId: input.presidingOfficerId,
            isPublic: input.isPublic,
            nonPublicGround: input.nonPublicGround ?? null,
            arrangement: input.arrangement,
          });
        },
      },
    );
  }

  @Authorized(rolesOf('recordHearing'))
  @Mutation(() => ProcedureResult, { description: '举行听证并制作听证笔录（听证主持人）' })
  recordHearing(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => RecordHearingInput) input: RecordHearingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    if (input.agentCount < 0) {
      throw ValidationError.field('INVALID_COUNT', 'agentCount', '代理人人数不能为负数');
    }
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'recordHearing',
        resolveInput: async () => ({
          heldOn: input.heldOn,
          outcome: input.outcome,
          agentCount: input.agentCount,
          recordSignedByParty: input.recordSignedByParty,
          refusalNotedByPresider: input.refusalNotedByPresider,
        }),
      },
    );
  }
}
