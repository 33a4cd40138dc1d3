import type { ClassType } from 'type-graphql';
import { requireActor } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import { subtreePattern } from '../auth/office-scope.js';
import { listScopePath } from '../commands/office.commands.js';
import {
  paginate,
  type ConnectionShape,
  type ListFilter,
  type ListOrder,
  type ListScope,
  type PageArgs,
} from '../schema/connection.js';

/** Where a listed row records the office it belongs to: offices by their own path, the rest by officePath. */
type ScopeField = 'officePath' | 'path';

/**
 * A subtree of at most this many offices is listed as a merge of per-office index scans (each
 * reads at most first + 1 rows); a larger one (a province or the whole country) as one scan of
 * the order's index filtered by the subtree, which then covers most rows anyway.
 */
export const MAX_MERGED_OFFICES = 32;

/** The scope of a list: the office paths of a small subtree, or the subtree pattern. */
async function listScope(
  ctx: RequestContext,
  scopePath: string,
  scopeField: ScopeField,
): Promise<ListScope> {
  const column = scopeField;
  const pattern = subtreePattern(scopePath);
  if (scopeField === 'path') {
    return { kind: 'subtree', column, pattern };
  }
  const offices = await ctx.em.execute<{ path: string }[]>(
    'select "path" from "office" where "path" like ? order by "path" limit ?',
    [pattern, MAX_MERGED_OFFICES + 1],
  );
  return offices.length > 0 && offices.length <= MAX_MERGED_OFFICES
    ? { kind: 'offices', column, paths: offices.map((o) => o.path) }
    : { kind: 'subtree', column, pattern };
}

/**
 * One page of the rows inside an office subtree: the actor's own office and those below it,
 * or the visible office `officeId` names and those below it. `filter` adds the list's own filters.
 */
export async function listWithinOffices<T extends { id: string; createdAt: Date }>(
  ctx: RequestContext,
  entity: ClassType<T>,
  officeId: string | null | undefined,
  filter: ListFilter<T>,
  page: PageArgs,
  order: ListOrder,
  scopeField: ScopeField = 'officePath',
): Promise<ConnectionShape<T>> {
  const scopePath = await listScopePath(ctx.em, requireActor(ctx), officeId);
  const scope = await listScope(ctx, scopePath, scopeField);
  return paginate(ctx.em, entity, scope, filter, order, page);
}

/** A case-insensitive "contains" match on user search text, with %, _ and \ taken literally. */
export function containsText(text: string): { $ilike: string } {
  return { $ilike: `%${text.replace(/[\\%_]/g, (c) => '\\' + c)}%` };
}
