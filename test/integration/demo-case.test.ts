import JSZip from 'jszip';
import mammoth from 'mammoth';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoCase } from '../../src/demo/penalty-case.scenario.js';
import { exportCaseFile } from '../../src/commands/case-file.js';
import { CaseDocument } from '../../src/entities/case-document.entity.js';
import { Case } from '../../src/entities/case.entity.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

describe('the demo case (npm run demo)', () => {
  it('runs from the clue to the decision through the API and produces the whole case file', async () => {
    const result = await runDemoCase(async (query, variables, certificate, today) => {
      app.setToday(today);
      const response = await app.run(query, variables, certificate);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data!;
    }, app.demo);
    app.setToday('2026-11-22');
    expect(result.caseNumber).toBe('京网信案〔2025〕1号');
    const documents = await app.orm.em
      .fork()
      .find(
        CaseDocument,
        { case: result.caseId },
        { orderBy: { createdAt: 'asc' }, populate: ['content'] },
      );
    expect(documents.map((d) => d.kind).sort()).toEqual(
      [
        'CASE_CLOSING_APPROVAL_FORM',
        'CASE_SOURCE_REGISTER',
        'COLLECTIVE_DISCUSSION_MINUTES',
        'CORRECTION_ORDER',
        'CORRECTION_REVIEW_OPINION',
        'DOCKETING_APPROVAL_FORM',
        'EVIDENCE_COLLECTION_RECORD',
        'EVIDENCE_COLLECTION_RECORD',
        'HEARING_NOTICE',
        'HEARING_RECORD',
        'INQUIRY_TRANSCRIPT',
        'LEGAL_REVIEW_OPINION',
        'LEGAL_REVIEW_REQUEST',
        'PENALTY_DECISION',
        'PRE_PENALTY_NOTICE',
        'SERVICE_RECEIPT',
        'SERVICE_RECEIPT',
        'SERVICE_RECEIPT',
        'SERVICE_RECEIPT',
        'STATEMENT_RECORD',
        'STATEMENT_REVIEW_OPINION',
        // Whatever the steps left pending was generated before closing.
        ...result.generatedBeforeClosing,
        // The blank receipt made with each of the four documents to be served.
        'SERVICE_RECEIPT_BLANK',
        'SERVICE_RECEIPT_BLANK',
        'SERVICE_RECEIPT_BLANK',
        'SERVICE_RECEIPT_BLANK',
      ].sort(),
    );
    const letter = documents.find((d) => d.kind === 'PENALTY_DECISION')!;
    const { value } = await mammoth.extractRawText({ buffer: letter.content });
    expect(value).toContain('人民币肆拾万元整');
    expect(value).toContain('京网信罚〔2025〕1号');
    // The case was carried through service, a late payment and closure.
    const closed = await app.run<{
      case: {
        status: string;
        closedOn: string;
        amountDue: { surchargeYuan: string; outstandingYuan: string } | null;
        pendingDocuments: { kind: string; required: boolean }[];
      };
    }>(
      `query($id: ID!) { case(id: $id) { status closedOn amountDue(asOf: "2025-11-21") { surchargeYuan outstandingYuan } pendingDocuments { kind required } } }`,
      { id: result.caseId },
      'BJ0001',
    );
    expect(closed.data!.case).toMatchObject({ status: 'CLOSED', closedOn: '2025-11-24' });
    // Closed with a complete case file: nothing the steps made due is left pending.
    expect(closed.data!.case.pendingDocuments).toEqual([]);
    // Served 11-03, due 11-18, paid 11-21: 3% × 400,000 yuan × 3 days, all paid.
    expect(closed.data!.case.amountDue).toEqual({
      surchargeYuan: '36000.00',
      outstandingYuan: '0.00',
    });
    const receipts = await Promise.all(
      documents
        .filter((d) => d.kind === 'SERVICE_RECEIPT')
        .map(async (d) => (await mammoth.extractRawText({ buffer: d.content })).value),
    );
    expect(receipts.some((r) => r.includes('电子送达'))).toBe(true);
    expect(receipts.some((r) => r.includes('留置送达') && r.includes('拒绝签收'))).toBe(true);
    const hearingRecord = documents.find((d) => d.kind === 'HEARING_RECORD')!;
    expect((await mammoth.extractRawText({ buffer: hearingRecord.content })).value).toContain(
      app.demo.officers.BJ0005!.name,
    );

    // The case file an archive or a court receives: every document with its hash, the index, the audit chain.
    const exported = await app.run<{
      exportCaseFile: {
        documentCount: number;
        auditChainIntact: boolean;
        sha256: string;
        downloadUrl: string;
      };
    }>(
      `query($id: ID!) { exportCaseFile(caseId: $id) { documentCount auditChainIntact sha256 downloadUrl } }`,
      { id: result.caseId },
      'BJ0001',
    );
    expect(exported.errors, JSON.stringify(exported.errors)).toBeUndefined();
    expect(exported.data!.exportCaseFile).toMatchObject({
      documentCount: documents.length,
      auditChainIntact: true,
      downloadUrl: `/cases/${result.caseId}/case-file.zip`,
    });
    const em = app.orm.em.fork();
    const file = await exportCaseFile(em, await em.findOneOrFail(Case, { id: result.caseId }));
    expect(file.sha256).toBe(exported.data!.exportCaseFile.sha256);
    const zip = await JSZip.loadAsync(file.content);
    const index = JSON.parse(await zip.file('index.json')!.async('string')) as {
      documents: { file: string; sha256: string }[];
      auditChain: { intact: boolean; checkedEvents: number };
    };
    expect(index.documents).toHaveLength(documents.length);
    for (const entry of index.documents) {
      const bytes = await zip.file(entry.file)!.async('nodebuffer');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    }
    expect(index.auditChain.intact).toBe(true);
    expect(index.auditChain.checkedEvents).toBeGreaterThanOrEqual(15);
    expect(await zip.file('index.txt')!.async('string')).toContain('哈希链完整');
    // Procedural order, a 送达回证 after each served document (the hearing notice's included),
    // labelled by what it served, and the one-volume .docx with cover, contents and 备考表.
    const ordered = (index.documents as unknown as { kind: string; label: string }[]).map(
      (d) => d.kind,
    );
    expect(ordered[0]).toBe('CASE_SOURCE_REGISTER');
    // After each served document: the blank receipt made with it, then the service's receipt.
    for (const served of ['PRE_PENALTY_NOTICE', 'HEARING_NOTICE', 'PENALTY_DECISION']) {
      expect(ordered[ordered.indexOf(served) + 1], served).toBe('SERVICE_RECEIPT_BLANK');
      expect(ordered[ordered.indexOf(served) + 2], served).toBe('SERVICE_RECEIPT');
    }
    expect(ordered.indexOf('PRE_PENALTY_NOTICE')).toBeLessThan(ordered.indexOf('HEARING_NOTICE'));
    expect(ordered.indexOf('HEARING_RECORD')).toBeLessThan(ordered.indexOf('PENALTY_DECISION'));
    expect(ordered.at(-1)).toBe('CASE_CLOSING_APPROVAL_FORM');
    const labels = (index.documents as unknown as { label: string }[]).map((d) => d.label);
    expect(labels.join('\n')).not.toMatch(/第\d+版/);
    expect(labels).toContain('送达回证（《行政处罚决定书》京网信罚〔2025〕1号）');
    const volume = (
      await mammoth.extractRawText({ buffer: await zip.file('volume.docx')!.async('nodebuffer') })
    ).value;
    for (const sheet of ['行政处罚案卷', '卷内文件目录', '卷内备考表', '页号']) {
      expect(volume).toContain(sheet);
    }
    expect(volume.indexOf('卷内文件目录')).toBeLessThan(volume.indexOf('案件来源登记表'));
    expect(volume.lastIndexOf('结案审批表')).toBeLessThan(volume.indexOf('卷内备考表'));
    expect(volume).toContain('人民币肆拾万元整');

    // 双公示: the decision was published with masked identifiers, amounts in 万元, due within 7 working days.
    // On the test's today (2026-11-22) its 公示期 (to 2026-10-31) is over: asked for expressly.
    const published = await app.run<{
      publications: {
        edges: { node: { fields: Record<string, unknown>; dueBy: string; publishedOn: string } }[];
      };
    }>(
      `{ publications(first: 10, filter: { includeExpired: true }) { edges { node {
        fields { decisionNumber partyName partyCategory partyCode1 idNumber fineAmountWan penaltyCategories decidedOn publicationEndsOn unlawfulActType }
        dueBy publishedOn endsOn
      } } } }`,
      undefined,
      'BJ0001',
    );
    const record = published
      .data!.publications.edges.map((e) => e.node)
      .find((n) => n.fields.decisionNumber === '京网信罚〔2025〕1号')!;
    // 2025-10-31 (Fri) + 7 working days: 11-03 … 11-07, 11-10, 11-11.
    expect(record).toMatchObject({
      publishedOn: '2025-10-31',
      dueBy: '2025-11-11',
      endsOn: '2026-10-31',
    });
    // The standard's fields, typed under their English names (PublicationFields).
    expect(record.fields).toMatchObject({
      fineAmountWan: '40',
      partyName: '北京星河数据科技有限公司',
      penaltyCategories: '警告、罚款',
      decidedOn: '2025-10-31',
      publicationEndsOn: '2026-10-31',
      idNumber: null,
    });
  });
});
