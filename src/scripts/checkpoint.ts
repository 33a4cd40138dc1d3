import 'reflect-metadata';
import { resolveCheckpointSigner } from '../audit/checkpoint-key.js';
import { createAuditCheckpoint } from '../commands/audit-checkpoints.js';
import { loadConfig } from '../config.js';
import { openDatabase } from '../db/database.js';

/**
 * `npm run checkpoint`: takes a signed audit checkpoint now (Merkle root over
 * every case's chain head) and prints it. Same key as the server
 * (ZHIFA_CHECKPOINT_PRIVATE_KEY or the data directory).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const database = await openDatabase(config);
  try {
    const signer = resolveCheckpointSigner(config.checkpointPrivateKey, config.dataDir);
    const { checkpoint } = await createAuditCheckpoint(database.orm.em.fork(), {
      now: new Date(),
      signer,
    });
    console.log(
      JSON.stringify(
        {
          sequence: checkpoint.sequence,
          createdAt: checkpoint.createdAt.toISOString(),
          caseCount: checkpoint.caseCount,
          merkleRoot: checkpoint.merkleRoot,
          signature: checkpoint.signature,
          keyId: checkpoint.keyId,
          publicKey: signer.publicKeyPem,
        },
        null,
        2,
      ),
    );
  } finally {
    await database.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
