import {
  Collection,
  Entity,
  Index,
  ManyToMany,
  ManyToOne,
  OneToMany,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import type { CaseSnapshot } from '../procedure/case-snapshot.js';
import type { CaseStatus } from '../procedure/case-status.js';
import type { LocalDate } from '../procedure/local-date.js';
import { CaseStatusEnum, STORED_CASE_STATUSES } from '../schema/enums.js';
import { BaseEntity } from './base.entity.js';
import { Decision } from './decision.entity.js';
import { Evidence } from './evidence.entity.js';
import { Office } from './office.entity.js';
import { Officer } from './officer.entity.js';
import { Party } from './party.entity.js';
import { DateColumn, EnumColumn, IntColumn, OfficePathIndex, TextColumn } from './columns.js';
import { Node } from '../schema/node.js';

/**
 * What of the snapshot is stored as JSON (the rest comes from columns, relations, deadline and
 * pending-document rows).
 */
export type ProcedureRecord = Omit<
  CaseSnapshot,
  | 'status'
  | 'officeId'
  | 'officeLevel'
  | 'parties'
  | 'handlers'
  | 'deadlines'
  | 'docketedOn'
  | 'pendingDocuments'
>;

/**
 * 案件: one administrative-penalty matter from its registered source to its
 * closure. `version` is the optimistic lock every procedural mutation checks.
 */
@ObjectType({ description: '行政处罚案件', implements: Node })
@Entity({ tableName: 'case' })
@Unique({ name: 'case_number_unique', properties: ['number'] })
@OfficePathIndex('case')
@Index({ name: 'case_status_idx', properties: ['status', 'createdAt', 'id'] })
@Index({
  name: 'case_search_trgm_idx',
  expression:
    'create index "case_search_trgm_idx" on "case" using gin ("search_text" gin_trgm_ops)',
})
export class Case extends BaseEntity<
  'version' | 'docketedOn' | 'decidedOn' | 'closedOn' | 'searchText' | 'nextDeadlineDue'
> {
  @TextColumn('案件编号')
  number!: string;

  @ManyToOne(() => Office, { ref: false })
  office!: Rel<Office>;

  @Property({ type: 'text' })
  officePath!: string;

  @EnumColumn(CaseStatusEnum, STORED_CASE_STATUSES, '案件状态')
  status!: CaseStatus;

  @TextColumn('案由')
  title!: string;

  @TextColumn('违法行为概要')
  violationSummary!: string;

  @DateColumn('案件来源登记日期')
  registeredOn!: LocalDate;

  @DateColumn('立案日期', { nullable: true })
  docketedOn?: LocalDate | null;

  @DateColumn('作出决定日期', { nullable: true })
  decidedOn?: LocalDate | null;

  @DateColumn('结案日期', { nullable: true })
  closedOn?: LocalDate | null;

  @IntColumn('乐观锁版本号；变更案件的操作须提交 expectedVersion', { version: true })
  version: number = 1;

  /**
   * The due date of the earliest open deadline, for the case list's order and filters. Kept by
   * the deadline trigger (Migration20261204100000), never written by code; read only by lists.
   */
  @Property({ type: 'date', nullable: true })
  nextDeadlineDue?: LocalDate | null;

  /** Case number and party names, for the trigram text search. Kept by the code that changes them. */
  @Property({ type: 'text' })
  searchText: string = '';

  /**
   * The procedural record the rules read (source, violation dates, evidence,
   * notice, hearing, reviews, …): the CaseSnapshot without what lives in
   * columns and relations. Written only by the procedure command runner.
   */
  @Property({ type: 'json', nullable: true })
  procedureRecord: ProcedureRecord | null = null;

  /**
   * The audit chain's head (last event hash) and length. Written only by the
   * case_event insert trigger, in the appending transaction; code never sets
   * them (so a step's optimistic-lock version is not touched by an append).
   */
  @Property({ type: 'character', length: 64, nullable: true })
  chainHead?: string | null;

  @Property({ type: 'integer', default: 0 })
  chainLength?: number;

  @ManyToMany(() => Party, undefined, { pivotTable: 'case_party', owner: true })
  parties = new Collection<Party>(this);

  @ManyToMany(() => Officer, undefined, { pivotTable: 'case_handler', owner: true })
  handlers = new Collection<Officer>(this);

  @OneToMany(() => Evidence, (evidence) => evidence.case)
  evidence = new Collection<Evidence>(this);

  @OneToMany(() => Decision, (decision) => decision.case)
  decisions = new Collection<Decision>(this);
}
