import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ID, ObjectType } from 'type-graphql';
import {
  DOMAIN_EVENT_TYPES,
  DomainEventTypeEnum,
  type DomainEventType,
} from '../events/domain-event-types.js';
import { uuidv7 } from './uuid.js';

/**
 * 领域事件: the transactional outbox. Written in the transaction of
 * the step that caused it, so a rolled-back step emits nothing; append-only
 * (a trigger refuses UPDATE, DELETE and TRUNCATE). `payload` is exactly the
 * body receivers get. Delivery state lives in webhook_delivery.
 */
@ObjectType({ description: '领域事件（事务性发件箱，只增不改；payload 即推送内容）' })
@Entity({ tableName: 'domain_event' })
@Index({
  name: 'domain_event_office_path_idx',
  expression:
    'create index "domain_event_office_path_idx" on "domain_event" ("office_path" text_pattern_ops, "created_at" desc, "id" desc)',
})
@Index({ name: 'domain_event_case_idx', properties: ['caseId', 'occurredAt'] })
export class DomainEvent {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: '事件 id（接收方据此去重）' })
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @Field(() => DomainEventTypeEnum)
  @Enum({ items: () => [...DOMAIN_EVENT_TYPES], type: 'text' })
  type!: DomainEventType;

  @Field(() => ID, { nullable: true, description: '所涉案件' })
  @Property({ type: 'uuid', nullable: true })
  caseId!: string | null;

  /** The office the event belongs to: subscriptions of this office and the offices above see it. */
  @Property({ type: 'text' })
  officePath!: string;

  @Field(() => Date, { description: '发生时间' })
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Field(() => GraphQLJSON, { description: '推送内容（请求体即此 JSON）' })
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Field(() => Date, { description: '写入发件箱的时间' })
  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
