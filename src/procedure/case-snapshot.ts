/**
 * The narrow, plain-data view of a case and of the acting officer that the
 * procedure engine reads. The command layer builds it from the entities; the
 * engine never sees an ORM object. Due dates in `deadlines` are computed and
 * stored by the command layer (calendar module); guards only compare them.
 * Legal basis: 《中华人民共和国行政处罚法》第四十二条 (certified officers), 第四十七条 (full-process
 * record), 第六十条 (case time limit) (V).
 */
import type { PendingDocumentRecord } from './document-production.js';
import type { AudioVisualRecord } from './audio-visual-record.js';
import type { CompulsoryMeasureBasis } from './compulsory-measure-basis.js';
import type { CompulsoryMeasureOnSiteFacts, TestingKind } from './action-inputs.js';
import type { EvidenceKind } from './evidence-kind.js';
import type { CaseStatus } from './case-status.js';
import type { LocalDate } from './local-date.js';
import type { OfficeLevel } from './office-level.js';
import type { OfficerRole } from './officer-role.js';
import type { PartyKind } from './party-kind.js';
import type { PenaltyKind } from './penalty-kind.js';

/** 行政执法证件. Valid from `validFrom` to `validTo` inclusive, and not from `revokedOn` on. */
export interface EnforcementCertificate {
  readonly number: string;
  readonly validFrom: LocalDate;
  readonly validTo: LocalDate;
  readonly revokedOn?: LocalDate;
}

export function isCertificateValidOn(
  certificate: EnforcementCertificate | undefined,
  date: LocalDate,
): boolean {
  if (!certificate) {
    return false;
  }
  if (date < certificate.validFrom || date > certificate.validTo) {
    return false;
  }
  return !(certificate.revokedOn !== undefined && certificate.revokedOn <= date);
}

/** The officer performing an action. */
export interface Actor {
  readonly officerId: string;
  readonly officeId: string;
  readonly roles: readonly OfficerRole[];
  /** 主要负责人 of the office (PIPL art. 63 approvals). */
  readonly isPrincipalHead?: boolean;
  readonly certificate?: EnforcementCertificate;
  /** 法律职业资格 (APL art. 58(2)). */
  readonly hasLegalProfessionalQualification?: boolean;
  /** First legal review done by this officer; reviewers from before 2021-07-15 keep their post. */
  readonly firstLegalReviewOn?: LocalDate;
}

/** An officer named in an act (collector, handler, officer present), with the certificate they hold. */
export interface OfficerRef {
  readonly officerId: string;
  readonly certificate?: EnforcementCertificate;
}

/** A recorded approval (审批) by a head of the office. */
export interface Approval {
  readonly approverId: string;
  readonly approverRoles: readonly OfficerRole[];
  /** 主要负责人. */
  readonly principalHead: boolean;
  readonly approvedOn: LocalDate;
  /** 书面 (signed approval form), required where the law says 书面报告并经批准. */
  readonly written: boolean;
}

/**
 * 送达地址确认书: the party agreed to electronic service and signed the confirmation of the
 * addresses (APL art. 61(2); CPL art. 90). Without it no document is served electronically.
 */
export interface ElectronicServiceConsent {
  readonly signedOn: LocalDate;
  /** Confirmed electronic addresses (e-mail, fax number, platform account). */
  readonly addresses: readonly string[];
  /** Withdrawn from this day on. */
  readonly withdrawnOn?: LocalDate;
}

export interface Party {
  readonly id: string;
  readonly kind: PartyKind;
  readonly electronicServiceConsent?: ElectronicServiceConsent;
}

export const CASE_SOURCE_TYPES = [
  'INSPECTION', // 在监督检查中发现
  'COMPLAINT_OR_REPORT', // 投诉、申诉、举报
  'ASSIGNED_BY_HIGHER_OFFICE', // 上级机关交办
  'REQUESTED_BY_LOWER_OFFICE', // 下级机关报请查处
  'TRANSFERRED_IN', // 有关部门移送
] as const;
export type CaseSourceType = (typeof CASE_SOURCE_TYPES)[number];

export interface CaseSource {
  readonly type: CaseSourceType;
  /** Date the clue was found or the materials were received: the discovery date of APL art. 36. */
  readonly receivedOn: LocalDate;
  /** A complainant or reporter who signed (具名); they are told if the case is not docketed. */
  readonly namedComplainant?: boolean;
  /** Office or authority that assigned, requested or transferred the case. */
  readonly originator?: string;
}

/** 违法行为 dates for the limitation period (APL art. 36). */
export interface ViolationFacts {
  readonly committedOn: LocalDate;
  /** End of a continuing or continuous act (连续或者继续状态). */
  readonly endedOn?: LocalDate;
  /** 涉及公民生命健康安全、金融安全且有危害后果: limitation 5 years. */
  readonly harmsLifeHealthOrFinancialSecurity: boolean;
}

/** Classification that triggers legal review (APL art. 58) and collective discussion (art. 57(2)). */
export interface CaseFlags {
  /** 涉及重大公共利益. */
  readonly majorPublicInterest: boolean;
  /** 案件情况疑难复杂、涉及多个法律关系 / 情节复杂. */
  readonly complexCase: boolean;
  /** 重大违法行为. */
  readonly majorViolation: boolean;
  /** 法律、法规规定应当进行法制审核的其他情形. */
  readonly legalReviewRequiredByOtherLaw: boolean;
}

export const DEADLINE_KINDS = [
  'DOCKETING', // 立案期限
  'JURISDICTION_DESIGNATION', // 指定管辖期限（上级部门）
  'PRESERVATION_HANDLING', // 先行登记保存处理期限
  'COMPULSORY_MEASURE', // 查封、扣押期限
  'EMERGENCY_MEASURE_REPORT', // 当场实施查封、扣押后向负责人报告的期限（二十四小时）
  'STATEMENT', // 陈述、申辩期限
  'HEARING_REQUEST', // 听证申请期限
  'CASE_TIME_LIMIT', // 办案期限
  'DECISION_SERVICE', // 决定书送达期限
  'PAYMENT', // 罚款缴纳期限（收到决定书之日起十五日）
  'RECONSIDERATION_PERIOD', // 行政复议申请期限（六十日）
  'LITIGATION_PERIOD', // 行政诉讼起诉期限（六个月；复议后十五日）
  'PUBLICATION_WITHDRAWAL', // 撤回已公开的行政处罚决定信息期限（三个工作日）
  'COURT_ENFORCEMENT_WINDOW', // 申请人民法院强制执行期限（期限届满之日起三个月）
  'CORRECTION_PERIOD', // 责令限期改正的期限
  'COURT_RULING_REVIEW', // 对不予执行裁定申请复议期限（收到裁定之日起十五日）
] as const;
export type DeadlineKind = (typeof DEADLINE_KINDS)[number];

export interface StoredDeadline {
  readonly dueDate: LocalDate;
}

export interface OfficerOnCase {
  readonly officerId: string;
  readonly certificate?: EnforcementCertificate;
}

export interface EvidenceRecord {
  readonly id: string;
  readonly kind: EvidenceKind;
  readonly collectedOn: LocalDate;
  readonly fromParty: boolean;
  readonly collectorIds: readonly string[];
}

export interface TranscriptRecord {
  readonly id: string;
  readonly kind: 'INQUIRY' | 'INSPECTION';
  readonly conductedOn: LocalDate;
  readonly officerIds: readonly string[];
  /** The person questioned or the premises inspected is the party's. */
  readonly withParty: boolean;
}

export interface PreservationRecord {
  readonly id: string;
  readonly startedOn: LocalDate;
  readonly handledOn?: LocalDate;
}

export type CompulsoryMeasureKind = 'SEALING' | 'SEIZURE'; // 查封 / 扣押

export interface CompulsoryMeasureRecord {
  readonly id: string;
  readonly kind: CompulsoryMeasureKind;
  readonly startedOn: LocalDate;
  /** Last day of the measure, including any extension. */
  readonly endsOn: LocalDate;
  readonly extended: boolean;
  readonly releasedOn?: LocalDate;
  /** The statutory basis (absent on measures recorded before it was kept). */
  readonly basis?: CompulsoryMeasureBasis;
  /** Recorded evidence showing the items were used in the unlawful act. */
  readonly evidenceIds?: readonly string[];
  /** Catalog provisions the act is suspected under. */
  readonly suspectedProvisionIds?: readonly string[];
  /** Imposed on the spot in an emergency, and the head's later decision (Compulsion Law art. 19). */
  readonly emergency?: EmergencyMeasureRecord;
  /** The on-site procedure as recorded (Compulsion Law art. 18 items (4)-(9)). */
  readonly onSite?: CompulsoryMeasureOnSiteFacts;
  /** 保管场所、保管人 (Compulsion Law art. 26). */
  readonly custody?: { readonly place: string; readonly custodian: string };
  /** Testing periods excluded from the measure's period (Compulsion Law art. 25(3)). */
  readonly testingPeriods?: readonly TestingPeriodRecord[];
}

export interface EmergencyMeasureRecord {
  readonly reason: string;
  /** ISO 8601 instant the measure was imposed on the spot. */
  readonly imposedAt: string;
  /** The head's decision; absent until the report is recorded. */
  readonly ratification?: {
    /** ISO 8601 instant of the report to the head. */
    readonly reportedAt: string;
    readonly approved: boolean;
    readonly decidedOn: LocalDate;
    readonly approverId?: string;
    readonly refusalReason?: string;
  };
}

export interface TestingPeriodRecord {
  readonly testingKind: TestingKind;
  readonly institution: string;
  readonly startsOn: LocalDate;
  readonly endsOn: LocalDate;
  /** Days of the testing excluded from the measure's period (those after its start day). */
  readonly daysExcluded: number;
  readonly notifiedOn: LocalDate;
}

export const CORRECTION_FINDINGS = [
  'COMPLIED', // 已改正
  'NOT_COMPLIED', // 未改正（拒不改正）
  'PARTLY_COMPLIED', // 部分改正
] as const;
export type CorrectionFinding = (typeof CORRECTION_FINDINGS)[number];

/** 复查: the office's check, after the order, of whether the party corrected. */
export interface CorrectionReviewRecord {
  readonly id: string;
  readonly reviewedOn: LocalDate;
  readonly finding: CorrectionFinding;
}

/**
 * 责令改正 / 责令限期改正 (APL art. 28(1)): the order on one party, its deadline (absent: 立即改正),
 * its service, and the reviews (复查) of compliance.
 */
export interface CorrectionOrderRecord {
  readonly id: string;
  readonly partyId: string;
  readonly orderedOn: LocalDate;
  /** Last day to correct (computed with the calendar from the period the order sets); absent: 立即改正. */
  readonly dueOn?: LocalDate;
  /** Deemed-served date of the 责令改正通知书. */
  readonly servedOn?: LocalDate;
  readonly reviews: readonly CorrectionReviewRecord[];
}

/** 申诉 (the party's complaint) or 检举 (anyone's report) about a penalty (APL art. 75(2)). */
export const COMPLAINT_KINDS = [
  'COMPLAINT', // 申诉（当事人）
  'REPORT', // 检举（其他单位和个人）
] as const;
export type ComplaintKind = (typeof COMPLAINT_KINDS)[number];

/** The head's finding on a 申诉/检举: an error found opens the office's own correction (APL art. 75(2)). */
export const COMPLAINT_FINDINGS = [
  'ERROR_FOUND', // 行政处罚确有错误
  'NO_ERROR', // 未发现错误
] as const;
export type ComplaintFinding = (typeof COMPLAINT_FINDINGS)[number];

/** One 申诉 or 检举 received on a penalty decision, and how it was handled (APL art. 75(2)). */
export interface ComplaintRecord {
  readonly id: string;
  readonly kind: ComplaintKind;
  readonly receivedOn: LocalDate;
  readonly handledOn?: LocalDate;
  readonly finding?: ComplaintFinding;
}

/** The office's own correction of its penalty decision (APL art. 75(2) 主动改正). */
export const DECISION_CORRECTION_KINDS = [
  'REVOKED', // 撤销原行政处罚决定
  'CHANGED', // 变更原行政处罚决定
] as const;
export type DecisionCorrectionKind = (typeof DECISION_CORRECTION_KINDS)[number];

/**
 * A revocation or change of the case's penalty decision by the office itself: what the decision
 * imposed before and after, and the money paid beyond what is now owed (退还). The decision it
 * corrects is kept as it was (history), the correction only added.
 */
export interface DecisionCorrectionRecord {
  readonly id: string;
  readonly kind: DecisionCorrectionKind;
  readonly decidedOn: LocalDate;
  /** The 申诉/检举 whose finding opened it; absent: the office's own discovery. */
  readonly complaintId?: string;
  readonly previousPenalties: readonly ProposedPenalty[];
  /** The penalties after the correction: none for a revocation. */
  readonly penalties: readonly ProposedPenalty[];
  /** Money (fine and confiscated sums) the decision imposed before and after, in fen. */
  readonly previousObligationFen: number;
  readonly obligationFen: number;
  /** Paid by the day of the correction. */
  readonly paidFen: number;
  /** Paid beyond the corrected obligation: to be refunded (退还) to the party. */
  readonly refundOwedFen: number;
  /** The status the case was in: a demand or a court application then pending is withdrawn. */
  readonly fromStatus: CaseStatus;
  /**
   * Day the 撤销（变更）行政处罚决定书 is deemed served: a change's payment, reconsideration and
   * litigation periods run from it (APL art. 61(1), 67(3)).
   */
  readonly servedOn?: LocalDate;
  /** 退还 recorded: the refund owed paid out, in one or more payments. */
  readonly refunds?: readonly RefundRecord[];
}

/** One payment out of a refund owed (退还). */
export interface RefundRecord {
  readonly refundedOn: LocalDate;
  readonly amountFen: number;
  readonly receiptNumber: string;
}

/** Of the refund a correction owes, what is not yet paid out (fen). */
export function refundOutstandingFen(correction: DecisionCorrectionRecord): number {
  const refunded = (correction.refunds ?? []).reduce((sum, r) => sum + r.amountFen, 0);
  return correction.refundOwedFen - refunded;
}

/** The latest correction of the decision (the one whose letter is served next). */
export function latestDecisionCorrection(
  snapshot: CaseSnapshot,
): DecisionCorrectionRecord | undefined {
  return snapshot.decisionCorrections.at(-1);
}

/** The party refused to correct: an order served on it and a review that found it not complied with. */
export function hasUnmetCorrectionOrder(snapshot: CaseSnapshot, partyId: string): boolean {
  return (snapshot.correctionOrders ?? []).some(
    (o) =>
      o.partyId === partyId &&
      o.servedOn !== undefined &&
      o.reviews.some((r) => r.finding === 'NOT_COMPLIED'),
  );
}

export type RecusalDecision = 'GRANTED' | 'REJECTED';

export interface RecusalRecord {
  readonly id: string;
  readonly targetOfficerId: string;
  readonly appliedOn: LocalDate;
  readonly decision?: RecusalDecision;
  readonly decidedOn?: LocalDate;
  /** The target is a head of the office: decided by collective discussion of the heads. */
  readonly targetIsHead?: boolean;
  /** 复议 of this rejected application. */
  readonly reconsiderationOf?: string;
}

export interface ProposedPenalty {
  /** The party the penalty is for; omitted when the case has one party. */
  readonly partyId?: string;
  readonly kind: PenaltyKind;
  /** Fine amount, or value of what is confiscated, in yuan. */
  readonly amountYuan?: number;
}

export interface PrePenaltyNoticeRecord {
  /** Date the notice was issued (signed and sealed). Absent on notices recorded before service was modelled. */
  readonly issuedOn?: LocalDate;
  /**
   * Deemed-served date (served on the spot at issue, or by serveDocument). Absent while the
   * notice is issued but not yet served: the party's windows have not started.
   */
  readonly servedOn?: LocalDate;
  readonly proposedPenalties: readonly ProposedPenalty[];
  readonly hearingEligible: boolean;
}

export interface StatementRecord {
  readonly id: string;
  /** The party who stated (several parties state each on their own, APL art. 45); absent with one party. */
  readonly partyId?: string;
  readonly receivedOn: LocalDate;
  readonly reviewedOn?: LocalDate;
}

export type WaivableRight = 'STATEMENT_AND_DEFENCE' | 'HEARING';

export interface WaiverRecord {
  readonly right: WaivableRight;
  /** The party who waived: one party's waiver binds no other (APL art. 62); absent with one party. */
  readonly partyId?: string;
  readonly waivedOn: LocalDate;
}

export type HearingOutcome = 'HELD' | 'TERMINATED_PARTY_ABSENT' | 'TERMINATED_PARTY_LEFT';

/** One party's request for the hearing (several parties: each asks on their own, APL art. 64(1)). */
export interface HearingRequest {
  readonly partyId: string;
  readonly requestedOn: LocalDate;
}

export interface HearingRecord {
  readonly requestedOn: LocalDate;
  /** The party who requested it first; absent with one party. */
  readonly partyId?: string;
  /**
   * Several parties: every party whose request this (joint) hearing answers and who has not
   * withdrawn it, in the order they asked; absent with one party.
   */
  readonly requests?: readonly HearingRequest[];
  /** Several parties: the requesting parties the hearing notice was given to when scheduled. */
  readonly noticedPartyIds?: readonly string[];
  readonly noticeServedOn?: LocalDate;
  readonly hearingOn?: LocalDate;
  readonly presidingOfficerId?: string;
  /** 记录人 (may be challenged, APL art. 43). */
  readonly recorderId?: string;
  readonly heldOn?: LocalDate;
  readonly outcome?: HearingOutcome;
  /** The party withdrew the request (waived the hearing). */
  readonly withdrawnOn?: LocalDate;
}

export type LegalReviewResult = 'PASSED' | 'RETURNED_FOR_SUPPLEMENT' | 'NOT_PASSED';

export interface LegalReviewRecord {
  readonly submittedOn: LocalDate;
  readonly completedOn?: LocalDate;
  readonly result?: LegalReviewResult;
  readonly reviewerId?: string;
}

export interface CollectiveDiscussionRecord {
  readonly heldOn: LocalDate;
  readonly headCount: number;
}

export type TimeLimitKind = 'DOCKETING_PERIOD' | 'CASE_TIME_LIMIT';

export interface TimeLimitExtensionRecord {
  readonly limit: TimeLimitKind;
  readonly approvedOn: LocalDate;
  readonly days?: number;
  readonly byCollectiveDiscussion: boolean;
}

export interface SuspensionRecord {
  readonly suspendedOn: LocalDate;
  readonly resumedOn?: LocalDate;
}

/** A fine already imposed on the same illegal act (any office, any case): APL art. 29. */
export interface PriorFine {
  readonly caseId: string;
  readonly decidedOn: LocalDate;
  readonly partyId?: string;
}

export type DecisionOutcomeKind =
  'PENALTY' | 'NO_PENALTY' | 'FACTS_NOT_ESTABLISHED' | 'TRANSFER_TO_JUDICIAL_ORGAN';

/** The decision (处理决定) as made, and as changed by a remedy. Amounts in fen (integer). */
export interface DecisionRecord {
  readonly outcome: DecisionOutcomeKind;
  readonly decidedOn: LocalDate;
  readonly penalties: readonly ProposedPenalty[];
  /** Total of the fines (罚款) in fen: the principal of APL arts. 67, 72. */
  readonly fineFen: number;
  /** 当场处罚 (summary procedure): handed over on the spot. */
  readonly onTheSpot?: boolean;
  /** To be published (具有一定社会影响, APL art. 48): a change or annulment withdraws it. */
  readonly published?: boolean;
  /** Deemed-served date of the decision letter: starts payment and remedy periods. */
  readonly servedOn?: LocalDate;
  /**
   * Annulled by reconsideration or judgment, or revoked by the office itself (撤销, APL art.
   * 75(2)): nothing is left to execute.
   */
  readonly annulledOn?: LocalDate;
  /** Changed (变更) or confirmed unlawful (确认违法) by a remedy. */
  readonly changedOn?: LocalDate;
  readonly confirmedUnlawfulOn?: LocalDate;
}

export const SERVABLE_DOCUMENTS = [
  'PRE_PENALTY_NOTICE', // 行政处罚事先告知书
  'HEARING_NOTICE', // 听证通知书
  'PENALTY_DECISION', // 行政处罚决定书
  'NO_PENALTY_DECISION', // 不予行政处罚决定书
  'ENFORCEMENT_DEMAND', // 催告书
  'CORRECTION_ORDER', // 责令改正通知书
  'DECISION_REVOCATION_OR_CHANGE', // 撤销（变更）行政处罚决定书 (APL art. 75(2))
] as const;
export type ServableDocument = (typeof SERVABLE_DOCUMENTS)[number];

/** A document kind that is served on the party (and so gets a 送达回证). */
export function isServableDocument(kind: string): kind is ServableDocument {
  return (SERVABLE_DOCUMENTS as readonly string[]).includes(kind);
}

export const SERVICE_METHODS = [
  'DIRECT', // 直接送达（受送达人本人签收）
  'ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE', // 同住成年家属 / 法人的法定代表人、主要负责人或者负责收件的人签收
  'LEFT_AT_RESIDENCE', // 留置送达
  'ELECTRONIC', // 电子送达（送达地址确认书）
  'MAIL', // 邮寄送达
  'ENTRUSTED', // 委托送达
  'FORWARDED', // 转交送达（军人、被监禁人、被采取强制性教育措施的人）
  'PUBLIC_NOTICE', // 公告送达
] as const;
export type ServiceMethod = (typeof SERVICE_METHODS)[number];

/** One service (送达) of one or more documents, as entered on the service receipt (送达回证). */
export interface ServiceRecord {
  readonly id: string;
  /** 受送达人: the party served. Absent on services recorded before it was kept (then: every party). */
  readonly partyId?: string;
  readonly documents: readonly ServableDocument[];
  readonly method: ServiceMethod;
  /** Day the officers acted: handed over, left, sent, mailed, entrusted or published. */
  readonly servedOn: LocalDate;
  /** Day the law deems the documents served (deemedServedOn()): it starts the party's periods. */
  readonly deemedServedOn: LocalDate;
  readonly serverIds: readonly string[];
}

/** 缴款: paid at the designated bank or by electronic payment (APL art. 67). */
export interface PaymentRecord {
  readonly id: string;
  /** The party who paid: with several, each pays their own obligation (APL art. 66(1)). */
  readonly partyId?: string;
  readonly paidOn: LocalDate;
  readonly amountFen: number;
  readonly channel: PaymentChannel;
  readonly receiptNumber: string;
}

export type PaymentChannel =
  | 'DESIGNATED_BANK' // 指定银行
  | 'ELECTRONIC_PAYMENT' // 电子支付
  | 'ON_THE_SPOT' // 当场收缴（APL 68-69）
  | 'COURT_ENFORCEMENT'; // 人民法院强制执行

export interface InstalmentRecord {
  readonly dueOn: LocalDate;
  readonly amountFen: number;
}

export type PaymentArrangementKind = 'DEFERRAL' | 'INSTALMENTS'; // 延期 / 分期

/** 延期或者分期缴纳罚款 (APL art. 66(2)): the party's application and the office's decision. */
export interface PaymentArrangementRecord {
  readonly id: string;
  readonly kind: PaymentArrangementKind;
  readonly appliedOn: LocalDate;
  readonly decision?: 'APPROVED' | 'REJECTED';
  readonly decidedOn?: LocalDate;
  /** The approved schedule (one entry for a deferral). */
  readonly schedule?: readonly InstalmentRecord[];
}

export type RemedyKind = 'RECONSIDERATION' | 'LITIGATION'; // 行政复议 / 行政诉讼

export const REMEDY_OUTCOMES = [
  'UPHELD', // 维持 / 驳回
  'CHANGED', // 变更
  'ANNULLED', // 撤销
  'CONFIRMED_UNLAWFUL', // 确认违法
  'WITHDRAWN', // 申请人撤回申请 / 撤诉
] as const;
export type RemedyOutcome = (typeof REMEDY_OUTCOMES)[number];

/** A reconsideration or lawsuit against the decision; pending while `decidedOn` is absent. */
export interface RemedyRecord {
  readonly id: string;
  readonly kind: RemedyKind;
  readonly filedOn: LocalDate;
  /** Reconsideration organ or court. */
  readonly organ: string;
  readonly decidedOn?: LocalDate;
  readonly outcome?: RemedyOutcome;
}

export const COURT_RULING_RESULTS = [
  'ENFORCEMENT_ORDERED', // 裁定准予执行
  'ENFORCEMENT_REFUSED', // 裁定不予执行
  'ENFORCED', // 执行完毕
  'ENFORCEMENT_TERMINATED', // 裁定终结执行
] as const;
export type CourtRulingResult = (typeof COURT_RULING_RESULTS)[number];

/** Compulsory enforcement through the court (行政强制法第五章). */
export interface EnforcementRecord {
  /** The party demanded (several parties fined: each on their own obligation); absent with one. */
  readonly partyId?: string;
  /** 催告书 issued. A new demand replaces the previous one. */
  readonly demandIssuedOn: LocalDate;
  readonly demandAmountFen: number;
  /** 履行义务的期限 the demand states (Compulsion Law art. 35(1)); absent on records made before it was kept. */
  readonly demandPerformBy?: LocalDate;
  /** Deemed-served date of the demand (serveDocument). */
  readonly demandServedOn?: LocalDate;
  /** Start of the 3-month window (last day of the remedy periods or of the arrangement). */
  readonly remedyPeriodsLapseOn: LocalDate;
  readonly courtAppliedOn?: LocalDate;
  readonly court?: string;
  readonly rulings: ReadonlyArray<{
    readonly ruledOn: LocalDate;
    readonly result: CourtRulingResult;
    /** The day the office received the ruling (the review period runs from it); absent: ruledOn. */
    readonly receivedOn?: LocalDate;
  }>;
  /**
   * 复议 of a 不予执行 ruling, applied for to the court one level up (Compulsion Law art. 58(3)).
   * A ruling recorded after it is the review's result.
   */
  readonly rulingReview?: { readonly appliedOn: LocalDate; readonly court: string };
}

export const CLOSURE_GROUNDS = [
  'EXECUTED', // 行政处罚决定执行完毕
  'NO_PENALTY', // 作出不予行政处罚决定
  'FACTS_NOT_ESTABLISHED', // 违法事实不能成立
  'TRANSFERRED', // 已移送管辖或者移送司法机关
  'NOT_DOCKETED', // 不予立案
  'DOCKETING_CANCELLED', // 撤销立案
  'ENFORCEMENT_TERMINATED', // 人民法院裁定终结执行
  'DECISION_ANNULLED', // 行政处罚决定被依法撤销
  'COURT_REFUSED_ENFORCEMENT', // 人民法院裁定不予执行（复议维持或者未申请复议）
  'INVESTIGATION_TERMINATED', // 终止调查（当事人死亡或者终止，无权利义务承受人）
] as const;
export type ClosureGround = (typeof CLOSURE_GROUNDS)[number];

export interface JudicialTransferRecord {
  readonly recipient: string;
  readonly reportedOn: LocalDate;
  readonly approverId: string;
  readonly approvedOn: LocalDate;
  readonly transferredOn: LocalDate;
  readonly procuratorate: string;
  /** Set when the judiciary sent the case back (APL art. 27(1), second sentence). */
  readonly returned?: {
    readonly ground:
      'NOT_FILED' | 'CASE_WITHDRAWN' | 'NOT_PROSECUTED' | 'EXEMPTED_FROM_CRIMINAL_PUNISHMENT';
    readonly receivedOn: LocalDate;
    readonly judicialDocument: string;
  };
}

export interface ClosureRecord {
  readonly closedOn: LocalDate;
  readonly ground: ClosureGround;
  readonly approverId: string;
}

export interface CaseSnapshot {
  readonly status: CaseStatus;
  readonly officeId: string;
  readonly officeLevel: OfficeLevel;
  readonly parties: readonly Party[];
  readonly source?: CaseSource;
  readonly violation?: ViolationFacts;
  readonly docketedOn?: LocalDate;
  /** 案件承办人 (≥2, certified). */
  readonly handlers: readonly OfficerOnCase[];
  readonly flags: CaseFlags;
  readonly deadlines: Readonly<Partial<Record<DeadlineKind, StoredDeadline>>>;
  readonly evidence: readonly EvidenceRecord[];
  readonly transcripts: readonly TranscriptRecord[];
  readonly preservations: readonly PreservationRecord[];
  readonly compulsoryMeasures: readonly CompulsoryMeasureRecord[];
  readonly recusals: readonly RecusalRecord[];
  /** Audio-visual records of seizures, inspections and 留置送达 (APL art. 47). */
  readonly audioVisualRecords: readonly AudioVisualRecord[];
  /** 责令改正 orders and their reviews (APL art. 28(1)). */
  readonly correctionOrders: readonly CorrectionOrderRecord[];
  /** 申诉、检举 on the penalty decision and their handling (APL art. 75(2)). */
  readonly complaints: readonly ComplaintRecord[];
  /** The office's own revocations and changes of its penalty decision (APL art. 75(2)). */
  readonly decisionCorrections: readonly DecisionCorrectionRecord[];
  readonly notice?: PrePenaltyNoticeRecord;
  readonly statements: readonly StatementRecord[];
  readonly waivers: readonly WaiverRecord[];
  readonly hearing?: HearingRecord;
  readonly legalReviews: readonly LegalReviewRecord[];
  readonly collectiveDiscussions: readonly CollectiveDiscussionRecord[];
  readonly timeLimitExtensions: readonly TimeLimitExtensionRecord[];
  readonly suspensions: readonly SuspensionRecord[];
  readonly priorFinesForSameAct: readonly PriorFine[];
  readonly decision?: DecisionRecord;
  readonly services: readonly ServiceRecord[];
  readonly payments: readonly PaymentRecord[];
  readonly paymentArrangements: readonly PaymentArrangementRecord[];
  readonly remedies: readonly RemedyRecord[];
  readonly enforcement?: EnforcementRecord;
  /**
   * Several parties fined separately: the demands and court applications on other parties that
   * a later party's demand followed (each party's own enforcement is kept; APL art. 66(1)).
   */
  readonly priorPartyEnforcements?: readonly EnforcementRecord[];
  readonly closure?: ClosureRecord;
  /** 移送涉嫌犯罪案件 and, when the judiciary sent it back, the re-entry (APL art. 27(1)). */
  readonly judicialTransfer?: JudicialTransferRecord;
  /** Documents steps made due that are not produced yet (stored apart from the record). */
  readonly pendingDocuments: readonly PendingDocumentRecord[];
}

export const NO_FLAGS: CaseFlags = {
  majorPublicInterest: false,
  complexCase: false,
  majorViolation: false,
  legalReviewRequiredByOtherLaw: false,
};

/** The snapshot of a case that does not exist yet, for `registerCaseSource`. */
export function newCaseSnapshot(officeId: string, officeLevel: OfficeLevel): CaseSnapshot {
  return {
    status: 'NEW',
    officeId,
    officeLevel,
    parties: [],
    handlers: [],
    flags: NO_FLAGS,
    deadlines: {},
    evidence: [],
    transcripts: [],
    preservations: [],
    compulsoryMeasures: [],
    recusals: [],
    audioVisualRecords: [],
    correctionOrders: [],
    complaints: [],
    decisionCorrections: [],
    statements: [],
    waivers: [],
    legalReviews: [],
    collectiveDiscussions: [],
    timeLimitExtensions: [],
    suspensions: [],
    priorFinesForSameAct: [],
    services: [],
    payments: [],
    paymentArrangements: [],
    remedies: [],
    pendingDocuments: [],
  };
}

/** Everyone who investigated: handlers, evidence collectors and officers on transcripts (调查人员). */
export function investigatorIds(snapshot: CaseSnapshot): ReadonlySet<string> {
  const ids = new Set<string>(snapshot.handlers.map((h) => h.officerId));
  for (const e of snapshot.evidence) {
    e.collectorIds.forEach((id) => ids.add(id));
  }
  for (const t of snapshot.transcripts) {
    t.officerIds.forEach((id) => ids.add(id));
  }
  return ids;
}

/** Officers removed from the case by a granted recusal. */
export function recusedOfficerIds(snapshot: CaseSnapshot): ReadonlySet<string> {
  return new Set(
    snapshot.recusals.filter((r) => r.decision === 'GRANTED').map((r) => r.targetOfficerId),
  );
}

/** Reconsiderations and lawsuits filed and not yet decided. */
export function pendingRemedies(snapshot: CaseSnapshot): RemedyRecord[] {
  return snapshot.remedies.filter((r) => r.decidedOn === undefined);
}

/** The approved deferral or instalment plan in force (the latest approved). */
export function approvedArrangement(snapshot: CaseSnapshot): PaymentArrangementRecord | undefined {
  return snapshot.paymentArrangements.findLast((a) => a.decision === 'APPROVED');
}

export function openSuspension(snapshot: CaseSnapshot): SuspensionRecord | undefined {
  return snapshot.suspensions.find((s) => s.resumedOn === undefined);
}
