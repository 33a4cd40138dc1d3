import { MikroORM } from '@mikro-orm/postgresql';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createOrmConfig } from '../../src/db/mikro-orm.config.js';
import { DomainEvent } from '../../src/entities/domain-event.entity.js';
import { WebhookDelivery } from '../../src/entities/webhook-delivery.entity.js';
import type { DomainEventType } from '../../src/events/domain-event-types.js';
import { recordDomainEvent } from '../../src/events/record-domain-event.js';
import { WebhookDispatcher } from '../../src/events/webhook-dispatcher.js';
import { configureWebhookAllowList } from '../../src/events/webhook-target.js';
import { verifyWebhookSignature } from '../../src/events/webhook-signature.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

/**
 * Issue 5: the transactional outbox and its webhook delivery, end to end on
 * PostgreSQL, with receivers that are tiny HTTP servers on 127.0.0.1.
 */

let app: TestApp;
const receivers: Receiver[] = [];
const extraOrms: MikroORM[] = [];

beforeAll(async () => {
  app = await createTestApp();
  // The receivers here are tiny servers on loopback: allow-listed as an administrator would (D12).
  configureWebhookAllowList(['127.0.0.1']);
});

afterEach(async () => {
  // Each test owns its subscriptions: later tests must not retry earlier tests' deliveries.
  await app.orm.em
    .getConnection()
    .execute(`update webhook_subscription set active = false where active`);
  await Promise.all(receivers.splice(0).map((r) => r.stop()));
});

afterAll(async () => {
  await Promise.all(extraOrms.map((orm) => orm.close(true)));
  await app?.close();
});

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A portal's webhook endpoint: records every request; answers `status` after `delayMs`. */
class Receiver {
  requests: Received[] = [];
  status = 200;
  delayMs = 0;
  private server: Server | undefined;
  private port = 0;

  get url(): string {
    return `http://127.0.0.1:${this.port}/zhifa-events`;
  }

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.requests.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8') });
        setTimeout(() => {
          res.statusCode = this.status;
          res.end();
        }, this.delayMs);
      });
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, '127.0.0.1', resolve);
    });
    this.port = (server.address() as AddressInfo).port;
    this.server = server;
    if (!receivers.includes(this)) {
      receivers.push(this);
    }
    return this;
  }

  /** Down: the port refuses connections until start() again. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (server) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  }

  eventIds(): string[] {
    return this.requests.map((r) => r.headers['zhifa-event-id'] as string);
  }
}

/** Injectable clock: starts after every business time the tests record, moves only when told. */
class Clock {
  private ms = Date.parse('2026-11-22T03:00:00Z');
  now = (): Date => new Date(this.ms);
  advance(seconds: number): void {
    this.ms += seconds * 1000;
  }
}

function dispatcher(
  clock: Clock,
  options: Partial<ConstructorParameters<typeof WebhookDispatcher>[0]> = {},
) {
  return new WebhookDispatcher({
    orm: app.orm,
    now: clock.now,
    random: () => 0.5,
    timeoutMs: 2000,
    ...options,
  });
}

async function separateOrm(): Promise<MikroORM> {
  const orm = await MikroORM.init(createOrmConfig({ clientUrl: app.clientUrl, poolMax: 3 }));
  extraOrms.push(orm);
  return orm;
}

const REGISTER_WEBHOOK = `mutation($input: RegisterWebhookInput!) {
  registerWebhook(input: $input) {
    secret
    webhook { id url eventTypes active office { name } }
  }
}`;

type RegisteredWebhook = {
  registerWebhook: {
    secret: string;
    webhook: {
      id: string;
      url: string;
      eventTypes: string[];
      active: boolean;
      office: { name: string };
    };
  };
};

async function registerWebhook(
  admin: string,
  officeKey: string,
  url: string,
  eventTypes: DomainEventType[],
): Promise<{ id: string; secret: string }> {
  const result = await app.run<RegisteredWebhook>(
    REGISTER_WEBHOOK,
    { input: { officeId: app.demo.offices[officeKey]!.id, url, eventTypes } },
    admin,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const { webhook, secret } = result.data!.registerWebhook;
  return { id: webhook.id, secret };
}

const REGISTER_CASE = `mutation($input: RegisterCaseSourceInput!) {
  registerCaseSource(input: $input) { case { id number version } }
}`;

const DOCKET = `mutation($caseId: ID!, $expectedVersion: Int!, $input: DecideDocketingInput!) {
  decideDocketing(caseId: $caseId, expectedVersion: $expectedVersion, input: $input) {
    toStatus case { id number version }
  }
}`;

async function registerCase(): Promise<{ id: string; number: string }> {
  app.setToday('2025-10-09');
  const result = await app.run<{
    registerCaseSource: { case: { id: string; number: string; version: number } };
  }>(
    REGISTER_CASE,
    {
      input: {
        sourceType: 'COMPLAINT_OR_REPORT',
        namedComplainant: true,
        receivedOn: '2025-09-29',
        title: '违法处理个人信息案',
        summary: '用户投诉某App未经同意收集通讯录信息。',
        partyIds: [app.demo.parties.xinghe!.id],
        violation: { committedOn: '2025-08-01', harmsLifeHealthOrFinancialSecurity: false },
      },
    },
    'BJ0002',
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.registerCaseSource.case;
}

function docket(caseId: string, handlers: string[]) {
  return app.run(
    DOCKET,
    {
      caseId,
      expectedVersion: 1,
      input: {
        docket: true,
        handlerIds: handlers.map((h) => app.demo.officers[h]!.id),
        jurisdictionBasis: 'TERRITORIAL',
        jurisdictionExplanation: '违法行为发生地在北京市',
      },
    },
    'BJ0001',
  );
}

/** Events recorded directly (as any command would), each in its own transaction. */
async function recordEvents(officeKey: string, count: number, clock: Clock): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const event = await app.orm.em.fork().transactional(async (em) =>
      recordDomainEvent(em, 'CASE_CLOSED', {
        caseId: null,
        officePath: app.demo.offices[officeKey]!.path,
        occurredAt: clock.now(),
        payload: { data: { note: `事件 ${i + 1}`, emoji: '✅', n: i + 1 } },
      }),
    );
    ids.push(event.id);
  }
  return ids;
}

async function storedPayloads(ids: string[]): Promise<Map<string, Record<string, unknown>>> {
  const events = await app.orm.em.fork().find(DomainEvent, { id: { $in: ids } });
  return new Map(events.map((e) => [e.id, e.payload]));
}

async function deliveriesOf(webhookId: string): Promise<WebhookDelivery[]> {
  return app.orm.em
    .fork()
    .find(WebhookDelivery, { subscription: webhookId }, { orderBy: { sequence: 'asc' } });
}

describe('webhook subscriptions', () => {
  it('an admin registers a webhook for an office in scope and sees the secret once', async () => {
    const result = await app.run<RegisteredWebhook>(
      REGISTER_WEBHOOK,
      {
        input: {
          officeId: app.demo.offices.haidian!.id,
          url: 'https://portal.example.cn/hooks/zhifa',
          eventTypes: ['CASE_DOCKETED', 'DECISION_MADE', 'CASE_DOCKETED'],
        },
      },
      'BJ0006',
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const registered = result.data!.registerWebhook;
    expect(registered.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(registered.webhook).toMatchObject({
      url: 'https://portal.example.cn/hooks/zhifa',
      eventTypes: ['CASE_DOCKETED', 'DECISION_MADE'],
      active: true,
      office: { name: '北京市海淀区互联网信息办公室' },
    });
    // Afterwards the secret is nowhere in the API.
    const secretField = await app.run(
      `{ webhooks { edges { node { id secret } } } }`,
      {},
      'BJ0006',
    );
    expect(errorCode(secretField)).toBe('GRAPHQL_VALIDATION_FAILED');
    const list = await app.run<{ webhooks: { edges: { node: { id: string } }[] } }>(
      `{ webhooks { totalCount edges { node { id url } } } }`,
      {},
      'BJ0006',
    );
    expect(list.data!.webhooks.edges.map((e) => e.node.id)).toContain(registered.webhook.id);
    expect(JSON.stringify(list)).not.toContain(registered.secret);
    // Shanghai's admin does not see Beijing's subscriptions.
    const shanghai = await app.run<{ webhooks: { edges: unknown[] } }>(
      `{ webhooks { edges { node { id } } } }`,
      {},
      'SH0006',
    );
    expect(shanghai.data!.webhooks.edges).toEqual([]);
  });

  it('refuses non-http URLs, offices outside the admin’s subtree and non-admins', async () => {
    const input = (overrides: Record<string, unknown>) => ({
      input: {
        officeId: app.demo.offices.beijing!.id,
        url: 'https://portal.example.cn/hook',
        eventTypes: ['CASE_DOCKETED'],
        ...overrides,
      },
    });
    const before = await app.tableCounts();
    for (const url of [
      'ftp://portal.example.cn/hook',
      'javascript:alert(1)',
      'https://u:p@x.cn/',
      'nonsense',
    ]) {
      expect(errorCode(await app.run(REGISTER_WEBHOOK, input({ url }), 'BJ0006'))).toBe(
        'WEBHOOK_URL_INVALID',
      );
    }
    expect(errorCode(await app.run(REGISTER_WEBHOOK, input({ eventTypes: [] }), 'BJ0006'))).toBe(
      'WEBHOOK_EVENT_TYPES_REQUIRED',
    );
    expect(errorCode(await app.run(REGISTER_WEBHOOK, input({}), 'SH0006'))).toBe(
      'OFFICE_NOT_FOUND',
    );
    // A municipal admin cannot subscribe to the office above it.
    expect(
      errorCode(
        await app.run(
          REGISTER_WEBHOOK,
          input({ officeId: app.demo.offices.beijing!.id }),
          'HD0006',
        ),
      ),
    ).toBe('OFFICE_NOT_FOUND');
    expect(errorCode(await app.run(REGISTER_WEBHOOK, input({}), 'BJ0002'))).toBe('ROLE_REQUIRED');
    expect(await app.tableCounts()).toEqual(before);
  });
});

describe('the transactional outbox', () => {
  it('decideDocketing records CASE_DOCKETED and a PENDING delivery per matching subscription, in its transaction', async () => {
    const beijing = await registerWebhook('BJ0006', 'beijing', 'http://127.0.0.1:9/bj', [
      'CASE_DOCKETED',
    ]);
    const national = await registerWebhook('CN0006', 'national', 'http://127.0.0.1:9/cn', [
      'CASE_DOCKETED',
      'DECISION_MADE',
    ]);
    const beijingDecisionsOnly = await registerWebhook(
      'BJ0006',
      'beijing',
      'http://127.0.0.1:9/d',
      ['DECISION_MADE'],
    );
    const shanghai = await registerWebhook('SH0006', 'shanghai', 'http://127.0.0.1:9/sh', [
      'CASE_DOCKETED',
    ]);
    const registered = await registerCase();
    const result = await docket(registered.id, ['BJ0002', 'BJ0003']);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();

    const em = app.orm.em.fork();
    const [event] = await em.find(DomainEvent, { caseId: registered.id, type: 'CASE_DOCKETED' });
    expect(event).toBeDefined();
    expect(event!.officePath).toBe(app.demo.offices.beijing!.path);
    expect(event!.occurredAt.toISOString()).toBe('2025-10-09T02:00:00.000Z');
    expect(event!.payload).toEqual({
      id: event!.id,
      type: 'CASE_DOCKETED',
      occurredAt: '2025-10-09T02:00:00.000Z',
      case: { id: registered.id, number: registered.number, officeName: '北京市互联网信息办公室' },
      data: {
        action: 'decideDocketing',
        fromStatus: 'CASE_SOURCE_REGISTERED',
        toStatus: 'INVESTIGATING',
        docketedOn: '2025-10-09',
      },
    });
    // No party data goes to portals.
    const party = app.demo.parties.xinghe!;
    expect(JSON.stringify(event!.payload)).not.toContain(party.name);
    expect(JSON.stringify(event!.payload)).not.toContain(party.idNumber);

    const deliveries = await em.find(WebhookDelivery, { event: event!.id });
    expect(deliveries.map((d) => d.subscription.id).sort()).toEqual(
      [beijing.id, national.id].sort(),
    );
    expect(deliveries.every((d) => d.status === 'PENDING' && d.attempts === 0)).toBe(true);
    expect(deliveries[0]!.nextAttemptAt!.toISOString()).toBe('2025-10-09T02:00:00.000Z');
    expect(await deliveriesOf(beijingDecisionsOnly.id)).toEqual([]);
    expect(await deliveriesOf(shanghai.id)).toEqual([]);
  });

  it('a refused step records no event and no delivery', async () => {
    await registerWebhook('BJ0006', 'beijing', 'http://127.0.0.1:9/bj', ['CASE_DOCKETED']);
    const registered = await registerCase();
    const before = await app.tableCounts();
    const refused = await docket(registered.id, ['BJ0002']);
    expect(errorCode(refused)).toBe('PROCEDURE_VIOLATION');
    expect(await app.tableCounts()).toEqual(before);
  });

  it('an event recorded in a transaction that rolls back leaves nothing behind', async () => {
    await registerWebhook('BJ0006', 'beijing', 'http://127.0.0.1:9/bj', ['CASE_CLOSED']);
    const before = await app.tableCounts();
    await expect(
      app.orm.em.fork().transactional(async (em) => {
        await recordDomainEvent(em, 'CASE_CLOSED', {
          caseId: null,
          officePath: app.demo.offices.beijing!.path,
          payload: { data: {} },
        });
        await em.flush();
        throw new Error('the step failed after recording');
      }),
    ).rejects.toThrow('the step failed after recording');
    expect(await app.tableCounts()).toEqual(before);
  });

  it('the outbox is append-only', async () => {
    const clock = new Clock();
    await recordEvents('beijing', 1, clock);
    const connection = app.orm.em.getConnection();
    await expect(connection.execute(`update domain_event set payload = '{}'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(connection.execute(`delete from domain_event`)).rejects.toThrow(/append-only/);
    await expect(connection.execute(`truncate domain_event cascade`)).rejects.toThrow(
      /append-only/,
    );
  });

  it('domainEvents lists the events of the officer’s subtree, newest first', async () => {
    const clock = new Clock();
    const [beijingEvent] = await recordEvents('haidian', 1, clock);
    const [shanghaiEvent] = await recordEvents('pudong', 1, clock);
    const query = `query($after: String) { domainEvents(first: 1, after: $after, type: CASE_CLOSED) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id type caseId occurredAt payload } }
    } }`;
    type Page = {
      domainEvents: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: { id: string; payload: { id: string } } }[];
      };
    };
    const beijing = await app.run<Page>(query, {}, 'BJ0001');
    expect(beijing.errors, JSON.stringify(beijing.errors)).toBeUndefined();
    expect(beijing.data!.domainEvents.edges[0]!.node.id).toBe(beijingEvent);
    expect(beijing.data!.domainEvents.edges[0]!.node.payload.id).toBe(beijingEvent);
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: Page = (await app.run<Page>(query, { after }, 'SH0001')).data!;
      ids.push(...page.domainEvents.edges.map((e) => e.node.id));
      after = page.domainEvents.pageInfo.hasNextPage ? page.domainEvents.pageInfo.endCursor : null;
    } while (after);
    expect(ids).toContain(shanghaiEvent);
    expect(ids).not.toContain(beijingEvent);
  });
});

describe('the webhook dispatcher', () => {
  it('POSTs the stored payload with event, delivery, timestamp and a valid HMAC signature', async () => {
    const clock = new Clock();
    const beijingPortal = await new Receiver().start();
    const shanghaiPortal = await new Receiver().start();
    const beijing = await registerWebhook('BJ0006', 'beijing', beijingPortal.url, [
      'CASE_DOCKETED',
    ]);
    const shanghai = await registerWebhook('SH0006', 'shanghai', shanghaiPortal.url, [
      'CASE_DOCKETED',
    ]);
    const registered = await registerCase();
    expect((await docket(registered.id, ['BJ0002', 'BJ0003'])).errors).toBeUndefined();

    const result = await dispatcher(clock).drain();
    expect(result).toMatchObject({ delivered: 1, failed: 0 });
    expect(shanghaiPortal.requests).toEqual([]);
    expect(await deliveriesOf(shanghai.id)).toEqual([]);
    expect(beijingPortal.requests).toHaveLength(1);
    const [request] = beijingPortal.requests;
    const [delivery] = await deliveriesOf(beijing.id);
    const event = await app.orm.em.fork().findOneOrFail(DomainEvent, { id: delivery!.event.id });
    const timestamp = String(Math.floor(clock.now().getTime() / 1000));
    expect(request!.headers).toMatchObject({
      'content-type': 'application/json; charset=utf-8',
      'zhifa-event-id': event.id,
      'zhifa-event-type': 'CASE_DOCKETED',
      'zhifa-delivery-id': delivery!.id,
      'zhifa-attempt': '1',
      'zhifa-timestamp': timestamp,
    });
    expect(request!.headers['zhifa-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(
      verifyWebhookSignature(
        beijing.secret,
        timestamp,
        request!.body,
        request!.headers['zhifa-signature'] as string,
      ),
    ).toBe(true);
    // A forged body or another secret does not verify.
    expect(
      verifyWebhookSignature(
        shanghai.secret,
        timestamp,
        request!.body,
        request!.headers['zhifa-signature'] as string,
      ),
    ).toBe(false);
    expect(
      verifyWebhookSignature(
        beijing.secret,
        timestamp,
        request!.body.replace('INVESTIGATING', 'CLOSED'),
        request!.headers['zhifa-signature'] as string,
      ),
    ).toBe(false);
    // The body is the stored payload, exactly.
    expect(JSON.parse(request!.body)).toEqual(event.payload);
    const [{ text }] = await app.orm.em
      .getConnection()
      .execute(`select payload::text as text from domain_event where id = ?`, [event.id]);
    expect(request!.body).toBe(text);

    expect(delivery).toMatchObject({
      status: 'DELIVERED',
      attempts: 1,
      responseStatus: 200,
      lastError: null,
      nextAttemptAt: null,
    });
    expect(delivery!.deliveredAt!.toISOString()).toBe(clock.now().toISOString());
    expect(await dispatcher(clock).drain()).toMatchObject({ claimed: 0 });
  });

  it('retries a receiver that is down with growing waits, then delivers every event once, in order', async () => {
    const clock = new Clock();
    const portal = await new Receiver().start();
    const webhook = await registerWebhook('BJ0006', 'beijing', portal.url, ['CASE_CLOSED']);
    await portal.stop(); // down: connection refused
    const ids = await recordEvents('beijing', 3, clock);
    const worker = dispatcher(clock);

    const waits: number[] = [];
    let last = clock.now().getTime();
    for (let i = 0; i < 4; i += 1) {
      if (i === 2) {
        // Up again, but answering 503.
        portal.status = 503;
        await portal.start();
      }
      // While the oldest is failing, the later events wait behind it: one request per round.
      expect(await worker.drain()).toMatchObject({ claimed: 1, delivered: 0, failed: 1 });
      const [head, ...rest] = await deliveriesOf(webhook.id);
      expect(head).toMatchObject({ status: 'FAILED', attempts: i + 1 });
      expect(rest.every((d) => d.status === 'PENDING' && d.attempts === 0)).toBe(true);
      expect(head!.lastError).toMatch(i < 2 ? /ECONNREFUSED|fetch failed/ : /^HTTP 503$/);
      expect(head!.responseStatus).toBe(i < 2 ? null : 503);
      waits.push((head!.nextAttemptAt!.getTime() - last) / 1000);
      // Not due before its time.
      expect(await worker.runOnce()).toMatchObject({ claimed: 0 });
      clock.advance(waits[i]!);
      last = clock.now().getTime();
    }
    // random = 0.5: 2^n · 3/4 seconds.
    expect(waits).toEqual([1.5, 3, 6, 12]);
    expect(portal.requests).toHaveLength(2); // the two 503s reached it

    portal.status = 200;
    portal.requests = [];
    expect(await worker.drain()).toMatchObject({ delivered: 3, failed: 0 });
    expect(portal.eventIds()).toEqual(ids);
    const stored = await storedPayloads(ids);
    for (const request of portal.requests) {
      expect(JSON.parse(request.body)).toEqual(
        stored.get(request.headers['zhifa-event-id'] as string),
      );
    }
    const deliveries = await deliveriesOf(webhook.id);
    expect(deliveries.map((d) => [d.status, d.attempts])).toEqual([
      ['DELIVERED', 5],
      ['DELIVERED', 1],
      ['DELIVERED', 1],
    ]);
    expect(portal.requests[0]!.headers['zhifa-attempt']).toBe('5');
    expect(await worker.drain()).toMatchObject({ claimed: 0 });
    expect(portal.requests).toHaveLength(3);
  });

  it('backoff is capped at one hour', async () => {
    const { retryDelaySeconds } = await import('../../src/events/webhook-dispatcher.js');
    expect(retryDelaySeconds(1, () => 0)).toBe(1);
    expect(retryDelaySeconds(1, () => 0.999999)).toBeCloseTo(2);
    expect(retryDelaySeconds(30, () => 1)).toBe(3600);
    expect(retryDelaySeconds(30, () => 0)).toBe(1800);
  });

  it('a new dispatcher after a crash sends what the old one had claimed: nothing is lost', async () => {
    const clock = new Clock();
    const portal = await new Receiver().start();
    const webhook = await registerWebhook('BJ0006', 'beijing', portal.url, ['CASE_CLOSED']);
    const ids = await recordEvents('beijing', 3, clock);

    // The first process sends the first event, then dies before recording the answer.
    const crashingOrm = await separateOrm();
    let sent!: () => void;
    const reachedReceiver = new Promise<void>((resolve) => (sent = resolve));
    let abandon!: (error: Error) => void;
    const crashed = dispatcher(clock, {
      orm: crashingOrm,
      fetch: async (url, init) => {
        await fetch(url, init);
        sent();
        return new Promise<Response>((_, reject) => (abandon = reject));
      },
    });
    const firstRun = crashed.runOnce();
    await reachedReceiver;
    expect(portal.eventIds()).toEqual([ids[0]]);
    // The process is gone: PostgreSQL ends its session and rolls back its transaction.
    await app.orm.em
      .getConnection()
      .execute(
        `select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database() and state = 'idle in transaction' and pid <> pg_backend_pid()`,
      );
    abandon(new Error('process killed'));
    await expect(firstRun).rejects.toThrow();
    expect((await deliveriesOf(webhook.id)).map((d) => d.status)).toEqual([
      'PENDING',
      'PENDING',
      'PENDING',
    ]);

    // The restarted process (new ORM, new dispatcher) sends everything.
    const restarted = dispatcher(clock, { orm: await separateOrm() });
    expect(await restarted.drain()).toMatchObject({ delivered: 3, failed: 0 });
    // At least once: the first event came twice, with the same event and delivery ids.
    expect(portal.eventIds()).toEqual([ids[0], ...ids]);
    expect(portal.requests[0]!.headers['zhifa-delivery-id']).toBe(
      portal.requests[1]!.headers['zhifa-delivery-id'],
    );
    // De-duplicating by event id gives each event exactly once, as stored.
    const unique = new Map(
      portal.requests.map((r) => [r.headers['zhifa-event-id'] as string, r.body]),
    );
    expect([...unique.keys()]).toEqual(ids);
    const stored = await storedPayloads(ids);
    for (const [id, body] of unique) {
      expect(JSON.parse(body)).toEqual(stored.get(id));
    }
  });

  it('a dispatcher stopped and replaced by a new instance leaves nothing behind', async () => {
    const clock = new Clock();
    const portal = await new Receiver().start();
    await registerWebhook('BJ0006', 'beijing', portal.url, ['CASE_CLOSED']);
    const ids = await recordEvents('beijing', 4, clock);
    const first = dispatcher(clock, { orm: await separateOrm(), batchSize: 1 });
    expect(await first.runOnce()).toMatchObject({ delivered: 1 });
    await first.stop();
    const second = dispatcher(clock, { orm: await separateOrm() });
    second.start();
    await waitFor(() => portal.requests.length >= 4);
    await second.stop();
    expect(portal.eventIds()).toEqual(ids);
  });

  it('two dispatchers running at once never send the same delivery twice', async () => {
    const clock = new Clock();
    const portals = await Promise.all([1, 2, 3].map(() => new Receiver().start()));
    for (const portal of portals) {
      portal.delayMs = 5;
      await registerWebhook('BJ0006', 'beijing', portal.url, ['CASE_CLOSED']);
    }
    const ids = await recordEvents('haidian', 5, clock);
    const sentBy = [0, 0];
    const counting =
      (i: number): typeof fetch =>
      (url, init) => {
        sentBy[i]! += 1;
        return fetch(url, init);
      };
    const workers = await Promise.all(
      [0, 1].map(async (i) =>
        dispatcher(clock, {
          orm: await separateOrm(),
          pollIntervalMs: 2,
          batchSize: 2,
          fetch: counting(i),
        }),
      ),
    );
    workers.forEach((w) => w.start());
    await waitFor(() => portals.every((p) => p.requests.length >= ids.length));
    // Give a double delivery the chance to show up.
    await new Promise((resolve) => setTimeout(resolve, 50));
    await Promise.all(workers.map((w) => w.stop()));
    // Both took part; together they sent each delivery once.
    expect(sentBy[0]! + sentBy[1]!).toBe(portals.length * ids.length);
    expect(sentBy.every((n) => n > 0)).toBe(true);
    for (const portal of portals) {
      expect(portal.eventIds()).toEqual(ids);
      expect(new Set(portal.requests.map((r) => r.headers['zhifa-delivery-id'])).size).toBe(
        ids.length,
      );
    }
    const [{ n }] = await app.orm.em
      .getConnection()
      .execute(
        `select count(*)::int as n from webhook_delivery d join domain_event e on e.id = d.event_id where e.id in (${ids.map(() => '?').join(', ')}) and (d.status <> 'DELIVERED' or d.attempts <> 1)`,
        ids,
      );
    expect(n).toBe(0);
  });

  it('a deactivated webhook gets nothing more; operators see its deliveries', async () => {
    const clock = new Clock();
    const portal = await new Receiver().start();
    const webhook = await registerWebhook('BJ0006', 'beijing', portal.url, ['CASE_CLOSED']);
    await recordEvents('beijing', 1, clock);
    await dispatcher(clock).drain();
    const deliveries = await app.run<{
      webhookDeliveries: {
        totalCount: number;
        edges: {
          node: {
            status: string;
            attempts: number;
            responseStatus: number;
            event: { type: string };
          };
        }[];
      };
    }>(
      `query($id: ID!) { webhookDeliveries(webhookId: $id, status: DELIVERED) {
        totalCount edges { node { status attempts responseStatus event { type } } }
      } }`,
      { id: webhook.id },
      'BJ0006',
    );
    expect(deliveries.errors, JSON.stringify(deliveries.errors)).toBeUndefined();
    expect(deliveries.data!.webhookDeliveries).toMatchObject({
      totalCount: 1,
      edges: [
        {
          node: {
            status: 'DELIVERED',
            attempts: 1,
            responseStatus: 200,
            event: { type: 'CASE_CLOSED' },
          },
        },
      ],
    });
    expect(
      errorCode(
        await app.run(
          `query($id: ID!) { webhookDeliveries(webhookId: $id) { totalCount } }`,
          { id: webhook.id },
          'SH0006',
        ),
      ),
    ).toBe('WEBHOOK_NOT_FOUND');

    const deactivated = await app.run<{ deactivateWebhook: { active: boolean } }>(
      `mutation($id: ID!) { deactivateWebhook(id: $id) { active deactivatedAt } }`,
      { id: webhook.id },
      'BJ0006',
    );
    expect(deactivated.data!.deactivateWebhook.active).toBe(false);
    await recordEvents('beijing', 1, clock);
    expect(await deliveriesOf(webhook.id)).toHaveLength(1);
    expect(await dispatcher(clock).drain()).toMatchObject({ claimed: 0 });
    expect(portal.requests).toHaveLength(1);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) {
      throw new Error('condition not met in time');
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('dead letter and redelivery', () => {
  it('a receiver that keeps rejecting one event gets the rest; the event goes to the dead letter and an operator redelivers it', async () => {
    const clock = new Clock();
    const portal = await new Receiver().start();
    const webhook = await registerWebhook('BJ0006', 'beijing', portal.url, ['CASE_CLOSED']);
    const ids = await recordEvents('beijing', 3, clock);
    let rejecting = true;
    const sent: string[] = [];
    const fetchStub: typeof globalThis.fetch = async (_url, init) => {
      const eventId = (init?.headers as Record<string, string>)['zhifa-event-id']!;
      sent.push(eventId);
      return new Response(null, { status: rejecting && eventId === ids[0] ? 500 : 204 });
    };
    const send = dispatcher(clock, { maxAttempts: 3, fetch: fetchStub });
    for (let round = 0; round < 5; round += 1) {
      await send.drain();
      clock.advance(3600);
    }
    const [dead, ...rest] = await deliveriesOf(webhook.id);
    expect(dead).toMatchObject({ status: 'DEAD_LETTER', attempts: 3, lastError: 'HTTP 500' });
    expect(rest.map((d) => d.status)).toEqual(['DELIVERED', 'DELIVERED']);
    expect(sent.filter((id) => id === ids[0])).toHaveLength(3);
    expect(sent.filter((id) => id !== ids[0])).toEqual([ids[1], ids[2]]);

    const REDELIVER = `mutation($id: ID!) { redeliverWebhook(deliveryId: $id) { status attempts } }`;
    expect(errorCode(await app.run(REDELIVER, { id: dead!.id }, 'SH0006'))).toBe(
      'WEBHOOK_DELIVERY_NOT_FOUND',
    );
    const replayed = await app.run<{ redeliverWebhook: { status: string; attempts: number } }>(
      REDELIVER,
      { id: dead!.id },
      'BJ0006',
    );
    expect(replayed.data!.redeliverWebhook).toEqual({ status: 'PENDING', attempts: 0 });
    rejecting = false;
    await send.drain();
    const [again] = await deliveriesOf(webhook.id);
    expect(again).toMatchObject({ status: 'DELIVERED', attempts: 1 });
  });
});
