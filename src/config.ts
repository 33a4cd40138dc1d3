import { isAbsolute, resolve } from 'node:path';
import { projectRoot } from './paths.js';

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
  /** Ed25519 PKCS#8 PEM for audit checkpoints; undefined means "generate one and keep it in dataDir". */
  checkpointPrivateKey: string | undefined;
  /** Minutes between automatic audit checkpoints (0 = only on demand). */
  checkpointIntervalMinutes: number;
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
    checkpointPrivateKey: env.ZHIFA_CHECKPOINT_PRIVATE_KEY || undefined,
    checkpointIntervalMinutes: integer(
      'ZHIFA_CHECKPOINT_INTERVAL_MINUTES',
      env.ZHIFA_CHECKPOINT_INTERVAL_MINUTES,
      60,
    ),
  };
}
