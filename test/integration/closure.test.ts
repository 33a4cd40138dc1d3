import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../src/procedure/effects.js';
import {
  DECISION_CONTENT,
  codesOf,
  generatePendingDocuments,
  investigatingCase,
  latestDocumentText,
  noticeInput,
  officerId,
  okStep,
  refusedStep,
  runStep,
  sampleSections as sampleSectionsOf,
  waiveBothRights,
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

function documentText(caseId: string, kind: DocumentKind): Promise<string> {
  return latestDocumentText(app, caseId, kind);
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
  await waiveBothRights(app, caseId, { on: '2025-11-04' });
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

const APPROVAL = (on: string) => ({
  approvedById: officerId(app, HEAD),
  approvedOn: on,
  written: true,
});

async function documentIdOf(caseId: string, kind: string): Promise<string> {
  const result = await app.run<{ case: { documents: { id: string; kind: string }[] } }>(
    `query($id: ID!) { case(id: $id) { documents { id kind } } }`,
    { id: caseId },
    HEAD,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const found = result.data!.case.documents.filter((d) => d.kind === kind).at(-1);
  expect(found, `${kind} among ${JSON.stringify(result.data!.case.documents)}`).toBeDefined();
  return found!.id;
}

/**
 * A fine decided Tue 2025-09-30 and served by public notice (deemed served 11-12), demanded
 * 2026-04-20, the demand served Thu 05-07, the court applied to Thu 05-21 (version 10).
 */
async function appliedToCourt(): Promise<string> {
  const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
  app.setToday('2025-09-26');
  await okStep(
    app,
    'issuePrePenaltyNotice',
    {
      caseId,
      expectedVersion: 3,
      input: noticeInput(app, {
        prefix: 'BJ',
        servedOn: '2025-09-26',
        approvedOn: '2025-09-25',
        penalties: FINE,
      }),
    },
    HANDLER,
  );
  await waiveBothRights(app, caseId);
  app.setToday('2025-09-30');
  await okStep(
    app,
    'decideCase',
    {
      caseId,
      expectedVersion: 5,
      input: {
        outcome: 'PENALTY',
        penalties: FINE,
        reasons: '依法处罚',
        illegalGainsYuan: '0',
        content: DECISION_CONTENT,
      },
    },
    HEAD,
  );
  app.setToday('2025-10-13');
  await okStep(
    app,
    'serveDocument',
    {
      caseId,
      expectedVersion: 6,
      input: {
        documentIds: [await documentIdOf(caseId, 'PENALTY_DECISION')],
        method: 'PUBLIC_NOTICE',
        servedOn: '2025-10-13',
        facts: {
          publicNoticeGround: 'OTHER_METHODS_FAILED',
          publicationMedium: '北京市互联网信息办公室网站',
          reasonAndProcess: '直接送达、邮寄送达均被退回。',
        },
      },
    },
    HANDLER,
  );
  app.setToday('2026-04-20');
  await okStep(
    app,
    'issueEnforcementDemand',
    { caseId, expectedVersion: 7, input: { issuedOn: '2026-04-20', performBy: '2026-04-30' } },
    HANDLER,
  );
  app.setToday('2026-05-07');
  await okStep(
    app,
    'serveDocument',
    {
      caseId,
      expectedVersion: 8,
      input: {
        documentIds: [await documentIdOf(caseId, 'ENFORCEMENT_DEMAND')],
        method: 'DIRECT',
        servedOn: '2026-05-07',
        serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
        facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2026-05-07' },
      },
    },
    HANDLER,
  );
  app.setToday('2026-05-21');
  await okStep(
    app,
    'applyForCourtEnforcement',
    { caseId, expectedVersion: 9, input: { appliedOn: '2026-05-21' } },
    HEAD,
  );
  return caseId;
}

// DSL art. 45(1), base tier: the 拒不改正 tier would need a correction order first (APL art. 28(1)).
const FINE = [
  { kind: 'WARNING', provisionId: 'DSL-45-1' },
  { kind: 'FINE', amountYuan: '50000', provisionId: 'DSL-45-1' },
];

describe('the court refuses enforcement (Compulsion Law art. 58(3), legal.md E14)', () => {
  it('Compulsion Law art. 58(3): refused Tue 2026-06-30, received Thu 07-02; review applied within 15 days (not on day 16), the refusal upheld, the case closes as COURT_REFUSED_ENFORCEMENT', async () => {
    const caseId = await appliedToCourt();
    app.setToday('2026-07-02');
    const ruled = await okStep(
      app,
      'recordCourtRuling',
      {
        caseId,
        expectedVersion: 10,
        input: { ruledOn: '2026-06-30', receivedOn: '2026-07-02', result: 'ENFORCEMENT_REFUSED' },
      },
      HANDLER,
    );
    expect(ruled.toStatus).toBe('COURT_ENFORCEMENT_APPLIED');
    // 15 calendar days from receipt: Fri 2026-07-17.
    expect(ruled.deadlines.find((d) => d.kind === 'COURT_RULING_REVIEW')).toMatchObject({
      triggerDate: '2026-07-02',
      dueDate: '2026-07-17',
      stoppedOn: null,
    });

    // Not final yet: the review period runs.
    const early = await refusedStep(
      app,
      'closeCase',
      {
        caseId,
        expectedVersion: 11,
        input: {
          ground: 'COURT_REFUSED_ENFORCEMENT',
          closedOn: '2026-07-02',
          approval: APPROVAL('2026-07-02'),
        },
      },
      HEAD,
    );
    expect(codesOf(early)).toContain('CLOSING_CONDITION_NOT_MET');

    app.setToday('2026-07-18');
    const late = await refusedStep(
      app,
      'applyForRulingReview',
      {
        caseId,
        expectedVersion: 11,
        input: { appliedOn: '2026-07-18', court: '北京市第一中级人民法院' },
      },
      HEAD,
    );
    expect(codesOf(late)).toEqual(['RULING_REVIEW_PERIOD_EXPIRED']);
    expect(late[0]!.legalBasis.map((b) => b.citation).join()).toContain(
      '《中华人民共和国行政强制法》第五十八条第三款',
    );

    app.setToday('2026-07-10');
    const applied = await okStep(
      app,
      'applyForRulingReview',
      {
        caseId,
        expectedVersion: 11,
        input: { appliedOn: '2026-07-10', court: '北京市第一中级人民法院' },
      },
      HEAD,
    );
    expect(applied.deadlines.find((d) => d.kind === 'COURT_RULING_REVIEW')).toMatchObject({
      stoppedOn: '2026-07-10',
    });

    app.setToday('2026-08-10');
    await okStep(
      app,
      'recordCourtRuling',
      {
        caseId,
        expectedVersion: 12,
        input: { ruledOn: '2026-08-10', result: 'ENFORCEMENT_REFUSED' },
      },
      HANDLER,
    );
    const view = await app.run<{ case: { enforcement: Record<string, unknown> } }>(
      `query($id: ID!) { case(id: $id) { enforcement {
        rulingReviewAppliedOn rulingReviewCourt rulings { ruledOn receivedOn result }
      } } }`,
      { id: caseId },
      HEAD,
    );
    expect(view.data!.case.enforcement).toEqual({
      rulingReviewAppliedOn: '2026-07-10',
      rulingReviewCourt: '北京市第一中级人民法院',
      rulings: [
        { ruledOn: '2026-06-30', receivedOn: '2026-07-02', result: 'ENFORCEMENT_REFUSED' },
        { ruledOn: '2026-08-10', receivedOn: '2026-08-10', result: 'ENFORCEMENT_REFUSED' },
      ],
    });

    await generatePendingDocuments(app, caseId, HANDLER);
    const closed = await okStep(
      app,
      'closeCase',
      {
        caseId,
        expectedVersion: 13,
        input: {
          ground: 'COURT_REFUSED_ENFORCEMENT',
          closedOn: '2026-08-10',
          approval: APPROVAL('2026-08-10'),
        },
      },
      HEAD,
    );
    expect(closed).toMatchObject({ fromStatus: 'COURT_ENFORCEMENT_APPLIED', toStatus: 'CLOSED' });
    const form = await documentText(caseId, 'CASE_CLOSING_APPROVAL_FORM');
    expect(form).toContain('人民法院裁定不予执行');
  });
});

describe('终止调查 (legal.md §4(i))', () => {
  it('APL art. 47: a company deregistered with no successor during the investigation: refused without the proof, closed with it', async () => {
    const caseId = await investigatingCase(app, {
      prefix: 'BJ',
      partyKey: 'xinghe',
      registeredOn: '2025-12-29',
      docketedOn: '2025-12-30',
      collectedOn: '2025-12-31',
    });
    app.setToday('2026-01-05');
    await generatePendingDocuments(app, caseId, HANDLER);
    const closing = (termination: Record<string, unknown> | null) => ({
      caseId,
      expectedVersion: 3,
      input: {
        ground: 'INVESTIGATION_TERMINATED',
        closedOn: '2026-01-05',
        approval: APPROVAL('2026-01-05'),
        termination,
      },
    });
    const bare = await refusedStep(app, 'closeCase', closing(null), HEAD);
    expect(codesOf(bare)).toEqual(['INVESTIGATION_TERMINATION_NOT_PROVEN']);
    const closed = await okStep(
      app,
      'closeCase',
      closing({
        partyStatus: 'DISSOLVED',
        occurredOn: '2026-01-02',
        noSuccessor: true,
        proof: '北京市海淀区市场监督管理局准予注销登记通知书，清算组确认无权利义务承受人',
      }),
      HEAD,
    );
    expect(closed).toMatchObject({ fromStatus: 'INVESTIGATING', toStatus: 'CLOSED' });
    const form = await documentText(caseId, 'CASE_CLOSING_APPROVAL_FORM');
    expect(form).toContain('终止调查');
  });
});

describe('移送涉嫌犯罪案件 and the case sent back (APL art. 27(1))', () => {
  it('APL art. 27(1): transferred with the principal head’s approval and a copy to the procuratorate (printed on the letter); sent back after 不予立案, the case resumes investigation with a new time limit', async () => {
    const caseId = await investigatingCase(app, {
      prefix: 'BJ',
      partyKey: 'xinghe',
      registeredOn: '2025-12-29',
      docketedOn: '2025-12-30',
      collectedOn: '2025-12-31',
    });
    app.setToday('2026-01-06');
    const args = (judicial: Record<string, unknown> | null) => ({
      caseId,
      expectedVersion: 3,
      input: {
        kind: 'TO_JUDICIAL_ORGAN',
        recipient: '北京市公安局海淀分局',
        reason: '涉嫌侵犯公民个人信息罪',
        judicial,
      },
    });
    const bare = await refusedStep(app, 'transferCase', args(null), HEAD);
    expect(codesOf(bare)).toEqual([
      'JUDICIAL_TRANSFER_APPROVAL_REQUIRED',
      'JUDICIAL_TRANSFER_NOT_COPIED_TO_PROCURATORATE',
    ]);
    const transferred = await okStep(
      app,
      'transferCase',
      args({
        reportedOn: '2026-01-05',
        approval: APPROVAL('2026-01-06'),
        transferredOn: '2026-01-06',
        procuratorate: '北京市海淀区人民检察院',
      }),
      HEAD,
    );
    expect(transferred.toStatus).toBe('TRANSFERRED_TO_JUDICIAL_ORGAN');

    // The letter, written with generateDocument, says it was copied to the procuratorate.
    const sections = sampleSectionsOf('JUDICIAL_TRANSFER_LETTER');
    const generated = await app.run(
      `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) {
        generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id kind }
      }`,
      { caseId, kind: 'JUDICIAL_TRANSFER_LETTER', sections },
      HANDLER,
    );
    expect(generated.errors, JSON.stringify(generated.errors)).toBeUndefined();
    expect(await documentText(caseId, 'JUDICIAL_TRANSFER_LETTER')).toContain(
      '抄送：北京市海淀区人民检察院',
    );

    app.setToday('2026-02-10');
    const resumed = await okStep(
      app,
      'resumeReturnedCase',
      {
        caseId,
        expectedVersion: 4,
        input: {
          ground: 'NOT_FILED',
          receivedOn: '2026-02-10',
          judicialDocument: '北京市公安局海淀分局不予立案通知书（京公海不立字〔2026〕12号）',
        },
      },
      HEAD,
    );
    expect(resumed).toMatchObject({
      fromStatus: 'TRANSFERRED_TO_JUDICIAL_ORGAN',
      toStatus: 'INVESTIGATING',
    });
    // 90 days from Tue 2026-02-10: Mon 2026-05-11.
    expect(resumed.deadlines.find((d) => d.kind === 'CASE_TIME_LIMIT')).toMatchObject({
      triggerDate: '2026-02-10',
      dueDate: '2026-05-11',
      stoppedOn: null,
    });
  });

  it('APL art. 27(1): decideCase(TRANSFER_TO_JUDICIAL_ORGAN) after investigation asks for the same approval and copy as transferCase, and its letter prints the copy', async () => {
    const caseId = await investigatingCase(app, {
      prefix: 'BJ',
      partyKey: 'xinghe',
      registeredOn: '2026-09-24',
      docketedOn: '2026-09-25',
      collectedOn: '2026-09-28',
    });
    // Reported before the National Day holiday, approved and transferred after it.
    app.setToday('2026-10-09');
    const args = (judicial: Record<string, unknown> | null) => ({
      caseId,
      expectedVersion: 3,
      input: {
        outcome: 'TRANSFER_TO_JUDICIAL_ORGAN',
        recipient: '北京市公安局海淀分局',
        reasons: '涉嫌侵犯公民个人信息罪，依法移送',
        judicial,
      },
    });
    const bare = await refusedStep(app, 'decideCase', args(null), HEAD);
    expect(codesOf(bare)).toEqual([
      'JUDICIAL_TRANSFER_APPROVAL_REQUIRED',
      'JUDICIAL_TRANSFER_NOT_COPIED_TO_PROCURATORATE',
    ]);
    const facts = {
      reportedOn: '2026-09-30',
      approval: APPROVAL('2026-10-08'),
      transferredOn: '2026-10-09',
      procuratorate: '北京市海淀区人民检察院',
    };
    // Approved before the report was written: refused, the copy being there.
    const early = await refusedStep(
      app,
      'decideCase',
      args({ ...facts, approval: APPROVAL('2026-09-29') }),
      HEAD,
    );
    expect(codesOf(early)).toEqual(['JUDICIAL_TRANSFER_APPROVAL_REQUIRED']);
    const decided = await okStep(app, 'decideCase', args(facts), HEAD);
    expect(decided.toStatus).toBe('TRANSFERRED_TO_JUDICIAL_ORGAN');

    const generated = await app.run(
      `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) {
        generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id kind }
      }`,
      {
        caseId,
        kind: 'JUDICIAL_TRANSFER_LETTER',
        sections: sampleSectionsOf('JUDICIAL_TRANSFER_LETTER'),
      },
      HANDLER,
    );
    expect(generated.errors, JSON.stringify(generated.errors)).toBeUndefined();
    expect(await documentText(caseId, 'JUDICIAL_TRANSFER_LETTER')).toContain(
      '抄送：北京市海淀区人民检察院',
    );
  });
});
