import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inSavepoint } from '../../src/db/savepoint.js';
import { Office } from '../../src/entities/office.entity.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

/** A request transaction on a fresh EntityManager, with a scratch table of its session. */
async function requestTransaction(): Promise<EntityManager> {
  const em = app.orm.em.fork();
  await em.begin();
  await em.execute('create temp table if not exists savepoint_probe (n int primary key)');
  await em.execute('truncate savepoint_probe');
  return em;
}

const probe = async (em: EntityManager): Promise<number[]> =>
  (await em.execute<{ n: number }[]>('select n from savepoint_probe order by n')).map((r) => r.n);

const anOffice = async (em: EntityManager): Promise<string> =>
  (await em.execute<{ id: string }[]>('select id from office order by path limit 1'))[0]!.id;

describe('a mutation in its savepoint (inSavepoint)', () => {
  it('a mutation that fails after writing leaves nothing, and the mutations before and after it keep theirs', async () => {
    const em = await requestTransaction();
    const officeId = await anOffice(em);
    await inSavepoint(em, async (tx) => {
      await tx.execute('insert into savepoint_probe values (1)');
    });
    await expect(
      inSavepoint(em, async (tx) => {
        await tx.execute('insert into savepoint_probe values (2)');
        await tx.findOneOrFail(Office, { id: officeId });
        throw new Error('refused after writing');
      }),
    ).rejects.toThrow('refused after writing');
    // What the failed mutation loaded is not the request's.
    expect(em.getUnitOfWork().getById(Office.name, officeId as never)).toBeUndefined();
    await inSavepoint(em, async (tx) => {
      await tx.execute('insert into savepoint_probe values (3)');
      await tx.findOneOrFail(Office, { id: officeId });
    });
    expect(await probe(em)).toEqual([1, 3]);
    // What a mutation that succeeded loaded is the request's, as with em.transactional.
    expect(em.getUnitOfWork().getById(Office.name, officeId as never)).toBeDefined();
    await em.commit();
  });

  it('a statement that fails inside the mutation leaves the request transaction usable', async () => {
    const em = await requestTransaction();
    await expect(
      inSavepoint(em, async (tx) => {
        await tx.execute('insert into savepoint_probe values (1)');
        await tx.execute('insert into savepoint_probe values (1)');
      }),
    ).rejects.toThrow(/duplicate key/);
    await inSavepoint(em, async (tx) => {
      await tx.execute('insert into savepoint_probe values (2)');
    });
    expect(await probe(em)).toEqual([2]);
    await em.commit();
  });

  it('a mutation that fails after a nested one succeeded rolls back both, not only the nested one', async () => {
    const em = await requestTransaction();
    await inSavepoint(em, async (tx) => {
      await tx.execute('insert into savepoint_probe values (1)');
    });
    await expect(
      inSavepoint(em, async (outer) => {
        await outer.execute('insert into savepoint_probe values (2)');
        await inSavepoint(outer, async (inner) => {
          await inner.execute('insert into savepoint_probe values (3)');
        });
        throw new Error('refused after the nested mutation');
      }),
    ).rejects.toThrow('refused after the nested mutation');
    expect(await probe(em)).toEqual([1]);
    await em.commit();
  });

  it('outside a request transaction it runs in a transaction of its own', async () => {
    const em = app.orm.em.fork();
    expect(em.isInTransaction()).toBe(false);
    expect(await inSavepoint(em, async (tx) => Promise.resolve(tx.isInTransaction()))).toBe(true);
  });
});
