import { sha256Hex } from './hash-chain.js';

/**
 * A stored document's bytes against the two SHA-256 values recorded for it:
 * the document row's own column and the one in the hash-chained event that
 * produced it. Replacing case_document.content (only possible for a superuser
 * bypassing the immutability trigger) fails the first; rewriting the column
 * too fails the second, which the chain protects.
 */
export type DocumentIntegrityFailure =
  /** The bytes no longer hash to the document row's SHA-256. */
  | 'CONTENT_MISMATCH'
  /** The row's SHA-256 differs from the one the audit chain recorded. */
  | 'CHAIN_MISMATCH'
  /** No audit event records this document. */
  | 'NOT_IN_CHAIN';

export interface DocumentIntegrity {
  documentId: string;
  /** SHA-256 of the bytes as stored now. */
  actualSha256: string;
  intact: boolean;
  failure: DocumentIntegrityFailure | null;
}

/** document id → SHA-256, from the payloads of a case's audit events (steps list `documents`, generateDocument one `document`). */
export function chainedDocumentDigests(payloads: readonly unknown[]): Map<string, string> {
  const digests = new Map<string, string>();
  const take = (entry: unknown) => {
    if (entry && typeof entry === 'object') {
      const { id, sha256 } = entry as { id?: unknown; sha256?: unknown };
      if (typeof id === 'string' && typeof sha256 === 'string') {
        digests.set(id, sha256);
      }
    }
  };
  for (const payload of payloads) {
    if (!payload || typeof payload !== 'object') {
      continue;
    }
    const { documents, document } = payload as { documents?: unknown; document?: unknown };
    if (Array.isArray(documents)) {
      documents.forEach(take);
    }
    take(document);
  }
  return digests;
}

export function checkDocumentIntegrity(
  document: { id: string; sha256: string; content: Buffer },
  chained: ReadonlyMap<string, string>,
): DocumentIntegrity {
  const actualSha256 = sha256Hex(document.content);
  const chainedSha256 = chained.get(document.id);
  const failure: DocumentIntegrityFailure | null =
    actualSha256 !== document.sha256
      ? 'CONTENT_MISMATCH'
      : chainedSha256 === undefined
        ? 'NOT_IN_CHAIN'
        : chainedSha256 !== actualSha256
          ? 'CHAIN_MISMATCH'
          : null;
  return { documentId: document.id, actualSha256, intact: failure === null, failure };
}
