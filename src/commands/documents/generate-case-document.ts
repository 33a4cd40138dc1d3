import { wrap } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { sha256Hex } from '../../audit/hash-chain.js';
import type { Actor } from '../../auth/context.js';
import { CaseDocument } from '../../entities/case-document.entity.js';
import type { Case } from '../../entities/case.entity.js';
import {
  documentDefinition,
  isRegisteredDocumentKind,
  loadTemplate,
  renderCaseDocument,
} from '../../documents/document-registry.js';
import { recordTemplateVersion } from './template-store.js';
import { isDocumentError } from '../../documents/document-errors.js';
import { DOCUMENT_NUMBER_CODES, formatDocumentNumber } from '../../documents/numbering.js';
import { DomainError } from '../../errors/domain-error.js';
import { DOCUMENT_KINDS, type DocumentKind } from '../../procedure/effects.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { takeNextNumber } from '../procedure/number-sequence.js';
import {
  PREVIEW_BANNER,
  PREVIEW_NUMBER,
  rehearsalOf,
  toDocumentPreview,
  type DocumentPreview,
} from '../procedure/rehearsal.js';
import { buildCaseDocumentSource, type DocumentSections } from './build-document-source.js';
import { readsFor, type DocumentReads } from './document-reads.js';
import type { CompulsoryMeasureOnSiteFacts } from '../../procedure/action-inputs.js';
import { COMPULSORY_MEASURE_BASIS_CITATIONS } from '../../procedure/compulsory-measure-basis.js';
import { formatCitation } from '../../procedure/legal-basis.js';
import { fulfilPendingDocument } from './pending-documents.js';
import { recordedSections, withRecordedSections } from './recorded-sections.js';

export function assertDocumentKind(kind: string): DocumentKind {
  if (!(DOCUMENT_KINDS as readonly string[]).includes(kind)) {
    throw new DomainError('DOCUMENT_KIND_UNKNOWN', 'BAD_USER_INPUT', `未知的文书种类：${kind}`, {
      kind,
    });
  }
  if (!isRegisteredDocumentKind(kind as DocumentKind)) {
    throw new DomainError(
      'DOCUMENT_TEMPLATE_MISSING',
      'BAD_USER_INPUT',
      `文书种类 ${kind} 尚无模板`,
      { kind },
    );
  }
  return kind as DocumentKind;
}

/**
 * Generates one document in the caller's transaction: takes the next number of
 * the office's gapless series for that kind and year (given back on rollback),
 * renders strictly (a missing field refuses the whole step, naming it), and
 * stores the bytes with their SHA-256 as a new version.
 *
 * In a dry run (rehearsal) nothing is numbered: the document is rendered with
 * the number 〔预览〕 and the preview banner, collected as a preview, and the row
 * (rolled back with the rehearsal) keeps no number.
 */
export async function generateCaseDocument(
  em: EntityManager,
  actor: Actor,
  found: Case,
  kind: DocumentKind,
  issuedOn: LocalDate,
  sections: DocumentSections | ((number: string | null) => DocumentSections),
  options: {
    /** A corrected version keeps the number of the document it corrects (补正/更正). */
    keepNumber?: string | null;
    /** The party a document made for each party of several is addressed to (APL arts. 44, 61). */
    partyId?: string;
    /**
     * The reads of this case and kind done up front (generateDocument): evidence, latest
     * version and pending entry are taken from them instead of the database.
     */
    reads?: DocumentReads;
    /**
     * false: the document is not persisted through the unit of work; the caller writes it and
     * the entry it fulfils itself (generateDocument: storeGeneratedDocument, one statement).
     */
    persist?: boolean;
  } = {},
): Promise<CaseDocument> {
  const rehearsal = rehearsalOf(em);
  const reads = readsFor(options.reads, found.id, kind);
  const { definition, number, rendered, templateSource } = await renderForCase(
    em,
    found,
    kind,
    issuedOn,
    sections,
    rehearsal !== undefined,
    options.keepNumber,
    reads,
  );
  if (rehearsal) {
    rehearsal.previews.push(toDocumentPreview(kind, rendered.title, rendered.buffer));
  }
  await recordTemplateVersion(em, {
    sha256: rendered.templateSha256,
    name: definition.templateFile,
    version: definition.version,
    text: templateSource,
  });
  const latestVersion =
    reads?.latestVersion ??
    (
      await em.findOne(
        CaseDocument,
        { case: found, kind },
        { orderBy: { version: 'desc' }, fields: ['version'] },
      )
    )?.version ??
    0;
  const document = em.create(
    CaseDocument,
    {
      case: found,
      kind,
      version: latestVersion + 1,
      number: rehearsal ? null : number,
      partyId: options.partyId ?? null,
      ...storedRendering(definition, rendered, actor.officerId),
    },
    { persist: options.persist ?? true },
  );
  // Whoever produces it (a step, generateDocument, correctDocument), it fulfils a pending entry.
  await fulfilPendingDocument(em, found, document, reads);
  return document;
}

/**
 * The unnumbered preview of an on-demand document (previewDocument): the same
 * source and strict rendering as generateDocument, but no number is taken and
 * nothing is stored.
 */
export async function previewCaseDocument(
  em: EntityManager,
  found: Case,
  kind: DocumentKind,
  issuedOn: LocalDate,
  sections: DocumentSections,
): Promise<DocumentPreview> {
  const { rendered } = await renderForCase(em, found, kind, issuedOn, sections, true);
  return toDocumentPreview(kind, rendered.title, rendered.buffer);
}

/**
 * The seizure decision states the statutory basis recorded with the measure (Compulsion Law
 * art. 24(2)(2); PIPL art. 63(1)(4)) first, whatever the sections cite besides; the custody place
 * and custodian (art. 26) and the on-site procedure (art. 18 items (4)-(9)) as recorded.
 */
function withRecordedSeizureBasis(
  found: Case,
  kind: DocumentKind,
  sections: DocumentSections,
): DocumentSections {
  const measure = found.procedureRecord?.compulsoryMeasures.at(-1);
  if (kind !== 'SEIZURE_DECISION_AND_LIST' || !sections.seizure || !measure) {
    return sections;
  }
  const basis = measure.basis;
  const statutory = basis ? COMPULSORY_MEASURE_BASIS_CITATIONS[basis] : undefined;
  const others = (sections.seizure.basis ?? []).filter(
    (b) => !statutory || formatCitation(b) !== formatCitation(statutory),
  );
  const onSite = measure.onSite
    ? onSiteSentence(measure.onSite, measure.kind === 'SEALING' ? '查封' : '扣押')
    : undefined;
  return {
    ...sections,
    seizure: {
      ...sections.seizure,
      basis: statutory ? [statutory, ...others] : others,
      ...(measure.custody
        ? { custody: `${measure.custody.custodian}在${measure.custody.place}` }
        : {}),
      ...(onSite ? { onSite } : {}),
    },
  };
}

/** Compulsion Law art. 18 items (4)-(9) as the decision recites them. */
function onSiteSentence(f: CompulsoryMeasureOnSiteFacts, measureName: string): string {
  if (!f.partyPresent) {
    return `实施时已通知当事人到场，当事人未到场，本机关邀请见证人${f.witness ?? ''}到场，由见证人和执法人员在现场笔录上签名。`;
  }
  const signed = f.partySigned ? '由当事人和执法人员签名' : '当事人拒绝签名，已在笔录中注明';
  return `实施时已通知当事人到场，当场告知了采取${measureName}的理由、依据以及当事人依法享有的权利、救济途径，听取了当事人的陈述和申辩，制作了现场笔录，${signed}。`;
}

/** What a stored document keeps of its rendering: a case's document or an interview's. */
export function storedRendering(
  definition: { readonly templateFile: string; readonly version: string },
  rendered: { title: string; templateSha256: string; model: object; buffer: Buffer },
  createdBy: string,
) {
  return {
    title: rendered.title,
    templateName: `${definition.templateFile}@${definition.version}`,
    templateSha256: rendered.templateSha256,
    model: rendered.model,
    content: rendered.buffer,
    sha256: sha256Hex(rendered.buffer),
    sizeBytes: rendered.buffer.length,
    createdBy,
  };
}

/** The series' next number: taken with the reads up front (generateDocument), or now. */
async function nextSerial(
  em: EntityManager,
  officeId: string,
  year: number,
  series: string,
  reads: DocumentReads | undefined,
): Promise<number> {
  const taken = reads?.serial;
  if (!taken) {
    return takeNextNumber(em, officeId, year, series);
  }
  if (taken.officeId !== officeId || taken.year !== year || taken.series !== series) {
    throw new Error(
      `number of ${taken.series} ${taken.year} (office ${taken.officeId}) taken for ${series} ${year} (office ${officeId})`,
    );
  }
  return taken.value;
}

async function renderForCase(
  em: EntityManager,
  found: Case,
  kind: DocumentKind,
  issuedOn: LocalDate,
  sections: DocumentSections | ((number: string | null) => DocumentSections),
  preview: boolean,
  keepNumber?: string | null,
  reads?: DocumentReads,
) {
  const definition = documentDefinition(kind);
  if (!wrap(found.office).isInitialized()) {
    await em.populate(found, ['office']);
  }
  const code = DOCUMENT_NUMBER_CODES[kind];
  const year = Number(issuedOn.slice(0, 4));
  const number =
    keepNumber !== undefined
      ? keepNumber
      : !code
        ? null
        : preview
          ? PREVIEW_NUMBER
          : formatDocumentNumber(found.office.documentNumberFormat, {
              shortName: found.office.shortName,
              code,
              year,
              serial: await nextSerial(em, found.office.id, year, `DOCUMENT:${code}`, reads),
            });
  const given = withRecordedSeizureBasis(
    found,
    kind,
    typeof sections === 'function' ? sections(number) : sections,
  );
  // What the step that made it due recorded is filled in; the caller's sections complete it.
  const source = await buildCaseDocumentSource(
    em,
    found,
    { number, issuedOn },
    withRecordedSections(await recordedSections(em, found, kind), given),
    reads,
  );
  const templateSource = loadTemplate(kind);
  try {
    const rendered = await renderCaseDocument(
      kind,
      source,
      templateSource,
      preview ? { previewBanner: PREVIEW_BANNER } : {},
    );
    return { definition, number, rendered, templateSource };
  } catch (error) {
    if (isDocumentError(error)) {
      throw new DomainError(
        'DOCUMENT_INCOMPLETE',
        'BAD_USER_INPUT',
        `无法生成《${definition.title}》：${error.message}`,
        {
          kind,
          documentError: error.code,
          ...(error.details as object),
        },
      );
    }
    throw error;
  }
}
