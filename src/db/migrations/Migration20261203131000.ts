import { Migration } from '@mikro-orm/migrations';

/**
 * Idempotency keys for creates: the first answer per officer and key,
 * with the hash of the request it answered and when it expires. The primary key
 * is the unique constraint that lets exactly one of two concurrent duplicates run.
 */
export class Migration20261203131000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_key" ("officer_id" uuid not null, "key" text not null, "request_hash" character(64) not null, "operation" text not null, "response" jsonb null, "created_at" timestamptz not null default now(), "expires_at" timestamptz not null, constraint "idempotency_key_pkey" primary key ("officer_id", "key"));`,
    );
    this.addSql(
      `create index "idempotency_key_expires_at_index" on "idempotency_key" ("expires_at");`,
    );
    // Created after the default privileges of the row-level-security migration; granted
    // explicitly as well, in case an operator ran that one as another owner.
    this.addSql(`grant select, insert, update, delete on "idempotency_key" to zhifa_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "idempotency_key";`);
  }
}
