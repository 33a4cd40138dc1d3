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
 */
export async function recordTemplateVersion(
  em: EntityManager,
  version: { sha256: string; name: string; version: string; text: string },
): Promise<void> {
  // In the caller's transaction; a concurrent first use of the same text is not an error.
  await em.getConnection().execute(
    `insert into "document_template_version" ("sha256", "name", "version", "text", "first_used_at")
     values (?, ?, ?, ?, now()) on conflict ("sha256") do nothing`,
    [version.sha256, version.name, version.version, version.text],
    'run',
    em.getTransactionContext(),
  );
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
