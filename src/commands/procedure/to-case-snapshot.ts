import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor as RequestActor } from '../../auth/context.js';
import type { Case } from '../../entities/case.entity.js';
import { Deadline } from '../../entities/deadline.entity.js';
import { PendingDocument } from '../../entities/pending-document.entity.js';
import { toPendingDocumentRecords } from '../documents/pending-documents.js';
import type { EnforcementCertificate as CertificateEntity } from '../../entities/enforcement-certificate.entity.js';
import type { Officer } from '../../entities/officer.entity.js';
import type { Office } from '../../entities/office.entity.js';
import type { Party } from '../../entities/party.entity.js';
import type {
  Actor,
  CaseSnapshot,
  DeadlineKind,
  EnforcementCertificate,
  StoredDeadline,
} from '../../procedure/case-snapshot.js';
import { newCaseSnapshot } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import type { PendingDocumentRecord } from '../../procedure/document-production.js';

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
  return certificateAmong(
    officer.certificates.isInitialized() ? officer.certificates.getItems() : [],
    date,
  );
}

/** The rows of a certificate the snapshot reads (an entity, or a row read without the ORM). */
export interface CertificateSource {
  number: string;
  validFrom: LocalDate;
  validTo: LocalDate;
  revokedOn?: LocalDate | null;
}

/** EnforcementCertificate.isValidOn for a certificate's rows. */
function validOn(certificate: CertificateSource, date: LocalDate): boolean {
  if (date < certificate.validFrom || date > certificate.validTo) {
    return false;
  }
  return !(certificate.revokedOn && certificate.revokedOn <= date);
}

/** certificateOn over an officer's certificates. */
export function certificateAmong(
  all: readonly CertificateSource[],
  date: LocalDate,
): EnforcementCertificate | undefined {
  const valid = all.find((c) => validOn(c, date));
  const chosen = valid ?? [...all].sort((a, b) => (a.validTo < b.validTo ? 1 : -1))[0];
  return chosen
    ? {
        number: chosen.number,
        validFrom: chosen.validFrom,
        validTo: chosen.validTo,
        ...(chosen.revokedOn ? { revokedOn: chosen.revokedOn } : {}),
      }
    : undefined;
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
  return snapshotOf(found, date, open, toPendingDocumentRecords(pending));
}

/**
 * What a snapshot is built from: a case with its SNAPSHOT_RELATIONS (entities), or the same
 * columns read in one statement for a page of cases (availableActions on a list).
 */
export interface SnapshotSource {
  status: Case['status'];
  procedureRecord: Case['procedureRecord'];
  docketedOn?: LocalDate | null;
  office: { id: string; level: Office['level'] };
  parties: readonly Pick<
    Party,
    | 'id'
    | 'kind'
    | 'electronicServiceConsent'
    | 'electronicServiceAddress'
    | 'electronicServiceConsentOn'
  >[];
  handlers: readonly { id: string; certificates: readonly CertificateSource[] }[];
}

/**
 * The snapshot of a case whose SNAPSHOT_RELATIONS are loaded, with its open deadlines and the
 * records of its unfulfilled pending documents (in due order): no IO, so a page of cases is
 * built from one query per relation.
 */
export function snapshotOf(
  found: Case,
  date: LocalDate,
  openDeadlines: readonly Deadline[],
  pendingDocuments: readonly PendingDocumentRecord[],
): CaseSnapshot {
  return snapshotFrom(
    {
      status: found.status,
      procedureRecord: found.procedureRecord,
      docketedOn: found.docketedOn,
      office: found.office,
      parties: found.parties.getItems(),
      handlers: found.handlers.getItems().map((h) => ({
        id: h.id,
        certificates: h.certificates.isInitialized() ? h.certificates.getItems() : [],
      })),
    },
    date,
    openDeadlines,
    pendingDocuments,
  );
}

/** snapshotOf for a case's rows, entities or not, with its unfulfilled pending documents' records. */
export function snapshotFrom(
  found: SnapshotSource,
  date: LocalDate,
  openDeadlines: readonly Pick<Deadline, 'kind' | 'dueDate' | 'stoppedOn'>[],
  pendingDocuments: readonly PendingDocumentRecord[],
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
    parties: found.parties.map((p) => ({
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
    handlers: found.handlers.map((h) => ({
      officerId: h.id,
      certificate: certificateAmong(h.certificates, date),
    })),
    ...(found.docketedOn ? { docketedOn: found.docketedOn } : {}),
    deadlines,
    pendingDocuments,
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
