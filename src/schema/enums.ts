import { registerEnumType } from 'type-graphql';
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
import { EVIDENCE_KINDS, type EvidenceKind } from '../procedure/evidence-kind.js';
import { PARTY_KINDS, type PartyKind } from '../procedure/party-kind.js';
import { PENALTY_KIND_NAMES, PENALTY_KINDS, type PenaltyKind } from '../procedure/penalty-kind.js';

/** GraphQL needs an enum object; the procedure module keeps string-literal tuples. */
function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const OfficeLevelEnum = enumObject<OfficeLevel>(OFFICE_LEVELS);
registerEnumType(OfficeLevelEnum, {
  name: 'OfficeLevel',
  description: '网信部门层级',
  valuesConfig: {
    NATIONAL: { description: '国家互联网信息办公室' },
    PROVINCIAL: { description: '省级网信部门' },
    MUNICIPAL: { description: '设区的市级网信部门' },
    COUNTY: { description: '县级网信部门' },
  },
});

export const OfficerRoleEnum = enumObject<OfficerRole>(OFFICER_ROLES);
registerEnumType(OfficerRoleEnum, {
  name: 'OfficerRole',
  description: '执法人员在本机关中的角色',
  valuesConfig: {
    CASE_HANDLER: { description: '办案人员' },
    OFFICE_HEAD: { description: '行政机关负责人' },
    LEGAL_REVIEWER: { description: '法制审核人员' },
    HEARING_OFFICER: { description: '听证主持人' },
    ADMIN: { description: '系统管理员（管理本机关及下级机关的人员与证件）' },
  },
});

export type { CaseStatus, EvidenceKind, PartyKind };
export const PartyKindEnum = enumObject<PartyKind>(PARTY_KINDS);
registerEnumType(PartyKindEnum, {
  name: 'PartyKind',
  description: '当事人类型',
  valuesConfig: {
    NATURAL_PERSON: { description: '公民（自然人）' },
    LEGAL_PERSON: { description: '法人' },
    OTHER_ORGANIZATION: { description: '其他组织' },
  },
});

export const PARTY_ID_TYPES = [
  'RESIDENT_ID_CARD',
  'UNIFIED_SOCIAL_CREDIT_CODE',
  'PASSPORT',
  'OTHER',
] as const;
export type PartyIdType = (typeof PARTY_ID_TYPES)[number];
export const PartyIdTypeEnum = enumObject<PartyIdType>(PARTY_ID_TYPES);
registerEnumType(PartyIdTypeEnum, {
  name: 'PartyIdType',
  description: '当事人证件类型',
  valuesConfig: {
    RESIDENT_ID_CARD: { description: '居民身份证（GB 11643 校验）' },
    UNIFIED_SOCIAL_CREDIT_CODE: { description: '统一社会信用代码（GB 32100 校验）' },
    PASSPORT: { description: '护照' },
    OTHER: { description: '其他证件' },
  },
});

export const EvidenceKindEnum = enumObject<EvidenceKind>(EVIDENCE_KINDS);
registerEnumType(EvidenceKindEnum, {
  name: 'EvidenceKind',
  description: '证据种类（《中华人民共和国行政处罚法》第四十六条）',
  valuesConfig: {
    DOCUMENTARY: { description: '书证' },
    PHYSICAL: { description: '物证' },
    AUDIOVISUAL: { description: '视听资料' },
    ELECTRONIC_DATA: { description: '电子数据' },
    WITNESS_TESTIMONY: { description: '证人证言' },
    PARTY_STATEMENT: { description: '当事人的陈述' },
    EXPERT_OPINION: { description: '鉴定意见' },
    INSPECTION_RECORD: { description: '勘验笔录、现场笔录' },
  },
});

export const DECISION_KINDS = [
  'PENALTY',
  'NO_PENALTY',
  'FACTS_NOT_ESTABLISHED',
  'TRANSFER_TO_JUDICIAL_ORGAN',
] as const;
export type DecisionKind = (typeof DECISION_KINDS)[number];
export const DecisionKindEnum = enumObject<DecisionKind>(DECISION_KINDS);
registerEnumType(DecisionKindEnum, {
  name: 'DecisionKind',
  description: '处理决定类型（《中华人民共和国行政处罚法》第五十七条）',
  valuesConfig: {
    PENALTY: { description: '给予行政处罚' },
    NO_PENALTY: { description: '不予行政处罚' },
    FACTS_NOT_ESTABLISHED: { description: '违法事实不能成立，不予行政处罚' },
    TRANSFER_TO_JUDICIAL_ORGAN: { description: '违法行为涉嫌犯罪，移送司法机关' },
  },
});

export const PenaltyKindEnum = enumObject<PenaltyKind>(PENALTY_KINDS);
registerEnumType(PenaltyKindEnum, {
  name: 'PenaltyKind',
  description: '行政处罚种类（《中华人民共和国行政处罚法》第九条）',
  valuesConfig: Object.fromEntries(
    PENALTY_KINDS.map((k) => [k, { description: PENALTY_KIND_NAMES[k] }]),
  ),
});

/** 'NEW' is the empty case before registration and is never stored, so it is not part of the API. */
export const STORED_CASE_STATUSES = CASE_STATUSES.filter(
  (s): s is Exclude<CaseStatus, 'NEW'> => s !== 'NEW',
);
export const CaseStatusEnum = enumObject(STORED_CASE_STATUSES);
registerEnumType(CaseStatusEnum, {
  name: 'CaseStatus',
  description: '案件状态',
  valuesConfig: Object.fromEntries(
    STORED_CASE_STATUSES.map((s) => [s, { description: CASE_STATUS_NAMES[s] }]),
  ),
});

export const DeadlineKindEnum = enumObject<DeadlineKind>(DEADLINE_KINDS);
registerEnumType(DeadlineKindEnum, {
  name: 'DeadlineKind',
  description: '法定期限种类',
  valuesConfig: {
    DOCKETING: { description: '立案期限' },
    JURISDICTION_DESIGNATION: { description: '指定管辖期限' },
    PRESERVATION_HANDLING: { description: '先行登记保存处理期限' },
    COMPULSORY_MEASURE: { description: '查封、扣押期限' },
    STATEMENT: { description: '陈述、申辩期限' },
    HEARING_REQUEST: { description: '听证申请期限' },
    CASE_TIME_LIMIT: { description: '办案期限' },
    DECISION_SERVICE: { description: '决定书送达期限' },
    PAYMENT: { description: '罚款缴纳期限（自收到决定书之日起算；天数见规则参数 paymentPeriod）' },
    RECONSIDERATION_PERIOD: { description: '申请行政复议期限（规则参数 reconsiderationPeriod）' },
    LITIGATION_PERIOD: {
      description:
        '提起行政诉讼期限（规则参数 litigationPeriod；复议后为 litigationAfterReconsiderationPeriod）',
    },
    PUBLICATION_WITHDRAWAL: { description: '撤下公示期限（规则参数 publicationWithdrawalPeriod）' },
    COURT_ENFORCEMENT_WINDOW: {
      description: '申请人民法院强制执行期限（规则参数 courtEnforcementApplicationPeriod）',
    },
  },
});

export const CaseSourceTypeEnum = enumObject<CaseSourceType>(CASE_SOURCE_TYPES);
registerEnumType(CaseSourceTypeEnum, {
  name: 'CaseSourceType',
  description: '案件来源',
  valuesConfig: {
    INSPECTION: { description: '在监督检查中发现' },
    COMPLAINT_OR_REPORT: { description: '投诉、申诉、举报' },
    ASSIGNED_BY_HIGHER_OFFICE: { description: '上级机关交办' },
    REQUESTED_BY_LOWER_OFFICE: { description: '下级机关报请查处' },
    TRANSFERRED_IN: { description: '有关部门移送' },
  },
});

export const JurisdictionBasisEnum = enumObject<JurisdictionBasis>(JURISDICTION_BASES);
registerEnumType(JurisdictionBasisEnum, {
  name: 'JurisdictionBasis',
  description: '管辖依据',
  valuesConfig: {
    TERRITORIAL: { description: '地域管辖：违法行为发生地' },
    HIERARCHICAL: { description: '级别管辖' },
    DESIGNATED: { description: '指定管辖' },
    ASSIGNED_BY_HIGHER_OFFICE: { description: '上级交办' },
    TRANSFERRED: { description: '移送管辖' },
  },
});
