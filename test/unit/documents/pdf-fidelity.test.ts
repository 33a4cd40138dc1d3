// Every kind, on the sample case and on a long case (3 pages of facts, 10 items of evidence):
// every XML part of the .docx parses with a strict XML parser, and, where LibreOffice is
// installed (always on CI), the PDF's text equals the .docx text (no character lost, no number
// split across lines) and the page count is the recorded one.
import { XMLValidator } from 'fast-xml-parser';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_DEFINITIONS,
  renderCaseDocument,
} from '../../../src/documents/document-registry.js';
import type { CaseDocumentSource } from '../../../src/documents/kinds/case-document-source.js';
import { convertDocxToPdf, findSoffice } from '../../../src/documents/pdf.js';
import type { DocumentKind } from '../../../src/procedure/effects.js';
import { readDocx } from './docx-reader.js';
import { lostCharacters, readPdf, splitNumbers } from './pdf-text.js';

/** About 3 pages of 3号 text: 12 paragraphs of ~150 characters with dates and amounts. */
const LONG_FACTS = Array.from(
  { length: 12 },
  (_, i) =>
    `经查，2026年${(i % 12) + 1}月${i + 3}日至2027年1月${i + 5}日期间，当事人运营的“某某”应用程序第${i + 1}项功能` +
    `在未取得用户单独同意的情况下，向第三方提供用户的设备识别码、位置信息和通讯录信息共计${12345 + i * 1000}条，` +
    `涉及用户${(i + 1) * 1024}人，违法所得人民币12,345.60元。当事人对上述事实无异议，并提交了整改报告和相关说明材料，` +
    `本机关执法人员已对其整改情况进行核查并制作了检查笔录。`,
);

function longCase(source: CaseDocumentSource): CaseDocumentSource {
  const lengthen = (value: unknown): unknown => {
    if (Array.isArray(value)) {
      return value.map(lengthen);
    }
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      return Object.fromEntries(
        Object.entries(value).map(([key, inner]) => [
          key,
          key === 'facts' && Array.isArray(inner) && typeof inner[0] === 'string'
            ? LONG_FACTS
            : lengthen(inner),
        ]),
      );
    }
    return value;
  };
  const long = lengthen(source) as CaseDocumentSource;
  const first = source.evidence[0];
  return {
    ...long,
    evidence: first
      ? Array.from({ length: 10 }, (_, i) => ({
          ...first,
          title: `电子数据提取笔录及截图（第${i + 1}组）`,
          description: `证明该应用程序第${i + 1}项功能向第三方提供个人信息的情况`,
        }))
      : long.evidence,
  };
}

/**
 * Pages from LibreOffice 7.4 with fonts-noto-cjk and the project's font aliases, sample / long.
 * A change here is a layout change: look at the PDF before updating it. Forms (审批表, 送达回证,
 * 确认书) fit one sheet, on the long case too.
 */
const EXPECTED_PAGES: Readonly<Partial<Record<DocumentKind, readonly [number, number]>>> = {
  CASE_SOURCE_REGISTER: [1, 1],
  DOCKETING_APPROVAL_FORM: [1, 1],
  NOT_DOCKETING_APPROVAL_FORM: [1, 1],
  NOT_DOCKETED_NOTICE_TO_COMPLAINANT: [1, 1],
  DOCKETING_CANCELLATION_APPROVAL_FORM: [1, 1],
  CASE_TRANSFER_LETTER: [2, 5],
  JUDICIAL_TRANSFER_LETTER: [3, 6],
  RECUSAL_DECISION: [1, 1],
  INQUIRY_TRANSCRIPT: [2, 2],
  INSPECTION_TRANSCRIPT: [2, 2],
  PRESERVATION_NOTICE_AND_LIST: [2, 2],
  PRESERVATION_HANDLING_DECISION: [2, 2],
  SEIZURE_DECISION_AND_LIST: [3, 3],
  SEIZURE_EXTENSION_NOTICE: [2, 2],
  SEIZURE_RELEASE_DECISION: [2, 2],
  CORRECTION_ORDER: [2, 6],
  CORRECTION_REVIEW_OPINION: [2, 2],
  INTERVIEW_RECORD: [2, 2],
  DECISION_REVOCATION_OR_CHANGE: [2, 2],
  PRE_PENALTY_NOTICE: [4, 8],
  HEARING_NOTICE: [3, 3],
  HEARING_RECORD: [2, 2],
  LEGAL_REVIEW_OPINION: [1, 1],
  COLLECTIVE_DISCUSSION_MINUTES: [2, 2],
  PENALTY_DECISION: [5, 9],
  NO_PENALTY_DECISION: [3, 7],
  ON_THE_SPOT_PENALTY_DECISION: [3, 6],
  SERVICE_ADDRESS_CONFIRMATION: [1, 1],
  SERVICE_RECEIPT: [1, 1],
  SERVICE_RECEIPT_BLANK: [1, 1],
  ENFORCEMENT_DEMAND: [2, 2],
  COURT_ENFORCEMENT_APPLICATION: [3, 3],
  CASE_CLOSING_APPROVAL_FORM: [1, 1],
  // The case-file kinds added with the complete 案卷.
  MATTER_APPROVAL_FORM: [1, 1],
  ASSISTANCE_REQUEST_LETTER: [1, 1],
  TESTING_PERIOD_NOTICE: [1, 1],
  INVESTIGATION_REPORT: [3, 7],
  STATEMENT_RECORD: [1, 1],
  STATEMENT_REVIEW_OPINION: [1, 1],
  HEARING_REPORT: [2, 2],
  PENALTY_DECISION_APPROVAL_FORM: [1, 1],
  SERVICE_PUBLIC_NOTICE: [1, 1],
  CORRECTION_NOTICE: [1, 1],
  PAYMENT_ARRANGEMENT_DECISION: [2, 2],
  CASE_FILE_COVER: [1, 1],
  CASE_FILE_CONTENTS: [1, 1],
  CASE_FILE_REMARKS: [1, 1],
  // The kinds steps declare due and the officer completes later.
  NOT_DOCKETED_NOTICE_TO_TRANSFERRING_AUTHORITY: [1, 1],
  SEIZED_ITEMS_TRANSFER_NOTICE: [1, 1],
  DESIGNATED_JURISDICTION_REQUEST: [1, 1],
  RECUSAL_APPLICATION_RECORD: [1, 1],
  EVIDENCE_COLLECTION_RECORD: [1, 1],
  LEGAL_REVIEW_REQUEST: [1, 1],
  TIME_LIMIT_EXTENSION_APPROVAL: [1, 1],
  SUSPENSION_APPROVAL: [1, 1],
  RESUMPTION_APPROVAL: [1, 1],
  ON_THE_SPOT_FILING_RECORD: [1, 1],
};

async function xmlPartsOf(docx: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(docx);
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.xml'))) {
    parts.set(name, await zip.file(name)!.async('string'));
  }
  return parts;
}

const cases = DOCUMENT_DEFINITIONS.flatMap((definition) => [
  { kind: definition.kind, variant: 'sample' as const, source: definition.sampleInput },
  { kind: definition.kind, variant: 'long' as const, source: longCase(definition.sampleInput) },
]);

describe('generated .docx', () => {
  it.each(cases)('$kind ($variant): every XML part is well-formed (strict parser)', async (c) => {
    const rendered = await renderCaseDocument(c.kind, c.source);
    const parts = await xmlPartsOf(rendered.buffer);
    expect(parts.has('word/document.xml')).toBe(true);
    for (const [name, xml] of parts) {
      expect(XMLValidator.validate(xml), name).toBe(true);
    }
  });
});

describe('PDF equal to the .docx (LibreOffice)', () => {
  it('LibreOffice and pdftotext are installed on CI', async () => {
    const soffice = await findSoffice();
    if (process.env.CI === 'true') {
      expect(soffice, 'CI must install libreoffice-writer (.ci/run)').toBeDefined();
    }
    // Without LibreOffice the conversion must fail with the typed error, not a crash.
    if (!soffice) {
      await expect(convertDocxToPdf(Buffer.from('x'))).rejects.toMatchObject({
        code: 'PDF_RENDERER_UNAVAILABLE',
      });
    } else {
      expect(soffice).toMatch(/soffice|libreoffice/);
    }
  });

  it('every kind, sample and long case: no character lost, no number split, recorded pages', async () => {
    const soffice = await findSoffice();
    const results: string[] = [];
    const problems: string[] = [];
    const pages: Partial<Record<DocumentKind, [number, number]>> = {};
    // The sample is converted first; the long case only when its text differs.
    const sampleText = new Map<DocumentKind, string>();
    for (const c of cases) {
      const rendered = await renderCaseDocument(c.kind, c.source);
      const docxText = (await readDocx(rendered.buffer)).rawText;
      // Conversion-independent: the text the PDF must reproduce is there.
      expect(docxText.length, c.kind).toBeGreaterThan(100);
      if (!soffice) {
        continue;
      }
      const entry = (pages[c.kind] ??= [0, 0]);
      if (c.variant === 'long' && sampleText.get(c.kind) === docxText) {
        entry[1] = entry[0];
        continue;
      }
      sampleText.set(c.kind, docxText);
      const pdf = await readPdf(await convertDocxToPdf(rendered.buffer));
      entry[c.variant === 'sample' ? 0 : 1] = pdf.pages;
      const lost = lostCharacters(docxText, pdf.text);
      const split = splitNumbers(docxText, pdf.text);
      if (lost.length > 0 || split.length > 0) {
        problems.push(`${c.kind} (${c.variant}): lost ${lost.join(' ')}; split ${split.join(' ')}`);
      }
    }
    for (const [kind, [sample, long]] of Object.entries(pages)) {
      results.push(`${kind}: ${sample} / ${long}`);
    }
    expect(problems).toEqual([]);
    if (soffice) {
      expect(pages, results.join('\n')).toEqual(EXPECTED_PAGES);
    }
  }, 900_000);
});
