import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/** The client address the per-address rate limit counts, with and without a trusted proxy. */
let test: TestApp;
const apps: ZhifaApp[] = [];

async function start(trustProxy: boolean | number | string | undefined) {
  const app = await createApp({
    orm: test.orm,
    jwt: test.jwt,
    production: true,
    rateLimits: { perOfficerPerMinute: 0, perAddressPerMinute: 2 },
    trustProxy,
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
    await new Promise<void>((resolve) => app.httpServer.close(() => resolve()));
    await app.apollo.stop();
  }
  await test?.close();
});

const feed = (base: string, forwardedFor: string) =>
  fetch(`${base}/feeds/publications.json`, { headers: { 'x-forwarded-for': forwardedFor } }).then(
    (r) => r.status,
  );

describe('trust proxy for the per-address rate limit', () => {
  it('behind a trusted proxy (loopback here) each forwarded client has its own count', async () => {
    const base = await start('loopback');
    expect([await feed(base, '198.51.100.7'), await feed(base, '198.51.100.7')]).toEqual([
      200, 200,
    ]);
    expect(await feed(base, '198.51.100.7')).toBe(429);
    expect(await feed(base, '198.51.100.8')).toBe(200);
  });

  it('by default X-Forwarded-For is ignored: a client cannot pick a fresh address per request', async () => {
    const base = await start(undefined);
    expect([await feed(base, '198.51.100.1'), await feed(base, '198.51.100.2')]).toEqual([
      200, 200,
    ]);
    expect(await feed(base, '198.51.100.3')).toBe(429);
  });

  it('ZHIFA_TRUST_PROXY accepts false, true, a hop count or a list', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ ZHIFA_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ ZHIFA_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ ZHIFA_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ ZHIFA_TRUST_PROXY: 'loopback, 10.0.0.0/8' }).trustProxy).toBe(
      'loopback, 10.0.0.0/8',
    );
  });
});
