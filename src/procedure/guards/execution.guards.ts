/**
 * Execution, remedies, compulsory enforcement through the court, and closure: payment of the
 * fine, deferral or instalments, reconsideration and litigation, the demand (催告), the
 * application to the court and its ruling, and the conditions for closing the case.
 * Legal basis: 《中华人民共和国行政处罚法》第四十八条、第五十六条、第六十六条、第六十七条、第七十二条、
 * 第七十三条 (V); 《中华人民共和国行政强制法》第五十三条至第五十八条、第六十九条 (V);
 * 《中华人民共和国行政复议法》第二十条 (V); 《中华人民共和国行政诉讼法》第四十五条、第四十六条 (V);
 * closure situations of the CAC 2023 rules (content U).
 */
import type {
  ApplyForCourtEnforcementInput,
  ApplyForDeferralInput,
  ApplyForRulingReviewInput,
  CloseCaseInput,
  DecidePaymentArrangementInput,
  IssueEnforcementDemandInput,
  RecordCourtRulingInput,
  RecordPaymentInput,
  RecordRemedyInput,
} from '../action-inputs.js';
import {
  pendingRemedies,
  refundOutstandingFen,
  type CaseSnapshot,
  type ClosureGround,
  type RemedyKind,
} from '../case-snapshot.js';
import { OPEN_DOCKETED_STATUSES, type CaseStatus } from '../case-status.js';
import { requiredPendingDocuments } from '../document-production.js';
import {
  caseAmountDue,
  monetaryObligationFenOf,
  paymentDueDateOf,
  remedyPeriodsLapseOf,
} from '../execution.js';
import { addCalendarDays, type LocalDate } from '../local-date.js';
import { violation } from '../rule-catalog.js';
import type { RuleViolation } from '../rule-violation.js';
import { noActiveCompulsoryMeasure } from './docketing.guards.js';
import { headApproved } from './evidence.guards.js';
import {
  inputGuard,
  partyGuard,
  stateGuard,
  type Guard,
  type StateGuard,
  type StateGuardContext,
} from './guard.js';
import {
  finedSeparately,
  partyAmountDue,
  partyPaymentDueDate,
  partyRemedyPeriodsLapse,
} from '../party-periods.js';

const decisionNotAnnulled: StateGuard = stateGuard(
  'decisionNotAnnulled',
  ['DECISION_ANNULLED'],
  ({ snapshot }) =>
    snapshot.decision?.annulledOn !== undefined
      ? violation('DECISION_ANNULLED', { annulledOn: snapshot.decision.annulledOn })
      : undefined,
);

const noRemedyPending: StateGuard = stateGuard(
  'noRemedyPending',
  ['REMEDY_PENDING'],
  ({ snapshot }) => {
    const pending = pendingRemedies(snapshot);
    return pending.length > 0
      ? violation('REMEDY_PENDING', { remedyIds: pending.map((r) => r.id) })
      : undefined;
  },
);

/** Deferral and instalments are for fines only (APL art. 66(2)). */
const decisionHasFine = stateGuard('decisionHasFine', ['NO_FINE_TO_DEFER'], ({ snapshot }) =>
  (snapshot.decision?.fineFen ?? 0) > 0 ? undefined : violation('NO_FINE_TO_DEFER'),
);

/** A fine or a confiscated sum is owed: paid, demanded and enforced alike (APL arts. 66(1), 74(2)). */
const decisionOwesMoney = stateGuard('decisionOwesMoney', ['NO_FINE_TO_PAY'], ({ snapshot }) =>
  snapshot.decision !== undefined && monetaryObligationFenOf(snapshot.decision.penalties) > 0
    ? undefined
    : violation('NO_FINE_TO_PAY'),
);

/**
 * With several parties fined each on their own, the party an act of execution concerns: their
 * own due date, amount, remedy periods and demand judge it (APL art. 66(1)). Undefined otherwise
 * (the case's stored deadlines and totals judge).
 */
function separatelyFinedParty(snapshot: CaseSnapshot, partyId?: string): string | undefined {
  return partyId !== undefined && finedSeparately(snapshot) ? partyId : undefined;
}

/**
 * The lapse of the remedy periods: of `partyId`'s own, counted from their own receipt of the
 * letter, when the parties are fined separately; else the case's stored periods.
 */
function remedyLapseFor(ctx: StateGuardContext, partyId?: string): LocalDate | undefined {
  const party = separatelyFinedParty(ctx.snapshot, partyId);
  return party !== undefined
    ? partyRemedyPeriodsLapse(ctx.snapshot, party, ctx.rulebook, ctx.workingDays)
    : remedyPeriodsLapseOf(ctx.snapshot);
}

/** `check` against the recorded lapse of the remedy periods; DEADLINE_NOT_RECORDED without one. */
function againstRemedyLapse(
  lapse: LocalDate | undefined,
  check: (lapse: LocalDate) => RuleViolation | undefined,
): RuleViolation | undefined {
  return lapse === undefined
    ? violation('DEADLINE_NOT_RECORDED', { deadline: 'RECONSIDERATION_PERIOD' })
    : check(lapse);
}
export const recordPaymentGuards: readonly Guard<RecordPaymentInput>[] = [
  decisionNotAnnulled,
  decisionOwesMoney,
  inputGuard<RecordPaymentInput>(
    'paymentAmountPositive',
    ['PAYMENT_AMOUNT_INVALID'],
    ({ input }) =>
      Number.isSafeInteger(input.amountFen) &&
      input.amountFen > 0 &&
      input.receiptNumber.trim().length > 0
        ? undefined
        : violation('PAYMENT_AMOUNT_INVALID', { amountFen: input.amountFen }),
  ),
];

export const applyForDeferralGuards: readonly Guard<ApplyForDeferralInput>[] = [
  decisionNotAnnulled,
  decisionHasFine,
  stateGuard('noArrangementPending', ['ARRANGEMENT_ALREADY_PENDING'], ({ snapshot }) =>
    snapshot.paymentArrangements.some((a) => a.decision === undefined)
      ? violation('ARRANGEMENT_ALREADY_PENDING')
      : undefined,
  ),
];

export const decidePaymentArrangementGuards: readonly Guard<DecidePaymentArrangementInput>[] = [
  inputGuard<DecidePaymentArrangementInput>(
    'arrangementPending',
    ['RECORD_NOT_FOUND', 'ARRANGEMENT_ALREADY_DECIDED'],
    ({ input, snapshot }) => {
      const a = snapshot.paymentArrangements.find((x) => x.id === input.arrangementId);
      if (!a) {
        return violation('RECORD_NOT_FOUND', { arrangementId: input.arrangementId });
      }
      return a.decision !== undefined
        ? violation('ARRANGEMENT_ALREADY_DECIDED', { decision: a.decision })
        : undefined;
    },
  ),
  headApproved<DecidePaymentArrangementInput>((i) => i.approval),
  inputGuard<DecidePaymentArrangementInput>(
    'scheduleCoversUnpaidFine',
    ['ARRANGEMENT_SCHEDULE_INVALID'],
    ({ input, snapshot }) => {
      if (!input.approved) {
        return undefined;
      }
      const a = snapshot.paymentArrangements.find((x) => x.id === input.arrangementId);
      const schedule = input.schedule ?? [];
      const paid = snapshot.payments.reduce((sum, p) => sum + p.amountFen, 0);
      const unpaid = Math.max(0, (snapshot.decision?.fineFen ?? 0) - paid);
      const total = schedule.reduce((sum, i) => sum + i.amountFen, 0);
      const ascending = schedule.every(
        (i, k) =>
          Number.isSafeInteger(i.amountFen) &&
          i.amountFen > 0 &&
          i.dueOn > input.decidedOn &&
          (k === 0 || schedule[k - 1]!.dueOn < i.dueOn),
      );
      const shape = a?.kind === 'DEFERRAL' ? schedule.length === 1 : schedule.length >= 2;
      return schedule.length > 0 && ascending && shape && total === unpaid
        ? undefined
        : violation('ARRANGEMENT_SCHEDULE_INVALID', {
            kind: a?.kind,
            entries: schedule.length,
            totalFen: total,
            unpaidFen: unpaid,
          });
    },
  ),
];

function remedyGuards(kind: RemedyKind): Guard<RecordRemedyInput>[] {
  return [
    inputGuard<RecordRemedyInput>(
      'noOtherRemedyPending',
      ['REMEDY_ALREADY_PENDING'],
      ({ input, snapshot }) => {
        if (input.stage !== 'FILED') {
          return undefined;
        }
        const pending = pendingRemedies(snapshot);
        return pending.length > 0
          ? violation('REMEDY_ALREADY_PENDING', { remedyIds: pending.map((r) => r.id) })
          : undefined;
      },
    ),
    inputGuard<RecordRemedyInput>(
      'noReconsiderationAfterSuit',
      ['RECONSIDERATION_AFTER_LITIGATION'],
      ({ input, snapshot }) => {
        const suits = snapshot.remedies.filter((r) => r.kind === 'LITIGATION');
        return kind === 'RECONSIDERATION' && input.stage === 'FILED' && suits.length > 0
          ? violation('RECONSIDERATION_AFTER_LITIGATION', { remedyIds: suits.map((r) => r.id) })
          : undefined;
      },
    ),
    inputGuard<RecordRemedyInput>(
      'remedyPending',
      ['REMEDY_NOT_PENDING'],
      ({ input, snapshot }) => {
        if (input.stage !== 'DECIDED') {
          return undefined;
        }
        const r = snapshot.remedies.find((x) => x.id === input.remedyId);
        return r && r.kind === kind && r.decidedOn === undefined && r.filedOn <= input.decidedOn
          ? undefined
          : violation('REMEDY_NOT_PENDING', { remedyId: input.remedyId, kind });
      },
    ),
    inputGuard<RecordRemedyInput>(
      'changedPenaltyStated',
      ['CHANGED_PENALTY_REQUIRED'],
      ({ input }) =>
        input.stage === 'DECIDED' &&
        input.outcome === 'CHANGED' &&
        (input.changedPenalties ?? []).length === 0
          ? violation('CHANGED_PENALTY_REQUIRED')
          : undefined,
    ),
  ];
}

export const recordReconsiderationGuards = remedyGuards('RECONSIDERATION');
export const recordLitigationGuards = remedyGuards('LITIGATION');

/**
 * APL art. 72(1), CL art. 54 with several parties fined separately: only the party in default
 * is demanded — after their own due date, while their own obligation is outstanding.
 */
function partyOverdueViolation(ctx: StateGuardContext, party: string, on: LocalDate) {
  const { snapshot } = ctx;
  const due = partyPaymentDueDate(snapshot, party, ctx.rulebook, ctx.workingDays);
  if (due === undefined) {
    return violation('DEADLINE_NOT_RECORDED', { deadline: 'PAYMENT', partyId: party });
  }
  const owed = partyAmountDue(snapshot, party, on, ctx.rulebook, ctx.workingDays);
  if (owed?.outstandingFen === 0) {
    return violation('PAYMENT_NOT_OVERDUE', { partyId: party, outstandingFen: 0, on });
  }
  return on > due
    ? undefined
    : violation('PAYMENT_NOT_OVERDUE', { partyId: party, dueDate: due, on });
}

/** The day after which the fine is overdue, or undefined when the case holds none. */
function overdueViolation(snapshot: CaseSnapshot, on: LocalDate) {
  const due = paymentDueDateOf(snapshot);
  if (due === undefined) {
    return violation('DEADLINE_NOT_RECORDED', { deadline: 'PAYMENT' });
  }
  return on > due ? undefined : violation('PAYMENT_NOT_OVERDUE', { dueDate: due, on });
}

export const issueEnforcementDemandGuards: readonly Guard<IssueEnforcementDemandInput>[] = [
  decisionNotAnnulled,
  decisionOwesMoney,
  noRemedyPending,
  inputGuard<IssueEnforcementDemandInput>(
    'paymentOverdue',
    ['PAYMENT_NOT_OVERDUE', 'DEADLINE_NOT_RECORDED'],
    ({ input, snapshot }) =>
      separatelyFinedParty(snapshot, input.partyId) !== undefined
        ? undefined // the party's own due date judges (below)
        : overdueViolation(snapshot, input.issuedOn),
  ),
  partyGuard<IssueEnforcementDemandInput>(
    'partyPaymentOverdue',
    ['PAYMENT_NOT_OVERDUE', 'DEADLINE_NOT_RECORDED'],
    (ctx, partyId, issuedOn) =>
      separatelyFinedParty(ctx.snapshot, partyId) !== undefined
        ? partyOverdueViolation(ctx, partyId, issuedOn)
        : undefined,
  ),
  inputGuard<IssueEnforcementDemandInput>(
    'demandAmountPositive',
    ['PAYMENT_AMOUNT_INVALID'],
    ({ input }) =>
      Number.isSafeInteger(input.amountFen) && input.amountFen > 0
        ? undefined
        : violation('PAYMENT_AMOUNT_INVALID', { amountFen: input.amountFen }),
  ),
  inputGuard<IssueEnforcementDemandInput>(
    'remedyLapseAsRecorded',
    ['ENFORCEMENT_WINDOW_START_MISMATCH', 'DEADLINE_NOT_RECORDED'],
    (ctx) =>
      againstRemedyLapse(remedyLapseFor(ctx, ctx.input.partyId), (lapse) =>
        lapse === ctx.input.remedyPeriodsLapseOn
          ? undefined
          : violation('ENFORCEMENT_WINDOW_START_MISMATCH', {
              given: ctx.input.remedyPeriodsLapseOn,
              recorded: lapse,
            }),
      ),
  ),
];

export const applyForCourtEnforcementGuards: readonly Guard<ApplyForCourtEnforcementInput>[] = [
  decisionNotAnnulled,
  noRemedyPending,
  inputGuard<ApplyForCourtEnforcementInput>(
    'demandServedTenWorkingDaysBefore',
    ['ENFORCEMENT_DEMAND_NOT_SERVED', 'COURT_ENFORCEMENT_TOO_EARLY'],
    ({ input, snapshot, workingDays, rulebook }) => {
      const servedOn = snapshot.enforcement?.demandServedOn;
      if (servedOn === undefined) {
        return violation('ENFORCEMENT_DEMAND_NOT_SERVED');
      }
      const required = rulebook.parameters.enforcementDemandWaitPeriod.length;
      const days = workingDays.workingDaysBetween(servedOn, input.appliedOn);
      // 送达十日后: the party has the whole tenth working day, so the application may come
      // on the day after it at the earliest (a rest day after it counts as after).
      const appliedOnWorkingDay =
        days - workingDays.workingDaysBetween(servedOn, addCalendarDays(input.appliedOn, -1)) === 1;
      return days < required || (days === required && appliedOnWorkingDay)
        ? violation('COURT_ENFORCEMENT_TOO_EARLY', {
            demandServedOn: servedOn,
            appliedOn: input.appliedOn,
            workingDays: days,
            required,
          })
        : undefined;
    },
  ),
  inputGuard<ApplyForCourtEnforcementInput>(
    'afterDemandPerformanceDeadline',
    ['COURT_ENFORCEMENT_BEFORE_PERFORMANCE_DEADLINE'],
    ({ input, snapshot }) => {
      const performBy = snapshot.enforcement?.demandPerformBy;
      return performBy !== undefined && input.appliedOn <= performBy
        ? violation('COURT_ENFORCEMENT_BEFORE_PERFORMANCE_DEADLINE', {
            performBy,
            appliedOn: input.appliedOn,
          })
        : undefined;
    },
  ),
  inputGuard<ApplyForCourtEnforcementInput>(
    'remedyPeriodsLapsed',
    ['REMEDY_PERIODS_NOT_LAPSED', 'DEADLINE_NOT_RECORDED'],
    (ctx) =>
      againstRemedyLapse(remedyLapseFor(ctx, ctx.snapshot.enforcement?.partyId), (lapse) =>
        ctx.input.appliedOn > lapse
          ? undefined
          : violation('REMEDY_PERIODS_NOT_LAPSED', {
              lapseOn: lapse,
              appliedOn: ctx.input.appliedOn,
              ...(ctx.snapshot.enforcement?.partyId !== undefined
                ? { partyId: ctx.snapshot.enforcement.partyId }
                : {}),
            }),
      ),
  ),
  inputGuard<ApplyForCourtEnforcementInput>(
    'withinCourtEnforcementWindow',
    ['COURT_ENFORCEMENT_WINDOW_EXPIRED', 'DEADLINE_NOT_RECORDED'],
    ({ input, snapshot }) => {
      const due = snapshot.deadlines.COURT_ENFORCEMENT_WINDOW?.dueDate;
      if (due === undefined) {
        return violation('DEADLINE_NOT_RECORDED', { deadline: 'COURT_ENFORCEMENT_WINDOW' });
      }
      return input.appliedOn > due
        ? violation('COURT_ENFORCEMENT_WINDOW_EXPIRED', {
            dueDate: due,
            appliedOn: input.appliedOn,
          })
        : undefined;
    },
  ),
];

export const recordCourtRulingGuards: readonly Guard<RecordCourtRulingInput>[] = [
  inputGuard<RecordCourtRulingInput>(
    'courtApplicationOnFile',
    ['COURT_RULING_NOT_AVAILABLE'],
    ({ input, snapshot }) => {
      const appliedOn = snapshot.enforcement?.courtAppliedOn;
      return appliedOn !== undefined && input.ruledOn >= appliedOn
        ? undefined
        : violation('COURT_RULING_NOT_AVAILABLE', { appliedOn, ruledOn: input.ruledOn });
    },
  ),
];

/** The court's last ruling, if any. */
const lastRulingOf = (s: CaseSnapshot) => s.enforcement?.rulings.at(-1);

export const applyForRulingReviewGuards: readonly Guard<ApplyForRulingReviewInput>[] = [
  inputGuard<ApplyForRulingReviewInput>(
    'enforcementRefused',
    ['RULING_REVIEW_NOT_AVAILABLE'],
    ({ input, snapshot }) => {
      const last = lastRulingOf(snapshot);
      return last?.result === 'ENFORCEMENT_REFUSED' &&
        input.appliedOn >= (last.receivedOn ?? last.ruledOn)
        ? undefined
        : violation('RULING_REVIEW_NOT_AVAILABLE', { lastRuling: last?.result ?? null });
    },
  ),
  stateGuard('reviewNotYetApplied', ['RULING_REVIEW_ALREADY_APPLIED'], ({ snapshot }) => {
    const review = snapshot.enforcement?.rulingReview;
    return review
      ? violation('RULING_REVIEW_ALREADY_APPLIED', { appliedOn: review.appliedOn })
      : undefined;
  }),
  inputGuard<ApplyForRulingReviewInput>(
    'appliedWithinReviewPeriod',
    ['RULING_REVIEW_PERIOD_EXPIRED'],
    ({ input, snapshot }) => {
      const due = snapshot.deadlines.COURT_RULING_REVIEW?.dueDate;
      return due !== undefined && input.appliedOn > due
        ? violation('RULING_REVIEW_PERIOD_EXPIRED', { appliedOn: input.appliedOn, dueDate: due })
        : undefined;
    },
  ),
];

/**
 * The court's refusal to enforce is final (Compulsion Law art. 58(3)): the review court upheld it
 * (a refusal ruled on or after the review application), or no review was applied for and the
 * review period ended before the closing day.
 */
function refusalFinal(s: CaseSnapshot, on: LocalDate): boolean {
  const last = lastRulingOf(s);
  if (last?.result !== 'ENFORCEMENT_REFUSED') {
    return false;
  }
  const review = s.enforcement?.rulingReview;
  if (review) {
    return last.ruledOn >= review.appliedOn;
  }
  const due = s.deadlines.COURT_RULING_REVIEW?.dueDate;
  return due !== undefined && on > due;
}

/** The statuses each closing ground may close from, and any further condition. */
const CLOSING: Record<
  ClosureGround,
  {
    readonly from: readonly CaseStatus[];
    readonly holds?: (s: CaseSnapshot, on: LocalDate) => boolean;
  }
> = {
  EXECUTED: {
    from: ['EXECUTED', 'DECISION_SERVED', 'SUMMARY_PENALTY_IMPOSED'],
    // Served without money owed (warning, circulated criticism …): executed by service. Money
    // owed (a fine, a confiscated sum, also of a summary penalty) is executed when paid: a payment
    // collected on the spot is recorded as such (APL arts. 66(1), 68-71; legal.md E1, E11).
    holds: (s, on) =>
      s.status === 'EXECUTED' ||
      (s.decision !== undefined &&
        (monetaryObligationFenOf(s.decision.penalties) === 0 ||
          caseAmountDue(s, on)?.outstandingFen === 0)),
  },
  NO_PENALTY: {
    from: ['DECIDED_NO_PENALTY'],
    holds: (s) => s.decision?.outcome === 'NO_PENALTY' && s.decision.servedOn !== undefined,
  },
  FACTS_NOT_ESTABLISHED: {
    from: ['DECIDED_NO_PENALTY'],
    holds: (s) =>
      s.decision?.outcome === 'FACTS_NOT_ESTABLISHED' && s.decision.servedOn !== undefined,
  },
  TRANSFERRED: { from: ['TRANSFERRED', 'TRANSFERRED_TO_JUDICIAL_ORGAN'] },
  NOT_DOCKETED: { from: ['NOT_DOCKETED'] },
  DOCKETING_CANCELLED: { from: ['DOCKETING_CANCELLED'] },
  ENFORCEMENT_TERMINATED: { from: ['ENFORCEMENT_TERMINATED'] },
  DECISION_ANNULLED: {
    from: [
      'DECISION_SERVED',
      'INSTALMENT_PLAN',
      'ENFORCEMENT_DEMAND_ISSUED',
      'COURT_ENFORCEMENT_APPLIED',
      'EXECUTED',
      'SUMMARY_PENALTY_IMPOSED',
    ],
    holds: (s) => s.decision?.annulledOn !== undefined,
  },
  COURT_REFUSED_ENFORCEMENT: { from: ['COURT_ENFORCEMENT_APPLIED'], holds: refusalFinal },
  // 终止调查: checked with its facts by terminationProven (the statuses: an open investigation).
  INVESTIGATION_TERMINATED: {
    from: OPEN_DOCKETED_STATUSES,
    holds: (s) => s.decision === undefined,
  },
};

/** Grounds that rest on the decision: a pending remedy against it may still change them. */
const GROUNDS_RESTING_ON_DECISION: readonly ClosureGround[] = [
  'EXECUTED',
  'NO_PENALTY',
  'FACTS_NOT_ESTABLISHED',
  'ENFORCEMENT_TERMINATED',
  'COURT_REFUSED_ENFORCEMENT',
];

export function closingConditionHolds(
  snapshot: CaseSnapshot,
  ground: ClosureGround,
  on: LocalDate,
): boolean {
  const rule = CLOSING[ground];
  return rule.from.includes(snapshot.status) && (rule.holds?.(snapshot, on) ?? true);
}

export const closeCaseGuards: readonly Guard<CloseCaseInput>[] = [
  inputGuard<CloseCaseInput>(
    'closingConditionHolds',
    ['CLOSING_CONDITION_NOT_MET'],
    ({ input, snapshot }) =>
      closingConditionHolds(snapshot, input.ground, input.closedOn)
        ? undefined
        : violation('CLOSING_CONDITION_NOT_MET', { ground: input.ground, status: snapshot.status }),
  ),
  inputGuard<CloseCaseInput>(
    'terminationProven',
    ['INVESTIGATION_TERMINATION_NOT_PROVEN'],
    ({ input }) => {
      if (input.ground !== 'INVESTIGATION_TERMINATED') {
        return undefined;
      }
      const t = input.termination;
      const missing = [
        ...(t === undefined ? ['termination'] : []),
        ...(t !== undefined && !t.noSuccessor ? ['termination.noSuccessor'] : []),
        ...(t !== undefined && t.proof.trim().length === 0 ? ['termination.proof'] : []),
        ...(t !== undefined && t.occurredOn > input.closedOn ? ['termination.occurredOn'] : []),
      ];
      return missing.length > 0
        ? violation('INVESTIGATION_TERMINATION_NOT_PROVEN', { missing })
        : undefined;
    },
  ),
  headApproved<CloseCaseInput>((i) => i.approval),
  // APL art. 75(2): money owed back after a revocation or change is paid out before the case closes.
  inputGuard<CloseCaseInput>(
    'refundPaidBeforeClosure',
    ['REFUND_OUTSTANDING_AT_CLOSURE'],
    ({ snapshot }) => {
      const owing = snapshot.decisionCorrections.filter((c) => refundOutstandingFen(c) > 0);
      return owing.length > 0
        ? violation('REFUND_OUTSTANDING_AT_CLOSURE', {
            correctionIds: owing.map((c) => c.id),
            outstandingFen: owing.reduce((sum, c) => sum + refundOutstandingFen(c), 0),
          })
        : undefined;
    },
  ),
  // A pending remedy blocks only a closure that rests on the decision it challenges (legal.md §4(i)).
  inputGuard<CloseCaseInput>(
    'noRemedyPendingAtClosure',
    ['CLOSING_WITH_REMEDY_PENDING'],
    ({ input, snapshot }) => {
      const pending = pendingRemedies(snapshot);
      return pending.length > 0 && GROUNDS_RESTING_ON_DECISION.includes(input.ground)
        ? violation('CLOSING_WITH_REMEDY_PENDING', { remedyIds: pending.map((r) => r.id) })
        : undefined;
    },
  ),
  // The case file is complete: every required document a step made due has been produced.
  stateGuard('caseFileComplete', ['CASE_FILE_DOCUMENTS_PENDING'], ({ snapshot }) => {
    const pending = requiredPendingDocuments(snapshot.pendingDocuments);
    if (pending.length === 0) {
      return undefined;
    }
    const found = violation('CASE_FILE_DOCUMENTS_PENDING', {
      documents: pending.map((p) => ({ kind: p.kind, dueBy: p.dueBy, since: p.since })),
    });
    return {
      ...found,
      message: `${found.message}；尚未制作：${pending.map((p) => `《${p.title}》`).join('、')}`,
    };
  }),
  stateGuard('preservationsHandled', ['PRESERVATION_STILL_ACTIVE'], ({ snapshot }) => {
    const open = snapshot.preservations.filter((p) => p.handledOn === undefined).map((p) => p.id);
    return open.length > 0
      ? violation('PRESERVATION_STILL_ACTIVE', { preservationIds: open })
      : undefined;
  }),
  // Seized items handed over with a transferred case, or confiscated by the decision, end with it.
  inputGuard<CloseCaseInput>('measuresReleased', ['COMPULSORY_MEASURE_STILL_ACTIVE'], (ctx) => {
    const confiscated = ctx.snapshot.decision?.penalties.some(
      (p) => p.kind === 'CONFISCATION_OF_ILLEGAL_PROPERTY',
    );
    return ctx.input.ground === 'TRANSFERRED' || confiscated
      ? undefined
      : noActiveCompulsoryMeasure.check(ctx);
  }),
];
