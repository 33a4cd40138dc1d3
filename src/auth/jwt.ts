import { errors, jwtVerify } from 'jose';
import { createHmac } from 'node:crypto';

/**
 * HS256 JSON Web Tokens (RFC 7519), only what Zhifa needs: one algorithm
 * allowed (RFC 8725 §3.1), issuer and audience checked, exp and nbf enforced.
 * Signing stays synchronous (scripts and tests mint tokens); verification is jose's.
 */
export interface TokenClaims {
  /** The officer's id. */
  sub: string;
  iss: string;
  aud: string;
  iat: number;
  exp: number;
  nbf?: number;
}

export interface JwtSettings {
  secret: string;
  issuer: string;
  audience: string;
  /** Longest accepted lifetime, exp − iat, in seconds (ZHIFA_TOKEN_MAX_LIFETIME_SECONDS). */
  maxLifetimeSeconds?: number;
  /** Clock leeway for exp and nbf, in seconds (ZHIFA_TOKEN_LEEWAY_SECONDS). */
  leewaySeconds?: number;
  /**
   * How long verified tokens and actors stay in memory, in seconds (ZHIFA_ACTOR_CACHE_TTL_SECONDS,
   * default 30; 0 turns the cache off). Each request still checks the officer's stamp (auth-cache.ts).
   */
  actorCacheTtlSeconds?: number;
}

export const DEFAULT_MAX_TOKEN_LIFETIME_SECONDS = 24 * 3600;

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | {
      ok: false;
      reason:
        | 'MALFORMED'
        | 'ALGORITHM'
        | 'SIGNATURE'
        | 'ISSUER'
        | 'AUDIENCE'
        | 'NOT_YET_VALID'
        | 'LIFETIME';
    }
  | { ok: false; reason: 'EXPIRED'; expiredAt: Date };

function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

function sign(data: string, secret: string): Buffer {
  return createHmac('sha256', secret).update(data).digest();
}

export function signToken(
  subject: string,
  settings: JwtSettings,
  ttlSeconds: number,
  nowMs: number = Date.now(),
): string {
  const iat = Math.floor(nowMs / 1000);
  const header = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
  const claims: TokenClaims = {
    sub: subject,
    iss: settings.issuer,
    aud: settings.audience,
    iat,
    nbf: iat,
    exp: iat + ttlSeconds,
  };
  const payload = base64url(JSON.stringify(claims));
  return `${header}.${payload}.${base64url(sign(`${header}.${payload}`, settings.secret))}`;
}

/**
 * Verification is jose's (maintained, constant-time, RFC 7519 claim validation): HS256
 * only, issuer and audience, exp and nbf as NumericDate numbers (a string `nbf` is
 * refused, not ignored), a bounded lifetime (exp − iat) and a configurable clock leeway.
 */
export async function verifyToken(
  token: string,
  settings: JwtSettings,
  nowMs: number = Date.now(),
): Promise<TokenCheck> {
  if (!/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(token)) {
    return { ok: false, reason: 'MALFORMED' };
  }
  const leeway = settings.leewaySeconds ?? 0;
  let payload: Record<string, unknown>;
  try {
    ({ payload } = await jwtVerify(token, new TextEncoder().encode(settings.secret), {
      algorithms: ['HS256'],
      issuer: settings.issuer,
      audience: settings.audience,
      clockTolerance: leeway,
      currentDate: new Date(nowMs),
      requiredClaims: ['sub', 'exp', 'iat'],
    }));
  } catch (error) {
    return refusal(error);
  }
  const { sub, iss, aud, iat, exp, nbf } = payload;
  if (
    typeof sub !== 'string' ||
    typeof iss !== 'string' ||
    typeof aud !== 'string' ||
    typeof iat !== 'number' ||
    typeof exp !== 'number' ||
    (nbf !== undefined && typeof nbf !== 'number')
  ) {
    return { ok: false, reason: 'MALFORMED' };
  }
  const maxLifetime = settings.maxLifetimeSeconds ?? DEFAULT_MAX_TOKEN_LIFETIME_SECONDS;
  if (exp - iat > maxLifetime || iat > Math.floor(nowMs / 1000) + leeway) {
    return { ok: false, reason: 'LIFETIME' };
  }
  return {
    ok: true,
    claims: { sub, iss, aud, iat, exp, ...(nbf !== undefined ? { nbf } : {}) },
  };
}

function refusal(error: unknown): TokenCheck {
  if (error instanceof errors.JWTExpired) {
    const exp = (error.payload as { exp?: unknown }).exp;
    return {
      ok: false,
      reason: 'EXPIRED',
      expiredAt: new Date(typeof exp === 'number' ? exp * 1000 : 0),
    };
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return { ok: false, reason: 'ALGORITHM' };
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return { ok: false, reason: 'SIGNATURE' };
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') {
      return { ok: false, reason: 'ISSUER' };
    }
    if (error.claim === 'aud') {
      return { ok: false, reason: 'AUDIENCE' };
    }
    if (error.claim === 'nbf' && error.reason === 'check_failed') {
      return { ok: false, reason: 'NOT_YET_VALID' };
    }
  }
  return { ok: false, reason: 'MALFORMED' };
}
