import { Migration } from '@mikro-orm/migrations';

/**
 * 约谈 (interview, CSL 2025 art. 58, PIPL art. 64, DSL art. 44): a supervisory measure, not a
 * penalty, recorded by the office that held it. Office-scoped like party: the office path is
 * copied onto the row, and the same row-level-security policy (Migration20261203130000) hides
 * rows outside the request's office subtree.
 */
export class Migration20261205190000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "interview" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "office_id" uuid not null, "office_path" text not null, "party_id" uuid not null, "case_id" uuid null, "interviewed_on" date not null, "legal_basis" text check ("legal_basis" in ('CSL_2025_58', 'PIPL_64', 'DSL_44')) not null, "interviewees" jsonb not null, "officers" jsonb not null, "matters" text not null, "rectification_required" boolean not null, "rectification_due_on" date null, "followed_up_on" date null, "rectified" boolean null, "follow_up_note" text null, constraint "interview_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "interview_office_path_idx" on "interview" ("office_path" text_pattern_ops, "created_at" desc, "id" desc);`,
    );
    this.addSql(
      `alter table "interview" add constraint "interview_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "interview" add constraint "interview_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "interview" add constraint "interview_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade on delete set null;`,
    );
    const inScope = `starts_with(office_path, zhifa_scope_path())`;
    this.addSql(`alter table "interview" enable row level security;`);
    this.addSql(
      `create policy office_scope on "interview" using (${inScope}) with check (${inScope});`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "interview" cascade;`);
  }
}
