import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor as RequestActor } from '../../auth/context.js';
import type { Case } from '../../entities/case.entity.js';
import { Deadline } from '../../entities/deadline.entity.js';
import { PendingDocument } from '../../entities/pending-document.entity.js';
import { toPendingDocumentRecords } from '../documents/pending-documents.js';
import type { EnforcementCertificate as CertificateEntity } from '../../entities/enforcement-certificate.entity.js';
import type { Officer } from '../../entities/officer.entity.js';
import type {
  Actor,
  CaseSnapshot,
  DeadlineKind,
  EnforcementCertificate,
  StoredDeadline,
} from '../../procedure/case-snapshot.js';
import { newCaseSnapshot } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';

/** The only place rules meet the ORM: entity → plain snapshot. */

export function toCertificate(certificate: CertificateEntity): EnforcementCertificate {
  return {
    number: certificate.number,
    validFrom: certificate.validFrom,
    validTo: certificate.validTo,
    ...(certificate.revokedOn ? { revokedOn: certificate.revokedOn } : {}),
  };
}

/** The certificate that counts on `date`: one valid that day, else the most recent (the guard then says why). */
export function certificateOn(
  officer: Officer,
  date: LocalDate,
): EnforcementCertificate | undefined {
  const all = officer.certificates.isInitialized() ? officer.certificates.getItems() : [];
  const valid = all.find((c) => c.isValidOn(date));
  const chosen = valid ?? [...all].sort((a, b) => (a.validTo < b.validTo ? 1 : -1))[0];
  return chosen ? toCertificate(chosen) : undefined;
}

export function toProcedureActor(actor: RequestActor, date: LocalDate): Actor {
  const officer = actor.officer;
  return {
    officerId: officer.id,
    officeId: actor.officeId,
    roles: officer.roles,
    isPrincipalHead: officer.principalHead,
    certificate: certificateOn(officer, date),
    hasLegalProfessionalQualification: Boolean(officer.legalQualificationNumber),
  };
}

/** The case's relations the snapshot reads: populate them with the case (one joined statement). */
export const SNAPSHOT_RELATIONS = [
  'office',
  'parties',
  'handlers',
  'handlers.certificates',
] as const;

export async function toCaseSnapshot(
  em: EntityManager,
  found: Case,
  date: LocalDate,
): Promise<CaseSnapshot> {
  await em.populate(found, SNAPSHOT_RELATIONS);
  const open = await em.find(Deadline, { case: found, stoppedOn: null });
  const pending = await em.find(
    PendingDocument,
    { case: found, fulfilledBy: null },
    { orderBy: { dueSequence: 'asc', createdAt: 'asc', id: 'asc' } },
  );
  return snapshotOf(found, date, open, pending);
}

/**
 * The snapshot of a case whose SNAPSHOT_RELATIONS are loaded, with its open deadlines and
 * unfulfilled pending documents (in due order): no IO, so a page of cases is built from one
 * query per relation.
 */
export function snapshotOf(
  found: Case,
  date: LocalDate,
  openDeadlines: readonly Deadline[],
  pendingDocuments: readonly PendingDocument[],
): CaseSnapshot {
  const deadlines: Partial<Record<DeadlineKind, StoredDeadline>> = {};
  for (const deadline of openDeadlines) {
    if (deadline.stoppedOn === null || deadline.stoppedOn === undefined) {
      deadlines[deadline.kind] = { dueDate: deadline.dueDate };
    }
  }
  // Stored record over an empty case: fields added to the snapshot later start empty for old cases.
  return {
    ...newCaseSnapshot(found.office.id, found.office.level),
    ...(found.procedureRecord ?? {}),
    status: found.status,
    officeId: found.office.id,
    officeLevel: found.office.level,
    parties: found.parties.getItems().map((p) => ({
      id: p.id,
      kind: p.kind,
      ...(p.electronicServiceConsent && p.electronicServiceAddress && p.electronicServiceConsentOn
        ? {
            electronicServiceConsent: {
              signedOn: p.electronicServiceConsentOn,
              addresses: [p.electronicServiceAddress],
            },
          }
        : {}),
    })),
    handlers: found.handlers
      .getItems()
      .map((h) => ({ officerId: h.id, certificate: certificateOn(h, date) })),
    ...(found.docketedOn ? { docketedOn: found.docketedOn } : {}),
    deadlines,
    pendingDocuments: toPendingDocumentRecords(pendingDocuments),
  };
}

/** The part of the snapshot stored as JSON on the case. */
export function toProcedureRecord(snapshot: CaseSnapshot): Case['procedureRecord'] {
  const {
    status: _status,
    officeId: _officeId,
    officeLevel: _officeLevel,
    parties: _parties,
    handlers: _handlers,
    deadlines: _deadlines,
    docketedOn: _docketedOn,
    pendingDocuments: _pendingDocuments,
    ...record
  } = snapshot;
  return record;
}
