import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseDocument } from '../../entities/case-document.entity.js';
import type { Case } from '../../entities/case.entity.js';
import type { ServedDocument } from '../../entities/service-record.entity.js';
import { ValidationError } from '../../errors/domain-error.js';
import { isEarlierVersionServed } from './correct-document.js';

/** What serveDocument serves once corrections are sorted out. */
export interface ServiceWithCorrections {
  /** The engine's documents (the servable kinds), checked by the caller's own rules. */
  readonly documents: ServedDocument[];
  /** The 补正（更正）通知书 served with them: listed on the 送达回证, not in the engine's input. */
  readonly noticeIds: string[];
  /**
   * The documents are the corrected version of documents already served: the service records a
   * receipt and starts no period. Decision: a 补正/更正 changes no decided content (a change of
   * substance needs a new decision), so the periods for payment, reconsideration and litigation
   * keep running from the service of the original, when the party learnt of the act
   * (《中华人民共和国行政复议法》第二十条, 《中华人民共和国行政诉讼法》第四十六条; status D).
   */
  readonly correctedVersion: boolean;
}

interface CorrectionModel {
  correction?: { corrected?: { number?: string | null; title?: string }; newVersion?: number };
}

/**
 * Sorts the documents named for service: 补正（更正）通知书 apart, the rest checked by `checkServed`
 * (the caller's servability and newest-version checks). A document is served as a corrected
 * version when an earlier version of its kind was served; it goes with the notice of its
 * correction, and corrected and first services are not mixed in one receipt.
 */
export async function sortCorrectedService(
  em: EntityManager,
  found: Case,
  documentIds: readonly string[],
  checkServed: (ids: readonly string[]) => Promise<ServedDocument[]>,
): Promise<ServiceWithCorrections> {
  const notices = await em.find(
    CaseDocument,
    { case: found, kind: 'CORRECTION_NOTICE', id: { $in: [...documentIds] } },
    { fields: ['id', 'model'] },
  );
  const noticeIds = notices.map((n) => n.id);
  const documents = await checkServed(documentIds.filter((id) => !noticeIds.includes(id)));
  const rows = await em.find(
    CaseDocument,
    { id: { $in: documents.map((d) => d.documentId) } },
    { fields: ['id', 'kind', 'version', 'number', 'partyId'] },
  );
  type Row = (typeof rows)[number];
  const corrected: Row[] = [];
  for (const row of rows) {
    if (await isEarlierVersionServed(em, found, row)) {
      corrected.push(row);
    }
  }
  if (corrected.length > 0 && corrected.length !== rows.length) {
    throw ValidationError.field(
      'CORRECTED_AND_FIRST_SERVICE_MIXED',
      'documentIds',
      '补正（更正）后的文书应当与其补正（更正）通知书单独送达，不与首次送达的文书同一送达回证',
      { corrected: corrected.map((d) => d.id) },
    );
  }
  const noticeOf = (row: Row) =>
    notices.find((n) => {
      const c = (n.model as CorrectionModel).correction;
      return c?.newVersion === row.version && (c.corrected?.number ?? null) === row.number;
    });
  const withoutNotice = corrected.filter((row) => !noticeOf(row));
  if (withoutNotice.length > 0) {
    throw ValidationError.field(
      'CORRECTION_NOTICE_NOT_SERVED',
      'documentIds',
      '送达补正（更正）后的文书，应当同时送达其补正（更正）通知书',
      { documents: withoutNotice.map((d) => d.id) },
    );
  }
  const unmatched = notices.filter((n) => !corrected.some((row) => noticeOf(row) === n));
  if (unmatched.length > 0) {
    throw ValidationError.field(
      'CORRECTION_NOTICE_WITHOUT_DOCUMENT',
      'documentIds',
      '补正（更正）通知书应当与补正（更正）后的文书一并送达',
      { notices: unmatched.map((n) => n.id) },
    );
  }
  return { documents, noticeIds, correctedVersion: corrected.length > 0 };
}
