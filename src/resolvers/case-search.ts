import type { RequestContext } from '../auth/context.js';
import type { RawCondition } from '../schema/connection.js';
import { containsText } from './office-scoped-list.js';

/**
 * A search matching at most this many cases in the actor's scope is listed from the trigram
 * index's ids (pk lookups, a sort of at most this many); one matching more is common enough that
 * the list's ordered scan meets its page after reading about page × scope / matches rows.
 */
export const SEARCH_IDS_CAP = 5000;

/** pg_trgm finds no trigram in a word shorter than three characters: the index cannot help. */
const MIN_INDEXED_LENGTH = 3;

/**
 * The case list's text search as conditions on the listed row "e0". Under row-level security the
 * ILIKE cannot use the trigram index (texticlike is not leakproof), so a term the index can serve
 * is first resolved to ids by zhifa_case_search (the index, in the request's scope) and the page
 * reads those rows. A term it cannot serve (short, or more than SEARCH_IDS_CAP matches) is matched
 * row by row in the list's index order: wrapped in coalesce, which the planner estimates at a
 * fixed fraction instead of its per-character ILIKE guess (far too low for such a term, which
 * made it read the whole scope and sort it instead of stopping after the page).
 */
export async function caseSearchConditions(
  ctx: RequestContext,
  term: string,
): Promise<{ raw: RawCondition[]; byIds: boolean }> {
  const pattern = containsText(term).$ilike;
  const matches = { sql: `"e0"."search_text" ilike ?`, params: [pattern] };
  if ([...term].length >= MIN_INDEXED_LENGTH) {
    const [row] = await ctx.em.execute<{ ids: string | null }[]>(
      'select zhifa_case_search(?, ?)::text as "ids"',
      [pattern, SEARCH_IDS_CAP],
    );
    // The uuid[] travels back as its own array literal ({…}): no per-id parsing or placeholders.
    if (row?.ids != null) {
      const ids = { sql: `"e0"."id" = any(?::uuid[])`, params: [row.ids] };
      return { raw: [matches, ids], byIds: true };
    }
  }
  return {
    raw: [{ sql: `coalesce(${matches.sql}, false)`, params: matches.params }],
    byIds: false,
  };
}
