import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../auth/context.js';
import type { CaseDocument } from '../../entities/case-document.entity.js';
import type { Case } from '../../entities/case.entity.js';
import { isServableDocument } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { generateCaseDocument } from './generate-case-document.js';

/**
 * A blank 送达回证 for each document a step made to be served: the sheet the
 * servers take with the document for the recipient to sign and date (CPL art. 87). serveDocument
 * later records the service in its own 送达回证.
 */
export async function blankServiceReceipts(
  em: EntityManager,
  actor: Actor,
  found: Case,
  produced: readonly CaseDocument[],
  today: LocalDate,
): Promise<CaseDocument[]> {
  const toServe = produced.filter((document) => isServableDocument(document.kind));
  if (toServe.length === 0) {
    return [];
  }
  await em.populate(found, ['parties']);
  const parties = found.parties.getItems();
  const receipts: CaseDocument[] = [];
  for (const document of toServe) {
    // Addressed to the party the document was made for (several parties, APL arts. 44, 61), else
    // to the case's party, as the 送达回证 of serveDocument is.
    const party = parties.find((p) => p.id === document.partyId) ?? parties[0];
    receipts.push(
      await generateCaseDocument(em, actor, found, 'SERVICE_RECEIPT_BLANK', today, {
        blankServiceReceipt: {
          documents: [{ title: document.title, number: document.number }],
          address: party?.address ?? '',
        },
        ...(document.partyId !== null ? { addresseePartyId: document.partyId } : {}),
      }),
    );
  }
  return receipts;
}
