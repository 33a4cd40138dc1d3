import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../auth/context.js';
import type { Case } from '../../entities/case.entity.js';
import { Decision } from '../../entities/decision.entity.js';
import { parseAmountToFen } from '../../documents/helpers/money.js';
import { CaseDocument } from '../../entities/case-document.entity.js';
import type { CaseSnapshot, ServiceMethod } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { generateCaseDocument } from './generate-case-document.js';
import type { StepDocuments } from './step-documents.js';

/**
 * The documents of the complete 案卷 that a step produces from its own input:
 * 延期（分期）缴纳罚款决定书 (decidePaymentArrangement), 行政处罚文书送达公告 (serveDocument by
 * public notice), 陈述申辩笔录 (recordStatement given the oral statement's content).
 */

interface StepContext {
  em: EntityManager;
  actor: Actor;
  found: Case;
  today: LocalDate;
}

const yuan = (fen: number) => (fen / 100).toFixed(2);

/** 延期（分期）缴纳罚款决定书 (APL art. 66(2)), approved or not. */
export async function producePaymentArrangementDecision(
  context: StepContext & { next: CaseSnapshot },
  input: {
    arrangementId: string;
    approved: boolean;
    decidedOn: LocalDate;
    schedule: readonly { dueOn: LocalDate; amountFen: number }[];
    rejectionReason: string | null;
  },
): Promise<StepDocuments> {
  const { em, found, next } = context;
  const arrangement = next.paymentArrangements.find((a) => a.id === input.arrangementId);
  const decision = await em.findOne(Decision, { case: found }, { orderBy: { createdAt: 'desc' } });
  const fineFen = (decision?.penalties ?? [])
    .filter((p) => p.kind === 'FINE' && p.amountYuan)
    .reduce((total, p) => total + parseAmountToFen(p.amountYuan!), 0);
  const paymentArrangement = {
    decisionNumber: decision?.documentNumber ?? '',
    decisionDate: decision?.decidedOn ?? input.decidedOn,
    kind: arrangement?.kind ?? 'DEFERRAL',
    appliedOn: arrangement?.appliedOn ?? input.decidedOn,
    approved: input.approved,
    fineYuan: yuan(fineFen),
    schedule: input.schedule.map((s) => ({ dueOn: s.dueOn, amountYuan: yuan(s.amountFen) })),
    rejectionReason: input.approved
      ? null
      : (input.rejectionReason ??
        '经审查，申请不符合《中华人民共和国行政处罚法》第六十六条第二款规定的确有经济困难的条件'),
  } as const;
  const document = await generateCaseDocument(
    em,
    context.actor,
    found,
    'PAYMENT_ARRANGEMENT_DECISION',
    context.today,
    { paymentArrangement },
  );
  return { documents: [document], sections: { paymentArrangement } };
}

/** 行政处罚文书送达公告: the notice itself, besides the 送达回证 that records the service. */
export async function produceServicePublicNotice(
  context: StepContext,
  input: {
    method: ServiceMethod;
    documentIds: readonly string[];
    reason: string;
    medium: string;
    publishedOn: LocalDate;
    periodDays: number;
  },
): Promise<StepDocuments> {
  const { em, found } = context;
  await em.populate(found, ['office']);
  const served = await em.find(CaseDocument, { id: { $in: [...input.documentIds] } });
  const servicePublicNotice = {
    documents: input.documentIds.map((id) => {
      const document = served.find((d) => d.id === id);
      return { title: document?.title ?? '', number: document?.number ?? null };
    }),
    reason: input.reason,
    medium: input.medium,
    publishedOn: input.publishedOn,
    periodDays: input.periodDays,
    collectionPlace: found.office.address ?? found.office.name,
  };
  const document = await generateCaseDocument(
    em,
    context.actor,
    found,
    'SERVICE_PUBLIC_NOTICE',
    context.today,
    { servicePublicNotice },
  );
  return { documents: [document], sections: { servicePublicNotice } };
}

/** 陈述申辩笔录 (APL art. 45): an oral statement recorded by the handlers. */
export async function produceStatementRecord(
  context: StepContext,
  input: {
    date: LocalDate;
    startTime: string;
    endTime: string;
    place: string;
    statedBy: string;
    statedByRole: string;
    recorder: string;
    content: readonly string[];
  },
): Promise<StepDocuments> {
  const statementRecord = { ...input, content: [...input.content] };
  const document = await generateCaseDocument(
    context.em,
    context.actor,
    context.found,
    'STATEMENT_RECORD',
    context.today,
    { statementRecord },
  );
  return { documents: [document], sections: { statementRecord } };
}
