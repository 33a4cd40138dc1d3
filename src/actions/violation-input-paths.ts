import type { ProcedureAction } from '../procedure/procedure-action.js';
import type { RuleViolation, ViolationCode } from '../procedure/rule-violation.js';
import { transitionOf } from '../procedure/transitions.js';

/**
 * The input fields a procedure violation concerns, as paths a form can mark
 * (`input.officerIds`, `input.violation.committedOn`, `lateEntryReason`). Rules about the
 * case's state concern no field (empty list). Fields are the GraphQL input's, not the
 * engine's (amountYuan, not amountFen); a unit test checks each exists on the action's input.
 */

type Paths = readonly string[] | ((action: ProcedureAction) => readonly string[]);

/** Where each action lists the officers performing the act. */
const OFFICER_LIST: Partial<Record<ProcedureAction, string>> = {
  decideDocketing: 'handlerIds',
  recordEvidence: 'collectorIds',
  recordInquiry: 'officerIds',
  recordInspection: 'officerIds',
  preserveEvidence: 'officerIds',
  imposeCompulsoryMeasure: 'officerIds',
  imposeSummaryPenalty: 'officerIds',
  decideRecusal: 'replacementHandlerIds',
  serveDocument: 'serverIds',
};

const officers: Paths = (action) => {
  const field = OFFICER_LIST[action];
  return field ? [field] : [];
};
const penalties: Paths = (action) =>
  action === 'issuePrePenaltyNotice' ? ['proposedPenalties'] : ['penalties'];
const serviceFacts: Paths = ['method', 'facts'];
/** The steps whose input states when the violation was committed. */
const STATES_VIOLATION: ReadonlySet<ProcedureAction> = new Set([
  'registerCaseSource',
  'decideDocketing',
]);

const RULE_INPUT_PATHS: Partial<Record<ViolationCode, Paths>> = {
  HANDLERS_FEWER_THAN_TWO: (action) =>
    action === 'decideRecusal' ? ['granted', 'replacementHandlerIds'] : officers(action),
  EVIDENCE_COLLECTORS_FEWER_THAN_TWO: officers,
  ENFORCEMENT_OFFICERS_FEWER_THAN_TWO: officers,
  CERTIFICATE_NOT_VALID: officers,
  RECUSED_OFFICER_ACTING: (action) =>
    action === 'scheduleHearing' ? ['presidingOfficerId'] : officers(action),
  CERTIFICATES_NOT_SHOWN: ['certificatesShown'],
  MEASURE_ALREADY_RELEASED: ['measureId'],
  SEIZURE_ALREADY_EXTENDED: ['measureId'],
  SEIZURE_PERIOD_EXPIRED: ['measureId'],
  SEIZURE_EXCEEDS_30_DAYS: (action) =>
    action === 'extendCompulsoryMeasure' ? ['newEndsOn'] : ['startedOn', 'endsOn'],
  PRINCIPAL_HEAD_APPROVAL_REQUIRED: ['approval'],
  COMPULSORY_MEASURE_ON_SITE_FACTS_MISSING: ['onSite'],
  COMPULSORY_MEASURE_PARTY_NOT_NOTIFIED: ['onSite.partyNotified'],
  COMPULSORY_MEASURE_PARTY_NOT_INFORMED: ['onSite.informedOfReasonsAndRemedies'],
  COMPULSORY_MEASURE_PARTY_NOT_HEARD: ['onSite.statementsHeard'],
  COMPULSORY_MEASURE_TRANSCRIPT_MISSING: ['onSite.transcriptMade'],
  COMPULSORY_MEASURE_TRANSCRIPT_NOT_SIGNED: [
    'onSite.officersSigned',
    'onSite.partySigned',
    'onSite.partyRefusalNoted',
  ],
  COMPULSORY_MEASURE_WITNESS_MISSING: ['onSite.witness', 'onSite.witnessSigned'],
  COMPULSORY_MEASURE_CUSTODY_NOT_RECORDED: ['custody'],
  COMPULSORY_MEASURE_CUSTODY_COST_CHARGED: ['custody.costChargedToPartyYuan'],
  EMERGENCY_MEASURE_REASON_MISSING: ['emergency.reason'],
  MEASURE_NOT_IMPOSED_IN_EMERGENCY: ['measureId'],
  EMERGENCY_MEASURE_ALREADY_RATIFIED: ['measureId'],
  EMERGENCY_MEASURE_REPORT_LATE: ['reportedAt'],
  TESTING_PERIOD_OUTSIDE_MEASURE: ['startsOn', 'endsOn'],
  TESTING_PERIOD_OVERLAPS: ['startsOn', 'endsOn'],
  HEAD_APPROVAL_REQUIRED: ['approval'],
  EDUCATION_NOT_RECORDED: ['educationGiven'],
  CASE_SOURCE_DETAILS_MISSING: ['originator'],
  JURISDICTION_BASIS_MISSING: ['jurisdictionBasis'],
  VIOLATION_DATE_REQUIRED: (action) =>
    STATES_VIOLATION.has(action) ? ['violation.committedOn'] : [],
  // Later steps judge the dates recorded on the case, not a field of their input.
  LIMITATION_PERIOD_EXPIRED: (action) =>
    STATES_VIOLATION.has(action) ? ['violation.committedOn', 'violation.endedOn'] : [],
  RECUSAL_RIGHT_NOT_NOTIFIED: ['recusalRightNotified'],
  EVIDENCE_KIND_NOT_STATUTORY: ['evidenceKind'],
  PRESERVATION_ALREADY_HANDLED: ['preservationId'],
  PAYMENT_AMOUNT_INVALID: (action) => (action === 'recordPayment' ? ['amountYuan'] : []),
  ARRANGEMENT_ALREADY_DECIDED: ['arrangementId'],
  ARRANGEMENT_SCHEDULE_INVALID: ['schedule'],
  REMEDY_ALREADY_PENDING: ['stage'],
  REMEDY_NOT_PENDING: ['remedyId'],
  CHANGED_PENALTY_REQUIRED: ['changedPenalties'],
  PAYMENT_NOT_OVERDUE: ['issuedOn'],
  ENFORCEMENT_DEMAND_NOT_SERVED: ['appliedOn'],
  COURT_ENFORCEMENT_TOO_EARLY: ['appliedOn'],
  REMEDY_PERIODS_NOT_LAPSED: ['appliedOn'],
  COURT_ENFORCEMENT_WINDOW_EXPIRED: ['appliedOn'],
  COURT_RULING_NOT_AVAILABLE: ['ruledOn'],
  CLOSING_CONDITION_NOT_MET: ['ground', 'closedOn'],
  HEARING_REQUEST_OUT_OF_TIME: ['requestedOn'],
  HEARING_NOTICE_TOO_LATE: (action) =>
    action === 'scheduleHearing'
      ? ['hearingOn', 'noticeServedOn']
      : action === 'recordHearing'
        ? ['heldOn']
        : action === 'serveDocument'
          ? ['documentIds', 'servedOn']
          : [],
  PRESIDING_OFFICER_IS_INVESTIGATOR: ['presidingOfficerId'],
  NON_PUBLIC_HEARING_WITHOUT_GROUND: ['isPublic', 'nonPublicGround'],
  HEARING_AGENTS_MORE_THAN_TWO: ['agentCount'],
  TRANSFERRED_IN_CASE_CANNOT_BE_TRANSFERRED: ['kind'],
  PROPOSED_PENALTY_REQUIRED: ['proposedPenalties'],
  FINED_TWICE_FOR_SAME_ACT: penalties,
  WAIVER_NOT_EXPLICIT: ['rights', 'signedByParty'],
  RECUSAL_TARGET_NOT_ON_CASE: (action) =>
    action === 'applyForRecusal' ? ['targetOfficerId'] : ['recusalId'],
  COLLECTIVE_DISCUSSION_TOO_FEW_HEADS: ['participantIds'],
  DOCUMENT_NOT_SERVABLE: ['documentIds'],
  DOCUMENT_ALREADY_SERVED: ['documentIds'],
  SERVICE_RECEIPT_NOT_SIGNED: serviceFacts,
  SUBSTITUTE_RECIPIENT_NOT_ELIGIBLE: serviceFacts,
  LEFT_AT_RESIDENCE_NOT_RECORDED: serviceFacts,
  INTERMEDIARY_NOT_NAMED: serviceFacts,
  PUBLIC_NOTICE_NOT_JUSTIFIED: serviceFacts,
  DEEMED_SERVICE_DATE_MISMATCH: serviceFacts,
  SERVICE_DATE_NOT_RECORDED: serviceFacts,
  ELECTRONIC_SERVICE_WITHOUT_CONSENT: ['method'],
  ONLINE_RECONSIDERATION_CHANNEL_REQUIRED: serviceFacts,
  DEMAND_NOT_SERVED_DIRECTLY: ['method'],
  SERVER_NOT_RECORDED: ['serverIds'],
  DECISION_SERVICE_LATE: ['servedOn', 'lateServiceReason'],
  PRESERVATION_HANDLED_LATE: ['decidedOn', 'lateHandlingReason'],
  CORRECTION_ORDER_PARTY_UNKNOWN: ['partyId'],
  CORRECTION_DEADLINE_NOT_AFTER_ORDER: ['correctionPeriodDays'],
  CORRECTION_ORDER_NOT_SERVED: ['correctionOrderId', 'reviewedOn'],
  CORRECTION_REVIEW_BEFORE_DEADLINE: ['reviewedOn', 'finding'],
  REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER: (action) =>
    action === 'issuePrePenaltyNotice' ? ['proposedPenalties'] : ['penalties'],
  CASE_TIME_LIMIT_EXCEEDED: ['decidedOn', 'lateDecisionReason', 'lateDecisionApproval'],
  SUMMARY_PENALTY_OUT_OF_RANGE: ['penalties'],
  SUMMARY_FACTS_NOT_CONCLUSIVE: ['factsConclusive'],
  PRE_PENALTY_NOTICE_NOT_SERVED: (action) =>
    action === 'imposeSummaryPenalty' ? ['partyInformedAndHeard'] : [],
  TIME_LIMIT_NOT_RUNNING: ['limit'],
  TIME_LIMIT_ALREADY_EXTENDED: ['limit'],
  EXTENSION_AFTER_EXPIRY: ['approvedOn'],
  TIME_LIMIT_EXTENSION_EXCEEDS_MAXIMUM: ['extensionDays'],
  FURTHER_EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION: ['byCollectiveDiscussion'],
  DISCRETION_GROUND_REQUIRED: ['discretion'],
  DISCRETION_GROUND_NOT_FOR_TIER: ['discretion'],
  DISCRETION_NO_PENALTY_TIER_WITH_PENALTIES: ['discretion'],
  FINE_ABOVE_LIGHTER_PART: (action) => [...penalties(action), 'discretion'],
  FINE_BELOW_HEAVIER_PART: (action) => [...penalties(action), 'discretion'],
  HIGHER_FINE_PROVISION_GOVERNS: (action) => [...penalties(action), 'concurrentProvisionIds'],
  FINE_COMPARISON_FACTS_REQUIRED: [
    'illegalGainsYuan',
    'priorYearTurnoverYuan',
    'concurrentProvisionIds',
  ],
};

/** The input field an action's act date is read from (e.g. recordEvidence → collectedOn). */
export function actDateField(action: ProcedureAction): string | undefined {
  if (action === 'serveDocument') {
    return 'servedOn'; // the engine reads facts.servedOn; the GraphQL input has it at the top
  }
  const read: string[] = [];
  const probe = new Proxy(
    {},
    {
      get(_, key) {
        if (typeof key === 'string') {
          read.push(key);
        }
        return undefined;
      },
    },
  );
  try {
    transitionOf(action).actDate?.(probe as never);
  } catch {
    // An act date read from nested input (undefined here) still named its first field.
  }
  return read[0];
}

/** The paths (relative to the action's input) a rule concerns for this action. */
export function ruleInputFields(
  action: ProcedureAction,
  code: ViolationCode,
  details: Readonly<Record<string, unknown>> = {},
): readonly string[] {
  const entry = RULE_INPUT_PATHS[code];
  if (entry) {
    return typeof entry === 'function' ? entry(action) : entry;
  }
  if (code === 'RECORD_NOT_FOUND') {
    // The guard names the id it looked for: { recusalId: … }, { measureId: … }.
    return Object.keys(details).filter((key) => key.endsWith('Id'));
  }
  // Date rules (act order, act date in the future) name the act date they judged.
  const date = actDateField(action);
  return date && 'actDate' in details ? [date] : [];
}

/** The violation with the input paths it concerns (`input.…`, or an argument such as lateEntryReason). */
export function withInputPaths(action: ProcedureAction, violation: RuleViolation): RuleViolation {
  const fields =
    violation.code === 'LATE_ENTRY_REASON_REQUIRED'
      ? [
          'lateEntryReason',
          ...[actDateField(action)].filter((f) => f !== undefined).map((f) => `input.${f}`),
        ]
      : ruleInputFields(action, violation.code, violation.details).map((f) => `input.${f}`);
  return { ...violation, inputPaths: fields };
}
