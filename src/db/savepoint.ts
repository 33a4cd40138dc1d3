import { helper, TransactionContext, type AnyEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * A mutation's own transaction inside the request's, as MikroORM's nested `transactional` runs
 * it (a SAVEPOINT; the work on a fork of the request's EntityManager, merged back into it on
 * success; a failure rolls back to the savepoint and leaves the request's identity map as it
 * was), with two costs less:
 * - the savepoint is not released: releasing only frees it before the request's COMMIT, which
 *   commits it with the rest (one round trip); each call takes a savepoint of its own name, so a
 *   failure rolls back to its own even when another is still open (nested, or an earlier
 *   mutation's);
 * - no flush after the work: the work ends with its own flush (a step does, before a dry run
 *   rolls back), and a second one computed the change sets of the whole identity map again to
 *   find nothing.
 * Outside a request transaction (scripts, a context without a scope) it is `em.transactional`.
 */
let savepoints = 0;

export async function inSavepoint<T>(
  em: EntityManager,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const transaction = em.getTransactionContext();
  if (!transaction) {
    return em.transactional(work);
  }
  const fork = em.fork({ clear: false, cloneEventManager: true });
  fork.setTransactionContext(transaction);
  savepoints = (savepoints + 1) % Number.MAX_SAFE_INTEGER;
  const name = `mutation_${savepoints}`;
  await fork.execute(`savepoint ${name}`);
  let result: T;
  try {
    // As transactional: code that reaches for the request's EntityManager inside gets the fork.
    result = await TransactionContext.create(fork, () => work(fork));
  } catch (error) {
    await fork.execute(`rollback to savepoint ${name}`);
    throw error;
  }
  mergeIntoParent(fork, em);
  return result;
}

/** What the fork loaded and wrote, into the parent's identity map (as transactional does). */
function mergeIntoParent(fork: EntityManager, parent: EntityManager): void {
  const parentUnitOfWork = parent.getUnitOfWork(false);
  for (const entity of fork.getUnitOfWork(false).getIdentityMap()) {
    const wrapped = helper(entity as AnyEntity);
    const parentEntity = parentUnitOfWork.getById<AnyEntity>(
      wrapped.__meta.className,
      wrapped.getPrimaryKey() as never,
      parent.schema,
      true,
    );
    if (parentEntity && parentEntity !== entity) {
      const parentWrapped = helper(parentEntity);
      // A loaded entity is not replaced by an uninitialised reference.
      if (!wrapped.__initialized && parentWrapped.__initialized) {
        continue;
      }
      parentWrapped.__data = wrapped.__data;
      parentWrapped.__originalEntityData = wrapped.__originalEntityData;
    } else {
      parentUnitOfWork.merge(entity, new Set([entity]));
    }
  }
}
