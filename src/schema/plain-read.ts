import type { GraphQLField } from 'graphql';

/**
 * Plain reads: an answer built as plain objects from one statement (case-detail-plain.ts) instead
 * of entities. Such an object carries every field its query selects as an own property named as
 * the entity property, lists included; the resolvers of the fields below answer it by reading
 * that property. It is only built when every selected field is one of these or a field that
 * graphql-js or field-resolvers.ts already answers by reading the entity property.
 */
const PLAIN_READ = Symbol('plain read');

/** The object fields a plain read carries as properties, by type and field name. */
export const PLAIN_LIST_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Case: ['office', 'parties', 'evidence', 'decisions', 'deadlines', 'documents'],
  Evidence: ['collectors'],
};

export function markPlainRead<T extends object>(value: T): T {
  Object.defineProperty(value, PLAIN_READ, { value: true });
  return value;
}

export function isPlainRead(value: unknown): boolean {
  return (value as { [PLAIN_READ]?: boolean } | null)?.[PLAIN_READ] === true;
}

/** Fields resolved by reading an entity property, with that property (field-resolvers.ts). */
const propertyFields = new WeakMap<GraphQLField<unknown, unknown>, string>();

export function registerPropertyField(field: GraphQLField<unknown, unknown>, property: string) {
  propertyFields.set(field, property);
}

/**
 * The property a field reads when nothing but a property read resolves it: the registered
 * direct fields, and fields without a resolver (graphql-js reads the field's name).
 */
export function propertyOfField(field: GraphQLField<unknown, unknown>): string | undefined {
  return field.resolve === undefined ? field.name : propertyFields.get(field);
}
