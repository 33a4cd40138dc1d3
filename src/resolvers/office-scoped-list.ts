import type { FilterQuery } from '@mikro-orm/core';
import type { ClassType } from 'type-graphql';
import { requireActor } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import { subtreePattern } from '../auth/office-scope.js';
import { listScopePath } from '../commands/office.commands.js';
import { paginate, type ConnectionShape, type PageArgs } from '../schema/connection.js';

/** Where a listed row records the office it belongs to: offices by their own path, the rest by officePath. */
type ScopeField = 'officePath' | 'path';

/**
 * One page of the rows inside an office subtree: the actor's own office and those below it,
 * or the visible office `officeId` names and those below it. `where` adds the list's own filters.
 */
export async function listWithinOffices<T extends { id: string; createdAt: Date }>(
  ctx: RequestContext,
  entity: ClassType<T>,
  officeId: string | null | undefined,
  where: FilterQuery<T>,
  page: PageArgs,
  scopeField: ScopeField = 'officePath',
): Promise<ConnectionShape<T>> {
  const scopePath = await listScopePath(ctx.em, requireActor(ctx), officeId);
  const inScope = { [scopeField]: { $like: subtreePattern(scopePath) } };
  return paginate(ctx.em, entity, { ...inScope, ...(where as object) } as FilterQuery<T>, page);
}

/** A case-insensitive "contains" match on user search text, with %, _ and \ taken literally. */
export function containsText(text: string): { $ilike: string } {
  return { $ilike: `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%` };
}
