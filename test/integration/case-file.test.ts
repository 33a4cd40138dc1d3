import JSZip from 'jszip';
import mammoth from 'mammoth';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyCaseChain } from '../../src/commands/case-events.js';
import { exportCaseFile } from '../../src/commands/case-file.js';
import { CaseDocument } from '../../src/entities/case-document.entity.js';
import { Case } from '../../src/entities/case.entity.js';
import { templatesDir } from '../../src/paths.js';
import {
  DECISION_CONTENT,
  FINE_50K,
  noticeServedCase,
  officerId,
  okStep,
  runStep,
  waiveBothRights,
} from '../support/procedure-steps.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

/**
 * The complete 案卷 through the API: the documents steps now produce (陈述申辩笔录, 送达公告,
 * 延期（分期）缴纳罚款决定书), correctDocument (both versions kept, notice, chain intact), the
 * export in procedural order with its one-volume .docx, and the templates as managed data.
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const HEAD = 'BJ0001';
const HANDLER = 'BJ0002';

interface DocumentRow {
  id: string;
  kind: string;
  title: string;
  number: string | null;
  version: number;
  sha256: string;
  template: { name: string; version: string; sha256: string; text: string } | null;
}

async function documents(caseId: string): Promise<DocumentRow[]> {
  const result = await app.run<{ case: { documents: DocumentRow[] } }>(
    `query($id: ID!) { case(id: $id) { documents { id kind title number version sha256 template { name version sha256 text } } } }`,
    { id: caseId },
    HEAD,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case.documents;
}

async function textOf(documentId: string): Promise<string> {
  const row = await app.orm.em
    .fork()
    .findOneOrFail(CaseDocument, { id: documentId }, { populate: ['content'] });
  return (await mammoth.extractRawText({ buffer: row.content })).value;
}

/** Notice served Fri 2025-09-26, rights waived Mon 09-29, decided Tue 09-30 (v6). */
async function decidedCase(): Promise<string> {
  const caseId = await noticeServedCase(app);
  await waiveBothRights(app, caseId);
  app.setToday('2025-09-30');
  await okStep(
    app,
    'decideCase',
    {
      caseId,
      expectedVersion: 5,
      input: {
        outcome: 'PENALTY',
        penalties: FINE_50K,
        reasons: '依法处罚',
        illegalGainsYuan: '0',
        content: DECISION_CONTENT,
      },
    },
    HEAD,
  );
  return caseId;
}

async function serveLetterDirectly(caseId: string): Promise<void> {
  const letter = (await documents(caseId)).find((d) => d.kind === 'PENALTY_DECISION')!;
  await okStep(
    app,
    'serveDocument',
    {
      caseId,
      expectedVersion: 6,
      input: {
        documentIds: [letter.id],
        method: 'DIRECT',
        servedOn: '2025-09-30',
        serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
        facts: {
          recipientName: '周明远',
          recipientRole: 'LEGAL_REPRESENTATIVE',
          signed: true,
          signedOn: '2025-09-30',
        },
      },
    },
    HANDLER,
  );
}

describe('documents the steps now produce', () => {
  it('recordStatement with the oral statement’s content makes the 陈述申辩笔录', async () => {
    const caseId = await noticeServedCase(app);
    app.setToday('2025-09-29');
    await okStep(
      app,
      'recordStatement',
      {
        caseId,
        expectedVersion: 4,
        input: {
          receivedOn: '2025-09-29',
          channel: 'ORAL',
          summary: '已整改，请求从轻处罚',
          record: {
            startTime: '14:00',
            endTime: '14:40',
            place: '北京市互联网信息办公室询问室',
            statedBy: '周明远',
            statedByRole: '当事人的法定代表人',
            recorder: '钱某',
            content: ['我公司已于2025年9月完成整改。', '请求从轻处罚。'],
          },
        },
      },
      HANDLER,
    );
    const record = (await documents(caseId)).find((d) => d.kind === 'STATEMENT_RECORD')!;
    expect(record).toMatchObject({ title: '陈述申辩笔录', number: null, version: 1 });
    const text = await textOf(record.id);
    expect(text).toContain('陈述申辩人：我公司已于2025年9月完成整改。');
    expect(text).toContain('2025年9月29日14时00分至14时40分');
    expect(text).toContain('第四十五条');
  });

  it('service by public notice produces the 送达公告 besides the 送达回证', async () => {
    const caseId = await decidedCase();
    const letter = (await documents(caseId)).find((d) => d.kind === 'PENALTY_DECISION')!;
    app.setToday('2025-10-13');
    await okStep(
      app,
      'serveDocument',
      {
        caseId,
        expectedVersion: 6,
        input: {
          documentIds: [letter.id],
          method: 'PUBLIC_NOTICE',
          servedOn: '2025-10-13',
          facts: {
            publicNoticeGround: 'WHEREABOUTS_UNKNOWN',
            publicationMedium: '北京市互联网信息办公室网站',
            reasonAndProcess: '经直接送达、邮寄送达均无法送达，当事人下落不明。',
          },
        },
      },
      HANDLER,
    );
    const rows = await documents(caseId);
    expect(rows.filter((d) => d.kind === 'SERVICE_RECEIPT')).toHaveLength(1);
    const notice = rows.find((d) => d.kind === 'SERVICE_PUBLIC_NOTICE')!;
    expect(notice.number).toMatch(/^京网信送公〔2025〕\d+号$/);
    const text = await textOf(notice.id);
    expect(text).toContain(`《行政处罚决定书》（${letter.number}）`);
    expect(text).toContain('受送达人下落不明');
    expect(text).toContain('北京市互联网信息办公室网站');
    expect(text).toContain('视为送达');
  });

  it('decidePaymentArrangement issues the 延期（分期）缴纳罚款决定书 with the approved instalments', async () => {
    const caseId = await decidedCase();
    await serveLetterDirectly(caseId);
    app.setToday('2025-10-09');
    await okStep(
      app,
      'applyForDeferral',
      {
        caseId,
        expectedVersion: 7,
        input: { kind: 'INSTALMENTS', appliedOn: '2025-10-09', reason: '经营困难' },
      },
      HANDLER,
    );
    const arrangements = await app.run<{ case: { paymentArrangements: { id: string }[] } }>(
      `query($id: ID!) { case(id: $id) { paymentArrangements { id } } }`,
      { id: caseId },
      HEAD,
    );
    app.setToday('2025-10-10');
    await okStep(
      app,
      'decidePaymentArrangement',
      {
        caseId,
        expectedVersion: 8,
        input: {
          arrangementId: arrangements.data!.case.paymentArrangements[0]!.id,
          approved: true,
          decidedOn: '2025-10-10',
          approval: { approvedById: officerId(app, HEAD), approvedOn: '2025-10-10', written: true },
          // Across the year end: 2025-12-31 and 2026-01-30.
          schedule: [
            { dueOn: '2025-12-31', amountYuan: '25000' },
            { dueOn: '2026-01-30', amountYuan: '25000' },
          ],
        },
      },
      HEAD,
    );
    const decision = (await documents(caseId)).find(
      (d) => d.kind === 'PAYMENT_ARRANGEMENT_DECISION',
    )!;
    expect(decision.number).toMatch(/^京网信缓罚〔2025〕\d+号$/);
    const text = await textOf(decision.id);
    expect(text).toContain('同意你单位分期缴纳罚款');
    expect(text).toContain('2025年12月31日前');
    expect(text).toContain('2026年1月30日前');
    expect(text).toContain('25,000.00元');
    expect(text).toContain('《中华人民共和国行政处罚法》第六十六条第二款');
  });
});

const CORRECT = `mutation($input: CorrectDocumentInput!) {
  correctDocument(input: $input) {
    original { id version number sha256 }
    corrected { id version number sha256 }
    notice { id kind number }
  }
}`;

describe('corrections without overwriting, and the case file', () => {
  it('a served decision letter is corrected only through correctDocument: both versions, the notice, an intact chain; the export orders and binds them', async () => {
    const caseId = await decidedCase();
    await serveLetterDirectly(caseId);
    const letter = (await documents(caseId)).find((d) => d.kind === 'PENALTY_DECISION')!;
    app.setToday('2025-10-09');

    // Regenerating a served decision letter is refused, citing the rule.
    const regenerate = await app.run(
      `mutation($caseId: ID!) { generateDocument(caseId: $caseId, kind: PENALTY_DECISION, sections: {}) { id } }`,
      { caseId },
      HANDLER,
    );
    expect(errorCode(regenerate)).toBe('SERVED_DOCUMENT_CORRECTION_ONLY');
    expect(regenerate.errors![0]!.message).toContain('补正（更正）');

    const model = (await app.orm.em.fork().findOneOrFail(CaseDocument, { id: letter.id }))
      .model as { party: { address: string } };
    const input = {
      documentId: letter.id,
      kind: 'CORRECTION',
      reason: '当事人住所书写错误',
      approverId: officerId(app, HEAD),
      changes: [{ path: 'party.address', value: '北京市海淀区中关村大街28号', item: '当事人住所' }],
    };
    // Only the head approves a correction.
    const byHandler = await app.run(
      CORRECT,
      { input: { ...input, approverId: officerId(app, HANDLER) } },
      HANDLER,
    );
    expect(errorCode(byHandler)).toBe('CORRECTION_APPROVER_NOT_HEAD');
    const badPath = await app.run(
      CORRECT,
      { input: { ...input, changes: [{ path: 'party.nonexistent', value: 'x' }] } },
      HANDLER,
    );
    expect(errorCode(badPath)).toBe('PATH_NOT_IN_DOCUMENT');

    const corrected = await app.run<{
      correctDocument: {
        original: { id: string; version: number; number: string; sha256: string };
        corrected: { id: string; version: number; number: string; sha256: string };
        notice: { id: string; kind: string; number: string };
      };
    }>(CORRECT, { input }, HANDLER);
    expect(corrected.errors, JSON.stringify(corrected.errors)).toBeUndefined();
    const result = corrected.data!.correctDocument;
    expect(result.original).toEqual({
      id: letter.id,
      version: 1,
      number: letter.number,
      sha256: letter.sha256,
    });
    expect(result.corrected).toMatchObject({ version: 2, number: letter.number });
    expect(result.corrected.sha256).not.toBe(letter.sha256);
    expect(result.notice.kind).toBe('CORRECTION_NOTICE');
    expect(result.notice.number).toMatch(/^京网信更正〔2025〕\d+号$/);

    // The served original is unchanged; the new version differs exactly in the address.
    const originalText = await textOf(letter.id);
    const correctedText = await textOf(result.corrected.id);
    expect(originalText).toContain(model.party.address);
    expect(correctedText).toContain('北京市海淀区中关村大街28号');
    expect(correctedText.replace('北京市海淀区中关村大街28号', model.party.address)).toBe(
      originalText,
    );
    const noticeText = await textOf(result.notice.id);
    expect(noticeText).toContain('文书更正通知书');
    expect(noticeText).toContain('当事人住所书写错误');
    expect(noticeText).toContain(model.party.address);
    expect(noticeText).toContain('北京市海淀区中关村大街28号');
    expect(noticeText).toContain(app.demo.officers[HEAD]!.name);

    // The audit chain records the correction (both documents) and still verifies.
    const em = app.orm.em.fork();
    const chain = await verifyCaseChain(em, caseId);
    expect(chain.intact).toBe(true);
    const events = await em.find(
      (await import('../../src/entities/case-event.entity.js')).CaseEvent,
      { case: caseId, action: 'correctDocument' },
    );
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      original: { id: letter.id, sha256: letter.sha256 },
      documents: [
        { id: result.corrected.id, version: 2, sha256: result.corrected.sha256 },
        { id: result.notice.id },
      ],
    });

    // The corrected version is served with its notice through serveDocument: a 送达回证 lists
    // both, the case keeps its status and no period starts again (they run from the original
    // service); without its notice, or the original again, it is refused and nothing is written.
    const state = async () =>
      (
        await app.run<{
          case: {
            version: number;
            status: string;
            deadlines: { kind: string; triggerDate: string; dueDate: string }[];
          };
        }>(
          `query($id: ID!) { case(id: $id) { version status deadlines { kind triggerDate dueDate } } }`,
          { id: caseId },
          HEAD,
        )
      ).data!.case;
    const before = await state();
    const serveCorrected = (documentIds: string[]) =>
      runStep(
        app,
        'serveDocument',
        {
          caseId,
          expectedVersion: before.version,
          input: {
            documentIds,
            method: 'DIRECT',
            servedOn: '2025-10-09',
            serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
            facts: {
              recipientName: '周明远',
              recipientRole: 'LEGAL_REPRESENTATIVE',
              signed: true,
              signedOn: '2025-10-09',
            },
          },
        },
        HANDLER,
      );
    const counts = await app.tableCounts();
    expect(errorCode(await serveCorrected([result.corrected.id]))).toBe(
      'CORRECTION_NOTICE_NOT_SERVED',
    );
    expect(errorCode(await serveCorrected([letter.id, result.notice.id]))).toBe(
      'DOCUMENT_SUPERSEDED',
    );
    expect(await app.tableCounts()).toEqual(counts);
    const servedAgain = await serveCorrected([result.corrected.id, result.notice.id]);
    expect(servedAgain.errors, JSON.stringify(servedAgain.errors)).toBeUndefined();
    const after = await state();
    expect(after.status).toBe(before.status);
    expect(after.deadlines).toEqual(before.deadlines);
    const receiptsNow = (await documents(caseId)).filter((d) => d.kind === 'SERVICE_RECEIPT');
    expect(receiptsNow).toHaveLength(2);
    const receiptTexts = await Promise.all(receiptsNow.map((r) => textOf(r.id)));
    const correctedReceipt = receiptTexts.find((t) => t.includes('文书更正通知书'))!;
    expect(correctedReceipt).toContain(`《行政处罚决定书》（${letter.number}）`);
    expect(correctedReceipt).toContain(`《文书更正通知书》（${result.notice.number}）`);
    expect((await verifyCaseChain(em, caseId)).intact).toBe(true);

    // The case file: procedural order, receipts labelled by what they served, one volume.
    const file = await exportCaseFile(em, await em.findOneOrFail(Case, { id: caseId }));
    const zip = await JSZip.loadAsync(file.content);
    const index = JSON.parse(await zip.file('index.json')!.async('string')) as {
      documents: {
        kind: string;
        label: string;
        version: number;
        pages: string;
        sha256: string;
        file: string;
      }[];
    };
    const kinds = index.documents.map((d) => d.kind);
    expect(kinds.indexOf('PRE_PENALTY_NOTICE')).toBeLessThan(kinds.indexOf('PENALTY_DECISION'));
    const letters = index.documents.filter((d) => d.kind === 'PENALTY_DECISION');
    expect(letters.map((d) => d.label)).toEqual([
      '行政处罚决定书（第1版）',
      '行政处罚决定书（第2版）',
    ]);
    // Right after the original: its receipt; right after the corrected version: the notice.
    const at = (kind: string, version = 1) =>
      index.documents.findIndex((d) => d.kind === kind && d.version === version);
    expect(index.documents[at('PENALTY_DECISION') + 1]!.kind).toBe('SERVICE_RECEIPT_BLANK');
    expect(index.documents[at('PENALTY_DECISION') + 2]!.kind).toBe('SERVICE_RECEIPT');
    expect(index.documents[at('PENALTY_DECISION', 2) + 1]!.kind).toBe('CORRECTION_NOTICE');
    const receipts = index.documents.filter((d) => d.kind === 'SERVICE_RECEIPT');
    for (const receipt of receipts) {
      expect(receipt.label).not.toMatch(/第\d+版/);
      expect(receipt.label).toMatch(/^送达回证（《.+》/);
    }
    expect(receipts.map((r) => r.label)).toContain(
      `送达回证（《行政处罚决定书》${letter.number}）`,
    );
    for (const entry of index.documents) {
      const bytes = await zip.file(entry.file)!.async('nodebuffer');
      expect(createHash('sha256').update(bytes).digest('hex')).toBe(entry.sha256);
    }

    // The volume: cover, contents with page numbers, every document in the same order, 备考表.
    const volume = (
      await mammoth.extractRawText({
        buffer: await zip.file('volume.docx')!.async('nodebuffer'),
      })
    ).value;
    const positions = [
      '行政处罚案卷',
      '卷内文件目录',
      '行政处罚事先告知书',
      '行政处罚决定书',
      '文书更正通知书',
      '卷内备考表',
    ].map((s) => volume.indexOf(s));
    expect(
      positions.every((p) => p >= 0),
      JSON.stringify(positions),
    ).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(volume).toContain('页号');
    expect(volume).toContain(`共${file.volume.pageCount}页`);
    // Both versions of the letter are bound in: the old and the new address.
    expect(volume).toContain(model.party.address);
    expect(volume).toContain('北京市海淀区中关村大街28号');
    // The same case file packs to the same bytes.
    const again = await exportCaseFile(em, await em.findOneOrFail(Case, { id: caseId }));
    expect(again.sha256).toBe(file.sha256);
  });
});

describe('templates as managed data', () => {
  it('documentTemplates lists every template with its version and hash; a stored document names the template text it used', async () => {
    const listed = await app.run<{
      documentTemplates: {
        kinds: string[];
        file: string;
        version: string;
        sha256: string;
        text: string;
        usedVersions: { sha256: string; name: string }[];
      }[];
    }>(
      `{ documentTemplates { kinds file version sha256 text usedVersions { sha256 name } } }`,
      undefined,
      HANDLER,
    );
    expect(listed.errors, JSON.stringify(listed.errors)).toBeUndefined();
    const templates = listed.data!.documentTemplates;
    expect(templates.flatMap((t) => t.kinds).length).toBeGreaterThanOrEqual(42);
    for (const template of templates) {
      const text = readFileSync(join(templatesDir, template.file), 'utf8');
      expect(template.text).toBe(text);
      expect(template.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    }
    const caseId = await decidedCase();
    const letter = (await documents(caseId)).find((d) => d.kind === 'PENALTY_DECISION')!;
    const file = templates.find((t) => t.kinds.includes('PENALTY_DECISION'))!;
    expect(letter.template).toEqual({
      name: file.file,
      version: file.version,
      sha256: file.sha256,
      text: file.text,
    });
    const after = await app.run<{
      documentTemplates: { file: string; usedVersions: { sha256: string }[] }[];
    }>(`{ documentTemplates { file usedVersions { sha256 } } }`, undefined, HANDLER);
    expect(
      after.data!.documentTemplates.find((t) => t.file === file.file)!.usedVersions,
    ).toContainEqual({ sha256: file.sha256 });
  });
});
