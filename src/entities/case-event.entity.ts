import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { CURRENT_HASH_VERSION, type ChainedEventContent } from '../audit/hash-chain.js';
import type { LocalDate } from '../procedure/local-date.js';
import { CaseStatusEnum } from '../schema/enums.js';
import { CaseEventActionEnum } from '../schema/procedure-action.enum.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { AppendOnlyCaseRecord } from './case-record.entity.js';
import {
  HashColumn,
  IdColumn,
  IntColumn,
  JsonColumn,
  TextColumn,
  TimestampColumn,
} from './columns.js';

/**
 * 全过程记录: one procedural step of a case, append-only. The table refuses
 * UPDATE and DELETE (trigger in the migration); (case, sequence) is unique, so
 * two concurrent steps cannot both extend the chain from the same event.
 */
@ObjectType({ description: '案件全过程记录（哈希链，只增不改）' })
@Entity({ tableName: 'case_event' })
@Unique({ name: 'case_event_sequence_unique', properties: ['case', 'sequence'] })
@Index({ name: 'case_event_occurred_idx', properties: ['occurredAt'] })
export class CaseEvent extends AppendOnlyCaseRecord<
  // Optional in em.create: derived getters and the nullable act-date columns.
  'recordedAt' | 'actDateShown' | 'fromCaseStatus' | 'actDate' | 'lateEntryReason'
> {
  @IntColumn('本案第几条记录（从 1 开始）')
  sequence!: number;

  @TimestampColumn('录入时间 occurredAt（与 recordedAt 相同）')
  occurredAt!: Date;

  /** 行为日期: the date of the act (null on events recorded before act dates were stored). */
  @Property({ type: 'date', nullable: true })
  actDate?: LocalDate | null;

  /** 补录理由: why the act was entered more than lateEntryReasonThreshold working days late. */
  @TextColumn('补录理由 lateEntryReason：行为日期后超过规定工作日数才录入时说明的理由', {
    nullable: true,
  })
  lateEntryReason?: string | null;

  @Field(() => CaseEventActionEnum, { description: '操作（action，如 decideDocketing）' })
  @Property({ type: 'text' })
  action!: string;

  @IdColumn('操作人')
  actorOfficerId!: string;

  @TextColumn('操作人姓名（记录时）')
  actorName!: string;

  @TextColumn('操作人当日有效的执法证件编号', { nullable: true })
  actorCertificateNumber!: string | null;

  @Field(() => CaseStatusEnum, {
    name: 'fromStatus',
    nullable: true,
    description: '操作前的案件状态（fromStatus）；登记案件来源（案件此前尚不存在）为空',
  })
  get fromCaseStatus(): string | null {
    return this.fromStatus === 'NEW' ? null : this.fromStatus;
  }

  /** 操作前的案件状态（fromStatus，CaseStatus 的值；登记案件来源时为 NEW）. */
  @Property({ type: 'text' })
  fromStatus!: string;

  @Field(() => CaseStatusEnum, { description: '操作后的案件状态（toStatus）' })
  @Property({ type: 'text' })
  toStatus!: string;

  @TextColumn('所适用的规则版本', { nullable: true })
  rulebookVersion!: string | null;

  @HashColumn('操作输入的 SHA-256（规范化 JSON）')
  inputDigest!: string;

  @JsonColumn('记录内容：法律依据、期限、文书等')
  payload!: Record<string, unknown>;

  @HashColumn('前一条记录的哈希（previousHash）；第一条为全零')
  previousHash!: string;

  @HashColumn('本条记录的 SHA-256 哈希（hash），覆盖 previousHash 与本条内容')
  hash!: string;

  /** 行为日期 as shown: the column, or the payload's actDate on events recorded before it existed. */
  @Field(() => LocalDateScalar, {
    name: 'actDate',
    nullable: true,
    description:
      '行为日期 actDate：该行为实际发生（批准、作出、送达）的日期；录入时间见 recordedAt',
  })
  get actDateShown(): LocalDate | null {
    const fromPayload = this.payload?.actDate;
    return this.actDate ?? (typeof fromPayload === 'string' ? (fromPayload as LocalDate) : null);
  }

  @Field(() => Date, {
    description: '录入时间 recordedAt：该记录写入系统的时间（补录时晚于行为日期）',
  })
  get recordedAt(): Date {
    return this.occurredAt;
  }
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
      ...(this.actDate ? { actDate: this.actDate } : {}),
      ...(this.lateEntryReason ? { lateEntryReason: this.lateEntryReason } : {}),
    };
  }
}
