import {
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import {
  WEBHOOK_DELIVERY_STATUSES,
  WebhookDeliveryStatusEnum,
  type WebhookDeliveryStatus,
} from '../events/domain-event-types.js';
import { DomainEvent } from './domain-event.entity.js';
import { uuidv7 } from './uuid.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';
import { EnumColumn, IntColumn, TextColumn, TimestampColumn } from './columns.js';

/**
 * 推送记录: one event for one subscription, created in the event's
 * transaction. The dispatcher sends it until a 2xx (at least once), with
 * exponential backoff; its id is the `Zhifa-Delivery-Id` header.
 * `sequence` orders a subscription's deliveries: the dispatcher sends them in
 * that order and holds later ones back while an earlier one is undelivered.
 */
@ObjectType({ description: '事件推送记录' })
@Entity({ tableName: 'webhook_delivery' })
@Unique({
  name: 'webhook_delivery_event_subscription_unique',
  properties: ['event', 'subscription'],
})
@Index({
  name: 'webhook_delivery_due_idx',
  expression:
    'create index "webhook_delivery_due_idx" on "webhook_delivery" ("next_attempt_at", "sequence") where "status" <> \'DELIVERED\'',
})
@Index({
  name: 'webhook_delivery_undelivered_idx',
  expression:
    'create index "webhook_delivery_undelivered_idx" on "webhook_delivery" ("subscription_id", "sequence") where "status" <> \'DELIVERED\'',
})
@Index({
  name: 'webhook_delivery_subscription_idx',
  properties: ['subscription', 'createdAt', 'id'],
})
export class WebhookDelivery {
  [OptionalProps]?:
    | 'createdAt'
    | 'updatedAt'
    | 'sequence'
    | 'status'
    | 'attempts'
    | 'lastAttemptAt'
    | 'lastError'
    | 'responseStatus'
    | 'deliveredAt';

  @Field(() => ID, { description: '推送 id（请求头 Zhifa-Delivery-Id）' })
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => DomainEvent, { ref: false })
  event!: Rel<DomainEvent>;

  @ManyToOne(() => WebhookSubscription, { ref: false })
  subscription!: Rel<WebhookSubscription>;

  /** Insertion order (a database sequence): the order a subscription receives its events in. */
  @Property({ type: 'bigint', autoincrement: true })
  sequence?: string;

  @EnumColumn(WebhookDeliveryStatusEnum, WEBHOOK_DELIVERY_STATUSES, '推送状态（status）')
  status: WebhookDeliveryStatus = 'PENDING';

  @IntColumn('已尝试次数')
  attempts: number = 0;

  @TimestampColumn('下次尝试时间（已送达为空）', { nullable: true })
  nextAttemptAt!: Date | null;

  @TimestampColumn('上次尝试时间（lastAttemptAt）；尚未尝试为空', { nullable: true })
  lastAttemptAt: Date | null = null;

  @TextColumn('上次失败原因（简短）', { nullable: true })
  lastError: string | null = null;

  @IntColumn('接收方上次返回的 HTTP 状态码', { nullable: true })
  responseStatus: number | null = null;

  @TimestampColumn('送达时间（deliveredAt，接收方返回 2xx）；未送达为空', { nullable: true })
  deliveredAt: Date | null = null;

  @TimestampColumn('创建时间（createdAt，事件写入发件箱时排入）', { defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
