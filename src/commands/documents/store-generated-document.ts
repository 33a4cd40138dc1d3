import { helper, type AnyEntity } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseDocument } from '../../entities/case-document.entity.js';
import type { CaseEvent } from '../../entities/case-event.entity.js';
import type { PendingDocument } from '../../entities/pending-document.entity.js';

/**
 * generateDocument's writes in one statement: the document row, the pending entry it fulfils
 * (if any) and the case event naming it (whose insert trigger extends the case row's chain head
 * and refuses an event that does not). The unit of work wrote the same rows in two or three
 * statements after computing the change sets of the whole identity map (the case, its office,
 * parties, handlers, certificates, evidence).
 *
 * The entities stay managed as a flush leaves them: the document and the event in the identity
 * map, their current state (and the fulfilled entry's) their baseline, so a later flush of the
 * request finds nothing to write. Nothing else may be left unflushed by the caller.
 */
const DOCUMENT_INSERT = `insert into case_document (id, case_id, kind, title, version, number,
    party_id, template_name, template_sha256, model, content, sha256, size_bytes, created_by,
    created_at)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?) returning id`;
const EVENT_INSERT = `insert into case_event (id, case_id, sequence, occurred_at, act_date,
    late_entry_reason, action, actor_officer_id, actor_name, actor_certificate_number, from_status,
    to_status, rulebook_version, input_digest, payload, previous_hash, hash, hash_version)
  values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?) returning id`;
/** The entry takes the document the same statement inserts (the foreign key sees it). */
const PENDING_UPDATE = `update pending_document
  set fulfilled_by_id = (select id from document), fulfilled_at = ?
  where id = ? returning id`;

const WITHOUT_PENDING = `with document as (${DOCUMENT_INSERT}), event as (${EVENT_INSERT})
  select (select count(*) from document)::int as documents, 0 as fulfilled,
    (select count(*) from event)::int as events`;
const WITH_PENDING = `with document as (${DOCUMENT_INSERT}), fulfilled as (${PENDING_UPDATE}),
  event as (${EVENT_INSERT})
  select (select count(*) from document)::int as documents,
    (select count(*) from fulfilled)::int as fulfilled, (select count(*) from event)::int as events`;

export async function storeGeneratedDocument(
  em: EntityManager,
  document: CaseDocument,
  fulfilled: PendingDocument | null,
  event: CaseEvent,
): Promise<void> {
  const parameters: unknown[] = [
    document.id,
    document.case.id,
    document.kind,
    document.title,
    document.version,
    document.number,
    document.partyId,
    document.templateName,
    document.templateSha256,
    JSON.stringify(document.model),
    document.content,
    document.sha256,
    document.sizeBytes,
    document.createdBy,
    document.createdAt,
  ];
  if (fulfilled) {
    parameters.push(fulfilled.fulfilledAt, fulfilled.id);
  }
  parameters.push(
    event.id,
    event.case.id,
    event.sequence,
    event.occurredAt,
    event.actDate ?? null,
    event.lateEntryReason ?? null,
    event.action,
    event.actorOfficerId,
    event.actorName,
    event.actorCertificateNumber,
    event.fromStatus,
    event.toStatus,
    event.rulebookVersion,
    event.inputDigest,
    JSON.stringify(event.payload),
    event.previousHash,
    event.hash,
    event.hashVersion,
  );
  const [written] = await em.execute<{ documents: number; fulfilled: number; events: number }[]>(
    fulfilled ? WITH_PENDING : WITHOUT_PENDING,
    parameters,
  );
  if (
    written?.documents !== 1 ||
    written.events !== 1 ||
    written.fulfilled !== (fulfilled ? 1 : 0)
  ) {
    // Each part writes one row (the entry was read in this transaction), or fails the statement.
    throw new Error(`generateDocument wrote ${JSON.stringify(written)}`);
  }
  const unitOfWork = em.getUnitOfWork();
  const comparator = em.getComparator();
  for (const entity of [document, event]) {
    unitOfWork.register(entity);
  }
  for (const entity of fulfilled ? [document, event, fulfilled] : [document, event]) {
    const wrapped = helper(entity as AnyEntity);
    wrapped.__originalEntityData = comparator.prepareEntity(entity as AnyEntity);
    wrapped.__touched = false;
  }
}
