/**
 * Effects a transition asks the command layer to carry out: deadlines to start,
 * extend, pause, resume or stop (computed there with the working-day calendar and
 * stored on the case), and documents that become due. The engine executes none.
 * Legal basis: 《中华人民共和国行政处罚法》第四十七条 (full-process record), 第八十五条 (day counting) (V).
 */
import type { DeadlineKind } from './case-snapshot.js';
import type { PeriodParameterKey } from './rulebook.js';

/**
 * Which date a deadline counts from:
 * ACTION_DATE the date of the act itself; RECEIVED_ON input.receivedOn (case source);
 * SERVED_ON input.servedOn (pre-penalty notice); STARTED_ON input.startedOn (preservation, seizure);
 * DEEMED_SERVED_ON input.deemedServedOn (serveDocument: the date the law deems the document served);
 * DECIDED_ON input.decidedOn (reconsideration decision or judgment);
 * REMEDY_PERIODS_LAPSE_ON input.remedyPeriodsLapseOn (issueEnforcementDemand: last day of the
 * remedy periods, from which the 3 months to apply to the court run).
 */
export type DeadlineTrigger =
  | 'ACTION_DATE'
  | 'RECEIVED_ON'
  | 'SERVED_ON'
  | 'STARTED_ON'
  | 'DEEMED_SERVED_ON'
  | 'DECIDED_ON'
  | 'REMEDY_PERIODS_LAPSE_ON';

/** The input field each trigger reads (ACTION_DATE: the act date of the transition). */
export const DEADLINE_TRIGGER_FIELDS = {
  ACTION_DATE: null,
  RECEIVED_ON: 'receivedOn',
  SERVED_ON: 'servedOn',
  STARTED_ON: 'startedOn',
  DEEMED_SERVED_ON: 'deemedServedOn',
  DECIDED_ON: 'decidedOn',
  REMEDY_PERIODS_LAPSE_ON: 'remedyPeriodsLapseOn',
} as const satisfies Record<DeadlineTrigger, string | null>;

export const DOCUMENT_KINDS = [
  'CASE_SOURCE_REGISTER', // 案件来源登记表
  'DOCKETING_APPROVAL_FORM', // 立案审批表
  'NOT_DOCKETING_APPROVAL_FORM', // 不予立案审批表
  'NOT_DOCKETED_NOTICE_TO_COMPLAINANT', // 不予立案告知（具名投诉人、举报人）
  'NOT_DOCKETED_NOTICE_TO_TRANSFERRING_AUTHORITY', // 不予立案书面告知移送部门
  'DOCKETING_CANCELLATION_APPROVAL_FORM', // 撤销立案审批表
  'CASE_TRANSFER_LETTER', // 案件移送函
  'JUDICIAL_TRANSFER_LETTER', // 涉嫌犯罪案件移送书
  'SEIZED_ITEMS_TRANSFER_NOTICE', // 查封扣押财物移交书面告知
  'DESIGNATED_JURISDICTION_REQUEST', // 指定管辖请示
  'RECUSAL_APPLICATION_RECORD', // 回避申请记录
  'RECUSAL_DECISION', // 回避决定书
  'EVIDENCE_COLLECTION_RECORD', // 证据提取单
  'INQUIRY_TRANSCRIPT', // 询问笔录
  'INSPECTION_TRANSCRIPT', // 检查（勘验）笔录
  'PRESERVATION_NOTICE_AND_LIST', // 先行登记保存通知书及清单
  'PRESERVATION_HANDLING_DECISION', // 先行登记保存处理决定书
  'SEIZURE_DECISION_AND_LIST', // 查封（扣押）决定书及清单
  'SEIZURE_EXTENSION_NOTICE', // 延长查封（扣押）期限决定书
  'SEIZURE_RELEASE_DECISION', // 解除查封（扣押）决定书
  'PRE_PENALTY_NOTICE', // 行政处罚事先告知书
  'STATEMENT_RECORD', // 陈述、申辩笔录
  'STATEMENT_REVIEW_OPINION', // 陈述、申辩复核意见
  'RIGHTS_WAIVER_STATEMENT', // 放弃权利声明
  'HEARING_NOTICE', // 听证通知书
  'HEARING_RECORD', // 听证笔录
  'LEGAL_REVIEW_REQUEST', // 法制审核送审材料
  'LEGAL_REVIEW_OPINION', // 法制审核意见书
  'COLLECTIVE_DISCUSSION_MINUTES', // 集体讨论记录
  'TIME_LIMIT_EXTENSION_APPROVAL', // 延长期限审批表
  'SUSPENSION_APPROVAL', // 中止调查审批表
  'RESUMPTION_APPROVAL', // 恢复调查审批表
  'PENALTY_DECISION', // 行政处罚决定书
  'NO_PENALTY_DECISION', // 不予行政处罚决定书
  'ON_THE_SPOT_PENALTY_DECISION', // 当场行政处罚决定书
  'ON_THE_SPOT_FILING_RECORD', // 当场处罚备案
  'CORRECTION_ORDER', // 责令改正通知书
  'CORRECTION_REVIEW_OPINION', // 复查意见书
  'INTERVIEW_RECORD', // 约谈笔录（约谈，不属于行政处罚）
  'DECISION_REVOCATION_OR_CHANGE', // 撤销（变更）行政处罚决定书
  'SERVICE_RECEIPT', // 送达回证
  'ENFORCEMENT_DEMAND', // 催告书
  'COURT_ENFORCEMENT_APPLICATION', // 强制执行申请书
  'CASE_CLOSING_APPROVAL_FORM', // 结案审批表
  'SERVICE_ADDRESS_CONFIRMATION', // 送达地址确认书
  'INVESTIGATION_REPORT', // 案件调查终结报告
  'PENALTY_DECISION_APPROVAL_FORM', // 行政处罚决定审批表
  'MATTER_APPROVAL_FORM', // 行政处罚案件有关事项审批表
  'HEARING_REPORT', // 听证报告
  'PAYMENT_ARRANGEMENT_DECISION', // 延期（分期）缴纳罚款决定书
  'SERVICE_PUBLIC_NOTICE', // 行政处罚文书送达公告
  'TESTING_PERIOD_NOTICE', // 检测（检验、检疫、鉴定）期间告知书
  'ASSISTANCE_REQUEST_LETTER', // 协助调查函
  'CORRECTION_NOTICE', // 文书补正（更正）通知书
  'CASE_FILE_COVER', // 卷宗封面
  'CASE_FILE_CONTENTS', // 卷内文件目录
  'CASE_FILE_REMARKS', // 卷内备考表
  'SERVICE_RECEIPT_BLANK', // 送达回证（空白，随送达的文书制作，由受送达人填写签收）
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export type Effect =
  | {
      readonly kind: 'START_DEADLINE';
      readonly deadline: DeadlineKind;
      readonly parameter: PeriodParameterKey;
      readonly trigger: DeadlineTrigger;
    }
  /** Recompute the due date with a longer period (e.g. 延长立案期限): the parameter gives the new length. */
  | {
      readonly kind: 'EXTEND_DEADLINE';
      readonly deadline: DeadlineKind;
      readonly parameter: PeriodParameterKey;
    }
  | { readonly kind: 'PAUSE_DEADLINE'; readonly deadline: DeadlineKind }
  /**
   * Exclude the input's days startsOn-endsOn from a running period (检测期间不计入查封、扣押期间,
   * Compulsion Law art. 25(3)): the due date moves out by the days excluded, each explained.
   */
  | { readonly kind: 'EXCLUDE_FROM_DEADLINE'; readonly deadline: DeadlineKind }
  | { readonly kind: 'RESUME_DEADLINE'; readonly deadline: DeadlineKind }
  | { readonly kind: 'STOP_DEADLINE'; readonly deadline: DeadlineKind }
  | { readonly kind: 'DOCUMENT_DUE'; readonly document: DocumentKind }
  /** Hearing eligibility of the notified penalties (APL art. 63), stored with the notice. */
  | { readonly kind: 'RECORD_HEARING_ELIGIBILITY'; readonly eligible: boolean };

export function startDeadline(
  deadline: DeadlineKind,
  parameter: PeriodParameterKey,
  trigger: DeadlineTrigger,
): Effect {
  return { kind: 'START_DEADLINE', deadline, parameter, trigger };
}

export function stopDeadline(deadline: DeadlineKind): Effect {
  return { kind: 'STOP_DEADLINE', deadline };
}

export function documentDue(document: DocumentKind): Effect {
  return { kind: 'DOCUMENT_DUE', document };
}

/** One-line description for the generated procedure table. */
export function describeEffect(effect: Effect): string {
  switch (effect.kind) {
    case 'START_DEADLINE':
      return `start ${effect.deadline} (${effect.parameter}, from ${effect.trigger})`;
    case 'EXTEND_DEADLINE':
      return `extend ${effect.deadline} (${effect.parameter})`;
    case 'PAUSE_DEADLINE':
      return `pause ${effect.deadline}`;
    case 'EXCLUDE_FROM_DEADLINE':
      return `exclude input.startsOn–endsOn from ${effect.deadline}`;
    case 'RESUME_DEADLINE':
      return `resume ${effect.deadline}`;
    case 'STOP_DEADLINE':
      return `stop ${effect.deadline}`;
    case 'DOCUMENT_DUE':
      return `document ${effect.document}`;
    case 'RECORD_HEARING_ELIGIBILITY':
      return `hearing eligible: ${effect.eligible ? 'yes' : 'no'}`;
  }
}
