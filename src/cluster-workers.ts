import cluster, { type Worker } from 'node:cluster';
import { AggregatorRegistry, type Registry } from 'prom-client';
import type { Logger } from './observability/logger.js';

/**
 * ZHIFA_WORKERS > 1: one primary process keeps the database (embedded PostgreSQL,
 * migrations, demo data) and the background jobs (webhook dispatcher, audit
 * checkpoints, the separate metrics port); the workers answer HTTP on the shared port,
 * so a machine's cores all serve requests. Nothing a request needs lives only in one
 * process: sessions, idempotency keys, document numbers and audit chains are in
 * PostgreSQL, and a worker's actor cache re-reads the officer's stamp on every request.
 *
 * The primary and the workers talk over the IPC channel `cluster` gives them, only to
 * gather `/metrics`: every process reports its own series and the primary sums them.
 */

/** Marks a forked process as a worker of this primary (server.ts reads it). */
export const CLUSTER_WORKER_ENV = 'ZHIFA_CLUSTER_WORKER';

type ClusterMessage =
  /** worker → primary: gather every process's series for my `GET /metrics`. */
  | { zhifa: 'metrics-request'; id: number }
  /** primary → worker: the gathered text, or why it could not be gathered. */
  | { zhifa: 'metrics-text'; id: number; text?: string; error?: string }
  /** primary → worker: your own series. */
  | { zhifa: 'metrics-collect'; id: number }
  /** worker → primary: its series as prom-client JSON. */
  | { zhifa: 'metrics-json'; id: number; json?: unknown; error?: string };

function isClusterMessage(message: unknown): message is ClusterMessage {
  return typeof message === 'object' && message !== null && 'zhifa' in message;
}

/** A promise that rejects after `ms`, so no wait on another process is unbounded. */
function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what}: no answer in ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

/**
 * Per-worker request limit: the limits are per minute for the whole server, and each
 * worker counts only the requests it answers, so each gets its share (rounded up; 0 stays
 * "no limit"). A client whose connections all reach one worker is limited a little sooner,
 * never later.
 */
export function perWorkerLimit(limit: number, workers: number): number {
  return limit === 0 ? 0 : Math.ceil(limit / workers);
}

export interface WorkerPool {
  /** The processes' series summed: the primary's registry and every worker's. */
  gatherMetrics(): Promise<string>;
  /** Asks every worker to stop (SIGTERM: they drain their requests), kills the slow ones. */
  stop(timeoutMs?: number): Promise<void>;
}

export interface WorkerPoolOptions {
  count: number;
  /** Added to each worker's environment (the database URLs the primary opened). */
  env: Record<string, string>;
  logger: Logger;
  /** The primary's own series (business gauges, its pool). */
  primaryRegistry: Registry;
  /** Called when workers keep failing to start: the primary should stop. */
  onFatal: (reason: string) => void;
  startTimeoutMs?: number;
  collectTimeoutMs?: number;
}

const RESTART_DELAY_MS = 1_000;
/** Workers that die before listening this many times in a row mean a broken configuration. */
const MAX_FAILED_STARTS = 3;

/**
 * Forks `count` workers running this same script and resolves when all of them listen.
 * A worker that exits later is replaced (after a second), unless the pool is stopping.
 */
export async function startWorkers(options: WorkerPoolOptions): Promise<WorkerPool> {
  const log = options.logger;
  const collectTimeoutMs = options.collectTimeoutMs ?? 2_000;
  let stopping = false;
  let failedStarts = 0;
  let nextId = 0;
  const listening = new WeakSet<Worker>();
  const pending = new Map<number, (answer: { json?: unknown; error?: string }) => void>();

  const gatherMetrics = async (): Promise<string> => {
    const workers = Object.values(cluster.workers ?? {}).filter(
      (worker): worker is Worker => worker !== undefined && worker.isConnected(),
    );
    const answers = await Promise.all(
      workers.map((worker) => {
        const id = ++nextId;
        const answer = new Promise<{ json?: unknown; error?: string }>((resolve) =>
          pending.set(id, resolve),
        );
        worker.send({ zhifa: 'metrics-collect', id } satisfies ClusterMessage);
        return withTimeout(answer, collectTimeoutMs, `metrics of worker ${worker.id}`).finally(() =>
          pending.delete(id),
        );
      }),
    );
    const series = [await options.primaryRegistry.getMetricsAsJSON()];
    for (const answer of answers) {
      if (answer.error !== undefined) {
        throw new Error(`a worker could not report its metrics: ${answer.error}`);
      }
      series.push(answer.json as Awaited<ReturnType<Registry['getMetricsAsJSON']>>);
    }
    return AggregatorRegistry.aggregate(series).metrics();
  };

  const onMessage = (worker: Worker, message: unknown) => {
    if (!isClusterMessage(message)) {
      return;
    }
    if (message.zhifa === 'metrics-json') {
      pending.get(message.id)?.({ json: message.json, error: message.error });
    } else if (message.zhifa === 'metrics-request') {
      gatherMetrics().then(
        (text) => worker.send({ zhifa: 'metrics-text', id: message.id, text }),
        (error: unknown) =>
          worker.send({ zhifa: 'metrics-text', id: message.id, error: String(error) }),
      );
    }
  };
  cluster.on('message', onMessage);

  const fork = (): Promise<Worker> => {
    const worker = cluster.fork({ ...options.env, [CLUSTER_WORKER_ENV]: '1' });
    return withTimeout(
      new Promise<Worker>((resolve, reject) => {
        worker.once('listening', () => {
          listening.add(worker);
          resolve(worker);
        });
        worker.once('exit', (code, signal) =>
          reject(new Error(`worker ${worker.id} exited before listening (${signal ?? code})`)),
        );
      }),
      options.startTimeoutMs ?? 120_000,
      `worker ${worker.id} start`,
    );
  };

  cluster.on('exit', (worker, code, signal) => {
    // Exit code 0 is a worker that stopped on a signal (Ctrl-C reaches every process of
    // the group): the primary is stopping too.
    if (stopping || (code === 0 && !signal)) {
      return;
    }
    log.error({ worker: worker.id, pid: worker.process.pid, code, signal }, 'worker exited');
    if (!listening.has(worker)) {
      failedStarts++;
    }
    if (failedStarts >= MAX_FAILED_STARTS) {
      options.onFatal(`${failedStarts} workers failed to start`);
      return;
    }
    setTimeout(() => {
      if (stopping) {
        return;
      }
      fork().then(
        (replacement) => {
          failedStarts = 0;
          log.warn({ worker: replacement.id, pid: replacement.process.pid }, 'worker replaced');
        },
        (error: unknown) => {
          if (!stopping) {
            log.error({ err: error }, 'replacement worker failed');
          }
        },
      );
    }, RESTART_DELAY_MS).unref();
  });

  const stop = async (timeoutMs = 15_000): Promise<void> => {
    stopping = true;
    cluster.off('message', onMessage);
    const workers = Object.values(cluster.workers ?? {}).filter(
      (worker): worker is Worker => worker !== undefined,
    );
    await Promise.all(
      workers.map(async (worker) => {
        if (worker.isDead()) {
          return;
        }
        const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
        worker.process.kill('SIGTERM');
        try {
          await withTimeout(exited, timeoutMs, `worker ${worker.id} stop`);
        } catch {
          log.warn({ worker: worker.id }, 'worker did not stop in time: killed');
          worker.process.kill('SIGKILL');
          await exited;
        }
      }),
    );
  };

  try {
    await Promise.all(Array.from({ length: options.count }, fork));
  } catch (error) {
    await stop(5_000);
    throw error;
  }
  return { gatherMetrics, stop };
}

/**
 * In a worker: answers the primary's requests for this process's series, and gives the
 * `/metrics` route the text gathered by the primary.
 */
export function workerMetrics(
  registry: Registry,
  timeoutMs = 5_000,
): { exposition: () => Promise<string>; detach: () => void } {
  let nextId = 0;
  const waiting = new Map<number, (answer: { text?: string; error?: string }) => void>();
  const onMessage = (message: unknown) => {
    if (!isClusterMessage(message)) {
      return;
    }
    if (message.zhifa === 'metrics-collect') {
      registry.getMetricsAsJSON().then(
        (json) => process.send?.({ zhifa: 'metrics-json', id: message.id, json }),
        (error: unknown) =>
          process.send?.({ zhifa: 'metrics-json', id: message.id, error: String(error) }),
      );
    } else if (message.zhifa === 'metrics-text') {
      waiting.get(message.id)?.(message);
    }
  };
  process.on('message', onMessage);
  return {
    async exposition() {
      const id = ++nextId;
      const answer = new Promise<{ text?: string; error?: string }>((resolve) =>
        waiting.set(id, resolve),
      );
      process.send?.({ zhifa: 'metrics-request', id } satisfies ClusterMessage);
      try {
        const { text, error } = await withTimeout(answer, timeoutMs, 'metrics from the primary');
        if (text === undefined) {
          throw new Error(error ?? 'the primary sent no metrics');
        }
        return text;
      } finally {
        waiting.delete(id);
      }
    },
    detach: () => process.off('message', onMessage),
  };
}
