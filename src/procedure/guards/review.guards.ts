/**
 * Legal review (法制审核) and collective discussion by the heads (集体讨论).
 * Legal basis: 《中华人民共和国行政处罚法》第五十七条第二款、第五十八条 (V); CAC 2023 legal-review
 * scope, organ and personnel (P exists, content U).
 */
import type {
  CompleteLegalReviewInput,
  RecordCollectiveDiscussionInput,
  SubmitLegalReviewInput,
} from '../action-inputs.js';
import {
  investigatorIds,
  recusedOfficerIds,
  type CaseSnapshot,
  type LegalReviewRecord,
} from '../case-snapshot.js';
import type { LocalDate } from '../local-date.js';
import { violation } from '../rule-catalog.js';
import type { Rulebook } from '../rulebook.js';
import type { RuleViolation } from '../rule-violation.js';
import { inputGuard, stateGuard, type Guard } from './guard.js';
import { hearingViolation, isNoticeCurrent, statementPeriodViolation } from './notice.guards.js';

export type LegalReviewTrigger =
  | 'MAJOR_PUBLIC_INTEREST' // APL 58(1)(1)
  | 'HEARING_HELD' // APL 58(1)(2)
  | 'COMPLEX_CASE' // APL 58(1)(3)
  | 'OTHER_LAW' // APL 58(1)(4)
  | 'CAC_SCOPE'; // CAC 2023 scope (U rulebook flag)

/** Why legal review is required before the decision; empty when it is not. */
export function legalReviewTriggers(
  snapshot: CaseSnapshot,
  rulebook: Rulebook,
): LegalReviewTrigger[] {
  const triggers: LegalReviewTrigger[] = [];
  if (snapshot.flags.majorPublicInterest) {
    triggers.push('MAJOR_PUBLIC_INTEREST');
  }
  // 经过听证程序: a hearing actually held; a hearing terminated for absence counts as waived.
  if (snapshot.hearing?.outcome === 'HELD') {
    triggers.push('HEARING_HELD');
  }
  if (snapshot.flags.complexCase) {
    triggers.push('COMPLEX_CASE');
  }
  if (snapshot.flags.legalReviewRequiredByOtherLaw) {
    triggers.push('OTHER_LAW');
  }
  if (rulebook.parameters.legalReviewForAllOrdinaryCases.value) {
    triggers.push('CAC_SCOPE');
  }
  return triggers;
}

export function latestCompletedReview(snapshot: CaseSnapshot): LegalReviewRecord | undefined {
  const completed = snapshot.legalReviews.filter(
    (r) => r.completedOn !== undefined && r.result !== undefined,
  );
  return completed.reduce<LegalReviewRecord | undefined>(
    (latest, r) =>
      latest === undefined || (r.completedOn as LocalDate) >= (latest.completedOn as LocalDate)
        ? r
        : latest,
    undefined,
  );
}

/** APL art. 58: a required review must exist, have passed, and (D) post-date the hearing. */
export function legalReviewViolation(
  snapshot: CaseSnapshot,
  rulebook: Rulebook,
): RuleViolation | undefined {
  const triggers = legalReviewTriggers(snapshot, rulebook);
  if (triggers.length === 0) {
    return undefined;
  }
  const review = latestCompletedReview(snapshot);
  if (!review) {
    return violation('LEGAL_REVIEW_REQUIRED', { triggers });
  }
  if (review.result !== 'PASSED') {
    return violation('LEGAL_REVIEW_NOT_PASSED', {
      result: review.result,
      completedOn: review.completedOn,
    });
  }
  const heldOn = snapshot.hearing?.heldOn;
  if (heldOn !== undefined && (review.completedOn as LocalDate) < heldOn) {
    return violation('LEGAL_REVIEW_PREDATES_HEARING', {
      reviewCompletedOn: review.completedOn,
      hearingHeldOn: heldOn,
    });
  }
  return undefined;
}

export function isCollectiveDiscussionRequired(snapshot: CaseSnapshot): boolean {
  return snapshot.flags.complexCase || snapshot.flags.majorViolation;
}

export function collectiveDiscussionViolation(
  snapshot: CaseSnapshot,
  rulebook: Rulebook,
): RuleViolation | undefined {
  if (!isCollectiveDiscussionRequired(snapshot)) {
    return undefined;
  }
  const minimum = rulebook.parameters.collectiveDiscussionMinimumHeads.value;
  const held = snapshot.collectiveDiscussions.filter((d) => d.headCount >= minimum);
  if (held.length === 0) {
    return violation('COLLECTIVE_DISCUSSION_REQUIRED', {
      complexCase: snapshot.flags.complexCase,
      majorViolation: snapshot.flags.majorViolation,
    });
  }
  // The discussion is the decision (APL art. 57(2)): only one held after the passed review
  // (art. 58(1)) and after the hearing (art. 65) can be it.
  const lastHeldOn = held.map((d) => d.heldOn).reduce((a, b) => (a >= b ? a : b));
  const review = latestCompletedReview(snapshot);
  if (review?.result === 'PASSED' && lastHeldOn < (review.completedOn as LocalDate)) {
    return violation('COLLECTIVE_DISCUSSION_PREDATES_LEGAL_REVIEW', {
      discussionHeldOn: lastHeldOn,
      reviewCompletedOn: review.completedOn,
    });
  }
  const hearingHeldOn = snapshot.hearing?.heldOn;
  if (hearingHeldOn !== undefined && lastHeldOn < hearingHeldOn) {
    return violation('COLLECTIVE_DISCUSSION_PREDATES_HEARING', {
      discussionHeldOn: lastHeldOn,
      hearingHeldOn,
    });
  }
  return undefined;
}

/** Distinct heads of the office among the participants of a collective discussion. */
export function discussionHeadCount(
  participants: RecordCollectiveDiscussionInput['participants'],
): number {
  return new Set(participants.filter((p) => p.isOfficeHead).map((p) => p.officerId)).size;
}

/** First legal reviewers needed the qualification only from the 2021 law on (APL arts. 58(2), 86). */
const QUALIFICATION_REQUIRED_FROM = '2021-07-15' as LocalDate;

/**
 * Review of a notified case comes after the party's windows close, so the review
 * covers the statements and the party can still ask for a hearing meanwhile.
 */
export const submitLegalReviewGuards: readonly Guard<SubmitLegalReviewInput>[] = [
  stateGuard(
    'statementPeriodOverBeforeReview',
    ['STATEMENT_PERIOD_NOT_OVER', 'DEADLINE_NOT_RECORDED'],
    ({ snapshot, now, workingDays, rulebook }) =>
      snapshot.status === 'PRE_PENALTY_NOTICE_SERVED' && isNoticeCurrent(snapshot)
        ? statementPeriodViolation(snapshot, now, { workingDays, rulebook })
        : undefined,
  ),
  stateGuard(
    'hearingWindowClosedBeforeReview',
    ['HEARING_REQUEST_PERIOD_NOT_OVER', 'HEARING_REQUESTED_NOT_HELD', 'DEADLINE_NOT_RECORDED'],
    ({ snapshot, now, workingDays, rulebook }) =>
      snapshot.status === 'PRE_PENALTY_NOTICE_SERVED' && isNoticeCurrent(snapshot)
        ? hearingViolation(snapshot, now, { workingDays, rulebook })
        : undefined,
  ),
];

export const completeLegalReviewGuards: readonly Guard<CompleteLegalReviewInput>[] = [
  stateGuard('reviewerDidNotInvestigate', ['REVIEWER_IS_HANDLER'], ({ snapshot, actor }) =>
    investigatorIds(snapshot).has(actor.officerId)
      ? violation('REVIEWER_IS_HANDLER', { officerId: actor.officerId })
      : undefined,
  ),
  stateGuard('reviewerQualified', ['REVIEWER_NOT_QUALIFIED'], ({ actor }) => {
    const grandfathered =
      actor.firstLegalReviewOn !== undefined &&
      actor.firstLegalReviewOn < QUALIFICATION_REQUIRED_FROM;
    return actor.hasLegalProfessionalQualification || grandfathered
      ? undefined
      : violation('REVIEWER_NOT_QUALIFIED', { officerId: actor.officerId });
  }),
];

export const recordCollectiveDiscussionGuards: readonly Guard<RecordCollectiveDiscussionInput>[] = [
  // A recused head takes no part in the discussion (APL art. 43(1)).
  inputGuard<RecordCollectiveDiscussionInput>(
    'noRecusedParticipant',
    ['RECUSED_OFFICER_ACTING'],
    ({ input, snapshot }) => {
      const recused = recusedOfficerIds(snapshot);
      const acting = input.participants
        .filter((p) => recused.has(p.officerId))
        .map((p) => p.officerId);
      return acting.length > 0
        ? violation('RECUSED_OFFICER_ACTING', { officerIds: acting })
        : undefined;
    },
  ),
  inputGuard<RecordCollectiveDiscussionInput>(
    'enoughHeadsDiscussed',
    ['COLLECTIVE_DISCUSSION_TOO_FEW_HEADS'],
    ({ input, rulebook }) => {
      const heads = discussionHeadCount(input.participants);
      const minimum = rulebook.parameters.collectiveDiscussionMinimumHeads.value;
      return heads < minimum
        ? violation('COLLECTIVE_DISCUSSION_TOO_FEW_HEADS', { heads, minimum })
        : undefined;
    },
  ),
];
