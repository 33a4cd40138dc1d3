import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The database half of office scoping (issue 11): a request's queries run in one
 * transaction that switches to a role without BYPASSRLS and sets the office path
 * the row-level-security policies read (see the migration that creates them).
 * A query that forgets the scope filter then still sees only the actor's subtree.
 */
export interface RowLevelSecurity {
  /** Non-owner role the request switches to (ZHIFA_DB_APP_ROLE, default zhifa_app). */
  role: string;
}

export const DEFAULT_ROW_LEVEL_SECURITY: RowLevelSecurity = { role: 'zhifa_app' };

/** Ends a request scope: commits what the request's mutations wrote (idempotent). */
export type EndScope = () => Promise<void>;

/**
 * Opens the request transaction on `em` for an office subtree. One statement after
 * BEGIN; both settings are transaction-local, so the pooled connection returns
 * to the pool as the owner with no path set.
 *
 * Trade-off, documented in the README: the pool logs in as the owner and the
 * switch is `SET LOCAL ROLE`, so SQL that ran `RESET ROLE` inside the transaction
 * would leave the scope. The code issues no such SQL and takes no SQL text from
 * clients; the policies are a backstop against a forgotten filter, not against
 * arbitrary SQL.
 */
export async function enterOfficeScope(
  em: EntityManager,
  officePath: string,
  settings: RowLevelSecurity | false,
): Promise<EndScope> {
  // Without row-level security the request still runs in one transaction, so it
  // behaves the same either way (idempotency keys are stored in it too).
  await em.begin();
  if (settings) {
    try {
      await em.execute(
        `select set_config('role', ?, true), set_config('zhifa.office_path', ?, true)`,
        [settings.role, officePath],
      );
    } catch (error) {
      await em.rollback();
      throw error;
    }
  }
  let ended: Promise<void> | undefined;
  return () => {
    ended ??= (async () => {
      const transaction = em.getTransactionContext();
      if (!transaction) {
        return;
      }
      em.resetTransactionContext();
      // Commit the connection only: flushing the request's identity map here would
      // write entities a read happened to touch. Mutations flushed in their own
      // (nested) transactions already.
      await em.getConnection('write').commit(transaction);
    })();
    return ended;
  };
}
