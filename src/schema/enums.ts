import { registerEnumType } from 'type-graphql';
import { INTERVIEW_LEGAL_BASES, type InterviewLegalBasis } from '../procedure/interview-basis.js';
import { OFFICE_LEVELS, type OfficeLevel } from '../procedure/office-level.js';
import { OFFICER_ROLES, type OfficerRole } from '../procedure/officer-role.js';
import { JURISDICTION_BASES, type JurisdictionBasis } from '../procedure/action-inputs.js';
import {
  CASE_SOURCE_TYPES,
  DEADLINE_KINDS,
  type CaseSourceType,
  type DeadlineKind,
} from '../procedure/case-snapshot.js';
import { CASE_STATUSES, CASE_STATUS_NAMES, type CaseStatus } from '../procedure/case-status.js';
import {
  EVIDENCE_KIND_NAMES,
  EVIDENCE_KINDS,
  type EvidenceKind,
} from '../procedure/evidence-kind.js';
import { PARTY_KINDS, type PartyKind } from '../procedure/party-kind.js';
import {
  PUBLICATION_CHOICES,
  PUBLICATION_WITHDRAWAL_GROUNDS,
  type PublicationChoice,
  type PublicationWithdrawalGround,
} from '../procedure/publication.js';
import { PENALTY_KIND_NAMES, PENALTY_KINDS, type PenaltyKind } from '../procedure/penalty-kind.js';

/**
 * A GraphQL enum for one of the procedure module's string-literal tuples (GraphQL needs an enum
 * object), registered under its API name with a Chinese description of the type and of each value.
 */
export function graphqlEnum<T extends string>(
  values: readonly T[],
  name: string,
  description: string,
  names: Readonly<Record<T, string>>,
): { [K in T]: K } {
  const object = Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
  registerEnumType(object, {
    name,
    description,
    valuesConfig: Object.fromEntries(values.map((v) => [v, { description: names[v] }])) as never,
  });
  return object;
}

export const OfficeLevelEnum = graphqlEnum<OfficeLevel>(
  OFFICE_LEVELS,
  'OfficeLevel',
  '网信部门层级',
  {
    NATIONAL: '国家互联网信息办公室',
    PROVINCIAL: '省级网信部门',
    MUNICIPAL: '设区的市级网信部门',
    COUNTY: '县级网信部门',
  },
);

export const OfficerRoleEnum = graphqlEnum<OfficerRole>(
  OFFICER_ROLES,
  'OfficerRole',
  '执法人员在本机关中的角色',
  {
    CASE_HANDLER: '办案人员',
    OFFICE_HEAD: '行政机关负责人',
    LEGAL_REVIEWER: '法制审核人员',
    HEARING_OFFICER: '听证主持人',
    ADMIN: '系统管理员（管理本机关及下级机关的人员与证件）',
  },
);

export type { CaseStatus, EvidenceKind, PartyKind };
export const PartyKindEnum = graphqlEnum<PartyKind>(PARTY_KINDS, 'PartyKind', '当事人类型', {
  NATURAL_PERSON: '公民（自然人）',
  LEGAL_PERSON: '法人',
  OTHER_ORGANIZATION: '其他组织',
});

export const PARTY_ID_TYPES = [
  'RESIDENT_ID_CARD',
  'UNIFIED_SOCIAL_CREDIT_CODE',
  'PASSPORT',
  'OTHER',
] as const;
export type PartyIdType = (typeof PARTY_ID_TYPES)[number];
export const PartyIdTypeEnum = graphqlEnum<PartyIdType>(
  PARTY_ID_TYPES,
  'PartyIdType',
  '当事人证件类型',
  {
    RESIDENT_ID_CARD: '居民身份证（GB 11643 校验）',
    UNIFIED_SOCIAL_CREDIT_CODE: '统一社会信用代码（GB 32100 校验）',
    PASSPORT: '护照',
    OTHER: '其他证件',
  },
);

export const EvidenceKindEnum = graphqlEnum<EvidenceKind>(
  EVIDENCE_KINDS,
  'EvidenceKind',
  '证据种类（《中华人民共和国行政处罚法》第四十六条）',
  EVIDENCE_KIND_NAMES,
);

export const DECISION_KINDS = [
  'PENALTY',
  'NO_PENALTY',
  'FACTS_NOT_ESTABLISHED',
  'TRANSFER_TO_JUDICIAL_ORGAN',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DecisionKindEnum = graphqlEnum<DecisionKind>(
  DECISION_KINDS,
  'DecisionKind',
  '处理决定类型（《中华人民共和国行政处罚法》第五十七条）',
  {
    PENALTY: '给予行政处罚',
    NO_PENALTY: '不予行政处罚',
    FACTS_NOT_ESTABLISHED: '违法事实不能成立，不予行政处罚',
    TRANSFER_TO_JUDICIAL_ORGAN: '违法行为涉嫌犯罪，移送司法机关',
  },
);

export const PenaltyKindEnum = graphqlEnum<PenaltyKind>(
  PENALTY_KINDS,
  'PenaltyKind',
  '行政处罚种类（《中华人民共和国行政处罚法》第九条）',
  PENALTY_KIND_NAMES,
);

/** 'NEW' is the empty case before registration and is never stored, so it is not part of the API. */
export const STORED_CASE_STATUSES = CASE_STATUSES.filter(
  (s): s is Exclude<CaseStatus, 'NEW'> => s !== 'NEW',
);
export const CaseStatusEnum = graphqlEnum(
  STORED_CASE_STATUSES,
  'CaseStatus',
  '案件状态',
  CASE_STATUS_NAMES,
);

export const DeadlineKindEnum = graphqlEnum<DeadlineKind>(
  DEADLINE_KINDS,
  'DeadlineKind',
  '法定期限种类',
  {
    DOCKETING: '立案期限',
    JURISDICTION_DESIGNATION: '指定管辖期限',
    PRESERVATION_HANDLING: '先行登记保存处理期限',
    COMPULSORY_MEASURE: '查封、扣押期限（检测、检验、检疫或者技术鉴定的期间不计入）',
    EMERGENCY_MEASURE_REPORT:
      '当场实施查封、扣押后向负责人报告并补办批准手续的期限（二十四小时；规则参数 emergencyMeasureReportPeriod）',
    STATEMENT: '陈述、申辩期限',
    HEARING_REQUEST: '听证申请期限',
    CASE_TIME_LIMIT: '办案期限',
    DECISION_SERVICE: '决定书送达期限',
    PAYMENT: '罚款缴纳期限（自收到决定书之日起算；天数见规则参数 paymentPeriod）',
    RECONSIDERATION_PERIOD: '申请行政复议期限（规则参数 reconsiderationPeriod）',
    LITIGATION_PERIOD:
      '提起行政诉讼期限（规则参数 litigationPeriod；复议后为 litigationAfterReconsiderationPeriod）',
    PUBLICATION_WITHDRAWAL: '撤下公示期限（规则参数 publicationWithdrawalPeriod）',
    COURT_ENFORCEMENT_WINDOW:
      '申请人民法院强制执行期限（规则参数 courtEnforcementApplicationPeriod）',
    CORRECTION_PERIOD: '责令限期改正的期限（责令改正通知书载明的日数，规则参数 correctionPeriod）',
    COURT_RULING_REVIEW:
      '对不予执行裁定申请复议的期限（自收到裁定之日起；规则参数 courtRulingReviewPeriod）',
  },
);

export const CaseSourceTypeEnum = graphqlEnum<CaseSourceType>(
  CASE_SOURCE_TYPES,
  'CaseSourceType',
  '案件来源',
  {
    INSPECTION: '在监督检查中发现',
    COMPLAINT_OR_REPORT: '投诉、申诉、举报',
    ASSIGNED_BY_HIGHER_OFFICE: '上级机关交办',
    REQUESTED_BY_LOWER_OFFICE: '下级机关报请查处',
    TRANSFERRED_IN: '有关部门移送',
  },
);

export const JurisdictionBasisEnum = graphqlEnum<JurisdictionBasis>(
  JURISDICTION_BASES,
  'JurisdictionBasis',
  '管辖依据',
  {
    TERRITORIAL: '地域管辖：违法行为发生地',
    HIERARCHICAL: '级别管辖',
    DESIGNATED: '指定管辖',
    ASSIGNED_BY_HIGHER_OFFICE: '上级交办',
    TRANSFERRED: '移送管辖',
  },
);

export const PublicationChoiceEnum = graphqlEnum<PublicationChoice>(
  PUBLICATION_CHOICES,
  'PublicationChoice',
  '处罚决定是否公开的认定（《中华人民共和国行政处罚法》第四十八条第一款：具有一定社会影响的行政处罚决定应当依法公开）',
  {
    SOCIAL_IMPACT_FOUND: '机关认定具有一定社会影响，公开',
    NO_SOCIAL_IMPACT_FOUND: '机关认定不具有社会影响，不公开',
    PRESUMED_SOCIAL_IMPACT:
      '机关未作认定，按规则参数 publicationPresumedPenaltyKinds 推定具有社会影响，公开',
    PRESUMED_NO_SOCIAL_IMPACT: '机关未作认定，仅警告或者通报批评等，推定不具有社会影响，不公开',
  },
);

export const PublicationWithdrawalGroundEnum = graphqlEnum<PublicationWithdrawalGround>(
  PUBLICATION_WITHDRAWAL_GROUNDS,
  'PublicationWithdrawalGround',
  '公示撤下的事由',
  {
    DECISION_CHANGED:
      '处罚决定被变更、撤销或者确认违法（《中华人民共和国行政处罚法》第四十八条第二款，在 publicationWithdrawalPeriod 内撤回）',
    CREDIT_REPAIR: '当事人信用修复，公示期届满前提前撤下',
  },
);

export const InterviewLegalBasisEnum = graphqlEnum<InterviewLegalBasis>(
  INTERVIEW_LEGAL_BASES,
  'InterviewLegalBasis',
  '约谈的法律依据',
  {
    CSL_2025_58: '《中华人民共和国网络安全法》（2025年修正）第五十八条',
    PIPL_64: '《中华人民共和国个人信息保护法》第六十四条',
    DSL_44: '《中华人民共和国数据安全法》第四十四条',
  },
);
