/**
 * Penalty provisions (罚则条款): the article, tier, unlawful act, penalty kinds and
 * ranges an office may rely on, as editable catalog data with a citation per row.
 * One row = one tier of one article/paragraph/item of one law version, because kinds,
 * ranges and the required office level change from tier to tier.
 *
 * Legal basis: 《中华人民共和国行政处罚法》第四条、第九条、第三十七条 (V);
 * the penalty articles themselves per docs/penalty-provisions.md.
 */
import { formatCitation, type LegalBasis, type VerificationStatus } from '../legal-basis.js';
import { compareLocalDates, type LocalDate } from '../local-date.js';
import type { OfficeLevel } from '../office-level.js';
import type { PenaltyKind } from '../penalty-kind.js';

/** Laws, administrative regulations and CAC rules in the catalog. */
export const LAW_CODES = [
  'PIPL', // 个人信息保护法
  'CSL', // 网络安全法
  'DSL', // 数据安全法
  'MINORS_REG', // 未成年人网络保护条例
  'NDSR', // 网络数据安全管理条例
  'ISP_MEASURES', // 互联网信息服务管理办法
  'ALGO_PROV', // 互联网信息服务算法推荐管理规定
  'NEWS_PROV', // 互联网新闻信息服务管理规定
  'ECO_PROV', // 网络信息内容生态治理规定
  'GENAI_MEASURES', // 生成式人工智能服务管理暂行办法
  'DEEP_SYNTHESIS_PROV', // 互联网信息服务深度合成管理规定
] as const;
export type LawCode = (typeof LAW_CODES)[number];

/**
 * Escalation tiers. REFUSAL covers the OR-triggers 拒不改正或者导致危害网络安全等后果 /
 * 拒不改正或者情节严重; the exact trigger wording is in `tierLabelZh`.
 */
export const PROVISION_TIERS = [
  'BASE', // 基础档
  'REFUSAL', // 拒不改正（或者…）档
  'SERIOUS', // 情节严重 / 严重后果档
  'ESPECIALLY_SERIOUS', // 特别严重档
] as const;
export type ProvisionTier = (typeof PROVISION_TIERS)[number];

/** Who imposes the penalty. Only the first two are a basis a cyberspace office may cite itself. */
export const COMPETENT_AUTHORITIES = [
  'CAC', // 网信部门 (CAC rules), or 有关主管部门 / 履行个人信息保护职责的部门 including CAC
  'CAC_AMONG_OTHERS', // 网信、电信、公安等部门依据各自职责
  'PUBLIC_SECURITY_ONLY', // 公安机关: transfer (移送), never a CAC basis
  'TELECOM_OR_LICENSING_AUTHORITY', // 电信管理机构 / 许可或备案机关: CAC use unverified, transfer
  'REFERRAL_ONLY', // 依照其他法律、行政法规处罚: no penalty of its own
] as const;
export type CompetentAuthority = (typeof COMPETENT_AUTHORITIES)[number];

export const FINE_BASES = [
  'FIXED', // 处X元以上Y元以下罚款
  'MULTIPLE_OF_ILLEGAL_GAINS', // 违法所得N倍以上M倍以下
  'MULTIPLE_OF_PROCUREMENT_AMOUNT', // 采购金额N倍以上M倍以下
  'PERCENT_OF_PRIOR_YEAR_TURNOVER', // 上一年度营业额百分之N以下
] as const;
export type FineBasis = (typeof FINE_BASES)[number];

/** Statutory fine frame. Bounds are inclusive (以上/以下, docs/penalty-provisions.md §0). "X以下" has minYuan 0. */
export type FineRange =
  | { readonly basis: 'FIXED'; readonly minYuan: number; readonly maxYuan: number }
  | {
      readonly basis: 'MULTIPLE_OF_ILLEGAL_GAINS';
      readonly minMultiple: number;
      readonly maxMultiple: number;
    }
  | {
      readonly basis: 'MULTIPLE_OF_PROCUREMENT_AMOUNT';
      readonly minMultiple: number;
      readonly maxMultiple: number;
    }
  | { readonly basis: 'PERCENT_OF_PRIOR_YEAR_TURNOVER'; readonly maxPercent: number };

/**
 * Branch on the recorded illegal gains, e.g. 违法所得一百万元以上的…；没有违法所得或者违法所得
 * 不足一百万元的…. Fine sanctions without a condition in the same row are alternatives
 * (PIPL 66(2): 五千万元以下或者上一年度营业额百分之五以下) and the officer records the basis.
 */
export type IllegalGainsCondition =
  | { readonly when: 'GAINS_AT_LEAST'; readonly yuan: number } // 违法所得X元以上
  | { readonly when: 'GAINS_NONE_OR_BELOW'; readonly yuan: number } // 没有违法所得或者违法所得不足X元
  | { readonly when: 'GAINS_PRESENT' } // 有违法所得
  | { readonly when: 'GAINS_NONE' }; // 没有违法所得

/** One penalty the provision allows (处罚种类及幅度). */
export interface Sanction {
  readonly kind: PenaltyKind;
  /** The measure as the text words it, e.g. 责令暂停相关业务; shown next to the APL art. 9 kind. */
  readonly measureZh: string;
  /** true: 处 / 并处 / 给予 without 可以 (应当); false: 可以 (discretionary). */
  readonly mandatory: boolean;
  /** Required when kind is FINE, absent otherwise. */
  readonly fine?: FineRange;
  readonly gainsCondition?: IllegalGainsCondition;
  /** Set when mapping the measure onto an APL art. 9 kind is itself uncertain (docs/penalty-provisions.md §11.5). */
  readonly kindClassificationStatus?: VerificationStatus;
}

/** 直接负责的主管人员 only, or 直接负责的主管人员和其他直接责任人员. */
export const RESPONSIBLE_PERSON_SCOPES = [
  'PERSON_IN_CHARGE_ONLY',
  'ALL_RESPONSIBLE_PERSONS',
] as const;
export type ResponsiblePersonScope = (typeof RESPONSIBLE_PERSON_SCOPES)[number];

/**
 * How an old provision continues in a later version (CSL 2016 → 2025 concordance).
 * NO_LONGER_UNLAWFUL is a legal judgment and must be recorded, never inferred: a
 * referral to other laws is not "no longer unlawful" (docs/penalty-provisions.md §11.2).
 */
export const CONCORDANCE_RELATIONS = [
  'SAME_PENALTIES', // 条号变化，罚则未变
  'AMENDED', // 罚则修改
  'REFERRED_TO_OTHER_LAWS', // 改为依照其他法律、行政法规处罚
  'NO_LONGER_UNLAWFUL', // 新规定不认为是违法
] as const;
export type ConcordanceRelation = (typeof CONCORDANCE_RELATIONS)[number];

export interface Concordance {
  readonly provisionIds: readonly string[];
  readonly relation: ConcordanceRelation;
  readonly noteZh: string;
}

/** A dated text of a law (法律版本). validTo is inclusive; absent = still in force. */
export interface LawVersion {
  readonly id: string;
  readonly lawCode: LawCode;
  /** Full Chinese name without book-title marks. */
  readonly law: string;
  readonly versionLabel: string;
  readonly validFrom: LocalDate;
  readonly validTo?: LocalDate;
  /** Status of the effective period itself (CSL 2025's date is P, ISP 2024's is U). */
  readonly periodStatus: VerificationStatus;
  readonly source: string;
}

export interface PenaltyProvision {
  /** Stable id: PIPL-66-2, CSL2016-59-1-REFUSAL, CSL2025-61-3-ESPECIALLY-SERIOUS. */
  readonly id: string;
  readonly lawCode: LawCode;
  readonly law: string;
  readonly versionId: string;
  readonly versionLabel: string;
  readonly validFrom: LocalDate;
  readonly validTo?: LocalDate;
  readonly article: number;
  readonly paragraph?: number;
  readonly item?: number;
  readonly tier: ProvisionTier;
  /** Trigger wording, e.g. 拒不改正或者导致危害网络安全等后果的. */
  readonly tierLabelZh: string;
  /** The unlawful act (违法行为), short. */
  readonly unlawfulActZh: string;
  readonly authority: CompetentAuthority;
  readonly authorityZh: string;
  /** Lowest office level that may impose this tier; COUNTY = any level with jurisdiction. */
  readonly minOfficeLevel: OfficeLevel;
  /** Penalties on the party (organisation or individual). */
  readonly partySanctions: readonly Sanction[];
  /** 单处或者并处 / 责令A、B或者C: at least one kind of each group must be imposed on the party. */
  readonly requireOneOf?: readonly (readonly PenaltyKind[])[];
  readonly responsiblePersonScope?: ResponsiblePersonScope;
  /** Penalties on the directly responsible persons (natural persons), a separate target. */
  readonly responsiblePersonSanctions: readonly Sanction[];
  /** Measures in the same sentence that are not penalties (责令改正, 约谈, 通报…吊销). */
  readonly nonPenaltyMeasuresZh?: readonly string[];
  /** For REFERRAL_ONLY rows and subsidiary CAC rules: where the penalty comes from. */
  readonly referralZh?: string;
  /** CSL 2016 rows: the 2025 provisions they continue as. */
  readonly successors?: Concordance;
  readonly status: VerificationStatus;
  readonly source: string;
  readonly noteZh?: string;
}

/** Why a penalty rests on a provision, frozen into the case so later catalog edits do not rewrite it. */
export interface PenaltyBasisRecord {
  readonly provisionId: string;
  readonly versionId: string;
  readonly versionLabel: string;
  readonly citation: LegalBasis;
  readonly citationText: string;
  readonly tier: ProvisionTier;
  readonly status: VerificationStatus;
}

export function findProvision(
  catalog: readonly PenaltyProvision[],
  id: string,
): PenaltyProvision | undefined {
  return catalog.find((p) => p.id === id);
}

/** In force on `date`, both ends inclusive. */
export function isInForce(
  p: Pick<PenaltyProvision, 'validFrom' | 'validTo'>,
  date: LocalDate,
): boolean {
  return (
    compareLocalDates(p.validFrom, date) <= 0 &&
    (p.validTo === undefined || compareLocalDates(date, p.validTo) <= 0)
  );
}

export function provisionCitation(p: PenaltyProvision): LegalBasis {
  return {
    law: p.law,
    article: p.article,
    paragraph: p.paragraph,
    item: p.item,
    status: p.status,
    source: p.status === 'V' ? undefined : p.source,
  };
}

/** 《中华人民共和国网络安全法》（2016年）第五十九条第一款 — the version label tells the texts apart. */
export function formatProvisionCitation(p: PenaltyProvision): string {
  const plain = formatCitation(provisionCitation(p));
  const titleEnd = plain.indexOf('》') + 1;
  return `${plain.slice(0, titleEnd)}（${p.versionLabel}）${plain.slice(titleEnd)}`;
}

export function penaltyBasisRecord(p: PenaltyProvision): PenaltyBasisRecord {
  return {
    provisionId: p.id,
    versionId: p.versionId,
    versionLabel: p.versionLabel,
    citation: provisionCitation(p),
    citationText: formatProvisionCitation(p),
    tier: p.tier,
    status: p.status,
  };
}

/** Sanctions of one target. */
export function sanctionsFor(
  p: PenaltyProvision,
  target: 'PARTY' | 'RESPONSIBLE_PERSON',
): readonly Sanction[] {
  return target === 'PARTY' ? p.partySanctions : p.responsiblePersonSanctions;
}
