import type { DomainEventType } from './domain-event-types.js';

/**
 * Which domain events a procedural step emits: a pure function of the step's
 * facts, mapped by action name so actions not written yet (serveDocument,
 * recordPayment, closeCase, …) emit theirs as soon as they exist.
 *
 * Only what a portal may see goes into `data`: dates, statuses, outcomes,
 * document identifiers and digests. Never a party's name or ID number, never
 * the submitted input as a whole.
 */

export interface StepDocumentFacts {
  id: string;
  kind: string;
  title: string;
  number: string | null;
  version: number;
  sha256: string;
}

export interface StepFacts {
  action: string;
  from: string;
  to: string;
  /** Outcome id of the transition (e.g. DOCKETED, PENALTY). */
  outcome: string;
  /** The date of the act (YYYY-MM-DD). */
  actDate: string;
  documents: readonly StepDocumentFacts[];
  /** The client's input; only whitelisted identifiers are copied from it. */
  submitted?: unknown;
}

export interface PlannedDomainEvent {
  type: DomainEventType;
  /** Type-specific part of the payload (`data`). */
  data: Record<string, unknown>;
}

/** Path of the stored file: GET it with an officer's bearer token (src/http/documents-route.ts). */
export function documentDownloadPath(documentId: string): string {
  return `/documents/${documentId}`;
}

/** The decision made, and the office's own revocation or change of it (APL art. 75(2)): portals update. */
const DECISION_ACTIONS: ReadonlySet<string> = new Set([
  'decideCase',
  'imposeSummaryPenalty',
  'revokeDecision',
  'changeDecision',
]);

/** Actions that do not exist yet, mapped by name. */
const LATER_ACTIONS: Readonly<Record<string, DomainEventType>> = {
  serveDocument: 'DOCUMENT_SERVED',
  recordService: 'DOCUMENT_SERVED',
  recordPayment: 'PAYMENT_RECORDED',
  closeCase: 'CASE_CLOSED',
};
// PUBLICATION_DUE and PUBLICATION_WITHDRAWN come from src/commands/publications.ts, with their own data.

/**
 * Fields copied from the input when present and of the expected shape: ids,
 * codes, dates and amounts only — never names, addresses, ID numbers, free text.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const CODE = /^[A-Z][A-Z0-9_]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const isCode = (v: unknown) => typeof v === 'string' && CODE.test(v);
const INPUT_WHITELIST: Readonly<Record<string, (value: unknown) => boolean>> = {
  documentId: (v) => typeof v === 'string' && UUID.test(v),
  documentIds: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string' && UUID.test(x)),
  decisionId: (v) => typeof v === 'string' && UUID.test(v),
  publicationId: (v) => typeof v === 'string' && UUID.test(v),
  documents: (v) => Array.isArray(v) && v.every(isCode),
  method: isCode,
  channel: isCode,
  servedOn: (v) => typeof v === 'string' && DATE.test(v),
  deemedServedOn: (v) => typeof v === 'string' && DATE.test(v),
  paidOn: (v) => typeof v === 'string' && DATE.test(v),
  closedOn: (v) => typeof v === 'string' && DATE.test(v),
  amountFen: (v) => Number.isSafeInteger(v),
};

function identifiersFrom(submitted: unknown): Record<string, unknown> {
  const picked: Record<string, unknown> = {};
  if (submitted && typeof submitted === 'object') {
    for (const [key, accepts] of Object.entries(INPUT_WHITELIST)) {
      const value = (submitted as Record<string, unknown>)[key];
      if (value !== undefined && accepts(value)) {
        picked[key] = value;
      }
    }
  }
  return picked;
}

export function documentData(document: StepDocumentFacts): Record<string, unknown> {
  return {
    document: {
      id: document.id,
      kind: document.kind,
      title: document.title,
      number: document.number,
      version: document.version,
      sha256: document.sha256,
      downloadUrl: documentDownloadPath(document.id),
    },
  };
}

export function domainEventsForStep(facts: StepFacts): PlannedDomainEvent[] {
  const events: PlannedDomainEvent[] = [];
  const step = { action: facts.action, fromStatus: facts.from, toStatus: facts.to };
  if (facts.action === 'decideDocketing' && facts.to === 'INVESTIGATING') {
    events.push({ type: 'CASE_DOCKETED', data: { ...step, docketedOn: facts.actDate } });
  }
  if (DECISION_ACTIONS.has(facts.action)) {
    events.push({
      type: 'DECISION_MADE',
      data: {
        ...step,
        outcome: facts.outcome,
        decidedOn: facts.actDate,
        documentIds: facts.documents.map((d) => d.id),
      },
    });
  }
  const later = LATER_ACTIONS[facts.action];
  if (later) {
    events.push({
      type: later,
      data: {
        ...step,
        outcome: facts.outcome,
        actDate: facts.actDate,
        ...identifiersFrom(facts.submitted),
      },
    });
  }
  for (const document of facts.documents) {
    events.push({ type: 'DOCUMENT_ISSUED', data: { ...step, ...documentData(document) } });
  }
  return events;
}
