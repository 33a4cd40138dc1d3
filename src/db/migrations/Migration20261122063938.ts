import { Migration } from '@mikro-orm/migrations';

/** Indexes for the list filters: office level and name, officer role and name, party kind and ID number. */
export class Migration20261122063938 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "office_level_idx" on "office" ("level", "created_at", "id");`);
    this.addSql(`create index "office_name_trgm_idx" on "office" using gin ("name" gin_trgm_ops);`);

    this.addSql(
      `create index "officer_name_trgm_idx" on "officer" using gin ("name" gin_trgm_ops);`,
    );
    this.addSql(`create index "officer_roles_idx" on "officer" using gin ("roles");`);

    this.addSql(`create index "party_kind_idx" on "party" ("kind", "created_at", "id");`);
    this.addSql(
      `create index "party_id_number_trgm_idx" on "party" using gin ("id_number" gin_trgm_ops);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "office_level_idx";`);
    this.addSql(`drop index "office_name_trgm_idx";`);

    this.addSql(`drop index "officer_name_trgm_idx";`);
    this.addSql(`drop index "officer_roles_idx";`);

    this.addSql(`drop index "party_kind_idx";`);
    this.addSql(`drop index "party_id_number_trgm_idx";`);
  }
}
