import { reportInvalid } from '../../errors/input-errors.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { wrap } from '@mikro-orm/core';
import { sortCorrectedService } from '../../commands/documents/corrected-service.js';
import { latestSection, type NoticeByParty } from '../../commands/documents/step-documents.js';
import { isUuid } from '../../commands/office.commands.js';
import { resolveOfficerRefs } from '../../commands/procedure/resolve-references.js';
import { optionalText } from '../../commands/validate.js';
import type { Case } from '../../entities/case.entity.js';
import { CaseDocument } from '../../entities/case-document.entity.js';
import { Office } from '../../entities/office.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { Party } from '../../entities/party.entity.js';
import {
  ServiceRecord,
  type ServedDocument,
  type ServingOfficer,
} from '../../entities/service-record.entity.js';
import { DomainError, ValidationError } from '../../errors/domain-error.js';
import { partyOf } from '../party-of.js';
import type { NoticeSource } from '../../documents/kinds/case-document-source.js';
import type { PublicNoticeGround, ServiceFacts } from '../../procedure/action-inputs.js';
import { isServableDocument } from '../../procedure/case-snapshot.js';
import { violation } from '../../procedure/rule-catalog.js';
import type { RuleViolation } from '../../procedure/rule-violation.js';
import { findRulebookVersion, rulebookFor } from '../../procedure/rulebook.js';
import { deemedServedOn, type DeemedService } from '../../procedure/service.js';
import { ServeDocumentInput } from '../../schema/procedure-inputs/service.inputs.js';
import { spec, type SpecContext } from '../action-spec.js';
import { checkAudioVisualRecord, resolveAudioVisualRecord } from '../audio-visual-record-input.js';
import { rethrowCalendarRefusal } from '../calendar-refusal.js';
import type { DocumentContent } from '../document-producers.js';

/** Service of documents (送达) and its records (送达回证). */

const PUBLIC_NOTICE_REASONS: Record<PublicNoticeGround, string> = {
  WHEREABOUTS_UNKNOWN: '受送达人下落不明',
  OTHER_METHODS_FAILED: '采用其他方式无法送达',
};

function serviceFacts(input: ServeDocumentInput): ServiceFacts {
  const f = input.facts ?? {};
  const text = (field: string, value: string | null | undefined, max = 500) => {
    const checked = optionalText(`facts.${field}`, value, max);
    return checked === null ? {} : { [field]: checked };
  };
  const witnesses = (f.witnesses ?? []).map((w) => w.trim()).filter((w) => w.length > 0);
  const audioVisualRecord = checkAudioVisualRecord('facts.audioVisualRecord', f.audioVisualRecord);
  return {
    servedOn: input.servedOn,
    ...text('recipientName', f.recipientName, 100),
    ...(f.recipientRole ? { recipientRole: f.recipientRole } : {}),
    ...(f.signed != null ? { signed: f.signed } : {}),
    ...(f.signedOn ? { signedOn: f.signedOn } : {}),
    ...text('refusalReason', f.refusalReason),
    ...(witnesses.length > 0 ? { witnesses } : {}),
    ...(f.witnessCapacity ? { witnessCapacity: f.witnessCapacity } : {}),
    ...text('audiovisualRecordRef', f.audiovisualRecordRef, 200),
    ...(audioVisualRecord ? { audioVisualRecord } : {}),
    ...text('electronicAddress', f.electronicAddress, 200),
    ...(f.reachedSystemOn ? { reachedSystemOn: f.reachedSystemOn } : {}),
    ...text('reconsiderationChannel', f.reconsiderationChannel, 500),
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

/**
 * The generated documents of the case named by id, as the engine's document kinds. A document
 * of another case (or none) is not found; one that is not served on the party is refused with
 * the rest of the rules; one that a newer version superseded is refused at once.
 */
async function servedDocuments(
  em: EntityManager,
  found: Case,
  ids: readonly string[],
  /** The party served, in a case with several (the party is part of a document's identity). */
  partyId?: string,
): Promise<{ documents: ServedDocument[]; violations: RuleViolation[] }> {
  const unique = [...new Set(ids)];
  const rows = await em.find(CaseDocument, { case: found, id: { $in: unique.filter(isUuid) } });
  const documents: ServedDocument[] = [];
  const violations: RuleViolation[] = [];
  for (const id of unique) {
    const row = rows.find((d) => d.id === id);
    if (!row) {
      throw new DomainError('DOCUMENT_NOT_FOUND', 'NOT_FOUND', '文书不存在或不属于本案', { id });
    }
    if (!isServableDocument(row.kind)) {
      violations.push(violation('DOCUMENT_NOT_SERVABLE', { documentId: id, kind: row.kind }));
      continue;
    }
    // A letter made for one party of several is served on that party only (APL arts. 44, 61).
    if (row.partyId !== null && partyId !== undefined && row.partyId !== partyId) {
      throw ValidationError.field(
        'DOCUMENT_OF_ANOTHER_PARTY',
        'documentIds',
        '该文书是为本案另一名当事人制作的，只能向该当事人送达',
        { id, kind: row.kind, partyId: row.partyId },
      );
    }
    // Only a newer version for the same party supersedes it (not another party's letter).
    const newer = await em.count(CaseDocument, {
      case: found,
      kind: row.kind,
      version: { $gt: row.version },
      ...(row.partyId !== null ? { partyId: { $in: [row.partyId, null] } } : {}),
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
  return { documents, violations };
}

/**
 * The office's default internet channel for reconsideration applications, if configured. Read
 * from the office the runner loaded with the case (SNAPSHOT_RELATIONS), not fetched per service;
 * only a case loaded without its office falls back to a lookup.
 */
async function officeChannel(
  em: EntityManager,
  found: Case,
): Promise<{ reconsiderationChannel?: string }> {
  const office = wrap(found.office).isInitialized()
    ? found.office
    : await em.findOne(Office, { id: found.office.id });
  const channel = office?.onlineReconsiderationChannel?.trim();
  return channel ? { reconsiderationChannel: channel } : {};
}

/** When the service counts as done, with the rulebook's public-notice period on the service date. */
function deemedService(
  input: ServeDocumentInput,
  facts: ServiceFacts,
  { calendar, overrides }: SpecContext,
): DeemedService | undefined {
  // Before any rulebook version the engine refuses the step anyway (RULEBOOK_NOT_IN_FORCE).
  const days = findRulebookVersion(facts.servedOn)
    ? rulebookFor(facts.servedOn, overrides).parameters.publicNoticeServicePeriod.length
    : undefined;
  try {
    return deemedServedOn(input.method, facts, calendar, days);
  } catch (error) {
    rethrowCalendarRefusal(error);
  }
}

export const serveDocument = spec({
  action: 'serveDocument',
  input: ServeDocumentInput,
  description:
    '送达文书并记录送达回证：按送达方式计算视为送达的日期，当事人的期限（陈述申辩、听证申请、缴纳罚款、复议、诉讼）自该日起算',
  check: (input: ServeDocumentInput) => {
    if (input.documentIds.length === 0) {
      reportInvalid(
        ValidationError.field('FIELD_REQUIRED', 'documentIds', '须载明送达的文书'),
        undefined,
      );
    }
    return {
      input,
      facts: serviceFacts(input),
      place: optionalText('place', input.place, 500),
      lateServiceReason: optionalText('lateServiceReason', input.lateServiceReason, 2000),
    };
  },
  toEngineInput: async ({ input, facts, place, lateServiceReason }, ctx) => {
    const { em, actor, snapshot, found } = ctx;
    // 补正（更正）通知书 apart; a corrected version of a served document starts no new period.
    const violations: RuleViolation[] = [];
    const partyId = partyOf(snapshot, input.partyId);
    const several = snapshot.parties.length > 1;
    const corrections = await sortCorrectedService(em, found!, input.documentIds, async (ids) => {
      const checked = await servedDocuments(em, found!, ids, several ? partyId : undefined);
      violations.push(...checked.violations);
      return checked.documents;
    });
    const served = { documents: corrections.documents, violations };
    const deemed = deemedService(input, facts, ctx);
    // Reconsideration Law art. 22(2): the office's configured channel unless the input names one.
    const withChannel: ServiceFacts =
      input.method === 'ELECTRONIC' && facts.reconsiderationChannel === undefined
        ? {
            ...facts,
            ...(await officeChannel(em, found!)),
          }
        : facts;
    return {
      input: {
        documents: served.documents.map((d) => d.kind),
        // Each party of a case with several is served on their own (APL arts. 44, 61).
        ...(snapshot.parties.length > 1 ? { partyId } : {}),
        ...(corrections.correctedVersion ? { correctedVersion: true } : {}),
        method: input.method,
        facts: {
          ...withChannel,
          ...(await resolveAudioVisualRecord(em, actor, facts.audioVisualRecord)),
        },
        servers: await resolveOfficerRefs(em, actor, input.serverIds ?? [], input.servedOn),
        ...(place ? { place } : {}),
        // Refused below when undefined; the act date keeps the input well-formed meanwhile.
        deemedServedOn: deemed?.deemedServedOn ?? input.servedOn,
        ...(lateServiceReason ? { lateServiceReason } : {}),
      },
      violations: [
        ...served.violations,
        // The facts that fix the service date are missing; the engine's guards name them.
        ...(deemed ? [] : [violation('SERVICE_DATE_NOT_RECORDED', { method: input.method })]),
      ],
      resolved: {
        documents: served.documents,
        noticeIds: corrections.noticeIds,
        partyId,
        explanation: deemed?.explanation ?? '',
      },
    };
  },
  persist: async ({ em, actor, found, next, input, resolved }) => {
    const service = next.services.at(-1)!;
    const officers = input.servers.length
      ? await em.find(Officer, { id: { $in: input.servers.map((s) => s.officerId) } })
      : [];
    const servers: ServingOfficer[] = input.servers.map((s) => ({
      officerId: s.officerId,
      name: officers.find((o) => o.id === s.officerId)?.name ?? s.officerId,
      certificateNumber: s.certificate?.number ?? null,
    }));
    em.create(ServiceRecord, {
      id: service.id,
      case: found,
      party: em.getReference(Party, resolved.partyId),
      documents: resolved.documents,
      method: input.method,
      facts: input.facts,
      servers,
      servedOn: input.facts.servedOn,
      deemedServedOn: input.deemedServedOn,
      deemedServiceExplanation: resolved.explanation,
      place: input.place ?? null,
      reconsiderationChannel: input.facts.reconsiderationChannel ?? null,
      createdBy: actor.officer.id,
    });
  },
  // 送达回证: one per service; 送达公告: the public notice itself, with the receipt.
  documents: async ({ input, resolved, rulebook }) => {
    const documentIds = resolved.documents.map((d) => d.documentId);
    const contents: DocumentContent[] = [
      {
        kind: 'SERVICE_RECEIPT',
        content: {
          // The correction notices served with a corrected version are listed on its receipt.
          documentIds: [...documentIds, ...resolved.noticeIds],
          method: input.method,
          facts: input.facts,
          serverIds: input.servers.map((s) => s.officerId),
          place: input.place ?? null,
          deemedServedOn: input.deemedServedOn,
          remarks: input.lateServiceReason ?? null,
          partyId: resolved.partyId,
        },
      },
    ];
    if (input.method === 'PUBLIC_NOTICE') {
      contents.push({
        kind: 'SERVICE_PUBLIC_NOTICE',
        content: {
          method: input.method,
          documentIds,
          reason: PUBLIC_NOTICE_REASONS[input.facts.publicNoticeGround ?? 'OTHER_METHODS_FAILED'],
          medium: input.facts.publicationMedium ?? '',
          publishedOn: input.facts.servedOn,
          periodDays: rulebook.parameters.publicNoticeServicePeriod.length,
        },
      });
    }
    return contents;
  },
  // A served notice now has its service date, which the decision letter recites.
  sections: async ({ em, found, input, resolved }) => {
    if (!resolved.documents.some((d) => d.kind === 'PRE_PENALTY_NOTICE')) {
      return {};
    }
    const notice = await latestSection<NoticeSource>(em, found, 'notice');
    // Several parties: the notice made for the party served now has their service date.
    const byParty = await latestSection<NoticeByParty>(em, found, 'noticeByParty');
    const own = byParty?.[resolved.partyId];
    return {
      ...(notice ? { notice: { ...notice, servedOn: input.deemedServedOn } } : {}),
      ...(byParty && own
        ? {
            noticeByParty: {
              ...byParty,
              [resolved.partyId]: { ...own, servedOn: input.deemedServedOn },
            },
          }
        : {}),
    };
  },
});
