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
import { addCalendarMonths } from '../procedure/local-date.js';
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
  violationType: string;
  facts: string;
  basis: readonly LegalBasis[];
  penalties: readonly { kind: PenaltyKind; amountYuan: string | null }[];
  office: { name: string; unifiedSocialCreditCode: string };
  /** How long the record stays published (the rulebook's publicationDuration). */
  publicationMonths: number;
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
  法定代表人: string | null;
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
  处罚决定日期: LocalDate;
  处罚有效期: LocalDate;
  公示截止期: LocalDate;
  处罚机关: string;
  处罚机关统一社会信用代码: string;
  数据来源单位: string;
  数据来源单位统一社会信用代码: string;
}

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
  const until = addCalendarMonths(input.decisionDate, input.publicationMonths);
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
    法定代表人: person ? null : input.party.legalRepresentative,
    证件类型: person ? (input.party.idType === 'RESIDENT_ID_CARD' ? '身份证' : '其他') : null,
    证件号码: person ? maskIdNumber(input.party.idNumber) : null,
    行政处罚决定书文号: input.decisionNumber,
    违法行为类型: input.violationType,
    违法事实: input.facts,
    处罚依据: input.basis.map(formatCitation).join('、'),
    处罚类别: [...new Set(input.penalties.map((p) => PENALTY_KIND_NAMES[p.kind]))].join('、'),
    处罚内容: content,
    罚款金额: fines.length ? sumToWan(fines) : null,
    没收违法所得没收非法财物的金额: confiscated.length ? sumToWan(confiscated) : null,
    处罚决定日期: input.decisionDate,
    // The standard's 处罚有效期 is not defined anywhere we hold (U): the end of publication.
    处罚有效期: until,
    公示截止期: until,
    处罚机关: input.office.name,
    处罚机关统一社会信用代码: input.office.unifiedSocialCreditCode,
    数据来源单位: input.office.name,
    数据来源单位统一社会信用代码: input.office.unifiedSocialCreditCode,
  };
}
