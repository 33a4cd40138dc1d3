import { describe, expect, it } from 'vitest';
import type { MikroORM } from '@mikro-orm/postgresql';
import { AggregatorRegistry, Gauge, Registry } from 'prom-client';
import { createMetrics } from '../../../src/observability/metrics.js';
import { loadConfig, workerCount } from '../../../src/config.js';
import { perWorkerLimit } from '../../../src/cluster-workers.js';

describe('ZHIFA_WORKERS', () => {
  it('is one process unless set', () => {
    expect(loadConfig({}).workers).toBe(1);
    expect(workerCount('')).toBe(1);
  });

  it('takes a count, or auto for one process per core', () => {
    expect(loadConfig({ ZHIFA_WORKERS: '3' }).workers).toBe(3);
    expect(workerCount('auto', 2)).toBe(2);
    expect(workerCount('AUTO', 16)).toBe(16);
  });

  it('refuses a count it cannot run', () => {
    expect(() => workerCount('0')).toThrow(/from 1 to 64/);
    expect(() => workerCount('65')).toThrow(/from 1 to 64/);
    expect(() => workerCount('two')).toThrow(/non-negative integer/);
  });
});

describe('rate limits in a cluster', () => {
  it('gives each worker its share of the per-minute limit, rounded up', () => {
    expect(perWorkerLimit(600, 1)).toBe(600);
    expect(perWorkerLimit(600, 2)).toBe(300);
    expect(perWorkerLimit(1201, 2)).toBe(601);
  });

  it('keeps 0 as no limit', () => {
    expect(perWorkerLimit(0, 4)).toBe(0);
  });
});

describe('metrics gathered from the processes of a cluster', () => {
  /** An ORM whose pool reports `idle` free connections (what the pool gauge reads). */
  const ormWithPool = (idle: number) =>
    ({
      em: {
        getConnection: () => ({
          getKnex: () => ({
            client: {
              pool: { numUsed: () => 1, numFree: () => idle, numPendingAcquires: () => 0, max: 4 },
            },
          }),
        }),
      },
    }) as unknown as MikroORM;

  it('a worker reports its requests and its pool, not the business gauges', async () => {
    const worker = createMetrics(ormWithPool(2), { businessGauges: false });
    const names = (await worker.registry.getMetricsAsJSON()).map((metric) => metric.name);
    expect(names).toEqual([
      'zhifa_graphql_operation_duration_seconds',
      'zhifa_db_pool_connections',
    ]);
  });

  it('the primary sums the workers’ counts and pools with its own series', async () => {
    const a = createMetrics(ormWithPool(2), { businessGauges: false });
    const b = createMetrics(ormWithPool(3), { businessGauges: false });
    a.observeOperation('me', 'OK', 0.1);
    b.observeOperation('me', 'OK', 0.2);
    b.observeOperation('me', 'OK', 0.3);
    const primary = new Registry();
    new Gauge({ name: 'zhifa_deadlines_overdue', help: 'g', registers: [primary] }).set(7);
    const text = await AggregatorRegistry.aggregate([
      await primary.getMetricsAsJSON(),
      await a.registry.getMetricsAsJSON(),
      await b.registry.getMetricsAsJSON(),
    ]).metrics();
    expect(text).toMatch(
      /^zhifa_graphql_operation_duration_seconds_count\{operation="me",outcome="OK"\} 3$/m,
    );
    expect(text).toMatch(/^zhifa_db_pool_connections\{state="idle"\} 5$/m);
    expect(text).toMatch(/^zhifa_deadlines_overdue 7$/m);
  });
});
