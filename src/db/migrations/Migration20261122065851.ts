import { Migration } from '@mikro-orm/migrations';

/**
 * Generated documents, stored for good (a trigger refuses UPDATE and DELETE;
 * regenerating adds a version); each office's document-number format, address and contact.
 */
export class Migration20261122065851 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "case_document" ("id" uuid not null, "case_id" uuid not null, "kind" text not null, "title" text not null, "version" int not null, "number" text null, "template_name" text not null, "template_sha256" char(64) not null, "model" jsonb not null, "content" bytea not null, "sha256" char(64) not null, "size_bytes" int not null, "created_by" uuid not null, "created_at" timestamptz not null, constraint "case_document_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "case_document_case_idx" on "case_document" ("case_id", "created_at");`,
    );
    this.addSql(
      `alter table "case_document" add constraint "case_document_number_unique" unique ("number");`,
    );
    this.addSql(
      `alter table "case_document" add constraint "case_document_version_unique" unique ("case_id", "kind", "version");`,
    );

    this.addSql(
      `alter table "case_document" add constraint "case_document_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "office" add column "address" text null, add column "postal_code" text null, add column "contact_person" text null, add column "contact_phone" text null, add column "document_number_format" text not null default '{shortName}{code}〔{year}〕{serial}号';`,
    );
    this.addSql(`create function case_document_immutable() returns trigger language plpgsql as $$
begin
  raise exception 'case_document is immutable: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;`);
    this.addSql(
      `create trigger case_document_immutable before update or delete on "case_document" for each row execute function case_document_immutable();`,
    );
    this.addSql(
      `create trigger case_document_no_truncate before truncate on "case_document" for each statement execute function case_document_immutable();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists case_document_no_truncate on "case_document";`);
    this.addSql(`drop trigger if exists case_document_immutable on "case_document";`);
    this.addSql(`drop function if exists case_document_immutable();`);
    this.addSql(`drop table if exists "case_document" cascade;`);

    this.addSql(
      `alter table "office" drop column "address", drop column "postal_code", drop column "contact_person", drop column "contact_phone", drop column "document_number_format";`,
    );
  }
}
