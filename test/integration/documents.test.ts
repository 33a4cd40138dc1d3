import { Ajv2020 } from 'ajv/dist/2020.js';
import JSZip from 'jszip';
import mammoth from 'mammoth';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { documentDefinition } from '../../src/documents/document-registry.js';
import { findSoffice } from '../../src/documents/pdf.js';
import { publishPenaltyDecision } from '../../src/commands/publications.js';
import { loadWorkingDayCalendar } from '../../src/db/seed/reference-data.js';
import { Case } from '../../src/entities/case.entity.js';
import { Decision } from '../../src/entities/decision.entity.js';
import { DomainEvent } from '../../src/entities/domain-event.entity.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

let app: TestApp;
let http: ZhifaApp;
let base: string;

beforeAll(async () => {
  app = await createTestApp();
  http = await createApp({ orm: app.orm, jwt: app.jwt, production: false, logError: () => {} });
  await new Promise<void>((resolve) => http.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await http?.apollo.stop();
  await app?.close();
});

const GENERATE = `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) {
  generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id kind title number version sha256 sizeBytes downloadUrl }
}`;

type Generated = {
  generateDocument: {
    id: string;
    kind: string;
    title: string;
    number: string | null;
    version: number;
    sha256: string;
    sizeBytes: number;
    downloadUrl: string;
  };
};

const sample = (kind: 'HEARING_NOTICE' | 'INQUIRY_TRANSCRIPT') =>
  documentDefinition(kind).sampleInput;

async function download(url: string, certificate = 'BJ0002') {
  return fetch(`${base}${url}`, {
    headers: { authorization: `Bearer ${app.tokenFor(certificate)}` },
  });
}

describe('documents generated on demand, stored for good', () => {
  it('generates an inquiry transcript from the case data plus the supplied section, and serves the exact bytes', async () => {
    const caseId = app.demo.cases.xinghePersonalInformation!.id;
    const result = await app.run<Generated>(
      GENERATE,
      {
        caseId,
        kind: 'INQUIRY_TRANSCRIPT',
        sections: { inquiry: sample('INQUIRY_TRANSCRIPT').inquiry },
      },
      'BJ0002',
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const generated = result.data!.generateDocument;
    expect(generated).toMatchObject({ kind: 'INQUIRY_TRANSCRIPT', version: 1, number: null });

    const response = await download(generated.downloadUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(response.headers.get('content-disposition')).toContain(
      `filename*=UTF-8''${encodeURIComponent('询问笔录')}`,
    );
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(generated.sha256);
    const { value: text } = await mammoth.extractRawText({ buffer: bytes });
    expect(text).toContain('北京市互联网信息办公室');
    expect(text).toContain(sample('INQUIRY_TRANSCRIPT').inquiry!.interviewee.name);
    expect(text).toContain(app.demo.cases.xinghePersonalInformation!.number);
  });

  it('APL art. 55: documentKinds serves the JSON Schemas; a real stored model validates against the served modelSchema', async () => {
    const caseId = app.demo.cases.xinghePersonalInformation!.id;
    const kinds = await app.run<{
      documentKinds: {
        kind: string;
        name: string;
        sections: string[];
        sectionsSchema: object;
        modelSchema: object;
      }[];
    }>(
      `query($kinds: [DocumentKind!]) { documentKinds(kinds: $kinds) { kind name sections sectionsSchema modelSchema } }`,
      { kinds: ['INQUIRY_TRANSCRIPT'] },
      'BJ0002',
    );
    expect(kinds.errors, JSON.stringify(kinds.errors)).toBeUndefined();
    const [inquiry] = kinds.data!.documentKinds;
    expect(inquiry).toMatchObject({
      kind: 'INQUIRY_TRANSCRIPT',
      name: '询问笔录',
      sections: ['inquiry'],
    });
    const result = await app.run<{ generateDocument: { id: string } }>(
      `mutation($caseId: ID!, $sections: JSON) {
        generateDocument(caseId: $caseId, kind: INQUIRY_TRANSCRIPT, sections: $sections) { id }
      }`,
      { caseId, sections: { inquiry: sample('INQUIRY_TRANSCRIPT').inquiry } },
      'BJ0002',
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const stored = await app.run<{
      case: { documents: { id: string; model: unknown; modelSchema: object }[] };
    }>(
      `query($id: ID!) { case(id: $id) { documents { id model modelSchema } } }`,
      { id: caseId },
      'BJ0002',
    );
    const document = stored.data!.case.documents.find(
      (d) => d.id === result.data!.generateDocument.id,
    )!;
    expect(document.modelSchema).toEqual(inquiry!.modelSchema);
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validModel = ajv.compile(inquiry!.modelSchema);
    expect(validModel(document.model), JSON.stringify(validModel.errors)).toBe(true);
    // The same schema refuses what is not such a model.
    expect(validModel({ ...(document.model as object), inquiry: { questions: 'none' } })).toBe(
      false,
    );
    const validSections = ajv.compile(inquiry!.sectionsSchema);
    expect(validSections({ inquiry: sample('INQUIRY_TRANSCRIPT').inquiry })).toBe(true);
  });

  it('APL art. 55: sections with three bad fields in three places are refused at once, each at its input path, writing nothing', async () => {
    const before = await app.tableCounts();
    const inquiry = sample('INQUIRY_TRANSCRIPT').inquiry!;
    const result = await app.run(
      GENERATE,
      {
        caseId: app.demo.cases.xinghePersonalInformation!.id,
        kind: 'INQUIRY_TRANSCRIPT',
        sections: {
          inquiry: {
            ...inquiry,
            palce: '北京市海淀区',
            questions: [inquiry.questions[0], { question: '是否属实？', answer: 42 }],
          },
          facts: '不是列表',
        },
      },
      'BJ0002',
    );
    expect(errorCode(result)).toBe('INPUT_INVALID');
    const errors = result.errors![0]!.extensions!.validationErrors as {
      code: string;
      inputPath: string;
    }[];
    expect(errors.map((e) => e.inputPath).sort()).toEqual([
      'sections.facts',
      'sections.inquiry.palce',
      'sections.inquiry.questions[1].answer',
    ]);
    expect(errors.every((e) => e.code === 'DOCUMENT_SECTIONS_INVALID')).toBe(true);
    expect(await app.tableCounts()).toEqual(before);
    // previewDocument checks the same way.
    const preview = await app.run(
      `query($caseId: ID!, $sections: JSON) { previewDocument(caseId: $caseId, kind: INQUIRY_TRANSCRIPT, sections: $sections) { title } }`,
      {
        caseId: app.demo.cases.xinghePersonalInformation!.id,
        sections: { inquiry: { date: 20251001 } },
      },
      'BJ0002',
    );
    expect(errorCode(preview)).toBe('DOCUMENT_SECTIONS_INVALID');
    expect(preview.errors![0]!.extensions).toMatchObject({
      validationErrors: [{ inputPath: 'sections.inquiry.date' }],
    });
  });

  it('a missing section refuses generation, naming it, and writes nothing', async () => {
    const before = await app.tableCounts();
    const result = await app.run(
      GENERATE,
      { caseId: app.demo.cases.xinghePersonalInformation!.id, kind: 'INQUIRY_TRANSCRIPT' },
      'BJ0002',
    );
    expect(errorCode(result)).toBe('DOCUMENT_INCOMPLETE');
    expect(result.errors![0]!.message).toContain('inquiry');
    expect(await app.tableCounts()).toEqual(before);
  });

  it('numbers outward documents per office, year and kind without gaps, and keeps every version', async () => {
    const caseId = app.demo.cases.xinghePersonalInformation!.id;
    const sections = {
      notice: sample('HEARING_NOTICE').notice,
      hearing: sample('HEARING_NOTICE').hearing,
    };
    const first = await app.run<Generated>(
      GENERATE,
      { caseId, kind: 'HEARING_NOTICE', sections },
      'BJ0002',
    );
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    // A refused generation must not consume a number.
    await app.run(
      GENERATE,
      { caseId, kind: 'HEARING_NOTICE', sections: { notice: sections.notice } },
      'BJ0002',
    );
    const second = await app.run<Generated>(
      GENERATE,
      { caseId, kind: 'HEARING_NOTICE', sections },
      'BJ0002',
    );
    expect(first.data!.generateDocument).toMatchObject({
      number: '京网信听通〔2026〕1号',
      version: 1,
    });
    expect(second.data!.generateDocument).toMatchObject({
      number: '京网信听通〔2026〕2号',
      version: 2,
    });
    const listed = await app.run<{
      case: { documents: { kind: string; version: number }[]; events: { action: string }[] };
    }>(
      `query($id: ID!) { case(id: $id) { documents { kind version } events { action } } }`,
      { id: caseId },
      'BJ0001',
    );
    expect(
      listed.data!.case.documents.filter((d) => d.kind === 'HEARING_NOTICE').map((d) => d.version),
    ).toEqual([1, 2]);
    expect(
      listed.data!.case.events.filter((e) => e.action === 'generateDocument').length,
    ).toBeGreaterThanOrEqual(3);
    const docx = await (await download(first.data!.generateDocument.downloadUrl)).arrayBuffer();
    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    expect(xml).toContain('京网信听通〔2026〕1号');
  });

  it('a stored document cannot be changed or deleted', async () => {
    const connection = app.orm.em.getConnection();
    await expect(connection.execute(`update case_document set number = 'forged'`)).rejects.toThrow(
      /immutable/,
    );
    await expect(connection.execute(`delete from case_document`)).rejects.toThrow(/immutable/);
  });

  it('only callers whose office covers the case may download; unknown kinds and foreign cases are refused', async () => {
    const caseId = app.demo.cases.xinghePersonalInformation!.id;
    const doc = await app.run<Generated>(
      GENERATE,
      {
        caseId,
        kind: 'INQUIRY_TRANSCRIPT',
        sections: { inquiry: sample('INQUIRY_TRANSCRIPT').inquiry },
      },
      'BJ0002',
    );
    expect((await download(doc.data!.generateDocument.downloadUrl, 'SH0001')).status).toBe(404);
    expect((await fetch(`${base}${doc.data!.generateDocument.downloadUrl}`)).status).toBe(401);
    expect(errorCode(await app.run(GENERATE, { caseId, kind: 'NO_SUCH_KIND' }, 'BJ0002'))).toBe(
      'BAD_USER_INPUT',
    );
    expect(
      errorCode(
        await app.run(GENERATE, { caseId, kind: 'INQUIRY_TRANSCRIPT', sections: {} }, 'SH0002'),
      ),
    ).toBe('CASE_NOT_FOUND');
  });

  it('an office sets its own number format; a format that could repeat numbers is refused', async () => {
    const UPDATE = `mutation($id: ID!, $format: String) { updateOffice(id: $id, input: { documentNumberFormat: $format }) { documentNumberFormat } }`;
    const shanghai = app.demo.offices.shanghai!.id;
    const bad = await app.run(
      UPDATE,
      { id: shanghai, format: '沪网信{code}〔{year}〕号' },
      'SH0006',
    );
    expect(errorCode(bad)).toBe('INVALID_DOCUMENT_NUMBER_FORMAT');
    const ok = await app.run<{ updateOffice: { documentNumberFormat: string } }>(
      UPDATE,
      { id: shanghai, format: '{shortName}{code}字〔{year}〕第{serial}号' },
      'SH0006',
    );
    expect(ok.data!.updateOffice.documentNumberFormat).toBe(
      '{shortName}{code}字〔{year}〕第{serial}号',
    );
    const generated = await app.run<Generated>(
      GENERATE,
      {
        caseId: app.demo.cases.yunfanDataSecurity!.id,
        kind: 'HEARING_NOTICE',
        sections: {
          notice: sample('HEARING_NOTICE').notice,
          hearing: sample('HEARING_NOTICE').hearing,
        },
      },
      'SH0002',
    );
    expect(generated.data!.generateDocument.number).toBe('沪网信听通字〔2026〕第1号');
  });

  it('renders a PDF where LibreOffice is installed, and says clearly when it is not', async () => {
    const caseId = app.demo.cases.xinghePersonalInformation!.id;
    const doc = await app.run<Generated>(
      GENERATE,
      {
        caseId,
        kind: 'INQUIRY_TRANSCRIPT',
        sections: { inquiry: sample('INQUIRY_TRANSCRIPT').inquiry },
      },
      'BJ0002',
    );
    const response = await download(`${doc.data!.generateDocument.downloadUrl}?format=pdf`);
    if (await findSoffice()) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/pdf');
      const pdf = Buffer.from(await response.arrayBuffer()).toString('latin1');
      expect(pdf.startsWith('%PDF')).toBe(true);
      expect((pdf.match(/\/Type\s*\/Page\b/g) ?? []).length).toBeGreaterThanOrEqual(1);
    } else {
      expect(response.status).toBe(501);
      expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
        'PDF_RENDERER_UNAVAILABLE',
      );
    }
  }, 120_000);

  it('publishes a penalty decision to the public 双公示 feed, and a withdrawal comes back to portals after their cursor', async () => {
    const em = app.orm.em.fork();
    const found = await em.findOneOrFail(Case, { id: app.demo.cases.yunfanDataSecurity!.id });
    const decision = await em.findOneOrFail(Decision, { case: found });
    const [publication] = await publishPenaltyDecision(
      em,
      found,
      decision,
      '未履行数据安全保护义务',
      await loadWorkingDayCalendar(em),
    );
    await em.flush();
    type Feed = {
      items: { id: string; withdrawnOn: string | null; fields: Record<string, unknown> }[];
      next: string | null;
    };
    const first = (await (await fetch(`${base}/feeds/publications.json`)).json()) as Feed;
    const item = first.items.find((i) => i.id === publication!.id)!;
    expect(item.fields).toMatchObject({
      行政处罚决定书文号: '沪网信罚〔2026〕1号',
      罚款金额: '20',
      行政相对人名称: '上海云帆网络信息技术有限公司',
    });
    expect(item.withdrawnOn).toBeNull();
    const cursor = first.next!;
    const quiet = (await (
      await fetch(`${base}/feeds/publications.json?since=${cursor}`)
    ).json()) as Feed;
    expect(quiet.items).toEqual([]);
    const withdrawn = await app.run(
      `mutation($input: WithdrawPublicationInput!) { withdrawPublication(input: $input) { withdrawnOn withdrawalDueBy } }`,
      {
        input: {
          publicationId: publication!.id,
          decisionChangedOn: '2026-11-20',
          reason: '行政复议决定撤销原处罚决定',
        },
      },
      'SH0001',
    );
    // Changed on Fri 11-20: 3 working days are 11-23, 11-24, 11-25.
    expect(withdrawn.data).toEqual({
      withdrawPublication: { withdrawnOn: '2026-11-22', withdrawalDueBy: '2026-11-25' },
    });
    const after = (await (
      await fetch(`${base}/feeds/publications.json?since=${cursor}`)
    ).json()) as Feed;
    expect(after.items.map((i) => [i.id, i.withdrawnOn])).toEqual([
      [publication!.id, '2026-11-22'],
    ]);
    expect((await fetch(`${base}/feeds/publications.json?since=garbage`)).status).toBe(400);
    // Portals subscribed to events are told too, from the same transactions.
    const events = await app.orm.em.fork().find(DomainEvent, {
      caseId: found.id,
      type: { $in: ['PUBLICATION_DUE', 'PUBLICATION_WITHDRAWN'] },
    });
    expect(events.map((e) => e.type).sort()).toEqual(['PUBLICATION_DUE', 'PUBLICATION_WITHDRAWN']);
    const withdrawal = events.find((e) => e.type === 'PUBLICATION_WITHDRAWN')!;
    expect(withdrawal.payload).toMatchObject({
      data: { publicationId: publication!.id, withdrawalDueBy: '2026-11-25' },
    });
  });
});
