import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MikroORM } from '@mikro-orm/postgresql';
import type { RowLevelSecurity } from '../auth/row-level-security.js';
import type { AppConfig } from '../config.js';
import { connectionUrl } from './admin.js';
import { EMBEDDED_DATABASE_NAME, type OpenDatabase } from './database.js';
import { createOrmConfig } from './mikro-orm.config.js';
import { logger } from '../observability/logger.js';

/** The pool requests use, and how they enter their office scope on it. */
export interface RequestPool {
  /** Undefined: requests use the owner's pool and switch role per transaction. */
  orm: MikroORM | undefined;
  rowLevelSecurity: RowLevelSecurity | false;
  /** The application role's login URL, when requests log in as it (cluster workers reuse it). */
  clientUrl?: string;
  close(): Promise<void>;
}

/** Generated once and kept beside the cluster (mode 0600), like the superuser's. */
function appRolePassword(dataDir: string): string {
  const file = join(dataDir, 'pg-app-password');
  if (existsSync(file)) {
    return readFileSync(file, 'utf8').trim();
  }
  const password = randomBytes(24).toString('base64url');
  writeFileSync(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * Called after the migrations (they create the role). Requests log in as a role that
 * cannot bypass row-level security wherever one is available:
 * - ZHIFA_APP_DATABASE_URL: the operator's application login (no owner, NOBYPASSRLS);
 * - embedded PostgreSQL: `zhifa_app` itself, given a login and a generated password;
 * - otherwise (DATABASE_URL only): the owner's pool, each request transaction
 *   switching to ZHIFA_DB_APP_ROLE (see RowLevelSecurity for the trade-off).
 */
export async function openRequestPool(
  config: AppConfig,
  database: OpenDatabase,
): Promise<RequestPool> {
  if (!config.rowLevelSecurity) {
    return { orm: undefined, rowLevelSecurity: false, close: async () => {} };
  }
  let clientUrl: string | undefined = config.appDatabaseUrl;
  if (!clientUrl && database.embedded) {
    const password = appRolePassword(config.dataDir);
    // Owner connection; the password is a literal here because ALTER ROLE takes no parameters.
    await database.orm.em
      .getConnection()
      .execute(`alter role zhifa_app with login password '${password.replace(/'/g, "''")}'`);
    clientUrl = connectionUrl(
      { ...database.embedded.connection, user: 'zhifa_app', password },
      EMBEDDED_DATABASE_NAME,
    );
  }
  if (!clientUrl) {
    return {
      orm: undefined,
      rowLevelSecurity: { role: config.databaseAppRole },
      close: async () => {},
    };
  }
  const orm = await MikroORM.init(
    createOrmConfig({
      clientUrl,
      onQuery: config.logQueries ? (sql) => logger.info({ sql }, 'SQL') : undefined,
      timeouts: config.databaseTimeouts,
    }),
  );
  return {
    orm,
    rowLevelSecurity: { role: undefined },
    clientUrl,
    close: () => orm.close(true),
  };
}
