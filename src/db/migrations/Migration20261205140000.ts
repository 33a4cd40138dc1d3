import { Migration } from '@mikro-orm/migrations';

/**
 * The late decision (APL art. 60 sets a duty, not a forfeiture; legal.md E15): a decision made
 * after the case time limit is flagged, with the recorded reason and the head's approval.
 */
export class Migration20261205140000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "decision" add column "decided_after_time_limit" boolean not null default false;`,
    );
    this.addSql(`alter table "decision" add column "late_decision_reason" text null;`);
    this.addSql(`alter table "decision" add column "late_decision_approved_by_id" uuid null;`);
    this.addSql(`alter table "decision" add column "late_decision_approved_on" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "decision" drop column "late_decision_approved_on";`);
    this.addSql(`alter table "decision" drop column "late_decision_approved_by_id";`);
    this.addSql(`alter table "decision" drop column "late_decision_reason";`);
    this.addSql(`alter table "decision" drop column "decided_after_time_limit";`);
  }
}
