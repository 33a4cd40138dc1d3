import type { Actor } from './context.js';
import { verifyToken, type JwtSettings, type TokenCheck, type TokenClaims } from './jwt.js';

/**
 * What authentication remembers between requests, per set of token settings (so two
 * servers with different secrets in one process never share an entry):
 *
 * - verified tokens: a token's signature and claims do not change, so a verified token
 *   is trusted again until its `exp` (plus leeway) without re-running HMAC and jose;
 * - actors: the officer and office rows the actor is built from, with the *stamp* the
 *   database gave for them (`zhifa_officer_stamp`: a digest of both rows, null for an
 *   inactive or unknown officer).
 *
 * Invalidation: every request reads the stamp again in the statement that opens its
 * row-level-security scope (no extra round trip), and uses the cached rows only while
 * the stamp is the same. Any change to the officer (roles, deactivation, office move)
 * or to their office changes the stamp, whichever process or SQL made it, so a
 * deactivated officer is refused on their next request. Certificates are not cached:
 * acts read them when they need them. The TTL only bounds how long unused entries live.
 */
export interface CachedActorRows {
  /** Raw `officer` row (column names, as the driver returns it). */
  officer: Record<string, unknown>;
  /** Raw `office` row of the officer's office. */
  office: Record<string, unknown>;
  stamp: string;
  cachedAtMs: number;
  /** The actor built from these rows for actor-only operations (context.ts sharedActorOf). */
  actorOnly?: Actor;
}

interface CachedToken {
  claims: TokenClaims;
  /** Accepted from (nbf − leeway) until (exp + leeway), in ms. */
  fromMs: number;
  untilMs: number;
}

/** Bounded: oldest entries go first (Map keeps insertion order). */
const MAX_ENTRIES = 10_000;

export const DEFAULT_ACTOR_CACHE_TTL_SECONDS = 30;

export class AuthCache {
  private readonly tokens = new Map<string, CachedToken>();
  private readonly actors = new Map<string, CachedActorRows>();

  constructor(private readonly ttlMs: number) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  /** verifyToken, answered from memory for a token already verified and still in its validity window. */
  async verify(token: string, settings: JwtSettings, nowMs: number): Promise<TokenCheck> {
    const claims = this.verifiedClaims(token, nowMs);
    if (claims) {
      return { ok: true, claims };
    }
    const check = await verifyToken(token, settings, nowMs);
    if (check.ok && this.enabled) {
      const leewayMs = (settings.leewaySeconds ?? 0) * 1000;
      remember(this.tokens, token, {
        claims: check.claims,
        fromMs: check.claims.nbf === undefined ? 0 : check.claims.nbf * 1000 - leewayMs,
        untilMs: check.claims.exp * 1000 + leewayMs,
      });
    } else if (!check.ok) {
      this.tokens.delete(token);
    }
    return check;
  }

  /** The claims of a token already verified and still in its validity window (no verification). */
  verifiedClaims(token: string, nowMs: number): TokenClaims | undefined {
    const cached = this.tokens.get(token);
    return cached && nowMs >= cached.fromMs && nowMs < cached.untilMs ? cached.claims : undefined;
  }

  /** The cached rows of an officer, if the database's current stamp is the one they were read with. */
  actor(officerId: string, stamp: string, nowMs: number): CachedActorRows | undefined {
    const cached = this.actors.get(officerId);
    if (!cached) {
      return undefined;
    }
    if (cached.stamp !== stamp || nowMs - cached.cachedAtMs >= this.ttlMs) {
      this.actors.delete(officerId);
      return undefined;
    }
    return cached;
  }

  /** Whether rows of the officer are remembered (whatever their stamp). */
  hasActor(officerId: string): boolean {
    return this.actors.has(officerId);
  }

  rememberActor(officerId: string, rows: CachedActorRows): void {
    if (this.enabled) {
      remember(this.actors, officerId, rows);
    }
  }

  /** Drops what is known of an officer (not needed for correctness: the stamp check is). */
  forgetOfficer(officerId: string): void {
    this.actors.delete(officerId);
  }

  clear(): void {
    this.tokens.clear();
    this.actors.clear();
  }
}

function remember<T>(map: Map<string, T>, key: string, value: T): void {
  map.delete(key);
  if (map.size >= MAX_ENTRIES) {
    map.delete(map.keys().next().value!);
  }
  map.set(key, value);
}

const caches = new WeakMap<JwtSettings, AuthCache>();

/** The cache of one set of token settings (one per server). */
export function authCacheFor(settings: JwtSettings): AuthCache {
  let cache = caches.get(settings);
  if (!cache) {
    cache = new AuthCache(
      (settings.actorCacheTtlSeconds ?? DEFAULT_ACTOR_CACHE_TTL_SECONDS) * 1000,
    );
    caches.set(settings, cache);
  }
  return cache;
}
