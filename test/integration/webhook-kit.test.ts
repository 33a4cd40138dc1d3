import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { runDemoCase } from '../../src/demo/penalty-case.scenario.js';
import { publishPenaltyDecision } from '../../src/commands/publications.js';
import { loadWorkingDayCalendar } from '../../src/db/seed/reference-data.js';
import { CaseEvent } from '../../src/entities/case-event.entity.js';
import { Case } from '../../src/entities/case.entity.js';
import { Party } from '../../src/entities/party.entity.js';
import type { LocalDate } from '../../src/procedure/local-date.js';
import { Decision } from '../../src/entities/decision.entity.js';
import { DomainEvent } from '../../src/entities/domain-event.entity.js';
import { Publication } from '../../src/entities/publication.entity.js';
import { WebhookDelivery } from '../../src/entities/webhook-delivery.entity.js';
import { DOMAIN_EVENT_TYPES, type DomainEventType } from '../../src/events/domain-event-types.js';
import {
  FEED_ITEM_SCHEMA,
  FEED_PAGE_SCHEMA,
  webhookEventSchema,
} from '../../src/events/json-schemas.js';
import { WebhookDispatcher } from '../../src/events/webhook-dispatcher.js';
import { configureWebhookAllowList } from '../../src/events/webhook-target.js';
import { PENALTY_PROVISIONS_SEED } from '../../src/procedure/provisions/provisions.seed.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { codesOf, violationsOf } from '../support/procedure-steps.js';

/**
 * Issue 14 (webhook and feed kit) and issue 13 capability 9 (publication lifecycle), through
 * the API: a penalty case walked from the clue to closure, its deliveries received by the
 * example receiver of docs/webhooks.md and validated against the JSON Schemas, the public feed
 * validated too, then credit repair and expiry take the record out of publication.
 */

interface ReceivedEvent {
  id: string;
  type: DomainEventType;
  case: { id: string; number: string };
  data: Record<string, unknown>;
}
interface ExampleReceiver {
  verifyZhifaSignature(
    secret: string,
    headers: Record<string, unknown>,
    rawBody: Buffer,
    nowMs?: number,
  ): boolean;
  createZhifaReceiver(secret: string, onEvent: (event: ReceivedEvent) => Promise<void>): Server;
}
interface FeedPage {
  items: {
    id: string;
    caseId: string;
    endsOn: string;
    withdrawnOn: string | null;
    withdrawalGround: string | null;
    fields: Record<string, unknown> | null;
  }[];
  next: string | null;
}

let app: TestApp;
let http: ZhifaApp;
let base = '';
let today = '2026-11-22';
let workDir = '';
let example: ExampleReceiver;
const ajv = new Ajv2020({ strict: true, allErrors: true });
ajv.addSchema(FEED_ITEM_SCHEMA);
const validators = new Map<string, ValidateFunction>(
  DOMAIN_EVENT_TYPES.map((type) => [type, ajv.compile(webhookEventSchema(type))]),
);
const validateFeed = ajv.compile(FEED_PAGE_SCHEMA);

/** The receiver code block of docs/webhooks.md, as a module. */
async function loadExampleReceiver(): Promise<ExampleReceiver> {
  const docs = await readFile(join(import.meta.dirname, '../../docs/webhooks.md'), 'utf8');
  const block = /<!-- receiver:start -->\s*```js\n([\s\S]*?)```\s*<!-- receiver:end -->/.exec(docs);
  expect(block, 'docs/webhooks.md has its receiver block').not.toBeNull();
  const file = join(workDir, 'receiver.mjs');
  await writeFile(file, block![1]!);
  return (await import(pathToFileURL(file).href)) as ExampleReceiver;
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

async function feed(): Promise<FeedPage> {
  const response = await fetch(`${base}/feeds/publications.json?limit=500`);
  expect(response.status).toBe(200);
  const page = (await response.json()) as FeedPage;
  expect(validateFeed(page), JSON.stringify(validateFeed.errors)).toBe(true);
  return page;
}

function expectValid(body: { type: string }): void {
  const validate = validators.get(body.type)!;
  expect(validate(body), `${body.type}: ${JSON.stringify(validate.errors)}`).toBe(true);
}

beforeAll(async () => {
  app = await createTestApp();
  configureWebhookAllowList(['127.0.0.1']);
  http = await createApp({
    orm: app.orm,
    jwt: app.jwt,
    production: false,
    logError: () => {},
    now: () => new Date(`${today}T02:00:00Z`),
  });
  await new Promise<void>((resolve) => http.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.httpServer.address() as AddressInfo).port}`;
  workDir = await mkdtemp(join(tmpdir(), 'zhifa-receiver-'));
  example = await loadExampleReceiver();
});

afterAll(async () => {
  await http?.apollo.stop();
  http?.httpServer.close();
  await app?.close();
  if (workDir) {
    await rm(workDir, { recursive: true, force: true });
  }
});

describe('webhook and feed kit (issue 14), publication lifecycle (issue 13 capability 9)', () => {
  let caseId = '';
  let publicationId = '';
  const received: ReceivedEvent[] = [];
  let receiver: Server;
  let receiverUrl = '';
  let secret = '';

  it('the example receiver of docs/webhooks.md verifies every real delivery of a walked case, and every body matches its JSON Schema', async () => {
    const port = await freePort();
    receiverUrl = `http://127.0.0.1:${port}/zhifa`;
    const registered = await app.run<{ registerWebhook: { secret: string } }>(
      `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { secret } }`,
      {
        input: {
          officeId: app.demo.offices.beijing!.id,
          url: receiverUrl,
          eventTypes: [...DOMAIN_EVENT_TYPES],
        },
      },
      'BJ0006',
    );
    expect(registered.errors, JSON.stringify(registered.errors)).toBeUndefined();
    secret = registered.data!.registerWebhook.secret;
    receiver = example.createZhifaReceiver(secret, async (event) => {
      received.push(event);
    });
    await new Promise<void>((resolve) => receiver.listen(port, '127.0.0.1', resolve));

    const result = await runDemoCase(async (query, variables, certificate, date) => {
      app.setToday(date);
      const response = await app.run(query, variables, certificate);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data!;
    }, app.demo);
    caseId = result.caseId;
    await new WebhookDispatcher({ orm: app.orm, timeoutMs: 5000 }).drain();

    const deliveries = await app.orm.em.fork().find(WebhookDelivery, {});
    expect(deliveries.length).toBeGreaterThan(10);
    expect(deliveries.every((d) => d.status === 'DELIVERED')).toBe(true);
    expect(received).toHaveLength(deliveries.length);
    for (const event of received) {
      expectValid(event);
    }
    expect(new Set(received.map((e) => e.type))).toEqual(
      new Set([
        'CASE_DOCKETED',
        'DOCUMENT_ISSUED',
        'DECISION_MADE',
        'PUBLICATION_DUE',
        'DOCUMENT_SERVED',
        'PAYMENT_RECORDED',
        'CASE_CLOSED',
      ]),
    );
    // What the outbox holds is what was delivered: every stored event validates too.
    for (const stored of await app.orm.em.fork().find(DomainEvent, { caseId })) {
      expectValid(stored.payload as { type: string });
    }
    // Through the API: each event's payload validates against the payloadSchema served beside it.
    const listed = await app.run<{
      domainEvents: {
        edges: {
          node: { type: string; payload: unknown; payloadSchema: object; payloadSchemaUrl: string };
        }[];
      };
    }>(
      `query($caseId: ID) { domainEvents(first: 50, caseId: $caseId) { edges { node { type payload payloadSchema payloadSchemaUrl } } } }`,
      { caseId },
      'BJ0006',
    );
    expect(listed.errors, JSON.stringify(listed.errors)).toBeUndefined();
    const nodes = listed.data!.domainEvents.edges.map((e) => e.node);
    expect(nodes.length).toBeGreaterThan(5);
    const servedAjv = new Ajv2020({ strict: true, allErrors: true });
    for (const node of nodes) {
      expect(node.payloadSchemaUrl).toBe(`/schemas/webhook/${node.type}.json`);
      const validate =
        servedAjv.getSchema(node.payloadSchemaUrl) ?? servedAjv.compile(node.payloadSchema);
      expect(validate(node.payload), JSON.stringify(validate.errors)).toBe(true);
    }
  }, 180_000);

  it('the example receiver refuses a body changed after signing, a wrong secret and a stale timestamp', async () => {
    const event = await app.orm.em.fork().findOneOrFail(
      DomainEvent,
      { caseId },
      {
        orderBy: { occurredAt: 'asc' },
      },
    );
    const body = Buffer.from(JSON.stringify(event.payload));
    const { signWebhook } = await import('../../src/events/webhook-signature.js');
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers = {
      'zhifa-timestamp': timestamp,
      'zhifa-signature': signWebhook(secret, timestamp, body.toString()),
    };
    expect(example.verifyZhifaSignature(secret, headers, body)).toBe(true);
    const tampered = Buffer.from(body.toString().replace('京网信', '沪网信'));
    expect(example.verifyZhifaSignature(secret, headers, tampered)).toBe(false);
    expect(example.verifyZhifaSignature(`${secret}x`, headers, body)).toBe(false);
    expect(example.verifyZhifaSignature(secret, headers, body, Date.now() + 10 * 60_000)).toBe(
      false,
    );
    const posted = await fetch(receiverUrl, { method: 'POST', headers, body: tampered });
    expect(posted.status).toBe(401);
  });

  it('APL art. 48(1): the published record names the provision’s unlawful act as 违法行为类型, records the choice, and leaves the feed after its 公示截止期', async () => {
    const em = app.orm.em.fork();
    const decision = await em.findOneOrFail(Decision, { case: caseId });
    // The demo's decision gives no finding: a fine is presumed to have social impact.
    expect(decision.publicationChoice).toBe('PRESUMED_SOCIAL_IMPACT');
    const [publication, ...others] = await em.find(Publication, { case: caseId });
    expect(others).toEqual([]);
    publicationId = publication!.id;
    const unlawfulActs = decision.penalties.map(
      (p) => PENALTY_PROVISIONS_SEED.find((s) => s.id === p.provisionId)!.unlawfulActZh,
    );
    expect(publication!.fields.违法行为类型).toBe([...new Set(unlawfulActs)].join('；'));
    expect(publication!.fields.违法行为类型).not.toBe('违法处理个人信息案');
    expect(publication!.endsOn).toBe('2026-10-31');
    expect(publication!.fields.公示截止期).toBe('2026-10-31');

    today = '2026-10-31';
    const onLastDay = await feed();
    const item = onLastDay.items.find((i) => i.id === publicationId)!;
    expect(item).toMatchObject({ caseId, endsOn: '2026-10-31', withdrawnOn: null });
    expect(item.fields).toMatchObject({ 行政处罚决定书文号: '京网信罚〔2025〕1号' });
    today = '2026-11-01';
    expect((await feed()).items.map((i) => i.id)).not.toContain(publicationId);
    // Officers' list leaves it out too, unless asked for expired records.
    app.setToday('2026-11-01');
    const listed = await app.run<{ publications: { edges: { node: { id: string } }[] } }>(
      `query($filter: PublicationFilter) { publications(first: 50, filter: $filter) { edges { node { id } } } }`,
      { filter: { includeExpired: false } },
      'BJ0001',
    );
    expect(listed.data!.publications.edges.map((e) => e.node.id)).not.toContain(publicationId);
  });

  it('credit repair (信用修复) removes the record early, only after the minimum publication period, with its basis, audited and announced', async () => {
    const REMOVE = `mutation($input: RemovePublicationOnCreditRepairInput!) {
      removePublicationOnCreditRepair(input: $input) { id withdrawnOn withdrawalGround withdrawalBasis }
    }`;
    const input = {
      publicationId,
      basis: '“信用中国”网站信用修复结果（京信修〔2026〕12号）',
      reason: '当事人已履行处罚决定并完成信用修复',
    };
    app.setToday('2026-01-20');
    today = '2026-01-20';
    // Published 2025-10-31: the 3 months run to 2026-01-31.
    const early = await app.run(
      REMOVE,
      { input: { ...input, repairedOn: '2026-01-15' } },
      'BJ0001',
    );
    expect(codesOf(violationsOf(early))).toEqual(['CREDIT_REPAIR_BEFORE_MINIMUM_PUBLICATION']);
    expect(
      await app.orm.em
        .fork()
        .count(CaseEvent, { case: caseId, action: 'removePublicationOnCreditRepair' }),
    ).toBe(0);
    const byHandler = await app.run(
      REMOVE,
      { input: { ...input, repairedOn: '2026-02-02' } },
      'BJ0002',
    );
    expect(byHandler.errors?.[0]?.extensions?.code).toBe('ROLE_REQUIRED');

    app.setToday('2026-02-03');
    today = '2026-02-03';
    const removed = await app.run<{
      removePublicationOnCreditRepair: {
        withdrawnOn: string;
        withdrawalGround: string;
        withdrawalBasis: string;
      };
    }>(REMOVE, { input: { ...input, repairedOn: '2026-02-02' } }, 'BJ0001');
    expect(removed.errors, JSON.stringify(removed.errors)).toBeUndefined();
    expect(removed.data!.removePublicationOnCreditRepair).toMatchObject({
      withdrawnOn: '2026-02-03',
      withdrawalGround: 'CREDIT_REPAIR',
      withdrawalBasis: input.basis,
    });
    const audited = await app.orm.em.fork().findOneOrFail(CaseEvent, {
      case: caseId,
      action: 'removePublicationOnCreditRepair',
    });
    expect(audited.payload).toMatchObject({
      publicationId,
      ground: 'CREDIT_REPAIR',
      basis: input.basis,
    });
    const chain = await app.run<{ case: { auditChain: { intact: boolean } } }>(
      `query($id: ID!) { case(id: $id) { auditChain { intact } } }`,
      { id: caseId },
      'BJ0001',
    );
    expect(chain.data!.case.auditChain.intact).toBe(true);

    // Portals see it come back withdrawn, without its fields, in the feed and by webhook.
    const item = (await feed()).items.find((i) => i.id === publicationId)!;
    expect(item).toMatchObject({
      withdrawnOn: '2026-02-03',
      withdrawalGround: 'CREDIT_REPAIR',
      fields: null,
    });
    const before = received.length;
    await new WebhookDispatcher({ orm: app.orm, timeoutMs: 5000 }).drain();
    const withdrawn = received.slice(before);
    expect(withdrawn.map((e) => e.type)).toEqual(['PUBLICATION_WITHDRAWN']);
    expectValid(withdrawn[0]!);
    expect(withdrawn[0]!.data).toMatchObject({
      publicationId,
      ground: 'CREDIT_REPAIR',
      repairedOn: '2026-02-02',
    });

    const again = await app.run(
      REMOVE,
      { input: { ...input, repairedOn: '2026-02-02' } },
      'BJ0001',
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('PUBLICATION_ALREADY_WITHDRAWN');
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });
});

describe('multi-party publication (issue 13 capability 11)', () => {
  it('APL art. 48(1): each penalized party gets its own record, naming that party and its own penalties; an unpenalized party and the responsible persons are not published', async () => {
    const em = app.orm.em.fork();
    const found = await em.findOneOrFail(
      Case,
      { id: app.demo.cases.yunfanDataSecurity!.id },
      { populate: ['parties', 'office'] },
    );
    const yunfan = app.demo.parties.yunfan!;
    const lanjing = await em.findOneOrFail(Party, { id: app.demo.parties.lanjing!.id });
    found.parties.add(lanjing);
    // Only the second party is penalized: the record must not name the first.
    const onlySecond = em.create(Decision, {
      case: found,
      kind: 'PENALTY',
      decidedOn: '2026-04-10' as LocalDate,
      documentNumber: '沪网信罚〔2026〕9号',
      reasons: '共同违法，分别处罚',
      penalties: [
        { kind: 'FINE', amountYuan: '50000.00', provisionId: 'DSL-45-1', partyId: lanjing.id },
      ],
    });
    const calendar = await loadWorkingDayCalendar(em);
    const [single, ...none] = await publishPenaltyDecision(em, found, onlySecond, '事实', calendar);
    expect(none).toEqual([]);
    expect(single!.partyId).toBe(lanjing.id);
    expect(single!.fields).toMatchObject({ 行政相对人名称: lanjing.name, 罚款金额: '5' });

    const both = em.create(Decision, {
      case: found,
      kind: 'PENALTY',
      decidedOn: '2026-04-10' as LocalDate,
      documentNumber: '沪网信罚〔2026〕10号',
      reasons: '共同违法，分别处罚',
      penalties: [
        { kind: 'WARNING', amountYuan: null, provisionId: 'DSL-45-1', partyId: yunfan.id },
        { kind: 'FINE', amountYuan: '200000.00', provisionId: 'DSL-45-1', partyId: lanjing.id },
        // 双罚制: a fine on the directly responsible persons is not the party's to publish.
        {
          kind: 'FINE',
          amountYuan: '10000.00',
          provisionId: 'DSL-45-1',
          target: 'RESPONSIBLE_PERSON',
        },
      ],
    });
    const records = await publishPenaltyDecision(em, found, both, '事实', calendar);
    expect(
      records.map((r) => [r.fields.行政相对人名称, r.fields.处罚类别, r.fields.罚款金额]),
    ).toEqual([
      [yunfan.name, '警告', null],
      [lanjing.name, '罚款', '20'],
    ]);
    await em.flush();
    const page = await feed();
    for (const record of [single!, ...records]) {
      expect(page.items.find((i) => i.id === record.id)?.fields).toMatchObject({
        行政相对人名称: record.fields.行政相对人名称,
        违法行为类型: record.fields.违法行为类型,
      });
    }
  });
});
