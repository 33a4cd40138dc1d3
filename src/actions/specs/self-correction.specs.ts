import { requiredText } from '../../commands/validate.js';
import { officersInScope, resolveApproval } from '../../commands/procedure/resolve-references.js';
import { Decision } from '../../entities/decision.entity.js';
import { ValidationError } from '../../errors/domain-error.js';
import type { DecisionCorrectionInput as EngineCorrectionInput } from '../../procedure/action-inputs.js';
import type { CaseSnapshot, ProposedPenalty } from '../../procedure/case-snapshot.js';
import { formatFen } from '../../procedure/execution.js';
import { PENALTY_KIND_NAMES } from '../../procedure/penalty-kind.js';
import {
  discretionBenchmarkFor,
  ORDINARY_DISCRETION,
  type DiscretionRecord,
} from '../../procedure/discretion.js';
import type { DecisionCorrectionContent } from '../../documents/kinds/case-document-source.js';
import {
  ChangeDecisionInput,
  HandleComplaintInput,
  RecordComplaintInput,
  RecordRefundInput,
  RevokeDecisionInput,
  type DecisionCorrectionInput,
} from '../../schema/procedure-inputs/self-correction.inputs.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Case } from '../../entities/case.entity.js';
import type { Actor as RequestActor } from '../../auth/context.js';
import { engineInput, spec } from '../action-spec.js';
import { itemList, positiveFen } from '../input-checks.js';
import {
  checkedDiscretion,
  checkedPenalties,
  createDecision,
  enginePenalty,
  penaltyViolations,
} from '../penalties.js';

/**
 * 申诉、检举 and the office's own correction of its penalty decision (APL art. 75(2)): the
 * complaint or report and the head's finding on it; the revocation or change with its legal
 * review, the principal head's approval and its 撤销（变更）行政处罚决定书. Clerical errors in a
 * letter are not a change: they are corrected with correctDocument (文书补正、更正).
 */

function nonEmpty(field: string, items: string[]): string[] {
  if (items.length === 0) {
    throw ValidationError.field('FIELD_REQUIRED', field, '至少填写一项');
  }
  return items;
}

export const recordComplaint = spec({
  action: 'recordComplaint',
  input: RecordComplaintInput,
  description:
    '记录公民、法人或者其他组织对本案行政处罚的申诉或者检举（《中华人民共和国行政处罚法》第七十五条第二款），由负责人处理',
  check: (input: RecordComplaintInput) => ({
    input,
    complainant: requiredText('complainant', input.complainant, 200),
    content: nonEmpty('content', itemList('content', input.content, 5000)),
  }),
  toEngineInput: async ({ input }) =>
    engineInput<'recordComplaint'>({ kind: input.kind, receivedOn: input.receivedOn }),
});

export const handleComplaint = spec({
  action: 'handleComplaint',
  input: HandleComplaintInput,
  description:
    '负责人处理申诉、检举：认定原行政处罚决定确有错误的，本机关应当主动改正（撤销或者变更决定）',
  check: (input: HandleComplaintInput) => ({
    input,
    reasons: nonEmpty('reasons', itemList('reasons', input.reasons, 5000)),
  }),
  toEngineInput: async ({ input }) =>
    engineInput<'handleComplaint'>({
      complaintId: input.complaintId,
      handledOn: input.handledOn,
      finding: input.finding,
    }),
});

/** The reviewer, the principal head's approval and the ground, as the engine reads them. */
async function correctionPart(
  input: DecisionCorrectionInput,
  em: EntityManager,
  actor: RequestActor,
): Promise<EngineCorrectionInput> {
  const approval = await resolveApproval(em, actor, input.approval);
  const [reviewer] = input.legalReview
    ? await officersInScope(em, actor, [input.legalReview.reviewerId])
    : [];
  return {
    decidedOn: input.decidedOn,
    ...(input.complaintId ? { complaintId: input.complaintId } : {}),
    ...(input.legalReview
      ? {
          legalReview: {
            reviewerId: input.legalReview.reviewerId,
            reviewedOn: input.legalReview.reviewedOn,
            // APL art. 58(2): 法律职业资格, as the officer record holds it.
            reviewerQualified: Boolean(reviewer?.legalQualificationNumber),
          },
        }
      : {}),
    ...(approval ? { approval } : {}),
    ...(input.collectiveDiscussedOn ? { collectiveDiscussedOn: input.collectiveDiscussedOn } : {}),
  };
}

/** The decision row the correction acts on: the case's latest (a change adds a newer one). */
async function decisionRow(em: EntityManager, found: Case): Promise<Decision> {
  const row = await em.findOne(Decision, { case: found }, { orderBy: { createdAt: 'desc' } });
  if (!row) {
    throw new Error('revokeDecision/changeDecision: the case has no decision row');
  }
  return row;
}

/** The discretion the decision recorded (一般处罚 where it recorded none): a change keeps it unless restated. */
function recordedDiscretion(decision: Decision): DiscretionRecord {
  return {
    tier: decision.discretionTier ?? 'ORDINARY',
    grounds: [...decision.discretionGrounds],
    ...(decision.discretionStatement ? { statement: decision.discretionStatement } : {}),
  };
}

function penaltyLine(p: ProposedPenalty): string {
  const amount =
    p.amountYuan !== undefined ? `人民币${formatFen(Math.round(p.amountYuan * 100))}` : '';
  return `${PENALTY_KIND_NAMES[p.kind]}${amount}`;
}

/** The letter's section from the correction just recorded (the last of the next snapshot). */
function correctionSource(
  next: CaseSnapshot,
  original: Decision,
  reasons: readonly string[],
): DecisionCorrectionContent {
  const correction = next.decisionCorrections.at(-1)!;
  const complaint = next.complaints.find((c) => c.id === correction.complaintId);
  // Money still owed after every payment on record: paid within the period from the letter's service.
  const paidFen = next.payments.reduce((sum, p) => sum + p.amountFen, 0);
  const outstandingFen = correction.obligationFen - paidFen;
  return {
    kind: correction.kind,
    originalNumber: original.documentNumber ?? '',
    originalDecidedOn: original.decidedOn,
    decidedOn: correction.decidedOn,
    complaint: complaint ? { kind: complaint.kind, receivedOn: complaint.receivedOn } : null,
    reasons,
    penalties: correction.penalties.map(penaltyLine),
    refundYuan:
      correction.refundOwedFen > 0 ? formatFen(correction.refundOwedFen).replace('元', '') : null,
    outstandingYuan: outstandingFen > 0 ? formatFen(outstandingFen).replace('元', '') : null,
  };
}

export const revokeDecision = spec({
  action: 'revokeDecision',
  input: RevokeDecisionInput,
  description:
    '本机关发现行政处罚决定有错误，主动撤销（《中华人民共和国行政处罚法》第七十五条第二款）：经法制审核和主要负责人书面批准，制作撤销行政处罚决定书；已缴款项予以退还，催告和强制执行申请随之撤回，已公开的决定信息撤下；案件随后以 DECISION_ANNULLED 结案',
  check: (input: RevokeDecisionInput) => ({
    input,
    reasons: nonEmpty('reasons', itemList('reasons', input.reasons, 5000)),
  }),
  toEngineInput: async ({ input }, { em, actor }) =>
    engineInput<'revokeDecision'>(await correctionPart(input, em, actor)),
  persist: async ({ em, found }) => ({ original: await decisionRow(em, found) }),
  documents: async ({ next, checked }, { original }) => [
    {
      kind: 'DECISION_REVOCATION_OR_CHANGE',
      content: correctionSource(next, original, checked.reasons),
    },
  ],
  publication: ({ input }) => ({
    kind: 'WITHDRAW',
    on: input.decidedOn,
    reason: '行政处罚决定已由本机关撤销',
  }),
});

export const changeDecision = spec({
  action: 'changeDecision',
  input: ChangeDecisionInput,
  description:
    '本机关发现行政处罚决定有错误，主动变更（《中华人民共和国行政处罚法》第七十五条第二款）：经法制审核和主要负责人书面批准，制作变更行政处罚决定书；多缴的款项予以退还，已公开的决定信息更新；加重处罚的须重新告知并听取陈述、申辩（第四十四条、第四十五条第二款）。仅文字、计算笔误的，通过文书更正（correctDocument）办理',
  check: (input: ChangeDecisionInput) => {
    const penalties = checkedPenalties('penalties', input.penalties);
    if (penalties.length === 0) {
      throw ValidationError.field(
        'FIELD_REQUIRED',
        'penalties',
        '变更后至少有一项处罚；不再处罚的，应当撤销原决定',
      );
    }
    return {
      input,
      penalties,
      discretion: input.discretion ? checkedDiscretion(input.discretion) : undefined,
      reasons: nonEmpty('reasons', itemList('reasons', input.reasons, 5000)),
    };
  },
  toEngineInput: async ({ input, penalties, discretion }, { em, actor, snapshot, found }) => {
    // The changed penalties pass the checks of decideCase (provision, kinds, range, tier and
    // discretion, APL arts. 4, 29, 32, 34, 37), judged on the day of the change.
    // No decision yet: the engine refuses the step on its status; the check runs on 一般处罚.
    const latest = await em.findOne(Decision, { case: found! }, { orderBy: { createdAt: 'desc' } });
    const decided = discretion ?? (latest ? recordedDiscretion(latest) : ORDINARY_DISCRETION);
    return {
      input: {
        ...(await correctionPart(input, em, actor)),
        penalties: penalties.map(enginePenalty),
        ...(input.renewedNotice
          ? {
              renewedNotice: {
                servedOn: input.renewedNotice.servedOn,
                rightsConcluded: input.renewedNotice.rightsConcluded,
              },
            }
          : {}),
      },
      violations: await penaltyViolations(em, snapshot, penalties, input, decided, input.decidedOn),
      resolved: { discretion: decided },
    };
  },
  // The changed decision is a new row; the decision it changes is kept as it was.
  persist: async ({ em, found, checked, allowed, resolved }) => {
    const original = await decisionRow(em, found);
    const changed = createDecision(
      em,
      found,
      'PENALTY',
      allowed.actDate,
      checked.reasons.join('\n'),
      checked.penalties,
    );
    changed.publicationChoice = original.publicationChoice ?? null;
    // The discretion the change was checked with, and the benchmark in force on its day.
    changed.discretionTier = resolved.discretion.tier;
    changed.discretionGrounds = [...resolved.discretion.grounds];
    changed.discretionStatement = resolved.discretion.statement ?? null;
    changed.discretionBenchmark = discretionBenchmarkFor(allowed.actDate)?.id ?? null;
    return { original, changed };
  },
  documents: async ({ next, checked }, { original }) => [
    {
      kind: 'DECISION_REVOCATION_OR_CHANGE',
      content: correctionSource(next, original, checked.reasons),
    },
  ],
  afterDocuments: ({ changed }, produced) => {
    changed.documentNumber = produced[0]?.number ?? null;
  },
  publication: ({ input }, { changed }) => ({
    kind: 'REPLACE',
    on: input.decidedOn,
    reason: '行政处罚决定已由本机关变更',
    decision: changed,
  }),
});

export const recordRefund = spec({
  action: 'recordRefund',
  input: RecordRefundInput,
  description:
    '记录退还款项（退还）：撤销或者变更行政处罚决定后应予退还的款项已退付当事人；不超过尚未退还的数额，于结案前记录（《中华人民共和国行政处罚法》第七十五条第二款）',
  check: (input: RecordRefundInput) => ({
    correctionId: input.correctionId,
    refundedOn: input.refundedOn,
    amountFen: positiveFen('amountYuan', input.amountYuan),
    receiptNumber: requiredText('receiptNumber', input.receiptNumber, 100),
  }),
  toEngineInput: async (checked) => engineInput<'recordRefund'>(checked),
});
