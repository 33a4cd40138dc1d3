/**
 * 双公示: the administrative-penalty publication record, a projection of the
 * decided case in the field list of the national credit-information standard
 * (docs/document-sources.md §7.2; field names as implementations use them — status S).
 * Natural persons' identity numbers are masked; amounts are in 万元.
 * Legal basis: 《中华人民共和国行政处罚法》第四十八条 (V): decisions with social
 * impact are published; a changed or annulled decision is withdrawn within 3 days.
 */
import { parseAmountToFen } from '../documents/helpers/money.js';
import { formatCitation, type LegalBasis } from '../procedure/legal-basis.js';
import type { LocalDate } from '../procedure/local-date.js';
import { PENALTY_KIND_NAMES, type PenaltyKind } from '../procedure/penalty-kind.js';
import type { PartyKind } from '../procedure/party-kind.js';

export interface PublicationInput {
  party: {
    kind: PartyKind;
    name: string;
    idType: string;
    idNumber: string;
    legalRepresentative: string | null;
  };
  decisionNumber: string;
  decisionDate: LocalDate;
  /** 违法行为类型: the unlawful acts of the violated provisions (never the case title). */
  violationTypes: readonly string[];
  facts: string;
  basis: readonly LegalBasis[];
  penalties: readonly { kind: PenaltyKind; amountYuan: string | null }[];
  office: { name: string; unifiedSocialCreditCode: string };
  /** 公示截止期, computed once by publicationEndsOn() and stored in the record's endsOn column too. */
  endsOn: LocalDate;
}

/** 110105198803121236 → 110105********1236: region and check part stay, birth date and sequence do not. */
export function maskIdNumber(idNumber: string): string {
  if (idNumber.length <= 10) {
    return '*'.repeat(idNumber.length);
  }
  return idNumber.slice(0, 6) + '*'.repeat(idNumber.length - 10) + idNumber.slice(-4);
}

/** Fen → 万元 with up to 6 decimals, trailing zeros dropped: 40,000,000 fen → 40. */
function fenToWan(fen: number): string {
  // 1 万元 = 1,000,000 分, so 6 decimals of 万元 are whole fen: integer arithmetic, no rounding.
  const whole = Math.floor(fen / 1_000_000);
  const rest = String(fen % 1_000_000)
    .padStart(6, '0')
    .replace(/0+$/, '');
  return rest ? `${whole}.${rest}` : `${whole}`;
}

/** Yuan (decimal string) → 万元: 400000.00 → 40. */
export function yuanToWan(amountYuan: string): string {
  return fenToWan(parseAmountToFen(amountYuan));
}

function sumToWan(amountsYuan: readonly string[]): string {
  return fenToWan(amountsYuan.reduce((total, amount) => total + parseAmountToFen(amount), 0));
}

export interface PublicationFields {
  行政相对人名称: string;
  行政相对人类别: string;
  行政相对人代码_1: string | null;
  行政相对人代码_2: string | null;
  行政相对人代码_3: string | null;
  行政相对人代码_4: string | null;
  行政相对人代码_5: string | null;
  行政相对人代码_6: string | null;
  法定代表人: string | null;
  法定代表人证件类型: string | null;
  法定代表人证件号码: string | null;
  证件类型: string | null;
  证件号码: string | null;
  行政处罚决定书文号: string;
  违法行为类型: string;
  违法事实: string;
  处罚依据: string;
  处罚类别: string;
  处罚内容: string;
  罚款金额: string | null;
  没收违法所得没收非法财物的金额: string | null;
  暂扣或吊销证照名称及编号: string | null;
  处罚决定日期: LocalDate;
  处罚有效期: LocalDate;
  公示截止期: LocalDate;
  处罚机关: string;
  处罚机关统一社会信用代码: string;
  数据来源单位: string;
  数据来源单位统一社会信用代码: string;
  备注: string | null;
}

/** How a field's value is written; drives the feed's JSON Schema (src/events/json-schemas.ts). */
export type PublicationFieldFormat = 'text' | 'date' | 'wan' | 'uscc';

/**
 * The 双公示 field list (docs/document-sources.md §7.2) in the standard's order: one source for
 * the record, its JSON Schema and docs/webhooks.md. `required`: the standard's Y; an optional
 * field is null when the case holds nothing for it.
 */
export const PUBLICATION_FIELDS: readonly {
  key: keyof PublicationFields;
  required: boolean;
  format: PublicationFieldFormat;
  description: string;
}[] = [
  {
    key: '行政相对人名称',
    required: true,
    format: 'text',
    description: '被处罚的当事人名称或姓名',
  },
  {
    key: '行政相对人类别',
    required: true,
    format: 'text',
    description: '法人及非法人组织 / 自然人 / 个体工商户',
  },
  {
    key: '行政相对人代码_1',
    required: false,
    format: 'text',
    description: '统一社会信用代码（组织必填；自然人为 null）',
  },
  {
    key: '行政相对人代码_2',
    required: false,
    format: 'text',
    description: '工商注册号（旧码，本系统不采集，null）',
  },
  {
    key: '行政相对人代码_3',
    required: false,
    format: 'text',
    description: '组织机构代码（旧码，本系统不采集，null）',
  },
  {
    key: '行政相对人代码_4',
    required: false,
    format: 'text',
    description: '税务登记号（旧码，本系统不采集，null）',
  },
  {
    key: '行政相对人代码_5',
    required: false,
    format: 'text',
    description: '事业单位证书号（本系统不采集，null）',
  },
  {
    key: '行政相对人代码_6',
    required: false,
    format: 'text',
    description: '社会组织登记证号（本系统不采集，null）',
  },
  { key: '法定代表人', required: false, format: 'text', description: '法定代表人或负责人（组织）' },
  {
    key: '法定代表人证件类型',
    required: false,
    format: 'text',
    description: '法定代表人证件类型（本系统不采集法定代表人证件，null）',
  },
  {
    key: '法定代表人证件号码',
    required: false,
    format: 'text',
    description: '法定代表人证件号码（本系统不采集法定代表人证件，null）',
  },
  {
    key: '证件类型',
    required: false,
    format: 'text',
    description: '自然人证件类型：身份证 / 其他',
  },
  {
    key: '证件号码',
    required: false,
    format: 'text',
    description: '自然人证件号码，已屏蔽出生日期和顺序码',
  },
  { key: '行政处罚决定书文号', required: true, format: 'text', description: '行政处罚决定书文号' },
  {
    key: '违法行为类型',
    required: true,
    format: 'text',
    description: '违法行为类型：所依据罚则条款规定的违法行为（多项以“；”分隔），不是案由',
  },
  { key: '违法事实', required: true, format: 'text', description: '决定书认定的违法事实' },
  { key: '处罚依据', required: true, format: 'text', description: '处罚依据的条款' },
  {
    key: '处罚类别',
    required: true,
    format: 'text',
    description: '处罚种类（《行政处罚法》第九条），以“、”分隔',
  },
  { key: '处罚内容', required: true, format: 'text', description: '处罚内容' },
  {
    key: '罚款金额',
    required: false,
    format: 'wan',
    description: '罚款金额（万元，最多 6 位小数）',
  },
  {
    key: '没收违法所得没收非法财物的金额',
    required: false,
    format: 'wan',
    description: '没收违法所得、没收非法财物的金额（万元，最多 6 位小数）',
  },
  {
    key: '暂扣或吊销证照名称及编号',
    required: false,
    format: 'text',
    description: '暂扣或者吊销的许可证件名称及编号（本系统尚未记录证照编号，null）',
  },
  { key: '处罚决定日期', required: true, format: 'date', description: '处罚决定日期' },
  {
    key: '处罚有效期',
    required: true,
    format: 'date',
    description: '处罚有效期（标准未定义其含义，本系统取公示截止期）',
  },
  {
    key: '公示截止期',
    required: false,
    format: 'date',
    description: '公示截止期：决定日期加规则参数 publicationDuration；此后记录退出公开数据',
  },
  { key: '处罚机关', required: true, format: 'text', description: '作出处罚决定的机关' },
  {
    key: '处罚机关统一社会信用代码',
    required: true,
    format: 'uscc',
    description: '处罚机关统一社会信用代码',
  },
  { key: '数据来源单位', required: true, format: 'text', description: '数据来源单位' },
  {
    key: '数据来源单位统一社会信用代码',
    required: true,
    format: 'uscc',
    description: '数据来源单位统一社会信用代码',
  },
  { key: '备注', required: false, format: 'text', description: '备注（本系统暂不填写，null）' },
];

const CONFISCATIONS: readonly PenaltyKind[] = [
  'CONFISCATION_OF_ILLEGAL_GAINS',
  'CONFISCATION_OF_ILLEGAL_PROPERTY',
];

export function buildPublicationFields(input: PublicationInput): PublicationFields {
  const person = input.party.kind === 'NATURAL_PERSON';
  const fines = input.penalties
    .filter((p) => p.kind === 'FINE' && p.amountYuan)
    .map((p) => p.amountYuan!);
  const confiscated = input.penalties
    .filter((p) => CONFISCATIONS.includes(p.kind) && p.amountYuan)
    .map((p) => p.amountYuan!);
  const content = input.penalties
    .map((p) =>
      p.amountYuan
        ? `${PENALTY_KIND_NAMES[p.kind]}人民币${Number(p.amountYuan).toLocaleString('zh-CN')}元`
        : PENALTY_KIND_NAMES[p.kind],
    )
    .join('；');
  return {
    行政相对人名称: input.party.name,
    行政相对人类别: person ? '自然人' : '法人及非法人组织',
    行政相对人代码_1: person ? null : input.party.idNumber,
    行政相对人代码_2: null,
    行政相对人代码_3: null,
    行政相对人代码_4: null,
    行政相对人代码_5: null,
    行政相对人代码_6: null,
    法定代表人: person ? null : input.party.legalRepresentative,
    法定代表人证件类型: null,
    法定代表人证件号码: null,
    证件类型: person ? (input.party.idType === 'RESIDENT_ID_CARD' ? '身份证' : '其他') : null,
    证件号码: person ? maskIdNumber(input.party.idNumber) : null,
    行政处罚决定书文号: input.decisionNumber,
    违法行为类型: [...new Set(input.violationTypes)].join('；'),
    违法事实: input.facts,
    处罚依据: input.basis.map(formatCitation).join('、'),
    处罚类别: [...new Set(input.penalties.map((p) => PENALTY_KIND_NAMES[p.kind]))].join('、'),
    处罚内容: content,
    罚款金额: fines.length ? sumToWan(fines) : null,
    没收违法所得没收非法财物的金额: confiscated.length ? sumToWan(confiscated) : null,
    // No step records the permit's name and number yet.
    暂扣或吊销证照名称及编号: null,
    处罚决定日期: input.decisionDate,
    // The standard's 处罚有效期 is not defined anywhere we hold (U): the end of publication.
    处罚有效期: input.endsOn,
    公示截止期: input.endsOn,
    处罚机关: input.office.name,
    处罚机关统一社会信用代码: input.office.unifiedSocialCreditCode,
    数据来源单位: input.office.name,
    数据来源单位统一社会信用代码: input.office.unifiedSocialCreditCode,
    备注: null,
  };
}
