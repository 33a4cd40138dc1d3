import { describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import {
  signerFromPrivateKey,
  verifyCheckpointSignature,
} from '../../../src/audit/checkpoint-key.js';
import {
  EMPTY_MERKLE_ROOT,
  leafHash,
  merkleProof,
  merkleRoot,
  verifyMerkleProof,
} from '../../../src/audit/merkle.js';

const leaves = (n: number) =>
  Array.from({ length: n }, (_, i) =>
    leafHash({ caseId: `case-${i}`, head: String(i).repeat(64).slice(0, 64), length: i + 1 }),
  );

describe('Merkle tree over chain heads', () => {
  it.each([1, 2, 3, 5, 8, 13])('every leaf of %i proves into the root', (n) => {
    const hashes = leaves(n);
    const root = merkleRoot(hashes);
    for (let i = 0; i < n; i++) {
      expect(verifyMerkleProof(hashes[i]!, merkleProof(hashes, i), root)).toBe(true);
    }
  });

  it('a changed head or a proof for another root fails', () => {
    const hashes = leaves(5);
    const proof = merkleProof(hashes, 3);
    const forged = leafHash({ caseId: 'case-3', head: 'f'.repeat(64), length: 4 });
    expect(verifyMerkleProof(forged, proof, merkleRoot(hashes))).toBe(false);
    expect(verifyMerkleProof(hashes[3]!, proof, merkleRoot(leaves(6)))).toBe(false);
  });

  it('a leaf cannot pass for an inner node (domain separation)', () => {
    const hashes = leaves(4);
    expect(merkleRoot(hashes)).not.toBe(merkleRoot([...hashes.slice(0, 2)]));
    expect(merkleRoot([])).toBe(EMPTY_MERKLE_ROOT);
  });

  it('a checkpoint statement signed with Ed25519 verifies with the public key only', () => {
    const { privateKey } = generateKeyPairSync('ed25519');
    const signer = signerFromPrivateKey(
      privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    const statement = '{"merkleRoot":"ab","sequence":1}';
    const signature = signer.sign(statement);
    expect(verifyCheckpointSignature(statement, signature, signer.publicKeyPem)).toBe(true);
    expect(
      verifyCheckpointSignature(statement.replace('1', '2'), signature, signer.publicKeyPem),
    ).toBe(false);
    expect(signer.keyId).toMatch(/^[0-9a-f]{64}$/);
  });
});
