/**
 * Fixtures for the procedure-engine tests: fixed dates, officers with
 * certificates, a fake working-day counter (Monday to Friday, optional holidays)
 * and a snapshot builder. Never the real clock.
 */
import type {
  ActionInputs,
  CompulsoryMeasureOnSiteFacts,
} from '../../../src/procedure/action-inputs.js';
import {
  NO_FLAGS,
  type Actor,
  type Approval,
  type CaseSnapshot,
  type EnforcementCertificate,
  type OfficerRef,
} from '../../../src/procedure/case-snapshot.js';
import type { CaseStatus } from '../../../src/procedure/case-status.js';
import type { DecideContext } from '../../../src/procedure/decide.js';
import type { WorkingDayCounter } from '../../../src/procedure/guards/guard.js';
import {
  addCalendarDays,
  dayOfWeek,
  localDate,
  type LocalDate,
} from '../../../src/procedure/local-date.js';
import type { OfficerRole } from '../../../src/procedure/officer-role.js';

export const d = (value: string): LocalDate => localDate(value);

export const OFFICE = 'office-sh';

export function certificate(
  number: string,
  validFrom = '2020-01-01',
  validTo = '2030-12-31',
  revokedOn?: string,
): EnforcementCertificate {
  return {
    number,
    validFrom: d(validFrom),
    validTo: d(validTo),
    ...(revokedOn ? { revokedOn: d(revokedOn) } : {}),
  };
}

function actor(officerId: string, roles: OfficerRole[], extra: Partial<Actor> = {}): Actor {
  return {
    officerId,
    officeId: OFFICE,
    roles,
    certificate: certificate(`CERT-${officerId}`),
    ...extra,
  };
}

export const HANDLER_A = actor('handler-a', ['CASE_HANDLER']);
export const HANDLER_B = actor('handler-b', ['CASE_HANDLER']);
export const HEAD = actor('head', ['OFFICE_HEAD']);
export const DEPUTY_HEAD = actor('deputy-head', ['OFFICE_HEAD']);
export const PRINCIPAL_HEAD = actor('principal-head', ['OFFICE_HEAD'], { isPrincipalHead: true });
export const REVIEWER = actor('reviewer', ['LEGAL_REVIEWER'], {
  hasLegalProfessionalQualification: true,
});
export const PRESIDER = actor('presider', ['HEARING_OFFICER']);
export const ACTORS: readonly Actor[] = [HANDLER_A, HANDLER_B, HEAD, REVIEWER, PRESIDER];

export function ref(a: Actor): OfficerRef {
  return { officerId: a.officerId, certificate: a.certificate };
}

export const TEAM: readonly OfficerRef[] = [ref(HANDLER_A), ref(HANDLER_B)];

/** Compulsion Law art. 18 items (4)-(8) done with the party present. */
export const ON_SITE_WITH_PARTY: CompulsoryMeasureOnSiteFacts = {
  partyNotified: true,
  partyPresent: true,
  informedOfReasonsAndRemedies: true,
  statementsHeard: true,
  transcriptMade: true,
  officersSigned: true,
  partySigned: true,
  partyRefusalNoted: false,
  witnessSigned: false,
};

/** Compulsion Law art. 26: kept by the office, at its own cost. */
export const CUSTODY = {
  place: '本机关涉案财物保管室',
  custodian: '张三',
  costChargedToPartyFen: 0,
} as const;

export function headApproval(on: string, extra: Partial<Approval> = {}): Approval {
  return {
    approverId: HEAD.officerId,
    approverRoles: ['OFFICE_HEAD'],
    principalHead: false,
    approvedOn: d(on),
    written: true,
    ...extra,
  };
}

export function principalHeadApproval(on: string): Approval {
  return {
    approverId: PRINCIPAL_HEAD.officerId,
    approverRoles: ['OFFICE_HEAD'],
    principalHead: true,
    approvedOn: d(on),
    written: true,
  };
}

/** Working days Monday to Friday, minus `holidays`: counts d with from < d ≤ to. */
export function fakeWorkingDays(
  holidays: readonly string[] = [],
): WorkingDayCounter & { add(from: LocalDate, n: number): LocalDate } {
  const isWorking = (date: LocalDate) =>
    dayOfWeek(date) !== 0 && dayOfWeek(date) !== 6 && !holidays.includes(date);
  return {
    workingDaysBetween(from, to) {
      const [start, end, sign] = from <= to ? [from, to, 1] : [to, from, -1];
      let count = 0;
      for (let day = addCalendarDays(start, 1); day <= end; day = addCalendarDays(day, 1)) {
        if (isWorking(day)) {
          count++;
        }
      }
      return sign * count;
    },
    add(from, n) {
      let day = from;
      let left = n;
      while (left > 0) {
        day = addCalendarDays(day, 1);
        if (isWorking(day)) {
          left--;
        }
      }
      return day;
    },
  };
}

export const WORKING_DAYS = fakeWorkingDays();
export const CONTEXT: DecideContext = { workingDays: WORKING_DAYS };

/** A docketed case (2024-03-01, Friday) with two certified handlers and one piece of evidence. */
export function snapshot(status: CaseStatus, patch: Partial<CaseSnapshot> = {}): CaseSnapshot {
  return {
    status,
    officeId: OFFICE,
    officeLevel: 'MUNICIPAL',
    parties: [{ id: 'party-1', kind: 'LEGAL_PERSON' }],
    source: { type: 'INSPECTION', receivedOn: d('2024-02-20') },
    violation: { committedOn: d('2024-01-10'), harmsLifeHealthOrFinancialSecurity: false },
    docketedOn: d('2024-03-01'),
    handlers: TEAM,
    flags: NO_FLAGS,
    deadlines: {
      DOCKETING: { dueDate: d('2024-03-12') },
      CASE_TIME_LIMIT: { dueDate: d('2024-05-30') },
    },
    evidence: [
      {
        id: 'ev-1',
        kind: 'ELECTRONIC_DATA',
        collectedOn: d('2024-03-05'),
        fromParty: true,
        collectorIds: ['handler-a', 'handler-b'],
      },
    ],
    transcripts: [],
    preservations: [],
    compulsoryMeasures: [],
    recusals: [],
    audioVisualRecords: [],
    correctionOrders: [],
    complaints: [],
    decisionCorrections: [],
    statements: [],
    waivers: [],
    legalReviews: [],
    collectiveDiscussions: [],
    timeLimitExtensions: [],
    suspensions: [],
    priorFinesForSameAct: [],
    services: [],
    payments: [],
    paymentArrangements: [],
    remedies: [],
    pendingDocuments: [],
    ...patch,
  };
}

/** Notice served Monday 2024-04-01 proposing a 5,000 yuan fine; both windows end 2024-04-08. */
export function notifiedSnapshot(
  status: CaseStatus = 'PRE_PENALTY_NOTICE_SERVED',
  patch: Partial<CaseSnapshot> = {},
): CaseSnapshot {
  const base = snapshot(status);
  return snapshot(status, {
    notice: {
      servedOn: d('2024-04-01'),
      proposedPenalties: [{ kind: 'FINE', amountYuan: 5000 }],
      hearingEligible: true,
    },
    deadlines: {
      ...base.deadlines,
      STATEMENT: { dueDate: WORKING_DAYS.add(d('2024-04-01'), 5) },
      HEARING_REQUEST: { dueDate: WORKING_DAYS.add(d('2024-04-01'), 5) },
    },
    ...patch,
  });
}

/**
 * A 5,000 yuan fine decided and served (DIRECT) on Wednesday 2024-04-10: pay by 2024-04-25,
 * reconsideration until 2024-06-10, litigation until 2024-10-10 (the remedy periods lapse then).
 */
export function executionSnapshot(
  status: CaseStatus = 'DECISION_SERVED',
  patch: Partial<CaseSnapshot> = {},
): CaseSnapshot {
  return snapshot(status, {
    notice: {
      issuedOn: d('2024-04-01'),
      servedOn: d('2024-04-01'),
      proposedPenalties: [{ kind: 'FINE', amountYuan: 5000 }],
      hearingEligible: true,
    },
    decision: {
      outcome: 'PENALTY',
      decidedOn: d('2024-04-10'),
      penalties: [{ kind: 'FINE', amountYuan: 5000 }],
      fineFen: 500_000,
      servedOn: d('2024-04-10'),
    },
    deadlines: {
      PAYMENT: { dueDate: d('2024-04-25') },
      RECONSIDERATION_PERIOD: { dueDate: d('2024-06-10') },
      LITIGATION_PERIOD: { dueDate: d('2024-10-10') },
    },
    ...patch,
  });
}

/** A valid input for every action, dated `on` (for the structural agreement test). */
export function sampleInputs(on: string): ActionInputs {
  const day = d(on);
  return {
    registerCaseSource: {
      sourceType: 'INSPECTION',
      receivedOn: day,
      summary: '网站未履行信息内容管理义务',
    },
    decideDocketing: {
      docket: true,
      handlers: TEAM,
      jurisdiction: { basis: 'TERRITORIAL', explanation: '网站备案地在本市' },
    },
    cancelDocketing: { reason: '不属于本部门管辖' },
    transferCase: {
      kind: 'TO_OTHER_AUTHORITY',
      recipient: '市市场监督管理局',
      reason: '属于其他行政机关管辖',
    },
    applyForRecusal: {
      targetOfficerId: 'handler-a',
      applicant: 'PARTY',
      ground: 'DIRECT_INTEREST',
      appliedOn: day,
    },
    decideRecusal: { recusalId: 'rec-1', granted: false },
    recordEvidence: {
      evidenceKind: 'DOCUMENTARY',
      collectedOn: day,
      collectors: TEAM,
      certificatesShown: true,
      fromParty: false,
      recusalRightNotified: true,
      description: '网站备案信息',
    },
    recordInquiry: {
      conductedOn: day,
      officers: TEAM,
      certificatesShown: true,
      intervieweeIsParty: true,
      recusalRightNotified: true,
    },
    recordInspection: {
      conductedOn: day,
      officers: TEAM,
      certificatesShown: true,
      ofParty: true,
      recusalRightNotified: true,
    },
    preserveEvidence: {
      startedOn: day,
      officers: TEAM,
      certificatesShown: true,
      approval: headApproval(on),
      items: ['服务器硬盘'],
    },
    orderCorrection: {
      partyId: 'party-1',
      orderedOn: day,
      correctionPeriodDays: 7,
      dueOn: addCalendarDays(day, 7),
    },
    recordCorrectionReview: {
      correctionOrderId: 'corr-1',
      reviewedOn: day,
      finding: 'COMPLIED',
    },
    handlePreservedEvidence: {
      preservationId: 'pres-1',
      decidedOn: day,
      handling: 'RETURN',
      // Valid on any day: a walk may reach the handling after its period (APL art. 56).
      lateHandlingReason: '鉴定意见送达后即作出处理决定',
    },
    imposeCompulsoryMeasure: {
      measure: 'SEIZURE',
      startedOn: day,
      endsOn: addCalendarDays(day, 30),
      officers: TEAM,
      certificatesShown: true,
      approval: principalHeadApproval(on),
      basis: 'PIPL_63_1_4',
      evidenceIds: ['ev-1'],
      suspectedProvisions: [{ provisionId: 'PIPL-66-1', lawCode: 'PIPL' }],
      onSite: ON_SITE_WITH_PARTY,
      custody: CUSTODY,
    },
    extendCompulsoryMeasure: {
      measureId: 'm-1',
      newEndsOn: addCalendarDays(day, 20),
      approval: headApproval(on),
      reason: '案情复杂',
    },
    releaseCompulsoryMeasure: { measureId: 'm-1', releasedOn: day, ground: 'NO_VIOLATION' },
    ratifyEmergencyMeasure: {
      measureId: 'm-1',
      reportedAt: `${day}T12:00:00+08:00`,
      approved: true,
      approval: principalHeadApproval(on),
    },
    recordTestingPeriod: {
      measureId: 'm-1',
      testingKind: 'TECHNICAL_APPRAISAL',
      institution: '某某司法鉴定中心',
      startsOn: day,
      endsOn: addCalendarDays(day, 5),
      notifiedOn: day,
    },
    issuePrePenaltyNotice: {
      proposedPenalties: [{ kind: 'WARNING' }],
      servedOn: day,
      approval: headApproval(on),
    },
    recordStatement: { receivedOn: day, channel: 'WRITTEN' },
    reviewStatement: { statementId: 'st-1', reviewedOn: day, adopted: false },
    waiveRights: { rights: ['STATEMENT_AND_DEFENCE'], waivedOn: day, signedByParty: true },
    requestHearing: { requestedOn: day },
    scheduleHearing: {
      hearingOn: WORKING_DAYS.add(day, 7),
      noticeServedOn: day,
      presidingOfficerId: 'presider',
      isPublic: true,
    },
    recordHearing: {
      heldOn: day,
      outcome: 'HELD',
      agentCount: 1,
      recordSignedByParty: true,
      refusalNotedByPresider: false,
    },
    submitLegalReview: { submittedOn: day },
    completeLegalReview: {
      completedOn: day,
      result: 'PASSED',
      opinion: '事实清楚，证据确凿，程序合法',
    },
    recordCollectiveDiscussion: {
      heldOn: day,
      participants: [
        { officerId: 'head', isOfficeHead: true },
        { officerId: 'deputy-head', isOfficeHead: true },
      ],
      conclusion: '同意',
    },
    extendTimeLimit: {
      limit: 'CASE_TIME_LIMIT',
      approvedOn: day,
      extensionDays: 30,
      reason: '案情复杂',
      byCollectiveDiscussion: false,
    },
    suspendCase: { suspendedOn: day, reason: '等待鉴定' },
    resumeCase: { resumedOn: day },
    decideCase: { outcome: 'FACTS_NOT_ESTABLISHED' },
    imposeSummaryPenalty: {
      partyKind: 'NATURAL_PERSON',
      penalties: [{ kind: 'WARNING' }],
      officers: TEAM,
      certificatesShown: true,
      factsConclusive: true,
      partyInformedAndHeard: true,
    },
    serveDocument: {
      documents: ['PRE_PENALTY_NOTICE'],
      method: 'DIRECT',
      facts: {
        servedOn: day,
        recipientName: '王五',
        recipientRole: 'LEGAL_REPRESENTATIVE',
        signed: true,
        signedOn: day,
      },
      servers: TEAM,
      deemedServedOn: day,
    },
    recordPayment: {
      paidOn: day,
      amountFen: 500_000,
      channel: 'DESIGNATED_BANK',
      receiptNumber: 'NS-0001',
    },
    applyForDeferral: { kind: 'INSTALMENTS', appliedOn: day, reason: '经营困难，确有经济困难' },
    decidePaymentArrangement: {
      arrangementId: 'arr-1',
      approved: true,
      decidedOn: day,
      approval: headApproval(on),
      schedule: [
        { dueOn: addCalendarDays(day, 30), amountFen: 250_000 },
        { dueOn: addCalendarDays(day, 60), amountFen: 250_000 },
      ],
    },
    recordReconsideration: { stage: 'FILED', filedOn: day, organ: '市人民政府' },
    recordLitigation: { stage: 'FILED', filedOn: day, organ: '区人民法院' },
    issueEnforcementDemand: {
      issuedOn: day,
      amountFen: 1_000_000,
      performBy: addCalendarDays(day, 10),
      remedyPeriodsLapseOn: addCalendarDays(day, -30),
    },
    applyForCourtEnforcement: { appliedOn: day, court: '区人民法院' },
    recordCourtRuling: { ruledOn: day, result: 'ENFORCEMENT_ORDERED' },
    applyForRulingReview: { appliedOn: day, court: '北京市第一中级人民法院' },
    resumeReturnedCase: {
      ground: 'NOT_FILED',
      receivedOn: day,
      judicialDocument: '北京市公安局海淀分局不予立案通知书（京公海不立字〔2026〕12号）',
    },
    closeCase: { ground: 'EXECUTED', closedOn: day, approval: headApproval(on) },
    recordComplaint: { kind: 'COMPLAINT', receivedOn: day },
    handleComplaint: { complaintId: 'complaint-1', handledOn: day, finding: 'ERROR_FOUND' },
    revokeDecision: {
      decidedOn: day,
      legalReview: { reviewerId: 'reviewer-1', reviewedOn: day },
      approval: principalHeadApproval(on),
      collectiveDiscussedOn: day,
    },
    changeDecision: {
      decidedOn: day,
      legalReview: { reviewerId: 'reviewer-1', reviewedOn: day },
      approval: principalHeadApproval(on),
      collectiveDiscussedOn: day,
      penalties: [{ kind: 'FINE', amountYuan: 1000 }],
    },
    recordRefund: {
      correctionId: 'dcor-1',
      refundedOn: day,
      amountFen: 100_000,
      receiptNumber: 'REFUND-1',
    },
  };
}

export function codesOf(result: {
  ok: boolean;
  violations?: readonly { code: string }[];
}): string[] {
  return result.ok ? [] : (result.violations ?? []).map((v) => v.code);
}
