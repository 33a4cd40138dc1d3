import { ManyToOne, OptionalProps, PrimaryKey, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Case } from './case.entity.js';
import { uuidv7 } from './uuid.js';

/**
 * A record of one case written once and kept as written (its table's trigger refuses UPDATE and
 * DELETE): its own uuid v7 id and the case, and no updatedAt since it never changes.
 */
@ObjectType()
export abstract class AppendOnlyCaseRecord<Optional extends string = never> {
  [OptionalProps]?: Optional;

  @Field(() => ID, { description: '记录标识（id，UUIDv7，全局唯一、不可变）' })
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;
}
