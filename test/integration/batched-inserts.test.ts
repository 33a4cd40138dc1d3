import {
  OptimisticLockError,
  UniqueConstraintViolationException,
  type Transaction,
} from '@mikro-orm/core';
import { MikroORM, type EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BoundWritesConnection, flushBatchingInserts } from '../../src/db/bound-connection.js';
import { createOrmConfig } from '../../src/db/mikro-orm.config.js';
import { Case } from '../../src/entities/case.entity.js';
import { Evidence } from '../../src/entities/evidence.entity.js';
import { Officer } from '../../src/entities/officer.entity.js';
import { PendingDocument } from '../../src/entities/pending-document.entity.js';
import { uuidv7 } from '../../src/entities/uuid.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A step's flush sends its plain inserts together (flushBatchingInserts,
 * src/db/bound-connection.ts): one statement of `with … as (insert …)` clauses, in the order the
 * flush wrote them, before any other statement, with the rows the inserts one by one wrote; a
 * failure fails the flush as before, and a failed flush sends nothing it held.
 */

let app: TestApp;
let orm: MikroORM;
/** The statements sent, as knex's `query` event sees them. */
const sent: string[] = [];

beforeAll(async () => {
  app = await createTestApp();
  orm = await MikroORM.init(createOrmConfig({ clientUrl: app.clientUrl, poolMax: 1 }));
  orm.em
    .getConnection()
    .getKnex()
    .on('query', (query: { sql: string }) => sent.push(query.sql));
});

afterAll(async () => {
  await orm?.close(true);
  await app?.close();
});

async function aCase(em: EntityManager): Promise<{ id: string; handler: string }> {
  const [row] = await em.execute<{ id: string; handler: string }[]>(
    `select c.id, (select ch.officer_id from case_handler ch where ch.case_id = c.id limit 1) as handler
     from "case" c where exists (select 1 from case_handler ch where ch.case_id = c.id)
     order by c.created_at, c.id limit 1`,
  );
  return row!;
}

/** An evidence record with one collector and a pending document of the same case. */
function newRows(
  em: EntityManager,
  caseId: string,
  officerId: string,
  evidenceId = uuidv7(),
): { evidence: Evidence; pending: PendingDocument } {
  const evidence = em.create(Evidence, {
    id: evidenceId,
    case: em.getReference(Case, caseId),
    kind: 'DOCUMENTARY',
    title: `成批写入 'quoted' ?`,
    description: 'a $1 and a ? in the text',
    source: '现场',
    collectedAt: new Date(Date.UTC(2026, 10, 20, 8, 30, 15, 123)),
    place: '某地',
    files: [{ name: 'f.pdf', sha256: 'ab'.repeat(32), sizeBytes: 1024 }],
  });
  evidence.collectors.add(em.getReference(Officer, officerId));
  const pending = em.create(PendingDocument, {
    id: uuidv7(),
    case: em.getReference(Case, caseId),
    kind: 'EVIDENCE_COLLECTION_RECORD',
    title: '调取证据记录',
    dueBy: 'recordEvidence',
    dueSince: '2026-11-20',
    dueSequence: 1,
    required: true,
    createdAt: new Date(Date.UTC(2026, 10, 20, 9, 0, 0)),
  } as never);
  return { evidence, pending };
}

async function stored(
  em: EntityManager,
  evidenceId: string,
  pendingId: string,
): Promise<Record<string, unknown>> {
  const [row] = await em.execute<Record<string, unknown>[]>(
    `select (select jsonb_build_object('title', title, 'description', description, 'files', files,
               'sameTime', collected_at = '2026-11-20T08:30:15.123Z'::timestamptz)
             from evidence where id = ?) as evidence,
            (select count(*)::int from evidence_collector where evidence_id = ?) as collectors,
            (select jsonb_build_object('title', title, 'dueSince', due_since, 'required', required)
             from pending_document where id = ?) as pending`,
    [evidenceId, evidenceId, pendingId],
  );
  return row!;
}

describe("a step's flush with its inserts in one statement (flushBatchingInserts)", () => {
  it('sends the versioned case update first and all the plain inserts as one statement after it, writing what a plain flush writes', async () => {
    const em = orm.em.fork();
    const { id, handler } = await aCase(em);
    await em.begin();
    try {
      const found = await em.findOneOrFail(Case, { id });
      const version = found.version;
      found.title = `${found.title}（成批）`;
      const { evidence, pending } = newRows(em, id, handler);
      sent.length = 0;
      await flushBatchingInserts(em);
      const batched = [...sent];
      expect(found.version).toBe(version + 1);
      // The versioned update passes the held evidence and pending document; they go in one
      // statement with the collectors (written after the update by the flush) when it ends.
      expect(batched).toHaveLength(2);
      expect(batched[0]).toMatch(/^update "case" set /);
      expect(batched[1]).toMatch(/^with zhifa_insert_1 as \(insert into "/);
      expect(batched[1]).toContain('insert into "evidence" (');
      expect(batched[1]).toContain('insert into "pending_document" (');
      expect(batched[1]).toContain('insert into "evidence_collector" (');
      const [head] = await em.execute<{ version: number; title: string }[]>(
        'select version, title from "case" where id = ?',
        [id],
      );
      expect(head).toEqual({ version: version + 1, title: found.title });
      const written = await stored(em, evidence.id, pending.id);

      // The same rows through a plain flush, for comparison.
      const again = newRows(em, id, handler);
      found.title = `${found.title}（逐条）`;
      sent.length = 0;
      await em.flush();
      expect(sent.filter((s) => s.startsWith('insert into'))).toHaveLength(3);
      expect(await stored(em, again.evidence.id, again.pending.id)).toEqual(written);
      expect(written).toEqual({
        evidence: {
          title: `成批写入 'quoted' ?`,
          description: 'a $1 and a ? in the text',
          files: [{ name: 'f.pdf', sha256: 'ab'.repeat(32), sizeBytes: 1024 }],
          sameTime: true,
        },
        collectors: 1,
        pending: { title: '调取证据记录', dueSince: '2026-11-20', required: true },
      });
    } finally {
      await em.rollback();
    }
  });

  it('a failing insert in the batch fails the flush with the error a plain flush gives', async () => {
    const em = orm.em.fork();
    const { id, handler } = await aCase(em);
    const [existing] = await em.execute<{ id: string }[]>(`select id from evidence limit 1`);
    await em.begin();
    try {
      await em.execute('savepoint batch_failure');
      newRows(em, id, handler, existing!.id);
      const batched = await flushBatchingInserts(em).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(batched).toBeInstanceOf(UniqueConstraintViolationException);
      await em.execute('rollback to savepoint batch_failure');
    } finally {
      await em.rollback();
    }
    // A plain flush of the same rows fails with the same kind of error.
    const plain = orm.em.fork();
    await plain.begin();
    try {
      newRows(plain, id, handler, existing!.id);
      const error = await plain.flush().then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UniqueConstraintViolationException);
    } finally {
      await plain.rollback();
    }
  });

  it('a lost version fails the flush with OptimisticLockError and sends none of the inserts held before the update', async () => {
    const em = orm.em.fork();
    const { id, handler } = await aCase(em);
    await em.begin();
    try {
      const found = await em.findOneOrFail(Case, { id });
      found.title = `${found.title}（版本）`;
      const { evidence } = newRows(em, id, handler);
      // Another writer's version, as a concurrent step would leave it.
      await em.execute('update "case" set version = version + 1 where id = ?', [id]);
      sent.length = 0;
      const error = await flushBatchingInserts(em).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(OptimisticLockError);
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatch(/^update "case" set /);
      const [none] = await em.execute<{ n: number }[]>(
        'select count(*)::int as n from evidence where id = ?',
        [evidence.id],
      );
      expect(none!.n).toBe(0);
    } finally {
      await em.rollback();
    }
  });

  it('a flush that fails sends nothing it held; a later statement sees the inserts held before it', async () => {
    const em = orm.em.fork();
    const { id, handler } = await aCase(em);
    const connection = em.getConnection('write') as BoundWritesConnection;
    await em.begin();
    try {
      const ctx = em.getTransactionContext<Transaction>()!;
      const { evidence } = newRows(em, id, handler);
      sent.length = 0;
      const failed = await connection
        .batchInserts(ctx, async () => {
          await em.flush();
          throw new Error('after the flush');
        })
        .then(
          () => undefined,
          (e: unknown) => e,
        );
      expect((failed as Error).message).toBe('after the flush');
      expect(sent.some((s) => s.includes('insert into "evidence"'))).toBe(false);
      const [none] = await em.execute<{ n: number }[]>(
        'select count(*)::int as n from evidence where id = ?',
        [evidence.id],
      );
      expect(none!.n).toBe(0);

      // Held inserts go before the next statement of another kind, which sees them.
      const second = orm.em.fork();
      second.setTransactionContext(ctx);
      const rows = newRows(second, id, handler);
      const seen = await connection.batchInserts(ctx, async () => {
        await second.flush();
        return second.execute<{ n: number }[]>(
          'select count(*)::int as n from pending_document where id = ?',
          [rows.pending.id],
        );
      });
      expect(seen[0]!.n).toBe(1);
    } finally {
      await em.rollback();
    }
  });

  it('outside a transaction it is a plain flush', async () => {
    const em = orm.em.fork();
    const { id, handler } = await aCase(em);
    const { evidence, pending } = newRows(em, id, handler);
    sent.length = 0;
    await flushBatchingInserts(em);
    expect(sent.some((s) => s.startsWith('with zhifa_insert_'))).toBe(false);
    expect((await stored(em, evidence.id, pending.id)).collectors).toBe(1);
    await em.execute('delete from pending_document where id = ?', [pending.id]);
  });
});
