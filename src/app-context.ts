import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
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
 * A context per request: its own EntityManager fork (made on first use) and the
 * authenticated officer.
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
  // The fork is made when something first needs it: a request without a usable token, or an
  // actor-only operation answered from the cached actor, never touches it (a fork builds an
  // EntityManager, its unit of work and identity map: a noticeable share of such a request).
  let forked: EntityManager | undefined;
  const requestEm = (): EntityManager => {
    if (!forked) {
      const em = orm.em.fork();
      // A fork of the request's EntityManager (a separate identity map for a snapshot or a
      // re-read) stays in the request's transaction, and so in its row-level-security
      // scope: on a pool that logs in as the application role, a fork outside it sees nothing.
      const fork = em.fork.bind(em);
      em.fork = ((options) => fork({ keepTransactionContext: true, ...options })) as typeof em.fork;
      forked = em;
    }
    return forked;
  };
  let endScope: EndScope | undefined;
  // Tokens expire in real time; `now` is the business date the rules see (tests pin it).
  let identity: Awaited<ReturnType<typeof authenticate>>;
  // The stamp alone answered (actor-only operation, cached rows unchanged): the actor built
  // once for those rows serves it, without entering this request's identity map.
  let fromCacheAlone = false;
  try {
    identity = await authenticate(
      requestEm,
      authorization,
      jwt,
      Date.now(),
      async (officerId) => {
        const cache = authCacheFor(jwt);
        if (actorOnly && cache.hasActor(officerId)) {
          // Outside any transaction, on the pool's root EntityManager (no identity map used).
          const stamp = await readOfficerStamp(orm.em, officerId);
          // Unchanged rows (or an inactive officer): nothing to read, no scope. Changed
          // rows are read again inside the scope, like any miss.
          if (stamp === null || cache.actor(officerId, stamp, Date.now())) {
            fromCacheAlone = true;
            return stamp;
          }
        }
        const scope = await openOfficerScope(requestEm(), officerId, rowLevelSecurity);
        endScope = scope.endScope;
        return scope.stamp;
      },
      () => fromCacheAlone,
      lazyOfficer,
    );
  } catch (error) {
    // The lookup failed inside the scope: give the connection back now, not at a timeout.
    if (endScope) {
      await requestEm()
        .rollback()
        .catch(() => {});
    }
    throw error;
  }
  if (!identity.actor && endScope) {
    // Unknown or deactivated officer: nothing will run in the scope.
    await endScope();
    endScope = undefined;
  }
  if (forked) {
    // Made already (the scope, the officer's lookup): a plain context, as every scoped request had.
    return { em: forked, now, ...identity, endScope };
  }
  return new LazyEmContext(requestEm, { now, ...identity, endScope });
}

/**
 * A request's context whose `em` is made on first use. The getter lives on the prototype:
 * Apollo copies the context for each operation (`Object.assign` onto an object of the same
 * prototype), which would call a getter of the object's own and make the fork anyway; the
 * copy takes `requestEm`, so it and the original share the one fork.
 */
class LazyEmContext implements RequestContext {
  actor: RequestContext['actor'];
  authenticationError: RequestContext['authenticationError'];
  now: RequestContext['now'];
  endScope: RequestContext['endScope'];
  downloadLinks: RequestContext['downloadLinks'];
  beforeEndScope: RequestContext['beforeEndScope'];

  constructor(
    private readonly requestEm: () => EntityManager,
    fields: Omit<RequestContext, 'em'>,
  ) {
    this.actor = fields.actor;
    this.authenticationError = fields.authenticationError;
    this.now = fields.now;
    this.endScope = fields.endScope;
  }

  get em(): EntityManager {
    return this.requestEm();
  }
}
