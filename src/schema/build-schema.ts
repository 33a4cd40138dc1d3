import type { GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ValidateTextArguments } from './text-validation.js';
import { authChecker } from '../auth/auth-checker.js';
import { AuditCheckpointResolver } from '../resolvers/audit-checkpoint.resolver.js';
import { CalendarResolver } from '../resolvers/calendar.resolver.js';
import { CaseProcedureResolver, DeadlineResolver } from '../resolvers/case-procedure.resolver.js';
import { MonitoringResolver } from '../resolvers/monitoring.resolver.js';
import { NodeResolver } from '../resolvers/node.resolver.js';
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
import { CaseProcedureRecordsResolver } from '../resolvers/procedure/case-records.resolver.js';
import { CaseExecutionResolver } from '../resolvers/procedure/execution.resolver.js';
import { procedureMutationResolvers } from '../resolvers/procedure/procedure-mutations.js';
import {
  CaseServiceRecordsResolver,
  ServiceRecordResolver,
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
  CaseProcedureRecordsResolver,
  CaseServiceRecordsResolver,
  ServiceRecordResolver,
  CaseExecutionResolver,
  WebhookResolver,
  WebhookDeliveryResolver,
  DomainEventResolver,
  AuditCheckpointResolver,
  ...procedureMutationResolvers,
  ErrorCodeResolver,
  NodeResolver,
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
