/**
 * 申诉、检举 and the office's own correction of its penalty decision (主动改正): a complaint or
 * report is recorded and its finding made by the head; a revocation (撤销) or change (变更) of
 * the decision rests on the office's own discovery or on a finding that the decision is wrong,
 * is legally reviewed and approved in writing by the principal head (collectively discussed
 * where the decision was), and a change that makes the penalty heavier needs a new notice and
 * the party heard.
 * Legal basis: 《中华人民共和国行政处罚法》第七十五条第二款 (V); 第四十四条、第四十五条、第五十七条、
 * 第五十八条、第六十二条 (V); the review, approval and discussion of a correction (U, rule notes).
 */
import type {
  ChangeDecisionInput,
  DecisionCorrectionInput,
  HandleComplaintInput,
  RecordComplaintInput,
  RecordRefundInput,
} from '../action-inputs.js';
import {
  investigatorIds,
  refundOutstandingFen,
  type CaseSnapshot,
  type ProposedPenalty,
} from '../case-snapshot.js';
import { monetaryObligationFenOf } from '../execution.js';
import { violation } from '../rule-catalog.js';
import { inputGuard, stateGuard, type Guard } from './guard.js';

/** A penalty decision stands (made, not annulled or revoked): the one a correction acts on. */
export function correctableDecision(snapshot: CaseSnapshot): boolean {
  const d = snapshot.decision;
  return d !== undefined && d.outcome === 'PENALTY' && d.annulledOn === undefined;
}

const decisionCorrectable = stateGuard(
  'decisionCorrectable',
  ['DECISION_NOT_CORRECTABLE'],
  ({ snapshot }) =>
    correctableDecision(snapshot) ? undefined : violation('DECISION_NOT_CORRECTABLE'),
);

export const recordComplaintGuards: readonly Guard<RecordComplaintInput>[] = [decisionCorrectable];

export const handleComplaintGuards: readonly Guard<HandleComplaintInput>[] = [
  inputGuard<HandleComplaintInput>(
    'complaintOpen',
    ['COMPLAINT_NOT_FOUND', 'COMPLAINT_ALREADY_HANDLED', 'COMPLAINT_HANDLED_BEFORE_RECEIPT'],
    ({ input, snapshot }) => {
      const complaint = snapshot.complaints.find((c) => c.id === input.complaintId);
      if (!complaint) {
        return violation('COMPLAINT_NOT_FOUND', { complaintId: input.complaintId });
      }
      if (complaint.finding !== undefined) {
        return violation('COMPLAINT_ALREADY_HANDLED', {
          complaintId: complaint.id,
          handledOn: complaint.handledOn,
        });
      }
      return input.handledOn < complaint.receivedOn
        ? violation('COMPLAINT_HANDLED_BEFORE_RECEIPT', {
            receivedOn: complaint.receivedOn,
            handledOn: input.handledOn,
          })
        : undefined;
    },
  ),
];

/**
 * Heavier for the party: more money to pay, or a kind of penalty the decision did not impose
 * (no ordering of the kinds is assumed: any new kind counts as heavier).
 */
export function heavierThan(
  penalties: readonly ProposedPenalty[],
  previous: readonly ProposedPenalty[],
): boolean {
  const kinds = new Set(previous.map((p) => p.kind));
  return (
    monetaryObligationFenOf(penalties) > monetaryObligationFenOf(previous) ||
    penalties.some((p) => !kinds.has(p.kind))
  );
}

/** Same penalties, line for line: nothing but wording would change. */
function samePenalties(a: readonly ProposedPenalty[], b: readonly ProposedPenalty[]): boolean {
  const key = (p: ProposedPenalty) => `${p.kind}|${p.amountYuan ?? ''}|${p.partyId ?? ''}`;
  const left = a.map(key).sort();
  const right = b.map(key).sort();
  return left.length === right.length && left.every((k, i) => k === right[i]);
}

function correctionGuards<I extends DecisionCorrectionInput>(): readonly Guard<I>[] {
  return [
    decisionCorrectable,
    inputGuard<I>(
      'errorFoundOnComplaint',
      ['CORRECTION_WITHOUT_ERROR_FOUND', 'COMPLAINT_NOT_FOUND'],
      ({ input, snapshot }) => {
        if (input.complaintId === undefined) {
          return undefined; // the office's own discovery (发现有错误的，应当主动改正)
        }
        const complaint = snapshot.complaints.find((c) => c.id === input.complaintId);
        if (!complaint) {
          return violation('COMPLAINT_NOT_FOUND', { complaintId: input.complaintId });
        }
        return complaint.finding === 'ERROR_FOUND' &&
          complaint.handledOn !== undefined &&
          complaint.handledOn <= input.decidedOn
          ? undefined
          : violation('CORRECTION_WITHOUT_ERROR_FOUND', {
              complaintId: complaint.id,
              finding: complaint.finding ?? null,
            });
      },
    ),
    inputGuard<I>(
      'correctionLegallyReviewed',
      ['CORRECTION_LEGAL_REVIEW_REQUIRED'],
      ({ input, snapshot }) => {
        const review = input.legalReview;
        const ok =
          review !== undefined &&
          review.reviewedOn <= input.decidedOn &&
          review.reviewerQualified !== false &&
          !investigatorIds(snapshot).has(review.reviewerId);
        return ok
          ? undefined
          : violation('CORRECTION_LEGAL_REVIEW_REQUIRED', {
              reviewedOn: review?.reviewedOn ?? null,
              reviewerQualified: review?.reviewerQualified ?? null,
              reviewerIsInvestigator:
                review !== undefined && investigatorIds(snapshot).has(review.reviewerId),
            });
      },
    ),
    inputGuard<I>(
      'correctionApprovedByPrincipalHead',
      ['CORRECTION_PRINCIPAL_HEAD_APPROVAL_REQUIRED'],
      ({ input }) => {
        const a = input.approval;
        return a !== undefined && a.principalHead && a.written && a.approvedOn <= input.decidedOn
          ? undefined
          : violation('CORRECTION_PRINCIPAL_HEAD_APPROVAL_REQUIRED', {
              principalHead: a?.principalHead ?? false,
              written: a?.written ?? false,
              approvedOn: a?.approvedOn ?? null,
            });
      },
    ),
    inputGuard<I>(
      'correctionCollectivelyDiscussed',
      ['CORRECTION_COLLECTIVE_DISCUSSION_REQUIRED'],
      ({ input, snapshot }) =>
        snapshot.collectiveDiscussions.length > 0 &&
        (input.collectiveDiscussedOn === undefined || input.collectiveDiscussedOn > input.decidedOn)
          ? violation('CORRECTION_COLLECTIVE_DISCUSSION_REQUIRED', {
              collectiveDiscussedOn: input.collectiveDiscussedOn ?? null,
            })
          : undefined,
    ),
  ];
}

export const revokeDecisionGuards: readonly Guard<DecisionCorrectionInput>[] =
  correctionGuards<DecisionCorrectionInput>();

export const changeDecisionGuards: readonly Guard<ChangeDecisionInput>[] = [
  ...correctionGuards<ChangeDecisionInput>(),
  inputGuard<ChangeDecisionInput>(
    'changeChangesPenalties',
    ['CORRECTION_NOT_A_CHANGE'],
    ({ input, snapshot }) =>
      snapshot.decision && samePenalties(input.penalties, snapshot.decision.penalties)
        ? violation('CORRECTION_NOT_A_CHANGE')
        : undefined,
  ),
  inputGuard<ChangeDecisionInput>(
    'heavierChangeNoticed',
    ['CORRECTION_HEAVIER_WITHOUT_NOTICE'],
    ({ input, snapshot }) => {
      const previous = snapshot.decision?.penalties ?? [];
      if (!heavierThan(input.penalties, previous)) {
        return undefined;
      }
      const n = input.renewedNotice;
      return n !== undefined && n.rightsConcluded && n.servedOn <= input.decidedOn
        ? undefined
        : violation('CORRECTION_HEAVIER_WITHOUT_NOTICE', {
            previousObligationFen: monetaryObligationFenOf(previous),
            obligationFen: monetaryObligationFenOf(input.penalties),
            renewedNoticeServedOn: n?.servedOn ?? null,
          });
    },
  ),
];

/** 退还: no more than the correction still owes back, and not before the correction. */
export const recordRefundGuards: readonly Guard<RecordRefundInput>[] = [
  inputGuard<RecordRefundInput>('refundOwed', ['REFUND_NOT_OWED'], ({ input, snapshot }) => {
    const correction = snapshot.decisionCorrections.find((c) => c.id === input.correctionId);
    const outstandingFen = correction ? refundOutstandingFen(correction) : 0;
    return correction !== undefined &&
      input.amountFen > 0 &&
      input.amountFen <= outstandingFen &&
      input.refundedOn >= correction.decidedOn
      ? undefined
      : violation('REFUND_NOT_OWED', {
          correctionId: input.correctionId,
          outstandingFen,
          amountFen: input.amountFen,
          correctionDecidedOn: correction?.decidedOn ?? null,
        });
  }),
];
