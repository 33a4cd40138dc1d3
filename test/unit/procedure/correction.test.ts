/**
 * 责令改正 (APL art. 28(1)): the order, its service, the review (复查) and the statuses they
 * are allowed in.
 */
import { describe, expect, it } from 'vitest';
import type {
  OrderCorrectionInput,
  RecordCorrectionReviewInput,
} from '../../../src/procedure/action-inputs.js';
import { applyTransition } from '../../../src/procedure/apply-transition.js';
import {
  hasUnmetCorrectionOrder,
  type CorrectionOrderRecord,
} from '../../../src/procedure/case-snapshot.js';
import { availableActions, decide } from '../../../src/procedure/decide.js';
import {
  codesOf,
  CONTEXT,
  d,
  HANDLER_A,
  notifiedSnapshot,
  sampleInputs,
  snapshot,
} from './procedure-fixtures.js';

const ORDER: OrderCorrectionInput = {
  partyId: 'party-1',
  orderedOn: d('2024-04-01'),
  correctionPeriodDays: 7,
  dueOn: d('2024-04-08'),
};

const served = (patch: Partial<CorrectionOrderRecord> = {}): CorrectionOrderRecord => ({
  id: 'corr-1',
  partyId: 'party-1',
  orderedOn: d('2024-04-01'),
  dueOn: d('2024-04-08'),
  servedOn: d('2024-04-02'),
  reviews: [],
  ...patch,
});

const review = (
  reviewedOn: string,
  finding: RecordCorrectionReviewInput['finding'],
): RecordCorrectionReviewInput => ({
  correctionOrderId: 'corr-1',
  reviewedOn: d(reviewedOn),
  finding,
});

let counter = 0;
const ids = { next: (kind: string) => `${kind}-${++counter}` };

describe('orderCorrection (责令改正通知书)', () => {
  it('APL art. 28(1): ordered while investigating, with the period stored as CORRECTION_PERIOD', () => {
    const result = decide(
      snapshot('INVESTIGATING'),
      'orderCorrection',
      ORDER,
      HANDLER_A,
      d('2024-04-01'),
      CONTEXT,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    expect(result.outcome).toBe('ORDERED_WITHIN_PERIOD');
    expect(result.effects).toContainEqual(
      expect.objectContaining({ kind: 'START_DEADLINE', deadline: 'CORRECTION_PERIOD' }),
    );
    expect(result.effects).toContainEqual({ kind: 'DOCUMENT_DUE', document: 'CORRECTION_ORDER' });
    const next = applyTransition(snapshot('INVESTIGATING'), result, ORDER, HANDLER_A, ids);
    expect(next.correctionOrders).toEqual([
      expect.objectContaining({
        partyId: 'party-1',
        orderedOn: '2024-04-01',
        dueOn: '2024-04-08',
        reviews: [],
      }),
    ]);
  });

  it('APL art. 28(1): 立即改正 (no period) starts no deadline', () => {
    const { correctionPeriodDays: _days, dueOn: _due, ...immediate } = ORDER;
    const result = decide(
      snapshot('INVESTIGATING'),
      'orderCorrection',
      immediate,
      HANDLER_A,
      d('2024-04-01'),
      CONTEXT,
    );
    expect(result.ok && result.outcome).toBe('ORDERED_IMMEDIATELY');
  });

  it.each([
    'DECIDED_PENALTY',
    'DECISION_SERVED',
    'ENFORCEMENT_DEMAND_ISSUED',
    'READY_FOR_DECISION',
  ] as const)(
    'APL art. 28(1) (实施行政处罚时): also ordered with or after the decision — %s',
    (status) => {
      expect(
        codesOf(
          decide(snapshot(status), 'orderCorrection', ORDER, HANDLER_A, d('2024-04-01'), CONTEXT),
        ),
      ).toEqual([]);
    },
  );

  it('APL art. 28(1): not before docketing, after closure, nor where its notice could not be served', () => {
    for (const status of [
      'CASE_SOURCE_REGISTERED',
      'CLOSED',
      'EXECUTED',
      'INSTALMENT_PLAN',
    ] as const) {
      expect(
        codesOf(
          decide(snapshot(status), 'orderCorrection', ORDER, HANDLER_A, d('2024-04-01'), CONTEXT),
        ),
      ).toContain('ACTION_NOT_ALLOWED_IN_STATUS');
    }
  });

  it('APL art. 28(1): the order names a party of the case and a last day after the order, both reported at once', () => {
    expect(
      codesOf(
        decide(
          snapshot('INVESTIGATING'),
          'orderCorrection',
          { ...ORDER, partyId: 'stranger', dueOn: d('2024-04-01') },
          HANDLER_A,
          d('2024-04-01'),
          CONTEXT,
        ),
      ),
    ).toEqual(['CORRECTION_ORDER_PARTY_UNKNOWN', 'CORRECTION_DEADLINE_NOT_AFTER_ORDER']);
  });
});

describe('serveDocument (责令改正通知书)', () => {
  it('APL art. 61(1): serving the order records its deemed-served date on the order', () => {
    const s = snapshot('INVESTIGATING', { correctionOrders: [served({ servedOn: undefined })] });
    const input = {
      ...sampleInputs(d('2024-04-02')).serveDocument,
      documents: ['CORRECTION_ORDER'],
    } as const;
    const result = decide(s, 'serveDocument', input, HANDLER_A, d('2024-04-02'), CONTEXT);
    expect(codesOf(result)).toEqual([]);
    if (!result.ok) {
      return;
    }
    expect(result.outcome).toBe('CORRECTION_ORDER_SERVED');
    const next = applyTransition(s, result, input, HANDLER_A, ids);
    expect(next.correctionOrders[0]!.servedOn).toBe('2024-04-02');
  });
});

describe('recordCorrectionReview (复查)', () => {
  it('APL art. 28(1): no review before the order is served — not offered by availableActions either', () => {
    const s = snapshot('INVESTIGATING', { correctionOrders: [served({ servedOn: undefined })] });
    expect(
      codesOf(
        decide(
          s,
          'recordCorrectionReview',
          review('2024-04-10', 'COMPLIED'),
          HANDLER_A,
          d('2024-04-10'),
          CONTEXT,
        ),
      ),
    ).toEqual(['CORRECTION_ORDER_NOT_SERVED']);
    const offered = availableActions(s, HANDLER_A, d('2024-04-10'), CONTEXT).find(
      (a) => a.action === 'recordCorrectionReview',
    );
    expect(offered?.allowed).toBe(false);
  });

  it('APL art. 28(1): a review dated before the service is refused', () => {
    const s = snapshot('INVESTIGATING', {
      correctionOrders: [served({ servedOn: d('2024-04-05') })],
    });
    expect(
      codesOf(
        decide(
          s,
          'recordCorrectionReview',
          review('2024-04-04', 'COMPLIED'),
          HANDLER_A,
          d('2024-04-05'),
          CONTEXT,
        ),
      ),
    ).toEqual(['CORRECTION_ORDER_NOT_SERVED']);
  });

  it.each([
    ['2024-04-08', 'NOT_COMPLIED', ['CORRECTION_REVIEW_BEFORE_DEADLINE']],
    ['2024-04-08', 'PARTLY_COMPLIED', ['CORRECTION_REVIEW_BEFORE_DEADLINE']],
    ['2024-04-08', 'COMPLIED', []],
    ['2024-04-09', 'NOT_COMPLIED', []],
  ] as const)(
    'APL art. 28(1): period due 2024-04-08, reviewed %s finding %s → %j',
    (reviewedOn, finding, expected) => {
      const s = snapshot('INVESTIGATING', { correctionOrders: [served()] });
      expect(
        codesOf(
          decide(
            s,
            'recordCorrectionReview',
            review(reviewedOn, finding),
            HANDLER_A,
            d('2024-04-10'),
            CONTEXT,
          ),
        ),
      ).toEqual(expected);
    },
  );

  it('APL art. 28(1): an unknown order is reported as RECORD_NOT_FOUND', () => {
    const s = snapshot('INVESTIGATING', { correctionOrders: [served()] });
    expect(
      codesOf(
        decide(
          s,
          'recordCorrectionReview',
          { ...review('2024-04-09', 'COMPLIED'), correctionOrderId: 'x' },
          HANDLER_A,
          d('2024-04-10'),
          CONTEXT,
        ),
      ),
    ).toEqual(['RECORD_NOT_FOUND']);
  });

  it('APL art. 28(1): a NOT_COMPLIED finding on a served order opens the 拒不改正 tier for that party only', () => {
    const s = notifiedSnapshot('READY_FOR_DECISION', { correctionOrders: [served()] });
    const result = decide(
      s,
      'recordCorrectionReview',
      review('2024-04-09', 'NOT_COMPLIED'),
      HANDLER_A,
      d('2024-04-10'),
      CONTEXT,
    );
    expect(codesOf(result)).toEqual([]);
    if (!result.ok) {
      return;
    }
    expect(result.effects).toContainEqual({ kind: 'STOP_DEADLINE', deadline: 'CORRECTION_PERIOD' });
    const next = applyTransition(s, result, review('2024-04-09', 'NOT_COMPLIED'), HANDLER_A, ids);
    expect(hasUnmetCorrectionOrder(next, 'party-1')).toBe(true);
    expect(hasUnmetCorrectionOrder(next, 'party-2')).toBe(false);
    expect(hasUnmetCorrectionOrder(s, 'party-1')).toBe(false);
  });

  it('APL art. 28(1): a PARTLY_COMPLIED finding does not by itself open the 拒不改正 tier', () => {
    const s = snapshot('INVESTIGATING', {
      correctionOrders: [
        served({ reviews: [{ id: 'r', reviewedOn: d('2024-04-09'), finding: 'PARTLY_COMPLIED' }] }),
      ],
    });
    expect(hasUnmetCorrectionOrder(s, 'party-1')).toBe(false);
  });
});
