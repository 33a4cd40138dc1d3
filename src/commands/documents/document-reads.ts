import type { EntityManager } from '@mikro-orm/postgresql';
import { hydrate, jsonRow } from '../../db/loaders.js';
import type { Actor } from '../../auth/context.js';
import type { Case } from '../../entities/case.entity.js';
import { EnforcementCertificate } from '../../entities/enforcement-certificate.entity.js';
import { Evidence } from '../../entities/evidence.entity.js';
import { PendingDocument } from '../../entities/pending-document.entity.js';
import type { DocumentKind } from '../../procedure/effects.js';

type Row = Record<string, unknown>;

/**
 * What generating one document of a kind reads besides the case and its relations, read in
 * one statement before anything is written: the kinds the case's service records name, its
 * evidence, the latest version of the kind, the oldest pending entry of the kind, and the
 * actor's certificates. Five ORM reads before (a round trip, query building and hydration
 * each: a third of generateDocument's CPU was MikroORM and knex).
 */
export interface DocumentReads {
  caseId: string;
  kind: DocumentKind;
  /** The `documents` of every service record of the case. */
  servedDocuments: { kind: string }[][];
  /** In the order buildCaseDocumentSource lists them (collected_at, id). */
  evidence: Evidence[];
  /** 0: no version of the kind yet. */
  latestVersion: number;
  /** The entry the new document fulfils (fulfilPendingDocument's order), if any. */
  openPending: PendingDocument | null;
}

const reads = new WeakMap<EntityManager, DocumentReads>();

/** The two statements (with and without the actor's certificates), built once per ORM metadata. */
const statements = new WeakMap<object, { plain: string; withCertificates: string }>();

function statementFor(em: EntityManager, withCertificates: boolean): string {
  const metadata = em.getMetadata();
  let built = statements.get(metadata);
  if (!built) {
    const plain = `select
      (select coalesce(jsonb_agg(sr.documents), '[]'::jsonb)
        from service_record sr where sr.case_id = ?) as served,
      (select coalesce(jsonb_agg(${jsonRow(metadata.get(Evidence.name), 'e')} order by e.collected_at, e.id), '[]'::jsonb)
        from evidence e where e.case_id = ?) as evidence,
      (select coalesce(max(d.version), 0) from case_document d where d.case_id = ? and d.kind = ?) as latest,
      (select ${jsonRow(metadata.get(PendingDocument.name), 'p')} from pending_document p
        where p.case_id = ? and p.kind = ? and p.fulfilled_by_id is null
        order by p.due_sequence, p.created_at limit 1) as pending`;
    built = {
      plain,
      withCertificates: `${plain},
      (select coalesce(jsonb_agg(${jsonRow(metadata.get(EnforcementCertificate.name), 'ec')}
          order by ec.created_at, ec.id), '[]'::jsonb)
        from enforcement_certificate ec where ec.officer_id = ?) as certificates`,
    };
    statements.set(metadata, built);
  }
  return withCertificates ? built.withCertificates : built.plain;
}

/**
 * Runs `work` (generateDocument's render and store) with the reads of `kind` for `found` done
 * up front; the readers (isKindServed, buildCaseDocumentSource, generateCaseDocument,
 * fulfilPendingDocument) take them from here instead of the database. Only for work that
 * writes nothing through the ORM before those readers run (an `em.find` would flush first;
 * these rows would not see such a write), and only until `work` ends.
 */
export async function withDocumentReads<T>(
  em: EntityManager,
  actor: Actor,
  found: Case,
  kind: DocumentKind,
  work: () => Promise<T>,
): Promise<T> {
  const certificates = actor.officer.certificates;
  const withCertificates = !certificates.isInitialized();
  const parameters: unknown[] = [found.id, found.id, found.id, kind, found.id, kind];
  if (withCertificates) {
    parameters.push(actor.officer.id);
  }
  const [row] = await em.execute<Row[]>(statementFor(em, withCertificates), parameters);
  if (withCertificates) {
    // As em.populate(actor.officer, ['certificates']) leaves it.
    certificates.hydrate(
      (row!.certificates as Row[]).map((r) => hydrate(em, EnforcementCertificate, r)),
    );
  }
  reads.set(em, {
    caseId: found.id,
    kind,
    servedDocuments: row!.served as { kind: string }[][],
    evidence: (row!.evidence as Row[]).map((r) => hydrate(em, Evidence, r)),
    latestVersion: Number(row!.latest),
    openPending: row!.pending ? hydrate(em, PendingDocument, row!.pending as Row) : null,
  });
  try {
    return await work();
  } finally {
    reads.delete(em);
  }
}

/**
 * The reads done up front for this case (and kind, when given), when the caller runs in
 * withDocumentReads.
 */
export function documentReadsOf(
  em: EntityManager,
  caseId: string,
  kind?: DocumentKind,
): DocumentReads | undefined {
  const found = reads.get(em);
  return found && found.caseId === caseId && (kind === undefined || found.kind === kind)
    ? found
    : undefined;
}
