/**
 * How a case ends besides payment: the court's refusal to enforce and its review (Compulsion Law
 * art. 58(3), legal.md E14), 终止调查 (legal.md §4(i)), and closure while a remedy is pending.
 */
import { describe, expect, it } from 'vitest';
import type { CloseCaseInput } from '../../../src/procedure/action-inputs.js';
import { applyTransition } from '../../../src/procedure/apply-transition.js';
import type {
  CaseSnapshot,
  ClosureGround,
  EnforcementRecord,
} from '../../../src/procedure/case-snapshot.js';
import { decide } from '../../../src/procedure/decide.js';
import { RULE_CATALOG } from '../../../src/procedure/rule-catalog.js';
import { rulebookFor } from '../../../src/procedure/rulebook.js';
import { transitionOf } from '../../../src/procedure/transitions.js';
import {
  codesOf,
  CONTEXT,
  d,
  executionSnapshot,
  HANDLER_A,
  HEAD,
  headApproval,
  PRINCIPAL_HEAD,
  principalHeadApproval,
  snapshot,
} from './procedure-fixtures.js';

const ids = { next: (kind: string) => `${kind}-1` };

const ENFORCEMENT: EnforcementRecord = {
  demandIssuedOn: d('2025-10-14'),
  demandAmountFen: 1_000_000,
  demandServedOn: d('2025-10-16'),
  remedyPeriodsLapseOn: d('2025-10-10'),
  courtAppliedOn: d('2025-11-20'),
  court: '北京市海淀区人民法院',
  rulings: [],
};

/** Applied to the court; the court refused enforcement on Fri 2025-12-19, received Mon 12-22. */
function refused(patch: Partial<EnforcementRecord> = {}, reviewDue = '2026-01-06'): CaseSnapshot {
  return executionSnapshot('COURT_ENFORCEMENT_APPLIED', {
    deadlines: {
      ...executionSnapshot().deadlines,
      COURT_RULING_REVIEW: { dueDate: d(reviewDue) },
    },
    enforcement: {
      ...ENFORCEMENT,
      rulings: [
        { ruledOn: d('2025-12-19'), result: 'ENFORCEMENT_REFUSED', receivedOn: d('2025-12-22') },
      ],
      ...patch,
    },
  });
}

const close = (
  s: CaseSnapshot,
  ground: ClosureGround,
  on: string,
  extra: Partial<CloseCaseInput> = {},
) =>
  decide(
    s,
    'closeCase',
    { ground, closedOn: d(on), approval: headApproval(on), ...extra } satisfies CloseCaseInput,
    HEAD,
    d(on),
    CONTEXT,
  );

const review = (s: CaseSnapshot, on: string) =>
  decide(
    s,
    'applyForRulingReview',
    { appliedOn: d(on), court: '北京市第一中级人民法院' },
    HEAD,
    d(on),
    CONTEXT,
  );

describe('the court refuses enforcement (Compulsion Law art. 58(3), legal.md E14)', () => {
  it('Compulsion Law art. 58(3): a 不予执行 ruling starts the 15-day review period from its receipt', () => {
    const applied = executionSnapshot('COURT_ENFORCEMENT_APPLIED', { enforcement: ENFORCEMENT });
    const input = {
      ruledOn: d('2025-12-19'),
      result: 'ENFORCEMENT_REFUSED' as const,
      receivedOn: d('2025-12-22'),
    };
    const result = decide(applied, 'recordCourtRuling', input, HANDLER_A, d('2025-12-22'), CONTEXT);
    expect(result).toMatchObject({ ok: true, to: 'COURT_ENFORCEMENT_APPLIED' });
    expect(result.ok && result.effects).toContainEqual({
      kind: 'START_DEADLINE',
      deadline: 'COURT_RULING_REVIEW',
      parameter: 'courtRulingReviewPeriod',
      trigger: 'RECEIVED_ON',
    });
    const period = rulebookFor(d('2025-12-22')).parameters.courtRulingReviewPeriod;
    expect(period).toMatchObject({ length: 15, unit: 'CALENDAR_DAYS', status: 'V' });
    expect(period.legalBasis).toContainEqual(
      expect.objectContaining({ article: 58, paragraph: 3 }),
    );
  });

  it('Compulsion Law art. 58(3): the review court’s refusal starts no second review period', () => {
    const underReview = refused({
      rulingReview: { appliedOn: d('2025-12-30'), court: '北京市第一中级人民法院' },
    });
    const result = decide(
      underReview,
      'recordCourtRuling',
      { ruledOn: d('2026-01-20'), result: 'ENFORCEMENT_REFUSED' },
      HANDLER_A,
      d('2026-01-20'),
      CONTEXT,
    );
    expect(result.ok && result.effects).toEqual([]);
  });

  it('Compulsion Law art. 58(3): the review is applied for within the period, once, and only against a refusal', () => {
    const s = refused();
    expect(codesOf(review(s, '2026-01-06'))).toEqual([]);
    expect(codesOf(review(s, '2026-01-07'))).toEqual(['RULING_REVIEW_PERIOD_EXPIRED']);
    const ordered = executionSnapshot('COURT_ENFORCEMENT_APPLIED', {
      enforcement: {
        ...ENFORCEMENT,
        rulings: [{ ruledOn: d('2025-12-19'), result: 'ENFORCEMENT_ORDERED' }],
      },
    });
    expect(codesOf(review(ordered, '2025-12-23'))).toEqual(['RULING_REVIEW_NOT_AVAILABLE']);
    const applied = refused({
      rulingReview: { appliedOn: d('2025-12-30'), court: '北京市第一中级人民法院' },
    });
    expect(codesOf(review(applied, '2025-12-31'))).toEqual(['RULING_REVIEW_ALREADY_APPLIED']);
  });

  it('Compulsion Law art. 58(3): the application is recorded and stops the review period', () => {
    const s = refused();
    const allowed = review(s, '2025-12-30');
    expect(allowed.ok).toBe(true);
    if (!allowed.ok) {
      return;
    }
    const next = applyTransition(
      s,
      allowed,
      { appliedOn: d('2025-12-30'), court: '北京市第一中级人民法院' },
      HEAD,
      ids,
    );
    expect(next.enforcement?.rulingReview).toEqual({
      appliedOn: '2025-12-30',
      court: '北京市第一中级人民法院',
    });
    expect(next.deadlines.COURT_RULING_REVIEW).toBeUndefined();
  });

  it('Compulsion Law art. 58(3): without a review the case closes only after the 15 days (COURT_REFUSED_ENFORCEMENT)', () => {
    const s = refused();
    expect(codesOf(close(s, 'COURT_REFUSED_ENFORCEMENT', '2026-01-06'))).toEqual([
      'CLOSING_CONDITION_NOT_MET',
    ]);
    expect(codesOf(close(s, 'COURT_REFUSED_ENFORCEMENT', '2026-01-07'))).toEqual([]);
  });

  it('Compulsion Law art. 58(3): under review the case closes once the review court upholds the refusal', () => {
    const pending = refused({
      rulingReview: { appliedOn: d('2025-12-30'), court: '北京市第一中级人民法院' },
    });
    expect(codesOf(close(pending, 'COURT_REFUSED_ENFORCEMENT', '2026-01-20'))).toEqual([
      'CLOSING_CONDITION_NOT_MET',
    ]);
    const upheld = refused({
      rulingReview: { appliedOn: d('2025-12-30'), court: '北京市第一中级人民法院' },
      rulings: [
        { ruledOn: d('2025-12-19'), result: 'ENFORCEMENT_REFUSED' },
        { ruledOn: d('2026-01-20'), result: 'ENFORCEMENT_REFUSED' },
      ],
    });
    expect(codesOf(close(upheld, 'COURT_REFUSED_ENFORCEMENT', '2026-01-20'))).toEqual([]);
    const overturned = refused({
      rulingReview: { appliedOn: d('2025-12-30'), court: '北京市第一中级人民法院' },
      rulings: [
        { ruledOn: d('2025-12-19'), result: 'ENFORCEMENT_REFUSED' },
        { ruledOn: d('2026-01-20'), result: 'ENFORCEMENT_ORDERED' },
      ],
    });
    expect(codesOf(close(overturned, 'COURT_REFUSED_ENFORCEMENT', '2026-01-20'))).toEqual([
      'CLOSING_CONDITION_NOT_MET',
    ]);
  });

  it('Compulsion Law arts. 57-58: the court’s termination no longer cites CL art. 40 (the office’s own 终结执行)', () => {
    const terminated = transitionOf('recordCourtRuling').outcomes.find(
      (o) => o.id === 'TERMINATED',
    );
    expect(terminated?.legalBasis ?? []).not.toContainEqual(
      expect.objectContaining({ article: 40 }),
    );
  });
});

describe('终止调查 (legal.md §4(i)): the party died or ended with no successor', () => {
  const termination = {
    partyStatus: 'DISSOLVED' as const,
    occurredOn: d('2025-12-31'),
    noSuccessor: true,
    proof: '北京市海淀区市场监督管理局注销登记通知书（京海市监注销〔2025〕第1234号）',
  };

  it('APL art. 47: an investigation closes as INVESTIGATION_TERMINATED with the facts and the proof', () => {
    const investigating = snapshot('INVESTIGATING', {
      docketedOn: d('2025-10-20'),
      deadlines: { CASE_TIME_LIMIT: { dueDate: d('2026-01-19') } },
    });
    expect(
      codesOf(close(investigating, 'INVESTIGATION_TERMINATED', '2026-01-05', { termination })),
    ).toEqual([]);
    expect(codesOf(close(investigating, 'INVESTIGATION_TERMINATED', '2026-01-05'))).toEqual([
      'INVESTIGATION_TERMINATION_NOT_PROVEN',
    ]);
    const withSuccessor = { ...termination, noSuccessor: false };
    const refusedClosure = close(investigating, 'INVESTIGATION_TERMINATED', '2026-01-05', {
      termination: withSuccessor,
    });
    expect(codesOf(refusedClosure)).toEqual(['INVESTIGATION_TERMINATION_NOT_PROVEN']);
    expect(
      (refusedClosure as { violations: readonly { details?: unknown }[] }).violations[0]!.details,
    ).toMatchObject({ missing: ['termination.noSuccessor'] });
    expect(RULE_CATALOG.INVESTIGATION_TERMINATION_NOT_PROVEN.status).toBe('U');
  });

  it('APL art. 47: a case already decided does not close by 终止调查', () => {
    const decided = executionSnapshot('DECISION_SERVED');
    expect(
      codesOf(close(decided, 'INVESTIGATION_TERMINATED', '2026-01-05', { termination })),
    ).toEqual(['CLOSING_CONDITION_NOT_MET']);
  });
});

describe('APL art. 73(1): a pending remedy blocks only a closure resting on the challenged decision (legal.md §4(i))', () => {
  const litigation = {
    id: 'r',
    kind: 'LITIGATION' as const,
    filedOn: d('2025-11-01'),
    organ: '北京市海淀区人民法院',
  };

  it('APL art. 73(1): executed with a suit pending → CLOSING_WITH_REMEDY_PENDING', () => {
    const executed = { ...executionSnapshot('EXECUTED'), remedies: [litigation] };
    expect(codesOf(close(executed, 'EXECUTED', '2025-12-02'))).toEqual([
      'CLOSING_WITH_REMEDY_PENDING',
    ]);
  });

  it('APL art. 73(1): a decision annulled by reconsideration closes though a suit is still pending', () => {
    const annulled = {
      ...executionSnapshot('DECISION_SERVED'),
      decision: { ...executionSnapshot().decision!, annulledOn: d('2025-11-20') },
      remedies: [litigation],
    };
    expect(codesOf(close(annulled, 'DECISION_ANNULLED', '2025-12-02'))).toEqual([]);
    expect(RULE_CATALOG.CLOSING_WITH_REMEDY_PENDING.status).toBe('D');
  });
});

describe('移送涉嫌犯罪案件 and the case sent back (APL art. 27(1); 国务院《行政执法机关移送涉嫌犯罪案件的规定》, U)', () => {
  const judicial = (patch: Record<string, unknown> = {}) => ({
    reportedOn: d('2026-01-05'),
    approval: principalHeadApproval('2026-01-06'),
    transferredOn: d('2026-01-06'),
    procuratorate: '北京市海淀区人民检察院',
    ...patch,
  });
  const transfer = (j: ReturnType<typeof judicial> | undefined) =>
    decide(
      snapshot('INVESTIGATING', { deadlines: { CASE_TIME_LIMIT: { dueDate: d('2026-01-19') } } }),
      'transferCase',
      {
        kind: 'TO_JUDICIAL_ORGAN',
        recipient: '北京市公安局海淀分局',
        reason: '涉嫌侵犯公民个人信息罪',
        ...(j ? { judicial: j } : {}),
      },
      HEAD,
      d('2026-01-06'),
      CONTEXT,
    );

  it('APL art. 27(1): the transfer needs the principal head’s approval of the written report and the copy to the procuratorate', () => {
    expect(codesOf(transfer(judicial()))).toEqual([]);
    expect(codesOf(transfer(undefined))).toEqual([
      'JUDICIAL_TRANSFER_APPROVAL_REQUIRED',
      'JUDICIAL_TRANSFER_NOT_COPIED_TO_PROCURATORATE',
    ]);
    expect(codesOf(transfer(judicial({ approval: headApproval('2026-01-06') })))).toEqual([
      'JUDICIAL_TRANSFER_APPROVAL_REQUIRED',
    ]);
    expect(codesOf(transfer(judicial({ approval: principalHeadApproval('2026-01-04') })))).toEqual([
      'JUDICIAL_TRANSFER_APPROVAL_REQUIRED',
    ]);
    expect(codesOf(transfer(judicial({ procuratorate: ' ' })))).toEqual([
      'JUDICIAL_TRANSFER_NOT_COPIED_TO_PROCURATORATE',
    ]);
    const decisionPeriod = rulebookFor(d('2026-01-06')).parameters.judicialTransferDecisionPeriod;
    expect(decisionPeriod).toMatchObject({ length: 3, status: 'U' });
    expect(RULE_CATALOG.JUDICIAL_TRANSFER_APPROVAL_REQUIRED.status).toBe('U');
  });

  it('APL art. 27(1): decideCase(TRANSFER_TO_JUDICIAL_ORGAN) asks for the same approval and copy as transferCase, and records them', () => {
    const decideTransfer = (j: ReturnType<typeof judicial> | undefined) =>
      decide(
        snapshot('INVESTIGATING', { deadlines: { CASE_TIME_LIMIT: { dueDate: d('2026-01-19') } } }),
        'decideCase',
        {
          outcome: 'TRANSFER_TO_JUDICIAL_ORGAN',
          recipient: '北京市公安局海淀分局',
          ...(j ? { judicial: j } : {}),
        },
        HEAD,
        d('2026-01-06'),
        CONTEXT,
      );
    expect(codesOf(decideTransfer(undefined))).toEqual([
      'JUDICIAL_TRANSFER_APPROVAL_REQUIRED',
      'JUDICIAL_TRANSFER_NOT_COPIED_TO_PROCURATORATE',
    ]);
    expect(codesOf(decideTransfer(judicial({ approval: headApproval('2026-01-06') })))).toEqual([
      'JUDICIAL_TRANSFER_APPROVAL_REQUIRED',
    ]);
    // Transferred after the decision is entered: the approval cannot postdate the act.
    expect(codesOf(decideTransfer(judicial({ transferredOn: d('2026-01-07') })))).toEqual([
      'JUDICIAL_TRANSFER_APPROVAL_REQUIRED',
    ]);
    const allowed = decideTransfer(judicial());
    expect(allowed).toMatchObject({ ok: true, to: 'TRANSFERRED_TO_JUDICIAL_ORGAN' });
    expect(allowed.ok && allowed.effects).toContainEqual(
      expect.objectContaining({ kind: 'DOCUMENT_DUE', document: 'JUDICIAL_TRANSFER_LETTER' }),
    );
    if (!allowed.ok) {
      throw new Error('transfer refused');
    }
    const decided = applyTransition(
      snapshot('INVESTIGATING'),
      allowed,
      {
        outcome: 'TRANSFER_TO_JUDICIAL_ORGAN',
        recipient: '北京市公安局海淀分局',
        judicial: judicial(),
      },
      HEAD,
      ids,
    );
    expect(decided.judicialTransfer).toEqual({
      recipient: '北京市公安局海淀分局',
      reportedOn: '2026-01-05',
      approverId: PRINCIPAL_HEAD.officerId,
      approvedOn: '2026-01-06',
      transferredOn: '2026-01-06',
      procuratorate: '北京市海淀区人民检察院',
    });
    expect(decided.decision?.outcome).toBe('TRANSFER_TO_JUDICIAL_ORGAN');
  });

  it('APL art. 27(1) second sentence: a case sent back resumes investigation with the judiciary’s document, its time limit restarting from receipt', () => {
    const input = {
      kind: 'TO_JUDICIAL_ORGAN' as const,
      recipient: '北京市公安局海淀分局',
      reason: '涉嫌侵犯公民个人信息罪',
      judicial: judicial(),
    };
    const start = snapshot('INVESTIGATING');
    const allowed = transfer(judicial());
    if (!allowed.ok) {
      throw new Error('transfer refused');
    }
    const transferred = applyTransition(start, allowed, input, HEAD, ids);
    expect(transferred.judicialTransfer).toMatchObject({
      approvedOn: '2026-01-06',
      procuratorate: '北京市海淀区人民检察院',
    });
    const back = {
      ground: 'NOT_FILED' as const,
      receivedOn: d('2026-02-10'),
      judicialDocument: '北京市公安局海淀分局不予立案通知书（京公海不立字〔2026〕12号）',
    };
    const resumed = decide(transferred, 'resumeReturnedCase', back, HEAD, d('2026-02-10'), CONTEXT);
    expect(resumed).toMatchObject({ ok: true, to: 'INVESTIGATING' });
    expect(resumed.ok && resumed.effects).toContainEqual({
      kind: 'START_DEADLINE',
      deadline: 'CASE_TIME_LIMIT',
      parameter: 'caseTimeLimit',
      trigger: 'RECEIVED_ON',
    });
    if (!resumed.ok) {
      return;
    }
    const next = applyTransition(transferred, resumed, back, HEAD, ids);
    expect(next.judicialTransfer?.returned).toEqual(back);
    expect(
      codesOf(
        decide(
          transferred,
          'resumeReturnedCase',
          { ...back, receivedOn: d('2026-01-05') },
          HEAD,
          d('2026-02-10'),
          CONTEXT,
        ),
      ),
    ).toContain('JUDICIAL_RETURN_BEFORE_TRANSFER');
  });
});
