import { MikroORM } from '@mikro-orm/postgresql';
import { createServer, Socket, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { createOrmConfig } from '../../src/db/mikro-orm.config.js';
import type { Readiness } from '../../src/observability/health.js';
import { createLogger } from '../../src/observability/logger.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let test: TestApp;
let app: ZhifaApp;
let base: string;
const lines: string[] = [];

async function listen(server: { listen: Server['listen'] } & Pick<Server, 'address'>) {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

beforeAll(async () => {
  test = await createTestApp();
  app = await createApp({
    orm: test.orm,
    jwt: test.jwt,
    production: false,
    logError: () => {},
    logger: createLogger({
      level: 'info',
      pretty: false,
      destination: { write: (l) => lines.push(l) },
    }),
  });
  base = await listen(app.httpServer);
});

afterAll(async () => {
  await app?.apollo.stop();
  await test?.close();
});

function operationLines(requestId: string): Record<string, unknown>[] {
  return lines
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((record) => record.requestId === requestId && record.msg === 'GraphQL operation');
}

async function post(body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('structured request log', () => {
  it('writes one JSON line per operation with the caller’s request id, officer, office, SQL count and outcome', async () => {
    const token = test.tokenFor('SH0001');
    const response = await post(
      { query: 'query MyCases { me { name } cases(first: 5) { edges { node { id } } } }' },
      { authorization: `Bearer ${token}`, 'x-request-id': 'portal-req-4711' },
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('x-request-id')).toBe('portal-req-4711');
    const [line, ...more] = operationLines('portal-req-4711');
    expect(more).toHaveLength(0);
    expect(line).toMatchObject({
      level: 'info',
      operation: 'MyCases',
      officerId: test.demo.officers.SH0001!.id,
      outcome: 'OK',
    });
    expect(typeof line!.officeId).toBe('string');
    expect(line!.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(line!.durationMs).toBeGreaterThan(0);
    expect(line!.sqlStatements).toBeGreaterThanOrEqual(2);
    // No secrets or personal data: neither the token nor the officer's name.
    const raw = lines.join('');
    expect(raw).not.toContain(token);
    expect(raw).not.toContain(test.demo.officers.SH0001!.name);
  });

  it('makes up a request id when none (or a malformed one) comes in, and logs the outcome code', async () => {
    const response = await post(
      { query: 'query Who { me { name } }' },
      { 'x-request-id': 'bad id with spaces' },
    );
    const id = response.headers.get('x-request-id')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const [line] = operationLines(id);
    expect(line).toMatchObject({ operation: 'Who', outcome: 'UNAUTHENTICATED', level: 'warn' });
    expect(line!.officerId).toBeUndefined();
  });
});

describe('metrics', () => {
  it('exposes request durations by operation and outcome, pool, webhook backlog, overdue deadlines and documents', async () => {
    await post({ query: 'query Who { me { name } }' });
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).toMatch(
      /zhifa_graphql_operation_duration_seconds_count\{operation="Who",outcome="UNAUTHENTICATED"\} [1-9]/,
    );
    expect(text).toMatch(/zhifa_db_pool_connections\{state="in_use"\} \d+/);
    expect(text).toMatch(/zhifa_db_pool_connections\{state="waiting"\} \d+/);
    expect(text).toMatch(/zhifa_webhook_deliveries\{status="PENDING"\} \d+/);
    expect(text).toMatch(/zhifa_webhook_deliveries\{status="FAILED"\} \d+/);
    expect(text).toMatch(/zhifa_webhook_deliveries\{status="DEAD_LETTER"\} \d+/);
    expect(text).toMatch(/zhifa_deadlines_overdue \d+/);
    expect(text).toContain('# TYPE zhifa_documents_generated gauge');
  });

  it('asks for the bearer token when one is configured', async () => {
    const guarded = await createApp({
      orm: test.orm,
      jwt: test.jwt,
      production: true,
      logError: () => {},
      metricsToken: 'scrape-secret-1',
    });
    try {
      const url = await listen(guarded.httpServer);
      expect((await fetch(`${url}/metrics`)).status).toBe(401);
      const wrong = await fetch(`${url}/metrics`, { headers: { authorization: 'Bearer nope' } });
      expect(wrong.status).toBe(401);
      const right = await fetch(`${url}/metrics`, {
        headers: { authorization: 'Bearer scrape-secret-1' },
      });
      expect(right.status).toBe(200);
      expect(await right.text()).toContain('zhifa_deadlines_overdue');
    } finally {
      await guarded.apollo.stop();
    }
  });
});

/**
 * A TCP relay in front of the test database that can cut the line (connections
 * reset) or make it hang (connections accepted, never answered), and restore it,
 * on the same port: "the database is down" without stopping the shared cluster.
 */
async function relayTo(target: URL) {
  const sockets = new Set<Socket>();
  let mode: 'forward' | 'reset' | 'hang' = 'forward';
  const server = createServer((client) => {
    sockets.add(client);
    client.on('error', () => client.destroy()).on('close', () => sockets.delete(client));
    if (mode === 'reset') {
      client.destroy();
      return;
    }
    if (mode === 'hang') {
      return;
    }
    const upstream = new Socket();
    sockets.add(upstream);
    upstream.connect(Number(target.port), target.hostname);
    client.pipe(upstream).pipe(client);
    upstream
      .on('error', () => client.destroy())
      .on('close', () => {
        sockets.delete(upstream);
        client.destroy();
      });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const switchTo = (next: typeof mode) => {
    mode = next;
    for (const socket of sockets) {
      socket.destroy();
    }
  };
  return {
    port: (server.address() as AddressInfo).port,
    switchTo,
    close: () => {
      switchTo('reset');
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

describe('/healthz and /readyz', () => {
  it('/healthz answers without the database', async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('/readyz reports migrations, calendar years, webhook backlog and pool', async () => {
    const response = await fetch(`${base}/readyz`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as Readiness;
    expect(body.status).toBe('ready');
    expect(body.migrations!.pending).toEqual([]);
    expect(body.migrations!.applied).toBe(body.migrations!.expected);
    expect(body.calendarYears!.loaded).toContain(2026);
    expect(body.calendarYears!.currentYearLoaded).toBe(true);
    expect(body.webhookBacklog).toEqual({
      pending: expect.any(Number),
      failed: expect.any(Number),
      deadLetter: expect.any(Number),
    });
    expect(body.pool).toMatchObject({ inUse: expect.any(Number), waiting: expect.any(Number) });
  });

  it('/readyz answers 503 within a second while the database is down or hangs, and 200 once it is back', async () => {
    const relay = await relayTo(new URL(test.clientUrl));
    const url = new URL(test.clientUrl);
    url.port = String(relay.port);
    const orm = await MikroORM.init(createOrmConfig({ clientUrl: url.toString(), poolMax: 2 }));
    const probe = await createApp({ orm, jwt: test.jwt, production: false, logError: () => {} });
    const readyz = async () => {
      const started = Date.now();
      const response = await fetch(`${probeBase}/readyz`);
      return {
        status: response.status,
        body: (await response.json()) as Record<string, unknown>,
        ms: Date.now() - started,
      };
    };
    let probeBase = '';
    try {
      probeBase = await listen(probe.httpServer);
      expect((await readyz()).status).toBe(200);

      relay.switchTo('reset');
      const down = await readyz();
      expect(down.status).toBe(503);
      expect(down.body).toMatchObject({ status: 'unavailable', reason: 'database unreachable' });
      // Liveness does not depend on the database.
      expect((await fetch(`${probeBase}/healthz`)).status).toBe(200);

      relay.switchTo('hang');
      const hung = await readyz();
      expect(hung.status).toBe(503);
      expect(hung.body.reason).toBe('no database answer within 1000 ms');
      // The 1 s bound, not the pool's minute-long acquire timeout (generous margin for a loaded machine).
      expect(hung.ms).toBeLessThan(5000);

      relay.switchTo('forward');
      const back = await readyz();
      expect(back.status).toBe(200);
      expect(back.body.status).toBe('ready');
    } finally {
      await probe.apollo.stop();
      await orm.close(true);
      await relay.close();
    }
  });
});
