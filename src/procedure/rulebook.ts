/**
 * Dated rulebook: the numbers of the procedure (periods, thresholds, counts), in
 * versions by the date the rules took effect, as OpenFisca dates its parameters.
 * Procedural rules apply to acts done while they are in force, so the version is
 * picked by the date of the act. P/U values carry their source and `verified: false`.
 * Values the law leaves to provinces (较大数额 hearing thresholds) can be overridden per office.
 * Legal basis: 《中华人民共和国行政处罚法》第三十六条、第四十二条、第五十一条、第五十六条、第六十条、第六十一条、
 * 第六十三条、第六十四条、第八十五条、第八十六条 (V); 《中华人民共和国行政强制法》第二十五条、第六十九条 (V);
 * 2017 规定第十一条、第十五条 (P); 2023 规定 (U where the article was not retrieved).
 */
import {
  cac2017,
  civilProcedure,
  compulsionLaw,
  criminalCaseTransfer,
  litigationLaw,
  reconsiderationLaw,
} from './citations.js';
import { apl, type LegalBasis, type VerificationStatus } from './legal-basis.js';
import { compareLocalDates, type LocalDate } from './local-date.js';
import type { PenaltyKind } from './penalty-kind.js';

export type PeriodUnit = 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'MONTHS' | 'YEARS';

interface ParameterBase {
  /** Chinese term of the parameter. */
  readonly name: string;
  readonly legalBasis: readonly LegalBasis[];
  readonly status: VerificationStatus;
  /** True only when the value was read in the verified text (status V). */
  readonly verified: boolean;
  /** Where the value comes from, and what is uncertain about it. */
  readonly source: string;
  /** The law lets a province or office set the value (rulebookFor overrides). */
  readonly overridable: boolean;
}

/** Shape-compatible with the calendar module's PeriodSpec (length, unit, legal basis). */
export interface PeriodParameter extends ParameterBase {
  readonly type: 'PERIOD';
  readonly length: number;
  readonly unit: PeriodUnit;
  /** false: a period in hours modelled as days does not roll over a holiday (hours run through it). */
  readonly rollOverHolidays?: boolean;
}

export interface AmountParameter extends ParameterBase {
  readonly type: 'AMOUNT';
  /** Yuan; null = not set by any text we hold (the engine then applies a conservative default). */
  readonly value: number | null;
}

export interface CountParameter extends ParameterBase {
  readonly type: 'COUNT';
  readonly value: number;
}

export interface PenaltyKindsParameter extends ParameterBase {
  readonly type: 'PENALTY_KINDS';
  readonly value: readonly PenaltyKind[];
}

export interface FlagParameter extends ParameterBase {
  readonly type: 'FLAG';
  readonly value: boolean;
}

/** A date from which a rule binds (a cut-over), not a period. */
export interface DateParameter extends ParameterBase {
  readonly type: 'DATE';
  readonly value: LocalDate;
}

export type RulebookParameter =
  | PeriodParameter
  | AmountParameter
  | CountParameter
  | PenaltyKindsParameter
  | FlagParameter
  | DateParameter;

export interface RulebookParameters {
  readonly docketingPeriod: PeriodParameter;
  readonly docketingPeriodWithExtension: PeriodParameter;
  readonly docketingExtensionsAllowed: CountParameter;
  readonly jurisdictionDesignationPeriod: PeriodParameter;
  readonly minimumOfficersPerAct: CountParameter;
  readonly preservationHandlingPeriod: PeriodParameter;
  readonly compulsoryMeasureMaximum: PeriodParameter;
  readonly compulsoryMeasureExtensionMaximum: PeriodParameter;
  readonly compulsoryMeasureExtensionsAllowed: CountParameter;
  readonly statementPeriod: PeriodParameter;
  readonly hearingRequestPeriod: PeriodParameter;
  readonly hearingNoticeLeadTime: PeriodParameter;
  readonly hearingAgentsMaximum: CountParameter;
  readonly hearingFineThresholdNaturalPerson: AmountParameter;
  readonly hearingFineThresholdOrganization: AmountParameter;
  readonly hearingConfiscationThresholdNaturalPerson: AmountParameter;
  readonly hearingConfiscationThresholdOrganization: AmountParameter;
  readonly heavierPenaltyKinds: PenaltyKindsParameter;
  readonly legalReviewForAllOrdinaryCases: FlagParameter;
  readonly collectiveDiscussionMinimumHeads: CountParameter;
  readonly caseTimeLimit: PeriodParameter;
  readonly caseTimeLimitExtension: PeriodParameter;
  readonly caseTimeLimitExtensionsByHead: CountParameter;
  readonly decisionServicePeriod: PeriodParameter;
  readonly limitationPeriod: PeriodParameter;
  readonly extendedLimitationPeriod: PeriodParameter;
  readonly summaryFineLimitNaturalPerson: AmountParameter;
  readonly summaryFineLimitOrganization: AmountParameter;
  readonly publicNoticeServicePeriod: PeriodParameter;
  readonly paymentPeriod: PeriodParameter;
  readonly lateSurchargePercentPerDay: CountParameter;
  readonly lateSurchargeCapPercent: CountParameter;
  readonly reconsiderationPeriod: PeriodParameter;
  readonly litigationPeriod: PeriodParameter;
  readonly litigationAfterReconsiderationPeriod: PeriodParameter;
  readonly publicationWithdrawalPeriod: PeriodParameter;
  readonly enforcementDemandWaitPeriod: PeriodParameter;
  readonly courtEnforcementApplicationPeriod: PeriodParameter;
  readonly courtRulingReviewPeriod: PeriodParameter;
  readonly judicialTransferDecisionPeriod: PeriodParameter;
  readonly judicialTransferPeriod: PeriodParameter;
  readonly lateEntryReasonThreshold: PeriodParameter;
  readonly publicationPeriod: PeriodParameter;
  readonly publicationDuration: PeriodParameter;
  readonly publicationPresumedPenaltyKinds: PenaltyKindsParameter;
  readonly creditRepairMinimumPublication: PeriodParameter;
  readonly enforcementDemandStatementPeriod: PeriodParameter;
  readonly correctionPeriod: PeriodParameter;
  readonly audioVisualRecordRequiredFrom: DateParameter;
  readonly emergencyMeasureReportPeriod: PeriodParameter;
}

export type ParameterKey = keyof RulebookParameters;
export type PeriodParameterKey = {
  [K in ParameterKey]: RulebookParameters[K] extends PeriodParameter ? K : never;
}[ParameterKey];

/** Keys the law leaves to provinces or offices. */
export const OVERRIDABLE_PARAMETER_KEYS = [
  'hearingFineThresholdNaturalPerson',
  'hearingFineThresholdOrganization',
  'hearingConfiscationThresholdNaturalPerson',
  'hearingConfiscationThresholdOrganization',
  'heavierPenaltyKinds',
] as const;
export type OverridableParameterKey = (typeof OVERRIDABLE_PARAMETER_KEYS)[number];

export interface RulebookOverrides {
  /** Stable id stored with the audit event, e.g. 'GD-2024-hearing-thresholds'. */
  readonly id: string;
  /** The document that sets the figures (provincial rule, office decision). */
  readonly source: string;
  readonly status?: VerificationStatus;
  readonly values: {
    readonly hearingFineThresholdNaturalPerson?: number;
    readonly hearingFineThresholdOrganization?: number;
    readonly hearingConfiscationThresholdNaturalPerson?: number;
    readonly hearingConfiscationThresholdOrganization?: number;
    readonly heavierPenaltyKinds?: readonly PenaltyKind[];
  };
}

export interface RulebookVersion {
  readonly id: string;
  readonly title: string;
  readonly validFrom: LocalDate;
  readonly validTo?: LocalDate;
  readonly parameters: RulebookParameters;
}

export interface Rulebook extends RulebookVersion {
  /** Version id plus the override id: what the audit event stores. */
  readonly versionId: string;
  readonly overrides?: {
    readonly id: string;
    readonly source: string;
    readonly keys: readonly OverridableParameterKey[];
  };
}

function verified(name: string, legalBasis: readonly LegalBasis[], source: string) {
  return { name, legalBasis, status: 'V' as const, verified: true, source, overridable: false };
}

function unverified(
  name: string,
  legalBasis: readonly LegalBasis[],
  status: 'P' | 'U' | 'D',
  source: string,
  overridable = false,
) {
  return { name, legalBasis, status, verified: false, source, overridable };
}

function period(length: number, unit: PeriodUnit) {
  return { type: 'PERIOD' as const, length, unit };
}

const APL_85 = apl(85);
const NOT_RETRIEVED_2023 =
  'CAC 2023 article not retrieved (docs/legal-sources.md §2, Arts. 7-58 NR)';

/** Parameters of this system's record-keeping and of policy or practice: the same in both versions. */
const RECORD_PARAMETERS = {
  audioVisualRecordRequiredFrom: {
    type: 'DATE' as const,
    value: '2027-01-01' as LocalDate,
    ...unverified(
      '查封、扣押和现场检查、勘验应当登记全程音像记录的起始日期（系统切换日）',
      [apl(47)],
      'D',
      'Design: the system cut-over. APL art. 47 (V) requires the full-process record 以文字、音像等形式; 国办发〔2018〕118号 (read in a secondary source, P) requires audio-visual recording of seizures and on-site enforcement from 2018-12-05. Acts dated before this day stay valid without the structured record (a 留置送达 may then give the record reference); from it the seizure, the inspection and a 留置送达 without a qualified witness carry the record (hash, recorder, period, custody).',
    ),
  },
  correctionPeriod: {
    ...period(15, 'CALENDAR_DAYS'),
    ...unverified(
      '责令限期改正的期限（责令改正之日起的日数，由每份责令改正通知书载明）',
      [apl(28, 1), APL_85],
      'D',
      'Design: APL art. 28(1) lets the office set the period (限期改正); each order states its own number of days (orderCorrection.correctionPeriodDays), counted from the order date as calendar days, the last day rolled over a holiday (APL art. 85). The length here is only the unit and a placeholder; no CAC text fixes a default.',
    ),
  },
  lateEntryReasonThreshold: {
    ...period(3, 'WORKING_DAYS'),
    ...unverified(
      '补录说明理由的期限（行为日期后的工作日数）',
      [apl(47), APL_85],
      'U',
      'Design: APL art. 47 requires the full-process record but fixes no time to enter an act; an act entered more than 3 working days after its date must give the reason. No CAC text found; to be set by the legal team.',
    ),
  },
  publicationPeriod: {
    ...period(7, 'WORKING_DAYS'),
    ...unverified(
      '行政处罚决定信息公示期限（决定之日起）',
      [apl(48, 1)],
      'P',
      'APL art. 48(1) requires publication without a period; 7 working days is the 双公示 rule of the State Council credit-information policy, read in a secondary source (docs/document-sources.md §7.1).',
    ),
  },
  publicationDuration: {
    ...period(12, 'MONTHS'),
    ...unverified(
      '一般行政处罚信息公示期限（最长）',
      [apl(48, 1)],
      'P',
      '《国家发展改革委办公厅关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知》（发改办财金〔2019〕527号）: at most 1 year for ordinary penalties, offices may shorten it; read in a secondary source, to be verified.',
    ),
  },
  publicationPresumedPenaltyKinds: {
    type: 'PENALTY_KINDS' as const,
    value: [
      'FINE',
      'CONFISCATION_OF_ILLEGAL_GAINS',
      'CONFISCATION_OF_ILLEGAL_PROPERTY',
      'SUSPENSION_OF_PERMIT',
      'LOWERING_OF_QUALIFICATION',
      'REVOCATION_OF_PERMIT',
      'RESTRICTION_OF_BUSINESS_ACTIVITIES',
      'ORDER_TO_SUSPEND_BUSINESS',
      'ORDER_TO_CLOSE',
      'RESTRICTION_OF_PRACTICE',
      'OTHER_BY_LAW',
    ] as const,
    ...unverified(
      '未载明是否具有社会影响时，推定具有一定社会影响而公开的处罚种类',
      [apl(48, 1)],
      'P',
      'APL art. 48(1) publishes decisions 具有一定社会影响 (V) and leaves the test to the office. When the office records no finding, a decision imposing any of these kinds is presumed to have social impact; a warning or 通报批评 alone is not published — the line SAMR draws for its own offices (《市场监督管理行政处罚信息公示规定》, docs/document-sources.md §7.1), applied here by analogy (P).',
    ),
  },
  creditRepairMinimumPublication: {
    ...period(3, 'MONTHS'),
    ...unverified(
      '信用修复前行政处罚信息的最短公示期限',
      [apl(48, 1)],
      'P',
      '发改办财金〔2019〕527号: ordinary penalty information may be removed on credit repair after at least 3 months of publication; superseded by the NDRC credit-repair measures (2023) and, per a secondary source, 《信用修复管理办法》 effective 2026-04-01, whose minimum was not read (docs/document-sources.md §7.1, S). To be verified.',
    ),
  },
  enforcementDemandStatementPeriod: {
    ...period(3, 'WORKING_DAYS'),
    ...unverified(
      '催告书载明的陈述、申辩期限',
      [compulsionLaw(35), compulsionLaw(36)],
      'U',
      'Compulsion Law art. 36 gives the right to state and defend after the demand notice without a period; 3 working days is office practice (U).',
    ),
  },
};

/** Parameters fixed by statute: the same in both versions (APL 2021 applies throughout). */
const STATUTE_PARAMETERS = {
  minimumOfficersPerAct: {
    type: 'COUNT',
    value: 2,
    ...verified(
      '执法人员不得少于两人',
      [apl(42, 1), compulsionLaw(18, undefined, 2)],
      'APL art. 42(1); Compulsion Law art. 18 item (2)',
    ),
  },
  preservationHandlingPeriod: {
    ...period(7, 'WORKING_DAYS'),
    ...verified(
      '先行登记保存处理期限',
      [apl(56), APL_85],
      'APL art. 56: 七日内 = 7 working days by art. 85',
    ),
  },
  compulsoryMeasureMaximum: {
    ...period(30, 'CALENDAR_DAYS'),
    ...verified(
      '查封、扣押期限',
      [compulsionLaw(25, 1)],
      'Compulsion Law art. 25(1): 不得超过三十日',
    ),
  },
  compulsoryMeasureExtensionMaximum: {
    ...period(30, 'CALENDAR_DAYS'),
    ...verified(
      '查封、扣押延长期限',
      [compulsionLaw(25, 1)],
      'Compulsion Law art. 25(1): 延长期限不得超过三十日',
    ),
  },
  compulsoryMeasureExtensionsAllowed: {
    type: 'COUNT',
    value: 1,
    ...unverified(
      '查封、扣押延长次数',
      [compulsionLaw(25, 1)],
      'D',
      'Design: art. 25(1) caps the extension at 30 days in total; one extension keeps that cap checkable',
    ),
  },
  hearingRequestPeriod: {
    ...period(5, 'WORKING_DAYS'),
    ...verified(
      '听证申请期限',
      [apl(64, undefined, 1), APL_85],
      'APL art. 64 item (1): 五日内 = 5 working days by art. 85; CAC 2023 says 五个工作日 (P)',
    ),
  },
  hearingNoticeLeadTime: {
    ...period(7, 'WORKING_DAYS'),
    ...verified(
      '听证通知提前期',
      [apl(64, undefined, 2), APL_85],
      'APL art. 64 item (2): 听证的七日前 = 7 working days by art. 85',
    ),
  },
  hearingAgentsMaximum: {
    type: 'COUNT',
    value: 2,
    ...verified(
      '听证代理人人数上限',
      [apl(64, undefined, 5)],
      'APL art. 64 item (5): 委托一至二人代理',
    ),
  },
  hearingFineThresholdNaturalPerson: {
    type: 'AMOUNT',
    value: null,
    ...unverified(
      '较大数额罚款（公民）',
      [apl(63, 1, 1)],
      'U',
      'Not set by any text held; set per province. Unset: any fine above the summary limit counts as 较大数额 (conservative)',
      true,
    ),
  },
  hearingFineThresholdOrganization: {
    type: 'AMOUNT',
    value: null,
    ...unverified(
      '较大数额罚款（法人或者其他组织）',
      [apl(63, 1, 1)],
      'U',
      'Not set by any text held; set per province. Unset: any fine above the summary limit counts as 较大数额 (conservative)',
      true,
    ),
  },
  hearingConfiscationThresholdNaturalPerson: {
    type: 'AMOUNT',
    value: null,
    ...unverified(
      '较大数额违法所得、较大价值非法财物（公民）',
      [apl(63, 1, 2)],
      'U',
      'Not set by any text held; set per province. Unset: any confiscation above the summary limit counts (conservative)',
      true,
    ),
  },
  hearingConfiscationThresholdOrganization: {
    type: 'AMOUNT',
    value: null,
    ...unverified(
      '较大数额违法所得、较大价值非法财物（法人或者其他组织）',
      [apl(63, 1, 2)],
      'U',
      'Not set by any text held; set per province. Unset: any confiscation above the summary limit counts (conservative)',
      true,
    ),
  },
  heavierPenaltyKinds: {
    type: 'PENALTY_KINDS',
    value: ['SUSPENSION_OF_PERMIT', 'RESTRICTION_OF_BUSINESS_ACTIVITIES'],
    ...unverified(
      '其他较重的行政处罚',
      [apl(63, 1, 5)],
      'U',
      'APL art. 63(1)(5) does not list them; treating 暂扣许可证件 and 限制开展生产经营活动 as heavier is an interpretation',
      true,
    ),
  },
  collectiveDiscussionMinimumHeads: {
    type: 'COUNT',
    value: 2,
    ...unverified(
      '集体讨论的负责人人数下限',
      [apl(57, 2)],
      'D',
      'Design: 集体讨论 needs at least two heads; quorum rules not found',
    ),
  },
  caseTimeLimit: {
    ...period(90, 'CALENDAR_DAYS'),
    ...verified(
      '办案期限',
      [apl(60)],
      'APL art. 60: 自立案之日起九十日内 (calendar days: longer than 10 days)',
    ),
  },
  decisionServicePeriod: {
    ...period(7, 'WORKING_DAYS'),
    ...verified(
      '决定书送达期限',
      [apl(61, 1), APL_85],
      'APL art. 61(1): 七日内 = 7 working days by art. 85',
    ),
  },
  limitationPeriod: {
    ...period(2, 'YEARS'),
    ...verified(
      '行政处罚追责时效',
      [apl(36, 1)],
      'APL art. 36(1): 二年内未被发现的，不再给予行政处罚',
    ),
  },
  extendedLimitationPeriod: {
    ...period(5, 'YEARS'),
    ...verified(
      '行政处罚追责时效（生命健康安全、金融安全）',
      [apl(36, 1)],
      'APL art. 36(1): 延长至五年',
    ),
  },
  summaryFineLimitNaturalPerson: {
    type: 'AMOUNT',
    value: 200,
    ...verified('简易程序罚款上限（公民）', [apl(51)], 'APL art. 51: 对公民处以二百元以下罚款'),
  },
  summaryFineLimitOrganization: {
    type: 'AMOUNT',
    value: 3000,
    ...verified(
      '简易程序罚款上限（法人或者其他组织）',
      [apl(51)],
      'APL art. 51: 对法人或者其他组织处以三千元以下罚款',
    ),
  },
  publicNoticeServicePeriod: {
    ...period(30, 'CALENDAR_DAYS'),
    ...verified(
      '公告送达期间',
      [civilProcedure(95)],
      'CPL art. 95: 自发出公告之日起，经过三十日，即视为送达 (N14)',
    ),
  },
  paymentPeriod: {
    ...period(15, 'CALENDAR_DAYS'),
    ...verified(
      '罚款缴纳期限',
      [apl(67, 3)],
      'APL art. 67(3): 自收到行政处罚决定书之日起十五日内 (N15; calendar days: longer than 7)',
    ),
  },
  lateSurchargePercentPerDay: {
    type: 'COUNT',
    value: 3,
    ...verified(
      '加处罚款比例（每日为罚款数额的百分之几）',
      [apl(72, 1, 1)],
      'APL art. 72(1)(1): 每日按罚款数额的百分之三加处罚款 (N16)',
    ),
  },
  lateSurchargeCapPercent: {
    type: 'COUNT',
    value: 100,
    ...verified(
      '加处罚款上限（罚款数额的百分之几）',
      [apl(72, 1, 1)],
      'APL art. 72(1)(1): 加处罚款的数额不得超出罚款的数额 (N16)',
    ),
  },
  reconsiderationPeriod: {
    ...period(60, 'CALENDAR_DAYS'),
    ...verified(
      '行政复议申请期限',
      [reconsiderationLaw(20)],
      'Reconsideration Law art. 20: 知道或者应当知道之日起六十日内 (N23); counted from the deemed-served date of the decision',
    ),
  },
  litigationPeriod: {
    ...period(6, 'MONTHS'),
    ...verified(
      '行政诉讼起诉期限',
      [litigationLaw(46)],
      'Litigation Law art. 46: 知道或者应当知道作出行政行为之日起六个月内 (N24)',
    ),
  },
  litigationAfterReconsiderationPeriod: {
    ...period(15, 'CALENDAR_DAYS'),
    ...verified(
      '复议后起诉期限',
      [litigationLaw(45)],
      'Litigation Law art. 45: 收到复议决定书之日起十五日内 (N24)',
    ),
  },
  publicationWithdrawalPeriod: {
    ...period(3, 'WORKING_DAYS'),
    ...verified(
      '撤回行政处罚决定信息期限',
      [apl(48, 2), APL_85],
      'APL art. 48(2): 在三日内撤回 = 3 working days by art. 85 (N20)',
    ),
  },
  enforcementDemandWaitPeriod: {
    ...period(10, 'WORKING_DAYS'),
    ...verified(
      '催告书送达后申请强制执行的等待期',
      [compulsionLaw(54), compulsionLaw(69)],
      'Compulsion Law art. 54: 催告书送达十日后 = 10 working days by art. 69 (N21); allowed from the day after the 10th working day (legal.md E4)',
    ),
  },
  courtEnforcementApplicationPeriod: {
    ...period(3, 'MONTHS'),
    ...verified(
      '申请人民法院强制执行期限',
      [compulsionLaw(53), apl(72, 2)],
      'Compulsion Law art. 53: 自期限届满之日起三个月内 (N22); APL art. 72(2): with a deferral or instalments, from the end of that period',
    ),
  },
  judicialTransferDecisionPeriod: {
    ...period(3, 'CALENDAR_DAYS'),
    ...unverified(
      '正职负责人对移送涉嫌犯罪案件书面报告作出批准或者不批准决定的期限',
      [criminalCaseTransfer(5, 2)],
      'U',
      '国务院《行政执法机关移送涉嫌犯罪案件的规定》 art. 5(2) as recalled: 自接到报告之日起3日内作出批准移送或者不批准移送的决定 (legal.md §7 item 9; text not retrieved). Recorded against the transfer, not enforced: a suspected crime is transferred however late.',
    ),
  },
  judicialTransferPeriod: {
    ...period(1, 'CALENDAR_DAYS'),
    ...unverified(
      '批准移送后向公安机关移送的期限（二十四小时）',
      [criminalCaseTransfer(5, 2)],
      'U',
      'Same article as recalled: 决定批准的，应当在24小时内向同级公安机关移送; modelled as the next calendar day (dates carry no time). Recorded, not enforced.',
    ),
  },
  emergencyMeasureReportPeriod: {
    ...period(1, 'CALENDAR_DAYS'),
    rollOverHolidays: false,
    ...verified(
      '情况紧急当场实施行政强制措施后向行政机关负责人报告的期限（二十四小时）',
      [compulsionLaw(19)],
      'Compulsion Law art. 19: 情况紧急，需要当场实施行政强制措施的，行政执法人员应当在二十四小时内向行政机关负责人报告，并补办批准手续. Stored as the next calendar day, not rolled over a holiday (hours run through it); the ratification compares the recorded instants (imposedAt + 24 h ≥ reportedAt).',
    ),
  },
  courtRulingReviewPeriod: {
    ...period(15, 'CALENDAR_DAYS'),
    ...verified(
      '对不予执行裁定申请复议的期限',
      [compulsionLaw(58, 3)],
      'Compulsion Law art. 58(3): 行政机关对人民法院不予执行的裁定有异议的，可以自收到裁定之日起十五日内向上一级人民法院申请复议 (calendar days: art. 69 makes only periods of ten days or less working days)',
    ),
  },
} as const satisfies Partial<RulebookParameters>;

const CAC_2017: RulebookVersion = {
  id: 'CAC-2017',
  title: '《互联网信息内容管理行政执法程序规定》（2017）与《中华人民共和国行政处罚法》（2021）',
  // The engine does not hold the pre-2021 Administrative Penalty Law, so this version
  // starts when the 2021 law did (APL art. 86), not on 2017-06-01.
  validFrom: '2021-07-15' as LocalDate,
  validTo: '2023-05-31' as LocalDate,
  parameters: {
    ...STATUTE_PARAMETERS,
    ...RECORD_PARAMETERS,
    docketingPeriod: {
      ...period(7, 'WORKING_DAYS'),
      ...unverified(
        '立案期限',
        [cac2017(15, 2), apl(54, 2)],
        'P',
        '2017 art. 15(2): 在七个工作日内报负责人批准立案',
      ),
    },
    docketingPeriodWithExtension: {
      ...period(15, 'WORKING_DAYS'),
      ...unverified(
        '延长后的立案期限',
        [cac2017(15, 2)],
        'P',
        '2017 art. 15(2): 特殊情况下，可以延长至十五个工作日内立案 (15 in total)',
      ),
    },
    docketingExtensionsAllowed: {
      type: 'COUNT',
      value: 1,
      ...unverified(
        '立案期限延长次数',
        [cac2017(15, 2)],
        'P',
        '2017 art. 15(2): one extension, to 15 working days',
      ),
    },
    jurisdictionDesignationPeriod: {
      ...period(10, 'WORKING_DAYS'),
      ...unverified(
        '指定管辖决定期限',
        [cac2017(11)],
        'P',
        '2017 art. 11: 十个工作日内作出指定管辖的决定',
      ),
    },
    statementPeriod: {
      ...period(5, 'WORKING_DAYS'),
      ...unverified(
        '陈述、申辩期限',
        [apl(62)],
        'U',
        '2017 text after art. 18 not held; 5 working days assumed (same as the hearing window)',
      ),
    },
    legalReviewForAllOrdinaryCases: {
      type: 'FLAG',
      value: false,
      ...unverified(
        '一般程序案件一律法制审核',
        [apl(58, 1, 4)],
        'U',
        'Scope beyond APL art. 58(1) not found in the 2017 text held',
      ),
    },
    caseTimeLimitExtension: {
      ...period(30, 'CALENDAR_DAYS'),
      ...unverified(
        '办案期限延长',
        [apl(60)],
        'U',
        '2017 text after art. 18 not held; 30 days with head approval assumed',
      ),
    },
    caseTimeLimitExtensionsByHead: {
      type: 'COUNT',
      value: 1,
      ...unverified(
        '负责人批准延长办案期限次数',
        [apl(60)],
        'U',
        'Assumed: further extensions need collective discussion of the heads',
      ),
    },
  },
};

const CAC_2023: RulebookVersion = {
  id: 'CAC-2023',
  title: '《网信部门行政执法程序规定》（2023）与《中华人民共和国行政处罚法》（2021）',
  validFrom: '2023-06-01' as LocalDate,
  parameters: {
    ...STATUTE_PARAMETERS,
    ...RECORD_PARAMETERS,
    docketingPeriod: {
      ...period(15, 'WORKING_DAYS'),
      ...unverified(
        '立案期限',
        [apl(54, 2)],
        'U',
        `${NOT_RETRIEVED_2023}; 15 working days expected (N3)`,
      ),
    },
    docketingPeriodWithExtension: {
      ...period(30, 'WORKING_DAYS'),
      ...unverified(
        '延长后的立案期限',
        [apl(54, 2)],
        'U',
        `${NOT_RETRIEVED_2023}; 15 + 15 working days with head approval expected (N3)`,
      ),
    },
    docketingExtensionsAllowed: {
      type: 'COUNT',
      value: 1,
      ...unverified(
        '立案期限延长次数',
        [apl(54, 2)],
        'U',
        `${NOT_RETRIEVED_2023}; one extension expected (N3)`,
      ),
    },
    jurisdictionDesignationPeriod: {
      ...period(10, 'WORKING_DAYS'),
      ...unverified(
        '指定管辖决定期限',
        [apl(25, 2)],
        'U',
        `${NOT_RETRIEVED_2023}; the value of the repealed 2017 art. 11 is kept, not cited`,
      ),
    },
    statementPeriod: {
      ...period(5, 'WORKING_DAYS'),
      ...unverified(
        '陈述、申辩期限',
        [apl(62)],
        'U',
        `${NOT_RETRIEVED_2023}; commonly 3-5 working days; 5 assumed (N7)`,
      ),
    },
    legalReviewForAllOrdinaryCases: {
      type: 'FLAG',
      value: false,
      ...unverified(
        '一般程序案件一律法制审核',
        [apl(58, 1, 4)],
        'U',
        `${NOT_RETRIEVED_2023}; CAC scope may be wider than APL art. 58(1) (R-REV-01)`,
      ),
    },
    caseTimeLimitExtension: {
      ...period(30, 'CALENDAR_DAYS'),
      ...unverified(
        '办案期限延长',
        [apl(60)],
        'U',
        `${NOT_RETRIEVED_2023}; extension with head approval expected, length assumed 30 days (N11)`,
      ),
    },
    caseTimeLimitExtensionsByHead: {
      type: 'COUNT',
      value: 1,
      ...unverified(
        '负责人批准延长办案期限次数',
        [apl(60)],
        'U',
        `${NOT_RETRIEVED_2023}; further extension by collective discussion expected (N11)`,
      ),
    },
  },
};

/** All versions, oldest first. */
export const RULEBOOK_VERSIONS: readonly RulebookVersion[] = [CAC_2017, CAC_2023];

/** The version in force on `date`, or undefined when the engine holds none (before 2021-07-15). */
export function findRulebookVersion(date: LocalDate): RulebookVersion | undefined {
  return RULEBOOK_VERSIONS.find(
    (v) =>
      compareLocalDates(v.validFrom, date) <= 0 &&
      (v.validTo === undefined || compareLocalDates(date, v.validTo) <= 0),
  );
}

function applyOverrides(
  parameters: RulebookParameters,
  overrides: RulebookOverrides,
): RulebookParameters {
  const status = overrides.status ?? 'U';
  const meta = { status, verified: status === 'V', source: overrides.source };
  const v = overrides.values;
  const amount = (p: AmountParameter, value: number | undefined): AmountParameter =>
    value === undefined ? p : { ...p, ...meta, value };
  return {
    ...parameters,
    hearingFineThresholdNaturalPerson: amount(
      parameters.hearingFineThresholdNaturalPerson,
      v.hearingFineThresholdNaturalPerson,
    ),
    hearingFineThresholdOrganization: amount(
      parameters.hearingFineThresholdOrganization,
      v.hearingFineThresholdOrganization,
    ),
    hearingConfiscationThresholdNaturalPerson: amount(
      parameters.hearingConfiscationThresholdNaturalPerson,
      v.hearingConfiscationThresholdNaturalPerson,
    ),
    hearingConfiscationThresholdOrganization: amount(
      parameters.hearingConfiscationThresholdOrganization,
      v.hearingConfiscationThresholdOrganization,
    ),
    heavierPenaltyKinds:
      v.heavierPenaltyKinds === undefined
        ? parameters.heavierPenaltyKinds
        : { ...parameters.heavierPenaltyKinds, ...meta, value: v.heavierPenaltyKinds },
  };
}

/**
 * The rulebook in force on the date of the act, with the office's overrides
 * (only the keys in OVERRIDABLE_PARAMETER_KEYS exist in the override type).
 * Throws RangeError for dates before 2021-07-15: acts under the old
 * Administrative Penalty Law are outside this engine.
 */
export function rulebookFor(date: LocalDate, overrides?: RulebookOverrides): Rulebook {
  const version = findRulebookVersion(date);
  if (!version) {
    throw new RangeError(
      `no rulebook version in force on ${date} (the engine starts on 2021-07-15)`,
    );
  }
  if (!overrides) {
    return { ...version, versionId: version.id };
  }
  const keys = OVERRIDABLE_PARAMETER_KEYS.filter((k) => overrides.values[k] !== undefined);
  return {
    ...version,
    versionId: `${version.id}+${overrides.id}`,
    parameters: applyOverrides(version.parameters, overrides),
    overrides: { id: overrides.id, source: overrides.source, keys },
  };
}

/** Parameters as [key, parameter] pairs, in declaration order (for docs and tests). */
export function parameterEntries(
  parameters: RulebookParameters,
): ReadonlyArray<readonly [ParameterKey, RulebookParameter]> {
  return Object.entries(parameters) as Array<[ParameterKey, RulebookParameter]>;
}
