import type { EntityManager } from '@mikro-orm/postgresql';
import type JSZip from 'jszip';
import type { ChainVerification } from '../audit/hash-chain.js';
import type { DocumentIntegrity } from '../audit/document-integrity.js';
import { auditCase, type CaseAudit } from './case-events.js';
import { caseCheckpointProof, type CaseCheckpointProof } from './audit-checkpoints.js';

/**
 * The case file's tamper evidence (kept apart from the volume's layout in
 * case-file.ts): the re-verified chain, every document re-hashed, and the
 * signed checkpoint that covers the case with its Merkle proof.
 */
export interface CaseFileIntegrity {
  audit: CaseAudit;
  checkpoint: CaseCheckpointProof | null;
  /** Chain, documents and checkpoint all agree. */
  intact: boolean;
}

export async function caseFileIntegrity(
  em: EntityManager,
  caseId: string,
): Promise<CaseFileIntegrity> {
  const audit = await auditCase(em, caseId);
  const checkpoint = await caseCheckpointProof(em, caseId);
  return {
    audit,
    checkpoint,
    intact:
      audit.verification.intact &&
      (!checkpoint || (checkpoint.proofVerifies && checkpoint.signatureVerifies)),
  };
}

/** index.txt line for one document whose bytes do not match. */
export function documentIntegrityNote(integrity: DocumentIntegrity | undefined): string | null {
  return integrity && !integrity.intact
    ? `内容与登记的 SHA-256 不符（${integrity.failure}，实际 ${integrity.actualSha256}），可能已被篡改`
    : null;
}

export function chainSummary(verification: ChainVerification): string {
  return `全过程记录 ${verification.checkedEvents} 条，${
    verification.intact
      ? '哈希链完整，文书内容与登记的 SHA-256 一致'
      : verification.reason === 'DOCUMENT_MISMATCH'
        ? `哈希链完整，但 ${verification.tamperedDocuments.length} 份文书内容与登记的 SHA-256 不符（DOCUMENT_MISMATCH）`
        : `哈希链在第 ${verification.firstBrokenSequence} 条处断裂（${verification.reason}）`
  }`;
}

/** integrity.json (per-document results) and checkpoint.json (signed root + proof, when one covers the case). */
export function addIntegrityFiles(
  zip: JSZip,
  integrity: CaseFileIntegrity,
  fileOptions: JSZip.JSZipFileOptions,
): void {
  zip.file(
    'integrity.json',
    JSON.stringify(
      {
        intact: integrity.intact,
        auditChain: integrity.audit.verification,
        documents: integrity.audit.documents,
        checkpoint: integrity.checkpoint
          ? {
              sequence: integrity.checkpoint.checkpoint.sequence,
              proofVerifies: integrity.checkpoint.proofVerifies,
              signatureVerifies: integrity.checkpoint.signatureVerifies,
            }
          : null,
      },
      null,
      2,
    ),
    fileOptions,
  );
  if (integrity.checkpoint) {
    zip.file('checkpoint.json', JSON.stringify(integrity.checkpoint, null, 2), fileOptions);
  }
}
