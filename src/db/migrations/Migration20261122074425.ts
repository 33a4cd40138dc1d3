import { Migration } from '@mikro-orm/migrations';

/** Service records (送达回证): one row per service of a case's documents on a party, with the method, the facts, the servers and the deemed-served date. */
export class Migration20261122074425 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "service_record" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "case_id" uuid not null, "party_id" uuid not null, "documents" jsonb not null, "method" text check ("method" in ('DIRECT', 'ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE', 'LEFT_AT_RESIDENCE', 'ELECTRONIC', 'MAIL', 'ENTRUSTED', 'FORWARDED', 'PUBLIC_NOTICE')) not null, "facts" jsonb not null, "servers" jsonb not null, "served_on" date not null, "deemed_served_on" date not null, "deemed_service_explanation" text not null, "place" text null, "created_by" uuid not null, constraint "service_record_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "service_record_case_idx" on "service_record" ("case_id", "created_at", "id");`,
    );

    this.addSql(
      `alter table "service_record" add constraint "service_record_case_id_foreign" foreign key ("case_id") references "case" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "service_record" add constraint "service_record_party_id_foreign" foreign key ("party_id") references "party" ("id") on update cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "service_record" cascade;`);
  }
}
