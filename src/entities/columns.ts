import { Enum, Index, Property, type PropertyOptions } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, Int } from 'type-graphql';
import { LocalDateScalar } from '../schema/scalars.js';

/**
 * Exposed columns: one decorator declares the database column and the GraphQL field of an entity
 * property together, so their types and nullability cannot drift apart. The first argument is the
 * field's description (a Chinese legal term or explanation). Internal columns (paths, search text,
 * JSON the API does not show) keep a plain MikroORM `@Property` and no field.
 */
export interface ColumnOptions {
  readonly nullable?: boolean;
  readonly unique?: boolean;
  readonly default?: string | number | boolean;
  readonly defaultRaw?: string;
  readonly fieldName?: string;
  /** The optimistic lock. */
  readonly version?: boolean;
}

/** What `@Field(() => T)` takes: a scalar, an enum or an object type. */
type GraphQLTypeThunk = () => object;
/** `@TextColumn('描述')`, `@TextColumn('描述', { nullable: true })`, or options alone when undescribed. */
type ColumnDecorator = {
  (description?: string, options?: ColumnOptions): PropertyDecorator;
  (options: ColumnOptions): PropertyDecorator;
};

function stored(options: ColumnOptions): Partial<PropertyOptions<object>> {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function fieldOptions(description: string | undefined, options: ColumnOptions) {
  return {
    ...(options.nullable ? { nullable: true } : {}),
    ...(description === undefined ? {} : { description }),
  };
}

function exposedColumn(
  graphqlType: GraphQLTypeThunk,
  column: Partial<PropertyOptions<object>>,
): ColumnDecorator {
  return (first?: string | ColumnOptions, second: ColumnOptions = {}): PropertyDecorator => {
    const description = typeof first === 'string' ? first : undefined;
    const options = typeof first === 'object' ? first : second;
    return (target, key) => {
      Field(graphqlType, fieldOptions(description, options))(target, key);
      Property({ ...column, ...stored(options) })(target, key as string);
    };
  };
}

export const TextColumn = exposedColumn(() => String, { type: 'text' });
/** A SHA-256 (or other 64-hex-digit) digest. */
export const HashColumn = exposedColumn(() => String, { type: 'character', length: 64 });
/** A calendar date: the law counts periods in dates. */
export const DateColumn = exposedColumn(() => LocalDateScalar, { type: 'date' });
/** An instant (when something was recorded). */
export const TimestampColumn = exposedColumn(() => Date, { type: 'datetime' });
export const IntColumn = exposedColumn(() => Int, { type: 'integer' });
export const BooleanColumn = exposedColumn(() => Boolean, { type: 'boolean' });
/** A plain id of another record, kept without a foreign key (append-only tables, actors). */
export const IdColumn = exposedColumn(() => ID, { type: 'uuid' });
export const JsonColumn = exposedColumn(() => GraphQLJSON, { type: 'json' });
/** A JSON column whose closed shape the API shows as an object type (`@TypedJsonColumn(() => T, '描述')`). */
export function TypedJsonColumn(
  graphqlType: GraphQLTypeThunk,
  description?: string,
  options: ColumnOptions = {},
): PropertyDecorator {
  return exposedColumn(graphqlType, { type: 'json' })(description, options);
}

/** A text column restricted to the values of a domain enum, exposed as the GraphQL enum. */
export function EnumColumn(
  graphqlEnum: object,
  values: readonly string[],
  description?: string,
): PropertyDecorator {
  return (target, key) => {
    Field(() => graphqlEnum, fieldOptions(description, {}))(target, key);
    Enum({ items: () => [...values], type: 'text' })(target, key as string);
  };
}

/**
 * The index that serves "this office and every office below it", newest first: a prefix match on
 * the copied office path, then keyset order (created_at, id). Named `<table>_office_path_idx`.
 */
export function OfficePathIndex(table: string): ClassDecorator {
  const name = `${table}_office_path_idx`;
  return Index({
    name,
    expression: `create index "${name}" on "${table}" ("office_path" text_pattern_ops, "created_at" desc, "id" desc)`,
  }) as ClassDecorator;
}
