import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { RequestContext } from '../auth/context.js';
import {
  officeLineSql,
  overrideOfficesSql,
  pendingRecordsSql,
} from '../commands/procedure/load-step-state.js';
import { nearestOverrides } from '../commands/rulebook.commands.js';
import type { PendingDocumentRecord } from '../procedure/document-production.js';
import type { RulebookOverrides } from '../procedure/rulebook.js';
import {
  certificateAmong,
  snapshotFrom,
  toProcedureActor,
  type CertificateSource,
  type SnapshotSource,
} from '../commands/procedure/to-case-snapshot.js';
import { loadWorkingDayCalendar } from '../db/seed/reference-data.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import { CaseEvent } from '../entities/case-event.entity.js';
import { Deadline } from '../entities/deadline.entity.js';
import { PendingDocument } from '../entities/pending-document.entity.js';
import { NotFoundError } from '../errors/domain-error.js';
import { availableActions } from '../procedure/decide.js';
import {
  calendarReadinessMemo,
  type ActionAvailability,
} from '../commands/procedure/available-actions.js';
import { toLocalDate } from '../procedure/local-date.js';
import { requireActor } from '../auth/auth-checker.js';
import { columnsOf, hydrate } from '../db/loaders.js';
import { convertPlainRow, plainRowsOf } from './case-detail-plain.js';

/**
 * Per-request dataloaders for a case's lists: a page of cases asking for
 * deadlines, documents, pending documents, events or availableActions runs one statement per list (or a
 * fixed handful for availableActions), not one per case. Keyed by the request's
 * EntityManager fork, so nothing is cached across requests or officers.
 */
interface CaseLoaders {
  deadlines: DataLoader<string, Deadline[]>;
  /**
   * The same deadlines as plain rows of their plain columns (no explanation, pauses or
   * period, no entity): for a `deadlines` selection of columns only and for availableActions.
   */
  plainDeadlines: DataLoader<string, PlainDeadline[]>;
  /** The case ids whose deadlines the entity loader holds (asked or primed). */
  entityDeadlines: ReadonlyMap<string, unknown>;
  events: DataLoader<string, CaseEvent[]>;
  documents: DataLoader<string, CaseDocument[]>;
  /** Unfulfilled pending documents, in the order of the steps that made them due. */
  pendingDocuments: DataLoader<string, PendingDocument[]>;
  availableActions: DataLoader<string, readonly ActionAvailability[]>;
}

const loadersByRequest = new WeakMap<EntityManager, CaseLoaders>();

function groupByCase<T extends { case: { id: string } }>(ids: readonly string[], rows: T[]): T[][] {
  const byCase = new Map<string, T[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    byCase.get(row.case.id)?.push(row);
  }
  return ids.map((id) => byCase.get(id)!);
}

export function caseLoaders(ctx: RequestContext): CaseLoaders {
  const existing = loadersByRequest.get(ctx.em);
  if (existing) {
    return existing;
  }
  const em = ctx.em;
  const entityDeadlines = new Map<string, Promise<Deadline[]>>();
  const loaders: CaseLoaders = {
    deadlines: new DataLoader(async (ids) => groupByCase(ids, await deadlinesOfCases(em, ids)), {
      cacheMap: entityDeadlines,
    }),
    plainDeadlines: new DataLoader(async (ids) => plainDeadlinesOfCases(em, ids)),
    entityDeadlines,
    events: new DataLoader(async (ids) =>
      groupByCase(
        ids,
        await em.find(CaseEvent, { case: { $in: [...ids] } }, { orderBy: { sequence: 'asc' } }),
      ),
    ),
    documents: new DataLoader(async (ids) =>
      groupByCase(
        ids,
        await em.find(
          CaseDocument,
          { case: { $in: [...ids] } },
          { orderBy: { createdAt: 'asc', id: 'asc' } },
        ),
      ),
    ),
    pendingDocuments: new DataLoader(async (ids) =>
      groupByCase(ids, await unfulfilledPendingDocuments(em, ids)),
    ),
    availableActions: new DataLoader(async (ids) => batchAvailableActions(ctx, ids)),
  };
  loadersByRequest.set(ctx.em, loaders);
  return loaders;
}

/** `columns from "table" t` of an entity, built once per entity (the metadata does not change). */
const selectLists = new Map<string, string>();

function selectList(em: EntityManager, entityName: string): string {
  let list = selectLists.get(entityName);
  if (list === undefined) {
    const meta = em.getMetadata().get(entityName);
    const columns = columnsOf(meta).map((c) => `t."${c}"`);
    list = `${columns.join(', ')} from "${meta.tableName}" t`;
    selectLists.set(entityName, list);
  }
  return list;
}

/**
 * Rows of a page's cases read by a hand-written statement and hydrated as em.find registers
 * them (db/loaders.ts), without em.find's query building and its snapshot of every JSON column
 * (a deadline's explanation is 2–3.6 KB): same rows, order and row-level-security scope.
 */
async function rowsOfCases<T extends object>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  ids: readonly string[],
  condition: string,
  orderBy: string,
): Promise<T[]> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select ${selectList(em, entity.name)}
     where t.case_id = any(?::uuid[])${condition} order by ${orderBy}`,
    [`{${ids.join(',')}}`],
  );
  return rows.map((row) => hydrate(em, entity, row));
}

/** Every deadline of the cases, stopped ones included, in the order they were started. */
function deadlinesOfCases(em: EntityManager, ids: readonly string[]): Promise<Deadline[]> {
  return rowsOfCases(em, Deadline, ids, '', 't.created_at asc, t.id asc');
}

/** A deadline's plain columns as the entity holds them (case-detail-plain.ts plainRowsOf). */
export type PlainDeadline = Pick<Deadline, 'id' | 'kind' | 'dueDate' | 'stoppedOn'> &
  Record<string, unknown>;

/**
 * deadlinesOfCases as plain rows: the same rows in the same order and row-level-security scope,
 * every plain column converted as the hydrator converts it, the JSON columns (a deadline's
 * explanation is 2–3.6 KB) not read.
 */
async function plainDeadlinesOfCases(
  em: EntityManager,
  ids: readonly string[],
): Promise<PlainDeadline[][]> {
  const plain = plainRowsOf(em, 'Deadline');
  const rows = await em.execute<{ case_id: string; plain: Record<string, unknown> }[]>(
    `select t.case_id, ${plain.json} as plain from "deadline" t
     where t.case_id = any(?::uuid[]) order by t.created_at asc, t.id asc`,
    [`{${ids.join(',')}}`],
  );
  const byCase = new Map<string, PlainDeadline[]>(ids.map((id) => [id, []]));
  for (const row of rows) {
    byCase.get(row.case_id)?.push(convertPlainRow(plain, row.plain) as PlainDeadline);
  }
  return ids.map((id) => byCase.get(id)!);
}

function unfulfilledPendingDocuments(
  em: EntityManager,
  ids: readonly string[],
): Promise<PendingDocument[]> {
  return rowsOfCases(
    em,
    PendingDocument,
    ids,
    ' and t.fulfilled_by_id is null',
    't.due_sequence asc, t.created_at asc, t.id asc',
  );
}

/** The values of a loadMany, failing as a whole if one failed. */
function allLoaded<V>(values: (V | Error)[]): V[] {
  const failed = values.find((v): v is Error => v instanceof Error);
  if (failed) {
    throw failed;
  }
  return values as V[];
}

/**
 * What the snapshot of a case on a page is built from, with the case's id and office path, its
 * unfulfilled pending documents (as the snapshot records them, in due order) and the offices of
 * its office's line that have rulebook overrides.
 */
type SnapshotRow = SnapshotSource & {
  id: string;
  officePath: string;
  pendingDocuments: PendingDocumentRecord[];
  overrideOffices: { id: string; rulebookOverrides: RulebookOverrides | null }[];
};

/**
 * The snapshot sources of a page of cases in one statement, as plain rows: the case's
 * procedure columns, its office, its parties and its handlers with their certificates as JSON
 * aggregates (the same rows MikroORM's joined populate of SNAPSHOT_RELATIONS read, without
 * the case × parties × handlers × certificates product hydrated into entities: that populate
 * was most of a dashboard page's CPU). Handlers and parties are joined to their rows, so
 * row-level security hides the same ones it hid from the populate.
 */
async function snapshotSources(
  em: EntityManager,
  ids: readonly string[],
  actorId: string,
): Promise<{ cases: SnapshotRow[]; actorCertificates: CertificateSource[] }> {
  const rows = await em.execute<Record<string, unknown>[]>(
    `select c.id, c.office_path, c.status, c.procedure_record, c.docketed_on::text as docketed_on,
       o.id as office_id, o.level as office_level,
       (select coalesce(jsonb_agg(jsonb_build_object('id', p.id, 'kind', p.kind,
            'electronicServiceConsent', p.electronic_service_consent,
            'electronicServiceAddress', p.electronic_service_address,
            'electronicServiceConsentOn', p.electronic_service_consent_on)
          order by p.created_at, p.id), '[]'::jsonb)
        from case_party cp join party p on p.id = cp.party_id where cp.case_id = c.id) as parties,
       (select coalesce(jsonb_agg(jsonb_build_object('id', h.id, 'certificates',
            (select coalesce(jsonb_agg(jsonb_build_object('number', ec.number,
                'validFrom', ec.valid_from, 'validTo', ec.valid_to, 'revokedOn', ec.revoked_on)
              order by ec.created_at, ec.id), '[]'::jsonb)
             from enforcement_certificate ec where ec.officer_id = h.id))
          order by h.created_at, h.id), '[]'::jsonb)
        from case_handler ch join officer h on h.id = ch.officer_id where ch.case_id = c.id) as handlers,
       ${pendingRecordsSql('c.id')} as pending,
       ${overrideOfficesSql(officeLineSql('c'))} as override_offices,
       (select coalesce(jsonb_agg(jsonb_build_object('number', ac.number,
            'validFrom', ac.valid_from, 'validTo', ac.valid_to, 'revokedOn', ac.revoked_on)
          order by ac.created_at, ac.id), '[]'::jsonb)
        from enforcement_certificate ac where ac.officer_id = ?) as actor_certificates
     from "case" c join office o on o.id = c.office_id
     where c.id = any(?::uuid[])`,
    [actorId, `{${ids.join(',')}}`],
  );
  const cases = rows.map((row) => ({
    id: row.id as string,
    officePath: row.office_path as string,
    status: row.status as SnapshotSource['status'],
    procedureRecord: (row.procedure_record ?? null) as SnapshotSource['procedureRecord'],
    docketedOn: (row.docketed_on ?? null) as SnapshotSource['docketedOn'],
    office: {
      id: row.office_id as string,
      level: row.office_level as SnapshotSource['office']['level'],
    },
    parties: row.parties as SnapshotSource['parties'],
    handlers: row.handlers as SnapshotSource['handlers'],
    pendingDocuments: row.pending as SnapshotRow['pendingDocuments'],
    overrideOffices: row.override_offices as SnapshotRow['overrideOffices'],
  }));
  return {
    cases,
    actorCertificates: (rows[0]?.actor_certificates ?? []) as CertificateSource[],
  };
}

/**
 * availableActions for a batch of cases, in a fixed number of statements whatever the page
 * size: the cases with their office, parties, handlers (with certificates), unfulfilled pending
 * documents and the rulebook overrides of their office's line in one statement
 * (snapshotSources, which also reads the actor's certificates, in the order the handlers' are
 * read); their deadlines through the page's loader (shared with the `deadlines` field); the
 * calendar from its memo. The rules then run in memory.
 */
async function batchAvailableActions(
  ctx: RequestContext,
  keys: readonly string[],
): Promise<(readonly ActionAvailability[] | Error)[]> {
  // A key is a case id, or `caseId/partyId` when asked for one party of the case.
  const asked = keys.map((key) => {
    const [caseId, partyId] = key.split('/');
    return { caseId: caseId!, partyId };
  });
  const ids = [...new Set(asked.map((a) => a.caseId))];
  const actor = requireActor(ctx);
  const today = toLocalDate(ctx.now());
  const loaders = caseLoaders(ctx);
  // Same transaction (and so the same row-level-security scope), separate identity map.
  const em = ctx.em.fork({ keepTransactionContext: true });
  const { cases, actorCertificates } = await snapshotSources(em, ids, actor.officer.id);
  // The deadlines the page's `deadlines` field read as entities (or a detail primed), else the
  // plain rows (shared with a `deadlines` field of columns only): one statement either way.
  const deadlines: readonly (readonly Pick<Deadline, 'kind' | 'dueDate' | 'stoppedOn'>[])[] =
    ids.some((id) => loaders.entityDeadlines.has(id))
      ? allLoaded(await loaders.deadlines.loadMany(ids))
      : allLoaded(await loaders.plainDeadlines.loadMany(ids));
  const calendar = await loadWorkingDayCalendar(em);
  // The actor's certificates came with the cases: read fresh, not from the officer's entity.
  const procedureActor = {
    ...toProcedureActor(actor, today),
    certificate: certificateAmong(actorCertificates, today),
  };
  // As overridesForOffices: the nearest office of the line with overrides wins.
  const overrides = new Map<string, RulebookOverrides | undefined>();
  for (const found of cases) {
    if (!overrides.has(found.officePath)) {
      overrides.set(found.officePath, nearestOverrides(found.officePath, found.overrideOffices));
    }
  }
  const byId = new Map(cases.map((c) => [c.id, c]));
  // Whether each action's periods can be computed from today: once per rulebook and day, not
  // per case or request.
  const readiness = new Map<string, ReturnType<typeof calendarReadinessMemo>>();
  const readinessFor = (officePath: string) => {
    let complete = readiness.get(officePath);
    if (!complete) {
      complete = calendarReadinessMemo(today, overrides.get(officePath), calendar);
      readiness.set(officePath, complete);
    }
    return complete;
  };
  return asked.map(({ caseId, partyId }) => {
    const found = byId.get(caseId);
    if (!found) {
      return [];
    }
    if (partyId !== undefined && !found.parties.some((p) => p.id === partyId)) {
      return NotFoundError.of('PARTY', partyId);
    }
    const index = ids.indexOf(caseId);
    const open = deadlines[index]!.filter((d) => !d.stoppedOn);
    const snapshot = snapshotFrom(found, today, open, found.pendingDocuments);
    // As the real call would answer: the engine's guards, then whether the periods can be computed.
    return readinessFor(found.officePath)(
      availableActions(
        snapshot,
        procedureActor,
        today,
        { workingDays: calendar, rulebookOverrides: overrides.get(found.officePath) },
        partyId,
      ),
    );
  });
}
