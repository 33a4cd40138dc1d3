import { OptimisticLockError } from '@mikro-orm/core';
import { MikroORM, PostgreSqlConnection, type EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  BoundWritesConnection,
  MAX_NAMED,
  bindWriteValues,
  namedWriteCount,
} from '../../src/db/bound-connection.js';
import { createOrmConfig } from '../../src/db/mikro-orm.config.js';
import { Case } from '../../src/entities/case.entity.js';
import { Evidence } from '../../src/entities/evidence.entity.js';
import { Officer } from '../../src/entities/officer.entity.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * MikroORM's writes go with bind values as named statements (src/db/bound-connection.ts): the
 * rows they write must be those MikroORM's inlined text wrote, the optimistic version check and
 * row-level security must hold on a plan a connection keeps, and anything else must go as before.
 */

let app: TestApp;
/** One pooled connection: its prepared statements are visible to the test's own reads. */
let orm: MikroORM;

beforeAll(async () => {
  app = await createTestApp();
  orm = await MikroORM.init(createOrmConfig({ clientUrl: app.clientUrl, poolMax: 1 }));
});

afterAll(async () => {
  await orm?.close(true);
  await app?.close();
});

/** The texts of the named writes the (single) pooled connection has prepared. */
async function preparedWrites(em: EntityManager): Promise<string[]> {
  const rows = await em.execute<{ statement: string }[]>(
    `select statement from pg_prepared_statements where name like 'zhifa\\_w\\_%' order by statement`,
  );
  return rows.map((r) => r.statement);
}

async function aCaseAndAnotherOffice(
  em: EntityManager,
): Promise<{ id: string; path: string; other: string; handler: string }> {
  const [row] = await em.execute<{ id: string; path: string; other: string; handler: string }[]>(
    `select c.id, c.office_path as path,
       (select o.path from office o where not starts_with(c.office_path, o.path) order by o.path limit 1) as other,
       (select ch.officer_id from case_handler ch where ch.case_id = c.id limit 1) as handler
     from "case" c where exists (select 1 from case_handler ch where ch.case_id = c.id)
     order by c.created_at, c.id limit 1`,
  );
  return row!;
}

function newEvidence(em: EntityManager, caseId: string, officerId: string, n: number): Evidence {
  const evidence = em.create(Evidence, {
    case: em.getReference(Case, caseId),
    kind: 'DOCUMENTARY',
    title: `绑定参数 ${n} 'quoted' ?`,
    description: 'a $1 and a ? in the text',
    source: '现场',
    collectedAt: new Date(Date.UTC(2026, 10, 20, 8, 30, 15, 123)),
    place: '某地',
    files: [{ name: `f${n}.pdf`, sha256: 'ab'.repeat(32), sizeBytes: 1024 + n }],
  });
  evidence.collectors.add(em.getReference(Officer, officerId));
  return evidence;
}

describe("MikroORM's writes with bind values (BoundWritesConnection)", () => {
  it('the ORM runs on it', () => {
    expect(orm.em.getConnection()).toBeInstanceOf(BoundWritesConnection);
    expect(app.orm.em.getConnection()).toBeInstanceOf(BoundWritesConnection);
  });

  it("a flush's inserts and its versioned update go as named statements and write what they wrote inlined", async () => {
    const em = orm.em.fork();
    const { id, handler } = await aCaseAndAnotherOffice(em);
    await em.begin();
    try {
      const found = await em.findOneOrFail(Case, { id });
      const version = found.version;
      found.title = `${found.title}（改）`;
      const evidence = newEvidence(em, id, handler, 1);
      app.resetQueryCount();
      await em.flush();
      expect(found.version).toBe(version + 1);
      const prepared = await preparedWrites(em);
      expect(prepared.some((s) => s.startsWith('insert into "evidence" ('))).toBe(true);
      expect(prepared.some((s) => s.startsWith('insert into "evidence_collector" ('))).toBe(true);
      expect(
        prepared.some((s) => s.startsWith('update "case" set') && s.includes('"version" = $')),
      ).toBe(true);
      expect(prepared.every((s) => s.includes('$1'))).toBe(true);
      const [row] = await em.execute<Record<string, unknown>[]>(
        `select title, description, collected_at = '2026-11-20T08:30:15.123Z'::timestamptz as same_time,
           files, (select count(*)::int from evidence_collector where evidence_id = e.id) as collectors
         from evidence e where id = ?`,
        [evidence.id],
      );
      expect(row).toEqual({
        title: `绑定参数 1 'quoted' ?`,
        description: 'a $1 and a ? in the text',
        same_time: true,
        files: [{ name: 'f1.pdf', sha256: 'ab'.repeat(32), sizeBytes: 1025 }],
        collectors: 1,
      });
      const [stored] = await em.execute<{ title: string; version: number }[]>(
        `select title, version from "case" where id = ?`,
        [id],
      );
      expect(stored).toEqual({ title: found.title, version: version + 1 });
    } finally {
      await em.rollback();
    }
  });

  it('binds each kind of value as MikroORM inlines it (same rows both ways)', async () => {
    const em = orm.em.fork();
    const connection = em.getConnection() as BoundWritesConnection;
    await em.begin();
    try {
      const ctx = em.getTransactionContext();
      await em.execute(
        `create temp table bound_check (k text, t text, n int, f float8, num numeric, big bigint,
           d timestamptz, day date, j jsonb, a jsonb, b boolean, z text) on commit drop`,
      );
      const sql = `insert into "bound_check" ("k", "t", "n", "f", "num", "big", "d", "day", "j", "a", "b", "z") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;
      const values = (k: string) => [
        k,
        `it's "quoted" \\ and ? and $1`,
        -42,
        0.1 + 0.2,
        '12345.67',
        1234567890123n,
        new Date(Date.UTC(2026, 0, 2, 3, 4, 5, 6)),
        '2026-12-06',
        { nested: { list: [1, 'two', null], yes: true }, text: "o'k" },
        JSON.stringify([{ name: 'x' }]),
        false,
        null,
      ];
      expect(bindWriteValues(em.getPlatform() as never, sql, values('bound'))).toBeDefined();
      await connection.execute(sql, values('bound'), 'run', ctx);
      // MikroORM's own path: the parameters inlined into the text.
      await PostgreSqlConnection.prototype.execute.call(
        connection,
        sql,
        values('inlined'),
        'run',
        ctx,
      );
      const rows = await em.execute<Record<string, unknown>[]>(
        `select k, to_jsonb(r) - 'k' as row from bound_check r order by k`,
      );
      expect(rows).toHaveLength(2);
      expect(rows[0]!.row).toEqual(rows[1]!.row);
      expect(rows[0]!.row).toMatchObject({ n: -42, big: 1234567890123, b: false, z: null });
      expect(await preparedWrites(em)).toContain(
        sql.replace(
          /\?/g,
          (() => {
            let i = 0;
            return () => `$${++i}`;
          })(),
        ),
      );
    } finally {
      await em.rollback();
    }
  });

  it('a conflicting version still fails the flush (OptimisticLockError) on the kept plan', async () => {
    const { id } = await aCaseAndAnotherOffice(orm.em.fork());
    const first = orm.em.fork();
    const second = orm.em.fork();
    const mine = await first.findOneOrFail(Case, { id });
    const theirs = await second.findOneOrFail(Case, { id });
    const title = mine.title;
    try {
      // Same statement text several times first: a plan the connection keeps.
      for (let i = 0; i < 6; i += 1) {
        mine.title = `${title} ${i}`;
        await first.flush();
      }
      theirs.title = `${title} stale`;
      await expect(second.flush()).rejects.toBeInstanceOf(OptimisticLockError);
    } finally {
      mine.title = title;
      await first.flush();
    }
  });

  it('a kept plan checks the row-level-security scope of the transaction that runs it', async () => {
    const em = orm.em.fork();
    const { id, path, other, handler } = await aCaseAndAnotherOffice(em);
    expect(other).toBeTruthy();
    await em.begin();
    try {
      await em.execute(`set local role zhifa_app`);
      const insertAs = async (scope: string, n: number) => {
        await em.execute(`select set_config('zhifa.office_path', ?, true)`, [scope]);
        const fork = em.fork();
        fork.setTransactionContext(em.getTransactionContext()!);
        const evidence = newEvidence(fork, id, handler, n);
        await fork.flush();
        return evidence.id;
      };
      // A generic plan from the sixth execution on.
      for (let n = 0; n < 8; n += 1) {
        expect(await insertAs(path, n)).toBeTruthy();
      }
      await em.execute(`savepoint out_of_scope`);
      await expect(insertAs(other, 99)).rejects.toThrow(/row-level security/);
      await em.execute(`rollback to savepoint out_of_scope`);
      expect(await insertAs(path, 100)).toBeTruthy();
    } finally {
      await em.rollback();
    }
  });

  it('anything but plain values goes as MikroORM sends it', () => {
    const platform = orm.em.getPlatform() as never;
    const sql = 'update "t" set "a" = ? where "id" in (?)';
    expect(bindWriteValues(platform, sql, ['x', ['1', '2']])).toBeUndefined();
    expect(bindWriteValues(platform, sql, [Buffer.from('x'), '1'])).toBeUndefined();
    expect(
      bindWriteValues(platform, 'update "t" set "a" = ? where "b" = \\?', ['x']),
    ).toBeUndefined();
    expect(bindWriteValues(platform, sql, ['x'])).toBeUndefined();
    expect(bindWriteValues(platform, 'delete from ?? where "id" = ?', ['t"x', 1])).toEqual({
      sql: 'delete from "t""x" where "id" = ?',
      values: [1],
    });
  });

  it("MikroORM's onQuery hook sees each write once, and its text is the one sent", async () => {
    const seen: string[] = [];
    const tagged = await MikroORM.init({
      ...createOrmConfig({ clientUrl: app.clientUrl, poolMax: 1 }),
      onQuery: (sql: string) => {
        seen.push(sql);
        return sql.startsWith('insert into "bound_hook"') ? `${sql} /* tagged */` : sql;
      },
    });
    try {
      const em = tagged.em.fork();
      await em.begin();
      try {
        await em.execute(`create temp table bound_hook (k int) on commit drop`);
        seen.length = 0;
        await em
          .getConnection()
          .execute(
            `insert into "bound_hook" ("k") values (?)`,
            [1],
            'run',
            em.getTransactionContext(),
          );
        expect(seen).toEqual([`insert into "bound_hook" ("k") values (?)`]);
        expect(await preparedWrites(em)).toEqual([
          `insert into "bound_hook" ("k") values ($1) /* tagged */`,
        ]);
        // Not bindable (a backslash in its text): sent inlined, the hook still called once.
        seen.length = 0;
        const inlined = `insert into "bound_hook" ("k") values (?) returning 'a\\b' as "x"`;
        await em.getConnection().execute(inlined, [2], 'run', em.getTransactionContext());
        expect(seen).toEqual([inlined]);
        const rows = await em.execute<{ k: number }[]>(`select k from bound_hook order by k`);
        expect(rows).toEqual([{ k: 1 }, { k: 2 }]);
      } finally {
        await em.rollback();
      }
    } finally {
      await tagged.close(true);
    }
  });

  // Last: it fills the process's names (the tests above read the prepared statements).
  it(`names at most ${MAX_NAMED} texts; later ones still go with bind values`, async () => {
    const em = orm.em.fork();
    const connection = em.getConnection() as BoundWritesConnection;
    await em.begin();
    try {
      const ctx = em.getTransactionContext();
      await em.execute(`create temp table bound_many (k int) on commit drop`);
      for (let i = 0; i <= MAX_NAMED; i += 1) {
        const result = await connection.execute<{ affectedRows: number }>(
          `insert into "bound_many" ("k") values (?) returning "k" as "k${i}"`,
          [i],
          'run',
          ctx,
        );
        expect(result.affectedRows).toBe(1);
      }
      expect(namedWriteCount()).toBe(MAX_NAMED);
      const [count] = await em.execute<{ n: number }[]>(
        `select count(*)::int as n from bound_many`,
      );
      expect(count!.n).toBe(MAX_NAMED + 1);
    } finally {
      await em.rollback();
    }
  });
});
