import { Migration } from '@mikro-orm/migrations';

/**
 * The 24 hours within which officers who sealed or seized on the spot in an emergency report to the
 * head (Compulsion Law art. 19) are a stored deadline kind. The check lists every kind before it
 * (Migration20261205140000 added COURT_RULING_REVIEW last).
 */
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
  'CORRECTION_PERIOD',
  'COURT_RULING_REVIEW',
];

function check(kinds: readonly string[]): string {
  return `alter table "deadline" add constraint "deadline_kind_check" check("kind" in (${kinds
    .map((k) => `'${k}'`)
    .join(', ')}));`;
}

export class Migration20261206130000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "deadline" drop constraint if exists "deadline_kind_check";`);
    // In the entity's order (after COMPULSORY_MEASURE), so the schema diff sees no change.
    const at = KINDS_BEFORE.indexOf('COMPULSORY_MEASURE') + 1;
    this.addSql(
      check([...KINDS_BEFORE.slice(0, at), 'EMERGENCY_MEASURE_REPORT', ...KINDS_BEFORE.slice(at)]),
    );
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "deadline" where "kind" = 'EMERGENCY_MEASURE_REPORT';`);
    this.addSql(`alter table "deadline" drop constraint if exists "deadline_kind_check";`);
    this.addSql(check(KINDS_BEFORE));
  }
}
