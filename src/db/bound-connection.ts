import { createHash } from 'node:crypto';
import {
  JsonProperty,
  Utils,
  type AnyEntity,
  type Configuration,
  type EntityData,
  type LoggingOptions,
  type QueryResult,
  type Transaction,
} from '@mikro-orm/core';
import {
  PostgreSqlConnection,
  PostgreSqlDriver,
  type EntityManager,
  type Knex,
  type PostgreSqlPlatform,
} from '@mikro-orm/postgresql';
import { OneStatementAtATimeDialect } from './one-statement-at-a-time.js';

/**
 * MikroORM's writes with bind values, as named statements of the pooled connection.
 *
 * MikroORM 6 sends every statement with its parameters inlined into the text
 * (`AbstractSqlConnection.execute` formats them with `platform.formatQuery`), so PostgreSQL parses,
 * rewrites (row-level-security policies included) and plans each insert and update of a flush
 * afresh, every step. This connection sends the writes MikroORM issues (`method` 'run': the flush's
 * inserts and updates, `nativeUpdate`, `nativeDelete`, query-builder writes) with their parameters
 * as bind values under a name derived from their text, so a connection parses a statement once and
 * PostgreSQL keeps its plan (it plans it again itself when the schema, the role or the
 * row-level-security environment change). Everything else (reads, `em.execute`, transaction
 * control, migrations) goes as MikroORM sends it.
 *
 * The values bound are those MikroORM would have inlined, converted the same way: a Date as
 * `platform.formatDate` writes it, a JSON object as its JSON text, strings, numbers, booleans and
 * null as they are. A statement with any other parameter (an array expanded into a list, a raw SQL
 * fragment, bytes) or a backslash in its text is sent inlined, as MikroORM sends it. At most `MAX_NAMED` texts get
 * a name (a process-wide bound on the statements each connection keeps); later texts are still
 * sent with bind values, unnamed.
 */

/** Distinct statement texts given a name; each pooled connection keeps at most this many. */
export const MAX_NAMED = 256;

const names = new Map<string, string>();

function nameOf(sql: string): string | undefined {
  let name = names.get(sql);
  if (!name && names.size < MAX_NAMED) {
    name = `zhifa_w_${createHash('sha256').update(sql).digest('hex').slice(0, 24)}`;
    names.set(sql, name);
  }
  return name;
}

/** For tests: how many statement texts have a name. */
export function namedWriteCount(): number {
  return names.size;
}

const WRITE = /^\s*(insert|update|delete)\s/i;

export interface BoundStatement {
  /** The text with `?` for each bound value (knex positions them as `$1`, `$2`, …). */
  sql: string;
  values: unknown[];
}

/**
 * The statement `formatQuery(sql, params)` would send, as a text with placeholders and the values
 * to bind; undefined when a parameter is not a plain value (see above), or for a text whose `?`
 * are not all MikroORM's placeholders.
 */
export function bindWriteValues(
  platform: PostgreSqlPlatform,
  sql: string,
  params: readonly unknown[],
): BoundStatement | undefined {
  if (sql.includes('\\')) {
    return undefined;
  }
  let text = '';
  const values: unknown[] = [];
  let pos = 0;
  let j = 0;
  for (;;) {
    const idx = sql.indexOf('?', pos);
    if (idx === -1) {
      text += sql.substring(pos);
      break;
    }
    text += sql.substring(pos, idx);
    if (j >= params.length) {
      return undefined;
    }
    const param = params[j++];
    if (sql[idx + 1] === '?') {
      const identifier = platform.quoteIdentifier(String(param));
      if (identifier.includes('?')) {
        return undefined;
      }
      text += identifier;
      pos = idx + 2;
      continue;
    }
    const value = bindable(platform, param);
    if (value === NOT_BINDABLE) {
      return undefined;
    }
    text += '?';
    values.push(value);
    pos = idx + 1;
  }
  return j === params.length ? { sql: text, values } : undefined;
}

const NOT_BINDABLE = Symbol('not bindable');

function bindable(platform: PostgreSqlPlatform, value: unknown): unknown {
  if (value === null || value === undefined) {
    return null;
  }
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : NOT_BINDABLE;
    case 'bigint':
      return value.toString();
    case 'object':
      if (value instanceof Date) {
        return Number.isNaN(value.getTime()) ? NOT_BINDABLE : platform.formatDate(value);
      }
      if (Utils.isRawSql(value) || platform.isRaw(value)) {
        return NOT_BINDABLE;
      }
      if (Utils.isPlainObject(value) || (value as Record<symbol, unknown>)[JsonProperty]) {
        return JSON.stringify(value);
      }
      return NOT_BINDABLE;
    default:
      return NOT_BINDABLE;
  }
}

/** What `executeQuery` and `getSql` are on MikroORM's Connection (protected or private there). */
interface ConnectionInternals {
  executeQuery<T>(query: string, cb: () => Promise<T>, context?: object): Promise<T>;
  getSql(query: string, formatted: string, context?: LoggingOptions): string;
}

/**
 * A plain insert MikroORM's flush writes (`insert into "t" (…) values (?, …), …`, every value a
 * bound `?`, nothing returned): the kind a batch may hold back and send with the next ones.
 */
const PLAIN_INSERT =
  /^insert into "[^"]+" \([^()]*\) values \(\?(?:, \?)*\)(?:, \(\?(?:, \?)*\))*$/;

/** PostgreSQL takes at most 65 535 bind values a statement; a batch stays well below. */
const MAX_BATCH_VALUES = 30_000;

/** An insert held back by a batch: MikroORM's text and parameters, and the same bound. */
interface HeldInsert {
  query: string;
  params: unknown[];
  bound: BoundStatement;
  loggerContext?: LoggingOptions;
}

export class BoundWritesConnection extends PostgreSqlConnection {
  /** Open batches (batchInserts), by the transaction they write in. */
  private readonly batches = new Map<Transaction, HeldInsert[]>();

  override createKnex(): void {
    // As PostgreSqlConnection's, on the dialect that sends one statement at a time.
    const internals = this as unknown as {
      createKnexClient(type: unknown): Knex;
      client: Knex;
      connected: boolean;
    };
    internals.client = internals.createKnexClient(OneStatementAtATimeDialect);
    (internals.client.client as { ormConfig?: Configuration }).ormConfig = this.config;
    internals.connected = true;
  }

  override async execute<
    T extends QueryResult | EntityData<AnyEntity> | EntityData<AnyEntity>[] =
      EntityData<AnyEntity>[],
  >(
    queryOrKnex: string | Knex.QueryBuilder | Knex.Raw,
    params: unknown[] = [],
    method: 'all' | 'get' | 'run' = 'all',
    ctx?: Transaction,
    loggerContext?: LoggingOptions,
  ): Promise<T> {
    const batch = ctx === undefined ? undefined : this.batches.get(ctx);
    // The case row's versioned update passes the held inserts (see CASE_UPDATE): they join the
    // inserts written after it, in one statement when the flush ends.
    const passes =
      batch !== undefined && typeof queryOrKnex === 'string' && passesHeld(queryOrKnex, batch);
    if (
      method !== 'run' ||
      typeof queryOrKnex !== 'string' ||
      params.length === 0 ||
      !WRITE.test(queryOrKnex)
    ) {
      if (batch?.length && !passes) {
        // Whatever comes next sees the held inserts written before it.
        await this.sendBatch(ctx!, batch);
      }
      return super.execute<T>(queryOrKnex, params, method, ctx, loggerContext);
    }
    await this.ensureConnection();
    // MikroORM's `onQuery` hook sees each statement once, as in its own execute.
    const query = this.config.get('onQuery')(queryOrKnex, params);
    const bound = WRITE.test(query)
      ? bindWriteValues(this.platform as PostgreSqlPlatform, query, params)
      : undefined;
    if (batch) {
      if (bound && PLAIN_INSERT.test(query)) {
        if (heldValues(batch) + bound.values.length > MAX_BATCH_VALUES) {
          await this.sendBatch(ctx!, batch);
        }
        batch.push({ query, params, bound, loggerContext });
        // What PostgreSqlConnection answers for an insert that returns nothing.
        return {
          affectedRows: query.split('), (').length,
          insertId: 0,
          row: undefined,
          rows: [],
        } as unknown as T;
      }
      if (batch.length && !passes) {
        await this.sendBatch(ctx!, batch);
      }
    }
    return this.sendBound<T>(query, params, bound, method, ctx, loggerContext);
  }

  /**
   * Runs `work` (a flush) with the plain inserts it writes in transaction `ctx` held back and
   * sent together, as one statement of data-modifying `with` clauses, when the next statement of
   * any other kind is sent and when `work` ends: the inserts of a step's flush (its event, its
   * pending documents, its evidence or documents…) in one round trip instead of one each.
   * In the same order as before: every other statement is sent after the inserts held before
   * it. A failure of the batch is the failure of `work`, converted as MikroORM converts the
   * driver's errors (a unique violation stays UniqueConstraintViolationException); when `work`
   * fails, the inserts it held are dropped, never sent.
   */
  async batchInserts<R>(ctx: Transaction, work: () => Promise<R>): Promise<R> {
    if (this.batches.has(ctx)) {
      return work();
    }
    const batch: HeldInsert[] = [];
    this.batches.set(ctx, batch);
    try {
      const result = await work();
      await this.sendBatch(ctx, batch);
      return result;
    } finally {
      this.batches.delete(ctx);
    }
  }

  /** The held inserts as one statement (one of them alone as it is); the batch is emptied. */
  private async sendBatch(ctx: Transaction, batch: HeldInsert[]): Promise<void> {
    const held = batch.splice(0, batch.length);
    if (held.length === 0) {
      return;
    }
    const last = held[held.length - 1]!;
    const clause = (text: string, i: number) => `zhifa_insert_${i + 1} as (${text})`;
    // One insert alone as it is; several as `with zhifa_insert_1 as (insert …), … insert …`.
    const combined = (texts: string[]) =>
      texts.length === 1
        ? texts[0]!
        : `with ${texts.slice(0, -1).map(clause).join(', ')} ${texts[texts.length - 1]!}`;
    try {
      await this.sendBound(
        combined(held.map((h) => h.query)),
        held.flatMap((h) => h.params),
        {
          sql: combined(held.map((h) => h.bound.sql)),
          values: held.flatMap((h) => h.bound.values),
        },
        'run',
        ctx,
        last.loggerContext,
      );
    } catch (error) {
      // As the driver converts the errors of the statement it sends (DriverException kinds).
      throw this.platform.getExceptionConverter().convertException(error as Error);
    }
  }

  /** A write as MikroORM would send it, with bind values (`bound`) when it can. */
  private async sendBound<T>(
    query: string,
    params: unknown[],
    bound: BoundStatement | undefined,
    method: 'all' | 'get' | 'run',
    ctx: Transaction | undefined,
    loggerContext: LoggingOptions | undefined,
  ): Promise<T> {
    // The parameters inlined: MikroORM's way, for a statement not bound (and for its log line
    // when the logger asks for the values).
    const formatted =
      bound === undefined || this.logger.isEnabled('query-params', loggerContext)
        ? this.platform.formatQuery(query, params)
        : query;
    const internals = this as unknown as ConnectionInternals;
    // As MikroORM logs it: the text with $1, $2, … (or with the values, when the logger asks).
    const logged = internals.getSql(query, formatted, loggerContext);
    return internals.executeQuery(
      logged,
      async () => {
        const knex = this.getKnex();
        const raw = bound
          ? knex.raw(bound.sql, bound.values as Knex.RawBinding[])
          : knex.raw(formatted);
        const name = bound && nameOf(bound.sql);
        if (name) {
          raw.options({ name });
        }
        if (ctx) {
          raw.transacting(ctx as Knex.Transaction);
        }
        return this.transformRawResult<T>(await raw, method);
      },
      { query, params, ...loggerContext },
    );
  }
}

/**
 * A flush's update of case rows (`update "case" set … where …`: the versioned update of a step's
 * case). It may be sent before the inserts a batch holds, which then go with the inserts the flush
 * writes after it (the collectors of evidence): one round trip fewer. Its outcome and theirs do
 * not depend on the order. The update reads and writes only the case row: "case" has no trigger,
 * and its only foreign key is the office, never one a step inserts; it never writes the columns
 * the inserts' triggers write (the chain head and length, by case_event_extend_head; the next
 * deadline, by deadline_next_due), and these never write what the update writes or compares (the
 * version). The inserts' row-level-security checks read the case row's office path, which the
 * update keeps in scope (its own check) and no step changes. The case row is locked by the step's
 * load (`for update`), so neither a lost version nor a moved chain head can come between. Not
 * when the batch holds an insert of a case row (the update could be of that row).
 */
const CASE_UPDATE = /^update "case" set /;

function passesHeld(query: string, batch: readonly HeldInsert[]): boolean {
  return (
    batch.length > 0 &&
    CASE_UPDATE.test(query) &&
    !batch.some((h) => h.query.startsWith('insert into "case" '))
  );
}

function heldValues(batch: readonly HeldInsert[]): number {
  return batch.reduce((sum, h) => sum + h.bound.values.length, 0);
}

/**
 * `em.flush()` with its plain inserts sent as one statement (BoundWritesConnection.batchInserts),
 * inside the transaction `em` writes in; a plain flush outside one or on another connection.
 */
export async function flushBatchingInserts(em: EntityManager): Promise<void> {
  const ctx = em.getTransactionContext<Transaction>();
  const connection = em.getConnection('write');
  if (ctx === undefined || !(connection instanceof BoundWritesConnection)) {
    return em.flush();
  }
  return connection.batchInserts(ctx, () => em.flush());
}

/** PostgreSqlDriver on a BoundWritesConnection (read replicas, none configured, keep MikroORM's). */
export class ZhifaPostgreSqlDriver extends PostgreSqlDriver {
  constructor(config: Configuration) {
    super(config);
    // AbstractSqlDriver's constructor builds the connection from the class it is given;
    // PostgreSqlDriver gives its own. Same config, same options: the bound one instead.
    (this as unknown as { connection: PostgreSqlConnection }).connection =
      new BoundWritesConnection(config, undefined, 'write');
  }
}
