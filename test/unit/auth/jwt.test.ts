import { describe, expect, it } from 'vitest';
import { createHmac } from 'node:crypto';
import { signToken, verifyToken } from '../../../src/auth/jwt.js';

/** A correctly signed HS256 token with any claims (to test claim validation, not signatures). */
function signed(claims: Record<string, unknown>, secret = 's'.repeat(40)): string {
  const header = Buffer.from(JSON.stringify({ alg: 'HS256', typ: 'JWT' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  const signature = createHmac('sha256', secret).update(`${header}.${payload}`).digest('base64url');
  return `${header}.${payload}.${signature}`;
}

const settings = { secret: 's'.repeat(40), issuer: 'zhifa', audience: 'zhifa-api' };
const now = Date.UTC(2026, 10, 22, 8, 0, 0);

describe('HS256 tokens (RFC 7519, RFC 8725)', () => {
  it('round-trips the subject and times', async () => {
    const check = await verifyToken(
      signToken('officer-1', settings, 3600, now),
      settings,
      now + 1000,
    );
    expect(check).toMatchObject({
      ok: true,
      claims: { sub: 'officer-1', iss: 'zhifa', aud: 'zhifa-api', exp: now / 1000 + 3600 },
    });
  });

  it('expires at exp, not a second later', async () => {
    const token = signToken('officer-1', settings, 60, now);
    expect((await verifyToken(token, settings, now + 59_000)).ok).toBe(true);
    expect(await verifyToken(token, settings, now + 60_000)).toMatchObject({
      ok: false,
      reason: 'EXPIRED',
    });
  });

  it('refuses alg "none" and other algorithms even with a valid-looking signature', async () => {
    const [, payload] = signToken('officer-1', settings, 60, now).split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    expect(await verifyToken(`${none}.${payload}.AAAA`, settings, now)).toEqual({
      ok: false,
      reason: 'ALGORITHM',
    });
  });

  it('refuses a tampered payload, a wrong issuer and a wrong audience', async () => {
    const token = signToken('officer-1', settings, 60, now);
    const [header, , signature] = token.split('.');
    const forged = Buffer.from(
      JSON.stringify({ sub: 'admin', iss: 'zhifa', aud: 'zhifa-api', exp: now / 1000 + 60 }),
    ).toString('base64url');
    expect(await verifyToken(`${header}.${forged}.${signature}`, settings, now)).toEqual({
      ok: false,
      reason: 'SIGNATURE',
    });
    expect(
      await verifyToken(signToken('x', { ...settings, issuer: 'other' }, 60, now), settings, now),
    ).toEqual({ ok: false, reason: 'ISSUER' });
    expect(
      await verifyToken(signToken('x', { ...settings, audience: 'other' }, 60, now), settings, now),
    ).toEqual({ ok: false, reason: 'AUDIENCE' });
    expect(await verifyToken('a.b', settings, now)).toEqual({ ok: false, reason: 'MALFORMED' });
  });

  const base = () => ({ sub: 'officer-1', iss: 'zhifa', aud: 'zhifa-api', iat: now / 1000 });

  it('refuses non-numeric NumericDate claims instead of ignoring them (D10)', async () => {
    const inAnHour = String(now / 1000 + 3600);
    expect(
      await verifyToken(signed({ ...base(), exp: now / 1000 + 60, nbf: inAnHour }), settings, now),
    ).toMatchObject({ ok: false });
    expect(
      await verifyToken(
        signed({ ...base(), iat: String(now / 1000), exp: now / 1000 + 60 }),
        settings,
        now,
      ),
    ).toMatchObject({ ok: false });
    expect(
      await verifyToken(signed({ ...base(), exp: String(now / 1000 + 60) }), settings, now),
    ).toMatchObject({ ok: false });
    // A numeric nbf in the future is refused as not yet valid.
    expect(
      await verifyToken(
        signed({ ...base(), exp: now / 1000 + 7200, nbf: now / 1000 + 3600 }),
        settings,
        now,
      ),
    ).toEqual({ ok: false, reason: 'NOT_YET_VALID' });
  });

  it('caps the lifetime: exp − iat over the maximum is refused, whatever the signature', async () => {
    const year9999 = Date.UTC(9999, 0, 1) / 1000;
    expect(await verifyToken(signed({ ...base(), exp: year9999 }), settings, now)).toEqual({
      ok: false,
      reason: 'LIFETIME',
    });
    const capped = { ...settings, maxLifetimeSeconds: 3600 };
    expect((await verifyToken(signed({ ...base(), exp: now / 1000 + 3600 }), capped, now)).ok).toBe(
      true,
    );
    expect(await verifyToken(signed({ ...base(), exp: now / 1000 + 3601 }), capped, now)).toEqual({
      ok: false,
      reason: 'LIFETIME',
    });
    // A token "issued" in the future is refused too.
    expect(
      await verifyToken(
        signed({ ...base(), iat: now / 1000 + 600, exp: now / 1000 + 1200 }),
        settings,
        now,
      ),
    ).toEqual({ ok: false, reason: 'LIFETIME' });
  });

  it('allows a configurable clock leeway on exp and nbf (F11)', async () => {
    const lenient = { ...settings, leewaySeconds: 30 };
    const expiredFiveSecondsAgo = signed({ ...base(), iat: now / 1000 - 65, exp: now / 1000 - 5 });
    expect(await verifyToken(expiredFiveSecondsAgo, settings, now)).toMatchObject({
      ok: false,
      reason: 'EXPIRED',
    });
    expect((await verifyToken(expiredFiveSecondsAgo, lenient, now)).ok).toBe(true);
    const mintedAheadFiveSeconds = signed({
      ...base(),
      iat: now / 1000 + 5,
      nbf: now / 1000 + 5,
      exp: now / 1000 + 65,
    });
    expect((await verifyToken(mintedAheadFiveSeconds, lenient, now)).ok).toBe(true);
    expect((await verifyToken(mintedAheadFiveSeconds, settings, now)).ok).toBe(false);
  });

  it('refuses an audience array and a token without iat', async () => {
    expect(
      (
        await verifyToken(
          signed({ ...base(), aud: ['zhifa-api', 'x'], exp: now / 1000 + 60 }),
          settings,
          now,
        )
      ).ok,
    ).toBe(false);
    const { iat: _iat, ...noIat } = base();
    expect((await verifyToken(signed({ ...noIat, exp: now / 1000 + 60 }), settings, now)).ok).toBe(
      false,
    );
  });
});
