import { createHash } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

type Row = Record<string, unknown>;

/** What `executeQuery` is on MikroORM's Connection (protected there): time, log, count. */
interface LoggingConnection {
  executeQuery<T>(query: string, cb: () => Promise<T>, context?: object): Promise<T>;
}

const names = new Map<string, string>();

/** The statement's name: derived from its text, so one name never stands for two texts. */
function nameOf(sql: string): string {
  let name = names.get(sql);
  if (!name) {
    name = `zhifa_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * A read sent as a named prepared statement of the pooled connection, in the caller's
 * transaction (`em.execute` inlines the parameters into the text, so PostgreSQL parses and
 * plans every call afresh). For the long statements of a step (the case with its relations and
 * state: seven subqueries) the planning was more of PostgreSQL's CPU than running them; a named
 * statement is planned once per connection (PostgreSQL keeps its plan, and plans it again itself
 * when the schema, the role or the row-level-security environment it was planned under change).
 * Logged and counted as `em.execute` is (MikroORM's query log, the statement-count hooks on
 * knex's `query` event). `sql` uses `?` placeholders; the parameters go as bind values.
 */
export async function executePrepared<T extends Row = Row>(
  em: EntityManager,
  sql: string,
  params: readonly Knex.RawBinding[],
): Promise<T[]> {
  const connection = em.getConnection();
  const transaction = em.getTransactionContext();
  return (connection as unknown as LoggingConnection).executeQuery(
    sql,
    async () => {
      const query = connection
        .getKnex()
        .raw(sql, params)
        .options({ name: nameOf(sql) });
      if (transaction) {
        query.transacting(transaction);
      }
      const result = (await query) as { rows: T[] };
      return result.rows;
    },
    { query: sql, params },
  );
}
