import { latestSection, produceServiceReceipt } from '../../commands/documents/step-documents.js';
import { produceServicePublicNotice } from '../../commands/documents/case-file-step-documents.js';
import {
  sortCorrectedService,
  type ServiceWithCorrections,
} from '../../commands/documents/corrected-service.js';
import type { NoticeSource } from '../../documents/kinds/case-document-source.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Mutation,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../../auth/context.js';
import { resolveOfficerRefs } from '../../commands/procedure/resolve-references.js';
import { overridesForOffice } from '../../commands/rulebook.commands.js';
import { optionalText } from '../../commands/validate.js';
import { isUuid } from '../../commands/office.commands.js';
import { Case } from '../../entities/case.entity.js';
import { CaseDocument } from '../../entities/case-document.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { Party } from '../../entities/party.entity.js';
import {
  ServiceRecord,
  type ServedDocument,
  type ServingOfficer,
} from '../../entities/service-record.entity.js';
import { DomainError, NotFoundError, ValidationError } from '../../errors/domain-error.js';
import type {
  PublicNoticeGround,
  ServiceFacts,
  ServiceRecipientRole,
} from '../../procedure/action-inputs.js';
import {
  isCalendarYearNotLoadedError,
  type WorkingDayCalendar,
} from '../../procedure/calendar/index.js';
import {
  SERVABLE_DOCUMENTS,
  type CaseSnapshot,
  type ServableDocument,
  type ServiceMethod,
} from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { violation } from '../../procedure/rule-catalog.js';
import type { RuleViolation } from '../../procedure/rule-violation.js';
import { findRulebookVersion, rulebookFor } from '../../procedure/rulebook.js';
import { deemedServedOn, PUBLIC_NOTICE_DAYS, type DeemedService } from '../../procedure/service.js';
import {
  PublicNoticeGroundEnum,
  ServiceMethodEnum,
  ServiceRecipientRoleEnum,
} from '../../schema/procedure-enums.js';
import { CaseStepArgs, ProcedureResult } from '../../schema/procedure.types.js';
import { LocalDateScalar } from '../../schema/scalars.js';
import { rolesOf, runCaseStep } from './procedure-inputs.js';

/** Service of documents (送达) and its records (送达回证). */

const PUBLIC_NOTICE_REASONS: Record<PublicNoticeGround, string> = {
  WHEREABOUTS_UNKNOWN: '受送达人下落不明',
  OTHER_METHODS_FAILED: '采用其他方式无法送达',
};

@InputType({ description: '送达事实（按送达方式填写，缺少的事实由规则指出）' })
class ServiceFactsInput {
  @Field(() => String, { nullable: true, description: '签收人（或者拒收人）姓名' })
  recipientName?: string | null;
  @Field(() => ServiceRecipientRoleEnum, { nullable: true, description: '签收人的身份' })
  recipientRole?: ServiceRecipientRole | null;
  @Field(() => Boolean, { nullable: true, description: '受送达人（或者代收人）已在送达回证上签收' })
  signed?: boolean | null;
  @Field(() => LocalDateScalar, { nullable: true, description: '送达回证上注明的收到日期' })
  signedOn?: LocalDate | null;
  @Field(() => String, { nullable: true, description: '留置送达：拒绝签收的事由' })
  refusalReason?: string | null;
  @Field(() => [String], {
    nullable: true,
    description: '留置送达：在场见证的基层组织或者所在单位代表',
  })
  witnesses?: string[] | null;
  @Field(() => String, { nullable: true, description: '留置送达：拍照、录像等记录送达过程的编号' })
  audiovisualRecordRef?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '电子送达：送达地址（须为当事人在送达地址确认书中确认的地址）',
  })
  electronicAddress?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '电子送达：到达受送达人特定系统的日期',
  })
  reachedSystemOn?: LocalDate | null;
  @Field(() => String, { nullable: true, description: '邮寄送达：邮件编号' })
  trackingNumber?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: '邮寄送达：回执上注明的收件日期' })
  mailReceiptOn?: LocalDate | null;
  @Field(() => String, {
    nullable: true,
    description: '委托送达、转交送达：受托或者转交的机关、单位',
  })
  intermediary?: string | null;
  @Field(() => PublicNoticeGroundEnum, { nullable: true, description: '公告送达：事由' })
  publicNoticeGround?: PublicNoticeGround | null;
  @Field(() => String, { nullable: true, description: '公告送达：发布公告的媒体或者场所' })
  publicationMedium?: string | null;
  @Field(() => String, { nullable: true, description: '公告送达：原因和经过（记入案卷）' })
  reasonAndProcess?: string | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '催告书：当事人拒绝接收或者无法直接送达（《中华人民共和国行政强制法》第三十八条）',
  })
  directServiceImpossible?: boolean | null;
}

@InputType({ description: '送达文书（送达回证）' })
class ServeDocumentInput {
  @Field(() => [ID], { description: '送达的执法文书（case.documents 中的 id）' })
  documentIds!: string[];
  @Field(() => ID, { nullable: true, description: '受送达的当事人（案件只有一名当事人时可省略）' })
  partyId?: string | null;
  @Field(() => ServiceMethodEnum) method!: ServiceMethod;
  @Field(() => LocalDateScalar, {
    description: '实施送达的日期（交付、留置、发送、邮寄、委托或者发出公告之日）',
  })
  servedOn!: LocalDate;
  @Field(() => ServiceFactsInput, { nullable: true }) facts?: ServiceFactsInput | null;
  @Field(() => [ID], { nullable: true, description: '送达人（直接送达、留置送达须载明）' })
  serverIds?: string[] | null;
  @Field(() => String, { nullable: true, description: '送达地点' }) place?: string | null;
  @Field(() => String, {
    nullable: true,
    description: '决定书在七个工作日后送达的，说明理由',
  })
  lateServiceReason?: string | null;
}

function serviceFacts(input: ServeDocumentInput): ServiceFacts {
  const f = input.facts ?? {};
  const text = (field: string, value: string | null | undefined, max = 500) => {
    const checked = optionalText(`facts.${field}`, value, max);
    return checked === null ? {} : { [field]: checked };
  };
  const witnesses = (f.witnesses ?? []).map((w) => w.trim()).filter((w) => w.length > 0);
  return {
    servedOn: input.servedOn,
    ...text('recipientName', f.recipientName, 100),
    ...(f.recipientRole ? { recipientRole: f.recipientRole } : {}),
    ...(f.signed != null ? { signed: f.signed } : {}),
    ...(f.signedOn ? { signedOn: f.signedOn } : {}),
    ...text('refusalReason', f.refusalReason),
    ...(witnesses.length > 0 ? { witnesses } : {}),
    ...text('audiovisualRecordRef', f.audiovisualRecordRef, 200),
    ...text('electronicAddress', f.electronicAddress, 200),
    ...(f.reachedSystemOn ? { reachedSystemOn: f.reachedSystemOn } : {}),
    ...text('trackingNumber', f.trackingNumber, 100),
    ...(f.mailReceiptOn ? { mailReceiptOn: f.mailReceiptOn } : {}),
    ...text('intermediary', f.intermediary, 200),
    ...(f.publicNoticeGround ? { publicNoticeGround: f.publicNoticeGround } : {}),
    ...text('publicationMedium', f.publicationMedium, 200),
    ...text('reasonAndProcess', f.reasonAndProcess, 2000),
    ...(f.directServiceImpossible != null
      ? { directServiceImpossible: f.directServiceImpossible }
      : {}),
  } as ServiceFacts;
}

function isServable(kind: string): kind is ServableDocument {
  return (SERVABLE_DOCUMENTS as readonly string[]).includes(kind);
}

/**
 * The generated documents of the case named by id, as the engine's document kinds. A document
 * of another case (or none) is not found; one that is not served on the party, or that a newer
 * version superseded, is refused with the rest of the rules.
 */
async function servedDocuments(
  em: EntityManager,
  found: Case,
  ids: readonly string[],
  violations: RuleViolation[],
): Promise<ServedDocument[]> {
  const unique = [...new Set(ids)];
  const rows = await em.find(CaseDocument, { case: found, id: { $in: unique.filter(isUuid) } });
  const documents: ServedDocument[] = [];
  for (const id of unique) {
    const row = rows.find((d) => d.id === id);
    if (!row) {
      throw new DomainError('DOCUMENT_NOT_FOUND', 'NOT_FOUND', '文书不存在或不属于本案', {
        id,
      });
    }
    if (!isServable(row.kind)) {
      violations.push(violation('DOCUMENT_NOT_SERVABLE', { documentId: id, kind: row.kind }));
      continue;
    }
    const newer = await em.count(CaseDocument, {
      case: found,
      kind: row.kind,
      version: { $gt: row.version },
    });
    if (newer > 0) {
      throw ValidationError.field(
        'DOCUMENT_SUPERSEDED',
        'documentIds',
        '该文书已有更新的版本，应当送达最新版本',
        { id, kind: row.kind, version: row.version },
      );
    }
    documents.push({ documentId: row.id, kind: row.kind, number: row.number });
  }
  if (documents.length !== new Set(documents.map((d) => d.kind)).size) {
    throw ValidationError.field('DUPLICATE_DOCUMENT_KIND', 'documentIds', '同种文书只能送达一份');
  }
  return documents;
}

function partyOf(snapshot: CaseSnapshot, partyId: string | null | undefined): string {
  if (!partyId) {
    if (snapshot.parties.length !== 1) {
      throw ValidationError.field(
        'FIELD_REQUIRED',
        'partyId',
        '案件有多名当事人（或者没有当事人），须载明受送达人',
      );
    }
    return snapshot.parties[0]!.id;
  }
  if (!snapshot.parties.some((p) => p.id === partyId)) {
    throw NotFoundError.of('PARTY', partyId);
  }
  return partyId;
}

/** deemedServedOn() with the rulebook's public-notice period; an unloaded calendar year refuses. */
function computeDeemedService(
  method: ServiceMethod,
  facts: ServiceFacts,
  calendar: WorkingDayCalendar,
  overrides: Parameters<typeof rulebookFor>[1],
): DeemedService | undefined {
  const days = findRulebookVersion(facts.servedOn)
    ? rulebookFor(facts.servedOn, overrides).parameters.publicNoticeServicePeriod.length
    : PUBLIC_NOTICE_DAYS;
  try {
    return deemedServedOn(method, facts, calendar, days);
  } catch (error) {
    if (isCalendarYearNotLoadedError(error)) {
      throw new DomainError('CALENDAR_YEAR_NOT_LOADED', 'BAD_USER_INPUT', error.message, {
        year: error.year,
        date: error.date,
      });
    }
    throw error;
  }
}

@Resolver()
export class ServiceResolver {
  @Authorized(rolesOf('serveDocument'))
  @Mutation(() => ProcedureResult, {
    description:
      '送达文书并记录送达回证：按送达方式计算视为送达的日期，当事人的期限（陈述申辩、听证申请、缴纳罚款、复议、诉讼）自该日起算',
  })
  serveDocument(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ServeDocumentInput) input: ServeDocumentInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    if (input.documentIds.length === 0) {
      throw ValidationError.field('FIELD_REQUIRED', 'documentIds', '须载明送达的文书');
    }
    const facts = serviceFacts(input);
    const place = optionalText('place', input.place, 500);
    const lateServiceReason = optionalText('lateServiceReason', input.lateServiceReason, 2000);
    let documents: ServedDocument[] = [];
    // docs12: corrected versions (补正/更正) and their notices, sorted in src/commands.
    let corrections: ServiceWithCorrections | undefined;
    let partyId = '';
    let deemed: DeemedService | undefined;
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'serveDocument',
        resolveInput: async ({ em, actor, snapshot, calendar, found, additionalViolations }) => {
          corrections = await sortCorrectedService(em, found!, input.documentIds, (ids) =>
            servedDocuments(em, found!, ids, additionalViolations),
          );
          documents = corrections.documents;
          partyId = partyOf(snapshot, input.partyId);
          const overrides = await overridesForOffice(em, found!.officePath);
          deemed = computeDeemedService(input.method, facts, calendar, overrides);
          if (deemed === undefined) {
            // The facts that fix the service date are missing; the engine's guards name them.
            additionalViolations.push(
              violation('SERVICE_DATE_NOT_RECORDED', { method: input.method }),
            );
          }
          return {
            documents: documents.map((d) => d.kind),
            ...(corrections.correctedVersion ? { correctedVersion: true } : {}),
            method: input.method,
            facts,
            servers: await resolveOfficerRefs(em, actor, input.serverIds ?? [], input.servedOn),
            ...(place ? { place } : {}),
            // Refused above when undefined; the act date keeps the input well-formed meanwhile.
            deemedServedOn: deemed?.deemedServedOn ?? input.servedOn,
            ...(lateServiceReason ? { lateServiceReason } : {}),
          };
        },
        persist: async ({ em, actor, found, next, input: engineInput }) => {
          const service = next.services.at(-1)!;
          const officers = engineInput.servers.length
            ? await em.find(Officer, { id: { $in: engineInput.servers.map((s) => s.officerId) } })
            : [];
          const servers: ServingOfficer[] = engineInput.servers.map((s) => ({
            officerId: s.officerId,
            name: officers.find((o) => o.id === s.officerId)?.name ?? s.officerId,
            certificateNumber: s.certificate?.number ?? null,
          }));
          em.create(ServiceRecord, {
            id: service.id,
            case: found,
            party: em.getReference(Party, partyId),
            documents,
            method: engineInput.method,
            facts: engineInput.facts,
            servers,
            servedOn: engineInput.facts.servedOn,
            deemedServedOn: engineInput.deemedServedOn,
            deemedServiceExplanation: deemed!.explanation,
            place: engineInput.place ?? null,
            createdBy: actor.officer.id,
          });
        },
        // 送达回证: one per service, in the same transaction.
        documents: async (context) => {
          const produced = await produceServiceReceipt(context, {
            documentIds: [...documents.map((d) => d.documentId), ...(corrections?.noticeIds ?? [])],
            method: context.input.method,
            facts: context.input.facts,
            serverIds: context.input.servers.map((s) => s.officerId),
            place: context.input.place ?? null,
            deemedServedOn: context.input.deemedServedOn,
            remarks: context.input.lateServiceReason ?? null,
          });
          // 送达公告: the public notice itself, with the receipt that records the service.
          if (context.input.method === 'PUBLIC_NOTICE') {
            const notice = await produceServicePublicNotice(context, {
              method: context.input.method,
              documentIds: documents.map((d) => d.documentId),
              reason:
                PUBLIC_NOTICE_REASONS[
                  context.input.facts.publicNoticeGround ?? 'OTHER_METHODS_FAILED'
                ],
              medium: context.input.facts.publicationMedium ?? '',
              publishedOn: context.input.facts.servedOn,
              periodDays: context.rulebook.parameters.publicNoticeServicePeriod.length,
            });
            produced.documents.push(...notice.documents);
            Object.assign(produced.sections, notice.sections);
          }
          // A served notice now has its service date, which the decision letter recites.
          if (documents.some((d) => d.kind === 'PRE_PENALTY_NOTICE')) {
            const notice = await latestSection<NoticeSource>(context.em, context.found, 'notice');
            if (notice) {
              produced.sections.notice = { ...notice, servedOn: context.input.deemedServedOn };
            }
          }
          return produced;
        },
      },
    );
  }
}

@Resolver(() => Case)
export class CaseServiceRecordsResolver {
  @FieldResolver(() => [ServiceRecord], { description: '送达记录（送达回证），按时间顺序' })
  serviceRecords(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<ServiceRecord[]> {
    return ctx.em.find(
      ServiceRecord,
      { case: found.id },
      { orderBy: { createdAt: 'asc', id: 'asc' } },
    );
  }
}

@Resolver(() => ServiceRecord)
export class ServiceRecordResolver {
  @FieldResolver(() => Party, { description: '受送达人' })
  party(@Root() record: ServiceRecord, @Ctx() ctx: RequestContext): Promise<Party> {
    return ctx.em.findOneOrFail(Party, { id: record.party.id });
  }
}
