import type { MikroORM } from '@mikro-orm/postgresql';
import { authenticate, type RequestContext } from './auth/context.js';
import type { JwtSettings } from './auth/jwt.js';
import {
  DEFAULT_ROW_LEVEL_SECURITY,
  enterOfficeScope,
  type RowLevelSecurity,
} from './auth/row-level-security.js';

/**
 * A context per request: its own EntityManager fork and the authenticated officer.
 * With an officer, the fork runs in one transaction scoped to their office subtree
 * by row-level security; `endScope` (called before the answer is sent) commits it.
 * The officer lookup itself runs before, as the system: it is what yields the scope.
 */
export async function createRequestContext(
  orm: MikroORM,
  jwt: JwtSettings,
  authorization: string | undefined,
  now: () => Date = () => new Date(),
  rowLevelSecurity: RowLevelSecurity | false = DEFAULT_ROW_LEVEL_SECURITY,
): Promise<RequestContext> {
  const em = orm.em.fork();
  // Tokens expire in real time; `now` is the business date the rules see (tests pin it).
  const identity = await authenticate(em, authorization, jwt);
  const endScope = identity.actor
    ? await enterOfficeScope(em, identity.actor.officePath, rowLevelSecurity)
    : undefined;
  return { em, now, ...identity, endScope };
}
