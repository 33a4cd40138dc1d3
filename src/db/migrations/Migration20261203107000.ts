import { Migration } from '@mikro-orm/migrations';

/**
 * Tamper evidence (issue 11, D5):
 * - case_event.hash_version: events recorded from now on are hashed with
 *   version 2 (every shown field, actor_name included); old rows keep 1.
 * - case.chain_head / case.chain_length: the last hash and the number of
 *   events, kept by a trigger in the appending transaction (which also refuses
 *   an event that does not extend the recorded head), so cutting events off
 *   the end is detected. Backfilled from the existing events.
 * - audit_checkpoint: signed Merkle roots over every case's chain head,
 *   append-only like the events.
 */
export class Migration20261203107000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "case_event" add column "hash_version" smallint not null default 1;`);
    this.addSql(`alter table "case_event" alter column "hash_version" set default 2;`);
    this.addSql(
      `alter table "case" add column "chain_head" char(64) null, add column "chain_length" int not null default 0;`,
    );
    this.addSql(`update "case" c set chain_head = e.hash, chain_length = e.sequence
      from (select distinct on (case_id) case_id, hash, sequence from case_event order by case_id, sequence desc) e
      where e.case_id = c.id;`);
    // security definer: the append must move the head even where row-level security hides the case row.
    this
      .addSql(`create function case_event_extend_head() returns trigger language plpgsql security definer set search_path = public, pg_temp as $$
declare
  recorded record;
begin
  select chain_head, chain_length into recorded from "case" where id = new.case_id for update;
  if new.sequence <> recorded.chain_length + 1
     or new.previous_hash <> coalesce(recorded.chain_head, repeat('0', 64)) then
    raise exception 'case_event % does not extend the recorded chain head of case %', new.sequence, new.case_id
      using errcode = 'unique_violation', constraint = 'case_event_sequence_unique';
  end if;
  update "case" set chain_head = new.hash, chain_length = new.sequence where id = new.case_id;
  return new;
end
$$;`);
    this.addSql(
      `create trigger case_event_extend_head before insert on "case_event" for each row execute function case_event_extend_head();`,
    );

    this.addSql(`create table "audit_checkpoint" (
      "sequence" int not null,
      "created_at" timestamptz not null,
      "case_count" int not null,
      "merkle_root" char(64) not null,
      "previous_checkpoint_hash" char(64) not null,
      "signed_statement" text not null,
      "signature" text not null,
      "key_id" char(64) not null,
      "leaves" jsonb not null,
      constraint "audit_checkpoint_pkey" primary key ("sequence"));`);
    this
      .addSql(`create function audit_checkpoint_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_checkpoint is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;`);
    this.addSql(
      `create trigger audit_checkpoint_append_only before update or delete on "audit_checkpoint" for each row execute function audit_checkpoint_append_only();`,
    );
    this.addSql(
      `create trigger audit_checkpoint_no_truncate before truncate on "audit_checkpoint" for each statement execute function audit_checkpoint_append_only();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "audit_checkpoint" cascade;`);
    this.addSql(`drop function if exists audit_checkpoint_append_only();`);
    this.addSql(`drop trigger if exists case_event_extend_head on "case_event";`);
    this.addSql(`drop function if exists case_event_extend_head();`);
    this.addSql(`alter table "case" drop column "chain_head", drop column "chain_length";`);
    this.addSql(`alter table "case_event" drop column "hash_version";`);
  }
}
