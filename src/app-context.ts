import type { MikroORM } from '@mikro-orm/postgresql';
import { authenticate, type RequestContext } from './auth/context.js';
import type { JwtSettings } from './auth/jwt.js';

/** A context per request: its own EntityManager fork and the authenticated officer. */
export async function createRequestContext(
  orm: MikroORM,
  jwt: JwtSettings,
  authorization: string | undefined,
  now: () => Date = () => new Date(),
): Promise<RequestContext> {
  const em = orm.em.fork();
  // Tokens expire in real time; `now` is the business date the rules see (tests pin it).
  return { em, now, ...(await authenticate(em, authorization, jwt)) };
}
