import type { EntityManager } from '@mikro-orm/postgresql';
import JSZip from 'jszip';
import { sha256Hex } from '../audit/hash-chain.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import type { Case } from '../entities/case.entity.js';
import { convertDocxToPdf } from '../documents/pdf.js';
import { toLocalDate, type LocalDate } from '../procedure/local-date.js';
import {
  buildCaseFileVolume,
  loadProcedurePositions,
  orderCaseFileDocuments,
} from './case-file-volume.js';
import {
  addIntegrityFiles,
  caseFileIntegrity,
  chainSummary,
  documentIntegrityNote,
} from './case-file-integrity.js';

export interface CaseFileExport {
  fileName: string;
  content: Buffer;
  sha256: string;
  documentCount: number;
  auditChainIntact: boolean;
  /** The one-volume 案卷 (cover, contents with pages, documents in order, 备考表). */
  volume: { file: string; sha256: string; pageCount: number; pdf: string | null };
}

export interface CaseFileExportOptions {
  /**
   * Also convert the volume to PDF (needs LibreOffice). Off by default: the PDF carries its
   * conversion time, and the zip is otherwise the same bytes for the same case file.
   */
  volumePdf?: boolean;
  /** The day the volume is compiled (立卷时间); defaults to today. */
  compiledOn?: LocalDate;
  compiledBy?: string;
}

/**
 * 案卷: what an archive or a court receives — every document (each with its
 * SHA-256 and version), an index in order, and the 全过程记录 with the result
 * of re-verifying its hash chain. Deterministic timestamps, so the same case
 * file zips to the same bytes.
 */
export async function exportCaseFile(
  em: EntityManager,
  found: Case,
  options: CaseFileExportOptions = {},
): Promise<CaseFileExport> {
  await em.populate(found, ['office', 'parties', 'handlers']);
  const stored = await em.find(
    CaseDocument,
    { case: found },
    { orderBy: { createdAt: 'asc', id: 'asc' }, populate: ['content'] },
  );
  // Procedural order (the steps', not generation time); receipts and notices follow their document.
  const ordered = orderCaseFileDocuments(stored, await loadProcedurePositions(em, found));
  const documents = ordered.map((o) => o.document);
  const integrity = await caseFileIntegrity(em, found.id);
  const { verification, events } = integrity.audit;
  const documentIntegrity = new Map(integrity.audit.documents.map((d) => [d.documentId, d]));
  const zip = new JSZip();
  const fixedDate = new Date('2000-01-01T00:00:00Z');
  // 立卷时间: the day of the last document, so the same case file packs to the same bytes.
  const compiledOn =
    options.compiledOn ??
    toLocalDate(new Date(Math.max(0, ...stored.map((d) => d.createdAt.getTime())) || Date.now()));
  const volume = await buildCaseFileVolume(em, found, ordered, {
    compiledOn,
    compiledBy: options.compiledBy ?? found.handlers.getItems()[0]?.name ?? '',
    closedOn: found.closedOn ?? null,
  });
  const index = ordered.map(({ document, label }, i) => {
    const name = `documents/${String(i + 1).padStart(3, '0')}-${document.title}${document.number ? `-${document.number}` : ''}-v${document.version}.docx`;
    zip.file(name, document.content, { date: fixedDate, createFolders: false });
    return {
      order: i + 1,
      file: name,
      kind: document.kind,
      title: document.title,
      label,
      pages: `${volume.entries[i]!.firstPage}-${volume.entries[i]!.lastPage}`,
      number: document.number,
      version: document.version,
      sha256: document.sha256,
      generatedAt: document.createdAt.toISOString(),
      template: `${document.templateName} (${document.templateSha256})`,
      integrity: documentIntegrity.get(document.id)?.failure ?? 'INTACT',
    };
  });
  const header = {
    case: {
      id: found.id,
      number: found.number,
      title: found.title,
      status: found.status,
      office: found.office.name,
    },
    parties: found.parties.getItems().map((p) => p.name),
    exportedDocuments: documents.length,
    auditChain: verification,
    volume: { file: 'volume.docx', sha256: volume.sha256, pageCount: volume.pageCount },
  };
  zip.file('volume.docx', volume.buffer, { date: fixedDate, createFolders: false });
  let volumePdf: string | null = null;
  if (options.volumePdf) {
    zip.file('volume.pdf', await convertDocxToPdf(volume.buffer), {
      date: fixedDate,
      createFolders: false,
    });
    volumePdf = 'volume.pdf';
  }
  zip.file('index.json', JSON.stringify({ ...header, documents: index }, null, 2), {
    date: fixedDate,
  });
  zip.file(
    'index.txt',
    [
      `${found.number} ${found.title}（${found.office.name}）`,
      chainSummary(verification),
      '',
      ...index.map(
        (d) =>
          `${String(d.order).padStart(3, ' ')}. ${d.label}${d.number ? ` ${d.number}` : ''}\u3000第${d.pages}页\n     ${d.file}\n     SHA-256 ${d.sha256}${d.integrity === 'INTACT' ? '' : `\n     ${documentIntegrityNote(documentIntegrity.get(documents[d.order - 1]!.id))}`}`,
      ),
    ].join('\n') + '\n',
    { date: fixedDate, createFolders: false },
  );
  zip.file(
    'audit-trail.json',
    JSON.stringify(
      {
        verification,
        events: events.map((e) => ({
          ...e.toChainContent(),
          hash: e.hash,
        })),
      },
      null,
      2,
    ),
    { date: fixedDate, createFolders: false },
  );
  addIntegrityFiles(zip, integrity, { date: fixedDate, createFolders: false });
  const content = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
  return {
    fileName: `${found.number}-案卷.zip`,
    content,
    sha256: sha256Hex(content),
    documentCount: documents.length,
    auditChainIntact: integrity.intact,
    volume: {
      file: 'volume.docx',
      sha256: volume.sha256,
      pageCount: volume.pageCount,
      pdf: volumePdf,
    },
  };
}
