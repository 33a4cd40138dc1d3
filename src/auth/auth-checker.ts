import type { AuthChecker } from 'type-graphql';
import { AuthenticationError, ForbiddenError } from '../errors/domain-error.js';
import type { OfficerRole } from '../procedure/officer-role.js';
import type { RequestContext } from './context.js';

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
