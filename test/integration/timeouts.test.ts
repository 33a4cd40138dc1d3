import { MikroORM } from '@mikro-orm/postgresql';
import type { AddressInfo } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { createOrmConfig } from '../../src/db/mikro-orm.config.js';
import { officerId, registerCase } from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 11, D2: a held row lock or a full pool ends in a typed, retryable
 * SERVICE_UNAVAILABLE, and other offices keep being served.
 */
let test: TestApp;
let orm: MikroORM;
let app: ZhifaApp;
let base: string;

beforeAll(async () => {
  test = await createTestApp();
  // The server's own connections, with short timeouts so the test does not wait long.
  orm = await MikroORM.init(
    createOrmConfig({
      clientUrl: test.clientUrl,
      poolMax: 3,
      timeouts: { lockTimeoutMs: 400, poolAcquireTimeoutMs: 500 },
    }),
  );
  app = await createApp({ orm, jwt: test.jwt, production: true, logError: () => {} });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app?.apollo.stop();
  await orm?.close(true);
  await test?.close();
});

async function graphql(
  query: string,
  variables: Record<string, unknown>,
  certificate: string,
): Promise<{
  status: number;
  retryAfter: string | null;
  body: Record<string, unknown> & {
    errors?: { message: string; extensions: Record<string, unknown> }[];
  };
}> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${test.tokenFor(certificate)}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: (await response.json()) as never,
  };
}

describe('database timeouts', () => {
  it('sets statement, lock and idle-in-transaction timeouts on every application connection', async () => {
    const [row] = await orm.em
      .getConnection()
      .execute<{ lock: string; statement: string; idle: string }[]>(
        `select current_setting('lock_timeout') as lock, current_setting('statement_timeout') as statement,
                current_setting('idle_in_transaction_session_timeout') as idle`,
      );
    expect(row).toEqual({ lock: '400ms', statement: '15s', idle: '30s' });
  });

  it('a mutation on a case whose row is locked elsewhere answers SERVICE_UNAVAILABLE (retryable), and another office keeps reading', async () => {
    const caseId = await registerCase(test, {
      receivedOn: '2026-12-03',
      partyKey: 'xinghe',
      certificate: 'BJ0002',
    });
    const holder = new pg.Client({ connectionString: test.clientUrl });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query('select id from "case" where id = $1 for update', [caseId]);

      // The lock is released only after the mutation answered: without lock_timeout it would wait forever.
      const mutation = await graphql(
        `
          mutation ($caseId: ID!, $input: DecideDocketingInput!) {
            decideDocketing(caseId: $caseId, expectedVersion: 1, input: $input) {
              case {
                id
                version
              }
            }
          }
        `,
        {
          caseId,
          input: {
            docket: true,
            handlerIds: [officerId(test, 'BJ0002'), officerId(test, 'BJ0003')],
            jurisdictionBasis: 'TERRITORIAL',
            jurisdictionExplanation: '违法行为发生地在本行政区域',
          },
        },
        'BJ0001',
      );
      const error = mutation.body.errors![0]!;
      expect(error.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', retryable: true });
      expect(error.extensions.errorId).toEqual(expect.any(String));
      // Nothing about the database in the message.
      expect(error.message).not.toMatch(/lock|timeout|127\.0\.0\.1|postgres|canceling/i);
      expect(mutation.status).toBe(503);
      expect(mutation.retryAfter).toBe('2');

      // Shanghai's reads are not affected by a lock on a Beijing case.
      const read = await graphql(
        `
          {
            cases(first: 5) {
              edges {
                node {
                  id
                }
              }
            }
          }
        `,
        {},
        'SH0001',
      );
      expect(read.status).toBe(200);
      expect(read.body.errors).toBeUndefined();
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
    // Once the lock is gone the same step succeeds: nothing was half-written.
    const [row] = await orm.em
      .getConnection()
      .execute<{ version: number }[]>('select version from "case" where id = ?', [caseId]);
    expect(row!.version).toBe(1);
  });

  it('a full pool answers 503 SERVICE_UNAVAILABLE with Retry-After, not BAD_USER_INPUT with the driver text', async () => {
    // Hold every pooled connection in an open transaction.
    const release: (() => void)[] = [];
    const held: Promise<unknown>[] = [];
    const started: Promise<void>[] = [];
    for (let i = 0; i < 3; i += 1) {
      let began!: () => void;
      started.push(new Promise<void>((resolve) => (began = resolve)));
      held.push(
        orm.em.fork().transactional(async (em) => {
          await em.getConnection().execute('select 1', [], 'all', em.getTransactionContext());
          began();
          await new Promise<void>((resolve) => release.push(resolve));
        }),
      );
    }
    await Promise.all(started);
    try {
      const answer = await graphql(
        `
          {
            me {
              name
            }
          }
        `,
        {},
        'SH0001',
      );
      expect(answer.status).toBe(503);
      expect(answer.retryAfter).toBe('2');
      const error = answer.body.errors![0]!;
      expect(error.extensions.code).toBe('SERVICE_UNAVAILABLE');
      expect(error.extensions.retryable).toBe(true);
      expect(JSON.stringify(answer.body)).not.toMatch(/Knex|pool|127\.0\.0\.1|BAD_USER_INPUT/);
    } finally {
      release.forEach((r) => r());
      await Promise.all(held);
    }
    // And the next request is served again.
    const again = await graphql(
      `
        {
          me {
            name
          }
        }
      `,
      {},
      'SH0001',
    );
    expect(again.body.errors).toBeUndefined();
  });
});
