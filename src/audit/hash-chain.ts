import { createHash } from 'node:crypto';

/**
 * The case's 全过程记录 as a hash chain: each event's hash covers its content
 * and the previous event's hash, so changing, removing or reordering any
 * recorded step breaks every hash after it.
 */
export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth: the same data always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    return JSON.stringify(value ?? null);
  }
  if (value instanceof Date) {
    return JSON.stringify(value.toISOString());
  }
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

export function sha256Hex(text: string | Buffer): string {
  return createHash('sha256').update(text).digest('hex');
}

/** What an audit event's hash covers (everything but the hash itself). */
export interface ChainedEventContent {
  caseId: string;
  sequence: number;
  occurredAt: string;
  action: string;
  actorOfficerId: string;
  actorCertificateNumber: string | null;
  fromStatus: string;
  toStatus: string;
  rulebookVersion: string | null;
  inputDigest: string;
  payload: unknown;
  previousHash: string;
  /**
   * Date of the act and reason of a late entry (issue 8 §2). Optional, and left out of the
   * canonical JSON when absent, so events recorded before they existed hash as they did.
   */
  actDate?: string;
  lateEntryReason?: string;
}

export function eventHash(content: ChainedEventContent): string {
  return sha256Hex(canonicalJson(content));
}

export interface ChainVerification {
  intact: boolean;
  checkedEvents: number;
  /** Sequence of the first event whose hash or link does not match. */
  firstBrokenSequence: number | null;
  reason: 'HASH_MISMATCH' | 'BROKEN_LINK' | 'SEQUENCE_GAP' | null;
}

/** Recomputes every hash in order; events must be sorted by sequence. */
export function verifyChain(
  events: readonly (ChainedEventContent & { hash: string })[],
): ChainVerification {
  let previous = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const broken = (reason: ChainVerification['reason']): ChainVerification => ({
      intact: false,
      checkedEvents: index + 1,
      firstBrokenSequence: event.sequence,
      reason,
    });
    if (event.sequence !== index + 1) {
      return broken('SEQUENCE_GAP');
    }
    if (event.previousHash !== previous) {
      return broken('BROKEN_LINK');
    }
    const { hash, ...content } = event;
    if (eventHash(content) !== hash) {
      return broken('HASH_MISMATCH');
    }
    previous = hash;
  }
  return { intact: true, checkedEvents: events.length, firstBrokenSequence: null, reason: null };
}
