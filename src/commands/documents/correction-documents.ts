import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../auth/context.js';
import { CaseDocument } from '../../entities/case-document.entity.js';
import type { Case } from '../../entities/case.entity.js';
import type {
  CorrectionOrderSource,
  CorrectionReviewSource,
  DecisionCorrectionContent,
  DecisionCorrectionSource,
} from '../../documents/kinds/case-document-source.js';
import type { Rulebook } from '../../procedure/rulebook.js';
import type { CaseSnapshot } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { generateCaseDocument } from './generate-case-document.js';
import { decisionRemediesSource, paymentPeriodDays, type StepDocuments } from './step-documents.js';

/**
 * The documents of 责令改正 (APL art. 28(1)): the 责令改正通知书 of orderCorrection and the
 * 复查意见书 of recordCorrectionReview, each dated on its act.
 */

interface StepContext {
  em: EntityManager;
  actor: Actor;
  found: Case;
  actDate: LocalDate;
  next: CaseSnapshot;
}

/** 责令改正通知书. */
export async function produceCorrectionOrder(
  context: StepContext,
  correctionOrder: CorrectionOrderSource,
): Promise<StepDocuments> {
  const { em, actor, found, actDate } = context;
  const document = await generateCaseDocument(em, actor, found, 'CORRECTION_ORDER', actDate, {
    correctionOrder,
  });
  return { documents: [document], sections: { correctionOrder } };
}

/**
 * 复查意见书 of the order `correctionOrderId`: the n-th order of the case is the n-th
 * 责令改正通知书 (one per order, a corrected version keeps its number).
 */
export async function produceCorrectionReviewOpinion(
  context: StepContext,
  input: { correctionOrderId: string; description: readonly string[] },
): Promise<StepDocuments> {
  const { em, actor, found, actDate, next } = context;
  const index = next.correctionOrders.findIndex((o) => o.id === input.correctionOrderId);
  const order = next.correctionOrders[index]!;
  const review = order.reviews.at(-1)!;
  const letters = await em.find(
    CaseDocument,
    { case: found, kind: 'CORRECTION_ORDER', version: 1 },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  const correctionReview: CorrectionReviewSource = {
    orderNumber: letters[index]?.number ?? '',
    orderedOn: order.orderedOn,
    dueOn: order.dueOn ?? null,
    reviewedOn: review.reviewedOn,
    finding: review.finding,
    description: input.description,
  };
  const document = await generateCaseDocument(
    em,
    actor,
    found,
    'CORRECTION_REVIEW_OPINION',
    actDate,
    { correctionReview },
  );
  return { documents: [document], sections: { correctionReview } };
}

/** 撤销（变更）行政处罚决定书 of revokeDecision / changeDecision (APL art. 75(2)). */
export async function produceDecisionRevocationOrChange(
  context: StepContext & { rulebook: Rulebook },
  content: DecisionCorrectionContent,
): Promise<StepDocuments> {
  const { em, actor, found, actDate, rulebook } = context;
  const { outstandingYuan, ...rest } = content;
  // A change is a new decision for the party: its letter states the remedies as the decision
  // letter does, and the days to pay what is still owed from its service (APL arts. 61, 67(3)).
  const changed = content.kind === 'CHANGED';
  if (changed) {
    await em.populate(found, ['office']);
  }
  const decisionCorrection: DecisionCorrectionSource = {
    ...rest,
    remedies: changed ? decisionRemediesSource(found.office, rulebook) : null,
    payment:
      changed && outstandingYuan !== null
        ? { outstandingYuan, deadlineDays: paymentPeriodDays(rulebook) }
        : null,
  };
  const document = await generateCaseDocument(
    em,
    actor,
    found,
    'DECISION_REVOCATION_OR_CHANGE',
    actDate,
    { decisionCorrection },
  );
  return { documents: [document], sections: { decisionCorrection } };
}
