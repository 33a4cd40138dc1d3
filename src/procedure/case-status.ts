/**
 * Case statuses of the ordinary and summary procedure up to the decision.
 * Legal basis: 《中华人民共和国行政处罚法》第五十一条至第六十五条 (V); 2017 《互联网信息内容管理行政执法程序规定》
 * 第十四条至第十六条 (P) for the case source register and docketing.
 * Service, execution and closure statuses are not modelled yet: DECIDED_* are terminal for now.
 */
export const CASE_STATUSES = [
  'NEW', // not stored: the empty case before its source is registered
  'CASE_SOURCE_REGISTERED', // 案件来源已登记，待核查立案
  'NOT_DOCKETED', // 不予立案
  'INVESTIGATING', // 已立案，调查取证中
  'DOCKETING_CANCELLED', // 撤销立案
  'TRANSFERRED', // 已移送（有管辖权的网信部门或其他行政机关）
  'TRANSFERRED_TO_JUDICIAL_ORGAN', // 涉嫌犯罪，已移送司法机关
  'PRE_PENALTY_NOTICE_SERVED', // 已送达行政处罚事先告知书，陈述申辩期间
  'HEARING_REQUESTED', // 当事人已要求听证
  'HEARING_SCHEDULED', // 听证通知书已送达
  'HEARING_CONCLUDED', // 听证已举行或终止
  'UNDER_LEGAL_REVIEW', // 法制审核中
  'READY_FOR_DECISION', // 法制审核通过，待负责人决定
  'DECIDED_PENALTY', // 已作出行政处罚决定
  'DECIDED_NO_PENALTY', // 已作出不予行政处罚决定
  'SUMMARY_PENALTY_IMPOSED', // 已当场作出行政处罚决定（简易程序）
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const INITIAL_STATUS: CaseStatus = 'NEW';

/** Statuses with no further action in this engine. */
export const TERMINAL_STATUSES: readonly CaseStatus[] = [
  'NOT_DOCKETED',
  'DOCKETING_CANCELLED',
  'TRANSFERRED',
  'TRANSFERRED_TO_JUDICIAL_ORGAN',
  'DECIDED_PENALTY',
  'DECIDED_NO_PENALTY',
  'SUMMARY_PENALTY_IMPOSED',
];

/** Docketed and not yet decided: the 90-day case time limit runs in these statuses. */
export const OPEN_DOCKETED_STATUSES: readonly CaseStatus[] = [
  'INVESTIGATING',
  'PRE_PENALTY_NOTICE_SERVED',
  'HEARING_REQUESTED',
  'HEARING_SCHEDULED',
  'HEARING_CONCLUDED',
  'UNDER_LEGAL_REVIEW',
  'READY_FOR_DECISION',
];

export const CASE_STATUS_NAMES: Record<CaseStatus, string> = {
  NEW: '新建（未登记）',
  CASE_SOURCE_REGISTERED: '案件来源已登记',
  NOT_DOCKETED: '不予立案',
  INVESTIGATING: '立案调查',
  DOCKETING_CANCELLED: '撤销立案',
  TRANSFERRED: '已移送管辖',
  TRANSFERRED_TO_JUDICIAL_ORGAN: '已移送司法机关',
  PRE_PENALTY_NOTICE_SERVED: '已事先告知',
  HEARING_REQUESTED: '已申请听证',
  HEARING_SCHEDULED: '已通知听证',
  HEARING_CONCLUDED: '听证结束',
  UNDER_LEGAL_REVIEW: '法制审核中',
  READY_FOR_DECISION: '待决定',
  DECIDED_PENALTY: '已决定行政处罚',
  DECIDED_NO_PENALTY: '已决定不予行政处罚',
  SUMMARY_PENALTY_IMPOSED: '已当场处罚',
};

export function isTerminalStatus(status: CaseStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
