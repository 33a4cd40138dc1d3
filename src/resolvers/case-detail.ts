import type { EntityManager } from '@mikro-orm/postgresql';
import type {
  FieldNode,
  GraphQLResolveInfo,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import type { Actor, RequestContext } from '../auth/context.js';
import { isInScope } from '../auth/office-scope.js';
import { isUuid } from '../commands/office.commands.js';
import { columnsOf, groupBy, hydrate, jsonRow, requestLoader } from '../db/loaders.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import { Case } from '../entities/case.entity.js';
import { Deadline } from '../entities/deadline.entity.js';
import { Decision } from '../entities/decision.entity.js';
import { Evidence } from '../entities/evidence.entity.js';
import { Office } from '../entities/office.entity.js';
import { Officer } from '../entities/officer.entity.js';
import { Party } from '../entities/party.entity.js';
import { NotFoundError } from '../errors/domain-error.js';
import { caseLoaders } from './case-loaders.js';
import { plainDetailFor, readPlainDetail, type PlainDetail } from './case-detail-plain.js';

/**
 * The read path of a case and its lists, for `case(id)` and for pages of cases.
 *
 * - Lists of a case (parties, evidence, decisions) come from request-scoped loaders, one
 *   `where case_id = any($1)` statement per list for a whole page, selecting the child's own
 *   columns only (MikroORM's collection dataloader joined the owner and shipped every case
 *   column, the procedure record included, once per child row).
 * - `case(id)` reads the case and every list the query selects (office, parties, evidence,
 *   decisions, deadlines, documents) in one statement of JSON aggregates, hydrates the
 *   entities into the request's identity map and primes the loaders: the field resolvers
 *   then run no SQL. Lazy columns (document bytes) are never read.
 */

type Row = Record<string, unknown>;

/** The lists `case(id)` can read in its one statement, by GraphQL field name. */
const DETAIL_LISTS = {
  parties: (em: EntityManager) => {
    const meta = em.getMetadata().get(Party.name);
    return `(select coalesce(jsonb_agg(${jsonRow(meta, 'p')} order by p.created_at, p.id), '[]'::jsonb)
      from case_party cp join party p on p.id = cp.party_id where cp.case_id = c.id)`;
  },
  evidence: (em: EntityManager, nested: ReadonlySet<string>) =>
    childList(
      em,
      Evidence,
      'collected_at',
      // The collectors of each item when the query shows them (one round trip less).
      nested.has('collectors')
        ? `jsonb_build_object('__collectors', (select coalesce(jsonb_agg(${jsonRow(
            em.getMetadata().get(Officer.name),
            'o',
          )}), '[]'::jsonb)
            from evidence_collector ec join officer o on o.id = ec.officer_id where ec.evidence_id = x.id))`
        : undefined,
    ),
  decisions: (em: EntityManager) => childList(em, Decision, 'created_at'),
  deadlines: (em: EntityManager) => childList(em, Deadline, 'created_at'),
  documents: (em: EntityManager) => childList(em, CaseDocument, 'created_at'),
} as const;

type DetailList = keyof typeof DETAIL_LISTS;

function childList(
  em: EntityManager,
  entity: { name: string },
  orderColumn: string,
  extra?: string,
): string {
  const meta = em.getMetadata().get(entity.name);
  const row = extra ? `${jsonRow(meta, 'x')} || ${extra}` : jsonRow(meta, 'x');
  return `(select coalesce(jsonb_agg(${row} order by x.${orderColumn}, x.id), '[]'::jsonb)
    from "${meta.tableName}" x where x.case_id = c.id)`;
}

/** Names of the fields selected directly under the resolved field (fragments included). */
export function selectedFields(info: GraphQLResolveInfo): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        names.add(selection.name.value);
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet);
      }
    }
  };
  for (const node of info.fieldNodes) {
    visit(node.selectionSet);
  }
  return names;
}

/** Names of the fields selected under the resolved field's `name` field (fragments included). */
export function selectedFieldsUnder(info: GraphQLResolveInfo, name: string): Set<string> {
  const names = new Set<string>();
  const visit = (set: SelectionSetNode | undefined, collect: boolean) => {
    for (const selection of set?.selections ?? []) {
      if (selection.kind === 'Field') {
        if (collect) {
          names.add(selection.name.value);
        } else if (selection.name.value === name) {
          visit(selection.selectionSet, true);
        }
      } else if (selection.kind === 'InlineFragment') {
        visit(selection.selectionSet, collect);
      } else {
        visit(info.fragments[selection.name.value]?.selectionSet, collect);
      }
    }
  };
  for (const node of info.fieldNodes) {
    visit(node.selectionSet, false);
  }
  return names;
}

/** The case(id) statements by selection shape (at most 2^7, the metadata is the process's). */
const detailStatements = new Map<string, string>();

function detailStatement(
  em: EntityManager,
  lists: readonly DetailList[],
  withOffice: boolean,
  evidenceSelected: ReadonlySet<string>,
): string {
  const caseMeta = em.getMetadata().get(Case.name);
  const officeMeta = em.getMetadata().get(Office.name);
  return `select ${columnsOf(caseMeta)
    .map((c) => `c."${c}"`)
    .join(', ')},
    ${withOffice ? `(select ${jsonRow(officeMeta, 'o')} from office o where o.id = c.office_id)` : 'null'} as "__office"
    ${lists.map((name) => `, ${DETAIL_LISTS[name](em, evidenceSelected)} as "__${name}"`).join('')}
    from "case" c where c.id = ?`;
}

/**
 * `case(id)` in one statement: the case row, its office and the selected lists. A malformed
 * id, a missing case and one outside the actor's subtree answer CASE_NOT_FOUND alike.
 */
export async function loadCaseDetail(
  ctx: RequestContext,
  actor: Actor,
  id: string,
  selected: ReadonlySet<string>,
  /** The fields selected under `evidence` (its collectors come in the same statement). */
  evidenceSelected: ReadonlySet<string> = new Set(),
): Promise<Case> {
  const em = ctx.em;
  const notFound = () => NotFoundError.of('CASE', id);
  if (!isUuid(id)) {
    throw notFound();
  }
  const lists = (Object.keys(DETAIL_LISTS) as DetailList[]).filter((name) => selected.has(name));
  const withOffice = selected.has('office');
  const withCollectors = lists.includes('evidence') && evidenceSelected.has('collectors');
  // The statement depends only on what is selected: built once per shape, not per request.
  const shape = `${withOffice}:${withCollectors}:${lists.join(',')}`;
  let sql = detailStatements.get(shape);
  if (sql === undefined) {
    sql = detailStatement(em, lists, withOffice, evidenceSelected);
    detailStatements.set(shape, sql);
  }
  const [row] = await em.execute<Row[]>(sql, [id]);
  if (!row || !isInScope(actor, row.office_path as string)) {
    throw notFound();
  }
  const { __office: office, ...caseRow } = row;
  if (office) {
    hydrate(em, Office, office as Row);
  }
  for (const name of lists) {
    delete caseRow[`__${name}`];
  }
  const found = hydrate(em, Case, caseRow);
  for (const name of lists) {
    const rows = row[`__${name}`] as Row[];
    switch (name) {
      case 'parties':
        caseParties(em).prime(
          found.id,
          rows.map((r) => hydrate(em, Party, r)),
        );
        break;
      case 'evidence':
        caseEvidence(em).prime(
          found.id,
          rows.map(({ __collectors: collectors, ...r }) => {
            const evidence = hydrate(em, Evidence, r);
            if (collectors) {
              evidenceCollectors(em).prime(
                evidence.id,
                (collectors as Row[]).map((o) => hydrate(em, Officer, o)),
              );
            }
            return evidence;
          }),
        );
        break;
      case 'decisions':
        caseDecisions(em).prime(
          found.id,
          rows.map((r) => hydrate(em, Decision, r)),
        );
        break;
      case 'deadlines':
        caseLoaders(ctx).deadlines.prime(
          found.id,
          rows.map((r) => hydrate(em, Deadline, r)),
        );
        break;
      case 'documents':
        caseLoaders(ctx).documents.prime(
          found.id,
          rows.map((r) => hydrate(em, CaseDocument, r)),
        );
        break;
    }
  }
  return found;
}

/**
 * `case(id)` for the field being resolved: as plain objects when its selection only reads
 * columns and lists (case-detail-plain.ts), else as entities (loadCaseDetail). Both answer a
 * malformed id, a missing case and one outside the actor's subtree with CASE_NOT_FOUND.
 */
export async function resolveCaseDetail(
  ctx: RequestContext,
  actor: Actor,
  id: string,
  info: GraphQLResolveInfo,
): Promise<Case> {
  // Read already for this field by the plain answer's plugin (case-detail-response.ts), which
  // left the rest to graphql-js: the same outcome, without a second statement.
  const started = takeStartedRead(ctx, info.fieldNodes[0], id);
  if (started) {
    return answerOrNotFound(await started, id);
  }
  const plain = plainDetailFor(ctx.em, info);
  if (!plain) {
    return loadCaseDetail(
      ctx,
      actor,
      id,
      selectedFields(info),
      selectedFieldsUnder(info, 'evidence'),
    );
  }
  return answerOrNotFound(
    await readPlainCase(
      ctx,
      actor,
      id,
      plain,
      isLastStatement(ctx, info.operation, info.fieldNodes[0]),
    ),
    id,
  );
}

function answerOrNotFound(answer: Row | undefined, id: string): Case {
  if (!answer) {
    throw NotFoundError.of('CASE', id);
  }
  // Read by its fields' property reads only (plain-read.ts), never as an entity.
  return answer as unknown as Case;
}

/**
 * A plain `case(id)` read with its office-scope check: the answer, or undefined for a
 * malformed id, a missing case and one outside the actor's subtree (CASE_NOT_FOUND).
 */
export async function readPlainCase(
  ctx: RequestContext,
  actor: Actor,
  id: string,
  plain: PlainDetail,
  last: boolean,
): Promise<Row | undefined> {
  if (!isUuid(id)) {
    return undefined;
  }
  const read = await readPlainDetail(ctx.em, plain, id, { last });
  return read && isInScope(actor, read.officePath) ? read.answer : undefined;
}

/**
 * Whether a plain `case(id)` read is the request's last statement: the operation is a query
 * whose only root field is this one (its plain answer runs no more SQL), and nothing is to run
 * in the request's transaction before it commits (beforeEndScope).
 */
export function isLastStatement(
  ctx: RequestContext,
  operation: OperationDefinitionNode,
  field: FieldNode | undefined,
): boolean {
  const root = operation.selectionSet.selections;
  return (
    operation.operation === 'query' &&
    root.length === 1 &&
    root[0] === field &&
    ctx.endScope !== undefined &&
    !ctx.beforeEndScope?.length
  );
}

/** Plain reads started before execution, by request context (case-detail-response.ts). */
const startedReads = new WeakMap<
  object,
  { node: FieldNode; id: string; read: Promise<Row | undefined> }
>();

/** Records a plain read started for the root field `node` of this request (at most one). */
export function startedRead(
  ctx: RequestContext,
  node: FieldNode,
  id: string,
  read: Promise<Row | undefined>,
): void {
  startedReads.set(ctx, { node, id, read });
}

function takeStartedRead(
  ctx: RequestContext,
  node: FieldNode | undefined,
  id: string,
): Promise<Row | undefined> | undefined {
  const started = startedReads.get(ctx);
  if (!started || started.node !== node || started.id !== id) {
    return undefined;
  }
  startedReads.delete(ctx);
  return started.read;
}

/** Parties of cases: one statement through the pivot for a page. */
export function caseParties(em: EntityManager) {
  return requestLoader<string, Party[]>(em, 'case.parties', async (ids) => {
    const meta = em.getMetadata().get(Party.name);
    const rows = await em.execute<Row[]>(
      `select cp.case_id as "__case", ${columnsOf(meta)
        .map((c) => `p."${c}"`)
        .join(', ')}
       from case_party cp join party p on p.id = cp.party_id
       where cp.case_id = any(?::uuid[]) order by p.created_at, p.id`,
      [`{${ids.join(',')}}`],
    );
    return groupBy(ids, rows, (r) => r.__case as string).map((group) =>
      group.map(({ __case, ...r }) => hydrate(em, Party, r)),
    );
  });
}

/** Evidence of cases, by collection time: one statement for a page. */
export function caseEvidence(em: EntityManager) {
  return requestLoader<string, Evidence[]>(em, 'case.evidence', async (ids) =>
    groupBy(
      ids,
      await em.find(
        Evidence,
        { case: { $in: [...ids] } },
        { orderBy: { collectedAt: 'asc', id: 'asc' } },
      ),
      (e) => e.case.id,
    ),
  );
}

/** Decisions of cases, in the order they were made: one statement for a page. */
export function caseDecisions(em: EntityManager) {
  return requestLoader<string, Decision[]>(em, 'case.decisions', async (ids) =>
    groupBy(
      ids,
      await em.find(
        Decision,
        { case: { $in: [...ids] } },
        { orderBy: { createdAt: 'asc', id: 'asc' } },
      ),
      (d) => d.case.id,
    ),
  );
}

/**
 * Collectors of evidence items: one statement through the pivot for every item the request
 * shows (MikroORM's collection dataloader built the same join through its query builder and
 * hydrated the pivot rows as entities: a seventh of a case detail's CPU). No order, as before.
 */
export function evidenceCollectors(em: EntityManager) {
  return requestLoader<string, Officer[]>(em, 'evidence.collectors', async (ids) => {
    const meta = em.getMetadata().get(Officer.name);
    const rows = await em.execute<Row[]>(
      `select ec.evidence_id as "__evidence", ${columnsOf(meta)
        .map((c) => `o."${c}"`)
        .join(', ')}
       from evidence_collector ec join officer o on o.id = ec.officer_id
       where ec.evidence_id = any(?::uuid[])`,
      [`{${ids.join(',')}}`],
    );
    return groupBy(ids, rows, (r) => r.__evidence as string).map((group) =>
      group.map(({ __evidence, ...r }) => hydrate(em, Officer, r)),
    );
  });
}
