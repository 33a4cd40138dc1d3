/**
 * The statutory bases on which an office may seal or seize (查封、扣押的法定依据). An administrative
 * organ takes compulsory measures only where a law or regulation grants it the power, within its
 * statutory remit; a cyberspace office holds it only under PIPL art. 63(1)(4), for equipment and
 * articles shown by evidence to be used in unlawful personal-information processing.
 * Legal basis: 《中华人民共和国行政强制法》第十七条第一款、第二十二条 (V);
 * 《中华人民共和国个人信息保护法》第六十三条第一款第（四）项 (V, from 2021-11-01).
 */
import { pipl } from './citations.js';
import type { LegalBasis } from './legal-basis.js';
import type { LawCode } from './provisions/penalty-provision.js';

export const COMPULSORY_MEASURE_BASES = [
  'PIPL_63_1_4', // 个人信息保护法第六十三条第一款第（四）项
] as const;
export type CompulsoryMeasureBasis = (typeof COMPULSORY_MEASURE_BASES)[number];

export const COMPULSORY_MEASURE_BASIS_TEXTS: Record<CompulsoryMeasureBasis, string> = {
  PIPL_63_1_4:
    '《中华人民共和国个人信息保护法》第六十三条第一款第（四）项：对有证据证明是用于违法个人信息处理活动的设备、物品，可以查封或者扣押',
};

/** The article each basis is, as the seizure decision cites it. */
export const COMPULSORY_MEASURE_BASIS_CITATIONS: Record<CompulsoryMeasureBasis, LegalBasis> = {
  PIPL_63_1_4: pipl(63, 1, 4),
};

/** The laws whose violations each basis reaches. */
const LAWS_REACHED: Record<CompulsoryMeasureBasis, readonly LawCode[]> = {
  PIPL_63_1_4: ['PIPL'],
};

/** A provision of the catalog the unlawful act is suspected under (涉嫌违反的规定). */
export interface SuspectedProvision {
  readonly provisionId: string;
  readonly lawCode: LawCode;
}

/**
 * Whether the basis reaches the suspected act: at least one suspected provision belongs to a law
 * the basis serves (for PIPL 63(1)(4): a personal-information case under the PIPL; a content or
 * CSL case is not reached).
 */
export function basisReaches(
  basis: CompulsoryMeasureBasis,
  suspected: readonly SuspectedProvision[],
): boolean {
  return suspected.some((p) => LAWS_REACHED[basis].includes(p.lawCode));
}
