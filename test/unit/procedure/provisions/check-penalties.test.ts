import { describe, expect, it } from 'vitest';
import { apl } from '../../../../src/procedure/legal-basis.js';
import { localDate } from '../../../../src/procedure/local-date.js';
import type { PenaltyKind } from '../../../../src/procedure/penalty-kind.js';
import {
  PENALTY_PROVISIONS_SEED as SEED,
  checkProposedPenalties,
  findProvision,
  formatYuan,
  refusalTierOtherGround,
  type PenaltyCheckContext,
  type PenaltyProvision,
  type PenaltyTarget,
  type ProposedPenalty,
} from '../../../../src/procedure/provisions/index.js';

/** Act and decision in 2025: CSL 2016 and every other law in force. */
const CTX_2025: PenaltyCheckContext = {
  actDate: localDate('2025-06-01'),
  decisionDate: localDate('2025-10-15'),
  officeLevel: 'PROVINCIAL',
  partyKind: 'ORGANIZATION',
  illegalGains: 0,
  // The 拒不改正 tiers below rest on an order found not complied with (APL art. 28(1), tested apart).
  correctionOrderUnmet: true,
};
/** Act and decision in 2026: CSL 2025 in force. */
const CTX_2026: PenaltyCheckContext = {
  ...CTX_2025,
  actDate: localDate('2026-02-01'),
  decisionDate: localDate('2026-05-20'),
};

function get(id: string): PenaltyProvision {
  const p = findProvision(SEED, id);
  if (!p) {
    throw new Error(`seed row missing: ${id}`);
  }
  return p;
}

function ctxFor(p: PenaltyProvision, over: Partial<PenaltyCheckContext> = {}): PenaltyCheckContext {
  return { ...(p.validFrom >= '2026-01-01' ? CTX_2026 : CTX_2025), ...over };
}

const fine = (
  provisionId: string,
  amountYuan: number | undefined,
  extra: Partial<ProposedPenalty> = {},
): ProposedPenalty => ({ kind: 'FINE', amountYuan, provisionId, target: 'PARTY', ...extra });

const penalty = (
  provisionId: string,
  kind: PenaltyKind,
  target: PenaltyTarget = 'PARTY',
): ProposedPenalty => ({
  kind,
  provisionId,
  target,
});

/** The other penalties the provision makes mandatory on the party, so a range test sees only the fine. */
function companions(p: PenaltyProvision): ProposedPenalty[] {
  const kinds = new Set<PenaltyKind>(
    p.partySanctions
      .filter((s) => s.mandatory && s.kind !== 'FINE' && s.kind !== 'CONFISCATION_OF_ILLEGAL_GAINS')
      .map((s) => s.kind),
  );
  for (const group of p.requireOneOf ?? []) {
    if (!group.includes('FINE') && !group.some((k) => kinds.has(k))) {
      kinds.add(group[0]!);
    }
  }
  return [...kinds].map((k) => penalty(p.id, k));
}

const codes = (penalties: readonly ProposedPenalty[], ctx: PenaltyCheckContext): string[] =>
  checkProposedPenalties(penalties, ctx, SEED).map((v) => v.code);

// [provision id, target, minimum, maximum] — the statutory frame from the reference tables.
const FIXED_RANGES: readonly [string, PenaltyTarget, number, number][] = [
  // PIPL (§2)
  ['PIPL-66-1-REFUSAL', 'PARTY', 0, 1_000_000],
  ['PIPL-66-1-REFUSAL', 'RESPONSIBLE_PERSON', 10_000, 100_000],
  ['PIPL-66-2', 'RESPONSIBLE_PERSON', 100_000, 1_000_000],
  // CSL 2016 (§3)
  ['CSL2016-59-1-REFUSAL', 'PARTY', 10_000, 100_000],
  ['CSL2016-59-1-REFUSAL', 'RESPONSIBLE_PERSON', 5_000, 50_000],
  ['CSL2016-59-2-REFUSAL', 'PARTY', 100_000, 1_000_000],
  ['CSL2016-60-REFUSAL', 'PARTY', 50_000, 500_000],
  ['CSL2016-61', 'PARTY', 50_000, 500_000],
  ['CSL2016-62-REFUSAL', 'PARTY', 10_000, 100_000],
  ['CSL2016-62-REFUSAL', 'RESPONSIBLE_PERSON', 5_000, 50_000],
  ['CSL2016-66', 'PARTY', 50_000, 500_000],
  ['CSL2016-68-1-REFUSAL', 'PARTY', 100_000, 500_000],
  ['CSL2016-69', 'PARTY', 50_000, 500_000],
  // CSL 2025 (§4)
  ['CSL2025-61-1', 'PARTY', 10_000, 50_000],
  ['CSL2025-61-1-REFUSAL', 'PARTY', 50_000, 500_000],
  ['CSL2025-61-1-REFUSAL', 'RESPONSIBLE_PERSON', 10_000, 100_000],
  ['CSL2025-61-2', 'PARTY', 50_000, 100_000],
  ['CSL2025-61-2-REFUSAL', 'PARTY', 100_000, 1_000_000],
  ['CSL2025-61-3-SERIOUS', 'PARTY', 500_000, 2_000_000],
  ['CSL2025-61-3-SERIOUS', 'RESPONSIBLE_PERSON', 50_000, 200_000],
  ['CSL2025-61-3-ESPECIALLY-SERIOUS', 'PARTY', 2_000_000, 10_000_000],
  ['CSL2025-61-3-ESPECIALLY-SERIOUS', 'RESPONSIBLE_PERSON', 200_000, 1_000_000],
  ['CSL2025-62-1-REFUSAL', 'PARTY', 50_000, 500_000],
  ['CSL2025-64', 'PARTY', 50_000, 500_000],
  ['CSL2025-65-1-REFUSAL', 'PARTY', 100_000, 1_000_000],
  ['CSL2025-69-1', 'PARTY', 50_000, 500_000],
  ['CSL2025-69-1-REFUSAL', 'PARTY', 500_000, 2_000_000],
  ['CSL2025-69-1-REFUSAL', 'RESPONSIBLE_PERSON', 50_000, 200_000],
  ['CSL2025-69-2', 'PARTY', 2_000_000, 10_000_000],
  ['CSL2025-70', 'PARTY', 50_000, 500_000],
  // DSL (§5)
  ['DSL-45-1', 'PARTY', 50_000, 500_000],
  ['DSL-45-1-REFUSAL', 'PARTY', 500_000, 2_000_000],
  ['DSL-45-2', 'PARTY', 2_000_000, 10_000_000],
  ['DSL-46', 'PARTY', 100_000, 1_000_000],
  ['DSL-46-SERIOUS', 'PARTY', 1_000_000, 10_000_000],
  ['DSL-46-SERIOUS', 'RESPONSIBLE_PERSON', 100_000, 1_000_000],
  ['DSL-48-1', 'PARTY', 50_000, 500_000],
  ['DSL-48-2-SERIOUS', 'PARTY', 1_000_000, 5_000_000],
  // Minors' Online Protection Regulation (§6)
  ['MINORS_REG-53', 'PARTY', 50_000, 500_000],
  ['MINORS_REG-54-1-REFUSAL', 'PARTY', 0, 1_000_000],
  ['MINORS_REG-55', 'PARTY', 0, 100_000],
  // Network Data Security Management Regulations (§7)
  ['NDSR-55-REFUSAL', 'PARTY', 0, 1_000_000],
  ['NDSR-56', 'PARTY', 100_000, 1_000_000],
  ['NDSR-56-REFUSAL', 'PARTY', 1_000_000, 10_000_000],
  ['NDSR-57-REFUSAL', 'PARTY', 500_000, 2_000_000],
  ['NDSR-57-REFUSAL', 'RESPONSIBLE_PERSON', 50_000, 200_000],
  // CAC rules (§9)
  ['ALGO_PROV-31-REFUSAL', 'PARTY', 10_000, 100_000],
  ['ALGO_PROV-33-1-SERIOUS', 'PARTY', 10_000, 100_000],
  ['NEWS_PROV-22', 'PARTY', 10_000, 30_000],
  ['NEWS_PROV-24-REFUSAL', 'PARTY', 5_000, 30_000],
  ['NEWS_PROV-25-REFUSAL', 'PARTY', 20_000, 30_000],
];

describe('fixed ranges: at the minimum, at the maximum, one yuan over (bounds inclusive, reference §0)', () => {
  const withCompanions = (
    p: PenaltyProvision,
    target: PenaltyTarget,
    amount: number,
  ): ProposedPenalty[] => {
    const basis =
      p.id === 'PIPL-66-2' || p.id === 'MINORS_REG-54-2' ? { fineBasis: 'FIXED' as const } : {};
    const f = fine(p.id, amount, { target, ...basis });
    return target === 'PARTY' ? [f, ...companions(p)] : [f];
  };

  it.each(FIXED_RANGES)('%s %s: %i – %i', (id, target, min, max) => {
    const p = get(id);
    const ctx = ctxFor(p);
    if (min > 0) {
      expect(codes(withCompanions(p, target, min), ctx)).toEqual([]);
      expect(codes(withCompanions(p, target, min - 1), ctx)).toEqual(['FINE_BELOW_MINIMUM']);
    } else {
      expect(codes(withCompanions(p, target, 1), ctx)).toEqual([]);
    }
    expect(codes(withCompanions(p, target, max), ctx)).toEqual([]);
    expect(codes(withCompanions(p, target, max + 1), ctx)).toEqual(['FINE_ABOVE_MAXIMUM']);
  });

  it('PIPL art. 66(2) fixed cap: ¥50,000,000 passes, ¥50,000,001 is refused with the range in details', () => {
    expect(codes([fine('PIPL-66-2', 50_000_000, { fineBasis: 'FIXED' })], CTX_2025)).toEqual([]);
    const [v] = checkProposedPenalties(
      [fine('PIPL-66-2', 50_000_001, { fineBasis: 'FIXED' })],
      CTX_2025,
      SEED,
    );
    expect(v).toMatchObject({
      code: 'FINE_ABOVE_MAXIMUM',
      details: {
        provisionId: 'PIPL-66-2',
        amountYuan: 50_000_001,
        minYuan: 0,
        maxYuan: 50_000_000,
        basis: 'FIXED',
      },
    });
    expect(v?.message).toContain('50,000,001元');
    expect(v?.message).toContain('《中华人民共和国个人信息保护法》（2021年）第六十六条第二款');
    expect(v?.legalBasis).toContainEqual(apl(4));
  });

  it('the fine must be a positive amount', () => {
    expect(codes([fine('CSL2016-69', 0)], CTX_2025)).toEqual(['FINE_AMOUNT_INVALID']);
    expect(codes([fine('CSL2016-69', undefined)], CTX_2025)).toEqual(['FINE_AMOUNT_INVALID']);
    expect(codes([fine('CSL2016-69', Number.NaN)], CTX_2025)).toEqual(['FINE_AMOUNT_INVALID']);
  });
});

describe('multiples of illegal gains (违法所得…倍)', () => {
  const confiscation = (id: string): ProposedPenalty =>
    penalty(id, 'CONFISCATION_OF_ILLEGAL_GAINS');

  it('CSL 2016 art. 64(1): gains ¥30,000 → 1×–10× = ¥30,000 – ¥300,000', () => {
    const ctx = { ...CTX_2025, illegalGains: 30_000 };
    const with_ = (amount: number) => [fine('CSL2016-64-1', amount), confiscation('CSL2016-64-1')];
    expect(codes(with_(30_000), ctx)).toEqual([]);
    expect(codes(with_(300_000), ctx)).toEqual([]);
    expect(codes(with_(300_001), ctx)).toEqual(['FINE_ABOVE_MAXIMUM']);
    expect(codes(with_(29_999), ctx)).toEqual(['FINE_BELOW_MINIMUM']);
    const [v] = checkProposedPenalties(with_(300_001), ctx, SEED);
    expect(v?.details).toMatchObject({
      basis: 'MULTIPLE_OF_ILLEGAL_GAINS',
      illegalGains: 30_000,
      minYuan: 30_000,
      maxYuan: 300_000,
    });
  });

  it('CSL 2016 art. 64(1): no illegal gains → up to ¥1,000,000', () => {
    expect(codes([fine('CSL2016-64-1', 1_000_000)], CTX_2025)).toEqual([]);
    expect(codes([fine('CSL2016-64-1', 1_000_001)], CTX_2025)).toEqual(['FINE_ABOVE_MAXIMUM']);
  });

  it('CSL 2016 art. 64(1): the gains amount must be recorded before the branch can be chosen', () => {
    const ctx = { ...CTX_2025, illegalGains: undefined };
    expect(codes([fine('CSL2016-64-1', 50_000)], ctx)).toEqual(['ILLEGAL_GAINS_AMOUNT_REQUIRED']);
  });

  it('DSL art. 47: gains ¥100,000 or more → 1×–10×; below ¥100,000 → ¥100,000 – ¥1,000,000', () => {
    const at = (gains: number, amount: number) =>
      codes([fine('DSL-47', amount), confiscation('DSL-47')], { ...CTX_2025, illegalGains: gains });
    expect(at(100_000, 1_000_000)).toEqual([]);
    expect(at(100_000, 1_000_001)).toEqual(['FINE_ABOVE_MAXIMUM']);
    expect(at(100_000, 99_999)).toEqual(['FINE_BELOW_MINIMUM']);
    expect(at(99_999, 100_000)).toEqual([]);
    expect(at(99_999, 99_999)).toEqual(['FINE_BELOW_MINIMUM']);
    expect(at(99_999, 1_000_001)).toEqual(['FINE_ABOVE_MAXIMUM']);
  });

  it('Minors Reg. art. 56: gains ¥1,000,000 → ¥1m – ¥10m; gains ¥999,999 → ¥100,000 – ¥1,000,000', () => {
    const at = (gains: number, amount: number) =>
      codes(
        [
          fine('MINORS_REG-56', amount),
          penalty('MINORS_REG-56', 'WARNING'),
          confiscation('MINORS_REG-56'),
        ],
        {
          ...CTX_2025,
          illegalGains: gains,
        },
      );
    expect(at(1_000_000, 10_000_000)).toEqual([]);
    expect(at(1_000_000, 10_000_001)).toEqual(['FINE_ABOVE_MAXIMUM']);
    expect(at(999_999, 1_000_000)).toEqual([]);
    expect(at(999_999, 1_000_001)).toEqual(['FINE_ABOVE_MAXIMUM']);
  });

  it('CSL 2025 art. 63: gains ¥100,000 → 1×–5×; no gains → ¥20,000 – ¥100,000', () => {
    const at = (gains: number, amount: number) =>
      codes(
        [fine('CSL2025-63', amount), penalty('CSL2025-63', 'WARNING'), confiscation('CSL2025-63')],
        { ...CTX_2026, illegalGains: gains },
      );
    expect(at(100_000, 500_000)).toEqual([]);
    expect(at(100_000, 500_001)).toEqual(['FINE_ABOVE_MAXIMUM']);
    expect(codes([fine('CSL2025-63', 19_999), penalty('CSL2025-63', 'WARNING')], CTX_2026)).toEqual(
      ['FINE_BELOW_MINIMUM'],
    );
    expect(
      codes([fine('CSL2025-63', 100_000), penalty('CSL2025-63', 'WARNING')], CTX_2026),
    ).toEqual([]);
  });

  it('CSL 2016 art. 65: 1×–10× the procurement amount, which must be recorded', () => {
    const ctx = { ...CTX_2025, procurementAmount: 200_000 };
    expect(codes([fine('CSL2016-65', 2_000_000)], ctx)).toEqual([]);
    expect(codes([fine('CSL2016-65', 2_000_001)], ctx)).toEqual(['FINE_ABOVE_MAXIMUM']);
    expect(codes([fine('CSL2016-65', 199_999)], ctx)).toEqual(['FINE_BELOW_MINIMUM']);
    expect(codes([fine('CSL2016-65', 200_000)], CTX_2025)).toEqual(['PROCUREMENT_AMOUNT_REQUIRED']);
  });
});

describe('percentage of prior-year turnover (PIPL art. 66(2): 上一年度营业额百分之五以下)', () => {
  const turnover = (over: Partial<ProposedPenalty> = {}) =>
    fine('PIPL-66-2', 100_000_000, { fineBasis: 'PERCENT_OF_PRIOR_YEAR_TURNOVER', ...over });

  it('turnover ¥2,000,000,000 → cap ¥100,000,000; one yuan over is refused', () => {
    const ctx = { ...CTX_2025, priorYearTurnover: 2_000_000_000 };
    expect(codes([turnover()], ctx)).toEqual([]);
    expect(codes([turnover({ amountYuan: 100_000_001 })], ctx)).toEqual(['FINE_ABOVE_MAXIMUM']);
  });

  it('the cap is rounded down to the fen: 5% of ¥123,456,789.99 is ¥6,172,839.49', () => {
    const ctx = { ...CTX_2025, priorYearTurnover: 123_456_789.99 };
    expect(codes([turnover({ amountYuan: 6_172_839.49 })], ctx)).toEqual([]);
    expect(codes([turnover({ amountYuan: 6_172_839.5 })], ctx)).toEqual(['FINE_ABOVE_MAXIMUM']);
  });

  it('requires the turnover when the officer chooses the turnover basis', () => {
    expect(codes([turnover()], CTX_2025)).toEqual(['TURNOVER_REQUIRED']);
  });

  it('requires the officer to record which of the two alternative caps the fine rests on', () => {
    const ctx = { ...CTX_2025, priorYearTurnover: 2_000_000_000 };
    expect(codes([fine('PIPL-66-2', 1_000_000)], ctx)).toEqual(['FINE_BASIS_REQUIRED']);
    expect(
      codes([fine('PIPL-66-2', 1_000_000, { fineBasis: 'MULTIPLE_OF_ILLEGAL_GAINS' })], ctx),
    ).toEqual(['FINE_BASIS_NOT_ALLOWED']);
  });

  it('Minors Reg. art. 54(2) has the same alternative caps', () => {
    const ctx = { ...CTX_2025, priorYearTurnover: 1_000_000_000 };
    const f = (amountYuan: number) =>
      fine('MINORS_REG-54-2', amountYuan, { fineBasis: 'PERCENT_OF_PRIOR_YEAR_TURNOVER' });
    expect(codes([f(50_000_000)], ctx)).toEqual([]);
    expect(codes([f(50_000_001)], ctx)).toEqual(['FINE_ABOVE_MAXIMUM']);
  });
});

describe('office level (PIPL art. 66(2): 省级以上履行个人信息保护职责的部门)', () => {
  const serious = [fine('PIPL-66-2', 5_000_000, { fineBasis: 'FIXED' as const })];

  it('refuses the provincial-level tier imposed by a county office', () => {
    const [v, ...rest] = checkProposedPenalties(
      serious,
      { ...CTX_2025, officeLevel: 'COUNTY' },
      SEED,
    );
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      code: 'PROVISION_REQUIRES_HIGHER_OFFICE_LEVEL',
      details: { provisionId: 'PIPL-66-2', requiredLevel: 'PROVINCIAL', officeLevel: 'COUNTY' },
    });
    expect(v?.message).toContain('省级以上');
    expect(v?.legalBasis).toContainEqual(apl(23));
  });

  it('refuses it from a municipal office, allows it from provincial and national offices', () => {
    expect(codes(serious, { ...CTX_2025, officeLevel: 'MUNICIPAL' })).toEqual([
      'PROVISION_REQUIRES_HIGHER_OFFICE_LEVEL',
    ]);
    expect(codes(serious, { ...CTX_2025, officeLevel: 'PROVINCIAL' })).toEqual([]);
    expect(codes(serious, { ...CTX_2025, officeLevel: 'NATIONAL' })).toEqual([]);
  });

  it('lets a county office impose the basic tier of PIPL art. 66(1)', () => {
    expect(
      codes([penalty('PIPL-66-1', 'WARNING')], { ...CTX_2025, officeLevel: 'COUNTY' }),
    ).toEqual([]);
  });

  it('Minors Reg. art. 54(2) and AlgoProv art. 33(1) are refused to a county / municipal office', () => {
    const minors = [fine('MINORS_REG-54-2', 1_000_000, { fineBasis: 'FIXED' })];
    expect(codes(minors, { ...CTX_2025, officeLevel: 'COUNTY' })).toEqual([
      'PROVISION_REQUIRES_HIGHER_OFFICE_LEVEL',
    ]);
    const algo = [penalty('ALGO_PROV-33-1', 'WARNING')];
    expect(codes(algo, { ...CTX_2025, officeLevel: 'MUNICIPAL' })).toEqual([
      'PROVISION_REQUIRES_HIGHER_OFFICE_LEVEL',
    ]);
  });
});

describe('penalty kinds allowed by the provision', () => {
  it('PIPL art. 66(2) has no warning', () => {
    const [v] = checkProposedPenalties(
      [penalty('PIPL-66-2', 'WARNING'), fine('PIPL-66-2', 1_000_000, { fineBasis: 'FIXED' })],
      CTX_2025,
      SEED,
    );
    expect(v).toMatchObject({
      code: 'PENALTY_KIND_NOT_ALLOWED_BY_PROVISION',
      details: { kind: 'WARNING', target: 'PARTY' },
    });
  });

  it('CSL 2016 art. 59(1) basic tier has no fine and points to the refusal tier', () => {
    const [v, ...rest] = checkProposedPenalties(
      [penalty('CSL2016-59-1', 'WARNING'), fine('CSL2016-59-1', 20_000)],
      CTX_2025,
      SEED,
    );
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      code: 'PENALTY_KIND_NOT_ALLOWED_BY_PROVISION',
      details: { otherTiersAllowingKind: ['CSL2016-59-1-REFUSAL'] },
    });
  });

  it('DSL art. 45(1) aggravated tier does not allow closing a website', () => {
    expect(
      codes(
        [fine('DSL-45-1-REFUSAL', 600_000), penalty('DSL-45-1-REFUSAL', 'ORDER_TO_CLOSE')],
        CTX_2025,
      ),
    ).toEqual(['PENALTY_KIND_NOT_ALLOWED_BY_PROVISION']);
  });

  it('CSL 2025 art. 63 sets no fine on the responsible persons', () => {
    const drp = fine('CSL2025-63', 20_000, { target: 'RESPONSIBLE_PERSON' });
    expect(codes([drp], CTX_2026)).toEqual(['PENALTY_KIND_NOT_ALLOWED_BY_PROVISION']);
  });

  it('a natural-person party has no responsible persons to fine', () => {
    const drp = fine('CSL2016-69', 20_000, { target: 'RESPONSIBLE_PERSON' });
    expect(codes([drp], { ...CTX_2025, partyKind: 'NATURAL_PERSON' })).toEqual([
      'RESPONSIBLE_PERSON_REQUIRES_ORGANIZATION',
    ]);
  });
});

describe('mandatory penalties (应当) and mitigation', () => {
  it('CSL 2016 art. 59(1) refusal tier: the fine is mandatory', () => {
    const [v] = checkProposedPenalties(
      [penalty('CSL2016-59-1-REFUSAL', 'WARNING')],
      CTX_2025,
      SEED,
    );
    expect(v).toMatchObject({ code: 'MANDATORY_PENALTY_MISSING', details: { kind: 'FINE' } });
  });

  it('CSL 2025 art. 69(2): one of suspension, rectification, closure or revocation must be ordered', () => {
    expect(codes([fine('CSL2025-69-2', 3_000_000)], CTX_2026)).toEqual([
      'MANDATORY_PENALTY_MISSING',
    ]);
    expect(
      codes([fine('CSL2025-69-2', 3_000_000), penalty('CSL2025-69-2', 'ORDER_TO_CLOSE')], CTX_2026),
    ).toEqual([]);
  });

  it('CSL 2016 art. 64(1) 单处或者并处: a warning alone is enough', () => {
    expect(codes([penalty('CSL2016-64-1', 'WARNING')], CTX_2025)).toEqual([]);
  });

  it('APL art. 32 减轻: below the minimum and without the mandatory kind is accepted, above the maximum never', () => {
    const mitigated: PenaltyCheckContext = {
      ...CTX_2025,
      discretion: { tier: 'MITIGATED', grounds: ['APL_32_1_HARM_ELIMINATED'] },
    };
    expect(codes([fine('CSL2016-59-2-REFUSAL', 50_000)], mitigated)).toEqual([]);
    expect(codes([penalty('CSL2016-59-2-REFUSAL', 'WARNING')], mitigated)).toEqual([]);
    expect(codes([fine('CSL2016-59-2-REFUSAL', 1_000_001)], mitigated)).toEqual([
      'FINE_ABOVE_MAXIMUM',
    ]);
  });

  it('APL art. 32 减轻 without a ground that allows it: below the minimum is refused', () => {
    for (const discretion of [
      { tier: 'MITIGATED' as const, grounds: [] },
      { tier: 'MITIGATED' as const, grounds: ['BENCHMARK_LIGHTER_CIRCUMSTANCE' as const] },
      { tier: 'LIGHTER' as const, grounds: ['APL_32_1_HARM_ELIMINATED' as const] },
    ]) {
      expect(codes([fine('CSL2016-59-2-REFUSAL', 50_000)], { ...CTX_2025, discretion })).toEqual([
        'FINE_BELOW_MINIMUM',
      ]);
      expect(
        codes([penalty('CSL2016-59-2-REFUSAL', 'WARNING')], { ...CTX_2025, discretion }),
      ).toEqual(['MANDATORY_PENALTY_MISSING']);
    }
  });

  it('APL art. 34 从轻/从重: a benchmark that splits the range keeps 从轻 in the lower part and 从重 in the upper part', () => {
    // CSL 2016 art. 59(2) refusal tier: 100,000–1,000,000 yuan; a benchmark splitting at 30 % / 70 %.
    const benchmark = {
      id: 'TEST-SPLIT',
      title: '《某省网信部门行政处罚裁量基准》',
      validFrom: localDate('2025-01-01'),
      legalBasis: [apl(34)],
      status: 'U' as const,
      source: 'test',
      rangeSplit: { lighterUpTo: 0.3, heavierFrom: 0.7 },
    };
    const lighter: PenaltyCheckContext = {
      ...CTX_2025,
      benchmark,
      discretion: { tier: 'LIGHTER', grounds: ['APL_32_1_HARM_ELIMINATED'] },
    };
    expect(codes([fine('CSL2016-59-2-REFUSAL', 370_000)], lighter)).toEqual([]);
    const [above] = checkProposedPenalties([fine('CSL2016-59-2-REFUSAL', 370_001)], lighter, SEED);
    expect(above).toMatchObject({
      code: 'FINE_ABOVE_LIGHTER_PART',
      details: { limitYuan: 370_000, benchmarkId: 'TEST-SPLIT' },
    });
    const heavier: PenaltyCheckContext = {
      ...lighter,
      discretion: { tier: 'HEAVIER', grounds: ['BENCHMARK_HEAVIER_CIRCUMSTANCE'] },
    };
    expect(codes([fine('CSL2016-59-2-REFUSAL', 730_000)], heavier)).toEqual([]);
    expect(codes([fine('CSL2016-59-2-REFUSAL', 729_999)], heavier)).toEqual([
      'FINE_BELOW_HEAVIER_PART',
    ]);
    // Without a split (the CAC 2025 benchmark as far as it was read), any amount in the range.
    expect(
      codes([fine('CSL2016-59-2-REFUSAL', 999_000)], { ...lighter, benchmark: undefined }),
    ).toEqual([]);
  });

  it('APL art. 29: one act breaching CSL 2016 art. 64(1) and PIPL art. 66 is fined under the provision with the higher fine', () => {
    // Illegal gains of 200,000 yuan: CSL 2016 64(1) allows up to 10× = 2,000,000 yuan, PIPL 66(1)
    // (refusal tier) up to 1,000,000 yuan.
    const ctx: PenaltyCheckContext = {
      ...CTX_2025,
      illegalGains: 200_000,
      concurrentProvisionIds: ['CSL2016-64-1'],
    };
    const lines = [
      fine('PIPL-66-1-REFUSAL', 800_000),
      penalty('PIPL-66-1-REFUSAL', 'CONFISCATION_OF_ILLEGAL_GAINS'),
    ];
    const [v, ...rest] = checkProposedPenalties(lines, ctx, SEED);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      code: 'HIGHER_FINE_PROVISION_GOVERNS',
      details: {
        provisionId: 'PIPL-66-1-REFUSAL',
        governingProvisionId: 'CSL2016-64-1',
        maxYuan: 1_000_000,
        governingMaxYuan: 2_000_000,
      },
    });
    expect(v!.legalBasis[0]).toEqual(apl(29));
    // The fine under the governing provision passes, with PIPL 66 named as concurrent.
    expect(
      codes(
        [fine('CSL2016-64-1', 800_000), penalty('CSL2016-64-1', 'CONFISCATION_OF_ILLEGAL_GAINS')],
        { ...ctx, concurrentProvisionIds: ['PIPL-66-1-REFUSAL'] },
      ),
    ).toEqual([]);
    // Without illegal gains both cap at 1,000,000 yuan: neither is higher, both are lawful.
    expect(codes([fine('PIPL-66-1-REFUSAL', 800_000)], { ...ctx, illegalGains: 0 })).toEqual([]);
  });

  it('APL art. 29: the serious tier of PIPL art. 66(2) governs over CSL 2016 art. 64(1)', () => {
    const ctx: PenaltyCheckContext = {
      ...CTX_2025,
      concurrentProvisionIds: ['PIPL-66-2'],
    };
    const [v] = checkProposedPenalties([fine('CSL2016-64-1', 900_000)], ctx, SEED);
    expect(v).toMatchObject({
      code: 'HIGHER_FINE_PROVISION_GOVERNS',
      details: { governingProvisionId: 'PIPL-66-2', governingMaxYuan: 50_000_000 },
    });
    expect(
      codes([fine('CSL2016-64-1', 900_000)], { ...ctx, concurrentProvisionIds: ['NO-SUCH-ROW'] }),
    ).toEqual(['PROVISION_NOT_FOUND']);
  });

  it('APL art. 29: the fine each provision allows for this case decides — 10× the recorded illegal gains (CSL 2016 art. 64(1)) against 50,000,000 yuan or 5% of the recorded turnover (PIPL art. 66(2))', () => {
    // Gains of 20,000,000 yuan: CSL 2016 64(1) allows up to 200,000,000; PIPL 66(2) allows the
    // higher of 50,000,000 and 5% of a 400,000,000 turnover (20,000,000), so 50,000,000.
    const ctx: PenaltyCheckContext = {
      ...CTX_2025,
      illegalGains: 20_000_000,
      priorYearTurnover: 400_000_000,
      concurrentProvisionIds: ['CSL2016-64-1'],
    };
    const underPipl = [
      fine('PIPL-66-2', 40_000_000, { fineBasis: 'FIXED' }),
      penalty('PIPL-66-2', 'CONFISCATION_OF_ILLEGAL_GAINS'),
    ];
    const [v, ...rest] = checkProposedPenalties(underPipl, ctx, SEED);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      code: 'HIGHER_FINE_PROVISION_GOVERNS',
      details: {
        provisionId: 'PIPL-66-2',
        governingProvisionId: 'CSL2016-64-1',
        maxYuan: 50_000_000,
        governingMaxYuan: 200_000_000,
      },
    });
    // The refusal shows the comparison: each option worked out from the case's facts.
    expect(v!.message).toContain('违法所得20,000,000元的10倍，即200,000,000元');
    expect(v!.message).toContain('上一年度营业额400,000,000元的5%，即20,000,000元');
    expect(v!.details!['comparison']).toEqual([
      expect.objectContaining({ provisionId: 'PIPL-66-2', maxYuan: 50_000_000, missing: [] }),
      expect.objectContaining({ provisionId: 'CSL2016-64-1', maxYuan: 200_000_000, missing: [] }),
    ]);
    // A turnover of 10,000,000,000 yuan: 5% is 500,000,000, above 10× the gains, so PIPL 66(2)
    // governs and the fine under CSL 2016 64(1) is the one refused.
    const bigTurnover = { ...ctx, priorYearTurnover: 10_000_000_000 };
    expect(codes(underPipl, bigTurnover)).toEqual([]);
    const [w] = checkProposedPenalties(
      [fine('CSL2016-64-1', 150_000_000), penalty('CSL2016-64-1', 'CONFISCATION_OF_ILLEGAL_GAINS')],
      { ...bigTurnover, concurrentProvisionIds: ['PIPL-66-2'] },
      SEED,
    );
    expect(w).toMatchObject({
      code: 'HIGHER_FINE_PROVISION_GOVERNS',
      details: { governingProvisionId: 'PIPL-66-2', governingMaxYuan: 500_000_000 },
    });
  });

  it('APL art. 29: where the comparison turns on illegal gains or turnover not recorded, they are asked for (FINE_COMPARISON_FACTS_REQUIRED), not guessed', () => {
    const underPipl = [
      fine('PIPL-66-2', 40_000_000, { fineBasis: 'FIXED' }),
      penalty('PIPL-66-2', 'CONFISCATION_OF_ILLEGAL_GAINS'),
    ];
    // Gains not recorded: CSL 2016 64(1) may allow 10× gains, above PIPL 66(2)'s 50,000,000 or not.
    const noGains: PenaltyCheckContext = {
      ...CTX_2025,
      illegalGains: undefined,
      priorYearTurnover: 400_000_000,
      concurrentProvisionIds: ['CSL2016-64-1'],
    };
    const [v, ...rest] = checkProposedPenalties(underPipl, noGains, SEED);
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      code: 'FINE_COMPARISON_FACTS_REQUIRED',
      details: {
        provisionId: 'PIPL-66-2',
        concurrentProvisionIds: ['CSL2016-64-1'],
        missing: ['illegalGains'],
        missingFields: ['illegalGainsYuan'],
      },
    });
    expect(v!.message).toContain('须先认定违法所得金额');
    expect(v!.legalBasis[0]).toEqual(apl(29));
    // Turnover not recorded: PIPL 66(2) allows at least 50,000,000, possibly 5% of the turnover,
    // which could pass CSL 2016 64(1)'s 10× gains of 20,000,000 (200,000,000).
    const csl = [
      fine('CSL2016-64-1', 150_000_000),
      penalty('CSL2016-64-1', 'CONFISCATION_OF_ILLEGAL_GAINS'),
    ];
    const noTurnover: PenaltyCheckContext = {
      ...CTX_2025,
      illegalGains: 20_000_000,
      concurrentProvisionIds: ['PIPL-66-2'],
    };
    const [w] = checkProposedPenalties(csl, noTurnover, SEED);
    expect(w).toMatchObject({
      code: 'FINE_COMPARISON_FACTS_REQUIRED',
      details: { missing: ['priorYearTurnover'], missingFields: ['priorYearTurnoverYuan'] },
    });
    expect(w!.message).toContain('须先认定上一年度营业额');
    // Where the order is certain without the fact, nothing is asked: gains of 100,000 yuan cap
    // CSL 2016 64(1) at 1,000,000, below PIPL 66(2)'s 50,000,000 whatever the turnover.
    expect(
      codes(
        [fine('CSL2016-64-1', 900_000), penalty('CSL2016-64-1', 'CONFISCATION_OF_ILLEGAL_GAINS')],
        { ...noTurnover, illegalGains: 100_000 },
      ),
    ).toEqual(['HIGHER_FINE_PROVISION_GOVERNS']);
  });

  it('APL art. 28(2): illegal gains must be confiscated, even where the article omits it', () => {
    const ctx = { ...CTX_2025, illegalGains: 5_000 };
    const [v] = checkProposedPenalties([penalty('PIPL-66-1', 'WARNING')], ctx, SEED);
    expect(v).toMatchObject({
      code: 'MANDATORY_PENALTY_MISSING',
      details: { kind: 'CONFISCATION_OF_ILLEGAL_GAINS' },
    });
    expect(v?.legalBasis).toContainEqual(apl(28, 2));
    expect(v?.legalBasis).toContainEqual(expect.objectContaining({ article: 66, paragraph: 1 }));
    expect(
      codes([penalty('PIPL-66-1', 'WARNING')], { ...ctx, illegalGainsRefundable: true }),
    ).toEqual([]);
    // CSL 2025 art. 69 dropped the confiscation wording; confiscation is still allowed and required.
    const csl69 = [
      penalty('CSL2025-69-1', 'WARNING'),
      penalty('CSL2025-69-1', 'CIRCULATED_CRITICISM'),
      penalty('CSL2025-69-1', 'CONFISCATION_OF_ILLEGAL_GAINS'),
    ];
    expect(codes(csl69, { ...CTX_2026, illegalGains: 5_000 })).toEqual([]);
  });
});

describe('provisions that are no CAC basis, and unverified rows', () => {
  it('CSL 2016 art. 63 is public security only', () => {
    const [v] = checkProposedPenalties([fine('CSL2016-63', 100_000)], CTX_2025, SEED);
    expect(v?.code).toBe('PROVISION_NOT_A_CAC_PENALTY_BASIS');
    expect(v?.message).toContain('公安机关');
  });

  it('CSL 2025 art. 71(1)(ii) is a referral: cite PIPL art. 66 instead', () => {
    expect(codes([fine('CSL2025-71-1-2', 100_000)], CTX_2026)).toEqual([
      'PROVISION_NOT_A_CAC_PENALTY_BASIS',
    ]);
  });

  it('ISP Measures art. 22 names the telecom administration; its range is still checked', () => {
    expect(codes([fine('ISP_MEASURES-22', 50_001)], CTX_2025)).toEqual([
      'PROVISION_NOT_A_CAC_PENALTY_BASIS',
      'FINE_ABOVE_MAXIMUM',
    ]);
  });

  it('EcoProv "art. 37" (article number U) is refused until verified; NewsProv art. 22 (P) is not', () => {
    expect(codes([penalty('ECO_PROV-37', 'WARNING')], CTX_2025)).toEqual(['PROVISION_UNVERIFIED']);
    expect(codes([fine('NEWS_PROV-22', 30_000)], CTX_2025)).toEqual([]);
  });

  it('an unknown provision id is refused', () => {
    expect(codes([fine('CSL2016-99', 10_000)], CTX_2025)).toEqual(['PROVISION_NOT_FOUND']);
  });
});

describe('several violations at once', () => {
  it('reports every unmet rule of a county office over-reaching, never only the first', () => {
    const penalties: ProposedPenalty[] = [
      penalty('PIPL-66-2', 'WARNING'),
      fine('PIPL-66-2', 60_000_000, { fineBasis: 'FIXED' }),
      fine('PIPL-66-2', 50_000, { target: 'RESPONSIBLE_PERSON' }),
      fine('CSL2016-99', 10_000),
      fine('CSL2016-59-1-REFUSAL', 200_000),
    ];
    const result = checkProposedPenalties(
      penalties,
      { ...CTX_2025, officeLevel: 'COUNTY', illegalGains: 10_000 },
      SEED,
    );
    expect(result.map((v) => v.code)).toEqual([
      'PROVISION_REQUIRES_HIGHER_OFFICE_LEVEL',
      'PENALTY_KIND_NOT_ALLOWED_BY_PROVISION',
      'FINE_ABOVE_MAXIMUM',
      'FINE_BELOW_MINIMUM',
      'PROVISION_NOT_FOUND',
      'FINE_ABOVE_MAXIMUM',
      'MANDATORY_PENALTY_MISSING',
    ]);
    for (const v of result) {
      expect(v.legalBasis.length, v.code).toBeGreaterThan(0);
      expect(v.message, v.code).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(result[3]?.details).toMatchObject({
      target: 'RESPONSIBLE_PERSON',
      minYuan: 100_000,
      amountYuan: 50_000,
    });
  });
});

describe('formatYuan', () => {
  it('groups thousands and keeps fen', () => {
    expect(formatYuan(1_000_001)).toBe('1,000,001元');
    expect(formatYuan(6_172_839.5)).toBe('6,172,839.50元');
    expect(formatYuan(500)).toBe('500元');
  });
});

describe('APL art. 28(1): the 拒不改正 tier needs a served correction order found not complied with (E2)', () => {
  const noOrder: PenaltyCheckContext = { ...CTX_2026, correctionOrderUnmet: false };

  it('APL art. 28(1), CSL 2025 art. 61(1): a refusal-tier fine without an unmet order is refused, citing both', () => {
    const [v, ...rest] = checkProposedPenalties(
      [{ kind: 'FINE', amountYuan: 100_000, provisionId: 'CSL2025-61-1-REFUSAL', target: 'PARTY' }],
      noOrder,
      SEED,
    );
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      code: 'REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER',
      details: { provisionId: 'CSL2025-61-1-REFUSAL', otherGround: '导致危害网络安全等后果' },
    });
    expect(v!.message).toContain('拒不改正或者导致危害网络安全等后果的');
    expect(v!.legalBasis.map((b) => [b.law, b.article, b.paragraph])).toEqual([
      ['中华人民共和国行政处罚法', 28, 1],
      ['中华人民共和国网络安全法', 61, 1],
    ]);
  });

  it('APL art. 28(1): the same fine passes once an order served on the party was found not complied with', () => {
    expect(
      checkProposedPenalties(
        [
          {
            kind: 'FINE',
            amountYuan: 100_000,
            provisionId: 'CSL2025-61-1-REFUSAL',
            target: 'PARTY',
          },
        ],
        { ...noOrder, correctionOrderUnmet: true },
        SEED,
      ),
    ).toEqual([]);
  });

  it('CSL 2025 art. 61(1) 拒不改正或者导致危害网络安全等后果: the stated harm ground opens the tier without an order', () => {
    expect(
      checkProposedPenalties(
        [
          {
            kind: 'FINE',
            amountYuan: 100_000,
            provisionId: 'CSL2025-61-1-REFUSAL',
            target: 'PARTY',
            refusalTierOtherGround:
              '未履行安全保护义务导致用户数据被非法获取，造成危害网络安全的后果',
          },
        ],
        noOrder,
        SEED,
      ),
    ).toEqual([]);
  });

  it('PIPL art. 66(1) 拒不改正的: a refusal-only tier is not opened by another ground', () => {
    expect(refusalTierOtherGround(get('PIPL-66-1-REFUSAL'))).toBeUndefined();
    const codes = checkProposedPenalties(
      [
        {
          kind: 'FINE',
          amountYuan: 100_000,
          provisionId: 'PIPL-66-1-REFUSAL',
          target: 'PARTY',
          refusalTierOtherGround: '情节严重',
        },
      ],
      noOrder,
      SEED,
    ).map((v) => v.code);
    expect(codes).toContain('REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER');
  });

  it('DSL art. 45(1), NDSR art. 55: the other ground is read from the tier wording', () => {
    expect(refusalTierOtherGround(get('DSL-45-1-REFUSAL'))).toBe('造成大量数据泄露等严重后果');
    expect(refusalTierOtherGround(get('NDSR-55-REFUSAL'))).toBe('情节严重');
  });

  it('APL art. 28(1): the base tier needs no order', () => {
    expect(
      checkProposedPenalties(
        [{ kind: 'WARNING', provisionId: 'CSL2025-61-1', target: 'PARTY' }],
        noOrder,
        SEED,
      ).map((v) => v.code),
    ).not.toContain('REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER');
  });
});
