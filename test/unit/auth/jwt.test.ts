import { describe, expect, it } from 'vitest';
import { signToken, verifyToken } from '../../../src/auth/jwt.js';

const settings = { secret: 's'.repeat(40), issuer: 'zhifa', audience: 'zhifa-api' };
const now = Date.UTC(2026, 10, 22, 8, 0, 0);

describe('HS256 tokens (RFC 7519, RFC 8725)', () => {
  it('round-trips the subject and times', () => {
    const check = verifyToken(signToken('officer-1', settings, 3600, now), settings, now + 1000);
    expect(check).toMatchObject({
      ok: true,
      claims: { sub: 'officer-1', iss: 'zhifa', aud: 'zhifa-api', exp: now / 1000 + 3600 },
    });
  });

  it('expires at exp, not a second later', () => {
    const token = signToken('officer-1', settings, 60, now);
    expect(verifyToken(token, settings, now + 59_000).ok).toBe(true);
    expect(verifyToken(token, settings, now + 60_000)).toMatchObject({
      ok: false,
      reason: 'EXPIRED',
    });
  });

  it('refuses alg "none" and other algorithms even with a valid-looking signature', () => {
    const [, payload] = signToken('officer-1', settings, 60, now).split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(verifyToken(`${none}.${payload}.AAAA`, settings, now)).toEqual({
      ok: false,
      reason: 'ALGORITHM',
    });
  });

  it('refuses a tampered payload, a wrong issuer and a wrong audience', () => {
    const token = signToken('officer-1', settings, 60, now);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ sub: 'admin', iss: 'zhifa', aud: 'zhifa-api', exp: now / 1000 + 60 }),
    ).toString('base64url');
    expect(verifyToken(`${header}.${forged}.${signature}`, settings, now)).toEqual({
      ok: false,
      reason: 'SIGNATURE',
    });
    expect(
      verifyToken(signToken('x', { ...settings, issuer: 'other' }, 60, now), settings, now),
    ).toEqual({ ok: false, reason: 'ISSUER' });
    expect(
      verifyToken(signToken('x', { ...settings, audience: 'other' }, 60, now), settings, now),
    ).toEqual({ ok: false, reason: 'AUDIENCE' });
    expect(verifyToken('a.b', settings, now)).toEqual({ ok: false, reason: 'MALFORMED' });
  });
});
