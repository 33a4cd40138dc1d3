import { wrap, type EntityClass, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor as RequestActor } from '../../auth/context.js';
import { isInScope } from '../../auth/office-scope.js';
import { Officer } from '../../entities/officer.entity.js';
import { Party } from '../../entities/party.entity.js';
import { NotFoundError, type DomainError } from '../../errors/domain-error.js';
import type { Approval, OfficerRef } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { isUuid } from '../office.commands.js';
import { certificateOn } from './to-case-snapshot.js';

/** GraphQL ids → the plain references the rules read, scoped to the actor's offices. */

/**
 * Rows named by id, once each, in the order given; the first id that is malformed, missing or
 * outside the actor's scope is refused with `notFound`.
 */
async function rowsInScope<T extends { id: string; officePath: string }>(
  em: EntityManager,
  actor: RequestActor,
  entity: EntityClass<T>,
  ids: readonly string[],
  notFound: (id: string) => DomainError,
): Promise<T[]> {
  const unique = [...new Set(ids)];
  const malformed = unique.find((id) => !isUuid(id));
  if (malformed) {
    throw notFound(malformed);
  }
  // Rows this transaction already read (the case's handlers and parties) are not read again.
  const managed = unique.map((id) => managedRow(em, entity, id));
  const byIds: FilterQuery<{ id: string }> = { id: { $in: unique } };
  const rows = managed.every((row) => row !== undefined)
    ? managed
    : unique.length
      ? await em.find(entity, byIds as FilterQuery<T>)
      : [];
  return unique.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row || !isInScope(actor, row.officePath)) {
      throw notFound(id);
    }
    return row;
  });
}

/** The row of `entity` with `id` already loaded in this EntityManager, if any. */
function managedRow<T extends object>(
  em: EntityManager,
  entity: EntityClass<T>,
  id: string,
): T | undefined {
  const row = em.getUnitOfWork().getById<T>(entity.name, id as never);
  return row && wrap(row).isInitialized() ? row : undefined;
}

/** Officers named by id, in the actor's scope (else OFFICER_NOT_FOUND), with their certificates. */
export async function officersInScope(
  em: EntityManager,
  actor: RequestActor,
  ids: readonly string[],
): Promise<Officer[]> {
  const officers = await rowsInScope(em, actor, Officer, ids, (id) =>
    NotFoundError.of('OFFICER', id),
  );
  await em.populate(officers, ['certificates']);
  return officers;
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

/** Parties named by id, in the actor's scope (else PARTY_NOT_FOUND), in the order given. */
export function resolveParties(
  em: EntityManager,
  actor: RequestActor,
  ids: readonly string[],
): Promise<Party[]> {
  return rowsInScope(em, actor, Party, ids, (id) => NotFoundError.of('PARTY', id));
}
