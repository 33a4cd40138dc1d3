import { Migration } from '@mikro-orm/migrations';

/** 双公示: the publication record of each penalty decision (published, and withdrawn when changed or annulled). */
export class Migration20261122073438 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "publication" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "case_id" uuid not null, "decision_id" uuid not null, "office_path" text not null, "fields" jsonb not null, "due_by" date not null, "published_on" date not null, "withdrawn_on" date null, "withdrawal_due_by" date null, "withdrawal_reason" text null, constraint "publication_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "publication_office_path_idx" on "publication" ("office_path" text_pattern_ops, "created_at" desc, "id" desc);`,
    );
    this.addSql(`create index "publication_feed_idx" on "publication" ("published_on", "id");`);

    this.addSql(
      `alter table "publication" add constraint "publication_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "publication" add constraint "publication_decision_id_foreign" foreign key ("decision_id") references "decision" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "publication" cascade;`);
  }
}
