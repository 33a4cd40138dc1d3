import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import {
  DOMAIN_EVENT_TYPES,
  DomainEventTypeEnum,
  type DomainEventType,
} from '../events/domain-event-types.js';
import { uuidv7 } from './uuid.js';
import { EnumColumn, IdColumn, JsonColumn, OfficePathIndex, TimestampColumn } from './columns.js';

/**
 * 领域事件: the transactional outbox. Written in the transaction of
 * the step that caused it, so a rolled-back step emits nothing; append-only
 * (a trigger refuses UPDATE, DELETE and TRUNCATE). `payload` is exactly the
 * body receivers get. Delivery state lives in webhook_delivery.
 */
@ObjectType({ description: '领域事件（事务性发件箱，只增不改；payload 即推送内容）' })
@Entity({ tableName: 'domain_event' })
@OfficePathIndex('domain_event')
@Index({ name: 'domain_event_case_idx', properties: ['caseId', 'occurredAt'] })
export class DomainEvent {
  [OptionalProps]?: 'createdAt';

  @Field(() => ID, { description: '事件 id（接收方据此去重）' })
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @EnumColumn(DomainEventTypeEnum, DOMAIN_EVENT_TYPES, '事件类型（type）')
  type!: DomainEventType;

  @IdColumn('所涉案件', { nullable: true })
  caseId!: string | null;

  /** The office the event belongs to: subscriptions of this office and the offices above see it. */
  @Property({ type: 'text' })
  officePath!: string;

  @TimestampColumn('发生时间')
  occurredAt!: Date;

  @JsonColumn(
    '推送内容（payload，请求体即此 JSON）：结构按事件类型而定，见 payloadSchema 或 payloadSchemaUrl（JSON Schema）',
  )
  payload!: Record<string, unknown>;

  @TimestampColumn('写入发件箱的时间', { defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
