import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import {
  DOMAIN_EVENT_TYPES,
  DomainEventTypeEnum,
  type DomainEventType,
} from '../events/domain-event-types.js';
import { BaseEntity } from './base.entity.js';
import { Office } from './office.entity.js';

/**
 * 事件订阅: an e-government portal's webhook. It receives the events of its
 * office and every office below it, of the listed types. The secret signs
 * each delivery (HMAC-SHA256); it is shown once, at registration, and never
 * exposed or logged afterwards.
 */
@ObjectType('Webhook', { description: '事件推送订阅（政务服务平台的 Webhook）' })
@Entity({ tableName: 'webhook_subscription' })
@Index({
  name: 'webhook_subscription_office_path_idx',
  expression:
    'create index "webhook_subscription_office_path_idx" on "webhook_subscription" ("office_path" text_pattern_ops, "created_at" desc, "id" desc)',
})
export class WebhookSubscription extends BaseEntity<'active' | 'deactivatedAt'> {
  @ManyToOne(() => Office, { ref: false })
  office!: Rel<Office>;

  /** The office's path: events whose office path starts with it are delivered. */
  @Property({ type: 'text' })
  officePath!: string;

  @Field({ description: '接收地址（http 或 https）' })
  @Property({ type: 'text' })
  url!: string;

  /** HMAC key; lazy and hidden so it is loaded only by the dispatcher and never serialized. */
  @Property({ type: 'text', lazy: true, hidden: true })
  secret!: string;

  @Field(() => [DomainEventTypeEnum], { description: '订阅的事件类型' })
  @Enum({ items: () => [...DOMAIN_EVENT_TYPES], type: 'text', array: true })
  eventTypes!: DomainEventType[];

  @Field()
  @Property({ type: 'boolean' })
  active: boolean = true;

  @Field(() => Date, { nullable: true, description: '停用时间' })
  @Property({ type: 'datetime', nullable: true })
  deactivatedAt: Date | null = null;

  @Field(() => ID, { description: '登记人' })
  @Property({ type: 'uuid' })
  createdBy!: string;
}
