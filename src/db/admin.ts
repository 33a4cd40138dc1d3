import pg from 'pg';
import type { PostgresConnection } from './embedded-postgres.js';

export function connectionUrl(connection: PostgresConnection, database: string): string {
  const user = encodeURIComponent(connection.user);
  const password = encodeURIComponent(connection.password);
  return `postgres://${user}:${password}@${connection.host}:${connection.port}/${database}`;
}

/** The same server, another database. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = '/' + encodeURIComponent(database);
  return u.toString();
}

function quoteIdentifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) {
    throw new Error(`unsafe database name: ${name}`);
  }
  return `"${name}"`;
}

async function withAdminClient<T>(
  serverUrl: string,
  run: (client: pg.Client) => Promise<T>,
): Promise<T> {
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export async function databaseExists(serverUrl: string, name: string): Promise<boolean> {
  return withAdminClient(serverUrl, async (client) => {
    const result = await client.query('select 1 from pg_database where datname = $1', [name]);
    return (result.rowCount ?? 0) > 0;
  });
}

/** UTF-8 regardless of the server's default (template0 lets us choose the encoding). */
export async function createDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdminClient(serverUrl, async (client) => {
    await client.query(
      `create database ${quoteIdentifier(name)} encoding 'UTF8' template template0`,
    );
  });
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withAdminClient(serverUrl, async (client) => {
    await client.query(`drop database if exists ${quoteIdentifier(name)} with (force)`);
  });
}
