import { closureSource, enforcementSource } from '../../commands/documents/step-sources.js';
import { surchargeRatesOn } from '../../commands/procedure/amount-due.js';
import { approvalPart } from '../../commands/procedure/resolve-references.js';
import { optionalText, requiredText } from '../../commands/validate.js';
import { Office } from '../../entities/office.entity.js';
import type { RecordRemedyInput as EngineRemedyInput } from '../../procedure/action-inputs.js';
import type { RemedyKind, RemedyOutcome } from '../../procedure/case-snapshot.js';
import { caseAmountDue, remedyPeriodsLapseOf } from '../../procedure/execution.js';
import {
  finedSeparately,
  partyAmountDue,
  partyRemedyPeriodsLapse,
} from '../../procedure/party-periods.js';
import { rulebookFor } from '../../procedure/rulebook.js';
import {
  ApplyForCourtEnforcementInput,
  ApplyForDeferralInput,
  CloseCaseInput,
  DecidePaymentArrangementInput,
  IssueEnforcementDemandInput,
  ApplyForRulingReviewInput,
  RecordCourtRulingInput,
  RecordLitigationInput,
  RecordPaymentInput,
  RecordReconsiderationInput,
  type RecordRemedyInput,
} from '../../schema/procedure-inputs/execution.inputs.js';
import { engineInput, spec } from '../action-spec.js';
import { enginePartyOf } from '../party-of.js';
import { positiveFen, requireValue } from '../input-checks.js';
import { checkedPenalties, enginePenalty } from '../penalties.js';

/**
 * After the decision: payment (and the late surcharge), deferral or instalments, reconsideration
 * and litigation, the demand, the application to the court and its ruling, and closure.
 * Money crosses the API in yuan and is kept by the engine in integer fen.
 */

export const recordPayment = spec({
  action: 'recordPayment',
  input: RecordPaymentInput,
  description: '记录缴纳罚款（到指定银行或者电子支付）；罚款及加处罚款缴清的，执行完毕',
  check: (input: RecordPaymentInput) => ({
    paidOn: input.paidOn,
    amountFen: positiveFen('amountYuan', input.amountYuan),
    channel: input.channel,
    receiptNumber: requiredText('receiptNumber', input.receiptNumber, 100),
    partyId: input.partyId,
  }),
  toEngineInput: async ({ partyId: _partyId, ...checked }, { snapshot }) =>
    engineInput<'recordPayment'>({
      ...checked,
      ...enginePartyOf(snapshot, _partyId, '案件有多名当事人，须载明缴纳罚款的当事人'),
    }),
});

export const applyForDeferral = spec({
  action: 'applyForDeferral',
  input: ApplyForDeferralInput,
  description: '记录当事人确有经济困难，申请延期或者分期缴纳罚款',
  check: (input: ApplyForDeferralInput) => ({
    kind: input.kind,
    appliedOn: input.appliedOn,
    reason: requiredText('reason', input.reason, 2000),
  }),
  toEngineInput: async (checked) => engineInput<'applyForDeferral'>(checked),
});

export const decidePaymentArrangement = spec({
  action: 'decidePaymentArrangement',
  input: DecidePaymentArrangementInput,
  description:
    '批准或者不予批准延期、分期缴纳罚款（负责人）；批准的，新的期限取代缴纳罚款期限（规则参数 paymentPeriod）',
  check: (input: DecidePaymentArrangementInput) => ({
    input,
    schedule: (input.schedule ?? []).map((entry, index) => ({
      dueOn: entry.dueOn,
      amountFen: positiveFen(`schedule[${index}].amountYuan`, entry.amountYuan),
    })),
  }),
  toEngineInput: async ({ input, schedule }, { em, actor }) => {
    return engineInput<'decidePaymentArrangement'>({
      arrangementId: input.arrangementId,
      approved: input.approved,
      decidedOn: input.decidedOn,
      ...(await approvalPart(em, actor, input.approval)),
      ...(input.schedule ? { schedule } : {}),
    });
  },
  // 延期（分期）缴纳罚款决定书 (APL art. 66(2)), approved or not.
  documents: async ({ checked: { input, schedule } }) => [
    {
      kind: 'PAYMENT_ARRANGEMENT_DECISION',
      content: {
        arrangementId: input.arrangementId,
        approved: input.approved,
        decidedOn: input.decidedOn,
        schedule,
        rejectionReason: optionalText('rejectionReason', input.rejectionReason, 2000),
      },
    },
  ],
});

const REMEDY_NAMES: Record<RemedyKind, string> = {
  RECONSIDERATION: '行政复议',
  LITIGATION: '行政诉讼',
};
const OUTCOME_NAMES: Partial<Record<RemedyOutcome, string>> = {
  CHANGED: '变更',
  ANNULLED: '撤销',
  CONFIRMED_UNLAWFUL: '确认违法',
};

function remedyInput(input: RecordRemedyInput): EngineRemedyInput {
  if (input.stage === 'FILED') {
    return {
      stage: 'FILED',
      filedOn: requireValue('filedOn', input.filedOn),
      organ: requiredText('organ', input.organ ?? '', 200),
    };
  }
  const outcome = requireValue('outcome', input.outcome);
  const changed = checkedPenalties('changedPenalties', input.changedPenalties ?? []);
  return {
    stage: 'DECIDED',
    remedyId: requireValue('remedyId', input.remedyId),
    decidedOn: requireValue('decidedOn', input.decidedOn),
    outcome,
    ...(changed.length > 0 ? { changedPenalties: changed.map(enginePenalty) } : {}),
  };
}

/** APL art. 48(2): a changed, annulled or unlawful decision comes down within 3 working days. */
function remedyPublication(kind: RemedyKind, decided: EngineRemedyInput) {
  if (decided.stage !== 'DECIDED' || !OUTCOME_NAMES[decided.outcome]) {
    return undefined;
  }
  return {
    kind: 'WITHDRAW' as const,
    on: decided.decidedOn,
    reason: `行政处罚决定经${REMEDY_NAMES[kind]}被${OUTCOME_NAMES[decided.outcome]}`,
  };
}

export const recordReconsideration = spec({
  action: 'recordReconsideration',
  input: RecordReconsiderationInput,
  description:
    '记录行政复议的申请或者复议决定；决定被变更、撤销或者确认违法的，已公开的处罚决定信息随即撤回',
  check: (input: RecordReconsiderationInput) => remedyInput(input),
  toEngineInput: async (decided) => engineInput<'recordReconsideration'>(decided),
  publication: ({ input }) => remedyPublication('RECONSIDERATION', input),
});

export const recordLitigation = spec({
  action: 'recordLitigation',
  input: RecordLitigationInput,
  description:
    '记录行政诉讼的起诉或者生效裁判；决定被变更、撤销或者确认违法的，已公开的处罚决定信息随即撤回',
  check: (input: RecordLitigationInput) => remedyInput(input),
  toEngineInput: async (decided) => engineInput<'recordLitigation'>(decided),
  publication: ({ input }) => remedyPublication('LITIGATION', input),
});

export const issueEnforcementDemand = spec({
  action: 'issueEnforcementDemand',
  input: IssueEnforcementDemandInput,
  description:
    '催告当事人履行（催告书）：金额为催告之日应缴的罚款及加处罚款；申请强制执行的期限（规则参数 courtEnforcementApplicationPeriod）自复议、诉讼期限届满之日起算',
  check: (input: IssueEnforcementDemandInput) => input,
  toEngineInput: async (input, { snapshot, overrides, calendar }) => {
    const party = enginePartyOf(snapshot, input.partyId, '案件有多名当事人，须载明催告的当事人');
    // Several parties fined separately: the party's own obligation, surcharge and remedy
    // periods (APL art. 66(1); Compulsion Law art. 35); otherwise the case's.
    const separately = party.partyId !== undefined && finedSeparately(snapshot);
    const rulebook = rulebookFor(input.issuedOn, overrides);
    const due = separately
      ? partyAmountDue(snapshot, party.partyId!, input.issuedOn, rulebook, calendar)
      : caseAmountDue(snapshot, input.issuedOn, surchargeRatesOn(input.issuedOn, overrides));
    const lapse = separately
      ? partyRemedyPeriodsLapse(snapshot, party.partyId!, rulebook, calendar)
      : remedyPeriodsLapseOf(snapshot);
    return {
      input: {
        issuedOn: input.issuedOn,
        amountFen: due?.outstandingFen ?? 0,
        performBy: input.performBy,
        // Without stored remedy periods the engine refuses (DEADLINE_NOT_RECORDED).
        remedyPeriodsLapseOn: lapse ?? input.issuedOn,
        ...party,
      },
      resolved: {
        principalFen: due?.principalOutstandingFen ?? 0,
        surchargeFen: due?.surchargeOutstandingFen ?? 0,
      },
    };
  },
  // 催告书 (Compulsion Law art. 35), in the same transaction.
  documents: async ({ em, found, next, checked: input, resolved }) => [
    {
      kind: 'ENFORCEMENT_DEMAND',
      content: {
        // The 催告书 is addressed to the party demanded.
        ...(next.enforcement?.partyId ? { addresseePartyId: next.enforcement.partyId } : {}),
        enforcement: await enforcementSource(em, found, next, {
          ...resolved,
          asOf: input.issuedOn,
          performBy: input.performBy,
        }),
      },
    },
  ],
});

/** What the application to the court states besides the case's own data. */
const COURT_APPLICATION_TEXT = {
  performance: '当事人在催告书确定的期限内仍未履行缴纳罚款及加处罚款的义务。',
  officeOpinion:
    '当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履行行政处罚决定，经催告仍未履行，特申请强制执行。',
  attachments: [
    { title: '行政处罚决定书及送达回证', quantity: '各一份' },
    { title: '催告书及送达回证', quantity: '各一份' },
  ],
};

export const applyForCourtEnforcement = spec({
  action: 'applyForCourtEnforcement',
  input: ApplyForCourtEnforcementInput,
  description:
    '申请人民法院强制执行（负责人）：催告书送达满规则参数 enforcementDemandWaitPeriod、复议诉讼期限届满后，在 courtEnforcementApplicationPeriod 内',
  check: (input: ApplyForCourtEnforcementInput) => ({
    appliedOn: input.appliedOn,
    court: optionalText('court', input.court, 200),
  }),
  toEngineInput: async ({ appliedOn, court }, { em, found }) =>
    engineInput<'applyForCourtEnforcement'>({
      appliedOn,
      court: court ?? (await em.findOneOrFail(Office, { id: found!.office.id })).litigationCourt,
    }),
  // 强制执行申请书 (Compulsion Law art. 55), built on the demand it follows.
  documents: async ({ next, input, actor }) => [
    {
      kind: 'COURT_ENFORCEMENT_APPLICATION',
      content: {
        // 被申请人: the party whose demand it follows.
        ...(next.enforcement?.partyId ? { addresseePartyId: next.enforcement.partyId } : {}),
        demandServedOn: next.enforcement?.demandServedOn ?? input.appliedOn,
        application: {
          ...COURT_APPLICATION_TEXT,
          court: input.court,
          headName: actor.officer.name,
          partyOpinion: null,
        },
      },
    },
  ],
});

export const recordCourtRuling = spec({
  action: 'recordCourtRuling',
  input: RecordCourtRulingInput,
  description: '记录人民法院的执行裁定或者执行结果',
  check: (input: RecordCourtRulingInput) => input,
  toEngineInput: async (input) =>
    engineInput<'recordCourtRuling'>({
      ruledOn: input.ruledOn,
      result: input.result,
      ...(input.receivedOn ? { receivedOn: input.receivedOn } : {}),
    }),
});

export const applyForRulingReview = spec({
  action: 'applyForRulingReview',
  input: ApplyForRulingReviewInput,
  description:
    '对人民法院不予执行的裁定申请复议（负责人）：自收到裁定之日起 courtRulingReviewPeriod 内向上一级人民法院申请；复议结果以 recordCourtRuling 记录',
  check: (input: ApplyForRulingReviewInput) => ({
    appliedOn: input.appliedOn,
    court: requiredText('court', input.court, 200),
  }),
  toEngineInput: async (checked) => engineInput<'applyForRulingReview'>(checked),
});

export const closeCase = spec({
  action: 'closeCase',
  input: CloseCaseInput,
  description: '结案（负责人批准结案审批表）',
  check: (input: CloseCaseInput) => ({
    ...input,
    termination: input.termination
      ? {
          ...input.termination,
          proof: requiredText('termination.proof', input.termination.proof, 2000),
        }
      : null,
  }),
  toEngineInput: async (input, { em, actor }) => {
    return engineInput<'closeCase'>({
      ground: input.ground,
      closedOn: input.closedOn,
      ...(await approvalPart(em, actor, input.approval)),
      ...(input.termination ? { termination: input.termination } : {}),
    });
  },
  // 结案审批表, with the head's approval recorded on it.
  documents: async ({ em, found, next, checked: input, input: closing }) => [
    {
      kind: 'CASE_CLOSING_APPROVAL_FORM',
      content: {
        closure: await closureSource(em, found, next, {
          ground: input.ground,
          closedOn: input.closedOn,
          approverId: closing.approval?.approverId ?? null,
        }),
      },
    },
  ],
});
