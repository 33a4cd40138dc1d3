/**
 * Kinds of administrative penalty (行政处罚的种类).
 * Legal basis: 《中华人民共和国行政处罚法》第九条 (V). Administrative detention (行政拘留)
 * is left out on purpose: cyberspace offices cannot impose it.
 */
export const PENALTY_KINDS = [
  'WARNING', // 警告
  'CIRCULATED_CRITICISM', // 通报批评
  'FINE', // 罚款
  'CONFISCATION_OF_ILLEGAL_GAINS', // 没收违法所得
  'CONFISCATION_OF_ILLEGAL_PROPERTY', // 没收非法财物
  'SUSPENSION_OF_PERMIT', // 暂扣许可证件
  'LOWERING_OF_QUALIFICATION', // 降低资质等级
  'REVOCATION_OF_PERMIT', // 吊销许可证件
  'RESTRICTION_OF_BUSINESS_ACTIVITIES', // 限制开展生产经营活动
  'ORDER_TO_SUSPEND_BUSINESS', // 责令停产停业
  'ORDER_TO_CLOSE', // 责令关闭
  'RESTRICTION_OF_PRACTICE', // 限制从业
  'OTHER_BY_LAW', // 法律、行政法规规定的其他行政处罚
] as const;

export type PenaltyKind = (typeof PENALTY_KINDS)[number];

export const PENALTY_KIND_NAMES: Record<PenaltyKind, string> = {
  WARNING: '警告',
  CIRCULATED_CRITICISM: '通报批评',
  FINE: '罚款',
  CONFISCATION_OF_ILLEGAL_GAINS: '没收违法所得',
  CONFISCATION_OF_ILLEGAL_PROPERTY: '没收非法财物',
  SUSPENSION_OF_PERMIT: '暂扣许可证件',
  LOWERING_OF_QUALIFICATION: '降低资质等级',
  REVOCATION_OF_PERMIT: '吊销许可证件',
  RESTRICTION_OF_BUSINESS_ACTIVITIES: '限制开展生产经营活动',
  ORDER_TO_SUSPEND_BUSINESS: '责令停产停业',
  ORDER_TO_CLOSE: '责令关闭',
  RESTRICTION_OF_PRACTICE: '限制从业',
  OTHER_BY_LAW: '法律、行政法规规定的其他行政处罚',
};
