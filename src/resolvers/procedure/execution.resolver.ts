import { Arg, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { requireActor } from '../../auth/auth-checker.js';
import type { RequestContext } from '../../auth/context.js';
import { amountDueOn } from '../../commands/procedure/amount-due.js';
import { Case } from '../../entities/case.entity.js';
import { toLocalDate, type LocalDate } from '../../procedure/local-date.js';
import {
  AmountDueType,
  CourtRulingType,
  EnforcementRecordType,
  InstalmentType,
  PaymentArrangementType,
  PaymentRecordType,
  RemedyRecordType,
} from '../../schema/procedure-records.types.js';
import { LocalDateScalar } from '../../schema/scalars.js';

/** After the decision: what is owed, paid, arranged, contested and enforced (yuan at the API). */

const fenToYuan = (fen: number) => fen / 100;

@Resolver(() => Case)
export class CaseExecutionResolver {
  @FieldResolver(() => AmountDueType, {
    nullable: true,
    description:
      '应缴罚款及加处罚款（按日加处，比例见规则参数 lateSurchargePercentPerDay，不超过罚款数额；复议、诉讼期间不计）；无罚款缴纳期限的为空',
  })
  async amountDue(
    @Root() found: Case,
    @Arg('asOf', () => LocalDateScalar, { nullable: true, description: '计算日（默认当日）' })
    asOf: LocalDate | null | undefined,
    @Ctx() ctx: RequestContext,
  ): Promise<AmountDueType | null> {
    requireActor(ctx);
    const due = await amountDueOn(ctx.em.fork(), found.id, asOf ?? toLocalDate(ctx.now()));
    if (!due) {
      return null;
    }
    return Object.assign(new AmountDueType(), {
      asOf: due.asOf,
      paymentDueDate: due.paymentDueDate,
      principalYuan: fenToYuan(due.principalFen),
      surchargeYuan: fenToYuan(due.surchargeFen),
      surchargeDays: due.surchargeDays,
      suspendedDays: due.suspendedDays,
      capApplied: due.capApplied,
      paidYuan: fenToYuan(due.paidFen),
      outstandingYuan: fenToYuan(due.outstandingFen),
      explanation: [...due.explanation],
    });
  }

  @FieldResolver(() => [PaymentRecordType], { description: '缴纳罚款记录' })
  payments(@Root() found: Case): PaymentRecordType[] {
    return (found.procedureRecord?.payments ?? []).map((p) =>
      Object.assign(new PaymentRecordType(), {
        id: p.id,
        paidOn: p.paidOn,
        amountYuan: fenToYuan(p.amountFen),
        channel: p.channel,
        receiptNumber: p.receiptNumber,
      }),
    );
  }

  @FieldResolver(() => [PaymentArrangementType], {
    description: '延期或者分期缴纳罚款的申请及审批',
  })
  paymentArrangements(@Root() found: Case): PaymentArrangementType[] {
    return (found.procedureRecord?.paymentArrangements ?? []).map((a) =>
      Object.assign(new PaymentArrangementType(), {
        id: a.id,
        kind: a.kind,
        appliedOn: a.appliedOn,
        decision: a.decision ?? null,
        decidedOn: a.decidedOn ?? null,
        schedule: (a.schedule ?? []).map((i) =>
          Object.assign(new InstalmentType(), {
            dueOn: i.dueOn,
            amountYuan: fenToYuan(i.amountFen),
          }),
        ),
      }),
    );
  }

  @FieldResolver(() => [RemedyRecordType], { description: '行政复议、行政诉讼' })
  remedies(@Root() found: Case): RemedyRecordType[] {
    return (found.procedureRecord?.remedies ?? []).map((r) =>
      Object.assign(new RemedyRecordType(), {
        id: r.id,
        kind: r.kind,
        filedOn: r.filedOn,
        organ: r.organ,
        decidedOn: r.decidedOn ?? null,
        outcome: r.outcome ?? null,
      }),
    );
  }

  @FieldResolver(() => EnforcementRecordType, {
    nullable: true,
    description: '催告与申请人民法院强制执行（未催告为空）',
  })
  enforcement(@Root() found: Case): EnforcementRecordType | null {
    const e = found.procedureRecord?.enforcement;
    if (!e) {
      return null;
    }
    return Object.assign(new EnforcementRecordType(), {
      demandIssuedOn: e.demandIssuedOn,
      demandAmountYuan: fenToYuan(e.demandAmountFen),
      demandServedOn: e.demandServedOn ?? null,
      remedyPeriodsLapseOn: e.remedyPeriodsLapseOn,
      courtAppliedOn: e.courtAppliedOn ?? null,
      court: e.court ?? null,
      rulings: e.rulings.map((r) =>
        Object.assign(new CourtRulingType(), {
          ruledOn: r.ruledOn,
          result: r.result,
          receivedOn: r.receivedOn ?? r.ruledOn,
        }),
      ),
      rulingReviewAppliedOn: e.rulingReview?.appliedOn ?? null,
      rulingReviewCourt: e.rulingReview?.court ?? null,
    });
  }
}
