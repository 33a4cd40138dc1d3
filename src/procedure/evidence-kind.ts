/**
 * Statutory kinds of evidence (证据种类). Values match src/schema/enums.ts EVIDENCE_KINDS.
 * Legal basis: 《中华人民共和国行政处罚法》第四十六条第一款 (V).
 */
export const EVIDENCE_KINDS = [
  'DOCUMENTARY', // 书证
  'PHYSICAL', // 物证
  'AUDIOVISUAL', // 视听资料
  'ELECTRONIC_DATA', // 电子数据
  'WITNESS_TESTIMONY', // 证人证言
  'PARTY_STATEMENT', // 当事人的陈述
  'EXPERT_OPINION', // 鉴定意见
  'INSPECTION_RECORD', // 勘验笔录、现场笔录
] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/** The statutory name of each kind, as documents print it and the API describes it. */
export const EVIDENCE_KIND_NAMES: Record<EvidenceKind, string> = {
  DOCUMENTARY: '书证',
  PHYSICAL: '物证',
  AUDIOVISUAL: '视听资料',
  ELECTRONIC_DATA: '电子数据',
  WITNESS_TESTIMONY: '证人证言',
  PARTY_STATEMENT: '当事人的陈述',
  EXPERT_OPINION: '鉴定意见',
  INSPECTION_RECORD: '勘验笔录、现场笔录',
};

export function isEvidenceKind(value: string): value is EvidenceKind {
  return (EVIDENCE_KINDS as readonly string[]).includes(value);
}
