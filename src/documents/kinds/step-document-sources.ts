/**
 * Source sections of the documents a step declares due and that the officer completes afterwards
 * with generateDocument: the written notice to a transferring authority, the seized-items transfer
 * notice, the request for designated jurisdiction, the recusal application record, the evidence
 * collection slip, the legal-review submission, the extension, suspension and resumption approval
 * forms and the filing record of an on-the-spot penalty. Optional on CaseDocumentSource: only the
 * caller producing such a document supplies its section; a missing one refuses, naming it.
 */
import type { ApprovalSource } from './case-document-source.js';
import type { LocalDate } from '../../procedure/local-date.js';

/** The written approvals every approval form carries (承办人, 承办机构, 负责人). */
export interface ApprovalOpinionsSource {
  readonly handlerOpinion: ApprovalSource;
  readonly departmentOpinion: ApprovalSource | null;
  readonly headOpinion: ApprovalSource | null;
}

/** 不予立案告知书（移送机关）: a case transferred in and not docketed, told to the authority that sent it. */
export interface TransferNotDocketedSource {
  readonly transferringAuthority: string;
  /** The transfer letter's number, when it had one. */
  readonly transferLetterNumber: string | null;
  readonly receivedOn: LocalDate;
  readonly reasons: string;
  /** The head's approval of not docketing. */
  readonly decidedOn: LocalDate;
}

/** 查封、扣押财物移交告知书: the seized property handed over with the case, told to the party. */
export interface SeizedItemsTransferSource {
  readonly seizureNumber: string;
  /** 查封 / 扣押 */
  readonly measure: 'SEAL' | 'SEIZE';
  readonly items: string;
  readonly receivingAuthority: string;
  /** Why the property goes with the case (移送司法机关 / 移送有管辖权的机关). */
  readonly reason: string;
  readonly transferredOn: LocalDate;
}

/** 关于报请指定管辖的请示: a jurisdiction dispute put to the common superior authority. */
export interface DesignatedJurisdictionSource {
  readonly superiorAuthority: string;
  /** The other authority or authorities claiming (or declining) the case. */
  readonly otherAuthorities: string;
  readonly dispute: string;
  readonly proposal: string;
  readonly contactPerson: string;
  readonly contactPhone: string;
}

/** 回避申请记录: an application for recusal, recorded when received (APL art. 43). */
export interface RecusalApplicationSource {
  readonly appliedOn: LocalDate;
  readonly applicant: string;
  readonly applicantRole: string;
  /** 书面 / 口头 */
  readonly form: string;
  readonly respondent: string;
  readonly respondentRole: string;
  readonly grounds: string;
  readonly recorder: string;
}

/** One item of a 证据提取单. */
export interface CollectedItemSource {
  readonly title: string;
  readonly quantity: string;
  readonly description: string;
}

/** 证据提取单: evidence taken from the party or a third person, listed and signed for. */
export interface EvidenceCollectionSource {
  readonly collectedOn: LocalDate;
  readonly place: string;
  readonly providedBy: string;
  /** 复制 / 打印 / 拍照 / 截屏 / 原件 … */
  readonly method: string;
  readonly items: readonly CollectedItemSource[];
}

/** 法制审核送审表: the handlers submit the proposed decision for legal review. */
export interface LegalReviewRequestSource {
  readonly submittedOn: LocalDate;
  /** The office's legal-review body. */
  readonly reviewBody: string;
  /** Why the decision must be reviewed (重大执法决定 …). */
  readonly grounds: string;
  readonly proposal: string;
  readonly materials: readonly string[];
  readonly departmentOpinion: ApprovalSource | null;
}

/** 延长办案期限审批表. */
export interface TimeLimitExtensionSource extends ApprovalOpinionsSource {
  /** 立案期限 / 办案期限 */
  readonly limitName: string;
  readonly originalDeadline: LocalDate;
  readonly extendedTo: LocalDate;
  readonly reason: string;
}

/** 中止案件调查审批表. */
export interface SuspensionApprovalSource extends ApprovalOpinionsSource {
  readonly ground: string;
  readonly suspendedFrom: LocalDate;
}

/** 恢复案件调查审批表. */
export interface ResumptionApprovalSource extends ApprovalOpinionsSource {
  readonly suspendedOn: LocalDate;
  /** How the ground of the suspension went away. */
  readonly groundEliminated: string;
  readonly resumedOn: LocalDate;
}

/** 当场行政处罚决定备案表: an on-the-spot decision reported to the office (APL art. 52(3)). */
export interface OnTheSpotFilingSource {
  readonly decisionNumber: string;
  readonly decidedOn: LocalDate;
  readonly place: string;
  readonly facts: string;
  readonly penalty: string;
  readonly performance: string;
  readonly filedOn: LocalDate;
  readonly receivedBy: string;
}

/** The optional sections above, as CaseDocumentSource carries them. */
/**
 * 约谈 (CSL 2025 art. 58, PIPL art. 64, DSL art. 44): what the 约谈笔录 records. An interview is
 * the office's act, not a case step: only office and document of the source are read with it.
 */
export interface InterviewRecordSource {
  readonly date: LocalDate;
  readonly startTime: string;
  readonly endTime: string;
  readonly place: string;
  /** The basis as cited (the article's text, interview-basis.ts). */
  readonly legalBasisCitation: string;
  /** The officers who held it, with the certificate valid on the day (≥2). */
  readonly officers: readonly { readonly name: string; readonly certificateNumber: string }[];
  readonly party: {
    readonly name: string;
    readonly idNumber: string;
    readonly address: string;
  };
  /** 被约谈人 and their capacity (法定代表人、主要负责人 …). */
  readonly interviewees: readonly { readonly name: string; readonly position: string }[];
  /** 发现的问题（风险、安全事件）and what was required. */
  readonly matters: string;
  /** 整改期限; null when no rectification was required. */
  readonly rectificationDueOn: LocalDate | null;
  /** 被约谈人的陈述. */
  readonly intervieweeStatement: string;
  /** 案号 of the linked case; null for a stand-alone interview. */
  readonly caseNumber: string | null;
}

export interface StepDocumentSections {
  readonly interviewRecord?: InterviewRecordSource | null;
  readonly transferNotDocketed?: TransferNotDocketedSource | null;
  readonly seizedItemsTransfer?: SeizedItemsTransferSource | null;
  readonly designatedJurisdiction?: DesignatedJurisdictionSource | null;
  readonly recusalApplication?: RecusalApplicationSource | null;
  readonly evidenceCollection?: EvidenceCollectionSource | null;
  readonly legalReviewRequest?: LegalReviewRequestSource | null;
  readonly timeLimitExtension?: TimeLimitExtensionSource | null;
  readonly suspensionApproval?: SuspensionApprovalSource | null;
  readonly resumptionApproval?: ResumptionApprovalSource | null;
  readonly onTheSpotFiling?: OnTheSpotFilingSource | null;
}
