import { closureSource, enforcementSource } from '../../commands/documents/step-sources.js';
import { producePaymentArrangementDecision } from '../../commands/documents/case-file-step-documents.js';
import {
  produceClosingForm,
  produceCourtEnforcementApplication,
  produceEnforcementDemand,
} from '../../commands/documents/step-documents.js';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Resolver,
  Root,
} from 'type-graphql';
import { requireActor } from '../../auth/auth-checker.js';
import type { RequestContext } from '../../auth/context.js';
import { withdrawPublication } from '../../commands/publications.js';
import { resolveApproval } from '../../commands/procedure/resolve-references.js';
import { toCaseSnapshot } from '../../commands/procedure/to-case-snapshot.js';
import { overridesForOffice } from '../../commands/rulebook.commands.js';
import { optionalText, requiredText } from '../../commands/validate.js';
import { Case } from '../../entities/case.entity.js';
import { Deadline } from '../../entities/deadline.entity.js';
import { Office } from '../../entities/office.entity.js';
import { Publication } from '../../entities/publication.entity.js';
import { ValidationError } from '../../errors/domain-error.js';
import type { RecordRemedyInput as EngineRemedyInput } from '../../procedure/action-inputs.js';
import type {
  ClosureGround,
  CourtRulingResult,
  PaymentArrangementKind,
  PaymentChannel,
  RemedyKind,
  RemedyOutcome,
} from '../../procedure/case-snapshot.js';
import {
  caseAmountDue,
  remedyPeriodsLapseOf,
  STATUTORY_SURCHARGE_RATES,
  yuanToFen,
  type SurchargeRates,
} from '../../procedure/execution.js';
import { toLocalDate, type LocalDate } from '../../procedure/local-date.js';
import type { ProcedureAction } from '../../procedure/procedure-action.js';
import {
  findRulebookVersion,
  rulebookFor,
  type RulebookOverrides,
} from '../../procedure/rulebook.js';
import {
  ClosureGroundEnum,
  CourtRulingResultEnum,
  PaymentArrangementKindEnum,
  PaymentChannelEnum,
  RemedyOutcomeEnum,
  RemedyStageEnum,
  type RemedyStage,
} from '../../schema/procedure-enums.js';
import { ApprovalInput, CaseStepArgs, ProcedureResult } from '../../schema/procedure.types.js';
import { LocalDateScalar } from '../../schema/scalars.js';
import {
  PenaltyInput,
  checkedPenalties,
  enginePenalty,
  requireId,
  rolesOf,
  runCaseStep,
  validYuan,
} from './procedure-inputs.js';

/**
 * After the decision: payment (and the late surcharge), deferral or instalments, reconsideration
 * and litigation, the demand, the application to the court and its ruling, and closure.
 * Money crosses the API in yuan and is kept by the engine in integer fen.
 */

/** Late-surcharge rates of the rulebook in force on `date` (statutory rates before 2021-07-15). */
function surchargeRates(date: LocalDate, overrides: RulebookOverrides | undefined): SurchargeRates {
  if (!findRulebookVersion(date)) {
    return STATUTORY_SURCHARGE_RATES;
  }
  const { parameters } = rulebookFor(date, overrides);
  return {
    percentPerDay: parameters.lateSurchargePercentPerDay.value,
    capPercent: parameters.lateSurchargeCapPercent.value,
  };
}

/** A positive yuan amount (at most two decimals) → integer fen. */
function positiveFen(field: string, yuan: number): number {
  const amount = validYuan(field, yuan);
  if (amount === undefined || amount <= 0) {
    throw ValidationError.field('INVALID_AMOUNT', field, `${field} 应为大于零的金额（元）`, {
      value: yuan,
    });
  }
  return yuanToFen(amount);
}

@InputType({ description: '记录缴纳罚款' })
class RecordPaymentInput {
  @Field(() => LocalDateScalar, { description: '缴纳日期' }) paidOn!: LocalDate;
  @Field(() => Number, { description: '缴纳金额（元，最多两位小数）' }) amountYuan!: number;
  @Field(() => PaymentChannelEnum) channel!: PaymentChannel;
  @Field({ description: '银行或者电子支付的缴款凭证号' }) receiptNumber!: string;
}

@InputType({ description: '当事人申请延期或者分期缴纳罚款' })
class ApplyForDeferralInput {
  @Field(() => PaymentArrangementKindEnum) kind!: PaymentArrangementKind;
  @Field(() => LocalDateScalar) appliedOn!: LocalDate;
  @Field({ description: '当事人陈述的经济困难' }) reason!: string;
}

@InputType({ description: '延期或者分期缴纳的一期' })
class InstalmentInput {
  @Field(() => LocalDateScalar, { description: '该期的缴纳期限' }) dueOn!: LocalDate;
  @Field(() => Number, { description: '该期金额（元）' }) amountYuan!: number;
}

@InputType({ description: '延期或者分期缴纳罚款的审批（负责人）' })
class DecidePaymentArrangementInput {
  @Field(() => ID, { description: '申请（case.paymentArrangements 中的 id）' })
  arrangementId!: string;
  @Field() approved!: boolean;
  @Field(() => LocalDateScalar) decidedOn!: LocalDate;
  @Field(() => ApprovalInput, { nullable: true }) approval?: ApprovalInput | null;
  @Field(() => [InstalmentInput], {
    nullable: true,
    description: '批准时：新的缴纳期限（延期一期，分期至少两期，合计为未缴罚款）',
  })
  schedule?: InstalmentInput[] | null;
  @Field(() => String, {
    nullable: true,
    description: '不予批准时：理由（rejectionReason，载入延期（分期）缴纳罚款决定书）',
  })
  rejectionReason?: string | null;
}

/** The fields of recordReconsideration's and recordLitigation's inputs. */
@InputType({ description: '行政复议或者行政诉讼：申请（起诉）或者结果' })
abstract class RecordRemedyInput {
  @Field(() => RemedyStageEnum) stage!: RemedyStage;
  @Field(() => LocalDateScalar, { nullable: true, description: 'FILED：申请复议或者起诉的日期' })
  filedOn?: LocalDate | null;
  @Field(() => String, { nullable: true, description: 'FILED：复议机关或者人民法院' })
  organ?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'DECIDED：复议或者诉讼（case.remedies 中的 id）',
  })
  remedyId?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'DECIDED：复议决定书或者生效裁判送达（生效）的日期',
  })
  decidedOn?: LocalDate | null;
  @Field(() => RemedyOutcomeEnum, { nullable: true }) outcome?: RemedyOutcome | null;
  @Field(() => [PenaltyInput], { nullable: true, description: 'CHANGED：变更后的处罚' })
  changedPenalties?: PenaltyInput[] | null;
}

@InputType({ description: '行政复议：申请或者复议决定' })
class RecordReconsiderationInput extends RecordRemedyInput {}

@InputType({ description: '行政诉讼：起诉或者生效裁判' })
class RecordLitigationInput extends RecordRemedyInput {}

@InputType({ description: '催告当事人履行（催告书）' })
class IssueEnforcementDemandInput {
  @Field(() => LocalDateScalar, { description: '催告书的制作日期' }) issuedOn!: LocalDate;
  @Field(() => LocalDateScalar, { description: '催告书载明的履行期限' }) performBy!: LocalDate;
}

@InputType({ description: '申请人民法院强制执行（负责人）' })
class ApplyForCourtEnforcementInput {
  @Field(() => LocalDateScalar) appliedOn!: LocalDate;
  @Field(() => String, { nullable: true, description: '受理的人民法院（默认本机关所在地法院）' })
  court?: string | null;
}

@InputType({ description: '人民法院的执行裁定或者执行结果' })
class RecordCourtRulingInput {
  @Field(() => LocalDateScalar) ruledOn!: LocalDate;
  @Field(() => CourtRulingResultEnum) result!: CourtRulingResult;
}

@InputType({ description: '结案（结案审批表，负责人批准）' })
class CloseCaseInput {
  @Field(() => ClosureGroundEnum) ground!: ClosureGround;
  @Field(() => LocalDateScalar) closedOn!: LocalDate;
  @Field(() => ApprovalInput, { nullable: true, description: '负责人在结案审批表上的批准' })
  approval?: ApprovalInput | null;
}

@ObjectType({ description: '应缴罚款及加处罚款（按计算日）' })
class AmountDueType {
  @Field(() => LocalDateScalar, { description: '计算日' }) asOf!: LocalDate;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '缴纳期限届满日（延期、分期的，为最后一期）',
  })
  paymentDueDate!: LocalDate | null;
  @Field(() => Number, { description: '罚款数额（元）' }) principalYuan!: number;
  @Field(() => Number, { description: '加处罚款（元）' }) surchargeYuan!: number;
  @Field(() => Int, { description: '计入加处罚款的逾期天数' }) surchargeDays!: number;
  @Field(() => Int, { description: '复议、诉讼期间不计加处罚款的天数' }) suspendedDays!: number;
  @Field({ description: '加处罚款已达到罚款数额（上限）' }) capApplied!: boolean;
  @Field(() => Number, { description: '已缴（元）' }) paidYuan!: number;
  @Field(() => Number, { description: '尚欠（元）' }) outstandingYuan!: number;
  @Field(() => [String], { description: '计算说明' }) explanation!: string[];
}

@ObjectType({ description: '缴纳罚款记录' })
class PaymentRecordType {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateScalar) paidOn!: LocalDate;
  @Field(() => Number, { description: '金额（元）' }) amountYuan!: number;
  @Field(() => PaymentChannelEnum) channel!: PaymentChannel;
  @Field() receiptNumber!: string;
}

@ObjectType({ description: '延期或者分期缴纳的一期' })
class InstalmentType {
  @Field(() => LocalDateScalar) dueOn!: LocalDate;
  @Field(() => Number, { description: '金额（元）' }) amountYuan!: number;
}

@ObjectType({ description: '延期或者分期缴纳罚款的申请及审批' })
class PaymentArrangementType {
  @Field(() => ID) id!: string;
  @Field(() => PaymentArrangementKindEnum) kind!: PaymentArrangementKind;
  @Field(() => LocalDateScalar) appliedOn!: LocalDate;
  @Field(() => String, {
    nullable: true,
    description: 'APPROVED 批准 / REJECTED 不予批准；未决定为空',
  })
  decision!: string | null;
  @Field(() => LocalDateScalar, { nullable: true }) decidedOn!: LocalDate | null;
  @Field(() => [InstalmentType], { description: '批准的缴纳期限' }) schedule!: InstalmentType[];
}

@ObjectType({ description: '行政复议或者行政诉讼' })
class RemedyRecordType {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'RECONSIDERATION 行政复议 / LITIGATION 行政诉讼' })
  kind!: RemedyKind;
  @Field(() => LocalDateScalar) filedOn!: LocalDate;
  @Field({ description: '复议机关或者人民法院' }) organ!: string;
  @Field(() => LocalDateScalar, { nullable: true }) decidedOn!: LocalDate | null;
  @Field(() => RemedyOutcomeEnum, { nullable: true }) outcome!: RemedyOutcome | null;
}

@ObjectType({ description: '人民法院的裁定或者执行结果' })
class CourtRulingType {
  @Field(() => LocalDateScalar) ruledOn!: LocalDate;
  @Field(() => CourtRulingResultEnum) result!: CourtRulingResult;
}

@ObjectType({ description: '催告与申请人民法院强制执行' })
class EnforcementRecordType {
  @Field(() => LocalDateScalar) demandIssuedOn!: LocalDate;
  @Field(() => Number, { description: '催告的金额（元）' }) demandAmountYuan!: number;
  @Field(() => LocalDateScalar, { nullable: true, description: '催告书视为送达的日期' })
  demandServedOn!: LocalDate | null;
  @Field(() => LocalDateScalar, {
    description: '复议、诉讼期限（或者延期、分期缴纳期限）届满日：申请强制执行的三个月自此起算',
  })
  remedyPeriodsLapseOn!: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true }) courtAppliedOn!: LocalDate | null;
  @Field(() => String, { nullable: true }) court!: string | null;
  @Field(() => [CourtRulingType]) rulings!: CourtRulingType[];
}

const fenToYuan = (fen: number) => fen / 100;

const REMEDY_NAMES: Record<RemedyKind, string> = {
  RECONSIDERATION: '行政复议',
  LITIGATION: '行政诉讼',
};
const OUTCOME_NAMES: Partial<Record<RemedyOutcome, string>> = {
  CHANGED: '变更',
  ANNULLED: '撤销',
  CONFIRMED_UNLAWFUL: '确认违法',
};

/** recordReconsideration / recordLitigation: the same input, the same withdrawal of the publication. */
function recordRemedy(
  ctx: RequestContext,
  step: CaseStepArgs,
  input: RecordRemedyInput,
  action: Extract<ProcedureAction, 'recordReconsideration' | 'recordLitigation'>,
  kind: RemedyKind,
): Promise<ProcedureResult> {
  const engineInput = ((): EngineRemedyInput => {
    if (input.stage === 'FILED') {
      return {
        stage: 'FILED',
        filedOn: requireDate('filedOn', input.filedOn),
        organ: requiredText('organ', input.organ ?? '', 200),
      };
    }
    const outcome = input.outcome;
    if (!outcome) {
      throw ValidationError.field('FIELD_REQUIRED', 'outcome', 'outcome 不能为空');
    }
    const changed = checkedPenalties('changedPenalties', input.changedPenalties ?? []);
    return {
      stage: 'DECIDED',
      remedyId: requireId('remedyId', input.remedyId),
      decidedOn: requireDate('decidedOn', input.decidedOn),
      outcome,
      ...(changed.length > 0 ? { changedPenalties: changed.map(enginePenalty) } : {}),
    };
  })();
  return runCaseStep(
    ctx,
    { ...step, submitted: input },
    {
      action,
      resolveInput: async () => engineInput,
      persist: async ({ em, found, today, calendar, input: decided }) => {
        if (decided.stage !== 'DECIDED' || !OUTCOME_NAMES[decided.outcome]) {
          return;
        }
        // APL art. 48(2): a changed, annulled or unlawful decision comes down within 3 working days.
        const publications = await em.find(Publication, { case: found, withdrawnOn: null });
        for (const publication of publications) {
          await withdrawPublication(
            em,
            publication,
            decided.decidedOn,
            today,
            `行政处罚决定经${REMEDY_NAMES[kind]}被${OUTCOME_NAMES[decided.outcome]}`,
            calendar,
          );
        }
      },
    },
  );
}

function requireDate(field: string, value: LocalDate | null | undefined): LocalDate {
  if (!value) {
    throw ValidationError.field('FIELD_REQUIRED', field, `${field} 不能为空`);
  }
  return value;
}

@Resolver()
export class ExecutionResolver {
  @Authorized(rolesOf('recordPayment'))
  @Mutation(() => ProcedureResult, {
    description: '记录缴纳罚款（到指定银行或者电子支付）；罚款及加处罚款缴清的，执行完毕',
  })
  recordPayment(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => RecordPaymentInput) input: RecordPaymentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const amountFen = positiveFen('amountYuan', input.amountYuan);
    const receiptNumber = requiredText('receiptNumber', input.receiptNumber, 100);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'recordPayment',
        resolveInput: async () => ({
          paidOn: input.paidOn,
          amountFen,
          channel: input.channel,
          receiptNumber,
        }),
      },
    );
  }

  @Authorized(rolesOf('applyForDeferral'))
  @Mutation(() => ProcedureResult, {
    description: '记录当事人确有经济困难，申请延期或者分期缴纳罚款',
  })
  applyForDeferral(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ApplyForDeferralInput) input: ApplyForDeferralInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const reason = requiredText('reason', input.reason, 2000);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'applyForDeferral',
        resolveInput: async () => ({ kind: input.kind, appliedOn: input.appliedOn, reason }),
      },
    );
  }

  @Authorized(rolesOf('decidePaymentArrangement'))
  @Mutation(() => ProcedureResult, {
    description: '批准或者不予批准延期、分期缴纳罚款（负责人）；批准的，新的期限取代十五日',
  })
  decidePaymentArrangement(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => DecidePaymentArrangementInput) input: DecidePaymentArrangementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const schedule = (input.schedule ?? []).map((entry, index) => ({
      dueOn: entry.dueOn,
      amountFen: positiveFen(`schedule[${index}].amountYuan`, entry.amountYuan),
    }));
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'decidePaymentArrangement',
        resolveInput: async ({ em, actor }) => {
          const approval = await resolveApproval(em, actor, input.approval);
          return {
            arrangementId: input.arrangementId,
            approved: input.approved,
            decidedOn: input.decidedOn,
            ...(approval ? { approval } : {}),
            ...(input.schedule ? { schedule } : {}),
          };
        },
        // 延期（分期）缴纳罚款决定书 (APL art. 66(2)), approved or not.
        documents: async (context) =>
          producePaymentArrangementDecision(context, {
            arrangementId: input.arrangementId,
            approved: input.approved,
            decidedOn: input.decidedOn,
            schedule,
            rejectionReason: optionalText('rejectionReason', input.rejectionReason, 2000),
          }),
      },
    );
  }

  @Authorized(rolesOf('recordReconsideration'))
  @Mutation(() => ProcedureResult, {
    description:
      '记录行政复议的申请或者复议决定；决定被变更、撤销或者确认违法的，已公开的处罚决定信息随即撤回',
  })
  recordReconsideration(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => RecordReconsiderationInput) input: RecordReconsiderationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return recordRemedy(ctx, step, input, 'recordReconsideration', 'RECONSIDERATION');
  }

  @Authorized(rolesOf('recordLitigation'))
  @Mutation(() => ProcedureResult, {
    description:
      '记录行政诉讼的起诉或者生效裁判；决定被变更、撤销或者确认违法的，已公开的处罚决定信息随即撤回',
  })
  recordLitigation(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => RecordLitigationInput) input: RecordLitigationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return recordRemedy(ctx, step, input, 'recordLitigation', 'LITIGATION');
  }

  @Authorized(rolesOf('issueEnforcementDemand'))
  @Mutation(() => ProcedureResult, {
    description:
      '催告当事人履行（催告书）：金额为催告之日应缴的罚款及加处罚款；申请强制执行的三个月自复议、诉讼期限届满之日起算',
  })
  issueEnforcementDemand(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => IssueEnforcementDemandInput) input: IssueEnforcementDemandInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    let demandDue: ReturnType<typeof caseAmountDue>;
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'issueEnforcementDemand',
        resolveInput: async ({ em, snapshot, found }) => {
          const overrides = await overridesForOffice(em, found!.officePath);
          const due = caseAmountDue(
            snapshot,
            input.issuedOn,
            surchargeRates(input.issuedOn, overrides),
          );
          demandDue = due;
          return {
            issuedOn: input.issuedOn,
            amountFen: due?.outstandingFen ?? 0,
            performBy: input.performBy,
            // Without stored remedy periods the engine refuses (DEADLINE_NOT_RECORDED).
            remedyPeriodsLapseOn: remedyPeriodsLapseOf(snapshot) ?? input.issuedOn,
          };
        },
        // 催告书 (Compulsion Law art. 35), in the same transaction.
        documents: async (context) =>
          produceEnforcementDemand(context, {
            enforcement: await enforcementSource(context.em, context.found, context.next, {
              principalFen: demandDue?.principalOutstandingFen ?? 0,
              surchargeFen: demandDue?.surchargeOutstandingFen ?? 0,
              asOf: input.issuedOn,
              performBy: input.performBy,
            }),
          }),
      },
    );
  }

  @Authorized(rolesOf('applyForCourtEnforcement'))
  @Mutation(() => ProcedureResult, {
    description:
      '申请人民法院强制执行（负责人）：催告书送达满十个工作日、复议诉讼期限届满后，三个月内',
  })
  applyForCourtEnforcement(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ApplyForCourtEnforcementInput) input: ApplyForCourtEnforcementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const court = optionalText('court', input.court, 200);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'applyForCourtEnforcement',
        resolveInput: async ({ em, found }) => ({
          appliedOn: input.appliedOn,
          court:
            court ?? (await em.findOneOrFail(Office, { id: found!.office.id })).litigationCourt,
        }),
        // 强制执行申请书 (Compulsion Law art. 55), built on the demand it follows.
        documents: async (context) =>
          produceCourtEnforcementApplication(context, {
            demandServedOn: context.next.enforcement?.demandServedOn ?? context.input.appliedOn,
            application: {
              court: context.input.court,
              headName: context.actor.officer.name,
              performance: '当事人在催告书确定的期限内仍未履行缴纳罚款及加处罚款的义务。',
              partyOpinion: null,
              officeOpinion:
                '当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行行政处罚决定，经催告仍未履行，特申请强制执行。',
              attachments: [
                { title: '行政处罚决定书及送达回证', quantity: '各一份' },
                { title: '催告书及送达回证', quantity: '各一份' },
              ],
            },
          }),
      },
    );
  }

  @Authorized(rolesOf('recordCourtRuling'))
  @Mutation(() => ProcedureResult, { description: '记录人民法院的执行裁定或者执行结果' })
  recordCourtRuling(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => RecordCourtRulingInput) input: RecordCourtRulingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'recordCourtRuling',
        resolveInput: async () => ({ ruledOn: input.ruledOn, result: input.result }),
      },
    );
  }

  @Authorized(rolesOf('closeCase'))
  @Mutation(() => ProcedureResult, { description: '结案（负责人批准结案审批表）' })
  closeCase(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => CloseCaseInput) input: CloseCaseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'closeCase',
        resolveInput: async ({ em, actor }) => {
          const approval = await resolveApproval(em, actor, input.approval);
          return {
            ground: input.ground,
            closedOn: input.closedOn,
            ...(approval ? { approval } : {}),
          };
        },
        // 结案审批表, with the head's approval recorded on it.
        documents: async (context) =>
          produceClosingForm(context, {
            closure: await closureSource(context.em, context.found, context.next, {
              ground: input.ground,
              closedOn: input.closedOn,
              approverId: context.input.approval?.approverId ?? null,
            }),
          }),
      },
    );
  }
}

@Resolver(() => Case)
export class CaseExecutionResolver {
  @FieldResolver(() => AmountDueType, {
    nullable: true,
    description:
      '应缴罚款及加处罚款（每日百分之三，不超过罚款数额；复议、诉讼期间不计）；无罚款缴纳期限的为空',
  })
  async amountDue(
    @Root() found: Case,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: '计算日（默认当日）' })
    asOf: LocalDate | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AmountDueType | null> {
    requireActor(ctx);
    const on = asOf ?? toLocalDate(ctx.now());
    const em = ctx.em.fork();
    const open = await toCaseSnapshot(em, await em.findOneOrFail(Case, { id: found.id }), on);
    // The snapshot holds open deadlines only; once paid (or the periods ended) the due date is
    // the last PAYMENT period stored.
    const lastPayment = open.deadlines.PAYMENT
      ? null
      : await em.findOne(
          Deadline,
          { case: found.id, kind: 'PAYMENT' },
          { orderBy: { createdAt: 'desc', id: 'desc' } },
        );
    const snapshot = lastPayment
      ? { ...open, deadlines: { ...open.deadlines, PAYMENT: { dueDate: lastPayment.dueDate } } }
      : open;
    const overrides = await overridesForOffice(em, found.officePath);
    const due = caseAmountDue(snapshot, on, surchargeRates(on, overrides));
    if (!due) {
      return null;
    }
    const arrangementEnd = snapshot.paymentArrangements
      .findLast((a) => a.decision === 'APPROVED')
      ?.schedule?.at(-1)?.dueOn;
    return Object.assign(new AmountDueType(), {
      asOf: due.asOf,
      paymentDueDate: arrangementEnd ?? snapshot.deadlines.PAYMENT?.dueDate ?? null,
      principalYuan: fenToYuan(due.principalFen),
      surchargeYuan: fenToYuan(due.surchargeFen),
      surchargeDays: due.surchargeDays,
      suspendedDays: due.suspendedDays,
      capApplied: due.capApplied,
      paidYuan: fenToYuan(due.paidFen),
      outstandingYuan: fenToYuan(due.outstandingFen),
      explanation: [...due.explanation],
    });
  }

  @FieldResolver(() => [PaymentRecordType], { description: '缴纳罚款记录' })
  payments(@Root() found: Case): PaymentRecordType[] {
    return (found.procedureRecord?.payments ?? []).map((p) =>
      Object.assign(new PaymentRecordType(), {
        id: p.id,
        paidOn: p.paidOn,
        amountYuan: fenToYuan(p.amountFen),
        channel: p.channel,
        receiptNumber: p.receiptNumber,
      }),
    );
  }

  @FieldResolver(() => [PaymentArrangementType], {
    description: '延期或者分期缴纳罚款的申请及审批',
  })
  paymentArrangements(@Root() found: Case): PaymentArrangementType[] {
    return (found.procedureRecord?.paymentArrangements ?? []).map((a) =>
      Object.assign(new PaymentArrangementType(), {
        id: a.id,
        kind: a.kind,
        appliedOn: a.appliedOn,
        decision: a.decision ?? null,
        decidedOn: a.decidedOn ?? null,
        schedule: (a.schedule ?? []).map((i) =>
          Object.assign(new InstalmentType(), {
            dueOn: i.dueOn,
            amountYuan: fenToYuan(i.amountFen),
          }),
        ),
      }),
    );
  }

  @FieldResolver(() => [RemedyRecordType], { description: '行政复议、行政诉讼' })
  remedies(@Root() found: Case): RemedyRecordType[] {
    return (found.procedureRecord?.remedies ?? []).map((r) =>
      Object.assign(new RemedyRecordType(), {
        id: r.id,
        kind: r.kind,
        filedOn: r.filedOn,
        organ: r.organ,
        decidedOn: r.decidedOn ?? null,
        outcome: r.outcome ?? null,
      }),
    );
  }

  @FieldResolver(() => EnforcementRecordType, {
    nullable: true,
    description: '催告与申请人民法院强制执行（未催告为空）',
  })
  enforcement(@Root() found: Case): EnforcementRecordType | null {
    const e = found.procedureRecord?.enforcement;
    if (!e) {
      return null;
    }
    return Object.assign(new EnforcementRecordType(), {
      demandIssuedOn: e.demandIssuedOn,
      demandAmountYuan: fenToYuan(e.demandAmountFen),
      demandServedOn: e.demandServedOn ?? null,
      remedyPeriodsLapseOn: e.remedyPeriodsLapseOn,
      courtAppliedOn: e.courtAppliedOn ?? null,
      court: e.court ?? null,
      rulings: e.rulings.map((r) =>
        Object.assign(new CourtRulingType(), { ruledOn: r.ruledOn, result: r.result }),
      ),
    });
  }
}
