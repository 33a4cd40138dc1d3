import type { EntityManager } from '@mikro-orm/postgresql';
import {
  canonicalJson,
  eventHash,
  GENESIS_HASH,
  sha256Hex,
  verifyChain,
  type ChainVerification,
} from '../audit/hash-chain.js';
import type { Actor } from '../auth/context.js';
import { CaseEvent } from '../entities/case-event.entity.js';
import type { Case } from '../entities/case.entity.js';
import type { LocalDate } from '../procedure/local-date.js';

export interface NewCaseEvent {
  action: string;
  fromStatus: string;
  toStatus: string;
  occurredAt: Date;
  /** 行为日期: the date of the act, when it has one (the runner always gives it). */
  actDate?: LocalDate | null;
  /** Reason given for a late entry. */
  lateEntryReason?: string | null;
  actorCertificateNumber: string | null;
  rulebookVersion: string | null;
  /** The mutation's input, digested (not stored) so the record proves what was submitted. */
  input: unknown;
  payload: Record<string, unknown>;
}

/** Appends the next link of the case's chain, in the caller's transaction. */
export async function appendCaseEvent(
  em: EntityManager,
  found: Case,
  actor: Pick<Actor, 'officerId'> & { officer: Pick<Actor['officer'], 'name'> },
  event: NewCaseEvent,
): Promise<CaseEvent> {
  const last = await em.findOne(
    CaseEvent,
    { case: found },
    { orderBy: { sequence: 'desc' }, fields: ['sequence', 'hash'] },
  );
  const record = em.create(CaseEvent, {
    case: found,
    sequence: (last?.sequence ?? 0) + 1,
    occurredAt: event.occurredAt,
    actDate: event.actDate ?? null,
    lateEntryReason: event.lateEntryReason ?? null,
    action: event.action,
    actorOfficerId: actor.officerId,
    actorName: actor.officer.name,
    actorCertificateNumber: event.actorCertificateNumber,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    rulebookVersion: event.rulebookVersion,
    inputDigest: sha256Hex(canonicalJson(event.input)),
    payload: event.payload,
    previousHash: last?.hash ?? GENESIS_HASH,
    hash: '',
  });
  record.hash = eventHash(record.toChainContent());
  return record;
}

export async function verifyCaseChain(
  em: EntityManager,
  caseId: string,
): Promise<ChainVerification> {
  const events = await em.find(CaseEvent, { case: caseId }, { orderBy: { sequence: 'asc' } });
  return verifyChain(events.map((e) => ({ ...e.toChainContent(), hash: e.hash })));
}
