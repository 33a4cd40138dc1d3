import type { EntityManager } from '@mikro-orm/postgresql';
import type { Case } from '../entities/case.entity.js';
import type { Decision } from '../entities/decision.entity.js';
import { PenaltyProvisionRecord } from '../entities/penalty-provision-record.entity.js';
import { Publication } from '../entities/publication.entity.js';
import { recordDomainEvent } from '../events/record-domain-event.js';
import type { WorkingDayCalendar } from '../procedure/calendar/index.js';
import { computeDeadline } from '../procedure/calendar/index.js';
import type { LocalDate } from '../procedure/local-date.js';
import { provisionCitation } from '../procedure/provisions/index.js';
import { rulebookFor } from '../procedure/rulebook.js';
import { buildPublicationFields } from '../publication/publication-record.js';

/**
 * The periods to publish (rulebook publicationPeriod) and to withdraw (publicationWithdrawalPeriod)
 * and how long the record stays published (publicationDuration) come from the rulebook in force
 * on the date of the decision or change.
 */
/** Every penalty decision yields its publication record, in the deciding transaction. */
export async function publishPenaltyDecision(
  em: EntityManager,
  found: Case,
  decision: Decision,
  facts: string,
  calendar: WorkingDayCalendar,
): Promise<Publication> {
  await em.populate(found, ['office', 'parties']);
  const rules = rulebookFor(decision.decidedOn).parameters;
  const party = found.parties.getItems()[0]!;
  const provisionIds = [
    ...new Set(
      decision.penalties.map((p) => p.provisionId).filter((id): id is string => Boolean(id)),
    ),
  ];
  const provisions = provisionIds.length
    ? await em.find(PenaltyProvisionRecord, { id: { $in: provisionIds } })
    : [];
  const fields = buildPublicationFields({
    party: {
      kind: party.kind,
      name: party.name,
      idType: party.idType,
      idNumber: party.idNumber,
      legalRepresentative: party.legalRepresentative ?? null,
    },
    decisionNumber: decision.documentNumber ?? '',
    decisionDate: decision.decidedOn,
    violationType: found.title,
    facts,
    basis: provisions.map((p) => provisionCitation(p.data)),
    penalties: decision.penalties,
    office: {
      name: found.office.name,
      unifiedSocialCreditCode: found.office.unifiedSocialCreditCode,
    },
    publicationMonths: rules.publicationDuration.length,
  });
  const dueBy = computeDeadline(
    rules.publicationPeriod,
    { event: '作出行政处罚决定', date: decision.decidedOn },
    calendar,
  ).dueDate;
  const publication = em.create(Publication, {
    case: found,
    decision,
    officePath: found.officePath,
    fields,
    dueBy,
    publishedOn: decision.decidedOn,
  });
  await recordPublicationEvent(em, 'PUBLICATION_DUE', found, publication, {
    publishedOn: publication.publishedOn,
    dueBy,
    fields,
  });
  return publication;
}

/** A changed or annulled decision comes down within 3 working days of the change; portals are told. */
export async function withdrawPublication(
  em: EntityManager,
  publication: Publication,
  changedOn: LocalDate,
  withdrawnOn: LocalDate,
  reason: string,
  calendar: WorkingDayCalendar,
): Promise<void> {
  const { length, unit, legalBasis } =
    rulebookFor(changedOn).parameters.publicationWithdrawalPeriod;
  publication.withdrawalDueBy = computeDeadline(
    { length, unit, legalBasis },
    { event: '行政处罚决定被变更或者撤销', date: changedOn },
    calendar,
  ).dueDate;
  publication.withdrawnOn = withdrawnOn;
  publication.withdrawalReason = reason;
  await em.populate(publication, ['case', 'case.office']);
  const found = publication.case;
  await recordPublicationEvent(em, 'PUBLICATION_WITHDRAWN', found, publication, {
    withdrawnOn,
    withdrawalDueBy: publication.withdrawalDueBy,
    reason,
  });
}

/** Portals are told which publication of which case changed, with what the change carries. */
async function recordPublicationEvent(
  em: EntityManager,
  type: 'PUBLICATION_DUE' | 'PUBLICATION_WITHDRAWN',
  found: Case,
  publication: Publication,
  data: Record<string, unknown>,
): Promise<void> {
  await recordDomainEvent(em, type, {
    caseId: found.id,
    officePath: publication.officePath,
    payload: {
      case: { id: found.id, number: found.number, officeName: found.office.name },
      data: {
        publicationId: publication.id,
        decisionNumber: publication.fields.行政处罚决定书文号,
        ...data,
      },
    },
  });
}
