/**
 * The document markup: a small line-based language that a rendered template produces and that
 * render-docx.ts turns into Word. Pure: text in, blocks out. Syntax: docs/document-markup.md.
 *
 * One line = one element. Lines are trimmed of ASCII spaces and tabs (so templates may indent
 * freely around {{#each}} / {{#if}}); blank lines are ignored (use @blank for vertical space).
 *   @directive[options] text   office, title, number, to, party, p, blank, pagebreak,
 *                              sign, seal, date, table, form, row, end, pagesign
 *   # / ## / ### / ####  text  headings 一、 / （一） / 1. / （1）
 *   | cell | cell |            table row (inside @table … @end or @form … @end)
 *   anything else              body paragraph, first line indented two characters
 * Inline escapes: \x is a literal x (\\ \| \@ \# \< \[), \n is a line break.
 */
import { documentErrors } from './document-errors.js';

export type Alignment = 'left' | 'center' | 'right' | 'justify';

export type InlineSegment =
  { readonly kind: 'text'; readonly text: string } | { readonly kind: 'break' };

/** Text of one paragraph or cell after escapes are resolved. */
export type InlineText = readonly InlineSegment[];

export type HeadingLevel = 1 | 2 | 3 | 4;

export interface TableCellBlock {
  readonly text: InlineText;
  /** Number of grid columns the cell covers (a `<` cell merges into the cell on its left). */
  readonly span: number;
}

export interface TableRowBlock {
  readonly cells: readonly TableCellBlock[];
  /** Minimum row height in millimetres (@row[height=…]), e.g. room for an approval signature. */
  readonly minHeightMm?: number;
  readonly isHeader: boolean;
}

export type SignatureLineRole = 'office' | 'seal' | 'date';

export interface SignatureLine {
  readonly role: SignatureLineRole;
  readonly text: InlineText;
}

export type Block = { readonly line: number } & (
  | { readonly kind: 'office'; readonly text: InlineText; readonly red: boolean }
  | { readonly kind: 'title'; readonly text: InlineText }
  | {
      readonly kind: 'number';
      readonly text: InlineText;
      readonly align: 'left' | 'center' | 'right';
    }
  | { readonly kind: 'addressee'; readonly text: InlineText }
  | { readonly kind: 'party'; readonly text: InlineText }
  | { readonly kind: 'heading'; readonly level: HeadingLevel; readonly text: InlineText }
  | {
      readonly kind: 'paragraph';
      readonly text: InlineText;
      readonly indent: boolean;
      readonly align: Alignment;
    }
  | { readonly kind: 'blank'; readonly count: number }
  | { readonly kind: 'pageBreak' }
  | { readonly kind: 'signature'; readonly lines: readonly SignatureLine[] }
  /**
   * @pagesign: the signature line printed at the foot of every page of a 笔录 (transcript), with
   * 「第×页 共×页」, e.g. 「被询问人签名：」 (docs/document-sources.md §3.1, §4.3).
   */
  | { readonly kind: 'pageSignature'; readonly text: InlineText }
  | {
      readonly kind: 'table';
      readonly style: 'grid' | 'form';
      /** Relative column widths as written (normalised by the renderer). */
      readonly widths: readonly number[];
      readonly align: readonly Alignment[];
      readonly rows: readonly TableRowBlock[];
    }
);

export type BlockKind = Block['kind'];

/** The default text of @seal: the place the red seal is pressed. */
export const SEAL_PLACEHOLDER = '（印章）';

const MAX_BLANK_LINES = 20;
const MAX_HEADER_ROWS = 5;

// ---------------------------------------------------------------------------------------------
// Escaping (values coming from the model are escaped before they reach the markup)
// ---------------------------------------------------------------------------------------------

/**
 * Makes a model value literal text in the markup: markup characters get a backslash and line
 * breaks become \n, so a party name like "A|B" or a fact starting with "#" cannot create cells,
 * headings or directives.
 */
export function escapeMarkupText(value: string): string {
  return value.replace(/[\\|@#<[]/g, (ch) => `\\${ch}`).replace(/\r\n?|\n/g, '\\n');
}

/** Resolves inline escapes. A trailing lone backslash stays a backslash. */
export function parseInline(raw: string): InlineText {
  const segments: InlineSegment[] = [];
  let buffer = '';
  for (let i = 0; i < raw.length; i += 1) {
    const ch = raw[i]!;
    if (ch === '\\' && i + 1 < raw.length) {
      const next = raw[i + 1]!;
      i += 1;
      if (next === 'n') {
        if (buffer) {
          segments.push({ kind: 'text', text: buffer });
          buffer = '';
        }
        segments.push({ kind: 'break' });
      } else {
        buffer += next;
      }
      continue;
    }
    buffer += ch;
  }
  if (buffer) {
    segments.push({ kind: 'text', text: buffer });
  }
  return segments;
}

/** Plain text of inline content, line breaks as "\n". */
export function inlineToPlainText(text: InlineText): string {
  return text.map((s) => (s.kind === 'text' ? s.text : '\n')).join('');
}

// ---------------------------------------------------------------------------------------------
// Parser
// ---------------------------------------------------------------------------------------------

type DirectiveName =
  | 'office'
  | 'title'
  | 'number'
  | 'to'
  | 'party'
  | 'p'
  | 'blank'
  | 'pagebreak'
  | 'sign'
  | 'seal'
  | 'date'
  | 'table'
  | 'form'
  | 'row'
  | 'end'
  | 'pagesign';

interface DirectiveSpec {
  readonly text: 'required' | 'optional' | 'none';
  readonly flags: readonly string[];
  readonly keys: readonly string[];
}

const DIRECTIVES: Readonly<Record<DirectiveName, DirectiveSpec>> = {
  office: { text: 'required', flags: ['red'], keys: [] },
  title: { text: 'required', flags: [], keys: [] },
  number: { text: 'required', flags: ['left', 'center', 'right'], keys: [] },
  to: { text: 'required', flags: [], keys: [] },
  party: { text: 'required', flags: [], keys: [] },
  p: { text: 'required', flags: ['noindent', 'left', 'center', 'right'], keys: [] },
  blank: { text: 'optional', flags: [], keys: [] },
  pagebreak: { text: 'none', flags: [], keys: [] },
  sign: { text: 'required', flags: [], keys: [] },
  seal: { text: 'optional', flags: [], keys: [] },
  date: { text: 'required', flags: [], keys: [] },
  table: { text: 'none', flags: [], keys: ['widths', 'header', 'align'] },
  form: { text: 'none', flags: [], keys: ['widths'] },
  row: { text: 'none', flags: [], keys: ['height'] },
  end: { text: 'none', flags: [], keys: [] },
  pagesign: { text: 'required', flags: [], keys: [] },
};

function isDirectiveName(name: string): name is DirectiveName {
  return Object.hasOwn(DIRECTIVES, name);
}

interface Directive {
  readonly name: DirectiveName;
  readonly flags: ReadonlySet<string>;
  readonly options: ReadonlyMap<string, string>;
  readonly text: string;
}

interface OpenTable {
  readonly line: number;
  readonly style: 'grid' | 'form';
  readonly widths: readonly number[];
  readonly align: readonly Alignment[];
  readonly headerRows: number;
  readonly rows: TableRowBlock[];
  pendingHeightMm?: number;
}

const DIRECTIVE_PATTERN = /^@([A-Za-z]+)(?:\[([^\]]*)\])?(?:[ \t]+(.*))?$/;
const HEADING_PATTERN = /^(#{1,4})[ \t]+(.+)$/;
const ALIGN_CODES: Readonly<Record<string, Alignment>> = {
  l: 'left',
  c: 'center',
  r: 'right',
  j: 'justify',
};

/**
 * Parses rendered markup into blocks. Throws DocumentError MARKUP_INVALID naming the line.
 * `templateName` only labels errors.
 */
export function parseMarkup(markup: string, templateName = 'markup'): readonly Block[] {
  const blocks: Block[] = [];
  let table: OpenTable | undefined;
  let signature: { line: number; lines: SignatureLine[] } | undefined;

  const lines = markup.split(/\r\n?|\n/);
  lines.forEach((rawLine, index) => {
    const lineNumber = index + 1;
    const line = rawLine.replace(/^[ \t]+|[ \t]+$/g, '');
    const fail = (reason: string): never => {
      throw documentErrors.markupInvalid(templateName, lineNumber, line, reason);
    };
    if (line === '') {
      return;
    }

    const directive = line.startsWith('@') ? readDirective(line, fail) : undefined;

    // Signature lines group until anything else appears.
    if (
      directive &&
      (directive.name === 'sign' || directive.name === 'seal' || directive.name === 'date')
    ) {
      if (table) {
        fail(`@${directive.name} is not allowed inside a table`);
      }
      const role: SignatureLineRole = directive.name === 'sign' ? 'office' : directive.name;
      const text = role === 'seal' && directive.text === '' ? SEAL_PLACEHOLDER : directive.text;
      if (!signature) {
        signature = { line: lineNumber, lines: [] };
      }
      signature.lines.push({ role, text: parseInline(text) });
      return;
    }
    if (signature) {
      blocks.push({ kind: 'signature', line: signature.line, lines: signature.lines });
      signature = undefined;
    }

    if (table) {
      if (line.startsWith('|')) {
        const cells = splitRow(line, fail);
        const columns = cells.reduce((sum, cell) => sum + cell.span, 0);
        if (columns !== table.widths.length) {
          fail(`row has ${columns} columns, the table declares ${table.widths.length}`);
        }
        table.rows.push({
          cells,
          minHeightMm: table.pendingHeightMm,
          isHeader: table.rows.length < table.headerRows,
        });
        table.pendingHeightMm = undefined;
        return;
      }
      if (directive?.name === 'row') {
        const height = Number(directive.options.get('height'));
        if (!Number.isFinite(height) || height <= 0 || height > 250) {
          fail('@row needs height=<millimetres> between 0 and 250');
        }
        table.pendingHeightMm = height;
        return;
      }
      if (directive?.name === 'end') {
        if (table.rows.length === 0) {
          fail('table has no rows');
        }
        if (table.pendingHeightMm !== undefined) {
          fail('@row is not followed by a row');
        }
        blocks.push({
          kind: 'table',
          line: table.line,
          style: table.style,
          widths: table.widths,
          align: table.align,
          rows: table.rows,
        });
        table = undefined;
        return;
      }
      fail('only | rows, @row and @end are allowed inside a table');
    }

    if (line.startsWith('|')) {
      fail('table row outside @table / @form');
    }
    if (line.startsWith('#')) {
      const heading = HEADING_PATTERN.exec(line);
      if (!heading) {
        fail('a heading is 1 to 4 "#" followed by a space and text (write \\# for a literal #)');
      }
      const level = heading![1]!.length as HeadingLevel;
      blocks.push({ kind: 'heading', line: lineNumber, level, text: parseInline(heading![2]!) });
      return;
    }
    if (!directive) {
      blocks.push({
        kind: 'paragraph',
        line: lineNumber,
        text: parseInline(line),
        indent: true,
        align: 'justify',
      });
      return;
    }

    const text = parseInline(directive.text);
    switch (directive.name) {
      case 'office':
        blocks.push({ kind: 'office', line: lineNumber, text, red: directive.flags.has('red') });
        return;
      case 'title':
        blocks.push({ kind: 'title', line: lineNumber, text });
        return;
      case 'number': {
        const align = directive.flags.has('right')
          ? 'right'
          : directive.flags.has('left')
            ? 'left'
            : 'center';
        blocks.push({ kind: 'number', line: lineNumber, text, align });
        return;
      }
      case 'to':
        blocks.push({ kind: 'addressee', line: lineNumber, text });
        return;
      case 'party':
        blocks.push({ kind: 'party', line: lineNumber, text });
        return;
      case 'p': {
        const align: Alignment = directive.flags.has('center')
          ? 'center'
          : directive.flags.has('right')
            ? 'right'
            : directive.flags.has('left')
              ? 'left'
              : 'justify';
        const indent = !directive.flags.has('noindent') && align === 'justify';
        blocks.push({ kind: 'paragraph', line: lineNumber, text, indent, align });
        return;
      }
      case 'blank': {
        const count = directive.text === '' ? 1 : Number(directive.text);
        if (!Number.isInteger(count) || count < 1 || count > MAX_BLANK_LINES) {
          fail(`@blank takes a line count from 1 to ${MAX_BLANK_LINES}`);
        }
        blocks.push({ kind: 'blank', line: lineNumber, count });
        return;
      }
      case 'pagebreak':
        blocks.push({ kind: 'pageBreak', line: lineNumber });
        return;
      case 'pagesign':
        if (blocks.some((b) => b.kind === 'pageSignature')) {
          fail('@pagesign may appear only once');
        }
        blocks.push({ kind: 'pageSignature', line: lineNumber, text });
        return;
      case 'table':
      case 'form':
        table = openTable(directive, lineNumber, fail);
        return;
      case 'row':
      case 'end':
        fail(`@${directive.name} outside a table`);
        return;
      case 'sign':
      case 'seal':
      case 'date':
        return; // handled above
    }
  });

  if (signature) {
    blocks.push({ kind: 'signature', line: signature.line, lines: signature.lines });
  }
  if (table) {
    throw documentErrors.markupInvalid(
      templateName,
      table.line,
      `@${table.style === 'form' ? 'form' : 'table'}`,
      'table is not closed with @end',
    );
  }
  return blocks;
}

function readDirective(line: string, fail: (reason: string) => never): Directive {
  const match = DIRECTIVE_PATTERN.exec(line);
  if (!match) {
    return fail('malformed directive (write \\@ for a literal @)');
  }
  const name = match[1]!;
  if (!isDirectiveName(name)) {
    return fail(`unknown directive @${name}`);
  }
  const spec = DIRECTIVES[name];
  const text = (match[3] ?? '').trim();
  if (spec.text === 'required' && text === '') {
    fail(`@${name} needs text`);
  }
  if (spec.text === 'none' && text !== '') {
    fail(`@${name} takes no text`);
  }
  const flags = new Set<string>();
  const options = new Map<string, string>();
  for (const token of (match[2] ?? '').split(/\s+/).filter(Boolean)) {
    const eq = token.indexOf('=');
    if (eq === -1) {
      if (!spec.flags.includes(token)) {
        fail(`@${name} has no option "${token}"`);
      }
      flags.add(token);
    } else {
      const key = token.slice(0, eq);
      if (!spec.keys.includes(key)) {
        fail(`@${name} has no option "${key}"`);
      }
      options.set(key, token.slice(eq + 1));
    }
  }
  return { name, flags, options, text };
}

function openTable(directive: Directive, line: number, fail: (reason: string) => never): OpenTable {
  const style = directive.name === 'form' ? 'form' : 'grid';
  const widthsOption = directive.options.get('widths');
  if (widthsOption === undefined) {
    fail(`@${directive.name} needs widths=…, e.g. widths=10,45,45`);
  }
  const widths = widthsOption!.split(',').map(Number);
  if (widths.length === 0 || widths.some((w) => !Number.isFinite(w) || w <= 0)) {
    fail('widths must be positive numbers separated by commas');
  }
  if (style === 'form' && widths.length % 2 !== 0) {
    fail('a form has label/value column pairs: give an even number of widths');
  }
  let align: Alignment[];
  const alignOption = directive.options.get('align');
  if (alignOption !== undefined) {
    const codes = alignOption.split(',');
    if (codes.length !== widths.length || codes.some((c) => ALIGN_CODES[c] === undefined)) {
      fail('align needs one of l, c, r, j per column, e.g. align=c,l,l');
    }
    align = codes.map((c) => ALIGN_CODES[c]!);
  } else {
    // Forms: labels centred, values left; grids: left, which suits Chinese cell text.
    align = widths.map((_, i) => (style === 'form' && i % 2 === 0 ? 'center' : 'left'));
  }
  const headerOption = directive.options.get('header');
  const headerRows = style === 'form' ? 0 : headerOption === undefined ? 1 : Number(headerOption);
  if (!Number.isInteger(headerRows) || headerRows < 0 || headerRows > MAX_HEADER_ROWS) {
    fail(`header must be a row count from 0 to ${MAX_HEADER_ROWS}`);
  }
  return { line, style, widths, align, headerRows, rows: [] };
}

/** `| a | b \| c | < |` → cells a, "b | c" spanning 2. */
function splitRow(line: string, fail: (reason: string) => never): TableCellBlock[] {
  const raw: string[] = [];
  let current = '';
  for (let i = 1; i < line.length; i += 1) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) {
      current += ch + line[i + 1];
      i += 1;
    } else if (ch === '|') {
      raw.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current.trim() !== '') {
    raw.push(current); // a row may omit the closing |
  }
  const cells: { text: InlineText; span: number }[] = [];
  for (const cell of raw.map((c) => c.trim())) {
    if (cell === '<') {
      const previous = cells[cells.length - 1];
      if (!previous) {
        fail('a "<" cell merges into the cell on its left, but this is the first cell');
      }
      previous!.span += 1;
    } else {
      cells.push({ text: parseInline(cell), span: 1 });
    }
  }
  if (cells.length === 0) {
    fail('empty table row');
  }
  return cells;
}

/** Plain text of the whole document: one line per paragraph, table cells separated by tabs. */
export function blocksToPlainText(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const block of blocks) {
    switch (block.kind) {
      case 'blank':
        for (let i = 0; i < block.count; i += 1) {
          out.push('');
        }
        break;
      case 'pageBreak':
        break;
      case 'signature':
        block.lines.forEach((l) => out.push(inlineToPlainText(l.text)));
        break;
      case 'table':
        block.rows.forEach((row) =>
          out.push(row.cells.map((c) => inlineToPlainText(c.text)).join('\t')),
        );
        break;
      default:
        out.push(inlineToPlainText(block.text));
    }
  }
  return out.join('\n');
}
