import { decisionServedOnParty } from '../../procedure/party-periods.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Case } from '../../entities/case.entity.js';
import { Decision } from '../../entities/decision.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { PenaltyProvisionRecord } from '../../entities/penalty-provision-record.entity.js';
import type {
  ClosureSource,
  EnforcementSource,
} from '../../documents/kinds/case-document-source.js';
import type { CaseSnapshot, ClosureGround, PaymentChannel } from '../../procedure/case-snapshot.js';
import { formatDocumentDate } from '../../documents/helpers/document-date.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { PENALTY_KIND_NAMES } from '../../procedure/penalty-kind.js';
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
  // A demand on one of several parties states that party's own penalties (APL art. 66(1)).
  const partyId = next.enforcement?.partyId;
  const penalties = (decision?.penalties ?? []).filter(
    (p) => partyId === undefined || p.partyId === undefined || p.partyId === partyId,
  );
  const ids = [
    ...new Set(penalties.map((p) => p.provisionId).filter((id): id is string => Boolean(id))),
  ];
  const provisions = ids.length ? await em.find(PenaltyProvisionRecord, { id: { $in: ids } }) : [];
  return {
    decisionNumber: decision?.documentNumber ?? '',
    decisionDate: decision?.decidedOn ?? amounts.asOf,
    servedOn:
      (partyId !== undefined ? decisionServedOnParty(next, partyId) : undefined) ??
      next.decision?.servedOn ??
      amounts.asOf,
    decisionContent: penalties
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
  COURT_REFUSED_ENFORCEMENT:
    '人民法院裁定不予执行，该裁定已经生效（复议维持或者未在期限内申请复议）',
  INVESTIGATION_TERMINATED: '当事人死亡或者终止，无权利义务承受人，终止调查',
};

/** How a payment reached the office, as the 结案审批表's 执行情况 names it. */
const PAYMENT_CHANNEL_NAMES: Record<PaymentChannel, string> = {
  DESIGNATED_BANK: '通过指定银行缴纳',
  ELECTRONIC_PAYMENT: '通过电子支付缴纳',
  ON_THE_SPOT: '当场缴纳',
  COURT_ENFORCEMENT: '经人民法院强制执行',
};

/** 执行情况: the payments when money was paid; otherwise execution by the served decision. */
function performanceOf(
  next: CaseSnapshot,
  paidFen: number,
  lastPaid: LocalDate | undefined,
  receipts: string,
): NonNullable<ClosureSource['performance']> {
  if (lastPaid !== undefined) {
    return { paidYuan: yuan(paidFen), paidOn: lastPaid, description: `${receipts}。` };
  }
  const servedOn = next.decision?.servedOn;
  return {
    paidYuan: null,
    paidOn: null,
    description: servedOn
      ? `处罚决定不涉及缴纳款项，已于${formatDocumentDate(servedOn)}送达当事人，执行完毕。`
      : '处罚决定不涉及缴纳款项，执行完毕。',
  };
}

/**
 * The 结案审批表's sections from the case record: the decided penalties (the form prints their
 * amounts with the amount helpers, as the decision letter does), the payments (channel and
 * receipt; the total is printed by the form), and the signers by their role in the case: the
 * 承办人意见 by the case handlers, the 负责人审批意见 by the head who approved the closing.
 */
export async function closureSource(
  em: EntityManager,
  found: Case,
  next: CaseSnapshot,
  input: {
    ground: ClosureGround;
    closedOn: LocalDate;
    approverId: string | null;
  },
): Promise<Omit<ClosureSource, 'documents'>> {
  const decision = await latestDecision(em, found);
  await em.populate(found, ['handlers']);
  const handlers = found.handlers
    .getItems()
    .map((officer) => officer.name)
    .join('、');
  const approver = input.approverId ? await em.findOne(Officer, { id: input.approverId }) : null;
  const paidFen = next.payments.reduce((total, p) => total + p.amountFen, 0);
  const lastPaid = next.payments.at(-1)?.paidOn;
  const receipts = next.payments
    .map((p) => `${PAYMENT_CHANNEL_NAMES[p.channel]}（缴款凭证编号：${p.receiptNumber}）`)
    .join('；');
  return {
    ground: input.ground,
    handlingSummary: CLOSURE_SUMMARIES[input.ground],
    decision: decision?.documentNumber
      ? {
          number: decision.documentNumber,
          decidedOn: decision.decidedOn,
          penalties: decision.penalties.map((p) => ({ kind: p.kind, amountYuan: p.amountYuan })),
          lateDecision:
            decision.decidedAfterTimeLimit && decision.lateDecisionReason
              ? {
                  reason: decision.lateDecisionReason,
                  approvedOn: decision.lateDecisionApprovedOn ?? decision.decidedOn,
                }
              : null,
        }
      : null,
    performance:
      input.ground !== 'EXECUTED' ? null : performanceOf(next, paidFen, lastPaid, receipts),
    handlerOpinion: {
      opinion: `${CLOSURE_SUMMARIES[input.ground]}，符合结案条件，建议结案。`,
      signer: handlers,
      date: input.closedOn,
    },
    departmentOpinion: null,
    headApproval: approver
      ? { opinion: '同意结案。', signer: approver.name, date: input.closedOn }
      : null,
  };
}
