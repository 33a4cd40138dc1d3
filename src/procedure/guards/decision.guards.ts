/**
 * The decision after investigation (处理决定): penalty, no penalty, facts not
 * established, or transfer to the judicial organ, and everything that must come first.
 * Legal basis: 《中华人民共和国行政处罚法》第二十九条、第三十三条、第三十六条、第四十条、第四十四条、
 * 第四十五条、第五十七条、第五十八条、第六十条、第六十二条、第六十三条、第六十四条、第六十五条 (V);
 * 《中华人民共和国行政强制法》第二十八条 (V); CAC 2023 art. 42 (P).
 */
import type { DecideCaseInput } from '../action-inputs.js';
import type { CaseSnapshot, ProposedPenalty } from '../case-snapshot.js';
import { violation, type RuleCode } from '../rule-catalog.js';
import type { RuleViolation } from '../rule-violation.js';
import { noExpiredCompulsoryMeasure } from './compulsory-measure.guards.js';
import { limitationViolation, noActiveCompulsoryMeasure } from './docketing.guards.js';
import { isHeadApproval } from './evidence.guards.js';
import { judicialTransferGuards } from './jurisdiction.guards.js';
import { inputGuard, type Guard, type InputGuardContext } from './guard.js';
import {
  hearingViolation,
  isNoticeCurrent,
  isNoticeUnserved,
  partiesNotNotifiedViolation,
  secondFineViolation,
  type PartyScope,
  statementPeriodViolation,
} from './notice.guards.js';
import { collectiveDiscussionViolation, legalReviewViolation } from './review.guards.js';

const isNoticeServedAndCurrent = (snapshot: CaseSnapshot) =>
  isNoticeCurrent(snapshot) && !isNoticeUnserved(snapshot);

type Penalty = Extract<DecideCaseInput, { outcome: 'PENALTY' }>;

/**
 * APL art. 62 binds the decision for each party it penalizes: those parties are judged (every
 * party when a line names none).
 */
function penalizedScope(ctx: InputGuardContext<DecideCaseInput>, input: Penalty): PartyScope {
  const ids = input.penalties.map((p) => p.partyId);
  return {
    workingDays: ctx.workingDays,
    rulebook: ctx.rulebook,
    ...(ids.every((id): id is string => id !== undefined) ? { partyIds: [...new Set(ids)] } : {}),
  };
}

/** A guard that applies to the PENALTY outcome only. */
function forPenalty(
  name: string,
  codes: readonly RuleCode[],
  check: (ctx: InputGuardContext<DecideCaseInput>, input: Penalty) => RuleViolation | undefined,
): Guard<DecideCaseInput> {
  return inputGuard<DecideCaseInput>(name, codes, (ctx) =>
    ctx.input.outcome === 'PENALTY' ? check(ctx, ctx.input) : undefined,
  );
}

const samePartyOf = (a: ProposedPenalty, b: ProposedPenalty) =>
  (a.partyId ?? '') === (b.partyId ?? '');

/**
 * Penalties heavier than notified: a kind not notified for that party, or a larger
 * amount than notified for that kind. (APL art. 45(2); a new notice is the way out.)
 */
export function heavierThanNotified(
  decided: readonly ProposedPenalty[],
  notified: readonly ProposedPenalty[],
): ProposedPenalty[] {
  return decided.filter((d) => {
    const same = notified.filter((n) => n.kind === d.kind && samePartyOf(n, d));
    if (same.length === 0) {
      return true;
    }
    const notifiedAmount = Math.max(...same.map((n) => n.amountYuan ?? 0));
    return (d.amountYuan ?? 0) > notifiedAmount;
  });
}

export const decideCaseGuards: readonly Guard<DecideCaseInput>[] = [
  noExpiredCompulsoryMeasure,
  forPenalty('penaltyStated', ['DECIDED_PENALTY_REQUIRED'], (_ctx, input) =>
    input.penalties.length === 0 ? violation('DECIDED_PENALTY_REQUIRED') : undefined,
  ),
  forPenalty(
    'prePenaltyNoticeServed',
    ['PRE_PENALTY_NOTICE_NOT_SERVED', 'NOTICE_NOT_SERVED'],
    (ctx, input) => {
      const { snapshot } = ctx;
      if (!isNoticeCurrent(snapshot)) {
        return violation('PRE_PENALTY_NOTICE_NOT_SERVED', {
          noticeServedOn: snapshot.notice?.servedOn,
        });
      }
      return isNoticeUnserved(snapshot)
        ? violation('NOTICE_NOT_SERVED', { issuedOn: snapshot.notice?.issuedOn })
        : partiesNotNotifiedViolation(snapshot, penalizedScope(ctx, input));
    },
  ),
  forPenalty(
    'statementPeriodOverOrWaived',
    ['STATEMENT_PERIOD_NOT_OVER', 'DEADLINE_NOT_RECORDED'],
    // Judged on the day of the decision, not the day it is entered (APL art. 62).
    (ctx, input) =>
      isNoticeServedAndCurrent(ctx.snapshot)
        ? statementPeriodViolation(ctx.snapshot, ctx.actDate, penalizedScope(ctx, input))
        : undefined,
  ),
  forPenalty('statementsReviewed', ['STATEMENT_NOT_REVIEWED'], ({ snapshot }) => {
    const open = snapshot.statements.filter((s) => s.reviewedOn === undefined).map((s) => s.id);
    return open.length > 0
      ? violation('STATEMENT_NOT_REVIEWED', { statementIds: open })
      : undefined;
  }),
  forPenalty(
    'hearingHeldOrWaived',
    ['HEARING_REQUESTED_NOT_HELD', 'HEARING_REQUEST_PERIOD_NOT_OVER', 'DEADLINE_NOT_RECORDED'],
    (ctx, input) =>
      isNoticeServedAndCurrent(ctx.snapshot)
        ? hearingViolation(ctx.snapshot, ctx.actDate, penalizedScope(ctx, input))
        : undefined,
  ),
  inputGuard<DecideCaseInput>(
    'legalReviewPassed',
    ['LEGAL_REVIEW_REQUIRED', 'LEGAL_REVIEW_NOT_PASSED', 'LEGAL_REVIEW_PREDATES_HEARING'],
    ({ input, snapshot, rulebook }) =>
      // A suspected crime goes to the judicial organ at once (APL art. 27); review does not hold it back.
      input.outcome === 'TRANSFER_TO_JUDICIAL_ORGAN'
        ? undefined
        : legalReviewViolation(snapshot, rulebook),
  ),
  forPenalty(
    'collectiveDiscussionHeld',
    [
      'COLLECTIVE_DISCUSSION_REQUIRED',
      'COLLECTIVE_DISCUSSION_PREDATES_LEGAL_REVIEW',
      'COLLECTIVE_DISCUSSION_PREDATES_HEARING',
    ],
    ({ snapshot, rulebook }) => collectiveDiscussionViolation(snapshot, rulebook),
  ),
  forPenalty('notHeavierThanNotified', ['PENALTY_HEAVIER_THAN_NOTIFIED'], ({ snapshot }, input) => {
    if (!isNoticeCurrent(snapshot) || !snapshot.notice) {
      return undefined;
    }
    const heavier = heavierThanNotified(input.penalties, snapshot.notice.proposedPenalties);
    return heavier.length > 0
      ? violation('PENALTY_HEAVIER_THAN_NOTIFIED', { penalties: heavier })
      : undefined;
  }),
  forPenalty('notFinedTwice', ['FINED_TWICE_FOR_SAME_ACT'], ({ snapshot }, input) =>
    secondFineViolation(snapshot, input.penalties),
  ),
  forPenalty('evidenceOnFile', ['EVIDENCE_MISSING'], ({ snapshot }) =>
    snapshot.evidence.length + snapshot.transcripts.length === 0
      ? violation('EVIDENCE_MISSING')
      : undefined,
  ),
  forPenalty(
    'limitationPeriodNotExpired',
    ['LIMITATION_PERIOD_EXPIRED'],
    ({ snapshot, rulebook }) => limitationViolation(snapshot, snapshot.violation, rulebook),
  ),
  // Only a penalty needs the late-decision path: closing a case in the party's favour late must stay possible.
  forPenalty(
    'withinCaseTimeLimit',
    ['CASE_TIME_LIMIT_EXCEEDED', 'DEADLINE_NOT_RECORDED'],
    // APL art. 60 binds the day of the decision: one made in time and entered later is in time.
    ({ snapshot, actDate }, input) => {
      const due = snapshot.deadlines.CASE_TIME_LIMIT?.dueDate;
      if (!due) {
        return violation('DEADLINE_NOT_RECORDED', { deadline: 'CASE_TIME_LIMIT' });
      }
      if (actDate <= due) {
        return undefined;
      }
      // APL art. 60 sets a duty, not a forfeiture (legal.md E15): a late penalty is decided on the
      // recorded late-decision path, with its reason and the office head's approval, and flagged.
      const late = input.lateDecision;
      const missing = [
        ...((late?.reason ?? '').trim().length === 0 ? ['lateDecisionReason'] : []),
        ...(isHeadApproval(late?.approval, actDate) ? [] : ['lateDecisionApproval']),
      ];
      return missing.length > 0
        ? violation('CASE_TIME_LIMIT_EXCEEDED', { dueDate: due, decidedOn: actDate, missing })
        : undefined;
    },
  ),
  // 移送涉嫌犯罪案件 decided after investigation: the same approval and copy as transferCase.
  ...judicialTransferGuards<DecideCaseInput>((input) =>
    input.outcome === 'TRANSFER_TO_JUDICIAL_ORGAN'
      ? { toJudicialOrgan: true, judicial: input.judicial }
      : { toJudicialOrgan: false, judicial: undefined },
  ),
  inputGuard<DecideCaseInput>('educationRecorded', ['EDUCATION_NOT_RECORDED'], ({ input }) =>
    input.outcome === 'NO_PENALTY' && !input.educationGiven
      ? violation('EDUCATION_NOT_RECORDED')
      : undefined,
  ),
  inputGuard<DecideCaseInput>(
    'measuresReleasedBeforeNoPenalty',
    ['COMPULSORY_MEASURE_STILL_ACTIVE'],
    (ctx) =>
      ctx.input.outcome === 'NO_PENALTY' || ctx.input.outcome === 'FACTS_NOT_ESTABLISHED'
        ? noActiveCompulsoryMeasure.check(ctx)
        : undefined,
  ),
];
