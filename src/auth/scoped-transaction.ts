import type { EntityManager } from '@mikro-orm/postgresql';
import type { Knex } from 'knex';
import { createRequire } from 'node:module';
import { currentRequestScope } from '../observability/request-scope.js';

/**
 * The request transaction in fewer round trips, on knex's own PostgreSQL
 * transaction class:
 *
 * - `BEGIN` and the scope statement (role, office path, officer stamp) go to PostgreSQL as
 *   one simple-protocol query, their values quoted in as literals (an officer uuid checked
 *   by a pattern, a role name checked as a plain identifier): one round trip instead of two;
 * - a read that is the request's last statement may carry the `COMMIT` (`select …; COMMIT`,
 *   readAndCommit): the transaction then counts as complete for knex, so any later
 *   statement on it is refused (it would run outside the scope), and ending the scope
 *   gives the connection back without another round trip.
 *
 * Counting: MikroORM's query log (tests, ZHIFA_LOG_QUERIES) receives `begin` and the scope
 * statement as two lines, and the committing read as one line ending in `;COMMIT`; the
 * request's statement count (the operation log line) is raised for each statement that rode
 * along.
 */

type Row = Record<string, unknown>;

interface PgResult {
  rows: Row[];
}

/** The part of knex's Transaction class this module uses (knex/lib/execution/transaction.js). */
interface KnexTransactionInternals {
  trxClient: { query(conn: unknown, obj: { sql: string }): Promise<{ response: unknown }> };
  _completed: boolean;
  _resolver(value?: unknown): void;
  commit(conn: unknown, value?: unknown): Promise<unknown>;
}

type TransactionConstructor = new (
  client: unknown,
  container: (trx: Knex.Transaction) => void,
  config: object,
) => KnexTransactionInternals;

const TransactionPg = createRequire(import.meta.url)(
  'knex/lib/dialects/postgres/execution/pg-transaction.js',
) as TransactionConstructor;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/i;

/** A value as a SQL literal, for values already checked by UUID or IDENTIFIER. */
function literal(value: string): string {
  if (!UUID.test(value) && !IDENTIFIER.test(value)) {
    throw new Error('only uuids and plain identifiers are quoted in');
  }
  return `'${value}'`;
}

/** `'<uuid>'::uuid` for a well-formed uuid, else undefined. */
export function uuidLiteral(value: string): string | undefined {
  return UUID.test(value) ? `${literal(value)}::uuid` : undefined;
}

class ScopedTransaction extends TransactionPg {
  /** Set before knex calls begin (its constructor defers that to a later microtask). */
  openingSql = '';
  openingRows: Row[] = [];
  connection: unknown;
  committedInline = false;

  begin(conn: unknown): Promise<unknown> {
    this.connection = conn;
    return this.trxClient.query(conn, { sql: `BEGIN;${this.openingSql}` }).then(
      (obj) => {
        const results = obj.response as PgResult[];
        this.openingRows = results[results.length - 1]?.rows ?? [];
      },
      async (error: unknown) => {
        // The BEGIN may have run before the statement failed: never hand a connection
        // inside an aborted transaction back to the pool.
        await this.trxClient.query(conn, { sql: 'ROLLBACK' }).catch(() => {});
        throw error;
      },
    );
  }

  override commit(conn: unknown, value?: unknown): Promise<unknown> {
    if (this.committedInline) {
      this._resolver(value);
      return Promise.resolve();
    }
    return super.commit(conn, value);
  }
}

const scopedByTransactor = new WeakMap<object, ScopedTransaction>();

interface ConnectionInternals {
  getKnex(): Knex;
  logQuery(query: string): void;
}

/** Counts statements sent without knex's `query` event into the request's scope. */
export function countAlong(statements: number): void {
  const scope = currentRequestScope();
  if (scope) {
    scope.sqlStatements += statements;
  }
}

/**
 * Opens the request transaction on `em` with `statement` (a select with literal values) run
 * right after `BEGIN`, in one round trip; answers the statement's rows. Undefined when the
 * connection is not PostgreSQL through knex (the caller then opens it as before).
 */
export async function beginWith(em: EntityManager, statement: string): Promise<Row[] | undefined> {
  const connection = em.getConnection('write') as unknown as ConnectionInternals;
  const knex = connection.getKnex();
  const client = knex.client as { dialect?: string; transacting?: boolean };
  if (client.dialect !== 'postgresql' || client.transacting || em.getTransactionContext()) {
    return undefined;
  }
  let scoped: ScopedTransaction | undefined;
  const transactor = await new Promise<Knex.Transaction>((resolve, reject) => {
    scoped = new ScopedTransaction(knex.client, resolve, {
      userParams: (knex as unknown as { userParams?: object }).userParams ?? {},
      doNotRejectOnRollback: true,
    });
    scoped.openingSql = statement;
    (scoped as unknown as Promise<unknown>).then(undefined, reject);
  });
  scopedByTransactor.set(transactor, scoped!);
  connection.logQuery('begin');
  connection.logQuery(statement);
  // knex's query event saw one query for the two statements.
  countAlong(1);
  em.setTransactionContext(transactor);
  return scoped!.openingRows;
}

/** The scope statement's SQL with its values quoted in (see openOfficerScope). */
export function scopeStatement(
  officerId: string,
  role: string | undefined | false,
): string | undefined {
  if (!UUID.test(officerId) || (role !== undefined && role !== false && !IDENTIFIER.test(role))) {
    return undefined;
  }
  const id = `${literal(officerId)}::uuid`;
  const stamp = `zhifa_officer_stamp(${id}) as stamp`;
  const scope = `set_config('zhifa.office_path', coalesce(zhifa_officer_scope(${id}), ''), true)`;
  if (role === false) {
    return `select ${stamp}`;
  }
  return role === undefined
    ? `select ${scope}, ${stamp}`
    : `select set_config('role', ${literal(role)}, true), ${scope}, ${stamp}`;
}

/**
 * Runs `statement` (a select with literal values) and `COMMIT` in one round trip on the
 * request transaction of `em`, when that transaction was opened by beginWith and nothing
 * else is to run in it; answers the rows, or undefined when it cannot (the caller then runs
 * the statement as usual and the scope commits at the end as before). After it, the
 * transaction refuses any further statement.
 */
export async function readAndCommit(
  em: EntityManager,
  statement: string,
): Promise<Row[] | undefined> {
  const transactor = em.getTransactionContext<Knex.Transaction>();
  const scoped = transactor ? scopedByTransactor.get(transactor) : undefined;
  if (!scoped || scoped._completed || scoped.committedInline) {
    return undefined;
  }
  // Through em.execute, like any read: MikroORM logs it (one line, `…;COMMIT` included).
  const [rows] = await em.execute<Row[][]>(`${statement};COMMIT`);
  // Complete for knex from now on: a later statement on this transaction is refused.
  scoped._completed = true;
  scoped.committedInline = true;
  countAlong(1);
  return rows ?? [];
}

/**
 * Ends a transaction whose COMMIT already rode with its last read (readAndCommit): gives the
 * connection back to the pool with no round trip and no second `commit` in the query log.
 * False for any other transaction (the caller commits it as usual).
 */
export async function endCommittedInline(transaction: unknown): Promise<boolean> {
  const scoped = scopedByTransactor.get(transaction as object);
  if (!scoped?.committedInline) {
    return false;
  }
  const transactor = transaction as Knex.Transaction & { executionPromise?: Promise<unknown> };
  await transactor.commit();
  await transactor.executionPromise;
  return true;
}
