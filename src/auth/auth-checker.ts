import type { AuthChecker } from 'type-graphql';
import { AuthenticationError, ForbiddenError } from '../errors/domain-error.js';
import type { OfficerRole } from '../procedure/officer-role.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor, RequestContext } from './context.js';

/**
 * `@Authorized()` = any authenticated officer; `@Authorized('ADMIN', …)` = one
 * of those roles. Throws typed errors (never type-graphql's generic ones).
 */
export const authChecker: AuthChecker<RequestContext, OfficerRole> = ({ context }, roles) => {
  if (!context.actor) {
    throw context.authenticationError ?? AuthenticationError.missing();
  }
  if (roles.length > 0 && !roles.some((role) => context.actor!.roles.includes(role))) {
    throw ForbiddenError.roleRequired(roles);
  }
  return true;
};

export function requireActor(context: RequestContext) {
  if (!context.actor) {
    throw context.authenticationError ?? AuthenticationError.missing();
  }
  return context.actor;
}

/**
 * One mutation, one transaction: the command runs on a transactional fork of
 * the request's EntityManager; any thrown error rolls back everything it wrote.
 */
export function runInTransaction<T>(
  context: RequestContext,
  command: (em: EntityManager, actor: Actor) => Promise<T>,
): Promise<T> {
  const actor = requireActor(context);
  return context.em.transactional((em) => command(em, actor));
}
