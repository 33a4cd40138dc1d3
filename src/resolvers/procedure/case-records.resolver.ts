import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../../auth/context.js';
import { refundOutstandingFen } from '../../procedure/case-snapshot.js';
import { emergencyReleaseCause } from '../../procedure/compulsory-measure-periods.js';
import { toLocalDate } from '../../procedure/local-date.js';
import { rulebookFor } from '../../procedure/rulebook.js';
import { Case } from '../../entities/case.entity.js';
import {
  AudioVisualRecordType,
  ComplaintRecordType,
  DecisionCorrectionRecordType,
  CompulsoryMeasureOnSiteType,
  CompulsoryMeasureRecordType,
  EmergencyMeasureType,
  TestingPeriodType,
  CorrectionOrderRecordType,
  CorrectionReviewRecordType,
  PreservationRecordType,
  RecusalRecordType,
  StatementRecordType,
} from '../../schema/procedure-records.types.js';

/**
 * The procedural records a later step refers to by id (recusal applications, statements,
 * preservations, seizures), read from the case's procedure record.
 */

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
        targetIsHead: r.targetIsHead ?? false,
        reconsiderationOf: r.reconsiderationOf ?? null,
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

  @FieldResolver(() => [CorrectionOrderRecordType], {
    description: '责令改正及复查（《中华人民共和国行政处罚法》第二十八条第一款）',
  })
  correctionOrders(@Root() found: Case): CorrectionOrderRecordType[] {
    return (found.procedureRecord?.correctionOrders ?? []).map((o) =>
      Object.assign(new CorrectionOrderRecordType(), {
        id: o.id,
        partyId: o.partyId,
        orderedOn: o.orderedOn,
        dueOn: o.dueOn ?? null,
        servedOn: o.servedOn ?? null,
        reviews: o.reviews.map((r) =>
          Object.assign(new CorrectionReviewRecordType(), {
            id: r.id,
            reviewedOn: r.reviewedOn,
            finding: r.finding,
          }),
        ),
        unmet: o.servedOn !== undefined && o.reviews.some((r) => r.finding === 'NOT_COMPLIED'),
      }),
    );
  }

  @FieldResolver(() => [ComplaintRecordType], {
    description: '申诉、检举及其处理（《中华人民共和国行政处罚法》第七十五条第二款）',
  })
  complaints(@Root() found: Case): ComplaintRecordType[] {
    return (found.procedureRecord?.complaints ?? []).map((c) =>
      Object.assign(new ComplaintRecordType(), {
        id: c.id,
        kind: c.kind,
        receivedOn: c.receivedOn,
        handledOn: c.handledOn ?? null,
        finding: c.finding ?? null,
      }),
    );
  }

  @FieldResolver(() => [DecisionCorrectionRecordType], {
    description:
      '本机关撤销或者变更行政处罚决定，及应予退还的款项（《中华人民共和国行政处罚法》第七十五条第二款）',
  })
  decisionCorrections(@Root() found: Case): DecisionCorrectionRecordType[] {
    return (found.procedureRecord?.decisionCorrections ?? []).map((c) =>
      Object.assign(new DecisionCorrectionRecordType(), {
        id: c.id,
        kind: c.kind,
        decidedOn: c.decidedOn,
        complaintId: c.complaintId ?? null,
        previousObligationYuan: c.previousObligationFen / 100,
        obligationYuan: c.obligationFen / 100,
        paidYuan: c.paidFen / 100,
        refundOwedYuan: c.refundOwedFen / 100,
        servedOn: c.servedOn ?? null,
        refundedYuan: (c.refundOwedFen - refundOutstandingFen(c)) / 100,
        refundOutstandingYuan: refundOutstandingFen(c) / 100,
        refundedOn: c.refunds?.at(-1)?.refundedOn ?? null,
      }),
    );
  }

  @FieldResolver(() => [CompulsoryMeasureRecordType], { description: '查封、扣押' })
  compulsoryMeasures(
    @Root() found: Case,
    @Ctx() ctx: RequestContext,
  ): CompulsoryMeasureRecordType[] {
    const today = toLocalDate(ctx.now());
    const reportDays = rulebookFor(today).parameters.emergencyMeasureReportPeriod.length;
    return (found.procedureRecord?.compulsoryMeasures ?? []).map((m) =>
      Object.assign(new CompulsoryMeasureRecordType(), {
        id: m.id,
        kind: m.kind,
        startedOn: m.startedOn,
        endsOn: m.endsOn,
        extended: m.extended,
        releasedOn: m.releasedOn ?? null,
        basis: m.basis ?? null,
        evidenceIds: [...(m.evidenceIds ?? [])],
        suspectedProvisionIds: [...(m.suspectedProvisionIds ?? [])],
        emergency: m.emergency
          ? Object.assign(new EmergencyMeasureType(), {
              reason: m.emergency.reason,
              imposedAt: new Date(m.emergency.imposedAt),
              reportedAt: m.emergency.ratification
                ? new Date(m.emergency.ratification.reportedAt)
                : null,
              approved: m.emergency.ratification?.approved ?? null,
              decidedOn: m.emergency.ratification?.decidedOn ?? null,
              refusalReason: m.emergency.ratification?.refusalReason ?? null,
            })
          : null,
        toBeReleased: emergencyReleaseCause(m, today, reportDays) !== undefined,
        custodyPlace: m.custody?.place ?? null,
        custodian: m.custody?.custodian ?? null,
        onSite: m.onSite
          ? Object.assign(new CompulsoryMeasureOnSiteType(), {
              ...m.onSite,
              witness: m.onSite.witness ?? null,
            })
          : null,
        testingPeriods: (m.testingPeriods ?? []).map((t) =>
          Object.assign(new TestingPeriodType(), t),
        ),
      }),
    );
  }

  @FieldResolver(() => [AudioVisualRecordType], {
    description: '音像记录（查封、扣押，现场检查，留置送达的全程音像记录）',
  })
  audioVisualRecords(@Root() found: Case): AudioVisualRecordType[] {
    return (found.procedureRecord?.audioVisualRecords ?? []).map((r) =>
      Object.assign(new AudioVisualRecordType(), {
        ...r,
        recordedFrom: new Date(r.recordedFrom),
        recordedTo: new Date(r.recordedTo),
      }),
    );
  }
}
