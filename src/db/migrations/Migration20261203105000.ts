import { Migration } from '@mikro-orm/migrations';

/**
 * docs-file: template versions kept by hash (document_template_version, insert-only), and the
 * 文号 of a document may repeat across the versions of one corrected document (补正/更正 keeps the
 * number): unique (number, version) instead of unique (number).
 */
export class Migration20261203105000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "document_template_version" ("sha256" character(64) not null, "name" text not null, "version" text not null, "text" text not null, "first_used_at" timestamptz not null, constraint "document_template_version_pkey" primary key ("sha256"));`,
    );
    this
      .addSql(`create function document_template_version_immutable() returns trigger language plpgsql as $$
      begin
        raise exception 'document_template_version is insert-only (%)', tg_op using errcode = 'P0001';
      end $$;`);
    this.addSql(
      `create trigger document_template_version_immutable before update or delete on "document_template_version" for each row execute function document_template_version_immutable();`,
    );
    this.addSql(`alter table "case_document" drop constraint "case_document_number_unique";`);
    this.addSql(
      `alter table "case_document" add constraint "case_document_number_unique" unique ("number", "version");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "case_document" drop constraint "case_document_number_unique";`);
    this.addSql(
      `alter table "case_document" add constraint "case_document_number_unique" unique ("number");`,
    );
    this.addSql(
      `drop trigger if exists document_template_version_immutable on "document_template_version";`,
    );
    this.addSql(`drop function if exists document_template_version_immutable();`);
    this.addSql(`drop table if exists "document_template_version" cascade;`);
  }
}
