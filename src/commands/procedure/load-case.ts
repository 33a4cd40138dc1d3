import type { EntityManager } from '@mikro-orm/postgresql';
import { columnsOf, hydrate, jsonRow } from '../../db/loaders.js';
import { executePrepared } from '../../db/prepared.js';
import { Case } from '../../entities/case.entity.js';
import { EnforcementCertificate } from '../../entities/enforcement-certificate.entity.js';
import { Office } from '../../entities/office.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { Party } from '../../entities/party.entity.js';
import { isCaseUnread } from '../case-events.js';
import {
  loadStepState,
  officeLineSql,
  stepStateColumns,
  stepStateOf,
  type StepState,
  type StepStateRow,
} from './load-step-state.js';
import { SNAPSHOT_RELATIONS } from './to-case-snapshot.js';

type Row = Record<string, unknown>;

const statements = new WeakMap<object, string>();
const withStateStatements = new WeakMap<object, string>();

/**
 * The statement, built once per ORM metadata (its column lists do not change); with the step's
 * state (load-step-state.ts) of the same case in its select list when `withStepState`.
 */
function statementFor(em: EntityManager, withStepState: boolean): string {
  const metadata = em.getMetadata();
  const cache = withStepState ? withStateStatements : statements;
  let sql = cache.get(metadata);
  if (!sql) {
    const certificates = `(select coalesce(jsonb_agg(${jsonRow(metadata.get(EnforcementCertificate.name), 'ec')}
        order by ec.created_at, ec.id), '[]'::jsonb)
      from enforcement_certificate ec where ec.officer_id = h.id)`;
    sql = `select ${columnsOf(metadata.get(Case.name))
      .map((c) => `c."${c}"`)
      .join(', ')},
      (select ${jsonRow(metadata.get(Office.name), 'o')} from office o where o.id = c.office_id) as "__office",
      (select coalesce(jsonb_agg(${jsonRow(metadata.get(Party.name), 'p')} order by p.created_at, p.id), '[]'::jsonb)
        from case_party cp join party p on p.id = cp.party_id where cp.case_id = c.id) as "__parties",
      (select coalesce(jsonb_agg(${jsonRow(metadata.get(Officer.name), 'h')}
          || jsonb_build_object('__certificates', ${certificates}) order by h.created_at, h.id), '[]'::jsonb)
        from case_handler ch join officer h on h.id = ch.officer_id where ch.case_id = c.id) as "__handlers"${
          withStepState
            ? `,
      ${stepStateColumns(em, 'c.id', officeLineSql('c'))}`
            : ''
        }
      from "case" c where c.id = ? for update of c`;
    cache.set(metadata, sql);
  }
  return sql;
}

/**
 * The case with what its snapshot and its documents read (office, parties, handlers and their
 * certificates), for a step or generateDocument, its row locked (`for update`) to the end of the
 * transaction: concurrent writes to one case take their turn from here, so the version a step
 * checks and the chain head its event extends are the current ones (a second step on the same
 * version gets CASE_VERSION_CONFLICT, a concurrent generateDocument simply waits). One statement
 * of JSON aggregates hydrated into the identity map with the collections initialised, instead of
 * MikroORM's joined populate,
 * whose query building and row merging were the largest ORM cost of a step (3.4-5.9 ms of CPU
 * per load, measured in process). A case the identity map already holds is loaded through the
 * ORM as before (its collections and state are the request's).
 */
export async function loadCaseWithRelations(em: EntityManager, id: string): Promise<Case | null> {
  return (await loadCase(em, id, false))?.found ?? null;
}

/**
 * A step's case as loadCaseWithRelations loads it, and its state (open deadlines, pending
 * documents, the office line's rulebook overrides) read by the same statement: one round trip
 * fewer per step. A case the identity map already holds has its state read by loadStepState.
 */
export async function loadCaseForStep(
  em: EntityManager,
  id: string,
): Promise<{ found: Case; state: StepState } | null> {
  const loaded = await loadCase(em, id, true);
  return (
    loaded && {
      found: loaded.found,
      state: loaded.state ?? (await loadStepState(em, loaded.found)),
    }
  );
}

async function loadCase(
  em: EntityManager,
  id: string,
  withStepState: boolean,
): Promise<{ found: Case; state?: StepState } | null> {
  if (!isCaseUnread(em, id)) {
    // Held by this request already (an earlier mutation of the operation): its chain head is read
    // again under the row's lock when an event is appended (chainTipOfLoadedCase).
    const found = await em.findOne(Case, { id }, { populate: SNAPSHOT_RELATIONS });
    return found && { found };
  }
  // A named statement: PostgreSQL plans its seven subqueries once per connection (prepared.ts).
  const [row] = await executePrepared(em, statementFor(em, withStepState), [id]);
  if (!row) {
    return null;
  }
  const {
    __office: office,
    __parties: parties,
    __handlers: handlers,
    __deadlines,
    __pending,
    __overrides,
    ...caseRow
  } = row;
  hydrate(em, Office, office as Row);
  const found = hydrate(em, Case, caseRow);
  found.parties.hydrate((parties as Row[]).map((r) => hydrate(em, Party, r)));
  found.handlers.hydrate(
    (handlers as Row[]).map(({ __certificates: certificates, ...r }) => {
      const officer = hydrate(em, Officer, r);
      // An officer already in the identity map (the actor) keeps what it has loaded.
      if (!officer.certificates.isInitialized()) {
        officer.certificates.hydrate(
          (certificates as Row[]).map((c) => hydrate(em, EnforcementCertificate, c)),
        );
      }
      return officer;
    }),
  );
  return {
    found,
    // After the case, as a separate loadStepState would hydrate them.
    ...(withStepState
      ? { state: stepStateOf(em, found, { __deadlines, __pending, __overrides } as StepStateRow) }
      : {}),
  };
}
