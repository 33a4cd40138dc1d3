import type { EntityManager } from '@mikro-orm/postgresql';
import {
  resolveCheckpointSigner,
  verifyCheckpointSignature,
  type CheckpointSigner,
} from '../audit/checkpoint-key.js';
import { canonicalJson, GENESIS_HASH, sha256Hex } from '../audit/hash-chain.js';
import {
  leafHash,
  merkleProof,
  merkleRoot,
  verifyMerkleProof,
  type ChainHeadLeaf,
  type MerkleProofStep,
} from '../audit/merkle.js';
import { loadConfig } from '../config.js';
import { AuditCheckpoint } from '../entities/audit-checkpoint.entity.js';

let configuredSigner: CheckpointSigner | undefined;

/** Set by the server (and tests); otherwise resolved from the environment and the data directory. */
export function configureCheckpointSigner(signer: CheckpointSigner): void {
  configuredSigner = signer;
}

export function checkpointSigner(): CheckpointSigner {
  if (!configuredSigner) {
    const config = loadConfig();
    configuredSigner = resolveCheckpointSigner(config.checkpointPrivateKey, config.dataDir);
  }
  return configuredSigner;
}

/** Serializes checkpoint writers across server instances sharing the database. */
const CHECKPOINT_LOCK = 20261203;

export interface CheckpointOutcome {
  checkpoint: AuditCheckpoint;
  /** False when nothing changed since the last checkpoint and onlyIfChanged was asked. */
  created: boolean;
}

/**
 * Takes a checkpoint: every case's chain head as a Merkle leaf (sorted by case
 * id), the root signed with the checkpoint key, linked to the previous
 * checkpoint, appended. System work: reads every office's cases.
 */
export async function createAuditCheckpoint(
  em: EntityManager,
  options: { now: Date; onlyIfChanged?: boolean; signer?: CheckpointSigner },
): Promise<CheckpointOutcome> {
  const signer = options.signer ?? checkpointSigner();
  return em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const context = tx.getTransactionContext();
    await connection.execute('select pg_advisory_xact_lock(?)', [CHECKPOINT_LOCK], 'all', context);
    const rows = await connection.execute<
      { id: string; chain_head: string; chain_length: number }[]
    >(
      `select id, chain_head, chain_length from "case" where chain_length > 0 order by id`,
      [],
      'all',
      context,
    );
    const leaves: ChainHeadLeaf[] = rows.map((r) => ({
      caseId: r.id,
      head: r.chain_head,
      length: r.chain_length,
    }));
    const root = merkleRoot(leaves.map(leafHash));
    const [latest] = await tx.find(
      AuditCheckpoint,
      {},
      { orderBy: { sequence: 'desc' }, limit: 1 },
    );
    if (options.onlyIfChanged && latest && latest.merkleRoot === root) {
      return { checkpoint: latest, created: false };
    }
    const sequence = (latest?.sequence ?? 0) + 1;
    const createdAt = options.now;
    const previousCheckpointHash = latest ? sha256Hex(latest.signedStatement) : GENESIS_HASH;
    const signedStatement = canonicalJson({
      type: 'zhifa-audit-checkpoint',
      version: 1,
      sequence,
      createdAt: createdAt.toISOString(),
      caseCount: leaves.length,
      merkleRoot: root,
      previousCheckpointHash,
      keyId: signer.keyId,
    });
    const checkpoint = tx.create(AuditCheckpoint, {
      sequence,
      createdAt,
      caseCount: leaves.length,
      merkleRoot: root,
      previousCheckpointHash,
      signedStatement,
      signature: signer.sign(signedStatement),
      keyId: signer.keyId,
      leaves,
    });
    await tx.flush();
    return { checkpoint, created: true };
  });
}

/** What an outside verifier needs to check one case against a checkpoint. */
export interface CaseCheckpointProof {
  checkpoint: {
    sequence: number;
    createdAt: string;
    caseCount: number;
    merkleRoot: string;
    previousCheckpointHash: string;
    signedStatement: string;
    signature: string;
    keyId: string;
  };
  leaf: ChainHeadLeaf;
  leafHash: string;
  proof: MerkleProofStep[];
  /** The proof leads from the leaf to the signed root. */
  proofVerifies: boolean;
  /** The signature verifies with the current public key (false after a key change: check with the key of keyId). */
  signatureVerifies: boolean;
  publicKeyPem: string;
  howToVerify: string;
}

export const HOW_TO_VERIFY_CHECKPOINT =
  'leafHash = SHA-256(0x00 ‖ canonical JSON {caseId, head, length}); for each proof step: LEFT → SHA-256(0x01 ‖ sibling ‖ current), RIGHT → SHA-256(0x01 ‖ current ‖ sibling) (hashes as raw bytes); the result must equal merkleRoot, merkleRoot must appear in signedStatement, and signature must be the Ed25519 signature of signedStatement under the key published at /audit/checkpoint-key.pem (keyId = SHA-256 of its DER). head must be the hash of event number `length` in the audit trail.';

/** The latest checkpoint that covers the case, with its Merkle proof; null before the first. */
export async function caseCheckpointProof(
  em: EntityManager,
  caseId: string,
): Promise<CaseCheckpointProof | null> {
  const rows = await em
    .getConnection()
    .execute<{ sequence: number }[]>(
      `select sequence from audit_checkpoint where leaves @> ?::jsonb order by sequence desc limit 1`,
      [JSON.stringify([{ caseId }])],
      'all',
      em.getTransactionContext(),
    );
  if (rows.length === 0) {
    return null;
  }
  const checkpoint = await em.findOneOrFail(
    AuditCheckpoint,
    { sequence: rows[0]!.sequence },
    { populate: ['leaves'] },
  );
  const index = checkpoint.leaves.findIndex((l) => l.caseId === caseId);
  const hashes = checkpoint.leaves.map(leafHash);
  const proof = merkleProof(hashes, index);
  const signer = checkpointSigner();
  return {
    checkpoint: {
      sequence: checkpoint.sequence,
      createdAt: checkpoint.createdAt.toISOString(),
      caseCount: checkpoint.caseCount,
      merkleRoot: checkpoint.merkleRoot,
      previousCheckpointHash: checkpoint.previousCheckpointHash,
      signedStatement: checkpoint.signedStatement,
      signature: checkpoint.signature,
      keyId: checkpoint.keyId,
    },
    leaf: checkpoint.leaves[index]!,
    leafHash: hashes[index]!,
    proof,
    proofVerifies: verifyMerkleProof(hashes[index]!, proof, checkpoint.merkleRoot),
    signatureVerifies:
      checkpoint.keyId === signer.keyId &&
      verifyCheckpointSignature(
        checkpoint.signedStatement,
        checkpoint.signature,
        signer.publicKeyPem,
      ),
    publicKeyPem: signer.publicKeyPem,
    howToVerify: HOW_TO_VERIFY_CHECKPOINT,
  };
}

/**
 * The periodic checkpoint (server.ts): one now, then every `intervalMinutes`,
 * skipped when no chain moved. Several servers may run it: the advisory lock
 * and the unchanged-root check keep one checkpoint per change.
 */
export class AuditCheckpointJob {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly options: {
      orm: { em: { fork(): EntityManager } };
      intervalMinutes: number;
      log: (message: string) => void;
    },
  ) {}

  start(): void {
    if (this.options.intervalMinutes <= 0) {
      return;
    }
    void this.tick();
    this.timer = setInterval(() => void this.tick(), this.options.intervalMinutes * 60_000);
    this.timer.unref();
  }

  async tick(): Promise<void> {
    if (this.running) {
      return this.running;
    }
    this.running = (async () => {
      try {
        const { checkpoint, created } = await createAuditCheckpoint(this.options.orm.em.fork(), {
          now: new Date(),
          onlyIfChanged: true,
        });
        if (created) {
          this.options.log(
            `audit checkpoint ${checkpoint.sequence}: ${checkpoint.caseCount} cases, root ${checkpoint.merkleRoot}`,
          );
        }
      } catch (error) {
        this.options.log(`audit checkpoint failed: ${(error as Error).message}`);
      } finally {
        this.running = undefined;
      }
    })();
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }
}
