import { isScalarType, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { ValidateTextArguments } from './text-validation.js';
import { streamlineFieldResolvers } from './field-resolvers.js';
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
  InterviewDocumentResolver,
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
import { CaseInterviewsResolver, InterviewResolver } from '../resolvers/interview.resolver.js';
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
  InterviewDocumentResolver,
  CaseFileResolver,
  DocumentCorrectionResolver,
  DocumentTemplateResolver,
  CaseDocumentTemplateResolver,
  PublicationResolver,
  InterviewResolver,
  CaseInterviewsResolver,
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

/**
 * Descriptions of the types no decorator of ours declares: the root types, and the library
 * scalars (graphql-scalars' JSON and type-graphql's DateTimeISO, described in English there).
 * Every schema element is described in Chinese with the English meaning.
 */
const BUILT_IN_DESCRIPTIONS: Readonly<Record<string, string>> = {
  Query: '查询（Query）：读取案件、人员、期限、文书、公示等；不改变任何数据',
  Mutation:
    '变更（Mutation）：每个操作在一个事务内完成并记入全过程记录；程序操作被拒绝时列出全部未满足的规则',
  DateTimeISO:
    '时刻（DateTimeISO）：UTC 的 ISO 8601 日期时间字符串，如 2026-12-03T08:15:30.000Z；法律期间按日期（LocalDate）计算',
  JSON: '任意 JSON 值（JSON，ECMA-404）：结构见各字段的说明',
};

function describeBuiltIns(schema: GraphQLSchema): GraphQLSchema {
  for (const [name, description] of Object.entries(BUILT_IN_DESCRIPTIONS)) {
    const type = schema.getType(name);
    if (
      type &&
      (isScalarType(type) || type === schema.getQueryType() || type === schema.getMutationType())
    ) {
      type.description = description;
    }
  }
  return schema;
}

/** The schema is the frontend contract; schema.graphql holds its printed form and a test guards drift. */
export function buildZhifaSchema(): Promise<GraphQLSchema> {
  cached ??= buildSchema({
    resolvers,
    authChecker,
    authMode: 'error',
    validate: false,
    // Text validation of every input argument, once for all resolvers (INVALID_TEXT).
    globalMiddlewares: [ValidateTextArguments],
  })
    .then(describeBuiltIns)
    .then(streamlineFieldResolvers);
  return cached;
}
