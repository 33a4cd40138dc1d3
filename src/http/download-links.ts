import { createHmac, timingSafeEqual } from 'node:crypto';
import { keptSecret } from '../auth/signing-key.js';

/**
 * Short-lived signed download links: `/documents/<id>?officer=…&expires=…&signature=…`
 * opens in a browser (a plain link, `<a download>`) without an Authorization
 * header. The signature is HMAC-SHA256 over path, officer and expiry with a key
 * kept in the data directory (like the token-signing key); the download still
 * checks that the officer is active and the case in their scope.
 */
export interface DownloadLinks {
  /** A signed URL for `path` on behalf of the officer, valid for the configured lifetime. */
  sign(path: string, officerId: string): string;
  /** The officer the link was issued to, or undefined when the signature is wrong or expired. */
  verify(path: string, query: Record<string, unknown>): string | undefined;
}

export function resolveDownloadKey(dataDir: string): string {
  return keptSecret(dataDir, 'download-key', 32);
}

export function createDownloadLinks(
  key: string,
  lifetimeSeconds: number,
  now: () => number = () => Date.now(),
): DownloadLinks {
  const mac = (path: string, officerId: string, expires: number) =>
    createHmac('sha256', key).update(`GET ${path}\n${officerId}\n${expires}`).digest('base64url');
  return {
    sign(path, officerId) {
      const expires = Math.floor(now() / 1000) + lifetimeSeconds;
      const query = new URLSearchParams({
        officer: officerId,
        expires: String(expires),
        signature: mac(path, officerId, expires),
      });
      return `${path}?${query.toString()}`;
    },
    verify(path, query) {
      const { officer, expires, signature } = query;
      if (
        typeof officer !== 'string' ||
        typeof expires !== 'string' ||
        typeof signature !== 'string'
      ) {
        return undefined;
      }
      const expiresAt = Number(expires);
      if (!Number.isInteger(expiresAt) || expiresAt * 1000 <= now()) {
        return undefined;
      }
      const expected = Buffer.from(mac(path, officer, expiresAt));
      const given = Buffer.from(signature);
      return expected.length === given.length && timingSafeEqual(expected, given)
        ? officer
        : undefined;
    },
  };
}
