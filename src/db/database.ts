import { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from '../config.js';
import { connectionUrl, createDatabase, databaseExists, withDatabase } from './admin.js';
import { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres.js';
import { createOrmConfig } from './mikro-orm.config.js';
import { logger } from '../observability/logger.js';

export const EMBEDDED_DATABASE_NAME = 'zhifa';

export interface OpenDatabase {
  orm: MikroORM;
  clientUrl: string;
  embedded: RunningPostgres | undefined;
  close(): Promise<void>;
}

/**
 * DATABASE_URL set: use that server as it is. Otherwise start the embedded
 * PostgreSQL in the data directory and create the database on first use.
 */
export async function openDatabase(
  config: AppConfig,
  log: (message: string) => void = () => {},
): Promise<OpenDatabase> {
  let embedded: RunningPostgres | undefined;
  let clientUrl: string;
  if (config.databaseUrl) {
    clientUrl = config.databaseUrl;
  } else {
    embedded = await startEmbeddedPostgres(config.dataDir);
    const serverUrl = connectionUrl(embedded.connection, 'postgres');
    if (!(await databaseExists(serverUrl, EMBEDDED_DATABASE_NAME))) {
      await createDatabase(serverUrl, EMBEDDED_DATABASE_NAME);
    }
    clientUrl = withDatabase(serverUrl, EMBEDDED_DATABASE_NAME);
    log(`embedded PostgreSQL on 127.0.0.1:${embedded.connection.port} (data in ${config.dataDir})`);
  }
  try {
    const orm = await MikroORM.init(
      createOrmConfig({
        clientUrl,
        onQuery: config.logQueries ? (sql) => logger.info({ sql }, 'SQL') : undefined,
        timeouts: config.databaseTimeouts,
      }),
    );
    return {
      orm,
      clientUrl,
      embedded,
      async close() {
        await orm.close(true);
        await embedded?.stop();
      },
    };
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
}

/** Applies the committed migrations that have not run yet; returns their names. */
export async function migrate(orm: MikroORM): Promise<string[]> {
  const applied = await orm.migrator.up();
  return applied.map((m) => m.name);
}
