/**
 * APL art. 75(2): 申诉、检举 and the office's own correction (主动改正) of its penalty decision —
 * what opens it, what it needs, what it does to the execution, and the heavier change refused
 * without a renewed notice (APL arts. 44, 45(2)).
 */
import { describe, expect, it } from 'vitest';
import type { ChangeDecisionInput } from '../../../src/procedure/action-inputs.js';
import { applyTransition } from '../../../src/procedure/apply-transition.js';
import type { CaseSnapshot } from '../../../src/procedure/case-snapshot.js';
import { availableActions, decide } from '../../../src/procedure/decide.js';
import { heavierThan } from '../../../src/procedure/guards/self-correction.guards.js';
import {
  codesOf,
  CONTEXT,
  d,
  executionSnapshot,
  HANDLER_A,
  HEAD,
  headApproval,
  sampleInputs,
  snapshot,
} from './procedure-fixtures.js';

let counter = 0;
const ids = { next: (kind: string) => `${kind}-${++counter}` };
const NOW = d('2024-05-06');
const sample = sampleInputs('2024-05-06');
/** Served 2024-04-10 with a fine of 5 000 yuan; 2 000 paid on 04-20. */
const paidInPart = executionSnapshot('DECISION_SERVED', {
  payments: [
    {
      id: 'pay-1',
      paidOn: d('2024-04-20'),
      amountFen: 200_000,
      channel: 'DESIGNATED_BANK',
      receiptNumber: 'R-1',
    },
  ],
});
const change = (patch: Partial<ChangeDecisionInput> = {}): ChangeDecisionInput => ({
  ...sample.changeDecision,
  ...patch,
});

describe('APL art. 75(2): 申诉、检举', () => {
  it('is recorded on a decision in force, and not before a decision', () => {
    expect(
      decide(paidInPart, 'recordComplaint', sample.recordComplaint, HANDLER_A, NOW, CONTEXT),
    ).toMatchObject({ ok: true });
    const before = decide(
      snapshot('INVESTIGATING'),
      'recordComplaint',
      sample.recordComplaint,
      HANDLER_A,
      NOW,
      CONTEXT,
    );
    expect(codesOf(before)).toContain('ACTION_NOT_ALLOWED_IN_STATUS');
  });

  it('the head finds once, on or after receipt', () => {
    const received = applyTransition(
      paidInPart,
      decide(
        paidInPart,
        'recordComplaint',
        sample.recordComplaint,
        HANDLER_A,
        NOW,
        CONTEXT,
      ) as never,
      sample.recordComplaint,
      HANDLER_A,
      ids,
    );
    const id = received.complaints[0]!.id;
    const early = decide(
      received,
      'handleComplaint',
      { complaintId: id, handledOn: d('2024-05-01'), finding: 'NO_ERROR' },
      HEAD,
      NOW,
      CONTEXT,
    );
    expect(codesOf(early)).toEqual(['COMPLAINT_HANDLED_BEFORE_RECEIPT']);
    const input = { complaintId: id, handledOn: NOW, finding: 'ERROR_FOUND' as const };
    const result = decide(received, 'handleComplaint', input, HEAD, NOW, CONTEXT);
    expect(result).toMatchObject({ ok: true, outcome: 'ERROR_FOUND' });
    const handled = applyTransition(received, result as never, input, HEAD, ids);
    expect(handled.complaints[0]).toMatchObject({ finding: 'ERROR_FOUND', handledOn: NOW });
    expect(codesOf(decide(handled, 'handleComplaint', input, HEAD, NOW, CONTEXT))).toEqual([
      'COMPLAINT_ALREADY_HANDLED',
    ]);
    // A handler does not decide on a complaint: the head does.
    expect(codesOf(decide(received, 'handleComplaint', input, HANDLER_A, NOW, CONTEXT))).toContain(
      'ROLE_REQUIRED',
    );
  });
});

describe('APL art. 75(2): revocation and change of the decision', () => {
  it('a change reduces the fine: the money paid beyond it is owed back (退还), the old penalties kept', () => {
    const input = change({ penalties: [{ kind: 'FINE', amountYuan: 1000 }] });
    const result = decide(paidInPart, 'changeDecision', input, HEAD, NOW, CONTEXT);
    expect(result).toMatchObject({ ok: true, outcome: 'CHANGED', to: 'DECISION_SERVED' });
    const next = applyTransition(paidInPart, result as never, input, HEAD, ids);
    expect(next.decision).toMatchObject({ fineFen: 100_000, changedOn: NOW });
    expect(next.decisionCorrections[0]).toMatchObject({
      kind: 'CHANGED',
      previousPenalties: [{ kind: 'FINE', amountYuan: 5000 }],
      previousObligationFen: 500_000,
      obligationFen: 100_000,
      paidFen: 200_000,
      refundOwedFen: 100_000,
    });
  });

  it('a revocation leaves nothing to pay, owes back all paid, stops the payment period and withdraws the demand and court windows', () => {
    const result = decide(paidInPart, 'revokeDecision', sample.revokeDecision, HEAD, NOW, CONTEXT);
    expect(result).toMatchObject({ ok: true, outcome: 'REVOKED' });
    const next = applyTransition(paidInPart, result as never, sample.revokeDecision, HEAD, ids);
    expect(next.decision?.annulledOn).toBe(NOW);
    expect(next.deadlines.PAYMENT).toBeUndefined();
    expect(next.decisionCorrections[0]).toMatchObject({ kind: 'REVOKED', refundOwedFen: 200_000 });
    // Nothing is left to revoke or change.
    expect(codesOf(decide(next, 'changeDecision', change(), HEAD, NOW, CONTEXT))).toContain(
      'DECISION_NOT_CORRECTABLE',
    );
    expect(
      availableActions(next, HEAD, NOW, CONTEXT).find((a) => a.action === 'revokeDecision'),
    ).toMatchObject({ allowed: false });
  });

  it('a change during a demand withdraws the demand: back to DECISION_SERVED (Compulsion Law art. 53)', () => {
    const demanded = executionSnapshot('ENFORCEMENT_DEMAND_ISSUED');
    const result = decide(demanded, 'changeDecision', change(), HEAD, NOW, CONTEXT);
    expect(result).toMatchObject({
      ok: true,
      outcome: 'CHANGED_DURING_ENFORCEMENT',
      to: 'DECISION_SERVED',
    });
  });

  it('APL art. 45(2): a heavier change is refused without a renewed notice and the party heard', () => {
    const heavier = change({ penalties: [{ kind: 'FINE', amountYuan: 8000 }] });
    const refused = decide(paidInPart, 'changeDecision', heavier, HEAD, NOW, CONTEXT);
    expect(codesOf(refused)).toEqual(['CORRECTION_HEAVIER_WITHOUT_NOTICE']);
    const unheard = { ...heavier, renewedNotice: { servedOn: NOW, rightsConcluded: false } };
    expect(codesOf(decide(paidInPart, 'changeDecision', unheard, HEAD, NOW, CONTEXT))).toEqual([
      'CORRECTION_HEAVIER_WITHOUT_NOTICE',
    ]);
    const heard = {
      ...heavier,
      renewedNotice: { servedOn: d('2024-04-25'), rightsConcluded: true },
    };
    expect(decide(paidInPart, 'changeDecision', heard, HEAD, NOW, CONTEXT)).toMatchObject({
      ok: true,
    });
    // A kind the decision did not impose counts as heavier, whatever the money.
    expect(heavierThan([{ kind: 'WARNING' }], [{ kind: 'FINE', amountYuan: 5000 }])).toBe(true);
    expect(
      heavierThan([{ kind: 'FINE', amountYuan: 10 }], [{ kind: 'FINE', amountYuan: 5000 }]),
    ).toBe(false);
  });

  it('refused, every unmet rule at once: no legal review, no principal head, no collective discussion where the decision had one, a complaint not found in error', () => {
    const discussed: CaseSnapshot = {
      ...paidInPart,
      collectiveDiscussions: [{ heldOn: d('2024-04-08'), headCount: 3 }],
    };
    const withComplaint = {
      ...discussed,
      complaints: [
        {
          id: 'c-1',
          kind: 'REPORT' as const,
          receivedOn: d('2024-04-20'),
          handledOn: d('2024-04-22'),
          finding: 'NO_ERROR' as const,
        },
      ],
    };
    const input = change({
      complaintId: 'c-1',
      legalReview: undefined,
      approval: headApproval('2024-05-06'),
      collectiveDiscussedOn: undefined,
    });
    const refused = decide(withComplaint, 'changeDecision', input, HEAD, NOW, CONTEXT);
    expect(codesOf(refused).sort()).toEqual([
      'CORRECTION_COLLECTIVE_DISCUSSION_REQUIRED',
      'CORRECTION_LEGAL_REVIEW_REQUIRED',
      'CORRECTION_PRINCIPAL_HEAD_APPROVAL_REQUIRED',
      'CORRECTION_WITHOUT_ERROR_FOUND',
    ]);
  });

  it('APL art. 58(2): a reviewer without the legal professional qualification does not review it', () => {
    const input = change({
      legalReview: { reviewerId: 'reviewer-1', reviewedOn: NOW, reviewerQualified: false },
    });
    expect(codesOf(decide(paidInPart, 'changeDecision', input, HEAD, NOW, CONTEXT))).toEqual([
      'CORRECTION_LEGAL_REVIEW_REQUIRED',
    ]);
  });

  it('a reviewer who investigated the case does not review its correction', () => {
    const input = change({ legalReview: { reviewerId: 'handler-a', reviewedOn: NOW } });
    expect(codesOf(decide(paidInPart, 'changeDecision', input, HEAD, NOW, CONTEXT))).toEqual([
      'CORRECTION_LEGAL_REVIEW_REQUIRED',
    ]);
  });

  it('the same penalties are not a change: a clerical error goes to correctDocument', () => {
    const same = change({ penalties: [{ kind: 'FINE', amountYuan: 5000 }] });
    expect(codesOf(decide(paidInPart, 'changeDecision', same, HEAD, NOW, CONTEXT))).toEqual([
      'CORRECTION_NOT_A_CHANGE',
    ]);
  });
});

describe('APL art. 75(2) with art. 61, 67(3): the 撤销（变更）行政处罚决定书 is served', () => {
  const serve = (on: string) => ({
    ...sample.serveDocument,
    documents: ['DECISION_REVOCATION_OR_CHANGE' as const],
    facts: { ...sample.serveDocument.facts, servedOn: d(on), signedOn: d(on) },
    deemedServedOn: d(on),
  });
  const changed = (amountYuan: number, from: CaseSnapshot = paidInPart) => {
    const input = change({ penalties: [{ kind: 'FINE', amountYuan }] });
    const result = decide(from, 'changeDecision', input, HEAD, NOW, CONTEXT);
    return applyTransition(from, result as never, input, HEAD, ids);
  };
  const started = (result: ReturnType<typeof decide>) =>
    result.ok
      ? result.effects.flatMap((e) => (e.kind === 'START_DEADLINE' ? [e.deadline] : []))
      : [];

  it('a change leaving money owed: the payment, reconsideration and litigation periods run from its service', () => {
    // 5 000 → 3 000 yuan with 2 000 paid: 1 000 still owed.
    const next = changed(3000);
    const result = decide(next, 'serveDocument', serve('2024-05-06'), HANDLER_A, NOW, CONTEXT);
    expect(result).toMatchObject({ ok: true, outcome: 'DECISION_CHANGE_SERVED_WITH_MONEY_OWED' });
    expect(started(result)).toEqual(['PAYMENT', 'RECONSIDERATION_PERIOD', 'LITIGATION_PERIOD']);
    const served = applyTransition(next, result as never, serve('2024-05-06'), HANDLER_A, ids);
    expect(served.decisionCorrections.at(-1)?.servedOn).toBe(d('2024-05-06'));
    // Served once: a second service is refused.
    expect(
      codesOf(decide(served, 'serveDocument', serve('2024-05-06'), HANDLER_A, NOW, CONTEXT)),
    ).toEqual(['DOCUMENT_ALREADY_SERVED']);
  });

  it('a change paid off already restarts only the remedies; a revocation’s letter has a receipt only', () => {
    const reduced = decide(
      changed(1000),
      'serveDocument',
      serve('2024-05-06'),
      HANDLER_A,
      NOW,
      CONTEXT,
    );
    expect(reduced).toMatchObject({ ok: true, outcome: 'DECISION_CHANGE_SERVED' });
    expect(started(reduced)).toEqual(['RECONSIDERATION_PERIOD', 'LITIGATION_PERIOD']);
    const result = decide(paidInPart, 'revokeDecision', sample.revokeDecision, HEAD, NOW, CONTEXT);
    const revoked = applyTransition(paidInPart, result as never, sample.revokeDecision, HEAD, ids);
    const letter = decide(revoked, 'serveDocument', serve('2024-05-06'), HANDLER_A, NOW, CONTEXT);
    expect(letter).toMatchObject({ ok: true, outcome: 'DECISION_REVOCATION_SERVED' });
    expect(started(letter)).toEqual([]);
  });

  it('is not served before a correction, and served after a change even once the fine was paid (EXECUTED)', () => {
    expect(
      codesOf(decide(paidInPart, 'serveDocument', serve('2024-05-06'), HANDLER_A, NOW, CONTEXT)),
    ).toEqual(['DOCUMENT_NOT_SERVABLE']);
    const executed = executionSnapshot('EXECUTED', { payments: paidInPart.payments });
    const next = changed(1000, executed);
    expect(next.status).toBe('EXECUTED');
    expect(
      decide(next, 'serveDocument', serve('2024-05-06'), HANDLER_A, NOW, CONTEXT),
    ).toMatchObject({ ok: true });
  });
});

describe('APL art. 75(2): the refund owed is paid out (退还) before the case closes', () => {
  const revoked = () => {
    const result = decide(paidInPart, 'revokeDecision', sample.revokeDecision, HEAD, NOW, CONTEXT);
    return applyTransition(paidInPart, result as never, sample.revokeDecision, HEAD, ids);
  };
  const refund = (correctionId: string, amountFen: number, on = NOW) => ({
    correctionId,
    refundedOn: on,
    amountFen,
    receiptNumber: 'TF-1',
  });
  const closing = {
    ...sample.closeCase,
    ground: 'DECISION_ANNULLED' as const,
    closedOn: NOW,
  };

  it('no more than is still owed, not before the correction; the case closes once all is paid out', () => {
    const next = revoked();
    const id = next.decisionCorrections[0]!.id;
    // 2 000 yuan paid, all owed back: the case does not close meanwhile.
    expect(codesOf(decide(next, 'closeCase', closing, HEAD, NOW, CONTEXT))).toContain(
      'REFUND_OUTSTANDING_AT_CLOSURE',
    );
    for (const wrong of [
      refund(id, 200_001),
      refund(id, 100_000, d('2024-05-03')),
      refund('unknown', 100),
    ]) {
      expect(codesOf(decide(next, 'recordRefund', wrong, HANDLER_A, NOW, CONTEXT))).toEqual([
        'REFUND_NOT_OWED',
      ]);
    }
    // Paid out in two parts.
    let s = next;
    for (const amountFen of [150_000, 50_000]) {
      const result = decide(s, 'recordRefund', refund(id, amountFen), HANDLER_A, NOW, CONTEXT);
      expect(result).toMatchObject({ ok: true, to: s.status });
      s = applyTransition(s, result as never, refund(id, amountFen), HANDLER_A, ids);
    }
    expect(s.decisionCorrections[0]!.refunds?.map((r) => r.amountFen)).toEqual([150_000, 50_000]);
    expect(codesOf(decide(s, 'recordRefund', refund(id, 1), HANDLER_A, NOW, CONTEXT))).toEqual([
      'REFUND_NOT_OWED',
    ]);
    expect(codesOf(decide(s, 'closeCase', closing, HEAD, NOW, CONTEXT))).not.toContain(
      'REFUND_OUTSTANDING_AT_CLOSURE',
    );
  });
});
