import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentDefinition } from '../../src/documents/document-registry.js';
import {
  CASE_AUDIT_QUERY,
  handlersEvidenceInput,
  investigatingCase,
  type AuditedCase,
} from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A step and generateDocument extend the audit chain from the head on the case row they read
 * (chain_head, chain_length), not from a read of the last event. Several of them in one
 * operation, on one case, must still append a chain that verifies: the later ones find the case
 * already read by the request and read its last event instead.
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

describe('the audit chain extended from the case row head', () => {
  it('APL art. 47 (全过程记录): two evidence records and a document in one operation append three links that verify', async () => {
    const caseId = await investigatingCase(app, { prefix: 'HD', partyKey: 'qingniao' });
    app.setToday('2025-09-12');
    const before = await app.run<AuditedCase>(CASE_AUDIT_QUERY, { id: caseId }, 'HD0002');
    expect(before.errors, JSON.stringify(before.errors)).toBeUndefined();
    const events = before.data!.case.events.length;
    const input = handlersEvidenceInput(app, '2025-09-12');
    const result = await app.run<Record<string, unknown>>(
      `mutation($caseId: ID!, $input: RecordEvidenceInput!, $sections: JSON) {
        first: recordEvidence(caseId: $caseId, expectedVersion: 3, input: $input) { case { version } }
        second: recordEvidence(caseId: $caseId, expectedVersion: 4, input: $input) { case { version } }
        transcript: generateDocument(caseId: $caseId, kind: INQUIRY_TRANSCRIPT, sections: $sections) { version }
      }`,
      {
        caseId,
        input,
        sections: { inquiry: documentDefinition('INQUIRY_TRANSCRIPT').sampleInput.inquiry },
      },
      'HD0002',
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data).toEqual({
      first: { case: { version: 4 } },
      second: { case: { version: 5 } },
      transcript: { version: 1 },
    });
    const after = await app.run<AuditedCase>(CASE_AUDIT_QUERY, { id: caseId }, 'HD0002');
    expect(after.data!.case.auditChain).toEqual({
      intact: true,
      checkedEvents: events + 3,
      reason: null,
    });
    expect(after.data!.case.events.slice(-3).map((e) => e.action)).toEqual([
      'recordEvidence',
      'recordEvidence',
      'generateDocument',
    ]);
  });
});
