import { PROCEDURE_ACTIONS, type ProcedureAction } from '../procedure/procedure-action.js';
import { graphqlEnum } from './enums.js';

/** The Chinese name of each procedural action (each is the mutation of the same name). */
export const PROCEDURE_ACTION_NAMES: Readonly<Record<ProcedureAction, string>> = {
  registerCaseSource: '登记案件来源',
  decideDocketing: '立案 / 不予立案',
  cancelDocketing: '撤销立案',
  resumeReturnedCase: '司法机关不予立案、撤销案件、不起诉或者免予刑事处罚后退回的案件重新办理',
  transferCase: '移送管辖 / 移送司法机关 / 报请指定管辖',
  applyForRecusal: '申请回避',
  decideRecusal: '回避决定',
  recordEvidence: '收集、调取证据',
  recordInquiry: '询问笔录',
  recordInspection: '检查、勘验笔录',
  preserveEvidence: '先行登记保存',
  handlePreservedEvidence: '先行登记保存处理决定',
  orderCorrection: '责令改正',
  recordCorrectionReview: '复查改正情况',
  imposeCompulsoryMeasure: '查封、扣押',
  extendCompulsoryMeasure: '延长查封、扣押期限',
  releaseCompulsoryMeasure: '解除查封、扣押',
  ratifyEmergencyMeasure: '当场实施查封、扣押后补办批准手续',
  recordTestingPeriod: '检测、检验、检疫或者技术鉴定期间（不计入查封、扣押期间）',
  issuePrePenaltyNotice: '行政处罚事先告知',
  recordStatement: '陈述、申辩',
  reviewStatement: '复核陈述、申辩意见',
  waiveRights: '明确放弃陈述、申辩、听证权利',
  requestHearing: '要求听证',
  scheduleHearing: '通知听证',
  recordHearing: '听证笔录',
  submitLegalReview: '提交法制审核',
  completeLegalReview: '法制审核意见',
  recordCollectiveDiscussion: '负责人集体讨论',
  extendTimeLimit: '延长立案期限 / 办案期限',
  suspendCase: '中止案件调查',
  resumeCase: '恢复案件调查',
  decideCase: '作出处理决定',
  imposeSummaryPenalty: '当场处罚（简易程序）',
  serveDocument: '送达（送达回证）',
  recordPayment: '缴纳罚款',
  applyForDeferral: '申请延期或者分期缴纳罚款',
  decidePaymentArrangement: '延期或者分期缴纳罚款审批',
  recordReconsideration: '行政复议（申请、决定）',
  recordLitigation: '行政诉讼（起诉、裁判）',
  issueEnforcementDemand: '催告',
  applyForCourtEnforcement: '申请人民法院强制执行',
  recordCourtRuling: '人民法院执行裁定、执行结果',
  applyForRulingReview: '对人民法院不予执行的裁定申请复议',
  recordComplaint: '记录申诉、检举',
  handleComplaint: '处理申诉、检举',
  revokeDecision: '撤销行政处罚决定',
  changeDecision: '变更行政处罚决定',
  recordRefund: '记录退还款项',
  closeCase: '结案',
};

export const ProcedureActionEnum = graphqlEnum<ProcedureAction>(
  PROCEDURE_ACTIONS,
  'ProcedureAction',
  '程序操作（ProcedureAction）：每个值即同名的 mutation',
  PROCEDURE_ACTION_NAMES,
);

/** What a case event records: a procedural action, or one of the acts on a case outside them. */
export const CASE_EVENT_ACTIONS = [
  ...PROCEDURE_ACTIONS,
  'generateDocument',
  'correctDocument',
  'recomputeDeadlineOnCalendarLoad',
] as const;
export type CaseEventAction = (typeof CASE_EVENT_ACTIONS)[number];

export const CaseEventActionEnum = graphqlEnum<CaseEventAction>(
  CASE_EVENT_ACTIONS,
  'CaseEventAction',
  '全过程记录的操作（CaseEventAction）：程序操作（同名 mutation），或者文书的制作、补正以及节假日安排载入后重算期限',
  {
    ...PROCEDURE_ACTION_NAMES,
    generateDocument: '制作执法文书（generateDocument）',
    correctDocument: '补正（更正）执法文书（correctDocument）',
    recomputeDeadlineOnCalendarLoad: '载入节假日安排后重算期限（recomputeDeadlineOnCalendarLoad）',
  },
);
