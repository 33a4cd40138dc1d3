import type { EntityManager } from '@mikro-orm/postgresql';
import type { Case } from '../entities/case.entity.js';
import type { CaseDocument } from '../entities/case-document.entity.js';
import { DomainEvent } from '../entities/domain-event.entity.js';
import { Office } from '../entities/office.entity.js';
import { uuidv7 } from '../entities/uuid.js';
import { WebhookDelivery } from '../entities/webhook-delivery.entity.js';
import { WebhookSubscription } from '../entities/webhook-subscription.entity.js';
import type { DomainEventType } from './domain-event-types.js';
import { domainEventsForStep } from './step-events.js';

/**
 * Transactional outbox: the event and one PENDING delivery per matching active
 * subscription are persisted on the caller's EntityManager and written by its
 * flush, inside its transaction, so a rolled-back step emits nothing.
 */

/** The case as portals see it: no party, no personal data. */
export interface EventCaseRef {
  id: string;
  number: string;
  officeName: string;
}

export interface NewDomainEvent {
  caseId: string | null;
  /** Path of the office the event belongs to (subscriptions of it and above receive it). */
  officePath: string;
  occurredAt?: Date;
  /** Type-specific content; stored under the envelope fields id, type, occurredAt. */
  payload: { case?: EventCaseRef | null; data?: Record<string, unknown> } & Record<string, unknown>;
}

/** '/a/b/c/' → ['/a/', '/a/b/', '/a/b/c/']: the subscriptions whose subtree holds the path. */
export function officePathPrefixes(officePath: string): string[] {
  const ids = officePath.split('/').filter(Boolean);
  return ids.map((_, i) => `/${ids.slice(0, i + 1).join('/')}/`);
}

export async function recordDomainEvent(
  em: EntityManager,
  type: DomainEventType,
  event: NewDomainEvent,
): Promise<DomainEvent> {
  const occurredAt = event.occurredAt ?? new Date();
  const id = uuidv7();
  // Envelope first: the stored payload is exactly the body every receiver gets.
  const payload: Record<string, unknown> = {
    id,
    type,
    occurredAt: occurredAt.toISOString(),
    ...event.payload,
  };
  const record = em.create(DomainEvent, {
    id,
    type,
    caseId: event.caseId,
    officePath: event.officePath,
    occurredAt,
    payload,
  });
  const subscriptions = await em.find(
    WebhookSubscription,
    { active: true, officePath: { $in: officePathPrefixes(event.officePath) } },
    { orderBy: { createdAt: 'asc', id: 'asc' } },
  );
  for (const subscription of subscriptions) {
    if (subscription.eventTypes.includes(type)) {
      em.create(WebhookDelivery, {
        event: record,
        subscription,
        status: 'PENDING',
        nextAttemptAt: occurredAt,
      });
    }
  }
  return record;
}

export interface StepEventSource {
  found: Case;
  action: string;
  from: string;
  to: string;
  outcome: string;
  actDate: string;
  occurredAt: Date;
  documents: readonly CaseDocument[];
  submitted: unknown;
}

/** Records the domain events a procedural step emits (see step-events.ts), in its transaction. */
export async function recordStepEvents(
  em: EntityManager,
  step: StepEventSource,
): Promise<DomainEvent[]> {
  const planned = domainEventsForStep({
    action: step.action,
    from: step.from,
    to: step.to,
    outcome: step.outcome,
    actDate: step.actDate,
    documents: step.documents.map((d) => ({
      id: d.id,
      kind: d.kind,
      title: d.title,
      number: d.number,
      version: d.version,
      sha256: d.sha256,
    })),
    submitted: step.submitted,
  });
  if (planned.length === 0) {
    return [];
  }
  const office = await em.findOneOrFail(Office, { id: step.found.office.id });
  const caseRef: EventCaseRef = {
    id: step.found.id,
    number: step.found.number,
    officeName: office.name,
  };
  const recorded: DomainEvent[] = [];
  for (const { type, data } of planned) {
    recorded.push(
      await recordDomainEvent(em, type, {
        caseId: step.found.id,
        officePath: step.found.officePath,
        occurredAt: step.occurredAt,
        payload: { case: caseRef, data },
      }),
    );
  }
  return recorded;
}
