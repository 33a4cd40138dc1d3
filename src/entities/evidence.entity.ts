import {
  Collection,
  Entity,
  Enum,
  Index,
  ManyToMany,
  ManyToOne,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { EVIDENCE_KINDS, type EvidenceKind } from '../procedure/evidence-kind.js';
import { EvidenceKindEnum } from '../schema/enums.js';
import { BaseEntity } from './base.entity.js';
import { Case } from './case.entity.js';
import { Officer } from './officer.entity.js';

export interface EvidenceFile {
  name: string;
  sha256: string;
  sizeBytes: number;
}

/** 证据: one item of evidence in a case, with who collected it, when, where and from what source. */
@ObjectType({ description: '证据' })
@Entity({ tableName: 'evidence' })
@Index({ name: 'evidence_case_idx', properties: ['case', 'collectedAt', 'id'] })
export class Evidence extends BaseEntity<'files'> {
  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @Field(() => EvidenceKindEnum)
  @Enum({ items: () => [...EVIDENCE_KINDS], type: 'text' })
  kind!: EvidenceKind;

  @Field({ description: '证据名称' })
  @Property({ type: 'text' })
  title!: string;

  @Field({ description: '证明内容' })
  @Property({ type: 'text' })
  description!: string;

  @Field({ description: '证据来源' })
  @Property({ type: 'text' })
  source!: string;

  @Field(() => Date, { description: '取证时间' })
  @Property({ type: 'datetime' })
  collectedAt!: Date;

  @Field({ description: '取证地点' })
  @Property({ type: 'text' })
  place!: string;

  @Property({ type: 'json' })
  files: EvidenceFile[] = [];

  @ManyToMany(() => Officer, undefined, { pivotTable: 'evidence_collector', owner: true })
  collectors = new Collection<Officer>(this);
}
