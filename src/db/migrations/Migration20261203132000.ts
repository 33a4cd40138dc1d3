import { Migration } from '@mikro-orm/migrations';

/**
 * The one thing a request must learn before it has a scope: the office path of the
 * officer its token names (active officers only). Security definer, so it answers
 * under row-level security where the officer row itself is not yet visible; it
 * discloses nothing a valid token does not already carry.
 */
export class Migration20261203132000 extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`create function zhifa_officer_scope(officer uuid) returns text language sql stable security definer set search_path = public, pg_temp as $$
  select f.path from officer o join office f on f.id = o.office_id where o.id = officer and o.active
$$;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists zhifa_officer_scope(uuid);`);
  }
}
