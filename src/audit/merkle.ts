import { createHash } from 'node:crypto';
import { canonicalJson } from './hash-chain.js';

/**
 * A Merkle tree over every case's chain head (RFC 6962 style domain
 * separation: 0x00 before a leaf, 0x01 before two children, so a leaf can
 * never pass for a node). An odd node at the end of a level moves up as it
 * is. A proof lists the sibling hashes from the leaf up to the root.
 */
export interface ChainHeadLeaf {
  caseId: string;
  /** Hash of the case's last audit event. */
  head: string;
  /** Number of events the head closes. */
  length: number;
}

export interface MerkleProofStep {
  /** Where the sibling sits: LEFT means hash(sibling, current). */
  side: 'LEFT' | 'RIGHT';
  hash: string;
}

function digest(prefix: number, ...parts: Buffer[]): string {
  const hash = createHash('sha256').update(Buffer.from([prefix]));
  for (const part of parts) {
    hash.update(part);
  }
  return hash.digest('hex');
}

export function leafHash(leaf: ChainHeadLeaf): string {
  return digest(
    0,
    Buffer.from(canonicalJson({ caseId: leaf.caseId, head: leaf.head, length: leaf.length })),
  );
}

function nodeHash(left: string, right: string): string {
  return digest(1, Buffer.from(left, 'hex'), Buffer.from(right, 'hex'));
}

/** The root of no leaves is the hash of nothing. */
export const EMPTY_MERKLE_ROOT = createHash('sha256').digest('hex');

function levels(leafHashes: readonly string[]): string[][] {
  const all: string[][] = [[...leafHashes]];
  while (all[all.length - 1]!.length > 1) {
    const level = all[all.length - 1]!;
    const next: string[] = [];
    for (let i = 0; i < level.length; i += 2) {
      next.push(i + 1 < level.length ? nodeHash(level[i]!, level[i + 1]!) : level[i]!);
    }
    all.push(next);
  }
  return all;
}

export function merkleRoot(leafHashes: readonly string[]): string {
  if (leafHashes.length === 0) {
    return EMPTY_MERKLE_ROOT;
  }
  const all = levels(leafHashes);
  return all[all.length - 1]![0]!;
}

export function merkleProof(leafHashes: readonly string[], index: number): MerkleProofStep[] {
  if (index < 0 || index >= leafHashes.length) {
    throw new RangeError(`no leaf ${index} among ${leafHashes.length}`);
  }
  const proof: MerkleProofStep[] = [];
  let position = index;
  for (const level of levels(leafHashes).slice(0, -1)) {
    const sibling = position % 2 === 0 ? position + 1 : position - 1;
    if (sibling < level.length) {
      proof.push({ side: position % 2 === 0 ? 'RIGHT' : 'LEFT', hash: level[sibling]! });
    }
    position = Math.floor(position / 2);
  }
  return proof;
}

export function verifyMerkleProof(
  leaf: string,
  proof: readonly MerkleProofStep[],
  root: string,
): boolean {
  let current = leaf;
  for (const step of proof) {
    current = step.side === 'LEFT' ? nodeHash(step.hash, current) : nodeHash(current, step.hash);
  }
  return current === root;
}
