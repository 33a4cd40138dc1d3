import { Migration } from '@mikro-orm/migrations';

/**
 * Act dates on the audit trail (issue 8 §2): each case_event records the date of the act
 * (act_date) besides the time it was recorded (occurred_at), and the reason of a late entry.
 * Both are nullable: events recorded before this migration keep their payload's actDate and
 * their hashes (the columns enter the hash only when set). Adding nullable columns rewrites
 * no row, so the append-only triggers are untouched.
 */
export class Migration20261203102000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "case_event" add column "act_date" date null, add column "late_entry_reason" text null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "case_event" drop column "act_date", drop column "late_entry_reason";`,
    );
  }
}
