import { Migration } from '@mikro-orm/migrations';

/** Procedure state: the stored procedural record of a case, deadlines as dates, gapless number sequences, principal heads. */
export class Migration20261122064726 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "number_sequence" ("office_id" uuid not null, "year" int not null, "kind" text not null, "last" int not null, constraint "number_sequence_pkey" primary key ("office_id", "year", "kind"));`,
    );

    this.addSql(
      `create table "deadline" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "case_id" uuid not null, "office_path" text not null, "kind" text check ("kind" in ('DOCKETING', 'JURISDICTION_DESIGNATION', 'PRESERVATION_HANDLING', 'COMPULSORY_MEASURE', 'STATEMENT', 'HEARING_REQUEST', 'CASE_TIME_LIMIT', 'DECISION_SERVICE')) not null, "trigger_event" text not null, "trigger_date" date not null, "period" jsonb not null, "pauses" jsonb not null, "due_date" date not null, "stopped_on" date null, "explanation" jsonb not null, constraint "deadline_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "deadline_open_due_idx" on "deadline" ("office_path" text_pattern_ops, "due_date") where "stopped_on" is null;`,
    );
    this.addSql(`create index "deadline_case_idx" on "deadline" ("case_id", "kind");`);

    this.addSql(
      `alter table "deadline" add constraint "deadline_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`,
    );

    this.addSql(`alter table "case" add column "procedure_record" jsonb null;`);

    this.addSql(
      `alter table "officer" add column "principal_head" boolean not null default false;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "number_sequence" cascade;`);

    this.addSql(`drop table if exists "deadline" cascade;`);

    this.addSql(`alter table "case" drop column "procedure_record";`);

    this.addSql(`alter table "officer" drop column "principal_head";`);
  }
}
