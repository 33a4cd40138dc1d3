import type { MikroORM } from '@mikro-orm/postgresql';
import { authCacheFor } from './auth/auth-cache.js';
import { authenticate, type RequestContext } from './auth/context.js';
import type { JwtSettings } from './auth/jwt.js';
import {
  DEFAULT_ROW_LEVEL_SECURITY,
  openOfficerScope,
  readOfficerStamp,
  type EndScope,
  type RowLevelSecurity,
} from './auth/row-level-security.js';

/**
 * A context per request: its own EntityManager fork and the authenticated officer.
 * Once the token names an officer, the fork runs in one transaction scoped to that
 * officer's office subtree by row-level security (the officer is then looked up
 * inside it); `endScope`, called before the answer is sent, commits it.
 * `orm` is the pool requests use (the application role's, where there is one).
 *
 * `actorOnly`: the operation reads nothing but the actor (actor-only-operations.ts). When
 * the actor's rows are cached, only their stamp is read (one statement, no transaction)
 * and no scope is opened; on a miss the scope is opened as for any request, since the
 * officer's rows are read inside it.
 */
export async function createRequestContext(
  orm: MikroORM,
  jwt: JwtSettings,
  authorization: string | undefined,
  now: () => Date = () => new Date(),
  rowLevelSecurity: RowLevelSecurity | false = DEFAULT_ROW_LEVEL_SECURITY,
  {
    actorOnly = false,
    lazyOfficer = false,
  }: {
    actorOnly?: boolean;
    /** The actor's officer enters the identity map on first read (context.ts lazyActorFromRows). */
    lazyOfficer?: boolean;
  } = {},
): Promise<RequestContext> {
  const em = orm.em.fork();
  // A fork of the request's EntityManager (a separate identity map for a snapshot or a
  // re-read) stays in the request's transaction, and so in its row-level-security
  // scope: on a pool that logs in as the application role, a fork outside it sees nothing.
  const fork = em.fork.bind(em);
  em.fork = ((options) => fork({ keepTransactionContext: true, ...options })) as typeof em.fork;
  let endScope: EndScope | undefined;
  // Tokens expire in real time; `now` is the business date the rules see (tests pin it).
  let identity: Awaited<ReturnType<typeof authenticate>>;
  // The stamp alone answered (actor-only operation, cached rows unchanged): the actor built
  // once for those rows serves it, without entering this request's identity map.
  let fromCacheAlone = false;
  try {
    identity = await authenticate(
      em,
      authorization,
      jwt,
      Date.now(),
      async (officerId) => {
        const cache = authCacheFor(jwt);
        if (actorOnly && cache.hasActor(officerId)) {
          const stamp = await readOfficerStamp(em, officerId);
          // Unchanged rows (or an inactive officer): nothing to read, no scope. Changed
          // rows are read again inside the scope, like any miss.
          if (stamp === null || cache.actor(officerId, stamp, Date.now())) {
            fromCacheAlone = true;
            return stamp;
          }
        }
        const scope = await openOfficerScope(em, officerId, rowLevelSecurity);
        endScope = scope.endScope;
        return scope.stamp;
      },
      () => fromCacheAlone,
      lazyOfficer,
    );
  } catch (error) {
    // The lookup failed inside the scope: give the connection back now, not at a timeout.
    if (endScope) {
      await em.rollback().catch(() => {});
    }
    throw error;
  }
  if (!identity.actor && endScope) {
    // Unknown or deactivated officer: nothing will run in the scope.
    await endScope();
    endScope = undefined;
  }
  return { em, now, ...identity, endScope };
}
