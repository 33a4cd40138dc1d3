import type { MikroORM } from '@mikro-orm/postgresql';
import express, { type Router } from 'express';
import { checkpointSigner } from '../commands/audit-checkpoints.js';
import { AuditCheckpoint } from '../entities/audit-checkpoint.entity.js';

/**
 * Public, no token: the signed audit checkpoints and the key that verifies
 * them, so an outside party (archive, court, auditor) can keep copies of the
 * roots. Roots reveal nothing about cases; the per-case leaves and proofs
 * travel only in the case-file export.
 *   GET /audit/checkpoint-key.pem     Ed25519 public key (SPKI PEM)
 *   GET /audit/checkpoints.json       newest first, ?before=<sequence>&limit=
 */
export function auditCheckpointsRoute(orm: MikroORM): Router {
  const router = express.Router();
  router.get('/audit/checkpoint-key.pem', (_req, res) => {
    const signer = checkpointSigner();
    res
      .type('application/x-pem-file')
      .setHeader('X-Key-Id', signer.keyId)
      .send(signer.publicKeyPem);
  });
  router.get('/audit/checkpoints.json', async (req, res, next) => {
    try {
      const limit = Math.min(Math.max(Number(req.query.limit ?? 100) || 100, 1), 500);
      const before = Number(req.query.before);
      const rows = await orm.em
        .fork()
        .find(
          AuditCheckpoint,
          Number.isInteger(before) && before > 0 ? { sequence: { $lt: before } } : {},
          { orderBy: { sequence: 'desc' }, limit },
        );
      res.json({
        keyId: checkpointSigner().keyId,
        publicKeyUrl: '/audit/checkpoint-key.pem',
        items: rows.map((c) => ({
          sequence: c.sequence,
          createdAt: c.createdAt.toISOString(),
          caseCount: c.caseCount,
          merkleRoot: c.merkleRoot,
          previousCheckpointHash: c.previousCheckpointHash,
          signedStatement: c.signedStatement,
          signature: c.signature,
          keyId: c.keyId,
        })),
      });
    } catch (error) {
      next(error);
    }
  });
  return router;
}
