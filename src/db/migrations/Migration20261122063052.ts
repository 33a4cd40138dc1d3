import { Migration } from '@mikro-orm/migrations';

/** Foundation: offices, officers and their certificates, parties, cases, evidence, decisions. */
export class Migration20261122063052 extends Migration {
  override async up(): Promise<void> {
    // Trigram indexes back the text search on party names and case numbers.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(
      `create table "office" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "level" text check ("level" in ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL', 'COUNTY')) not null, "parent_id" uuid null, "path" text not null, "name" text not null, "division_code" char(6) not null, "unified_social_credit_code" char(18) not null, "short_name" text not null, "reconsideration_organ" text not null, "litigation_court" text not null, "payment_channel" text not null, constraint "office_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "office" add constraint "office_unified_social_credit_code_unique" unique ("unified_social_credit_code");`,
    );
    this.addSql(`create index "office_path_idx" on "office" ("path" text_pattern_ops);`);

    this.addSql(
      `create table "case" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "number" text not null, "office_id" uuid not null, "office_path" text not null, "status" text check ("status" in ('CASE_SOURCE_REGISTERED', 'NOT_DOCKETED', 'INVESTIGATING', 'DOCKETING_CANCELLED', 'TRANSFERRED', 'TRANSFERRED_TO_JUDICIAL_ORGAN', 'PRE_PENALTY_NOTICE_SERVED', 'HEARING_REQUESTED', 'HEARING_SCHEDULED', 'HEARING_CONCLUDED', 'UNDER_LEGAL_REVIEW', 'READY_FOR_DECISION', 'DECIDED_PENALTY', 'DECIDED_NO_PENALTY', 'SUMMARY_PENALTY_IMPOSED')) not null, "title" text not null, "violation_summary" text not null, "registered_on" date not null, "docketed_on" date null, "decided_on" date null, "closed_on" date null, "version" int not null default 1, "search_text" text not null default '', constraint "case_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "case_search_trgm_idx" on "case" using gin ("search_text" gin_trgm_ops);`,
    );
    this.addSql(`create index "case_status_idx" on "case" ("status", "created_at", "id");`);
    this.addSql(
      `create index "case_office_path_idx" on "case" ("office_path" text_pattern_ops, "created_at" desc, "id" desc);`,
    );
    this.addSql(`alter table "case" add constraint "case_number_unique" unique ("number");`);

    this.addSql(
      `create table "evidence" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "case_id" uuid not null, "kind" text check ("kind" in ('DOCUMENTARY', 'PHYSICAL', 'AUDIOVISUAL', 'ELECTRONIC_DATA', 'WITNESS_TESTIMONY', 'PARTY_STATEMENT', 'EXPERT_OPINION', 'INSPECTION_RECORD')) not null, "title" text not null, "description" text not null, "source" text not null, "collected_at" timestamptz not null, "place" text not null, "files" jsonb not null, constraint "evidence_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "evidence_case_idx" on "evidence" ("case_id", "collected_at", "id");`,
    );

    this.addSql(
      `create table "decision" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "case_id" uuid not null, "kind" text check ("kind" in ('PENALTY', 'NO_PENALTY', 'FACTS_NOT_ESTABLISHED', 'TRANSFER_TO_JUDICIAL_ORGAN')) not null, "decided_on" date not null, "document_number" text null, "reasons" text not null, "penalties" jsonb not null, constraint "decision_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "decision_case_idx" on "decision" ("case_id", "decided_on");`);

    this.addSql(
      `create table "officer" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "name" text not null, "office_id" uuid not null, "office_path" text not null, "roles" text[] not null, "active" boolean not null default true, "legal_qualification_number" text null, constraint "officer_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "officer_office_path_idx" on "officer" ("office_path" text_pattern_ops, "created_at" desc, "id" desc);`,
    );

    this.addSql(
      `create table "evidence_collector" ("evidence_id" uuid not null, "officer_id" uuid not null, constraint "evidence_collector_pkey" primary key ("evidence_id", "officer_id"));`,
    );

    this.addSql(
      `create table "enforcement_certificate" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "officer_id" uuid not null, "number" text not null, "issuing_authority" text not null, "valid_from" date not null, "valid_to" date not null, "revoked_on" date null, "revocation_reason" text null, constraint "enforcement_certificate_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "enforcement_certificate" add constraint "enforcement_certificate_number_unique" unique ("number");`,
    );

    this.addSql(
      `create table "case_handler" ("case_id" uuid not null, "officer_id" uuid not null, constraint "case_handler_pkey" primary key ("case_id", "officer_id"));`,
    );

    this.addSql(
      `create table "party" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "kind" text check ("kind" in ('NATURAL_PERSON', 'LEGAL_PERSON', 'OTHER_ORGANIZATION')) not null, "name" text not null, "id_type" text check ("id_type" in ('RESIDENT_ID_CARD', 'UNIFIED_SOCIAL_CREDIT_CODE', 'PASSPORT', 'OTHER')) not null, "id_number" text not null, "address" text not null, "legal_representative" text null, "contact_phone" text null, "electronic_service_consent" boolean not null default false, "electronic_service_address" text null, "office_id" uuid not null, "office_path" text not null, constraint "party_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "party_name_trgm_idx" on "party" using gin ("name" gin_trgm_ops);`);
    this.addSql(
      `create index "party_office_path_idx" on "party" ("office_path" text_pattern_ops, "created_at" desc, "id" desc);`,
    );
    this.addSql(
      `alter table "party" add constraint "party_office_id_number_unique" unique ("office_id", "id_number");`,
    );

    this.addSql(
      `create table "case_party" ("case_id" uuid not null, "party_id" uuid not null, constraint "case_party_pkey" primary key ("case_id", "party_id"));`,
    );

    this.addSql(
      `alter table "office" add constraint "office_parent_id_foreign" foreign key ("parent_id") references "office" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "case" add constraint "case_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "evidence" add constraint "evidence_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "decision" add constraint "decision_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "officer" add constraint "officer_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "evidence_collector" add constraint "evidence_collector_evidence_id_foreign" foreign key ("evidence_id") references "evidence" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "evidence_collector" add constraint "evidence_collector_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "enforcement_certificate" add constraint "enforcement_certificate_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_handler" add constraint "case_handler_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "case_handler" add constraint "case_handler_officer_id_foreign" foreign key ("officer_id") references "officer" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "party" add constraint "party_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_party" add constraint "case_party_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "case_party" add constraint "case_party_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "office" drop constraint "office_parent_id_foreign";`);

    this.addSql(`alter table "case" drop constraint "case_office_id_foreign";`);

    this.addSql(`alter table "officer" drop constraint "officer_office_id_foreign";`);

    this.addSql(`alter table "party" drop constraint "party_office_id_foreign";`);

    this.addSql(`alter table "evidence" drop constraint "evidence_case_id_foreign";`);

    this.addSql(`alter table "decision" drop constraint "decision_case_id_foreign";`);

    this.addSql(`alter table "case_handler" drop constraint "case_handler_case_id_foreign";`);

    this.addSql(`alter table "case_party" drop constraint "case_party_case_id_foreign";`);

    this.addSql(
      `alter table "evidence_collector" drop constraint "evidence_collector_evidence_id_foreign";`,
    );

    this.addSql(
      `alter table "evidence_collector" drop constraint "evidence_collector_officer_id_foreign";`,
    );

    this.addSql(
      `alter table "enforcement_certificate" drop constraint "enforcement_certificate_officer_id_foreign";`,
    );

    this.addSql(`alter table "case_handler" drop constraint "case_handler_officer_id_foreign";`);

    this.addSql(`alter table "case_party" drop constraint "case_party_party_id_foreign";`);

    this.addSql(`drop table if exists "office" cascade;`);

    this.addSql(`drop table if exists "case" cascade;`);

    this.addSql(`drop table if exists "evidence" cascade;`);

    this.addSql(`drop table if exists "decision" cascade;`);

    this.addSql(`drop table if exists "officer" cascade;`);

    this.addSql(`drop table if exists "evidence_collector" cascade;`);

    this.addSql(`drop table if exists "enforcement_certificate" cascade;`);

    this.addSql(`drop table if exists "case_handler" cascade;`);

    this.addSql(`drop table if exists "party" cascade;`);

    this.addSql(`drop table if exists "case_party" cascade;`);
  }
}
