import {
  Entity,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Rel,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import type { LocalDate } from '../procedure/local-date.js';
import { Interview } from './interview.entity.js';
import { Office } from './office.entity.js';
import { uuidv7 } from './uuid.js';
import {
  DateColumn,
  HashColumn,
  IdColumn,
  IntColumn,
  JsonColumn,
  TextColumn,
  TimestampColumn,
} from './columns.js';

/** Every stored field of an interview audit event but its hash (what the hash covers). */
export interface InterviewChainContent {
  id: string;
  officeId: string;
  interviewId: string;
  caseId: string | null;
  sequence: number;
  occurredAt: string;
  actDate: string;
  action: string;
  actorOfficerId: string;
  actorName: string;
  inputDigest: string;
  payload: unknown;
  previousHash: string;
}

/**
 * 约谈的全过程记录: one interview step (recordInterview, recordInterviewFollowUp), append-only
 * and hash-chained like a case's events. An interview is the office's supervisory act, not a
 * step of a case (a stand-alone one has no case at all), so the chain is the office's: one
 * chain per office over all its interviews, linked to a case or not ((office, sequence) is
 * unique, so two concurrent steps cannot both extend it from the same event). A linked
 * interview's events carry the case id; the case's own chain is left to procedural steps.
 */
@ObjectType({ description: '约谈的全过程记录（本机关约谈哈希链，只增不改）' })
@Entity({ tableName: 'interview_event' })
@Unique({ name: 'interview_event_sequence_unique', properties: ['office', 'sequence'] })
export class InterviewEvent {
  [OptionalProps]?: 'caseId';

  @Field(() => ID, { description: '记录标识（id，UUIDv7）' })
  @PrimaryKey({ type: 'uuid' })
  id: string = uuidv7();

  @ManyToOne(() => Office, { ref: false })
  office!: Rel<Office>;

  @Property({ type: 'text' })
  officePath!: string;

  @ManyToOne(() => Interview, { ref: false })
  interview!: Rel<Interview>;

  @IdColumn('关联的案件（caseId）；独立约谈为空', { nullable: true })
  caseId: string | null = null;

  @IntColumn('本机关约谈记录链的第几条（从 1 开始）')
  sequence!: number;

  @TimestampColumn('录入时间（occurredAt，UTC）')
  occurredAt!: Date;

  @DateColumn('行为日期（actDate）：约谈日期或复查日期')
  actDate!: LocalDate;

  @TextColumn('操作（action）：recordInterview 或 recordInterviewFollowUp')
  action!: string;

  @IdColumn('操作人')
  actorOfficerId!: string;

  @TextColumn('操作人姓名（记录时）')
  actorName!: string;

  @HashColumn('操作输入的 SHA-256（规范化 JSON）')
  inputDigest!: string;

  @JsonColumn('记录内容：法律依据、约谈要点、整改期限、文书等')
  payload!: Record<string, unknown>;

  @HashColumn('前一条记录的哈希（previousHash）；第一条为全零')
  previousHash!: string;

  @HashColumn('本条记录的 SHA-256 哈希（hash），覆盖 previousHash 与本条内容')
  hash!: string;

  toChainContent(): InterviewChainContent {
    return {
      id: this.id,
      officeId: this.office.id,
      interviewId: this.interview.id,
      caseId: this.caseId,
      sequence: this.sequence,
      occurredAt: this.occurredAt.toISOString(),
      actDate: this.actDate,
      action: this.action,
      actorOfficerId: this.actorOfficerId,
      actorName: this.actorName,
      inputDigest: this.inputDigest,
      payload: this.payload,
      previousHash: this.previousHash,
    };
  }
}
