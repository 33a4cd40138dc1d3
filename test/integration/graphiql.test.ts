import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let test: TestApp;
const apps: ZhifaApp[] = [];

async function serve(demoLogin: boolean): Promise<string> {
  const app = await createApp({ orm: test.orm, jwt: test.jwt, production: false, demoLogin });
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

describe('GraphiQL', () => {
  it('keeps headers across reloads and, with demo data, logs in as a demo officer', async () => {
    const base = await serve(true);
    const script = await (await fetch(`${base}/graphiql/start.js`)).text();
    expect(script).toContain('shouldPersistHeaders: true');
    expect(script).toContain('var demoLogin = true;');
    const login = await fetch(`${base}/graphiql/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ certificate: 'SH0001' }),
    });
    const { token } = (await login.json()) as { token: string };
    const me = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { office { name } } }' }),
    });
    const body = (await me.json()) as { data: { me: { office: { name: string } } } };
    expect(body.data.me.office.name).toBe('上海市互联网信息办公室');
    const unknown = await fetch(`${base}/graphiql/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ certificate: 'anything' }),
    });
    expect(unknown.status).toBe(404);
  });

  it('offers no demo login without demo data', async () => {
    const base = await serve(false);
    const script = await (await fetch(`${base}/graphiql/start.js`)).text();
    expect(script).toContain('var demoLogin = false;');
    const login = await fetch(`${base}/graphiql/demo-login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ certificate: 'SH0001' }),
    });
    expect(login.status).toBe(404);
  });
});
