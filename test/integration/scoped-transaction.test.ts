import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext } from '../../src/app.js';
import { openOfficerScope } from '../../src/auth/row-level-security.js';
import { readAndCommit } from '../../src/auth/scoped-transaction.js';
import { servedDecisionCase } from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The request transaction in fewer round trips (scoped-transaction.ts): BEGIN rides with the
 * scope statement, and a plain `case(id)` that is the operation's only field carries the
 * COMMIT. What reaches PostgreSQL is read from knex's query events (one per round trip);
 * MikroORM's query log (the statement counts) still sees every statement.
 */

let app: TestApp;
let decided: string;
let outside: string;
const sent: string[] = [];
/** What MikroORM's query log receives (the statement counts and ZHIFA_LOG_QUERIES read it). */
const logged: string[] = [];

beforeAll(async () => {
  app = await createTestApp();
  decided = (await servedDecisionCase(app)).caseId;
  // A case of another county (the fixtures' Shanghai case), outside HD0001's subtree.
  outside = app.demo.cases.yunfanDataSecurity!.id;
  app.orm.em
    .getConnection()
    .getKnex()
    .on('query', (query: { sql: string }) => sent.push(query.sql));
  const logger = app.orm.config.getLogger();
  const logQuery = logger.logQuery.bind(logger);
  logger.logQuery = (context) => {
    logged.push(context.query ?? '');
    logQuery(context);
  };
});

afterAll(async () => {
  await app?.close();
});

const DETAIL = `query($id: ID!) { case(id: $id) { id number status title
  office { id name } parties { id name } evidence { id kind title collectors { id name } }
  decisions { id kind decidedOn } deadlines { kind dueDate } documents { id kind title } } }`;

/** The same read, not the operation's only root field: its statement does not commit. */
const DETAIL_AND_TYPENAME = DETAIL.replace('query($id: ID!) {', 'query($id: ID!) { __typename');

async function run(query: string, id: string, certificate = 'CN0001') {
  const context = await createRequestContext(
    app.orm,
    app.jwt,
    `Bearer ${app.tokenFor(certificate)}`,
  );
  const response = await app.apollo.executeOperation(
    { query, variables: { id } },
    { contextValue: context },
  );
  if (response.body.kind !== 'single') {
    throw new Error('incremental delivery not expected');
  }
  return response.body.singleResult;
}

/** Round trips (knex query events) and logged statements of one operation. */
async function measured(query: string, id: string, certificate = 'CN0001') {
  sent.length = 0;
  logged.length = 0;
  app.resetQueryCount();
  const result = await run(query, id, certificate);
  return { result, roundTrips: [...sent], logged: [...logged], statements: app.queryCount() };
}

describe('the request transaction in fewer round trips', () => {
  it('a plain case detail alone in its operation takes two round trips, with the same answer and statements', async () => {
    // The officer's rows are read once, then answered from the actor cache.
    await run(DETAIL, decided);
    const alone = await measured(DETAIL, decided);
    expect(alone.result.errors).toBeUndefined();
    expect(alone.roundTrips).toHaveLength(2);
    expect(alone.roundTrips[0]).toMatch(
      /^BEGIN;select set_config\('role', 'zhifa_app', true\), set_config\('zhifa\.office_path'.*zhifa_officer_stamp\('[0-9a-f-]{36}'::uuid\) as stamp$/,
    );
    expect(alone.roundTrips[1]).toMatch(
      /^select c\.office_path, .* where c\.id = '[0-9a-f-]{36}'::uuid;COMMIT$/,
    );
    // The scope statement and the detail, as before (BEGIN and COMMIT are not counted).
    expect(alone.statements).toBe(2);
    expect(alone.logged).toEqual([
      'begin',
      expect.stringMatching(/^select set_config/),
      expect.stringMatching(/;COMMIT$/),
    ]);

    const beside = await measured(DETAIL_AND_TYPENAME, decided);
    expect(beside.result.errors).toBeUndefined();
    expect(beside.roundTrips).toHaveLength(3);
    expect(beside.roundTrips[1]).toMatch(/where c\.id = '[0-9a-f-]{36}'$/);
    expect(beside.roundTrips[2]).toBe('COMMIT;');
    expect(beside.statements).toBe(2);
    expect(beside.logged).toEqual([
      'begin',
      expect.stringMatching(/^select set_config/),
      expect.stringMatching(/where c\.id = \$1$/),
      'commit',
    ]);
    const { __typename, ...data } = beside.result.data as Record<string, unknown>;
    expect(__typename).toBe('Query');
    expect(JSON.stringify(alone.result.data)).toBe(JSON.stringify(data));
    expect(JSON.stringify(alone.result.data)).toContain(decided);
  });

  it('a case outside the actor’s subtree, a missing and a malformed id answer CASE_NOT_FOUND as before', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    for (const id of [outside, missing, 'not-a-uuid']) {
      for (const query of [DETAIL, DETAIL_AND_TYPENAME]) {
        const { result } = await measured(query, id, 'HD0001');
        expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['CASE_NOT_FOUND']);
      }
    }
    // The national officer sees the other county's case.
    const { result } = await measured(DETAIL, outside);
    expect(result.errors).toBeUndefined();
  });

  it('after the committing read the transaction refuses statements, outside the scope as inside', async () => {
    const em = app.orm.em.fork();
    const officer = app.demo.officers.HD0001!;
    const { endScope, stamp } = await openOfficerScope(em, officer.id, { role: 'zhifa_app' });
    expect(stamp).toMatch(/^[0-9a-f]{32}$/);
    const rows = await readAndCommit(
      em,
      `select current_setting('zhifa.office_path') as path, current_user as role`,
    );
    expect(rows).toEqual([{ path: expect.stringMatching(/^\//) as unknown, role: 'zhifa_app' }]);
    // Committed: no statement may run on the connection any more (it would run unscoped).
    await expect(em.execute('select 1')).rejects.toThrow(/already complete/);
    // A second committing read is not attempted.
    expect(await readAndCommit(em, 'select 1')).toBeUndefined();
    await endScope();
    const knex = app.orm.em.getConnection().getKnex();
    const pool = (knex.client as { pool: { numUsed(): number } }).pool;
    expect(pool.numUsed()).toBe(0);
    const [after] = await app.orm.em
      .fork()
      .execute<{ path: string | null; role: string }[]>(
        `select current_setting('zhifa.office_path', true) as path, current_user as role`,
      );
    expect(after!.path ?? '').toBe('');
    expect(after!.role).not.toBe('zhifa_app');
  });

  it('a scope statement that fails gives its connection back outside any transaction', async () => {
    const em = app.orm.em.fork();
    const officer = app.demo.officers.HD0001!;
    await expect(openOfficerScope(em, officer.id, { role: 'zhifa_no_such_role' })).rejects.toThrow(
      /zhifa_no_such_role/,
    );
    expect(em.getTransactionContext()).toBeUndefined();
    const knex = app.orm.em.getConnection().getKnex();
    expect((knex.client as { pool: { numUsed(): number } }).pool.numUsed()).toBe(0);
    // Every pooled connection answers (one left in an aborted transaction would not).
    const answers = await Promise.all(
      [1, 2, 3, 4].map(() =>
        app.orm.em
          .fork()
          .execute<{ one: number; open: boolean }[]>(
            `select 1 as one, now() = statement_timestamp() as open`,
          ),
      ),
    );
    expect(answers.map((r) => r[0])).toEqual(Array(4).fill({ one: 1, open: true }));
  });

  it('a deactivated officer is refused through the combined scope statement', async () => {
    const { result } = await measured(DETAIL, decided, 'CN0001');
    expect(result.errors).toBeUndefined();
    const officer = app.demo.officers.CN0001!;
    await app.orm.em
      .getConnection()
      .execute('update officer set active = false where id = ?', [officer.id]);
    try {
      const refused = await measured(DETAIL, decided, 'CN0001');
      expect(refused.result.errors?.map((e) => e.extensions?.code)).toEqual(['OFFICER_INACTIVE']);
      expect(refused.result.data ?? null).toBeNull();
    } finally {
      await app.orm.em
        .getConnection()
        .execute('update officer set active = true where id = ?', [officer.id]);
    }
  });
});
