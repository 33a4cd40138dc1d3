import { Entity, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { INTERVIEW_LEGAL_BASES, type InterviewLegalBasis } from '../procedure/interview-basis.js';
import type { LocalDate } from '../procedure/local-date.js';
import { InterviewLegalBasisEnum } from '../schema/enums.js';
import { BaseEntity } from './base.entity.js';
import { Case } from './case.entity.js';
import { Office } from './office.entity.js';
import { Party } from './party.entity.js';
import {
  BooleanColumn,
  DateColumn,
  EnumColumn,
  OfficePathIndex,
  TextColumn,
  TypedJsonColumn,
} from './columns.js';

@ObjectType({ description: '被约谈人（法定代表人或者主要负责人）' })
export class Interviewee {
  @Field({ description: '姓名（name）' }) name!: string;
  @Field({ description: '职务（position），如法定代表人、主要负责人' }) position!: string;
}

@ObjectType({ description: '实施约谈的执法人员及其当日有效的执法证件' })
export class InterviewOfficer {
  @Field(() => ID, { description: '执法人员标识（officerId）' }) officerId!: string;
  @Field({ description: '执法人员姓名（name）' }) name!: string;
  @Field({ description: '约谈当日有效的执法证件编号（certificateNumber）' })
  certificateNumber!: string;
}

/**
 * 约谈: the office interviews an enterprise's legal representative or principal person in charge
 * and may require rectification by a date; a later follow-up records whether it was rectified.
 * Not a penalty. Belongs to the office that held it (office path, row-level security like party).
 */
@ObjectType({ description: '约谈（不属于行政处罚）' })
@Entity({ tableName: 'interview' })
@OfficePathIndex('interview')
export class Interview extends BaseEntity<
  | 'case'
  | 'rectificationDueOn'
  | 'followedUpOn'
  | 'rectified'
  | 'followUpNote'
  | 'place'
  | 'startTime'
  | 'endTime'
  | 'intervieweeStatement'
> {
  @ManyToOne(() => Office, { ref: false })
  office!: Rel<Office>;

  @Property({ type: 'text' })
  officePath!: string;

  @ManyToOne(() => Party, { ref: false })
  party!: Rel<Party>;

  @ManyToOne(() => Case, { ref: false, nullable: true })
  case?: Rel<Case> | null;

  @DateColumn('约谈日期（interviewedOn）；执法证件按该日核验')
  interviewedOn!: LocalDate;

  @EnumColumn(InterviewLegalBasisEnum, INTERVIEW_LEGAL_BASES, '约谈的法律依据（legalBasis）')
  legalBasis!: InterviewLegalBasis;

  @TypedJsonColumn(() => [Interviewee], '被约谈人（interviewees）：法定代表人或者主要负责人')
  interviewees!: Interviewee[];

  @TypedJsonColumn(() => [InterviewOfficer], '实施约谈的执法人员（officers，不少于两名）')
  officers!: InterviewOfficer[];

  @TextColumn('约谈地点（place）；本字段启用前记录的约谈为空', { nullable: true })
  place?: string | null;

  @TextColumn('约谈开始时间（startTime，HH:mm）', { nullable: true })
  startTime?: string | null;

  @TextColumn('约谈结束时间（endTime，HH:mm）', { nullable: true })
  endTime?: string | null;

  @TextColumn('被约谈人的陈述（intervieweeStatement），载入约谈笔录', { nullable: true })
  intervieweeStatement?: string | null;

  @TextColumn('约谈事项（matters）：发现的风险或者安全事件及提出的要求')
  matters!: string;

  @BooleanColumn('是否要求整改（rectificationRequired）')
  rectificationRequired!: boolean;

  @DateColumn('整改期限（rectificationDueOn）：要求整改时必填，须晚于约谈日期', {
    nullable: true,
  })
  rectificationDueOn?: LocalDate | null;

  @DateColumn('跟踪复查日期（followedUpOn）；未复查时为空', { nullable: true })
  followedUpOn?: LocalDate | null;

  @BooleanColumn('复查时是否已整改到位（rectified）；未复查时为空', { nullable: true })
  rectified?: boolean | null;

  @TextColumn('复查情况（followUpNote）', { nullable: true })
  followUpNote?: string | null;
}
