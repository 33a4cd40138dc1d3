import { Migration } from '@mikro-orm/migrations';

/**
 * The version of what authentication caches about an officer: a digest of the officer's
 * row and their office's row, null when the officer is inactive or unknown. Read in the
 * statement that opens each request's scope, so a cached actor is used only while
 * neither row changed (deactivation, roles, office move, office details), whichever
 * process changed them. Security definer for the same reason as zhifa_officer_scope.
 */
export class Migration20261204110000 extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`create function zhifa_officer_stamp(officer uuid) returns text language sql stable security definer set search_path = public, pg_temp as $$
  select md5(o::text || f::text) from officer o join office f on f.id = o.office_id where o.id = officer and o.active
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists zhifa_officer_stamp(uuid);`);
  }
}
