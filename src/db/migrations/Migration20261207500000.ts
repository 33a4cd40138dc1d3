import { Migration } from '@mikro-orm/migrations';

/**
 * Case text search through the trigram index, under row-level security. A request's ILIKE on
 * "case" cannot use case_search_trgm_idx: texticlike is not leakproof, so PostgreSQL evaluates it
 * only after the policy on rows already read, and a rare term scans the whole scope.
 *
 * zhifa_case_search returns the ids of the cases in the caller's scope (zhifa.office_path, the
 * very test the policy makes) whose search text matches, read through the index as the owner,
 * or NULL when there are more than `cap` (a common term: the ordered list scan meets its page
 * early) or no scope is set (requests without row-level security: the list matches row by row).
 * It returns ids only; the list statement reads the rows as the caller, policy applied. Like the
 * policies it serves PUBLIC (any app role), bounded by the same setting the policies read.
 */
export class Migration20261207500000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function zhifa_case_search(pattern text, cap int) returns uuid[]
  language sql stable security definer set search_path = public, pg_temp as $$
  select case when zhifa_scope_path() is null or count(*) > cap then null
              else coalesce(array_agg(m.id), '{}') end
  from (select c.id from "case" c
        where starts_with(c.office_path, zhifa_scope_path()) and c.search_text ilike pattern
        limit cap + 1) as m
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists zhifa_case_search(text, int);`);
  }
}
