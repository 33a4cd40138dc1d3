/**
 * The 案卷 in procedural order: each document at the act date and audit sequence of the step that
 * produced it or made it due, then kinds in the registry's order; later versions with the first.
 */
import { describe, expect, it } from 'vitest';
import {
  orderCaseFileDocuments,
  procedurePositions,
} from '../../../src/commands/case-file-volume.js';
import type { CaseDocument } from '../../../src/entities/case-document.entity.js';
import type { LocalDate } from '../../../src/procedure/local-date.js';

let created = 0;
function document(id: string, kind: string, version = 1): CaseDocument {
  created += 1;
  return {
    id,
    kind,
    version,
    title: kind,
    number: null,
    model: {},
    createdAt: new Date(Date.UTC(2025, 10, 1, 0, created)),
  } as unknown as CaseDocument;
}

const d = (s: string) => s as LocalDate;
const at = (date: string) => new Date(`${date}T02:00:00Z`);

describe('procedural order of the case file', () => {
  it('by the step each document belongs to, not by generation time nor by kind alone', () => {
    // Generated last, but due from the first steps; discussion held before the legal review.
    const notice = document('notice', 'PRE_PENALTY_NOTICE');
    const opinion = document('opinion', 'LEGAL_REVIEW_OPINION');
    const minutes = document('minutes', 'COLLECTIVE_DISCUSSION_MINUTES');
    const register = document('register', 'CASE_SOURCE_REGISTER');
    const positions = procedurePositions(
      [
        { sequence: 1, actDate: d('2025-09-01'), occurredAt: at('2025-09-01'), payload: {} },
        {
          sequence: 4,
          actDate: d('2025-09-26'),
          occurredAt: at('2025-09-26'),
          payload: { documents: [{ id: 'notice' }] },
        },
        // generateDocument events: the pending entries, not these, place the documents.
        {
          sequence: 9,
          actDate: null,
          occurredAt: at('2025-11-01'),
          payload: { document: { id: 'register' } },
        },
        {
          sequence: 10,
          actDate: null,
          occurredAt: at('2025-11-01'),
          payload: { document: { id: 'opinion' } },
        },
        {
          sequence: 11,
          actDate: null,
          occurredAt: at('2025-11-01'),
          payload: { document: { id: 'minutes' } },
        },
      ],
      [
        { documentId: 'register', dueSince: d('2025-09-01'), dueSequence: 1 },
        { documentId: 'minutes', dueSince: d('2025-10-13'), dueSequence: 6 },
        { documentId: 'opinion', dueSince: d('2025-10-14'), dueSequence: 8 },
      ],
    );
    const ordered = orderCaseFileDocuments([notice, opinion, minutes, register], positions);
    expect(ordered.map((o) => o.document.id)).toEqual(['register', 'notice', 'minutes', 'opinion']);
  });

  it('a later version stands with the first version of its kind; a document of no step goes last', () => {
    const letter = document('letter', 'PENALTY_DECISION');
    const adhoc = document('adhoc', 'INQUIRY_TRANSCRIPT');
    const corrected = document('corrected', 'PENALTY_DECISION', 2);
    const positions = procedurePositions(
      [
        {
          sequence: 5,
          actDate: d('2025-10-15'),
          occurredAt: at('2025-10-15'),
          payload: { documents: [{ id: 'letter' }] },
        },
        {
          sequence: 7,
          actDate: null,
          occurredAt: at('2025-10-20'),
          payload: { documents: [{ id: 'corrected' }] },
        },
      ],
      [],
    );
    const ordered = orderCaseFileDocuments([adhoc, corrected, letter], positions);
    expect(ordered.map((o) => o.document.id)).toEqual(['letter', 'corrected', 'adhoc']);
  });

  it('each step due its own document of a kind has it at its own place, unversioned; a regeneration is a version', () => {
    // Two recordEvidence steps, each with its 证据提取单; an inquiry transcript regenerated once.
    const first = document('slip-1', 'EVIDENCE_COLLECTION_RECORD');
    const second = document('slip-2', 'EVIDENCE_COLLECTION_RECORD', 2);
    const transcript = document('inquiry-1', 'INQUIRY_TRANSCRIPT');
    const regenerated = document('inquiry-2', 'INQUIRY_TRANSCRIPT', 2);
    const positions = procedurePositions(
      [
        {
          sequence: 12,
          actDate: null,
          occurredAt: at('2025-11-01'),
          payload: { document: { id: 'inquiry-2' } },
        },
      ],
      [
        { documentId: 'slip-1', dueSince: d('2025-09-10'), dueSequence: 3 },
        { documentId: 'inquiry-1', dueSince: d('2025-09-11'), dueSequence: 4 },
        { documentId: 'slip-2', dueSince: d('2025-09-12'), dueSequence: 5 },
      ],
    );
    const ordered = orderCaseFileDocuments([regenerated, second, transcript, first], positions);
    expect(ordered.map((o) => [o.document.id, o.label])).toEqual([
      ['slip-1', 'EVIDENCE_COLLECTION_RECORD'],
      ['inquiry-1', 'INQUIRY_TRANSCRIPT'],
      ['inquiry-2', 'INQUIRY_TRANSCRIPT（第2版）'],
      ['slip-2', 'EVIDENCE_COLLECTION_RECORD'],
    ]);
  });
});
