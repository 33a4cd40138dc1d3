import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDemoCase } from '../../src/demo/penalty-case.scenario.js';
import { CaseDocument } from '../../src/entities/case-document.entity.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

describe('the demo case (npm run demo)', () => {
  it('runs from the clue to the decision through the API and produces the whole case file', async () => {
    const result = await runDemoCase(async (query, variables, certificate, today) => {
      app.setToday(today);
      const response = await app.run(query, variables, certificate);
      expect(response.errors, JSON.stringify(response.errors)).toBeUndefined();
      return response.data!;
    }, app.demo);
    app.setToday('2026-11-22');
    expect(result.caseNumber).toBe('京网信案〔2025〕1号');
    const documents = await app.orm.em
      .fork()
      .find(
        CaseDocument,
        { case: result.caseId },
        { orderBy: { createdAt: 'asc' }, populate: ['content'] },
      );
    expect(documents.map((d) => d.kind).sort()).toEqual(
      [
        'CASE_SOURCE_REGISTER',
        'COLLECTIVE_DISCUSSION_MINUTES',
        'DOCKETING_APPROVAL_FORM',
        'HEARING_NOTICE',
        'HEARING_RECORD',
        'INQUIRY_TRANSCRIPT',
        'LEGAL_REVIEW_OPINION',
        'PENALTY_DECISION',
        'PRE_PENALTY_NOTICE',
      ].sort(),
    );
    const letter = documents.find((d) => d.kind === 'PENALTY_DECISION')!;
    const { value } = await mammoth.extractRawText({ buffer: letter.content });
    expect(value).toContain('人民币肆拾万元整');
    expect(value).toContain('京网信罚〔2025〕1号');
    const hearingRecord = documents.find((d) => d.kind === 'HEARING_RECORD')!;
    expect((await mammoth.extractRawText({ buffer: hearingRecord.content })).value).toContain(
      app.demo.officers.BJ0005!.name,
    );
  });
});
