import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import type { DocumentKind } from '../../procedure/effects.js';

/**
 * A dry run (试运行) is a rehearsal of the whole step in its own transaction,
 * rolled back at the end. While it runs, the transaction's EntityManager is
 * marked here, so that the few places with effects a rollback does not undo
 * cleanly behave as a preview instead:
 * - gapless sequences (文书编号、案件编号) are not taken: no row lock is held
 *   and nothing could ever be skipped; the number reads 〔预览〕;
 * - every document rendered is collected as a preview, marked as such on its
 *   first line, and returned to the caller after the rollback.
 */

/** What a preview shows instead of a document or case number. */
export const PREVIEW_NUMBER = '〔预览〕';

/** First line of every preview: it is not a document of the office. */
export const PREVIEW_BANNER = '预览稿 — 未编号、未送达，不具法律效力';

export interface DocumentPreview {
  kind: DocumentKind;
  title: string;
  fileName: string;
  contentType: string;
  base64: string;
  sha256: string;
}

export const DOCX_CONTENT_TYPE =
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export interface Rehearsal {
  readonly previews: DocumentPreview[];
}

const rehearsals = new WeakMap<EntityManager, Rehearsal>();

/** Marks `em` (the step's transaction) as a rehearsal; its documents are collected in the result. */
export function startRehearsal(em: EntityManager): Rehearsal {
  const rehearsal: Rehearsal = { previews: [] };
  rehearsals.set(em, rehearsal);
  return rehearsal;
}

/** The rehearsal `em` belongs to, or undefined in a real call. */
export function rehearsalOf(em: EntityManager): Rehearsal | undefined {
  return rehearsals.get(em);
}

/** A rendered document as a preview the client can show or save. */
export function toDocumentPreview(
  kind: DocumentKind,
  title: string,
  buffer: Buffer,
): DocumentPreview {
  return {
    kind,
    title,
    fileName: `${title}（预览）.docx`,
    contentType: DOCX_CONTENT_TYPE,
    base64: buffer.toString('base64'),
    sha256: createHash('sha256').update(buffer).digest('hex'),
  };
}

/**
 * Thrown at the end of a rehearsed step to roll its transaction back; the
 * runner catches it outside the transaction and returns what it carries.
 */
export class RehearsalRollback<T> extends Error {
  constructor(readonly outcome: T) {
    super('dry run: rolled back');
    this.name = 'RehearsalRollback';
  }
}
