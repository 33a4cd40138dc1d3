import { AuditCheckpoint } from './audit-checkpoint.entity.js';
import { CalendarYear } from './calendar-year.entity.js';
import { CaseDocument } from './case-document.entity.js';
import { CaseEvent } from './case-event.entity.js';
import { Case } from './case.entity.js';
import { Deadline } from './deadline.entity.js';
import { Decision } from './decision.entity.js';
import { EnforcementCertificate } from './enforcement-certificate.entity.js';
import { Evidence } from './evidence.entity.js';
import { IdempotencyKey } from './idempotency-key.entity.js';
import { Interview } from './interview.entity.js';
import { InterviewDocument } from './interview-document.entity.js';
import { InterviewEvent } from './interview-event.entity.js';
import { Office } from './office.entity.js';
import { Officer } from './officer.entity.js';
import { NumberSequence } from './number-sequence.entity.js';
import { Party } from './party.entity.js';
import { PendingDocument } from './pending-document.entity.js';
import { PenaltyProvisionRecord } from './penalty-provision-record.entity.js';
import { Publication } from './publication.entity.js';
import { ServiceRecord } from './service-record.entity.js';
import { DomainEvent } from './domain-event.entity.js';
import { DocumentTemplateVersion } from './document-template-version.entity.js';
import { WebhookDelivery } from './webhook-delivery.entity.js';
import { WebhookSubscription } from './webhook-subscription.entity.js';

export {
  AuditCheckpoint,
  CalendarYear,
  Case,
  CaseDocument,
  CaseEvent,
  Deadline,
  Decision,
  EnforcementCertificate,
  Evidence,
  IdempotencyKey,
  Interview,
  InterviewDocument,
  InterviewEvent,
  Office,
  NumberSequence,
  Officer,
  Party,
  PendingDocument,
  PenaltyProvisionRecord,
  ServiceRecord,
  DomainEvent,
  DocumentTemplateVersion,
  WebhookSubscription,
  WebhookDelivery,
};

/** Registered as class references (globs break under vitest and in dist). */
export const entities = [
  Office,
  Officer,
  EnforcementCertificate,
  Party,
  Case,
  Evidence,
  Decision,
  CaseEvent,
  CalendarYear,
  PenaltyProvisionRecord,
  Deadline,
  NumberSequence,
  CaseDocument,
  DomainEvent,
  WebhookSubscription,
  WebhookDelivery,
  Publication,
  ServiceRecord,
  DocumentTemplateVersion,
  AuditCheckpoint,
  PendingDocument,
  IdempotencyKey,
  Interview,
  InterviewEvent,
  InterviewDocument,
];
