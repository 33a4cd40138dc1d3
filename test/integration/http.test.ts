import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let test: TestApp;
let app: ZhifaApp;
let base: string;

beforeAll(async () => {
  test = await createTestApp();
  app = await createApp({ orm: test.orm, jwt: test.jwt, production: false, logError: () => {} });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.apollo.stop();
  await test?.close();
});

describe('over HTTP', () => {
  it('answers the README query for a bearer token', async () => {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${test.tokenFor('SH0001')}`,
      },
      body: JSON.stringify({
        query: '{ me { name office { name } } cases(first: 10) { edges { node { id } } } }',
      }),
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      data: { me: { office: { name: string } }; cases: { edges: unknown[] } };
    };
    expect(body.data.me.office.name).toBe('上海市互联网信息办公室');
    expect(body.data.cases.edges).toHaveLength(2);
  });

  it('shows GraphiQL to a browser, with every asset served locally (no CDN)', async () => {
    const page = await fetch(`${base}/graphql`, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(4);
    for (const asset of assets) {
      expect(asset.startsWith('/')).toBe(true);
      const response = await fetch(`${base}${asset}`);
      expect(response.status, asset).toBe(200);
      expect((await response.arrayBuffer()).byteLength).toBeGreaterThan(100);
    }
  });

  it('refuses a GET query without a CSRF preflight header, and an oversized body', async () => {
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent('{ me { name } }')}`);
    expect(get.status).toBe(400);
    const big = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: `{ me { name } } # ${'x'.repeat(200_000)}` }),
    });
    expect(big.status).toBe(413);
  });

  it('reports health', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
