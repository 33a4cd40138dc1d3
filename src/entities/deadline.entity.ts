import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { GraphQLJSON } from 'graphql-scalars';
import { Field, ObjectType } from 'type-graphql';
import type { DeadlineExplanation, PeriodSpec } from '../procedure/calendar/index.js';
import { DEADLINE_KINDS, type DeadlineKind } from '../procedure/case-snapshot.js';
import type { LocalDate } from '../procedure/local-date.js';
import { DeadlineKindEnum } from '../schema/enums.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { BaseEntity } from './base.entity.js';
import { Case } from './case.entity.js';

export interface DeadlinePause {
  from: LocalDate;
  to?: LocalDate;
  reason: string;
}

/**
 * A statutory period of a case, stored as dates (never a timer). Its status
 * (OPEN / MET / MISSED) is read against a date at query time.
 */
@ObjectType({ description: '法定期限' })
@Entity({ tableName: 'deadline' })
@Index({ name: 'deadline_case_idx', properties: ['case', 'kind'] })
@Index({
  name: 'deadline_open_due_idx',
  expression:
    'create index "deadline_open_due_idx" on "deadline" ("office_path" text_pattern_ops, "due_date") where "stopped_on" is null',
})
export class Deadline extends BaseEntity<'stoppedOn' | 'pauses'> {
  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @Property({ type: 'text' })
  officePath!: string;

  @Field(() => DeadlineKindEnum)
  @Enum({ items: () => [...DEADLINE_KINDS], type: 'text' })
  kind!: DeadlineKind;

  @Field({ description: '起算事件（操作）' })
  @Property({ type: 'text' })
  triggerEvent!: string;

  @Field(() => LocalDateScalar, { description: '起算事件日期（期间自次日起算）' })
  @Property({ type: 'date' })
  triggerDate!: LocalDate;

  @Property({ type: 'json' })
  period!: PeriodSpec;

  @Property({ type: 'json' })
  pauses: DeadlinePause[] = [];

  @Field(() => LocalDateScalar, { description: '届满日期' })
  @Property({ type: 'date' })
  dueDate!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: '期限终结（已履行或不再适用）日期' })
  @Property({ type: 'date', nullable: true })
  stoppedOn?: LocalDate | null;

  @Field(() => GraphQLJSON, { description: '计算说明：起算、法律依据、跳过的节假日、中止期间' })
  @Property({ type: 'json' })
  explanation!: DeadlineExplanation;
}
