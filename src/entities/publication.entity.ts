import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { LocalDate } from '../procedure/local-date.js';
import type { PublicationFields } from '../publication/publication-record.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { BaseEntity } from './base.entity.js';
import { Case } from './case.entity.js';
import { Decision } from './decision.entity.js';

/**
 * 双公示 record of a penalty decision: published within 7 working days of the
 * decision (dueBy), withdrawn within 3 working days once the decision is
 * changed or annulled (APL art. 48).
 */
@ObjectType({ description: '行政处罚信息公示（双公示）' })
@Entity({ tableName: 'publication' })
@Index({ name: 'publication_feed_idx', properties: ['publishedOn', 'id'] })
@Index({
  name: 'publication_office_path_idx',
  expression:
    'create index "publication_office_path_idx" on "publication" ("office_path" text_pattern_ops, "created_at" desc, "id" desc)',
})
export class Publication extends BaseEntity<
  'withdrawnOn' | 'withdrawalDueBy' | 'withdrawalReason'
> {
  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @ManyToOne(() => Decision, { ref: false })
  decision!: Rel<Decision>;

  @Property({ type: 'text' })
  officePath!: string;

  @Field(() => GraphQLJSON, { description: '公示字段（自然人证件号码已屏蔽，金额单位万元）' })
  @Property({ type: 'json' })
  fields!: PublicationFields;

  @Field(() => LocalDateScalar, {
    description: '应公示的最后日期（自决定之日起，按规则参数 publicationPeriod 计算）',
  })
  @Property({ type: 'date' })
  dueBy!: LocalDate;

  @Field(() => LocalDateScalar, { description: '公示日期' })
  @Property({ type: 'date' })
  publishedOn!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: '撤下日期' })
  @Property({ type: 'date', nullable: true })
  withdrawnOn?: LocalDate | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '应撤下的最后日期（自决定变更或撤销之日起，按规则参数 publicationWithdrawalPeriod 计算）',
  })
  @Property({ type: 'date', nullable: true })
  withdrawalDueBy?: LocalDate | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  withdrawalReason?: string | null;
}
