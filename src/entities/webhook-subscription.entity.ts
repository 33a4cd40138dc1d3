import { Entity, Enum, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import {
  DOMAIN_EVENT_TYPES,
  DomainEventTypeEnum,
  type DomainEventType,
} from '../events/domain-event-types.js';
import { BaseEntity } from './base.entity.js';
import { Office } from './office.entity.js';
import {
  BooleanColumn,
  IdColumn,
  OfficePathIndex,
  TextColumn,
  TimestampColumn,
} from './columns.js';

/**
 * 事件订阅: an e-government portal's webhook. It receives the events of its
 * office and every office below it, of the listed types. The secret signs
 * each delivery (HMAC-SHA256); it is shown once, at registration, and never
 * exposed or logged afterwards.
 */
@ObjectType('Webhook', { description: '事件推送订阅（政务服务平台的 Webhook）' })
@Entity({ tableName: 'webhook_subscription' })
@OfficePathIndex('webhook_subscription')
export class WebhookSubscription extends BaseEntity<'active' | 'deactivatedAt'> {
  @ManyToOne(() => Office, { ref: false })
  office!: Rel<Office>;

  /** The office's path: events whose office path starts with it are delivered. */
  @Property({ type: 'text' })
  officePath!: string;

  @TextColumn('接收地址（http 或 https）')
  url!: string;

  /** HMAC key; lazy and hidden so it is loaded only by the dispatcher and never serialized. */
  @Property({ type: 'text', lazy: true, hidden: true })
  secret!: string;

  @Field(() => [DomainEventTypeEnum], { description: '订阅的事件类型' })
  @Enum({ items: () => [...DOMAIN_EVENT_TYPES], type: 'text', array: true })
  eventTypes!: DomainEventType[];

  @BooleanColumn('有效（active）：停用后不再推送')
  active: boolean = true;

  @TimestampColumn('停用时间', { nullable: true })
  deactivatedAt: Date | null = null;

  @IdColumn('登记人')
  createdBy!: string;
}
