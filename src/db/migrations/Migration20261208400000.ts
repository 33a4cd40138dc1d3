import { Migration } from '@mikro-orm/migrations';

/** The matching ids of `table` in the caller's scope, through its trigram indexes (see below). */
function searchFunction(name: string, table: string, columns: readonly string[]): string {
  const matches = columns.map((c) => `t.${c} ilike $3`).join(' or ');
  return `create or replace function ${name}(pattern text, cap int) returns uuid[]
  language plpgsql stable security definer set search_path = public, pg_temp as $$
declare
  scope text := zhifa_scope_path();
  ids uuid[];
begin
  if scope is null then
    return null;
  end if;
  execute 'select array_agg(m.id) from (select t.id from "${table}" t
             where starts_with(t.office_path, $1) and t.office_path like $2 and (${matches})
             limit $4) as m'
    into ids
    using scope, replace(replace(replace(scope, '\\', '\\\\'), '%', '\\%'), '_', '\\_') || '%',
          pattern, cap + 1;
  return case when coalesce(array_length(ids, 1), 0) > cap then null else coalesce(ids, '{}') end;
end
$$;`;
}

/**
 * Text search through the trigram indexes under row-level security, for parties as
 * Migration20261207500000 did for cases, and both planned for the term searched.
 *
 * zhifa_party_search: a request's `name ilike … or id_number ilike …` on "party" runs after the
 * office_scope policy (texticlike is not leakproof), so party_name_trgm_idx and
 * party_id_number_trgm_idx were never used and a rare name read the whole scope. It returns, like
 * zhifa_case_search, the ids of the rows in the caller's scope (zhifa.office_path, the policy's
 * own test) that match, or NULL above `cap` or with no scope set; the list statement reads the
 * rows as the caller, policy applied.
 *
 * Both now run their select with EXECUTE … USING, a plan made for the pattern and scope at hand.
 * The SQL function's plan was generic (pattern and scope unknown, a default selectivity): on a
 * small table a Seq Scan for every term, and on 1 M cases a bitmap of every trigram match for a
 * common term (270 ms nationally, 660 ms for a county, to find that it is above the cap). For the
 * term at hand the planner picks the trigram indexes for a rare term and, for a common one, the
 * scope's office_path index (the LIKE prefix: starts_with alone is not indexable here) stopping
 * after cap + 1 matches.
 */
export class Migration20261208400000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(searchFunction('zhifa_case_search', 'case', ['search_text']));
    this.addSql(searchFunction('zhifa_party_search', 'party', ['name', 'id_number']));
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists zhifa_party_search(text, int);`);
    this.addSql(`create or replace function zhifa_case_search(pattern text, cap int) returns uuid[]
  language sql stable security definer set search_path = public, pg_temp as $$
  select case when zhifa_scope_path() is null or count(*) > cap then null
              else coalesce(array_agg(m.id), '{}') end
  from (select c.id from "case" c
        where starts_with(c.office_path, zhifa_scope_path()) and c.search_text ilike pattern
        limit cap + 1) as m
$$;`);
  }
}
