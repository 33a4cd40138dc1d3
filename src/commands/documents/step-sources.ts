import type { EntityManager } from '@mikro-orm/postgresql';
import type { Case } from '../../entities/case.entity.js';
import { Decision } from '../../entities/decision.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { PenaltyProvisionRecord } from '../../entities/penalty-provision-record.entity.js';
import type {
  ClosureSource,
  EnforcementSource,
} from '../../documents/kinds/case-document-source.js';
import type { CaseSnapshot, ClosureGround } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { PENALTY_KIND_NAMES } from '../../procedure/penalty-kind.js';
import { formatFen } from '../../procedure/index.js';
import { provisionCitation } from '../../procedure/provisions/index.js';
import { rulebookFor } from '../../procedure/rulebook.js';

/** The sections of the post-decision documents, read from the decision and the case record. */

const yuan = (fen: number) => (fen / 100).toFixed(2);

async function latestDecision(em: EntityManager, found: Case): Promise<Decision | null> {
  return em.findOne(Decision, { case: found }, { orderBy: { createdAt: 'desc' } });
}

/** 依据《行政强制法》第五十三条、第五十四条 … the demand and the court application share it. */
export async function enforcementSource(
  em: EntityManager,
  found: Case,
  next: CaseSnapshot,
  amounts: { principalFen: number; surchargeFen: number; asOf: LocalDate; performBy: LocalDate },
): Promise<EnforcementSource> {
  await em.populate(found, ['office']);
  const decision = await latestDecision(em, found);
  const ids = [
    ...new Set(
      (decision?.penalties ?? [])
        .map((p) => p.provisionId)
        .filter((id): id is string => Boolean(id)),
    ),
  ];
  const provisions = ids.length ? await em.find(PenaltyProvisionRecord, { id: { $in: ids } }) : [];
  return {
    decisionNumber: decision?.documentNumber ?? '',
    decisionDate: decision?.decidedOn ?? amounts.asOf,
    servedOn: next.decision?.servedOn ?? amounts.asOf,
    decisionContent: (decision?.penalties ?? [])
      .map((p) =>
        p.amountYuan
          ? `${PENALTY_KIND_NAMES[p.kind]}人民币${p.amountYuan}元`
          : PENALTY_KIND_NAMES[p.kind],
      )
      .join('，'),
    decisionBasis: provisions.map((p) => provisionCitation(p.data)),
    fineYuan: yuan(amounts.principalFen),
    confiscationYuan: null,
    surchargeYuan: yuan(amounts.surchargeFen),
    surchargeAsOf: amounts.asOf,
    totalYuan: yuan(amounts.principalFen + amounts.surchargeFen),
    performBy: amounts.performBy,
    paymentChannel: {
      bankName: found.office.paymentChannel,
      accountName: null,
      accountNumber: null,
      electronicChannel: null,
    },
    // Compulsion Law art. 36 gives the right to state and defend without a period: the rulebook's practice value (U).
    statementDays: rulebookFor(amounts.asOf).parameters.enforcementDemandStatementPeriod.length,
    consequence: `向${found.office.litigationCourt}申请强制执行`,
    application: null,
  };
}

const CLOSURE_SUMMARIES: Record<ClosureGround, string> = {
  EXECUTED: '行政处罚决定已执行完毕',
  NO_PENALTY: '已作出不予行政处罚决定',
  FACTS_NOT_ESTABLISHED: '违法事实不能成立，已作出不予行政处罚决定',
  TRANSFERRED: '案件已移送',
  NOT_DOCKETED: '决定不予立案',
  DOCKETING_CANCELLED: '已撤销立案',
  ENFORCEMENT_TERMINATED: '强制执行终结',
  DECISION_ANNULLED: '行政处罚决定已被撤销',
};

export async function closureSource(
  em: EntityManager,
  found: Case,
  next: CaseSnapshot,
  input: {
    ground: ClosureGround;
    closedOn: LocalDate;
    approverId: string | null;
    handlerId: string;
  },
): Promise<Omit<ClosureSource, 'documents'>> {
  const decision = await latestDecision(em, found);
  const officers = await em.find(Officer, {
    id: { $in: [input.handlerId, ...(input.approverId ? [input.approverId] : [])] },
  });
  const name = (id: string | null) => officers.find((o) => o.id === id)?.name ?? '';
  const paidFen = next.payments.reduce((total, p) => total + p.amountFen, 0);
  const lastPaid = next.payments.at(-1)?.paidOn;
  return {
    ground: input.ground,
    handlingSummary: CLOSURE_SUMMARIES[input.ground],
    decision: decision?.documentNumber
      ? { number: decision.documentNumber, decidedOn: decision.decidedOn, result: decision.reasons }
      : null,
    performance:
      input.ground === 'EXECUTED' && lastPaid
        ? {
            paidYuan: yuan(paidFen),
            paidOn: lastPaid,
            description: `已缴纳罚款及加处罚款共计${formatFen(paidFen)}`,
          }
        : null,
    handlerOpinion: {
      opinion: `${CLOSURE_SUMMARIES[input.ground]}，符合结案条件，建议结案。`,
      signer: name(input.handlerId),
      date: input.closedOn,
    },
    departmentOpinion: null,
    headApproval: input.approverId
      ? { opinion: '同意结案。', signer: name(input.approverId), date: input.closedOn }
      : null,
  };
}
