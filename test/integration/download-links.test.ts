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
