import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { LocalDate } from '../procedure/local-date.js';
import type { PenaltyKind } from '../procedure/penalty-kind.js';
import { DECISION_KINDS, DecisionKindEnum, type DecisionKind } from '../schema/enums.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { BaseEntity } from './base.entity.js';
import { Case } from './case.entity.js';

/** One penalty imposed by a decision, and the provision it rests on. Amounts are yuan as decimal strings. */
export interface DecidedPenalty {
  kind: PenaltyKind;
  amountYuan: string | null;
  provisionId: string | null;
}

/** 处理决定: the outcome of a case (APL art. 57). */
@ObjectType({ description: '处理决定' })
@Entity({ tableName: 'decision' })
@Index({ name: 'decision_case_idx', properties: ['case', 'decidedOn'] })
export class Decision extends BaseEntity<'documentNumber' | 'penalties'> {
  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @Field(() => DecisionKindEnum)
  @Enum({ items: () => [...DECISION_KINDS], type: 'text' })
  kind!: DecisionKind;

  @Field(() => LocalDateScalar, { description: '决定日期' })
  @Property({ type: 'date' })
  decidedOn!: LocalDate;

  @Field(() => String, { nullable: true, description: '决定书文号' })
  @Property({ type: 'text', nullable: true })
  documentNumber?: string | null;

  @Field({ description: '决定理由与依据概述' })
  @Property({ type: 'text' })
  reasons!: string;

  @Property({ type: 'json' })
  penalties: DecidedPenalty[] = [];
}
