import { ReferenceKind, type EntityMetadata, type EntityProperty } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  getNamedType,
  isLeafType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { readAndCommit, uuidLiteral } from '../auth/scoped-transaction.js';
import { markPlainRead, propertyOfField } from '../schema/plain-read.js';

/**
 * `case(id)` as plain objects, for the queries that only read columns and lists.
 *
 * When every field a `case(id)` query selects is a column read as its entity property (the
 * fields graphql-js or field-resolvers.ts answer by reading it) or one of the case's lists in
 * PLAIN_LIST_FIELDS, the answer is built from one statement that selects exactly those columns
 * as JSON, converted as MikroORM's hydrator converts them, with no entity, identity map or
 * loader: hydrating and merging every row into the identity map was most of the detail's own
 * CPU, and the case row's procedure record, the deadlines' explanations and the documents'
 * models were read and parsed for nothing. Any other selection (a field with its own resolver,
 * arguments or a directive) takes the entity path of case-detail.ts, unchanged. The lists keep
 * the entity path's statements and orders; the office scope is checked the same way.
 */

type Row = Record<string, unknown>;

/** A list of a type that the statement reads, with the entity its rows are. */
interface ListSource {
  entity: string;
  many: boolean;
  /** `from … where …` of the rows of the parent row `parent` (rows aliased `alias`). */
  from: (alias: string, parent: string) => string;
  /** Order of the rows (the entity path's order), by column. */
  orderBy?: readonly string[];
}

const byCase = (table: string) => (alias: string, parent: string) =>
  `from "${table}" ${alias} where ${alias}.case_id = ${parent}.id`;

const LISTS: Readonly<Record<string, Readonly<Record<string, ListSource>>>> = {
  Case: {
    office: {
      entity: 'Office',
      many: false,
      from: (alias, parent) => `from office ${alias} where ${alias}.id = ${parent}.office_id`,
    },
    parties: {
      entity: 'Party',
      many: true,
      from: (alias, parent) =>
        `from case_party ${alias}_cp join party ${alias} on ${alias}.id = ${alias}_cp.party_id where ${alias}_cp.case_id = ${parent}.id`,
      orderBy: ['created_at', 'id'],
    },
    evidence: {
      entity: 'Evidence',
      many: true,
      from: byCase('evidence'),
      orderBy: ['collected_at', 'id'],
    },
    decisions: {
      entity: 'Decision',
      many: true,
      from: byCase('decision'),
      orderBy: ['created_at', 'id'],
    },
    deadlines: {
      entity: 'Deadline',
      many: true,
      from: byCase('deadline'),
      orderBy: ['created_at', 'id'],
    },
    documents: {
      entity: 'CaseDocument',
      many: true,
      from: byCase('case_document'),
      orderBy: ['created_at', 'id'],
    },
  },
  Evidence: {
    // No order, as the entity path's collectors.
    collectors: {
      entity: 'Officer',
      many: true,
      from: (alias, parent) =>
        `from evidence_collector ${alias}_ec join officer ${alias} on ${alias}.id = ${alias}_ec.officer_id where ${alias}_ec.evidence_id = ${parent}.id`,
    },
  },
};

/** Column types whose values JSON carries as the hydrated entity holds them (or as a Date). */
const PLAIN_COLUMN_TYPES = new Set([
  'uuid',
  'text',
  'string',
  'character',
  'char',
  'varchar',
  'integer',
  'int',
  'smallint',
  'boolean',
  'int',
  'date',
  'datetime',
  'timestamptz',
]);

/** What one object of the answer reads: its columns (as properties) and its lists. */
interface PlainNode {
  meta: EntityMetadata;
  /** Selected properties with their column and how the hydrator would convert them. */
  props: Map<string, EntityProperty>;
  lists: Map<string, { source: ListSource; node: PlainNode }>;
}

/** The column a property is read from, or undefined when a plain read cannot serve it. */
function plainColumn(prop: EntityProperty | undefined): string | undefined {
  if (
    !prop ||
    prop.kind !== ReferenceKind.SCALAR ||
    prop.lazy ||
    prop.ref ||
    prop.persist === false ||
    prop.formula ||
    prop.array ||
    prop.fieldNames?.length !== 1 ||
    (prop.customType !== undefined && !isPlainCustomType(prop))
  ) {
    return undefined;
  }
  const type = String(prop.columnTypes?.[0] ?? prop.type).replace(/\(.*$/, '');
  return PLAIN_COLUMN_TYPES.has(type) ? prop.fieldNames[0] : undefined;
}

/** Custom types whose JS value is the JSON value (dates as 'YYYY-MM-DD', uuids, text). */
function isPlainCustomType(prop: EntityProperty | undefined): boolean {
  const name = prop?.customType?.constructor.name;
  return name === 'DateType' || name === 'UuidType' || name === 'TextType' || name === 'StringType';
}

class NotPlain extends Error {}

/**
 * The plan of a selection on `type` (an entity), or a NotPlain throw when a field needs more than
 * a property read.
 */
function planNode(
  em: EntityManager,
  type: GraphQLObjectType,
  sets: readonly SelectionSetNode[],
  info: GraphQLResolveInfo,
  node: PlainNode,
): PlainNode {
  const visit = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.directives?.length) {
        throw new NotPlain();
      }
      if (selection.kind === 'InlineFragment') {
        if (selection.typeCondition && selection.typeCondition.name.value !== type.name) {
          throw new NotPlain();
        }
        visit(selection.selectionSet);
        continue;
      }
      if (selection.kind === 'FragmentSpread') {
        const fragment = info.fragments[selection.name.value];
        if (!fragment || fragment.typeCondition.name.value !== type.name) {
          throw new NotPlain();
        }
        visit(fragment.selectionSet);
        continue;
      }
      planField(em, type, selection, info, node);
    }
  };
  for (const set of sets) {
    visit(set);
  }
  return node;
}

function planField(
  em: EntityManager,
  type: GraphQLObjectType,
  selection: FieldNode,
  info: GraphQLResolveInfo,
  node: PlainNode,
): void {
  const name = selection.name.value;
  if (name === '__typename') {
    return;
  }
  if (selection.arguments?.length) {
    throw new NotPlain();
  }
  const field = type.getFields()[name];
  if (!field || field.args.length) {
    throw new NotPlain();
  }
  const named = getNamedType(field.type);
  if (isLeafType(named)) {
    const property = propertyOfField(field);
    const prop = property === undefined ? undefined : node.meta.properties[property];
    if (property === undefined || plainColumn(prop) === undefined) {
      throw new NotPlain();
    }
    node.props.set(property, prop!);
    return;
  }
  const source = LISTS[type.name]?.[name];
  if (!source || !isObjectType(named) || !selection.selectionSet) {
    throw new NotPlain();
  }
  let list = node.lists.get(name);
  if (!list) {
    const meta = em.getMetadata().get(source.entity);
    list = { source, node: { meta, props: new Map(), lists: new Map() } };
    node.lists.set(name, list);
  }
  planNode(em, named, [selection.selectionSet], info, list.node);
}

/** `jsonb_build_object(…)` of a node's columns and lists for the row aliased `alias`. */
function nodeJson(node: PlainNode, alias: string, depth: number): string {
  const pairs: string[] = [];
  for (const [property, prop] of node.props) {
    pairs.push(`'${property}', ${alias}."${prop.fieldNames[0]}"`);
  }
  for (const [name, { source, node: child }] of node.lists) {
    const childAlias = `p${depth + 1}_${name}`;
    const row = nodeJson(child, childAlias, depth + 1);
    const order = source.orderBy?.length
      ? ` order by ${source.orderBy.map((c) => `${childAlias}."${c}"`).join(', ')}`
      : '';
    pairs.push(
      source.many
        ? `'${name}', (select coalesce(jsonb_agg(${row}${order}), '[]'::jsonb) ${source.from(childAlias, alias)})`
        : `'${name}', (select ${row} ${source.from(childAlias, alias)})`,
    );
  }
  if (pairs.length === 0) {
    return `'{}'::jsonb`;
  }
  // A call takes at most 100 arguments.
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 40) {
    chunks.push(`jsonb_build_object(${pairs.slice(i, i + 40).join(', ')})`);
  }
  return chunks.join(' || ');
}

/** The values converted as MikroORM's hydrator converts them, objects marked as plain reads. */
function convert(node: PlainNode, value: Row): Row {
  for (const [property, prop] of node.props) {
    const raw = value[property];
    if (raw === null || raw === undefined) {
      value[property] = null;
    } else if (prop.runtimeType === 'Date' && !(raw instanceof Date)) {
      value[property] = new Date(raw as string);
    }
  }
  for (const [name, { source, node: child }] of node.lists) {
    const raw = value[name];
    if (source.many) {
      for (const item of raw as Row[]) {
        convert(child, item);
      }
    } else if (raw !== null && raw !== undefined) {
      convert(child, raw as Row);
    } else {
      value[name] = null;
    }
  }
  return markPlainRead(value);
}

/** A prepared plain read: its statement and plan (per parsed query, so per shape). */
export interface PlainDetail {
  sql: string;
  /** The same statement for an id quoted in as a literal (readAndCommit's simple query). */
  sqlFor: (idLiteral: string) => string;
  plan: PlainNode;
}

const plans = new WeakMap<FieldNode, PlainDetail | null>();

/**
 * The plain read of the `case(id)` field being resolved, or null when its selection needs the
 * entity path. Memoized per field node of the parsed query (Apollo keeps parsed documents).
 */
export function plainDetailFor(em: EntityManager, info: GraphQLResolveInfo): PlainDetail | null {
  // A field merged from several nodes: not memoized by one of them, the entity path answers.
  if (info.fieldNodes.length !== 1) {
    return null;
  }
  const key = info.fieldNodes[0]!;
  const known = plans.get(key);
  if (known !== undefined) {
    return known;
  }
  let prepared: PlainDetail | null = null;
  const type = getNamedType(info.returnType);
  if (isObjectType(type)) {
    try {
      const plan = planNode(em, type, key.selectionSet ? [key.selectionSet] : [], info, {
        meta: em.getMetadata().get('Case'),
        props: new Map(),
        lists: new Map(),
      });
      const select = `select c.office_path, ${nodeJson(plan, 'c', 0)} as "plain" from "case" c where c.id = `;
      prepared = { plan, sql: `${select}?`, sqlFor: (idLiteral) => `${select}${idLiteral}` };
    } catch (error) {
      if (!(error instanceof NotPlain)) {
        throw error;
      }
    }
  }
  plans.set(key, prepared);
  return prepared;
}

const plainOperations = new WeakMap<OperationDefinitionNode, boolean>();

/**
 * Whether an operation is a query whose one root field is `case(id)` answered as a plain read
 * (plainDetailFor): such an operation reads no entity, so the actor's officer need not enter
 * the request's identity map (app.ts). Planned here on the field node the resolver will see,
 * so its plan is memoized for it. Memoized per parsed operation.
 */
export function isPlainDetailOperation(
  /** Called only for a `case` root field: the request's EntityManager is made on first use. */
  em: () => EntityManager,
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): boolean {
  const known = plainOperations.get(operation);
  if (known !== undefined) {
    return known;
  }
  const [root, ...others] = operation.selectionSet.selections;
  const field = schema.getQueryType()?.getFields().case;
  let plain = false;
  if (
    operation.operation === 'query' &&
    others.length === 0 &&
    root?.kind === Kind.FIELD &&
    root.name.value === 'case' &&
    !root.directives?.length &&
    field
  ) {
    const fragments = fragmentsOf(document);
    const info = { fieldNodes: [root], returnType: field.type, fragments };
    plain = plainDetailFor(em(), info as unknown as GraphQLResolveInfo) !== null;
  }
  plainOperations.set(operation, plain);
  return plain;
}

/** The fragment definitions of a parsed document, by name (as graphql-js's execution keeps them). */
export function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = Object.create(null);
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments[definition.name.value] = definition;
    }
  }
  return fragments;
}

/**
 * Runs a plain read: the case's office path (for the scope check) and its answer, or undefined.
 * `last`: nothing else runs SQL in the request after it, so its statement may carry the request
 * transaction's COMMIT (scoped-transaction.ts readAndCommit).
 */
export async function readPlainDetail(
  em: EntityManager,
  detail: PlainDetail,
  id: string,
  { last = false }: { last?: boolean } = {},
): Promise<{ officePath: string; answer: Row } | undefined> {
  const literal = last ? uuidLiteral(id) : undefined;
  const committed =
    literal === undefined ? undefined : await readAndCommit(em, detail.sqlFor(literal));
  const [row] = committed ?? (await em.execute<Row[]>(detail.sql, [id]));
  if (!row) {
    return undefined;
  }
  return {
    officePath: row.office_path as string,
    answer: convert(detail.plan, row.plain as Row),
  };
}

/**
 * A list of plain rows of one entity read for a page of parents (the dashboard's `deadlines`):
 * every plain column of the entity (what plainColumn accepts), so any selection that plans as
 * plain is served by the same rows, whichever field asked first.
 */
export interface PlainRows {
  plan: PlainNode;
  /** `jsonb_build_object(…)` of the row aliased `t`. */
  json: string;
}

const plainRowsByEntity = new Map<string, PlainRows>();

export function plainRowsOf(em: EntityManager, entityName: string): PlainRows {
  let rows = plainRowsByEntity.get(entityName);
  if (!rows) {
    const meta = em.getMetadata().get(entityName);
    const plan: PlainNode = { meta, props: new Map(), lists: new Map() };
    for (const prop of meta.props) {
      if (plainColumn(prop) !== undefined) {
        plan.props.set(prop.name, prop);
      }
    }
    rows = { plan, json: nodeJson(plan, 't', 0) };
    plainRowsByEntity.set(entityName, rows);
  }
  return rows;
}

/** A row read by plainRowsOf's `json`, converted as the hydrator converts its columns. */
export function convertPlainRow(rows: PlainRows, value: Row): Row {
  return convert(rows.plan, value);
}

const listPlans = new WeakMap<FieldNode, boolean>();

/**
 * Whether the list field being resolved (returning `[entityName]`) selects only what
 * plainRowsOf(entityName) carries: columns read as their entity property, no object field,
 * argument or directive. Memoized per field node of the parsed query.
 */
export function selectsPlainColumns(
  em: EntityManager,
  info: GraphQLResolveInfo,
  entityName: string,
): boolean {
  if (info.fieldNodes.length !== 1) {
    return false;
  }
  const key = info.fieldNodes[0]!;
  const known = listPlans.get(key);
  if (known !== undefined) {
    return known;
  }
  let plain = false;
  const type = getNamedType(info.returnType);
  if (isObjectType(type) && key.selectionSet && !key.directives?.length) {
    try {
      const plan = planNode(em, type, [key.selectionSet], info, {
        meta: em.getMetadata().get(entityName),
        props: new Map(),
        lists: new Map(),
      });
      plain = plan.lists.size === 0;
    } catch (error) {
      if (!(error instanceof NotPlain)) {
        throw error;
      }
    }
  }
  listPlans.set(key, plain);
  return plain;
}
