import { describe, expect, it } from 'vitest';
import {
  allowsMitigation,
  DISCRETION_GROUND_TERMS,
  DISCRETION_GROUNDS,
  discretionBenchmarkFor,
  discretionReferences,
  discretionViolations,
  rangePartViolation,
} from '../../../src/procedure/discretion.js';
import { localDate } from '../../../src/procedure/local-date.js';
import { isRuleInForce } from '../../../src/procedure/rule-catalog.js';

const codes = (v: { code: string }[]) => v.map((x) => x.code);

describe('discretion record (APL arts. 30-34, 49; CAC discretion rules 2025)', () => {
  it('APL art. 32: 减轻 without a ground is refused with its citations; with an art. 32 ground it is allowed', () => {
    const [v] = discretionViolations({ tier: 'MITIGATED', grounds: [] });
    expect(v).toMatchObject({ code: 'DISCRETION_GROUND_REQUIRED', details: { tier: 'MITIGATED' } });
    expect(v!.legalBasis.map((b) => b.article)).toEqual(expect.arrayContaining([30, 31, 32]));
    expect(
      discretionViolations({
        tier: 'MITIGATED',
        grounds: ['APL_32_3_CONFESSED_UNKNOWN_VIOLATION'],
      }),
    ).toEqual([]);
    expect(allowsMitigation({ tier: 'MITIGATED', grounds: ['APL_30_MINOR_14_TO_18'] })).toBe(true);
    expect(allowsMitigation({ tier: 'MITIGATED', grounds: [] })).toBe(false);
    expect(allowsMitigation({ tier: 'LIGHTER', grounds: ['APL_32_1_HARM_ELIMINATED'] })).toBe(
      false,
    );
  });

  it('APL art. 32 lists the 减轻 grounds: a benchmark circumstance allows 从轻 only', () => {
    expect(
      codes(
        discretionViolations({ tier: 'MITIGATED', grounds: ['BENCHMARK_LIGHTER_CIRCUMSTANCE'] }),
      ),
    ).toEqual(['DISCRETION_GROUND_NOT_FOR_TIER', 'DISCRETION_GROUND_REQUIRED']);
    expect(
      discretionViolations({ tier: 'LIGHTER', grounds: ['BENCHMARK_LIGHTER_CIRCUMSTANCE'] }),
    ).toEqual([]);
  });

  it('APL art. 49 / benchmark: 从重 needs an aggravating ground; a mitigating one does not fit', () => {
    expect(codes(discretionViolations({ tier: 'HEAVIER', grounds: [] }))).toEqual([
      'DISCRETION_GROUND_REQUIRED',
    ]);
    expect(
      codes(discretionViolations({ tier: 'HEAVIER', grounds: ['APL_32_1_HARM_ELIMINATED'] })),
    ).toEqual(['DISCRETION_GROUND_NOT_FOR_TIER', 'DISCRETION_GROUND_REQUIRED']);
    expect(discretionViolations({ tier: 'HEAVIER', grounds: ['APL_49_EMERGENCY'] })).toEqual([]);
  });

  it('APL art. 33, 57(1)(2): 不予处罚 is a no-penalty decision, never a tier of penalties; 一般处罚 needs no ground', () => {
    expect(codes(discretionViolations({ tier: 'NO_PENALTY', grounds: [] }))).toEqual([
      'DISCRETION_NO_PENALTY_TIER_WITH_PENALTIES',
    ]);
    expect(discretionViolations({ tier: 'ORDINARY', grounds: [] })).toEqual([]);
  });

  it('APL art. 34: the benchmark in force at the decision — APL art. 34 alone until 2025-07-31, the CAC rules (P, no range split) from 2025-08-01', () => {
    expect(discretionBenchmarkFor(localDate('2025-07-31'))?.id).toBe('APL-34-2021');
    const cac = discretionBenchmarkFor(localDate('2025-08-01'))!;
    expect(cac).toMatchObject({ id: 'CAC-DISCRETION-2025', status: 'P', rangeSplit: null });
    expect(discretionBenchmarkFor(localDate('2027-01-04'))?.id).toBe('CAC-DISCRETION-2025');
    expect(discretionBenchmarkFor(localDate('2021-07-14'))).toBeUndefined();
    expect(rangePartViolation('LIGHTER', 99_000_00, 10_000_00, 100_000_00, cac)).toBeUndefined();
  });

  it('APL arts. 30-32, 49: every ground cites an article and names the tiers it allows; P grounds are the benchmark ones', () => {
    for (const g of DISCRETION_GROUNDS) {
      const t = DISCRETION_GROUND_TERMS[g];
      expect(t.legalBasis.length).toBeGreaterThan(0);
      expect(t.tiers.length).toBeGreaterThan(0);
      expect(t.status === 'P').toBe(g.startsWith('BENCHMARK_'));
    }
  });

  it('CSL (2025) art. 73, NDSR art. 59: 从轻 or 减轻 under those laws cites the referring article; CSL 2016 and 一般处罚 do not', () => {
    const csl2025 = { lawCode: 'CSL', validFrom: localDate('2026-01-01') };
    const csl2016 = { lawCode: 'CSL', validFrom: localDate('2017-06-01') };
    const ndsr = { lawCode: 'NDSR', validFrom: localDate('2025-01-01') };
    expect(
      discretionReferences('MITIGATED', [csl2025, ndsr]).map((b) => [b.law, b.article]),
    ).toEqual([
      ['中华人民共和国网络安全法', 73],
      ['网络数据安全管理条例', 59],
    ]);
    expect(discretionReferences('LIGHTER', [csl2016])).toEqual([]);
    expect(discretionReferences('ORDINARY', [csl2025, ndsr])).toEqual([]);
    expect(discretionReferences('HEAVIER', [ndsr])).toEqual([]);
  });

  it('Reconsideration Law art. 22(2) binds from the 2023 revision’s entry into force (2024-01-01)', () => {
    expect(isRuleInForce('ONLINE_RECONSIDERATION_CHANNEL_REQUIRED', localDate('2023-12-31'))).toBe(
      false,
    );
    expect(isRuleInForce('ONLINE_RECONSIDERATION_CHANNEL_REQUIRED', localDate('2024-01-01'))).toBe(
      true,
    );
  });
});
