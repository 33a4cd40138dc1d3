/**
 * Pre-penalty notice (事先告知), statements and defence (陈述、申辩) and their
 * review (复核), and the party's explicit waiver of those rights.
 * Legal basis: 《中华人民共和国行政处罚法》第二十九条、第四十四条、第四十五条、第五十七条第一款、
 * 第六十二条 (V); statement period of the CAC 2023 rules (U).
 */
import type {
  IssuePrePenaltyNoticeInput,
  RecordStatementInput,
  ReviewStatementInput,
  WaiveRightsInput,
} from '../action-inputs.js';
import type { CaseSnapshot, ProposedPenalty, WaivableRight } from '../case-snapshot.js';
import type { LocalDate } from '../local-date.js';
import { violation } from '../rule-catalog.js';
import type { RuleViolation } from '../rule-violation.js';
import { noExpiredCompulsoryMeasure } from './compulsory-measure.guards.js';
import { headApproved } from './evidence.guards.js';
import { inputGuard, stateGuard, type Guard, type StateGuard } from './guard.js';
import { recordExists } from './common.guards.js';

/**
 * The notice on file still stands: no legal review sent the case back for
 * supplementary investigation on or after the day it was served.
 */
export function isNoticeCurrent(snapshot: CaseSnapshot): boolean {
  const notice = snapshot.notice;
  const since = notice?.servedOn ?? notice?.issuedOn;
  if (!notice || since === undefined) {
    return false;
  }
  return !snapshot.legalReviews.some(
    (r) =>
      r.result !== undefined &&
      r.result !== 'PASSED' &&
      r.completedOn !== undefined &&
      r.completedOn >= since,
  );
}

/** A notice is on file but only issued: the party's windows have not started (APL arts. 44, 62, 64(1)). */
export function isNoticeUnserved(snapshot: CaseSnapshot): boolean {
  return snapshot.notice !== undefined && snapshot.notice.servedOn === undefined;
}

/** The party acts on the notice (statement, waiver, hearing request) only once it is served. */
export const noticeServed: StateGuard = stateGuard(
  'noticeServed',
  ['NOTICE_NOT_SERVED'],
  ({ snapshot }) =>
    isNoticeUnserved(snapshot)
      ? violation('NOTICE_NOT_SERVED', { issuedOn: snapshot.notice?.issuedOn })
      : undefined,
);

/** The party explicitly waived `right` after the current notice was served. */
export function hasWaived(snapshot: CaseSnapshot, right: WaivableRight): boolean {
  const servedOn = snapshot.notice?.servedOn;
  return (
    servedOn !== undefined &&
    snapshot.waivers.some((w) => w.right === right && w.waivedOn >= servedOn)
  );
}

/** APL art. 29: a fine for an act already fined (in any case, by any office). */
export function secondFineViolation(
  snapshot: CaseSnapshot,
  penalties: readonly ProposedPenalty[],
): RuleViolation | undefined {
  const fines = penalties.filter((p) => p.kind === 'FINE');
  const prior = snapshot.priorFinesForSameAct.filter((f) =>
    fines.some(
      (p) => f.partyId === undefined || p.partyId === undefined || f.partyId === p.partyId,
    ),
  );
  return prior.length > 0
    ? violation('FINED_TWICE_FOR_SAME_ACT', { priorCaseIds: prior.map((f) => f.caseId) })
    : undefined;
}

/** APL art. 62: the statement period is over, or the party waived statement and defence. */
export function statementPeriodViolation(
  snapshot: CaseSnapshot,
  now: LocalDate,
): RuleViolation | undefined {
  if (hasWaived(snapshot, 'STATEMENT_AND_DEFENCE')) {
    return undefined;
  }
  const due = snapshot.deadlines.STATEMENT?.dueDate;
  if (!due) {
    return violation('DEADLINE_NOT_RECORDED', { deadline: 'STATEMENT' });
  }
  // The last day of the period still belongs to the party.
  return now <= due ? violation('STATEMENT_PERIOD_NOT_OVER', { dueDate: due, now }) : undefined;
}

/** APL arts. 63-65: a requested hearing was held, or the request window closed unused, or it was waived. */
export function hearingViolation(
  snapshot: CaseSnapshot,
  now: LocalDate,
): RuleViolation | undefined {
  const hearing = snapshot.hearing;
  if (hearing && hearing.withdrawnOn === undefined && hearing.outcome === undefined) {
    return violation('HEARING_REQUESTED_NOT_HELD', {
      requestedOn: hearing.requestedOn,
      hearingOn: hearing.hearingOn,
    });
  }
  if (!hearing && snapshot.notice?.hearingEligible && !hasWaived(snapshot, 'HEARING')) {
    const due = snapshot.deadlines.HEARING_REQUEST?.dueDate;
    if (!due) {
      return violation('DEADLINE_NOT_RECORDED', { deadline: 'HEARING_REQUEST' });
    }
    return now <= due
      ? violation('HEARING_REQUEST_PERIOD_NOT_OVER', { dueDate: due, now })
      : undefined;
  }
  return undefined;
}

export const issuePrePenaltyNoticeGuards: readonly Guard<IssuePrePenaltyNoticeInput>[] = [
  stateGuard('partyIdentified', ['PARTY_REQUIRED'], ({ snapshot }) =>
    snapshot.parties.length === 0 ? violation('PARTY_REQUIRED') : undefined,
  ),
  // APL arts. 40, 44: the notice states the facts and the main evidence, which are the evidence
  // records on file (its form lists them); without any the notice cannot be made.
  stateGuard('evidenceOnFile', ['EVIDENCE_MISSING'], ({ snapshot }) =>
    snapshot.evidence.length === 0 ? violation('EVIDENCE_MISSING') : undefined,
  ),
  noExpiredCompulsoryMeasure,
  inputGuard<IssuePrePenaltyNoticeInput>(
    'proposedPenaltyStated',
    ['PROPOSED_PENALTY_REQUIRED'],
    ({ input }) =>
      input.proposedPenalties.length === 0 ? violation('PROPOSED_PENALTY_REQUIRED') : undefined,
  ),
  // APL art. 57(1): the head reviews the investigation result before a penalty is proposed.
  headApproved<IssuePrePenaltyNoticeInput>((i) => i.approval),
  inputGuard<IssuePrePenaltyNoticeInput>(
    'notFinedTwice',
    ['FINED_TWICE_FOR_SAME_ACT'],
    ({ input, snapshot }) => secondFineViolation(snapshot, input.proposedPenalties),
  ),
];

export const recordStatementGuards: readonly Guard<RecordStatementInput>[] = [noticeServed];

export const reviewStatementGuards: readonly Guard<ReviewStatementInput>[] = [
  recordExists<ReviewStatementInput>('statementExists', 'statementId', (s) => s.statements),
];

export const waiveRightsGuards: readonly Guard<WaiveRightsInput>[] = [
  noticeServed,
  inputGuard<WaiveRightsInput>('waiverExplicit', ['WAIVER_NOT_EXPLICIT'], ({ input }) =>
    input.signedByParty && input.rights.length > 0
      ? undefined
      : violation('WAIVER_NOT_EXPLICIT', { rights: input.rights }),
  ),
];
