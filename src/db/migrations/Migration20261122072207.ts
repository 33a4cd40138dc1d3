import { Migration } from '@mikro-orm/migrations';

/**
 * Domain events for e-government portals (issue 5): the transactional outbox
 * `domain_event` (append-only: a trigger refuses UPDATE, DELETE and TRUNCATE),
 * webhook subscriptions, and one delivery row per (event, subscription) with
 * its retry state, indexed for the dispatcher's due-delivery query.
 */
export class Migration20261122072207 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "domain_event" ("id" uuid not null, "type" text check ("type" in ('CASE_DOCKETED', 'DOCUMENT_ISSUED', 'DOCUMENT_SERVED', 'DECISION_MADE', 'PAYMENT_RECORDED', 'CASE_CLOSED', 'PUBLICATION_DUE', 'PUBLICATION_WITHDRAWN')) not null, "case_id" uuid null, "office_path" text not null, "occurred_at" timestamptz not null, "payload" jsonb not null, "created_at" timestamptz not null default now(), constraint "domain_event_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "domain_event_case_idx" on "domain_event" ("case_id", "occurred_at");`,
    );
    this.addSql(
      `create index "domain_event_office_path_idx" on "domain_event" ("office_path" text_pattern_ops, "created_at" desc, "id" desc);`,
    );

    this.addSql(
      `create table "webhook_subscription" ("id" uuid not null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, "office_id" uuid not null, "office_path" text not null, "url" text not null, "secret" text not null, "event_types" text[] not null, "active" boolean not null default true, "deactivated_at" timestamptz null, "created_by" uuid not null, constraint "webhook_subscription_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_subscription_office_path_idx" on "webhook_subscription" ("office_path" text_pattern_ops, "created_at" desc, "id" desc);`,
    );

    this.addSql(
      `create table "webhook_delivery" ("id" uuid not null, "event_id" uuid not null, "subscription_id" uuid not null, "sequence" bigserial, "status" text check ("status" in ('PENDING', 'FAILED', 'DELIVERED')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz null, "last_attempt_at" timestamptz null, "last_error" text null, "response_status" int null, "delivered_at" timestamptz null, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null, constraint "webhook_delivery_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "webhook_delivery_subscription_idx" on "webhook_delivery" ("subscription_id", "created_at", "id");`,
    );
    this.addSql(
      `create index "webhook_delivery_undelivered_idx" on "webhook_delivery" ("subscription_id", "sequence") where "status" <> 'DELIVERED';`,
    );
    this.addSql(
      `create index "webhook_delivery_due_idx" on "webhook_delivery" ("next_attempt_at", "sequence") where "status" <> 'DELIVERED';`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_event_subscription_unique" unique ("event_id", "subscription_id");`,
    );

    this.addSql(
      `alter table "webhook_subscription" add constraint "webhook_subscription_office_id_foreign" foreign key ("office_id") references "office" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_event_id_foreign" foreign key ("event_id") references "domain_event" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_subscription_id_foreign" foreign key ("subscription_id") references "webhook_subscription" ("id") on update cascade;`,
    );

    this.addSql(`create function domain_event_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'domain_event is append-only: % is not allowed', tg_op using errcode = 'insufficient_privilege';
end
$$;`);
    this.addSql(
      `create trigger domain_event_append_only before update or delete on "domain_event" for each row execute function domain_event_append_only();`,
    );
    this.addSql(
      `create trigger domain_event_no_truncate before truncate on "domain_event" for each statement execute function domain_event_append_only();`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists domain_event_no_truncate on "domain_event";`);
    this.addSql(`drop trigger if exists domain_event_append_only on "domain_event";`);
    this.addSql(`drop function if exists domain_event_append_only();`);
    this.addSql(
      `alter table "webhook_delivery" drop constraint "webhook_delivery_event_id_foreign";`,
    );

    this.addSql(
      `alter table "webhook_delivery" drop constraint "webhook_delivery_subscription_id_foreign";`,
    );

    this.addSql(`drop table if exists "domain_event" cascade;`);

    this.addSql(`drop table if exists "webhook_subscription" cascade;`);

    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
  }
}
