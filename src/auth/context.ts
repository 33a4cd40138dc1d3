import type { EntityManager } from '@mikro-orm/postgresql';
import type { Officer } from '../entities/officer.entity.js';
import type { OfficerRole } from '../procedure/officer-role.js';
import { AuthenticationError, type DomainError } from '../errors/domain-error.js';
import { verifyToken, type JwtSettings } from './jwt.js';
import type { DownloadLinks } from '../http/download-links.js';
import type { EndScope } from './row-level-security.js';
import { Officer as OfficerEntity } from '../entities/officer.entity.js';

/** Who is acting: an active officer, with the office subtree they may see. */
export interface Actor {
  officer: Officer;
  officerId: string;
  officeId: string;
  /** Prefix of every office path in the actor's scope (own office and below). */
  officePath: string;
  roles: readonly OfficerRole[];
}

export interface RequestContext {
  /** Forked per request: no identity map shared between requests. */
  em: EntityManager;
  actor: Actor | undefined;
  /** Why there is no actor, reported by the first resolver that needs one. */
  authenticationError: DomainError | undefined;
  /** The clock lives at the edge: rules receive today's date from here. */
  now: () => Date;
  /** Signs short-lived download links (HTTP server only; absent: plain paths). */
  downloadLinks?: DownloadLinks;
  /** Commits the request's transaction (opened for an officer; absent: none was opened). */
  endScope?: EndScope;
  /** Run, in order, inside the request's transaction just before `endScope` commits it. */
  beforeEndScope?: (() => Promise<void>)[];
}

export async function authenticate(
  em: EntityManager,
  authorization: string | undefined,
  jwt: JwtSettings,
  nowMs: number = Date.now(),
  /** Called with the token's officer id before the officer is looked up (opens the request scope). */
  beforeLookup?: (officerId: string) => Promise<void>,
): Promise<Pick<RequestContext, 'actor' | 'authenticationError'>> {
  if (!authorization) {
    return { actor: undefined, authenticationError: AuthenticationError.missing() };
  }
  const match = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
  if (!match) {
    return { actor: undefined, authenticationError: AuthenticationError.invalid('SCHEME') };
  }
  const check = await verifyToken(match[1]!, jwt, nowMs);
  if (!check.ok) {
    return {
      actor: undefined,
      authenticationError:
        check.reason === 'EXPIRED'
          ? AuthenticationError.expired(check.expiredAt)
          : AuthenticationError.invalid(check.reason),
    };
  }
  const officerId = check.claims.sub;
  // Re-read the officer on every request so deactivation takes effect before the token expires.
  let officer: Officer | null = null;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(officerId)) {
    await beforeLookup?.(officerId);
    officer = await em.findOne(
      OfficerEntity,
      { id: officerId, active: true },
      { populate: ['office'] },
    );
  }
  if (!officer) {
    return { actor: undefined, authenticationError: AuthenticationError.inactiveOfficer() };
  }
  return {
    actor: {
      officer,
      officerId: officer.id,
      officeId: officer.office.id,
      officePath: officer.office.path,
      roles: officer.roles,
    },
    authenticationError: undefined,
  };
}
