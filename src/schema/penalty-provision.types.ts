import { Field, InputType, Int, ObjectType } from 'type-graphql';
import type { LocalDate } from '../procedure/local-date.js';
import type { OfficeLevel } from '../procedure/office-level.js';
import type { PenaltyKind } from '../procedure/penalty-kind.js';
import {
  COMPETENT_AUTHORITIES,
  CONCORDANCE_RELATIONS,
  LAW_CODES,
  PROVISION_TIERS,
  RESPONSIBLE_PERSON_SCOPES,
  type CompetentAuthority,
  type ConcordanceRelation,
  type FineBasis,
  type LawCode,
  type PenaltyProvision,
  type ProvisionTier,
  type ResponsiblePersonScope,
} from '../procedure/provisions/index.js';
import { OfficeLevelEnum, PenaltyKindEnum, graphqlEnum } from './enums.js';
import { FineBasisEnum } from './procedure-enums.js';
import { LocalDateScalar, MoneyScalar } from './scalars.js';

/**
 * The penalty provisions catalog record (src/procedure/provisions/penalty-provision.ts) as
 * GraphQL types. Each class is both the output (`PenaltyProvisionView.data`) and the input of
 * `updatePenaltyProvision(data:)`, so what a client reads it can send back unchanged; the
 * catalog's own validation (validateProvision) still checks every field and reports each problem
 * at its input path.
 */

export const LawCodeEnum = graphqlEnum<LawCode>(
  LAW_CODES,
  'LawCode',
  '法律代码（LawCode）：处罚条款目录所涉法律、行政法规和部门规章',
  {
    PIPL: '个人信息保护法',
    CSL: '网络安全法',
    DSL: '数据安全法',
    MINORS_REG: '未成年人网络保护条例',
    NDSR: '网络数据安全管理条例',
    ISP_MEASURES: '互联网信息服务管理办法',
    ALGO_PROV: '互联网信息服务算法推荐管理规定',
    NEWS_PROV: '互联网新闻信息服务管理规定',
    ECO_PROV: '网络信息内容生态治理规定',
    GENAI_MEASURES: '生成式人工智能服务管理暂行办法',
    DEEP_SYNTHESIS_PROV: '互联网信息服务深度合成管理规定',
  },
);

export const ProvisionTierEnum = graphqlEnum<ProvisionTier>(
  PROVISION_TIERS,
  'ProvisionTier',
  '情节档次（ProvisionTier）',
  {
    BASE: '基础档',
    REFUSAL: '拒不改正（或者导致危害后果）档',
    SERIOUS: '情节严重或者严重后果档',
    ESPECIALLY_SERIOUS: '情节特别严重档',
  },
);

export const CompetentAuthorityEnum = graphqlEnum<CompetentAuthority>(
  COMPETENT_AUTHORITIES,
  'CompetentAuthority',
  '作出处罚的主管部门（CompetentAuthority）',
  {
    CAC: '网信部门（或者包括网信部门的有关主管部门、履行个人信息保护职责的部门）',
    CAC_AMONG_OTHERS: '网信、电信、公安等部门依据各自职责',
    PUBLIC_SECURITY_ONLY: '公安机关：网信部门不得援引，应当移送',
    TELECOM_OR_LICENSING_AUTHORITY: '电信管理机构或者许可、备案机关：网信部门援引未经核实，移送',
    REFERRAL_ONLY: '依照其他法律、行政法规处罚：本条无独立罚则',
  },
);

export const ResponsiblePersonScopeEnum = graphqlEnum<ResponsiblePersonScope>(
  RESPONSIBLE_PERSON_SCOPES,
  'ResponsiblePersonScope',
  '责任人员范围（ResponsiblePersonScope）',
  {
    PERSON_IN_CHARGE_ONLY: '仅直接负责的主管人员',
    ALL_RESPONSIBLE_PERSONS: '直接负责的主管人员和其他直接责任人员',
  },
);

export const ConcordanceRelationEnum = graphqlEnum<ConcordanceRelation>(
  CONCORDANCE_RELATIONS,
  'ConcordanceRelation',
  '新旧条款的对应关系（ConcordanceRelation）',
  {
    SAME_PENALTIES: '条号变化，罚则未变',
    AMENDED: '罚则修改',
    REFERRED_TO_OTHER_LAWS: '改为依照其他法律、行政法规处罚',
    NO_LONGER_UNLAWFUL: '新规定不认为是违法',
  },
);

const GAINS_CONDITIONS = [
  'GAINS_AT_LEAST',
  'GAINS_NONE_OR_BELOW',
  'GAINS_PRESENT',
  'GAINS_NONE',
] as const;
export const IllegalGainsConditionKindEnum = graphqlEnum<(typeof GAINS_CONDITIONS)[number]>(
  GAINS_CONDITIONS,
  'IllegalGainsConditionKind',
  '违法所得条件（IllegalGainsConditionKind）',
  {
    GAINS_AT_LEAST: '违法所得达到 yuan 元以上',
    GAINS_NONE_OR_BELOW: '没有违法所得或者违法所得不足 yuan 元',
    GAINS_PRESENT: '有违法所得',
    GAINS_NONE: '没有违法所得',
  },
);

const VERIFICATION = 'V 已核实法律原文 / P 二手来源 / U 未核实 / D 设计推导';

@ObjectType('FineRange', {
  description: '罚款幅度（FineRange）：按计算方式填写相应的界限，界限含本数',
  simpleResolvers: true,
})
@InputType('FineRangeInput', {
  description: '罚款幅度（FineRangeInput）：按计算方式填写相应的界限，界限含本数',
})
export class FineRangeType {
  @Field(() => FineBasisEnum, { description: '计算方式（basis）' }) basis!: FineBasis;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: '最低数额（minYuan，元）：FIXED 时；“X以下”为 0',
  })
  minYuan?: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: '最高数额（maxYuan，元）：FIXED 时' })
  maxYuan?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: '最低倍数（minMultiple，整数倍）：按违法所得或者采购金额的倍数时',
  })
  minMultiple?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: '最高倍数（maxMultiple，整数倍）：按违法所得或者采购金额的倍数时',
  })
  maxMultiple?: number | null;
  @Field(() => Int, {
    nullable: true,
    description: '最高百分比（maxPercent，整数）：按上一年度营业额的百分比时',
  })
  maxPercent?: number | null;
}

@ObjectType('IllegalGainsCondition', {
  description: '违法所得条件（IllegalGainsCondition）：该处罚所适用的违法所得情形',
  simpleResolvers: true,
})
@InputType('IllegalGainsConditionInput', {
  description: '违法所得条件（IllegalGainsConditionInput）',
})
export class IllegalGainsConditionType {
  @Field(() => IllegalGainsConditionKindEnum, { description: '情形（when）' })
  when!: (typeof GAINS_CONDITIONS)[number];
  @Field(() => MoneyScalar, {
    nullable: true,
    description: '界限数额（yuan，元）：GAINS_AT_LEAST、GAINS_NONE_OR_BELOW 时',
  })
  yuan?: number | null;
}

@ObjectType('Sanction', {
  description: '条款允许的一项处罚（Sanction）：处罚种类及幅度',
  simpleResolvers: true,
})
@InputType('SanctionInput', { description: '条款允许的一项处罚（SanctionInput）' })
export class SanctionType {
  @Field(() => PenaltyKindEnum, {
    description: '处罚种类（kind，《中华人民共和国行政处罚法》第九条）',
  })
  kind!: PenaltyKind;
  @Field({ description: '条文用语（measureZh），如 责令暂停相关业务' }) measureZh!: string;
  @Field({ description: '应当处罚（mandatory）：true 为“处”“并处”，false 为“可以”' })
  mandatory!: boolean;
  @Field(() => FineRangeType, {
    nullable: true,
    description: '罚款幅度（fine）：罚款时必填，其他种类为空',
  })
  fine?: FineRangeType | null;
  @Field(() => IllegalGainsConditionType, {
    nullable: true,
    description: '违法所得条件（gainsCondition）',
  })
  gainsCondition?: IllegalGainsConditionType | null;
  @Field(() => String, {
    nullable: true,
    description: `归入处罚种类的核实状态（kindClassificationStatus）：${VERIFICATION}`,
  })
  kindClassificationStatus?: string | null;
}

@ObjectType('Concordance', {
  description: '新旧条款对应（Concordance）：旧条款在新版本中的对应条款',
  simpleResolvers: true,
})
@InputType('ConcordanceInput', { description: '新旧条款对应（ConcordanceInput）' })
export class ConcordanceType {
  @Field(() => [String], { description: '对应的新条款目录 id（provisionIds）' })
  provisionIds!: string[];
  @Field(() => ConcordanceRelationEnum, { description: '对应关系（relation）' })
  relation!: ConcordanceRelation;
  @Field({ description: '说明（noteZh）' }) noteZh!: string;
}

@ObjectType('PenaltyProvisionData', {
  description:
    '处罚条款的完整数据（PenaltyProvisionData）：法律版本、条款、档次、主管部门、处罚种类及幅度、责任人员处罚',
  simpleResolvers: true,
})
@InputType('PenaltyProvisionInput', {
  description:
    '处罚条款的完整数据（PenaltyProvisionInput），结构与 PenaltyProvisionView.data 相同；逐项校验',
})
export class PenaltyProvisionDataType {
  @Field(() => LawCodeEnum, { description: '法律代码（lawCode）' }) lawCode!: LawCode;
  @Field({ description: '法律名称（law），不含书名号' }) law!: string;
  @Field({ description: '法律版本标识（versionId）' }) versionId!: string;
  @Field({ description: '法律版本（versionLabel），如 2016年' }) versionLabel!: string;
  @Field(() => LocalDateScalar, { description: '施行日期（validFrom）' }) validFrom!: LocalDate;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '失效日期（validTo，含当日）；现行有效为空',
  })
  validTo?: LocalDate | null;
  @Field(() => Int, { description: '条（article）' }) article!: number;
  @Field(() => Int, { nullable: true, description: '款（paragraph）' }) paragraph?: number | null;
  @Field(() => Int, { nullable: true, description: '项（item）' }) item?: number | null;
  @Field(() => ProvisionTierEnum, { description: '情节档次（tier）' }) tier!: ProvisionTier;
  @Field({ description: '档次的条文用语（tierLabelZh），如 拒不改正或者导致危害网络安全等后果的' })
  tierLabelZh!: string;
  @Field({ description: '违法行为（unlawfulActZh）' }) unlawfulActZh!: string;
  @Field(() => CompetentAuthorityEnum, { description: '主管部门（authority）' })
  authority!: CompetentAuthority;
  @Field({ description: '主管部门的条文用语（authorityZh）' }) authorityZh!: string;
  @Field(() => OfficeLevelEnum, { description: '可适用本档的最低机关层级（minOfficeLevel）' })
  minOfficeLevel!: OfficeLevel;
  @Field(() => [SanctionType], { description: '对当事人的处罚（partySanctions）' })
  partySanctions!: SanctionType[];
  @Field(() => [[PenaltyKindEnum]], {
    nullable: true,
    description: '须择一适用的处罚种类组（requireOneOf）：每组至少处以其中一种',
  })
  requireOneOf?: PenaltyKind[][] | null;
  @Field(() => ResponsiblePersonScopeEnum, {
    nullable: true,
    description: '责任人员范围（responsiblePersonScope）',
  })
  responsiblePersonScope?: ResponsiblePersonScope | null;
  @Field(() => [SanctionType], {
    description: '对直接负责的主管人员和其他直接责任人员的处罚（responsiblePersonSanctions）',
  })
  responsiblePersonSanctions!: SanctionType[];
  @Field(() => [String], {
    nullable: true,
    description: '同句中不属于行政处罚的措施（nonPenaltyMeasuresZh），如 责令改正',
  })
  nonPenaltyMeasuresZh?: string[] | null;
  @Field(() => String, { nullable: true, description: '援引的其他处罚依据（referralZh）' })
  referralZh?: string | null;
  @Field(() => ConcordanceType, {
    nullable: true,
    description: '在新版本中的对应条款（successors）',
  })
  successors?: ConcordanceType | null;
  @Field({ description: `核实状态（status）：${VERIFICATION}` }) status!: string;
  @Field({ description: '来源说明（source）' }) source!: string;
  @Field(() => String, { nullable: true, description: '备注（noteZh）' }) noteZh?: string | null;
}

/** Drops null and undefined members, deeply: the catalog record omits what it does not have. */
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(withoutNulls);
  }
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null && v !== undefined)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** The typed input as the catalog record with the given id (absent optional members omitted). */
export function provisionFromInput(id: string, input: PenaltyProvisionDataType): PenaltyProvision {
  return { ...(withoutNulls(input) as object), id } as PenaltyProvision;
}
