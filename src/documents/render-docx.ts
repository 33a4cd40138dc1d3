/**
 * Blocks → Word. The one generic composer: every document is the same page, the same styles
 * (styles.ts) and the same handful of block kinds; templates decide what goes where.
 * Reference: ECMA-376 WordprocessingML (via the docx library), GB/T 9704-2012 for the layout.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeightRule,
  PageBreak,
  PageNumber,
  PageOrientation,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  Tab,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import JSZip from 'jszip';
import { writeDocx } from './docx-xml.js';
import type { Alignment, Block, InlineText, SignatureLine, TableRowBlock } from './markup.js';
import { inlineToPlainText } from './markup.js';
import {
  CHARACTER_TWIPS,
  DOCUMENT_GRID,
  FORM_CELL_MARGINS,
  FORM_MIN_HEIGHTS_BUDGET_MM,
  OFF_GRID_STYLE_IDS,
  PAGE,
  PAGE_NUMBER_INDENT_TWIPS,
  RED,
  RUN_STYLE,
  STYLE_ID,
  TABLE_CELL_MARGINS,
  TEXT_WIDTH_TWIPS,
  buildStyles,
  fontTableXml,
  mmToTwips,
  runProperties,
  type RunStyle,
  type StyleKey,
} from './styles.js';

export interface DocxMetadata {
  readonly title?: string;
  readonly creator?: string;
  /** dcterms:created and dcterms:modified (docx-xml.ts); the render time when not given. */
  readonly createdAt?: Date;
}

/** 右空四字: the date ends four characters from the right edge of the 版心 (sealed documents). */
const DATE_RIGHT_INDENT_CHARACTERS = 4;
/** Without a date line, the signature ends two characters from the right (unsealed rule). */
const NAME_ONLY_RIGHT_INDENT_CHARACTERS = 2;

const ALIGNMENT = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
  justify: AlignmentType.JUSTIFIED,
} as const;

const CELL_BORDER = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** Paragraph indentation in twips (firstLineChars in hundredths of a character). */
interface Indent {
  readonly left?: number;
  readonly right?: number;
  readonly firstLine?: number;
  readonly firstLineChars?: number;
}

/**
 * One laid-out paragraph, independent of how it is written: the docx library (reference path) and
 * the direct WordprocessingML writer (docx-xml.ts) both serialise exactly this.
 */
export interface ParagraphItem {
  readonly kind: 'paragraph';
  readonly style?: string;
  readonly alignment?: Alignment;
  readonly indent?: Indent;
  keepNext?: boolean;
  pageBreakBefore?: boolean;
  /** A paragraph holding only a page break (before a table that starts a page). */
  readonly pageBreak?: boolean;
  readonly text: InlineText;
  readonly run: RunStyle;
  readonly isBlank?: boolean;
  /** Plain text, for the keep rules. */
  readonly plain?: string;
}

export type Item = ParagraphItem | { readonly kind: 'table'; readonly block: TableBlock };

type TableBlock = Extract<Block, { kind: 'table' }>;

/** 「（本告知书一式二份，…）」: the copies line ends a document and never stands alone on a page. */
const COPIES_LINE = /^（?本.{0,12}一式.{1,3}份/u;
/**
 * A 笔录's signing lines (「被询问人签名：」, 「当事人或者委托代理人签名：」) and the note on refusals to
 * sign: kept with each other and with the last 问/答, so no page holds signatures alone.
 */
const SIGNING_LINE = /^[^，。；：\s]{1,16}签名(?:或者盖章)?[：:]|^（.{0,16}拒绝签名/u;
/**
 * A paragraph that fits on one line (display width ≤ 28 characters with the two-character indent):
 * too little body text to carry a signature block onto a new page (e.g. the contact line).
 */
const SHORT_PARAGRAPH_CHARACTERS = 26;
/** How many short paragraphs a signature block reaches back over to find real body text. */
const MAX_SHORT_PARAGRAPHS_KEPT = 2;

function runs(text: InlineText, style: RunStyle): TextRun[] {
  const properties = runProperties(style);
  return text.map((segment) =>
    segment.kind === 'text'
      ? new TextRun({ ...properties, text: segment.text })
      : new TextRun({ ...properties, break: 1 }),
  );
}

function styled(
  key: StyleKey,
  text: InlineText,
  extra: Pick<ParagraphItem, 'alignment' | 'indent' | 'keepNext'> = {},
  run: RunStyle = RUN_STYLE[key],
): ParagraphItem {
  return {
    kind: 'paragraph',
    style: STYLE_ID[key],
    text,
    run,
    ...extra,
    plain: inlineToPlainText(text),
  };
}

/** Display width in characters: CJK and full-width count 1, ASCII and half-width ½. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    width += code < 0x2e80 || (code >= 0xff61 && code <= 0xffdc) ? 0.5 : 1;
  }
  return width;
}

function signatureItems(lines: readonly SignatureLine[]): ParagraphItem[] {
  const date = lines.find((l) => l.role === 'date');
  const dateWidth = date ? displayWidth(inlineToPlainText(date.text)) : 0;
  return lines.map((line, index) => {
    let indentCharacters: number;
    if (line.role === 'date') {
      indentCharacters = DATE_RIGHT_INDENT_CHARACTERS;
    } else if (date) {
      // Name and seal centred over the date (GB/T 9704 §7.3.5.1).
      const width = displayWidth(inlineToPlainText(line.text));
      indentCharacters = Math.max(0, DATE_RIGHT_INDENT_CHARACTERS + (dateWidth - width) / 2);
    } else {
      indentCharacters = NAME_ONLY_RIGHT_INDENT_CHARACTERS;
    }
    return styled('signature', line.text, {
      indent: { right: Math.round(indentCharacters * CHARACTER_TWIPS), firstLine: 0 },
      keepNext: index < lines.length - 1,
    });
  });
}

function normaliseWidths(widths: readonly number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  const twips = widths.map((w) => Math.floor((w / total) * TEXT_WIDTH_TWIPS));
  twips[twips.length - 1]! += TEXT_WIDTH_TWIPS - twips.reduce((a, b) => a + b, 0);
  return twips;
}

/**
 * The factor applied to a form's minimum row heights (@row[height=…], room left for handwritten
 * opinions and signatures): together they may take at most FORM_MIN_HEIGHTS_BUDGET_MM, so the
 * printed rows and the title block still fit the sheet; each row keeps its share.
 */
function formHeightScale(rows: readonly TableRowBlock[]): number {
  const total = rows.reduce((sum, row) => sum + (row.minHeightMm ?? 0), 0);
  return total > FORM_MIN_HEIGHTS_BUDGET_MM ? FORM_MIN_HEIGHTS_BUDGET_MM / total : 1;
}

export interface TableCellLayout {
  readonly width: number;
  readonly span: number;
  readonly paragraph: ParagraphItem;
}

export interface TableRowLayout {
  readonly isHeader: boolean;
  /** Minimum height in twips (rule atLeast). */
  readonly minHeight?: number;
  readonly cells: readonly TableCellLayout[];
}

export interface TableLayout {
  readonly columnWidths: readonly number[];
  readonly cellMargins: typeof FORM_CELL_MARGINS | typeof TABLE_CELL_MARGINS;
  readonly rows: readonly TableRowLayout[];
}

export function layoutTable(block: TableBlock): TableLayout {
  const columnWidths = normaliseWidths(block.widths);
  // Forms (送达回证, 审批表, 确认书) use the compact form style so each fits one sheet; tables
  // inside a document (evidence lists) keep 4号 text.
  const isForm = block.style === 'form';
  const textStyle: StyleKey = isForm ? 'formText' : 'tableText';
  const heightScale = isForm ? formHeightScale(block.rows) : 1;
  const rows = block.rows.map((row: TableRowBlock): TableRowLayout => {
    let column = 0;
    const cells = row.cells.map((cell): TableCellLayout => {
      const first = column;
      column += cell.span;
      const width = columnWidths.slice(first, column).reduce((a, b) => a + b, 0);
      const align: Alignment = row.isHeader ? 'center' : block.align[first]!;
      // Header cells in 黑体: CJK faces have no true bold.
      const run: RunStyle = row.isHeader
        ? { ...RUN_STYLE[textStyle], role: 'heading1' }
        : RUN_STYLE[textStyle];
      return {
        width,
        span: cell.span,
        paragraph: {
          kind: 'paragraph',
          style: STYLE_ID[textStyle],
          alignment: align,
          // A header row never ends a page: kept with the first body row (LibreOffice 7.4
          // otherwise can drop the body rows after a header row left at a page foot).
          ...(row.isHeader ? { keepNext: true } : {}),
          text: cell.text,
          run,
        },
      };
    });
    return {
      isHeader: row.isHeader,
      ...(row.minHeightMm !== undefined
        ? { minHeight: mmToTwips(row.minHeightMm * heightScale) }
        : {}),
      cells,
    };
  });
  return { columnWidths, cellMargins: isForm ? FORM_CELL_MARGINS : TABLE_CELL_MARGINS, rows };
}

function libraryParagraph(item: ParagraphItem): Paragraph {
  return new Paragraph({
    style: item.style,
    alignment: item.alignment === undefined ? undefined : ALIGNMENT[item.alignment],
    indent: item.indent,
    keepNext: item.keepNext,
    pageBreakBefore: item.pageBreakBefore,
    children: item.pageBreak ? [new PageBreak()] : runs(item.text, item.run),
  });
}

function buildTable(block: TableBlock): Table {
  const layout = layoutTable(block);
  const rows = layout.rows.map(
    (row) =>
      new TableRow({
        children: row.cells.map(
          (cell) =>
            new TableCell({
              children: [libraryParagraph(cell.paragraph)],
              width: { size: cell.width, type: WidthType.DXA },
              ...(cell.span > 1 ? { columnSpan: cell.span } : {}),
              verticalAlign: VerticalAlignTable.CENTER,
              margins: layout.cellMargins,
            }),
        ),
        // A row never breaks across pages; header rows repeat on every page.
        cantSplit: true,
        tableHeader: row.isHeader,
        ...(row.minHeight !== undefined
          ? { height: { value: row.minHeight, rule: HeightRule.ATLEAST } }
          : {}),
      }),
  );
  return new Table({
    rows,
    columnWidths: [...layout.columnWidths],
    width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
    layout: TableLayoutType.FIXED,
    borders: {
      top: CELL_BORDER,
      bottom: CELL_BORDER,
      left: CELL_BORDER,
      right: CELL_BORDER,
      insideHorizontal: CELL_BORDER,
      insideVertical: CELL_BORDER,
    },
  });
}

function blockItems(block: Block): Item[] {
  switch (block.kind) {
    case 'office':
      return [
        styled(
          'office',
          block.text,
          {},
          block.red ? { ...RUN_STYLE.office, color: RED } : RUN_STYLE.office,
        ),
      ];
    case 'title':
      return [styled('title', block.text)];
    case 'number':
      return [styled('number', block.text, { alignment: block.align })];
    case 'addressee':
      return [styled('addressee', block.text)];
    case 'party':
      return [styled('party', block.text)];
    case 'heading':
      return [styled(`heading${block.level}`, block.text)];
    case 'paragraph':
      return [
        styled('body', block.text, {
          ...(block.align !== 'justify' ? { alignment: block.align } : {}),
          ...(block.indent ? {} : { indent: { firstLine: 0, firstLineChars: 0 } }),
        }),
      ];
    case 'blank':
      return Array.from({ length: block.count }, () => ({ ...styled('body', []), isBlank: true }));
    case 'pageBreak':
      return [];
    case 'signature':
      return signatureItems(block.lines);
    case 'table':
      return [{ kind: 'table', block }];
    case 'pageSignature':
      return []; // printed in the footer (buildDocument)
  }
}

/**
 * Keeps the paragraphs before `index` with it (w:keepNext), across blank lines: the first
 * non-blank paragraph always, and, for a signature block, up to MAX_SHORT_PARAGRAPHS_KEPT more
 * while they are one-liners, so the block travels with real body text, not just the contact line.
 */
function keepWithPrevious(items: readonly Item[], index: number, reachOverShort: boolean): void {
  let shortKept = 0;
  for (let i = index - 1; i >= 0; i -= 1) {
    const previous = items[i]!;
    if (previous.kind !== 'paragraph') {
      return;
    }
    previous.keepNext = true;
    if (previous.isBlank) {
      continue;
    }
    const isShort = displayWidth(previous.plain ?? '') <= SHORT_PARAGRAPH_CHARACTERS;
    if (!reachOverShort || !isShort || shortKept >= MAX_SHORT_PARAGRAPHS_KEPT) {
      return;
    }
    shortKept += 1;
  }
}

function isParagraphMatching(item: Item | undefined, pattern: RegExp): boolean {
  return item?.kind === 'paragraph' && !item.isBlank && pattern.test(item.plain ?? '');
}

/** Lays blocks out as paragraphs and tables, applying the cross-block keep rules. */
export function layoutBody(blocks: readonly Block[]): Item[] {
  const items: Item[] = [];
  let breakPending = false;
  for (const block of blocks) {
    if (block.kind === 'pageBreak') {
      breakPending = items.length > 0;
      continue;
    }
    const next = blockItems(block);
    // Keep a signature (and its seal) or a table with the text before it, across blank lines: a
    // seal alone on a page is not allowed (GB/T 9704 §7.3.5), a table's lead-in must not end a page.
    // The copies line and a 笔录's signing lines are kept with what precedes them the same way.
    if (block.kind === 'signature') {
      keepWithPrevious(items, items.length, true);
    } else if (
      block.kind === 'table' ||
      isParagraphMatching(next[0], COPIES_LINE) ||
      isParagraphMatching(next[0], SIGNING_LINE)
    ) {
      keepWithPrevious(items, items.length, false);
    }
    if (breakPending) {
      const first = next[0];
      if (first?.kind === 'paragraph') {
        first.pageBreakBefore = true;
      } else {
        items.push({ kind: 'paragraph', pageBreak: true, text: [], run: RUN_STYLE.body });
      }
      breakPending = false;
    }
    items.push(...next);
  }
  return items;
}

/** The body as docx library children. */
export function buildBodyChildren(blocks: readonly Block[]): (Paragraph | Table)[] {
  return layoutBody(blocks).map((item) =>
    item.kind === 'paragraph' ? libraryParagraph(item) : buildTable(item.block),
  );
}

/**
 * A 笔录's footer on every page: the signer's line and 「第×页 共×页」 (docs/document-sources.md §3.1, §4.3:
 * 逐页签名), in 4号 仿宋, the page count at the right edge of the 版心.
 */
function transcriptFooter(signatureText: InlineText): Footer {
  const run = runProperties({ role: 'body', sizePt: RUN_STYLE.pageNumber.sizePt });
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE_ID.pageNumber,
        alignment: AlignmentType.LEFT,
        indent: { firstLine: 0 },
        tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIPS }],
        children: [
          ...runs(signatureText, { role: 'body', sizePt: RUN_STYLE.pageNumber.sizePt }),
          new TextRun({
            ...run,
            children: [new Tab(), '第', PageNumber.CURRENT, '页 共', PageNumber.TOTAL_PAGES, '页'],
          }),
        ],
      }),
    ],
  });
}

function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const run = runProperties(RUN_STYLE.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE_ID.pageNumber,
        // 单页码居右空一字，双页码居左空一字 (GB/T 9704 §7.5).
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent:
          side === 'odd'
            ? { right: PAGE_NUMBER_INDENT_TWIPS, firstLine: 0 }
            : { left: PAGE_NUMBER_INDENT_TWIPS, firstLine: 0 },
        children: [new TextRun({ ...run, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export function buildDocument(blocks: readonly Block[], metadata: DocxMetadata = {}): Document {
  const pageSignature = blocks.find((b) => b.kind === 'pageSignature');
  const footers = pageSignature
    ? { default: transcriptFooter(pageSignature.text), even: transcriptFooter(pageSignature.text) }
    : { default: pageNumberFooter('odd'), even: pageNumberFooter('even') };
  return new Document({
    creator: metadata.creator ?? 'Zhifa',
    title: metadata.title ?? '',
    styles: buildStyles(),
    evenAndOddHeaderAndFooters: true,
    sections: [
      {
        properties: {
          page: {
            size: {
              width: PAGE.widthTwips,
              height: PAGE.heightTwips,
              orientation: PageOrientation.PORTRAIT,
            },
            margin: {
              top: PAGE.marginTopTwips,
              right: PAGE.marginRightTwips,
              bottom: PAGE.marginBottomTwips,
              left: PAGE.marginLeftTwips,
              header: PAGE.headerTwips,
              footer: PAGE.footerTwips,
              gutter: 0,
            },
          },
          grid: DOCUMENT_GRID,
        },
        footers,
        children: buildBodyChildren(blocks),
      },
    ],
  });
}

/**
 * w:snapToGrid=0 in the paragraph properties of the OFF_GRID_STYLE_IDS styles (the docx library
 * writes snapToGrid only for runs). It goes before w:spacing, its place in CT_PPrBase.
 */
export function unsnapStylesXml(stylesXml: string): string {
  let xml = stylesXml;
  for (const id of OFF_GRID_STYLE_IDS) {
    const start = xml.indexOf(`w:styleId="${id}"`);
    const end = xml.indexOf('</w:style>', start);
    if (start < 0 || end < 0) {
      throw new Error(`style ${id} is missing from styles.xml`);
    }
    const style = xml.slice(start, end);
    if (style.includes('<w:snapToGrid')) {
      continue;
    }
    const patched = style.replace('<w:spacing ', '<w:snapToGrid w:val="0"/><w:spacing ');
    if (patched === style) {
      throw new Error(`style ${id} has no paragraph spacing to place w:snapToGrid before`);
    }
    xml = xml.slice(0, start) + patched + xml.slice(end);
  }
  return xml;
}

/**
 * Blocks → .docx through the docx library's Packer, then styles.xml patched (a second zip pass).
 * The reference the fast writer is checked against, and the benchmark's baseline.
 */
export async function renderDocxWithLibrary(
  blocks: readonly Block[],
  metadata: DocxMetadata = {},
): Promise<Buffer> {
  const packed = await Packer.toBuffer(buildDocument(blocks, metadata), false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
  const zip = await JSZip.loadAsync(packed);
  const styles = zip.file('word/styles.xml');
  if (!styles) {
    throw new Error('the packed document has no word/styles.xml');
  }
  zip.file('word/styles.xml', unsnapStylesXml(await styles.async('string')), {
    date: styles.date,
  });
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/**
 * Blocks → .docx bytes, with the font table that declares the substitutes (styles.ts): the body
 * written directly into a package built once (docx-xml.ts), the same parts as the library's.
 */
export async function renderDocx(
  blocks: readonly Block[],
  metadata: DocxMetadata = {},
): Promise<Buffer> {
  return writeDocx(blocks, metadata);
}
