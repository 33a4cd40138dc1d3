import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures: `Zhifa-Signature: sha256=<hex>` where hex is
 * HMAC-SHA256(secret, "<Zhifa-Timestamp>.<raw body>"). Receivers recompute it
 * over the raw bytes they received, compare in constant time, and reject
 * timestamps too far from their clock (replay).
 */
export const SIGNATURE_SCHEME = 'sha256';

export function signWebhook(secret: string, timestamp: string, body: string): string {
  const hex = createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
  return `${SIGNATURE_SCHEME}=${hex}`;
}

export function verifyWebhookSignature(
  secret: string,
  timestamp: string,
  body: string,
  header: string | undefined,
): boolean {
  if (!header) {
    return false;
  }
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
