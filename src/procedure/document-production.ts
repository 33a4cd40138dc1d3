/**
 * Documents as effects: every document a step declares due (DOCUMENT_DUE) is either produced in
 * the step, from the step's own input, or becomes a pending document of the case, produced later
 * with generateDocument. The step runner checks every document a step produces against
 * STEP_PRODUCED_DOCUMENTS and records the rest as pending; docs/procedure.md is rendered from the
 * same registry. Pending documents required for closure keep closeCase refused until produced.
 * Legal basis: 《中华人民共和国行政处罚法》第四十七条 (V): the whole procedure is recorded in
 * writing and archived; which documents a complete case file holds is design (D).
 */
import type { DocumentKind, Effect } from './effects.js';
import type { LocalDate } from './local-date.js';
import type { ProcedureAction } from './procedure-action.js';

export interface StepProducedDocument {
  readonly kind: DocumentKind;
  /** When the step produces it; absent: every time the step succeeds. */
  readonly when?: string;
}

/**
 * The documents each step produces itself, in the same transaction (a document that cannot be
 * completed refuses the step). A step producing a kind not listed here is a programming error
 * the runner refuses.
 */
export const STEP_PRODUCED_DOCUMENTS: {
  readonly [A in ProcedureAction]?: readonly StepProducedDocument[];
} = {
  orderCorrection: [{ kind: 'CORRECTION_ORDER' }],
  recordCorrectionReview: [{ kind: 'CORRECTION_REVIEW_OPINION' }],
  revokeDecision: [{ kind: 'DECISION_REVOCATION_OR_CHANGE' }],
  changeDecision: [{ kind: 'DECISION_REVOCATION_OR_CHANGE' }],
  issuePrePenaltyNotice: [{ kind: 'PRE_PENALTY_NOTICE' }],
  recordStatement: [
    { kind: 'STATEMENT_RECORD', when: 'the input carries the oral statement (record)' },
  ],
  scheduleHearing: [{ kind: 'HEARING_NOTICE' }],
  decideCase: [
    { kind: 'PENALTY_DECISION', when: 'outcome PENALTY with the letter content' },
    { kind: 'NO_PENALTY_DECISION', when: 'a no-penalty outcome with the letter content' },
  ],
  serveDocument: [
    { kind: 'SERVICE_RECEIPT' },
    { kind: 'SERVICE_PUBLIC_NOTICE', when: 'service by public notice' },
  ],
  decidePaymentArrangement: [{ kind: 'PAYMENT_ARRANGEMENT_DECISION' }],
  issueEnforcementDemand: [{ kind: 'ENFORCEMENT_DEMAND' }],
  applyForCourtEnforcement: [{ kind: 'COURT_ENFORCEMENT_APPLICATION' }],
  closeCase: [{ kind: 'CASE_CLOSING_APPROVAL_FORM' }],
};

export function producedInStep(action: ProcedureAction): readonly StepProducedDocument[] {
  return STEP_PRODUCED_DOCUMENTS[action] ?? [];
}

export function mayProduceInStep(action: ProcedureAction, kind: DocumentKind): boolean {
  return producedInStep(action).some((d) => d.kind === kind);
}

/**
 * Due documents that do not hold up closure, and why. Every other pending document is required
 * before closeCase. A kind without a template can never be generated, so it cannot be required
 * (a unit test keeps this list and the template registry in step).
 */
export const NOT_REQUIRED_FOR_CLOSURE: Readonly<
  Partial<Record<DocumentKind, { readonly reason: 'NO_TEMPLATE' | 'PARTY_DOCUMENT' }>>
> = {
  // Written and signed by the party; the office files what it receives.
  RIGHTS_WAIVER_STATEMENT: { reason: 'PARTY_DOCUMENT' },
};

export function isRequiredForClosure(kind: DocumentKind): boolean {
  return NOT_REQUIRED_FOR_CLOSURE[kind] === undefined;
}

/** A document a step made due and nobody has produced yet. */
export interface PendingDocumentRecord {
  readonly kind: DocumentKind;
  /** The document's Chinese title (from the template registry when the kind has one). */
  readonly title: string;
  /** The step that made it due. */
  readonly dueBy: ProcedureAction;
  /** The act date of that step. */
  readonly since: LocalDate;
  readonly required: boolean;
}

/** The kinds a step's effects declare due, once each, in the table's order. */
export function dueDocumentKinds(effects: readonly Effect[]): DocumentKind[] {
  const kinds: DocumentKind[] = [];
  for (const effect of effects) {
    if (effect.kind === 'DOCUMENT_DUE' && !kinds.includes(effect.document)) {
      kinds.push(effect.document);
    }
  }
  return kinds;
}

/**
 * What a step leaves pending: each kind declared due that the step did not produce. Throws when
 * the step produced a kind the registry does not list for it (the table and the code disagree).
 */
export function pendingAfterStep(
  action: ProcedureAction,
  effects: readonly Effect[],
  producedKinds: readonly DocumentKind[],
  actDate: LocalDate,
  titleOf: (kind: DocumentKind) => string,
): PendingDocumentRecord[] {
  const unlisted = producedKinds.filter((kind) => !mayProduceInStep(action, kind));
  if (unlisted.length > 0) {
    throw new Error(
      `${action} produced ${unlisted.join(', ')}, which STEP_PRODUCED_DOCUMENTS does not list for it`,
    );
  }
  return dueDocumentKinds(effects)
    .filter((kind) => !producedKinds.includes(kind))
    .map((kind) => ({
      kind,
      title: titleOf(kind),
      dueBy: action,
      since: actDate,
      required: isRequiredForClosure(kind),
    }));
}

/** The required documents still pending: what keeps closeCase refused. */
export function requiredPendingDocuments(
  pending: readonly PendingDocumentRecord[],
): PendingDocumentRecord[] {
  return pending.filter((p) => p.required);
}
