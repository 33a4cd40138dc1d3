import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';
import { EXPLANATION_FIELDS } from '../support/procedure-steps.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const REGISTER = `mutation($input: RegisterCaseSourceInput!, $dryRun: Boolean) {
  registerCaseSource(input: $input, dryRun: $dryRun) {
    dryRun fromStatus toStatus
    case { id number status version }
    event { sequence action hash previousHash }
    deadlines { kind triggerDate dueDate ${EXPLANATION_FIELDS} }
  }
}`;

const DOCKET = `mutation($caseId: ID!, $expectedVersion: Int!, $input: DecideDocketingInput!, $dryRun: Boolean) {
  decideDocketing(caseId: $caseId, expectedVersion: $expectedVersion, input: $input, dryRun: $dryRun) {
    dryRun toStatus
    case { id status version docketedOn handlers { name } }
    deadlines { kind dueDate stoppedOn }
  }
}`;

type Registered = {
  registerCaseSource: {
    dryRun: boolean;
    toStatus: string;
    case: { id: string; number: string; status: string; version: number } | null;
    event: { sequence: number; action: string; hash: string; previousHash: string } | null;
    deadlines: {
      kind: string;
      triggerDate: string;
      dueDate: string;
      explanation: { lines?: string[] };
    }[];
  };
};

function registration(overrides: Record<string, unknown> = {}) {
  return {
    sourceType: 'COMPLAINT_OR_REPORT',
    namedComplainant: true,
    receivedOn: '2025-09-26',
    title: '违法处理个人信息案',
    summary: '用户投诉某App未经同意收集通讯录信息。',
    partyIds: [app.demo.parties.xinghe!.id],
    violation: { committedOn: '2025-08-01', harmsLifeHealthOrFinancialSecurity: false },
    ...overrides,
  };
}

describe('registerCaseSource → decideDocketing through the API', () => {
  it('registers a clue across the 2025 National Day holiday with a deadline that explains itself', async () => {
    app.setToday('2025-09-26');
    const result = await app.run<Registered>(REGISTER, { input: registration() }, 'BJ0002');
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const registered = result.data!.registerCaseSource;
    expect(registered.case).toMatchObject({
      status: 'CASE_SOURCE_REGISTERED',
      version: 1,
      number: '京网信案〔2025〕1号',
    });
    expect(registered.event).toMatchObject({
      sequence: 1,
      action: 'registerCaseSource',
      previousHash: '0'.repeat(64),
    });
    const docketing = registered.deadlines.find((d) => d.kind === 'DOCKETING')!;
    // 15 working days after Fri 2025-09-26: Sun 09-28 (make-up day), 09-29, 09-30, then the
    // Oct 1–8 holiday is skipped, 10-09, 10-10, Sat 10-11 (make-up day), 10-13 … 10-17, 10-20 … 10-23.
    expect(docketing).toMatchObject({ triggerDate: '2025-09-26', dueDate: '2025-10-23' });
    expect(JSON.stringify(docketing.explanation)).toContain('国庆节');
  });

  it('continues the demo year’s gapless case numbers after the seeded cases', async () => {
    app.setToday('2026-11-22');
    const result = await app.run<Registered>(
      REGISTER,
      {
        input: registration({
          receivedOn: '2026-11-20',
          violation: { committedOn: '2026-10-01', harmsLifeHealthOrFinancialSecurity: false },
        }),
      },
      'BJ0002',
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    // Beijing's demo cases hold 京网信案〔2026〕1号 and 2号.
    expect(result.data!.registerCaseSource.case!.number).toBe('京网信案〔2026〕3号');
  });

  it('a dry run checks every rule and writes nothing', async () => {
    app.setToday('2025-09-26');
    const before = await app.tableCounts();
    const result = await app.run<Registered>(
      REGISTER,
      { input: registration(), dryRun: true },
      'BJ0002',
    );
    expect(result.data!.registerCaseSource).toMatchObject({
      dryRun: true,
      toStatus: 'CASE_SOURCE_REGISTERED',
      case: null,
      event: null,
    });
    expect(await app.tableCounts()).toEqual(before);
  });

  it('dockets with two certified handlers, stops the docketing period and starts the 90-day case limit', async () => {
    app.setToday('2025-10-09');
    const registered = await app.run<Registered>(
      REGISTER,
      { input: registration({ receivedOn: '2025-09-29' }) },
      'BJ0002',
    );
    const caseId = registered.data!.registerCaseSource.case!.id;
    const handlers = [app.demo.officers.BJ0002!.id, app.demo.officers.BJ0003!.id];
    const result = await app.run<{
      decideDocketing: {
        toStatus: string;
        case: { status: string; version: number; docketedOn: string; handlers: { name: string }[] };
        deadlines: { kind: string; dueDate: string; stoppedOn: string | null }[];
      };
    }>(
      DOCKET,
      {
        caseId,
        expectedVersion: 1,
        input: {
          docket: true,
          handlerIds: handlers,
          jurisdictionBasis: 'TERRITORIAL',
          jurisdictionExplanation: '违法行为发生地在北京市',
        },
      },
      'BJ0001',
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const docketed = result.data!.decideDocketing;
    expect(docketed.case).toMatchObject({
      status: 'INVESTIGATING',
      version: 2,
      docketedOn: '2025-10-09',
    });
    expect(docketed.case.handlers).toHaveLength(2);
    expect(docketed.deadlines.find((d) => d.kind === 'DOCKETING')).toMatchObject({
      stoppedOn: '2025-10-09',
    });
    // 90 calendar days after 2025-10-09 is 2026-01-07 (a Wednesday, a working day).
    expect(docketed.deadlines.find((d) => d.kind === 'CASE_TIME_LIMIT')).toMatchObject({
      dueDate: '2026-01-07',
      stoppedOn: null,
    });
    const chain = await app.run<{
      case: {
        auditChain: { intact: boolean; checkedEvents: number };
        events: { action: string }[];
      };
    }>(
      `query($id: ID!) { case(id: $id) { auditChain { intact checkedEvents } events { action } } }`,
      { id: caseId },
      'BJ0001',
    );
    expect(chain.data!.case.auditChain).toEqual({ intact: true, checkedEvents: 2 });
    expect(chain.data!.case.events.map((e) => e.action)).toEqual([
      'registerCaseSource',
      'decideDocketing',
    ]);
  });

  it('refuses docketing with one expired-certificate handler, no jurisdiction basis and a lapsed limitation period: every unmet rule at once', async () => {
    app.setToday('2025-10-09');
    const registered = await app.run<Registered>(
      REGISTER,
      {
        input: registration({
          receivedOn: '2025-09-30',
          violation: { committedOn: '2023-09-29', harmsLifeHealthOrFinancialSecurity: false },
        }),
      },
      'BJ0002',
    );
    const caseId = registered.data!.registerCaseSource.case!.id;
    const before = await app.tableCounts();
    const result = await app.run(
      DOCKET,
      {
        caseId,
        expectedVersion: 1,
        input: {
          docket: true,
          handlerIds: [app.demo.officers.BJ0901!.id],
          jurisdictionBasis: 'TERRITORIAL',
          jurisdictionExplanation: ' ',
        },
      },
      'BJ0001',
    );
    expect(errorCode(result)).toBe('PROCEDURE_VIOLATION');
    const violations = result.errors![0]!.extensions!.violations as {
      code: string;
      legalBasis: { citation: string }[];
    }[];
    const codes = violations.map((v) => v.code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'HANDLERS_FEWER_THAN_TWO',
        'JURISDICTION_BASIS_MISSING',
        'LIMITATION_PERIOD_EXPIRED',
      ]),
    );
    expect(violations.every((v) => v.legalBasis.length > 0)).toBe(true);
    expect(JSON.stringify(violations)).toContain('《中华人民共和国行政处罚法》第四十二条');
    // Two years after 2023-09-29 ended on 2025-09-29; the clue came on 2025-09-30 (APL art. 36).
    expect(JSON.stringify(violations)).toContain('《中华人民共和国行政处罚法》第三十六条');
    expect(await app.tableCounts()).toEqual(before);
  });

  it('a stale expectedVersion gets CASE_VERSION_CONFLICT and changes nothing', async () => {
    app.setToday('2025-10-09');
    const registered = await app.run<Registered>(
      REGISTER,
      { input: registration({ receivedOn: '2025-09-30' }) },
      'BJ0002',
    );
    const caseId = registered.data!.registerCaseSource.case!.id;
    const before = await app.tableCounts();
    const handlers = [app.demo.officers.BJ0002!.id, app.demo.officers.BJ0003!.id];
    const result = await app.run(
      DOCKET,
      {
        caseId,
        expectedVersion: 7,
        input: { docket: true, handlerIds: handlers, jurisdictionBasis: 'TERRITORIAL' },
      },
      'BJ0001',
    );
    expect(errorCode(result)).toBe('CASE_VERSION_CONFLICT');
    expect(await app.tableCounts()).toEqual(before);
  });

  it('only the office head decides docketing; a handler is refused by the engine (ROLE_REQUIRED among the violations)', async () => {
    const before = await app.tableCounts();
    const result = await app.run(
      DOCKET,
      {
        caseId: app.demo.cases.zhangweiRumour!.id,
        expectedVersion: 1,
        input: { docket: false, reason: '不属于本机关管辖' },
      },
      'BJ0002',
    );
    expect(errorCode(result)).toBe('PROCEDURE_VIOLATION');
    const violations = result.errors![0]!.extensions!.violations as { code: string }[];
    expect(violations.map((v) => v.code)).toContain('ROLE_REQUIRED');
    expect(await app.tableCounts()).toEqual(before);
  });

  it('availableActions answers from the same rules', async () => {
    app.setToday('2025-10-09');
    const registered = await app.run<Registered>(
      REGISTER,
      { input: registration({ receivedOn: '2025-09-30' }) },
      'BJ0002',
    );
    const caseId = registered.data!.registerCaseSource.case!.id;
    const result = await app.run<{
      case: {
        availableActions: { action: string; allowed: boolean; violations: { code: string }[] }[];
      };
    }>(
      `query($id: ID!) { case(id: $id) { availableActions { action allowed violations { code } } } }`,
      { id: caseId },
      'BJ0001',
    );
    const actions = result.data!.case.availableActions;
    expect(actions.find((a) => a.action === 'decideDocketing')!.allowed).toBe(true);
    const notice = actions.find((a) => a.action === 'issuePrePenaltyNotice')!;
    expect(notice.allowed).toBe(false);
    expect(notice.violations.map((v) => v.code)).toContain('ACTION_NOT_ALLOWED_IN_STATUS');
  });

  it('with provisional years turned off (CALENDAR_PROVISIONAL_HORIZON_YEARS=0), a deadline in a year without calendar data is refused with CALENDAR_YEAR_NOT_LOADED', async () => {
    app.setToday('2027-01-05');
    process.env.CALENDAR_PROVISIONAL_HORIZON_YEARS = '0';
    const before = await app.tableCounts();
    const result = await app.run(
      REGISTER,
      {
        input: registration({
          receivedOn: '2027-01-04',
          violation: { committedOn: '2026-12-01', harmsLifeHealthOrFinancialSecurity: false },
        }),
      },
      'BJ0002',
    );
    delete process.env.CALENDAR_PROVISIONAL_HORIZON_YEARS;
    expect(errorCode(result)).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(result.errors![0]!.message).toContain('《中华人民共和国行政处罚法》第八十五条');
    expect(await app.tableCounts()).toEqual(before);
    app.setToday('2026-11-22');
  });
});
