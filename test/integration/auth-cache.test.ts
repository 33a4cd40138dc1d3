import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorOnlyCheckOf, createApp, createRequestContext } from '../../src/app.js';
import { readOfficerStamp } from '../../src/auth/row-level-security.js';
import { createLogger } from '../../src/observability/logger.js';
import { currentRequestScope, requestScope } from '../../src/observability/request-scope.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

interface Me {
  me: { id: string; name: string; roles: string[]; office: { name: string } };
}

const ME = '{ me { id name roles office { name } } }';

/** Statements the context (authentication and scope) runs for a token. */
async function contextStatements(authorization: string): Promise<number> {
  app.resetQueryCount();
  const ctx = await createRequestContext(app.orm, app.jwt, authorization);
  await ctx.endScope?.();
  expect(ctx.actor).toBeDefined();
  return app.queryCount();
}

describe('verified-token and actor cache (issue 10)', () => {
  it('authenticates a known officer with the scope statement alone', async () => {
    const authorization = `Bearer ${app.tokenFor('BJ0004')}`;
    const first = await contextStatements(authorization);
    const second = await contextStatements(authorization);
    // Miss: scope + stamp, officer row, office row. Hit: scope + stamp only.
    expect(first).toBe(3);
    expect(second).toBe(1);
  });

  it('refuses an officer deactivated after being cached, on their very next request', async () => {
    const token = app.tokenFor('BJ0005');
    const as = { authorization: `Bearer ${token}` };
    expect((await app.run<Me>(ME, undefined, as)).data?.me.id).toBe(app.demo.officers.BJ0005!.id);
    expect((await app.run<Me>(ME, undefined, as)).errors).toBeUndefined();
    const off = await app.run(
      `mutation($id: ID!) { updateOfficer(id: $id, input: { active: false }) { active } }`,
      { id: app.demo.officers.BJ0005!.id },
      'BJ0006',
    );
    expect(off.errors).toBeUndefined();
    expect(errorCode(await app.run(ME, undefined, as))).toBe('OFFICER_INACTIVE');
    await app.run(
      `mutation($id: ID!) { updateOfficer(id: $id, input: { active: true }) { active } }`,
      { id: app.demo.officers.BJ0005!.id },
      'BJ0006',
    );
    expect((await app.run<Me>(ME, undefined, as)).data?.me.id).toBe(app.demo.officers.BJ0005!.id);
  });

  it('sees changes made outside this process (plain SQL): deactivation, roles, the office', async () => {
    const id = app.demo.officers.BJ0003!.id;
    const as = { authorization: `Bearer ${app.tokenFor('BJ0003')}` };
    const before = (await app.run<Me>(ME, undefined, as)).data!.me;
    const db = app.orm.em.getConnection();

    await db.execute(`update officer set roles = '{ADMIN}' where id = ?`, [id]);
    expect((await app.run<Me>(ME, undefined, as)).data!.me.roles).toEqual(['ADMIN']);
    await db.execute(`update officer set roles = ?::text[] where id = ?`, [
      `{${before.roles.join(',')}}`,
      id,
    ]);

    await db.execute(
      `update office set name = name || '（测试）' where id = (select office_id from officer where id = ?)`,
      [id],
    );
    expect((await app.run<Me>(ME, undefined, as)).data!.me.office.name).toBe(
      `${before.office.name}（测试）`,
    );
    await db.execute(
      `update office set name = ? where id = (select office_id from officer where id = ?)`,
      [before.office.name, id],
    );

    await db.execute(`update officer set active = false where id = ?`, [id]);
    expect(errorCode(await app.run(ME, undefined, as))).toBe('OFFICER_INACTIVE');
    await db.execute(`update officer set active = true where id = ?`, [id]);
    expect((await app.run<Me>(ME, undefined, as)).data!.me).toEqual(before);
  });

  it('never accepts a token verified by another server in the same process', async () => {
    const other = { ...app.jwt, secret: `${app.jwt.secret}-other` };
    const authorization = `Bearer ${app.tokenFor('BJ0004')}`;
    await contextStatements(authorization);
    const ctx = await createRequestContext(app.orm, other, authorization);
    expect(ctx.actor).toBeUndefined();
    expect(ctx.authenticationError?.code).toBe('TOKEN_INVALID');
  });

  it('answers an operation reading only the actor with the stamp statement: no transaction, no scope', async () => {
    const as = { authorization: `Bearer ${app.tokenFor('BJ0004')}` };
    expect(actorOnlyCheckOf(app.apollo)(ME)).toBe(true);
    await contextStatements(as.authorization);
    const sent: string[] = [];
    const knex = app.orm.em.getConnection().getKnex();
    const listen = (query: { sql: string }) => sent.push(query.sql);
    knex.on('query', listen);
    app.resetQueryCount();
    try {
      // On app.orm (the pool whose statements are listened to), as the HTTP server would.
      const contextValue = await createRequestContext(
        app.orm,
        app.jwt,
        as.authorization,
        undefined,
        undefined,
        { actorOnly: true },
      );
      expect(contextValue.endScope).toBeUndefined();
      const response = await app.apollo.executeOperation({ query: ME }, { contextValue });
      const { data, errors } =
        response.body.kind === 'single'
          ? (response.body.singleResult as { data?: Me; errors?: unknown })
          : {};
      expect(errors).toBeUndefined();
      expect(data?.me.id).toBe(app.demo.officers.BJ0004!.id);
      expect(data?.me.office.name).toBeTruthy();
    } finally {
      knex.off('query', listen);
    }
    // One statement in MikroORM's query log: the stamp, sent as a prepared statement straight
    // to node-postgres (readOfficerStamp), so knex's query builder saw none.
    expect(app.queryCount()).toBe(1);
    expect(sent).toEqual([]);
  });

  it('makes the request EntityManager only when something uses it', async () => {
    const forks: unknown[] = [];
    const fork = app.orm.em.fork.bind(app.orm.em);
    app.orm.em.fork = ((options) => {
      const em = fork(options);
      forks.push(em);
      return em;
    }) as typeof app.orm.em.fork;
    try {
      // No token, a malformed one: nothing reads the database, no fork.
      const anonymous = await createRequestContext(app.orm, app.jwt, undefined);
      expect(anonymous.authenticationError?.code).toBe('UNAUTHENTICATED');
      const invalid = await createRequestContext(app.orm, app.jwt, 'Bearer nonsense');
      expect(invalid.authenticationError?.code).toBe('TOKEN_INVALID');
      // Apollo copies the context for the operation: the copy does not make one either.
      const typename = await app.apollo.executeOperation(
        { query: '{ __typename }' },
        { contextValue: anonymous },
      );
      expect(typename.body.kind === 'single' && typename.body.singleResult.data).toEqual({
        __typename: 'Query',
      });
      expect(forks).toHaveLength(0);
      // Used: one fork per request, the same one every time, still keeping the transaction.
      const em = anonymous.em;
      expect(forks).toEqual([em]);
      expect(anonymous.em === em).toBe(true);
      expect(await em.fork().getConnection().execute('select 1 as one')).toEqual([{ one: 1 }]);
      // An actor-only request answered from the cached actor: no fork either.
      const authorization = `Bearer ${app.tokenFor('BJ0004')}`;
      await contextStatements(authorization);
      const actorOnlyContext = () =>
        createRequestContext(app.orm, app.jwt, authorization, undefined, undefined, {
          actorOnly: true,
        });
      // (The first may build the actor shared by such requests, once per cached rows.)
      await actorOnlyContext();
      forks.length = 0;
      const actorOnly = await actorOnlyContext();
      expect(actorOnly.actor).toBeDefined();
      expect(actorOnly.endScope).toBeUndefined();
      const me = await app.apollo.executeOperation({ query: ME }, { contextValue: actorOnly });
      expect(me.body.kind === 'single' && me.body.singleResult.errors).toBeUndefined();
      expect(forks).toHaveLength(0);
      // Any other request with an officer opens its scope on its own fork at once.
      const scoped = await createRequestContext(app.orm, app.jwt, authorization);
      expect(forks).toHaveLength(1);
      expect(scoped.em === forks[0]).toBe(true);
      expect(scoped.em.getTransactionContext()).toBeDefined();
      expect(scoped.em.fork().getTransactionContext()).toBe(scoped.em.getTransactionContext());
      await scoped.endScope?.();
    } finally {
      app.orm.em.fork = fork as typeof app.orm.em.fork;
    }
  });

  it('reads the stamp as the SQL function answers it, counted, on a connection it gives back', async () => {
    const id = app.demo.officers.BJ0001!.id;
    const db = app.orm.em.getConnection();
    const sqlStamp = async (officerId: string) =>
      (
        await db.execute<{ stamp: string | null }[]>(
          'select zhifa_officer_stamp(?::uuid) as stamp',
          [officerId],
        )
      )[0]!.stamp;
    const before = await readOfficerStamp(app.orm.em, id);
    expect(before).toMatch(/\S/);
    expect(before).toBe(await sqlStamp(id));
    // Unknown officer: null; a malformed id takes em.execute, which refuses it as PostgreSQL does.
    expect(await readOfficerStamp(app.orm.em, '00000000-0000-4000-8000-000000000000')).toBeNull();
    await expect(readOfficerStamp(app.orm.em, 'not-a-uuid')).rejects.toThrow(/uuid/);
    // Counted into the request's scope like any statement (the operation log's sqlStatements).
    const counted = await new Promise<number | undefined>((resolve, reject) => {
      const req = { headers: {} } as unknown as Parameters<typeof requestScope>[0];
      const res = { setHeader: () => {} } as unknown as Parameters<typeof requestScope>[1];
      requestScope(req, res, () => {
        readOfficerStamp(app.orm.em, id)
          .then(() => resolve(currentRequestScope()?.sqlStatements))
          .catch(reject);
      });
    });
    expect(counted).toBe(1);
    // Far more reads than the pool's 4 connections, in turn and at once: each gives its back.
    for (let i = 0; i < 12; i += 1) {
      expect(await readOfficerStamp(app.orm.em, id)).toBe(before);
    }
    const together = await Promise.all(
      Array.from({ length: 12 }, () => readOfficerStamp(app.orm.em, id)),
    );
    expect(new Set(together)).toEqual(new Set([before]));
    // A changed row or a deactivation changes what the prepared statement answers at once.
    const [{ roles }] = await db.execute<{ roles: string }[]>(
      'select roles::text as roles from officer where id = ?',
      [id],
    );
    await db.execute(`update officer set roles = '{ADMIN}' where id = ?`, [id]);
    try {
      const changed = await readOfficerStamp(app.orm.em, id);
      expect(changed).not.toBe(before);
      expect(changed).toBe(await sqlStamp(id));
      await db.execute(`update officer set active = false where id = ?`, [id]);
      expect(await readOfficerStamp(app.orm.em, id)).toBeNull();
    } finally {
      await db.execute(`update officer set active = true, roles = ?::text[] where id = ?`, [
        roles,
        id,
      ]);
    }
    expect(await readOfficerStamp(app.orm.em, id)).toBe(before);
  });

  it('serves actor-only operations one actor built per cached rows, outside the request identity map', async () => {
    const id = app.demo.officers.BJ0002!.id;
    const authorization = `Bearer ${app.tokenFor('BJ0002')}`;
    const contextOf = (actorOnly: boolean) =>
      createRequestContext(app.orm, app.jwt, authorization, undefined, undefined, { actorOnly });
    const answer = async (contextValue: Awaited<ReturnType<typeof contextOf>>) => {
      const response = await app.apollo.executeOperation({ query: ME }, { contextValue });
      await contextValue.endScope?.();
      return response.body.kind === 'single' ? response.body.singleResult : undefined;
    };
    await contextStatements(authorization);
    const first = await contextOf(true);
    const second = await contextOf(true);
    expect(first.endScope).toBeUndefined();
    expect(second.actor === first.actor).toBe(true);
    expect(first.em.getUnitOfWork().getById('Officer', id) === undefined).toBe(true);
    // Any other operation: the officer enters the request's own identity map, as before.
    const scoped = await contextOf(false);
    expect(scoped.endScope).toBeDefined();
    expect(scoped.actor?.officer === first.actor?.officer).toBe(false);
    expect(scoped.em.getUnitOfWork().getById('Officer', id) === scoped.actor?.officer).toBe(true);
    const shared = await answer(first);
    expect(shared?.errors).toBeUndefined();
    expect(shared).toEqual(await answer(scoped));
    // A changed row changes the stamp: the next actor-only request has a new actor.
    const db = app.orm.em.getConnection();
    await db.execute(`update officer set name = name || '（改）' where id = ?`, [id]);
    try {
      const renamed = await contextOf(true);
      expect(renamed.actor === first.actor).toBe(false);
      expect(renamed.actor?.officer.name).toBe(`${first.actor?.officer.name}（改）`);
      await renamed.endScope?.();
      const again = await contextOf(true);
      expect(again.endScope).toBeUndefined();
      expect(again.actor === first.actor).toBe(false);
      expect(again.actor?.officer.name).toBe(`${first.actor?.officer.name}（改）`);
    } finally {
      await db.execute(`update officer set name = ? where id = ?`, [first.actor!.officer.name, id]);
    }
  });

  it('hydrates the actor officer of a query on first read only, and of a mutation before its resolvers', async () => {
    const id = app.demo.officers.BJ0003!.id;
    const authorization = `Bearer ${app.tokenFor('BJ0003')}`;
    const contextOf = (lazyOfficer: boolean) =>
      createRequestContext(app.orm, app.jwt, authorization, undefined, undefined, { lazyOfficer });
    const inMap = (ctx: Awaited<ReturnType<typeof contextOf>>) =>
      ctx.em.getUnitOfWork().getById('Officer', id);
    const execute = async (ctx: Awaited<ReturnType<typeof contextOf>>, query: string) => {
      const response = await app.apollo.executeOperation({ query }, { contextValue: ctx });
      await ctx.endScope?.();
      return response.body.kind === 'single' ? response.body.singleResult : undefined;
    };
    await contextStatements(authorization);
    const detail = `{ case(id: "${app.demo.cases.xinghePersonalInformation!.id}") { id number office { id } evidence { id collectors { id } } } }`;
    // A plain case detail never reads actor.officer: the officer stays out of the map.
    const lazy = await contextOf(true);
    expect(inMap(lazy)).toBeUndefined();
    expect(lazy.actor?.officerId).toBe(id);
    const lazyAnswer = await execute(lazy, detail);
    expect(lazyAnswer?.errors).toBeUndefined();
    expect(inMap(lazy)).toBeUndefined();
    // Read, it is the entity the eager context holds: same rows, in the request's map.
    const officer = lazy.actor!.officer;
    expect(inMap(lazy) === officer).toBe(true);
    expect(lazy.actor!.officer === officer).toBe(true);
    const eager = await contextOf(false);
    expect(inMap(eager) === eager.actor?.officer).toBe(true);
    expect(officer.name).toBe(eager.actor!.officer.name);
    expect(lazy.actor!.roles).toEqual(eager.actor!.roles);
    expect(lazy.actor!.officePath).toBe(eager.actor!.officePath);
    expect(lazy.actor!.officeId).toBe(eager.actor!.officeId);
    expect(lazyAnswer).toEqual(await execute(eager, detail));
    // A mutation: in the map once the operation is known, before any resolver (this one
    // refuses a missing officer without reading the actor's).
    const mutation = await contextOf(true);
    const refused = await execute(
      mutation,
      `mutation { updateOfficer(id: "00000000-0000-4000-8000-000000000000", input: { active: true }) { id } }`,
    );
    expect(refused?.errors).toBeDefined();
    expect(inMap(mutation)).toBeDefined();
    expect(inMap(mutation) === mutation.actor?.officer).toBe(true);
    // The same refusal as a plain case read: not hydrated.
    const query = await contextOf(true);
    const missing = await execute(
      query,
      `{ case(id: "00000000-0000-4000-8000-000000000000") { id } }`,
    );
    expect(missing?.errors).toBeDefined();
    expect(inMap(query)).toBeUndefined();
    // Any other query: in the map before its resolvers, as with the context (no resolver of
    // this one reads the actor's officer).
    const list = await contextOf(true);
    expect((await execute(list, '{ cases(first: 1) { totalCount } }'))?.errors).toBeUndefined();
    expect(inMap(list) === list.actor?.officer).toBe(true);
  });

  it('keeps the statements of a page whose cases are in the actor office (its office from the map)', async () => {
    const authorization = `Bearer ${app.tokenFor('HD0002')}`;
    const page = '{ cases(first: 5) { edges { node { id office { id name } } } } }';
    const statements = async (lazyOfficer: boolean) => {
      const ctx = await createRequestContext(
        app.orm,
        app.jwt,
        authorization,
        undefined,
        undefined,
        { lazyOfficer },
      );
      app.resetQueryCount();
      const response = await app.apollo.executeOperation({ query: page }, { contextValue: ctx });
      await ctx.endScope?.();
      const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
      expect(result?.errors).toBeUndefined();
      return { count: app.queryCount(), data: result?.data };
    };
    await contextStatements(authorization);
    const eager = await statements(false);
    const lazy = await statements(true);
    expect(lazy.data).toEqual(eager.data);
    expect(lazy.count).toBe(eager.count);
  });

  it('opens the scope for anything beyond the actor, and for an actor not cached yet', async () => {
    const check = actorOnlyCheckOf(app.apollo);
    expect(check('{ me { id certificates { number } } }')).toBe(false);
    expect(check('{ me { id } cases(first: 1) { totalCount } }')).toBe(false);
    const contextOf = async (certificate: string, actorOnly: boolean) => {
      const ctx = await createRequestContext(
        app.orm,
        app.jwt,
        `Bearer ${app.tokenFor(certificate)}`,
        undefined,
        undefined,
        { actorOnly },
      );
      expect(ctx.actor).toBeDefined();
      return ctx;
    };
    // Not cached: the officer's rows are read inside the scope, as for any request.
    app.resetQueryCount();
    const first = await contextOf('HD0001', true);
    expect(first.endScope).toBeDefined();
    await first.endScope?.();
    expect(app.queryCount()).toBe(3);
    // Cached, but the operation reads more than the actor: scoped.
    const scoped = await contextOf('HD0001', false);
    expect(scoped.endScope).toBeDefined();
    await scoped.endScope?.();
    const unscoped = await contextOf('HD0001', true);
    expect(unscoped.endScope).toBeUndefined();
  });

  it('refuses a cached actor deactivated or moved by plain SQL on the actor-only path too', async () => {
    const id = app.demo.officers.HD0002!.id;
    const as = { authorization: `Bearer ${app.tokenFor('HD0002')}` };
    const db = app.orm.em.getConnection();
    const before = (await app.run<Me>(ME, undefined, as)).data!.me;
    expect((await app.run<Me>(ME, undefined, as)).data!.me).toEqual(before);
    await db.execute(`update officer set active = false where id = ?`, [id]);
    expect(errorCode(await app.run(ME, undefined, as))).toBe('OFFICER_INACTIVE');
    await db.execute(`update officer set active = true where id = ?`, [id]);
    expect((await app.run<Me>(ME, undefined, as)).data!.me).toEqual(before);
    // A changed row is read again (inside the scope): the new roles show at once.
    await db.execute(`update officer set roles = '{ADMIN}' where id = ?`, [id]);
    expect((await app.run<Me>(ME, undefined, as)).data!.me.roles).toEqual(['ADMIN']);
    await db.execute(`update officer set roles = ?::text[] where id = ?`, [
      `{${before.roles.join(',')}}`,
      id,
    ]);
    expect((await app.run<Me>(ME, undefined, as)).data!.me).toEqual(before);
  });

  it('takes the actor-only path through the HTTP server: one statement, and deactivation by SQL refused at once', async () => {
    const lines: string[] = [];
    const http = await createApp({
      orm: app.orm,
      jwt: app.jwt,
      production: false,
      logError: () => {},
      logger: createLogger({
        level: 'info',
        pretty: false,
        destination: { write: (line) => lines.push(line) },
      }),
    });
    await new Promise<void>((resolve) => http.httpServer.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(http.httpServer.address() as AddressInfo).port}`;
    const id = app.demo.officers.SH0001!.id;
    const post = async (query: string, requestId: string) => {
      const response = await fetch(`${base}/graphql`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${app.tokenFor('SH0001')}`,
          'x-request-id': requestId,
        },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: Me; errors?: { extensions: unknown }[] };
      const line = lines
        .map((text) => JSON.parse(text) as { requestId?: string; sqlStatements?: number })
        .find((record) => record.requestId === requestId);
      return { body, statements: line?.sqlStatements };
    };
    try {
      await post(ME, 'warm-up');
      const cached = await post(ME, 'actor-only');
      expect(cached.body.data?.me.id).toBe(id);
      expect(cached.statements).toBe(1);
      // Counted here: begin and commit too. Wider operations are scoped as before: begin,
      // set_config + stamp, the case list, commit; the actor-only one is the stamp alone.
      const wider = await post('{ me { id } cases(first: 1) { totalCount } }', 'scoped');
      expect(wider.body.errors).toBeUndefined();
      expect(wider.statements).toBeGreaterThanOrEqual(4);
      await app.orm.em
        .getConnection()
        .execute(`update officer set active = false where id = ?`, [id]);
      const refused = await post(ME, 'deactivated');
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'OFFICER_INACTIVE' });
    } finally {
      await app.orm.em
        .getConnection()
        .execute(`update officer set active = true where id = ?`, [id]);
      await http.apollo.stop();
      http.httpServer.close();
    }
  });
});
