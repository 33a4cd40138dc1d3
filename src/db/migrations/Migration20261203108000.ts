import { Migration } from '@mikro-orm/migrations';

/** Webhook dead letter: a delivery that failed its last allowed attempt waits for an operator (redeliverWebhook). */
export class Migration20261203108000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "webhook_delivery" drop constraint if exists "webhook_delivery_status_check";`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_status_check" check ("status" in ('PENDING', 'FAILED', 'DELIVERED', 'DEAD_LETTER'));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `update "webhook_delivery" set "status" = 'FAILED' where "status" = 'DEAD_LETTER';`,
    );
    this.addSql(
      `alter table "webhook_delivery" drop constraint if exists "webhook_delivery_status_check";`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_status_check" check ("status" in ('PENDING', 'FAILED', 'DELIVERED'));`,
    );
  }
}
