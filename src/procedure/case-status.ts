/**
 * Case statuses of the ordinary and summary procedure, from the case source to closure.
 * Legal basis: 《中华人民共和国行政处罚法》第五十一条至第七十三条 (V); 《中华人民共和国行政强制法》
 * 第五十三条至第五十八条 (V) for court enforcement; 2017 《互联网信息内容管理行政执法程序规定》
 * 第十四条至第十六条 (P) for the case source register and docketing; closure (结案) in the CAC 2023
 * rules (P exists, content U). Only CLOSED is terminal: every other end of the procedure
 * (not docketed, transferred, decided, executed …) leads to closure with the head's approval.
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
  'DECISION_SERVED', // 行政处罚决定书已送达，履行期间
  'INSTALMENT_PLAN', // 已批准延期或者分期缴纳罚款
  'ENFORCEMENT_DEMAND_ISSUED', // 已制作催告书（送达后满十个工作日方可申请法院强制执行）
  'COURT_ENFORCEMENT_APPLIED', // 已申请人民法院强制执行
  'ENFORCEMENT_TERMINATED', // 人民法院裁定终结执行
  'EXECUTED', // 执行完毕
  'CLOSED', // 已结案
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const INITIAL_STATUS: CaseStatus = 'NEW';

/** Statuses with no further action: a closed case accepts no procedural step (R-CLS-01). */
export const TERMINAL_STATUSES: readonly CaseStatus[] = ['CLOSED'];

/**
 * The decision has been served (or handed over on the spot) and is being executed: payment,
 * deferral, remedies and compulsory enforcement happen in these statuses (APL arts. 66-73).
 */
export const EXECUTION_STATUSES: readonly CaseStatus[] = [
  'DECISION_SERVED',
  'SUMMARY_PENALTY_IMPOSED',
  'INSTALMENT_PLAN',
  'ENFORCEMENT_DEMAND_ISSUED',
  'COURT_ENFORCEMENT_APPLIED',
];

/** After the decision was served: the party may still seek reconsideration or sue (R-REM-01). */
export const REMEDY_STATUSES: readonly CaseStatus[] = [
  ...EXECUTION_STATUSES,
  'EXECUTED',
  'ENFORCEMENT_TERMINATED',
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
  DECISION_SERVED: '决定书已送达',
  INSTALMENT_PLAN: '延期或分期缴纳',
  ENFORCEMENT_DEMAND_ISSUED: '已催告',
  COURT_ENFORCEMENT_APPLIED: '已申请法院强制执行',
  ENFORCEMENT_TERMINATED: '终结执行',
  EXECUTED: '执行完毕',
  CLOSED: '已结案',
};

export function isTerminalStatus(status: CaseStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}
