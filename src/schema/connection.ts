import type { FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ArgsType, ClassType, Field, Int, ObjectType } from 'type-graphql';
import { ValidationError } from '../errors/domain-error.js';

/** Relay-style keyset pagination over (createdAt desc, id desc): stable under inserts, index-backed. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;

@ObjectType({ description: '分页信息（pageInfo，Relay 游标分页）' })
export class PageInfo {
  @Field({ description: '是否还有下一页（has next page）' })
  hasNextPage!: boolean;

  @Field(() => String, {
    nullable: true,
    description: '本页最后一条的游标（end cursor），作为下一页的 after；本页为空时为 null',
  })
  endCursor!: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `每页条数，1–${MAX_PAGE_SIZE}，默认 ${DEFAULT_PAGE_SIZE}`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: '上一页 pageInfo.endCursor' })
  after?: string | null;
}

interface Keyed {
  id: string;
  createdAt: Date;
}

export interface ConnectionShape<T> {
  edges: { cursor: string; node: T }[];
  pageInfo: PageInfo;
  /** Deferred: the count runs only when a client asks for totalCount. */
  count: () => Promise<number>;
}

export function Connection<T extends object>(nodeType: ClassType<T>, name: string) {
  @ObjectType(`${name}Edge`, { description: `${name} 列表中的一条（edge）：记录及其游标` })
  class Edge {
    @Field({ description: '该条记录的游标（cursor），可作为 after 参数' })
    cursor!: string;

    @Field(() => nodeType, { description: '记录本身（node）' })
    node!: T;
  }

  @ObjectType(`${name}Connection`, {
    description: `${name} 分页列表（connection，Relay 游标分页，按创建时间倒序）`,
  })
  class ConnectionType {
    @Field(() => [Edge], { description: '本页的记录（edges），每条带游标' })
    edges!: Edge[];

    @Field(() => PageInfo, { description: '分页信息（page info）' })
    pageInfo!: PageInfo;

    count!: () => Promise<number>;

    @Field(() => Int, { description: '符合筛选条件的总数（单独计数，仅在请求时计算）' })
    totalCount(): Promise<number> {
      return this.count();
    }
  }
  return ConnectionType;
}

export function encodeCursor(node: Keyed): string {
  return Buffer.from(JSON.stringify([node.createdAt.toISOString(), node.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { createdAt: Date; id: string } {
  const invalid = () =>
    ValidationError.field('INVALID_CURSOR', 'after', '分页游标无效，请使用上一页返回的 endCursor');
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string'
  ) {
    throw invalid();
  }
  const createdAt = new Date(parsed[0]);
  if (Number.isNaN(createdAt.getTime()) || !/^[0-9a-f-]{36}$/.test(parsed[1])) {
    throw invalid();
  }
  return { createdAt, id: parsed[1] };
}

export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw ValidationError.field(
      'PAGE_SIZE_OUT_OF_RANGE',
      'first',
      `每页条数须在 1 到 ${MAX_PAGE_SIZE} 之间`,
      {
        max: MAX_PAGE_SIZE,
      },
    );
  }
  return size;
}

/** Runs one keyset page query (first + 1 rows, to know whether another page exists). */
export async function paginate<T extends Keyed & object>(
  em: EntityManager,
  entity: ClassType<T>,
  where: FilterQuery<T>,
  args: PageArgs,
): Promise<ConnectionShape<T>> {
  const size = pageSize(args.first);
  const conditions: FilterQuery<T>[] = [where];
  if (args.after) {
    const { createdAt, id } = decodeCursor(args.after);
    conditions.push({
      $or: [{ createdAt: { $lt: createdAt } }, { createdAt, id: { $lt: id } }],
    } as FilterQuery<T>);
  }
  const rows = await em.find(entity, { $and: conditions } as FilterQuery<T>, {
    orderBy: { createdAt: 'desc', id: 'desc' } as never,
    limit: size + 1,
  });
  const nodes = rows.slice(0, size);
  return {
    edges: nodes.map((node) => ({ cursor: encodeCursor(node), node })),
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: nodes.length > 0 ? encodeCursor(nodes[nodes.length - 1]!) : null,
    },
    count: () => em.count(entity, where),
  };
}
