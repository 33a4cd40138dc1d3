import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * `POST /graphql` is served beside Express's router (src/http/graphql-post.ts); other spellings
 * of the path still go through Express to the same handlers. Both must answer alike.
 */
let test: TestApp;
let app: ZhifaApp;
let base: string;
const ORIGIN = 'https://console.example.gov.cn';

beforeAll(async () => {
  test = await createTestApp();
  app = await createApp({
    orm: test.orm,
    jwt: test.jwt,
    production: false,
    corsOrigins: [ORIGIN],
    rateLimits: { perOfficerPerMinute: 1000, perAddressPerMinute: 1000 },
    logError: () => {},
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.apollo.stop();
  await test?.close();
});

function post(path: string, body: string, headers: Record<string, string> = {}) {
  return fetch(`${base}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${test.tokenFor('SH0001')}`,
      ...headers,
    },
    body,
  });
}

/** The headers an answer carries, without the ones that differ per request. */
function headerNames(response: Response): string[] {
  return [...response.headers.keys()]
    .filter((name) => !['date', 'ratelimit'].includes(name))
    .sort();
}

const ME = JSON.stringify({ query: '{ me { name office { name } } }' });

describe('POST /graphql beside the router', () => {
  it('answers as the Express route does: same status, body and headers', async () => {
    const direct = await post('/graphql', ME);
    const throughExpress = await post('/graphql/', ME);
    expect(direct.status).toBe(200);
    expect(throughExpress.status).toBe(200);
    const answer = await direct.text();
    expect(JSON.parse(answer)).toEqual({
      data: { me: { name: expect.any(String), office: { name: '上海市互联网信息办公室' } } },
    });
    expect(await throughExpress.text()).toBe(answer);
    expect(headerNames(direct)).toEqual(headerNames(throughExpress));
    const capitals = await post('/GraphQL', ME);
    expect(await capitals.text()).toBe(answer);
    expect(headerNames(capitals)).toEqual(headerNames(direct));
    expect(direct.headers.get('cache-control')).toBe('no-store');
    expect(direct.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(Number(direct.headers.get('content-length'))).toBe(Buffer.byteLength(answer));
    // The per-address limit ran (its standard headers), as on every route.
    expect(direct.headers.get('ratelimit-policy')).toMatch(/1000-in-1min/);
  });

  it('echoes a sane request id and replaces an unusable one', async () => {
    const kept = await post('/graphql', ME, { 'x-request-id': 'client-42.a:b' });
    expect(kept.headers.get('x-request-id')).toBe('client-42.a:b');
    const replaced = await post('/graphql', ME, { 'x-request-id': 'bad id with spaces' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('gives an allowed origin its CORS headers, and another origin none', async () => {
    const allowed = await post('/graphql', ME, { origin: ORIGIN });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(allowed.headers.get('vary')).toMatch(/origin/i);
    const other = await post('/graphql', ME, { origin: 'https://elsewhere.example' });
    expect(other.status).toBe(200);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers bad JSON, a wrong charset and a deep body in the JSON error shape, with the request id', async () => {
    for (const path of ['/graphql', '/graphql?x=1', '/graphql/']) {
      const malformed = await post(path, '{"query": ', { 'x-request-id': 'req-1' });
      expect(malformed.status, path).toBe(400);
      expect(malformed.headers.get('x-request-id')).toBe('req-1');
      expect(((await malformed.json()) as { error: { code: string } }).error.code).toBe(
        'MALFORMED_JSON',
      );
      const charset = await post(path, '{}', {
        'content-type': 'application/json; charset=latin9',
      });
      expect(charset.status, path).toBe(415);
      expect(((await charset.json()) as { error: { code: string } }).error.code).toBe(
        'UNSUPPORTED_MEDIA_TYPE',
      );
      const deep = await post(
        path,
        `{"query":"{ me { name } }","variables":{"v":${'['.repeat(100)}${']'.repeat(100)}}}`,
      );
      expect(deep.status, path).toBe(400);
      expect(
        ((await deep.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!
          .extensions.code,
      ).toBe('JSON_TOO_DEEP');
    }
  });

  it('leaves Apollo its CSRF refusal for a simple request', async () => {
    const response = await post('/graphql', ME, { 'content-type': 'text/plain' });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      errors: { extensions: { code: string; originalMessage?: string } }[];
    };
    expect(body.errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(body.errors[0]!.extensions.originalMessage ?? '').toMatch(/Cross-Site Request Forgery/);
  });
});
