import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { DeadlineExplanation, PeriodSpec } from '../procedure/calendar/index.js';
import { DEADLINE_KINDS, type DeadlineKind } from '../procedure/case-snapshot.js';
import type { LocalDate } from '../procedure/local-date.js';
import { DeadlineExplanationType } from '../schema/deadline-explanation.types.js';
import { DeadlineKindEnum } from '../schema/enums.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { BaseEntity } from './base.entity.js';
import { Case } from './case.entity.js';
import { BooleanColumn, DateColumn, EnumColumn, TextColumn } from './columns.js';
import { Node } from '../schema/node.js';

export interface DeadlinePause {
  from: LocalDate;
  to?: LocalDate;
  reason: string;
}

/** Outcome of a stopped deadline, as DeadlineStatus reads it (MET / MISSED). */
export type DeadlineOutcome = 'MET' | 'MISSED';

/**
 * Set when an official arrangement is loaded for a deadline that was already met or missed
 * under its provisional due date, and the official date would have changed that outcome.
 * The deadline keeps its outcome; a person reviews the case.
 */
@ObjectType({
  description:
    '待复核标记（DeadlineReviewFlag）：按推定年度已履行或已超期的期限，按正式安排结果会不同',
})
export class DeadlineReviewFlag {
  @Field({ description: '原因（reason）' })
  reason!: string;

  @Field(() => LocalDateScalar, {
    description: '按推定年度计算的届满日（provisionalDueDate），仍有效',
  })
  provisionalDueDate!: LocalDate;

  @Field(() => LocalDateScalar, { description: '按正式安排应为的届满日（officialDueDate）' })
  officialDueDate!: LocalDate;

  @Field(() => String, {
    description: '按推定届满日的结果（outcome：MET 已履行 / MISSED 已超期），保持不变',
  })
  outcome!: DeadlineOutcome;

  @Field(() => String, {
    description: '按正式届满日本应得出的结果（officialOutcome）',
  })
  officialOutcome!: DeadlineOutcome;

  @Field({ description: '载入的国务院办公厅通知（notice）' })
  notice!: string;

  @Field(() => Date, { description: '标记时间（flaggedAt）' })
  flaggedAt!: Date;
}

/**
 * A statutory period of a case, stored as dates (never a timer). Its status
 * (OPEN / MET / MISSED) is read against a date at query time.
 */
@ObjectType({ description: '法定期限', implements: Node })
@Entity({ tableName: 'deadline' })
@Index({ name: 'deadline_case_idx', properties: ['case', 'kind'] })
@Index({
  name: 'deadline_open_due_idx',
  expression:
    'create index "deadline_open_due_idx" on "deadline" ("office_path" text_pattern_ops, "due_date") where "stopped_on" is null',
})
export class Deadline extends BaseEntity<'stoppedOn' | 'pauses' | 'provisional' | 'reviewFlag'> {
  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @Property({ type: 'text' })
  officePath!: string;

  @EnumColumn(DeadlineKindEnum, DEADLINE_KINDS, '期限种类（kind）')
  kind!: DeadlineKind;

  @TextColumn('起算事件（操作）')
  triggerEvent!: string;

  @DateColumn('起算事件日期（期间自次日起算）')
  triggerDate!: LocalDate;

  @Property({ type: 'json' })
  period!: PeriodSpec;

  @Property({ type: 'json' })
  pauses: DeadlinePause[] = [];

  @DateColumn('届满日期')
  dueDate!: LocalDate;

  @DateColumn('期限终结（已履行或不再适用）日期', { nullable: true })
  stoppedOn?: LocalDate | null;

  @Field(() => DeadlineExplanationType, {
    description: '计算说明（explanation）：起算、法律依据、跳过的节假日、中止期间',
  })
  @Property({ type: 'json' })
  explanation!: DeadlineExplanation;

  /** Mirrors explanation.provisional, as a column for monitoring. */
  @BooleanColumn(
    '推定（provisional）：届满日依据尚未公布节假日安排的年度，按《全国年节及纪念日放假办法》推定；正式安排载入后重新计算',
    { default: false },
  )
  provisional: boolean = false;

  @Field(() => DeadlineReviewFlag, {
    nullable: true,
    description: '待复核（reviewFlag）：已履行或已超期后载入正式安排，结果会不同',
  })
  @Property({ type: 'json', nullable: true, fieldName: 'review' })
  reviewFlag: DeadlineReviewFlag | null = null;
}
