import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  eventHash,
  GENESIS_HASH,
  verifyChain,
  type ChainedEventContent,
} from '../../../src/audit/hash-chain.js';

function chain(n: number) {
  const events: (ChainedEventContent & { hash: string })[] = [];
  let previous = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content: ChainedEventContent = {
      caseId: 'c1',
      sequence: i,
      occurredAt: `2026-11-0${i}T00:00:00.000Z`,
      action: `a${i}`,
      actorOfficerId: 'o1',
      actorCertificateNumber: 'BJ0002',
      fromStatus: 'X',
      toStatus: 'Y',
      rulebookVersion: 'CAC-2023',
      inputDigest: 'd'.repeat(64),
      payload: { n: i },
      previousHash: previous,
    };
    previous = eventHash(content);
    events.push({ ...content, hash: previous });
  }
  return events;
}

describe('hash chain', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(chain(4))).toEqual({
      intact: true,
      checkedEvents: 4,
      firstBrokenSequence: null,
      reason: null,
    });
  });

  it.each([
    [
      'a changed payload',
      (e: ReturnType<typeof chain>) => (e[1]!.payload = { n: 99 }),
      'HASH_MISMATCH',
      2,
    ],
    ['a removed event', (e: ReturnType<typeof chain>) => e.splice(1, 1), 'SEQUENCE_GAP', 3],
    [
      'a re-hashed forgery',
      (e: ReturnType<typeof chain>) => {
        e[2]!.payload = { n: 0 };
        const { hash: _h, ...content } = e[2]!;
        e[2]!.hash = eventHash(content);
      },
      'BROKEN_LINK',
      4,
    ],
  ])('detects %s', (_name, tamper, reason, sequence) => {
    const events = chain(4);
    tamper(events);
    expect(verifyChain(events)).toMatchObject({
      intact: false,
      reason,
      firstBrokenSequence: sequence,
    });
  });
});

describe('act date and late-entry reason in the chain (issue 8 §2)', () => {
  const [old] = chain(1);
  const { hash: oldHash, ...oldContent } = old!;

  it('an event recorded before the act-date columns existed hashes as it did (absent fields are left out)', () => {
    expect(eventHash({ ...oldContent, actDate: undefined, lateEntryReason: undefined })).toBe(
      oldHash,
    );
    expect(verifyChain([old!])).toMatchObject({ intact: true });
  });

  it('the act date and the reason are covered: changing either breaks the hash', () => {
    const content: ChainedEventContent = {
      ...oldContent,
      actDate: '2025-12-30',
      lateEntryReason: '假期后补录',
    };
    const hash = eventHash(content);
    expect(hash).not.toBe(oldHash);
    expect(verifyChain([{ ...content, hash }])).toMatchObject({ intact: true });
    expect(verifyChain([{ ...content, actDate: '2025-12-31', hash }])).toMatchObject({
      intact: false,
      reason: 'HASH_MISMATCH',
    });
    expect(verifyChain([{ ...content, lateEntryReason: undefined, hash }])).toMatchObject({
      intact: false,
      reason: 'HASH_MISMATCH',
    });
  });
});
