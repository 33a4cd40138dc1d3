import { MikroORM } from '@mikro-orm/postgresql';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { createOrmConfig } from '../../src/db/mikro-orm.config.js';
import { documentDefinition } from '../../src/documents/document-registry.js';
import { WebhookDispatcher } from '../../src/events/webhook-dispatcher.js';
import { configureWebhookAllowList } from '../../src/events/webhook-target.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Two server instances on one PostgreSQL (issue 11): each with its own
 * connection pool, HTTP listener and webhook dispatcher, driven concurrently
 * over HTTP, as two processes behind a load balancer would be.
 */
let test: TestApp;
const instances: { orm: MikroORM; app: ZhifaApp; base: string }[] = [];
let receiver: Server;
let receiverUrl: string;
const received: string[] = [];

beforeAll(async () => {
  // The receiver runs on loopback: allow-listed, as an administrator would (ZHIFA_WEBHOOK_PRIVATE_ALLOWLIST).
  configureWebhookAllowList(['127.0.0.1']);
  test = await createTestApp();
  for (let i = 0; i < 2; i++) {
    const orm = await MikroORM.init(createOrmConfig({ clientUrl: test.clientUrl, poolMax: 4 }));
    const app = await createApp({
      orm,
      jwt: test.jwt,
      production: false,
      logError: () => {},
      // The business date both servers see (a date whose deadlines fall in loaded calendar years).
      now: () => new Date('2025-09-03T02:00:00Z'),
    });
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    instances.push({
      orm,
      app,
      base: `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`,
    });
  }
  receiver = createServer((req, res) => {
    received.push(req.headers['zhifa-event-id'] as string);
    req.resume();
    req.on('end', () => res.end());
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

afterAll(async () => {
  for (const { app, orm } of instances) {
    await app.apollo.stop();
    await orm.close(true);
  }
  await new Promise<void>((resolve) => receiver?.close(() => resolve()));
  await test?.close();
});

interface Answer<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

async function gql<T>(
  instance: number,
  certificate: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Answer<T>> {
  const response = await fetch(`${instances[instance]!.base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${test.tokenFor(certificate)}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as Answer<T>;
}

const REGISTER = `mutation($input: RegisterCaseSourceInput!) {
  registerCaseSource(input: $input) { case { id version } }
}`;
const DOCKET = `mutation($caseId: ID!, $expectedVersion: Int!, $input: DecideDocketingInput!) {
  decideDocketing(caseId: $caseId, expectedVersion: $expectedVersion, input: $input) { case { version status } }
}`;
const GENERATE = `mutation($caseId: ID!, $sections: JSON) {
  generateDocument(caseId: $caseId, kind: HEARING_NOTICE, sections: $sections) { id number }
}`;

async function registerOn(instance: number): Promise<string> {
  const result = await gql<{ registerCaseSource: { case: { id: string } } }>(
    instance,
    'BJ0002',
    REGISTER,
    {
      input: {
        sourceType: 'COMPLAINT_OR_REPORT',
        namedComplainant: true,
        receivedOn: '2025-09-01',
        title: '违法处理个人信息案',
        summary: '用户投诉某App未经同意收集通讯录信息。',
        partyIds: [test.demo.parties.xinghe!.id],
        violation: { committedOn: '2025-08-01', harmsLifeHealthOrFinancialSecurity: false },
      },
    },
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.registerCaseSource.case.id;
}

describe('two servers on one database', () => {
  it('each serves the other’s writes; optimistic locking and gapless numbering hold across them; webhooks are delivered once', async () => {
    const admin = await gql<{ registerWebhook: { webhook: { id: string } } }>(
      0,
      'BJ0006',
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id } } }`,
      {
        input: {
          url: receiverUrl,
          officeId: test.demo.offices.beijing!.id,
          eventTypes: ['CASE_DOCKETED', 'DOCUMENT_ISSUED'],
        },
      },
    );
    expect(admin.errors, JSON.stringify(admin.errors)).toBeUndefined();

    // Registered on A, read on B.
    const caseIds = await Promise.all([registerOn(0), registerOn(1), registerOn(0), registerOn(1)]);
    for (const [i, caseId] of caseIds.entries()) {
      const seen = await gql<{ case: { id: string; version: number } }>(
        (i + 1) % 2,
        'BJ0001',
        `query($id: ID!) { case(id: $id) { id version } }`,
        { id: caseId },
      );
      expect(seen.data?.case).toEqual({ id: caseId, version: 1 });
    }

    // The same step with the same expected version, once on each server at once: one wins.
    const docketing = {
      docket: true,
      handlerIds: [test.demo.officers.BJ0002!.id, test.demo.officers.BJ0003!.id],
      jurisdictionBasis: 'TERRITORIAL',
      jurisdictionExplanation: '违法行为发生地在本行政区域',
    };
    for (const caseId of caseIds) {
      const answers = await Promise.all(
        [0, 1].map((instance) =>
          gql<{ decideDocketing: { case: { version: number } } }>(instance, 'BJ0001', DOCKET, {
            caseId,
            expectedVersion: 1,
            input: docketing,
          }),
        ),
      );
      const won = answers.filter((a) => !a.errors);
      expect(won, JSON.stringify(answers)).toHaveLength(1);
      expect(answers.flatMap((a) => a.errors ?? []).map((e) => e.extensions?.code)).toEqual([
        'CASE_VERSION_CONFLICT',
      ]);
    }

    // Numbered documents generated on both servers at once: numbers gapless across them.
    const sections = {
      notice: documentDefinition('HEARING_NOTICE').sampleInput.notice,
      hearing: documentDefinition('HEARING_NOTICE').sampleInput.hearing,
    };
    const generated = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        gql<{ generateDocument: { id: string; number: string } }>(i % 2, 'BJ0002', GENERATE, {
          caseId: caseIds[i % caseIds.length],
          sections,
        }),
      ),
    );
    const numbers = generated
      .filter((g) => !g.errors)
      .map((g) => Number(/〕(\d+)号/.exec(g.data!.generateDocument.number)![1]))
      .sort((a, b) => a - b);
    // Per case, the first generation to commit always wins (a concurrent one may lose the version race).
    expect(numbers.length).toBeGreaterThanOrEqual(caseIds.length);
    expect(numbers).toEqual(Array.from({ length: numbers.length }, (_, i) => i + 1));
    const [row] = await test.orm.em
      .getConnection()
      .execute<{ count: string }[]>(
        `select count(*)::text from case_document where kind = 'HEARING_NOTICE'`,
      );
    expect(Number(row!.count)).toBe(numbers.length);

    // A document generated on one server downloads from the other with its chained SHA-256.
    const first = generated.find((g) => !g.errors)!.data!.generateDocument;
    const download = await fetch(`${instances[1]!.base}/documents/${first.id}`, {
      headers: { authorization: `Bearer ${test.tokenFor('BJ0002')}` },
    });
    expect(download.status).toBe(200);

    // Both servers' dispatchers drain the outbox at once: every event arrives exactly once.
    const dispatchers = instances.map(
      ({ orm }) => new WebhookDispatcher({ orm, random: () => 0.5, timeoutMs: 2000 }),
    );
    await Promise.all(dispatchers.map((d) => d.drain()));
    await Promise.all(dispatchers.map((d) => d.drain()));
    const [outbox] = await test.orm.em
      .getConnection()
      .execute<{ delivered: string; total: string }[]>(
        `select count(*) filter (where status = 'DELIVERED')::text as delivered, count(*)::text as total from webhook_delivery`,
      );
    // One CASE_DOCKETED per case (documents generated on demand publish no event).
    expect(Number(outbox!.total)).toBe(caseIds.length);
    expect(Number(outbox!.delivered)).toBe(Number(outbox!.total));
    expect(received).toHaveLength(Number(outbox!.total));
    expect(new Set(received).size).toBe(received.length);

    // Every chain written through both servers verifies.
    for (const caseId of caseIds) {
      const audit = await gql<{ case: { auditChain: { intact: boolean } } }>(
        1,
        'BJ0001',
        `query($id: ID!) { case(id: $id) { auditChain { intact } } }`,
        { id: caseId },
      );
      expect(audit.data?.case.auditChain.intact).toBe(true);
    }
  });
});
