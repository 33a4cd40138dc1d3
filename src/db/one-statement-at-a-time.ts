import { PostgreSqlKnexDialect } from '@mikro-orm/postgresql';

type QueryObject = { sql: string };
type SendQuery = (connection: object, obj: QueryObject) => Promise<QueryObject>;

/** The last statement sent on each pooled pg client, settled or not. */
const lastSent = new WeakMap<object, Promise<unknown>>();

/**
 * MikroORM's PostgreSQL dialect of knex, sending one statement at a time on a pg client.
 *
 * Sibling GraphQL fields resolve at once and share the request's transaction, so they can send
 * statements on one client at the same moment. node-postgres 8 queues them itself but warns that
 * version 9 will refuse ("client.query() when the client is already executing a query"); here each
 * statement waits for the one sent before it on the same client, whatever that one's outcome, so
 * they run in the order they were sent, as pg's own queue ran them. A knex transaction's client is
 * made from this class's prototype (knex's makeTxClient), so transactions go through it too.
 */
export class OneStatementAtATimeDialect extends PostgreSqlKnexDialect {
  _query(connection: object, obj: QueryObject): Promise<QueryObject> {
    const send = (PostgreSqlKnexDialect.prototype as unknown as { _query: SendQuery })._query;
    const before = lastSent.get(connection);
    const sent = before
      ? before.then(
          () => send.call(this, connection, obj),
          () => send.call(this, connection, obj),
        )
      : send.call(this, connection, obj);
    lastSent.set(connection, sent);
    return sent;
  }
}
