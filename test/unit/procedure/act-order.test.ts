/**
 * Act dates and the order of the procedure (issue 8 §2): every act carries its own date, no act
 * predates what it depends on, every act is on or before today, a late entry needs its reason.
 * One test per ordering rule, named after the article that makes the order; each also shows that
 * the same day is in order, so the rule bites exactly one day too early.
 */
import { describe, expect, it } from 'vitest';
import type { ActionInput } from '../../../src/procedure/action-inputs.js';
import type { CaseSnapshot } from '../../../src/procedure/case-snapshot.js';
import { decide } from '../../../src/procedure/decide.js';
import type { ProcedureAction } from '../../../src/procedure/procedure-action.js';
import { rulebookFor } from '../../../src/procedure/rulebook.js';
import {
  CONTEXT,
  codesOf,
  d,
  executionSnapshot,
  HANDLER_A,
  HEAD,
  notifiedSnapshot,
  PRESIDER,
  REVIEWER,
  sampleInputs,
  snapshot,
  TEAM,
} from './procedure-fixtures.js';

type Actor = typeof HEAD;

function run<A extends ProcedureAction>(
  snap: CaseSnapshot,
  action: A,
  input: ActionInput<A>,
  actor: Actor,
  now: string,
  lateEntryReason?: string,
) {
  return decide(snap, action, input, actor, d(now), {
    ...CONTEXT,
    ...(lateEntryReason ? { lateEntryReason } : {}),
  });
}

/** The rule's code is among the refusal's codes for `early` and absent for `sameDay`. */
function bitesOneDayEarly(
  code: string,
  attempt: (date: string) => { ok: boolean } & Parameters<typeof codesOf>[0],
  early: string,
  sameDay: string,
) {
  expect(codesOf(attempt(early))).toContain(code);
  expect(codesOf(attempt(sameDay))).not.toContain(code);
}

const docketInput = (on: string): ActionInput<'decideDocketing'> => ({
  docket: true,
  docketedOn: d(on),
  handlers: TEAM,
  jurisdiction: { basis: 'TERRITORIAL', explanation: '违法行为发生地在本市' },
});

describe('case source ≤ docketing ≤ investigation and notice', () => {
  it('APL art. 54(2): docketing dated before the clue was received → ACT_BEFORE_CASE_SOURCE', () => {
    const registered = snapshot('CASE_SOURCE_REGISTERED', { docketedOn: undefined });
    bitesOneDayEarly(
      'ACT_BEFORE_CASE_SOURCE',
      (on) => run(registered, 'decideDocketing', docketInput(on), HEAD, '2024-02-21'),
      '2024-02-19',
      '2024-02-20',
    );
  });

  it('APL art. 54(2), 55: evidence collected the day before docketing → ACT_BEFORE_DOCKETING', () => {
    const investigating = snapshot('INVESTIGATING');
    bitesOneDayEarly(
      'ACT_BEFORE_DOCKETING',
      (on) =>
        run(
          investigating,
          'recordEvidence',
          sampleInputs(on).recordEvidence,
          HANDLER_A,
          '2024-03-04',
        ),
      '2024-02-29',
      '2024-03-01',
    );
  });

  it('APL art. 54(2), 44: a pre-penalty notice served 14 months before docketing is refused (the issue’s reproduction)', () => {
    const result = run(
      snapshot('INVESTIGATING'),
      'issuePrePenaltyNotice',
      sampleInputs('2023-01-03').issuePrePenaltyNotice,
      HANDLER_A,
      '2024-03-04',
      '补录',
    );
    expect(result.ok).toBe(false);
    expect(codesOf(result)).toContain('ACT_BEFORE_DOCKETING');
    const rule = !result.ok
      ? result.violations.find((v) => v.code === 'ACT_BEFORE_DOCKETING')
      : undefined;
    expect(rule?.details).toMatchObject({
      actDate: '2023-01-03',
      predecessors: [{ act: '立案', date: '2024-03-01' }],
    });
  });

  it('APL art. 44: a notice served before it was issued → NOTICE_SERVED_BEFORE_ISSUED', () => {
    const investigating = snapshot('INVESTIGATING');
    bitesOneDayEarly(
      'NOTICE_SERVED_BEFORE_ISSUED',
      (on) =>
        run(
          investigating,
          'issuePrePenaltyNotice',
          { ...sampleInputs(on).issuePrePenaltyNotice, issuedOn: d('2024-03-20') },
          HANDLER_A,
          '2024-03-21',
        ),
      '2024-03-19',
      '2024-03-20',
    );
  });
});

describe('served notice ≤ the party’s acts, review, discussion and decision', () => {
  it('APL arts. 44, 45(1): a statement received before the notice was served → ACT_BEFORE_NOTICE_SERVED', () => {
    const notified = notifiedSnapshot();
    bitesOneDayEarly(
      'ACT_BEFORE_NOTICE_SERVED',
      (on) =>
        run(notified, 'recordStatement', sampleInputs(on).recordStatement, HANDLER_A, '2024-04-02'),
      '2024-03-29',
      '2024-04-01',
    );
  });

  it('APL art. 64(1): a hearing notice served before the party asked for the hearing → HEARING_SCHEDULED_BEFORE_REQUEST', () => {
    const requested = notifiedSnapshot('HEARING_REQUESTED', {
      hearing: { requestedOn: d('2024-04-03') },
    });
    bitesOneDayEarly(
      'HEARING_SCHEDULED_BEFORE_REQUEST',
      (on) =>
        run(requested, 'scheduleHearing', sampleInputs(on).scheduleHearing, HEAD, '2024-04-04'),
      '2024-04-02',
      '2024-04-03',
    );
  });

  it('APL arts. 44, 62: a decision dated before the notice was served → ACT_BEFORE_NOTICE_SERVED', () => {
    const ready = notifiedSnapshot('READY_FOR_DECISION', {
      waivers: [
        { right: 'STATEMENT_AND_DEFENCE', waivedOn: d('2024-04-01') },
        { right: 'HEARING', waivedOn: d('2024-04-01') },
      ],
    });
    bitesOneDayEarly(
      'ACT_BEFORE_NOTICE_SERVED',
      (on) =>
        run(
          ready,
          'decideCase',
          { outcome: 'FACTS_NOT_ESTABLISHED', decidedOn: d(on) },
          HEAD,
          '2024-04-02',
        ),
      '2024-03-29',
      '2024-04-01',
    );
  });

  it('APL art. 62: the statement period is judged on the decision date, not the day it is entered', () => {
    // Statement and hearing windows end 2024-04-08; entered on 2024-04-10 (after them).
    const ready = notifiedSnapshot('READY_FOR_DECISION');
    const penalty = (on: string) =>
      run(
        ready,
        'decideCase',
        { outcome: 'PENALTY', penalties: [{ kind: 'FINE', amountYuan: 5000 }], decidedOn: d(on) },
        HEAD,
        '2024-04-10',
      );
    expect(codesOf(penalty('2024-04-08'))).toEqual(
      expect.arrayContaining(['STATEMENT_PERIOD_NOT_OVER', 'HEARING_REQUEST_PERIOD_NOT_OVER']),
    );
    expect(codesOf(penalty('2024-04-09'))).not.toContain('STATEMENT_PERIOD_NOT_OVER');
  });

  it('APL arts. 45, 58, 62: a legal review dated inside the statement period is refused even when entered after it', () => {
    const notified = notifiedSnapshot();
    const submit = (on: string, now: string) =>
      run(notified, 'submitLegalReview', sampleInputs(on).submitLegalReview, HANDLER_A, now);
    expect(codesOf(submit('2024-04-05', '2024-04-10'))).toContain('STATEMENT_PERIOD_NOT_OVER');
    expect(codesOf(submit('2024-04-09', '2024-04-10'))).not.toContain('STATEMENT_PERIOD_NOT_OVER');
  });
});

describe('hearing, review and discussion ≤ decision', () => {
  const afterHearing = notifiedSnapshot('READY_FOR_DECISION', {
    hearing: {
      requestedOn: d('2024-04-02'),
      noticeServedOn: d('2024-04-03'),
      hearingOn: d('2024-04-15'),
      heldOn: d('2024-04-15'),
      outcome: 'HELD',
    },
    legalReviews: [
      {
        submittedOn: d('2024-04-16'),
        completedOn: d('2024-04-18'),
        result: 'PASSED',
        reviewerId: 'reviewer',
      },
    ],
    collectiveDiscussions: [{ heldOn: d('2024-04-19'), headCount: 2 }],
  });
  const decideOn = (on: string) =>
    run(
      afterHearing,
      'decideCase',
      { outcome: 'FACTS_NOT_ESTABLISHED', decidedOn: d(on) },
      HEAD,
      '2024-04-22',
    );

  it('APL art. 65: a decision dated before the hearing → DECISION_PREDATES_HEARING', () => {
    bitesOneDayEarly('DECISION_PREDATES_HEARING', decideOn, '2024-04-14', '2024-04-15');
  });

  it('APL art. 58(1): a decision dated before the passed legal review → DECISION_PREDATES_LEGAL_REVIEW', () => {
    bitesOneDayEarly('DECISION_PREDATES_LEGAL_REVIEW', decideOn, '2024-04-17', '2024-04-18');
  });

  it('APL art. 57(2): a decision dated before the heads’ collective discussion → DECISION_PREDATES_COLLECTIVE_DISCUSSION', () => {
    bitesOneDayEarly(
      'DECISION_PREDATES_COLLECTIVE_DISCUSSION',
      decideOn,
      '2024-04-18',
      '2024-04-19',
    );
    expect(decideOn('2024-04-19').ok).toBe(true);
  });

  it('APL art. 57(1): a decision dated before the last evidence was collected → DECISION_PREDATES_INVESTIGATION', () => {
    const investigating = snapshot('INVESTIGATING');
    bitesOneDayEarly(
      'DECISION_PREDATES_INVESTIGATION',
      (on) =>
        run(
          investigating,
          'decideCase',
          { outcome: 'FACTS_NOT_ESTABLISHED', decidedOn: d(on) },
          HEAD,
          '2024-03-06',
        ),
      '2024-03-04',
      '2024-03-05',
    );
  });

  it('APL art. 58(1): a review opinion dated before the submission → LEGAL_REVIEW_COMPLETED_BEFORE_SUBMITTED', () => {
    const underReview = notifiedSnapshot('UNDER_LEGAL_REVIEW', {
      legalReviews: [{ submittedOn: d('2024-04-09') }],
    });
    bitesOneDayEarly(
      'LEGAL_REVIEW_COMPLETED_BEFORE_SUBMITTED',
      (on) =>
        run(
          underReview,
          'completeLegalReview',
          sampleInputs(on).completeLegalReview,
          REVIEWER,
          '2024-04-10',
        ),
      '2024-04-08',
      '2024-04-09',
    );
  });

  it('APL arts. 57(2), 58(1), 65 (legal.md E5): a discussion dated before the passed review or the hearing is refused', () => {
    const reviewed = notifiedSnapshot('READY_FOR_DECISION', {
      hearing: afterHearing.hearing!,
      legalReviews: afterHearing.legalReviews,
    });
    const discuss = (on: string) =>
      run(
        reviewed,
        'recordCollectiveDiscussion',
        sampleInputs(on).recordCollectiveDiscussion,
        HEAD,
        '2024-04-22',
      );
    bitesOneDayEarly(
      'COLLECTIVE_DISCUSSION_PREDATES_LEGAL_REVIEW',
      discuss,
      '2024-04-17',
      '2024-04-18',
    );
    bitesOneDayEarly('COLLECTIVE_DISCUSSION_PREDATES_HEARING', discuss, '2024-04-14', '2024-04-15');
  });
});

describe('decision ≤ its service ≤ payment, demand and court enforcement', () => {
  it('APL art. 61(1): a decision served before it was made → DECISION_SERVED_BEFORE_DECIDED (the issue’s reproduction)', () => {
    const decided = executionSnapshot('DECIDED_PENALTY', {
      decision: {
        outcome: 'PENALTY',
        decidedOn: d('2024-04-10'),
        penalties: [{ kind: 'FINE', amountYuan: 5000 }],
        fineFen: 500_000,
      },
    });
    const serve = (on: string) => {
      const input = sampleInputs(on).serveDocument;
      return run(
        decided,
        'serveDocument',
        { ...input, documents: ['PENALTY_DECISION'] },
        HANDLER_A,
        '2024-04-11',
      );
    };
    bitesOneDayEarly('DECISION_SERVED_BEFORE_DECIDED', serve, '2024-04-09', '2024-04-10');
    const refused = serve('2024-04-09');
    expect(
      !refused.ok &&
        refused.violations.find((v) => v.code === 'DECISION_SERVED_BEFORE_DECIDED')?.legalBasis,
    ).toEqual(expect.arrayContaining([expect.objectContaining({ article: 61, paragraph: 1 })]));
  });

  it('APL arts. 61(1), 67(3): a payment dated before the decision was served → ACT_BEFORE_DECISION_SERVED', () => {
    const served = executionSnapshot();
    bitesOneDayEarly(
      'ACT_BEFORE_DECISION_SERVED',
      (on) => run(served, 'recordPayment', sampleInputs(on).recordPayment, HANDLER_A, '2024-04-12'),
      '2024-04-09',
      '2024-04-10',
    );
  });

  it('Compulsion Law arts. 35, 38: a demand served before it was issued → DEMAND_SERVED_BEFORE_ISSUED', () => {
    const demanded = executionSnapshot('ENFORCEMENT_DEMAND_ISSUED', {
      enforcement: {
        demandIssuedOn: d('2024-11-01'),
        demandAmountFen: 500_000,
        remedyPeriodsLapseOn: d('2024-10-10'),
        rulings: [],
      },
    });
    bitesOneDayEarly(
      'DEMAND_SERVED_BEFORE_ISSUED',
      (on) =>
        run(
          demanded,
          'serveDocument',
          { ...sampleInputs(on).serveDocument, documents: ['ENFORCEMENT_DEMAND'] },
          HANDLER_A,
          '2024-11-04',
        ),
      '2024-10-31',
      '2024-11-01',
    );
  });

  it('Compulsion Law arts. 35, 54: a court application dated before the demand was served → COURT_ENFORCEMENT_BEFORE_DEMAND_SERVED', () => {
    const demanded = executionSnapshot('ENFORCEMENT_DEMAND_ISSUED', {
      enforcement: {
        demandIssuedOn: d('2024-11-01'),
        demandAmountFen: 500_000,
        demandServedOn: d('2024-11-04'),
        remedyPeriodsLapseOn: d('2024-10-10'),
        rulings: [],
      },
    });
    bitesOneDayEarly(
      'COURT_ENFORCEMENT_BEFORE_DEMAND_SERVED',
      (on) =>
        run(
          demanded,
          'applyForCourtEnforcement',
          sampleInputs(on).applyForCourtEnforcement,
          HEAD,
          '2024-11-05',
        ),
      '2024-11-01',
      '2024-11-04',
    );
  });
});

describe('every act ≤ today; late entry needs its reason; dates the engine can judge', () => {
  const registered = snapshot('CASE_SOURCE_REGISTERED', { docketedOn: undefined });

  it('APL art. 47: a docketing dated tomorrow → ACT_DATE_IN_FUTURE', () => {
    expect(
      codesOf(run(registered, 'decideDocketing', docketInput('2024-03-02'), HEAD, '2024-03-01')),
    ).toEqual(['ACT_DATE_IN_FUTURE']);
  });

  it('APL art. 47 (threshold U: 3 working days): a docketing entered 4 working days late needs a reason; 3 do not', () => {
    // Approved Friday 2024-03-01. Entered Wednesday 03-06 = 3 working days later; Thursday 03-07 = 4.
    expect(
      run(registered, 'decideDocketing', docketInput('2024-03-01'), HEAD, '2024-03-06').ok,
    ).toBe(true);
    const late = run(registered, 'decideDocketing', docketInput('2024-03-01'), HEAD, '2024-03-07');
    expect(codesOf(late)).toEqual(['LATE_ENTRY_REASON_REQUIRED']);
    expect(!late.ok && late.violations[0]!.details).toMatchObject({
      actDate: '2024-03-01',
      recordedOn: '2024-03-07',
      workingDaysLate: 4,
      threshold: rulebookFor(d('2024-03-01')).parameters.lateEntryReasonThreshold.length,
    });
    const withReason = run(
      registered,
      'decideDocketing',
      docketInput('2024-03-01'),
      HEAD,
      '2024-03-07',
      '审批表随卷移交后补录',
    );
    expect(withReason.ok).toBe(true);
    // The act's own date, not the day of entry, is the docketing date (APL art. 60 counts from it).
    expect(withReason.ok && withReason.actDate).toBe('2024-03-01');
  });

  it('a blank reason is no reason', () => {
    expect(
      codesOf(
        run(registered, 'decideDocketing', docketInput('2024-03-01'), HEAD, '2024-03-07', '   '),
      ),
    ).toEqual(['LATE_ENTRY_REASON_REQUIRED']);
  });

  it('a docketing dated before 2004 → ACT_DATE_BEFORE_2004 alone (no calendar, no rulebook)', () => {
    const result = run(
      registered,
      'decideDocketing',
      docketInput('2003-12-31'),
      HEAD,
      '2024-03-01',
    );
    expect(codesOf(result)).toEqual(['ACT_DATE_BEFORE_2004']);
    expect(
      codesOf(run(registered, 'decideDocketing', docketInput('2004-01-01'), HEAD, '2024-03-01')),
    ).toEqual(['RULEBOOK_NOT_IN_FORCE']);
  });

  it('APL art. 60: a penalty decided within the time limit and entered after it is in time', () => {
    const ready = notifiedSnapshot('READY_FOR_DECISION', {
      deadlines: { CASE_TIME_LIMIT: { dueDate: d('2024-05-30') } },
      waivers: [
        { right: 'STATEMENT_AND_DEFENCE', waivedOn: d('2024-04-01') },
        { right: 'HEARING', waivedOn: d('2024-04-01') },
      ],
    });
    const penalty = (on: string) =>
      run(
        ready,
        'decideCase',
        { outcome: 'PENALTY', penalties: [{ kind: 'FINE', amountYuan: 5000 }], decidedOn: d(on) },
        HEAD,
        '2024-06-03',
        '决定书签发后补录',
      );
    expect(codesOf(penalty('2024-05-30'))).not.toContain('CASE_TIME_LIMIT_EXCEEDED');
    expect(codesOf(penalty('2024-05-31'))).toContain('CASE_TIME_LIMIT_EXCEEDED');
  });

  it('imposeSummaryPenalty takes imposedOn: before the clue → ACT_BEFORE_CASE_SOURCE; after today → ACT_DATE_IN_FUTURE', () => {
    const input = (on: string) => ({ ...sampleInputs(on).imposeSummaryPenalty, imposedOn: d(on) });
    expect(
      codesOf(
        run(registered, 'imposeSummaryPenalty', input('2024-02-19'), HANDLER_A, '2024-02-21'),
      ),
    ).toContain('ACT_BEFORE_CASE_SOURCE');
    expect(
      codesOf(
        run(registered, 'imposeSummaryPenalty', input('2024-02-22'), HANDLER_A, '2024-02-21'),
      ),
    ).toContain('ACT_DATE_IN_FUTURE');
    const ok = run(
      registered,
      'imposeSummaryPenalty',
      input('2024-02-20'),
      HANDLER_A,
      '2024-02-21',
    );
    expect(ok.ok && ok.actDate).toBe('2024-02-20');
  });

  it('the hearing officer’s acts are bound too: a hearing held before the case was docketed → ACT_BEFORE_DOCKETING', () => {
    const scheduled = notifiedSnapshot('HEARING_SCHEDULED', {
      hearing: {
        requestedOn: d('2024-04-02'),
        noticeServedOn: d('2024-04-03'),
        hearingOn: d('2024-04-15'),
        presidingOfficerId: 'presider',
      },
    });
    expect(
      codesOf(
        run(
          scheduled,
          'recordHearing',
          sampleInputs('2024-02-28').recordHearing,
          PRESIDER,
          '2024-04-16',
          '补录',
        ),
      ),
    ).toContain('ACT_BEFORE_DOCKETING');
  });
});
