/**
 * Execution after the decision (APL arts. 66-73; Compulsion Law arts. 53-58): the amount due
 * with the late surcharge, payment, deferral and instalments, remedies, the demand, the court
 * application window, the court's ruling and closure. Integer fen; fixed dates.
 */
import { describe, expect, it } from 'vitest';
import type {
  ApplyForCourtEnforcementInput,
  CloseCaseInput,
  IssueEnforcementDemandInput,
} from '../../../src/procedure/action-inputs.js';
import { applyTransition } from '../../../src/procedure/apply-transition.js';
import type { CaseSnapshot, ClosureGround } from '../../../src/procedure/case-snapshot.js';
import {
  CASE_STATUSES,
  TERMINAL_STATUSES,
  type CaseStatus,
} from '../../../src/procedure/case-status.js';
import { decide } from '../../../src/procedure/decide.js';
import {
  amountDue,
  caseAmountDue,
  courtEnforcementWindow,
  fineFenOf,
  formatFen,
  remedyPeriodsLapseOf,
} from '../../../src/procedure/execution.js';
import { addCalendarDays } from '../../../src/procedure/local-date.js';
import { PROCEDURE_ACTIONS } from '../../../src/procedure/procedure-action.js';
import { seedCalendar } from './calendar/seed-calendar.js';
import {
  ACTORS,
  codesOf,
  CONTEXT,
  d,
  executionSnapshot,
  HANDLER_A,
  HEAD,
  headApproval,
  sampleInputs,
  snapshot,
  TEAM,
  WORKING_DAYS,
} from './procedure-fixtures.js';

const FINE = 500_000; // 5,000 yuan
const DUE = d('2024-04-25');
let counter = 0;
const ids = { next: (kind: string) => `${kind}-${++counter}` };

describe('amountDue (APL art. 72(1)(1): 3% of the fine per day, capped at the fine)', () => {
  it.each([
    ['2024-04-25', 0, 0], // the last day of the period
    ['2024-04-26', 1, 15_000], // day 1 after the period
    ['2024-05-28', 33, 495_000], // day 33: 99%
    ['2024-05-29', 34, 500_000], // day 34: 102% → capped at the fine
    ['2024-12-31', 250, 500_000],
  ])('as of %s: %i surcharge days, %i fen', (asOf, days, surcharge) => {
    const due = amountDue(FINE, DUE, [], [], d(asOf));
    expect([due.surchargeDays, due.surchargeFen]).toEqual([days, surcharge]);
    expect(due.capApplied).toBe(days >= 34);
    expect(due.outstandingFen).toBe(FINE + surcharge);
  });

  it('the surcharge is 3% of the FINE, not of the unpaid rest: a part payment does not lower it', () => {
    const due = amountDue(
      FINE,
      DUE,
      [{ paidOn: d('2024-04-26'), amountFen: 250_000 }],
      [],
      d('2024-04-28'),
    );
    expect([due.surchargeDays, due.surchargeFen, due.paidFen]).toEqual([3, 45_000, 250_000]);
    expect(due.principalOutstandingFen).toBe(250_000);
    expect(due.outstandingFen).toBe(295_000);
  });

  it('the surcharge stops the day the fine is paid in full; paying it then clears the case', () => {
    const principal = [{ paidOn: d('2024-04-27'), amountFen: FINE }];
    const later = amountDue(FINE, DUE, principal, [], d('2024-06-30'));
    expect([later.surchargeDays, later.surchargeFen, later.outstandingFen]).toEqual([
      2, 30_000, 30_000,
    ]);
    expect(later.principalPaidInFullOn).toBe('2024-04-27');
    expect(later.surchargeOutstandingFen).toBe(30_000);
    const cleared = amountDue(
      FINE,
      DUE,
      [...principal, { paidOn: d('2024-05-02'), amountFen: 30_000 }],
      [],
      d('2024-06-30'),
    );
    expect(cleared.outstandingFen).toBe(0);
  });

  it('paid within the period: no surcharge; payments after asOf are ignored', () => {
    expect(
      amountDue(FINE, DUE, [{ paidOn: d('2024-04-25'), amountFen: FINE }], [], d('2024-05-30')),
    ).toMatchObject({
      surchargeFen: 0,
      outstandingFen: 0,
    });
    expect(
      amountDue(FINE, DUE, [{ paidOn: d('2024-05-30'), amountFen: FINE }], [], d('2024-04-26'))
        .paidFen,
    ).toBe(0);
  });

  it('APL art. 73(3): days of reconsideration or litigation are not counted (closed and still running)', () => {
    const closed = [{ from: d('2024-04-28'), to: d('2024-05-02'), reason: '行政复议期间' }];
    const due = amountDue(FINE, DUE, [], closed, d('2024-05-05'));
    expect([due.surchargeDays, due.suspendedDays, due.surchargeFen]).toEqual([5, 5, 75_000]);
    const running = [{ from: d('2024-04-28'), reason: '行政诉讼期间' }];
    expect(amountDue(FINE, DUE, [], running, d('2024-12-31')).surchargeDays).toBe(2);
    expect(due.explanation.join('')).toContain('第七十三条第三款');
  });

  it('integer fen: rounded down to the fen; overpayment shown; non-integer money refused', () => {
    expect(amountDue(101, DUE, [], [], d('2024-04-26')).surchargeFen).toBe(3); // 3.03 fen
    expect(
      amountDue(FINE, DUE, [{ paidOn: d('2024-04-20'), amountFen: FINE + 1 }], [], d('2024-04-30'))
        .overpaidFen,
    ).toBe(1);
    expect(() => amountDue(100.5, DUE, [], [], d('2024-04-26'))).toThrow(RangeError);
    expect(() =>
      amountDue(FINE, DUE, [{ paidOn: DUE, amountFen: -1 }], [], d('2024-04-26')),
    ).toThrow(RangeError);
    expect(fineFenOf([{ kind: 'FINE', amountYuan: 5000.5 }, { kind: 'WARNING' }])).toBe(500_050);
    expect(formatFen(500_050)).toBe('5000.50元');
  });

  it('no fine: nothing is due and no surcharge runs', () => {
    expect(amountDue(0, DUE, [], [], d('2024-12-31'))).toMatchObject({
      surchargeFen: 0,
      outstandingFen: 0,
    });
  });

  it('caseAmountDue reads the decision, payments, remedies and the approved schedule from the snapshot', () => {
    const s = executionSnapshot('DECISION_SERVED', {
      remedies: [
        { id: 'rem-1', kind: 'RECONSIDERATION', filedOn: d('2024-04-27'), organ: '市人民政府' },
      ],
    });
    expect(caseAmountDue(s, d('2024-05-10'))?.surchargeDays).toBe(1);
    const planned = executionSnapshot('INSTALMENT_PLAN', {
      paymentArrangements: [
        {
          id: 'arr-1',
          kind: 'DEFERRAL',
          appliedOn: d('2024-04-20'),
          decision: 'APPROVED',
          decidedOn: d('2024-04-22'),
          schedule: [{ dueOn: d('2024-06-30'), amountFen: FINE }],
        },
      ],
    });
    expect(caseAmountDue(planned, d('2024-06-30'))?.surchargeFen).toBe(0);
    expect(caseAmountDue(planned, d('2024-07-01'))?.surchargeFen).toBe(15_000);
  });
});

describe('confiscated sums are owed like the fine (APL arts. 66(1), 72(1)(1), 74(2); legal.md E1)', () => {
  const GAINS = 50_000_000; // 没收违法所得 ¥500,000 in fen
  const withPenalties = (
    status: CaseStatus,
    penalties: NonNullable<CaseSnapshot['decision']>['penalties'],
    patch: Partial<CaseSnapshot> = {},
  ) => {
    const base = executionSnapshot(status);
    return {
      ...base,
      decision: { ...base.decision!, penalties, fineFen: fineFenOf(penalties) },
      ...patch,
    };
  };
  const confiscationOnly = (status: CaseStatus = 'DECISION_SERVED', patch = {}) =>
    withPenalties(status, [{ kind: 'CONFISCATION_OF_ILLEGAL_GAINS', amountYuan: 500_000 }], patch);
  const fineAndGains = withPenalties('DECISION_SERVED', [
    { kind: 'FINE', amountYuan: 5000 },
    { kind: 'CONFISCATION_OF_ILLEGAL_GAINS', amountYuan: 500_000 },
  ]);
  const pay = (s: CaseSnapshot, paidOn: string, amountFen: number) =>
    decide(
      s,
      'recordPayment',
      { paidOn: d(paidOn), amountFen, channel: 'ELECTRONIC_PAYMENT', receiptNumber: 'E-1' },
      HANDLER_A,
      d(paidOn),
      CONTEXT,
    );
  const closeExecuted = (s: CaseSnapshot) =>
    decide(
      s,
      'closeCase',
      { ground: 'EXECUTED', closedOn: d('2024-12-02'), approval: headApproval('2024-12-02') },
      HEAD,
      d('2024-12-02'),
      CONTEXT,
    );

  it('APL art. 66(1): a confiscation-only decision served and unpaid cannot close as executed', () => {
    expect(codesOf(closeExecuted(confiscationOnly()))).toEqual(['CLOSING_CONDITION_NOT_MET']);
  });

  it('APL art. 74(2): the confiscated sum is paid (not refused with NO_FINE_TO_PAY), and paying it executes the decision', () => {
    expect(pay(confiscationOnly(), '2024-04-20', GAINS)).toMatchObject({
      ok: true,
      to: 'EXECUTED',
    });
    expect(pay(confiscationOnly(), '2024-04-20', GAINS - 1)).toMatchObject({
      ok: true,
      outcome: 'PARTLY_PAID',
    });
  });

  it('APL art. 66(1): fine ¥5,000 plus confiscation ¥500,000 — paying ¥5,000 does not execute it', () => {
    expect(pay(fineAndGains, '2024-04-20', 500_000)).toMatchObject({
      ok: true,
      outcome: 'PARTLY_PAID',
    });
    expect(pay(fineAndGains, '2024-04-20', 500_000 + GAINS)).toMatchObject({ to: 'EXECUTED' });
  });

  it('APL art. 72(1)(1): the late surcharge runs on the fine only, not on the confiscated sum', () => {
    const due = caseAmountDue(fineAndGains, d('2024-04-26'))!; // one day late
    expect(due).toMatchObject({
      principalFen: 500_000,
      confiscationFen: GAINS,
      surchargeFen: 15_000,
      outstandingFen: 500_000 + GAINS + 15_000,
    });
    expect(due.explanation.join('')).toContain('没收违法所得（非法财物）500000.00元');
  });

  it('Compulsion Law art. 53: an unpaid confiscated sum is demanded like a fine', () => {
    const overdue = confiscationOnly();
    const result = decide(
      overdue,
      'issueEnforcementDemand',
      {
        issuedOn: d('2024-10-14'),
        amountFen: GAINS,
        performBy: d('2024-10-24'),
        remedyPeriodsLapseOn: d('2024-10-10'),
      },
      HANDLER_A,
      d('2024-10-14'),
      CONTEXT,
    );
    expect(codesOf(result)).not.toContain('NO_FINE_TO_PAY');
  });

  it('APL art. 66(2): deferral and instalments stay for fines only (NO_FINE_TO_DEFER)', () => {
    expect(
      codesOf(
        decide(
          confiscationOnly(),
          'applyForDeferral',
          { kind: 'DEFERRAL', appliedOn: d('2024-04-20'), reason: '经济困难' },
          HANDLER_A,
          d('2024-04-20'),
          CONTEXT,
        ),
      ),
    ).toContain('NO_FINE_TO_DEFER');
  });

  it('a warning only owes nothing: served, it closes as executed', () => {
    const warning = withPenalties('DECISION_SERVED', [{ kind: 'WARNING' }]);
    expect(codesOf(closeExecuted(warning))).toEqual([]);
  });

  it('APL arts. 66(1), 68 (legal.md E11): a summary penalty with a fine closes as executed only when paid; a summary warning closes at once', () => {
    const summaryFine = withPenalties('SUMMARY_PENALTY_IMPOSED', [
      { kind: 'FINE', amountYuan: 50 },
    ]);
    expect(codesOf(closeExecuted(summaryFine))).toEqual(['CLOSING_CONDITION_NOT_MET']);
    const summaryWarning = withPenalties('SUMMARY_PENALTY_IMPOSED', [{ kind: 'WARNING' }]);
    expect(codesOf(closeExecuted(summaryWarning))).toEqual([]);
  });
});

describe('court-enforcement window (Compulsion Law arts. 53, 54, 69; APL art. 72(2))', () => {
  it('from the day after the 10th working day after the demand and the day after the lapse, to 3 months after the lapse', () => {
    // Demand served Thursday 2024-09-26; National Day 10-01..10-07 is skipped, the make-up
    // working days Sunday 09-29 and Saturday 10-12 count: the 10th working day is 10-15.
    const w = courtEnforcementWindow(d('2024-09-26'), d('2024-10-10'), seedCalendar());
    expect(w.demandWaitEndsOn).toBe('2024-10-15');
    expect(w.earliest).toBe('2024-10-16');
    expect(w.latest).toBe('2025-01-10');
  });

  it('the lapse decides when the demand came early; a 3-month end on a rest day rolls over', () => {
    const w = courtEnforcementWindow(d('2024-05-06'), d('2024-08-10'), seedCalendar());
    expect(w.earliest).toBe('2024-08-11');
    expect(w.latest).toBe('2024-11-11'); // 2024-11-10 is a Sunday
  });

  it('remedyPeriodsLapseOf: the later of the remedy periods and of the approved schedule', () => {
    expect(remedyPeriodsLapseOf(executionSnapshot())).toBe('2024-10-10');
    const planned = executionSnapshot('INSTALMENT_PLAN', {
      paymentArrangements: [
        {
          id: 'arr-1',
          kind: 'INSTALMENTS',
          appliedOn: d('2024-04-20'),
          decision: 'APPROVED',
          schedule: [
            { dueOn: d('2024-08-30'), amountFen: 250_000 },
            { dueOn: d('2024-12-30'), amountFen: 250_000 },
          ],
        },
      ],
    });
    expect(remedyPeriodsLapseOf(planned)).toBe('2024-12-30');
    expect(remedyPeriodsLapseOf(snapshot('INVESTIGATING'))).toBeUndefined();
  });
});

describe('recordPayment, applyForDeferral, decidePaymentArrangement (APL arts. 66-67)', () => {
  const pay = (s: CaseSnapshot, paidOn: string, amountFen: number) =>
    decide(
      s,
      'recordPayment',
      { paidOn: d(paidOn), amountFen, channel: 'ELECTRONIC_PAYMENT', receiptNumber: 'E-1' },
      HANDLER_A,
      d(paidOn),
      CONTEXT,
    );

  it('APL art. 67(3): the fine paid in full within 15 days executes the decision', () => {
    expect(pay(executionSnapshot(), '2024-04-25', FINE)).toMatchObject({
      ok: true,
      to: 'EXECUTED',
      effects: [
        { kind: 'STOP_DEADLINE', deadline: 'PAYMENT' },
        { kind: 'STOP_DEADLINE', deadline: 'COURT_ENFORCEMENT_WINDOW' },
      ],
    });
  });

  it('APL art. 72(1)(1): paying only the fine one day late leaves the 3% surcharge owed', () => {
    expect(pay(executionSnapshot(), '2024-04-26', FINE)).toMatchObject({
      ok: true,
      outcome: 'PARTLY_PAID',
    });
    expect(pay(executionSnapshot(), '2024-04-26', FINE + 15_000)).toMatchObject({
      ok: true,
      to: 'EXECUTED',
    });
  });

  it('amounts are positive integer fen with a receipt; a decision without a fine takes no payment', () => {
    expect(codesOf(pay(executionSnapshot(), '2024-04-20', 0))).toEqual(['PAYMENT_AMOUNT_INVALID']);
    expect(codesOf(pay(executionSnapshot(), '2024-04-20', 10.5))).toEqual([
      'PAYMENT_AMOUNT_INVALID',
    ]);
    const warning = executionSnapshot('DECISION_SERVED', {
      decision: {
        outcome: 'PENALTY',
        decidedOn: d('2024-04-10'),
        penalties: [{ kind: 'WARNING' }],
        fineFen: 0,
      },
    });
    expect(codesOf(pay(warning, '2024-04-20', 100))).toEqual(['NO_FINE_TO_PAY']);
  });

  it('APL art. 66(2): an instalment plan on application and approval; the schedule covers the unpaid fine', () => {
    const applied = executionSnapshot();
    const application = {
      kind: 'INSTALMENTS' as const,
      appliedOn: d('2024-04-15'),
      reason: '经营困难',
    };
    const r1 = decide(
      applied,
      'applyForDeferral',
      application,
      HANDLER_A,
      d('2024-04-15'),
      CONTEXT,
    );
    expect(r1.ok).toBe(true);
    if (!r1.ok) {
      return;
    }
    const pending = applyTransition(applied, r1, application, HANDLER_A, { next: () => 'arr-1' });
    expect(
      codesOf(
        decide(pending, 'applyForDeferral', application, HANDLER_A, d('2024-04-15'), CONTEXT),
      ),
    ).toEqual(['ARRANGEMENT_ALREADY_PENDING']);
    const approve = (
      schedule: { dueOn: string; amountFen: number }[],
      approval = headApproval('2024-04-18'),
    ) =>
      decide(
        pending,
        'decidePaymentArrangement',
        {
          arrangementId: 'arr-1',
          approved: true,
          decidedOn: d('2024-04-18'),
          approval,
          schedule: schedule.map((x) => ({ dueOn: d(x.dueOn), amountFen: x.amountFen })),
        },
        HEAD,
        d('2024-04-18'),
        CONTEXT,
      );
    const good = [
      { dueOn: '2024-05-18', amountFen: 250_000 },
      { dueOn: '2024-06-18', amountFen: 250_000 },
    ];
    expect(approve(good)).toMatchObject({ ok: true, to: 'INSTALMENT_PLAN', outcome: 'APPROVED' });
    expect(codesOf(approve(good.slice(0, 1)))).toEqual(['ARRANGEMENT_SCHEDULE_INVALID']);
    expect(codesOf(approve([good[1]!, good[0]!]))).toEqual(['ARRANGEMENT_SCHEDULE_INVALID']);
    expect(codesOf(approve(good, headApproval('2024-04-19')))).toEqual(['HEAD_APPROVAL_REQUIRED']);
  });
});

describe('remedies (Reconsideration Law art. 20; Litigation Law arts. 45-46; APL arts. 48(2), 73)', () => {
  const filed = { stage: 'FILED' as const, filedOn: d('2024-05-01'), organ: '市人民政府' };
  const withPending = (published = false) =>
    executionSnapshot('DECISION_SERVED', {
      decision: { ...executionSnapshot().decision!, published },
      remedies: [
        { id: 'rem-1', kind: 'RECONSIDERATION', filedOn: d('2024-05-01'), organ: '市人民政府' },
      ],
    });
  const ruling = (
    outcome: 'UPHELD' | 'CHANGED' | 'ANNULLED' | 'CONFIRMED_UNLAWFUL',
    extra = {},
  ) => ({
    stage: 'DECIDED' as const,
    remedyId: 'rem-1',
    decidedOn: d('2024-06-20'),
    outcome,
    ...extra,
  });

  it('filing stops a pending court-enforcement window; a second remedy while one runs is refused', () => {
    expect(
      decide(
        executionSnapshot(),
        'recordReconsideration',
        filed,
        HANDLER_A,
        d('2024-05-01'),
        CONTEXT,
      ),
    ).toMatchObject({
      ok: true,
      effects: [{ kind: 'STOP_DEADLINE', deadline: 'COURT_ENFORCEMENT_WINDOW' }],
    });
    expect(
      codesOf(
        decide(
          withPending(),
          'recordLitigation',
          { ...filed, organ: '区人民法院' },
          HANDLER_A,
          d('2024-05-02'),
          CONTEXT,
        ),
      ),
    ).toEqual(['REMEDY_ALREADY_PENDING']);
  });

  it('Reconsideration Law art. 29(2): once a court accepted a suit, reconsideration is barred for good, also after the judgment (RECONSIDERATION_AFTER_LITIGATION)', () => {
    const judged = executionSnapshot('DECISION_SERVED', {
      remedies: [
        {
          id: 'rem-1',
          kind: 'LITIGATION',
          filedOn: d('2024-05-01'),
          organ: '区人民法院',
          decidedOn: d('2024-08-01'),
          outcome: 'UPHELD',
        },
      ],
    });
    const reconsider = (s: CaseSnapshot) =>
      decide(
        s,
        'recordReconsideration',
        { ...filed, filedOn: d('2024-08-05') },
        HANDLER_A,
        d('2024-08-05'),
        CONTEXT,
      );
    expect(codesOf(reconsider(judged))).toEqual(['RECONSIDERATION_AFTER_LITIGATION']);
    expect(codesOf(reconsider(executionSnapshot()))).toEqual([]);
  });

  it('Litigation Law art. 45: a reconsideration upheld opens 15 days to sue from its decision', () => {
    expect(
      decide(
        withPending(),
        'recordReconsideration',
        ruling('UPHELD'),
        HANDLER_A,
        d('2024-06-20'),
        CONTEXT,
      ),
    ).toMatchObject({
      ok: true,
      effects: [
        {
          kind: 'START_DEADLINE',
          deadline: 'LITIGATION_PERIOD',
          parameter: 'litigationAfterReconsiderationPeriod',
          trigger: 'DECIDED_ON',
        },
      ],
    });
  });

  it('APL art. 48(2): an annulled published decision is withdrawn within 3 working days; nothing is left to pay', () => {
    const before = withPending(true);
    const input = ruling('ANNULLED');
    const result = decide(
      before,
      'recordReconsideration',
      input,
      HANDLER_A,
      d('2024-06-20'),
      CONTEXT,
    );
    expect(result).toMatchObject({ ok: true, outcome: 'ANNULLED_PUBLISHED' });
    expect(result.ok && result.effects).toContainEqual({
      kind: 'START_DEADLINE',
      deadline: 'PUBLICATION_WITHDRAWAL',
      parameter: 'publicationWithdrawalPeriod',
      trigger: 'DECIDED_ON',
    });
    if (!result.ok) {
      return;
    }
    const next = applyTransition(before, result, input, HANDLER_A, ids);
    expect(next.decision?.annulledOn).toBe('2024-06-20');
    expect(next.remedies[0]).toMatchObject({ decidedOn: '2024-06-20', outcome: 'ANNULLED' });
    expect(
      codesOf(
        decide(
          next,
          'recordPayment',
          sampleInputs('2024-06-21').recordPayment,
          HANDLER_A,
          d('2024-06-21'),
          CONTEXT,
        ),
      ),
    ).toEqual(['DECISION_ANNULLED']);
    expect(
      decide(
        next,
        'closeCase',
        {
          ground: 'DECISION_ANNULLED',
          closedOn: d('2024-06-21'),
          approval: headApproval('2024-06-21'),
        },
        HEAD,
        d('2024-06-21'),
        CONTEXT,
      ).ok,
    ).toBe(true);
  });

  it('a changed decision: the changed penalties are what is executed (CHANGED_PENALTY_REQUIRED without them)', () => {
    expect(
      codesOf(
        decide(
          withPending(),
          'recordReconsideration',
          ruling('CHANGED'),
          HANDLER_A,
          d('2024-06-20'),
          CONTEXT,
        ),
      ),
    ).toEqual(['CHANGED_PENALTY_REQUIRED']);
    const input = ruling('CHANGED', { changedPenalties: [{ kind: 'FINE', amountYuan: 2000 }] });
    const before = withPending();
    const result = decide(
      before,
      'recordReconsideration',
      input,
      HANDLER_A,
      d('2024-06-20'),
      CONTEXT,
    );
    if (!result.ok) {
      throw new Error(codesOf(result).join());
    }
    expect(applyTransition(before, result, input, HANDLER_A, ids).decision).toMatchObject({
      fineFen: 200_000,
      changedOn: '2024-06-20',
    });
  });

  it('D: a decision for a remedy not pending is refused (REMEDY_NOT_PENDING)', () => {
    expect(
      codesOf(
        decide(
          executionSnapshot(),
          'recordLitigation',
          ruling('UPHELD'),
          HANDLER_A,
          d('2024-06-20'),
          CONTEXT,
        ),
      ),
    ).toEqual(['REMEDY_NOT_PENDING']);
  });
});

describe('compulsory enforcement through the court (Compulsion Law arts. 53-58)', () => {
  // The remedy periods lapse 2024-10-10 (Thursday); the window ends 2025-01-10.
  const demandInput = (on: string, lapse = '2024-10-10'): IssueEnforcementDemandInput => ({
    issuedOn: d(on),
    amountFen: 1_000_000,
    performBy: addCalendarDays(d(on), 10),
    remedyPeriodsLapseOn: d(lapse),
  });
  const demanded = (servedOn: string | undefined, patch: Partial<CaseSnapshot> = {}) =>
    executionSnapshot('ENFORCEMENT_DEMAND_ISSUED', {
      deadlines: {
        ...executionSnapshot().deadlines,
        COURT_ENFORCEMENT_WINDOW: { dueDate: d('2025-01-10') },
      },
      enforcement: {
        demandIssuedOn: d('2024-10-14'),
        demandAmountFen: 1_000_000,
        ...(servedOn ? { demandServedOn: d(servedOn) } : {}),
        remedyPeriodsLapseOn: d('2024-10-10'),
        rulings: [],
      },
      ...patch,
    });
  const apply = (s: CaseSnapshot, on: string) =>
    decide(
      s,
      'applyForCourtEnforcement',
      { appliedOn: d(on), court: '区人民法院' } satisfies ApplyForCourtEnforcementInput,
      HEAD,
      d(on),
      CONTEXT,
    );

  it.each([
    ['2024-04-25', false], // the last day to pay
    ['2024-04-26', true],
  ])(
    'APL art. 72, Compulsion Law art. 54: a demand issued %s → allowed %s (PAYMENT_NOT_OVERDUE)',
    (on, ok) => {
      const result = decide(
        executionSnapshot(),
        'issueEnforcementDemand',
        demandInput(on),
        HANDLER_A,
        d(on),
        CONTEXT,
      );
      expect(codesOf(result)).toEqual(ok ? [] : ['PAYMENT_NOT_OVERDUE']);
      if (ok) {
        expect(result).toMatchObject({
          to: 'ENFORCEMENT_DEMAND_ISSUED',
          effects: [
            {
              kind: 'START_DEADLINE',
              deadline: 'COURT_ENFORCEMENT_WINDOW',
              parameter: 'courtEnforcementApplicationPeriod',
              trigger: 'REMEDY_PERIODS_LAPSE_ON',
            },
            { kind: 'DOCUMENT_DUE', document: 'ENFORCEMENT_DEMAND' },
          ],
        });
      }
    },
  );

  it('D: the lapse date given must be the recorded one; no demand while a remedy is pending', () => {
    expect(
      codesOf(
        decide(
          executionSnapshot(),
          'issueEnforcementDemand',
          demandInput('2024-10-14', '2024-06-10'),
          HANDLER_A,
          d('2024-10-14'),
          CONTEXT,
        ),
      ),
    ).toEqual(['ENFORCEMENT_WINDOW_START_MISMATCH']);
    const pending = executionSnapshot('DECISION_SERVED', {
      remedies: [
        { id: 'rem-1', kind: 'LITIGATION', filedOn: d('2024-09-01'), organ: '区人民法院' },
      ],
    });
    expect(
      codesOf(
        decide(
          pending,
          'issueEnforcementDemand',
          demandInput('2024-10-14'),
          HANDLER_A,
          d('2024-10-14'),
          CONTEXT,
        ),
      ),
    ).toEqual(['REMEDY_PENDING']);
  });

  it('Compulsion Law art. 54: no application before the demand is served', () => {
    expect(codesOf(apply(demanded(undefined), '2024-11-20'))).toEqual([
      'ENFORCEMENT_DEMAND_NOT_SERVED',
    ]);
  });

  it.each([
    ['2024-10-30', 9, false],
    ['2024-10-31', 10, false], // the tenth working day is still the party's
    ['2024-11-01', 11, true],
  ])(
    'Compulsion Law arts. 54, 69 (送达十日后): demand served Thursday 2024-10-17, applied %s (%i working days) → allowed %s',
    (on, wd, ok) => {
      expect(WORKING_DAYS.workingDaysBetween(d('2024-10-17'), d(on))).toBe(wd);
      expect(codesOf(apply(demanded('2024-10-17'), on))).toEqual(
        ok ? [] : ['COURT_ENFORCEMENT_TOO_EARLY'],
      );
    },
  );

  it('Compulsion Law arts. 54, 69: a rest day after the tenth working day is after the ten days', () => {
    // Served Friday 2024-10-18: the tenth working day is Friday 11-01; Saturday 11-02 is after it.
    expect(WORKING_DAYS.workingDaysBetween(d('2024-10-18'), d('2024-11-02'))).toBe(10);
    expect(codesOf(apply(demanded('2024-10-18'), '2024-11-01'))).toEqual([
      'COURT_ENFORCEMENT_TOO_EARLY',
    ]);
    expect(codesOf(apply(demanded('2024-10-18'), '2024-11-02'))).toEqual([]);
  });

  it.each([
    ['2024-11-08', false],
    ['2024-11-09', true],
  ])(
    'Compulsion Law art. 35(1): the demand states a performance deadline of 2024-11-08; applied %s → allowed %s (COURT_ENFORCEMENT_BEFORE_PERFORMANCE_DEADLINE)',
    (on, ok) => {
      const withDeadline = demanded('2024-10-17');
      const s = {
        ...withDeadline,
        enforcement: { ...withDeadline.enforcement!, demandPerformBy: d('2024-11-08') },
      };
      expect(codesOf(apply(s, on))).toEqual(
        ok ? [] : ['COURT_ENFORCEMENT_BEFORE_PERFORMANCE_DEADLINE'],
      );
    },
  );

  it.each([
    ['2024-10-10', false], // the last day of the litigation period
    ['2024-10-11', true],
  ])(
    'Compulsion Law art. 53: applied %s (lapse 2024-10-10) → allowed %s (REMEDY_PERIODS_NOT_LAPSED)',
    (on, ok) => {
      expect(codesOf(apply(demanded('2024-09-20'), on))).toEqual(
        ok ? [] : ['REMEDY_PERIODS_NOT_LAPSED'],
      );
    },
  );

  it.each([
    ['2025-01-10', true],
    ['2025-01-13', false],
  ])('Compulsion Law art. 53: applied %s (window ends 2025-01-10) → allowed %s', (on, ok) => {
    expect(codesOf(apply(demanded('2024-10-17'), on))).toEqual(
      ok ? [] : ['COURT_ENFORCEMENT_WINDOW_EXPIRED'],
    );
  });

  it('Compulsion Law art. 53: no application while a remedy is pending', () => {
    const pending = demanded('2024-10-17', {
      remedies: [
        { id: 'rem-1', kind: 'LITIGATION', filedOn: d('2024-10-09'), organ: '区人民法院' },
      ],
    });
    expect(codesOf(apply(pending, '2024-11-20'))).toEqual(['REMEDY_PENDING']);
  });

  it('Compulsion Law arts. 57-58: the court’s result is recorded; enforced → EXECUTED; terminated → ENFORCEMENT_TERMINATED', () => {
    const applied = executionSnapshot('COURT_ENFORCEMENT_APPLIED', {
      enforcement: {
        ...demanded('2024-10-17').enforcement!,
        courtAppliedOn: d('2024-11-20'),
        court: '区人民法院',
      },
    });
    const rule = (
      result: 'ENFORCEMENT_ORDERED' | 'ENFORCED' | 'ENFORCEMENT_TERMINATED',
      on = '2024-12-01',
    ) =>
      decide(applied, 'recordCourtRuling', { ruledOn: d(on), result }, HANDLER_A, d(on), CONTEXT);
    expect(rule('ENFORCEMENT_ORDERED')).toMatchObject({
      ok: true,
      to: 'COURT_ENFORCEMENT_APPLIED',
    });
    expect(rule('ENFORCED')).toMatchObject({ ok: true, to: 'EXECUTED' });
    expect(rule('ENFORCEMENT_TERMINATED')).toMatchObject({
      ok: true,
      to: 'ENFORCEMENT_TERMINATED',
    });
    expect(codesOf(rule('ENFORCED', '2024-11-19'))).toEqual(['COURT_RULING_NOT_AVAILABLE']);
  });
});

describe('closeCase (R-CLS-01: closing condition, head approval, nothing left running)', () => {
  const close = (s: CaseSnapshot, ground: ClosureGround, approval = headApproval('2024-12-02')) =>
    decide(
      s,
      'closeCase',
      { ground, closedOn: d('2024-12-02'), approval } satisfies CloseCaseInput,
      HEAD,
      d('2024-12-02'),
      CONTEXT,
    );

  it.each<[string, CaseSnapshot, ClosureGround, boolean]>([
    ['executed', executionSnapshot('EXECUTED'), 'EXECUTED', true],
    ['served, unpaid', executionSnapshot('DECISION_SERVED'), 'EXECUTED', false],
    ['not docketed', snapshot('NOT_DOCKETED'), 'NOT_DOCKETED', true],
    ['not docketed, wrong ground', snapshot('NOT_DOCKETED'), 'EXECUTED', false],
    ['docketing cancelled', snapshot('DOCKETING_CANCELLED'), 'DOCKETING_CANCELLED', true],
    ['transferred', snapshot('TRANSFERRED'), 'TRANSFERRED', true],
    [
      'transferred to the judicial organ',
      snapshot('TRANSFERRED_TO_JUDICIAL_ORGAN'),
      'TRANSFERRED',
      true,
    ],
    [
      'enforcement terminated',
      executionSnapshot('ENFORCEMENT_TERMINATED'),
      'ENFORCEMENT_TERMINATED',
      true,
    ],
    [
      'no penalty, not yet served',
      snapshot('DECIDED_NO_PENALTY', {
        decision: { outcome: 'NO_PENALTY', decidedOn: d('2024-04-10'), penalties: [], fineFen: 0 },
      }),
      'NO_PENALTY',
      false,
    ],
    [
      'facts not established, served',
      snapshot('DECIDED_NO_PENALTY', {
        decision: {
          outcome: 'FACTS_NOT_ESTABLISHED',
          decidedOn: d('2024-04-10'),
          penalties: [],
          fineFen: 0,
          servedOn: d('2024-04-11'),
        },
      }),
      'FACTS_NOT_ESTABLISHED',
      true,
    ],
  ])('%s: ground %s → allowed %s (CLOSING_CONDITION_NOT_MET)', (_label, s, ground, ok) => {
    expect(codesOf(close(s, ground))).toEqual(ok ? [] : ['CLOSING_CONDITION_NOT_MET']);
  });

  it('needs the head’s approval on the closure form, no pending remedy, no unhandled preservation or active seizure', () => {
    const executed = executionSnapshot('EXECUTED');
    expect(codesOf(close(executed, 'EXECUTED', headApproval('2024-12-03')))).toEqual([
      'HEAD_APPROVAL_REQUIRED',
    ]);
    expect(
      codesOf(
        close(
          {
            ...executed,
            remedies: [
              { id: 'r', kind: 'LITIGATION', filedOn: d('2024-09-01'), organ: '区人民法院' },
            ],
          },
          'EXECUTED',
        ),
      ),
    ).toEqual(['CLOSING_WITH_REMEDY_PENDING']);
    expect(
      codesOf(
        close(
          { ...executed, preservations: [{ id: 'p', startedOn: d('2024-03-05') }] },
          'EXECUTED',
        ),
      ),
    ).toEqual(['PRESERVATION_STILL_ACTIVE']);
    const seized = {
      ...executed,
      compulsoryMeasures: [
        {
          id: 'm',
          kind: 'SEIZURE' as const,
          startedOn: d('2024-03-05'),
          endsOn: d('2024-04-04'),
          extended: false,
        },
      ],
    };
    expect(codesOf(close(seized, 'EXECUTED'))).toEqual(['COMPULSORY_MEASURE_STILL_ACTIVE']);
    // Seized items go with a transferred case.
    expect(
      codesOf(close({ ...seized, status: 'TRANSFERRED_TO_JUDICIAL_ORGAN' }, 'TRANSFERRED')),
    ).toEqual([]);
  });

  it('closure stops every deadline and produces the closure approval form; a closed case accepts no step', () => {
    const before = executionSnapshot('EXECUTED');
    const input: CloseCaseInput = {
      ground: 'EXECUTED',
      closedOn: d('2024-12-02'),
      approval: headApproval('2024-12-02'),
    };
    const result = close(before, 'EXECUTED');
    if (!result.ok) {
      throw new Error(codesOf(result).join());
    }
    expect(result.effects.at(-1)).toEqual({
      kind: 'DOCUMENT_DUE',
      document: 'CASE_CLOSING_APPROVAL_FORM',
    });
    const closed = applyTransition(before, result, input, HEAD, ids);
    expect(closed).toMatchObject({
      status: 'CLOSED',
      deadlines: {},
      closure: { ground: 'EXECUTED', approverId: 'head' },
    });
    expect(TERMINAL_STATUSES).toEqual(['CLOSED']);
    const sample = sampleInputs('2024-12-03');
    for (const action of PROCEDURE_ACTIONS) {
      for (const actor of ACTORS) {
        expect(
          codesOf(decide(closed, action, sample[action] as never, actor, d('2024-12-03'), CONTEXT)),
        ).toContain('ACTION_NOT_ALLOWED_IN_STATUS');
      }
    }
    expect(CASE_STATUSES.filter((s) => s !== 'CLOSED' && s !== 'NEW').length).toBeGreaterThan(0);
  });
});

describe('a whole case after the decision: served, overdue, demand, court, enforced, closed', () => {
  it('walks each step with decide() ok, each enabled by the record of the previous one', () => {
    const step = <A extends (typeof PROCEDURE_ACTIONS)[number]>(
      s: CaseSnapshot,
      action: A,
      input: Parameters<typeof decide<A>>[2],
      actor: typeof HEAD,
      on: string,
      due: Partial<Record<string, string>> = {},
    ): CaseSnapshot => {
      const result = decide(s, action, input, actor, d(on), CONTEXT);
      if (!result.ok) {
        throw new Error(`${action} refused: ${codesOf(result).join(', ')}`);
      }
      const next = applyTransition(s, result, input, actor, ids);
      const deadlines = { ...next.deadlines };
      for (const e of result.effects) {
        if (e.kind === 'START_DEADLINE') {
          const dueDate = due[e.deadline];
          if (!dueDate) {
            throw new Error(`no due date for ${e.deadline}`);
          }
          deadlines[e.deadline] = { dueDate: d(dueDate) };
        }
      }
      return { ...next, deadlines };
    };
    let s = snapshot('DECIDED_PENALTY', {
      decision: {
        outcome: 'PENALTY',
        decidedOn: d('2024-04-10'),
        penalties: [{ kind: 'FINE', amountYuan: 5000 }],
        fineFen: FINE,
      },
      deadlines: { DECISION_SERVICE: { dueDate: d('2024-04-19') } },
    });
    // Served by mail: received Friday 2024-04-12; 15 days → 04-27 (Sat, rolled to 04-29 by the calendar).
    s = step(
      s,
      'serveDocument',
      {
        documents: ['PENALTY_DECISION'],
        method: 'MAIL',
        facts: {
          servedOn: d('2024-04-11'),
          trackingNumber: 'EMS-1',
          mailReceiptOn: d('2024-04-12'),
        },
        servers: TEAM,
        deemedServedOn: d('2024-04-12'),
      },
      HANDLER_A,
      '2024-04-12',
      {
        PAYMENT: '2024-04-29',
        RECONSIDERATION_PERIOD: '2024-06-11',
        LITIGATION_PERIOD: '2024-10-14',
      },
    );
    expect(s).toMatchObject({ status: 'DECISION_SERVED', decision: { servedOn: '2024-04-12' } });
    expect(s.deadlines.DECISION_SERVICE).toBeUndefined();
    // Overdue: the demand after the remedy periods lapsed.
    s = step(
      s,
      'issueEnforcementDemand',
      {
        issuedOn: d('2024-10-15'),
        amountFen: 1_000_000,
        performBy: d('2024-10-25'),
        remedyPeriodsLapseOn: d('2024-10-14'),
      },
      HANDLER_A,
      '2024-10-15',
      { COURT_ENFORCEMENT_WINDOW: '2025-01-14' },
    );
    expect(caseAmountDue(s, d('2024-10-15'))).toMatchObject({
      surchargeFen: FINE,
      capApplied: true,
      outstandingFen: 2 * FINE,
    });
    s = step(
      s,
      'serveDocument',
      {
        documents: ['ENFORCEMENT_DEMAND'],
        method: 'DIRECT',
        facts: {
          servedOn: d('2024-10-16'),
          recipientRole: 'LEGAL_REPRESENTATIVE',
          signed: true,
          signedOn: d('2024-10-16'),
        },
        servers: TEAM,
        deemedServedOn: d('2024-10-16'),
      },
      HANDLER_A,
      '2024-10-16',
    );
    s = step(
      s,
      'applyForCourtEnforcement',
      { appliedOn: d('2024-10-31'), court: '区人民法院' },
      HEAD,
      '2024-10-31',
    );
    expect(s.status).toBe('COURT_ENFORCEMENT_APPLIED');
    expect(s.deadlines.COURT_ENFORCEMENT_WINDOW).toBeUndefined();
    s = step(
      s,
      'recordCourtRuling',
      { ruledOn: d('2024-11-10'), result: 'ENFORCEMENT_ORDERED' },
      HANDLER_A,
      '2024-11-10',
    );
    s = step(
      s,
      'recordCourtRuling',
      { ruledOn: d('2024-12-01'), result: 'ENFORCED' },
      HANDLER_A,
      '2024-12-01',
    );
    expect(s.status).toBe('EXECUTED');
    s = step(
      s,
      'closeCase',
      { ground: 'EXECUTED', closedOn: d('2024-12-02'), approval: headApproval('2024-12-02') },
      HEAD,
      '2024-12-02',
    );
    expect(s).toMatchObject({
      status: 'CLOSED',
      deadlines: {},
      enforcement: { rulings: [{ result: 'ENFORCEMENT_ORDERED' }, { result: 'ENFORCED' }] },
    });
  });
});
