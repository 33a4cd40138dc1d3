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
import {
  hasSeveralParties,
  hearingPartyIds,
  noticeServedOnParty,
  partiesNotServedTheNotice,
  partiesWithinPeriod,
  partyHasWaived,
} from '../party-periods.js';
import { violation } from '../rule-catalog.js';
import type { Rulebook } from '../rulebook.js';
import type { RuleViolation } from '../rule-violation.js';
import { noExpiredCompulsoryMeasure } from './compulsory-measure.guards.js';
import { headApproved } from './evidence.guards.js';
import {
  inputGuard,
  partyGuard,
  stateGuard,
  type Guard,
  type StateGuard,
  type WorkingDayCounter,
} from './guard.js';
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

/**
 * The party explicitly waived `right` after the current notice was served; with several
 * parties, every party did (each waives only their own right).
 */
export function hasWaived(snapshot: CaseSnapshot, right: WaivableRight): boolean {
  if (hasSeveralParties(snapshot)) {
    return snapshot.parties.every((p) => partyHasWaived(snapshot, right, p.id));
  }
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

/**
 * What the per-party rules need: the calendar, the rulebook, and the parties judged (the
 * penalized ones for a decision; every party otherwise).
 */
export interface PartyScope {
  readonly workingDays: WorkingDayCounter;
  readonly rulebook: Rulebook;
  readonly partyIds?: readonly string[];
}

function scopedPartyIds(snapshot: CaseSnapshot, scope: PartyScope): readonly string[] {
  return scope.partyIds ?? snapshot.parties.map((p) => p.id);
}

/**
 * APL arts. 44, 62 with several parties: the notice was served on each party judged (their
 * periods have not started otherwise).
 */
export function partiesNotNotifiedViolation(
  snapshot: CaseSnapshot,
  scope: PartyScope,
): RuleViolation | undefined {
  if (!hasSeveralParties(snapshot)) {
    return undefined;
  }
  const partyIds = partiesNotServedTheNotice(snapshot, scopedPartyIds(snapshot, scope));
  return partyIds.length > 0
    ? violation('NOTICE_NOT_SERVED', { issuedOn: snapshot.notice?.issuedOn, partyIds })
    : undefined;
}

/**
 * APL art. 62: the statement period is over, or the party waived statement and defence. With
 * several parties (and `scope` given), each party judged by the period from their own service.
 */
export function statementPeriodViolation(
  snapshot: CaseSnapshot,
  now: LocalDate,
  scope?: PartyScope,
): RuleViolation | undefined {
  if (scope && hasSeveralParties(snapshot)) {
    const open = partiesWithinPeriod(
      snapshot,
      scopedPartyIds(snapshot, scope),
      scope.rulebook.parameters.statementPeriod,
      now,
      scope.workingDays,
      (id) => partyHasWaived(snapshot, 'STATEMENT_AND_DEFENCE', id),
    );
    if (open) {
      return open.length > 0
        ? violation('STATEMENT_PERIOD_NOT_OVER', {
            dueDate: open
              .map((p) => p.dueDate)
              .sort()
              .at(-1),
            now,
            parties: open,
          })
        : undefined;
    }
  }
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

/**
 * APL arts. 63-65: a requested hearing was held, or the request window closed unused, or it was
 * waived. With several parties (and `scope` given), every party other than the one who requested
 * the hearing is judged by the window from their own service.
 */
export function hearingViolation(
  snapshot: CaseSnapshot,
  now: LocalDate,
  scope?: PartyScope,
): RuleViolation | undefined {
  const hearing = snapshot.hearing;
  if (hearing && hearing.withdrawnOn === undefined && hearing.outcome === undefined) {
    return violation('HEARING_REQUESTED_NOT_HELD', {
      requestedOn: hearing.requestedOn,
      hearingOn: hearing.hearingOn,
    });
  }
  if (scope && hasSeveralParties(snapshot) && snapshot.notice?.hearingEligible) {
    const open = partiesWithinPeriod(
      snapshot,
      scopedPartyIds(snapshot, scope),
      scope.rulebook.parameters.hearingRequestPeriod,
      now,
      scope.workingDays,
      (id) =>
        (hearing !== undefined &&
          hearing.withdrawnOn === undefined &&
          hearingPartyIds(hearing).includes(id)) ||
        partyHasWaived(snapshot, 'HEARING', id),
    );
    if (open) {
      return open.length > 0
        ? violation('HEARING_REQUEST_PERIOD_NOT_OVER', {
            dueDate: open
              .map((p) => p.dueDate)
              .sort()
              .at(-1),
            now,
            parties: open,
          })
        : undefined;
    }
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

/**
 * With several parties, the party named in the act was served the notice: their own rights
 * run from their own service (APL arts. 44, 62).
 */
export function noticeServedOnNamedParty<I extends { readonly partyId?: string }>(): Guard<I> {
  return partyGuard<I>(
    'noticeServedOnNamedParty',
    ['NOTICE_NOT_SERVED'],
    ({ snapshot }, partyId) =>
      hasSeveralParties(snapshot) &&
      !isNoticeUnserved(snapshot) &&
      noticeServedOnParty(snapshot, partyId) === undefined
        ? violation('NOTICE_NOT_SERVED', {
            issuedOn: snapshot.notice?.issuedOn,
            partyIds: [partyId],
          })
        : undefined,
  );
}

export const recordStatementGuards: readonly Guard<RecordStatementInput>[] = [
  noticeServed,
  noticeServedOnNamedParty<RecordStatementInput>(),
];

export const reviewStatementGuards: readonly Guard<ReviewStatementInput>[] = [
  recordExists<ReviewStatementInput>('statementExists', 'statementId', (s) => s.statements),
];

export const waiveRightsGuards: readonly Guard<WaiveRightsInput>[] = [
  noticeServed,
  noticeServedOnNamedParty<WaiveRightsInput>(),
  inputGuard<WaiveRightsInput>('waiverExplicit', ['WAIVER_NOT_EXPLICIT'], ({ input }) =>
    input.signedByParty && input.rights.length > 0
      ? undefined
      : violation('WAIVER_NOT_EXPLICIT', { rights: input.rights }),
  ),
];
