import {
  getNamedType,
  isLeafType,
  isObjectType,
  Kind,
  parse,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import { directPropertyFields } from '../schema/field-resolvers.js';

/**
 * Operations answered from the authenticated actor alone, such as
 * `{ me { id name roles office { name } } }`: the actor's officer and office are in the
 * request's identity map from the actor cache (auth-cache.ts), so such a request needs no
 * transaction and no row-level-security scope. It still reads the officer's stamp (one
 * statement, outside a transaction), so a deactivated or changed officer is refused or
 * seen on the very next request exactly as before.
 *
 * Recognised conservatively, from the query text: one query operation, no fragments, no
 * directives, no arguments, and only `__typename`, `Query.me`, `Officer.office` and the
 * leaf fields that read a property of the officer or office directly (no resolver, no
 * middleware, no roles: field-resolvers.ts). A field that gains a resolver leaves the list
 * by itself. Anything else opens the request scope as every other operation does.
 */
const ROOT_FIELDS: Readonly<Record<string, string | undefined>> = { me: 'Officer' };
const OBJECT_FIELDS: Readonly<Record<string, string | undefined>> = {
  'Officer.office': 'Office',
};
const ACTOR_TYPES = ['Officer', 'Office'];

/** Bounded memo of decisions per query text (clients send a handful of texts). */
const MAX_REMEMBERED = 500;

export type ActorOnlyCheck = (query: string | undefined) => boolean;

export function actorOnlyOperations(schema: GraphQLSchema): ActorOnlyCheck {
  const direct = directPropertyFields();
  const leafFields = new Set<string>();
  for (const typeName of ACTOR_TYPES) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) {
      continue;
    }
    for (const field of Object.values(type.getFields())) {
      const key = `${typeName}.${field.name}`;
      if (field.args.length === 0 && direct.has(key) && isLeafType(getNamedType(field.type))) {
        leafFields.add(key);
      }
    }
  }

  const selectionOnlyOf = (typeName: string, selectionSet: SelectionSetNode): boolean =>
    selectionSet.selections.every((selection) => {
      if (
        selection.kind !== Kind.FIELD ||
        (selection.arguments?.length ?? 0) > 0 ||
        (selection.directives?.length ?? 0) > 0
      ) {
        return false;
      }
      const name = selection.name.value;
      if (name === '__typename') {
        return !selection.selectionSet;
      }
      const key = `${typeName}.${name}`;
      const objectType = typeName === 'Query' ? ROOT_FIELDS[name] : OBJECT_FIELDS[key];
      if (objectType) {
        return !!selection.selectionSet && selectionOnlyOf(objectType, selection.selectionSet);
      }
      return typeName !== 'Query' && leafFields.has(key) && !selection.selectionSet;
    });

  const decide = (query: string): boolean => {
    let document;
    try {
      document = parse(query, { noLocation: true, maxTokens: 200 });
    } catch {
      return false;
    }
    const [operation, ...others] = document.definitions;
    return (
      others.length === 0 &&
      operation?.kind === Kind.OPERATION_DEFINITION &&
      operation.operation === 'query' &&
      (operation.directives?.length ?? 0) === 0 &&
      selectionOnlyOf('Query', operation.selectionSet)
    );
  };

  const decisions = new Map<string, boolean>();
  return (query) => {
    if (typeof query !== 'string' || query.length > 2_000) {
      return false;
    }
    let decision = decisions.get(query);
    if (decision === undefined) {
      decision = decide(query);
      if (decisions.size >= MAX_REMEMBERED) {
        decisions.delete(decisions.keys().next().value!);
      }
      decisions.set(query, decision);
    }
    return decision;
  };
}
