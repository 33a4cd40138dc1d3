/**
 * Input of each procedure action (the GraphQL mutation arguments, after the
 * command layer has resolved ids to officers, certificates and approvals).
 * Legal basis: see transitions.ts for each action's articles.
 */
import type {
  Approval,
  CaseFlags,
  CaseSourceType,
  ComplaintFinding,
  ComplaintKind,
  ClosureGround,
  CompulsoryMeasureKind,
  CorrectionFinding,
  CourtRulingResult,
  InstalmentRecord,
  PaymentArrangementKind,
  PaymentChannel,
  RemedyOutcome,
  ServableDocument,
  ServiceMethod,
  HearingOutcome,
  LegalReviewResult,
  OfficerRef,
  Party,
  ProposedPenalty,
  TimeLimitKind,
  ViolationFacts,
  WaivableRight,
} from './case-snapshot.js';
import type { AudioVisualRecordInput } from './audio-visual-record.js';
import type { CompulsoryMeasureBasis, SuspectedProvision } from './compulsory-measure-basis.js';
import type { EvidenceKind } from './evidence-kind.js';
import type { OfficerRole } from './officer-role.js';
import type { LocalDate } from './local-date.js';
import type { PartyKind } from './party-kind.js';
import type { ProcedureAction } from './procedure-action.js';

export interface RegisterCaseSourceInput {
  readonly sourceType: CaseSourceType;
  readonly receivedOn: LocalDate;
  /** For COMPLAINT_OR_REPORT: the complainant or reporter signed (具名). */
  readonly namedComplainant?: boolean;
  /** Office or authority that assigned, requested or transferred the case. */
  readonly originator?: string;
  readonly summary: string;
  readonly violation?: ViolationFacts;
  readonly parties?: readonly Party[];
}

export const JURISDICTION_BASES = [
  'TERRITORIAL', // 地域管辖：违法行为发生地
  'HIERARCHICAL', // 级别管辖
  'DESIGNATED', // 指定管辖
  'ASSIGNED_BY_HIGHER_OFFICE', // 上级交办
  'TRANSFERRED', // 移送管辖
] as const;
export type JurisdictionBasis = (typeof JURISDICTION_BASES)[number];

export type DecideDocketingInput = (
  | {
      readonly docket: true;
      /** 案件承办人: at least two certified officers. */
      readonly handlers: readonly OfficerRef[];
      readonly jurisdiction: { readonly basis: JurisdictionBasis; readonly explanation: string };
      /** Updated violation dates; the snapshot's are used when omitted. */
      readonly violation?: ViolationFacts;
      readonly parties?: readonly Party[];
      /**
       * The head's classification of the case at docketing (重大公共利益, 疑难复杂, 重大违法行为,
       * other law), which triggers legal review and collective discussion. Keys given replace the
       * case's flags; keys omitted keep them. issuePrePenaltyNotice can revise them later.
       */
      readonly flags?: Partial<CaseFlags>;
    }
  | { readonly docket: false; readonly reason: string }
) & {
  /**
   * 立案（或者不予立案）审批日期: the day the head approved, which starts the case time limit
   * (APL art. 60). Omitted: the day of the action.
   */
  readonly docketedOn?: LocalDate;
};

export interface CancelDocketingInput {
  readonly reason: string;
}

export const TRANSFER_KINDS = [
  'TO_OFFICE_WITH_JURISDICTION', // 移送有管辖权的网信部门
  'TO_OTHER_AUTHORITY', // 移送其他行政机关
  'TO_JUDICIAL_ORGAN', // 涉嫌犯罪，移送司法机关
  'REQUEST_DESIGNATED_JURISDICTION', // 报请共同的上一级网信部门指定管辖
] as const;
export type TransferKind = (typeof TRANSFER_KINDS)[number];

export interface TransferCaseInput {
  readonly kind: TransferKind;
  /** Receiving office, authority, judicial organ, or the common higher office. */
  readonly recipient: string;
  readonly reason: string;
  /** TO_JUDICIAL_ORGAN: the principal head's decision and the copy to the procuratorate. */
  readonly judicial?: JudicialTransferFacts;
}

/**
 * 移送涉嫌犯罪案件 (国务院《行政执法机关移送涉嫌犯罪案件的规定》, U): the written report to the
 * principal head, the head's approval (within judicialTransferDecisionPeriod of the report), the
 * transfer (within judicialTransferPeriod of the approval) and the copy to the procuratorate.
 */
export interface JudicialTransferFacts {
  readonly reportedOn: LocalDate;
  readonly approval?: Approval;
  readonly transferredOn: LocalDate;
  /** 抄送的同级人民检察院; absent when not copied. */
  readonly procuratorate?: string;
}

/** How the judiciary sent the case back (APL art. 27(1), second sentence). */
export type JudicialReturnGround =
  | 'NOT_FILED' // 不予立案
  | 'CASE_WITHDRAWN' // 撤销案件
  | 'NOT_PROSECUTED' // 不起诉
  | 'EXEMPTED_FROM_CRIMINAL_PUNISHMENT'; // 免予刑事处罚

/** 司法机关退回（移送）的案件重新办理: the judiciary's document, and where the case resumes. */
export interface ResumeReturnedCaseInput {
  readonly ground: JudicialReturnGround;
  /** The day the office received the case back: the case time limit starts again from it. */
  readonly receivedOn: LocalDate;
  /** The judiciary's document (name, number, organ), e.g. 不予立案通知书 〔2026〕12号. */
  readonly judicialDocument: string;
}

export type RecusalGround =
  | 'PARTY_OR_CLOSE_RELATIVE' // 是本案当事人或者当事人的近亲属
  | 'DIRECT_INTEREST' // 与本案有直接利害关系
  | 'OTHER_RELATION'; // 有其他关系，可能影响公正执法

export interface ApplyForRecusalInput {
  readonly targetOfficerId: string;
  readonly applicant: 'PARTY' | 'OFFICER_SELF';
  readonly ground: RecusalGround;
  readonly appliedOn: LocalDate;
  /** The target's roles in the office: a head (负责人) or legal reviewer (法制审核人员) may be challenged. */
  readonly targetRoles?: readonly OfficerRole[];
  /** 复议: the party asks once for reconsideration of this rejected application. */
  readonly reconsiderationOf?: string;
}

export interface DecideRecusalInput {
  readonly recusalId: string;
  readonly granted: boolean;
  /** Decided by collective discussion of the heads (a head's own recusal). */
  readonly byCollectiveDiscussion?: boolean;
  /** New handlers when a granted recusal would leave fewer than two. */
  readonly replacementHandlers?: readonly OfficerRef[];
}

export interface RecordEvidenceInput {
  readonly evidenceKind: EvidenceKind;
  readonly collectedOn: LocalDate;
  readonly collectors: readonly OfficerRef[];
  readonly certificatesShown: boolean;
  /** Collected or obtained from the party (向当事人收集、调取). */
  readonly fromParty: boolean;
  /** Proof on file that the party was told of the right to apply for recusal. */
  readonly recusalRightNotified: boolean;
  readonly description: string;
}

export interface RecordInquiryInput {
  readonly conductedOn: LocalDate;
  readonly officers: readonly OfficerRef[];
  readonly certificatesShown: boolean;
  readonly intervieweeIsParty: boolean;
  readonly recusalRightNotified: boolean;
}

export interface RecordInspectionInput {
  readonly conductedOn: LocalDate;
  readonly officers: readonly OfficerRef[];
  readonly certificatesShown: boolean;
  /** Inspection of the party's premises, devices or items. */
  readonly ofParty: boolean;
  readonly recusalRightNotified: boolean;
  /** 全程音像记录 of the inspection. */
  readonly audioVisualRecord?: AudioVisualRecordInput;
}

export interface PreserveEvidenceInput {
  readonly startedOn: LocalDate;
  readonly officers: readonly OfficerRef[];
  readonly certificatesShown: boolean;
  readonly approval?: Approval;
  readonly items: readonly string[];
}

export type PreservationHandling =
  'RETURN' | 'SEAL_OR_SEIZE' | 'FORWARD_FOR_TESTING' | 'TRANSFER' | 'OTHER';

export interface HandlePreservedEvidenceInput {
  readonly preservationId: string;
  readonly decidedOn: LocalDate;
  readonly handling: PreservationHandling;
  /** Why the decision comes after the handling period (APL art. 56: 应当在七日内及时作出处理决定). */
  readonly lateHandlingReason?: string;
}

export interface ImposeCompulsoryMeasureInput {
  readonly measure: CompulsoryMeasureKind;
  readonly startedOn: LocalDate;
  /** Last day of the measure (≤ startedOn + 30 days). */
  readonly endsOn: LocalDate;
  readonly officers: readonly OfficerRef[];
  readonly certificatesShown: boolean;
  /** Written approval of the principal head (主要负责人). */
  readonly approval?: Approval;
  /** The statutory basis the office holds (法定依据). */
  readonly basis?: CompulsoryMeasureBasis;
  /** Ids of recorded evidence showing the items were used in the unlawful act. */
  readonly evidenceIds: readonly string[];
  /** The catalog provisions the act is suspected under, with their law. */
  readonly suspectedProvisions: readonly SuspectedProvision[];
  /** 全程音像记录 of the seizure. */
  readonly audioVisualRecord?: AudioVisualRecordInput;
  /** 当场实施 without prior approval in an emergency (Compulsion Law art. 19). */
  readonly emergency?: EmergencyImposition;
  /** The on-site procedure of Compulsion Law art. 18 items (4)-(9), as facts the officers record. */
  readonly onSite?: CompulsoryMeasureOnSiteFacts;
  /** Who keeps the sealed or seized things, where (Compulsion Law art. 26). */
  readonly custody?: CompulsoryMeasureCustody;
}

/** Compulsion Law art. 19: imposed on the spot, reported to the head within 24 hours. */
export interface EmergencyImposition {
  /** 情况紧急的具体情形. */
  readonly reason: string;
  /** When the measure was imposed, ISO 8601 instant: the 24 hours run from it. */
  readonly imposedAt: string;
}

/** Compulsion Law art. 18 items (4)-(9). */
export interface CompulsoryMeasureOnSiteFacts {
  /** (4) 通知当事人到场. */
  readonly partyNotified: boolean;
  /** The party (or its representative) came. */
  readonly partyPresent: boolean;
  /** (5) 当场告知理由、依据以及当事人依法享有的权利、救济途径. */
  readonly informedOfReasonsAndRemedies: boolean;
  /** (6) 听取当事人的陈述和申辩. */
  readonly statementsHeard: boolean;
  /** (7) 制作现场笔录. */
  readonly transcriptMade: boolean;
  /** (8) the officers signed or sealed the transcript. */
  readonly officersSigned: boolean;
  /** (8) the party signed or sealed it. */
  readonly partySigned: boolean;
  /** (8) the party refused and the refusal is noted in the transcript. */
  readonly partyRefusalNoted: boolean;
  /** (9) the witness invited when the party is absent. */
  readonly witness?: string;
  /** (9) the witness signed or sealed the transcript. */
  readonly witnessSigned: boolean;
}

/** Compulsion Law art. 26: the office keeps the things; the costs are its own. */
export interface CompulsoryMeasureCustody {
  /** 保管场所. */
  readonly place: string;
  /** 保管人 (the office's officer or the third party it entrusts). */
  readonly custodian: string;
  /** Any custody cost charged to the party, in fen (art. 26(3): the office bears it; must be 0). */
  readonly costChargedToPartyFen: number;
}

/** 负责人 ratifies or refuses a measure imposed in an emergency (Compulsion Law art. 19). */
export interface RatifyEmergencyMeasureInput {
  readonly measureId: string;
  /** When the officers reported to the head, ISO 8601 instant (within 24 hours of imposedAt). */
  readonly reportedAt: string;
  /** True: 补办批准手续; false: the head holds it should not have been taken, release at once. */
  readonly approved: boolean;
  /** The head's decision (approver, date, written); its date is the act date. */
  readonly approval?: Approval;
  /** Why the head refuses (required when approved is false). */
  readonly refusalReason?: string;
}

/** 检测、检验、检疫或者技术鉴定 (Compulsion Law art. 25(3)). */
export type TestingKind = 'TESTING' | 'INSPECTION' | 'QUARANTINE' | 'TECHNICAL_APPRAISAL';

/** The period of testing excluded from the seizure period, told to the party in writing. */
export interface RecordTestingPeriodInput {
  readonly measureId: string;
  readonly testingKind: TestingKind;
  /** The institution that tests (委托的检测机构). */
  readonly institution: string;
  /** First and last day of the testing, both excluded from the seizure period. */
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  /** The day the party is told in writing (检测期间告知书): the act date. */
  readonly notifiedOn: LocalDate;
}

export interface ExtendCompulsoryMeasureInput {
  readonly measureId: string;
  /** New last day (≤ current last day + 30 days). */
  readonly newEndsOn: LocalDate;
  readonly approval?: Approval;
  readonly reason: string;
}

export type ReleaseGround =
  | 'NO_VIOLATION' // 当事人没有违法行为
  | 'UNRELATED' // 与违法行为无关
  | 'DECIDED_NO_LONGER_NEEDED' // 已作出处理决定，不再需要
  | 'PERIOD_EXPIRED' // 期限已经届满
  | 'OTHER'; // 其他不再需要的情形

export interface ReleaseCompulsoryMeasureInput {
  readonly measureId: string;
  readonly releasedOn: LocalDate;
  readonly ground: ReleaseGround;
}

export interface OrderCorrectionInput {
  readonly partyId: string;
  readonly orderedOn: LocalDate;
  /** 限期改正: the number of days the order sets (calendar days from orderedOn); absent: 立即改正. */
  readonly correctionPeriodDays?: number;
  /** 限期改正: the last day to correct, computed with the calendar from correctionPeriodDays. */
  readonly dueOn?: LocalDate;
}

export interface RecordCorrectionReviewInput {
  readonly correctionOrderId: string;
  readonly reviewedOn: LocalDate;
  readonly finding: CorrectionFinding;
}

export interface IssuePrePenaltyNoticeInput {
  readonly proposedPenalties: readonly ProposedPenalty[];
  /**
   * Served on the spot when issued: the statement and hearing-request windows start from it.
   * Omitted: the notice is only issued; serveDocument (PRE_PENALTY_NOTICE) serves it later and
   * starts the windows from the deemed-served date.
   */
  readonly servedOn?: LocalDate;
  /** Date of issue when the notice is not served at once (defaults to the day of the action). */
  readonly issuedOn?: LocalDate;
  /** Head's review of the investigation result (APL art. 57(1)). */
  readonly approval?: Approval;
  /** A law, regulation or departmental rule gives a hearing (APL art. 63(1)(6)). */
  readonly hearingByOtherRule?: boolean;
  /**
   * Revised classification of the case, approved with the head's review of the investigation
   * result (APL art. 57(1)), which is where 情节复杂或者重大违法行为 (art. 57(2)) shows. Keys given
   * replace the case's flags; keys omitted keep them.
   */
  readonly flags?: Partial<CaseFlags>;
}

export interface RecordStatementInput {
  readonly receivedOn: LocalDate;
  /** The party stating; required when the case has several parties. */
  readonly partyId?: string;
  readonly channel: 'WRITTEN' | 'ORAL';
}

export interface ReviewStatementInput {
  readonly statementId: string;
  readonly reviewedOn: LocalDate;
  readonly adopted: boolean;
}

export interface WaiveRightsInput {
  readonly rights: readonly WaivableRight[];
  /** The party waiving; required when the case has several parties. */
  readonly partyId?: string;
  readonly waivedOn: LocalDate;
  /** The party signed a written waiver (明确放弃). */
  readonly signedByParty: boolean;
}

export interface RequestHearingInput {
  readonly requestedOn: LocalDate;
  /** The party requesting; required when the case has several parties. */
  readonly partyId?: string;
}

export type NonPublicGround = 'STATE_SECRET' | 'COMMERCIAL_SECRET' | 'PERSONAL_PRIVACY';

export interface ScheduleHearingInput {
  readonly hearingOn: LocalDate;
  readonly noticeServedOn: LocalDate;
  readonly presidingOfficerId: string;
  /** 记录人 of the hearing (absent on hearings scheduled before it was kept). */
  readonly recorderId?: string;
  readonly isPublic: boolean;
  readonly nonPublicGround?: NonPublicGround;
}

export interface RecordHearingInput {
  readonly heldOn: LocalDate;
  readonly outcome: HearingOutcome;
  readonly agentCount: number;
  readonly recordSignedByParty: boolean;
  /** The presider noted the refusal to sign (拒绝签字或者盖章的，由听证主持人注明). */
  readonly refusalNotedByPresider: boolean;
}

export interface SubmitLegalReviewInput {
  readonly submittedOn: LocalDate;
}

export interface CompleteLegalReviewInput {
  readonly completedOn: LocalDate;
  readonly result: LegalReviewResult;
  readonly opinion: string;
}

export interface RecordCollectiveDiscussionInput {
  readonly heldOn: LocalDate;
  readonly participants: ReadonlyArray<{
    readonly officerId: string;
    readonly isOfficeHead: boolean;
  }>;
  readonly conclusion: string;
}

export interface ExtendTimeLimitInput {
  readonly limit: TimeLimitKind;
  readonly approvedOn: LocalDate;
  /** Calendar days added to the case time limit; ignored for the docketing period. */
  readonly extensionDays?: number;
  readonly reason: string;
  /** Decided by collective discussion of the heads (needed for further extensions). */
  readonly byCollectiveDiscussion: boolean;
}

export interface SuspendCaseInput {
  readonly suspendedOn: LocalDate;
  readonly reason: string;
}

export interface ResumeCaseInput {
  readonly resumedOn: LocalDate;
}

export const NO_PENALTY_GROUNDS = [
  'MINOR_AND_CORRECTED', // 违法行为轻微并及时改正，没有造成危害后果 (APL 33(1))
  'FIRST_MINOR_AND_CORRECTED', // 初次违法且危害后果轻微并及时改正 (APL 33(1))
  'NO_SUBJECTIVE_FAULT', // 有证据足以证明没有主观过错 (APL 33(2))
  'UNDER_FOURTEEN', // 不满十四周岁 (APL 30)
  'MENTAL_INCAPACITY', // 精神病人、智力残疾人不能辨认或者控制 (APL 31)
] as const;
export type NoPenaltyGround = (typeof NO_PENALTY_GROUNDS)[number];

export type DecideCaseInput = (
  | {
      readonly outcome: 'PENALTY';
      readonly penalties: readonly ProposedPenalty[];
      /** 具有一定社会影响的行政处罚决定 to be published (APL art. 48). */
      readonly publish?: boolean;
    }
  | {
      readonly outcome: 'NO_PENALTY';
      readonly ground: NoPenaltyGround;
      readonly educationGiven: boolean;
    }
  | { readonly outcome: 'FACTS_NOT_ESTABLISHED' }
  | {
      readonly outcome: 'TRANSFER_TO_JUDICIAL_ORGAN';
      readonly recipient: string;
      /** The principal head's decision and the copy to the procuratorate, as for transferCase. */
      readonly judicial?: JudicialTransferFacts;
    }
) & {
  /** 决定日期: the day the head decided (APL art. 57); the decision letter bears it. Omitted: today. */
  readonly decidedOn?: LocalDate;
  /**
   * A decision after the case time limit (APL art. 60 sets a duty, not a forfeiture, legal.md E15):
   * why it is late, and the head's approval of deciding late. Required for a penalty decided late.
   */
  readonly lateDecision?: LateDecision;
};

/** 逾期作出处理决定: the recorded reason and the office head's approval (APL art. 60). */
export interface LateDecision {
  readonly reason?: string;
  readonly approval?: Approval;
}

export type DecisionOutcome = DecideCaseInput['outcome'];

export interface ImposeSummaryPenaltyInput {
  readonly partyKind: PartyKind;
  readonly penalties: readonly ProposedPenalty[];
  readonly officers: readonly OfficerRef[];
  readonly certificatesShown: boolean;
  /** 违法事实确凿并有法定依据. */
  readonly factsConclusive: boolean;
  /** The party was told the facts, reasons, basis and their right to state and defend, and was heard. */
  readonly partyInformedAndHeard: boolean;
  /** 当场作出决定的日期 (APL art. 52): the decision is handed over that day. Omitted: today. */
  readonly imposedOn?: LocalDate;
}

/** Who signed for the party (CPL art. 88). */
export type ServiceRecipientRole =
  | 'PARTY' // 受送达人本人
  | 'ADULT_FAMILY_MEMBER' // 同住成年家属
  | 'LEGAL_REPRESENTATIVE' // 法定代表人
  | 'PRINCIPAL_PERSON_IN_CHARGE' // 主要负责人
  | 'RECEIVING_OFFICE' // 负责收件的人（收发部门）
  | 'AGENT' // 诉讼代理人 / 委托代理人
  | 'DESIGNATED_RECIPIENT'; // 指定的代收人

/** Capacity of a 留置送达 witness (CPL art. 89: 有关基层组织或者所在单位的代表). */
export const WITNESS_CAPACITIES = [
  'GRASSROOTS_ORGANIZATION_REPRESENTATIVE', // 有关基层组织的代表（居民委员会、村民委员会等）
  'WORKPLACE_REPRESENTATIVE', // 受送达人所在单位的代表
  'OTHER', // 其他人员
] as const;
export type WitnessCapacity = (typeof WITNESS_CAPACITIES)[number];

export type PublicNoticeGround = 'WHEREABOUTS_UNKNOWN' | 'OTHER_METHODS_FAILED';

/**
 * The facts of one service as the service receipt (送达回证) records them (docs/legal-sources.md §6.7).
 * Which facts are needed depends on the method; the guards say which are missing.
 */
export interface ServiceFacts {
  /** Day the officers acted: handed over, left at the residence, sent, mailed, entrusted, published. */
  readonly servedOn: LocalDate;
  readonly recipientName?: string;
  readonly recipientRole?: ServiceRecipientRole;
  /** The recipient signed or sealed the receipt (签收). */
  readonly signed?: boolean;
  /** Date of receipt the recipient wrote on the receipt: the service date (CPL art. 87). */
  readonly signedOn?: LocalDate;
  /** LEFT_AT_RESIDENCE: why the recipient refused (拒绝签收的事由). */
  readonly refusalReason?: string;
  /** LEFT_AT_RESIDENCE: witnesses (基层组织或者所在单位的代表) who signed. */
  readonly witnesses?: readonly string[];
  /** LEFT_AT_RESIDENCE: in what capacity the witnesses attended (CPL art. 89). */
  readonly witnessCapacity?: WitnessCapacity;
  /** LEFT_AT_RESIDENCE: the structured photo or video record of the process. */
  readonly audioVisualRecord?: AudioVisualRecordInput;
  /** LEFT_AT_RESIDENCE: reference of the photo or video record of the process. */
  readonly audiovisualRecordRef?: string;
  /** ELECTRONIC: the address used; must be one the party confirmed. */
  readonly electronicAddress?: string;
  /** ELECTRONIC: day the message reached the recipient's system (CPL art. 90). */
  readonly reachedSystemOn?: LocalDate;
  /**
   * ELECTRONIC service of a decision letter: the internet channel (URL or platform) through which
   * the party may submit its reconsideration application (Reconsideration Law art. 22(2)).
   */
  readonly reconsiderationChannel?: string;
  /** MAIL: tracking number and receipt date on the return slip (回执, CPL art. 91). */
  readonly trackingNumber?: string;
  readonly mailReceiptOn?: LocalDate;
  /** ENTRUSTED / FORWARDED: the organ entrusted or the unit, prison or institution that forwarded. */
  readonly intermediary?: string;
  /** PUBLIC_NOTICE: why (CPL art. 95) and where it was published. */
  readonly publicNoticeGround?: PublicNoticeGround;
  readonly publicationMedium?: string;
  /** PUBLIC_NOTICE: the reasons and the process, recorded in the file (在案卷中记明原因和经过). */
  readonly reasonAndProcess?: string;
  /** ENFORCEMENT_DEMAND by another method: direct service was refused or impossible (Compulsion Law art. 38). */
  readonly directServiceImpossible?: boolean;
}

export interface ServeDocumentInput {
  readonly documents: readonly ServableDocument[];
  /** 受送达人: each party of a case with several is served their own (APL art. 61). */
  readonly partyId?: string;
  /**
   * The documents are the 补正/更正 version of documents already served (with the correction
   * notice): the service is recorded with its 送达回证 and starts no period, since the correction
   * changes no decided content and the periods run from the service of the original.
   */
  readonly correctedVersion?: boolean;
  readonly method: ServiceMethod;
  readonly facts: ServiceFacts;
  /** 送达人. */
  readonly servers: readonly OfficerRef[];
  readonly place?: string;
  /**
   * The deemed-served date, computed by the command layer with deemedServedOn(method, facts,
   * calendar) before decide(); the guard checks it. Deadlines triggered by DEEMED_SERVED_ON run from it.
   */
  readonly deemedServedOn: LocalDate;
  /** A decision letter served after the 7 working days (APL art. 61) is recorded with the reason. */
  readonly lateServiceReason?: string;
}

export interface RecordPaymentInput {
  readonly paidOn: LocalDate;
  /** The party paying; required when the case has several parties. */
  readonly partyId?: string;
  /** Integer fen. */
  readonly amountFen: number;
  readonly channel: PaymentChannel;
  /** Bank or e-payment receipt number (never cash held by an officer, APL art. 67). */
  readonly receiptNumber: string;
}

export interface ApplyForDeferralInput {
  readonly kind: PaymentArrangementKind;
  readonly appliedOn: LocalDate;
  /** 确有经济困难: the hardship the party states. */
  readonly reason: string;
}

export interface DecidePaymentArrangementInput {
  readonly arrangementId: string;
  readonly approved: boolean;
  readonly decidedOn: LocalDate;
  readonly approval?: Approval;
  /** The new schedule when approved: one entry for a deferral, several for instalments. */
  readonly schedule?: readonly InstalmentRecord[];
}

export type RecordRemedyInput =
  | {
      readonly stage: 'FILED';
      readonly filedOn: LocalDate;
      /** Reconsideration organ or court. */
      readonly organ: string;
    }
  | {
      readonly stage: 'DECIDED';
      readonly remedyId: string;
      /** Day the reconsideration decision or the judgment took effect for the party (served). */
      readonly decidedOn: LocalDate;
      readonly outcome: RemedyOutcome;
      /** CHANGED: the penalties as changed. */
      readonly changedPenalties?: readonly ProposedPenalty[];
    };

export interface IssueEnforcementDemandInput {
  readonly issuedOn: LocalDate;
  /** Amount demanded (fine and surcharge outstanding), integer fen (Compulsion Law art. 35). */
  readonly amountFen: number;
  /** Deadline for performance stated in the demand. */
  readonly performBy: LocalDate;
  /**
   * Last day of the reconsideration and litigation periods, or of the approved arrangement if
   * later (remedyPeriodsLapseOf(snapshot)); the command layer reads it from the stored deadlines,
   * the guard checks it. COURT_ENFORCEMENT_WINDOW runs 3 months from it.
   */
  readonly remedyPeriodsLapseOn: LocalDate;
  /**
   * The party demanded: with several parties fined, each is demanded on their own obligation
   * (APL art. 66(1); Compulsion Law art. 35); absent with one party.
   */
  readonly partyId?: string;
}

export interface ApplyForCourtEnforcementInput {
  readonly appliedOn: LocalDate;
  readonly court: string;
}

export interface RecordCourtRulingInput {
  readonly ruledOn: LocalDate;
  readonly result: CourtRulingResult;
  /** 收到裁定之日: the review period of a 不予执行 ruling runs from it (Compulsion Law art. 58(3)). */
  readonly receivedOn?: LocalDate;
}

/** 申请复议 of a 不予执行 ruling to the court one level up (Compulsion Law art. 58(3)). */
export interface ApplyForRulingReviewInput {
  readonly appliedOn: LocalDate;
  readonly court: string;
}

/** 终止调查: the party died or ended with no one to take over its rights and duties, with the proof. */
export interface InvestigationTermination {
  readonly partyStatus: 'DECEASED' | 'DISSOLVED';
  /** The day of death or of the deregistration / dissolution. */
  readonly occurredOn: LocalDate;
  /** No heir or successor takes over the obligations (无权利义务承受人). */
  readonly noSuccessor: boolean;
  /** The proof on file: death certificate, deregistration record … */
  readonly proof: string;
}

export interface CloseCaseInput {
  readonly ground: ClosureGround;
  readonly closedOn: LocalDate;
  /** The head's approval on the closure form (结案审批表). */
  readonly approval?: Approval;
  /** INVESTIGATION_TERMINATED: the facts and their proof. */
  readonly termination?: InvestigationTermination;
}

/** 申诉 or 检举 received on the case's penalty decision (APL art. 75(2)). */
export interface RecordComplaintInput {
  readonly kind: ComplaintKind;
  readonly receivedOn: LocalDate;
}

/** The head's finding on a 申诉/检举 (APL art. 75(2)). */
export interface HandleComplaintInput {
  readonly complaintId: string;
  readonly handledOn: LocalDate;
  readonly finding: ComplaintFinding;
}

/** 法制审核 of a revocation or change: the reviewer and the day (APL art. 58 by analogy, U). */
export interface CorrectionLegalReview {
  readonly reviewerId: string;
  readonly reviewedOn: LocalDate;
  /** The reviewer holds the legal professional qualification (APL art. 58(2)); absent: not known. */
  readonly reviewerQualified?: boolean;
}

/** What a revocation and a change of the office's own decision share (APL art. 75(2)). */
export interface DecisionCorrectionInput {
  readonly decidedOn: LocalDate;
  /** The 申诉/检举 whose finding (ERROR_FOUND) opens the correction; absent: own discovery. */
  readonly complaintId?: string;
  readonly legalReview?: CorrectionLegalReview;
  /** The principal head's written approval. */
  readonly approval?: Approval;
  /** 负责人集体讨论, where the decision corrected was collectively discussed (APL art. 57(2)). */
  readonly collectiveDiscussedOn?: LocalDate;
}

export type RevokeDecisionInput = DecisionCorrectionInput;

export interface ChangeDecisionInput extends DecisionCorrectionInput {
  readonly penalties: readonly ProposedPenalty[];
  /**
   * A heavier change only: the new 行政处罚事先告知书 served on this day, and the party's
   * statement, defence (and hearing) heard or waived (APL arts. 44, 45).
   */
  readonly renewedNotice?: { readonly servedOn: LocalDate; readonly rightsConcluded: boolean };
}

/** 退还: money owed back after a revocation or change, paid out to the party (APL art. 75(2)). */
export interface RecordRefundInput {
  /** The revocation or change that owes it (Case.decisionCorrections). */
  readonly correctionId: string;
  readonly refundedOn: LocalDate;
  readonly amountFen: number;
  /** The voucher of the payment out (退付凭证). */
  readonly receiptNumber: string;
}

export interface ActionInputs {
  readonly registerCaseSource: RegisterCaseSourceInput;
  readonly decideDocketing: DecideDocketingInput;
  readonly cancelDocketing: CancelDocketingInput;
  readonly transferCase: TransferCaseInput;
  readonly applyForRecusal: ApplyForRecusalInput;
  readonly decideRecusal: DecideRecusalInput;
  readonly recordEvidence: RecordEvidenceInput;
  readonly recordInquiry: RecordInquiryInput;
  readonly recordInspection: RecordInspectionInput;
  readonly preserveEvidence: PreserveEvidenceInput;
  readonly handlePreservedEvidence: HandlePreservedEvidenceInput;
  readonly imposeCompulsoryMeasure: ImposeCompulsoryMeasureInput;
  readonly extendCompulsoryMeasure: ExtendCompulsoryMeasureInput;
  readonly releaseCompulsoryMeasure: ReleaseCompulsoryMeasureInput;
  readonly ratifyEmergencyMeasure: RatifyEmergencyMeasureInput;
  readonly recordTestingPeriod: RecordTestingPeriodInput;
  readonly orderCorrection: OrderCorrectionInput;
  readonly recordCorrectionReview: RecordCorrectionReviewInput;
  readonly issuePrePenaltyNotice: IssuePrePenaltyNoticeInput;
  readonly recordStatement: RecordStatementInput;
  readonly reviewStatement: ReviewStatementInput;
  readonly waiveRights: WaiveRightsInput;
  readonly requestHearing: RequestHearingInput;
  readonly scheduleHearing: ScheduleHearingInput;
  readonly recordHearing: RecordHearingInput;
  readonly submitLegalReview: SubmitLegalReviewInput;
  readonly completeLegalReview: CompleteLegalReviewInput;
  readonly recordCollectiveDiscussion: RecordCollectiveDiscussionInput;
  readonly extendTimeLimit: ExtendTimeLimitInput;
  readonly suspendCase: SuspendCaseInput;
  readonly resumeCase: ResumeCaseInput;
  readonly decideCase: DecideCaseInput;
  readonly imposeSummaryPenalty: ImposeSummaryPenaltyInput;
  readonly serveDocument: ServeDocumentInput;
  readonly recordPayment: RecordPaymentInput;
  readonly applyForDeferral: ApplyForDeferralInput;
  readonly decidePaymentArrangement: DecidePaymentArrangementInput;
  readonly recordReconsideration: RecordRemedyInput;
  readonly recordLitigation: RecordRemedyInput;
  readonly issueEnforcementDemand: IssueEnforcementDemandInput;
  readonly applyForCourtEnforcement: ApplyForCourtEnforcementInput;
  readonly recordCourtRuling: RecordCourtRulingInput;
  readonly applyForRulingReview: ApplyForRulingReviewInput;
  readonly resumeReturnedCase: ResumeReturnedCaseInput;
  readonly closeCase: CloseCaseInput;
  readonly recordComplaint: RecordComplaintInput;
  readonly handleComplaint: HandleComplaintInput;
  readonly revokeDecision: RevokeDecisionInput;
  readonly changeDecision: ChangeDecisionInput;
  readonly recordRefund: RecordRefundInput;
}

export type ActionInput<A extends ProcedureAction> = ActionInputs[A];
