import { DataloaderType, type Options } from '@mikro-orm/core';
import { Migrator } from '@mikro-orm/migrations';
import { type PostgreSqlDriver, defineConfig } from '@mikro-orm/postgresql';
import { ZhifaPostgreSqlDriver } from './bound-connection.js';
import { entities } from '../entities/index.js';
import { migrationsList } from './migrations/index.js';
import {
  DEFAULT_DATABASE_TIMEOUTS,
  timeoutDriverOptions,
  type DatabaseTimeouts,
} from './session-timeouts.js';

export interface OrmConnectionOptions {
  /** postgres://user:password@host:port/database */
  clientUrl: string;
  /** Receives each SQL statement (tests count them; ZHIFA_LOG_QUERIES prints them). */
  onQuery?: (sql: string) => void;
  poolMax?: number;
  /** Statement, lock, idle-in-transaction and pool-acquire timeouts (defaults: session-timeouts.ts). */
  timeouts?: Partial<DatabaseTimeouts>;
}

export function createOrmConfig(options: OrmConnectionOptions): Options<PostgreSqlDriver> {
  return defineConfig({
    clientUrl: options.clientUrl,
    // PostgreSqlDriver whose writes go with bind values as named statements (bound-connection.ts).
    driver: ZhifaPostgreSqlDriver,
    entities,
    extensions: [Migrator],
    // Field resolvers call Reference/Collection.load(): batched per tick, so no N+1.
    dataloader: DataloaderType.ALL,
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: options.poolMax ?? 10 },
    // Timeouts only; see session-timeouts.ts.
    driverOptions: timeoutDriverOptions({ ...DEFAULT_DATABASE_TIMEOUTS, ...options.timeouts }),
    // Static list: glob discovery of .ts migrations fails under vitest on Node 20.
    migrations: {
      migrationsList,
      path: 'src/db/migrations',
      emit: 'ts',
      silent: true,
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    debug: options.onQuery ? ['query'] : false,
    logger: options.onQuery
      ? (message: string) => {
          options.onQuery!(message);
        }
      : undefined,
    colors: false,
  });
}
