import { Migration } from '@mikro-orm/migrations';

/**
 * The discretion recorded with a penalty decision (APL arts. 30-34, legal.md E10): the tier, the
 * grounds, the statement and the discretion benchmark in force on the decision date; and the
 * internet channel for reconsideration given with an electronically served decision
 * (Reconsideration Law art. 22(2), legal.md E9), with the office's default channel. The tables are office-scoped through their case
 * (existing RLS policies cover the new columns).
 */
export class Migration20261205120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "decision" add column "discretion_tier" text null;`);
    this.addSql(
      `alter table "decision" add column "discretion_grounds" jsonb not null default '[]';`,
    );
    this.addSql(`alter table "decision" alter column "discretion_grounds" drop default;`);
    this.addSql(`alter table "decision" add column "discretion_statement" text null;`);
    this.addSql(`alter table "decision" add column "discretion_benchmark" text null;`);
    this.addSql(
      `alter table "decision" add constraint "decision_discretion_tier_check" check("discretion_tier" in ('NO_PENALTY', 'MITIGATED', 'LIGHTER', 'ORDINARY', 'HEAVIER'));`,
    );
    this.addSql(`alter table "service_record" add column "reconsideration_channel" text null;`);
    this.addSql(`alter table "office" add column "online_reconsideration_channel" text null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "office" drop column "online_reconsideration_channel";`);
    this.addSql(`alter table "service_record" drop column "reconsideration_channel";`);
    this.addSql(`alter table "decision" drop column "discretion_benchmark";`);
    this.addSql(`alter table "decision" drop column "discretion_statement";`);
    this.addSql(`alter table "decision" drop column "discretion_grounds";`);
    this.addSql(`alter table "decision" drop column "discretion_tier";`);
  }
}
