import { availableParallelism } from 'node:os';
import { isAbsolute, resolve } from 'node:path';
import { projectRoot } from './paths.js';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from './db/session-timeouts.js';
import { DEFAULT_ACTOR_CACHE_TTL_SECONDS } from './auth/auth-cache.js';
import { DEFAULT_QUERY_COST_LIMITS, type QueryCostLimits } from './schema/query-limits.js';

/**
 * Every setting Zhifa reads, in one place (README lists them). Nothing secret
 * has a default in code: the embedded default signing key is generated and
 * kept in the data directory.
 */
export interface AppConfig {
  host: string;
  port: number;
  /** When set, use this PostgreSQL and start nothing embedded. */
  databaseUrl: string | undefined;
  dataDir: string;
  /** HS256 secret; undefined means "generate one and keep it in dataDir". */
  jwtSecret: string | undefined;
  jwtIssuer: string;
  jwtAudience: string;
  tokenTtlSeconds: number;
  /** Load the demo hierarchy when the database is empty. */
  loadDemoData: boolean;
  /** Production hardening: no introspection, no GraphiQL. */
  production: boolean;
  logQueries: boolean;
  /** Database statement/lock/idle-in-transaction/pool-acquire timeouts. */
  databaseTimeouts: DatabaseTimeouts;
  /** Query depth and cost limits. */
  queryLimits: QueryCostLimits;
  /** Per-request GraphQL execution deadline. */
  executionTimeoutMs: number;
  /** Longest token lifetime accepted (exp − iat) and clock leeway, in seconds (D10). */
  tokenMaxLifetimeSeconds: number;
  tokenLeewaySeconds: number;
  /** Verified-token and actor cache lifetime in seconds (0 = off); see src/auth/auth-cache.ts. */
  actorCacheTtlSeconds: number;
  /** Requests per minute per officer and per client address (0 = no limit). */
  rateLimitPerOfficer: number;
  rateLimitPerAddress: number;
  /** PDF conversions running at once (LibreOffice processes), per server process. */
  pdfConcurrency: number;
  /**
   * HTTP server processes (ZHIFA_WORKERS; `auto` = one per core). 1: one process does
   * everything; more: a primary keeps the database, migrations and background jobs and
   * that many workers answer HTTP on the same port (src/cluster-workers.ts).
   */
  workers: number;
  /** `/metrics` requires `Authorization: Bearer <token>` when set. */
  metricsToken: string | undefined;
  /** Serve `/metrics` on this port only (same host), not on the API port. */
  metricsPort: number | undefined;
  /** Browser origins allowed by CORS; empty: no cross-origin access. */
  corsOrigins: string[];
  /** Lifetime of signed download links. */
  downloadUrlTtlSeconds: number;
  /** Ed25519 PKCS#8 PEM for audit checkpoints; undefined means "generate one and keep it in dataDir". */
  checkpointPrivateKey: string | undefined;
  /** Minutes between automatic audit checkpoints (0 = only on demand). */
  checkpointIntervalMinutes: number;
  /**
   * Login of the application role (not the owner, NOBYPASSRLS) for requests; unset with
   * DATABASE_URL: the owner's pool switches to `databaseAppRole` per request.
   */
  appDatabaseUrl: string | undefined;
  /** Requests run under row-level security (default on). */
  rowLevelSecurity: boolean;
  /** Non-owner role without BYPASSRLS that requests switch to (created by the migrations). */
  databaseAppRole: string;
  /** Express `trust proxy`: false, true, a hop count, or addresses/CIDRs/`loopback`…. */
  trustProxy: boolean | number | string;
  /** How long a stored answer to an Idempotency-Key is kept, in seconds. */
  idempotencyTtlSeconds: number;
}

function flag(value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') {
    return fallback;
  }
  return ['1', 'true', 'yes', 'on'].includes(value.toLowerCase());
}

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined || value === '') {
    return fallback;
  }
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${value}"`);
  }
  return n;
}

/** ZHIFA_TRUST_PROXY: unset/false, true (any proxy: only behind one that overwrites the header), hops, or a list. */
/** ZHIFA_WORKERS: a positive integer, or `auto` for one process per core the machine offers. */
export function workerCount(
  value: string | undefined,
  cores: number = availableParallelism(),
): number {
  if (value === undefined || value.trim() === '') {
    return 1;
  }
  if (value.trim().toLowerCase() === 'auto') {
    return Math.max(1, cores);
  }
  const count = integer('ZHIFA_WORKERS', value, 1);
  if (count < 1 || count > 64) {
    throw new Error(`ZHIFA_WORKERS must be auto or an integer from 1 to 64, got ${value}`);
  }
  return count;
}

function trustProxy(value: string | undefined): boolean | number | string {
  const text = value?.trim() ?? '';
  if (text === '' || /^(false|0|no|off)$/i.test(text)) {
    return false;
  }
  if (/^(true|yes|on)$/i.test(text)) {
    return true;
  }
  if (/^[1-9][0-9]*$/.test(text)) {
    return Number(text);
  }
  return text;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const dataDir = env.ZHIFA_DATA_DIR || '.data';
  return {
    host: env.HOST || '127.0.0.1',
    port: integer('PORT', env.PORT, 4000),
    databaseUrl: env.DATABASE_URL || undefined,
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(projectRoot, dataDir),
    jwtSecret: env.ZHIFA_JWT_SECRET || undefined,
    jwtIssuer: env.ZHIFA_JWT_ISSUER || 'zhifa',
    jwtAudience: env.ZHIFA_JWT_AUDIENCE || 'zhifa-api',
    tokenTtlSeconds: integer('ZHIFA_TOKEN_TTL_SECONDS', env.ZHIFA_TOKEN_TTL_SECONDS, 12 * 3600),
    loadDemoData: flag(env.ZHIFA_DEMO_DATA, true),
    production: flag(env.ZHIFA_PRODUCTION, false),
    logQueries: flag(env.ZHIFA_LOG_QUERIES, false),
    databaseTimeouts: {
      statementTimeoutMs: integer(
        'ZHIFA_DB_STATEMENT_TIMEOUT_MS',
        env.ZHIFA_DB_STATEMENT_TIMEOUT_MS,
        DEFAULT_DATABASE_TIMEOUTS.statementTimeoutMs,
      ),
      lockTimeoutMs: integer(
        'ZHIFA_DB_LOCK_TIMEOUT_MS',
        env.ZHIFA_DB_LOCK_TIMEOUT_MS,
        DEFAULT_DATABASE_TIMEOUTS.lockTimeoutMs,
      ),
      idleInTransactionTimeoutMs: integer(
        'ZHIFA_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS',
        env.ZHIFA_DB_IDLE_IN_TRANSACTION_TIMEOUT_MS,
        DEFAULT_DATABASE_TIMEOUTS.idleInTransactionTimeoutMs,
      ),
      poolAcquireTimeoutMs: integer(
        'ZHIFA_DB_POOL_ACQUIRE_TIMEOUT_MS',
        env.ZHIFA_DB_POOL_ACQUIRE_TIMEOUT_MS,
        DEFAULT_DATABASE_TIMEOUTS.poolAcquireTimeoutMs,
      ),
    },
    queryLimits: {
      maxDepth: integer(
        'ZHIFA_MAX_QUERY_DEPTH',
        env.ZHIFA_MAX_QUERY_DEPTH,
        DEFAULT_QUERY_COST_LIMITS.maxDepth,
      ),
      maxCost: integer(
        'ZHIFA_MAX_QUERY_COST',
        env.ZHIFA_MAX_QUERY_COST,
        DEFAULT_QUERY_COST_LIMITS.maxCost,
      ),
    },
    executionTimeoutMs: integer(
      'ZHIFA_EXECUTION_TIMEOUT_MS',
      env.ZHIFA_EXECUTION_TIMEOUT_MS,
      10_000,
    ),
    tokenMaxLifetimeSeconds: integer(
      'ZHIFA_TOKEN_MAX_LIFETIME_SECONDS',
      env.ZHIFA_TOKEN_MAX_LIFETIME_SECONDS,
      24 * 3600,
    ),
    tokenLeewaySeconds: integer('ZHIFA_TOKEN_LEEWAY_SECONDS', env.ZHIFA_TOKEN_LEEWAY_SECONDS, 30),
    actorCacheTtlSeconds: integer(
      'ZHIFA_ACTOR_CACHE_TTL_SECONDS',
      env.ZHIFA_ACTOR_CACHE_TTL_SECONDS,
      DEFAULT_ACTOR_CACHE_TTL_SECONDS,
    ),
    rateLimitPerOfficer: integer(
      'ZHIFA_RATE_LIMIT_PER_OFFICER',
      env.ZHIFA_RATE_LIMIT_PER_OFFICER,
      600,
    ),
    rateLimitPerAddress: integer(
      'ZHIFA_RATE_LIMIT_PER_ADDRESS',
      env.ZHIFA_RATE_LIMIT_PER_ADDRESS,
      1200,
    ),
    pdfConcurrency: integer('ZHIFA_PDF_CONCURRENCY', env.ZHIFA_PDF_CONCURRENCY, 1),
    workers: workerCount(env.ZHIFA_WORKERS),
    metricsToken: env.ZHIFA_METRICS_TOKEN || undefined,
    corsOrigins: (env.ZHIFA_CORS_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
    downloadUrlTtlSeconds: integer(
      'ZHIFA_DOWNLOAD_URL_TTL_SECONDS',
      env.ZHIFA_DOWNLOAD_URL_TTL_SECONDS,
      300,
    ),
    metricsPort: env.ZHIFA_METRICS_PORT
      ? integer('ZHIFA_METRICS_PORT', env.ZHIFA_METRICS_PORT, 0)
      : undefined,
    checkpointPrivateKey: env.ZHIFA_CHECKPOINT_PRIVATE_KEY || undefined,
    checkpointIntervalMinutes: integer(
      'ZHIFA_CHECKPOINT_INTERVAL_MINUTES',
      env.ZHIFA_CHECKPOINT_INTERVAL_MINUTES,
      60,
    ),
    appDatabaseUrl: env.ZHIFA_APP_DATABASE_URL || undefined,
    trustProxy: trustProxy(env.ZHIFA_TRUST_PROXY),
    rowLevelSecurity: flag(env.ZHIFA_ROW_LEVEL_SECURITY, true),
    databaseAppRole: env.ZHIFA_DB_APP_ROLE || 'zhifa_app',
    idempotencyTtlSeconds: integer(
      'ZHIFA_IDEMPOTENCY_TTL_SECONDS',
      env.ZHIFA_IDEMPOTENCY_TTL_SECONDS,
      24 * 3600,
    ),
  };
}
