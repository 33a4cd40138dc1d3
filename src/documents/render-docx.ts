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
  TextRun,
  VerticalAlignTable,
  WidthType,
  type IParagraphOptions,
} from 'docx';
import type { Alignment, Block, InlineText, SignatureLine, TableRowBlock } from './markup.js';
import { inlineToPlainText } from './markup.js';
import {
  CHARACTER_TWIPS,
  DOCUMENT_GRID,
  PAGE,
  PAGE_NUMBER_INDENT_TWIPS,
  RED,
  RUN_STYLE,
  STYLE_ID,
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

type MutableParagraphOptions = { -readonly [K in keyof IParagraphOptions]: IParagraphOptions[K] };

type Item =
  | {
      readonly kind: 'paragraph';
      readonly options: MutableParagraphOptions;
      readonly isBlank?: boolean;
    }
  | { readonly kind: 'table'; readonly build: () => Table };

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
  extra: MutableParagraphOptions = {},
  run: RunStyle = RUN_STYLE[key],
): Item {
  return {
    kind: 'paragraph',
    options: { style: STYLE_ID[key], children: runs(text, run), ...extra },
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

function signatureItems(lines: readonly SignatureLine[]): Item[] {
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

function buildTable(block: Extract<Block, { kind: 'table' }>): Table {
  const columnWidths = normaliseWidths(block.widths);
  const rows = block.rows.map((row: TableRowBlock) => {
    let column = 0;
    const cells = row.cells.map((cell) => {
      const first = column;
      column += cell.span;
      const width = columnWidths.slice(first, column).reduce((a, b) => a + b, 0);
      const align: Alignment = row.isHeader ? 'center' : block.align[first]!;
      // Header cells in 黑体: CJK faces have no true bold.
      const run: RunStyle = row.isHeader
        ? { ...RUN_STYLE.tableText, role: 'heading1' }
        : RUN_STYLE.tableText;
      return new TableCell({
        children: [
          new Paragraph({
            style: STYLE_ID.tableText,
            alignment: ALIGNMENT[align],
            children: runs(cell.text, run),
          }),
        ],
        width: { size: width, type: WidthType.DXA },
        ...(cell.span > 1 ? { columnSpan: cell.span } : {}),
        verticalAlign: VerticalAlignTable.CENTER,
        margins: { top: 60, bottom: 60, left: 100, right: 100 },
      });
    });
    return new TableRow({
      children: cells,
      // A row never breaks across pages; header rows repeat on every page.
      cantSplit: true,
      tableHeader: row.isHeader,
      ...(row.minHeightMm !== undefined
        ? { height: { value: mmToTwips(row.minHeightMm), rule: HeightRule.ATLEAST } }
        : {}),
    });
  });
  return new Table({
    rows,
    columnWidths,
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
      return [styled('number', block.text, { alignment: ALIGNMENT[block.align] })];
    case 'addressee':
      return [styled('addressee', block.text)];
    case 'party':
      return [styled('party', block.text)];
    case 'heading':
      return [styled(`heading${block.level}`, block.text)];
    case 'paragraph':
      return [
        styled('body', block.text, {
          ...(block.align !== 'justify' ? { alignment: ALIGNMENT[block.align] } : {}),
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
      return [{ kind: 'table', build: () => buildTable(block) }];
  }
}

/** Lays blocks out as docx children, applying the cross-block keep rules. */
export function buildBodyChildren(blocks: readonly Block[]): (Paragraph | Table)[] {
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
    if (block.kind === 'signature' || block.kind === 'table') {
      for (let i = items.length - 1; i >= 0; i -= 1) {
        const previous = items[i]!;
        if (previous.kind !== 'paragraph') {
          break;
        }
        previous.options.keepNext = true;
        if (!previous.isBlank) {
          break;
        }
      }
    }
    if (breakPending) {
      const first = next[0];
      if (first?.kind === 'paragraph') {
        first.options.pageBreakBefore = true;
      } else {
        items.push({ kind: 'paragraph', options: { children: [new PageBreak()] } });
      }
      breakPending = false;
    }
    items.push(...next);
  }
  return items.map((item) =>
    item.kind === 'paragraph' ? new Paragraph(item.options) : item.build(),
  );
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
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: buildBodyChildren(blocks),
      },
    ],
  });
}

/** Blocks → .docx bytes, with the font table that declares the substitutes (styles.ts). */
export async function renderDocx(
  blocks: readonly Block[],
  metadata: DocxMetadata = {},
): Promise<Buffer> {
  return Packer.toBuffer(buildDocument(blocks, metadata), false, [
    { path: 'word/fontTable.xml', data: fontTableXml() },
  ]);
}
