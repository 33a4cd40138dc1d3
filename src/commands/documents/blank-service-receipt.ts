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
  // The receipt is addressed to the case's party, as the 送达回证 of serveDocument is.
  const address = found.parties.getItems()[0]?.address ?? '';
  const receipts: CaseDocument[] = [];
  for (const document of toServe) {
    receipts.push(
      await generateCaseDocument(em, actor, found, 'SERVICE_RECEIPT_BLANK', today, {
        blankServiceReceipt: {
          documents: [{ title: document.title, number: document.number }],
          address,
        },
      }),
    );
  }
  return receipts;
}
