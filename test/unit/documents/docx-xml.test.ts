import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  DOCUMENT_DEFINITIONS,
  loadTemplate,
  templateName,
} from '../../../src/documents/document-registry.js';
import { writeDocx } from '../../../src/documents/docx-xml.js';
import { parseMarkup, type Block } from '../../../src/documents/markup.js';
import { renderDocxWithLibrary } from '../../../src/documents/render-docx.js';
import { compileTemplate } from '../../../src/documents/template-engine.js';
import { readDocx } from './docx-reader.js';

/** Every part of a package as text; core.xml's timestamps masked (the library stamps the time). */
async function parts(buffer: Buffer): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(buffer);
  const result = new Map<string, string>();
  for (const [path, file] of Object.entries(zip.files)) {
    if (!file.dir) {
      const text = await file.async('string');
      result.set(path, text.replace(/\d{4}-\d\d-\d\dT[\d:.]+Z/g, '<time>'));
    }
  }
  return result;
}

async function expectSamePackage(blocks: readonly Block[], title: string, creator: string) {
  const library = await parts(await renderDocxWithLibrary(blocks, { title, creator }));
  const written = await parts(await writeDocx(blocks, { title, creator }));
  expect([...written.keys()].sort()).toEqual([...library.keys()].sort());
  for (const [path, xml] of library) {
    expect(written.get(path), path).toBe(xml);
  }
}

/** Markup for what the registered samples do not all use: red 红头, escapes, a page break before a table. */
const EDGE_MARKUP = [
  '@office[red] 北京市互联网信息办公室',
  '@title 关于<特殊> & "引号" \'单引号\'的通知',
  '@number[right] 京网信〔2026〕1号',
  '@to 某公司：',
  '第一行\\n第二行',
  '@p[center] 居中',
  '@blank 2',
  '@pagebreak',
  '@table[widths=10,90 header=1 align=c,l]',
  '| 序号 | 名称 |',
  '| 1 | A&B <c> |',
  '@end',
  '@pagebreak',
  '正文',
].join('\n');

describe('writeDocx: the same package as the docx library, written directly', () => {
  it.each(DOCUMENT_DEFINITIONS.map((d) => [d.kind, d] as const))(
    '%s: every part identical to the library’s',
    async (_kind, definition) => {
      const name = templateName(definition);
      const model = definition.buildModel(definition.sampleInput);
      const markup = compileTemplate(loadTemplate(definition.kind), name).render(model);
      await expectSamePackage(
        parseMarkup(markup, name),
        definition.title,
        definition.sampleInput.office.name,
      );
    },
  );

  it('identical for a red 红头, escaped text, line breaks and page breaks before a table and a paragraph', async () => {
    const blocks = parseMarkup(EDGE_MARKUP, 'edge');
    await expectSamePackage(blocks, '<标题> & "x"', "O'Brien & 某局");
    const docx = await readDocx(await writeDocx(blocks));
    expect(docx.documentXml).toContain('<w:color w:val="FF0000"/>');
    expect(docx.documentXml).toContain('<w:br w:type="page"/>');
    expect(docx.documentXml).toContain('<w:pageBreakBefore/>');
    expect(docx.rawText).toContain('关于<特殊> & "引号" \'单引号\'的通知');
  });

  it('is reproducible: the same blocks and creation time give the same bytes', async () => {
    const blocks = parseMarkup(EDGE_MARKUP, 'edge');
    const metadata = { title: 't', creator: 'c', createdAt: new Date('2026-11-22T08:00:00Z') };
    const digest = async () =>
      createHash('sha256')
        .update(await writeDocx(blocks, metadata))
        .digest('hex');
    const first = await digest();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await digest()).toBe(first);
    const core = (await parts(await writeDocx(blocks, metadata))).get('docProps/core.xml');
    expect(core).toContain('<dc:title>t</dc:title>');
    const zip = await JSZip.loadAsync(await writeDocx(blocks, metadata));
    expect(await zip.file('docProps/core.xml')!.async('string')).toContain(
      '<dcterms:created xsi:type="dcterms:W3CDTF">2026-11-22T08:00:00.000Z</dcterms:created>',
    );
  });
});
