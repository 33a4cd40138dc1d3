import { Migration } from '@mikro-orm/migrations';

/**
 * 约谈的全过程记录: interview steps are hash-chained like case steps. A stand-alone interview has
 * no case chain, and a linked one is still the office's supervisory act rather than a step of the
 * case, so the chain is per office ((office_id, sequence) unique). Append-only at the database
 * level (a trigger refuses UPDATE, DELETE and TRUNCATE) and office-scoped by the same row-level
 * security as the interview itself.
 */
export class Migration20261206110000 extends Migration {
  // Also: the 约谈笔录's fields on interview and its stored documents (interview_document).
  override async up(): Promise<void> {
    this.addSql(
      `create table "interview_event" ("id" uuid not null, "office_id" uuid not null, "office_path" text not null, "interview_id" uuid not null, "case_id" uuid null, "sequence" int not null, "occurred_at" timestamptz not null, "act_date" date not null, "action" text not null, "actor_officer_id" uuid not null, "actor_name" text not null, "input_digest" character(64) not null, "payload" jsonb not null, "previous_hash" character(64) not null, "hash" character(64) not null, constraint "interview_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "interview_event" add constraint "interview_event_sequence_unique" unique ("office_id", "sequence");`,
    );
    this.addSql(
      `create index "interview_event_interview_idx" on "interview_event" ("interview_id", "sequence");`,
    );
    this.addSql(
      `alter table "interview_event" add constraint "interview_event_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "interview_event" add constraint "interview_event_interview_id_foreign" foreign key ("interview_id") references "interview" ("id") on update cascade;`,
    );
    this
      .addSql(`create function interview_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'interview_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;`);
    this.addSql(
      `create trigger interview_event_append_only before update or delete on "interview_event" for each row execute function interview_event_append_only();`,
    );
    this.addSql(
      `create trigger interview_event_no_truncate before truncate on "interview_event" for each statement execute function interview_event_append_only();`,
    );
    const inScope = `starts_with(office_path, zhifa_scope_path())`;
    this.addSql(`alter table "interview_event" enable row level security;`);
    this.addSql(
      `create policy office_scope on "interview_event" using (${inScope}) with check (${inScope});`,
    );
    // What the 约谈笔录 records besides (time, place, the interviewees' statement); null on
    // interviews recorded before, which have no record.
    this.addSql(
      `alter table "interview" add column "place" text null, add column "start_time" text null, add column "end_time" text null, add column "interviewee_statement" text null;`,
    );
    // 约谈文书: stored for good, like case_document (see InterviewDocument for why apart).
    this.addSql(
      `create table "interview_document" ("id" uuid not null, "interview_id" uuid not null, "office_path" text not null, "kind" text not null, "title" text not null, "version" int not null, "template_name" text not null, "template_sha256" character(64) not null, "model" jsonb not null, "content" bytea not null, "sha256" character(64) not null, "size_bytes" int not null, "created_by" uuid not null, "created_at" timestamptz not null, constraint "interview_document_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "interview_document" add constraint "interview_document_version_unique" unique ("interview_id", "kind", "version");`,
    );
    this.addSql(
      `create index "interview_document_interview_idx" on "interview_document" ("interview_id", "created_at");`,
    );
    this.addSql(
      `alter table "interview_document" add constraint "interview_document_interview_id_foreign" foreign key ("interview_id") references "interview" ("id") on update cascade;`,
    );
    this
      .addSql(`create function interview_document_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'interview_document is immutable: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;`);
    this.addSql(
      `create trigger interview_document_immutable before update or delete on "interview_document" for each row execute function interview_document_immutable();`,
    );
    this.addSql(`alter table "interview_document" enable row level security;`);
    this.addSql(
      `create policy office_scope on "interview_document" using (${inScope}) with check (${inScope});`,
    );
    // The overdue filter: open rectifications by due date within an office subtree.
    this.addSql(
      `create index "interview_rectification_open_idx" on "interview" ("office_path" text_pattern_ops, "rectification_due_on") where "rectification_required" and "rectified" is not true;`,
    );
    // CaseInterviewsResolver's batch: the interviews of a page of cases.
    this.addSql(`create index "interview_case_idx" on "interview" ("case_id", "interviewed_on");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "interview_case_idx";`);
    this.addSql(`drop index if exists "interview_rectification_open_idx";`);
    this.addSql(`drop table if exists "interview_document" cascade;`);
    this.addSql(`drop function if exists interview_document_immutable();`);
    this.addSql(
      `alter table "interview" drop column "place", drop column "start_time", drop column "end_time", drop column "interviewee_statement";`,
    );
    this.addSql(`drop table if exists "interview_event" cascade;`);
    this.addSql(`drop function if exists interview_event_append_only();`);
  }
}
