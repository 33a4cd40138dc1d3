/**
 * APL art. 75(2) with the penalty provision (APL arts. 4, 32, 34): the penalties of a changed
 * decision are checked against the provision they cite exactly as decideCase's are — the same
 * function, the same codes — so the office cannot correct a decision into one the law does not
 * allow (a fine below the minimum without a recorded 减轻 ground, or above the maximum).
 */
import { describe, expect, it } from 'vitest';
import { penaltyViolationsIn, type CheckedPenalty } from '../../../src/actions/penalties.js';
import { ORDINARY_DISCRETION, type DiscretionRecord } from '../../../src/procedure/discretion.js';
import { PENALTY_PROVISIONS_SEED } from '../../../src/procedure/provisions/provisions.seed.js';
import { d, executionSnapshot } from '../procedure/procedure-fixtures.js';

/** Served, act of 2024-01-10: DSL art. 45(1) then fines 50 000 – 500 000 yuan. */
const served = executionSnapshot('DECISION_SERVED');
const changedOn = d('2024-05-06');

const fine = (amountYuan: number): CheckedPenalty => ({
  kind: 'FINE',
  amountYuan,
  provisionId: 'DSL-45-1',
  target: 'PARTY',
});

/** DSL art. 45(1): 给予警告 is mandatory, the fine optional; the warning is kept in every change. */
const warning: CheckedPenalty = { kind: 'WARNING', provisionId: 'DSL-45-1', target: 'PARTY' };

const codes = (penalties: readonly CheckedPenalty[], discretion: DiscretionRecord) =>
  penaltyViolationsIn(
    PENALTY_PROVISIONS_SEED,
    served,
    [warning, ...penalties],
    {},
    discretion,
    changedOn,
  )
    .map((v) => v.code)
    .sort();

describe('APL art. 75(2) + the penalty provision: a changed decision’s penalties', () => {
  it('a change above the provision’s maximum is refused with FINE_ABOVE_MAXIMUM (APL art. 4)', () => {
    expect(codes([fine(600_000)], ORDINARY_DISCRETION)).toEqual(['FINE_ABOVE_MAXIMUM']);
  });

  it('a change below the minimum needs 减轻处罚 on a recorded ground (APL art. 32)', () => {
    expect(codes([fine(10_000)], ORDINARY_DISCRETION)).toEqual(['FINE_BELOW_MINIMUM']);
    expect(codes([fine(10_000)], { tier: 'MITIGATED', grounds: [] })).toEqual([
      'DISCRETION_GROUND_REQUIRED',
      'FINE_BELOW_MINIMUM',
    ]);
    expect(
      codes([fine(10_000)], { tier: 'MITIGATED', grounds: ['APL_32_1_HARM_ELIMINATED'] }),
    ).toEqual([]);
  });

  it('a kind the provision does not allow is refused (APL art. 4)', () => {
    expect(
      codes(
        [{ kind: 'ORDER_TO_CLOSE', provisionId: 'DSL-45-1', target: 'PARTY' }],
        ORDINARY_DISCRETION,
      ),
    ).toContain('PENALTY_KIND_NOT_ALLOWED_BY_PROVISION');
  });

  it('a change within the range in the ordinary tier passes', () => {
    expect(codes([fine(80_000)], ORDINARY_DISCRETION)).toEqual([]);
  });
});
