import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import { CURRENT_HASH_VERSION, type ChainedEventContent } from '../audit/hash-chain.js';
import { Case } from './case.entity.js';
import { uuidv7 } from './uuid.js';

/**
 * 全过程记录: one procedural step of a case, append-only. The table refuses
 * UPDATE and DELETE (trigger in the migration); (case, sequence) is unique, so
 * two concurrent steps cannot both extend the chain from the same event.
 */
@ObjectType({ description: '案件全过程记录（哈希链，只增不改）' })
@Entity({ tableName: 'case_event' })
@Unique({ name: 'case_event_sequence_unique', properties: ['case', 'sequence'] })
@Index({ name: 'case_event_occurred_idx', properties: ['occurredAt'] })
export class CaseEvent {
  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @Field(() => Int, { description: '本案第几条记录（从 1 开始）' })
  @Property({ type: 'integer' })
  sequence!: number;

  @Field(() => Date)
  @Property({ type: 'datetime' })
  occurredAt!: Date;

  @Field({ description: '操作（如 decideDocketing）' })
  @Property({ type: 'text' })
  action!: string;

  @Field(() => ID, { description: '操作人' })
  @Property({ type: 'uuid' })
  actorOfficerId!: string;

  @Field({ description: '操作人姓名（记录时）' })
  @Property({ type: 'text' })
  actorName!: string;

  @Field(() => String, { nullable: true, description: '操作人当日有效的执法证件编号' })
  @Property({ type: 'text', nullable: true })
  actorCertificateNumber!: string | null;

  @Field()
  @Property({ type: 'text' })
  fromStatus!: string;

  @Field()
  @Property({ type: 'text' })
  toStatus!: string;

  @Field(() => String, { nullable: true, description: '所适用的规则版本' })
  @Property({ type: 'text', nullable: true })
  rulebookVersion!: string | null;

  @Field({ description: '操作输入的 SHA-256（规范化 JSON）' })
  @Property({ type: 'character', length: 64 })
  inputDigest!: string;

  @Field(() => GraphQLJSON, { description: '记录内容：法律依据、期限、文书等' })
  @Property({ type: 'json' })
  payload!: Record<string, unknown>;

  @Field()
  @Property({ type: 'character', length: 64 })
  previousHash!: string;

  @Field()
  @Property({ type: 'character', length: 64 })
  hash!: string;

  /** Which field list the hash covers (audit/hash-chain.ts HASHED_FIELDS); old events keep theirs. */
  @Field(() => Int, {
    description:
      '哈希版本（hashVersion）：哈希所覆盖的字段清单的版本；1 = 2026年12月前的记录（不含记录 id 与操作人姓名），2 = 覆盖全部显示字段',
  })
  @Property({ type: 'smallint' })
  hashVersion: number = CURRENT_HASH_VERSION;

  toChainContent(): ChainedEventContent {
    return {
      id: this.id,
      hashVersion: this.hashVersion,
      caseId: this.case.id,
      sequence: this.sequence,
      occurredAt: this.occurredAt.toISOString(),
      action: this.action,
      actorOfficerId: this.actorOfficerId,
      actorName: this.actorName,
      actorCertificateNumber: this.actorCertificateNumber,
      fromStatus: this.fromStatus,
      toStatus: this.toStatus,
      rulebookVersion: this.rulebookVersion,
      inputDigest: this.inputDigest,
      payload: this.payload,
      previousHash: this.previousHash,
    };
  }
}
