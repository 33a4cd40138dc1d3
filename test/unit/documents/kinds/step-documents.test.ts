// The documents steps declare due and the officer completes with generateDocument: each renders
// from its own section, refuses without it (naming it) and refuses a mandatory field left empty.
import { describe, expect, it } from 'vitest';
import {
  renderCaseDocument,
  DOCUMENT_REGISTRY,
} from '../../../../src/documents/document-registry.js';
import { DOCUMENT_NUMBER_CODES } from '../../../../src/documents/numbering.js';
import { isRequiredForClosure } from '../../../../src/procedure/document-production.js';
import type { DocumentKind } from '../../../../src/procedure/effects.js';
import { readDocx } from '../docx-reader.js';

/** Kind, its section, a mandatory field of the section, a phrase the document must print. */
const STEP_DOCUMENTS: readonly (readonly [DocumentKind, string, string, string])[] = [
  [
    'NOT_DOCKETED_NOTICE_TO_TRANSFERRING_AUTHORITY',
    'transferNotDocketed',
    'reasons',
    '决定不予立案',
  ],
  ['SEIZED_ITEMS_TRANSFER_NOTICE', 'seizedItemsTransfer', 'receivingAuthority', '一并移送'],
  ['DESIGNATED_JURISDICTION_REQUEST', 'designatedJurisdiction', 'dispute', '妥否，请批示'],
  ['RECUSAL_APPLICATION_RECORD', 'recusalApplication', 'grounds', '申请回避的理由'],
  ['EVIDENCE_COLLECTION_RECORD', 'evidenceCollection', 'providedBy', '证据提供人签名'],
  ['LEGAL_REVIEW_REQUEST', 'legalReviewRequest', 'proposal', '拟处理意见'],
  ['TIME_LIMIT_EXTENSION_APPROVAL', 'timeLimitExtension', 'reason', '延长理由'],
  ['SUSPENSION_APPROVAL', 'suspensionApproval', 'ground', '中止调查的理由'],
  ['RESUMPTION_APPROVAL', 'resumptionApproval', 'groundEliminated', '中止情形消除的情况'],
  ['ON_THE_SPOT_FILING_RECORD', 'onTheSpotFiling', 'penalty', '报本机关备案'],
];

describe.each(STEP_DOCUMENTS)('%s', (kind, section, field, phrase) => {
  const definition = DOCUMENT_REGISTRY.get(kind)!;
  const sample = definition.sampleInput as unknown as Record<string, Record<string, unknown>>;

  it('renders its sample, and is required before closure', async () => {
    const rendered = await renderCaseDocument(kind, definition.sampleInput);
    const text = (await readDocx(rendered.buffer)).rawText;
    expect(text).toContain(phrase);
    expect(text).toContain(String(sample[section]![field]));
    expect(isRequiredForClosure(kind)).toBe(true);
  });

  it(`refuses without its section \`${section}\`, naming it`, async () => {
    await expect(
      renderCaseDocument(kind, { ...definition.sampleInput, [section]: null }),
    ).rejects.toMatchObject({ details: { missing: [{ path: section }] } });
  });

  it(`refuses an empty \`${field}\``, async () => {
    await expect(
      renderCaseDocument(kind, {
        ...definition.sampleInput,
        [section]: { ...sample[section], [field]: '' },
      }),
    ).rejects.toSatisfy(
      (error: { code?: string }) =>
        error.code === 'DOCUMENT_MANDATORY_ELEMENTS_MISSING' ||
        error.code === 'TEMPLATE_FIELD_MISSING',
    );
  });

  it('outgoing letters are numbered and sealed; internal forms and records are not', () => {
    expect(DOCUMENT_NUMBER_CODES[kind] !== undefined).toBe(definition.sealed);
  });
});
