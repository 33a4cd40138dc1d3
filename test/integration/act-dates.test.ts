import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DECISION_CONTENT,
  FINE_50K,
  citationsOf,
  codesOf,
  deadlineOf,
  evidenceInput,
  noticeInput,
  noticeServedCase,
  officerId,
  okStep,
  refusedStep,
  registerCase,
  runStep,
  waiveBothRights,
} from '../support/procedure-steps.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

/**
 * Act dates through the GraphQL API (issue 8 §2): docketing, decision and service carry their own
 * dates, deadlines run from them, dates out of order are refused with the article that makes the
 * order, and a late entry is recorded with its reason. Dates are counted against the State
 * Council notices: 2026 New Year 01-01…01-03 off, Sun 01-04 worked; 2025 National Day
 * 10-01…10-08 off.
 */

let app: TestApp;
const refused = (
  ...args: Parameters<typeof refusedStep> extends [TestApp, ...infer R] ? R : never
) => refusedStep(app, ...args);

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const HEAD = 'BJ0001';
const HANDLER = 'BJ0002';

const docketing = (extra: Record<string, unknown> = {}) => ({
  docket: true,
  handlerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
  jurisdictionBasis: 'TERRITORIAL',
  jurisdictionExplanation: '违法行为发生地在北京市',
  ...extra,
});

interface EventView {
  sequence: number;
  action: string;
  actDate: string | null;
  recordedAt: string;
  lateEntryReason: string | null;
}

async function events(caseId: string): Promise<{ events: EventView[]; intact: boolean }> {
  const result = await app.run<{
    case: { events: EventView[]; auditChain: { intact: boolean } };
  }>(
    `query($id: ID!) { case(id: $id) {
      events { sequence action actDate recordedAt lateEntryReason }
      auditChain { intact }
    } }`,
    { id: caseId },
    HEAD,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return { events: result.data!.case.events, intact: result.data!.case.auditChain.intact };
}

describe('docketing across the New Year: the approval date, not the entry date', () => {
  it('docketed Tue 2025-12-30, entered Mon 2026-01-05 (3 working days: 12-31 and the make-up Sunday 01-04 count, the holiday does not): no reason needed; the 90 days run from 12-30', async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2025-12-26',
      partyKey: 'xinghe',
      certificate: HANDLER,
    });
    app.setToday('2026-01-05');
    const docketed = await okStep(
      app,
      'decideDocketing',
      { caseId, expectedVersion: 1, input: docketing({ docketedOn: '2025-12-30' }) },
      HEAD,
    );
    expect(docketed.toStatus).toBe('INVESTIGATING');
    // APL art. 60: 90 calendar days from Tue 2025-12-30 end Mon 2026-03-30, a working day.
    expect(deadlineOf(docketed, 'CASE_TIME_LIMIT')).toMatchObject({
      triggerDate: '2025-12-30',
      dueDate: '2026-03-30',
    });
    const view = await app.run<{ case: { docketedOn: string } }>(
      `query($id: ID!) { case(id: $id) { docketedOn } }`,
      { id: caseId },
      HEAD,
    );
    expect(view.data!.case.docketedOn).toBe('2025-12-30');
    const trail = await events(caseId);
    expect(trail.intact).toBe(true);
    expect(trail.events.find((e) => e.action === 'decideDocketing')).toMatchObject({
      actDate: '2025-12-30',
      recordedAt: '2026-01-05T02:00:00.000Z',
      lateEntryReason: null,
    });

    // Evidence collected on the make-up Sunday 2026-01-04, after the docketing: in order.
    await okStep(
      app,
      'recordEvidence',
      {
        caseId,
        expectedVersion: 2,
        input: evidenceInput(app, {
          collectedOn: '2026-01-04',
          collectors: ['BJ0002', 'BJ0003'],
          fromParty: true,
          recusalRightNotified: true,
        }),
      },
      HANDLER,
    );

    // The reproduction: a pre-penalty notice served 14 months before the docketing.
    const violations = await refused(
      'issuePrePenaltyNotice',
      {
        caseId,
        expectedVersion: 3,
        lateEntryReason: '告知书送达回证补录',
        input: noticeInput(app, {
          prefix: 'BJ',
          servedOn: '2024-10-30',
          approvedOn: '2024-10-29',
          penalties: FINE_50K,
        }),
      },
      HANDLER,
    );
    expect(codesOf(violations)).toContain('ACT_BEFORE_DOCKETING');
    expect(citationsOf(violations, 'ACT_BEFORE_DOCKETING')).toContain(
      '《中华人民共和国行政处罚法》第五十四条第二款',
    );
    expect(violations.find((v) => v.code === 'ACT_BEFORE_DOCKETING')!.details).toMatchObject({
      actDate: '2024-10-30',
      predecessors: [{ act: '立案', date: '2025-12-30' }],
    });
  });
});

describe('late entry is allowed but visible', () => {
  it('docketed 2025-12-30, entered Tue 2026-01-06 (4 working days late): refused without a reason, recorded with it and shown in case.events', async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2025-12-26',
      partyKey: 'zhangwei',
      certificate: HANDLER,
    });
    app.setToday('2026-01-06');
    const violations = await refused(
      'decideDocketing',
      { caseId, expectedVersion: 1, input: docketing({ docketedOn: '2025-12-30' }) },
      HEAD,
    );
    expect(codesOf(violations)).toEqual(['LATE_ENTRY_REASON_REQUIRED']);
    expect(violations[0]!.details).toMatchObject({
      actDate: '2025-12-30',
      recordedOn: '2026-01-06',
      workingDaysLate: 4,
      threshold: 3,
    });
    expect(citationsOf(violations, 'LATE_ENTRY_REASON_REQUIRED')).toContain(
      '《中华人民共和国行政处罚法》第四十七条',
    );

    const reason = '立案审批表于元旦假期前签批，假期后补录';
    const docketed = await okStep(
      app,
      'decideDocketing',
      {
        caseId,
        expectedVersion: 1,
        lateEntryReason: reason,
        input: docketing({ docketedOn: '2025-12-30' }),
      },
      HEAD,
    );
    expect(deadlineOf(docketed, 'CASE_TIME_LIMIT')).toMatchObject({ triggerDate: '2025-12-30' });
    const trail = await events(caseId);
    expect(trail.intact).toBe(true);
    expect(trail.events.map((e) => [e.action, e.actDate, e.lateEntryReason])).toEqual([
      ['registerCaseSource', '2025-12-26', null],
      ['decideDocketing', '2025-12-30', reason],
    ]);
    expect(trail.events[1]!.recordedAt).toBe('2026-01-06T02:00:00.000Z');
  });
});

describe('decision ≤ its service', () => {
  it('a decision dated Tue 2025-09-30 and entered Thu 10-09 bears its date and starts the service period from it; serving it on 09-29 is refused (APL art. 61(1))', async () => {
    const caseId = await noticeServedCase(app);
    await waiveBothRights(app, caseId);
    // Entered after the National Day holiday: 10-09 is 1 working day after 09-30.
    app.setToday('2025-10-09');
    const decided = await okStep(
      app,
      'decideCase',
      {
        caseId,
        expectedVersion: 5,
        input: {
          outcome: 'PENALTY',
          decidedOn: '2025-09-30',
          penalties: FINE_50K,
          reasons: '依法处罚',
          illegalGainsYuan: '0',
          content: DECISION_CONTENT,
        },
      },
      HEAD,
    );
    // Seven working days from Tue 09-30: the holiday is skipped → 10-09 … 10-10, 10-11 (make-up
    // Saturday), 10-13 … 10-16.
    expect(deadlineOf(decided, 'DECISION_SERVICE')).toMatchObject({
      triggerDate: '2025-09-30',
      dueDate: '2025-10-16',
    });
    const letter = await app.run<{
      case: {
        decidedOn: string;
        documents: {
          id: string;
          kind: string;
          number: string;
          model: { document: { issuedOn: string } };
        }[];
      };
    }>(
      `query($id: ID!) { case(id: $id) { decidedOn documents { id kind number model } } }`,
      { id: caseId },
      HEAD,
    );
    expect(letter.errors, JSON.stringify(letter.errors)).toBeUndefined();
    expect(letter.data!.case.decidedOn).toBe('2025-09-30');
    const decision = letter.data!.case.documents.find((d) => d.kind === 'PENALTY_DECISION')!;
    expect(decision.model.document.issuedOn).toBe('2025-09-30');
    expect(decision.number).toContain('〔2025〕');

    const serve = (servedOn: string) => ({
      caseId,
      expectedVersion: 6,
      input: {
        documentIds: [decision.id],
        method: 'DIRECT',
        servedOn,
        place: '北京市海淀区中关村大街27号9层',
        serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
        facts: {
          recipientName: '周明远',
          recipientRole: 'LEGAL_REPRESENTATIVE',
          signed: true,
          signedOn: servedOn,
        },
      },
    });
    // The reproduction: served the day before it was made.
    const violations = await refused('serveDocument', serve('2025-09-29'), HANDLER);
    expect(codesOf(violations)).toContain('DECISION_SERVED_BEFORE_DECIDED');
    expect(citationsOf(violations, 'DECISION_SERVED_BEFORE_DECIDED')).toContain(
      '《中华人民共和国行政处罚法》第六十一条第一款',
    );
    const served = await okStep(app, 'serveDocument', serve('2025-09-30'), HANDLER);
    // The 15 days to pay run from the service on 09-30, not from the entry on 10-09.
    expect(deadlineOf(served, 'PAYMENT')).toMatchObject({
      triggerDate: '2025-09-30',
      dueDate: '2025-10-15',
    });
  });
});

describe('bad act dates: each its own typed error, nothing written', () => {
  const DOCKET = `mutation($caseId: ID!, $input: DecideDocketingInput!) {
    decideDocketing(caseId: $caseId, expectedVersion: 1, input: $input) { toStatus }
  }`;

  it('a malformed date answers INVALID_DATE; tomorrow ACT_DATE_IN_FUTURE; 2003 ACT_DATE_BEFORE_2004', async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2026-11-30',
      partyKey: 'xinghe',
      certificate: HANDLER,
    });
    app.setToday('2026-12-03');
    const before = await app.tableCounts();
    const malformed = await app.run(
      DOCKET,
      { caseId, input: docketing({ docketedOn: '2026-12-32' }) },
      HEAD,
    );
    expect(errorCode(malformed)).toBe('INVALID_DATE');
    expect(malformed.errors![0]!.message).toContain('日期无效');

    const future = await runStep(
      app,
      'decideDocketing',
      { caseId, expectedVersion: 1, input: docketing({ docketedOn: '2026-12-04' }) },
      HEAD,
    );
    expect(errorCode(future)).toBe('PROCEDURE_VIOLATION');
    expect(codesOf(future.errors![0]!.extensions!.violations as { code: string }[])).toEqual([
      'ACT_DATE_IN_FUTURE',
    ]);

    const ancient = await runStep(
      app,
      'decideDocketing',
      { caseId, expectedVersion: 1, input: docketing({ docketedOn: '2003-12-31' }) },
      HEAD,
    );
    expect(codesOf(ancient.errors![0]!.extensions!.violations as { code: string }[])).toEqual([
      'ACT_DATE_BEFORE_2004',
    ]);
    expect(await app.tableCounts()).toEqual(before);
  });

  it('today (2026-12-03, Beijing) is the default act date: a docketing decision without docketedOn is dated today', async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2026-12-01',
      partyKey: 'zhangwei',
      certificate: HANDLER,
    });
    app.setToday('2026-12-03');
    await okStep(
      app,
      'decideDocketing',
      {
        caseId,
        expectedVersion: 1,
        input: { docket: false, reason: '不属于本部门管辖的违法行为' },
      },
      HEAD,
    );
    const trail = await events(caseId);
    expect(trail.events.at(-1)).toMatchObject({
      action: 'decideDocketing',
      actDate: '2026-12-03',
      lateEntryReason: null,
    });
    // Docketing refused before the clue came in would be out of order: the same rule set refuses it.
    const other = await registerCase(app, {
      receivedOn: '2026-12-02',
      partyKey: 'xinghe',
      certificate: HANDLER,
    });
    app.setToday('2026-12-03');
    const violations = await refused(
      'decideDocketing',
      { caseId: other, expectedVersion: 1, input: docketing({ docketedOn: '2026-12-01' }) },
      HEAD,
    );
    expect(codesOf(violations)).toContain('ACT_BEFORE_CASE_SOURCE');
  });
});
