import { Migration } from '@mikro-orm/migrations';

/**
 * The case audit trail (hash-chained, append-only: a trigger refuses UPDATE and
 * DELETE), the working-day calendar years, and the penalty provisions catalog.
 */
export class Migration20261122064243 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "calendar_year" ("year" int not null, "data" jsonb not null, "loaded_at" timestamptz not null, "loaded_by" uuid null, constraint "calendar_year_pkey" primary key ("year"));`,
    );

    this.addSql(
      `create table "case_event" ("id" uuid not null, "case_id" uuid not null, "sequence" int not null, "occurred_at" timestamptz not null, "action" text not null, "actor_officer_id" uuid not null, "actor_name" text not null, "actor_certificate_number" text null, "from_status" text not null, "to_status" text not null, "rulebook_version" text null, "input_digest" char(64) not null, "payload" jsonb not null, "previous_hash" char(64) not null, "hash" char(64) not null, constraint "case_event_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "case_event_occurred_idx" on "case_event" ("occurred_at");`);
    this.addSql(
      `alter table "case_event" add constraint "case_event_sequence_unique" unique ("case_id", "sequence");`,
    );

    this.addSql(
      `create table "penalty_provision" ("id" text not null, "law" text not null, "valid_from" date not null, "valid_to" date null, "data" jsonb not null, "updated_at" timestamptz not null, "updated_by" uuid null, constraint "penalty_provision_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "penalty_provision_law_idx" on "penalty_provision" ("law", "valid_from");`,
    );

    this.addSql(
      `alter table "case_event" add constraint "case_event_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`,
    );
    // Append-only at the database level too, whatever code runs against it.
    this.addSql(`create function case_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'case_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;`);
    this.addSql(
      `create trigger case_event_append_only before update or delete on "case_event" for each row execute function case_event_append_only();`,
    );
    this.addSql(
      `create trigger case_event_no_truncate before truncate on "case_event" for each statement execute function case_event_append_only();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists case_event_no_truncate on "case_event";`);
    this.addSql(`drop trigger if exists case_event_append_only on "case_event";`);
    this.addSql(`drop function if exists case_event_append_only();`);
    this.addSql(`drop table if exists "calendar_year" cascade;`);

    this.addSql(`drop table if exists "case_event" cascade;`);

    this.addSql(`drop table if exists "penalty_provision" cascade;`);
  }
}
