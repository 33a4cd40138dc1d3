import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ValidateTextArguments } from './text-validation.js';
import { authChecker } from '../auth/auth-checker.js';
import { AuditCheckpointResolver } from '../resolvers/audit-checkpoint.resolver.js';
import { CalendarResolver } from '../resolvers/calendar.resolver.js';
import { CaseProcedureResolver, DeadlineResolver } from '../resolvers/case-procedure.resolver.js';
import { MonitoringResolver } from '../resolvers/monitoring.resolver.js';
import { CaseResolver, DecisionResolver, EvidenceResolver } from '../resolvers/case.resolver.js';
import { ErrorCodeResolver } from '../resolvers/error-code.resolver.js';
import {
  CaseDocumentResolver,
  CaseDocumentsResolver,
  CaseFileResolver,
  DocumentCorrectionResolver,
} from '../resolvers/document.resolver.js';
import {
  CaseDocumentTemplateResolver,
  DocumentTemplateResolver,
} from '../resolvers/document-template.resolver.js';
import { OfficeResolver } from '../resolvers/office.resolver.js';
import { EnforcementCertificateResolver, OfficerResolver } from '../resolvers/officer.resolver.js';
import { PartyResolver } from '../resolvers/party.resolver.js';
import { PublicationResolver } from '../resolvers/publication.resolver.js';
import { RulebookResolver } from '../resolvers/rulebook.resolver.js';
import { CaseHandlingResolver } from '../resolvers/procedure/case-handling.resolver.js';
import { CaseProcedureRecordsResolver } from '../resolvers/procedure/case-records.resolver.js';
import { InvestigationResolver } from '../resolvers/procedure/investigation.resolver.js';
import { NoticeAndHearingResolver } from '../resolvers/procedure/notice-and-hearing.resolver.js';
import { ReviewAndDecisionResolver } from '../resolvers/procedure/review-and-decision.resolver.js';
import {
  CaseExecutionResolver,
  ExecutionResolver,
} from '../resolvers/procedure/execution.resolver.js';
import {
  CaseServiceRecordsResolver,
  ServiceRecordResolver,
  ServiceResolver,
} from '../resolvers/procedure/service.resolver.js';
import {
  DomainEventResolver,
  WebhookDeliveryResolver,
  WebhookResolver,
} from '../resolvers/webhook.resolver.js';

export const resolvers = [
  OfficeResolver,
  OfficerResolver,
  EnforcementCertificateResolver,
  PartyResolver,
  CaseResolver,
  EvidenceResolver,
  DecisionResolver,
  CaseProcedureResolver,
  DeadlineResolver,
  MonitoringResolver,
  CalendarResolver,
  RulebookResolver,
  CaseDocumentsResolver,
  CaseDocumentResolver,
  CaseFileResolver,
  DocumentCorrectionResolver,
  DocumentTemplateResolver,
  CaseDocumentTemplateResolver,
  PublicationResolver,
  CaseHandlingResolver,
  InvestigationResolver,
  NoticeAndHearingResolver,
  ReviewAndDecisionResolver,
  CaseProcedureRecordsResolver,
  ServiceResolver,
  CaseServiceRecordsResolver,
  ServiceRecordResolver,
  ExecutionResolver,
  CaseExecutionResolver,
  WebhookResolver,
  WebhookDeliveryResolver,
  DomainEventResolver,
  AuditCheckpointResolver,
  ErrorCodeResolver,
] as const;

let cached: Promise<GraphQLSchema> | undefined;

/** The schema is the frontend contract; schema.graphql holds its printed form and a test guards drift. */
export function buildZhifaSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: false,
    // Text validation of every input argument, once for all resolvers (INVALID_TEXT).
    globalMiddlewares: [ValidateTextArguments],
  });
  return cached;
}
