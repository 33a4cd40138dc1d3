import { expect } from 'vitest';
import { renderCaseDocument } from '../../../../src/documents/document-registry.js';
import type { CaseDocumentSource } from '../../../../src/documents/kinds/case-document-source.js';
import type { DocumentKind } from '../../../../src/procedure/effects.js';
import { readDocx } from '../docx-reader.js';

/** Renders one kind from a source and reads the .docx back. */
export async function renderKind(kind: DocumentKind, source: CaseDocumentSource) {
  const rendered = await renderCaseDocument(kind, source);
  const docx = await readDocx(rendered.buffer);
  return { rendered, docx, text: docx.rawText };
}

export async function textOf(kind: DocumentKind, source: CaseDocumentSource): Promise<string> {
  return (await renderKind(kind, source)).text;
}

/** Every phrase must be in the text; a missing one is named in the failure. */
export function expectAll(text: string, expected: readonly string[]): void {
  for (const phrase of expected) {
    expect(text, phrase).toContain(phrase);
  }
}
