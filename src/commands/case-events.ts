import type { EntityManager } from '@mikro-orm/postgresql';
import {
  canonicalJson,
  CURRENT_HASH_VERSION,
  eventHash,
  GENESIS_HASH,
  sha256Hex,
  verifyChain,
  type ChainVerification,
  type RecordedChainHead,
} from '../audit/hash-chain.js';
import {
  chainedDocumentDigests,
  checkDocumentIntegrity,
  type DocumentIntegrity,
} from '../audit/document-integrity.js';
import type { Actor } from '../auth/context.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import { CaseEvent } from '../entities/case-event.entity.js';
import { Case } from '../entities/case.entity.js';
import type { LocalDate } from '../procedure/local-date.js';

export interface NewCaseEvent {
  action: string;
  fromStatus: string;
  toStatus: string;
  occurredAt: Date;
  /** 行为日期: the date of the act, when it has one (the runner always gives it). */
  actDate?: LocalDate | null;
  /** Reason given for a late entry. */
  lateEntryReason?: string | null;
  actorCertificateNumber: string | null;
  rulebookVersion: string | null;
  /** The mutation's input, digested (not stored) so the record proves what was submitted. */
  input: unknown;
  payload: Record<string, unknown>;
}

/** The last link of a case's chain: what the next event extends. */
export interface ChainTip {
  sequence: number;
  hash: string;
}

/** The case's last event (null: none yet), read in the caller's transaction. */
export async function chainTip(em: EntityManager, found: Case): Promise<ChainTip | null> {
  const last = await em.findOne(
    CaseEvent,
    { case: found },
    { orderBy: { sequence: 'desc' }, fields: ['sequence', 'hash'] },
  );
  return last ? { sequence: last.sequence, hash: last.hash } : null;
}

/**
 * The chain's last link as the case row records it (chain_head, chain_length: the insert trigger
 * moves them with every append and refuses an event that does not extend them), taking the row's
 * lock: appends to one case by concurrent requests take their turn here instead of the later one
 * being refused by the trigger. The lock is held to the end of the transaction, which appends.
 */
export async function lockChainTip(em: EntityManager, caseId: string): Promise<ChainTip | null> {
  // An event appended by this transaction and not yet flushed is the head the row does not show
  // yet (its row lock was taken when that event's own tip was read).
  const pending = unflushedTip(em, caseId);
  if (pending) {
    return pending;
  }
  const { head, length } = await recordedChainHead(em, caseId, true);
  return length && head ? { sequence: length, hash: head } : null;
}

/** The latest event of the case waiting in the unit of work for its insert, if any. */
function unflushedTip(em: EntityManager, caseId: string): ChainTip | null {
  let tip: ChainTip | null = null;
  for (const entity of em.getUnitOfWork().getPersistStack()) {
    if (
      entity instanceof CaseEvent &&
      entity.case.id === caseId &&
      (!tip || entity.sequence > tip.sequence)
    ) {
      tip = { sequence: entity.sequence, hash: entity.hash };
    }
  }
  return tip;
}

/**
 * The chain's last link for an append to a case loaded by loadCaseWithRelations/loadCaseForStep.
 * When that load read the row (it reads it `for update`), the row's chain head is current and
 * stays so: it saves a statement. A case that was already in the identity map may predate an
 * append of this request or of another, so its head is read again under the row's lock.
 */
export async function chainTipOfLoadedCase(
  em: EntityManager,
  found: Case,
  readFromDatabase: boolean,
): Promise<ChainTip | null> {
  if (!readFromDatabase) {
    return lockChainTip(em, found.id);
  }
  return found.chainLength && found.chainHead
    ? { sequence: found.chainLength, hash: found.chainHead }
    : null;
}

/** Whether loading case `id` now reads its row from the database (it is not in the identity map). */
export function isCaseUnread(em: EntityManager, id: string): boolean {
  return em.getUnitOfWork().getById(Case.name, id as never) === undefined;
}

/**
 * Appends the next link of the case's chain, in the caller's transaction.
 * The insert trigger moves the case row's chain head and length in the same
 * transaction (and refuses an event that does not extend it: never a fork of the chain).
 */
export async function appendCaseEvent(
  em: EntityManager,
  found: Case,
  actor: Pick<Actor, 'officerId'> & { officer: Pick<Actor['officer'], 'name'> },
  event: NewCaseEvent,
  /** The chain's last link, when the caller has read it under the case row's lock (lockChainTip). */
  tip?: ChainTip | null,
  /** false: the caller inserts the row itself (generateDocument's one write statement). */
  persist = true,
): Promise<CaseEvent> {
  const last = tip === undefined ? await lockChainTip(em, found.id) : tip;
  const record = em.create(
    CaseEvent,
    {
      case: found,
      hashVersion: CURRENT_HASH_VERSION,
      sequence: (last?.sequence ?? 0) + 1,
      occurredAt: event.occurredAt,
      actDate: event.actDate ?? null,
      lateEntryReason: event.lateEntryReason ?? null,
      action: event.action,
      actorOfficerId: actor.officerId,
      actorName: actor.officer.name,
      actorCertificateNumber: event.actorCertificateNumber,
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      rulebookVersion: event.rulebookVersion,
      inputDigest: sha256Hex(canonicalJson(event.input)),
      payload: event.payload,
      previousHash: last?.hash ?? GENESIS_HASH,
      hash: '',
    },
    { persist },
  );
  record.hash = eventHash(record.toChainContent());
  return record;
}

/** The chain head and length the case row records (not mapped on the entity: only the trigger writes them). */
export async function recordedChainHead(
  em: EntityManager,
  caseId: string,
  /** true: take the row's lock to the end of the transaction (lockChainTip). */
  lock = false,
): Promise<RecordedChainHead> {
  const rows = await em
    .getConnection()
    .execute<{ chain_head: string | null; chain_length: number }[]>(
      `select chain_head, chain_length from "case" where id = ?${lock ? ' for update' : ''}`,
      [caseId],
      'all',
      em.getTransactionContext(),
    );
  return { head: rows[0]?.chain_head ?? null, length: rows[0]?.chain_length ?? 0 };
}

export interface CaseAudit {
  verification: ChainVerification;
  events: CaseEvent[];
  documents: DocumentIntegrity[];
}

/**
 * The full audit of one case: every event re-hashed under its version, the
 * chain's end against the case row's head and length, and every document's
 * bytes re-hashed against its column and the chained SHA-256. A chain that
 * verifies but a document that does not is reported as DOCUMENT_MISMATCH.
 */
export async function auditCase(em: EntityManager, caseId: string): Promise<CaseAudit> {
  const events = await em.find(CaseEvent, { case: caseId }, { orderBy: { sequence: 'asc' } });
  const recorded = await recordedChainHead(em, caseId);
  const chain = verifyChain(
    events.map((e) => ({ ...e.toChainContent(), hash: e.hash })),
    recorded,
  );
  const chained = chainedDocumentDigests(events.map((e) => e.payload));
  const stored = await em.find(
    CaseDocument,
    { case: caseId },
    { orderBy: { createdAt: 'asc', id: 'asc' }, populate: ['content'] },
  );
  const documents = stored.map((d) => checkDocumentIntegrity(d, chained));
  const tamperedDocuments = documents.filter((d) => !d.intact).map((d) => d.documentId);
  const checkpointed = await lastCheckpointedHead(em, caseId);
  const passesCheckpoint =
    !checkpointed || events[checkpointed.length - 1]?.hash === checkpointed.head;
  const verification: ChainVerification = !chain.intact
    ? { ...chain, tamperedDocuments }
    : !passesCheckpoint
      ? {
          ...chain,
          intact: false,
          reason: 'CHECKPOINT_MISMATCH',
          firstBrokenSequence: checkpointed!.length,
          tamperedDocuments,
        }
      : tamperedDocuments.length > 0
        ? { ...chain, intact: false, reason: 'DOCUMENT_MISMATCH', tamperedDocuments }
        : { ...chain, tamperedDocuments };
  return { verification, events, documents };
}

/** The case's chain head as the latest signed checkpoint recorded it (null before any). */
async function lastCheckpointedHead(
  em: EntityManager,
  caseId: string,
): Promise<{ head: string; length: number } | null> {
  const rows = await em.getConnection().execute<{ leaf: { head: string; length: number } }[]>(
    `select leaf from audit_checkpoint, jsonb_array_elements(leaves) leaf
      where leaves @> ?::jsonb and leaf->>'caseId' = ? order by sequence desc limit 1`,
    [JSON.stringify([{ caseId }]), caseId],
    'all',
    em.getTransactionContext(),
  );
  return rows[0]?.leaf ?? null;
}

export async function verifyCaseChain(
  em: EntityManager,
  caseId: string,
): Promise<ChainVerification> {
  return (await auditCase(em, caseId)).verification;
}

/** One document's bytes against its stored and chained SHA-256 (for the download route). */
export async function checkStoredDocument(
  em: EntityManager,
  document: CaseDocument,
): Promise<DocumentIntegrity> {
  const events = await em.find(
    CaseEvent,
    { case: document.case.id },
    { fields: ['payload'], orderBy: { sequence: 'asc' } },
  );
  return checkDocumentIntegrity(document, chainedDocumentDigests(events.map((e) => e.payload)));
}
