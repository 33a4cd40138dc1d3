import { requireActor } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import type { RawCondition } from '../schema/connection.js';
import { containsText } from './office-scoped-list.js';

/**
 * A search matching at most this many rows in the actor's scope is listed from the trigram
 * indexes' ids (pk lookups, a sort of at most this many); one matching more is common enough that
 * the list's ordered scan meets its page after reading about page × scope / matches rows.
 */
export const SEARCH_IDS_CAP = 5000;

/** pg_trgm finds no trigram in a word shorter than three characters: the index cannot help. */
const MIN_INDEXED_LENGTH = 3;

/** A list's searchable table: its text columns (each with a trigram index) and its id function. */
interface SearchedTable {
  readonly table: string;
  readonly columns: readonly string[];
  /** Security definer: the matching ids in the request's scope through the indexes (migrations). */
  readonly idsFunction: string;
}

export const CASE_SEARCH: SearchedTable = {
  table: 'case',
  columns: ['search_text'],
  idsFunction: 'zhifa_case_search',
};

export const PARTY_SEARCH: SearchedTable = {
  table: 'party',
  columns: ['name', 'id_number'],
  idsFunction: 'zhifa_party_search',
};

/**
 * A list's text search as conditions on the listed row "e0". Under row-level security the ILIKE
 * cannot use a trigram index (texticlike is not leakproof, so it runs only after the policy, on
 * rows already read); a term the indexes can serve is first resolved to ids by the table's
 * security-definer function (the indexes, in the request's scope) and the page reads those rows.
 * Without row-level security (the table's owner, no policy) the same ids are read directly, in
 * the actor's subtree. A term neither can serve (short, or more than SEARCH_IDS_CAP matches) is
 * matched row by row in the list's index order: wrapped in coalesce, which the planner estimates
 * at a fixed fraction instead of its per-character ILIKE guess (far too low for such a term,
 * which made it read the whole scope and sort it instead of stopping after the page).
 */
export async function searchConditions(
  ctx: RequestContext,
  searched: SearchedTable,
  term: string,
): Promise<{ raw: RawCondition[]; byIds: boolean }> {
  const pattern = containsText(term).$ilike;
  const on = (alias: string) =>
    `(${searched.columns.map((c) => `${alias}."${c}" ilike ?`).join(' or ')})`;
  const patterns = searched.columns.map(() => pattern);
  const matches = { sql: on('"e0"'), params: patterns };
  if ([...term].length >= MIN_INDEXED_LENGTH) {
    const table = `"${searched.table}"`;
    // One statement either way: row_security_active says whether the policy applies to this
    // request's role; the branch not taken is never executed (an InitPlan runs when first read).
    const [row] = await ctx.em.execute<{ ids: string | null }[]>(
      `select (case when row_security_active('${table}') then ${searched.idsFunction}(?, ?)
         else (select case when count(*) > ? then null else coalesce(array_agg(m.id), '{}') end
               from (select t.id from ${table} t
                     where starts_with(t.office_path, ?) and ${on('t')} limit ?) as m)
       end)::text as "ids"`,
      [
        pattern,
        SEARCH_IDS_CAP,
        SEARCH_IDS_CAP,
        requireActor(ctx).officePath,
        ...patterns,
        SEARCH_IDS_CAP + 1,
      ],
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
