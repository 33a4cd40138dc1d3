/**
 * Procedure actions. Each name is the GraphQL mutation that performs it.
 * Legal basis: 《中华人民共和国行政处罚法》第五章 (V); see transitions.ts for the article of each action.
 */
export const PROCEDURE_ACTIONS = [
  'registerCaseSource', // 登记案件来源
  'decideDocketing', // 立案 / 不予立案
  'cancelDocketing', // 撤销立案
  'transferCase', // 移送管辖 / 移送司法机关 / 报请指定管辖
  'resumeReturnedCase', // 司法机关退回的案件重新办理
  'applyForRecusal', // 申请回避
  'decideRecusal', // 回避决定
  'recordEvidence', // 收集、调取证据
  'recordInquiry', // 询问笔录
  'recordInspection', // 检查、勘验笔录
  'preserveEvidence', // 先行登记保存
  'handlePreservedEvidence', // 先行登记保存处理决定
  'imposeCompulsoryMeasure', // 查封、扣押
  'extendCompulsoryMeasure', // 延长查封、扣押期限
  'releaseCompulsoryMeasure', // 解除查封、扣押
  'ratifyEmergencyMeasure', // 当场实施查封、扣押后补办批准手续
  'recordTestingPeriod', // 检测、检验、检疫或者技术鉴定期间
  'orderCorrection', // 责令改正（责令改正通知书）
  'recordCorrectionReview', // 复查改正情况（复查意见书）
  'issuePrePenaltyNotice', // 行政处罚事先告知
  'recordStatement', // 陈述、申辩
  'reviewStatement', // 复核陈述、申辩意见
  'waiveRights', // 明确放弃陈述、申辩、听证权利
  'requestHearing', // 要求听证
  'scheduleHearing', // 通知听证
  'recordHearing', // 听证笔录
  'submitLegalReview', // 提交法制审核
  'completeLegalReview', // 法制审核意见
  'recordCollectiveDiscussion', // 负责人集体讨论
  'extendTimeLimit', // 延长立案期限 / 办案期限
  'suspendCase', // 中止案件调查
  'resumeCase', // 恢复案件调查
  'decideCase', // 作出处理决定
  'imposeSummaryPenalty', // 当场处罚（简易程序）
  'serveDocument', // 送达（送达回证）
  'recordPayment', // 缴纳罚款
  'applyForDeferral', // 申请延期或者分期缴纳罚款
  'decidePaymentArrangement', // 延期或者分期缴纳罚款审批
  'recordReconsideration', // 行政复议（申请、决定）
  'recordLitigation', // 行政诉讼（起诉、裁判）
  'issueEnforcementDemand', // 催告
  'applyForCourtEnforcement', // 申请人民法院强制执行
  'recordCourtRuling', // 人民法院执行裁定、执行结果
  'applyForRulingReview', // 对不予执行裁定申请复议
  'recordComplaint', // 申诉、检举（APL 75(2)）
  'handleComplaint', // 申诉、检举的处理
  'revokeDecision', // 撤销本机关的行政处罚决定（主动改正）
  'changeDecision', // 变更本机关的行政处罚决定（主动改正）
  'recordRefund', // 退还多缴或者撤销后的款项
  'closeCase', // 结案
] as const;
export type ProcedureAction = (typeof PROCEDURE_ACTIONS)[number];
