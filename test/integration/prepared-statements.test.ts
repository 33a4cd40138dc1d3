import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executePrepared } from '../../src/db/prepared.js';
import { loadCaseForStep } from '../../src/commands/procedure/load-case.js';
import { Case } from '../../src/entities/case.entity.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A step's case load goes as a named prepared statement (src/db/prepared.ts): PostgreSQL keeps
 * its plan per connection. The plan must not keep what the row-level-security scope of the
 * request that prepared it could see, the rows must be those em.execute returns, and the
 * statement must be counted like any other.
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const CASE_ROW = `select c.*, (select jsonb_agg(jsonb_build_object('id', e.id, 'collected_at', e.collected_at))
  from evidence e where e.case_id = c.id) as evidence from "case" c where c.id = ?`;

async function aCaseAndAnotherOffice(
  em: EntityManager,
): Promise<{ id: string; path: string; other: string }> {
  const [row] = await em.execute<{ id: string; path: string; other: string }[]>(
    `select c.id, c.office_path as path,
       (select o.path from office o where not starts_with(c.office_path, o.path) order by o.path limit 1) as other
     from "case" c order by c.created_at, c.id limit 1`,
  );
  return row!;
}

/** A fresh identity map on the transaction of `em` (as a step's fork is). */
function inTransaction(em: EntityManager): EntityManager {
  const fork = em.fork();
  fork.setTransactionContext(em.getTransactionContext()!);
  return fork;
}

describe('named prepared statements (executePrepared)', () => {
  it('answers the rows em.execute answers, and is counted as a statement', async () => {
    const em = app.orm.em.fork();
    const { id } = await aCaseAndAnotherOffice(em);
    const expected = await em.execute(CASE_ROW, [id]);
    app.resetQueryCount();
    const got = await executePrepared(em, CASE_ROW, [id]);
    expect(app.queryCount()).toBe(1);
    expect(got).toEqual(expected);
  });

  it('a plan kept by the connection still applies the scope of the request that runs it', async () => {
    const em = app.orm.em.fork();
    const { id, path, other } = await aCaseAndAnotherOffice(em);
    expect(other).toBeTruthy();
    // One transaction: one connection, so each call after the first reuses its plan (a generic
    // plan from the sixth on).
    await em.begin();
    try {
      await em.execute(`set local role zhifa_app`);
      const runAs = async (scope: string) => {
        await em.execute(`select set_config('zhifa.office_path', ?, true)`, [scope]);
        return (await executePrepared(em, CASE_ROW, [id])).length;
      };
      for (let i = 0; i < 8; i += 1) {
        expect(await runAs(path)).toBe(1);
      }
      expect(await runAs(other)).toBe(0);
      expect(await runAs('')).toBe(0);
      expect(await runAs(path)).toBe(1);
    } finally {
      await em.rollback();
    }
  });

  it("a step's case load through it: the case, its relations and state, and nothing out of scope", async () => {
    const em = app.orm.em.fork();
    const { id, path, other } = await aCaseAndAnotherOffice(em);
    const direct = await em
      .fork()
      .findOneOrFail(Case, { id }, { populate: ['office', 'parties', 'handlers'] });
    await em.begin();
    try {
      await em.execute(`set local role zhifa_app`);
      for (let i = 0; i < 7; i += 1) {
        await em.execute(`select set_config('zhifa.office_path', ?, true)`, [path]);
        const loaded = await loadCaseForStep(inTransaction(em), id);
        expect(loaded?.found.id).toBe(id);
        expect(loaded?.found.version).toBe(direct.version);
        expect(loaded?.found.parties.count()).toBe(direct.parties.count());
      }
      await em.execute(`select set_config('zhifa.office_path', ?, true)`, [other]);
      expect(await loadCaseForStep(inTransaction(em), id)).toBeNull();
    } finally {
      await em.rollback();
    }
  });
});

describe('the scope functions every request calls (PL/pgSQL, Migration20261209500000)', () => {
  it('answer what their SQL bodies answer, null for a deactivated officer, and keep their plans', async () => {
    const em = app.orm.em.fork();
    const [officer] = await em.execute<{ id: string; path: string; stamp: string }[]>(
      `select o.id, f.path, md5(o::text || f::text) as stamp
       from officer o join office f on f.id = o.office_id where o.active order by o.id limit 1`,
    );
    const ask = async () =>
      (
        await em.execute<{ scope: string | null; stamp: string | null }[]>(
          `select zhifa_officer_scope(?::uuid) as scope, zhifa_officer_stamp(?::uuid) as stamp`,
          [officer!.id, officer!.id],
        )
      )[0]!;
    await em.begin();
    try {
      expect(await ask()).toEqual({ scope: officer!.path, stamp: officer!.stamp });
      await em.execute(`update officer set active = false where id = ?`, [officer!.id]);
      expect(await ask()).toEqual({ scope: null, stamp: null });
    } finally {
      await em.rollback();
    }
    const languages = await em.execute<{ proname: string; lanname: string; prosecdef: boolean }[]>(
      `select p.proname, l.lanname, p.prosecdef from pg_proc p join pg_language l on l.oid = p.prolang
       where p.proname in ('zhifa_officer_scope', 'zhifa_officer_stamp') order by p.proname`,
    );
    expect(languages).toEqual([
      { proname: 'zhifa_officer_scope', lanname: 'plpgsql', prosecdef: true },
      { proname: 'zhifa_officer_stamp', lanname: 'plpgsql', prosecdef: true },
    ]);
  });
});
