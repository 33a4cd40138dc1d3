/**
 * The procedure as data: for each action, the statuses it may start from, its
 * outcomes (status reached, effects), the roles that may perform it, its guards
 * and its citations. decide() reads this table; docs/procedure.md is rendered from it.
 * Legal basis: 《中华人民共和国行政处罚法》第二十五条至第六十五条 (V); 《中华人民共和国行政强制法》
 * 第十八条至第二十八条 (V); 《中华人民共和国个人信息保护法》第六十三条 (V); 2017 规定第十条至第十八条 (P);
 * 2023 规定第四十二条 (P).
 */
import type { ActionInput } from './action-inputs.js';
import type { CaseSnapshot } from './case-snapshot.js';
import { OPEN_DOCKETED_STATUSES, type CaseStatus } from './case-status.js';
import { cac2017, cac2023, compulsionLaw, pipl } from './citations.js';
import { documentDue, startDeadline, stopDeadline, type Effect } from './effects.js';
import {
  cancelDocketingGuards,
  decideDocketingGuards,
  registerCaseSourceGuards,
} from './guards/docketing.guards.js';
import {
  extendCompulsoryMeasureGuards,
  imposeCompulsoryMeasureGuards,
  releaseCompulsoryMeasureGuards,
} from './guards/compulsory-measure.guards.js';
import { decideCaseGuards } from './guards/decision.guards.js';
import {
  handlePreservedEvidenceGuards,
  preserveEvidenceGuards,
  recordEvidenceGuards,
  recordInquiryGuards,
  recordInspectionGuards,
} from './guards/evidence.guards.js';
import type { Guard } from './guards/guard.js';
import {
  recordHearingGuards,
  requestHearingGuards,
  scheduleHearingGuards,
} from './guards/hearing.guards.js';
import { transferCaseGuards } from './guards/jurisdiction.guards.js';
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

export interface OutcomeContext<A extends ProcedureAction> {
  readonly snapshot: CaseSnapshot;
  readonly input: ActionInput<A>;
  readonly rulebook: Rulebook;
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
  /** The date of the act the input records; it picks the rulebook and dates certificates. */
  readonly actDate?: (input: ActionInput<A>) => LocalDate;
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
const STOP_CASE_CLOCKS: readonly Effect[] = [
  stopDeadline('DOCKETING'),
  stopDeadline('CASE_TIME_LIMIT'),
];

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
          stopDeadline('DOCKETING'),
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
          stopDeadline('DOCKETING'),
          documentDue('NOT_DOCKETING_APPROVAL_FORM'),
          documentDue('NOT_DOCKETED_NOTICE_TO_TRANSFERRING_AUTHORITY'),
        ],
        legalBasis: [cac2017(16, 2)],
      },
      {
        id: 'NOT_DOCKETED',
        description: 'docket = false',
        to: 'NOT_DOCKETED',
        effects: [stopDeadline('DOCKETING'), documentDue('NOT_DOCKETING_APPROVAL_FORM')],
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
        effects: [
          stopDeadline('CASE_TIME_LIMIT'),
          documentDue('DOCKETING_CANCELLATION_APPROVAL_FORM'),
        ],
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
    legalBasis: [pipl(63, 1, 4), compulsionLaw(18), compulsionLaw(24), compulsionLaw(25, 1)],
    guards: imposeCompulsoryMeasureGuards,
    actDate: (i) => i.startedOn,
    actorActsInPerson: true,
    // The due date stored is input.endsOn, which the guards keep within compulsoryMeasureMaximum.
    outcomes: stays([
      startDeadline('COMPULSORY_MEASURE', 'compulsoryMeasureMaximum', 'STARTED_ON'),
      documentDue('SEIZURE_DECISION_AND_LIST'),
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
    outcomes: stays([stopDeadline('COMPULSORY_MEASURE'), documentDue('SEIZURE_RELEASE_DECISION')]),
  },
  issuePrePenaltyNotice: {
    action: 'issuePrePenaltyNotice',
    title: '行政处罚事先告知',
    from: ['INVESTIGATING', 'READY_FOR_DECISION'],
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(44), apl(57, 1), apl(63, 1), apl(64, undefined, 1)],
    guards: issuePrePenaltyNoticeGuards,
    actDate: (i) => i.servedOn,
    outcomes: [
      {
        id: 'HEARING_ELIGIBLE',
        description: 'proposed penalties hearing-eligible (APL art. 63)',
        to: 'PRE_PENALTY_NOTICE_SERVED',
        when: ({ input, snapshot, rulebook }) =>
          assessHearingEligibility(
            input.proposedPenalties,
            snapshot.parties,
            rulebook,
            input.hearingByOtherRule,
          ).eligible,
        effects: [
          { kind: 'RECORD_HEARING_ELIGIBILITY', eligible: true },
          startDeadline('STATEMENT', 'statementPeriod', 'SERVED_ON'),
          startDeadline('HEARING_REQUEST', 'hearingRequestPeriod', 'SERVED_ON'),
          documentDue('PRE_PENALTY_NOTICE'),
        ],
      },
      {
        id: 'NOT_HEARING_ELIGIBLE',
        description: 'otherwise',
        to: 'PRE_PENALTY_NOTICE_SERVED',
        effects: [
          { kind: 'RECORD_HEARING_ELIGIBILITY', eligible: false },
          startDeadline('STATEMENT', 'statementPeriod', 'SERVED_ON'),
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
        when: ({ input, snapshot }) =>
          snapshot.status !== 'PRE_PENALTY_NOTICE_SERVED' && input.rights.includes('HEARING'),
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
    from: ['PRE_PENALTY_NOTICE_SERVED'],
    roles: ['CASE_HANDLER'],
    legalBasis: [apl(63, 1), apl(64, undefined, 1), apl(85)],
    guards: requestHearingGuards,
    actDate: (i) => i.requestedOn,
    allowedWhileSuspended: true,
    outcomes: [
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
    guards: submitLegalReviewGuards,
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
        'cross-reference in the CAC hearing text quoted by a local office (regulation.md §2)',
      ),
    ],
    guards: decideCaseGuards,
    outcomes: [
      {
        id: 'PENALTY',
        description: 'outcome = PENALTY',
        to: 'DECIDED_PENALTY',
        when: ({ input }) => input.outcome === 'PENALTY',
        effects: [
          stopDeadline('CASE_TIME_LIMIT'),
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
          stopDeadline('CASE_TIME_LIMIT'),
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
          stopDeadline('CASE_TIME_LIMIT'),
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
          stopDeadline('CASE_TIME_LIMIT'),
          documentDue('JUDICIAL_TRANSFER_LETTER'),
          documentDue('SEIZED_ITEMS_TRANSFER_NOTICE'),
        ],
        legalBasis: [apl(57, 1, 4), apl(27, 1), compulsionLaw(21)],
      },
      {
        id: 'TRANSFER_TO_JUDICIAL_ORGAN',
        description: 'outcome = TRANSFER_TO_JUDICIAL_ORGAN',
        to: 'TRANSFERRED_TO_JUDICIAL_ORGAN',
        effects: [stopDeadline('CASE_TIME_LIMIT'), documentDue('JUDICIAL_TRANSFER_LETTER')],
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
    actorActsInPerson: true,
    outcomes: [
      {
        id: 'IMPOSED',
        description: '—',
        to: 'SUMMARY_PENALTY_IMPOSED',
        effects: [
          stopDeadline('DOCKETING'),
          documentDue('ON_THE_SPOT_PENALTY_DECISION'),
          documentDue('ON_THE_SPOT_FILING_RECORD'),
        ],
      },
    ],
  },
};

/** The transition of `action`, typed by the action. */
export function transitionOf<A extends ProcedureAction>(action: A): Transition<A> {
  return TRANSITIONS[action] as Transition<A>;
}
