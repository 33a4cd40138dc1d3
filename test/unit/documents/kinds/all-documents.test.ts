// Every registered kind: the sample renders to a .docx that reads back, and the template check passes.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templatesDir } from '../../../../src/paths.js';
import {
  checkAllTemplates,
  formatTemplateReport,
} from '../../../../src/documents/check-templates.js';
import {
  DOCUMENT_DEFINITIONS,
  documentDefinition,
  missingDocumentKinds,
  renderCaseDocument,
} from '../../../../src/documents/document-registry.js';
import { formatDocumentDate } from '../../../../src/documents/helpers/document-date.js';
import { DOCUMENT_KINDS } from '../../../../src/procedure/effects.js';
import { readDocx } from '../docx-reader.js';

describe('document registry', () => {
  it('registers the core kinds and only kinds of DOCUMENT_KINDS', () => {
    for (const kind of [
      'PRE_PENALTY_NOTICE',
      'HEARING_NOTICE',
      'PENALTY_DECISION',
      'NO_PENALTY_DECISION',
    ] as const) {
      expect(documentDefinition(kind).kind).toBe(kind);
    }
    for (const definition of DOCUMENT_DEFINITIONS) {
      expect(DOCUMENT_KINDS).toContain(definition.kind);
    }
    expect(missingDocumentKinds().length + DOCUMENT_DEFINITIONS.length).toBe(DOCUMENT_KINDS.length);
    expect(() => documentDefinition('RIGHTS_WAIVER_STATEMENT')).toThrow(/no template/);
  });

  it('checkAllTemplates() reports no problems', () => {
    const results = checkAllTemplates();
    expect(results).toHaveLength(DOCUMENT_DEFINITIONS.length);
    const problems = results.filter((r) => r.missing.length > 0);
    expect(problems, formatTemplateReport(problems)).toEqual([]);
    for (const result of results) {
      expect(result.usedPaths.length).toBeGreaterThan(5);
    }
  });

  it('checkAllTemplates() reports unknown paths, lost phrases, a lost seal and unreadable files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhifa-templates-'));
    try {
      cpSync(templatesDir, dir, { recursive: true });
      const file = join(dir, 'penalty-decision.hbs');
      writeFileSync(
        file,
        readFileSync(file, 'utf8')
          .replace('本决定不停止执行', '{{decision.nonexistent}}')
          .replace('@seal\n', ''),
      );
      rmSync(join(dir, 'hearing-notice.hbs'));
      const byKind = new Map(checkAllTemplates(dir).map((r) => [r.kind, r.missing]));
      expect(byKind.get('PENALTY_DECISION')).toEqual(
        expect.arrayContaining([
          { kind: 'MODEL_PATH', path: 'decision.nonexistent' },
          { kind: 'MANDATORY_PHRASE', phrase: '不停止执行' },
          expect.objectContaining({ kind: 'SEAL_BLOCK_MISSING' }),
        ]),
      );
      expect(byKind.get('HEARING_NOTICE')).toEqual([
        expect.objectContaining({ kind: 'TEMPLATE_UNREADABLE' }),
      ]);
      expect(byKind.get('PRE_PENALTY_NOTICE')).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.each(DOCUMENT_DEFINITIONS.map((d) => [d.kind, d] as const))('%s', (kind, definition) => {
  it('renders its sample to a .docx with title, office, number or case number, party and date', async () => {
    const source = definition.sampleInput;
    const rendered = await renderCaseDocument(kind, source);
    const { rawText } = await readDocx(rendered.buffer);
    expect(rawText).toContain(source.office.name);
    const title = rendered.markup.split('\n').find((line) => line.startsWith('@title '))!;
    expect(rawText).toContain(title.slice('@title '.length));
    expect(rawText).toContain(source.parties[0]!.name);
    expect(rawText).toContain(source.document.number ?? source.case.number);
    if (definition.sealed) {
      expect(rawText).toContain('（印章）');
      expect(rawText).toContain(formatDocumentDate(source.document.issuedOn));
    } else {
      expect(rawText).not.toContain('（印章）');
    }
    expect(rawText).not.toMatch(/undefined|null|\[object/);
  });

  it('refuses an empty office name, naming the path', async () => {
    await expect(
      renderCaseDocument(kind, {
        ...definition.sampleInput,
        office: { ...definition.sampleInput.office, name: '' },
      }),
    ).rejects.toMatchObject({ details: { path: 'office.name' } });
  });
});
