import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import {
  DOCUMENT_DEFINITIONS,
  loadTemplate,
  templateName,
} from '../../documents/document-registry.js';
import { DocumentTemplateVersion } from '../../entities/document-template-version.entity.js';
import type { DocumentKind } from '../../procedure/effects.js';

/**
 * Templates as managed data: the text of every template version a stored document used is kept
 * by its SHA-256 (insert-only), so the wording that produced a document stays retrievable after
 * the file in templates/ changed.
 *
 * A version found already stored by another, committed transaction stays stored (the table
 * refuses UPDATE and DELETE), so later documents skip the insert and do not send the text again:
 * `committedVersions` remembers those per ORM instance (one database). A version this request's
 * own transaction inserted is not remembered: it is stored only if that transaction commits.
 */
const committedVersions = new WeakMap<object, Set<string>>();
/** Versions each top-level transaction inserted itself (they vanish if it rolls back). */
const insertedBy = new WeakMap<object, Set<string>>();

/** The outermost transaction of the caller's (savepoints nest in it). */
function topLevelTransaction(em: EntityManager): object | undefined {
  let transaction = em.getTransactionContext() as { parentTransaction?: object } | undefined;
  while (transaction?.parentTransaction) {
    transaction = transaction.parentTransaction as { parentTransaction?: object };
  }
  return transaction;
}

export async function recordTemplateVersion(
  em: EntityManager,
  version: { sha256: string; name: string; version: string; text: string },
): Promise<void> {
  const committed = committedVersions.get(em.config) ?? new Set<string>();
  committedVersions.set(em.config, committed);
  if (committed.has(version.sha256)) {
    return;
  }
  // In the caller's transaction; a concurrent first use of the same text is not an error.
  const rows: { sha256: string }[] = await em.getConnection().execute(
    `insert into "document_template_version" ("sha256", "name", "version", "text", "first_used_at")
     values (?, ?, ?, ?, now()) on conflict ("sha256") do nothing returning "sha256"`,
    [version.sha256, version.name, version.version, version.text],
    'all',
    em.getTransactionContext(),
  );
  const transaction = topLevelTransaction(em);
  const ours = transaction ? (insertedBy.get(transaction) ?? new Set<string>()) : undefined;
  if (rows.length > 0) {
    if (transaction && ours) {
      ours.add(version.sha256);
      insertedBy.set(transaction, ours);
    }
  } else if (transaction && !ours?.has(version.sha256)) {
    // Already there and not inserted by this transaction: another one committed it.
    committed.add(version.sha256);
  }
}

export async function findTemplateVersion(
  em: EntityManager,
  sha256: string,
): Promise<DocumentTemplateVersion | null> {
  return em.findOne(DocumentTemplateVersion, { sha256 });
}

/** One registered template as it is on disk now. */
export interface CurrentTemplate {
  kinds: DocumentKind[];
  title: string;
  file: string;
  name: string;
  version: string;
  sha256: string;
  text: string;
}

/** The registered templates (one entry per file; a file may serve several kinds). */
export function currentTemplates(): CurrentTemplate[] {
  const byFile = new Map<string, CurrentTemplate>();
  for (const definition of DOCUMENT_DEFINITIONS) {
    const existing = byFile.get(definition.templateFile);
    if (existing) {
      existing.kinds.push(definition.kind);
      continue;
    }
    const text = loadTemplate(definition.kind);
    byFile.set(definition.templateFile, {
      kinds: [definition.kind],
      title: definition.title,
      file: definition.templateFile,
      name: templateName(definition),
      version: definition.version,
      sha256: createHash('sha256').update(text).digest('hex'),
      text,
    });
  }
  return [...byFile.values()];
}
