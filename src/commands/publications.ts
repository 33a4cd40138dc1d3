import type { EntityManager } from '@mikro-orm/postgresql';
import type { Case } from '../entities/case.entity.js';
import type { DecidedPenalty, Decision } from '../entities/decision.entity.js';
import { PenaltyProvisionRecord } from '../entities/penalty-provision-record.entity.js';
import { Publication } from '../entities/publication.entity.js';
import { recordDomainEvent } from '../events/record-domain-event.js';
import type { WorkingDayCalendar } from '../procedure/calendar/index.js';
import { computeDeadline } from '../procedure/calendar/index.js';
import type { LocalDate } from '../procedure/local-date.js';
import type { Actor } from '../auth/context.js';
import { ProcedureViolationError } from '../errors/domain-error.js';
import { ruleDefinition } from '../procedure/rule-catalog.js';
import { appendCaseEvent } from './case-events.js';
import { provisionCitation, type PenaltyProvision } from '../procedure/provisions/index.js';
import { creditRepairViolations, publicationEndsOn } from '../procedure/publication.js';
import { rulebookFor } from '../procedure/rulebook.js';
import { buildPublicationFields } from '../publication/publication-record.js';

/**
 * The periods to publish (rulebook publicationPeriod) and to withdraw (publicationWithdrawalPeriod)
 * and how long the record stays published (publicationDuration) come from the rulebook in force
 * on the date of the decision or change.
 */

/**
 * A published penalty decision (APL art. 48(1): the office found, or the rulebook presumes,
 * social impact) yields one publication record per penalized party, in the deciding
 * transaction: each names its own party, with that party's penalties and the unlawful acts
 * of the provisions they rest on.
 */
export async function publishPenaltyDecision(
  em: EntityManager,
  found: Case,
  decision: Decision,
  facts: string,
  calendar: WorkingDayCalendar,
): Promise<Publication[]> {
  await em.populate(found, ['office', 'parties']);
  const rulebook = rulebookFor(decision.decidedOn);
  const rules = rulebook.parameters;
  const parties = found.parties.getItems();
  const provisionIds = [
    ...new Set(
      decision.penalties.map((p) => p.provisionId).filter((id): id is string => Boolean(id)),
    ),
  ];
  const provisions = new Map(
    (provisionIds.length
      ? await em.find(PenaltyProvisionRecord, { id: { $in: provisionIds } })
      : []
    ).map((p) => [p.id, p.data]),
  );
  const byParty = new Map<string, DecidedPenalty[]>();
  for (const penalty of decision.penalties) {
    // A directly responsible person is not the party the record names, and the case does not
    // hold that person's identity: such lines are not published under the party's name.
    if (penalty.target === 'RESPONSIBLE_PERSON') {
      continue;
    }
    // A line without a party is the only party's (the input checks refuse it otherwise).
    const partyId = penalty.partyId ?? parties[0]!.id;
    byParty.set(partyId, [...(byParty.get(partyId) ?? []), penalty]);
  }
  const dueBy = computeDeadline(
    rules.publicationPeriod,
    { event: '作出行政处罚决定', date: decision.decidedOn },
    calendar,
  ).dueDate;
  const endsOn = publicationEndsOn(decision.decidedOn, rulebook);
  const publications: Publication[] = [];
  for (const [partyId, penalties] of byParty) {
    const party = parties.find((p) => p.id === partyId) ?? parties[0]!;
    const basis = [
      ...new Set(penalties.map((p) => p.provisionId).filter((id): id is string => Boolean(id))),
    ]
      .map((id) => provisions.get(id))
      .filter((p): p is PenaltyProvision => Boolean(p));
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
      // 违法行为类型 is what the violated provisions name as the unlawful act; the case
      // title only when no line rests on a catalogued provision.
      violationTypes: basis.length ? basis.map((p) => p.unlawfulActZh) : [found.title],
      facts,
      basis: basis.map((p) => provisionCitation(p)),
      penalties,
      office: {
        name: found.office.name,
        unifiedSocialCreditCode: found.office.unifiedSocialCreditCode,
      },
      endsOn,
    });
    const publication = em.create(Publication, {
      case: found,
      decision,
      officePath: found.officePath,
      partyId: party.id,
      fields,
      dueBy,
      publishedOn: decision.decidedOn,
      endsOn,
    });
    await recordPublicationEvent(em, 'PUBLICATION_DUE', found, publication, {
      publishedOn: publication.publishedOn,
      dueBy,
      endsOn,
      fields,
    });
    publications.push(publication);
  }
  return publications;
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
  publication.withdrawalGround = 'DECISION_CHANGED';
  await em.populate(publication, ['case', 'case.office']);
  const found = publication.case;
  await recordPublicationEvent(em, 'PUBLICATION_WITHDRAWN', found, publication, {
    ground: 'DECISION_CHANGED',
    withdrawnOn,
    withdrawalDueBy: publication.withdrawalDueBy,
    reason,
  });
}

/** The audit record's action name of an early removal on credit repair. */
export const CREDIT_REPAIR_ACTION = 'removePublicationOnCreditRepair';

/**
 * Credit repair (信用修复): the party has repaired its credit, so the record comes down before
 * its 公示截止期 — only once the minimum publication period has run (creditRepairMinimumPublication,
 * in the rulebook in force on the repair date); refused with every unmet rule otherwise.
 * Portals are told by the same PUBLICATION_WITHDRAWN event, with ground CREDIT_REPAIR.
 */
export async function removePublicationOnCreditRepair(
  em: EntityManager,
  publication: Publication,
  actor: Actor,
  removal: {
    repairedOn: LocalDate;
    basis: string;
    reason: string;
    withdrawnOn: LocalDate;
    occurredAt: Date;
  },
): Promise<void> {
  const violations = creditRepairViolations(
    publication,
    removal.repairedOn,
    rulebookFor(removal.repairedOn),
  );
  if (violations.length > 0) {
    throw ProcedureViolationError.fromViolations(CREDIT_REPAIR_ACTION, violations);
  }
  publication.withdrawnOn = removal.withdrawnOn;
  publication.withdrawalReason = removal.reason;
  publication.withdrawalGround = 'CREDIT_REPAIR';
  publication.withdrawalBasis = removal.basis;
  await em.populate(publication, ['case', 'case.office']);
  const found = publication.case;
  // The removal is an act on the case: it joins the case's hash-chained audit record.
  await appendCaseEvent(em, found, actor, {
    action: CREDIT_REPAIR_ACTION,
    fromStatus: found.status,
    toStatus: found.status,
    occurredAt: removal.occurredAt,
    actDate: removal.repairedOn,
    actorCertificateNumber: null,
    rulebookVersion: rulebookFor(removal.repairedOn).versionId,
    input: {
      publicationId: publication.id,
      repairedOn: removal.repairedOn,
      basis: removal.basis,
      reason: removal.reason,
    },
    payload: {
      publicationId: publication.id,
      decisionNumber: publication.fields.行政处罚决定书文号,
      ground: 'CREDIT_REPAIR',
      repairedOn: removal.repairedOn,
      withdrawnOn: removal.withdrawnOn,
      basis: removal.basis,
      reason: removal.reason,
      legalBasis: ruleDefinition('CREDIT_REPAIR_BEFORE_MINIMUM_PUBLICATION').legalBasis,
    },
  });
  await recordPublicationEvent(em, 'PUBLICATION_WITHDRAWN', found, publication, {
    ground: 'CREDIT_REPAIR',
    withdrawnOn: removal.withdrawnOn,
    repairedOn: removal.repairedOn,
    basis: removal.basis,
    reason: removal.reason,
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
