import type { EntityManager } from '@mikro-orm/postgresql';
import {
  beginWith,
  countAlong,
  endCommittedInline,
  scopeStatement,
  uuidLiteral,
} from './scoped-transaction.js';

/**
 * The database half of office scoping: a request's queries run in one
 * transaction whose role cannot bypass row-level security and whose
 * `zhifa.office_path` is the acting officer's office; the policies (see the
 * migration that creates them) then hide every row outside that subtree, so a
 * query that forgets the scope filter still sees only the actor's subtree.
 */
export interface RowLevelSecurity {
  /**
   * Non-owner role the request switches to with `SET LOCAL ROLE` when the pool logs in
   * as the owner (ZHIFA_DB_APP_ROLE, default zhifa_app). Undefined: the pool already
   * logs in as such a role (embedded PostgreSQL, ZHIFA_APP_DATABASE_URL) and no switch
   * is needed.
   *
   * Trade-off of the switch, documented in the README: SQL that ran `RESET ROLE` inside
   * the transaction would leave the scope. The code issues no such SQL and takes no SQL
   * text from clients; a login role closes even that.
   */
  role: string | undefined;
}

export const DEFAULT_ROW_LEVEL_SECURITY: RowLevelSecurity = { role: 'zhifa_app' };

/** Ends a request scope: commits what the request's mutations wrote (idempotent). */
export type EndScope = () => Promise<void>;

/** An opened request scope: how to end it, and the officer's stamp read while opening it. */
export interface OfficerScope {
  endScope: EndScope;
  /** zhifa_officer_stamp of the officer: null when inactive or unknown (auth-cache.ts). */
  stamp: string | null;
}

/**
 * Opens the request transaction on `em` scoped to the office of `officerId`: BEGIN and
 * one statement (sent together in one round trip where scoped-transaction.ts can), which
 * also reads the officer's stamp (so a cached actor is checked without another round trip). The path comes from a security-definer function, because
 * before the scope is set the officer row is not visible. Both settings are
 * transaction-local: the connection returns to the pool with no role switch and no path.
 * Without row-level security the request still runs in one transaction, so it
 * behaves the same either way (idempotency keys are stored in it too).
 */
export async function openOfficerScope(
  em: EntityManager,
  officerId: string,
  settings: RowLevelSecurity | false,
): Promise<OfficerScope> {
  // BEGIN and the scope statement in one round trip (scoped-transaction.ts), else as two.
  const statement = scopeStatement(officerId, settings && settings.role);
  const opened = statement === undefined ? undefined : await beginWith(em, statement);
  const stamp = opened
    ? ((opened[0]?.stamp as string | null | undefined) ?? null)
    : await beginAndReadStamp(em, officerId, settings);
  let ended: Promise<void> | undefined;
  const endScope: EndScope = () => {
    ended ??= (async () => {
      const transaction = em.getTransactionContext();
      if (!transaction) {
        return;
      }
      em.resetTransactionContext();
      if (await endCommittedInline(transaction)) {
        return;
      }
      // Commit the connection only: flushing the request's identity map here would
      // write entities a read happened to touch. Mutations flushed in their own
      // (nested) transactions already.
      await em.getConnection('write').commit(transaction);
    })();
    return ended;
  };
  return { endScope, stamp };
}

/** BEGIN, then the scope statement with bindings: two round trips. */
async function beginAndReadStamp(
  em: EntityManager,
  officerId: string,
  settings: RowLevelSecurity | false,
): Promise<string | null> {
  await em.begin();
  try {
    const stampSql = `zhifa_officer_stamp(?::uuid) as stamp`;
    const scope = `set_config('zhifa.office_path', coalesce(zhifa_officer_scope(?::uuid), ''), true)`;
    const rows: { stamp: string | null }[] = await (!settings
      ? em.execute(`select ${stampSql}`, [officerId])
      : settings.role === undefined
        ? em.execute(`select ${scope}, ${stampSql}`, [officerId, officerId])
        : em.execute(`select set_config('role', ?, true), ${scope}, ${stampSql}`, [
            settings.role,
            officerId,
            officerId,
          ]));
    return rows[0]?.stamp ?? null;
  } catch (error) {
    await em.rollback();
    throw error;
  }
}

/** What readOfficerStamp uses of knex's client (knex/lib/client.js) and a pooled pg client. */
interface PooledPg {
  query(config: {
    name: string;
    text: string;
    values: unknown[];
  }): Promise<{ rows: { stamp: string | null }[] }>;
}
interface KnexPoolClient {
  dialect?: string;
  acquireConnection(): Promise<PooledPg>;
  releaseConnection(connection: PooledPg): Promise<void>;
}
interface LoggingConnection {
  getKnex(): { client: KnexPoolClient };
  logQuery(query: string, context?: object): void;
}

/** The stamp statement, prepared once per pooled connection (named by its text's version). */
export const OFFICER_STAMP_STATEMENT = {
  name: 'zhifa_officer_stamp_1',
  text: 'select zhifa_officer_stamp($1::uuid) as stamp',
} as const;

/**
 * The officer's stamp alone, in one statement outside any transaction: for a request
 * answered from the cached actor (actor-only-operations.ts), which opens no scope.
 *
 * Sent on a connection of the pool that `em` uses (knex's, with its acquire timeout) straight
 * through node-postgres as a named prepared statement, not through MikroORM's and knex's
 * query builders: this one statement is all such a request sends, and their per-statement
 * work (formatting the parameters into the text, knex's runner, MikroORM's result mapping)
 * was a measurable share of its CPU; PostgreSQL plans it once per connection. It is logged
 * in MikroORM's query log and counted in the request's statements as `em.execute` would be.
 */
export async function readOfficerStamp(
  em: EntityManager,
  officerId: string,
): Promise<string | null> {
  const connection = em.getConnection() as unknown as LoggingConnection;
  const client = connection.getKnex().client;
  if (client.dialect !== 'postgresql' || uuidLiteral(officerId) === undefined) {
    const rows: { stamp: string | null }[] = await em.execute(
      'select zhifa_officer_stamp(?::uuid) as stamp',
      [officerId],
    );
    return rows[0]?.stamp ?? null;
  }
  const pg = await client.acquireConnection();
  let rows: { stamp: string | null }[];
  try {
    ({ rows } = await pg.query({ ...OFFICER_STAMP_STATEMENT, values: [officerId] }));
  } finally {
    await client.releaseConnection(pg);
  }
  connection.logQuery(OFFICER_STAMP_STATEMENT.text, { params: [officerId] });
  countAlong(1);
  return rows[0]?.stamp ?? null;
}

/** openOfficerScope for callers that need only the scope. */
export async function enterOfficerScope(
  em: EntityManager,
  officerId: string,
  settings: RowLevelSecurity | false,
): Promise<EndScope> {
  return (await openOfficerScope(em, officerId, settings)).endScope;
}
