import { Migration } from '@mikro-orm/migrations';

/**
 * The 双公示 publication lifecycle (APL art. 48(1)): the 公示期 end as a column the feed
 * filters on (backfilled from the record's 公示截止期), the party the record names, the
 * ground and basis of a withdrawal (a changed decision, or credit repair), and the
 * decision's recorded publication choice (the office's social-impact finding or the
 * rulebook's presumption).
 */
export class Migration20261204160000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "publication" add column "ends_on" date null;`);
    this.addSql(`update "publication" set "ends_on" = ("fields"->>'公示截止期')::date;`);
    this.addSql(`alter table "publication" alter column "ends_on" set not null;`);
    this.addSql(`alter table "publication" add column "party_id" uuid null;`);
    this.addSql(`alter table "publication" add column "withdrawal_ground" text null;`);
    this.addSql(`alter table "publication" add column "withdrawal_basis" text null;`);
    this.addSql(
      `update "publication" set "withdrawal_ground" = 'DECISION_CHANGED' where "withdrawn_on" is not null;`,
    );
    this.addSql(`alter table "decision" add column "publication_choice" text null;`);
    // The closed sets, as the entities' enum columns declare them.
    this.addSql(
      `alter table "decision" add constraint "decision_publication_choice_check" check("publication_choice" in ('SOCIAL_IMPACT_FOUND', 'NO_SOCIAL_IMPACT_FOUND', 'PRESUMED_SOCIAL_IMPACT', 'PRESUMED_NO_SOCIAL_IMPACT'));`,
    );
    this.addSql(
      `alter table "publication" add constraint "publication_withdrawal_ground_check" check("withdrawal_ground" in ('DECISION_CHANGED', 'CREDIT_REPAIR'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "decision" drop column "publication_choice";`);
    this.addSql(`alter table "publication" drop column "withdrawal_basis";`);
    this.addSql(`alter table "publication" drop column "withdrawal_ground";`);
    this.addSql(`alter table "publication" drop column "party_id";`);
    this.addSql(`alter table "publication" drop column "ends_on";`);
  }
}
