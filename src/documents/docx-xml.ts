/**
 * The fast .docx writer: the laid-out body (render-docx.ts layoutBody) written straight as
 * WordprocessingML, into a package whose other parts are built once per process.
 *
 * The docx library stays the reference: the package shell (styles with the snapToGrid patch,
 * settings, numbering, theme, relationships, content types, the page-number footers and the
 * section properties) is taken from one document it packs at first use, and a test checks that
 * every registered kind's parts are identical to the library's (test/unit/documents/docx-xml.test.ts).
 * Only what varies per document is written here: the body paragraphs and tables, a 笔录's footers
 * and the core properties. The library's Packer cost about two thirds of a render (object spreads
 * in prepForXml, serialising the shared parts again, zipping twice).
 */
import JSZip from 'jszip';
import type { InlineText } from './markup.js';
import {
  layoutBody,
  layoutTable,
  renderDocxWithLibrary,
  type Item,
  type ParagraphItem,
} from './render-docx.js';
import type { Block } from './markup.js';
import { RUN_STYLE, STYLE_ID, TEXT_WIDTH_TWIPS, runProperties, type RunStyle } from './styles.js';
import { zipEntry, zipPackage, type ZipEntry } from './zip.js';

export interface DocxPackageMetadata {
  readonly title?: string;
  readonly creator?: string;
  /** dcterms:created and dcterms:modified; the render time when not given. */
  readonly createdAt?: Date;
}

// ---------------------------------------------------------------------------------------------
// XML text
// ---------------------------------------------------------------------------------------------

const XML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
  '<': '&lt;',
  '>': '&gt;',
};

/** Escapes text and attribute values the way the docx library's serialiser does. */
export function escapeXml(value: string): string {
  return value.replace(/[&"'<>]/g, (ch) => XML_ESCAPES[ch]!);
}

// ---------------------------------------------------------------------------------------------
// Runs and paragraphs
// ---------------------------------------------------------------------------------------------

const runPropertiesXml = new Map<string, string>();

/** w:rPr of a run style (cached: a handful of styles make every run). */
function rPr(style: RunStyle): string {
  const key = `${style.role}|${style.sizePt}|${style.bold ?? ''}|${style.color ?? ''}`;
  let xml = runPropertiesXml.get(key);
  if (xml === undefined) {
    const p = runProperties(style);
    const font = p.font as {
      ascii: string;
      hAnsi: string;
      eastAsia: string;
      cs: string;
      hint: string;
    };
    xml =
      '<w:rPr>' +
      `<w:rFonts w:ascii="${escapeXml(font.ascii)}" w:cs="${escapeXml(font.cs)}" w:eastAsia="${escapeXml(font.eastAsia)}" w:hAnsi="${escapeXml(font.hAnsi)}" w:hint="${font.hint}"/>` +
      (p.bold ? '<w:b/><w:bCs/>' : '') +
      (p.color ? `<w:color w:val="${p.color}"/>` : '') +
      (p.characterSpacing !== undefined ? `<w:spacing w:val="${p.characterSpacing}"/>` : '') +
      `<w:sz w:val="${String(p.size)}"/><w:szCs w:val="${String(p.sizeComplexScript)}"/>` +
      `<w:lang w:val="${p.language!.value}" w:eastAsia="${p.language!.eastAsia}"/>` +
      '</w:rPr>';
    runPropertiesXml.set(key, xml);
  }
  return xml;
}

function textElement(text: string): string {
  return `<w:t xml:space="preserve">${escapeXml(text)}</w:t>`;
}

function runsXml(text: InlineText, style: RunStyle): string {
  const properties = rPr(style);
  let xml = '';
  for (const segment of text) {
    xml +=
      segment.kind === 'text'
        ? `<w:r>${properties}${textElement(segment.text)}</w:r>`
        : `<w:r>${properties}<w:br/></w:r>`;
  }
  return xml;
}

function onOff(name: string, value: boolean | undefined): string {
  if (value === undefined) {
    return '';
  }
  return value ? `<${name}/>` : `<${name} w:val="false"/>`;
}

function paragraphXml(item: ParagraphItem): string {
  if (item.pageBreak) {
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
  }
  let properties = item.style === undefined ? '' : `<w:pStyle w:val="${item.style}"/>`;
  properties += onOff('w:keepNext', item.keepNext);
  if (item.pageBreakBefore) {
    properties += '<w:pageBreakBefore/>';
  }
  const indent = item.indent;
  if (indent) {
    properties +=
      '<w:ind' +
      (indent.left === undefined ? '' : ` w:left="${indent.left}"`) +
      (indent.right === undefined ? '' : ` w:right="${indent.right}"`) +
      (indent.firstLine === undefined ? '' : ` w:firstLine="${indent.firstLine}"`) +
      (indent.firstLineChars === undefined ? '' : ` w:firstLineChars="${indent.firstLineChars}"`) +
      '/>';
  }
  if (item.alignment !== undefined) {
    properties += `<w:jc w:val="${JC[item.alignment]}"/>`;
  }
  return (
    '<w:p>' +
    (properties ? `<w:pPr>${properties}</w:pPr>` : '') +
    runsXml(item.text, item.run) +
    '</w:p>'
  );
}

const JC = { left: 'left', center: 'center', right: 'right', justify: 'both' } as const;

// ---------------------------------------------------------------------------------------------
// Tables
// ---------------------------------------------------------------------------------------------

const BORDER = 'w:val="single" w:color="000000" w:sz="4"';
const TABLE_PROPERTIES =
  `<w:tblPr><w:tblW w:type="dxa" w:w="${TEXT_WIDTH_TWIPS}"/><w:tblBorders>` +
  `<w:top ${BORDER}/><w:left ${BORDER}/><w:bottom ${BORDER}/><w:right ${BORDER}/>` +
  `<w:insideH ${BORDER}/><w:insideV ${BORDER}/></w:tblBorders>` +
  '<w:tblLayout w:type="fixed"/></w:tblPr>';

function tableXml(item: Extract<Item, { kind: 'table' }>): string {
  const layout = layoutTable(item.block);
  const margins = layout.cellMargins;
  const cellMargins =
    `<w:tcMar><w:top w:type="dxa" w:w="${margins.top}"/><w:left w:type="dxa" w:w="${margins.left}"/>` +
    `<w:bottom w:type="dxa" w:w="${margins.bottom}"/><w:right w:type="dxa" w:w="${margins.right}"/></w:tcMar>`;
  let xml =
    '<w:tbl>' +
    TABLE_PROPERTIES +
    '<w:tblGrid>' +
    layout.columnWidths.map((w) => `<w:gridCol w:w="${w}"/>`).join('') +
    '</w:tblGrid>';
  for (const row of layout.rows) {
    xml +=
      '<w:tr><w:trPr><w:cantSplit/>' +
      (row.isHeader ? '<w:tblHeader/>' : '<w:tblHeader w:val="off"/>') +
      (row.minHeight === undefined
        ? ''
        : `<w:trHeight w:val="${row.minHeight}" w:hRule="atLeast"/>`) +
      '</w:trPr>';
    for (const cell of row.cells) {
      xml +=
        `<w:tc><w:tcPr><w:tcW w:type="dxa" w:w="${cell.width}"/>` +
        (cell.span > 1 ? `<w:gridSpan w:val="${cell.span}"/>` : '') +
        cellMargins +
        '<w:vAlign w:val="center"/></w:tcPr>' +
        paragraphXml(cell.paragraph) +
        '</w:tc>';
    }
    xml += '</w:tr>';
  }
  return xml + '</w:tbl>';
}

/** The body's paragraphs and tables as WordprocessingML (without w:body and w:sectPr). */
export function bodyXml(blocks: readonly Block[]): string {
  let xml = '';
  for (const item of layoutBody(blocks)) {
    xml += item.kind === 'paragraph' ? paragraphXml(item) : tableXml(item);
  }
  return xml;
}

// ---------------------------------------------------------------------------------------------
// A 笔录's footer (the signer's line and 第×页 共×页)
// ---------------------------------------------------------------------------------------------

function fieldRuns(properties: string, instruction: string): string {
  return (
    `<w:r>${properties}<w:fldChar w:fldCharType="begin"/></w:r>` +
    `<w:r>${properties}<w:instrText xml:space="preserve">${instruction}</w:instrText></w:r>` +
    `<w:r>${properties}<w:fldChar w:fldCharType="separate"/></w:r>` +
    `<w:r>${properties}<w:fldChar w:fldCharType="end"/></w:r>`
  );
}

function transcriptFooterParagraph(signatureText: InlineText): string {
  const style: RunStyle = { role: 'body', sizePt: RUN_STYLE.pageNumber.sizePt };
  const properties = rPr(style);
  return (
    '<w:p><w:pPr>' +
    `<w:pStyle w:val="${STYLE_ID.pageNumber}"/>` +
    `<w:tabs><w:tab w:val="right" w:pos="${TEXT_WIDTH_TWIPS}"/></w:tabs>` +
    '<w:ind w:firstLine="0"/><w:jc w:val="left"/></w:pPr>' +
    runsXml(signatureText, style) +
    `<w:r>${properties}<w:tab/>${textElement('第')}</w:r>` +
    fieldRuns(properties, 'PAGE') +
    `<w:r>${properties}${textElement('页 共')}</w:r>` +
    fieldRuns(properties, 'NUMPAGES') +
    `<w:r>${properties}${textElement('页')}</w:r>` +
    '</w:p>'
  );
}

// ---------------------------------------------------------------------------------------------
// The package
// ---------------------------------------------------------------------------------------------

const TITLE_MARK = 'ZHIFA-TITLE-MARK';
const CREATOR_MARK = 'ZHIFA-CREATOR-MARK';
const DOCUMENT_PART = 'word/document.xml';
const CORE_PART = 'docProps/core.xml';
const FOOTER_PARTS = ['word/footer1.xml', 'word/footer2.xml'] as const;

interface PackageShell {
  /** Compressed once: every part that does not change between documents. */
  readonly staticEntries: readonly ZipEntry[];
  /** The page-number footers (default odd, even), compressed once. */
  readonly pageNumberFooters: readonly ZipEntry[];
  /** document.xml before and after the body's children (w:sectPr included in the tail). */
  readonly documentHead: string;
  readonly documentTail: string;
  /** A footer part up to its first paragraph, and its end. */
  readonly footerHead: string;
  readonly footerTail: string;
  readonly coreXml: string;
}

let shell: Promise<PackageShell> | undefined;

function between(xml: string, open: string, close: string): [string, string] {
  const start = xml.indexOf(open);
  const end = xml.lastIndexOf(close);
  if (start < 0 || end < start) {
    throw new Error(`the docx library's package has no ${open}…${close}`);
  }
  return [xml.slice(0, start + open.length), xml.slice(end)];
}

async function buildShell(): Promise<PackageShell> {
  const packed = await renderDocxWithLibrary([], { title: TITLE_MARK, creator: CREATOR_MARK });
  const zip = await JSZip.loadAsync(packed);
  const parts = new Map<string, string>();
  for (const [path, file] of Object.entries(zip.files)) {
    if (!file.dir) {
      parts.set(path, await file.async('string'));
    }
  }
  const part = (path: string): string => {
    const xml = parts.get(path);
    if (xml === undefined) {
      throw new Error(`the docx library's package has no ${path}`);
    }
    return xml;
  };
  const [documentHead, documentTail] = between(part(DOCUMENT_PART), '<w:body>', '<w:sectPr>');
  const footer = part(FOOTER_PARTS[0]);
  const firstParagraph = footer.indexOf('<w:p>');
  const footerEnd = footer.lastIndexOf('</w:ftr>');
  if (firstParagraph < 0 || footerEnd < 0) {
    throw new Error("the docx library's footer has no paragraph");
  }
  const varying = new Set<string>([DOCUMENT_PART, CORE_PART, ...FOOTER_PARTS]);
  // [Content_Types].xml first, as Office writes it; the rest in the library's order.
  const order = [...parts.keys()].sort(
    (a, b) => Number(b === '[Content_Types].xml') - Number(a === '[Content_Types].xml'),
  );
  return {
    staticEntries: order
      .filter((path) => !varying.has(path))
      .map((path) => zipEntry(path, part(path), 9)),
    pageNumberFooters: FOOTER_PARTS.map((path) => zipEntry(path, part(path), 9)),
    documentHead,
    documentTail,
    footerHead: footer.slice(0, firstParagraph),
    footerTail: footer.slice(footerEnd),
    coreXml: part(CORE_PART),
  };
}

function packageShell(): Promise<PackageShell> {
  shell ??= buildShell().catch((error: unknown) => {
    shell = undefined;
    throw error;
  });
  return shell;
}

function coreXml(template: string, metadata: DocxPackageMetadata): string {
  const date = (metadata.createdAt ?? new Date()).toISOString();
  return template
    .replace(TITLE_MARK, escapeXml(metadata.title ?? ''))
    .replace(CREATOR_MARK, escapeXml(metadata.creator ?? 'Zhifa'))
    .replace(/(<dcterms:created [^>]*>)[^<]*/, `$1${date}`)
    .replace(/(<dcterms:modified [^>]*>)[^<]*/, `$1${date}`);
}

/** Blocks → .docx bytes: body written directly, the rest of the package reused. */
export async function writeDocx(
  blocks: readonly Block[],
  metadata: DocxPackageMetadata = {},
): Promise<Buffer> {
  const parts = await packageShell();
  const document = parts.documentHead + bodyXml(blocks) + parts.documentTail;
  const pageSignature = blocks.find((b) => b.kind === 'pageSignature');
  let footers = parts.pageNumberFooters;
  if (pageSignature) {
    // Odd and even pages carry the same footer: deflated once, stored under both names.
    const footer = zipEntry(
      FOOTER_PARTS[0],
      parts.footerHead + transcriptFooterParagraph(pageSignature.text) + parts.footerTail,
    );
    footers = FOOTER_PARTS.map((name) => ({ ...footer, name }));
  }
  return zipPackage([
    ...parts.staticEntries,
    zipEntry(DOCUMENT_PART, document),
    ...footers,
    zipEntry(CORE_PART, coreXml(parts.coreXml, metadata)),
  ]);
}
