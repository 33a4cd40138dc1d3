import { Migration } from '@mikro-orm/migrations';

/**
 * Pending documents (待制作文书): documents a step declared due and did not produce itself,
 * kept with the document that later fulfilled them. Cases recorded before this table have none.
 */
export class Migration20261203120000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "pending_document" ("id" uuid not null, "case_id" uuid not null, "kind" text not null, "title" text not null, "due_by" text not null, "due_since" date not null, "due_sequence" int not null, "required" boolean not null, "fulfilled_by_id" uuid null, "fulfilled_at" timestamptz null, "created_at" timestamptz not null default now(), constraint "pending_document_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "pending_document_case_idx" on "pending_document" ("case_id", "due_sequence");`,
    );
    this.addSql(
      `alter table "pending_document" add constraint "pending_document_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "pending_document" add constraint "pending_document_fulfilled_by_id_foreign" foreign key ("fulfilled_by_id") references "case_document" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "pending_document" cascade;`);
  }
}
