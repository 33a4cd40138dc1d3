import { Field, FieldResolver, ID, ObjectType, Resolver, Root } from 'type-graphql';
import { Case } from '../../entities/case.entity.js';
import type { CompulsoryMeasureKind, RecusalDecision } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { CompulsoryMeasureKindEnum } from '../../schema/procedure-enums.js';
import { LocalDateScalar } from '../../schema/scalars.js';

/**
 * The procedural records a later step refers to by id (recusal applications, statements,
 * preservations, seizures), read from the case's procedure record.
 */

@ObjectType({ description: '回避申请' })
class RecusalRecordType {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: '被申请回避的人员' }) targetOfficerId!: string;
  @Field(() => LocalDateScalar) appliedOn!: LocalDate;
  @Field(() => String, {
    nullable: true,
    description: 'GRANTED 决定回避 / REJECTED 驳回；未决定为空',
  })
  decision!: RecusalDecision | null;
  @Field(() => LocalDateScalar, { nullable: true }) decidedOn!: LocalDate | null;
}

@ObjectType({ description: '陈述、申辩' })
class StatementRecordType {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateScalar) receivedOn!: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: '复核日期；未复核为空' })
  reviewedOn!: LocalDate | null;
}

@ObjectType({ description: '先行登记保存' })
class PreservationRecordType {
  @Field(() => ID) id!: string;
  @Field(() => LocalDateScalar) startedOn!: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: '作出处理决定的日期' })
  handledOn!: LocalDate | null;
}

@ObjectType({ description: '查封、扣押' })
class CompulsoryMeasureRecordType {
  @Field(() => ID) id!: string;
  @Field(() => CompulsoryMeasureKindEnum) kind!: CompulsoryMeasureKind;
  @Field(() => LocalDateScalar) startedOn!: LocalDate;
  @Field(() => LocalDateScalar, { description: '期限最后一日（含延长）' }) endsOn!: LocalDate;
  @Field() extended!: boolean;
  @Field(() => LocalDateScalar, { nullable: true }) releasedOn!: LocalDate | null;
}

@Resolver(() => Case)
export class CaseProcedureRecordsResolver {
  @FieldResolver(() => [RecusalRecordType], { description: '回避申请及决定' })
  recusals(@Root() found: Case): RecusalRecordType[] {
    return (found.procedureRecord?.recusals ?? []).map((r) =>
      Object.assign(new RecusalRecordType(), {
        id: r.id,
        targetOfficerId: r.targetOfficerId,
        appliedOn: r.appliedOn,
        decision: r.decision ?? null,
        decidedOn: r.decidedOn ?? null,
      }),
    );
  }

  @FieldResolver(() => [StatementRecordType], { description: '当事人的陈述、申辩及复核' })
  statements(@Root() found: Case): StatementRecordType[] {
    return (found.procedureRecord?.statements ?? []).map((s) =>
      Object.assign(new StatementRecordType(), {
        id: s.id,
        receivedOn: s.receivedOn,
        reviewedOn: s.reviewedOn ?? null,
      }),
    );
  }

  @FieldResolver(() => [PreservationRecordType], { description: '先行登记保存证据' })
  preservations(@Root() found: Case): PreservationRecordType[] {
    return (found.procedureRecord?.preservations ?? []).map((p) =>
      Object.assign(new PreservationRecordType(), {
        id: p.id,
        startedOn: p.startedOn,
        handledOn: p.handledOn ?? null,
      }),
    );
  }

  @FieldResolver(() => [CompulsoryMeasureRecordType], { description: '查封、扣押' })
  compulsoryMeasures(@Root() found: Case): CompulsoryMeasureRecordType[] {
    return (found.procedureRecord?.compulsoryMeasures ?? []).map((m) =>
      Object.assign(new CompulsoryMeasureRecordType(), {
        id: m.id,
        kind: m.kind,
        startedOn: m.startedOn,
        endsOn: m.endsOn,
        extended: m.extended,
        releasedOn: m.releasedOn ?? null,
      }),
    );
  }
}
