/**
 * Documents as effects (APL art. 47: the whole procedure recorded and archived): what a step
 * leaves pending, which pending documents hold up closure, and the closeCase refusal.
 */
import { describe, expect, it } from 'vitest';
import { DOCUMENT_REGISTRY } from '../../../src/documents/document-registry.js';
import type { CloseCaseInput } from '../../../src/procedure/action-inputs.js';
import { decide } from '../../../src/procedure/decide.js';
import {
  NOT_REQUIRED_FOR_CLOSURE,
  pendingAfterStep,
  STEP_PRODUCED_DOCUMENTS,
  type PendingDocumentRecord,
} from '../../../src/procedure/document-production.js';
import { documentDue, stopDeadline, type DocumentKind } from '../../../src/procedure/effects.js';
import { formatCitation } from '../../../src/procedure/legal-basis.js';
import { PROCEDURE_ACTIONS } from '../../../src/procedure/procedure-action.js';
import { TRANSITIONS } from '../../../src/procedure/transitions.js';
import {
  codesOf,
  CONTEXT,
  d,
  executionSnapshot,
  HEAD,
  headApproval,
} from './procedure-fixtures.js';

const title = (kind: DocumentKind) => DOCUMENT_REGISTRY.get(kind)?.title ?? kind;

const declaredDue = new Set<DocumentKind>(
  PROCEDURE_ACTIONS.flatMap((action) =>
    TRANSITIONS[action].outcomes.flatMap((o) =>
      o.effects.flatMap((e) => (e.kind === 'DOCUMENT_DUE' ? [e.document] : [])),
    ),
  ),
);

describe('what a step leaves pending', () => {
  it('each declared kind the step did not produce, once, dated by the act', () => {
    const effects = [
      stopDeadline('STATEMENT'),
      documentDue('PENALTY_DECISION'),
      documentDue('NO_PENALTY_DECISION'),
      documentDue('PENALTY_DECISION'),
    ];
    expect(
      pendingAfterStep('decideCase', effects, ['PENALTY_DECISION'], d('2025-10-15'), title),
    ).toEqual([
      {
        kind: 'NO_PENALTY_DECISION',
        title: '不予行政处罚决定书',
        dueBy: 'decideCase',
        since: '2025-10-15',
        required: true,
      },
    ]);
    expect(
      pendingAfterStep(
        'recordEvidence',
        [documentDue('EVIDENCE_COLLECTION_RECORD')],
        [],
        d('2025-09-10'),
        title,
      ),
    ).toMatchObject([{ kind: 'EVIDENCE_COLLECTION_RECORD', title: '证据提取单', required: true }]);
    expect(
      pendingAfterStep(
        'waiveRights',
        [documentDue('RIGHTS_WAIVER_STATEMENT')],
        [],
        d('2025-10-10'),
        title,
      ),
    ).toMatchObject([{ kind: 'RIGHTS_WAIVER_STATEMENT', required: false }]);
  });

  it('a step producing a kind the registry does not list for it is a programming error', () => {
    expect(() =>
      pendingAfterStep(
        'recordInquiry',
        [documentDue('INQUIRY_TRANSCRIPT')],
        ['PENALTY_DECISION'],
        d('2025-09-15'),
        title,
      ),
    ).toThrow(/STEP_PRODUCED_DOCUMENTS/);
  });
});

describe('which pending documents hold up closure', () => {
  it('every kind a step produces has a template', () => {
    for (const produced of Object.values(STEP_PRODUCED_DOCUMENTS)) {
      for (const { kind } of produced) {
        expect(DOCUMENT_REGISTRY.has(kind), kind).toBe(true);
      }
    }
  });

  it('every declared-due kind can be produced (has a template) or is listed as not required, so no case is stuck', () => {
    for (const kind of declaredDue) {
      expect(
        DOCUMENT_REGISTRY.has(kind) || NOT_REQUIRED_FOR_CLOSURE[kind] !== undefined,
        kind,
      ).toBe(true);
    }
  });

  it('a kind listed for want of a template has none (a new template makes it required)', () => {
    for (const [kind, entry] of Object.entries(NOT_REQUIRED_FOR_CLOSURE)) {
      if (entry.reason === 'NO_TEMPLATE') {
        expect(DOCUMENT_REGISTRY.has(kind as DocumentKind), kind).toBe(false);
      }
      expect(declaredDue.has(kind as DocumentKind), kind).toBe(true);
    }
  });
});

describe('closeCase while documents are pending (CASE_FILE_DOCUMENTS_PENDING, APL art. 47)', () => {
  const pending = (kind: DocumentKind, required: boolean): PendingDocumentRecord => ({
    kind,
    title: title(kind),
    dueBy: 'recordInquiry',
    since: d('2024-03-10'),
    required,
  });
  const close = (documents: readonly PendingDocumentRecord[]) =>
    decide(
      executionSnapshot('EXECUTED', { pendingDocuments: documents }),
      'closeCase',
      {
        ground: 'EXECUTED',
        closedOn: d('2024-12-02'),
        approval: headApproval('2024-12-02'),
      } satisfies CloseCaseInput,
      HEAD,
      d('2024-12-02'),
      CONTEXT,
    );

  it('refused while a required document is pending, listing every one with the citation', () => {
    const result = close([
      pending('INQUIRY_TRANSCRIPT', true),
      pending('RIGHTS_WAIVER_STATEMENT', false),
      pending('COLLECTIVE_DISCUSSION_MINUTES', true),
    ]);
    expect(codesOf(result)).toEqual(['CASE_FILE_DOCUMENTS_PENDING']);
    const [violation] = result.ok ? [] : result.violations;
    expect(violation!.message).toContain('《询问笔录》、《行政处罚案件集体讨论记录》');
    expect(violation!.message).not.toContain('RIGHTS_WAIVER_STATEMENT');
    expect(violation!.legalBasis.map(formatCitation)).toEqual([
      '《中华人民共和国行政处罚法》第四十七条',
    ]);
    expect(violation!.details).toEqual({
      documents: [
        { kind: 'INQUIRY_TRANSCRIPT', dueBy: 'recordInquiry', since: '2024-03-10' },
        { kind: 'COLLECTIVE_DISCUSSION_MINUTES', dueBy: 'recordInquiry', since: '2024-03-10' },
      ],
    });
  });

  it('allowed with nothing pending, or only documents not required', () => {
    expect(codesOf(close([]))).toEqual([]);
    expect(codesOf(close([pending('RIGHTS_WAIVER_STATEMENT', false)]))).toEqual([]);
  });
});
