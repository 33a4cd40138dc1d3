import {
  Collection,
  Entity,
  Index,
  ManyToMany,
  ManyToOne,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { EVIDENCE_KINDS, type EvidenceKind } from '../procedure/evidence-kind.js';
import { EvidenceKindEnum } from '../schema/enums.js';
import { BaseEntity } from './base.entity.js';
import { Case } from './case.entity.js';
import { Officer } from './officer.entity.js';
import { EnumColumn, TextColumn, TimestampColumn } from './columns.js';
import { Node } from '../schema/node.js';

export interface EvidenceFile {
  name: string;
  sha256: string;
  sizeBytes: number;
}

/** 证据: one item of evidence in a case, with who collected it, when, where and from what source. */
@ObjectType({ description: '证据', implements: Node })
@Entity({ tableName: 'evidence' })
@Index({ name: 'evidence_case_idx', properties: ['case', 'collectedAt', 'id'] })
export class Evidence extends BaseEntity<'files'> {
  @ManyToOne(() => Case, { ref: false })
  case!: Rel<Case>;

  @EnumColumn(EvidenceKindEnum, EVIDENCE_KINDS, '证据种类（kind）：书证、物证、电子数据等法定种类')
  kind!: EvidenceKind;

  @TextColumn('证据名称')
  title!: string;

  @TextColumn('证明内容')
  description!: string;

  @TextColumn('证据来源')
  source!: string;

  @TimestampColumn('取证时间')
  collectedAt!: Date;

  @TextColumn('取证地点')
  place!: string;

  @Property({ type: 'json' })
  files: EvidenceFile[] = [];

  @ManyToMany(() => Officer, undefined, { pivotTable: 'evidence_collector', owner: true })
  collectors = new Collection<Officer>(this);
}
