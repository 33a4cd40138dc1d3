/**
 * The 案卷 as one volume: 卷宗封面, 卷内文件目录 (with page numbers), every stored document in
 * procedural order, 卷内备考表 — one .docx besides the zip of originals. Kept apart from
 * case-file.ts (which packs the zip) so the export can change without touching the volume.
 *
 * Each document is re-rendered from the template text it was generated with (kept by hash,
 * src/commands/documents/template-store.ts) and its stored view model: the same text as the
 * original. Page numbers are a layout estimate (22 lines of 28 characters, GB/T 9704); the PDF
 * of the volume, where LibreOffice is installed, shows the exact pages.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import JSZip from 'jszip';
import { DOCUMENT_DEFINITIONS, renderCaseDocument } from '../documents/document-registry.js';
import type { CaseDocumentSource } from '../documents/kinds/case-document-source.js';
import type { CaseFileEntrySource } from '../documents/kinds/case-file-sources.js';
import { inlineToPlainText, parseMarkup, type Block } from '../documents/markup.js';
import { renderDocx } from '../documents/render-docx.js';
import { compileTemplate } from '../documents/template-engine.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import { CaseEvent } from '../entities/case-event.entity.js';
import type { Case } from '../entities/case.entity.js';
import { PendingDocument } from '../entities/pending-document.entity.js';
import { DocumentTemplateVersion } from '../entities/document-template-version.entity.js';
import type { DocumentKind } from '../procedure/effects.js';
import { CASE_STATUS_NAMES } from '../procedure/case-status.js';
import { toLocalDate, type LocalDate } from '../procedure/local-date.js';
import { buildCaseDocumentSource } from './documents/build-document-source.js';
import { currentTemplates } from './documents/template-store.js';

/** Kinds that belong to another document: printed right after it. */
const ATTACHED_KINDS: readonly DocumentKind[] = [
  'SERVICE_RECEIPT_BLANK',
  'SERVICE_RECEIPT',
  'SERVICE_PUBLIC_NOTICE',
  'CORRECTION_NOTICE',
];
/** The volume's own sheets: made fresh by every export, never listed as documents. */
const VOLUME_KINDS: readonly DocumentKind[] = [
  'CASE_FILE_COVER',
  'CASE_FILE_CONTENTS',
  'CASE_FILE_REMARKS',
];

const RANK = new Map<DocumentKind, number>(DOCUMENT_DEFINITIONS.map((d, i) => [d.kind, i]));
const rankOf = (kind: DocumentKind) => RANK.get(kind) ?? DOCUMENT_DEFINITIONS.length;

export interface OrderedDocument {
  document: CaseDocument;
  /** 目录 label: title, and what distinguishes it (served document, version). */
  label: string;
  /** The document this one belongs to (送达回证 → the served document). */
  attachedTo: CaseDocument | null;
}

interface DocumentReference {
  title: string;
  number: string | null;
}

/** The documents a receipt, public notice or correction notice refers to, from its stored model. */
function referencesOf(document: CaseDocument): DocumentReference[] {
  const model = document.model as {
    service?: { documents?: DocumentReference[] };
    receipt?: { documents?: DocumentReference[] };
    publicNotice?: { documents?: DocumentReference[] };
    correction?: { corrected?: DocumentReference; newVersion?: number };
  };
  if (document.kind === 'SERVICE_RECEIPT') {
    return model.service?.documents ?? [];
  }
  if (document.kind === 'SERVICE_RECEIPT_BLANK') {
    return model.receipt?.documents ?? [];
  }
  if (document.kind === 'SERVICE_PUBLIC_NOTICE') {
    return model.publicNotice?.documents ?? [];
  }
  if (document.kind === 'CORRECTION_NOTICE' && model.correction?.corrected) {
    return [model.correction.corrected];
  }
  return [];
}

const served = (refs: readonly DocumentReference[]) =>
  refs.map((r) => `《${r.title}》${r.number ? r.number : ''}`).join('、');

/** Where a document stands in the procedure: the act date and audit sequence of its step. */
export interface ProcedurePosition {
  readonly actDate: LocalDate;
  readonly sequence: number;
  /**
   * The position is the document's own pending entry: a document of its kind made for a step of
   * its own (a second 证据提取单 or 询问笔录), not a new version of an earlier one.
   */
  readonly ownEntry?: boolean;
}

interface EventRow {
  sequence: number;
  actDate: LocalDate | null;
  occurredAt: Date;
  payload: {
    actDate?: LocalDate;
    documents?: readonly { id: string }[];
    document?: { id: string };
  };
}

/**
 * Each document's step: the step that produced it (its audit event lists it), or, for a document
 * made later with generateDocument, the step that made it due (its pending entry); a document
 * made on demand outside any due entry stands where it was made. Pure, for the tests.
 */
export function procedurePositions(
  events: readonly EventRow[],
  fulfilled: readonly { documentId: string; dueSince: LocalDate; dueSequence: number }[],
): Map<string, ProcedurePosition> {
  const positions = new Map<string, ProcedurePosition>();
  for (const event of events) {
    const position = {
      actDate: event.actDate ?? event.payload.actDate ?? toLocalDate(event.occurredAt),
      sequence: event.sequence,
    };
    for (const d of [
      ...(event.payload.documents ?? []),
      ...(event.payload.document ? [event.payload.document] : []),
    ]) {
      if (!positions.has(d.id)) {
        positions.set(d.id, position);
      }
    }
  }
  for (const entry of fulfilled) {
    positions.set(entry.documentId, {
      actDate: entry.dueSince,
      sequence: entry.dueSequence,
      ownEntry: true,
    });
  }
  return positions;
}

/** The positions of a case's documents, read from its audit events and pending entries. */
export async function loadProcedurePositions(
  em: EntityManager,
  found: Case,
): Promise<Map<string, ProcedurePosition>> {
  const events = await em.find(CaseEvent, { case: found }, { orderBy: { sequence: 'asc' } });
  const fulfilled = await em.find(PendingDocument, {
    case: found,
    fulfilledBy: { $ne: null },
  });
  return procedurePositions(
    events.map((e) => ({
      sequence: e.sequence,
      actDate: e.actDate ?? null,
      occurredAt: e.occurredAt,
      payload: e.payload as EventRow['payload'],
    })),
    fulfilled.map((p) => ({
      documentId: p.fulfilledBy!.id,
      dueSince: p.dueSince,
      dueSequence: p.dueSequence,
    })),
  );
}

/**
 * Procedural order, not generation time: by the act date and audit sequence of each document's
 * step (procedurePositions), then kinds in the registry's order of the procedure, versions in
 * order (a later version of a kind stands with its first); a 送达回证, 送达公告 or
 * 补正（更正）通知书 right after the document it concerns.
 */
export function orderCaseFileDocuments(
  documents: readonly CaseDocument[],
  positions: ReadonlyMap<string, ProcedurePosition> = new Map(),
): OrderedDocument[] {
  const byCreation = [...documents]
    .filter((d) => !VOLUME_KINDS.includes(d.kind))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
  const isOwnDocument = (d: CaseDocument) => positions.get(d.id)?.ownEntry === true;
  const unplaced: ProcedurePosition = { actDate: '9999-12-31' as LocalDate, sequence: Infinity };
  const firstVersion = new Map<DocumentKind, CaseDocument>();
  for (const d of [...byCreation].sort((a, b) => a.version - b.version)) {
    if (!firstVersion.has(d.kind)) {
      firstVersion.set(d.kind, d);
    }
  }
  const positionOf = (d: CaseDocument): ProcedurePosition => {
    const first = firstVersion.get(d.kind);
    // A regenerated or corrected version stands with the first version of its kind.
    const own =
      d.version > 1 && first && !isOwnDocument(d) ? positions.get(first.id) : positions.get(d.id);
    return own ?? positions.get(d.id) ?? unplaced;
  };
  const compare = (a: CaseDocument, b: CaseDocument) => {
    const pa = positionOf(a);
    const pb = positionOf(b);
    return (
      (pa.actDate < pb.actDate ? -1 : pa.actDate > pb.actDate ? 1 : 0) ||
      pa.sequence - pb.sequence ||
      rankOf(a.kind) - rankOf(b.kind) ||
      a.version - b.version ||
      a.createdAt.getTime() - b.createdAt.getTime()
    );
  };
  const primary = byCreation.filter((d) => !ATTACHED_KINDS.includes(d.kind)).sort(compare);
  const attachments = new Map<string, CaseDocument[]>();
  const orphans: CaseDocument[] = [];
  for (const document of byCreation.filter((d) => ATTACHED_KINDS.includes(d.kind))) {
    const [first] = referencesOf(document);
    // The newest version of the referred document generated before this one.
    const target = first
      ? primary
          .filter(
            (p) =>
              p.title === first.title &&
              (p.number ?? null) === (first.number ?? null) &&
              p.createdAt.getTime() <= document.createdAt.getTime(),
          )
          .at(-1)
      : undefined;
    if (target) {
      attachments.set(target.id, [...(attachments.get(target.id) ?? []), document]);
    } else {
      orphans.push(document);
    }
  }
  // Versions are labelled only where a kind was regenerated or corrected, not where each of
  // several steps had its own document of the kind.
  const versionsOf = new Map<DocumentKind, number>();
  for (const d of primary.filter((p) => !isOwnDocument(p))) {
    versionsOf.set(d.kind, Math.max(versionsOf.get(d.kind) ?? 0, d.version));
  }
  const ordered: OrderedDocument[] = [];
  for (const document of primary) {
    const versioned = !isOwnDocument(document) && (versionsOf.get(document.kind) ?? 1) > 1;
    ordered.push({
      document,
      label: `${document.title}${versioned ? `（第${document.version}版）` : ''}`,
      attachedTo: null,
    });
    for (const attached of attachments.get(document.id) ?? []) {
      ordered.push({
        document: attached,
        label: `${attached.title}（${served(referencesOf(attached))}）`,
        attachedTo: document,
      });
    }
  }
  for (const orphan of orphans) {
    const refs = referencesOf(orphan);
    ordered.push({
      document: orphan,
      label: refs.length > 0 ? `${orphan.title}（${served(refs)}）` : orphan.title,
      attachedTo: null,
    });
  }
  return ordered;
}

// ── page estimate ────────────────────────────────────────────────────────────

const LINES_PER_PAGE = 22;
const CHARS_PER_LINE = 28;
/** Height of one grid line on the GB/T 9704 type area (225 mm / 22 lines). */
const MM_PER_LINE = 225 / LINES_PER_PAGE;

function textLines(length: number, width = CHARS_PER_LINE): number {
  return Math.max(1, Math.ceil(length / Math.max(1, width)));
}

/** Estimated pages of a run of blocks on the GB/T 9704 grid (22 lines × 28 characters). */
export function estimatePages(blocks: readonly Block[]): number {
  let pages = 1;
  let lines = 0;
  const add = (n: number) => {
    lines += n;
    while (lines > LINES_PER_PAGE) {
      pages += 1;
      lines -= LINES_PER_PAGE;
    }
  };
  for (const block of blocks) {
    switch (block.kind) {
      case 'pageBreak':
        pages += 1;
        lines = 0;
        break;
      case 'blank':
        add(block.count);
        break;
      case 'title':
        add(2 * textLines(inlineToPlainText(block.text).length, 18));
        break;
      case 'signature':
        add(block.lines.length);
        break;
      case 'table': {
        const total = block.widths.reduce((a, b) => a + b, 0) || 1;
        for (const row of block.rows) {
          let column = 0;
          let height = 1;
          for (const cell of row.cells) {
            const share =
              block.widths.slice(column, column + cell.span).reduce((a, b) => a + b, 0) / total;
            column += cell.span;
            const segments = inlineToPlainText(cell.text).split('\n');
            const cellLines = segments.reduce(
              (sum, s) => sum + textLines(s.length, Math.floor(CHARS_PER_LINE * share) - 1),
              0,
            );
            height = Math.max(height, cellLines);
          }
          height = Math.max(height, Math.ceil((row.minHeightMm ?? 0) / MM_PER_LINE));
          add(height);
        }
        break;
      }
      default: {
        const text = 'text' in block ? inlineToPlainText(block.text) : '';
        add(text.split('\n').reduce((sum, s) => sum + textLines(s.length + 2), 0));
      }
    }
  }
  return pages;
}

// ── the volume ───────────────────────────────────────────────────────────────

/**
 * The same volume packs to the same bytes: the docx library stamps the time into the package and
 * its core properties, so both are set to the day the volume is compiled.
 */
async function fixedDocx(buffer: Buffer, compiledOn: LocalDate): Promise<Buffer> {
  const date = new Date(`${compiledOn}T00:00:00Z`);
  const source = await JSZip.loadAsync(buffer);
  const out = new JSZip();
  for (const [name, entry] of Object.entries(source.files)) {
    if (entry.dir) {
      continue;
    }
    let content: Buffer | string = await entry.async('nodebuffer');
    if (name === 'docProps/core.xml') {
      content = content
        .toString('utf8')
        .replace(
          /(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g,
          `$1${date.toISOString().replace(/\.\d{3}Z$/, 'Z')}$3`,
        );
    }
    out.file(name, content, { date, createFolders: false });
  }
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** The markup a stored document was rendered from, re-rendered with its own template text. */
async function storedMarkup(em: EntityManager, document: CaseDocument): Promise<string | null> {
  const stored = await em.findOne(DocumentTemplateVersion, { sha256: document.templateSha256 });
  const text =
    stored?.text ?? currentTemplates().find((t) => t.sha256 === document.templateSha256)?.text;
  if (!text) {
    return null;
  }
  return compileTemplate(text, document.templateName).render(document.model);
}

function placeholderMarkup(document: CaseDocument): string {
  return [
    `@title ${document.title}`,
    `@p[noindent] 本文书生成时所用的模板文本未保存，原件见案卷压缩包（SHA-256 ${document.sha256}）。`,
  ].join('\n');
}

export interface CaseFileVolume {
  buffer: Buffer;
  sha256: string;
  pageCount: number;
  entries: (CaseFileEntrySource & { file: string | null })[];
  text: string;
}

/**
 * Builds the volume for a case: cover, contents with pages, the documents in `ordered`, 备考表.
 * `files` maps a document id to its file name in the zip (printed nowhere, returned for the index).
 */
export async function buildCaseFileVolume(
  em: EntityManager,
  found: Case,
  ordered: readonly OrderedDocument[],
  options: { compiledOn: LocalDate; compiledBy: string; closedOn: LocalDate | null },
): Promise<CaseFileVolume> {
  const bodies: { entry: OrderedDocument; markup: string; pages: number }[] = [];
  for (const entry of ordered) {
    const markup = (await storedMarkup(em, entry.document)) ?? placeholderMarkup(entry.document);
    const pages = estimatePages(parseMarkup(markup, entry.document.templateName));
    bodies.push({ entry, markup, pages });
  }
  const coverPages = 1;
  // One contents page holds about 14 rows of the 6-column table.
  const contentsPages = Math.max(1, Math.ceil((ordered.length + 1) / 14));
  let next = coverPages + contentsPages + 1;
  const entries = bodies.map(({ entry, pages }) => {
    const firstPage = next;
    next += pages;
    const { document } = entry;
    const date = (document.model as { document?: { issuedOn?: string } }).document?.issuedOn;
    return {
      title: entry.label,
      number: document.number,
      date: (date ?? toLocalDate(document.createdAt)) as LocalDate,
      firstPage,
      lastPage: firstPage + pages - 1,
      note: null,
      file: null,
    };
  });
  const remarksPage = next;
  const pageCount = remarksPage;
  const base = await buildCaseDocumentSource(
    em,
    found,
    { number: null, issuedOn: options.compiledOn },
    {},
  );
  const corrected = ordered.filter((o) => o.document.kind === 'CORRECTION_NOTICE').length;
  const source: CaseDocumentSource = {
    ...base,
    caseFile: {
      closedOn: options.closedOn,
      result: CASE_STATUS_NAMES[found.status],
      retention: '长期',
      entries: entries.map(({ file: _file, ...entry }) => entry),
      pageCount,
      remarks: [
        `本卷共收入文书${ordered.length}份，按办案程序排列；每份文书的原件（.docx）及其 SHA-256 见案卷压缩包。`,
        corrected > 0
          ? `其中补正（更正）通知书${corrected}份，被补正（更正）的原文书一并保留。`
          : '',
        '页号为按公文版式（每页22行、每行28字）估算的页号。',
      ].join(''),
      compiledBy: options.compiledBy,
      checkedBy: null,
      compiledOn: options.compiledOn,
    },
  };
  const sheets = await Promise.all(
    (['CASE_FILE_COVER', 'CASE_FILE_CONTENTS', 'CASE_FILE_REMARKS'] as const).map((kind) =>
      renderCaseDocument(kind, source),
    ),
  );
  const [cover, contents, remarks] = sheets.map((s) => s.markup);
  // A transcript's per-page signature line (@pagesign) belongs to its own sheets, not to the
  // whole volume: the volume keeps each document's signing block and drops the footer line.
  const withoutPageSignature = (text: string) =>
    text
      .split('\n')
      .filter((line) => !line.startsWith('@pagesign'))
      .join('\n');
  const markup = [
    cover,
    contents,
    ...bodies.map((b) => withoutPageSignature(b.markup)),
    remarks,
  ].join('\n@pagebreak\n');
  const blocks = parseMarkup(markup, 'case-file-volume');
  const buffer = await fixedDocx(
    await renderDocx(blocks, { title: `${found.number} 案卷`, creator: base.office.name }),
    options.compiledOn,
  );
  return {
    buffer,
    sha256: createHash('sha256').update(buffer).digest('hex'),
    pageCount,
    entries,
    text: blocks
      .map((b) => ('text' in b ? inlineToPlainText(b.text) : ''))
      .filter(Boolean)
      .join('\n'),
  };
}
