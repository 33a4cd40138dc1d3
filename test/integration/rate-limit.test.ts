import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** Issue 11: rate limits per officer and per client address, 429 in the JSON error shape. */
let test: TestApp;
const apps: ZhifaApp[] = [];

async function start(rateLimits: { perOfficerPerMinute: number; perAddressPerMinute: number }) {
  const app = await createApp({
    orm: test.orm,
    jwt: test.jwt,
    production: true,
    rateLimits,
    logError: () => {},
  });
  apps.push(app);
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  test = await createTestApp();
});

afterAll(async () => {
  for (const app of apps) {
    await app.apollo.stop();
  }
  await test?.close();
});

function me(base: string, certificate: string, token = test.tokenFor(certificate)) {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
    },
    body: JSON.stringify({ query: '{ me { name } }' }),
  });
}

describe('rate limits', () => {
  it('limits each officer separately: one officer over the limit does not stop another', async () => {
    const base = await start({ perOfficerPerMinute: 3, perAddressPerMinute: 0 });
    for (let i = 0; i < 3; i += 1) {
      expect((await me(base, 'BJ0002')).status).toBe(200);
    }
    const refused = await me(base, 'BJ0002');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await refused.json()) as {
      error: { code: string; message: string; errorId: string };
    };
    expect(body.error.code).toBe('RATE_LIMITED');
    expect(body.error.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.error.message).toMatch(/执法人员/);
    // Another officer from the same address is still served.
    expect((await me(base, 'SH0002')).status).toBe(200);
  });

  it('counts an officer alike whether the token is verified on this request or was verified before', async () => {
    const base = await start({ perOfficerPerMinute: 2, perAddressPerMinute: 0 });
    // Tokens never seen by this process (their own expiry): verified on the way.
    const fresh = test.tokenFor('HD0002', 3_333);
    expect((await me(base, 'HD0002', fresh)).status).toBe(200);
    expect((await me(base, 'HD0002', fresh)).status).toBe(200);
    const refused = await me(base, 'HD0002', test.tokenFor('HD0002', 3_334));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await me(base, 'HD0002', fresh)).status).toBe(429);
    // A token that does not verify is not an officer's: counted by address only (no limit here).
    for (let i = 0; i < 3; i += 1) {
      expect((await me(base, 'HD0002', `${fresh}x`)).status).toBe(200);
    }
  });

  it('limits each client address on every route, the public feed included', async () => {
    const base = await start({ perOfficerPerMinute: 0, perAddressPerMinute: 4 });
    for (let i = 0; i < 4; i += 1) {
      expect((await fetch(`${base}/feeds/publications.json`)).status).toBe(200);
    }
    const refused = await fetch(`${base}/feeds/publications.json`);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toMatch(/json/);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('RATE_LIMITED');
    expect((await me(base, 'BJ0002')).status).toBe(429);
  });

  it('both limits 0 mean no limit: the app starts and serves every request', async () => {
    const base = await start({ perOfficerPerMinute: 0, perAddressPerMinute: 0 });
    for (let i = 0; i < 6; i += 1) {
      expect((await me(base, 'BJ0002')).status).toBe(200);
    }
  });
});
