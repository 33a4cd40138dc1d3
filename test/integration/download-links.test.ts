import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { documentDefinition } from '../../src/documents/document-registry.js';
import { createDownloadLinks } from '../../src/http/download-links.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let test: TestApp;
let app: ZhifaApp;
let base: string;
let clock = Date.parse('2026-12-03T08:00:00Z');

beforeAll(async () => {
  test = await createTestApp();
  app = await createApp({
    orm: test.orm,
    jwt: test.jwt,
    production: false,
    logError: () => {},
    downloadLinks: createDownloadLinks('test-download-key', 300, () => clock),
    corsOrigins: ['https://portal.example.gov.cn'],
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.apollo.stop();
  await test?.close();
});

async function graphql<T>(query: string, variables: Record<string, unknown>, certificate: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${test.tokenFor(certificate)}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: T; errors?: unknown[] };
  expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
  return body.data;
}

describe('signed download links', () => {
  it('opens a document from a plain link without an Authorization header, until the link expires', async () => {
    const caseId = test.demo.cases.xinghePersonalInformation!.id;
    const data = await graphql<{ generateDocument: { downloadUrl: string; sha256: string } }>(
      `
        mutation ($caseId: ID!, $sections: JSON) {
          generateDocument(caseId: $caseId, kind: INQUIRY_TRANSCRIPT, sections: $sections) {
            downloadUrl
            sha256
          }
        }
      `,
      {
        caseId,
        sections: { inquiry: documentDefinition('INQUIRY_TRANSCRIPT').sampleInput.inquiry },
      },
      'BJ0002',
    );
    const url = data.generateDocument.downloadUrl;
    expect(url).toMatch(/^\/documents\/[0-9a-f-]{36}\?officer=.+&expires=\d+&signature=/);

    const response = await fetch(`${base}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('x-content-sha256')).toBe(data.generateDocument.sha256);
    expect(response.headers.get('content-disposition')).toMatch(/^attachment;/);

    // A forged signature, another document's path, or no signature: refused.
    // The first character changed (a fixed replacement would leave a signature starting with it intact).
    const forged = url.replace(
      /signature=(.)/,
      (_m, c: string) => `signature=${c === 'A' ? 'B' : 'A'}`,
    );
    expect((await fetch(`${base}${forged}`)).status).toBe(401);
    const otherPath = url.replace(/\/documents\/[0-9a-f-]{36}/, `/documents/${caseId}`);
    expect((await fetch(`${base}${otherPath}`)).status).toBe(401);
    expect((await fetch(`${base}${url.split('?')[0]}`)).status).toBe(401);

    clock += 301_000; // past the 5-minute lifetime
    expect((await fetch(`${base}${url}`)).status).toBe(401);
    clock -= 301_000;
  });

  it('signs the case-file export link too, and still checks the officer’s scope', async () => {
    const caseId = test.demo.cases.xinghePersonalInformation!.id;
    const data = await graphql<{ exportCaseFile: { downloadUrl: string } }>(
      `
        query ($id: ID!) {
          exportCaseFile(caseId: $id) {
            downloadUrl
          }
        }
      `,
      { id: caseId },
      'BJ0002',
    );
    const url = data.exportCaseFile.downloadUrl;
    expect(url).toMatch(/^\/cases\/.+\/case-file\.zip\?officer=/);
    const response = await fetch(`${base}${url}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/zip');
    // A correctly signed link for an officer outside the case's offices still finds nothing.
    const shanghai = createDownloadLinks('test-download-key', 300, () => clock).sign(
      `/cases/${caseId}/case-file.zip`,
      test.demo.officers.SH0001!.id,
    );
    expect((await fetch(`${base}${shanghai}`)).status).toBe(404);
  });
});

describe('约谈笔录 download', () => {
  it('opens the interview record from its signed link, re-hashed; an officer of another province gets 404', async () => {
    const officer = (number: string) => test.demo.officers[number]!.id;
    const data = await graphql<{
      recordInterview: { documents: { kind: string; sha256: string; downloadUrl: string }[] };
    }>(
      `
        mutation ($input: RecordInterviewInput!) {
          recordInterview(input: $input) {
            documents {
              kind
              sha256
              downloadUrl
            }
          }
        }
      `,
      {
        input: {
          partyId: test.demo.parties.xinghe!.id,
          interviewedOn: '2026-12-01',
          legalBasis: 'PIPL_64',
          interviewees: [{ name: '周明远', position: '法定代表人' }],
          officerIds: [officer('BJ0002'), officer('BJ0003')],
          matters: 'App 超范围收集个人信息，存在较大风险；要求限期整改',
          rectificationRequired: true,
          rectificationDueOn: '2027-01-08',
          place: '北京市互联网信息办公室第三会议室',
          startTime: '09:30',
          endTime: '10:40',
          intervieweeStatement: '认可上述问题，将于期限内完成整改',
        },
      },
      'BJ0002',
    );
    const [record] = data.recordInterview.documents;
    expect(record).toMatchObject({ kind: 'INTERVIEW_RECORD' });
    expect(record!.downloadUrl).toMatch(/^\/interview-documents\/[0-9a-f-]+\?/);
    const response = await fetch(`${base}${record!.downloadUrl}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('wordprocessingml');
    const bytes = Buffer.from(await response.arrayBuffer());
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(record!.sha256);
    expect(response.headers.get('x-content-sha256')).toBe(record!.sha256);
    const path = record!.downloadUrl.split('?')[0]!;
    const stranger = await fetch(`${base}${path}`, {
      headers: { authorization: `Bearer ${test.tokenFor('SH0001')}` },
    });
    expect(stranger.status).toBe(404);
    expect((await fetch(`${base}${path}`)).status).toBe(401);
  });
});

describe('CORS allow-list', () => {
  it('answers a preflight from an allowed origin and ignores others', async () => {
    const preflight = await fetch(`${base}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin: 'https://portal.example.gov.cn',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe(
      'https://portal.example.gov.cn',
    );
    expect(preflight.headers.get('access-control-allow-headers')).toContain('authorization');

    const stranger = await fetch(`${base}/healthz`, {
      headers: { origin: 'https://evil.example' },
    });
    expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    const friend = await fetch(`${base}/healthz`, {
      headers: { origin: 'https://portal.example.gov.cn' },
    });
    expect(friend.headers.get('access-control-allow-origin')).toBe('https://portal.example.gov.cn');
    expect(friend.headers.get('vary')).toContain('Origin');
  });
});
