import { MikroORM } from '@mikro-orm/postgresql';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { createOrmConfig } from '../../src/db/mikro-orm.config.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 11, D3/D4/D7/D8: one JSON error shape on every route, in production mode.
 * Requests go to loopback only, with a fixed seed, so every run sends the same 2 000.
 */
let test: TestApp;
let app: ZhifaApp;
let base: URL;
const logged: string[] = [];

beforeAll(async () => {
  test = await createTestApp();
  app = await createApp({
    orm: test.orm,
    jwt: test.jwt,
    production: true,
    logError: ({ errorId }) => logged.push(errorId),
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  base = new URL(`http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`);
});

afterAll(async () => {
  await app?.apollo.stop();
  await test?.close();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

interface RawRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

/** A raw HTTP/1.1 request (fetch would normalise the URL and headers we want malformed). */
function send(target: URL, req: RawRequest): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const body = req.body === undefined ? undefined : Buffer.from(req.body);
    const r = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        method: req.method,
        path: req.path,
        headers: {
          ...(body ? { 'content-length': String(body.length) } : {}),
          ...req.headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    if (body) {
      r.write(body);
    }
    r.end();
  });
}

/** mulberry32: a small deterministic PRNG, so the fuzz corpus is the same on every run. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function malformedRequests(count: number, seed: number, token: string): RawRequest[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const bytes = (n: number) =>
    Buffer.from(Array.from({ length: n }, () => Math.floor(random() * 256)));
  const json = 'application/json';
  const auth = { authorization: `Bearer ${token}` };
  const kinds: (() => RawRequest)[] = [
    // Broken JSON.
    () => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': json },
      body: pick([
        '{"query": ',
        '{"query":"{ me { name } }"',
        '[1,2',
        '{',
        '"',
        '{"a":}',
        'nul',
        '{"query":"\\x"}',
      ]),
    }),
    // Random bytes as JSON.
    () => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': json },
      body: bytes(1 + Math.floor(random() * 64)),
    }),
    // Content types and charsets the server does not take.
    () => ({
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': pick([
          'application/json; charset=latin9',
          'application/json; charset=utf-7',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=x',
          'application/xml',
          'application/graphql',
        ]),
      },
      body: '{"query":"{ me { name } }"}',
    }),
    // Bodies over the 100 KB limit.
    () => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': json },
      body: `{"query":"${'x'.repeat(110_000 + Math.floor(random() * 5000))}"}`,
    }),
    // Bad and unknown content encodings.
    () => ({
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': json,
        'content-encoding': pick(['gzip', 'deflate', 'br', 'x-unknown', 'compress']),
      },
      body: random() < 0.5 ? bytes(20) : gzipSync(Buffer.from('{"query":')).subarray(0, 12),
    }),
    // Bad %-escapes on REST routes, with and without a token.
    () => ({
      method: 'GET',
      path: pick([
        '/documents/%E0%A4%A',
        '/cases/%ZZ/case-file.zip',
        '/documents/%',
        '/cases/%C0%80/case-file.zip',
        '/documents/%FF%FE',
      ]),
      headers: random() < 0.5 ? auth : {},
    }),
    // Unknown routes and methods.
    () => ({
      method: pick(['GET', 'POST', 'PUT', 'DELETE', 'PATCH']),
      path: pick([
        '/',
        '/admin',
        '/graphql/x',
        '/documents',
        '/.env',
        '/feeds/x.json',
        `/x${Math.floor(random() * 1000)}`,
      ]),
    }),
    // Deep JSON.
    () => {
      const depth = 2000 + Math.floor(random() * 20000);
      return {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': json },
        body: `{"query":"{ me { name } }","variables":${'['.repeat(depth)}${']'.repeat(depth)}}`,
      };
    },
    // Malformed GraphQL: syntax errors, unknown fields, missing arguments.
    () => ({
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': json, ...(random() < 0.5 ? auth : {}) },
      body: JSON.stringify({
        query: pick([
          '{ me { ',
          '{ offices }',
          '{ case { id } }',
          '{ nope }',
          'mutation { createParty }',
          '{ me { name } } }',
          '{ cases(first: "x") { edges { node { id } } } }',
          'query { ...F }',
        ]),
      }),
    }),
    // Malformed documents and feed queries.
    () => ({
      method: 'GET',
      path: pick([
        '/documents/not-a-uuid?format=pdf',
        '/documents/00000000-0000-0000-0000-000000000000',
        '/feeds/publications.json?since=%%%',
        '/feeds/publications.json?since=abc&limit=x',
        '/cases/x/case-file.zip',
      ]),
      headers:
        random() < 0.5
          ? auth
          : { authorization: pick(['Bearer x.y.z', 'Basic abc', 'Bearer ' + 'a'.repeat(200)]) },
    }),
  ];
  return Array.from({ length: count }, () => pick(kinds)());
}

const STACK = /\bat [^\n]*:\d+:\d+|Error: [^"]*\n\s+at /;
const PATHS = /\/(?:work|home|usr|root|tmp)\/|node_modules|[A-Z]:\\\\/;

describe('one JSON error shape on every route (production mode)', () => {
  it('2 000 malformed requests: no HTML page, no stack trace, no file path, every error in the JSON shape', async () => {
    const requests = malformedRequests(2000, 1, test.tokenFor('BJ0001'));
    const findings = {
      html: 0,
      stacks: 0,
      paths: 0,
      badUserInputFor5xx: 0,
      notJson: 0,
      serverErrors: 0,
    };
    const statuses = new Map<number, number>();
    for (let i = 0; i < requests.length; i += 8) {
      const answers = await Promise.all(requests.slice(i, i + 8).map((r) => send(base, r)));
      for (const answer of answers) {
        statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
        const type = String(answer.headers['content-type'] ?? '');
        if (/html/i.test(type) || /<html|<pre>|<!DOCTYPE/i.test(answer.body)) {
          findings.html += 1;
        }
        if (STACK.test(answer.body)) {
          findings.stacks += 1;
        }
        if (PATHS.test(answer.body)) {
          findings.paths += 1;
        }
        if (answer.status >= 500) {
          findings.serverErrors += 1;
        }
        if (answer.status >= 500 && answer.body.includes('BAD_USER_INPUT')) {
          findings.badUserInputFor5xx += 1;
        }
        if (answer.status >= 400 && !/json/.test(type)) {
          findings.notJson += 1;
        }
        if (answer.status >= 400 && /json/.test(type)) {
          const parsed = JSON.parse(answer.body) as {
            error?: { code?: string };
            errors?: unknown[];
          };
          expect(parsed.error?.code ?? parsed.errors, answer.body).toBeDefined();
        }
      }
    }
    expect(findings).toEqual({
      html: 0,
      stacks: 0,
      paths: 0,
      badUserInputFor5xx: 0,
      notJson: 0,
      serverErrors: 0,
    });
    // The corpus really hit the HTTP layer's error paths.
    expect(statuses.get(400)).toBeGreaterThan(100);
    expect(statuses.get(404)).toBeGreaterThan(50);
    expect(statuses.get(413)).toBeGreaterThan(50);
    expect(statuses.get(415)).toBeGreaterThan(10);
  }, 240_000); // 2 000 requests on a shared 2-core machine: a generous bound, not a timing assertion

  it('answers each HTTP-layer failure with its status and code', async () => {
    const cases: [RawRequest, number, string][] = [
      [
        {
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json' },
          body: '{"query": ',
        },
        400,
        'MALFORMED_JSON',
      ],
      [
        {
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json' },
          body: `{"query":"${'x'.repeat(200_000)}"}`,
        },
        413,
        'PAYLOAD_TOO_LARGE',
      ],
      [
        {
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json; charset=latin9' },
          body: '{}',
        },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [
        {
          method: 'POST',
          path: '/graphql',
          headers: { 'content-type': 'application/json', 'content-encoding': 'x-unknown' },
          body: '{}',
        },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
      ],
      [{ method: 'GET', path: '/documents/%E0%A4%A' }, 400, 'MALFORMED_URL'],
      [{ method: 'GET', path: '/cases/%ZZ/case-file.zip' }, 400, 'MALFORMED_URL'],
      [{ method: 'GET', path: '/no/such/route' }, 404, 'ROUTE_NOT_FOUND'],
    ];
    for (const [req, status, code] of cases) {
      const answer = await send(base, req);
      expect(answer.status, `${req.method} ${req.path}`).toBe(status);
      const body = JSON.parse(answer.body) as {
        error: { code: string; message: string; errorId: string };
      };
      expect(body.error.code).toBe(code);
      expect(body.error.errorId).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('refuses a JSON scalar nested 5 000 deep as JSON_TOO_DEEP, and accepts ordinary nesting (D9)', async () => {
    // Built as text: JSON.stringify of a 5 000-deep object would overflow the test's own stack.
    const sections = `${'{"a":'.repeat(5000)}"证据"${'}'.repeat(5000)}`;
    const query = `mutation($sections: JSON) { generateDocument(caseId: "00000000-0000-4000-8000-000000000000", kind: INQUIRY_TRANSCRIPT, sections: $sections) { id } }`;
    const deep = await send(base, {
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${test.tokenFor('BJ0002')}`,
      },
      body: `{"query":${JSON.stringify(query)},"variables":{"sections":${sections}}}`,
    });
    expect(deep.status).toBe(400);
    expect(JSON.parse(deep.body).errors[0].extensions.code).toBe('JSON_TOO_DEEP');
    const shallow = await send(base, {
      method: 'POST',
      path: '/graphql',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${test.tokenFor('BJ0002')}`,
      },
      body: JSON.stringify({
        query,
        variables: { sections: { inquiry: { a: { b: { c: '问' } } } } },
      }),
    });
    // Past the depth check: the sections are checked against the kind's JSON Schema (before any
    // SQL), and the unknown field is refused, typed, at its input path.
    expect(JSON.parse(shallow.body).errors[0].extensions).toMatchObject({
      code: 'DOCUMENT_SECTIONS_INVALID',
      validationErrors: [{ inputPath: 'sections.inquiry.a' }],
    });
  });

  it('production serves no landing page and names no schema types in validation errors (D7, D8)', async () => {
    const page = await send(base, {
      method: 'GET',
      path: '/graphql',
      headers: { accept: 'text/html' },
    });
    expect(page.body).not.toMatch(/apollographql|sandbox|<html/i);
    const invalid = await send(base, {
      method: 'POST',
      path: '/graphql',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ offices case { id } }' }),
    });
    expect(invalid.body).not.toMatch(/OfficeConnection|ID!|"offices"|argument/);
    expect(JSON.parse(invalid.body).errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});

describe('database down', () => {
  let downOrm: MikroORM;
  let down: ZhifaApp;
  let downBase: URL;

  beforeAll(async () => {
    // A port nothing listens on: every connection is refused, as when PostgreSQL is stopped.
    const url = new URL(test.clientUrl);
    url.port = '9';
    downOrm = await MikroORM.init({
      ...createOrmConfig({ clientUrl: url.toString() }),
      connect: false,
    });
    down = await createApp({ orm: downOrm, jwt: test.jwt, production: true, logError: () => {} });
    await new Promise<void>((resolve) => down.httpServer.listen(0, '127.0.0.1', resolve));
    downBase = new URL(`http://127.0.0.1:${(down.httpServer.address() as AddressInfo).port}`);
  });

  afterAll(async () => {
    await down?.apollo.stop();
    await downOrm?.close(true);
  });

  it('document routes, the feed and GraphQL answer 503 SERVICE_UNAVAILABLE in JSON, without the database address', async () => {
    const token = test.tokenFor('BJ0001');
    const requests: RawRequest[] = [
      {
        method: 'GET',
        path: '/documents/00000000-0000-4000-8000-000000000000',
        headers: { authorization: `Bearer ${token}` },
      },
      {
        method: 'GET',
        path: '/cases/00000000-0000-4000-8000-000000000000/case-file.zip',
        headers: { authorization: `Bearer ${token}` },
      },
      { method: 'GET', path: '/feeds/publications.json' },
      {
        method: 'POST',
        path: '/graphql',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: '{ me { name } }' }),
      },
    ];
    for (const req of requests) {
      const answer = await send(downBase, req);
      expect(answer.status, req.path).toBe(503);
      expect(answer.headers['retry-after']).toBe('2');
      expect(answer.body).not.toMatch(/ECONNREFUSED|127\.0\.0\.1|:9\b|BAD_USER_INPUT|Knex/);
      const body = JSON.parse(answer.body) as {
        error?: { code: string; errorId: string };
        errors?: { extensions: { code: string; errorId: string } }[];
      };
      const error = body.error ?? body.errors![0]!.extensions;
      expect(error.code).toBe('SERVICE_UNAVAILABLE');
      expect(error.errorId).toMatch(/^[0-9a-f-]{36}$/);
    }
  });
});
