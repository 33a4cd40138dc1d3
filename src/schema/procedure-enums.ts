import {
  AUDIO_VISUAL_RECORDED_ACTS,
  AUDIO_VISUAL_RECORDED_ACT_NAMES,
  type AudioVisualRecordedAct,
} from '../procedure/audio-visual-record.js';
import {
  COMPULSORY_MEASURE_BASES,
  COMPULSORY_MEASURE_BASIS_TEXTS,
  type CompulsoryMeasureBasis,
} from '../procedure/compulsory-measure-basis.js';
import { WITNESS_CAPACITIES, type WitnessCapacity } from '../procedure/action-inputs.js';
import { TESTING_KIND_NAMES, TESTING_KINDS } from '../procedure/compulsory-measure-periods.js';
import { graphqlEnum } from './enums.js';
import {
  NO_PENALTY_GROUNDS,
  TRANSFER_KINDS,
  type ApplyForRecusalInput,
  type DecisionOutcome,
  type NoPenaltyGround,
  type NonPublicGround,
  type JudicialReturnGround,
  type PreservationHandling,
  type PublicNoticeGround,
  type RecordRemedyInput,
  type RecordStatementInput,
  type RecusalGround,
  type ReleaseGround,
  type ServiceRecipientRole,
  type TestingKind,
  type TransferKind,
} from '../procedure/action-inputs.js';
import {
  CLOSURE_GROUNDS,
  COURT_RULING_RESULTS,
  REMEDY_OUTCOMES,
  SERVABLE_DOCUMENTS,
  CORRECTION_FINDINGS,
  type CorrectionFinding,
  COMPLAINT_FINDINGS,
  COMPLAINT_KINDS,
  DECISION_CORRECTION_KINDS,
  type ComplaintFinding,
  type ComplaintKind,
  type DecisionCorrectionKind,
  SERVICE_METHODS,
  type ClosureGround,
  type CompulsoryMeasureKind,
  type CourtRulingResult,
  type HearingOutcome,
  type LegalReviewResult,
  type PaymentArrangementKind,
  type PaymentChannel,
  type RemedyOutcome,
  type ServableDocument,
  type ServiceMethod,
  type TimeLimitKind,
  type WaivableRight,
} from '../procedure/case-snapshot.js';
import { CLOSURE_GROUND_NAMES } from '../procedure/closure-ground-names.js';
import { FINE_BASES, type FineBasis, type PenaltyTarget } from '../procedure/provisions/index.js';
import {
  DISCRETION_GROUND_TERMS,
  DISCRETION_GROUNDS,
  DISCRETION_TIER_NAMES,
  DISCRETION_TIERS,
  type DiscretionGround,
  type DiscretionTier,
} from '../procedure/discretion.js';
import { formatCitation } from '../procedure/legal-basis.js';

/**
 * GraphQL enums of the procedural mutations' inputs. Each value list is typed against the
 * procedure module's union and checked to be complete, so the API cannot drift from the rules.
 */

/** The list, checked at compile time to hold every member of U (and nothing else). */
function allOf<U extends string>() {
  return <const L extends readonly U[]>(
    list: L & ([Exclude<U, L[number]>] extends [never] ? unknown : never),
  ): L => list;
}

export const TransferKindEnum = graphqlEnum<TransferKind>(
  allOf<TransferKind>()(TRANSFER_KINDS),
  'TransferKind',
  '移送或者报请指定管辖的方式',
  {
    TO_OFFICE_WITH_JURISDICTION: '移送有管辖权的网信部门',
    TO_OTHER_AUTHORITY: '移送其他有关行政机关',
    TO_JUDICIAL_ORGAN: '涉嫌犯罪，移送司法机关',
    REQUEST_DESIGNATED_JURISDICTION: '报请共同的上一级网信部门指定管辖',
  },
);

export const RECUSAL_GROUNDS = allOf<RecusalGround>()([
  'PARTY_OR_CLOSE_RELATIVE',
  'DIRECT_INTEREST',
  'OTHER_RELATION',
]);
export const RecusalGroundEnum = graphqlEnum(
  RECUSAL_GROUNDS,
  'RecusalGround',
  '回避事由（《中华人民共和国行政处罚法》第四十三条）',
  {
    PARTY_OR_CLOSE_RELATIVE: '是本案当事人或者当事人的近亲属',
    DIRECT_INTEREST: '与本案有直接利害关系',
    OTHER_RELATION: '有其他关系，可能影响公正执法',
  },
);

export type RecusalApplicant = ApplyForRecusalInput['applicant'];
export const RECUSAL_APPLICANTS = allOf<RecusalApplicant>()(['PARTY', 'OFFICER_SELF']);
export const RecusalApplicantEnum = graphqlEnum(
  RECUSAL_APPLICANTS,
  'RecusalApplicant',
  '回避的提出方',
  {
    PARTY: '当事人申请回避',
    OFFICER_SELF: '执法人员自行回避',
  },
);

export const COMPULSORY_MEASURE_KINDS = allOf<CompulsoryMeasureKind>()(['SEALING', 'SEIZURE']);
export const CompulsoryMeasureKindEnum = graphqlEnum(
  COMPULSORY_MEASURE_KINDS,
  'CompulsoryMeasureKind',
  '行政强制措施种类（《中华人民共和国个人信息保护法》第六十三条第一款第（四）项）',
  { SEALING: '查封', SEIZURE: '扣押' },
);

export const CompulsoryMeasureBasisEnum = graphqlEnum(
  allOf<CompulsoryMeasureBasis>()(COMPULSORY_MEASURE_BASES),
  'CompulsoryMeasureBasis',
  '查封、扣押的法定依据（本部门依法享有的行政强制措施权，《中华人民共和国行政强制法》第十七条第一款、第二十二条）',
  { PIPL_63_1_4: COMPULSORY_MEASURE_BASIS_TEXTS.PIPL_63_1_4 },
);

export const TestingKindEnum = graphqlEnum(
  allOf<TestingKind>()(TESTING_KINDS),
  'TestingKind',
  '检测、检验、检疫或者技术鉴定（《中华人民共和国行政强制法》第二十五条第三款）',
  TESTING_KIND_NAMES,
);

export const AudioVisualRecordedActEnum = graphqlEnum(
  allOf<AudioVisualRecordedAct>()(AUDIO_VISUAL_RECORDED_ACTS),
  'AudioVisualRecordedAct',
  '音像记录所记录的执法行为',
  AUDIO_VISUAL_RECORDED_ACT_NAMES,
);

export const WitnessCapacityEnum = graphqlEnum(
  allOf<WitnessCapacity>()(WITNESS_CAPACITIES),
  'WitnessCapacity',
  '留置送达见证人的身份（《中华人民共和国民事诉讼法》第八十九条）',
  {
    GRASSROOTS_ORGANIZATION_REPRESENTATIVE: '有关基层组织的代表',
    WORKPLACE_REPRESENTATIVE: '受送达人所在单位的代表',
    OTHER: '其他人员（须同时拍照、录像记录送达过程）',
  },
);

export const RELEASE_GROUNDS = allOf<ReleaseGround>()([
  'NO_VIOLATION',
  'UNRELATED',
  'DECIDED_NO_LONGER_NEEDED',
  'PERIOD_EXPIRED',
  'OTHER',
]);
export const ReleaseGroundEnum = graphqlEnum(
  RELEASE_GROUNDS,
  'ReleaseGround',
  '解除查封、扣押的情形（《中华人民共和国行政强制法》第二十八条）',
  {
    NO_VIOLATION: '当事人没有违法行为',
    UNRELATED: '查封、扣押的场所、设施或者财物与违法行为无关',
    DECIDED_NO_LONGER_NEEDED: '行政机关对违法行为已经作出处理决定，不再需要查封、扣押',
    PERIOD_EXPIRED: '查封、扣押期限已经届满',
    OTHER: '其他不再需要采取查封、扣押措施的情形',
  },
);

export const PRESERVATION_HANDLINGS = allOf<PreservationHandling>()([
  'RETURN',
  'SEAL_OR_SEIZE',
  'FORWARD_FOR_TESTING',
  'TRANSFER',
  'OTHER',
]);
export const ComplaintKindEnum = graphqlEnum<ComplaintKind>(
  COMPLAINT_KINDS,
  'ComplaintKind',
  '对行政处罚的申诉或者检举（《中华人民共和国行政处罚法》第七十五条第二款）',
  { COMPLAINT: '申诉（当事人）', REPORT: '检举（其他单位和个人）' },
);
export const ComplaintFindingEnum = graphqlEnum<ComplaintFinding>(
  COMPLAINT_FINDINGS,
  'ComplaintFinding',
  '申诉、检举的处理意见：确有错误的，应当主动改正（撤销或者变更原决定）',
  { ERROR_FOUND: '原行政处罚决定确有错误', NO_ERROR: '未发现错误' },
);
export const DecisionCorrectionKindEnum = graphqlEnum<DecisionCorrectionKind>(
  DECISION_CORRECTION_KINDS,
  'DecisionCorrectionKind',
  '本机关主动改正行政处罚决定的方式（《中华人民共和国行政处罚法》第七十五条第二款）',
  { REVOKED: '撤销原决定', CHANGED: '变更原决定' },
);
export const CorrectionFindingEnum = graphqlEnum<CorrectionFinding>(
  CORRECTION_FINDINGS,
  'CorrectionFinding',
  '复查认定的改正情况（《中华人民共和国行政处罚法》第二十八条第一款）',
  {
    COMPLIED: '已改正',
    NOT_COMPLIED: '未改正（拒不改正）',
    PARTLY_COMPLIED: '部分改正',
  },
);

export const PreservationHandlingEnum = graphqlEnum(
  PRESERVATION_HANDLINGS,
  'PreservationHandling',
  '先行登记保存证据的处理（《中华人民共和国行政处罚法》第五十六条）',
  {
    RETURN: '解除先行登记保存，退还',
    SEAL_OR_SEIZE: '依法查封、扣押',
    FORWARD_FOR_TESTING: '送交检验、检测、检疫或者鉴定',
    TRANSFER: '移送有关部门处理',
    OTHER: '其他处理',
  },
);

export const WAIVABLE_RIGHTS = allOf<WaivableRight>()(['STATEMENT_AND_DEFENCE', 'HEARING']);
export const WaivableRightEnum = graphqlEnum(
  WAIVABLE_RIGHTS,
  'WaivableRight',
  '当事人可以明确放弃的权利（《中华人民共和国行政处罚法》第六十二条、第六十四条）',
  { STATEMENT_AND_DEFENCE: '陈述、申辩权利', HEARING: '要求听证的权利' },
);

export type StatementChannel = RecordStatementInput['channel'];
export const STATEMENT_CHANNELS = allOf<StatementChannel>()(['WRITTEN', 'ORAL']);
export const StatementChannelEnum = graphqlEnum(
  STATEMENT_CHANNELS,
  'StatementChannel',
  '陈述、申辩的方式',
  {
    WRITTEN: '书面陈述、申辩',
    ORAL: '口头陈述、申辩（制作笔录）',
  },
);

export const NON_PUBLIC_GROUNDS = allOf<NonPublicGround>()([
  'STATE_SECRET',
  'COMMERCIAL_SECRET',
  'PERSONAL_PRIVACY',
]);
export const NonPublicGroundEnum = graphqlEnum(
  NON_PUBLIC_GROUNDS,
  'NonPublicGround',
  '听证不公开举行的理由（《中华人民共和国行政处罚法》第六十四条第（三）项）',
  {
    STATE_SECRET: '涉及国家秘密',
    COMMERCIAL_SECRET: '涉及商业秘密',
    PERSONAL_PRIVACY: '涉及个人隐私',
  },
);

export const HEARING_OUTCOMES = allOf<HearingOutcome>()([
  'HELD',
  'TERMINATED_PARTY_ABSENT',
  'TERMINATED_PARTY_LEFT',
]);
export const HearingOutcomeEnum = graphqlEnum(HEARING_OUTCOMES, 'HearingOutcome', '听证结果', {
  HELD: '听证已举行',
  TERMINATED_PARTY_ABSENT: '当事人无正当理由拒不出席，终止听证',
  TERMINATED_PARTY_LEFT: '当事人未经许可中途退出，终止听证',
});

export const LEGAL_REVIEW_RESULTS = allOf<LegalReviewResult>()([
  'PASSED',
  'RETURNED_FOR_SUPPLEMENT',
  'NOT_PASSED',
]);
export const LegalReviewResultEnum = graphqlEnum(
  LEGAL_REVIEW_RESULTS,
  'LegalReviewResult',
  '法制审核结论（《中华人民共和国行政处罚法》第五十八条）',
  {
    PASSED: '审核通过',
    RETURNED_FOR_SUPPLEMENT: '退回补充调查',
    NOT_PASSED: '审核不通过（须重新告知）',
  },
);

export const TIME_LIMIT_KINDS = allOf<TimeLimitKind>()(['DOCKETING_PERIOD', 'CASE_TIME_LIMIT']);
export const TimeLimitKindEnum = graphqlEnum(TIME_LIMIT_KINDS, 'TimeLimitKind', '可以延长的期限', {
  DOCKETING_PERIOD: '立案期限',
  CASE_TIME_LIMIT: '办案期限（《中华人民共和国行政处罚法》第六十条）',
});

export const NoPenaltyGroundEnum = graphqlEnum<NoPenaltyGround>(
  allOf<NoPenaltyGround>()(NO_PENALTY_GROUNDS),
  'NoPenaltyGround',
  '不予行政处罚的法定情形',
  {
    MINOR_AND_CORRECTED: '违法行为轻微并及时改正，没有造成危害后果（第三十三条第一款）',
    FIRST_MINOR_AND_CORRECTED: '初次违法且危害后果轻微并及时改正（第三十三条第一款）',
    NO_SUBJECTIVE_FAULT: '有证据足以证明没有主观过错（第三十三条第二款）',
    UNDER_FOURTEEN: '不满十四周岁（第三十条）',
    MENTAL_INCAPACITY:
      '精神病人、智力残疾人在不能辨认或者不能控制自己行为时有违法行为（第三十一条）',
  },
);

export const DiscretionTierEnum = graphqlEnum<DiscretionTier>(
  DISCRETION_TIERS,
  'DiscretionTier',
  '裁量档次（《中华人民共和国行政处罚法》第三十四条；网信部门行政处罚裁量权基准适用规定：不予、减轻、从轻、一般、从重）',
  DISCRETION_TIER_NAMES,
);

export const DiscretionGroundEnum = graphqlEnum<DiscretionGround>(
  DISCRETION_GROUNDS,
  'DiscretionGround',
  '减轻、从轻或者从重处罚的情节及其依据',
  Object.fromEntries(
    DISCRETION_GROUNDS.map((g) => {
      const t = DISCRETION_GROUND_TERMS[g];
      return [
        g,
        `${t.term}（${t.legalBasis.map(formatCitation).join('、')}；${t.tiers.map((x) => DISCRETION_TIER_NAMES[x]).join('或者')}）`,
      ];
    }),
  ) as Record<DiscretionGround, string>,
);

export const DECISION_OUTCOMES = allOf<DecisionOutcome>()([
  'PENALTY',
  'NO_PENALTY',
  'FACTS_NOT_ESTABLISHED',
  'TRANSFER_TO_JUDICIAL_ORGAN',
]);
export const DecisionOutcomeEnum = graphqlEnum(
  DECISION_OUTCOMES,
  'DecisionOutcome',
  '调查终结后的处理决定（《中华人民共和国行政处罚法》第五十七条第一款）',
  {
    PENALTY: '确有应受行政处罚的违法行为，作出行政处罚决定',
    NO_PENALTY: '依法不予行政处罚',
    FACTS_NOT_ESTABLISHED: '违法事实不能成立，不予行政处罚',
    TRANSFER_TO_JUDICIAL_ORGAN: '违法行为涉嫌犯罪，移送司法机关',
  },
);

export const PENALTY_TARGETS = allOf<PenaltyTarget>()(['PARTY', 'RESPONSIBLE_PERSON']);
export const PenaltyTargetEnum = graphqlEnum(PENALTY_TARGETS, 'PenaltyTarget', '处罚对象', {
  PARTY: '当事人',
  RESPONSIBLE_PERSON: '直接负责的主管人员和其他直接责任人员',
});

export const FineBasisEnum = graphqlEnum<FineBasis>(
  allOf<FineBasis>()(FINE_BASES),
  'FineBasis',
  '罚款数额的计算方式',
  {
    FIXED: '定额幅度（处X元以上Y元以下罚款）',
    MULTIPLE_OF_ILLEGAL_GAINS: '违法所得的倍数',
    MULTIPLE_OF_PROCUREMENT_AMOUNT: '采购金额的倍数',
    PERCENT_OF_PRIOR_YEAR_TURNOVER: '上一年度营业额的百分比',
  },
);

// ——— After the decision: service, payment, remedies, enforcement, closure ———

export const ServableDocumentEnum = graphqlEnum<ServableDocument>(
  allOf<ServableDocument>()(SERVABLE_DOCUMENTS),
  'ServableDocument',
  '须送达当事人的执法文书',
  {
    PRE_PENALTY_NOTICE: '行政处罚事先告知书',
    HEARING_NOTICE: '听证通知书',
    PENALTY_DECISION: '行政处罚决定书',
    NO_PENALTY_DECISION: '不予行政处罚决定书',
    ENFORCEMENT_DEMAND: '催告书',
    CORRECTION_ORDER: '责令改正通知书',
    DECISION_REVOCATION_OR_CHANGE: '撤销（变更）行政处罚决定书',
  },
);

export const ServiceMethodEnum = graphqlEnum<ServiceMethod>(
  allOf<ServiceMethod>()(SERVICE_METHODS),
  'ServiceMethod',
  '送达方式（《中华人民共和国行政处罚法》第六十一条；《中华人民共和国民事诉讼法》第八十七条至第九十五条）',
  {
    DIRECT: '直接送达（受送达人本人签收）',
    ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE:
      '同住成年家属签收，或者法人、其他组织的法定代表人、主要负责人、负责收件的人签收',
    LEFT_AT_RESIDENCE: '留置送达（受送达人拒绝签收）',
    ELECTRONIC: '电子送达（当事人同意并签订送达地址确认书）',
    MAIL: '邮寄送达',
    ENTRUSTED: '委托送达',
    FORWARDED: '转交送达',
    PUBLIC_NOTICE: '公告送达',
  },
);

export const SERVICE_RECIPIENT_ROLES = allOf<ServiceRecipientRole>()([
  'PARTY',
  'ADULT_FAMILY_MEMBER',
  'LEGAL_REPRESENTATIVE',
  'PRINCIPAL_PERSON_IN_CHARGE',
  'RECEIVING_OFFICE',
  'AGENT',
  'DESIGNATED_RECIPIENT',
]);
export const ServiceRecipientRoleEnum = graphqlEnum(
  SERVICE_RECIPIENT_ROLES,
  'ServiceRecipientRole',
  '签收人的身份',
  {
    PARTY: '受送达人本人',
    ADULT_FAMILY_MEMBER: '同住成年家属',
    LEGAL_REPRESENTATIVE: '法定代表人',
    PRINCIPAL_PERSON_IN_CHARGE: '主要负责人',
    RECEIVING_OFFICE: '负责收件的人（收发部门）',
    AGENT: '委托代理人',
    DESIGNATED_RECIPIENT: '指定的代收人',
  },
);

export const PUBLIC_NOTICE_GROUNDS = allOf<PublicNoticeGround>()([
  'WHEREABOUTS_UNKNOWN',
  'OTHER_METHODS_FAILED',
]);
export const PublicNoticeGroundEnum = graphqlEnum(
  PUBLIC_NOTICE_GROUNDS,
  'PublicNoticeGround',
  '公告送达的事由（《中华人民共和国民事诉讼法》第九十五条）',
  {
    WHEREABOUTS_UNKNOWN: '受送达人下落不明',
    OTHER_METHODS_FAILED: '用其他方式无法送达',
  },
);

export const PAYMENT_CHANNELS = allOf<PaymentChannel>()([
  'DESIGNATED_BANK',
  'ELECTRONIC_PAYMENT',
  'ON_THE_SPOT',
  'COURT_ENFORCEMENT',
]);
export const PaymentChannelEnum = graphqlEnum(
  PAYMENT_CHANNELS,
  'PaymentChannel',
  '罚款缴纳渠道（《中华人民共和国行政处罚法》第六十七条至第六十九条）',
  {
    DESIGNATED_BANK: '到指定银行缴纳',
    ELECTRONIC_PAYMENT: '通过电子支付系统缴纳',
    ON_THE_SPOT: '当场收缴',
    COURT_ENFORCEMENT: '人民法院强制执行',
  },
);

export const PAYMENT_ARRANGEMENT_KINDS = allOf<PaymentArrangementKind>()([
  'DEFERRAL',
  'INSTALMENTS',
]);
export const PaymentArrangementKindEnum = graphqlEnum(
  PAYMENT_ARRANGEMENT_KINDS,
  'PaymentArrangementKind',
  '暂缓或者分期缴纳罚款（《中华人民共和国行政处罚法》第六十六条第二款）',
  { DEFERRAL: '延期缴纳', INSTALMENTS: '分期缴纳' },
);

export type RemedyStage = RecordRemedyInput['stage'];
export const REMEDY_STAGES = allOf<RemedyStage>()(['FILED', 'DECIDED']);
export const RemedyStageEnum = graphqlEnum(
  REMEDY_STAGES,
  'RemedyStage',
  '记录行政复议、诉讼的阶段',
  {
    FILED: '当事人申请行政复议或者提起行政诉讼',
    DECIDED: '复议决定或者生效裁判（含撤回申请、撤诉）',
  },
);

export const RemedyOutcomeEnum = graphqlEnum<RemedyOutcome>(
  allOf<RemedyOutcome>()(REMEDY_OUTCOMES),
  'RemedyOutcome',
  '行政复议决定或者生效裁判的结果',
  {
    UPHELD: '维持（驳回）',
    CHANGED: '变更',
    ANNULLED: '撤销',
    CONFIRMED_UNLAWFUL: '确认违法',
    WITHDRAWN: '申请人撤回申请或者撤诉',
  },
);

export const CourtRulingResultEnum = graphqlEnum<CourtRulingResult>(
  allOf<CourtRulingResult>()(COURT_RULING_RESULTS),
  'CourtRulingResult',
  '人民法院对强制执行申请的裁定或者执行结果（《中华人民共和国行政强制法》第五十七条、第五十八条）',
  {
    ENFORCEMENT_ORDERED: '裁定准予执行',
    ENFORCEMENT_REFUSED: '裁定不予执行',
    ENFORCED: '执行完毕',
    ENFORCEMENT_TERMINATED: '裁定终结执行',
  },
);

export const JudicialReturnGroundEnum = graphqlEnum<JudicialReturnGround>(
  ['NOT_FILED', 'CASE_WITHDRAWN', 'NOT_PROSECUTED', 'EXEMPTED_FROM_CRIMINAL_PUNISHMENT'],
  'JudicialReturnGround',
  '司法机关退回案件的情形（《中华人民共和国行政处罚法》第二十七条第一款）',
  {
    NOT_FILED: '公安机关不予立案',
    CASE_WITHDRAWN: '公安机关撤销案件',
    NOT_PROSECUTED: '人民检察院不起诉',
    EXEMPTED_FROM_CRIMINAL_PUNISHMENT: '人民法院免予刑事处罚',
  },
);

export const InvestigationPartyStatusEnum = graphqlEnum<'DECEASED' | 'DISSOLVED'>(
  ['DECEASED', 'DISSOLVED'],
  'InvestigationPartyStatus',
  '终止调查时当事人的情况',
  { DECEASED: '当事人死亡', DISSOLVED: '当事人终止（注销、解散、被撤销）' },
);

export const ClosureGroundEnum = graphqlEnum<ClosureGround>(
  allOf<ClosureGround>()(CLOSURE_GROUNDS),
  'ClosureGround',
  '结案情形',
  CLOSURE_GROUND_NAMES,
);
