import { Migration } from '@mikro-orm/migrations';

/** 责令限期改正 (APL art. 28(1)): the correction period is a stored deadline kind. */
const KINDS_BEFORE = [
  'DOCKETING',
  'JURISDICTION_DESIGNATION',
  'PRESERVATION_HANDLING',
  'COMPULSORY_MEASURE',
  'STATEMENT',
  'HEARING_REQUEST',
  'CASE_TIME_LIMIT',
  'DECISION_SERVICE',
  'PAYMENT',
  'RECONSIDERATION_PERIOD',
  'LITIGATION_PERIOD',
  'PUBLICATION_WITHDRAWAL',
  'COURT_ENFORCEMENT_WINDOW',
];

function check(kinds: readonly string[]): string {
  return `alter table "deadline" add constraint "deadline_kind_check" check("kind" in (${kinds
    .map((k) => `'${k}'`)
    .join(', ')}));`;
}

export class Migration20261205110000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "deadline" drop constraint if exists "deadline_kind_check";`);
    this.addSql(check([...KINDS_BEFORE, 'CORRECTION_PERIOD']));
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "deadline" where "kind" = 'CORRECTION_PERIOD';`);
    this.addSql(`alter table "deadline" drop constraint if exists "deadline_kind_check";`);
    this.addSql(check(KINDS_BEFORE));
  }
}
