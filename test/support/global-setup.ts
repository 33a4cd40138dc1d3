import type { TestProject } from 'vitest/node';
import { connectionUrl } from '../../src/db/admin.js';
import { startEmbeddedPostgres, type RunningPostgres } from '../../src/db/embedded-postgres.js';
import { loadConfig } from '../../src/config.js';
import { join } from 'node:path';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PostgreSQL server URL (database 'postgres'); each test file creates and drops its own database on it. */
    postgresServerUrl: string;
  }
}

let embedded: RunningPostgres | undefined;

/** One PostgreSQL for the whole run: TEST_DATABASE_URL when given, else an embedded cluster (fsync off). */
export async function setup(project: TestProject): Promise<void> {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    project.provide('postgresServerUrl', url);
    return;
  }
  embedded = await startEmbeddedPostgres(join(loadConfig().dataDir, 'test'), { fsync: false });
  project.provide('postgresServerUrl', connectionUrl(embedded.connection, 'postgres'));
}

export async function teardown(): Promise<void> {
  await embedded?.stop();
}
