import type { EntityManager } from '@mikro-orm/postgresql';
import type { Case } from '../../entities/case.entity.js';
import type { CaseDocument } from '../../entities/case-document.entity.js';
import { chainTip } from '../case-events.js';
import { readsFor, type DocumentReads } from './document-reads.js';
import { PendingDocument } from '../../entities/pending-document.entity.js';
import { DOCUMENT_REGISTRY } from '../../documents/document-registry.js';
import {
  dueDocumentKinds,
  pendingAfterStep,
  type PendingDocumentRecord,
} from '../../procedure/document-production.js';
import type { DocumentKind, Effect } from '../../procedure/effects.js';
import type { LocalDate } from '../../procedure/local-date.js';
import type { ProcedureAction } from '../../procedure/procedure-action.js';

/**
 * Pending documents (待制作文书): what a step declared due and did not produce becomes a row of
 * the case, cleared in the transaction that generates a document of that kind.
 */

/** Titles of the due kinds that have no template yet (the others take the registry's title). */
const UNTEMPLATED_TITLES: Partial<Record<DocumentKind, string>> = {
  RIGHTS_WAIVER_STATEMENT: '放弃权利声明',
};

export function documentTitle(kind: DocumentKind): string {
  return DOCUMENT_REGISTRY.get(kind)?.title ?? UNTEMPLATED_TITLES[kind] ?? kind;
}

/**
 * After a step's documents are produced: each kind its outcome declared due that it did not
 * produce is recorded as pending, at the place of the step's audit event. A step producing a
 * kind the registry does not list for it fails (the table and the code disagree).
 */
export async function recordPendingDocuments(
  em: EntityManager,
  found: Case,
  effects: readonly Effect[],
  produced: readonly CaseDocument[],
  actDate: LocalDate,
  action: ProcedureAction,
  /** The sequence the step's audit event will take, when the caller knows it. */
  eventSequence?: number,
): Promise<PendingDocument[]> {
  // A document the step produces for its own due kind is the step's, not an earlier step's
  // pending entry of that kind (generateCaseDocument fulfilled the oldest): that one stays pending.
  const due = dueDocumentKinds(effects);
  for (const document of produced) {
    const entry = fulfilledEntry.get(document);
    if (entry && due.includes(document.kind)) {
      entry.fulfilledBy = null;
      entry.fulfilledAt = null;
      fulfilledEntry.delete(document);
    }
  }
  const pending = pendingAfterStep(
    action,
    effects,
    produced.map((d) => d.kind),
    actDate,
    documentTitle,
  );
  if (pending.length === 0) {
    return [];
  }
  // The step's audit event is appended next, in this transaction: the same sequence.
  const dueSequence = eventSequence ?? ((await chainTip(em, found))?.sequence ?? 0) + 1;
  return pending.map((p) =>
    em.create(PendingDocument, {
      case: found,
      kind: p.kind,
      title: p.title,
      dueBy: p.dueBy,
      dueSince: p.since,
      dueSequence,
      required: p.required,
    }),
  );
}

/**
 * A document of a pending kind was generated (generateDocument, correctDocument or a step):
 * the oldest pending entry of that kind is fulfilled by it, in the same transaction.
 */
/** The entry each document fulfilled, for the step that produced it (same transaction). */
const fulfilledEntry = new WeakMap<CaseDocument, PendingDocument>();

export async function fulfilPendingDocument(
  em: EntityManager,
  found: Case,
  document: CaseDocument,
  /** The open entry read up front (generateDocument), instead of reading it here. */
  reads?: DocumentReads,
): Promise<void> {
  const prefetched = readsFor(reads, found.id, document.kind);
  const open = prefetched
    ? prefetched.openPending
    : await em.findOne(
        PendingDocument,
        { case: found, kind: document.kind, fulfilledBy: null },
        { orderBy: { dueSequence: 'asc', createdAt: 'asc' } },
      );
  if (open) {
    open.fulfilledBy = document;
    open.fulfilledAt = new Date();
    fulfilledEntry.set(document, open);
  }
}

/** The engine's view of pending rows (the snapshot's pendingDocuments). */
export function toPendingDocumentRecords(
  rows: readonly PendingDocument[],
): PendingDocumentRecord[] {
  return rows
    .filter((row) => row.fulfilledBy === null)
    .map((row) => ({
      kind: row.kind,
      title: row.title,
      dueBy: row.dueBy,
      since: row.dueSince,
      required: row.required,
    }));
}
