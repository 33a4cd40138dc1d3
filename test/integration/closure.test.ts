import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDocument } from '../../src/entities/case-document.entity.js';
import {
  codesOf,
  DECISION_CONTENT,
  generatePendingDocuments,
  investigatingCase,
  noticeInput,
  officerId,
  okStep,
  refusedStep,
  runStep,
} from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * How a case ends besides payment, through the GraphQL API: the decision after the case time
 * limit (APL art. 60, legal.md E15), the court's refusal to enforce and its review (Compulsion Law
 * art. 58(3), E14), 终止调查, and the transfer of a suspected crime with the case sent back
 * (APL art. 27(1)). Dates cross the 2025/2026 year end and the 2026 New Year holiday
 * (01-01…01-03, Sun 01-04 worked).
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const HEAD = 'BJ0001';
const HANDLER = 'BJ0002';
const WARNING = [{ kind: 'WARNING', provisionId: 'PIPL-66-1' }];

async function documentText(caseId: string, kind: string): Promise<string> {
  const result = await app.run<{ case: { documents: { id: string; kind: string }[] } }>(
    `query($id: ID!) { case(id: $id) { documents { id kind } } }`,
    { id: caseId },
    HEAD,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const found = result.data!.case.documents.filter((d) => d.kind === kind).at(-1);
  expect(found, `${kind} among ${JSON.stringify(result.data!.case.documents)}`).toBeDefined();
  const document = await app.orm.em
    .fork()
    .findOneOrFail(CaseDocument, { id: found!.id }, { populate: ['content'] });
  return (await mammoth.extractRawText({ buffer: Buffer.from(document.content) })).value;
}

/**
 * A Beijing case docketed Mon 2025-10-20 (case time limit: the 90th day, Sun 2026-01-18, rolls to Mon 01-19), notice
 * served Mon 11-03 and both rights waived Tue 11-04: ready for a decision at version 5.
 */
async function readyLateCase(penalties: Record<string, unknown>[] = WARNING): Promise<string> {
  const caseId = await investigatingCase(app, {
    prefix: 'BJ',
    partyKey: 'xinghe',
    registeredOn: '2025-10-17',
    docketedOn: '2025-10-20',
    collectedOn: '2025-10-24',
  });
  app.setToday('2025-11-03');
  await okStep(
    app,
    'issuePrePenaltyNotice',
    {
      caseId,
      expectedVersion: 3,
      input: noticeInput(app, {
        prefix: 'BJ',
        servedOn: '2025-11-03',
        approvedOn: '2025-10-31',
        penalties,
      }),
    },
    HANDLER,
  );
  app.setToday('2025-11-04');
  await okStep(
    app,
    'waiveRights',
    {
      caseId,
      expectedVersion: 4,
      input: {
        rights: ['STATEMENT_AND_DEFENCE', 'HEARING'],
        waivedOn: '2025-11-04',
        signedByParty: true,
      },
    },
    HANDLER,
  );
  return caseId;
}

describe('APL art. 60: a decision after the case time limit (legal.md E15)', () => {
  it('APL art. 60: a penalty on day 95 (Fri 2026-01-23) is refused without a reason and the head’s approval, accepted with them, flagged and printed on the 结案审批表', async () => {
    const caseId = await readyLateCase();
    app.setToday('2026-01-23');
    const decision = (extra: Record<string, unknown>) => ({
      caseId,
      expectedVersion: 5,
      input: {
        outcome: 'PENALTY',
        penalties: WARNING,
        reasons: '依法处罚',
        illegalGainsYuan: '0',
        content: DECISION_CONTENT,
        ...extra,
      },
    });

    const bare = await refusedStep(app, 'decideCase', decision({}), HEAD);
    expect(codesOf(bare)).toEqual(['CASE_TIME_LIMIT_EXCEEDED']);
    expect(bare[0]!.details).toMatchObject({
      dueDate: '2026-01-19',
      decidedOn: '2026-01-23',
      missing: ['lateDecisionReason', 'lateDecisionApproval'],
    });
    expect(bare[0]!.legalBasis.map((b) => b.citation).join()).toContain('第六十条');

    const reasonOnly = await refusedStep(
      app,
      'decideCase',
      decision({ lateDecisionReason: '电子数据司法鉴定耗时，未能在期限内作出决定' }),
      HEAD,
    );
    expect(reasonOnly[0]!.details).toMatchObject({ missing: ['lateDecisionApproval'] });

    const late = decision({
      lateDecisionReason: '电子数据司法鉴定耗时，未能在期限内作出决定',
      lateDecisionApproval: {
        approvedById: officerId(app, HEAD),
        approvedOn: '2026-01-22',
        written: true,
      },
    });
    const rehearsed = await runStep(app, 'decideCase', { ...late, dryRun: true }, HEAD);
    expect(rehearsed.errors, JSON.stringify(rehearsed.errors)).toBeUndefined();
    const decided = await okStep(app, 'decideCase', late, HEAD);
    expect(decided).toMatchObject({ toStatus: 'DECIDED_PENALTY', case: { version: 6 } });

    const view = await app.run<{ case: { decisions: Record<string, unknown>[] } }>(
      `query($id: ID!) { case(id: $id) { decisions {
        decidedOn decidedAfterTimeLimit lateDecisionReason lateDecisionApprovedById lateDecisionApprovedOn
      } } }`,
      { id: caseId },
      HEAD,
    );
    expect(view.errors, JSON.stringify(view.errors)).toBeUndefined();
    expect(view.data!.case.decisions).toEqual([
      {
        decidedOn: '2026-01-23',
        decidedAfterTimeLimit: true,
        lateDecisionReason: '电子数据司法鉴定耗时，未能在期限内作出决定',
        lateDecisionApprovedById: officerId(app, HEAD),
        lateDecisionApprovedOn: '2026-01-22',
      },
    ]);

    // The warning is executed by its service; the closing form states the late decision.
    const letter = await app.run<{ case: { documents: { id: string; kind: string }[] } }>(
      `query($id: ID!) { case(id: $id) { documents { id kind } } }`,
      { id: caseId },
      HEAD,
    );
    const letterId = letter.data!.case.documents.find((d) => d.kind === 'PENALTY_DECISION')!.id;
    await okStep(
      app,
      'serveDocument',
      {
        caseId,
        expectedVersion: 6,
        input: {
          documentIds: [letterId],
          method: 'DIRECT',
          servedOn: '2026-01-23',
          serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2026-01-23' },
        },
      },
      HANDLER,
    );
    app.setToday('2026-01-26');
    await generatePendingDocuments(app, caseId, HANDLER);
    await okStep(
      app,
      'closeCase',
      {
        caseId,
        expectedVersion: 7,
        input: {
          ground: 'EXECUTED',
          closedOn: '2026-01-26',
          approval: { approvedById: officerId(app, HEAD), approvedOn: '2026-01-26', written: true },
        },
      },
      HEAD,
    );
    const form = await documentText(caseId, 'CASE_CLOSING_APPROVAL_FORM');
    expect(form).toContain('超过办案期限作出处理决定');
    expect(form).toContain('电子数据司法鉴定耗时');
  });
});
