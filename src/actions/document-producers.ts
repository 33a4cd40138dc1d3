import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor as RequestActor } from '../auth/context.js';
import {
  produceClosingForm,
  produceCourtEnforcementApplication,
  produceDecisionLetter,
  produceEnforcementDemand,
  produceHearingNotice,
  producePrePenaltyNotice,
  produceServiceReceipt,
  type StepDocuments,
} from '../commands/documents/step-documents.js';
import {
  producePaymentArrangementDecision,
  produceServicePublicNotice,
  produceStatementRecord,
} from '../commands/documents/case-file-step-documents.js';
import {
  produceCorrectionOrder,
  produceCorrectionReviewOpinion,
  produceDecisionRevocationOrChange,
} from '../commands/documents/correction-documents.js';
import type { Case } from '../entities/case.entity.js';
import type { CaseSnapshot } from '../procedure/case-snapshot.js';
import type { DocumentKind } from '../procedure/effects.js';
import type { LocalDate } from '../procedure/local-date.js';
import type { Rulebook } from '../procedure/rulebook.js';

/**
 * The documents a step can produce from its own input, keyed by document kind: the runner
 * hands each content a spec returns to its kind's producer, in the step's transaction (a
 * document that cannot be completed fails the step). The producers are the produce*
 * functions of src/commands/documents.
 */

export interface ProducerContext {
  readonly em: EntityManager;
  readonly actor: RequestActor;
  readonly found: Case;
  /** The day the step is recorded (the document's date unless its kind says otherwise). */
  readonly today: LocalDate;
  /** The date of the act. */
  readonly actDate: LocalDate;
  readonly next: CaseSnapshot;
  readonly rulebook: Rulebook;
}

type DecisionLetter = Parameters<typeof produceDecisionLetter>[1];

export const DOCUMENT_PRODUCERS = {
  STATEMENT_RECORD: produceStatementRecord,
  PRE_PENALTY_NOTICE: producePrePenaltyNotice,
  HEARING_NOTICE: produceHearingNotice,
  // The letter bears the decision date, not the day it is entered (APL art. 59).
  PENALTY_DECISION: (c: ProducerContext, content: DecisionLetter) =>
    produceDecisionLetter({ ...c, today: c.actDate }, content),
  NO_PENALTY_DECISION: (c: ProducerContext, content: DecisionLetter) =>
    produceDecisionLetter({ ...c, today: c.actDate }, content),
  SERVICE_RECEIPT: produceServiceReceipt,
  SERVICE_PUBLIC_NOTICE: produceServicePublicNotice,
  PAYMENT_ARRANGEMENT_DECISION: producePaymentArrangementDecision,
  ENFORCEMENT_DEMAND: produceEnforcementDemand,
  COURT_ENFORCEMENT_APPLICATION: produceCourtEnforcementApplication,
  CASE_CLOSING_APPROVAL_FORM: produceClosingForm,
  CORRECTION_ORDER: produceCorrectionOrder,
  CORRECTION_REVIEW_OPINION: produceCorrectionReviewOpinion,
  DECISION_REVOCATION_OR_CHANGE: produceDecisionRevocationOrChange,
} satisfies {
  [K in DocumentKind]?: (c: ProducerContext, content: never) => Promise<StepDocuments>;
};

export type ProducedKind = keyof typeof DOCUMENT_PRODUCERS;

/** One document a step's input carries: its kind and the content its producer takes. */
export type DocumentContent = {
  [K in ProducedKind]: {
    readonly kind: K;
    readonly content: Parameters<(typeof DOCUMENT_PRODUCERS)[K]>[1];
  };
}[ProducedKind];

/** The kinds a step can produce (for docs and for the pending-documents check). */
export const PRODUCED_KINDS = Object.keys(DOCUMENT_PRODUCERS) as ProducedKind[];

/** Produces the documents in the order given; the sections of each are kept in the audit record. */
export async function produceDocuments(
  context: ProducerContext,
  contents: readonly DocumentContent[],
): Promise<StepDocuments> {
  const produced: StepDocuments = { documents: [], sections: {} };
  for (const { kind, content } of contents) {
    const producer = DOCUMENT_PRODUCERS[kind] as (
      c: ProducerContext,
      content: DocumentContent['content'],
    ) => Promise<StepDocuments>;
    const one = await producer(context, content);
    produced.documents.push(...one.documents);
    Object.assign(produced.sections, one.sections);
  }
  return produced;
}
