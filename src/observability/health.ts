import type { MikroORM } from '@mikro-orm/postgresql';
import { Router } from 'express';
import { migrationsList } from '../db/migrations/index.js';
import { toLocalDate } from '../procedure/local-date.js';
import { poolState, type PoolState } from './pool.js';

export interface Readiness {
  status: 'ready' | 'unavailable';
  reason?: string;
  migrations?: { applied: number; expected: number; pending: string[] };
  calendarYears?: { loaded: number[]; currentYearLoaded: boolean; nextYearLoaded: boolean };
  webhookBacklog?: { pending: number; failed: number; deadLetter: number };
  pool: PoolState;
}

class ReadinessTimeout extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new ReadinessTimeout(`no database answer within ${ms} ms`)),
      ms,
    );
  });
  work.catch(() => {}); // a late failure after the timeout is not unhandled
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/** One database round trip's worth of facts; any failure means "not ready". */
async function inspect(orm: MikroORM, today: string): Promise<Omit<Readiness, 'status' | 'pool'>> {
  const connection = orm.em.getConnection();
  const [row] = (await connection.execute(
    `select
       (select coalesce(array_agg(name order by name), '{}') from mikro_orm_migrations) as migrations,
       (select coalesce(array_agg(year order by year), '{}') from calendar_year) as years,
       (select count(*)::int from webhook_delivery where status = 'PENDING') as pending,
       (select count(*)::int from webhook_delivery where status = 'FAILED') as failed,
       (select count(*)::int from webhook_delivery where status = 'DEAD_LETTER') as dead_letter`,
  )) as {
    migrations: string[];
    years: number[];
    pending: number;
    failed: number;
    dead_letter: number;
  }[];
  const applied = new Set(row!.migrations);
  const pending = migrationsList.map((m) => m.name).filter((name) => !applied.has(name));
  const year = Number(today.slice(0, 4));
  return {
    migrations: { applied: applied.size, expected: migrationsList.length, pending },
    calendarYears: {
      loaded: row!.years,
      currentYearLoaded: row!.years.includes(year),
      nextYearLoaded: row!.years.includes(year + 1),
    },
    webhookBacklog: { pending: row!.pending, failed: row!.failed, deadLetter: row!.dead_letter },
  };
}

export async function checkReadiness(
  orm: MikroORM,
  options: { timeoutMs?: number; now?: () => Date } = {},
): Promise<Readiness> {
  const today = toLocalDate((options.now ?? (() => new Date()))());
  try {
    const facts = await withTimeout(inspect(orm, today), options.timeoutMs ?? 1000);
    const ready = facts.migrations!.pending.length === 0;
    return {
      status: ready ? 'ready' : 'unavailable',
      ...(ready ? {} : { reason: 'migrations pending' }),
      ...facts,
      pool: poolState(orm),
    };
  } catch (error) {
    const reason = error instanceof ReadinessTimeout ? error.message : 'database unreachable';
    return { status: 'unavailable', reason, pool: poolState(orm) };
  }
}

/**
 * `/healthz`: liveness, the process answers (no database, cheap: restart me if not).
 * `/readyz`: readiness, a database round trip within a second (≤ 1 s timeout),
 * all migrations applied; reports calendar years, webhook backlog and pool.
 * 503 while the database is down, so a load balancer stops sending traffic.
 */
export function healthRoutes(orm: MikroORM, options: { timeoutMs?: number } = {}): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const readiness = await checkReadiness(orm, options);
    res
      .status(readiness.status === 'ready' ? 200 : 503)
      .set('cache-control', 'no-store')
      .json(readiness);
  });
  return router;
}
