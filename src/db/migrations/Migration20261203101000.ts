import { Migration } from '@mikro-orm/migrations';

/**
 * Provisional calendar years (issue 8 §1): a deadline computed on a year without the
 * State Council's notice is `provisional`; when the notice is loaded, a deadline already
 * met or missed keeps its outcome and gets a `review` flag if the official date would have
 * changed it. Domain event DEADLINE_RECOMPUTED tells portals of each moved due date.
 */
export class Migration20261203101000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "deadline" add column "provisional" boolean not null default false, add column "review" jsonb null;`,
    );
    this.addSql(`alter table "domain_event" drop constraint if exists "domain_event_type_check";`);
    this.addSql(
      `alter table "domain_event" add constraint "domain_event_type_check" check("type" in ('CASE_DOCKETED', 'DOCUMENT_ISSUED', 'DOCUMENT_SERVED', 'DECISION_MADE', 'PAYMENT_RECORDED', 'CASE_CLOSED', 'PUBLICATION_DUE', 'PUBLICATION_WITHDRAWN', 'DEADLINE_RECOMPUTED'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "deadline" drop column "provisional", drop column "review";`);
    this.addSql(`alter table "domain_event" drop constraint if exists "domain_event_type_check";`);
    this.addSql(
      `alter table "domain_event" add constraint "domain_event_type_check" check("type" in ('CASE_DOCKETED', 'DOCUMENT_ISSUED', 'DOCUMENT_SERVED', 'DECISION_MADE', 'PAYMENT_RECORDED', 'CASE_CLOSED', 'PUBLICATION_DUE', 'PUBLICATION_WITHDRAWN'));`,
    );
  }
}
