import { describe, expect, it } from 'vitest';
import {
  canonicalJson,
  eventHash,
  GENESIS_HASH,
  HASHED_FIELDS,
  sha256Hex,
  verifyChain,
  type ChainedEventContent,
} from '../../../src/audit/hash-chain.js';

function chain(n: number, hashVersion = 2) {
  const events: (ChainedEventContent & { hash: string })[] = [];
  let previous = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const content: ChainedEventContent = {
      id: `e${i}`,
      hashVersion,
      caseId: 'c1',
      sequence: i,
      occurredAt: `2026-12-0${i}T00:00:00.000Z`,
      action: `a${i}`,
      actorOfficerId: 'o1',
      actorName: '王执法',
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

const intact = {
  intact: true,
  firstBrokenSequence: null,
  reason: null,
  tamperedDocuments: [],
};

describe('hash chain', () => {
  it('canonical JSON does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { y: 2, x: 1 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"x":1,"y":2}]},"b":1}',
    );
  });

  it('verifies an intact chain', () => {
    expect(verifyChain(chain(4))).toEqual({ ...intact, checkedEvents: 4 });
  });

  it('version 1 events keep their original hash (the twelve fields, without id and actor name)', () => {
    const [event] = chain(1, 1);
    const { caseId, sequence, occurredAt, action, actorOfficerId } = event!;
    const legacy = sha256Hex(
      canonicalJson({
        caseId,
        sequence,
        occurredAt,
        action,
        actorOfficerId,
        actorCertificateNumber: 'BJ0002',
        fromStatus: 'X',
        toStatus: 'Y',
        rulebookVersion: 'CAC-2023',
        inputDigest: 'd'.repeat(64),
        payload: { n: 1 },
        previousHash: GENESIS_HASH,
      }),
    );
    expect(event!.hash).toBe(legacy);
    expect(HASHED_FIELDS[1]).not.toContain('actorName');
  });

  it('a chain mixing version 1 and version 2 events verifies', () => {
    const old = chain(2, 1);
    const content: ChainedEventContent = {
      ...old[1]!,
      id: 'e3',
      hashVersion: 2,
      sequence: 3,
      previousHash: old[1]!.hash,
    };
    const events = [...old, { ...content, hash: eventHash(content) }];
    expect(verifyChain(events, { head: events[2]!.hash, length: 3 })).toEqual({
      ...intact,
      checkedEvents: 3,
    });
  });

  it('version 2 covers every shown field: the actor name and the event id', () => {
    const renamed = chain(3);
    renamed[1]!.actorName = '伪造的人';
    expect(verifyChain(renamed)).toMatchObject({ reason: 'HASH_MISMATCH', firstBrokenSequence: 2 });
    const reId = chain(3);
    reId[2]!.id = 'other';
    expect(verifyChain(reId)).toMatchObject({ reason: 'HASH_MISMATCH', firstBrokenSequence: 3 });
  });

  it('downgrading an event to version 1 does not hide a changed actor name', () => {
    const events = chain(3);
    events[1]!.actorName = '伪造的人';
    events[1]!.hashVersion = 1;
    expect(verifyChain(events)).toMatchObject({ reason: 'HASH_MISMATCH', firstBrokenSequence: 2 });
  });

  it('an unknown hash version is reported, not thrown', () => {
    const events = chain(2);
    events[1]!.hashVersion = 9;
    expect(verifyChain(events)).toMatchObject({ reason: 'UNKNOWN_HASH_VERSION' });
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
    ['the last event deleted', (e: ReturnType<typeof chain>) => e.pop(), 'LENGTH_MISMATCH', 4],
    [
      'the last two events deleted',
      (e: ReturnType<typeof chain>) => e.splice(2, 2),
      'LENGTH_MISMATCH',
      3,
    ],
    [
      'the last event re-hashed',
      (e: ReturnType<typeof chain>) => {
        e[3]!.action = 'forged';
        const { hash: _h, ...content } = e[3]!;
        e[3]!.hash = eventHash(content);
      },
      'HEAD_MISMATCH',
      4,
    ],
  ])('with the recorded head, detects %s', (_name, tamper, reason, sequence) => {
    const events = chain(4);
    const recorded = { head: events[3]!.hash, length: 4 };
    tamper(events);
    expect(verifyChain(events, recorded)).toMatchObject({
      intact: false,
      reason,
      firstBrokenSequence: sequence,
    });
  });

  it('without the recorded head, a cut chain looks intact (why the case row keeps it)', () => {
    const events = chain(4);
    events.pop();
    expect(verifyChain(events).intact).toBe(true);
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
    // Hash version 3 covers them (earlier versions' field lists stay as recorded).
    const content: ChainedEventContent = {
      ...oldContent,
      hashVersion: 3,
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
