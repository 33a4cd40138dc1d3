/**
 * Kinds of party (当事人): 公民 / 法人 / 其他组织. The values match src/schema/enums.ts PARTY_KINDS;
 * the procedure keeps its own copy because it may import nothing outside src/procedure.
 * Legal basis: 《中华人民共和国行政处罚法》第五十一条 (V): the summary-procedure limits and the
 * 较大数额 hearing thresholds differ for 公民 and for 法人或者其他组织.
 */
export const PARTY_KINDS = ['NATURAL_PERSON', 'LEGAL_PERSON', 'OTHER_ORGANIZATION'] as const;
export type PartyKind = (typeof PARTY_KINDS)[number];

/** 法人或者其他组织: the statute groups both under one set of limits. */
export function isOrganization(kind: PartyKind): boolean {
  return kind !== 'NATURAL_PERSON';
}
