import type { DocumentKind } from '../procedure/effects.js';

/**
 * 文书文号: 机关代字 + 类别代字 + 〔年份〕 + 顺序号 + 号 (GB/T 9704-2012 §7.2.5).
 * The category codes follow the SAMR 2021 pattern (罚告, 听通 …); no 网信 number
 * was found in public data, so they are a proposal (docs/document-sources.md §5.2, status U)
 * and each office may change the whole format.
 */
export const DOCUMENT_NUMBER_CODES: Partial<Record<DocumentKind, string>> = {
  // 案件来源登记表 carries a register number (登记编号) of its own series.
  CASE_SOURCE_REGISTER: '案源',
  PRE_PENALTY_NOTICE: '罚告',
  HEARING_NOTICE: '听通',
  PENALTY_DECISION: '罚',
  NO_PENALTY_DECISION: '不罚',
  ON_THE_SPOT_PENALTY_DECISION: '当罚',
  RECUSAL_DECISION: '回避',
  PRESERVATION_NOTICE_AND_LIST: '先保',
  PRESERVATION_HANDLING_DECISION: '先保处',
  SEIZURE_DECISION_AND_LIST: '查扣',
  SEIZURE_EXTENSION_NOTICE: '延查扣',
  SEIZURE_RELEASE_DECISION: '解查扣',
  CASE_TRANSFER_LETTER: '移',
  JUDICIAL_TRANSFER_LETTER: '刑移',
  CORRECTION_ORDER: '责改',
  CORRECTION_REVIEW_OPINION: '责改复',
  DECISION_REVOCATION_OR_CHANGE: '罚更',
  NOT_DOCKETED_NOTICE_TO_COMPLAINANT: '不立告',
  ENFORCEMENT_DEMAND: '催',
  COURT_ENFORCEMENT_APPLICATION: '强申',
  PAYMENT_ARRANGEMENT_DECISION: '缓罚',
  SERVICE_PUBLIC_NOTICE: '送公',
  TESTING_PERIOD_NOTICE: '检告',
  ASSISTANCE_REQUEST_LETTER: '协查',
  CORRECTION_NOTICE: '更正',
  NOT_DOCKETED_NOTICE_TO_TRANSFERRING_AUTHORITY: '不立移',
  SEIZED_ITEMS_TRANSFER_NOTICE: '物移',
  DESIGNATED_JURISDICTION_REQUEST: '指管请',
};

export interface DocumentNumberParts {
  shortName: string;
  code: string;
  year: number;
  serial: number;
}

const PLACEHOLDERS = ['{shortName}', '{code}', '{year}', '{serial}'] as const;

/** Every placeholder must appear once, so two kinds or two years can never share a number. */
export function checkNumberFormat(format: string): string[] {
  const problems: string[] = [];
  for (const placeholder of PLACEHOLDERS) {
    const count = format.split(placeholder).length - 1;
    if (count !== 1) {
      problems.push(`${placeholder} 须恰好出现一次`);
    }
  }
  const unknown = format.replace(/\{(shortName|code|year|serial)\}/g, '').match(/\{[^}]*\}/g);
  if (unknown) {
    problems.push(`未知占位符：${unknown.join('、')}`);
  }
  return problems;
}

export function formatDocumentNumber(format: string, parts: DocumentNumberParts): string {
  return format
    .replace('{shortName}', parts.shortName)
    .replace('{code}', parts.code)
    .replace('{year}', String(parts.year))
    .replace('{serial}', String(parts.serial));
}
