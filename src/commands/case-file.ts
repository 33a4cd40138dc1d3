import type { EntityManager } from '@mikro-orm/postgresql';
import JSZip from 'jszip';
import { sha256Hex } from '../audit/hash-chain.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import type { Case } from '../entities/case.entity.js';
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
}

/**
 * 案卷: what an archive or a court receives — every document (each with its
 * SHA-256 and version), an index in order, and the 全过程记录 with the result
 * of re-verifying its hash chain. Deterministic timestamps, so the same case
 * file zips to the same bytes.
 */
export async function exportCaseFile(em: EntityManager, found: Case): Promise<CaseFileExport> {
  await em.populate(found, ['office', 'parties']);
  const documents = await em.find(
    CaseDocument,
    { case: found },
    { orderBy: { createdAt: 'asc', id: 'asc' }, populate: ['content'] },
  );
  const integrity = await caseFileIntegrity(em, found.id);
  const { verification, events } = integrity.audit;
  const documentIntegrity = new Map(integrity.audit.documents.map((d) => [d.documentId, d]));
  const zip = new JSZip();
  const fixedDate = new Date('2000-01-01T00:00:00Z');
  const index = documents.map((document, i) => {
    const name = `documents/${String(i + 1).padStart(3, '0')}-${document.title}${document.number ? `-${document.number}` : ''}-v${document.version}.docx`;
    zip.file(name, document.content, { date: fixedDate, createFolders: false });
    return {
      order: i + 1,
      file: name,
      kind: document.kind,
      title: document.title,
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
  };
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
          `${String(d.order).padStart(3, ' ')}. ${d.title}${d.number ? ` ${d.number}` : ''}（第${d.version}版）\n     ${d.file}\n     SHA-256 ${d.sha256}${d.integrity === 'INTACT' ? '' : `\n     ${documentIntegrityNote(documentIntegrity.get(documents[d.order - 1]!.id))}`}`,
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
  };
}
