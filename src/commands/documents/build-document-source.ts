import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Case } from '../../entities/case.entity.js';
import type { Office } from '../../entities/office.entity.js';
import { Decision } from '../../entities/decision.entity.js';
import { Evidence } from '../../entities/evidence.entity.js';
import {
  NO_SECTIONS,
  type CaseDocumentSource,
} from '../../documents/kinds/case-document-source.js';
import { isCertificateValidOn } from '../../procedure/case-snapshot.js';
import { toLocalDate, type LocalDate } from '../../procedure/local-date.js';
import { toCertificate } from '../procedure/to-case-snapshot.js';
import { discretionSource, referencesFor } from './discretion-source.js';
import { readsFor, type DocumentReads } from './document-reads.js';

/** Sections a step or the caller supplies (notice, hearing, decision, transcripts …). */

export type DocumentSections = Partial<
  Omit<CaseDocumentSource, 'office' | 'case' | 'parties' | 'handlers' | 'evidence' | 'document'>
> & {
  /** Facts as found, paragraph by paragraph; defaults to the case's violation summary. */
  facts?: readonly string[];
  /**
   * The party the document is for (受送达人), put first so the template addresses them; the
   * case's first party when absent. A case with several parties names it (APL art. 61).
   */
  addresseePartyId?: string;
};

/**
 * The common part of every document, read from the database: office, case,
 * parties, handlers with the certificate valid on the issue date, evidence.
 * Everything else comes in `sections`; a section a template needs but nobody
 * supplied stays null, and the strict template then refuses, naming it. The evidence comes
 * from `reads` when the caller read them up front (generateDocument).
 */
export async function buildCaseDocumentSource(
  em: EntityManager,
  found: Case,
  document: { number: string | null; issuedOn: LocalDate },
  sections: DocumentSections,
  reads?: DocumentReads,
): Promise<CaseDocumentSource> {
  if (!isSourceLoaded(found)) {
    await em.populate(found, ['office', 'parties', 'handlers', 'handlers.certificates']);
  }
  const office = found.office;
  const evidence =
    readsFor(reads, found.id)?.evidence ??
    (await em.find(Evidence, { case: found }, { orderBy: { collectedAt: 'asc', id: 'asc' } }));
  const { facts, addresseePartyId, ...rest } = sections;
  const all = found.parties.getItems();
  const addressee = all.find((p) => p.id === addresseePartyId);
  const parties = addressee ? [addressee, ...all.filter((p) => p !== addressee)] : all;
  return {
    office: officeSourceOf(office),
    case: {
      number: found.number,
      cause: found.title,
      violationSummary: found.violationSummary,
      facts: facts && facts.length > 0 ? facts : [found.violationSummary],
      registeredOn: found.registeredOn,
      docketedOn: found.docketedOn ?? null,
    },
    parties: parties.map((party) => ({
      kind: party.kind,
      name: party.name,
      idType: party.idType,
      idNumber: party.idNumber,
      address: party.address,
      legalRepresentative: party.legalRepresentative ?? null,
      contact: party.contactPhone ? { phone: party.contactPhone } : null,
    })),
    handlers: found.handlers.getItems().map((officer) => {
      const certificates = officer.certificates.getItems().map(toCertificate);
      const valid =
        certificates.find((c) => isCertificateValidOn(c, document.issuedOn)) ?? certificates[0];
      return { name: officer.name, certificateNumber: valid?.number ?? '' };
    }),
    evidence: evidence.map((item) => ({
      kind: item.kind,
      title: item.title,
      description: item.description,
      source: item.source,
      collectedOn: toLocalDate(item.collectedAt),
    })),
    document: { number: document.number, issuedOn: document.issuedOn, copies: 2 },
    ...NO_SECTIONS,
    ...rest,
    ...judicialTransferCopy(found, rest.transfer),
    ...(await summaryPenaltyDiscretion(em, found, rest.summaryPenalty)),
  };
}

/** Whether the relations the source reads are loaded (loadCaseWithRelations): no populate needed. */
function isSourceLoaded(found: Case): boolean {
  return (
    wrap(found.office).isInitialized() &&
    found.parties.isInitialized() &&
    found.handlers.isInitialized() &&
    found.handlers.getItems().every((h) => h.certificates.isInitialized())
  );
}

/**
 * The discretion the 当场行政处罚决定书 states is the one recorded with the summary penalty
 * (APL art. 34, E10), whatever the sections say: the letter cannot contradict the record.
 */
async function summaryPenaltyDiscretion(
  em: EntityManager,
  found: Case,
  summaryPenalty: CaseDocumentSource['summaryPenalty'] | undefined,
): Promise<Partial<CaseDocumentSource>> {
  if (!summaryPenalty) {
    return {};
  }
  const decision = await em.findOne(
    Decision,
    { case: found, kind: 'PENALTY', discretionTier: { $ne: null } },
    { orderBy: { decidedOn: 'desc', id: 'desc' } },
  );
  if (!decision?.discretionTier) {
    return {};
  }
  const record = {
    tier: decision.discretionTier,
    grounds: decision.discretionGrounds,
    ...(decision.discretionStatement ? { statement: decision.discretionStatement } : {}),
  };
  const references = await referencesFor(
    em,
    record,
    decision.penalties.flatMap((p) => (p.provisionId ? [{ provisionId: p.provisionId }] : [])),
  );
  return {
    summaryPenalty: {
      ...summaryPenalty,
      discretion: discretionSource(record, decision.decidedOn, references),
    },
  };
}

/**
 * 抄送 line of the 涉嫌犯罪案件移送书: the procuratorate recorded by transferCase, unless the
 * sections name one themselves.
 */
function judicialTransferCopy(
  found: Case,
  transfer: CaseDocumentSource['transfer'] | undefined,
): Partial<CaseDocumentSource> {
  const procuratorate = found.procedureRecord?.judicialTransfer?.procuratorate;
  return transfer && transfer.kind === 'TO_JUDICIAL_ORGAN' && !transfer.copiedTo && procuratorate
    ? { transfer: { ...transfer, copiedTo: procuratorate } }
    : {};
}

/** The office as documents print it (name, seal line, remedies, payment, contact). */
export function officeSourceOf(office: Office): CaseDocumentSource['office'] {
  return {
    name: office.name,
    shortName: office.shortName,
    reconsiderationOrgan: office.reconsiderationOrgan,
    litigationCourt: office.litigationCourt,
    paymentChannel: {
      bankName: office.paymentChannel,
      accountName: null,
      accountNumber: null,
      electronicChannel: null,
    },
    address: office.address,
    postalCode: office.postalCode,
    contact:
      office.contactPerson && office.contactPhone
        ? { person: office.contactPerson, phone: office.contactPhone }
        : null,
  };
}
