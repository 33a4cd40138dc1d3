import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookDelivery } from '../../src/entities/webhook-delivery.entity.js';
import { recordDomainEvent } from '../../src/events/record-domain-event.js';
import { WebhookDispatcher } from '../../src/events/webhook-dispatcher.js';
import { checkWebhookTarget, configureWebhookAllowList } from '../../src/events/webhook-target.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 11, D12: webhook URLs must point at public addresses unless allow-listed. Only
 * loopback is ever contacted here; the private addresses are refused before any packet.
 */
let app: TestApp;
let receiver: Server;
let received = 0;
let port: number;

beforeAll(async () => {
  app = await createTestApp();
  receiver = createServer((_req, res) => {
    received += 1;
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  port = (receiver.address() as AddressInfo).port;
});

afterAll(async () => {
  configureWebhookAllowList([]);
  await new Promise((resolve) => receiver?.close(resolve));
  await app?.close();
});

const REGISTER = `mutation($input: RegisterWebhookInput!) { registerWebhook(input: $input) { webhook { id url } } }`;

async function register(url: string) {
  return app.run<{ registerWebhook: { webhook: { id: string } } }>(
    REGISTER,
    { input: { officeId: app.demo.offices.beijing!.id, url, eventTypes: ['CASE_DOCKETED'] } },
    'BJ0006',
  );
}

describe('webhook targets (D12)', () => {
  it.each([
    'http://127.0.0.1/hook',
    'http://127.1.2.3:8080/hook',
    'http://10.0.0.5/hook',
    'https://10.255.1.1/hook',
    'http://172.16.3.4/hook',
    'http://192.168.1.1/hook',
    'http://169.254.169.254/latest/meta-data',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[fd00::1]/hook',
    'http://0.0.0.0/hook',
    'http://localhost/hook',
  ])('refuses %s at registration, writing nothing', async (url) => {
    const before = await app.tableCounts();
    const result = await register(url);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'WEBHOOK_URL_NOT_PUBLIC' });
    expect(await app.tableCounts()).toEqual(before);
  });

  it('accepts a public address, and a private one once an administrator allow-lists it', async () => {
    expect(await checkWebhookTarget('https://203.0.112.9/hook')).toEqual({
      ok: true,
      addresses: ['203.0.112.9'],
    });
    configureWebhookAllowList(['127.0.0.1']);
    try {
      const result = await register(`http://127.0.0.1:${port}/hook`);
      expect(result.errors).toBeUndefined();
    } finally {
      configureWebhookAllowList([]);
    }
    expect((await checkWebhookTarget('http://10.1.2.3/')).ok).toBe(false);
    configureWebhookAllowList(['10.1.0.0/16']);
    expect((await checkWebhookTarget('http://10.1.2.3/')).ok).toBe(true);
    expect((await checkWebhookTarget('http://10.2.0.1/')).ok).toBe(false);
    configureWebhookAllowList([]);
  });

  it('checks again at delivery: a target no longer allow-listed receives nothing', async () => {
    // Registered while loopback was allow-listed (previous test); the allow-list is now empty.
    const em = app.orm.em.fork();
    await em.transactional(async (tx) => {
      await recordDomainEvent(tx, 'CASE_DOCKETED', {
        caseId: null,
        officePath: app.demo.offices.beijing!.path,
        payload: { data: { note: '测试' } },
      });
    });
    const dispatcher = new WebhookDispatcher({ orm: app.orm, timeoutMs: 2000, random: () => 0.5 });
    const result = await dispatcher.drain(3);
    expect(result.claimed).toBeGreaterThan(0);
    expect(result.delivered).toBe(0);
    expect(received).toBe(0);
    const deliveries = await app.orm.em.fork().find(WebhookDelivery, {});
    expect(deliveries.some((d) => String(d.lastError).startsWith('TARGET_NOT_ALLOWED'))).toBe(true);
  });
});
