import { NotFoundError, ValidationError } from '../errors/domain-error.js';
import type { CaseSnapshot } from '../procedure/case-snapshot.js';

/**
 * The party an act concerns (受送达人, the party stating, waiving or requesting a hearing): may be
 * omitted when the case has one party; a case with several names it, since each party is
 * served and heard on their own (APL arts. 44, 61, 62).
 */
export function partyOf(
  snapshot: CaseSnapshot,
  partyId: string | null | undefined,
  message = '案件有多名当事人（或者没有当事人），须载明受送达人',
): string {
  if (!partyId) {
    if (snapshot.parties.length !== 1) {
      throw ValidationError.field('FIELD_REQUIRED', 'partyId', message);
    }
    return snapshot.parties[0]!.id;
  }
  if (!snapshot.parties.some((p) => p.id === partyId)) {
    throw NotFoundError.of('PARTY', partyId);
  }
  return partyId;
}

/** The engine input's party: named only when the case has several (one-party records stay as they were). */
export function enginePartyOf(
  snapshot: CaseSnapshot,
  partyId: string | null | undefined,
  message = '案件有多名当事人，须载明是哪一名当事人',
): { partyId?: string } {
  const id = partyOf(snapshot, partyId, message);
  return snapshot.parties.length > 1 ? { partyId: id } : {};
}
