/**
 * The procedure as data: for each action, the statuses it may start from, its
 * outcomes (status reached, effects), the roles that may perform it, its guards
 * and its citations. decide() reads this table; docs/procedure.md is rendered from it.
 * Legal basis: 《中华人民共和国行政处罚法》第二十五条至第六十五条 (V); 《中华人民共和国行政强制法》
 * 第十八条至第二十八条 (V); 《中华人民共和国个人信息保护法》第六十三条 (V); 2017 规定第十条至第十八条 (P);
 * 2023 规定第四十二条 (P).
 */
import type { ActionInput } from './action-inputs.js';
import {
  DEADLINE_KINDS,
  latestDecisionCorrection,
  type CaseSnapshot,
  type DeadlineKind,
} from './case-snapshot.js';
import {
  EXECUTION_STATUSES,
  OPEN_DOCKETED_STATUSES,
  REMEDY_STATUSES,
  type CaseStatus,
} from './case-status.js';
import {
  cac2017,
  cac2023,
  civilProcedure,
  compulsionLaw,
  litigationLaw,
  pipl,
  reconsiderationLaw,
} from './citations.js';
import {
  caseAmountDue,
  fineFenOf,
  monetaryObligationFenOf,
  paymentDueDateOf,
} from './execution.js';
import { documentDue, startDeadline, stopDeadline, type Effect } from './effects.js';
import {
  cancelDocketingGuards,
  decideDocketingGuards,
  registerCaseSourceGuards,
} from './guards/docketing.guards.js';
import {
  extendCompulsoryMeasureGuards,
  imposeCompulsoryMeasureGuards,
  ratifyEmergencyMeasureGuards,
  recordTestingPeriodGuards,
  releaseCompulsoryMeasureGuards,
} from './guards/compulsory-measure.guards.js';
import { decideCaseGuards } from './guards/decision.guards.js';
import { periodsLapsedByActDate } from './guards/act-order.guards.js';
import {
  applyForCourtEnforcementGuards,
  applyForDeferralGuards,
  applyForRulingReviewGuards,
  closeCaseGuards,
  decidePaymentArrangementGuards,
  issueEnforcementDemandGuards,
  recordCourtRulingGuards,
  recordLitigationGuards,
  recordPaymentGuards,
  recordReconsiderationGuards,
} from './guards/execution.guards.js';
import { serveDocumentGuards } from './guards/service.guards.js';
import { orderCorrectionGuards, recordCorrectionReviewGuards } from './guards/correction.guards.js';
import {
  finedSeparately,
  hearingPartyIds,
  latestServiceOf,
  partiesWithOutstandingObligation,
  partiesWithUnpaidObligation,
} from './party-periods.js';
import {
  changeDecisionGuards,
  handleComplaintGuards,
  recordComplaintGuards,
  recordRefundGuards,
  revokeDecisionGuards,
} from './guards/self-correction.guards.js';
import {
  handlePreservedEvidenceGuards,
  preserveEvidenceGuards,
  recordEvidenceGuards,
  recordInquiryGuards,
  recordInspectionGuards,
} from './guards/evidence.guards.js';
import type { Guard, WorkingDayCounter } from './guards/guard.js';
import {
  recordHearingGuards,
  requestHearingGuards,
  scheduleHearingGuards,
} from './guards/hearing.guards.js';
import { resumeReturnedCaseGuards, transferCaseGuards } from './guards/jurisdiction.guards.js';
import {
  issuePrePenaltyNoticeGuards,
  recordStatementGuards,
  reviewStatementGuards,
  waiveRightsGuards,
} from './guards/notice.guards.js';
import { applyForRecusalGuards, decideRecusalGuards } from './guards/recusal.guards.js';
import {
  completeLegalReviewGuards,
  recordCollectiveDiscussionGuards,
  submitLegalReviewGuards,
} from './guards/review.guards.js';
import { imposeSummaryPenaltyGuards } from './guards/summary.guards.js';
import {
  extendTimeLimitGuards,
  resumeCaseGuards,
  suspendCaseGuards,
} from './guards/time-limit.guards.js';
import { assessHearingEligibility } from './hearing-eligibility.js';
import { apl, type LegalBasis } from './legal-basis.js';
import type { LocalDate } from './local-date.js';
import type { OfficerRole } from './officer-role.js';
import type { ProcedureAction } from './procedure-action.js';
import type { Rulebook } from './rulebook.js';
import type { RecordRemedyInput } from './action-inputs.js';

export interface OutcomeContext<A extends ProcedureAction> {
  readonly snapshot: CaseSnapshot;
  readonly input: ActionInput<A>;
  readonly rulebook: Rulebook;
  /** The calendar, where a party's own periods judge the outcome (several parties fined). */
  readonly workingDays?: WorkingDayCounter;
}

/** One result of an action; the first outcome whose `when` holds is taken. */
export interface Outcome<A extends ProcedureAction> {
  readonly id: string;
  /** Condition in words, for the generated table. */
  readonly description: string;
  readonly to: CaseStatus | 'STAYS';
  readonly when?: (ctx: OutcomeContext<A>) => boolean;
  readonly effects: readonly Effect[];
  readonly legalBasis?: readonly LegalBasis[];
}

export interface Transition<A extends ProcedureAction> {
  readonly action: A;
  /** Chinese name of the act. */
  readonly title: string;
  readonly from: readonly CaseStatus[];
  readonly roles: readonly OfficerRole[];
  readonly legalBasis: readonly LegalBasis[];
  readonly guards: readonly Guard<ActionInput<A>>[];
  readonly outcomes: readonly Outcome<A>[];
  /**
   * The date of the act the input records; it picks the rulebook and dates certificates.
   * Undefined for an input without it: the day of the action is used.
   */
  readonly actDate?: (input: ActionInput<A>) => LocalDate | undefined;
  /** Acts that must go on while the case is suspended (party's rights, releases, recusal, transfer). */
  readonly allowedWhileSuspended?: boolean;
  /** The actor performs an enforcement act in person: their own certificate must be valid. */
  readonly actorActsInPerson?: boolean;
}

export type TransitionTable = { readonly [A in ProcedureAction]: Transition<A> };

const OPEN = OPEN_DOCKETED_STATUSES;
const NOTICE_STAGE: readonly CaseStatus[] = [
  'PRE_PENALTY_NOTICE_SERVED',
  'HEARING_REQUESTED',
  'HEARING_SCHEDULED',
];
const stays = <A extends ProcedureAction>(effects: readonly Effect[]): readonly Outcome<A>[] => [
  { id: 'DONE', description: '—', to: 'STAYS', effects },
];
const hasActiveMeasure = (s: CaseSnapshot) =>
  s.compulsoryMeasures.some((m) => m.releasedOn === undefined);
/**
 * The clocks of the procedure before the decision. A step that takes the case out of it
 * (not docketed, cancelled, transferred, decided) stops those that may run; the command layer
 * no longer ends them on its own, since only CLOSED is terminal.
 */
const PRE_DECISION_DEADLINES: readonly DeadlineKind[] = [
  'DOCKETING',
  'JURISDICTION_DESIGNATION',
  'PRESERVATION_HANDLING',
  'COMPULSORY_MEASURE',
  'EMERGENCY_MEASURE_REPORT',
  'STATEMENT',
  'HEARING_REQUEST',
  'CASE_TIME_LIMIT',
];
const STOP_CASE_CLOCKS: readonly Effect[] = PRE_DECISION_DEADLINES.map(stopDeadline);
/** Closure ends every period still running (R-CLS-01: a closed case takes no further step). */
const STOP_ALL_DEADLINES: readonly Effect[] = DEADLINE_KINDS.map(stopDeadline);
const SERVICE_RECEIPT = documentDue('SERVICE_RECEIPT');
/** Where a document can be served (serveDocument); each document's guard narrows it further. */
const SERVICE_STATUSES: readonly CaseStatus[] = [
  ...OPEN_DOCKETED_STATUSES,
  'DECIDED_PENALTY',
  'DECIDED_NO_PENALTY',
  'DECISION_SERVED',
  'ENFORCEMENT_DEMAND_ISSUED',
];
/**
 * serveDocument also where the office may revoke or change its decision (REMEDY_STATUSES): the
 * 撤销（变更）行政处罚决定书 is served there (APL art. 75(2)); the guards keep the other documents
 * to their own statuses.
 */
const SERVE_DOCUMENT_STATUSES: readonly CaseStatus[] = [
  ...new Set<CaseStatus>([...SERVICE_STATUSES, ...REMEDY_STATUSES]),
];
/**
 * 责令改正 is ordered while investigating and with or after the decision (APL art. 28(1): 实施行政处罚
 * 时; the decision letter may itself order correction, and a 不予处罚 decision too) wherever its
 * notice can be served (SERVICE_STATUSES); the review (复查) may follow until the case is closed.
 */
const CORRECTION_STATUSES: readonly CaseStatus[] = [
  ...new Set<CaseStatus>([
    ...OPEN_DOCKETED_STATUSES,
    'DECIDED_PENALTY',
    'DECIDED_NO_PENALTY',
    ...EXECUTION_STATUSES,
    'EXECUTED',
  ]),
];
const includes =
  (
    document:
      | 'PRE_PENALTY_NOTICE'
      | 'PENALTY_DECISION'
      | 'NO_PENALTY_DECISION'
      | 'ENFORCEMENT_DEMAND'
      | 'CORRECTION_ORDER'
      | 'DECISION_REVOCATION_OR_CHANGE',
  ) =>
  ({ input }: { input: ActionInput<'serveDocument'> }) =>
    input.documents.includes(document);
/**
 * The latest correction is a change whose fine or confiscated sums exceed what the party has paid:
 * the rest is paid within the payment period from the service of its letter (APL art. 67(3)).
 */
function changeLeavesMoneyOwed(snapshot: CaseSnapshot): boolean {
  const correction = latestDecisionCorrection(snapshot);
  const paidFen = snapshot.payments.reduce((sum, p) => sum + p.amountFen, 0);
  return correction?.kind === 'CHANGED' && correction.obligationFen > paidFen;
}
const decided = (input: RecordRemedyInput, ...outcomes: string[]) =>
  input.stage === 'DECIDED' && outcomes.includes(input.outcome);
const published = (snapshot: CaseSnapshot) => snapshot.decision?.published === true;
const START_PUBLICATION_WITHDRAWAL = startDeadline(
  'PUBLICATION_WITHDRAWAL',
  'publicationWithdrawalPeriod',
  'DECIDED_ON',
);
/** Outstanding (fine and surcharge) once this payment is counted, on its day. */
function outstandingAfterPayment(ctx: OutcomeContext<'recordPayment'>): number {
  const { snapshot, input, rulebook } = ctx;
  const withPayment: CaseSnapshot = {
    ...snapshot,
    payments: [...snapshot.payments, { id: 'new', ...input }],
    // A summary penalty has no stored payment period: no surcharge is computed for it here.
    deadlines:
      paymentDueDateOf(snapshot) === undefined
        ? { ...snapshot.deadlines, PAYMENT: { dueDate: input.paidOn } }
        : snapshot.deadlines,
  };
  const due = caseAmountDue(withPayment, input.paidOn, {
    percentPerDay: rulebook.parameters.lateSurchargePercentPerDay.value,
    capPercent: rulebook.parameters.lateSurchargeCapPercent.value,
  });
  return due?.outstandingFen ?? 0;
}

/**
 * Reconsideration and litigation alike: filing pauses the surcharge and bars a court application
 * (APL art. 73(3)); annulment ends payment, and a published decision is withdrawn (APL art. 48(2)).
 */
const remedyFiledOrAnnulled = <
  A extends 'recordReconsideration' | 'recordLitigation',
>(): readonly Outcome<A>[] => [
  {
    id: 'FILED',
    description: 'stage = FILED: the surcharge pauses; no court application meanwhile',
    to: 'STAYS',
    when: ({ input }) => input.stage === 'FILED',
    effects: [stopDeadline('COURT_ENFORCEMENT_WINDOW')],
    legalBasis: [apl(73, 3), compulsionLaw(53)],
  },
  {
    id: 'ANNULLED_PUBLISHED',
    description: 'ANNULLED, decision published: withdraw the publication within 3 working days',
    to: 'STAYS',
    when: ({ input, snapshot }) => decided(input, 'ANNULLED') && published(snapshot),
    effects: [
      stopDeadline('PAYMENT'),
      stopDeadline('COURT_ENFORCEMENT_WINDOW'),
      START_PUBLICATION_WITHDRAWAL,
    ],
    legalBasis: [apl(48, 2), apl(85)],
  },
  {
    id: 'ANNULLED',
    description: 'ANNULLED',
    to: 'STAYS',
    when: ({ input }) => decided(input, 'ANNULLED'),
    effects: [stopDeadline('PAYMENT'), stopDeadline('COURT_ENFORCEMENT_WINDOW')],
  },
];

const hearingEligible = (
  input: ActionInput<'issuePrePenaltyNotice'>,
  snapshot: CaseSnapshot,
  rulebook: Rulebook,
) =>
  assessHearingEligibility(
    input.proposedPenalties,
    snapshot.parties,
    rulebook,
    input.hearingByOtherRule,
  ).eligible;

export const TRANSITIONS: TransitionTable = {
  registerCaseSource: {
    action: 'registerCaseSource',
    title: '登记案件来源',
    from: ['NEW'],
    roles: ['CASE_HANDLER', 'OFFICE_HEAD'],
    legalBasis: [apl(54, 2), cac2017(14)],
    guards: registerCaseSourceGuards,
    actDate: (i) => i.receivedOn,
    outcomes: [
      {
        id: 'REGISTERED',
        description: '—',
        to: 'CASE_SOURCE_REGISTERED',
        effects: [
          startDeadline('DOCKETING', 'docketingPeriod', 'RECEIVED_ON'),
          documentDue('CASE_SOURCE_REGISTER'),
        ],
      },
    ],
  },
  decideDocketing: {
    action: 'decideDocketing',
    title: '立案审批',
    from: ['CASE_SOURCE_REGISTERED'],
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(54, 2), apl(36, 1), apl(42, 1), cac2017(15), cac2017(16)],
    guards: decideDocketingGuards,
    actDate: (i) => i.docketedOn,
    outcomes: [
      {
        id: 'DOCKETED',
        description: 'docket = true',
        to: 'INVESTIGATING',
        when: ({ input }) => input.docket,
        effects: [
          stopDeadline('DOCKETING'),
          startDeadline('CASE_TIME_LIMIT', 'caseTimeLimit', 'ACTION_DATE'),
          documentDue('DOCKETING_APPROVAL_FORM'),
        ],
        legalBasis: [apl(60), cac2017(15, 2)],
      },
      {
        id: 'NOT_DOCKETED_NAMED_COMPLAINANT',
        description: 'docket = false, named complainant',
        to: 'NOT_DOCKETED',
        when: ({ snapshot }) => snapshot.source?.namedComplainant === true,
        effects: [
          ...STOP_CASE_CLOCKS,
          documentDue('NOT_DOCKETING_APPROVAL_FORM'),
          documentDue('NOT_DOCKETED_NOTICE_TO_COMPLAINANT'),
        ],
        legalBasis: [cac2017(16, 1)],
      },
      {
        id: 'NOT_DOCKETED_TRANSFERRED_IN',
        description: 'docket = false, transferred in',
        to: 'NOT_DOCKETED',
        when: ({ snapshot }) => snapshot.source?.type === 'TRANSFERRED_IN',
        effects: [
          ...STOP_CASE_CLOCKS,
          documentDue('NOT_DOCKETING_APPROVAL_FORM'),
          documentDue('NOT_DOCKETED_NOTICE_TO_TRANSFERRING_AUTHORITY'),
        ],
        legalBasis: [cac2017(16, 2)],
      },
      {
        id: 'NOT_DOCKETED',
        description: 'docket = false',
        to: 'NOT_DOCKETED',
        effects: [...STOP_CASE_CLOCKS, documentDue('NOT_DOCKETING_APPROVAL_FORM')],
        legalBasis: [cac2017(16, 3)],
      },
    ],
  },
  cancelDocketing: {
    action: 'cancelDocketing',
    title: '撤销立案',
    from: ['INVESTIGATING'],
    roles: ['OFFICE_HEAD'],
    legalBasis: [cac2017(16, 3), compulsionLaw(28, 1)],
    guards: cancelDocketingGuards,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'CANCELLED',
        description: '—',
        to: 'DOCKETING_CANCELLED',
        effects: [...STOP_CASE_CLOCKS, documentDue('DOCKETING_CANCELLATION_APPROVAL_FORM')],
      },
    ],
  },
  transferCase: {
    action: 'transferCase',
    title: '移送案件 / 报请指定管辖',
    from: ['CASE_SOURCE_REGISTERED', 'INVESTIGATING'],
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(25), apl(27, 1), cac2017(10), cac2017(12)],
    guards: transferCaseGuards,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'TRANSFERRED_TO_OFFICE',
        description: 'kind = TO_OFFICE_WITH_JURISDICTION',
        to: 'TRANSFERRED',
        when: ({ input }) => input.kind === 'TO_OFFICE_WITH_JURISDICTION',
        effects: [...STOP_CASE_CLOCKS, documentDue('CASE_TRANSFER_LETTER')],
        legalBasis: [cac2017(10, 1)],
      },
      {
        id: 'TRANSFERRED_TO_AUTHORITY',
        description: 'kind = TO_OTHER_AUTHORITY',
        to: 'TRANSFERRED',
        when: ({ input }) => input.kind === 'TO_OTHER_AUTHORITY',
        effects: [...STOP_CASE_CLOCKS, documentDue('CASE_TRANSFER_LETTER')],
        legalBasis: [cac2017(12, 1)],
      },
      {
        id: 'TRANSFERRED_TO_JUDICIAL_ORGAN_WITH_SEIZED_ITEMS',
        description: 'kind = TO_JUDICIAL_ORGAN, items sealed or seized',
        to: 'TRANSFERRED_TO_JUDICIAL_ORGAN',
        when: ({ input, snapshot }) =>
          input.kind === 'TO_JUDICIAL_ORGAN' && hasActiveMeasure(snapshot),
        effects: [
          ...STOP_CASE_CLOCKS,
          documentDue('JUDICIAL_TRANSFER_LETTER'),
          documentDue('SEIZED_ITEMS_TRANSFER_NOTICE'),
        ],
        legalBasis: [apl(27, 1), compulsionLaw(21)],
      },
      {
        id: 'TRANSFERRED_TO_JUDICIAL_ORGAN',
        description: 'kind = TO_JUDICIAL_ORGAN',
        to: 'TRANSFERRED_TO_JUDICIAL_ORGAN',
        when: ({ input }) => input.kind === 'TO_JUDICIAL_ORGAN',
        effects: [...STOP_CASE_CLOCKS, documentDue('JUDICIAL_TRANSFER_LETTER')],
        legalBasis: [apl(27, 1), cac2017(12, 2)],
      },
      {
        id: 'DESIGNATION_REQUESTED',
        description: 'kind = REQUEST_DESIGNATED_JURISDICTION',
        to: 'STAYS',
        effects: [
          startDeadline('JURISDICTION_DESIGNATION', 'jurisdictionDesignationPeriod', 'ACTION_DATE'),
          documentDue('DESIGNATED_JURISDICTION_REQUEST'),
        ],
        legalBasis: [apl(25, 2), cac2017(10, 2), cac2017(11)],
      },
    ],
  },
  resumeReturnedCase: {
    action: 'resumeReturnedCase',
    title: '司法机关退回的案件重新办理',
    from: ['TRANSFERRED_TO_JUDICIAL_ORGAN'],
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(27, 1)],
    guards: resumeReturnedCaseGuards,
    actDate: (i) => i.receivedOn,
    outcomes: [
      {
        id: 'RESUMED',
        description:
          'the judiciary did not file, withdrew, did not prosecute or exempted from criminal punishment and sent the case back: investigation resumes; the case time limit (caseTimeLimit) starts again from the day the case was received back (the period with the judiciary is not counted; design, APL art. 60 has no rule for it)',
        to: 'INVESTIGATING',
        effects: [startDeadline('CASE_TIME_LIMIT', 'caseTimeLimit', 'RECEIVED_ON')],
      },
    ],
  },
  applyForRecusal: {
    action: 'applyForRecusal',
    title: '申请回避',
    from: OPEN,
    roles: ['CASE_HANDLER', 'OFFICE_HEAD'],
    legalBasis: [apl(43, 1), apl(43, 2), cac2017(17, 1)],
    guards: applyForRecusalGuards,
    actDate: (i) => i.appliedOn,
    allowedWhileSuspended: true,
    outcomes: stays([documentDue('RECUSAL_APPLICATION_RECORD')]),
  },
  decideRecusal: {
    action: 'decideRecusal',
    title: '回避决定',
    from: OPEN,
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(43, 3), cac2017(17, 2)],
    guards: decideRecusalGuards,
    allowedWhileSuspended: true,
    outcomes: stays([documentDue('RECUSAL_DECISION')]),
  },
  recordEvidence: {
    action: 'recordEvidence',
    title: '收集、调取证据',
    from: ['INVESTIGATING'],
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(42, 1), apl(46, 1), apl(55, 1), cac2017(18)],
    guards: recordEvidenceGuards,
    actDate: (i) => i.collectedOn,
    actorActsInPerson: true,
    outcomes: stays([documentDue('EVIDENCE_COLLECTION_RECORD')]),
  },
  recordInquiry: {
    action: 'recordInquiry',
    title: '询问（制作询问笔录）',
    from: ['INVESTIGATING'],
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(42, 1), apl(55), cac2017(18)],
    guards: recordInquiryGuards,
    actDate: (i) => i.conductedOn,
    actorActsInPerson: true,
    outcomes: stays([documentDue('INQUIRY_TRANSCRIPT')]),
  },
  recordInspection: {
    action: 'recordInspection',
    title: '检查、勘验（制作笔录）',
    from: ['INVESTIGATING'],
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(42, 1), apl(54, 1), apl(55), pipl(63, 1, 3)],
    guards: recordInspectionGuards,
    actDate: (i) => i.conductedOn,
    actorActsInPerson: true,
    outcomes: stays([documentDue('INSPECTION_TRANSCRIPT')]),
  },
  preserveEvidence: {
    action: 'preserveEvidence',
    title: '先行登记保存证据',
    from: ['INVESTIGATING'],
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(56), apl(85)],
    guards: preserveEvidenceGuards,
    actDate: (i) => i.startedOn,
    actorActsInPerson: true,
    outcomes: stays([
      startDeadline('PRESERVATION_HANDLING', 'preservationHandlingPeriod', 'STARTED_ON'),
      documentDue('PRESERVATION_NOTICE_AND_LIST'),
    ]),
  },
  handlePreservedEvidence: {
    action: 'handlePreservedEvidence',
    title: '先行登记保存证据处理决定',
    from: OPEN,
    roles: ['CASE_HANDLER', 'OFFICE_HEAD'],
    legalBasis: [apl(56)],
    guards: handlePreservedEvidenceGuards,
    actDate: (i) => i.decidedOn,
    allowedWhileSuspended: true,
    outcomes: stays([
      stopDeadline('PRESERVATION_HANDLING'),
      documentDue('PRESERVATION_HANDLING_DECISION'),
    ]),
  },
  imposeCompulsoryMeasure: {
    action: 'imposeCompulsoryMeasure',
    title: '查封、扣押',
    from: ['INVESTIGATING'],
    roles: ['CASE_HANDLER'],
    legalBasis: [
      pipl(63, 1, 4),
      compulsionLaw(18),
      compulsionLaw(24),
      compulsionLaw(25, 1),
      compulsionLaw(26),
    ],
    guards: imposeCompulsoryMeasureGuards,
    actDate: (i) => i.startedOn,
    actorActsInPerson: true,
    // The due date stored is input.endsOn, which the guards keep within compulsoryMeasureMaximum.
    outcomes: [
      {
        id: 'IMPOSED_IN_EMERGENCY',
        description:
          'emergency given: imposed on the spot before approval; the officers report to the head within emergencyMeasureReportPeriod (24 hours) and the head ratifies or refuses (ratifyEmergencyMeasure)',
        to: 'STAYS',
        when: ({ input }) => input.emergency !== undefined,
        effects: [
          startDeadline('COMPULSORY_MEASURE', 'compulsoryMeasureMaximum', 'STARTED_ON'),
          startDeadline('EMERGENCY_MEASURE_REPORT', 'emergencyMeasureReportPeriod', 'STARTED_ON'),
          documentDue('SEIZURE_DECISION_AND_LIST'),
        ],
        legalBasis: [compulsionLaw(19)],
      },
      {
        id: 'DONE',
        description: 'imposed with the prior written approval',
        to: 'STAYS',
        effects: [
          startDeadline('COMPULSORY_MEASURE', 'compulsoryMeasureMaximum', 'STARTED_ON'),
          documentDue('SEIZURE_DECISION_AND_LIST'),
        ],
      },
    ],
  },
  ratifyEmergencyMeasure: {
    action: 'ratifyEmergencyMeasure',
    title: '当场实施查封、扣押后补办批准手续',
    from: OPEN,
    roles: ['OFFICE_HEAD'],
    legalBasis: [compulsionLaw(19), pipl(63, 1, 4)],
    guards: ratifyEmergencyMeasureGuards,
    actDate: (i) => i.approval?.approvedOn,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'RATIFIED',
        description: 'approved: the measure stands (its period runs from the imposition)',
        to: 'STAYS',
        when: ({ input }) => input.approved,
        effects: [stopDeadline('EMERGENCY_MEASURE_REPORT')],
      },
      {
        id: 'REFUSED',
        description:
          'the head holds it should not have been taken: it must be released at once; every other step is refused until releaseCompulsoryMeasure',
        to: 'STAYS',
        effects: [stopDeadline('EMERGENCY_MEASURE_REPORT')],
      },
    ],
  },
  recordTestingPeriod: {
    action: 'recordTestingPeriod',
    title: '检测、检验、检疫或者技术鉴定期间（不计入查封、扣押期间）',
    from: OPEN,
    roles: ['CASE_HANDLER', 'OFFICE_HEAD'],
    legalBasis: [compulsionLaw(25, 3)],
    guards: recordTestingPeriodGuards,
    actDate: (i) => i.notifiedOn,
    allowedWhileSuspended: true,
    outcomes: stays([
      { kind: 'EXCLUDE_FROM_DEADLINE', deadline: 'COMPULSORY_MEASURE' },
      documentDue('TESTING_PERIOD_NOTICE'),
    ]),
  },
  extendCompulsoryMeasure: {
    action: 'extendCompulsoryMeasure',
    title: '延长查封、扣押期限',
    from: OPEN,
    roles: ['CASE_HANDLER', 'OFFICE_HEAD'],
    legalBasis: [compulsionLaw(25, 1), compulsionLaw(25, 2)],
    guards: extendCompulsoryMeasureGuards,
    allowedWhileSuspended: true,
    outcomes: stays([
      {
        kind: 'EXTEND_DEADLINE',
        deadline: 'COMPULSORY_MEASURE',
        parameter: 'compulsoryMeasureExtensionMaximum',
      },
      documentDue('SEIZURE_EXTENSION_NOTICE'),
    ]),
  },
  releaseCompulsoryMeasure: {
    action: 'releaseCompulsoryMeasure',
    title: '解除查封、扣押',
    from: OPEN,
    roles: ['CASE_HANDLER', 'OFFICE_HEAD'],
    legalBasis: [compulsionLaw(27), compulsionLaw(28)],
    guards: releaseCompulsoryMeasureGuards,
    actDate: (i) => i.releasedOn,
    allowedWhileSuspended: true,
    outcomes: stays([
      stopDeadline('COMPULSORY_MEASURE'),
      stopDeadline('EMERGENCY_MEASURE_REPORT'),
      documentDue('SEIZURE_RELEASE_DECISION'),
    ]),
  },
  orderCorrection: {
    action: 'orderCorrection',
    title: '责令改正（责令改正通知书）',
    // Only where its 责令改正通知书 can then be served; the review may come later.
    from: SERVICE_STATUSES,
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(28, 1)],
    guards: orderCorrectionGuards,
    actDate: (i) => i.orderedOn,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'ORDERED_WITHIN_PERIOD',
        description:
          '限期改正: the last day to correct is stored (correctionPeriod, the days the order sets, from the order date)',
        to: 'STAYS',
        when: ({ input }) => input.dueOn !== undefined,
        effects: [
          startDeadline('CORRECTION_PERIOD', 'correctionPeriod', 'ACTION_DATE'),
          documentDue('CORRECTION_ORDER'),
        ],
        legalBasis: [apl(28, 1), apl(85)],
      },
      {
        id: 'ORDERED_IMMEDIATELY',
        description: '立即改正: no period',
        to: 'STAYS',
        effects: [documentDue('CORRECTION_ORDER')],
        legalBasis: [apl(28, 1)],
      },
    ],
  },
  recordCorrectionReview: {
    action: 'recordCorrectionReview',
    title: '复查改正情况（复查意见书）',
    from: CORRECTION_STATUSES,
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(28, 1)],
    guards: recordCorrectionReviewGuards,
    actDate: (i) => i.reviewedOn,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'COMPLIED',
        description: 'corrected: the period is stopped',
        to: 'STAYS',
        when: ({ input }) => input.finding === 'COMPLIED',
        effects: [stopDeadline('CORRECTION_PERIOD'), documentDue('CORRECTION_REVIEW_OPINION')],
        legalBasis: [apl(28, 1)],
      },
      {
        id: 'NOT_OR_PARTLY_COMPLIED',
        description:
          'not (fully) corrected after the period: recorded; NOT_COMPLIED opens the 拒不改正 tier for the party',
        to: 'STAYS',
        effects: [stopDeadline('CORRECTION_PERIOD'), documentDue('CORRECTION_REVIEW_OPINION')],
        legalBasis: [apl(28, 1)],
      },
    ],
  },
  issuePrePenaltyNotice: {
    action: 'issuePrePenaltyNotice',
    title: '行政处罚事先告知',
    from: ['INVESTIGATING', 'READY_FOR_DECISION'],
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(44), apl(57, 1), apl(63, 1), apl(64, undefined, 1)],
    guards: issuePrePenaltyNoticeGuards,
    actDate: (i) => i.servedOn ?? i.issuedOn,
    outcomes: [
      {
        id: 'HEARING_ELIGIBLE',
        description:
          'served on the spot (servedOn given); proposed penalties hearing-eligible (APL art. 63)',
        to: 'PRE_PENALTY_NOTICE_SERVED',
        when: ({ input, snapshot, rulebook }) =>
          input.servedOn !== undefined && hearingEligible(input, snapshot, rulebook),
        effects: [
          { kind: 'RECORD_HEARING_ELIGIBILITY', eligible: true },
          startDeadline('STATEMENT', 'statementPeriod', 'SERVED_ON'),
          startDeadline('HEARING_REQUEST', 'hearingRequestPeriod', 'SERVED_ON'),
          documentDue('PRE_PENALTY_NOTICE'),
        ],
      },
      {
        id: 'NOT_HEARING_ELIGIBLE',
        description: 'served on the spot (servedOn given), not hearing-eligible',
        to: 'PRE_PENALTY_NOTICE_SERVED',
        when: ({ input }) => input.servedOn !== undefined,
        effects: [
          { kind: 'RECORD_HEARING_ELIGIBILITY', eligible: false },
          startDeadline('STATEMENT', 'statementPeriod', 'SERVED_ON'),
          documentDue('PRE_PENALTY_NOTICE'),
        ],
      },
      {
        id: 'ISSUED_HEARING_ELIGIBLE',
        description:
          'issued, not yet served (no servedOn); hearing-eligible — the windows start when serveDocument serves it',
        to: 'PRE_PENALTY_NOTICE_SERVED',
        when: ({ input, snapshot, rulebook }) => hearingEligible(input, snapshot, rulebook),
        effects: [
          { kind: 'RECORD_HEARING_ELIGIBILITY', eligible: true },
          documentDue('PRE_PENALTY_NOTICE'),
        ],
      },
      {
        id: 'ISSUED',
        description: 'issued, not yet served, not hearing-eligible',
        to: 'PRE_PENALTY_NOTICE_SERVED',
        effects: [
          { kind: 'RECORD_HEARING_ELIGIBILITY', eligible: false },
          documentDue('PRE_PENALTY_NOTICE'),
        ],
      },
    ],
  },
  recordStatement: {
    action: 'recordStatement',
    title: '记录陈述、申辩',
    from: NOTICE_STAGE,
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(45, 1)],
    guards: recordStatementGuards,
    actDate: (i) => i.receivedOn,
    allowedWhileSuspended: true,
    outcomes: stays([documentDue('STATEMENT_RECORD')]),
  },
  reviewStatement: {
    action: 'reviewStatement',
    title: '复核陈述、申辩意见',
    from: [...NOTICE_STAGE, 'HEARING_CONCLUDED'],
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(45, 1)],
    guards: reviewStatementGuards,
    actDate: (i) => i.reviewedOn,
    outcomes: stays([documentDue('STATEMENT_REVIEW_OPINION')]),
  },
  waiveRights: {
    action: 'waiveRights',
    title: '当事人明确放弃陈述、申辩或者听证权利',
    from: NOTICE_STAGE,
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(62), apl(64, undefined, 1)],
    guards: waiveRightsGuards,
    actDate: (i) => i.waivedOn,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'HEARING_REQUEST_WITHDRAWN',
        description: 'HEARING waived after a hearing was requested',
        to: 'PRE_PENALTY_NOTICE_SERVED',
        // With several parties, the request is withdrawn when its last requesting party waives
        // (a joint hearing goes on for the others).
        when: ({ input, snapshot }) =>
          snapshot.status !== 'PRE_PENALTY_NOTICE_SERVED' &&
          input.rights.includes('HEARING') &&
          (input.partyId === undefined ||
            hearingPartyIds(snapshot.hearing).every((id) => id === input.partyId)),
        effects: [documentDue('RIGHTS_WAIVER_STATEMENT')],
      },
      {
        id: 'WAIVED',
        description: 'otherwise',
        to: 'STAYS',
        effects: [documentDue('RIGHTS_WAIVER_STATEMENT')],
      },
    ],
  },
  requestHearing: {
    action: 'requestHearing',
    title: '当事人要求听证',
    // With several parties, a further party may ask while the hearing is pending (joint hearing).
    from: NOTICE_STAGE,
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(63, 1), apl(64, undefined, 1), apl(85)],
    guards: requestHearingGuards,
    actDate: (i) => i.requestedOn,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'JOINED',
        description: 'a further party asks while the hearing is pending: heard jointly',
        to: 'STAYS',
        when: ({ snapshot }) => snapshot.status !== 'PRE_PENALTY_NOTICE_SERVED',
        effects: [],
      },
      {
        id: 'REQUESTED',
        description: '—',
        to: 'HEARING_REQUESTED',
        effects: [stopDeadline('HEARING_REQUEST')],
      },
    ],
  },
  scheduleHearing: {
    action: 'scheduleHearing',
    title: '指定听证主持人并送达听证通知书',
    from: ['HEARING_REQUESTED', 'HEARING_SCHEDULED'],
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(64, undefined, 2), apl(64, undefined, 3), apl(64, undefined, 4), apl(85)],
    guards: scheduleHearingGuards,
    actDate: (i) => i.noticeServedOn,
    outcomes: [
      {
        id: 'SCHEDULED',
        description: '—',
        to: 'HEARING_SCHEDULED',
        effects: [documentDue('HEARING_NOTICE')],
      },
    ],
  },
  recordHearing: {
    action: 'recordHearing',
    title: '举行听证（制作听证笔录）',
    from: ['HEARING_SCHEDULED'],
    roles: ['HEARING_OFFICER'],
    legalBasis: [apl(64, undefined, 6), apl(64, undefined, 7), apl(64, undefined, 8), apl(65)],
    guards: recordHearingGuards,
    actDate: (i) => i.heldOn,
    outcomes: [
      {
        id: 'CONCLUDED',
        description: '—',
        to: 'HEARING_CONCLUDED',
        effects: [documentDue('HEARING_RECORD')],
      },
    ],
  },
  submitLegalReview: {
    action: 'submitLegalReview',
    title: '提交法制审核',
    from: ['INVESTIGATING', 'PRE_PENALTY_NOTICE_SERVED', 'HEARING_CONCLUDED'],
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(58, 1)],
    guards: [...submitLegalReviewGuards, periodsLapsedByActDate()],
    actDate: (i) => i.submittedOn,
    outcomes: [
      {
        id: 'SUBMITTED',
        description: '—',
        to: 'UNDER_LEGAL_REVIEW',
        effects: [documentDue('LEGAL_REVIEW_REQUEST')],
      },
    ],
  },
  completeLegalReview: {
    action: 'completeLegalReview',
    title: '法制审核意见',
    from: ['UNDER_LEGAL_REVIEW'],
    roles: ['LEGAL_REVIEWER'],
    legalBasis: [apl(58, 1), apl(58, 2)],
    guards: completeLegalReviewGuards,
    actDate: (i) => i.completedOn,
    outcomes: [
      {
        id: 'PASSED',
        description: 'result = PASSED',
        to: 'READY_FOR_DECISION',
        when: ({ input }) => input.result === 'PASSED',
        effects: [documentDue('LEGAL_REVIEW_OPINION')],
      },
      {
        id: 'RETURNED',
        description: 'result = RETURNED_FOR_SUPPLEMENT or NOT_PASSED (a new notice is then needed)',
        to: 'INVESTIGATING',
        effects: [
          stopDeadline('STATEMENT'),
          stopDeadline('HEARING_REQUEST'),
          documentDue('LEGAL_REVIEW_OPINION'),
        ],
      },
    ],
  },
  recordCollectiveDiscussion: {
    action: 'recordCollectiveDiscussion',
    title: '负责人集体讨论',
    from: ['INVESTIGATING', 'PRE_PENALTY_NOTICE_SERVED', 'HEARING_CONCLUDED', 'READY_FOR_DECISION'],
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(57, 2)],
    guards: recordCollectiveDiscussionGuards,
    actDate: (i) => i.heldOn,
    outcomes: stays([documentDue('COLLECTIVE_DISCUSSION_MINUTES')]),
  },
  extendTimeLimit: {
    action: 'extendTimeLimit',
    title: '延长立案期限 / 办案期限',
    from: ['CASE_SOURCE_REGISTERED', ...OPEN],
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(60), cac2017(15, 2)],
    guards: extendTimeLimitGuards,
    actDate: (i) => i.approvedOn,
    outcomes: [
      {
        id: 'DOCKETING_PERIOD_EXTENDED',
        description: 'limit = DOCKETING_PERIOD',
        to: 'STAYS',
        when: ({ input }) => input.limit === 'DOCKETING_PERIOD',
        effects: [
          {
            kind: 'EXTEND_DEADLINE',
            deadline: 'DOCKETING',
            parameter: 'docketingPeriodWithExtension',
          },
          documentDue('TIME_LIMIT_EXTENSION_APPROVAL'),
        ],
      },
      {
        id: 'CASE_TIME_LIMIT_EXTENDED',
        description: 'limit = CASE_TIME_LIMIT (by input.extensionDays)',
        to: 'STAYS',
        effects: [
          {
            kind: 'EXTEND_DEADLINE',
            deadline: 'CASE_TIME_LIMIT',
            parameter: 'caseTimeLimitExtension',
          },
          documentDue('TIME_LIMIT_EXTENSION_APPROVAL'),
        ],
      },
    ],
  },
  suspendCase: {
    action: 'suspendCase',
    title: '中止案件调查',
    from: OPEN,
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(60)],
    guards: suspendCaseGuards,
    actDate: (i) => i.suspendedOn,
    allowedWhileSuspended: true,
    outcomes: stays([
      { kind: 'PAUSE_DEADLINE', deadline: 'CASE_TIME_LIMIT' },
      documentDue('SUSPENSION_APPROVAL'),
    ]),
  },
  resumeCase: {
    action: 'resumeCase',
    title: '恢复案件调查',
    from: OPEN,
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(60)],
    guards: resumeCaseGuards,
    actDate: (i) => i.resumedOn,
    allowedWhileSuspended: true,
    outcomes: stays([
      { kind: 'RESUME_DEADLINE', deadline: 'CASE_TIME_LIMIT' },
      documentDue('RESUMPTION_APPROVAL'),
    ]),
  },
  decideCase: {
    action: 'decideCase',
    title: '作出处理决定',
    from: ['INVESTIGATING', 'PRE_PENALTY_NOTICE_SERVED', 'HEARING_CONCLUDED', 'READY_FOR_DECISION'],
    roles: ['OFFICE_HEAD'],
    legalBasis: [
      apl(57),
      apl(60),
      cac2023(
        42,
        'cross-reference in the CAC hearing text quoted by a local office (docs/legal-sources.md §2)',
      ),
    ],
    guards: decideCaseGuards,
    actDate: (i) => i.decidedOn,
    outcomes: [
      {
        id: 'PENALTY',
        description: 'outcome = PENALTY',
        to: 'DECIDED_PENALTY',
        when: ({ input }) => input.outcome === 'PENALTY',
        effects: [
          ...STOP_CASE_CLOCKS,
          startDeadline('DECISION_SERVICE', 'decisionServicePeriod', 'ACTION_DATE'),
          documentDue('PENALTY_DECISION'),
        ],
        legalBasis: [apl(57, 1, 1), apl(59), apl(61, 1)],
      },
      {
        id: 'NO_PENALTY',
        description: 'outcome = NO_PENALTY',
        to: 'DECIDED_NO_PENALTY',
        when: ({ input }) => input.outcome === 'NO_PENALTY',
        effects: [
          ...STOP_CASE_CLOCKS,
          startDeadline('DECISION_SERVICE', 'decisionServicePeriod', 'ACTION_DATE'),
          documentDue('NO_PENALTY_DECISION'),
        ],
        legalBasis: [apl(57, 1, 2), apl(33)],
      },
      {
        id: 'FACTS_NOT_ESTABLISHED',
        description: 'outcome = FACTS_NOT_ESTABLISHED',
        to: 'DECIDED_NO_PENALTY',
        when: ({ input }) => input.outcome === 'FACTS_NOT_ESTABLISHED',
        effects: [
          ...STOP_CASE_CLOCKS,
          startDeadline('DECISION_SERVICE', 'decisionServicePeriod', 'ACTION_DATE'),
          documentDue('NO_PENALTY_DECISION'),
        ],
        legalBasis: [apl(57, 1, 3), apl(40)],
      },
      {
        id: 'TRANSFER_TO_JUDICIAL_ORGAN_WITH_SEIZED_ITEMS',
        description: 'outcome = TRANSFER_TO_JUDICIAL_ORGAN, items sealed or seized',
        to: 'TRANSFERRED_TO_JUDICIAL_ORGAN',
        when: ({ input, snapshot }) =>
          input.outcome === 'TRANSFER_TO_JUDICIAL_ORGAN' && hasActiveMeasure(snapshot),
        effects: [
          ...STOP_CASE_CLOCKS,
          documentDue('JUDICIAL_TRANSFER_LETTER'),
          documentDue('SEIZED_ITEMS_TRANSFER_NOTICE'),
        ],
        legalBasis: [apl(57, 1, 4), apl(27, 1), compulsionLaw(21)],
      },
      {
        id: 'TRANSFER_TO_JUDICIAL_ORGAN',
        description: 'outcome = TRANSFER_TO_JUDICIAL_ORGAN',
        to: 'TRANSFERRED_TO_JUDICIAL_ORGAN',
        effects: [...STOP_CASE_CLOCKS, documentDue('JUDICIAL_TRANSFER_LETTER')],
        legalBasis: [apl(57, 1, 4), apl(27, 1)],
      },
    ],
  },
  imposeSummaryPenalty: {
    action: 'imposeSummaryPenalty',
    title: '当场作出行政处罚决定（简易程序）',
    from: ['CASE_SOURCE_REGISTERED'],
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(51), apl(52)],
    guards: imposeSummaryPenaltyGuards,
    actDate: (i) => i.imposedOn,
    actorActsInPerson: true,
    // Handed over on the spot: the decision is served that day (APL art. 52), so the 15 days to
    // pay and the reconsideration period (first, before any suit: R-REM-02) run from it.
    outcomes: [
      {
        id: 'IMPOSED_WITH_FINE',
        description: 'a fine (not collected on the spot: the 15 days to pay run)',
        to: 'SUMMARY_PENALTY_IMPOSED',
        when: ({ input }) => fineFenOf(input.penalties) > 0,
        effects: [
          ...STOP_CASE_CLOCKS,
          startDeadline('PAYMENT', 'paymentPeriod', 'ACTION_DATE'),
          startDeadline('RECONSIDERATION_PERIOD', 'reconsiderationPeriod', 'ACTION_DATE'),
          documentDue('ON_THE_SPOT_PENALTY_DECISION'),
          documentDue('ON_THE_SPOT_FILING_RECORD'),
        ],
        legalBasis: [apl(67, 3), reconsiderationLaw(20), reconsiderationLaw(23)],
      },
      {
        id: 'IMPOSED',
        description: 'otherwise (warning)',
        to: 'SUMMARY_PENALTY_IMPOSED',
        effects: [
          ...STOP_CASE_CLOCKS,
          startDeadline('RECONSIDERATION_PERIOD', 'reconsiderationPeriod', 'ACTION_DATE'),
          documentDue('ON_THE_SPOT_PENALTY_DECISION'),
          documentDue('ON_THE_SPOT_FILING_RECORD'),
        ],
        legalBasis: [reconsiderationLaw(20), reconsiderationLaw(23)],
      },
    ],
  },
  serveDocument: {
    action: 'serveDocument',
    title: '送达文书（送达回证）',
    // DECISION_SERVED: only the corrected version of the served letter (guards).
    from: SERVE_DOCUMENT_STATUSES,
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(61), civilProcedure(87)],
    guards: serveDocumentGuards,
    actDate: (i) => i.facts.servedOn,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'CORRECTED_VERSION_SERVED',
        description:
          'the 补正/更正 version of a served document, with its notice: receipt only; the periods keep running from the original service',
        to: 'STAYS',
        when: ({ input }) => input.correctedVersion === true,
        effects: [SERVICE_RECEIPT],
        legalBasis: [apl(61), reconsiderationLaw(20), litigationLaw(46)],
      },
      {
        id: 'DECISION_CHANGE_SERVED_WITH_MONEY_OWED',
        description:
          'DECISION_REVOCATION_OR_CHANGE of a change that leaves money to pay: payment (for what is still owed), reconsideration and litigation periods run anew from its deemed-served date',
        to: 'STAYS',
        when: ({ input, snapshot }) =>
          input.documents.includes('DECISION_REVOCATION_OR_CHANGE') &&
          changeLeavesMoneyOwed(snapshot),
        effects: [
          startDeadline('PAYMENT', 'paymentPeriod', 'DEEMED_SERVED_ON'),
          startDeadline('RECONSIDERATION_PERIOD', 'reconsiderationPeriod', 'DEEMED_SERVED_ON'),
          startDeadline('LITIGATION_PERIOD', 'litigationPeriod', 'DEEMED_SERVED_ON'),
          SERVICE_RECEIPT,
        ],
        legalBasis: [apl(75, 2), apl(61, 1), apl(67, 3), reconsiderationLaw(20), litigationLaw(46)],
      },
      {
        id: 'DECISION_CHANGE_SERVED',
        description:
          'DECISION_REVOCATION_OR_CHANGE of a change with nothing left to pay: reconsideration and litigation periods run anew from its deemed-served date',
        to: 'STAYS',
        when: ({ input, snapshot }) =>
          input.documents.includes('DECISION_REVOCATION_OR_CHANGE') &&
          latestDecisionCorrection(snapshot)?.kind === 'CHANGED',
        effects: [
          startDeadline('RECONSIDERATION_PERIOD', 'reconsiderationPeriod', 'DEEMED_SERVED_ON'),
          startDeadline('LITIGATION_PERIOD', 'litigationPeriod', 'DEEMED_SERVED_ON'),
          SERVICE_RECEIPT,
        ],
        legalBasis: [apl(75, 2), apl(61, 1), reconsiderationLaw(20), litigationLaw(46)],
      },
      {
        id: 'DECISION_REVOCATION_SERVED',
        description: 'DECISION_REVOCATION_OR_CHANGE of a revocation: receipt only',
        to: 'STAYS',
        when: includes('DECISION_REVOCATION_OR_CHANGE'),
        effects: [SERVICE_RECEIPT],
        legalBasis: [apl(75, 2), apl(61, 1)],
      },
      {
        id: 'SERVED_ON_FURTHER_PARTY',
        description:
          'PRE_PENALTY_NOTICE or PENALTY_DECISION on a further party of the case, deemed served no later than on a party before: receipt only; the stored periods keep their later end, and that party’s own periods run from their service (party-periods.ts)',
        to: 'STAYS',
        when: ({ input, snapshot }) => {
          const [document, since] = input.documents.includes('PRE_PENALTY_NOTICE')
            ? (['PRE_PENALTY_NOTICE', snapshot.notice?.issuedOn] as const)
            : (['PENALTY_DECISION', snapshot.decision?.decidedOn] as const);
          if (!input.documents.includes(document) || input.documents.length !== 1) {
            return false;
          }
          const latest = latestServiceOf(snapshot, document, since);
          return latest !== undefined && input.deemedServedOn <= latest;
        },
        effects: [SERVICE_RECEIPT],
        legalBasis: [apl(44), apl(61, 1), apl(62)],
      },
      {
        id: 'PENALTY_DECISION_SERVED_WITH_FINE',
        description:
          'PENALTY_DECISION with a fine or a confiscated sum: payment, reconsideration and litigation periods run from the deemed-served date',
        to: 'DECISION_SERVED',
        when: (ctx) =>
          includes('PENALTY_DECISION')(ctx) &&
          monetaryObligationFenOf(ctx.snapshot.decision?.penalties ?? []) > 0,
        effects: [
          stopDeadline('DECISION_SERVICE'),
          startDeadline('PAYMENT', 'paymentPeriod', 'DEEMED_SERVED_ON'),
          startDeadline('RECONSIDERATION_PERIOD', 'reconsiderationPeriod', 'DEEMED_SERVED_ON'),
          startDeadline('LITIGATION_PERIOD', 'litigationPeriod', 'DEEMED_SERVED_ON'),
          SERVICE_RECEIPT,
        ],
        legalBasis: [apl(61, 1), apl(67, 3), reconsiderationLaw(20), litigationLaw(46)],
      },
      {
        id: 'PENALTY_DECISION_SERVED',
        description: 'PENALTY_DECISION without a fine',
        to: 'DECISION_SERVED',
        when: includes('PENALTY_DECISION'),
        effects: [
          stopDeadline('DECISION_SERVICE'),
          startDeadline('RECONSIDERATION_PERIOD', 'reconsiderationPeriod', 'DEEMED_SERVED_ON'),
          startDeadline('LITIGATION_PERIOD', 'litigationPeriod', 'DEEMED_SERVED_ON'),
          SERVICE_RECEIPT,
        ],
        legalBasis: [apl(61, 1), reconsiderationLaw(20), litigationLaw(46)],
      },
      {
        id: 'NO_PENALTY_DECISION_SERVED',
        description: 'NO_PENALTY_DECISION (the case may then be closed)',
        to: 'STAYS',
        when: includes('NO_PENALTY_DECISION'),
        effects: [stopDeadline('DECISION_SERVICE'), SERVICE_RECEIPT],
        legalBasis: [apl(61, 1)],
      },
      {
        id: 'PRE_PENALTY_NOTICE_SERVED_HEARING_ELIGIBLE',
        description:
          'PRE_PENALTY_NOTICE issued without service, hearing-eligible: both windows run from the deemed-served date',
        to: 'STAYS',
        when: (ctx) =>
          includes('PRE_PENALTY_NOTICE')(ctx) && ctx.snapshot.notice?.hearingEligible === true,
        effects: [
          startDeadline('STATEMENT', 'statementPeriod', 'DEEMED_SERVED_ON'),
          startDeadline('HEARING_REQUEST', 'hearingRequestPeriod', 'DEEMED_SERVED_ON'),
          SERVICE_RECEIPT,
        ],
        legalBasis: [apl(44), apl(62), apl(64, undefined, 1)],
      },
      {
        id: 'PRE_PENALTY_NOTICE_SERVED',
        description: 'PRE_PENALTY_NOTICE, not hearing-eligible',
        to: 'STAYS',
        when: includes('PRE_PENALTY_NOTICE'),
        effects: [
          startDeadline('STATEMENT', 'statementPeriod', 'DEEMED_SERVED_ON'),
          SERVICE_RECEIPT,
        ],
        legalBasis: [apl(44), apl(62)],
      },
      {
        id: 'CORRECTION_ORDER_SERVED',
        description:
          'CORRECTION_ORDER: the order may be reviewed (复查) from its deemed-served date',
        to: 'STAYS',
        when: includes('CORRECTION_ORDER'),
        effects: [SERVICE_RECEIPT],
        legalBasis: [apl(28, 1), apl(61, 1)],
      },
      {
        id: 'ENFORCEMENT_DEMAND_SERVED',
        description:
          'ENFORCEMENT_DEMAND: the 10 working days before the court application run from it',
        to: 'STAYS',
        when: includes('ENFORCEMENT_DEMAND'),
        effects: [SERVICE_RECEIPT],
        legalBasis: [compulsionLaw(38), compulsionLaw(54)],
      },
      {
        id: 'SERVED',
        description:
          'HEARING_NOTICE (the hearing date must stay 7 working days after the deemed service)',
        to: 'STAYS',
        effects: [SERVICE_RECEIPT],
        legalBasis: [apl(64, undefined, 2)],
      },
    ],
  },
  recordPayment: {
    action: 'recordPayment',
    title: '记录缴纳罚款',
    from: EXECUTION_STATUSES,
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(67, 3), apl(72, 1, 1)],
    guards: recordPaymentGuards,
    actDate: (i) => i.paidOn,
    outcomes: [
      {
        id: 'PAID_IN_FULL',
        description:
          'fine and surcharge (as of the payment day) paid in full; with several parties fined, each party has paid their own',
        to: 'EXECUTED',
        when: (ctx) => {
          const payments = [...ctx.snapshot.payments, { id: 'new', ...ctx.input }];
          // Several parties fined separately: each party's own fine, surcharge from their own
          // due date, and payments (APL arts. 66(1), 72(1)(1)).
          if (ctx.workingDays && finedSeparately({ ...ctx.snapshot, payments })) {
            return (
              partiesWithOutstandingObligation(
                ctx.snapshot,
                ctx.input.paidOn,
                ctx.rulebook,
                ctx.workingDays,
                payments,
              ).length === 0
            );
          }
          return (
            outstandingAfterPayment(ctx) === 0 &&
            partiesWithUnpaidObligation(ctx.snapshot, payments).length === 0
          );
        },
        effects: [stopDeadline('PAYMENT'), stopDeadline('COURT_ENFORCEMENT_WINDOW')],
      },
      { id: 'PARTLY_PAID', description: 'otherwise', to: 'STAYS', effects: [] },
    ],
  },
  applyForDeferral: {
    action: 'applyForDeferral',
    title: '当事人申请延期或者分期缴纳罚款',
    from: ['DECISION_SERVED', 'SUMMARY_PENALTY_IMPOSED', 'ENFORCEMENT_DEMAND_ISSUED'],
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(66, 2)],
    guards: applyForDeferralGuards,
    actDate: (i) => i.appliedOn,
    outcomes: stays([]),
  },
  decidePaymentArrangement: {
    action: 'decidePaymentArrangement',
    title: '延期或者分期缴纳罚款审批',
    from: ['DECISION_SERVED', 'SUMMARY_PENALTY_IMPOSED', 'ENFORCEMENT_DEMAND_ISSUED'],
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(66, 2)],
    guards: decidePaymentArrangementGuards,
    actDate: (i) => i.decidedOn,
    outcomes: [
      {
        id: 'APPROVED',
        description: 'approved = true: the schedule replaces the 15-day period',
        to: 'INSTALMENT_PLAN',
        when: ({ input }) => input.approved,
        effects: [stopDeadline('PAYMENT'), stopDeadline('COURT_ENFORCEMENT_WINDOW')],
        legalBasis: [apl(72, 2)],
      },
      { id: 'REJECTED', description: 'approved = false', to: 'STAYS', effects: [] },
    ],
  },
  recordReconsideration: {
    action: 'recordReconsideration',
    title: '记录行政复议（申请、复议决定）',
    from: REMEDY_STATUSES,
    roles: ['CASE_HANDLER', 'OFFICE_HEAD'],
    legalBasis: [reconsiderationLaw(20), apl(73, 1), apl(73, 3)],
    guards: recordReconsiderationGuards,
    actDate: (i) => (i.stage === 'FILED' ? i.filedOn : i.decidedOn),
    allowedWhileSuspended: true,
    outcomes: [
      ...remedyFiledOrAnnulled(),
      {
        id: 'CHANGED_OR_UNLAWFUL_PUBLISHED',
        description:
          'CHANGED or CONFIRMED_UNLAWFUL, decision published: withdraw within 3 working days; 15 days to sue',
        to: 'STAYS',
        when: ({ input, snapshot }) =>
          decided(input, 'CHANGED', 'CONFIRMED_UNLAWFUL') && published(snapshot),
        effects: [
          startDeadline('LITIGATION_PERIOD', 'litigationAfterReconsiderationPeriod', 'DECIDED_ON'),
          START_PUBLICATION_WITHDRAWAL,
        ],
        legalBasis: [apl(48, 2), apl(85), litigationLaw(45)],
      },
      {
        id: 'WITHDRAWN',
        description: 'WITHDRAWN by the applicant',
        to: 'STAYS',
        when: ({ input }) => decided(input, 'WITHDRAWN'),
        effects: [],
      },
      {
        id: 'DECIDED',
        description: 'UPHELD, or CHANGED / CONFIRMED_UNLAWFUL unpublished: 15 days to sue',
        to: 'STAYS',
        effects: [
          startDeadline('LITIGATION_PERIOD', 'litigationAfterReconsiderationPeriod', 'DECIDED_ON'),
        ],
        legalBasis: [litigationLaw(45)],
      },
    ],
  },
  recordLitigation: {
    action: 'recordLitigation',
    title: '记录行政诉讼（起诉、生效裁判）',
    from: REMEDY_STATUSES,
    roles: ['CASE_HANDLER', 'OFFICE_HEAD'],
    legalBasis: [litigationLaw(45), litigationLaw(46), apl(73, 1), apl(73, 3)],
    guards: recordLitigationGuards,
    actDate: (i) => (i.stage === 'FILED' ? i.filedOn : i.decidedOn),
    allowedWhileSuspended: true,
    outcomes: [
      ...remedyFiledOrAnnulled(),
      {
        id: 'CHANGED_OR_UNLAWFUL_PUBLISHED',
        description:
          'CHANGED or CONFIRMED_UNLAWFUL, decision published: withdraw within 3 working days',
        to: 'STAYS',
        when: ({ input, snapshot }) =>
          decided(input, 'CHANGED', 'CONFIRMED_UNLAWFUL') && published(snapshot),
        effects: [START_PUBLICATION_WITHDRAWAL],
        legalBasis: [apl(48, 2), apl(85)],
      },
      { id: 'DECIDED', description: 'otherwise', to: 'STAYS', effects: [] },
    ],
  },
  issueEnforcementDemand: {
    action: 'issueEnforcementDemand',
    title: '催告当事人履行（催告书）',
    from: [
      'DECISION_SERVED',
      'SUMMARY_PENALTY_IMPOSED',
      'INSTALMENT_PLAN',
      'ENFORCEMENT_DEMAND_ISSUED',
    ],
    roles: ['CASE_HANDLER', 'OFFICE_HEAD'],
    legalBasis: [compulsionLaw(35), compulsionLaw(54), apl(72, 1)],
    guards: issueEnforcementDemandGuards,
    actDate: (i) => i.issuedOn,
    outcomes: [
      {
        id: 'DEMAND_ISSUED',
        description:
          'served by serveDocument (ENFORCEMENT_DEMAND); the 3-month window runs from the remedy lapse',
        to: 'ENFORCEMENT_DEMAND_ISSUED',
        effects: [
          startDeadline(
            'COURT_ENFORCEMENT_WINDOW',
            'courtEnforcementApplicationPeriod',
            'REMEDY_PERIODS_LAPSE_ON',
          ),
          documentDue('ENFORCEMENT_DEMAND'),
        ],
        legalBasis: [compulsionLaw(53), apl(72, 2)],
      },
    ],
  },
  applyForCourtEnforcement: {
    action: 'applyForCourtEnforcement',
    title: '申请人民法院强制执行',
    from: ['ENFORCEMENT_DEMAND_ISSUED'],
    roles: ['OFFICE_HEAD'],
    legalBasis: [compulsionLaw(53), compulsionLaw(54), compulsionLaw(55), apl(72, 1)],
    guards: applyForCourtEnforcementGuards,
    actDate: (i) => i.appliedOn,
    outcomes: [
      {
        id: 'APPLIED',
        description: '—',
        to: 'COURT_ENFORCEMENT_APPLIED',
        effects: [
          stopDeadline('COURT_ENFORCEMENT_WINDOW'),
          documentDue('COURT_ENFORCEMENT_APPLICATION'),
        ],
      },
    ],
  },
  recordCourtRuling: {
    action: 'recordCourtRuling',
    title: '记录人民法院执行裁定或者执行结果',
    from: ['COURT_ENFORCEMENT_APPLIED'],
    roles: ['CASE_HANDLER', 'OFFICE_HEAD'],
    legalBasis: [compulsionLaw(57), compulsionLaw(58)],
    guards: recordCourtRulingGuards,
    actDate: (i) => i.ruledOn,
    outcomes: [
      {
        id: 'ENFORCED_OTHER_PARTY_OWES',
        description:
          'result = ENFORCED for the party demanded while another party fined separately still owes: execution of that party goes on',
        to: 'DECISION_SERVED',
        when: ({ input, snapshot, rulebook, workingDays }) =>
          input.result === 'ENFORCED' &&
          workingDays !== undefined &&
          finedSeparately(snapshot) &&
          partiesWithOutstandingObligation(snapshot, input.ruledOn, rulebook, workingDays).some(
            (id) => id !== snapshot.enforcement?.partyId,
          ),
        effects: [stopDeadline('COURT_ENFORCEMENT_WINDOW')],
        legalBasis: [apl(66, 1)],
      },
      {
        id: 'ENFORCED',
        description: 'result = ENFORCED',
        to: 'EXECUTED',
        when: ({ input }) => input.result === 'ENFORCED',
        effects: [stopDeadline('PAYMENT')],
      },
      {
        // The court's own termination (its ruling under Compulsion Law arts. 57-58, carried out
        // under the Civil Procedure Law); CL art. 40 is the office's own 终结执行 and is not cited.
        id: 'TERMINATED',
        description: 'result = ENFORCEMENT_TERMINATED',
        to: 'ENFORCEMENT_TERMINATED',
        when: ({ input }) => input.result === 'ENFORCEMENT_TERMINATED',
        effects: [stopDeadline('PAYMENT')],
      },
      {
        id: 'REFUSED',
        description:
          'result = ENFORCEMENT_REFUSED, no review applied for yet: the office may apply for review within courtRulingReviewPeriod of receipt',
        to: 'STAYS',
        when: ({ input, snapshot }) =>
          input.result === 'ENFORCEMENT_REFUSED' &&
          snapshot.enforcement?.rulingReview === undefined,
        effects: [startDeadline('COURT_RULING_REVIEW', 'courtRulingReviewPeriod', 'RECEIVED_ON')],
        legalBasis: [compulsionLaw(58, 3)],
      },
      {
        id: 'RULED',
        description:
          'ENFORCEMENT_ORDERED, or the review court’s ruling (ENFORCEMENT_REFUSED: the refusal stands, the case may close)',
        to: 'STAYS',
        effects: [],
      },
    ],
  },
  applyForRulingReview: {
    action: 'applyForRulingReview',
    title: '对人民法院不予执行的裁定申请复议',
    from: ['COURT_ENFORCEMENT_APPLIED'],
    roles: ['OFFICE_HEAD'],
    legalBasis: [compulsionLaw(58, 3)],
    guards: applyForRulingReviewGuards,
    actDate: (i) => i.appliedOn,
    outcomes: [
      {
        id: 'REVIEW_APPLIED',
        description:
          'applied to the court one level up within the period; its ruling is recorded by recordCourtRuling',
        to: 'STAYS',
        effects: [stopDeadline('COURT_RULING_REVIEW')],
      },
    ],
  },
  recordComplaint: {
    action: 'recordComplaint',
    title: '记录申诉、检举',
    // The decision in force (served): what a 申诉 or 检举 about a penalty is about.
    from: REMEDY_STATUSES,
    roles: ['CASE_HANDLER', 'OFFICE_HEAD'],
    legalBasis: [apl(75, 2)],
    guards: recordComplaintGuards,
    actDate: (i) => i.receivedOn,
    allowedWhileSuspended: true,
    outcomes: stays([]),
  },
  handleComplaint: {
    action: 'handleComplaint',
    title: '处理申诉、检举（负责人）',
    from: REMEDY_STATUSES,
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(75, 2)],
    guards: handleComplaintGuards,
    actDate: (i) => i.handledOn,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'ERROR_FOUND',
        description:
          'finding ERROR_FOUND: the office must correct (revokeDecision / changeDecision)',
        to: 'STAYS',
        when: ({ input }) => input.finding === 'ERROR_FOUND',
        effects: [],
        legalBasis: [apl(75, 2)],
      },
      { id: 'NO_ERROR', description: 'finding NO_ERROR', to: 'STAYS', effects: [] },
    ],
  },
  revokeDecision: {
    action: 'revokeDecision',
    title: '撤销本机关的行政处罚决定（撤销行政处罚决定书）',
    from: REMEDY_STATUSES,
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(75, 2)],
    guards: revokeDecisionGuards,
    actDate: (i) => i.decidedOn,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'REVOKED_PUBLISHED',
        description:
          'decision published: nothing left to pay (money paid is refunded), demand and court application withdrawn, publication withdrawn; the case closes on DECISION_ANNULLED',
        to: 'STAYS',
        when: ({ snapshot }) => published(snapshot),
        effects: [
          stopDeadline('PAYMENT'),
          stopDeadline('COURT_ENFORCEMENT_WINDOW'),
          START_PUBLICATION_WITHDRAWAL,
          documentDue('DECISION_REVOCATION_OR_CHANGE'),
        ],
        legalBasis: [apl(75, 2), apl(48, 2), apl(85)],
      },
      {
        id: 'REVOKED',
        description:
          'nothing left to pay (money paid is refunded), demand and court application withdrawn; the case closes on DECISION_ANNULLED',
        to: 'STAYS',
        effects: [
          stopDeadline('PAYMENT'),
          stopDeadline('COURT_ENFORCEMENT_WINDOW'),
          documentDue('DECISION_REVOCATION_OR_CHANGE'),
        ],
        legalBasis: [apl(75, 2)],
      },
    ],
  },
  changeDecision: {
    action: 'changeDecision',
    title: '变更本机关的行政处罚决定（变更行政处罚决定书）',
    from: REMEDY_STATUSES,
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(75, 2)],
    guards: changeDecisionGuards,
    actDate: (i) => i.decidedOn,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'CHANGED_DURING_ENFORCEMENT',
        description:
          'a demand issued or a court application made on the old amount: withdrawn, the changed decision is executed anew (a new demand if unpaid); a published decision comes down',
        to: 'DECISION_SERVED',
        when: ({ snapshot }) =>
          snapshot.status === 'ENFORCEMENT_DEMAND_ISSUED' ||
          snapshot.status === 'COURT_ENFORCEMENT_APPLIED',
        effects: [
          stopDeadline('COURT_ENFORCEMENT_WINDOW'),
          documentDue('DECISION_REVOCATION_OR_CHANGE'),
        ],
        legalBasis: [apl(75, 2), compulsionLaw(53)],
      },
      {
        id: 'CHANGED',
        description:
          'the changed penalties replace the old (kept in the correction record); money paid beyond them is refunded; a published decision is replaced',
        to: 'STAYS',
        effects: [documentDue('DECISION_REVOCATION_OR_CHANGE')],
        legalBasis: [apl(75, 2), apl(48, 2)],
      },
    ],
  },
  recordRefund: {
    action: 'recordRefund',
    title: '记录退还款项（撤销或者变更行政处罚决定后）',
    // Before the case is closed: a closed case accepts no step.
    from: REMEDY_STATUSES,
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(75, 2)],
    guards: recordRefundGuards,
    actDate: (i) => i.refundedOn,
    allowedWhileSuspended: true,
    outcomes: stays([]),
  },
  closeCase: {
    action: 'closeCase',
    title: '结案',
    from: [
      'NOT_DOCKETED',
      'DOCKETING_CANCELLED',
      'TRANSFERRED',
      'TRANSFERRED_TO_JUDICIAL_ORGAN',
      'DECIDED_NO_PENALTY',
      ...EXECUTION_STATUSES,
      'EXECUTED',
      'ENFORCEMENT_TERMINATED',
      // 终止调查 (INVESTIGATION_TERMINATED) ends an investigation that can no longer lead to a decision.
      ...OPEN_DOCKETED_STATUSES,
    ],
    roles: ['OFFICE_HEAD'],
    legalBasis: [apl(47), apl(66, 1)],
    guards: closeCaseGuards,
    actDate: (i) => i.closedOn,
    allowedWhileSuspended: true,
    outcomes: [
      {
        id: 'CLOSED',
        description: 'a closing condition holds; the head approved the closure form',
        to: 'CLOSED',
        effects: [...STOP_ALL_DEADLINES, documentDue('CASE_CLOSING_APPROVAL_FORM')],
      },
    ],
  },
};

/** The transition of `action`, typed by the action. */
export function transitionOf<A extends ProcedureAction>(action: A): Transition<A> {
  return TRANSITIONS[action] as Transition<A>;
}
