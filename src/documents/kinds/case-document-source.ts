/**
 * The one plain input every document builder reads. The command layer fills it from the database
 * (entities → plain data); builders turn it into a per-kind view model; templates print the model.
 *
 * Conventions:
 * - Plain data only: no ORM objects, no Date (dates are LocalDate 'YYYY-MM-DD', times 'HH:mm').
 * - Optional sections are explicit: `null` when they do not apply, never missing. A builder that
 *   needs a section that is null refuses with DOCUMENT_MANDATORY_ELEMENTS_MISSING naming it.
 * - Amounts are yuan, as a decimal string ('50000', '1000000.50') or a number with ≤2 decimals.
 * - Periods are numbers (days, working days, months) so templates print them with chineseNumeral;
 *   they come from the rulebook / configuration, never from template wording.
 * - `parties[0]` is the addressee of the document; one external document is issued per party.
 * - `document` describes the document being generated now (its own number and date).
 */
import type { CaseFileSections } from './case-file-sources.js';
import type { StepDocumentSections } from './step-document-sources.js';
import type {
  PreservationHandling,
  ReleaseGround,
  ServiceRecipientRole,
} from '../../procedure/action-inputs.js';
import type { ClosureGround, ServiceMethod } from '../../procedure/case-snapshot.js';
import type { DiscretionTier } from '../../procedure/discretion.js';
import type { EvidenceKind } from '../../procedure/evidence-kind.js';
import type { LegalBasis } from '../../procedure/legal-basis.js';
import type { LocalDate } from '../../procedure/local-date.js';
import type { NoPenaltyReason } from '../../procedure/no-penalty-ground.js';
import type { PartyKind } from '../../procedure/party-kind.js';
import type { PenaltyKind } from '../../procedure/penalty-kind.js';

/** Same values as src/schema/enums.ts PARTY_ID_TYPES (kept here so documents stay GraphQL-free). */
export type PartyIdType = 'RESIDENT_ID_CARD' | 'UNIFIED_SOCIAL_CREDIT_CODE' | 'PASSPORT' | 'OTHER';

/** An amount of yuan: decimal string (safer) or number with at most two decimals. */
export type Yuan = string | number;

/** 'HH:mm', 24-hour clock. */
export type ClockTime = string;

export interface PaymentChannelSource {
  /** 指定的代收银行, e.g. 中国工商银行北京市分行各营业网点. */
  readonly bankName: string;
  /** 收款人户名 and 账号 when the office prints them; null when the 缴款书 carries them. */
  readonly accountName: string | null;
  readonly accountNumber: string | null;
  /** 电子支付系统 (APL art. 67), e.g. 北京市非税收入电子缴款系统; null if none. */
  readonly electronicChannel: string | null;
}

export interface OfficeSource {
  /** Full name, e.g. 北京市互联网信息办公室. */
  readonly name: string;
  /** Document-number prefix, e.g. 京网信. */
  readonly shortName: string;
  /** Reconsideration organ (复议机关), configured and reviewed per office, e.g. 北京市人民政府. */
  readonly reconsiderationOrgan: string;
  /** Court of first instance for suits against the office, e.g. 北京市西城区人民法院. */
  readonly litigationCourt: string;
  readonly paymentChannel: PaymentChannelSource;
  /** Where statements, hearing requests and materials are submitted. */
  readonly address: string | null;
  readonly postalCode: string | null;
  readonly contact: { readonly person: string; readonly phone: string } | null;
}

export interface PartySource {
  readonly kind: PartyKind;
  /** 姓名或名称 */
  readonly name: string;
  readonly idType: PartyIdType;
  readonly idNumber: string;
  /** 住所（单位）或住址（公民） */
  readonly address: string;
  /** 法定代表人（法人）或负责人（其他组织）; null for natural persons. */
  readonly legalRepresentative: string | null;
  readonly contact: { readonly phone: string | null } | null;
}

export interface HandlerSource {
  readonly name: string;
  /** 执法证号 */
  readonly certificateNumber: string;
}

export interface EvidenceSource {
  readonly kind: EvidenceKind;
  readonly title: string;
  /** 证明内容（证明事项） */
  readonly description: string;
  /** 来源（提供人、提取地点或方式） */
  readonly source: string;
  readonly collectedOn: LocalDate;
}

export interface PenaltySource {
  readonly kind: PenaltyKind;
  /** Money for FINE and confiscations; null for non-monetary penalties. */
  readonly amountYuan: Yuan | null;
  /** Wording beyond kind and amount, e.g. the items confiscated or the service suspended. */
  readonly content: string | null;
  /** The provisions the penalty is imposed under (printed with the citation helper). */
  readonly basis: readonly LegalBasis[];
  /** The provision's wording, quoted in the decision when present (条文内容). */
  readonly provisionText: string | null;
}

export interface RemediesSource {
  readonly reconsiderationOrgan: string;
  /** 《中华人民共和国行政复议法》第二十条: 60. */
  readonly reconsiderationDays: number;
  readonly litigationCourt: string;
  /** 《中华人民共和国行政诉讼法》第四十六条: 6. */
  readonly litigationMonths: number;
  /** 《中华人民共和国行政复议法》第二十二条第二款: the office's internet channel, when configured. */
  readonly onlineChannel?: string | null;
}

export type CaseSourceKind =
  | 'INSPECTION' // 监督检查中发现
  | 'COMPLAINT' // 投诉
  | 'REPORT' // 举报
  | 'ASSIGNED_BY_SUPERIOR' // 上级交办
  | 'REPORTED_BY_SUBORDINATE' // 下级报请
  | 'TRANSFERRED' // 有关部门移送
  | 'MEDIA' // 媒体曝光
  | 'OTHER';

export interface ApprovalSource {
  readonly opinion: string;
  readonly signer: string;
  readonly date: LocalDate;
}

export interface CaseSectionSource {
  /** 案号 */
  readonly number: string;
  /** 案由, e.g. 涉嫌未履行个人信息保护义务 (the template adds 一案/案). */
  readonly cause: string;
  /** One-sentence summary (forms, headers). */
  readonly violationSummary: string;
  /** Facts as found, one paragraph per item. */
  readonly facts: readonly string[];
  readonly registeredOn: LocalDate;
  readonly docketedOn: LocalDate | null;
}

export interface CaseOriginSource {
  readonly kind: CaseSourceKind;
  /** Name when kind is OTHER (else null). */
  readonly otherKindName: string | null;
  readonly receivedOn: LocalDate;
  readonly summary: string;
  /** 投诉人/举报人/移送单位 (kept confidential; printed on the internal form only). */
  readonly reporter: { readonly name: string; readonly contact: string | null } | null;
  readonly registrar: string;
  /** 处理意见 and the approver's decision. */
  readonly handlingProposal: ApprovalSource;
  readonly headApproval: ApprovalSource | null;
}

export interface DocketingSource {
  /** DOCKET: 立案; NOT_DOCKET: 不予立案; CANCEL: 撤销立案. */
  readonly decision: 'DOCKET' | 'NOT_DOCKET' | 'CANCEL';
  /** 立案（不予立案、撤销立案）理由 */
  readonly reasons: string;
  readonly handlerOpinion: ApprovalSource;
  readonly departmentOpinion: ApprovalSource | null;
  readonly headOpinion: ApprovalSource | null;
}

export interface RecusalSource {
  readonly applicant: string;
  /** 当事人 / 委托代理人 / 执法人员自行 … */
  readonly applicantRole: string;
  readonly appliedOn: LocalDate;
  readonly respondent: string;
  /** 案件承办人员 / 听证主持人 … */
  readonly respondentRole: string;
  readonly grounds: string;
  readonly granted: boolean;
  readonly reasons: string;
  /** The head who decided (APL art. 43). */
  readonly decidedBy: string;
  /** Officer replacing the recused one, when granted; else null. */
  readonly replacement: string | null;
}

export interface PersonSource {
  readonly name: string;
  readonly gender: '男' | '女';
  readonly birthDate: LocalDate | null;
  readonly idNumber: string;
  readonly employer: string | null;
  readonly position: string | null;
  readonly phone: string | null;
  readonly address: string;
  /** 与本案关系: 当事人 / 法定代表人 / 员工 / 证人 … */
  readonly relation: string;
}

export interface QuestionAnswerSource {
  readonly question: string;
  readonly answer: string;
}

export interface InquirySource {
  readonly date: LocalDate;
  readonly startTime: ClockTime;
  readonly endTime: ClockTime;
  readonly place: string;
  /** Handler names; certificates come from `handlers`. */
  readonly recorder: string;
  readonly interviewee: PersonSource;
  /** Answers to the fixed opening questions: credentials seen; recusal applied for or not. */
  readonly credentialsAnswer: string;
  readonly recusalAnswer: string;
  readonly questions: readonly QuestionAnswerSource[];
}

export interface ElectronicDataSource {
  readonly description: string;
  /** URL, account or storage medium. */
  readonly location: string;
  readonly method: string;
  readonly fileName: string;
  readonly hashAlgorithm: string;
  readonly hashValue: string;
}

export interface InspectionSource {
  /** ON_SITE: 现场检查笔录; ELECTRONIC_DATA: 电子数据提取 (the same 检查（勘验）笔录 document). */
  readonly kind: 'ON_SITE' | 'ELECTRONIC_DATA';
  readonly date: LocalDate;
  readonly startTime: ClockTime;
  readonly endTime: ClockTime;
  readonly place: string;
  readonly recorder: string;
  /** 当事人到场情况 (who attended, how notified). */
  readonly attendance: string;
  readonly witness: string | null;
  readonly findings: readonly string[];
  readonly electronicData: readonly ElectronicDataSource[];
  /** 当事人陈述、申辩; null if none. */
  readonly partyStatement: string | null;
}

export interface PropertyItemSource {
  readonly name: string;
  readonly specification: string;
  readonly quantity: string;
  readonly note: string | null;
}

export interface PreservationSource {
  readonly approvedBy: string;
  readonly approvedOn: LocalDate;
  readonly startedOn: LocalDate;
  readonly reason: string;
  /** 就地保存 / 异地保存 and where. */
  readonly keepingMethod: string;
  readonly keepingPlace: string;
  /** APL art. 56: 7 (working days, APL art. 85). */
  readonly handlingDays: number;
  readonly items: readonly PropertyItemSource[];
  /** 先行登记保存通知书 文号, once issued; null while that notice is being generated. */
  readonly noticeNumber: string | null;
  /** The handling decision (APL art. 56); null until it is made. */
  readonly handling: PreservationHandlingSource | null;
}

/** 先行登记保存处理决定 (APL art. 56: within 7 working days of the preservation). */
export interface PreservationHandlingSource {
  readonly decidedOn: LocalDate;
  /** Same values as the procedure's handlePreservedEvidence input. */
  readonly handling: PreservationHandling;
  /** The head who approved the decision. */
  readonly approvedBy: string;
  /** What exactly is done (which items, where, by whom), one paragraph; required for OTHER. */
  readonly details: string;
}

export interface SeizureSource {
  readonly measure: 'SEAL' | 'SEIZE';
  readonly reasons: string;
  readonly basis: readonly LegalBasis[];
  readonly place: string;
  readonly startedOn: LocalDate;
  /** Compulsion Law art. 25: at most 30. */
  readonly periodDays: number;
  readonly endsOn: LocalDate;
  readonly custody: string;
  /** The on-site procedure as recorded (Compulsion Law art. 18 items (4)-(9)); absent if not kept. */
  readonly onSite?: string | null;
  readonly listNumber: string;
  readonly items: readonly PropertyItemSource[];
  readonly remedies: RemediesSource;
  /** 查封（扣押）决定书 文号, once issued; null while that decision is being generated. */
  readonly decisionNumber: string | null;
  /** 延长查封（扣押）期限 (Compulsion Law art. 25); null if not extended. */
  readonly extension: SeizureExtensionSource | null;
  /** 解除查封（扣押） (Compulsion Law arts. 27, 28); null while the measure lasts. */
  readonly release: SeizureReleaseSource | null;
}

/** Compulsion Law art. 25: one extension of at most 30 days, head's approval, reasons in writing. */
export interface SeizureExtensionSource {
  /** 情况复杂的具体理由 */
  readonly reason: string;
  readonly approvedBy: string;
  readonly approvedOn: LocalDate;
  /** At most 30. */
  readonly extensionDays: number;
  readonly newEndsOn: LocalDate;
}

/** Compulsion Law art. 28: the ground, and the return of the items. */
export interface SeizureReleaseSource {
  /** Same values as the procedure's releaseCompulsoryMeasure input (art. 28(1) items 1–5). */
  readonly ground: ReleaseGround;
  /** The facts behind the ground, one paragraph. */
  readonly explanation: string;
  readonly releasedOn: LocalDate;
  /** The items released and returned (all, or those the release covers). */
  readonly items: readonly PropertyItemSource[];
  /** When, where and how the items are returned (art. 28(2): immediately). */
  readonly returnArrangement: string;
}

/** The discretion a notice or penalty decision states (tier, grounds, benchmark; APL arts. 30-34). */
export interface DiscretionSource {
  readonly tier: DiscretionTier;
  /** 减轻处罚 / 从轻处罚 / 一般处罚 / 从重处罚 */
  readonly tierName: string;
  /** As the letter says it: 减轻处罚 / 在法定幅度内给予一般处罚 … */
  readonly tierPhrase: string;
  readonly grounds: readonly { readonly term: string; readonly basis: readonly LegalBasis[] }[];
  /** The grounds in one phrase with their citations; null when none (一般处罚). */
  readonly groundsText: string | null;
  /** CSL (2025) art. 73 / NDSR art. 59 where the penalty rests on those laws; null otherwise. */
  readonly referencesText: string | null;
  readonly statement: string | null;
  /** The discretion benchmark in force at the decision (title). */
  readonly benchmark: string;
}

/** What the pre-penalty notice and the decision both state: facts, findings, penalties. */
export interface FindingsSource {
  readonly facts: readonly string[];
  /** Why the conduct is a violation (认定), one paragraph per item. */
  readonly reasons: readonly string[];
  readonly violatedProvisions: readonly LegalBasis[];
  /** The discretion recorded with the penalties; null where nothing is imposed (NO_PENALTY). */
  readonly discretion: DiscretionSource | null;
  /** Empty in a NO_PENALTY decision. */
  readonly penalties: readonly PenaltySource[];
  /** 责令改正 content (APL art. 28); null when none is needed. */
  readonly correction: string | null;
}

export interface NoticeSource extends FindingsSource {
  readonly documentNumber: string;
  readonly issuedOn: LocalDate;
  readonly servedOn: LocalDate | null;
  /** 陈述、申辩期限 (working days; configurable, CAC value unverified). */
  readonly statementDeadlineDays: number;
  readonly hearingEligible: boolean;
  /** APL art. 64(1) + art. 85, CAC: 5 working days. */
  readonly hearingRequestDays: number;
}

export interface HearingRecordSource {
  readonly endTime: ClockTime;
  readonly attendees: readonly { readonly name: string; readonly role: string }[];
  readonly investigators: readonly string[];
  readonly recusalAnswer: string;
  readonly investigatorStatement: string;
  readonly partyDefence: readonly string[];
  readonly crossExamination: string;
  readonly finalStatement: string;
}

export interface HearingSource {
  readonly requestedOn: LocalDate;
  readonly date: LocalDate;
  readonly startTime: ClockTime;
  readonly place: string;
  readonly presidingOfficer: string;
  readonly hearingOfficers: readonly string[];
  readonly recorder: string;
  readonly interpreter: string | null;
  readonly isPublic: boolean;
  /** Why not public (国家秘密、商业秘密或者个人隐私); null when public. */
  readonly nonPublicReason: string | null;
  readonly record: HearingRecordSource | null;
}

export interface StatementSource {
  readonly receivedOn: LocalDate;
  /** 书面 / 口头 */
  readonly channel: string;
  readonly summary: string;
  readonly review: string;
  readonly adoption: 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED';
}

export interface LegalReviewSource {
  readonly reviewer: string;
  /** 法律职业资格证书编号 (APL art. 58 para. 2). */
  readonly reviewerQualification: string;
  readonly submittedOn: LocalDate;
  readonly reviewedOn: LocalDate;
  readonly points: readonly { readonly item: string; readonly conclusion: string }[];
  readonly opinion: string;
  readonly result: 'PASSED' | 'RETURNED' | 'NOT_PASSED';
}

export interface CollectiveDiscussionSource {
  readonly date: LocalDate;
  readonly startTime: ClockTime;
  readonly endTime: ClockTime;
  readonly place: string;
  readonly chair: string;
  readonly attendees: readonly string[];
  readonly nonVotingAttendees: readonly string[];
  readonly recorder: string;
  readonly presentation: string;
  readonly opinions: readonly { readonly speaker: string; readonly opinion: string }[];
  readonly conclusion: string;
}

/** The engine's vocabulary: a no-penalty ground (APL arts. 30, 31, 33) or facts not established (APL 57(1)(3)). */
export type NoPenaltyGroundKind = NoPenaltyReason;

export interface DecisionSource extends FindingsSource {
  readonly kind: 'PENALTY' | 'NO_PENALTY';
  /** Statement and defence received and how it was handled; null: none within the period. */
  readonly statement: StatementSource | null;
  /** PENALTY with money: APL art. 67 and art. 72, periods and rate from the rulebook of the act date. */
  readonly payment: {
    readonly deadlineDays: number;
    readonly surchargePercentPerDay: number;
    readonly channel: PaymentChannelSource;
  } | null;
  readonly remedies: RemediesSource;
  /** NO_PENALTY only: ground and its basis (APL 33 / 57). */
  readonly noPenaltyGround: {
    readonly kind: NoPenaltyGroundKind;
    readonly explanation: string;
    readonly basis: readonly LegalBasis[];
  } | null;
  /** NO_PENALTY: the education given (APL art. 33 para. 3). */
  readonly education: string | null;
}

/** 责令改正通知书 (APL art. 28(1): 责令当事人改正或者限期改正违法行为). */
export interface CorrectionOrderSource {
  /** The unlawful act as found, one paragraph per item. */
  readonly facts: readonly string[];
  readonly violatedProvisions: readonly LegalBasis[];
  /** The special-law provision ordering correction, e.g. PIPL 66(1) (the template adds APL 28(1)). */
  readonly basis: readonly LegalBasis[];
  /** IMMEDIATE: 立即改正; WITHIN_PERIOD: 限期改正 (deadline required). */
  readonly mode: 'IMMEDIATE' | 'WITHIN_PERIOD';
  /** Last day to correct (WITHIN_PERIOD); null for IMMEDIATE. */
  readonly deadline: LocalDate | null;
  /** 改正内容和要求, one item per line. */
  readonly requirements: readonly string[];
  /** The party must report the correction in writing by the deadline. */
  readonly reportRequired: boolean;
  /** The provision whose consequence applies if the party does not correct (e.g. PIPL 66(1)). */
  readonly consequenceBasis: readonly LegalBasis[];
  /** What the office will then do, e.g. 依法给予行政处罚 (follows 本机关将依据…的规定). */
  readonly consequence: string;
  /** Printed when the order is issued as an independent administrative act; null otherwise. */
  readonly remedies: RemediesSource | null;
}

/**
 * The office's own revocation (撤销) or change (变更) of its penalty decision (APL art. 75(2)):
 * the decision undone, why, what it imposes now, and the money to be refunded (退还).
 */
export interface DecisionCorrectionSource {
  readonly kind: 'REVOKED' | 'CHANGED';
  /** Number and date of the 行政处罚决定书 corrected. */
  readonly originalNumber: string;
  readonly originalDecidedOn: LocalDate;
  readonly decidedOn: LocalDate;
  /** How the error came to light: the 申诉/检举 received on this day, or the office's own review. */
  readonly complaint: {
    readonly kind: 'COMPLAINT' | 'REPORT';
    readonly receivedOn: LocalDate;
  } | null;
  /** The errors found and the reasons, one paragraph each. */
  readonly reasons: readonly string[];
  /** CHANGED: the penalties now imposed, one line each; REVOKED: none. */
  readonly penalties: readonly string[];
  /** Paid beyond what is now owed, to be refunded; null when nothing is refunded. */
  readonly refundYuan: string | null;
  /**
   * CHANGED: the remedies against the changed decision, as the decision letter states them
   * (Reconsideration Law art. 20, Litigation Law art. 46); REVOKED: null.
   */
  readonly remedies: RemediesSource | null;
  /** CHANGED with money still owed: what is left to pay and the days from service (APL art. 67(3)). */
  readonly payment: { readonly outstandingYuan: string; readonly deadlineDays: number } | null;
}

/** What revokeDecision / changeDecision hand the producer: the office's remedies are added there. */
export type DecisionCorrectionContent = Omit<DecisionCorrectionSource, 'remedies' | 'payment'> & {
  readonly outstandingYuan: string | null;
};

/** 复查 of a 责令改正通知书 (APL art. 28(1)): when, what was found, and the finding. */
export interface CorrectionReviewSource {
  /** Number and date of the 责令改正通知书 reviewed. */
  readonly orderNumber: string;
  readonly orderedOn: LocalDate;
  /** Last day to correct; null for 立即改正. */
  readonly dueOn: LocalDate | null;
  readonly reviewedOn: LocalDate;
  readonly finding: 'COMPLIED' | 'NOT_COMPLIED' | 'PARTLY_COMPLIED';
  /** What the officers found on the review, one paragraph per item. */
  readonly description: readonly string[];
}

/** 当场行政处罚 (APL arts. 51, 52; collection on the spot arts. 68–70). */
export interface SummaryPenaltySource {
  /** When and where the decision is made on the spot (APL art. 52: 时间、地点). */
  readonly date: LocalDate;
  readonly time: ClockTime;
  readonly place: string;
  /** The unlawful act (with its own time and place), one paragraph per item. */
  readonly facts: readonly string[];
  readonly violatedProvisions: readonly LegalBasis[];
  /** WARNING and/or FINE (APL art. 51); the fine with its amount. */
  readonly penalties: readonly PenaltySource[];
  /** What the party stated after being told the facts, reasons, basis and rights; null: nothing. */
  readonly statement: string | null;
  /**
   * The discretion recorded with the summary penalty (APL art. 34, E10); generateDocument puts the
   * recorded one in. null only for a decision recorded before the discretion was.
   */
  readonly discretion: DiscretionSource | null;
  /** 责令改正 content (APL art. 28); null when none is needed. */
  readonly correction: string | null;
  /**
   * Fine collected on the spot against the fiscal receipt (APL art. 70): FINE_UP_TO_100 art. 68(1),
   * HARD_TO_ENFORCE art. 68(2), REMOTE_AREA art. 69. null: paid at the bank (art. 67).
   */
  readonly collection: {
    readonly ground: 'FINE_UP_TO_100' | 'HARD_TO_ENFORCE' | 'REMOTE_AREA';
    readonly receiptNumber: string;
  } | null;
  /** APL art. 67: 15 (days). */
  readonly paymentDeadlineDays: number;
  /** APL art. 72(1)(1): 3. */
  readonly surchargePercentPerDay: number;
  /** Reconsideration first (Reconsideration Law art. 23(1)(1)), then suit (Litigation Law art. 45). */
  readonly remedies: {
    readonly reconsiderationOrgan: string;
    /** Reconsideration Law art. 20: 60. */
    readonly reconsiderationDays: number;
    /** Litigation Law art. 45: 15 days from receiving the reconsideration decision. */
    readonly litigationDaysAfterReconsideration: number;
  };
}

export interface TransferMaterialSource {
  readonly title: string;
  /** 份数/页数, e.g. 1份（共12页）. */
  readonly quantity: string;
}

/** 案件移送 (APL art. 27; Compulsion Law art. 21 for seized items). */
export interface TransferSource {
  /** Same values as the procedure's transferCase input, without REQUEST_DESIGNATED_JURISDICTION. */
  readonly kind: 'TO_OFFICE_WITH_JURISDICTION' | 'TO_OTHER_AUTHORITY' | 'TO_JUDICIAL_ORGAN';
  /** Receiving office, authority or judicial organ (the addressee). */
  readonly recipient: string;
  /** The facts as found, written for the recipient (当事人…, never 你单位), one paragraph each. */
  readonly facts: readonly string[];
  /** Why the case is transferred (no jurisdiction; facts suggesting a crime), one paragraph each. */
  readonly reasons: readonly string[];
  /**
   * Provisions an administrative transfer rests on (e.g. APL art. 22); the judicial transfer letter
   * cites APL art. 27(1) and art. 57(1)(4) in its wording.
   */
  readonly basis: readonly LegalBasis[];
  /** 涉嫌罪名 (TO_JUDICIAL_ORGAN only); null otherwise. */
  readonly suspectedOffence: string | null;
  readonly approvedBy: string;
  readonly approvedOn: LocalDate;
  /** Case materials sent with the letter. */
  readonly materials: readonly TransferMaterialSource[];
  /** Judicial transfer: the sealed or seized items go with the case (Compulsion Law art. 21), from `seizure`. */
  readonly withSeizedItems: boolean;
  /** Judicial transfer: 抄送 the procuratorate (as transferCase recorded it); absent or null: no line. */
  readonly copiedTo?: string | null;
}

/** A document named by title and number (送达文书名称及文号; the closing form's list). */
export interface DocumentReferenceSource {
  /** Without book-title marks, e.g. 行政处罚决定书 (the template adds 《》). */
  readonly title: string;
  /** 文号; null for a document without one (forms, transcripts). */
  readonly number: string | null;
}

/**
 * One service (送达) as its 送达回证 records it: CPL arts. 87–95 applied through APL art. 61;
 * Compulsion Law art. 38 for the 催告书. Same methods as the engine's ServeDocumentInput.
 * The sub-section of the method is required (the builder refuses without it, naming it);
 * the others are ignored.
 */
export interface ServiceSource {
  /** Everything served together on this recipient (one receipt per service). */
  readonly documents: readonly DocumentReferenceSource[];
  /**
   * Who signed for the documents or refused them (CPL arts. 88, 89), with their role; null when
   * nobody did (MAIL, ELECTRONIC, PUBLIC_NOTICE). The 受送达人 is parties[0].
   */
  readonly recipient: { readonly name: string; readonly role: ServiceRecipientRole } | null;
  /** 送达地址 */
  readonly address: string;
  readonly method: ServiceMethod;
  /** Date of receipt written by the signer (CPL art. 87); required for DIRECT, ADULT_…, ENTRUSTED, FORWARDED. */
  readonly signedOn: LocalDate | null;
  /** LEFT_AT_RESIDENCE (CPL art. 89): the reason, and witnesses and/or the photo or video record. */
  readonly refusal: {
    readonly reason: string;
    readonly witnesses: readonly string[];
    /** Reference of the photo or video record of the process; null if none. */
    readonly audiovisualRecord: string | null;
  } | null;
  /** ELECTRONIC (CPL art. 90; APL art. 61(2)): the confirmed address and the day it reached it. */
  readonly electronic: {
    readonly address: string;
    readonly reachedOn: LocalDate;
    /** Reconsideration Law art. 22(2): the internet channel given with a decision letter. */
    readonly reconsiderationChannel?: string | null;
  } | null;
  /** MAIL (CPL art. 91): tracking number and the receipt date on the return slip. */
  readonly mail: { readonly trackingNumber: string | null; readonly receivedOn: LocalDate } | null;
  /** PUBLIC_NOTICE (CPL art. 95): where and when published, and why (记明原因和经过). */
  readonly publicNotice: {
    readonly medium: string;
    readonly publishedOn: LocalDate;
    readonly reasonAndProcess: string;
  } | null;
  /** ENTRUSTED: 受委托机关; FORWARDED: the unit, prison or institution (CPL arts. 91–94); else null. */
  readonly intermediary: string | null;
  /** 送达人 (names). */
  readonly servers: readonly string[];
  /** Day the officers acted (handed over, left, sent, mailed, entrusted, published). */
  readonly servedOn: LocalDate;
  /** The engine's deemedServedOn(): the date that starts the party's periods. */
  readonly deemedServedOn: LocalDate;
  /** 送达地点 */
  readonly place: string;
  readonly remarks: string | null;
}

/** 送达地址确认书 (APL art. 61(2): consent to electronic service and the confirmed address). */
export interface ServiceAddressSource {
  /** The party agrees to electronic service (传真、电子邮件等). */
  readonly consentGiven: boolean;
  /** e.g. 电子邮箱：legal@example.com; required when consentGiven, else null. */
  readonly electronicAddress: string | null;
  /** 送达地址 (postal), with the postal code if any. */
  readonly postalAddress: string;
  /** 收件人 */
  readonly recipient: string;
  readonly phone: string;
  /** The day the party signed; null when the form is printed for signature. */
  readonly signedOn: LocalDate | null;
}

/**
 * Enforcement of a money penalty through the court: the 催告书 (Compulsion Law arts. 35–38, 54)
 * and, with `application`, the 强制执行申请书 (arts. 53–55). Amounts are what is still unpaid.
 */
export interface EnforcementSource {
  /** 行政处罚决定书 文号 and date. */
  readonly decisionNumber: string;
  readonly decisionDate: LocalDate;
  /** Deemed-served date of the decision. */
  readonly servedOn: LocalDate;
  /** 处罚内容 as decided, e.g. 给予警告，没收违法所得人民币12,345.60元，并处罚款人民币500,000元. */
  readonly decisionContent: string;
  /** The provisions the penalties were imposed under (printed with the citation helper). */
  readonly decisionBasis: readonly LegalBasis[];
  /** Unpaid fine (罚款). */
  readonly fineYuan: Yuan;
  /** Unpaid 没收违法所得、没收非法财物 amount; null when none is owed. */
  readonly confiscationYuan: Yuan | null;
  /** 加处罚款 accrued up to surchargeAsOf (APL art. 72(1)(1): at most the fine). */
  readonly surchargeYuan: Yuan;
  readonly surchargeAsOf: LocalDate;
  /** fine + confiscation + surcharge; the builder checks the sum. */
  readonly totalYuan: Yuan;
  /** Last day to perform, as the demand sets it. */
  readonly performBy: LocalDate;
  readonly paymentChannel: PaymentChannelSource;
  /** Days to state and defend after receiving the demand (Compulsion Law art. 36; configurable). */
  readonly statementDays: number;
  /** What follows non-performance, after 本机关将依据《行政强制法》第五十三条、第五十四条的规定, e.g. 向北京市西城区人民法院申请强制执行. */
  readonly consequence: string;
  /** The application to the court; null until it is made. */
  readonly application: CourtApplicationSource | null;
}

/** 强制执行申请书 (Compulsion Law art. 55). Its own number and date are `document`. */
export interface CourtApplicationSource {
  /** 所在地有管辖权的人民法院 (art. 54). */
  readonly court: string;
  /** The 催告书 served (number, service date). */
  readonly demandNumber: string;
  readonly demandServedOn: LocalDate;
  /** The office head who signs the application (art. 55(2)). */
  readonly headName: string;
  /** 被申请人履行情况, e.g. 至今未缴纳任何款项. */
  readonly performance: string;
  /** The party's statement after the demand and how it was reviewed; null: none made. */
  readonly partyOpinion: string | null;
  /** 本机关意见 (why enforcement is lawful and needed). */
  readonly officeOpinion: string;
  /** Materials of art. 55(1) items (2)–(5). */
  readonly attachments: readonly TransferMaterialSource[];
}

/** 结案审批表. */
/** A penalty as the 结案审批表 prints it under 处理结果. */
export interface ClosurePenaltySource {
  readonly kind: PenaltyKind;
  readonly amountYuan: Yuan | null;
}

export interface ClosureSource {
  /** Same values as the procedure's closeCase input; printed in Chinese. */
  readonly ground: ClosureGround;
  /** 案件办理情况 (course and result), one paragraph. */
  readonly handlingSummary: string;
  /**
   * The decision that ends the case (number, date, the penalties decided: none for a decision not
   * to penalise); null when none was made. Amounts are printed by the amount helpers.
   */
  readonly decision: {
    readonly number: string;
    readonly decidedOn: LocalDate;
    readonly penalties: readonly ClosurePenaltySource[];
    /** 逾期作出决定 (APL art. 60): the recorded reason and the head's approval day; absent when in time. */
    readonly lateDecision?: { readonly reason: string; readonly approvedOn: LocalDate } | null;
  } | null;
  /**
   * 执行情况; required when the ground is EXECUTED. The payment (amount and day) when money was
   * owed; null for a decision owing none (a warning is executed by its service).
   */
  readonly performance: {
    readonly paidYuan: Yuan | null;
    readonly paidOn: LocalDate | null;
    /** Channel, receipt numbers, instalments, court enforcement … (no amount: the form prints it). */
    readonly description: string;
  } | null;
  /** Documents in the case file (归档文书). */
  readonly documents: readonly DocumentReferenceSource[];
  readonly handlerOpinion: ApprovalSource;
  readonly departmentOpinion: ApprovalSource | null;
  readonly headApproval: ApprovalSource | null;
}

export interface CaseDocumentSource extends CaseFileSections, StepDocumentSections {
  readonly office: OfficeSource;
  readonly case: CaseSectionSource;
  readonly parties: readonly PartySource[];
  /** Case handlers (≥2, APL art. 42). */
  readonly handlers: readonly HandlerSource[];
  readonly evidence: readonly EvidenceSource[];
  /** The document being generated. */
  readonly document: {
    readonly number: string | null;
    readonly issuedOn: LocalDate;
    /** 一式×份 */
    readonly copies: number;
  };
  readonly origin: CaseOriginSource | null;
  readonly docketing: DocketingSource | null;
  readonly recusal: RecusalSource | null;
  readonly inquiry: InquirySource | null;
  readonly inspection: InspectionSource | null;
  readonly preservation: PreservationSource | null;
  readonly seizure: SeizureSource | null;
  readonly notice: NoticeSource | null;
  readonly hearing: HearingSource | null;
  readonly legalReview: LegalReviewSource | null;
  readonly collectiveDiscussion: CollectiveDiscussionSource | null;
  readonly decision: DecisionSource | null;
  readonly correctionOrder: CorrectionOrderSource | null;
  /** 复查意见书: the review of a correction order. */
  readonly correctionReview: CorrectionReviewSource | null;
  /** 撤销（变更）行政处罚决定书: the office's own correction of its decision (APL art. 75(2)). */
  readonly decisionCorrection?: DecisionCorrectionSource | null;
  readonly summaryPenalty: SummaryPenaltySource | null;
  readonly transfer: TransferSource | null;
  /** The service recorded on a 送达回证. */
  readonly service: ServiceSource | null;
  /** 送达地址确认书. */
  readonly serviceAddress: ServiceAddressSource | null;
  /** 催告书 and 强制执行申请书. */
  readonly enforcement: EnforcementSource | null;
  /** 结案审批表. */
  readonly closure: ClosureSource | null;
}

/** Every step section of a document source, absent: a document fills in only what it reads. */
export const NO_SECTIONS = {
  origin: null,
  docketing: null,
  recusal: null,
  inquiry: null,
  inspection: null,
  preservation: null,
  seizure: null,
  notice: null,
  hearing: null,
  legalReview: null,
  collectiveDiscussion: null,
  decision: null,
  correctionOrder: null,
  correctionReview: null,
  decisionCorrection: null,
  summaryPenalty: null,
  transfer: null,
  service: null,
  serviceAddress: null,
  enforcement: null,
  closure: null,
} as const satisfies Partial<CaseDocumentSource>;
