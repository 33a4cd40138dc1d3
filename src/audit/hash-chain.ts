import { createHash } from 'node:crypto';

/**
 * The case's 全过程记录 as a hash chain: each event's hash covers its content
 * and the previous event's hash, so changing, removing or reordering any
 * recorded step breaks every hash after it. The case row keeps the chain's
 * head (last hash) and length, so removing the last event(s) is caught too.
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

/** Every stored field of an audit event but its hash. */
export interface ChainedEventContent {
  id: string;
  hashVersion: number;
  caseId: string;
  sequence: number;
  occurredAt: string;
  action: string;
  actorOfficerId: string;
  actorName: string;
  actorCertificateNumber: string | null;
  fromStatus: string;
  toStatus: string;
  rulebookVersion: string | null;
  inputDigest: string;
  payload: unknown;
  previousHash: string;
  /**
   * Date of the act and reason of a late entry, covered from hash version 3;
   * left out of the canonical JSON when absent.
   */
  actDate?: string;
  lateEntryReason?: string;
}

/**
 * Which fields each hash version covers — the one place to extend when a
 * field is added (add a version; never change an existing list, or recorded
 * events stop verifying). Version 1 (events before December 2026) left out
 * the event id and the actor's name; version 2 covers every shown field; version 3 adds
 * the act date and the late-entry reason.
 */
const VERSION_2_FIELDS = [
  'id',
  'hashVersion',
  'caseId',
  'sequence',
  'occurredAt',
  'action',
  'actorOfficerId',
  'actorName',
  'actorCertificateNumber',
  'fromStatus',
  'toStatus',
  'rulebookVersion',
  'inputDigest',
  'payload',
  'previousHash',
] as const;

export const HASHED_FIELDS = {
  1: [
    'caseId',
    'sequence',
    'occurredAt',
    'action',
    'actorOfficerId',
    'actorCertificateNumber',
    'fromStatus',
    'toStatus',
    'rulebookVersion',
    'inputDigest',
    'payload',
    'previousHash',
  ],
  2: VERSION_2_FIELDS,
  // Version 3 adds the act date and the late-entry reason.
  3: [...VERSION_2_FIELDS, 'actDate', 'lateEntryReason'],
} as const satisfies Record<number, readonly (keyof ChainedEventContent)[]>;

export type HashVersion = keyof typeof HASHED_FIELDS;

/** The version new events are hashed with. */
export const CURRENT_HASH_VERSION: HashVersion = 3;

export function isHashVersion(version: number): version is HashVersion {
  return Object.hasOwn(HASHED_FIELDS, version);
}

export function eventHash(content: ChainedEventContent): string {
  if (!isHashVersion(content.hashVersion)) {
    throw new Error(`unknown audit hash version ${content.hashVersion}`);
  }
  const covered: Record<string, unknown> = {};
  for (const field of HASHED_FIELDS[content.hashVersion]) {
    covered[field] = content[field];
  }
  return sha256Hex(canonicalJson(covered));
}

export type ChainBreak =
  | 'HASH_MISMATCH'
  | 'BROKEN_LINK'
  | 'SEQUENCE_GAP'
  | 'UNKNOWN_HASH_VERSION'
  /** Fewer (or more) events than the case row records: the last event(s) were removed. */
  | 'LENGTH_MISMATCH'
  /** The last event's hash is not the head the case row records. */
  | 'HEAD_MISMATCH'
  /** A document's stored bytes no longer hash to its recorded SHA-256. */
  | 'DOCUMENT_MISMATCH'
  /** The chain no longer passes through the head a signed checkpoint recorded (rewritten). */
  | 'CHECKPOINT_MISMATCH';

export interface ChainVerification {
  intact: boolean;
  checkedEvents: number;
  /** Sequence of the first event whose hash or link does not match. */
  firstBrokenSequence: number | null;
  reason: ChainBreak | null;
  /** Documents whose bytes do not match the stored or the chained SHA-256 (ids). */
  tamperedDocuments: string[];
}

/** What the case row records about its chain (kept by a trigger on every append). */
export interface RecordedChainHead {
  head: string | null;
  length: number;
}

/**
 * Recomputes every hash in order (events sorted by sequence), each under its
 * own hash version; with the case row's head, also checks nothing was cut
 * from the end.
 */
export function verifyChain(
  events: readonly (ChainedEventContent & { hash: string })[],
  recorded?: RecordedChainHead,
): ChainVerification {
  let previous = GENESIS_HASH;
  for (const [index, event] of events.entries()) {
    const broken = (reason: ChainBreak): ChainVerification => ({
      intact: false,
      checkedEvents: index + 1,
      firstBrokenSequence: event.sequence,
      reason,
      tamperedDocuments: [],
    });
    if (event.sequence !== index + 1) {
      return broken('SEQUENCE_GAP');
    }
    if (event.previousHash !== previous) {
      return broken('BROKEN_LINK');
    }
    if (!isHashVersion(event.hashVersion)) {
      return broken('UNKNOWN_HASH_VERSION');
    }
    const { hash, ...content } = event;
    if (eventHash(content) !== hash) {
      return broken('HASH_MISMATCH');
    }
    previous = hash;
  }
  if (recorded) {
    const cut = (reason: ChainBreak): ChainVerification => ({
      intact: false,
      checkedEvents: events.length,
      firstBrokenSequence: Math.min(events.length, recorded.length) + 1,
      reason,
      tamperedDocuments: [],
    });
    if (recorded.length !== events.length) {
      return cut('LENGTH_MISMATCH');
    }
    if (events.length > 0 && recorded.head !== previous) {
      return { ...cut('HEAD_MISMATCH'), firstBrokenSequence: events.length };
    }
  }
  return {
    intact: true,
    checkedEvents: events.length,
    firstBrokenSequence: null,
    reason: null,
    tamperedDocuments: [],
  };
}
