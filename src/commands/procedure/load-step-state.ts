import type { EntityManager } from '@mikro-orm/postgresql';
import { hydrate, jsonRow } from '../../db/loaders.js';
import type { Case } from '../../entities/case.entity.js';
import { Deadline } from '../../entities/deadline.entity.js';
import type { PendingDocumentRecord } from '../../procedure/document-production.js';
import type { RulebookOverrides } from '../../procedure/rulebook.js';
import { nearestOverrides, officeIdsOfPath } from '../rulebook.commands.js';

type Row = Record<string, unknown>;

/** What a step reads of a loaded case besides the case row and its relations. */
export interface StepState {
  /** Open deadlines (not stopped). */
  deadlines: Deadline[];
  /**
   * Pending documents not yet fulfilled, in due order, as the snapshot's records: a step reads
   * them for its rules only (a document it produces fulfils its entry by its own read,
   * fulfilPendingDocument), so they stay out of the identity map, whose flush computed a change
   * set for each (a case collects one per evidence record).
   */
  pendingDocuments: PendingDocumentRecord[];
  /** The rulebook overrides in force at the case's office (its own, else the nearest ancestor's). */
  overrides: RulebookOverrides | undefined;
}

/** The state's columns as SQL aggregates, as the JSON values `stepStateOf` hydrates. */
export interface StepStateRow {
  __deadlines: unknown;
  __pending: unknown;
  __overrides: unknown;
}

/**
 * The select-list entries (`__deadlines`, `__pending`, `__overrides`) of the state of the case
 * whose id is the SQL expression `caseId`, its office line the uuid[] expression `officeIds`.
 * Same rows, order and filters as em.find / overridesForOffice.
 */
export function stepStateColumns(em: EntityManager, caseId: string, officeIds: string): string {
  const meta = em.getMetadata();
  return `(select coalesce(jsonb_agg(${jsonRow(meta.get(Deadline.name), 'd')} order by d.created_at, d.id), '[]'::jsonb)
        from deadline d where d.case_id = ${caseId} and d.stopped_on is null) as "__deadlines",
      ${pendingRecordsSql(caseId)} as "__pending",
      ${overrideOfficesSql(officeIds)} as "__overrides"`;
}

/**
 * The unfulfilled pending documents of the case whose id is the SQL expression `caseId`, in due
 * order, as a JSON array of the snapshot's records (PendingDocumentRecord): a step's state and
 * the dashboard's snapshots (case-loaders.ts) read them alike.
 */
export function pendingRecordsSql(caseId: string): string {
  return `(select coalesce(jsonb_agg(jsonb_build_object('kind', p.kind, 'title', p.title, 'dueBy', p.due_by,
            'since', p.due_since, 'required', p.required) order by p.due_sequence, p.created_at, p.id), '[]'::jsonb)
        from pending_document p where p.case_id = ${caseId} and p.fulfilled_by_id is null)`;
}

/** The ids of the case row `alias`'s office line (its office_path, root first), as uuid[]. */
export function officeLineSql(alias: string): string {
  return `string_to_array(trim(both '/' from ${alias}.office_path), '/')::uuid[]`;
}

/**
 * The offices among the uuid[] expression `officeIds` (a case's office line) that have rulebook
 * overrides, as a JSON array of `{ id, rulebookOverrides }` for nearestOverrides.
 */
export function overrideOfficesSql(officeIds: string): string {
  return `(select coalesce(jsonb_agg(jsonb_build_object('id', o.id, 'rulebookOverrides', o.rulebook_overrides)), '[]'::jsonb)
        from office o where o.id = any(${officeIds}) and o.rulebook_overrides is not null)`;
}

/** The state from the row of `stepStateColumns`, its deadlines and pending documents hydrated into `em`. */
export function stepStateOf(em: EntityManager, found: Case, row: StepStateRow): StepState {
  return {
    deadlines: (row.__deadlines as Row[]).map((r) => hydrate(em, Deadline, r)),
    pendingDocuments: row.__pending as PendingDocumentRecord[],
    overrides: nearestOverrides(
      found.officePath,
      row.__overrides as { id: string; rulebookOverrides: RulebookOverrides | null }[],
    ),
  };
}

/**
 * The case's open deadlines, its pending documents and the rulebook overrides of its office's
 * line in one statement of JSON aggregates, hydrated into the step's identity map: three ORM
 * reads before (a round trip and ~1 ms of query building and hydration each, measured on
 * recordEvidence). A case read by loadCaseWithRelations comes with it (`withStepState`).
 */
export async function loadStepState(em: EntityManager, found: Case): Promise<StepState> {
  const [row] = await em.execute<StepStateRow[]>(
    `select ${stepStateColumns(em, '?', '?::uuid[]')}`,
    [found.id, found.id, `{${officeIdsOfPath(found.officePath).join(',')}}`],
  );
  return stepStateOf(em, found, row!);
}
