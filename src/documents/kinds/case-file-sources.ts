/**
 * Source sections of the kinds that complete the 案卷 (SAMR 2021 model forms 8, 17, 31, 35, 38,
 * 41, 43, 47, 51, 54–56 and the 陈述申辩复核意见). Optional on CaseDocumentSource: only the step
 * or the caller that produces such a document supplies its section.
 */
import type { LocalDate } from '../../procedure/local-date.js';
import type { ApprovalSource, DocumentReferenceSource, Yuan } from './case-document-source.js';

/** 案件调查终结报告 (SAMR 35): the handlers' report that closes the investigation. */
export interface InvestigationReportSource {
  /** 案件来源及调查经过 */
  readonly course: string;
  /** 违法行为的性质（定性） */
  readonly nature: string;
  /** 处理意见及依据 */
  readonly proposal: string;
  /** 从重、从轻、减轻等裁量情节 */
  readonly discretion: string | null;
  readonly reportedOn: LocalDate;
}

/**
 * 行政处罚决定审批表 (SAMR 43) and 行政处罚案件有关事项审批表 (SAMR 8): the head's written approval,
 * kept in the file as proof of the 「经本机关负责人批准」 the documents recite.
 */
export interface ApprovalFormSource {
  /** 审批事项, e.g. 先行登记保存证据 / 延长办案期限; for the decision form: 行政处罚决定. */
  readonly matter: string;
  /** 事项内容、理由及依据 */
  readonly content: string;
  readonly handlerOpinion: ApprovalSource;
  readonly departmentOpinion: ApprovalSource | null;
  readonly headOpinion: ApprovalSource | null;
}

/** 陈述申辩笔录 (SAMR 38): an oral statement and defence, recorded (APL art. 45). */
export interface StatementRecordSource {
  readonly date: LocalDate;
  readonly startTime: string;
  readonly endTime: string;
  readonly place: string;
  /** Who states: the party, its legal representative or an agent. */
  readonly statedBy: string;
  readonly statedByRole: string;
  readonly recorder: string;
  /** The statement and defence, paragraph by paragraph. */
  readonly content: readonly string[];
}

/** 陈述申辩复核意见: the handlers' review of the party's statement (APL art. 45(1)). */
export interface StatementReviewSource {
  readonly receivedOn: LocalDate;
  readonly summary: string;
  readonly review: string;
  readonly adopted: boolean;
  readonly reviewedOn: LocalDate;
}

/** 听证报告 (SAMR 41): the presider's report to the head after the hearing (APL art. 65). */
export interface HearingReportSource {
  readonly hearingOn: LocalDate;
  readonly presidingOfficer: string;
  /** 听证认定的事实和证据 */
  readonly findings: string;
  /** 当事人的主要陈述、申辩和质证意见 */
  readonly partyArguments: string;
  /** 主持人的处理意见和建议 */
  readonly recommendation: string;
  readonly reportedOn: LocalDate;
}

/** 延期（分期）缴纳罚款决定书 (SAMR 47, APL art. 66(2)). */
export interface PaymentArrangementSource {
  readonly decisionNumber: string;
  readonly decisionDate: LocalDate;
  readonly kind: 'DEFERRAL' | 'INSTALMENTS';
  readonly appliedOn: LocalDate;
  readonly approved: boolean;
  readonly fineYuan: Yuan;
  /** The approved schedule: one entry for a deferral. */
  readonly schedule: readonly { readonly dueOn: LocalDate; readonly amountYuan: Yuan }[];
  readonly rejectionReason: string | null;
}

/** 行政处罚文书送达公告 (SAMR 51): service by public notice (CPL art. 95, APL art. 61). */
export interface ServicePublicNoticeSource {
  readonly documents: readonly DocumentReferenceSource[];
  /** 受送达人下落不明 / 其他方式无法送达 */
  readonly reason: string;
  readonly medium: string;
  readonly publishedOn: LocalDate;
  /** 自公告发布之日起经过的日数，视为送达 */
  readonly periodDays: number;
  /** Where the party collects the documents. */
  readonly collectionPlace: string;
}

/** 检测（检验、检疫、鉴定）期间告知书 (SAMR 31, Compulsion Law art. 25(3)). */
export interface TestingPeriodSource {
  readonly seizureNumber: string;
  /** 检测 / 检验 / 检疫 / 鉴定 */
  readonly testingKind: string;
  readonly items: string;
  readonly institution: string;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
}

/** 协助调查函 (SAMR 17): asks another body or a platform for data or facts. */
export interface AssistanceRequestSource {
  readonly addressee: string;
  readonly matters: readonly string[];
  readonly replyBy: LocalDate;
}

/** One entry of the 卷内文件目录. */
export interface CaseFileEntrySource {
  readonly title: string;
  readonly number: string | null;
  readonly date: LocalDate;
  /** First page of the document in the volume. */
  readonly firstPage: number;
  readonly lastPage: number;
  readonly note: string | null;
}

/** 卷宗封面, 卷内文件目录, 卷内备考表 (SAMR 54–56): the file's own sheets. */
export interface CaseFileSource {
  readonly closedOn: LocalDate | null;
  readonly result: string;
  readonly retention: string;
  readonly entries: readonly CaseFileEntrySource[];
  readonly pageCount: number;
  /** 备考表: what the filer notes about the volume (corrections, missing originals…). */
  readonly remarks: string;
  readonly compiledBy: string;
  readonly checkedBy: string | null;
  readonly compiledOn: LocalDate;
}

/**
 * The 送达回证 made with a document to be served, before the service: what will be served and
 * where; the recipient writes the rest (签收人, signature, the date and time received: CPL art. 87).
 */
export interface BlankServiceReceiptSource {
  readonly documents: readonly { readonly title: string; readonly number: string | null }[];
  readonly address: string;
}

/** The optional sections above, as CaseDocumentSource carries them. */
export interface CaseFileSections {
  readonly investigationReport?: InvestigationReportSource | null;
  readonly approvalForm?: ApprovalFormSource | null;
  readonly statementRecord?: StatementRecordSource | null;
  readonly statementReview?: StatementReviewSource | null;
  readonly hearingReport?: HearingReportSource | null;
  readonly paymentArrangement?: PaymentArrangementSource | null;
  readonly servicePublicNotice?: ServicePublicNoticeSource | null;
  readonly testingPeriod?: TestingPeriodSource | null;
  readonly assistanceRequest?: AssistanceRequestSource | null;
  readonly caseFile?: CaseFileSource | null;
  readonly correction?: DocumentCorrectionSource | null;
  readonly blankServiceReceipt?: BlankServiceReceiptSource | null;
}

/** 文书补正（更正）通知书: what a correction changed in an issued document, and who approved it. */
export interface DocumentCorrectionSource {
  readonly corrected: {
    readonly title: string;
    readonly number: string | null;
    readonly version: number;
    readonly issuedOn: LocalDate;
  };
  readonly newVersion: number;
  /** 补正 (omission supplied) or 更正 (error corrected). */
  readonly kind: 'SUPPLEMENT' | 'CORRECTION';
  readonly reason: string;
  readonly approver: string;
  readonly changes: readonly {
    readonly item: string;
    readonly before: string;
    readonly after: string;
  }[];
}
