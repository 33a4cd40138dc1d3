// generateDocument's reads read up front are passed to the readers explicitly; a reader given the
// reads of another case or kind refuses them rather than answering from the wrong rows.
import { describe, expect, it } from 'vitest';
import { readsFor, type DocumentReads } from '../../../src/commands/documents/document-reads.js';

const reads: DocumentReads = {
  caseId: 'case-1',
  kind: 'INQUIRY_TRANSCRIPT',
  servedDocuments: [],
  evidence: [],
  latestVersion: 2,
  openPending: null,
};

describe('document reads passed to a reader', () => {
  it('are taken for their case and kind; none passed, none taken', () => {
    expect(readsFor(reads, 'case-1', 'INQUIRY_TRANSCRIPT')).toBe(reads);
    // The evidence is the case's, whatever the kind.
    expect(readsFor(reads, 'case-1')).toBe(reads);
    expect(readsFor(undefined, 'case-1', 'INQUIRY_TRANSCRIPT')).toBeUndefined();
  });

  it('of another case or kind are refused', () => {
    expect(() => readsFor(reads, 'case-2')).toThrow(/case-1/);
    expect(() => readsFor(reads, 'case-1', 'INSPECTION_TRANSCRIPT')).toThrow(
      /INSPECTION_TRANSCRIPT/,
    );
  });
});
