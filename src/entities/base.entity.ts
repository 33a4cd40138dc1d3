import { OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { uuidv7 } from './uuid.js';
import { TimestampColumn } from './columns.js';

@ObjectType()
export abstract class BaseEntity<Optional extends string = never> {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | Optional;

  @Field(() => ID, { description: '记录标识（id，UUIDv7，全局唯一、不可变）' })
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @TimestampColumn('创建时间（createdAt，服务器记录的时刻，UTC）', { defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Field(() => Date, { description: '最后修改时间（updatedAt，UTC）' })
  @Property({ type: 'datetime', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
