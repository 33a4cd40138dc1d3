import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, ClassType, Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ValidationError } from '../errors/domain-error.js';

/**
 * Relay cursor connections with keyset pagination: every order is a tuple of sort keys ending in
 * the id, compared as one row value, so each page is one index range scan whatever its depth.
 */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/**
 * totalCount counts at most this many rows (one bounded index scan); above it the connection says
 * the count is a lower bound (totalCountIsExact false).
 */
export const TOTAL_COUNT_CAP = 10_000;

@ObjectType({ description: '分页信息（Relay PageInfo）' })
export class PageInfo {
  @Field({ description: '向后（after 方向）是否还有下一页（hasNextPage）' })
  hasNextPage!: boolean;

  @Field({
    description:
      '向前（before 方向）是否还有上一页（hasPreviousPage）；按 after 翻页时，给出 after 即为 true',
  })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: '本页第一条的游标（startCursor）' })
  startCursor!: string | null;

  @Field(() => String, { nullable: true, description: '本页最后一条的游标（endCursor）' })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `从前往后取的条数（first），1–${MAX_PAGE_SIZE}，未给 last 时默认 ${DEFAULT_PAGE_SIZE}`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '从该游标之后取（after，上一页 endCursor）' })
  after?: string | null;

  @Field(() => Int, {
    nullable: true,
    description: `从后往前取的条数（last），1–${MAX_PAGE_SIZE}；不得与 first 同时使用`,
  })
  last?: number | null;

  @Field(() => String, {
    nullable: true,
    description: '取该游标之前的条目（before，下一页 startCursor）',
  })
  before?: string | null;
}

/** One sort key: an entity property, or a SQL expression over the row's columns. */
export interface SortKey {
  readonly property: string;
  /**
   * A nullable column is sorted as `coalesce(column, nullAs)`, so the key is never NULL and the
   * row comparison stays index-backed (an index on the same expression serves it).
   */
  readonly nullAs?: string;
  /** The PostgreSQL type the cursor value is cast to (default: the column's). */
  readonly cast?: string;
}

/** One way to order a list: the keys compared in turn, then the id, all in one direction. */
export interface ListOrder {
  /** The orderBy enum value, written into each cursor. */
  readonly name: string;
  readonly keys: readonly SortKey[];
  readonly direction: 'ASC' | 'DESC';
}

/** Every order name a cursor may carry (a name outside it is a forged cursor, not another order). */
const KNOWN_ORDERS = new Set<string>();

/** The ascending and descending orders of each named key tuple, e.g. CREATED_AT_ASC / _DESC. */
export function listOrders<N extends string>(
  keys: Record<N, readonly SortKey[]>,
): Record<`${N}_${'ASC' | 'DESC'}`, ListOrder> {
  const orders: Record<string, ListOrder> = {};
  Object.keys(keys).forEach((name) => {
    KNOWN_ORDERS.add(`${name}_ASC`).add(`${name}_DESC`);
  });
  for (const [name, tuple] of Object.entries(keys) as [N, readonly SortKey[]][]) {
    for (const direction of ['ASC', 'DESC'] as const) {
      orders[`${name}_${direction}`] = { name: `${name}_${direction}`, keys: tuple, direction };
    }
  }
  return orders as Record<`${N}_${'ASC' | 'DESC'}`, ListOrder>;
}

export const CREATED_AT_KEYS: readonly SortKey[] = [{ property: 'createdAt' }];

/** The orders of lists sorted only by when a row was recorded. */
export const CREATION_ORDERS = listOrders({ CREATED_AT: CREATED_AT_KEYS });
export type CreationOrder = keyof typeof CREATION_ORDERS;

/** Registers the GraphQL enum of a list's orders; descriptions name each order in Chinese. */
/** The creation order's two values read the same in every list (a list may word them its own way). */
const CREATION_ORDER_DESCRIPTIONS = {
  CREATED_AT_ASC: { description: '记录时间（createdAt）由早到晚' },
  CREATED_AT_DESC: { description: '记录时间（createdAt）由新到旧（默认）' },
};
type CreationOrderValue = keyof typeof CREATION_ORDER_DESCRIPTIONS;
type ValueDescription = { description: string };

export function orderEnum<O extends Record<string, ListOrder>>(
  orders: O,
  name: string,
  description: string,
  valuesConfig: Record<Exclude<keyof O & string, CreationOrderValue>, ValueDescription> &
    Partial<Record<CreationOrderValue, ValueDescription>>,
): Record<keyof O & string, keyof O & string> {
  const values = Object.fromEntries(Object.keys(orders).map((key) => [key, key])) as Record<
    keyof O & string,
    keyof O & string
  >;
  const creation = Object.fromEntries(
    Object.entries(CREATION_ORDER_DESCRIPTIONS).filter(([key]) => key in values),
  );
  const config = { ...creation, ...valuesConfig } as Record<keyof O & string, ValueDescription>;
  registerEnumType(values, { name, description, valuesConfig: config });
  return values;
}

export const CreationOrderEnum = orderEnum(
  CREATION_ORDERS,
  'CreationOrder',
  '按记录时间排序（CreationOrder）',
  {},
);

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Deferred: the (capped) count runs only when a client asks for totalCount. */
  count: () => Promise<number>;
}

export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: '列表中的一条（edge）：游标与节点' })
  class Edge {
    @Field({ description: '该条的游标（cursor），编码排序键；只能在同一 orderBy 下使用' })
    cursor!: string;

    @Field(() => nodeType, { description: '节点（node）' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, { description: '分页列表（Relay connection）' })
  class ConnectionType {
    @Field(() => [Edge], { description: '本页条目（edges）' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: '分页信息（pageInfo）' })
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, {
      description: `符合筛选条件的总数（totalCount），仅在请求时计算；最多数到 ${TOTAL_COUNT_CAP}：超过时返回 ${TOTAL_COUNT_CAP}，totalCountIsExact 为 false。按状态、日期等有索引的条件数到上限即止；文本检索命中不多时数的是检索命中；条件无法用索引缩小时（如 mine、命中很多的检索词），须读取可见范围内的记录才能数完，耗时随可见范围增长（受数据库语句超时约束），只在需要时请求`,
    })
    async totalCount(): Promise<number> {
      return Math.min(await this.count(), TOTAL_COUNT_CAP);
    }

    @Field(() => Boolean, {
      description: `totalCount 是否为精确总数（totalCountIsExact）；为 false 时实际条数多于 ${TOTAL_COUNT_CAP}`,
    })
    async totalCountIsExact(): Promise<boolean> {
      return (await this.count()) <= TOTAL_COUNT_CAP;
    }
  }
  return ConnectionType;
}

type CursorValue = string | number | null;

function invalidCursor(argument: string): ValidationError {
  return ValidationError.field('INVALID_CURSOR', argument, '分页游标无效，请使用上一页返回的游标');
}

/** A cursor is [order, ...sort key values, id], base64url JSON. */
export function encodeCursor(order: ListOrder, values: readonly CursorValue[], id: string): string {
  return Buffer.from(JSON.stringify([order.name, ...values, id])).toString('base64url');
}

export function decodeCursor(
  cursor: string,
  order: ListOrder,
  argument: string,
): { values: CursorValue[]; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(argument);
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || !KNOWN_ORDERS.has(parsed[0])) {
    throw invalidCursor(argument);
  }
  if (parsed[0] !== order.name) {
    throw ValidationError.field(
      'CURSOR_ORDER_MISMATCH',
      argument,
      `分页游标属于另一种排序（${parsed[0]}），不能用于 ${order.name}；请用同一 orderBy 重新从第一页取`,
      { cursorOrder: parsed[0], orderBy: order.name },
    );
  }
  const id: unknown = parsed[parsed.length - 1];
  const values: unknown[] = parsed.slice(1, -1);
  if (
    values.length !== order.keys.length ||
    typeof id !== 'string' ||
    !/^[0-9a-f-]{36}$/.test(id) ||
    !values.every((v) => typeof v === 'string' || typeof v === 'number')
  ) {
    throw invalidCursor(argument);
  }
  return { values: values as CursorValue[], id };
}

function checkedSize(size: number, argument: 'first' | 'last'): number {
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw ValidationError.field(
      'PAGE_SIZE_OUT_OF_RANGE',
      argument,
      `每页条数须在 1 到 ${MAX_PAGE_SIZE} 之间`,
      { max: MAX_PAGE_SIZE },
    );
  }
  return size;
}

export function pageSize(first: number | null | undefined): number {
  return checkedSize(first ?? DEFAULT_PAGE_SIZE, 'first');
}

/** Which way a page is read: forward (first/after) or backward (last/before). */
export interface PageWindow {
  readonly size: number;
  readonly backward: boolean;
  readonly cursor: { values: CursorValue[]; id: string } | undefined;
}

export function pageWindow(args: PageArgs, order: ListOrder): PageWindow {
  const hasFirst = args.first != null;
  const hasLast = args.last != null;
  if (hasFirst && hasLast) {
    throw ValidationError.field(
      'PAGE_DIRECTION_CONFLICT',
      'last',
      'first 与 last 不能同时使用：向后翻页用 first/after，向前翻页用 last/before',
    );
  }
  if (args.after != null && args.before != null) {
    throw ValidationError.field(
      'PAGE_DIRECTION_CONFLICT',
      'before',
      'after 与 before 不能同时使用：向后翻页用 first/after，向前翻页用 last/before',
    );
  }
  const backward = hasLast || (!hasFirst && args.before != null);
  const size = backward
    ? checkedSize(args.last ?? DEFAULT_PAGE_SIZE, 'last')
    : checkedSize(args.first ?? DEFAULT_PAGE_SIZE, 'first');
  const raw = backward ? args.before : args.after;
  if (!backward && args.before != null) {
    throw ValidationError.field(
      'PAGE_DIRECTION_CONFLICT',
      'before',
      'before 须与 last 同用（向前翻页），after 须与 first 同用',
    );
  }
  if (backward && args.after != null) {
    throw ValidationError.field(
      'PAGE_DIRECTION_CONFLICT',
      'after',
      'after 须与 first 同用（向后翻页），before 须与 last 同用',
    );
  }
  return {
    size,
    backward,
    cursor: raw == null ? undefined : decodeCursor(raw, order, backward ? 'before' : 'after'),
  };
}

/**
 * A condition the filter object cannot say (an exists subquery, a JSON path), over the listed
 * row aliased "e0"; `?` placeholders take `params`.
 */
export interface RawCondition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** A list's own filters: an ORM filter object and raw conditions, all ANDed. */
export interface ListFilter<T> {
  readonly where: FilterQuery<T>;
  readonly raw?: readonly RawCondition[];
  /**
   * The conditions pick a bounded set of rows by id (a search's matches): one statement reads
   * them and sorts them, where a merge per office would probe every id once per office.
   */
  readonly byIds?: boolean;
}

/** Where the rows of a list come from: one office path each (merged), or a subtree pattern. */
export type ListScope =
  | { readonly kind: 'all' }
  | { readonly kind: 'offices'; readonly column: string; readonly paths: readonly string[] }
  | { readonly kind: 'subtree'; readonly column: string; readonly pattern: string };

const quoteIdentifier = (name: string) => `"${name.replace(/"/g, '""')}"`;

interface KeyColumn {
  readonly key: SortKey;
  readonly column: string;
  readonly property: string;
  /** The column's SQL type: the cursor value (text) is cast to it. */
  readonly columnType: string;
}

/**
 * One page of `entity` in `order`, as index-ordered SQL: per office path a keyset scan of
 * first + 1 rows, merged by `union all … order by … limit` (PostgreSQL's Merge Append over the
 * (office_path, key…, id) index), or, for a scope of many offices, one keyset scan of the
 * (key…, id) index filtered by the subtree.
 */
export async function paginate<T extends { id: string } & object>(
  em: EntityManager,
  entity: ClassType<T>,
  scope: ListScope,
  filter: ListFilter<T>,
  order: ListOrder,
  args: PageArgs,
): Promise<ConnectionShape<T>> {
  const window = pageWindow(args, order);
  const meta = em.getMetadata().find(entity.name)!;
  const keys: KeyColumn[] = order.keys.map((key) => {
    const prop = meta.properties[key.property as never] as {
      fieldNames: string[];
      columnTypes?: string[];
    };
    return {
      key,
      property: key.property,
      column: prop.fieldNames[0]!,
      columnType: prop.columnTypes?.[0] ?? 'text',
    };
  });
  const descending = (order.direction === 'DESC') !== window.backward;
  const dir = descending ? 'desc' : 'asc';
  const sortSql = (alias: string) =>
    keys
      .map(({ key, column }) => {
        const ref = `${alias}.${quoteIdentifier(column)}`;
        return key.nullAs === undefined ? ref : `coalesce(${ref}, ${key.nullAs})`;
      })
      .concat(`${alias}."id"`);
  const orderBy = (alias: string) =>
    sortSql(alias)
      .map((s) => `${s} ${dir}`)
      .join(', ');

  // Each statement outputs its sort keys twice: typed, so a merge of branches orders by the very
  // keys the branches are sorted by (Merge Append, no sort); and as text, for the cursor, so a
  // timestamp keeps its microseconds (a JavaScript Date would round them away and repeat or skip
  // rows at page boundaries).
  const expressions = sortSql('"e0"').slice(0, -1);
  const sortColumns = expressions
    .map((expression, i) => `${expression} as "_sort${i}", (${expression})::text as "_cursor${i}"`)
    .join(', ');
  const selectAll = 'select "e0".* ';
  const base = (scopeFilter: FilterQuery<T>) => {
    const qb = filtered(em, entity, scopeFilter, filter).select('*');
    if (window.cursor) {
      const casts = keys
        .map(({ key, columnType }) => `?::${key.cast ?? columnType}`)
        .concat('?::uuid');
      qb.andWhere(`(${sortSql('e0').join(', ')}) ${descending ? '<' : '>'} (${casts.join(', ')})`, [
        ...window.cursor.values,
        window.cursor.id,
      ]);
    }
    const { sql, bindings } = qb.getKnexQuery().toSQL();
    if (!sql.startsWith(selectAll)) {
      throw new Error(`unexpected list statement: ${sql}`);
    }
    return { sql: `select "e0".*, ${sortColumns} ${sql.slice(selectAll.length)}`, bindings };
  };
  const limit = window.size + 1;
  const branches =
    scope.kind === 'offices' && !filter.byIds
      ? scope.paths.map((path) => base({ [scope.column]: path } as FilterQuery<T>))
      : [base(scopeCondition(scope) as FilterQuery<T>)];
  let sql: string;
  const bindings: unknown[] = [];
  if (branches.length === 1) {
    sql = `${branches[0]!.sql} order by ${orderBy('"e0"')} limit ?`;
    bindings.push(...branches[0]!.bindings, limit);
  } else {
    const outer = expressions
      .map((_, i) => `"u"."_sort${i}" ${dir}`)
      .concat(`"u"."id" ${dir}`)
      .join(', ');
    sql = `select * from (${branches
      .map((b) => `(${b.sql} order by ${orderBy('"e0"')} limit ?)`)
      .join(' union all ')}) as "u" order by ${outer} limit ?`;
    for (const b of branches) {
      bindings.push(...b.bindings, limit);
    }
    bindings.push(limit);
  }
  const rows: Record<string, unknown>[] =
    branches.length === 0 ? [] : await em.execute(sql, bindings as never[], 'all');
  const page = rows.slice(0, window.size).map((row) => {
    const columns = Object.fromEntries(
      Object.entries(row).filter(([k]) => !/^_(sort|cursor)\d+$/.test(k)),
    );
    const node = em.map(entity, columns as never);
    const values = keys.map((_, i) => row[`_cursor${i}`] as string);
    return { node, cursor: encodeCursor(order, values, node.id) };
  });
  const more = rows.length > window.size;
  if (window.backward) {
    page.reverse();
  }
  const edges = page;
  let counted: Promise<number> | undefined;
  return {
    edges,
    pageInfo: {
      hasNextPage: window.backward ? args.before != null : more,
      hasPreviousPage: window.backward ? more : args.after != null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
    count: () => (counted ??= countCapped(em, entity, scope, filter)),
  };
}

function scopeCondition(scope: ListScope): object {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'offices':
      return { [scope.column]: { $in: [...scope.paths] } };
    case 'subtree':
      return { [scope.column]: { $like: scope.pattern } };
  }
}

function filtered<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  scopeFilter: FilterQuery<T>,
  filter: ListFilter<T>,
) {
  const qb = em
    .createQueryBuilder(entity, 'e0')
    .where({ $and: [scopeFilter, filter.where] } as never);
  for (const condition of filter.raw ?? []) {
    qb.andWhere(`(${condition.sql})`, [...condition.params]);
  }
  return qb;
}

/** The number of matching rows, counted up to TOTAL_COUNT_CAP + 1: O(cap), not O(table). */
async function countCapped<T extends object>(
  em: EntityManager,
  entity: ClassType<T>,
  scope: ListScope,
  filter: ListFilter<T>,
): Promise<number> {
  const scopeFilter = scopeCondition(scope);
  const inner = filtered(em, entity, scopeFilter as FilterQuery<T>, filter)
    .select('e0.id')
    .limit(TOTAL_COUNT_CAP + 1)
    .getKnexQuery()
    .toSQL();
  const [row] = await em.execute<{ n: string }[]>(
    `select count(*) as n from (${inner.sql}) as "c"`,
    inner.bindings as never[],
    'all',
  );
  return Number(row?.n ?? 0);
}
