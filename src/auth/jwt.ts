import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * HS256 JSON Web Tokens (RFC 7519), only what Zhifa needs: one algorithm
 * allowed (RFC 8725 §3.1), issuer and audience checked, exp and nbf enforced.
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
}

export type TokenCheck =
  | { ok: true; claims: TokenClaims }
  | {
      ok: false;
      reason: 'MALFORMED' | 'ALGORITHM' | 'SIGNATURE' | 'ISSUER' | 'AUDIENCE' | 'NOT_YET_VALID';
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

function parseJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
}

export function verifyToken(
  token: string,
  settings: JwtSettings,
  nowMs: number = Date.now(),
): TokenCheck {
  const parts = token.split('.');
  if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]+$/.test(p))) {
    return { ok: false, reason: 'MALFORMED' };
  }
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = parseJson(headerPart) as { alg?: unknown } | undefined;
  if (!header || typeof header !== 'object') {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (header.alg !== 'HS256') {
    return { ok: false, reason: 'ALGORITHM' };
  }
  const expected = sign(`${headerPart}.${payloadPart}`, settings.secret);
  const given = Buffer.from(signaturePart, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'SIGNATURE' };
  }
  const claims = parseJson(payloadPart) as Partial<TokenClaims> | undefined;
  if (!claims || typeof claims.sub !== 'string' || typeof claims.exp !== 'number') {
    return { ok: false, reason: 'MALFORMED' };
  }
  if (claims.iss !== settings.issuer) {
    return { ok: false, reason: 'ISSUER' };
  }
  if (claims.aud !== settings.audience) {
    return { ok: false, reason: 'AUDIENCE' };
  }
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.nbf === 'number' && now < claims.nbf) {
    return { ok: false, reason: 'NOT_YET_VALID' };
  }
  if (now >= claims.exp) {
    return { ok: false, reason: 'EXPIRED', expiredAt: new Date(claims.exp * 1000) };
  }
  return { ok: true, claims: claims as TokenClaims };
}
