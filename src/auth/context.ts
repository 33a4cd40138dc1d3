import type { EntityManager } from '@mikro-orm/postgresql';
import type { Officer } from '../entities/officer.entity.js';
import type { OfficerRole } from '../procedure/officer-role.js';
import { AuthenticationError, type DomainError } from '../errors/domain-error.js';
import type { JwtSettings } from './jwt.js';
import type { DownloadLinks } from '../http/download-links.js';
import type { EndScope } from './row-level-security.js';
import { Officer as OfficerEntity } from '../entities/officer.entity.js';
import { Office as OfficeEntity } from '../entities/office.entity.js';
import { authCacheFor, type CachedActorRows } from './auth-cache.js';
import { hydrate } from '../db/loaders.js';

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
  /** The request's EntityManager, made on first use (app-context.ts). */
  requestEm: () => EntityManager,
  authorization: string | undefined,
  jwt: JwtSettings,
  nowMs: number = Date.now(),
  /**
   * Called with the token's officer id before the officer is looked up (opens the request
   * scope); answers the officer's stamp (auth-cache.ts), null for an inactive officer.
   */
  beforeLookup?: (officerId: string) => Promise<string | null | undefined>,
  /**
   * Asked once the stamp is known: true when the operation reads nothing but the actor and
   * no scope was opened (actor-only-operations.ts); cached rows are then answered with the
   * actor built once for them (sharedActorOf) instead of entering the request's identity map.
   */
  shareCachedActor?: () => boolean,
  /**
   * True: the actor's officer enters the identity map only when something reads
   * `actor.officer` (lazyActorFromRows); the caller reads it before any resolver runs for
   * every operation but a plain `case(id)` (app.ts). False (default): it enters now.
   */
  lazyOfficer = false,
): Promise<Pick<RequestContext, 'actor' | 'authenticationError'>> {
  if (!authorization) {
    return { actor: undefined, authenticationError: AuthenticationError.missing() };
  }
  const match = /^Bearer ([^\s]+)$/i.exec(authorization.trim());
  if (!match) {
    return { actor: undefined, authenticationError: AuthenticationError.invalid('SCHEME') };
  }
  const cache = authCacheFor(jwt);
  const check = await cache.verify(match[1]!, jwt, nowMs);
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
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(officerId)) {
    return { actor: undefined, authenticationError: AuthenticationError.inactiveOfficer() };
  }
  // The stamp is read on every request, so deactivation takes effect before the token
  // expires and a cached actor is used only while its rows are unchanged.
  const stamp = beforeLookup ? await beforeLookup(officerId) : undefined;
  if (stamp === null) {
    return { actor: undefined, authenticationError: AuthenticationError.inactiveOfficer() };
  }
  let rows = stamp === undefined ? undefined : cache.actor(officerId, stamp, nowMs);
  if (rows && shareCachedActor?.()) {
    return { actor: sharedActorOf(requestEm, rows), authenticationError: undefined };
  }
  const em = requestEm();
  if (!rows) {
    const [officer] = await em.execute<Record<string, unknown>[]>(
      'select * from officer where id = ? and active',
      [officerId],
    );
    const [office] = officer
      ? await em.execute<Record<string, unknown>[]>('select * from office where id = ?', [
          officer.office_id,
        ])
      : [];
    if (!officer || !office) {
      return { actor: undefined, authenticationError: AuthenticationError.inactiveOfficer() };
    }
    rows = { officer, office, stamp: stamp ?? '', cachedAtMs: nowMs };
    if (stamp !== undefined) {
      cache.rememberActor(officerId, rows);
    }
  }
  return {
    actor: lazyOfficer ? lazyActorFromRows(em, rows) : actorFromRows(em, rows),
    authenticationError: undefined,
  };
}

/**
 * The actor of cached rows. The Officer entity (with its office) enters the request's
 * identity map now, as a lookup would have put it there: transaction forks copy that
 * map, so a mutation sees the actor's officer as the same instance as its own reads.
 */
function actorFromRows(em: EntityManager, rows: CachedActorRows): Actor {
  const officer = hydrateOfficer(em, rows);
  return {
    officer,
    officerId: officer.id,
    officeId: rows.office.id as string,
    officePath: rows.office.path as string,
    roles: officer.roles,
  };
}

/**
 * The actor of cached rows whose Officer entity (with its office) enters the request's
 * identity map on the first read of `actor.officer`, as actorFromRows would have put it
 * there: the same instance, hydrated from the same rows into the same EntityManager. A
 * plain `case(id)` never reads it (its scope check needs only the ids, the office path and
 * the roles), so it does not pay the hydration and its merge. Every other operation reads it
 * once the operation is known, before any resolver runs (app.ts): mutations' transactions
 * fork the identity map, and later reads of the officer or their office find them there.
 */
export function lazyActorFromRows(em: EntityManager, rows: CachedActorRows): Actor {
  let officer: Officer | undefined;
  return {
    get officer(): Officer {
      officer ??= hydrateOfficer(em, rows);
      return officer;
    },
    officerId: rows.officer.id as string,
    officeId: rows.office.id as string,
    officePath: rows.office.path as string,
    roles: [...(rows.officer.roles as OfficerRole[])],
  };
}

/**
 * The actor of cached rows for an operation that reads nothing but the actor's own fields
 * (actor-only-operations.ts: `me`, its office, their columns; no resolver, no database):
 * built once per cached rows, in an identity map of its own, and handed to every such
 * request while the stamp is unchanged. A changed stamp brings new rows and so a new actor;
 * no request writes to it (the operation is a query reading plain properties).
 */
function sharedActorOf(requestEm: () => EntityManager, rows: CachedActorRows): Actor {
  rows.actorOnly ??= actorFromRows(requestEm().fork({ clear: true }), rows);
  return rows.actorOnly;
}

function hydrateOfficer(em: EntityManager, rows: CachedActorRows): Officer {
  hydrate(em, OfficeEntity, rows.office);
  return hydrate(em, OfficerEntity, {
    ...rows.officer,
    roles: [...(rows.officer.roles as OfficerRole[])],
  });
}
