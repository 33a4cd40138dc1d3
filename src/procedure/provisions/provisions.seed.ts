/**
 * Seed data of the penalty provisions catalog: every penalty, public-security and referral
 * row of docs/penalty-provisions.md §2–§9, with that file's status (V/P/U)
 * and source per row. Rows that are no penalty at all (civil liability, 处分, credit files,
 * leniency clauses) are listed in NON_PENALTY_ARTICLES so coverage stays auditable.
 *
 * Encoding choices (docs/penalty-provisions.md §0, conventions):
 * - One row per tier. Kinds of the base tier carried into an escalated tier are optional
 *   there: they may already have been imposed at the base stage.
 * - "may" (可以) → mandatory false; 处 / 并处 / 给予 without 可以 → mandatory true.
 * - 暂停相关业务 → RESTRICTION_OF_BUSINESS_ACTIVITIES is a design mapping (D); 暂停信息更新,
 *   予以通报 and position bans carry the U classification of docs/penalty-provisions.md.
 * - 责令改正, 约谈, 通报有关主管部门吊销 are kept out of the sanctions (APL art. 28; §11.5).
 *
 * Legal basis: 《中华人民共和国行政处罚法》第九条、第十三条 (V); per-row citations below.
 */
import { chineseNumeral, LAW, type VerificationStatus } from '../legal-basis.js';
import { localDate } from '../local-date.js';
import type { PenaltyKind } from '../penalty-kind.js';
import type {
  FineRange,
  IllegalGainsCondition,
  LawCode,
  LawVersion,
  PenaltyProvision,
  Sanction,
} from './penalty-provision.js';

/** Names of the instruments not in the shared LAW table (administrative regulations and CAC rules). */
export const PROVISION_LAW_NAMES: Record<LawCode, string> = {
  PIPL: LAW.personalInformationProtection,
  CSL: LAW.cybersecurity,
  DSL: LAW.dataSecurity,
  MINORS_REG: '未成年人网络保护条例',
  NDSR: '网络数据安全管理条例',
  ISP_MEASURES: '互联网信息服务管理办法',
  ALGO_PROV: '互联网信息服务算法推荐管理规定',
  NEWS_PROV: '互联网新闻信息服务管理规定',
  ECO_PROV: '网络信息内容生态治理规定',
  GENAI_MEASURES: '生成式人工智能服务管理暂行办法',
  DEEP_SYNTHESIS_PROV: '互联网信息服务深度合成管理规定',
};

/** Sources as numbered in docs/penalty-provisions.md §1. */
export const PROVISION_SOURCES = {
  S1: 'S1 LawRefBook/Laws 行政法/个人信息保护法(2021-08-20).md',
  S2: 'S2 LawRefBook/Laws 行政法/网络安全法(2016-11-07).md',
  S3: 'S3 X-STORAGE/Laws 行政法/网络安全法(2025-10-28).md',
  S3a: 'S3 X-STORAGE/Laws 行政法/网络安全法(2025-10-28).md; S3a chinadataregulation.com cross-check',
  S3b: 'S3b secrss.com/articles/87438 (林一英); DLA Piper; Llinks — effective 2026-01-01',
  S4: 'S4 LawRefBook/Laws 行政法/数据安全法(2021-06-10).md',
  S5: 'S5 LawRefBook/Laws 行政法规/未成年人网络保护条例(2023-10-16).md',
  S6: 'S6 LawRefBook/Laws 行政法规/互联网信息服务管理办法(2011-01-08).md; S6a X-STORAGE/Laws (2024-12-06) diffed: Arts. 19–25 unchanged',
  S7: 'S7 LawRefBook/Laws 行政法规/网络数据安全管理条例(2024-09-24).md',
  S8: 'S8 LawRefBook/Laws 行政法规/互联网信息服务算法推荐管理规定(2021-11-16).md',
  S9: 'S9 republication of Arts. 22–25 (wzatv.cc) and CAC Q&A (feifmx.com); order header (ekfly.cn)',
  S10: 'S10 quiz quoting the Art. 11(2) penalty clause (weikao.com/zhenti/272294); translation pastebin.com/Yb8CqUEb',
  S11: 'S11 order header (law.pkulaw.com); Art. 21 not retrieved',
  S12: 'S12 order header (datacompliancechina.com); Art. 22 not retrieved',
} as const;

const d = localDate;

/** Keeps the keys literal while typing every entry as a LawVersion (validTo stays optional). */
const lawVersions = <K extends string>(
  versions: Record<K, LawVersion>,
): Readonly<Record<K, LawVersion>> => versions;

export const LAW_VERSIONS = lawVersions({
  PIPL_2021: {
    id: 'PIPL@2021',
    lawCode: 'PIPL',
    law: PROVISION_LAW_NAMES.PIPL,
    versionLabel: '2021年',
    validFrom: d('2021-11-01'),
    periodStatus: 'V',
    source: PROVISION_SOURCES.S1,
  },
  CSL_2016: {
    id: 'CSL@2016',
    lawCode: 'CSL',
    law: PROVISION_LAW_NAMES.CSL,
    versionLabel: '2016年',
    validFrom: d('2017-06-01'),
    validTo: d('2025-12-31'),
    periodStatus: 'P', // end date follows from the 2025 amendment's effective date (S3b)
    source: PROVISION_SOURCES.S2,
  },
  CSL_2025: {
    id: 'CSL@2025',
    lawCode: 'CSL',
    law: PROVISION_LAW_NAMES.CSL,
    versionLabel: '2025年修正',
    validFrom: d('2026-01-01'),
    periodStatus: 'P', // consolidated text ends with the 2017 commencement article; date from S3b
    source: PROVISION_SOURCES.S3,
  },
  DSL_2021: {
    id: 'DSL@2021',
    lawCode: 'DSL',
    law: PROVISION_LAW_NAMES.DSL,
    versionLabel: '2021年',
    validFrom: d('2021-09-01'),
    periodStatus: 'V',
    source: PROVISION_SOURCES.S4,
  },
  MINORS_REG_2024: {
    id: 'MINORS_REG@2024',
    lawCode: 'MINORS_REG',
    law: PROVISION_LAW_NAMES.MINORS_REG,
    versionLabel: '2023年',
    validFrom: d('2024-01-01'),
    periodStatus: 'V',
    source: PROVISION_SOURCES.S5,
  },
  NDSR_2025: {
    id: 'NDSR@2025',
    lawCode: 'NDSR',
    law: PROVISION_LAW_NAMES.NDSR,
    versionLabel: '2024年',
    validFrom: d('2025-01-01'),
    periodStatus: 'V',
    source: PROVISION_SOURCES.S7,
  },
  // One version for 2011 and 2024: Arts. 19–25 are word-for-word identical (V); the 2024
  // decision's effective date (reported 2025-01-20) is U and does not matter for these rows.
  ISP_2011: {
    id: 'ISP_MEASURES@2011',
    lawCode: 'ISP_MEASURES',
    law: PROVISION_LAW_NAMES.ISP_MEASURES,
    versionLabel: '2011年修订',
    validFrom: d('2011-01-08'),
    periodStatus: 'V',
    source: PROVISION_SOURCES.S6,
  },
  ALGO_PROV_2022: {
    id: 'ALGO_PROV@2022',
    lawCode: 'ALGO_PROV',
    law: PROVISION_LAW_NAMES.ALGO_PROV,
    versionLabel: '2021年',
    validFrom: d('2022-03-01'),
    periodStatus: 'V',
    source: PROVISION_SOURCES.S8,
  },
  NEWS_PROV_2017: {
    id: 'NEWS_PROV@2017',
    lawCode: 'NEWS_PROV',
    law: PROVISION_LAW_NAMES.NEWS_PROV,
    versionLabel: '2017年',
    validFrom: d('2017-06-01'),
    periodStatus: 'P', // no later revision found, not checked
    source: PROVISION_SOURCES.S9,
  },
  ECO_PROV_2020: {
    id: 'ECO_PROV@2020',
    lawCode: 'ECO_PROV',
    law: PROVISION_LAW_NAMES.ECO_PROV,
    versionLabel: '2019年',
    validFrom: d('2020-03-01'),
    periodStatus: 'P',
    source: PROVISION_SOURCES.S10,
  },
  GENAI_2023: {
    id: 'GENAI_MEASURES@2023',
    lawCode: 'GENAI_MEASURES',
    law: PROVISION_LAW_NAMES.GENAI_MEASURES,
    versionLabel: '2023年',
    validFrom: d('2023-08-15'),
    periodStatus: 'P',
    source: PROVISION_SOURCES.S11,
  },
  DEEP_SYNTHESIS_2023: {
    id: 'DEEP_SYNTHESIS_PROV@2023',
    lawCode: 'DEEP_SYNTHESIS_PROV',
    law: PROVISION_LAW_NAMES.DEEP_SYNTHESIS_PROV,
    versionLabel: '2022年',
    validFrom: d('2023-01-10'),
    periodStatus: 'P',
    source: PROVISION_SOURCES.S12,
  },
});

// ---------------------------------------------------------------------------
// Builders (pure, local to the seed)

/** 10000 → 一万元, 5000 → 五千元, 50000000 → 五千万元. */
function yuanZh(yuan: number): string {
  if (yuan >= 10_000 && yuan % 10_000 === 0) {
    return `${chineseNumeral(yuan / 10_000)}万元`;
  }
  return `${chineseNumeral(yuan)}元`;
}

function fineRangeZh(range: FineRange): string {
  switch (range.basis) {
    case 'FIXED':
      return range.minYuan === 0
        ? `处${yuanZh(range.maxYuan)}以下罚款`
        : `处${yuanZh(range.minYuan)}以上${yuanZh(range.maxYuan)}以下罚款`;
    case 'MULTIPLE_OF_ILLEGAL_GAINS':
      return `处违法所得${chineseNumeral(range.minMultiple)}倍以上${chineseNumeral(range.maxMultiple)}倍以下罚款`;
    case 'MULTIPLE_OF_PROCUREMENT_AMOUNT':
      return `处采购金额${chineseNumeral(range.minMultiple)}倍以上${chineseNumeral(range.maxMultiple)}倍以下罚款`;
    case 'PERCENT_OF_PRIOR_YEAR_TURNOVER':
      return `处上一年度营业额百分之${chineseNumeral(range.maxPercent)}以下罚款`;
  }
}

function gainsConditionZh(c: IllegalGainsCondition): string {
  switch (c.when) {
    case 'GAINS_AT_LEAST':
      return `违法所得${yuanZh(c.yuan)}以上的，`;
    case 'GAINS_NONE_OR_BELOW':
      return `没有违法所得或者违法所得不足${yuanZh(c.yuan)}的，`;
    case 'GAINS_PRESENT':
      return '有违法所得的，';
    case 'GAINS_NONE':
      return '没有违法所得的，';
  }
}

function fineOf(
  range: FineRange,
  mandatory: boolean,
  gainsCondition?: IllegalGainsCondition,
): Sanction {
  const prefix = gainsCondition ? gainsConditionZh(gainsCondition) : '';
  return {
    kind: 'FINE',
    measureZh: prefix + fineRangeZh(range),
    mandatory,
    fine: range,
    gainsCondition,
  };
}

/** 处min以上max以下罚款 (fixed yuan). */
const fine = (minYuan: number, maxYuan: number, mandatory = true): Sanction =>
  fineOf({ basis: 'FIXED', minYuan, maxYuan }, mandatory);
/** 处max以下罚款. */
const fineUpTo = (maxYuan: number, mandatory = true): Sanction => fine(0, maxYuan, mandatory);
const gainsMultiple = (
  minMultiple: number,
  maxMultiple: number,
  gainsCondition: IllegalGainsCondition,
  mandatory = true,
): Sanction =>
  fineOf(
    { basis: 'MULTIPLE_OF_ILLEGAL_GAINS', minMultiple, maxMultiple },
    mandatory,
    gainsCondition,
  );
const fixedWhen = (
  minYuan: number,
  maxYuan: number,
  gainsCondition: IllegalGainsCondition,
  mandatory = true,
): Sanction => fineOf({ basis: 'FIXED', minYuan, maxYuan }, mandatory, gainsCondition);

const warning = (mandatory = true): Sanction => ({
  kind: 'WARNING',
  measureZh: '给予警告',
  mandatory,
});
const confiscate = (mandatory = true): Sanction => ({
  kind: 'CONFISCATION_OF_ILLEGAL_GAINS',
  measureZh: '没收违法所得',
  mandatory,
});
const circulatedCriticism = (mandatory = true): Sanction => ({
  kind: 'CIRCULATED_CRITICISM',
  measureZh: '通报批评',
  mandatory,
});
/** 暂停信息更新 / 暂停新闻信息更新: kind under APL art. 9 is U (docs/penalty-provisions.md §11.5). */
const suspendUpdating = (measureZh = '责令暂停信息更新', mandatory = true): Sanction => ({
  kind: 'OTHER_BY_LAW',
  measureZh,
  mandatory,
  kindClassificationStatus: 'U',
});
const suspendBusiness = (measureZh = '责令暂停相关业务', mandatory = false): Sanction => ({
  kind: 'RESTRICTION_OF_BUSINESS_ACTIVITIES',
  measureZh,
  mandatory,
  kindClassificationStatus: 'D',
});
const rectify = (measureZh = '停业整顿', mandatory = false): Sanction => ({
  kind: 'ORDER_TO_SUSPEND_BUSINESS',
  measureZh,
  mandatory,
});
const close = (measureZh = '关闭网站', mandatory = false): Sanction => ({
  kind: 'ORDER_TO_CLOSE',
  measureZh,
  mandatory,
});
const revoke = (measureZh = '吊销相关业务许可证或者吊销营业执照', mandatory = false): Sanction => ({
  kind: 'REVOCATION_OF_PERMIT',
  measureZh,
  mandatory,
});
/** 一定期限内禁止担任…: a 限制从业-type kind created by law; classification U (docs/penalty-provisions.md §10). */
const positionBan = (roleZh: string): Sanction => ({
  kind: 'RESTRICTION_OF_PRACTICE',
  measureZh: `可以决定禁止其在一定期限内担任相关企业的董事、监事、高级管理人员和${roleZh}`,
  mandatory: false,
  kindClassificationStatus: 'U',
});

/** 暂停相关业务、停业整顿、关闭网站、吊销…: the CSL's optional business measures. */
const businessMeasures = (closeZh?: string): Sanction[] => [
  suspendBusiness(),
  rectify(),
  ...(closeZh ? [close(closeZh)] : []),
  revoke(),
];
const BUSINESS_MEASURE_KINDS = (withClose: boolean): PenaltyKind[] => [
  'RESTRICTION_OF_BUSINESS_ACTIVITIES',
  'ORDER_TO_SUSPEND_BUSINESS',
  ...(withClose ? (['ORDER_TO_CLOSE'] as const) : []),
  'REVOCATION_OF_PERMIT',
];

type VersionFields = 'lawCode' | 'law' | 'versionId' | 'versionLabel' | 'validFrom' | 'validTo';
type Defaulted =
  | 'minOfficeLevel'
  | 'partySanctions'
  | 'responsiblePersonSanctions'
  | 'status'
  | 'source'
  | 'tier'
  | 'tierLabelZh';
type RowInput = Omit<PenaltyProvision, VersionFields | Defaulted> &
  Partial<Pick<PenaltyProvision, Defaulted>>;

function row(version: LawVersion, input: RowInput): PenaltyProvision {
  return {
    lawCode: version.lawCode,
    law: version.law,
    versionId: version.id,
    versionLabel: version.versionLabel,
    validFrom: version.validFrom,
    validTo: version.validTo,
    tier: 'BASE',
    tierLabelZh: '一般情形',
    minOfficeLevel: 'COUNTY',
    partySanctions: [],
    responsiblePersonSanctions: [],
    status: 'V',
    source: version.source,
    ...input,
  };
}

const CORRECT = '责令改正';
const REFUSE_HARM = '拒不改正或者导致危害网络安全等后果的';
const REFUSE_SERIOUS = '拒不改正或者情节严重的';
const COMPETENT_DEPT = '有关主管部门（网信部门依职责）';

// ---------------------------------------------------------------------------
// §2 PIPL

const pipl = LAW_VERSIONS.PIPL_2021;
const PIPL_ACT = '违反本法规定处理个人信息，或者处理个人信息未履行本法规定的个人信息保护义务';
const PIPL_AUTHORITY = '履行个人信息保护职责的部门';
const PIPL_APP_SUSPENSION: Sanction = {
  kind: 'RESTRICTION_OF_BUSINESS_ACTIVITIES',
  measureZh: '对违法处理个人信息的应用程序，责令暂停或者终止提供服务',
  // Mandatory only for apps; the check cannot tell, so it is not enforced.
  mandatory: false,
  kindClassificationStatus: 'D',
};

const PIPL_ROWS: PenaltyProvision[] = [
  row(pipl, {
    id: 'PIPL-66-1',
    article: 66,
    paragraph: 1,
    unlawfulActZh: PIPL_ACT,
    authority: 'CAC',
    authorityZh: PIPL_AUTHORITY,
    partySanctions: [warning(), confiscate(), PIPL_APP_SUSPENSION],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(pipl, {
    id: 'PIPL-66-1-REFUSAL',
    article: 66,
    paragraph: 1,
    tier: 'REFUSAL',
    tierLabelZh: '拒不改正的',
    unlawfulActZh: PIPL_ACT,
    authority: 'CAC',
    authorityZh: PIPL_AUTHORITY,
    partySanctions: [warning(false), confiscate(), PIPL_APP_SUSPENSION, fineUpTo(1_000_000)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    noteZh: '对直接责任人员的罚款在“拒不改正的”分句中，按拒不改正档处理；此读法待法律审核',
  }),
  row(pipl, {
    id: 'PIPL-66-2',
    article: 66,
    paragraph: 2,
    tier: 'SERIOUS',
    tierLabelZh: '情节严重的',
    unlawfulActZh: `${PIPL_ACT}，情节严重`,
    authority: 'CAC',
    authorityZh: `省级以上${PIPL_AUTHORITY}`,
    minOfficeLevel: 'PROVINCIAL',
    partySanctions: [
      confiscate(),
      // Two caps as alternatives; the officer records which one the fine rests on.
      fineOf({ basis: 'FIXED', minYuan: 0, maxYuan: 50_000_000 }, true),
      fineOf({ basis: 'PERCENT_OF_PRIOR_YEAR_TURNOVER', maxPercent: 5 }, true),
      suspendBusiness('可以责令暂停相关业务'),
      rectify('可以责令停业整顿'),
    ],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(100_000, 1_000_000), positionBan('个人信息保护负责人')],
    nonPenaltyMeasuresZh: [CORRECT, '通报有关主管部门吊销相关业务许可或者吊销营业执照'],
    noteZh: '本档不设警告；吊销许可或营业执照由网信部门通报有关主管部门，不由网信部门作出',
  }),
];

// ---------------------------------------------------------------------------
// §3 CSL 2016 (2017-06-01 – 2025-12-31)

const csl16 = LAW_VERSIONS.CSL_2016;
const CSL16_59_1_ACT = '网络运营者不履行本法第二十一条、第二十五条规定的网络安全保护义务';
const CSL16_59_2_ACT =
  '关键信息基础设施的运营者不履行本法第三十三条、第三十四条、第三十六条、第三十八条规定的网络安全保护义务';
const CSL16_60_ACT =
  '违反本法第二十二条第一款、第二款和第四十八条第一款规定：设置恶意程序；对安全缺陷、漏洞等风险未立即采取补救措施，或者未按照规定告知用户并报告；擅自终止安全维护';
const CSL16_61_ACT =
  '网络运营者未要求用户提供真实身份信息，或者对不提供真实身份信息的用户提供相关服务';
const CSL16_62_ACT =
  '违反本法第二十六条规定，开展网络安全认证、检测、风险评估等活动，或者向社会发布系统漏洞、计算机病毒、网络攻击、网络侵入等网络安全信息';
const CSL16_64_1_ACT =
  '网络运营者、网络产品或者服务的提供者违反本法第二十二条第三款、第四十一条至第四十三条规定，侵害个人信息依法得到保护的权利';
const CSL16_68_1_ACT =
  '网络运营者违反本法第四十七条规定，对法律、行政法规禁止发布或者传输的信息未停止传输、采取消除等处置措施、保存有关记录';
const CSL16_68_2_ACT =
  '电子信息发送服务提供者、应用软件下载服务提供者不履行本法第四十八条第二款规定的安全管理义务';

const CSL2016_ROWS: PenaltyProvision[] = [
  row(csl16, {
    id: 'CSL2016-59-1',
    article: 59,
    paragraph: 1,
    unlawfulActZh: CSL16_59_1_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning()],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-61-1'],
      relation: 'AMENDED',
      noteZh: '新法增设可以并处一万元以上五万元以下罚款',
    },
  }),
  row(csl16, {
    id: 'CSL2016-59-1-REFUSAL',
    article: 59,
    paragraph: 1,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_HARM,
    unlawfulActZh: CSL16_59_1_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(false), fine(10_000, 100_000)],
    responsiblePersonScope: 'PERSON_IN_CHARGE_ONLY',
    responsiblePersonSanctions: [fine(5_000, 50_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-61-1-REFUSAL'],
      relation: 'AMENDED',
      noteZh: '新法提高至五万元以上五十万元以下，直接责任人员扩至全部并提高至一万元以上十万元以下',
    },
  }),
  row(csl16, {
    id: 'CSL2016-59-2',
    article: 59,
    paragraph: 2,
    unlawfulActZh: CSL16_59_2_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning()],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-61-2'],
      relation: 'AMENDED',
      noteZh: '新法增设可以并处五万元以上十万元以下罚款',
    },
  }),
  row(csl16, {
    id: 'CSL2016-59-2-REFUSAL',
    article: 59,
    paragraph: 2,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_HARM,
    unlawfulActZh: CSL16_59_2_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(false), fine(100_000, 1_000_000)],
    responsiblePersonScope: 'PERSON_IN_CHARGE_ONLY',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-61-2-REFUSAL'],
      relation: 'AMENDED',
      noteZh: '罚款幅度未变，直接责任人员范围扩至其他直接责任人员',
    },
  }),
  row(csl16, {
    id: 'CSL2016-60',
    article: 60,
    unlawfulActZh: CSL16_60_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning()],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-62-1'],
      relation: 'SAME_PENALTIES',
      noteZh: '改为第六十二条第一款',
    },
  }),
  row(csl16, {
    id: 'CSL2016-60-REFUSAL',
    article: 60,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_HARM,
    unlawfulActZh: CSL16_60_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(false), fine(50_000, 500_000)],
    responsiblePersonScope: 'PERSON_IN_CHARGE_ONLY',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-62-1-REFUSAL'],
      relation: 'SAME_PENALTIES',
      noteZh: '罚款幅度未变',
    },
  }),
  row(csl16, {
    id: 'CSL2016-61',
    article: 61,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: CSL16_61_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [fine(50_000, 500_000), ...businessMeasures('关闭网站')],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-64'],
      relation: 'SAME_PENALTIES',
      noteZh: '改为第六十四条，关闭网站改为关闭网站、应用程序',
    },
  }),
  row(csl16, {
    id: 'CSL2016-62',
    article: 62,
    unlawfulActZh: CSL16_62_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning()],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-65-1'],
      relation: 'AMENDED',
      noteZh: '新法增设可以并处一万元以上十万元以下罚款',
    },
  }),
  row(csl16, {
    id: 'CSL2016-62-REFUSAL',
    article: 62,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: CSL16_62_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(false), fine(10_000, 100_000), ...businessMeasures('关闭网站')],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(5_000, 50_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-65-1-REFUSAL'],
      relation: 'AMENDED',
      noteZh: '新法提高至十万元以上一百万元以下，直接责任人员提高至一万元以上十万元以下',
    },
  }),
  row(csl16, {
    id: 'CSL2016-63',
    article: 63,
    unlawfulActZh:
      '违反本法第二十七条规定，从事危害网络安全的活动，或者提供专门用于从事危害网络安全活动的程序、工具，或者为他人从事危害网络安全的活动提供帮助，尚不构成犯罪',
    authority: 'PUBLIC_SECURITY_ONLY',
    authorityZh: '公安机关',
    successors: {
      provisionIds: ['CSL2025-66'],
      relation: 'SAME_PENALTIES',
      noteZh: '改为第六十六条',
    },
    noteZh: '由公安机关处罚（没收违法所得、拘留、罚款、从业禁止），网信部门应移送',
  }),
  row(csl16, {
    id: 'CSL2016-64-1',
    article: 64,
    paragraph: 1,
    unlawfulActZh: CSL16_64_1_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    // 单处或者并处: each optional, at least one.
    partySanctions: [
      warning(false),
      confiscate(false),
      gainsMultiple(1, 10, { when: 'GAINS_PRESENT' }, false),
      fixedWhen(0, 1_000_000, { when: 'GAINS_NONE' }, false),
    ],
    requireOneOf: [['WARNING', 'CONFISCATION_OF_ILLEGAL_GAINS', 'FINE']],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-71-1-2'],
      relation: 'REFERRED_TO_OTHER_LAWS',
      noteZh: '新法删去本法罚则，改为依照个人信息保护法等处罚；不属于“不认为是违法”',
    },
    noteZh:
      '2021年11月1日后同一行为通常同时适用个人信息保护法第六十六条，按行政处罚法第二十九条择罚款数额高的规定处罚',
  }),
  row(csl16, {
    id: 'CSL2016-64-1-SERIOUS',
    article: 64,
    paragraph: 1,
    tier: 'SERIOUS',
    tierLabelZh: '情节严重的',
    unlawfulActZh: `${CSL16_64_1_ACT}，情节严重`,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [
      warning(false),
      confiscate(false),
      gainsMultiple(1, 10, { when: 'GAINS_PRESENT' }, false),
      fixedWhen(0, 1_000_000, { when: 'GAINS_NONE' }, false),
      ...businessMeasures('关闭网站'),
    ],
    requireOneOf: [['WARNING', 'CONFISCATION_OF_ILLEGAL_GAINS', 'FINE']],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-71-1-2'],
      relation: 'REFERRED_TO_OTHER_LAWS',
      noteZh: '新法删去本法罚则，改为依照个人信息保护法等处罚；不属于“不认为是违法”',
    },
  }),
  row(csl16, {
    id: 'CSL2016-64-2',
    article: 64,
    paragraph: 2,
    unlawfulActZh:
      '违反本法第四十四条规定，窃取或者以其他非法方式获取、非法出售或者非法向他人提供个人信息，尚不构成犯罪',
    authority: 'PUBLIC_SECURITY_ONLY',
    authorityZh: '公安机关',
    successors: {
      provisionIds: ['CSL2025-71-2'],
      relation: 'REFERRED_TO_OTHER_LAWS',
      noteZh: '新法删去本法罚款数额',
    },
    noteZh:
      '由公安机关没收违法所得并处违法所得一倍以上十倍以下罚款，没有违法所得的处一百万元以下罚款',
  }),
  row(csl16, {
    id: 'CSL2016-65',
    article: 65,
    unlawfulActZh:
      '关键信息基础设施的运营者违反本法第三十五条规定，使用未经安全审查或者安全审查未通过的网络产品或者服务',
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [
      fineOf({ basis: 'MULTIPLE_OF_PROCUREMENT_AMOUNT', minMultiple: 1, maxMultiple: 10 }, true),
    ],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: ['责令停止使用'],
    successors: {
      provisionIds: ['CSL2025-67'],
      relation: 'SAME_PENALTIES',
      noteZh: '改为第六十七条，增加限期改正、消除对国家安全的影响',
    },
  }),
  row(csl16, {
    id: 'CSL2016-66',
    article: 66,
    unlawfulActZh:
      '关键信息基础设施的运营者违反本法第三十七条规定，在境外存储网络数据，或者向境外提供网络数据',
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [
      warning(),
      confiscate(),
      fine(50_000, 500_000),
      ...businessMeasures('关闭网站'),
    ],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-71-1-3'],
      relation: 'REFERRED_TO_OTHER_LAWS',
      noteZh: '新法删去本法罚则，改为依照有关法律、行政法规处罚（个人信息和重要数据）',
    },
  }),
  row(csl16, {
    id: 'CSL2016-67',
    article: 67,
    unlawfulActZh:
      '违反本法第四十六条规定，设立用于实施违法犯罪活动的网站、通讯群组，或者利用网络发布涉及实施违法犯罪活动的信息',
    authority: 'PUBLIC_SECURITY_ONLY',
    authorityZh: '公安机关',
    successors: {
      provisionIds: ['CSL2025-68'],
      relation: 'SAME_PENALTIES',
      noteZh: '改为第六十八条',
    },
  }),
  row(csl16, {
    id: 'CSL2016-68-1',
    article: 68,
    paragraph: 1,
    unlawfulActZh: CSL16_68_1_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(), confiscate()],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-69-1'],
      relation: 'AMENDED',
      noteZh: '新法增设予以通报、可以并处五万元以上五十万元以下罚款',
    },
  }),
  row(csl16, {
    id: 'CSL2016-68-1-REFUSAL',
    article: 68,
    paragraph: 1,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: CSL16_68_1_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [
      warning(false),
      confiscate(),
      fine(100_000, 500_000),
      ...businessMeasures('关闭网站'),
    ],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-69-1-REFUSAL'],
      relation: 'AMENDED',
      noteZh: '新法提高至五十万元以上二百万元以下，直接责任人员提高至五万元以上二十万元以下',
    },
  }),
  row(csl16, {
    id: 'CSL2016-68-2',
    article: 68,
    paragraph: 2,
    unlawfulActZh: CSL16_68_2_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(), confiscate()],
    nonPenaltyMeasuresZh: [CORRECT],
    referralZh: '依照前款规定处罚',
    successors: {
      provisionIds: ['CSL2025-69-3'],
      relation: 'AMENDED',
      noteZh: '改为第六十九条第三款',
    },
  }),
  row(csl16, {
    id: 'CSL2016-68-2-REFUSAL',
    article: 68,
    paragraph: 2,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: CSL16_68_2_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [
      warning(false),
      confiscate(),
      fine(100_000, 500_000),
      ...businessMeasures('关闭网站'),
    ],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    referralZh: '依照前款规定处罚',
    successors: {
      provisionIds: ['CSL2025-69-3-REFUSAL'],
      relation: 'AMENDED',
      noteZh: '改为第六十九条第三款',
    },
  }),
  row(csl16, {
    id: 'CSL2016-69',
    article: 69,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh:
      '网络运营者不按照有关部门的要求对禁止发布或者传输的信息采取停止传输、消除等处置措施；拒绝、阻碍有关部门依法实施的监督检查；拒不向公安机关、国家安全机关提供技术支持和协助',
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [fine(50_000, 500_000)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    successors: {
      provisionIds: ['CSL2025-69-1-REFUSAL', 'CSL2025-70'],
      relation: 'AMENDED',
      noteZh: '第（一）项移入新法第六十九条；第（二）、（三）项改为新法第七十条，幅度未变',
    },
  }),
  row(csl16, {
    id: 'CSL2016-70',
    article: 70,
    unlawfulActZh: '发布或者传输本法第十二条第二款和其他法律、行政法规禁止发布或者传输的信息',
    authority: 'REFERRAL_ONLY',
    authorityZh: '依照有关法律、行政法规的规定处罚',
    referralZh: '依照有关法律、行政法规的规定处罚',
    successors: {
      provisionIds: ['CSL2025-71-1-1'],
      relation: 'SAME_PENALTIES',
      noteZh: '仍为转致条款',
    },
  }),
];

// ---------------------------------------------------------------------------
// §4 CSL 2025 (from 2026-01-01)

const csl25 = LAW_VERSIONS.CSL_2025;
const S3A = PROVISION_SOURCES.S3a;
const CSL25_61_1_ACT = '网络运营者不履行本法第二十三条、第二十七条规定的网络安全保护义务';
const CSL25_61_2_ACT =
  '关键信息基础设施的运营者不履行本法第三十五条、第三十六条、第三十八条、第四十条规定的网络安全保护义务';
const CSL25_61_3_SERIOUS = '造成大量数据泄露、关键信息基础设施丧失局部功能等严重危害网络安全后果的';
const CSL25_61_3_ESPECIALLY = '造成关键信息基础设施丧失主要功能等特别严重危害网络安全后果的';
const CSL25_62_ACT =
  '违反本法第二十四条第一款、第二款和第五十条第一款规定：设置恶意程序；对安全缺陷、漏洞等风险未立即采取补救措施，或者未按照规定告知用户并报告；擅自终止安全维护';
const CSL25_65_ACT =
  '违反本法第二十八条规定，开展网络安全认证、检测、风险评估等活动，或者向社会发布系统漏洞、计算机病毒、网络攻击、网络侵入等网络安全信息';
const CSL25_69_1_ACT =
  '网络运营者违反本法第四十九条规定，对禁止发布或者传输的信息未停止传输、采取消除等处置措施、保存有关记录、向有关主管部门报告，或者不按照第五十二条规定的要求处置';
const CSL25_69_3_ACT =
  '电子信息发送服务提供者、应用软件下载服务提供者不履行本法第五十条第二款规定的安全管理义务';

/** 61(3) tiers, also used by 62(2) and 65(2) (依照第六十一条第三款处罚). */
function csl25SeriousHarmRows(
  idPrefix: string,
  article: number,
  paragraph: number,
  actZh: string,
  source: string,
): PenaltyProvision[] {
  const common = {
    article,
    paragraph,
    authority: 'CAC' as const,
    authorityZh: COMPETENT_DEPT,
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS' as const,
    source,
    referralZh: article === 61 ? undefined : '依照本法第六十一条第三款规定处罚',
  };
  return [
    row(csl25, {
      ...common,
      id: `${idPrefix}-SERIOUS`,
      tier: 'SERIOUS',
      tierLabelZh: CSL25_61_3_SERIOUS,
      unlawfulActZh: `${actZh}，${CSL25_61_3_SERIOUS.replace(/的$/, '')}`,
      partySanctions: [fine(500_000, 2_000_000)],
      responsiblePersonSanctions: [fine(50_000, 200_000)],
    }),
    row(csl25, {
      ...common,
      id: `${idPrefix}-ESPECIALLY-SERIOUS`,
      tier: 'ESPECIALLY_SERIOUS',
      tierLabelZh: CSL25_61_3_ESPECIALLY,
      unlawfulActZh: `${actZh}，${CSL25_61_3_ESPECIALLY.replace(/的$/, '')}`,
      partySanctions: [fine(2_000_000, 10_000_000)],
      responsiblePersonSanctions: [fine(200_000, 1_000_000)],
    }),
  ];
}

/** 69(1)–(2) tiers, also used by 69(3) (依照前两款规定处罚). */
function csl25ContentRows(idPrefix: string, paragraph: number, actZh: string): PenaltyProvision[] {
  const common = {
    article: 69,
    authority: 'CAC' as const,
    authorityZh: '有关主管部门（网信部门负责信息内容）',
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS' as const,
    source: S3A,
    referralZh: paragraph === 3 ? '依照本条第一款、第二款规定处罚' : undefined,
  };
  const notifyNotice: Sanction = {
    kind: 'CIRCULATED_CRITICISM',
    measureZh: '予以通报',
    mandatory: true,
    kindClassificationStatus: 'U',
  };
  const confiscationNote = '新法删去没收违法所得表述，依行政处罚法第二十八条第二款仍应没收';
  return [
    row(csl25, {
      ...common,
      id: idPrefix,
      paragraph,
      unlawfulActZh: actZh,
      partySanctions: [warning(), notifyNotice, fine(50_000, 500_000, false)],
      nonPenaltyMeasuresZh: [CORRECT],
      noteZh: confiscationNote,
    }),
    row(csl25, {
      ...common,
      id: `${idPrefix}-REFUSAL`,
      paragraph,
      tier: 'REFUSAL',
      tierLabelZh: REFUSE_SERIOUS,
      unlawfulActZh: actZh,
      partySanctions: [
        warning(false),
        { ...notifyNotice, mandatory: false },
        fine(500_000, 2_000_000),
        ...businessMeasures('关闭网站、应用程序'),
      ],
      responsiblePersonSanctions: [fine(50_000, 200_000)],
      nonPenaltyMeasuresZh: [CORRECT],
      noteZh: confiscationNote,
    }),
    row(csl25, {
      ...common,
      id: paragraph === 1 ? 'CSL2025-69-2' : `${idPrefix}-ESPECIALLY-SERIOUS`,
      paragraph: paragraph === 1 ? 2 : paragraph,
      tier: 'ESPECIALLY_SERIOUS',
      tierLabelZh: '造成特别严重影响、特别严重后果的',
      unlawfulActZh: `${actZh}，造成特别严重影响、特别严重后果`,
      // 责令 without 可以: one of the measures must be ordered; the office picks which.
      partySanctions: [fine(2_000_000, 10_000_000), ...businessMeasures('关闭网站、应用程序')],
      requireOneOf: [BUSINESS_MEASURE_KINDS(true)],
      responsiblePersonSanctions: [fine(200_000, 1_000_000)],
      nonPenaltyMeasuresZh: [CORRECT],
      noteZh: confiscationNote,
    }),
  ];
}

const CSL2025_ROWS: PenaltyProvision[] = [
  row(csl25, {
    id: 'CSL2025-61-1',
    article: 61,
    paragraph: 1,
    unlawfulActZh: CSL25_61_1_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(), fine(10_000, 50_000, false)],
    nonPenaltyMeasuresZh: [CORRECT],
    source: S3A,
  }),
  row(csl25, {
    id: 'CSL2025-61-1-REFUSAL',
    article: 61,
    paragraph: 1,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_HARM,
    unlawfulActZh: CSL25_61_1_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(false), fine(50_000, 500_000)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    source: S3A,
  }),
  row(csl25, {
    id: 'CSL2025-61-2',
    article: 61,
    paragraph: 2,
    unlawfulActZh: CSL25_61_2_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(), fine(50_000, 100_000, false)],
    nonPenaltyMeasuresZh: [CORRECT],
    source: S3A,
  }),
  row(csl25, {
    id: 'CSL2025-61-2-REFUSAL',
    article: 61,
    paragraph: 2,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_HARM,
    unlawfulActZh: CSL25_61_2_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(false), fine(100_000, 1_000_000)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    source: S3A,
  }),
  ...csl25SeriousHarmRows('CSL2025-61-3', 61, 3, '有本条第一款、第二款行为', S3A),
  row(csl25, {
    id: 'CSL2025-62-1',
    article: 62,
    paragraph: 1,
    unlawfulActZh: CSL25_62_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning()],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(csl25, {
    id: 'CSL2025-62-1-REFUSAL',
    article: 62,
    paragraph: 1,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_HARM,
    unlawfulActZh: CSL25_62_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(false), fine(50_000, 500_000)],
    responsiblePersonScope: 'PERSON_IN_CHARGE_ONLY',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  ...csl25SeriousHarmRows('CSL2025-62-2', 62, 2, '有本条第一款第一项、第二项行为', csl25.source),
  row(csl25, {
    id: 'CSL2025-63',
    article: 63,
    unlawfulActZh:
      '违反本法第二十五条规定，销售或者提供未经安全认证、安全检测或者安全认证不合格、安全检测不符合要求的网络关键设备和网络安全专用产品',
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [
      warning(),
      confiscate(),
      fixedWhen(20_000, 100_000, { when: 'GAINS_NONE_OR_BELOW', yuan: 100_000 }),
      gainsMultiple(1, 5, { when: 'GAINS_AT_LEAST', yuan: 100_000 }),
    ],
    nonPenaltyMeasuresZh: ['责令停止销售或者提供'],
    source: S3A,
    noteZh: '其他法律、行政法规另有规定的，依照其规定',
  }),
  row(csl25, {
    id: 'CSL2025-63-SERIOUS',
    article: 63,
    tier: 'SERIOUS',
    tierLabelZh: '情节严重的',
    unlawfulActZh:
      '销售或者提供未经安全认证、安全检测或者不合格的网络关键设备和网络安全专用产品，情节严重',
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [
      warning(),
      confiscate(),
      fixedWhen(20_000, 100_000, { when: 'GAINS_NONE_OR_BELOW', yuan: 100_000 }),
      gainsMultiple(1, 5, { when: 'GAINS_AT_LEAST', yuan: 100_000 }),
      ...businessMeasures(),
    ],
    nonPenaltyMeasuresZh: ['责令停止销售或者提供'],
    source: S3A,
    noteZh: '其他法律、行政法规另有规定的，依照其规定',
  }),
  row(csl25, {
    id: 'CSL2025-64',
    article: 64,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh:
      '网络运营者违反本法第二十六条第一款规定，未要求用户提供真实身份信息，或者对不提供真实身份信息的用户提供相关服务',
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [fine(50_000, 500_000), ...businessMeasures('关闭网站、应用程序')],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(csl25, {
    id: 'CSL2025-65-1',
    article: 65,
    paragraph: 1,
    unlawfulActZh: CSL25_65_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(), fine(10_000, 100_000, false)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(csl25, {
    id: 'CSL2025-65-1-REFUSAL',
    article: 65,
    paragraph: 1,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: CSL25_65_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [
      warning(false),
      fine(100_000, 1_000_000),
      ...businessMeasures('关闭网站、应用程序'),
    ],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  ...csl25SeriousHarmRows('CSL2025-65-2', 65, 2, '有本条第一款行为', csl25.source),
  row(csl25, {
    id: 'CSL2025-66',
    article: 66,
    unlawfulActZh:
      '违反本法第二十九条规定，从事危害网络安全的活动，或者为他人从事危害网络安全的活动提供帮助等，尚不构成犯罪',
    authority: 'PUBLIC_SECURITY_ONLY',
    authorityZh: '公安机关',
    noteZh: '幅度同2016年文本第六十三条，由公安机关处罚',
  }),
  row(csl25, {
    id: 'CSL2025-67',
    article: 67,
    unlawfulActZh:
      '关键信息基础设施的运营者违反本法第三十七条规定，使用未经安全审查或者安全审查未通过的网络产品或者服务',
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [
      fineOf({ basis: 'MULTIPLE_OF_PROCUREMENT_AMOUNT', minMultiple: 1, maxMultiple: 10 }, true),
    ],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: ['责令限期改正', '停止使用', '消除对国家安全的影响'],
  }),
  row(csl25, {
    id: 'CSL2025-68',
    article: 68,
    unlawfulActZh:
      '违反本法第四十八条规定，设立用于实施违法犯罪活动的网站、通讯群组，或者利用网络发布涉及实施违法犯罪活动的信息',
    authority: 'PUBLIC_SECURITY_ONLY',
    authorityZh: '公安机关',
  }),
  ...csl25ContentRows('CSL2025-69-1', 1, CSL25_69_1_ACT),
  ...csl25ContentRows('CSL2025-69-3', 3, CSL25_69_3_ACT),
  row(csl25, {
    id: 'CSL2025-70',
    article: 70,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh:
      '网络运营者拒绝、阻碍有关部门依法实施的监督检查，或者拒不向公安机关、国家安全机关提供技术支持和协助',
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [fine(50_000, 500_000)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    source: S3A,
  }),
  row(csl25, {
    id: 'CSL2025-71-1-1',
    article: 71,
    paragraph: 1,
    item: 1,
    unlawfulActZh: '发布或者传输本法第十三条第二款和其他法律、行政法规禁止发布或者传输的信息',
    authority: 'REFERRAL_ONLY',
    authorityZh: '依照有关法律、行政法规的规定处理、处罚',
    referralZh: '信息内容方面的法律、行政法规',
    source: S3A,
  }),
  row(csl25, {
    id: 'CSL2025-71-1-2',
    article: 71,
    paragraph: 1,
    item: 2,
    unlawfulActZh:
      '违反本法第二十四条第三款、第四十三条至第四十五条规定，侵害个人信息依法得到保护的权利',
    authority: 'REFERRAL_ONLY',
    authorityZh: '依照有关法律、行政法规的规定处理、处罚',
    referralZh: '个人信息保护法第六十六条',
    source: S3A,
  }),
  row(csl25, {
    id: 'CSL2025-71-1-3',
    article: 71,
    paragraph: 1,
    item: 3,
    unlawfulActZh:
      '关键信息基础设施的运营者违反本法第三十九条规定，在境外存储或者向境外提供个人信息和重要数据',
    authority: 'REFERRAL_ONLY',
    authorityZh: '依照有关法律、行政法规的规定处理、处罚',
    referralZh: '个人信息保护法第六十六条；数据安全法第四十六条；网络数据安全管理条例',
    source: S3A,
  }),
  row(csl25, {
    id: 'CSL2025-71-2',
    article: 71,
    paragraph: 2,
    unlawfulActZh:
      '违反本法第四十六条规定，窃取或者以其他非法方式获取、非法出售或者非法向他人提供个人信息',
    authority: 'PUBLIC_SECURITY_ONLY',
    authorityZh: '公安机关依照有关法律、行政法规',
    source: S3A,
  }),
];

// ---------------------------------------------------------------------------
// §5 DSL

const dsl = LAW_VERSIONS.DSL_2021;
const DSL_45_1_ACT = '不履行本法第二十七条、第二十九条、第三十条规定的数据安全保护义务';
const DSL_46_ACT = '违反本法第三十一条规定，向境外提供重要数据';
const DSL_48_2_ACT = '违反本法第三十六条规定，未经主管机关批准向外国司法或者执法机构提供数据';
const DSL_MEASURES = (): Sanction[] => businessMeasures(); // 暂停相关业务、停业整顿、吊销…, no closure

const DSL_ROWS: PenaltyProvision[] = [
  row(dsl, {
    id: 'DSL-45-1',
    article: 45,
    paragraph: 1,
    unlawfulActZh: DSL_45_1_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(), fine(50_000, 500_000, false)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000, false)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(dsl, {
    id: 'DSL-45-1-REFUSAL',
    article: 45,
    paragraph: 1,
    tier: 'REFUSAL',
    tierLabelZh: '拒不改正或者造成大量数据泄露等严重后果的',
    unlawfulActZh: DSL_45_1_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(false), fine(500_000, 2_000_000), ...DSL_MEASURES()],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(50_000, 200_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(dsl, {
    id: 'DSL-45-2',
    article: 45,
    paragraph: 2,
    unlawfulActZh: '违反国家核心数据管理制度，危害国家主权、安全和发展利益',
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [fine(2_000_000, 10_000_000), ...DSL_MEASURES()],
    noteZh:
      '并根据情况责令暂停相关业务、停业整顿、吊销相关业务许可证或者吊销营业执照；构成犯罪的依法追究刑事责任',
  }),
  row(dsl, {
    id: 'DSL-46',
    article: 46,
    unlawfulActZh: DSL_46_ACT,
    authority: 'CAC',
    authorityZh: '有关主管部门（网信部门负责数据出境安全评估）',
    partySanctions: [warning(), fine(100_000, 1_000_000, false)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000, false)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(dsl, {
    id: 'DSL-46-SERIOUS',
    article: 46,
    tier: 'SERIOUS',
    tierLabelZh: '情节严重的',
    unlawfulActZh: `${DSL_46_ACT}，情节严重`,
    authority: 'CAC',
    authorityZh: '有关主管部门（网信部门负责数据出境安全评估）',
    partySanctions: [warning(false), fine(1_000_000, 10_000_000), ...DSL_MEASURES()],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(100_000, 1_000_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(dsl, {
    id: 'DSL-47',
    article: 47,
    unlawfulActZh: '从事数据交易中介服务的机构未履行本法第三十三条规定的义务',
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [
      confiscate(),
      gainsMultiple(1, 10, { when: 'GAINS_AT_LEAST', yuan: 100_000 }),
      fixedWhen(100_000, 1_000_000, { when: 'GAINS_NONE_OR_BELOW', yuan: 100_000 }),
      ...DSL_MEASURES(),
    ],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(dsl, {
    id: 'DSL-48-1',
    article: 48,
    paragraph: 1,
    unlawfulActZh: '违反本法第三十五条规定，拒不配合数据调取',
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(), fine(50_000, 500_000)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(dsl, {
    id: 'DSL-48-2',
    article: 48,
    paragraph: 2,
    unlawfulActZh: DSL_48_2_ACT,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(), fine(100_000, 1_000_000, false)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000, false)],
  }),
  row(dsl, {
    id: 'DSL-48-2-SERIOUS',
    article: 48,
    paragraph: 2,
    tier: 'SERIOUS',
    tierLabelZh: '造成严重后果的',
    unlawfulActZh: `${DSL_48_2_ACT}，造成严重后果`,
    authority: 'CAC',
    authorityZh: COMPETENT_DEPT,
    partySanctions: [warning(false), fine(1_000_000, 5_000_000), ...DSL_MEASURES()],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(50_000, 500_000)],
  }),
  row(dsl, {
    id: 'DSL-51',
    article: 51,
    unlawfulActZh:
      '窃取或者以其他非法方式获取数据，开展数据处理活动排除、限制竞争，或者损害个人、组织合法权益',
    authority: 'REFERRAL_ONLY',
    authorityZh: '依照有关法律、行政法规的规定处罚',
    referralZh: '有关法律、行政法规',
  }),
];

// ---------------------------------------------------------------------------
// §6 Minors' Online Protection Regulation

const minors = LAW_VERSIONS.MINORS_REG_2024;
const MINORS_AUTHORITY = '网信等部门依据各自职责';
const MINORS_54_1_ACT =
  '未成年人用户数量巨大或者对未成年人群体具有显著影响的网络平台服务提供者不履行本条例第二十条第一款规定的义务';
const MINORS_55_ACT =
  '违反本条例第二十四条、第二十五条规定（在面向未成年人的服务或显著位置呈现可能影响未成年人身心健康的信息、向未成年人推送有害信息等）';
const MINORS_56_ACT =
  '违反本条例第二十六条第二款和第三款、第二十八条、第二十九条第一款、第三十一条第二款、第三十六条、第三十八条第一款、第四十二条至第四十五条、第四十六条第二款、第四十七条规定';
const MINORS_GAINS_FINES = (): Sanction[] => [
  gainsMultiple(1, 10, { when: 'GAINS_AT_LEAST', yuan: 1_000_000 }),
  fixedWhen(100_000, 1_000_000, { when: 'GAINS_NONE_OR_BELOW', yuan: 1_000_000 }),
];

const MINORS_ROWS: PenaltyProvision[] = [
  row(minors, {
    id: 'MINORS_REG-53',
    article: 53,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: '违反本条例第七条第二款和第三款、第十九条第三款、第三十八条第二款规定',
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: MINORS_AUTHORITY,
    partySanctions: [fine(50_000, 500_000)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(minors, {
    id: 'MINORS_REG-54-1',
    article: 54,
    paragraph: 1,
    unlawfulActZh: MINORS_54_1_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: MINORS_AUTHORITY,
    partySanctions: [warning(), confiscate()],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(minors, {
    id: 'MINORS_REG-54-1-REFUSAL',
    article: 54,
    paragraph: 1,
    tier: 'REFUSAL',
    tierLabelZh: '拒不改正的',
    unlawfulActZh: MINORS_54_1_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: MINORS_AUTHORITY,
    partySanctions: [warning(false), confiscate(), fineUpTo(1_000_000)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(minors, {
    id: 'MINORS_REG-54-2',
    article: 54,
    paragraph: 2,
    tier: 'SERIOUS',
    tierLabelZh: '情节严重的',
    unlawfulActZh: '违反本条例第二十条第一款第一项和第五项规定，情节严重',
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: '省级以上网信等部门依据各自职责',
    minOfficeLevel: 'PROVINCIAL',
    partySanctions: [
      confiscate(),
      fineOf({ basis: 'FIXED', minYuan: 0, maxYuan: 50_000_000 }, true),
      fineOf({ basis: 'PERCENT_OF_PRIOR_YEAR_TURNOVER', maxPercent: 5 }, true),
      suspendBusiness('可以责令暂停相关业务'),
      rectify('可以责令停业整顿'),
    ],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(100_000, 1_000_000), positionBan('未成年人保护负责人')],
    nonPenaltyMeasuresZh: [CORRECT, '通报有关部门依法吊销相关业务许可证或者营业执照'],
  }),
  row(minors, {
    id: 'MINORS_REG-55',
    article: 55,
    unlawfulActZh: MINORS_55_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: MINORS_AUTHORITY,
    partySanctions: [warning(), confiscate(), fineUpTo(100_000, false)],
    nonPenaltyMeasuresZh: ['责令限期改正'],
  }),
  row(minors, {
    id: 'MINORS_REG-55-REFUSAL',
    article: 55,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: MINORS_55_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: MINORS_AUTHORITY,
    partySanctions: [
      warning(false),
      confiscate(),
      ...MINORS_GAINS_FINES(),
      suspendBusiness('责令暂停相关业务'),
      rectify('停产停业'),
      revoke('吊销相关业务许可证或者吊销营业执照'),
    ],
    // 责令暂停相关业务、停产停业或者吊销…: one of them, the office picks.
    requireOneOf: [
      ['RESTRICTION_OF_BUSINESS_ACTIVITIES', 'ORDER_TO_SUSPEND_BUSINESS', 'REVOCATION_OF_PERMIT'],
    ],
    nonPenaltyMeasuresZh: ['责令限期改正'],
  }),
  row(minors, {
    id: 'MINORS_REG-56',
    article: 56,
    unlawfulActZh: MINORS_56_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: MINORS_AUTHORITY,
    partySanctions: [warning(), confiscate(), ...MINORS_GAINS_FINES()],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(minors, {
    id: 'MINORS_REG-56-REFUSAL',
    article: 56,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: MINORS_56_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: MINORS_AUTHORITY,
    partySanctions: [
      warning(false),
      confiscate(),
      ...MINORS_GAINS_FINES(),
      ...businessMeasures('关闭网站'),
    ],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
];

// ---------------------------------------------------------------------------
// §7 Network Data Security Management Regulations

const ndsr = LAW_VERSIONS.NDSR_2025;
const NDSR_AUTHORITY = '网信、电信、公安等主管部门依据各自职责';
const NDSR_55_ACT =
  '违反本条例第十二条、第十六条至第二十条、第二十二条、第四十条第一款和第二款、第四十一条、第四十二条规定';
const NDSR_56_ACT =
  '违反本条例第十三条规定（影响或者可能影响国家安全的网络数据处理活动未按规定进行国家安全审查）';
const NDSR_57_ACT =
  '违反本条例第二十九条第二款、第三十条第二款和第三款、第三十一条、第三十二条规定';

const NDSR_ROWS: PenaltyProvision[] = [
  row(ndsr, {
    id: 'NDSR-55',
    article: 55,
    unlawfulActZh: NDSR_55_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: NDSR_AUTHORITY,
    partySanctions: [warning(), confiscate()],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(ndsr, {
    id: 'NDSR-55-REFUSAL',
    article: 55,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: NDSR_55_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: NDSR_AUTHORITY,
    partySanctions: [warning(false), confiscate(), fineUpTo(1_000_000), ...businessMeasures()],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000, false)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(ndsr, {
    id: 'NDSR-56',
    article: 56,
    unlawfulActZh: NDSR_56_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: '网信、电信、公安、国家安全等主管部门依据各自职责',
    partySanctions: [warning(), fine(100_000, 1_000_000, false)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000, false)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(ndsr, {
    id: 'NDSR-56-REFUSAL',
    article: 56,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: NDSR_56_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: '网信、电信、公安、国家安全等主管部门依据各自职责',
    partySanctions: [warning(false), fine(1_000_000, 10_000_000), ...businessMeasures()],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(100_000, 1_000_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(ndsr, {
    id: 'NDSR-57',
    article: 57,
    unlawfulActZh: NDSR_57_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: NDSR_AUTHORITY,
    partySanctions: [warning(), fine(50_000, 500_000, false)],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(10_000, 100_000, false)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(ndsr, {
    id: 'NDSR-57-REFUSAL',
    article: 57,
    tier: 'REFUSAL',
    tierLabelZh: '拒不改正或者造成大量数据泄露等后果的',
    unlawfulActZh: NDSR_57_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: NDSR_AUTHORITY,
    partySanctions: [warning(false), fine(500_000, 2_000_000), ...businessMeasures()],
    responsiblePersonScope: 'ALL_RESPONSIBLE_PERSONS',
    responsiblePersonSanctions: [fine(50_000, 200_000)],
    nonPenaltyMeasuresZh: [CORRECT],
  }),
  row(ndsr, {
    id: 'NDSR-58',
    article: 58,
    unlawfulActZh: '违反本条例其他有关规定',
    authority: 'REFERRAL_ONLY',
    authorityZh: '依照网络安全法、数据安全法、个人信息保护法等法律的规定处理',
    referralZh: '网络安全法、数据安全法、个人信息保护法',
  }),
];

// ---------------------------------------------------------------------------
// §8 Internet Information Services Measures (penalizing body: telecom / licensing authority)

const isp = LAW_VERSIONS.ISP_2011;
const ISP_TELECOM = '省、自治区、直辖市电信管理机构';
const ISP_19_1_ACT = '未取得经营许可证，擅自从事经营性互联网信息服务，或者超出许可的项目提供服务';
const ISP_NOTE =
  '办法未列网信部门为处罚机关；网信部门能否援引本条作为处罚依据未经核实（U），应移送或联合执法';

const ISP_ROWS: PenaltyProvision[] = [
  row(isp, {
    id: 'ISP_MEASURES-19-1',
    article: 19,
    paragraph: 1,
    unlawfulActZh: ISP_19_1_ACT,
    authority: 'TELECOM_OR_LICENSING_AUTHORITY',
    authorityZh: ISP_TELECOM,
    partySanctions: [
      confiscate(),
      gainsMultiple(3, 5, { when: 'GAINS_AT_LEAST', yuan: 50_000 }),
      fixedWhen(100_000, 1_000_000, { when: 'GAINS_NONE_OR_BELOW', yuan: 50_000 }),
    ],
    nonPenaltyMeasuresZh: ['责令限期改正'],
    noteZh: ISP_NOTE,
  }),
  row(isp, {
    id: 'ISP_MEASURES-19-1-SERIOUS',
    article: 19,
    paragraph: 1,
    tier: 'SERIOUS',
    tierLabelZh: '情节严重的',
    unlawfulActZh: `${ISP_19_1_ACT}，情节严重`,
    authority: 'TELECOM_OR_LICENSING_AUTHORITY',
    authorityZh: ISP_TELECOM,
    partySanctions: [
      confiscate(),
      gainsMultiple(3, 5, { when: 'GAINS_AT_LEAST', yuan: 50_000 }),
      fixedWhen(100_000, 1_000_000, { when: 'GAINS_NONE_OR_BELOW', yuan: 50_000 }),
      close('责令关闭网站', true),
    ],
    nonPenaltyMeasuresZh: ['责令限期改正'],
    noteZh: ISP_NOTE,
  }),
  row(isp, {
    id: 'ISP_MEASURES-19-2',
    article: 19,
    paragraph: 2,
    tier: 'REFUSAL',
    tierLabelZh: '拒不改正的',
    unlawfulActZh: '未履行备案手续，擅自从事非经营性互联网信息服务，或者超出备案的项目提供服务',
    authority: 'TELECOM_OR_LICENSING_AUTHORITY',
    authorityZh: ISP_TELECOM,
    partySanctions: [close('责令关闭网站', true)],
    nonPenaltyMeasuresZh: ['责令限期改正'],
    noteZh: ISP_NOTE,
  }),
  row(isp, {
    id: 'ISP_MEASURES-20',
    article: 20,
    unlawfulActZh: '制作、复制、发布、传播本办法第十五条所列内容之一的信息',
    authority: 'TELECOM_OR_LICENSING_AUTHORITY',
    authorityZh: '公安机关、国家安全机关；发证机关、备案机关',
    partySanctions: [
      rectify('责令停业整顿', false),
      revoke('吊销经营许可证', false),
      close('责令暂时关闭网站直至关闭网站', false),
    ],
    referralZh:
      '构成犯罪的依法追究刑事责任；尚不构成犯罪的由公安机关、国家安全机关依照有关法律、行政法规处罚',
    noteZh: ISP_NOTE,
  }),
  row(isp, {
    id: 'ISP_MEASURES-21',
    article: 21,
    tier: 'SERIOUS',
    tierLabelZh: '情节严重的',
    unlawfulActZh: '未履行本办法第十四条规定的记录、保存、提供义务',
    authority: 'TELECOM_OR_LICENSING_AUTHORITY',
    authorityZh: ISP_TELECOM,
    partySanctions: [rectify('责令停业整顿', false), close('暂时关闭网站', false)],
    requireOneOf: [['ORDER_TO_SUSPEND_BUSINESS', 'ORDER_TO_CLOSE']],
    nonPenaltyMeasuresZh: [CORRECT],
    noteZh: ISP_NOTE,
  }),
  row(isp, {
    id: 'ISP_MEASURES-22',
    article: 22,
    unlawfulActZh: '未在其网站主页上标明其经营许可证编号或者备案编号',
    authority: 'TELECOM_OR_LICENSING_AUTHORITY',
    authorityZh: ISP_TELECOM,
    partySanctions: [fine(5_000, 50_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    noteZh: ISP_NOTE,
  }),
  row(isp, {
    id: 'ISP_MEASURES-23',
    article: 23,
    tier: 'SERIOUS',
    tierLabelZh: '情节严重的',
    unlawfulActZh:
      '违反本办法第十六条规定的义务（发现明显属于第十五条所列内容未立即停止传输、保存记录、报告）',
    authority: 'TELECOM_OR_LICENSING_AUTHORITY',
    authorityZh: `${ISP_TELECOM}；发证机关、备案机关`,
    partySanctions: [revoke('吊销经营许可证', false), close('责令关闭网站', false)],
    requireOneOf: [['REVOCATION_OF_PERMIT', 'ORDER_TO_CLOSE']],
    nonPenaltyMeasuresZh: [CORRECT],
    noteZh: `${ISP_NOTE}；经营性的吊销经营许可证，非经营性的关闭网站`,
  }),
  row(isp, {
    id: 'ISP_MEASURES-24',
    article: 24,
    unlawfulActZh: '在其业务活动中违反其他法律、法规',
    authority: 'REFERRAL_ONLY',
    authorityZh: '新闻、出版、教育、卫生、药品监督管理和工商行政管理等有关主管部门',
    referralZh: '依照有关法律、法规的规定处罚',
  }),
];

// ---------------------------------------------------------------------------
// §9 CAC departmental rules

const algo = LAW_VERSIONS.ALGO_PROV_2022;
const ALGO_31_ACT =
  '违反本规定第七条、第八条、第九条第一款、第十条、第十四条、第十六条、第十七条、第二十二条、第二十四条、第二十六条规定';
const ALGO_33_1_ACT =
  '具有舆论属性或者社会动员能力的算法推荐服务提供者通过隐瞒有关情况、提供虚假材料等不正当手段取得备案';
const news = LAW_VERSIONS.NEWS_PROV_2017;
const eco = LAW_VERSIONS.ECO_PROV_2020;
const ECO_11_ACT =
  '网络信息内容服务平台违反本规定第十一条第二款规定（首页首屏、榜单、弹窗等重点环节）';
const genai = LAW_VERSIONS.GENAI_2023;
const deepSyn = LAW_VERSIONS.DEEP_SYNTHESIS_2023;

const CAC_RULE_ROWS: PenaltyProvision[] = [
  row(algo, {
    id: 'ALGO_PROV-31',
    article: 31,
    unlawfulActZh: ALGO_31_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: '网信部门和电信、公安、市场监管等有关部门依据职责',
    partySanctions: [warning(false), circulatedCriticism(false)],
    requireOneOf: [['WARNING', 'CIRCULATED_CRITICISM']],
    nonPenaltyMeasuresZh: ['责令限期改正'],
    referralZh: '法律、行政法规有规定的，依照其规定',
  }),
  row(algo, {
    id: 'ALGO_PROV-31-REFUSAL',
    article: 31,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: ALGO_31_ACT,
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: '网信部门和电信、公安、市场监管等有关部门依据职责',
    partySanctions: [
      warning(false),
      circulatedCriticism(false),
      suspendUpdating(),
      fine(10_000, 100_000),
    ],
    nonPenaltyMeasuresZh: ['责令限期改正'],
    referralZh: '法律、行政法规有规定的，依照其规定',
  }),
  row(algo, {
    id: 'ALGO_PROV-32',
    article: 32,
    unlawfulActZh:
      '违反本规定第六条、第九条第二款、第十一条、第十三条、第十五条、第十八条至第二十一条、第二十七条、第二十八条第二款规定',
    authority: 'REFERRAL_ONLY',
    authorityZh: '网信部门和有关部门依据职责',
    referralZh: '依照有关法律、行政法规和部门规章的规定予以处理',
  }),
  row(algo, {
    id: 'ALGO_PROV-33-1',
    article: 33,
    paragraph: 1,
    unlawfulActZh: ALGO_33_1_ACT,
    authority: 'CAC',
    authorityZh: '国家和省、自治区、直辖市网信部门',
    minOfficeLevel: 'PROVINCIAL',
    partySanctions: [
      // 撤销备案 is listed with the penalties; whether it is a penalty kind is unsettled.
      {
        kind: 'OTHER_BY_LAW',
        measureZh: '撤销备案',
        mandatory: false,
        kindClassificationStatus: 'U',
      },
      warning(false),
      circulatedCriticism(false),
    ],
    requireOneOf: [['WARNING', 'CIRCULATED_CRITICISM']],
  }),
  row(algo, {
    id: 'ALGO_PROV-33-1-SERIOUS',
    article: 33,
    paragraph: 1,
    tier: 'SERIOUS',
    tierLabelZh: '情节严重的',
    unlawfulActZh: `${ALGO_33_1_ACT}，情节严重`,
    authority: 'CAC',
    authorityZh: '国家和省、自治区、直辖市网信部门',
    minOfficeLevel: 'PROVINCIAL',
    partySanctions: [
      {
        kind: 'OTHER_BY_LAW',
        measureZh: '撤销备案',
        mandatory: false,
        kindClassificationStatus: 'U',
      },
      warning(false),
      circulatedCriticism(false),
      suspendUpdating(),
      fine(10_000, 100_000),
    ],
  }),
  row(news, {
    id: 'NEWS_PROV-22',
    article: 22,
    unlawfulActZh: '未经许可或者超越许可范围开展互联网新闻信息服务活动',
    authority: 'CAC',
    authorityZh: '国家和省、自治区、直辖市互联网信息办公室',
    minOfficeLevel: 'PROVINCIAL',
    partySanctions: [fine(10_000, 30_000)],
    nonPenaltyMeasuresZh: ['责令停止相关服务活动'],
    status: 'P',
  }),
  row(news, {
    id: 'NEWS_PROV-23',
    article: 23,
    tier: 'REFUSAL',
    tierLabelZh: '逾期仍不符合许可条件的',
    unlawfulActZh: '互联网新闻信息服务提供者运行过程中不再符合许可条件',
    authority: 'CAC',
    authorityZh: '原许可机关',
    partySanctions: [suspendUpdating('暂停新闻信息更新')],
    nonPenaltyMeasuresZh: ['责令限期改正', '许可证有效期届满仍不符合许可条件的，不予换发许可证'],
    status: 'P',
  }),
  row(news, {
    id: 'NEWS_PROV-24',
    article: 24,
    unlawfulActZh:
      '违反本规定第七条第二款、第八条、第十一条、第十二条、第十三条第三款、第十四条、第十五条第一款、第十七条、第十八条规定',
    authority: 'CAC',
    authorityZh: '国家和地方互联网信息办公室依据职责',
    partySanctions: [warning()],
    nonPenaltyMeasuresZh: ['责令限期改正'],
    status: 'P',
  }),
  row(news, {
    id: 'NEWS_PROV-24-REFUSAL',
    article: 24,
    tier: 'REFUSAL',
    tierLabelZh: '情节严重或者拒不改正的',
    unlawfulActZh:
      '违反本规定第七条第二款、第八条、第十一条、第十二条、第十三条第三款、第十四条、第十五条第一款、第十七条、第十八条规定',
    authority: 'CAC',
    authorityZh: '国家和地方互联网信息办公室依据职责',
    partySanctions: [warning(false), suspendUpdating('暂停新闻信息更新'), fine(5_000, 30_000)],
    nonPenaltyMeasuresZh: ['责令限期改正'],
    status: 'P',
  }),
  row(news, {
    id: 'NEWS_PROV-25',
    article: 25,
    unlawfulActZh: '违反本规定第三条、第十六条第一款、第十九条第一款、第二十条第二款规定',
    authority: 'CAC',
    authorityZh: '国家和地方互联网信息办公室依据职责',
    partySanctions: [warning()],
    nonPenaltyMeasuresZh: [CORRECT],
    status: 'P',
  }),
  row(news, {
    id: 'NEWS_PROV-25-REFUSAL',
    article: 25,
    tier: 'REFUSAL',
    tierLabelZh: '情节严重或者拒不改正的',
    unlawfulActZh: '违反本规定第三条、第十六条第一款、第十九条第一款、第二十条第二款规定',
    authority: 'CAC',
    authorityZh: '国家和地方互联网信息办公室依据职责',
    partySanctions: [warning(false), suspendUpdating('暂停新闻信息更新'), fine(20_000, 30_000)],
    nonPenaltyMeasuresZh: [CORRECT],
    status: 'P',
    noteZh: '罚款幅度取自国家网信办答记者问，所见条文文本在此处截断',
  }),
  row(news, {
    id: 'NEWS_PROV-26',
    article: 26,
    unlawfulActZh: '违反本规定同时违反网络安全法的信息内容管理行为',
    authority: 'REFERRAL_ONLY',
    authorityZh: '依照网络安全法处理',
    referralZh: '网络安全法',
    status: 'U',
  }),
  row(eco, {
    id: 'ECO_PROV-37',
    article: 37,
    unlawfulActZh: ECO_11_ACT,
    authority: 'CAC',
    authorityZh: '设区的市级以上网信部门依据职责',
    minOfficeLevel: 'MUNICIPAL',
    partySanctions: [warning()],
    nonPenaltyMeasuresZh: ['约谈', '责令限期改正'],
    status: 'U',
    noteZh: '罚则文字见题库引用（P），条号“第三十七条”未经核实（U）',
  }),
  row(eco, {
    id: 'ECO_PROV-37-REFUSAL',
    article: 37,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: ECO_11_ACT,
    authority: 'CAC',
    authorityZh: '设区的市级以上网信部门依据职责',
    minOfficeLevel: 'MUNICIPAL',
    partySanctions: [warning(false), suspendUpdating()],
    nonPenaltyMeasuresZh: ['约谈', '责令限期改正'],
    referralZh: '并依照有关法律、行政法规的规定处理',
    status: 'U',
    noteZh: '罚则文字见题库引用（P），条号“第三十七条”未经核实（U）',
  }),
  row(eco, {
    id: 'ECO_PROV-36',
    article: 36,
    unlawfulActZh: '网络信息内容服务平台违反本规定第十条、第三十一条第二款规定',
    authority: 'REFERRAL_ONLY',
    authorityZh: '网信等有关主管部门',
    referralZh: '网络安全法、国家安全法等法律、行政法规',
    status: 'U',
  }),
  row(eco, {
    id: 'ECO_PROV-38',
    article: 38,
    unlawfulActZh:
      '网络信息内容服务平台违反本规定其他平台义务（年度报告、投诉举报入口等，清单未经核实）',
    authority: 'CAC',
    authorityZh: '设区的市级以上网信部门依据职责',
    minOfficeLevel: 'MUNICIPAL',
    partySanctions: [warning(), suspendUpdating('情节严重的，责令暂停信息更新', false)],
    nonPenaltyMeasuresZh: ['约谈', '责令限期改正'],
    status: 'U',
  }),
  row(genai, {
    id: 'GENAI_MEASURES-21',
    article: 21,
    unlawfulActZh: '提供者违反本办法规定',
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: '有关主管部门依据职责',
    partySanctions: [warning(false), circulatedCriticism(false)],
    requireOneOf: [['WARNING', 'CIRCULATED_CRITICISM']],
    nonPenaltyMeasuresZh: ['责令限期改正'],
    referralZh: '网络安全法、数据安全法、个人信息保护法、科学技术进步法等法律、行政法规优先适用',
    status: 'U',
    noteZh: '本办法未设罚款（未经核实）',
  }),
  row(genai, {
    id: 'GENAI_MEASURES-21-REFUSAL',
    article: 21,
    tier: 'REFUSAL',
    tierLabelZh: REFUSE_SERIOUS,
    unlawfulActZh: '提供者违反本办法规定',
    authority: 'CAC_AMONG_OTHERS',
    authorityZh: '有关主管部门依据职责',
    partySanctions: [
      warning(false),
      circulatedCriticism(false),
      suspendBusiness('责令暂停提供相关服务', true),
    ],
    nonPenaltyMeasuresZh: ['责令限期改正'],
    referralZh: '网络安全法、数据安全法、个人信息保护法、科学技术进步法等法律、行政法规优先适用',
    status: 'U',
  }),
  row(deepSyn, {
    id: 'DEEP_SYNTHESIS_PROV-22',
    article: 22,
    unlawfulActZh: '深度合成服务提供者和技术支持者违反本规定',
    authority: 'REFERRAL_ONLY',
    authorityZh: '网信、电信、公安部门依据职责',
    referralZh: '依照有关法律、行政法规的规定处罚；造成严重后果的，依法从重处罚',
    status: 'U',
    noteZh: '是否另设警告、通报批评、罚款等兜底罚则未知，不设罚款',
  }),
];

/** The seeded catalog. Edits go through validateProvision / validateCatalog. */
export const PENALTY_PROVISIONS_SEED: readonly PenaltyProvision[] = [
  ...PIPL_ROWS,
  ...CSL2016_ROWS,
  ...CSL2025_ROWS,
  ...DSL_ROWS,
  ...MINORS_ROWS,
  ...NDSR_ROWS,
  ...ISP_ROWS,
  ...CAC_RULE_ROWS,
];

/** Articles of docs/penalty-provisions.md deliberately not seeded: they are no administrative penalty a CAC office imposes. */
export interface NonPenaltyArticle {
  readonly lawCode: LawCode;
  readonly versionId: string;
  readonly articles: string;
  readonly reasonZh: string;
  readonly status: VerificationStatus;
}

export const NON_PENALTY_ARTICLES: readonly NonPenaltyArticle[] = [
  {
    lawCode: 'PIPL',
    versionId: pipl.id,
    articles: '67',
    reasonZh: '记入信用档案并予以公示',
    status: 'V',
  },
  {
    lawCode: 'PIPL',
    versionId: pipl.id,
    articles: '68',
    reasonZh: '国家机关责令改正；工作人员处分',
    status: 'V',
  },
  {
    lawCode: 'PIPL',
    versionId: pipl.id,
    articles: '69, 70',
    reasonZh: '民事责任；公益诉讼',
    status: 'V',
  },
  {
    lawCode: 'PIPL',
    versionId: pipl.id,
    articles: '71',
    reasonZh: '治安管理处罚；刑事责任',
    status: 'V',
  },
  {
    lawCode: 'CSL',
    versionId: csl16.id,
    articles: '71',
    reasonZh: '记入信用档案并予以公示',
    status: 'V',
  },
  {
    lawCode: 'CSL',
    versionId: csl16.id,
    articles: '72, 73',
    reasonZh: '政务网络运营者、工作人员：责令改正、处分',
    status: 'V',
  },
  {
    lawCode: 'CSL',
    versionId: csl16.id,
    articles: '74',
    reasonZh: '民事、治安、刑事责任',
    status: 'V',
  },
  {
    lawCode: 'CSL',
    versionId: csl16.id,
    articles: '75',
    reasonZh: '境外机构攻击关键信息基础设施：冻结财产等制裁',
    status: 'V',
  },
  {
    lawCode: 'CSL',
    versionId: csl25.id,
    articles: '72',
    reasonZh: '记入信用档案并予以公示',
    status: 'V',
  },
  {
    lawCode: 'CSL',
    versionId: csl25.id,
    articles: '73',
    reasonZh: '依照行政处罚法从轻、减轻或者不予处罚',
    status: 'V',
  },
  {
    lawCode: 'CSL',
    versionId: csl25.id,
    articles: '74, 75, 76',
    reasonZh: '政务网络、工作人员处分；民事、治安、刑事责任',
    status: 'V',
  },
  {
    lawCode: 'CSL',
    versionId: csl25.id,
    articles: '77',
    reasonZh: '境外机构危害网络安全：冻结财产等制裁',
    status: 'V',
  },
  { lawCode: 'DSL', versionId: dsl.id, articles: '44', reasonZh: '约谈、要求整改', status: 'V' },
  {
    lawCode: 'DSL',
    versionId: dsl.id,
    articles: '49, 50',
    reasonZh: '国家机关、工作人员处分',
    status: 'V',
  },
  {
    lawCode: 'DSL',
    versionId: dsl.id,
    articles: '52',
    reasonZh: '民事、治安、刑事责任',
    status: 'V',
  },
  {
    lawCode: 'MINORS_REG',
    versionId: minors.id,
    articles: '50, 51, 52',
    reasonZh: '政府部门、学校、监护人：责令改正、处分、批评教育',
    status: 'V',
  },
  {
    lawCode: 'MINORS_REG',
    versionId: minors.id,
    articles: '57',
    reasonZh: '关闭网站或吊销许可后五年内不得重新申请、从业限制（后果条款）',
    status: 'V',
  },
  {
    lawCode: 'MINORS_REG',
    versionId: minors.id,
    articles: '58',
    reasonZh: '民事、治安、刑事责任',
    status: 'V',
  },
  {
    lawCode: 'NDSR',
    versionId: ndsr.id,
    articles: '59',
    reasonZh: '依照行政处罚法从轻、减轻或者不予处罚',
    status: 'V',
  },
  {
    lawCode: 'NDSR',
    versionId: ndsr.id,
    articles: '60, 61',
    reasonZh: '国家机关处分；民事、治安、刑事责任',
    status: 'V',
  },
  {
    lawCode: 'ISP_MEASURES',
    versionId: isp.id,
    articles: '25',
    reasonZh: '工作人员刑事责任或者行政处分',
    status: 'V',
  },
  {
    lawCode: 'ALGO_PROV',
    versionId: algo.id,
    articles: '33(2)',
    reasonZh: '注销备案，属行政管理措施',
    status: 'V',
  },
  {
    lawCode: 'ECO_PROV',
    versionId: eco.id,
    articles: '34, 35, 39, 40',
    reasonZh: '平台账号处置、联合惩戒、民事刑事责任（条号及内容未经核实）',
    status: 'U',
  },
];
