import { Migration } from '@mikro-orm/migrations';

/** After the decision: service, execution, remedies, enforcement and closure statuses and periods; the date a party consented to electronic service. */
export class Migration20261122073646 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "case" drop constraint if exists "case_status_check";`);

    this.addSql(`alter table "deadline" drop constraint if exists "deadline_kind_check";`);

    this.addSql(
      `alter table "case" add constraint "case_status_check" check("status" in ('CASE_SOURCE_REGISTERED', 'NOT_DOCKETED', 'INVESTIGATING', 'DOCKETING_CANCELLED', 'TRANSFERRED', 'TRANSFERRED_TO_JUDICIAL_ORGAN', 'PRE_PENALTY_NOTICE_SERVED', 'HEARING_REQUESTED', 'HEARING_SCHEDULED', 'HEARING_CONCLUDED', 'UNDER_LEGAL_REVIEW', 'READY_FOR_DECISION', 'DECIDED_PENALTY', 'DECIDED_NO_PENALTY', 'SUMMARY_PENALTY_IMPOSED', 'DECISION_SERVED', 'INSTALMENT_PLAN', 'ENFORCEMENT_DEMAND_ISSUED', 'COURT_ENFORCEMENT_APPLIED', 'ENFORCEMENT_TERMINATED', 'EXECUTED', 'CLOSED'));`,
    );

    this.addSql(
      `alter table "deadline" add constraint "deadline_kind_check" check("kind" in ('DOCKETING', 'JURISDICTION_DESIGNATION', 'PRESERVATION_HANDLING', 'COMPULSORY_MEASURE', 'STATEMENT', 'HEARING_REQUEST', 'CASE_TIME_LIMIT', 'DECISION_SERVICE', 'PAYMENT', 'RECONSIDERATION_PERIOD', 'LITIGATION_PERIOD', 'PUBLICATION_WITHDRAWAL', 'COURT_ENFORCEMENT_WINDOW'));`,
    );

    this.addSql(`alter table "party" add column "electronic_service_consent_on" date null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case" drop constraint if exists "case_status_check";`);

    this.addSql(`alter table "deadline" drop constraint if exists "deadline_kind_check";`);

    this.addSql(
      `alter table "case" add constraint "case_status_check" check("status" in ('CASE_SOURCE_REGISTERED', 'NOT_DOCKETED', 'INVESTIGATING', 'DOCKETING_CANCELLED', 'TRANSFERRED', 'TRANSFERRED_TO_JUDICIAL_ORGAN', 'PRE_PENALTY_NOTICE_SERVED', 'HEARING_REQUESTED', 'HEARING_SCHEDULED', 'HEARING_CONCLUDED', 'UNDER_LEGAL_REVIEW', 'READY_FOR_DECISION', 'DECIDED_PENALTY', 'DECIDED_NO_PENALTY', 'SUMMARY_PENALTY_IMPOSED'));`,
    );

    this.addSql(
      `alter table "deadline" add constraint "deadline_kind_check" check("kind" in ('DOCKETING', 'JURISDICTION_DESIGNATION', 'PRESERVATION_HANDLING', 'COMPULSORY_MEASURE', 'STATEMENT', 'HEARING_REQUEST', 'CASE_TIME_LIMIT', 'DECISION_SERVICE'));`,
    );

    this.addSql(`alter table "party" drop column "electronic_service_consent_on";`);
  }
}
