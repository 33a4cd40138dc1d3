import type { MikroORM } from '@mikro-orm/postgresql';

/** The ORM's connection pool as operators read it. */
export interface PoolState {
  inUse: number;
  idle: number;
  waiting: number;
  max: number;
}

interface TarnPool {
  numUsed(): number;
  numFree(): number;
  numPendingAcquires(): number;
  max: number;
}

export function poolState(orm: MikroORM): PoolState {
  const client = orm.em.getConnection().getKnex().client as { pool?: TarnPool };
  const pool = client.pool;
  if (!pool) {
    return { inUse: 0, idle: 0, waiting: 0, max: 0 };
  }
  return {
    inUse: pool.numUsed(),
    idle: pool.numFree(),
    waiting: pool.numPendingAcquires(),
    max: pool.max,
  };
}
