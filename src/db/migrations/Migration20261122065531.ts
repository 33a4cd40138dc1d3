import { Migration } from '@mikro-orm/migrations';

/** Per-office rulebook overrides: the values the law leaves to provinces (较大数额 …) with their source. */
export class Migration20261122065531 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "office" add column "rulebook_overrides" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "office" drop column "rulebook_overrides";`);
  }
}
