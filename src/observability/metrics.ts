import type { MikroORM } from '@mikro-orm/postgresql';
import { Gauge, Histogram, Registry } from 'prom-client';
import { toLocalDate } from '../procedure/local-date.js';
import { logger as defaultLogger, type Logger } from './logger.js';
import { poolState } from './pool.js';

/**
 * Prometheus series (`GET /metrics`). Request durations are observed in this
 * process; the business gauges (webhook backlog, overdue deadlines, documents)
 * are read from the database at scrape time, so every replica reports the
 * same truth and a restart loses nothing.
 */
export interface ZhifaMetrics {
  registry: Registry;
  observeOperation(operation: string, outcome: string, seconds: number): void;
  /**
   * The text `GET /metrics` answers: this registry's, or, in a worker of a cluster
   * (ZHIFA_WORKERS > 1), every process's series gathered by the primary.
   */
  exposition(): Promise<string>;
}

/** Operation names come from clients: keep the label set small and well-formed. */
const MAX_OPERATION_LABELS = 200;
const seenOperations = new Set<string>();
function operationLabel(name: string): string {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) {
    return name === '(anonymous)' ? 'anonymous' : 'invalid';
  }
  if (!seenOperations.has(name)) {
    if (seenOperations.size >= MAX_OPERATION_LABELS) {
      return 'other';
    }
    seenOperations.add(name);
  }
  return name;
}

export interface MetricsOptions {
  now?: () => Date;
  logger?: Logger;
  /**
   * false in a cluster's workers: the business gauges are read once, by the primary, and
   * not once per worker (summed, they would count every row several times).
   */
  businessGauges?: boolean;
  /** A cluster's processes answer with every process's series (cluster-workers.ts). */
  exposition?: (registry: Registry) => Promise<string>;
}

export function createMetrics(orm: MikroORM, options: MetricsOptions = {}): ZhifaMetrics {
  const now = options.now ?? (() => new Date());
  const log = options.logger ?? defaultLogger;
  const registry = new Registry();

  const durations = new Histogram({
    name: 'zhifa_graphql_operation_duration_seconds',
    help: 'GraphQL operation duration by operation name and outcome code',
    labelNames: ['operation', 'outcome'],
    buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  });

  new Gauge({
    name: 'zhifa_db_pool_connections',
    help: 'Database pool connections by state (in_use, idle, waiting = callers queued for one)',
    labelNames: ['state'],
    registers: [registry],
    collect() {
      const pool = poolState(orm);
      this.set({ state: 'in_use' }, pool.inUse);
      this.set({ state: 'idle' }, pool.idle);
      this.set({ state: 'waiting' }, pool.waiting);
    },
  });

  const metrics: ZhifaMetrics = {
    registry,
    observeOperation(operation, outcome, seconds) {
      durations.observe({ operation: operationLabel(operation), outcome }, seconds);
    },
    exposition: options.exposition ? () => options.exposition!(registry) : () => registry.metrics(),
  };
  if (options.businessGauges === false) {
    return metrics;
  }

  const query = async <T>(sql: string, params: unknown[] = []): Promise<T[] | undefined> => {
    try {
      return (await orm.em.getConnection().execute(sql, params)) as T[];
    } catch (error) {
      // A scrape during a database outage still answers (pool and request series).
      log.warn({ err: String(error) }, 'metrics: database query failed');
      return undefined;
    }
  };

  new Gauge({
    name: 'zhifa_webhook_deliveries',
    help: 'Webhook deliveries not yet delivered, by status (PENDING, FAILED, DEAD_LETTER)',
    labelNames: ['status'],
    registers: [registry],
    async collect() {
      const rows = await query<{ status: string; n: number }>(
        `select status, count(*)::int as n from webhook_delivery where status <> 'DELIVERED' group by status`,
      );
      if (!rows) {
        return;
      }
      this.reset();
      this.set({ status: 'PENDING' }, 0);
      this.set({ status: 'FAILED' }, 0);
      this.set({ status: 'DEAD_LETTER' }, 0);
      for (const row of rows) {
        this.set({ status: row.status }, row.n);
      }
    },
  });

  new Gauge({
    name: 'zhifa_deadlines_overdue',
    help: 'Running deadlines whose due date has passed (China date)',
    registers: [registry],
    async collect() {
      const rows = await query<{ n: number }>(
        `select count(*)::int as n from deadline where stopped_on is null and due_date < ?`,
        [toLocalDate(now())],
      );
      if (rows) {
        this.set(rows[0]!.n);
      }
    },
  });

  new Gauge({
    name: 'zhifa_documents_generated',
    help: 'Documents generated and stored (every version), by document kind',
    labelNames: ['kind'],
    registers: [registry],
    async collect() {
      const rows = await query<{ kind: string; n: number }>(
        `select kind, count(*)::int as n from case_document group by kind`,
      );
      if (!rows) {
        return;
      }
      this.reset();
      for (const row of rows) {
        this.set({ kind: row.kind }, row.n);
      }
    },
  });

  return metrics;
}
