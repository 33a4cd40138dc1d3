import { Migration } from '@mikro-orm/migrations';

/**
 * The late decision (APL art. 60 sets a duty, not a forfeiture; legal.md E15): a decision made
 * after the case time limit is flagged, with the recorded reason and the head's approval. The
 * deadline kind COURT_RULING_REVIEW: the 15 days to seek review of a 不予执行 ruling (E14).
 */
export class Migration20261205140000 extends Migration {
  // Keeps CORRECTION_PERIOD, which Migration20261205110000 (责令改正) added before this one.
  override async up(): Promise<void> {
    this.addSql(
      `alter table "decision" add column "decided_after_time_limit" boolean not null default false;`,
    );
    this.addSql(`alter table "decision" add column "late_decision_reason" text null;`);
    this.addSql(`alter table "decision" add column "late_decision_approved_by_id" uuid null;`);
    this.addSql(`alter table "decision" add column "late_decision_approved_on" date null;`);
    // The review period of a 不予执行 ruling (Compulsion Law art. 58(3)).
    this.addSql(`alter table "deadline" drop constraint if exists "deadline_kind_check";`);
    this.addSql(
      `alter table "deadline" add constraint "deadline_kind_check" check("kind" in ('DOCKETING', 'JURISDICTION_DESIGNATION', 'PRESERVATION_HANDLING', 'COMPULSORY_MEASURE', 'STATEMENT', 'HEARING_REQUEST', 'CASE_TIME_LIMIT', 'DECISION_SERVICE', 'PAYMENT', 'RECONSIDERATION_PERIOD', 'LITIGATION_PERIOD', 'PUBLICATION_WITHDRAWAL', 'COURT_ENFORCEMENT_WINDOW', 'CORRECTION_PERIOD', 'COURT_RULING_REVIEW'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "deadline" drop constraint if exists "deadline_kind_check";`);
    this.addSql(
      `alter table "deadline" add constraint "deadline_kind_check" check("kind" in ('DOCKETING', 'JURISDICTION_DESIGNATION', 'PRESERVATION_HANDLING', 'COMPULSORY_MEASURE', 'STATEMENT', 'HEARING_REQUEST', 'CASE_TIME_LIMIT', 'DECISION_SERVICE', 'PAYMENT', 'RECONSIDERATION_PERIOD', 'LITIGATION_PERIOD', 'PUBLICATION_WITHDRAWAL', 'COURT_ENFORCEMENT_WINDOW', 'CORRECTION_PERIOD'));`,
    );
    this.addSql(`alter table "decision" drop column "late_decision_approved_on";`);
    this.addSql(`alter table "decision" drop column "late_decision_approved_by_id";`);
    this.addSql(`alter table "decision" drop column "late_decision_reason";`);
    this.addSql(`alter table "decision" drop column "decided_after_time_limit";`);
  }
}
