import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor as RequestActor } from '../../auth/context.js';
import { isInScope } from '../../auth/office-scope.js';
import { Officer } from '../../entities/officer.entity.js';
import { Party } from '../../entities/party.entity.js';
import { NotFoundError } from '../../errors/domain-error.js';
import type { Approval, OfficerRef } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { isUuid } from '../office.commands.js';
import { certificateOn } from './to-case-snapshot.js';

/** GraphQL ids → the plain references the rules read, scoped to the actor's offices. */

/** Officers named by id, in the actor's scope (else OFFICER_NOT_FOUND), in the order given. */
export async function officersInScope(
  em: EntityManager,
  actor: RequestActor,
  ids: readonly string[],
): Promise<Officer[]> {
  const unique = [...new Set(ids)];
  const bad = unique.find((id) => !isUuid(id));
  if (bad) {
    throw NotFoundError.of('OFFICER', bad);
  }
  const officers = await em.find(Officer, { id: { $in: unique } }, { populate: ['certificates'] });
  for (const id of unique) {
    const officer = officers.find((o) => o.id === id);
    if (!officer || !isInScope(actor, officer.officePath)) {
      throw NotFoundError.of('OFFICER', id);
    }
  }
  return unique.map((id) => officers.find((o) => o.id === id)!);
}

/** Officers named in an act, each with the certificate that counts on the act's date. */
export async function resolveOfficerRefs(
  em: EntityManager,
  actor: RequestActor,
  ids: readonly string[],
  onDate: LocalDate,
): Promise<OfficerRef[]> {
  const officers = await officersInScope(em, actor, ids);
  return officers.map((officer) => ({
    officerId: officer.id,
    certificate: certificateOn(officer, onDate),
  }));
}

export async function resolveApproval(
  em: EntityManager,
  actor: RequestActor,
  approval: { approvedById: string; approvedOn: LocalDate; written: boolean } | null | undefined,
): Promise<Approval | undefined> {
  if (!approval) {
    return undefined;
  }
  const [approver] = await officersInScope(em, actor, [approval.approvedById]);
  return {
    approverId: approver!.id,
    approverRoles: approver!.roles,
    principalHead: approver!.principalHead,
    approvedOn: approval.approvedOn,
    written: approval.written,
  };
}

/** An approval as a part of an engine input: absent when the input carries none. */
export async function approvalPart(
  em: EntityManager,
  actor: RequestActor,
  approval: Parameters<typeof resolveApproval>[2],
): Promise<{ approval?: Approval }> {
  const resolved = await resolveApproval(em, actor, approval);
  return resolved ? { approval: resolved } : {};
}

/** The officers who acted on a date, each with the certificate held then, and whether they showed it. */
export async function actingOfficers(
  em: EntityManager,
  actor: RequestActor,
  input: { officerIds: readonly string[]; certificatesShown: boolean },
  onDate: LocalDate,
): Promise<{ officers: OfficerRef[]; certificatesShown: boolean }> {
  return {
    officers: await resolveOfficerRefs(em, actor, input.officerIds, onDate),
    certificatesShown: input.certificatesShown,
  };
}

export async function resolveParties(
  em: EntityManager,
  actor: RequestActor,
  ids: readonly string[],
): Promise<Party[]> {
  const unique = [...new Set(ids)];
  const parties = unique.length ? await em.find(Party, { id: { $in: unique.filter(isUuid) } }) : [];
  for (const id of unique) {
    const party = parties.find((p) => p.id === id);
    if (!party || !isInScope(actor, party.officePath)) {
      throw NotFoundError.of('PARTY', id);
    }
  }
  return unique.map((id) => parties.find((p) => p.id === id)!);
}
