/**
 * Citations. Every rule, parameter and transition carries at least one.
 * Status follows docs/legal-sources.md §0:
 *   V verified statute text (hard guard), P secondary source, U unverified, D derived design.
 */
import type { LocalDate } from './local-date.js';

export type VerificationStatus = 'V' | 'P' | 'U' | 'D';

export interface LegalBasis {
  /** Full Chinese name of the law without book-title marks, e.g. 中华人民共和国行政处罚法. */
  readonly law: string;
  /** Article number (第N条). */
  readonly article: number;
  readonly paragraph?: number;
  readonly item?: number;
  readonly status: VerificationStatus;
  /** Where the text was read when status is not V (source, page). */
  readonly source?: string;
  /** Last day the cited text was in force (a repealed rule is cited only for acts up to then). */
  readonly validTo?: LocalDate;
}

/**
 * The citations that may be given for an act done on `date`: a repealed text (validTo before
 * the act) is dropped, so a refusal of a 2026 act never cites the 2017 rules.
 */
export function citationsInForce(bases: readonly LegalBasis[], date: LocalDate): LegalBasis[] {
  return bases.filter((b) => b.validTo === undefined || date <= b.validTo);
}

export const LAW = {
  administrativePenalty: '中华人民共和国行政处罚法',
  administrativeCompulsion: '中华人民共和国行政强制法',
  civilProcedure: '中华人民共和国民事诉讼法',
  administrativeReconsideration: '中华人民共和国行政复议法',
  administrativeLitigation: '中华人民共和国行政诉讼法',
  personalInformationProtection: '中华人民共和国个人信息保护法',
  cybersecurity: '中华人民共和国网络安全法',
  dataSecurity: '中华人民共和国数据安全法',
  cacEnforcementProcedure2023: '网信部门行政执法程序规定',
  cacContentEnforcementProcedure2017: '互联网信息内容管理行政执法程序规定',
  criminalCaseTransfer: '行政执法机关移送涉嫌犯罪案件的规定',
} as const;

const CHINESE_DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 59 → 五十九, 10 → 十, 105 → 一百零五 (article numbers as written in Chinese statutes). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) {
    throw new RangeError(`chineseNumeral: ${n} is out of range`);
  }
  if (n < 10) {
    return CHINESE_DIGITS[n]!;
  }
  if (n < 20) {
    return '十' + (n % 10 === 0 ? '' : CHINESE_DIGITS[n % 10]);
  }
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  let pendingZero = false;
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i]!;
    if (d === 0) {
      pendingZero = out.length > 0;
      return;
    }
    if (pendingZero) {
      out += '零';
      pendingZero = false;
    }
    out += CHINESE_DIGITS[d] + unit;
  });
  return out;
}

/** 《中华人民共和国行政处罚法》第五十九条第一款第（二）项 */
export function formatCitation(basis: LegalBasis): string {
  let text = `《${basis.law}》第${chineseNumeral(basis.article)}条`;
  if (basis.paragraph !== undefined) {
    text += `第${chineseNumeral(basis.paragraph)}款`;
  }
  if (basis.item !== undefined) {
    text += `第（${chineseNumeral(basis.item)}）项`;
  }
  return text;
}

/** Shorthand for a verified article of the Administrative Penalty Law. */
export function apl(article: number, paragraph?: number, item?: number): LegalBasis {
  return { law: LAW.administrativePenalty, article, paragraph, item, status: 'V' };
}
