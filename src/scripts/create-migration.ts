import 'reflect-metadata';
import { MikroORM } from '@mikro-orm/postgresql';
import { resolve } from 'node:path';
import { loadConfig } from '../config.js';
import { createOrmConfig } from '../db/mikro-orm.config.js';
import { connectionUrl, createDatabase, dropDatabase, withDatabase } from '../db/admin.js';
import { startEmbeddedPostgres } from '../db/embedded-postgres.js';
import { projectRoot } from '../paths.js';

/**
 * Writes a new migration with the difference between the committed migrations
 * and the entities. Runs against a scratch database, never against your data.
 * Usage: npm run migration:create
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir);
  const serverUrl = config.databaseUrl ?? connectionUrl(embedded!.connection, 'postgres');
  const scratch = `zhifa_migration_${process.pid}`;
  await createDatabase(serverUrl, scratch);
  const orm = await MikroORM.init(createOrmConfig({ clientUrl: withDatabase(serverUrl, scratch) }));
  try {
    await orm.migrator.up();
    const result = await orm.migrator.createMigration(
      resolve(projectRoot, 'src/db/migrations'),
      false,
      false,
    );
    console.log(
      result.fileName
        ? `written ${result.fileName}`
        : 'entities match the migrations: nothing to write',
    );
    for (const line of result.diff.up) {
      console.log(line);
    }
  } finally {
    await orm.close(true);
    await dropDatabase(serverUrl, scratch);
    await embedded?.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
