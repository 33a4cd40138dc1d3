import { Migration } from '@mikro-orm/migrations';

/**
 * Audit hash version 3 (the act date and the late-entry reason join the hashed fields):
 * new events default to it; recorded events keep the version they were hashed with.
 */
export class Migration20261203109000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "case_event" alter column "hash_version" set default 3;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_event" alter column "hash_version" set default 2;`);
  }
}
