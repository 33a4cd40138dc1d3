/**
 * Input of each procedure action (the GraphQL mutation arguments, after the
 * command layer has resolved ids to officers, certificates and approvals).
 * Legal basis: see transitions.ts for each action's articles.
 */
import type {
  Approval,
  CaseFlags,
  CaseSourceType,
  CompulsoryMeasureKind,
  HearingOutcome,
  LegalReviewResult,
  OfficerRef,
  Party,
  ProposedPenalty,
  TimeLimitKind,
  ViolationFacts,
  WaivableRight,
} from './case-snapshot.js';
import type { EvidenceKind } from './evidence-kind.js';
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

export type DecideDocketingInput =
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
  | { readonly docket: false; readonly reason: string };

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
}

export interface DecideRecusalInput {
  readonly recusalId: string;
  readonly granted: boolean;
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

export interface IssuePrePenaltyNoticeInput {
  readonly proposedPenalties: readonly ProposedPenalty[];
  readonly servedOn: LocalDate;
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
  readonly channel: 'WRITTEN' | 'ORAL';
}

export interface ReviewStatementInput {
  readonly statementId: string;
  readonly reviewedOn: LocalDate;
  readonly adopted: boolean;
}

export interface WaiveRightsInput {
  readonly rights: readonly WaivableRight[];
  readonly waivedOn: LocalDate;
  /** The party signed a written waiver (明确放弃). */
  readonly signedByParty: boolean;
}

export interface RequestHearingInput {
  readonly requestedOn: LocalDate;
}

export type NonPublicGround = 'STATE_SECRET' | 'COMMERCIAL_SECRET' | 'PERSONAL_PRIVACY';

export interface ScheduleHearingInput {
  readonly hearingOn: LocalDate;
  readonly noticeServedOn: LocalDate;
  readonly presidingOfficerId: string;
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

export type DecideCaseInput =
  | { readonly outcome: 'PENALTY'; readonly penalties: readonly ProposedPenalty[] }
  | {
      readonly outcome: 'NO_PENALTY';
      readonly ground: NoPenaltyGround;
      readonly educationGiven: boolean;
    }
  | { readonly outcome: 'FACTS_NOT_ESTABLISHED' }
  | { readonly outcome: 'TRANSFER_TO_JUDICIAL_ORGAN'; readonly recipient: string };

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
}

export type ActionInput<A extends ProcedureAction> = ActionInputs[A];
