import type { EntityManager } from '@mikro-orm/postgresql';
import { sha256Hex } from '../../audit/hash-chain.js';
import type { Actor } from '../../auth/context.js';
import { documentDefinition, loadTemplate } from '../../documents/document-registry.js';
import { isDocumentError } from '../../documents/document-errors.js';
import { renderDocument } from '../../documents/render-document.js';
import { CaseDocument } from '../../entities/case-document.entity.js';
import type { Case } from '../../entities/case.entity.js';
import { DocumentTemplateVersion } from '../../entities/document-template-version.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { ServiceRecord } from '../../entities/service-record.entity.js';
import { DomainError, ValidationError } from '../../errors/domain-error.js';
import type { DocumentKind } from '../../procedure/effects.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { apl, type LegalBasis } from '../../procedure/legal-basis.js';

/**
 * Rules of the document store, not of the procedure engine (no step decides them): a served
 * document binds as served (APL art. 61); a later text is a 补正/更正 with a notice, approved by
 * the head, the original kept. Status D: data integrity and office practice (SAMR 2021 有关事项审批表).
 */
export const CORRECTION_RULES = {
  SERVED_DOCUMENT_CORRECTION_ONLY: {
    message: '已送达的文书不得重新生成，只能经负责人批准以补正（更正）通知书更正',
    legalBasis: [apl(61)] as LegalBasis[],
    status: 'D',
  },
  CORRECTION_APPROVER_NOT_HEAD: {
    message: '补正（更正）文书须经本机关负责人批准',
    legalBasis: [apl(61)] as LegalBasis[],
    status: 'D',
  },
} as const;
import { readsFor, type DocumentReads } from './document-reads.js';
import { generateCaseDocument } from './generate-case-document.js';
import { recordTemplateVersion } from './template-store.js';

/** One change of a correction: a path of the document's view model and its new text. */
export interface DocumentChange {
  /** e.g. party.address, decision.facts.0 */
  path: string;
  value: string;
  /** What the notice calls it (事项), e.g. 当事人住所; defaults to the path. */
  item?: string | null;
}

export interface CorrectDocumentInput {
  documentId: string;
  reason: string;
  approverId: string;
  kind: 'SUPPLEMENT' | 'CORRECTION';
  changes: readonly DocumentChange[];
}

/**
 * Whether a document of this kind was served on the party (a service record names it); from
 * `reads` when the caller read them up front (generateDocument).
 */
export async function isKindServed(
  em: EntityManager,
  found: Case,
  kind: DocumentKind,
  reads?: DocumentReads,
): Promise<boolean> {
  const prefetched = readsFor(reads, found.id, kind)?.servedDocuments;
  if (prefetched) {
    return prefetched.some((documents) => documents.some((d) => d.kind === kind));
  }
  const records = await em.find(ServiceRecord, { case: found }, { fields: ['documents'] });
  return records.some((r) => r.documents.some((d) => d.kind === kind));
}

/**
 * Whether an earlier version of this document was served: for a letter made for one party of
 * several, an earlier letter of its kind for that party served on them; else any of its kind.
 */
export async function isEarlierVersionServed(
  em: EntityManager,
  found: Case,
  document: Pick<CaseDocument, 'kind' | 'version' | 'partyId'>,
): Promise<boolean> {
  if (document.partyId === null) {
    return document.version > 1 && (await isKindServed(em, found, document.kind));
  }
  const earlier = await em.count(CaseDocument, {
    case: found,
    kind: document.kind,
    partyId: document.partyId,
    version: { $lt: document.version },
  });
  if (earlier === 0) {
    return false;
  }
  const records = await em.find(
    ServiceRecord,
    { case: found, party: document.partyId },
    { fields: ['documents'] },
  );
  return records.some((r) => r.documents.some((d) => d.kind === document.kind));
}

/** generateDocument's guard: a served document is corrected, never regenerated. */
export async function assertNotServed(
  em: EntityManager,
  found: Case,
  kind: DocumentKind,
  reads?: DocumentReads,
): Promise<void> {
  if (await isKindServed(em, found, kind, reads)) {
    const rule = CORRECTION_RULES.SERVED_DOCUMENT_CORRECTION_ONLY;
    throw new DomainError(
      'SERVED_DOCUMENT_CORRECTION_ONLY',
      'BAD_USER_INPUT',
      `《${documentDefinition(kind).title}》已经送达，${rule.message}（correctDocument）`,
      { kind, rule: 'SERVED_DOCUMENT_CORRECTION_ONLY', status: rule.status },
      rule.legalBasis,
    );
  }
}

/**
 * In a case with several parties the steps make the notice and the decision letter once per party
 * (APL arts. 44, 61). A case-wide version from generateDocument would name every party and
 * supersede each party's own letter, so it is refused: a party's letter is corrected through
 * correctDocument.
 */
export async function assertNotMadePerParty(
  em: EntityManager,
  found: Case,
  kind: DocumentKind,
): Promise<void> {
  // One party: every document is the case's (no statement spent on it).
  if (found.parties.isInitialized() && found.parties.length < 2) {
    return;
  }
  const perParty = await em.count(CaseDocument, { case: found, kind, partyId: { $ne: null } });
  if (perParty > 0) {
    throw ValidationError.field(
      'DOCUMENT_MADE_PER_PARTY',
      'kind',
      `本案《${documentDefinition(kind).title}》按当事人分别制作，不能按案件生成；补正某一当事人的文书请使用 correctDocument`,
      { kind, documents: perParty },
    );
  }
}

const SEGMENT = /^(?:[A-Za-z_][A-Za-z0-9_]*|\d+)$/;

/** Reads and replaces a leaf of the stored model; only existing text or number leaves change. */
function applyChange(model: unknown, change: DocumentChange, index: number): string {
  const field = `changes[${index}].path`;
  const segments = change.path.split('.');
  if (segments.length === 0 || !segments.every((s) => SEGMENT.test(s))) {
    throw ValidationError.field('INVALID_PATH', field, `路径格式不正确：${change.path}`);
  }
  let node = model as Record<string, unknown>;
  for (const segment of segments.slice(0, -1)) {
    const next = node?.[segment];
    if (next === null || typeof next !== 'object') {
      throw ValidationError.field(
        'PATH_NOT_IN_DOCUMENT',
        field,
        `文书中没有该内容：${change.path}`,
      );
    }
    node = next as Record<string, unknown>;
  }
  const leaf = segments.at(-1)!;
  const before = node[leaf];
  if (typeof before !== 'string' && typeof before !== 'number') {
    throw ValidationError.field(
      'PATH_NOT_IN_DOCUMENT',
      field,
      `文书中没有可更正的文字：${change.path}`,
    );
  }
  if (String(before) === change.value) {
    throw ValidationError.field(
      'CHANGE_IS_NO_CHANGE',
      `changes[${index}].value`,
      '更正后的内容与原内容相同',
    );
  }
  node[leaf] =
    typeof before === 'number' && /^-?\d+(\.\d+)?$/.test(change.value)
      ? Number(change.value)
      : change.value;
  return String(before);
}

export interface CorrectionResult {
  original: CaseDocument;
  corrected: CaseDocument;
  notice: CaseDocument;
  changes: { item: string; path: string; before: string; after: string }[];
}

/**
 * 补正/更正 without overwriting: the stored original stays; a new version of the same kind keeps
 * its number and differs exactly in the named model paths (rendered with the template text the
 * original used), and a 补正（更正）通知书 says what changed, why, and who approved it.
 */
export async function correctCaseDocument(
  em: EntityManager,
  actor: Actor,
  found: Case,
  original: CaseDocument,
  input: CorrectDocumentInput,
  today: LocalDate,
): Promise<CorrectionResult> {
  if (input.changes.length === 0) {
    throw ValidationError.field('FIELD_REQUIRED', 'changes', '须载明补正（更正）的内容');
  }
  // A letter made for one party of several is superseded only by a newer one for that party.
  const newer = await em.count(CaseDocument, {
    case: found,
    kind: original.kind,
    version: { $gt: original.version },
    ...(original.partyId !== null ? { partyId: { $in: [original.partyId, null] } } : {}),
  });
  if (newer > 0) {
    throw ValidationError.field(
      'DOCUMENT_SUPERSEDED',
      'documentId',
      '该文书已有更新的版本，应当补正（更正）最新版本',
      { kind: original.kind, version: original.version },
    );
  }
  const approver = await em.findOne(Officer, { id: input.approverId });
  if (!approver || !approver.roles.includes('OFFICE_HEAD')) {
    const rule = CORRECTION_RULES.CORRECTION_APPROVER_NOT_HEAD;
    throw new DomainError(
      'CORRECTION_APPROVER_NOT_HEAD',
      'BAD_USER_INPUT',
      rule.message,
      { approverId: input.approverId, status: rule.status },
      rule.legalBasis,
    );
  }
  const definition = documentDefinition(original.kind);
  const model = structuredClone(original.model) as Record<string, unknown>;
  const changes = input.changes.map((change, index) => ({
    item: change.item?.trim() || change.path,
    path: change.path,
    before: applyChange(model, change, index),
    after: change.value,
  }));
  const stored = await em.findOne(DocumentTemplateVersion, { sha256: original.templateSha256 });
  const templateSource = stored?.text ?? loadTemplate(original.kind);
  let rendered;
  try {
    rendered = await renderDocument({
      templateSource,
      templateName: original.templateName,
      model,
      options: {
        mandatoryElements: definition.mandatoryElementsFor(model),
        title: original.title,
        creator: (model.office as { name?: string } | undefined)?.name,
      },
    });
  } catch (error) {
    if (isDocumentError(error)) {
      throw new DomainError(
        'DOCUMENT_INCOMPLETE',
        'BAD_USER_INPUT',
        `无法补正（更正）《${definition.title}》：${error.message}`,
        { kind: original.kind, documentError: error.code, ...(error.details as object) },
      );
    }
    throw error;
  }
  await recordTemplateVersion(em, {
    sha256: rendered.templateSha256,
    name: definition.templateFile,
    version: stored?.version ?? definition.version,
    text: templateSource,
  });
  // Versions count per kind of the case (another party's letter may hold the next one).
  const latest = await em.findOne(
    CaseDocument,
    { case: found, kind: original.kind },
    { orderBy: { version: 'desc' }, fields: ['version'] },
  );
  const corrected = em.create(CaseDocument, {
    case: found,
    kind: original.kind,
    title: original.title,
    version: Math.max(original.version, latest?.version ?? 0) + 1,
    number: original.number,
    partyId: original.partyId,
    templateName: original.templateName,
    templateSha256: rendered.templateSha256,
    model,
    content: rendered.buffer,
    sha256: sha256Hex(rendered.buffer),
    sizeBytes: rendered.buffer.length,
    createdBy: actor.officerId,
  });
  const originalIssuedOn =
    (original.model as { document?: { issuedOn?: LocalDate } }).document?.issuedOn ?? today;
  const notice = await generateCaseDocument(em, actor, found, 'CORRECTION_NOTICE', today, {
    correction: {
      corrected: {
        title: original.title,
        number: original.number,
        version: original.version,
        issuedOn: originalIssuedOn,
      },
      newVersion: corrected.version,
      kind: input.kind,
      reason: input.reason,
      approver: approver.name,
      changes: changes.map(({ item, before, after }) => ({ item, before, after })),
    },
  });
  return { original, corrected, notice, changes };
}
