import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { LocalDate } from '../procedure/local-date.js';
import type { PenaltyKind } from '../procedure/penalty-kind.js';
import { PUBLICATION_CHOICES, type PublicationChoice } from '../procedure/publication.js';
import {
  DISCRETION_TIERS,
  type DiscretionGround,
  type DiscretionTier,
} from '../procedure/discretion.js';
import { DiscretionGroundEnum, DiscretionTierEnum } from '../schema/procedure-enums.js';
import {
  DECISION_KINDS,
  DecisionKindEnum,
  PublicationChoiceEnum,
  type DecisionKind,
} from '../schema/enums.js';
import { BaseEntity } from './base.entity.js';
import { Case } from './case.entity.js';
import { BooleanColumn, DateColumn, EnumColumn, IdColumn, TextColumn } from './columns.js';
import { Node } from '../schema/node.js';

/** One penalty imposed by a decision, and the provision it rests on. Amounts are yuan as decimal strings. */
export interface DecidedPenalty {
  kind: PenaltyKind;
  amountYuan: string | null;
  provisionId: string | null;
  /** The party the line is imposed on (multi-party cases); absent: the case's only party. */
  partyId?: string;
  /** Set only for a line on the directly responsible persons (双罚制), not on the party. */
  target?: 'RESPONSIBLE_PERSON';
}

/** 处理决定: the outcome of a case (APL art. 57). */
@ObjectType({ description: '处理决定', implements: Node })
@Entity({ tableName: 'decision' })
@Index({ name: 'decision_case_idx', properties: ['case', 'decidedOn'] })
export class Decision extends BaseEntity<
  | 'documentNumber'
  | 'penalties'
  | 'publicationChoice'
  | 'discretionTier'
  | 'discretionGrounds'
  | 'discretionStatement'
  | 'discretionBenchmark'
  | 'decidedAfterTimeLimit'
  | 'lateDecisionReason'
  | 'lateDecisionApprovedById'
  | 'lateDecisionApprovedOn'
> {
  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @EnumColumn(DecisionKindEnum, DECISION_KINDS, '决定种类（kind）：处罚、不予处罚、撤销案件等')
  kind!: DecisionKind;

  @DateColumn('决定日期')
  decidedOn!: LocalDate;

  @TextColumn('决定书文号', { nullable: true })
  documentNumber?: string | null;

  @TextColumn('决定理由与依据概述')
  reasons!: string;

  @Property({ type: 'json' })
  penalties: DecidedPenalty[] = [];

  @Field(() => PublicationChoiceEnum, {
    nullable: true,
    description:
      '是否公开的认定 publicationChoice（《中华人民共和国行政处罚法》第四十八条第一款；给予处罚的决定才有）',
  })
  @Enum({ items: () => [...PUBLICATION_CHOICES], type: 'text', nullable: true })
  publicationChoice?: PublicationChoice | null;

  @Field(() => DiscretionTierEnum, {
    nullable: true,
    description:
      '裁量档次 discretionTier（《中华人民共和国行政处罚法》第三十四条；给予处罚的决定才有，含当场处罚决定）',
  })
  @Enum({ items: () => [...DISCRETION_TIERS], type: 'text', nullable: true })
  discretionTier?: DiscretionTier | null;

  @Field(() => [DiscretionGroundEnum], {
    description:
      '裁量所依据的情节 discretionGrounds（第三十条至第三十二条、第四十九条或者裁量基准）',
  })
  @Property({ type: 'json' })
  discretionGrounds: DiscretionGround[] = [];

  @TextColumn('裁量说明 discretionStatement', { nullable: true })
  discretionStatement?: string | null;

  @TextColumn('作出决定之日施行的裁量基准版本 discretionBenchmark（如 CAC-DISCRETION-2025）', {
    nullable: true,
  })
  discretionBenchmark?: string | null;
  @BooleanColumn(
    '逾期决定（decidedAfterTimeLimit）：决定日期晚于办案期限（《中华人民共和国行政处罚法》第六十条；规则参数 caseTimeLimit，含依法延长的期限）届满之日',
    { default: false },
  )
  decidedAfterTimeLimit: boolean = false;

  @TextColumn('逾期作出决定的理由（lateDecisionReason）', { nullable: true })
  lateDecisionReason?: string | null;

  @IdColumn('批准逾期作出决定的负责人（lateDecisionApprovedById）', { nullable: true })
  lateDecisionApprovedById?: string | null;

  @DateColumn('负责人批准逾期作出决定的日期（lateDecisionApprovedOn）', { nullable: true })
  lateDecisionApprovedOn?: LocalDate | null;
}
