import { Migration } from '@mikro-orm/migrations';

/** Tables whose rows carry their office's path. */
const PATH_TABLES = ['case', 'party', 'officer', 'deadline', 'publication', 'domain_event'];
/** Tables whose rows belong to a case: visible exactly when their case is. */
const CASE_TABLES = [
  'evidence',
  'decision',
  'case_document',
  'case_event',
  'service_record',
  'case_handler',
  'case_party',
  'pending_document',
];

/**
 * Row-level security as a backstop behind the office scope the code applies.
 * Requests run in a transaction that is (or switches to) the role `zhifa_app`
 * (not the owner, NOBYPASSRLS) and sets `zhifa.office_path`; the
 * policies then hide every row outside that office subtree, so a query that
 * forgets the scope filter still returns nothing out of scope, and with no path
 * set it returns nothing at all. The owner (migrations, seeding, the webhook
 * dispatcher, checkpoints, the public feeds) is not subject to the policies:
 * running as the owner is the explicit system scope.
 *
 * Policies apply to PUBLIC, so an operator may use another non-owner role with
 * the same grants (ZHIFA_DB_APP_ROLE). Offices, webhook subscriptions, number
 * sequences, reference data and enforcement certificates stay unrestricted:
 * ancestors' offices, rules and subscriptions are read by design, and certificate
 * numbers are unique nationwide, which a registration checks across offices.
 */
export class Migration20261203130000 extends Migration {
  override async up(): Promise<void> {
    // Roles are cluster-wide: several databases (tests) may create it at once.
    this.addSql(`do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'zhifa_app') then
    create role zhifa_app nologin nosuperuser nobypassrls noinherit;
  end if;
exception when duplicate_object or unique_violation then null;
end
$$;`);
    // The owner must be a member to switch to it (superusers are anyway).
    this.addSql(`do $$
begin
  if not pg_has_role(current_user, 'zhifa_app', 'member') then
    execute format('grant zhifa_app to %I', current_user);
  end if;
end
$$;`);
    this.addSql(`grant usage on schema public to zhifa_app;`);
    this.addSql(
      `grant select, insert, update, delete on all tables in schema public to zhifa_app;`,
    );
    this.addSql(`grant usage, select on all sequences in schema public to zhifa_app;`);
    // Tables added by later migrations (run by the same owner) get the same grants.
    this.addSql(
      `alter default privileges in schema public grant select, insert, update, delete on tables to zhifa_app;`,
    );
    this.addSql(
      `alter default privileges in schema public grant usage, select on sequences to zhifa_app;`,
    );
    // Unset or empty means no scope: NULL matches no row.
    this.addSql(`create function zhifa_scope_path() returns text language sql stable as $$
  select nullif(current_setting('zhifa.office_path', true), '')
$$;`);
    for (const table of PATH_TABLES) {
      const inScope = `starts_with(office_path, zhifa_scope_path())`;
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(
        `create policy office_scope on "${table}" using (${inScope}) with check (${inScope});`,
      );
    }
    for (const table of CASE_TABLES) {
      // The subquery is itself filtered by the case policy.
      const inScope = `exists (select 1 from "case" c where c.id = case_id)`;
      this.addSql(`alter table "${table}" enable row level security;`);
      this.addSql(
        `create policy office_scope on "${table}" using (${inScope}) with check (${inScope});`,
      );
    }
    // Evidence collectors are officers: visible with them.
    const byOfficer = `exists (select 1 from "officer" o where o.id = officer_id)`;
    this.addSql(`alter table "evidence_collector" enable row level security;`);
    this.addSql(
      `create policy office_scope on "evidence_collector" using (${byOfficer}) with check (${byOfficer});`,
    );
  }

  override async down(): Promise<void> {
    for (const table of [...PATH_TABLES, ...CASE_TABLES, 'evidence_collector']) {
      this.addSql(`drop policy if exists office_scope on "${table}";`);
      this.addSql(`alter table "${table}" disable row level security;`);
    }
    this.addSql(`drop function if exists zhifa_scope_path();`);
  }
}
