import { HeaderMap, type ApolloServerPlugin, type GraphQLResponse } from '@apollo/server';
import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLLeafType,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import type { RequestContext } from '../auth/context.js';
import { isUuid } from '../commands/office.commands.js';
import { PLAIN_LIST_FIELDS, propertyOfField } from '../schema/plain-read.js';
import { findInvalidText } from '../schema/text-validation.js';
import { fragmentsOf, isPlainDetailOperation, plainDetailFor } from './case-detail-plain.js';
import { isLastStatement, readPlainCase, startedRead } from './case-detail.js';

/**
 * A plain `case(id)` answered without graphql-js's execution of its ~60 fields.
 *
 * For a query whose one root field is a plain `case(id)` (case-detail-plain.ts: every field a
 * column read as its property, or one of the case's lists), graphql-js resolves each field
 * through its resolver (a property read), builds an info object, an argument object and a path
 * per field, and completes the value by its type. Here the same answer is written from the
 * plain read by a writer compiled once per parsed query: the same response keys in the same
 * order (aliases, `__typename`, fragments of the same type), every leaf serialised by its own
 * GraphQL type's `serialize` (enums, ID, LocalDate, DateTimeISO, Int, Boolean), lists and
 * objects as graphql-js completes them.
 *
 * The resolver's checks stay the resolver's: the root field's `@Authorized()` (no roles) needs
 * an actor, as auth-checker.ts (none: graphql-js runs it and it refuses), its id is coerced by graphql-js's own
 * `getVariableValues` / `getArgumentValues` and must be a uuid (anything else is left to
 * graphql-js), and the read is `readPlainCase`, the resolver's own (the office scope checked
 * in the same row-level-security transaction, the COMMIT riding along as before). Whenever the
 * answer is not a plain one — no case, a case out of scope, a read that failed, a null in a
 * non-null field, a value its type refuses to serialise — the outcome of the read is handed to
 * the resolver and graphql-js executes the operation as before, so every error keeps its
 * message, path and code.
 */

type Row = Record<string, unknown>;

/** How one selected field of an object is written. */
type Entry =
  | { key: string; kind: 'typename'; name: string }
  | { key: string; kind: 'leaf'; property: string; type: GraphQLLeafType; nonNull: boolean }
  | {
      key: string;
      kind: 'object';
      property: string;
      nonNull: boolean;
      list: boolean;
      itemNonNull: boolean;
      entries: Entry[];
    };

class NotWritable extends Error {}

/** Thrown while writing: the answer is left to graphql-js. */
const BAIL = new NotWritable();

function compileSelection(
  type: GraphQLObjectType,
  set: SelectionSetNode,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): Entry[] {
  if (type.isTypeOf) {
    throw new NotWritable();
  }
  const entries: Entry[] = [];
  const keys = new Set<string>();
  const visit = (selections: SelectionSetNode) => {
    for (const selection of selections.selections) {
      if (selection.directives?.length) {
        throw new NotWritable();
      }
      if (selection.kind === Kind.INLINE_FRAGMENT || selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment =
          selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments[selection.name.value];
        const condition = fragment?.typeCondition?.name.value;
        if (!fragment || (condition !== undefined && condition !== type.name)) {
          throw new NotWritable();
        }
        visit(fragment.selectionSet);
        continue;
      }
      const key = selection.alias?.value ?? selection.name.value;
      // graphql-js merges fields of one response key: not written here.
      if (keys.has(key) || selection.arguments?.length) {
        throw new NotWritable();
      }
      keys.add(key);
      entries.push(compileField(type, selection, key, fragments));
    }
  };
  visit(set);
  return entries;
}

function compileField(
  parent: GraphQLObjectType,
  node: FieldNode,
  key: string,
  fragments: Readonly<Record<string, FragmentDefinitionNode>>,
): Entry {
  const name = node.name.value;
  if (name === '__typename') {
    return { key, kind: 'typename', name: parent.name };
  }
  const field = parent.getFields()[name];
  if (!field || field.args.length) {
    throw new NotWritable();
  }
  let type: GraphQLOutputType = field.type;
  const nonNull = isNonNullType(type);
  if (isNonNullType(type)) {
    type = type.ofType;
  }
  if (isLeafType(type)) {
    const property = propertyOfField(field);
    if (property === undefined || node.selectionSet) {
      throw new NotWritable();
    }
    return { key, kind: 'leaf', property, type, nonNull };
  }
  // Objects and lists: only the case's lists a plain read carries as properties.
  if (!PLAIN_LIST_FIELDS[parent.name]?.includes(name) || !node.selectionSet) {
    throw new NotWritable();
  }
  const list = isListType(type);
  let item: GraphQLOutputType = isListType(type) ? type.ofType : type;
  const itemNonNull = isNonNullType(item);
  if (isNonNullType(item)) {
    item = item.ofType;
  }
  if (!isObjectType(item)) {
    throw new NotWritable();
  }
  return {
    key,
    kind: 'object',
    property: name,
    nonNull,
    list,
    itemNonNull,
    entries: compileSelection(item, node.selectionSet, fragments),
  };
}

function writeObject(entries: readonly Entry[], source: Row): Row {
  const out: Row = Object.create(null) as Row;
  for (const entry of entries) {
    if (entry.kind === 'typename') {
      out[entry.key] = entry.name;
      continue;
    }
    const value = source[entry.property];
    if (value === null || value === undefined) {
      if (entry.nonNull) {
        throw BAIL;
      }
      out[entry.key] = null;
      continue;
    }
    if (entry.kind === 'leaf') {
      let serialized: unknown;
      try {
        serialized = entry.type.serialize(value);
      } catch {
        throw BAIL;
      }
      if (serialized === null || serialized === undefined) {
        throw BAIL;
      }
      out[entry.key] = serialized;
    } else if (!entry.list) {
      out[entry.key] = writeObject(entry.entries, value as Row);
    } else {
      if (!Array.isArray(value)) {
        throw BAIL;
      }
      const items: unknown[] = [];
      for (const item of value as (Row | null | undefined)[]) {
        if (item === null || item === undefined) {
          if (entry.itemNonNull) {
            throw BAIL;
          }
          items.push(null);
        } else {
          items.push(writeObject(entry.entries, item));
        }
      }
      out[entry.key] = items;
    }
  }
  return out;
}

/** The compiled answer of a plain `case(id)` operation (null: left to graphql-js). */
interface Writer {
  root: FieldNode;
  fragments: Readonly<Record<string, FragmentDefinitionNode>>;
  key: string;
  entries: Entry[];
}

const writers = new WeakMap<OperationDefinitionNode, Writer | null>();

function writerFor(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
): Writer | null {
  const known = writers.get(operation);
  if (known !== undefined) {
    return known;
  }
  let writer: Writer | null = null;
  const root = operation.selectionSet.selections[0];
  const type = schema.getQueryType()?.getFields().case?.type;
  const named = type && getNamedType(type);
  if (root?.kind === Kind.FIELD && root.selectionSet && isObjectType(named)) {
    const fragments = fragmentsOf(document);
    try {
      writer = {
        root,
        fragments,
        key: root.alias?.value ?? root.name.value,
        entries: compileSelection(named, root.selectionSet, fragments),
      };
    } catch (error) {
      if (!(error instanceof NotWritable)) {
        throw error;
      }
    }
  }
  writers.set(operation, writer);
  return writer;
}

/**
 * The answer of a plain `case(id)` operation written from its plain read, or null to let
 * graphql-js execute it (the read, when made, then serves the resolver).
 */
export async function plainDetailResponse(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Readonly<Record<string, unknown>> | undefined,
  ctx: RequestContext,
): Promise<GraphQLResponse | null> {
  const actor = ctx.actor;
  if (!actor || !isPlainDetailOperation(() => ctx.em, schema, document, operation)) {
    return null;
  }
  const writer = writerFor(schema, document, operation);
  const field = schema.getQueryType()?.getFields().case;
  if (!writer || !field) {
    return null;
  }
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) {
    return null;
  }
  const { id } = getArgumentValues(field, writer.root, coerced.coerced);
  // A uuid has no character the text check of arguments refuses (text-validation.ts): the
  // check is made anyway, so the resolver's middleware could not have refused it.
  if (typeof id !== 'string' || !isUuid(id) || findInvalidText(id, ['id'])) {
    return null;
  }
  // The plan the resolver would take (memoized on the same field node by isPlainDetailOperation).
  const plain = plainDetailFor(ctx.em, {
    fieldNodes: [writer.root],
    returnType: field.type,
    fragments: writer.fragments,
  } as never);
  if (!plain) {
    return null;
  }
  const read = readPlainCase(ctx, actor, id, plain, isLastStatement(ctx, operation, writer.root));
  let answer: Row | undefined;
  try {
    answer = await read;
  } catch {
    answer = undefined;
  }
  if (answer) {
    try {
      const data: Row = Object.create(null) as Row;
      data[writer.key] = writeObject(writer.entries, answer);
      return {
        http: { status: undefined, headers: new HeaderMap() },
        body: { kind: 'single', singleResult: { data } },
      };
    } catch (error) {
      if (error !== BAIL) {
        throw error;
      }
    }
  }
  // Not a plain answer: graphql-js executes the operation, its resolver takes this read.
  startedRead(ctx, writer.root, id, read);
  return null;
}

/** Answers plain `case(id)` operations (plainDetailResponse); after the idempotency plugin. */
export function plainDetailResponsePlugin(): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async responseForOperation({ schema, document, operation, request, contextValue }) {
          return operation
            ? plainDetailResponse(schema, document, operation, request.variables, contextValue)
            : null;
        },
      };
    },
  };
}
