/**
 * Discretion (裁量): the tier a penalty is given in, the statutory grounds that allow the tier,
 * and the discretion benchmark (裁量基准) in force at the decision. A recorded ground, not a flag:
 * 减轻 (below the minimum, or without a mandatory kind) and 从轻 (within the range) need a
 * mitigating ground; 从重 needs an aggravating one; an ordinary penalty (一般处罚) needs none.
 *
 * Legal basis: 《中华人民共和国行政处罚法》第三十条、第三十一条、第三十二条、第三十三条、第三十四条、
 * 第四十九条 (V); 《中华人民共和国网络安全法》(2025) 第七十三条 and 《网络数据安全管理条例》第五十九条
 * (V; both refer to the APL grounds); 《网信部门行政处罚裁量权基准适用规定》 (2025-08-01, P: news
 * summary only, tiers; no article or range split retrieved).
 */
import { apl, type LegalBasis } from './legal-basis.js';
import { compareLocalDates, type LocalDate } from './local-date.js';
import type { RuleViolation } from './rule-violation.js';
import { violation } from './rule-catalog.js';

/** The five tiers of the CAC discretion rules (2025): 不予 / 减轻 / 从轻 / 一般 / 从重. */
export const DISCRETION_TIERS = [
  'NO_PENALTY',
  'MITIGATED',
  'LIGHTER',
  'ORDINARY',
  'HEAVIER',
] as const;
export type DiscretionTier = (typeof DISCRETION_TIERS)[number];

export const DISCRETION_TIER_NAMES: Readonly<Record<DiscretionTier, string>> = {
  NO_PENALTY: '不予处罚',
  MITIGATED: '减轻处罚',
  LIGHTER: '从轻处罚',
  ORDINARY: '一般处罚',
  HEAVIER: '从重处罚',
};

/** How a notice or decision letter says it: 对你单位减轻处罚 / 给予一般处罚. */
export const DISCRETION_TIER_PHRASES: Readonly<Record<DiscretionTier, string>> = {
  NO_PENALTY: '不予处罚',
  MITIGATED: '减轻处罚',
  LIGHTER: '从轻处罚',
  ORDINARY: '在法定幅度内给予一般处罚',
  HEAVIER: '从重处罚',
};

export const DISCRETION_GROUNDS = [
  'APL_30_MINOR_14_TO_18',
  'APL_31_LIMITED_CAPACITY',
  'APL_32_1_HARM_ELIMINATED',
  'APL_32_2_COERCED_OR_INDUCED',
  'APL_32_3_CONFESSED_UNKNOWN_VIOLATION',
  'APL_32_4_MERITORIOUS_SERVICE',
  'APL_32_5_OTHER_STATUTORY',
  'BENCHMARK_LIGHTER_CIRCUMSTANCE',
  'APL_49_EMERGENCY',
  'BENCHMARK_HEAVIER_CIRCUMSTANCE',
] as const;
export type DiscretionGround = (typeof DISCRETION_GROUNDS)[number];

export interface DiscretionGroundTerm {
  /** The statute's words for the circumstance. */
  readonly term: string;
  /** The tiers the ground allows. */
  readonly tiers: readonly DiscretionTier[];
  readonly legalBasis: readonly LegalBasis[];
  readonly status: 'V' | 'P' | 'U';
  readonly note?: string;
}

const CAC_BENCHMARK_2025 = '网信部门行政处罚裁量权基准适用规定';

export const DISCRETION_GROUND_TERMS: Readonly<Record<DiscretionGround, DiscretionGroundTerm>> = {
  APL_30_MINOR_14_TO_18: {
    term: '已满十四周岁不满十八周岁的未成年人有违法行为',
    tiers: ['LIGHTER', 'MITIGATED'],
    legalBasis: [apl(30)],
    status: 'V',
  },
  APL_31_LIMITED_CAPACITY: {
    term: '尚未完全丧失辨认或者控制自己行为能力的精神病人、智力残疾人有违法行为',
    tiers: ['LIGHTER', 'MITIGATED'],
    legalBasis: [apl(31)],
    status: 'V',
  },
  APL_32_1_HARM_ELIMINATED: {
    term: '主动消除或者减轻违法行为危害后果',
    tiers: ['LIGHTER', 'MITIGATED'],
    legalBasis: [apl(32, undefined, 1)],
    status: 'V',
  },
  APL_32_2_COERCED_OR_INDUCED: {
    term: '受他人胁迫或者诱骗实施违法行为',
    tiers: ['LIGHTER', 'MITIGATED'],
    legalBasis: [apl(32, undefined, 2)],
    status: 'V',
  },
  APL_32_3_CONFESSED_UNKNOWN_VIOLATION: {
    term: '主动供述行政机关尚未掌握的违法行为',
    tiers: ['LIGHTER', 'MITIGATED'],
    legalBasis: [apl(32, undefined, 3)],
    status: 'V',
  },
  APL_32_4_MERITORIOUS_SERVICE: {
    term: '配合行政机关查处违法行为有立功表现',
    tiers: ['LIGHTER', 'MITIGATED'],
    legalBasis: [apl(32, undefined, 4)],
    status: 'V',
  },
  APL_32_5_OTHER_STATUTORY: {
    term: '法律、法规、规章规定其他应当从轻或者减轻行政处罚的情形',
    tiers: ['LIGHTER', 'MITIGATED'],
    legalBasis: [apl(32, undefined, 5)],
    status: 'V',
    note: 'The statement must name the law, regulation or rule (e.g. NDSR art. 59).',
  },
  BENCHMARK_LIGHTER_CIRCUMSTANCE: {
    term: '裁量基准规定的从轻处罚情节',
    tiers: ['LIGHTER'],
    legalBasis: [apl(34)],
    status: 'P',
    note: `${CAC_BENCHMARK_2025} (2025) lists circumstances for 从轻 beyond APL art. 32 (news summary, P); they allow 从轻 within the range, never 减轻 below it (APL art. 32 lists the 减轻 grounds).`,
  },
  APL_49_EMERGENCY: {
    term: '发生重大传染病疫情等突发事件，违反突发事件应对措施',
    tiers: ['HEAVIER'],
    legalBasis: [apl(49)],
    status: 'V',
  },
  BENCHMARK_HEAVIER_CIRCUMSTANCE: {
    term: '裁量基准规定的从重处罚情节',
    tiers: ['HEAVIER'],
    legalBasis: [apl(34)],
    status: 'P',
    note: `${CAC_BENCHMARK_2025} (2025): 从重 circumstances (news summary, P; the list itself was not retrieved, U).`,
  },
};

/**
 * A discretion benchmark (裁量基准) version: dated, cited. `rangeSplit` divides a fine range for
 * 从轻 (lower part) and 从重 (upper part) where the benchmark does; null where no split is known.
 */
export interface DiscretionBenchmark {
  readonly id: string;
  readonly title: string;
  readonly validFrom: LocalDate;
  readonly validTo?: LocalDate;
  readonly legalBasis: readonly LegalBasis[];
  readonly status: 'V' | 'P' | 'U';
  readonly source: string;
  /**
   * Share of the range (0–1) from the minimum up to which a 从轻 fine must stay, and from which
   * (counted from the minimum) a 从重 fine must start. Null: the benchmark sets no split.
   */
  readonly rangeSplit: { readonly lighterUpTo: number; readonly heavierFrom: number } | null;
}

export const DISCRETION_BENCHMARKS: readonly DiscretionBenchmark[] = [
  {
    id: 'APL-34-2021',
    title: '《中华人民共和国行政处罚法》第三十四条',
    validFrom: '2021-07-15' as LocalDate,
    validTo: '2025-07-31' as LocalDate,
    legalBasis: [apl(34)],
    status: 'V',
    source:
      'APL art. 34 (V): benchmarks may be set and must be published; no CAC-wide benchmark before 2025-08-01 (docs/legal-sources.md §1 item 8).',
    rangeSplit: null,
  },
  {
    id: 'CAC-DISCRETION-2025',
    title: `《${CAC_BENCHMARK_2025}》`,
    validFrom: '2025-08-01' as LocalDate,
    legalBasis: [apl(34)],
    status: 'P',
    source:
      'CAC, announced 2025-06-27, effective 2025-08-01: five tiers (不予、减轻、从轻、一般、从重), ordinary unless another tier applies; read in a news summary only (P). Whether it splits fine ranges for 从轻/从重 was not retrieved (U): no split is applied.',
    rangeSplit: null,
  },
];

/**
 * The laws that refer their own violations to the APL grounds: CSL (2025) art. 73 and NDSR art. 59
 * (V). A 从轻 or 减轻 decision under one of their provisions cites the referring article too.
 */
export function discretionReferences(
  tier: DiscretionTier,
  provisions: readonly { readonly lawCode: string; readonly validFrom: LocalDate }[],
): LegalBasis[] {
  if (tier !== 'MITIGATED' && tier !== 'LIGHTER') {
    return [];
  }
  const out: LegalBasis[] = [];
  if (
    provisions.some((p) => p.lawCode === 'CSL' && compareLocalDates(p.validFrom, CSL_2025) >= 0)
  ) {
    out.push({ law: '中华人民共和国网络安全法', article: 73, status: 'V' });
  }
  if (provisions.some((p) => p.lawCode === 'NDSR')) {
    out.push({ law: '网络数据安全管理条例', article: 59, status: 'V' });
  }
  return out;
}

const CSL_2025 = '2026-01-01' as LocalDate;

/** The benchmark in force on the decision date (undefined before 2021-07-15). */
export function discretionBenchmarkFor(
  date: LocalDate,
  benchmarks: readonly DiscretionBenchmark[] = DISCRETION_BENCHMARKS,
): DiscretionBenchmark | undefined {
  return benchmarks.find(
    (b) =>
      compareLocalDates(b.validFrom, date) <= 0 &&
      (b.validTo === undefined || compareLocalDates(date, b.validTo) <= 0),
  );
}

/** The catalog rules this module produces (checked with the penalties, outside the engine). */
export const DISCRETION_RULE_CODES = [
  'DISCRETION_GROUND_REQUIRED',
  'DISCRETION_GROUND_NOT_FOR_TIER',
  'DISCRETION_NO_PENALTY_TIER_WITH_PENALTIES',
] as const;

/** The discretion as recorded for a notice or a penalty decision. */
export interface DiscretionRecord {
  readonly tier: DiscretionTier;
  readonly grounds: readonly DiscretionGround[];
  readonly statement?: string;
}

export const ORDINARY_DISCRETION: DiscretionRecord = { tier: 'ORDINARY', grounds: [] };

/** The grounds among the recorded ones that allow the tier. */
export function groundsForTier(record: DiscretionRecord): DiscretionGround[] {
  return record.grounds.filter((g) => DISCRETION_GROUND_TERMS[g].tiers.includes(record.tier));
}

/** 减轻处罚 with a ground that allows it: a fine below the minimum, a mandatory kind omitted. */
export function allowsMitigation(record: DiscretionRecord | undefined): boolean {
  return record?.tier === 'MITIGATED' && groundsForTier(record).length > 0;
}

/**
 * The rules on the record itself, for penalties: a tier other than 一般 needs a ground that allows
 * it, a ground must fit the tier, and 不予处罚 is a NO_PENALTY decision, not a penalty.
 */
export function discretionViolations(record: DiscretionRecord): RuleViolation[] {
  const out: RuleViolation[] = [];
  if (record.tier === 'NO_PENALTY') {
    return [violation('DISCRETION_NO_PENALTY_TIER_WITH_PENALTIES', { tier: record.tier })];
  }
  const misfits = record.grounds.filter(
    (g) => !DISCRETION_GROUND_TERMS[g].tiers.includes(record.tier),
  );
  if (misfits.length > 0) {
    out.push(
      violation('DISCRETION_GROUND_NOT_FOR_TIER', {
        tier: record.tier,
        grounds: misfits,
        allowedTiers: Object.fromEntries(misfits.map((g) => [g, DISCRETION_GROUND_TERMS[g].tiers])),
      }),
    );
  }
  if (record.tier !== 'ORDINARY' && groundsForTier(record).length === 0) {
    out.push(
      violation('DISCRETION_GROUND_REQUIRED', {
        tier: record.tier,
        allowedGrounds: DISCRETION_GROUNDS.filter((g) =>
          DISCRETION_GROUND_TERMS[g].tiers.includes(record.tier),
        ),
      }),
    );
  }
  return out;
}

/** 从轻 / 从重 against a benchmark's split of the range; undefined when in its part or no split. */
export function rangePartViolation(
  tier: DiscretionTier,
  amountFen: number,
  minFen: number,
  maxFen: number,
  benchmark: DiscretionBenchmark | undefined,
): { part: 'LIGHTER' | 'HEAVIER'; limitFen: number } | undefined {
  const split = benchmark?.rangeSplit;
  if (!split || maxFen <= minFen) {
    return undefined;
  }
  if (tier === 'LIGHTER') {
    const limitFen = minFen + Math.floor((maxFen - minFen) * split.lighterUpTo);
    return amountFen > limitFen ? { part: 'LIGHTER', limitFen } : undefined;
  }
  if (tier === 'HEAVIER') {
    const limitFen = minFen + Math.ceil((maxFen - minFen) * split.heavierFrom);
    return amountFen < limitFen ? { part: 'HEAVIER', limitFen } : undefined;
  }
  return undefined;
}
