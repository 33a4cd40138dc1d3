import { randomBytes } from 'node:crypto';
import { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createRequestContext } from '../../src/app-context.js';
import { createOrmConfig } from '../../src/db/mikro-orm.config.js';
import { signToken } from '../../src/auth/jwt.js';
import { Case } from '../../src/entities/case.entity.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

/** Tables with an office path, and tables whose rows belong to a case. */
const PATH_TABLES = [
  'case',
  'party',
  'officer',
  'deadline',
  'publication',
  'domain_event',
  'interview',
  'interview_event',
  'interview_document',
];
const CASE_TABLES = [
  'evidence',
  'decision',
  'case_document',
  'case_event',
  'service_record',
  'case_handler',
  'case_party',
];

type Row = Record<string, unknown>;

const signFor = (officerId: string) => signToken(officerId, app.jwt, 600);

async function ownerRows(sql: string): Promise<Row[]> {
  return app.orm.em.getConnection().execute(sql);
}

describe('row-level security backstop', () => {
  it('a request scoped to a county office sees only its subtree, even without a filter', async () => {
    const ctx = await createRequestContext(app.orm, app.jwt, `Bearer ${app.tokenFor('HD0001')}`);
    try {
      const path = ctx.actor!.officePath;
      for (const table of PATH_TABLES) {
        // Deliberately unscoped: no where clause at all.
        const seen: { office_path: string }[] = await ctx.em.execute(
          `select office_path from "${table}"`,
        );
        const all = await ownerRows(`select office_path from "${table}"`);
        const expected = all.filter((r) => String(r.office_path).startsWith(path));
        expect(seen.length, table).toBe(expected.length);
        expect(
          seen.every((r) => r.office_path.startsWith(path)),
          table,
        ).toBe(true);
      }
      for (const table of CASE_TABLES) {
        const seen: { case_id: string }[] = await ctx.em.execute(`select case_id from "${table}"`);
        const expected = await ownerRows(
          `select t.case_id from "${table}" t join "case" c on c.id = t.case_id where starts_with(c.office_path, '${path}')`,
        );
        expect(seen.length, table).toBe(expected.length);
      }
      // Out-of-scope rows exist, so the equalities above are not vacuous.
      const [outside] = await ownerRows(
        `select count(*)::int as n from "case" where not starts_with(office_path, '${path}')`,
      );
      expect((outside as { n: number }).n).toBeGreaterThan(0);
      const [inside] = await ctx.em.execute<{ n: number }[]>(
        `select count(*)::int as n from "case"`,
      );
      expect(inside!.n).toBeGreaterThan(0);
    } finally {
      await ctx.endScope?.();
    }
  });

  it('refuses to write a row outside the scope', async () => {
    const ctx = await createRequestContext(app.orm, app.jwt, `Bearer ${app.tokenFor('HD0001')}`);
    const shanghai = (
      await ownerRows(
        `select path from office where path not like '${ctx.actor!.officePath}%' order by length(path) desc limit 1`,
      )
    )[0] as { path: string };
    await expect(
      ctx.em.execute(`update party set office_path = ? where office_path = ?`, [
        shanghai.path,
        ctx.actor!.officePath,
      ]),
    ).rejects.toThrow(/row-level security/);
    await ctx.endScope?.();
  });

  it('with no office path set, the application role sees nothing', async () => {
    const em = app.orm.em.fork();
    await em.begin();
    try {
      await em.execute(`select set_config('role', 'zhifa_app', true)`);
      for (const table of [...PATH_TABLES, ...CASE_TABLES, 'evidence_collector']) {
        const [row] = await em.execute<{ n: number }[]>(
          `select count(*)::int as n from "${table}"`,
        );
        expect(row!.n, table).toBe(0);
      }
      // An empty path is no path (it would otherwise prefix every row).
      await em.execute(`select set_config('zhifa.office_path', '', true)`);
      const [row] = await em.execute<{ n: number }[]>(`select count(*)::int as n from "case"`);
      expect(row!.n).toBe(0);
      // And the role cannot step around the policies.
      const [role] = await em.execute<{ bypass: boolean; superuser: boolean }[]>(
        `select rolbypassrls as bypass, rolsuper as superuser from pg_roles where rolname = current_user`,
      );
      expect(role).toEqual({ bypass: false, superuser: false });
    } finally {
      await em.rollback();
    }
  });

  it('the owner connection the system uses outside requests is not scoped', async () => {
    const [row] = await ownerRows(`select count(*)::int as n from "case"`);
    expect((row as { n: number }).n).toBeGreaterThan(0);
  });

  it('a GraphQL request answers as before and returns its connection unscoped', async () => {
    const result = await app.run<{ cases: { totalCount: number } }>(
      `{ cases(first: 5) { totalCount } }`,
      {},
      'HD0001',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.cases.totalCount).toBeGreaterThan(0);
    const [settings] = await ownerRows(
      `select current_user as role, coalesce(current_setting('zhifa.office_path', true), '') as path`,
    );
    expect(settings).toEqual({ role: expect.not.stringMatching(/zhifa_app/), path: '' });
  });
});

describe('the request transaction', () => {
  it('an answer whose transaction cannot commit is not a success: SERVICE_UNAVAILABLE, retryable', async () => {
    // A pool of its own: the killed connection must not be handed to the other tests.
    const orm = await MikroORM.init(createOrmConfig({ clientUrl: app.clientUrl, poolMax: 1 }));
    onTestFinished(() => orm.close(true));
    const ctx = await createRequestContext(orm, app.jwt, `Bearer ${app.tokenFor('HD0001')}`);
    const [backend] = await ctx.em.execute<{ pid: number }[]>(`select pg_backend_pid() as pid`);
    await ownerRows(`select pg_terminate_backend(${backend!.pid})`);
    // `me` is answered from the context, so only the commit meets the lost connection.
    const result = await app.apollo.executeOperation(
      { query: `{ me { id } }` },
      { contextValue: ctx },
    );
    const body = result.body.kind === 'single' ? result.body.singleResult : undefined;
    expect(body?.data).toBeUndefined();
    expect(body?.errors?.[0]?.extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      retryable: true,
    });
    expect(result.http.status).toBe(503);
  });
});

describe('requests on a pool that logs in as the application role', () => {
  const role = `zhifa_app_login_${randomBytes(4).toString('hex')}`;
  let loginOrm: MikroORM;

  beforeAll(async () => {
    const password = randomBytes(12).toString('hex');
    await ownerRows(
      `create role ${role} login password '${password}' nobypassrls in role zhifa_app`,
    );
    const url = new URL(app.clientUrl);
    url.username = role;
    url.password = password;
    loginOrm = await MikroORM.init(createOrmConfig({ clientUrl: url.toString(), poolMax: 2 }));
  });

  afterAll(async () => {
    await loginOrm?.close(true);
    await ownerRows(`drop role if exists ${role}`);
  });

  it('sees nothing outside a request scope, and only the subtree within one', async () => {
    const [unscoped] = await loginOrm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from "case"`);
    expect(unscoped!.n).toBe(0);
    const ctx = await createRequestContext(
      loginOrm,
      app.jwt,
      `Bearer ${app.tokenFor('HD0001')}`,
      undefined,
      { role: undefined },
    );
    try {
      expect(ctx.actor?.officerId).toBe(app.demo.officers.HD0001!.id);
      const seen: { office_path: string }[] = await ctx.em.execute(`select office_path from party`);
      const all = await ownerRows(`select office_path from party`);
      const path = ctx.actor!.officePath;
      expect(seen.length).toBe(all.filter((r) => String(r.office_path).startsWith(path)).length);
      expect(seen.length).toBeLessThan(all.length);
      const result = await app.apollo.executeOperation(
        { query: `{ cases(first: 50) { totalCount edges { node { office { id } } } } }` },
        { contextValue: ctx },
      );
      const body = result.body.kind === 'single' ? result.body.singleResult : undefined;
      expect(body?.errors).toBeUndefined();
      expect((body?.data as { cases: { totalCount: number } }).cases.totalCount).toBeGreaterThan(0);
    } finally {
      await ctx.endScope?.();
    }
    // An unknown officer gets no scope and no transaction left open.
    const stranger = await createRequestContext(
      loginOrm,
      app.jwt,
      `Bearer ${signFor('00000000-0000-4000-8000-000000000000')}`,
      undefined,
      { role: undefined },
    );
    expect(stranger.actor).toBeUndefined();
    expect(stranger.endScope).toBeUndefined();
  });

  it('resolvers that fork the request EntityManager stay in its scope', async () => {
    const open = () =>
      createRequestContext(loginOrm, app.jwt, `Bearer ${app.tokenFor('HD0001')}`, undefined, {
        role: undefined,
      });
    const ctx = await open();
    try {
      expect(await ctx.em.fork().count(Case, {})).toBe(await ctx.em.count(Case, {}));
      expect(await ctx.em.fork().count(Case, {})).toBeGreaterThan(0);
    } finally {
      await ctx.endScope?.();
    }
    // amountDue reads its snapshot through a fork.
    const [haidianCase] = await ownerRows(
      `select c.id from "case" c join officer o on starts_with(c.office_path, o.office_path) where o.id = '${app.demo.officers.HD0001!.id}' limit 1`,
    );
    const due = await app.apollo.executeOperation(
      {
        query: `query($id: ID!) { case(id: $id) { id amountDue { outstandingYuan } } }`,
        variables: { id: (haidianCase as { id: string }).id },
      },
      { contextValue: await open() },
    );
    const body = due.body.kind === 'single' ? due.body.singleResult : undefined;
    expect(body?.errors).toBeUndefined();
  });
});
