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
  /**
   * The number taken up front from the office's gapless series of the kind for the year
   * (takeNextNumber's upsert, in the same statement), when asked for; given back, as any number,
   * when the transaction or its savepoint rolls back.
   */
  serial?: { officeId: string; year: number; series: string; value: number };
}

/** The statements (with and without the actor's certificates), built once per ORM metadata. */
const statements = new WeakMap<object, { plain: string; withCertificates: string }>();

/** takeNextNumber's upsert (number-sequence.ts), as the statement's first part. */
const TAKE_SERIAL = `with serial as (
  insert into number_sequence (office_id, year, kind, last) values (?, ?, ?, 1)
  on conflict (office_id, year, kind) do update set last = number_sequence.last + 1
  returning last)
`;

function statementFor(em: EntityManager, withCertificates: boolean, withSerial: boolean): string {
  const select = selectFor(em, withCertificates);
  return withSerial ? `${TAKE_SERIAL}${select}, (select last from serial) as serial` : select;
}

function selectFor(em: EntityManager, withCertificates: boolean): string {
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
 * The reads of `kind` for `found` (generateDocument's), in one statement, for the readers that
 * take them (isKindServed, buildCaseDocumentSource, generateCaseDocument, fulfilPendingDocument)
 * instead of reading the database. Read before anything is written: pass them only to readers
 * that run before an ORM write these rows would miss (callers that write first pass nothing).
 * Loads the actor's certificates as em.populate would, when they are not loaded yet.
 */
export async function readDocumentReads(
  em: EntityManager,
  actor: Actor,
  found: Case,
  kind: DocumentKind,
  /** Take the next number of this series too (generateDocument: one round trip fewer). */
  serial?: { officeId: string; year: number; series: string },
): Promise<DocumentReads> {
  const certificates = actor.officer.certificates;
  const withCertificates = !certificates.isInitialized();
  const parameters: unknown[] = serial ? [serial.officeId, serial.year, serial.series] : [];
  parameters.push(found.id, found.id, found.id, kind, found.id, kind);
  if (withCertificates) {
    parameters.push(actor.officer.id);
  }
  const [row] = await em.execute<Row[]>(
    statementFor(em, withCertificates, serial !== undefined),
    parameters,
  );
  if (withCertificates) {
    // As em.populate(actor.officer, ['certificates']) leaves it.
    certificates.hydrate(
      (row!.certificates as Row[]).map((r) => hydrate(em, EnforcementCertificate, r)),
    );
  }
  return {
    caseId: found.id,
    kind,
    servedDocuments: row!.served as { kind: string }[][],
    evidence: (row!.evidence as Row[]).map((r) => hydrate(em, Evidence, r)),
    latestVersion: Number(row!.latest),
    openPending: row!.pending ? hydrate(em, PendingDocument, row!.pending as Row) : null,
    ...(serial ? { serial: { ...serial, value: Number(row!.serial) } } : {}),
  };
}

/**
 * `reads` as a reader of `caseId` (and `kind`, when the reader's answer depends on it) takes
 * them; reads of another case or kind are a caller's mistake, not a reason to answer wrongly.
 */
export function readsFor(
  reads: DocumentReads | undefined,
  caseId: string,
  kind?: DocumentKind,
): DocumentReads | undefined {
  if (reads && (reads.caseId !== caseId || (kind !== undefined && reads.kind !== kind))) {
    throw new Error(
      `document reads of case ${reads.caseId} (${reads.kind}) passed for case ${caseId} (${kind ?? 'any kind'})`,
    );
  }
  return reads;
}
