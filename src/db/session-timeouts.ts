/**
 * Timeouts on the application's database connections, kept apart from
 * anything else set on a connection (row-level security settings live elsewhere).
 * They are sent as startup parameters by node-postgres, so every pooled connection has
 * them from its first statement; a lock or a slow statement then ends in a typed,
 * retryable SERVICE_UNAVAILABLE instead of holding a connection for minutes.
 */
export interface DatabaseTimeouts {
  /** Longest single statement (PostgreSQL statement_timeout). */
  statementTimeoutMs: number;
  /** Longest wait for a row or table lock (lock_timeout). */
  lockTimeoutMs: number;
  /** A transaction left open without a statement is ended (idle_in_transaction_session_timeout). */
  idleInTransactionTimeoutMs: number;
  /** Longest wait for a free pooled connection before SERVICE_UNAVAILABLE. */
  poolAcquireTimeoutMs: number;
}

export const DEFAULT_DATABASE_TIMEOUTS: DatabaseTimeouts = {
  statementTimeoutMs: 15_000,
  lockTimeoutMs: 3_000,
  idleInTransactionTimeoutMs: 30_000,
  poolAcquireTimeoutMs: 3_000,
};

/** The part of the knex/MikroORM driver options that carries the timeouts. */
export function timeoutDriverOptions(timeouts: DatabaseTimeouts) {
  return {
    acquireConnectionTimeout: timeouts.poolAcquireTimeoutMs,
    connection: {
      statement_timeout: timeouts.statementTimeoutMs,
      lock_timeout: timeouts.lockTimeoutMs,
      idle_in_transaction_session_timeout: timeouts.idleInTransactionTimeoutMs,
    },
  };
}
