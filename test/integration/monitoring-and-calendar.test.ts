import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const REGISTER = `mutation($input: RegisterCaseSourceInput!) { registerCaseSource(input: $input) { case { id } deadlines { kind dueDate } } }`;
const DEADLINES = `query($filter: DeadlineFilter) { deadlines(first: 50, filter: $filter) { edges { node { kind dueDate status case { number } } } } }`;

type DeadlineList = {
  deadlines: {
    edges: { node: { kind: string; dueDate: string; status: string; case: { number: string } } }[];
  };
};

describe('deadline monitoring (red lights)', () => {
  it('lists overdue deadlines of the caller’s subtree only, read against today', async () => {
    app.setToday('2025-09-26');
    const registered = await app.run<{
      registerCaseSource: { deadlines: { kind: string; dueDate: string }[] };
    }>(
      REGISTER,
      {
        input: {
          sourceType: 'INSPECTION',
          receivedOn: '2025-09-26',
          title: '未落实网络安全等级保护制度案',
          summary: '检查发现当事人系统未备案。',
          partyIds: [app.demo.parties.qingniao!.id],
          officeId: app.demo.offices.haidian!.id,
        },
      },
      'HD0002',
    );
    expect(registered.errors, JSON.stringify(registered.errors)).toBeUndefined();
    expect(registered.data!.registerCaseSource.deadlines).toEqual([
      { kind: 'DOCKETING', dueDate: '2025-10-23' },
    ]);

    app.setToday('2025-10-23');
    const dueToday = await app.run<DeadlineList>(
      DEADLINES,
      { filter: { overdue: true } },
      'BJ0001',
    );
    expect(dueToday.data!.deadlines.edges).toHaveLength(0);
    const soon = await app.run<DeadlineList>(
      DEADLINES,
      { filter: { dueBefore: '2025-10-31' } },
      'BJ0001',
    );
    expect(soon.data!.deadlines.edges.map((e) => e.node.status)).toEqual(['OPEN']);

    app.setToday('2025-10-24');
    const overdue = await app.run<DeadlineList>(DEADLINES, { filter: { overdue: true } }, 'BJ0001');
    expect(overdue.data!.deadlines.edges.map((e) => e.node)).toEqual([
      {
        kind: 'DOCKETING',
        dueDate: '2025-10-23',
        status: 'MISSED',
        case: { number: '海网信案〔2025〕1号' },
      },
    ]);
    const elsewhere = await app.run<DeadlineList>(
      DEADLINES,
      { filter: { overdue: true } },
      'SH0001',
    );
    expect(elsewhere.data!.deadlines.edges).toHaveLength(0);
    app.setToday('2026-11-22');
  });
});

describe('calendar queries', () => {
  const DAY = `query($date: LocalDate!) { calendarDay(date: $date) { date isWorkingDay kind holidayName } }`;

  it.each([
    ['2025-10-01', { isWorkingDay: false, kind: 'HOLIDAY', holidayName: '国庆节' }],
    ['2025-10-11', { isWorkingDay: true, kind: 'MAKE_UP_WORKDAY' }],
    ['2025-10-12', { isWorkingDay: false, kind: 'WEEKEND', holidayName: null }],
    ['2025-10-13', { isWorkingDay: true, kind: 'WORKING_DAY', holidayName: null }],
  ])('%s is %j', async (date, expected) => {
    const result = await app.run<{ calendarDay: Record<string, unknown> }>(DAY, { date }, 'BJ0002');
    expect(result.data!.calendarDay).toMatchObject({ date, ...expected });
  });

  it('adds working days across the National Day holiday: 2025-09-28 + 7 = 2025-10-14', async () => {
    const result = await app.run<{ addWorkingDays: { date: string } }>(
      `{ addWorkingDays(date: "2025-09-28", days: 7) { date } }`,
      undefined,
      'BJ0002',
    );
    expect(result.data!.addWorkingDays.date).toBe('2025-10-14');
  });

  it('answers for a provisional year, refuses past the horizon, and an authorised national administrator loads the year', async () => {
    const provisionalDay = await app.run<{ calendarDay: Record<string, unknown> }>(
      `query($date: LocalDate!) { calendarDay(date: $date) { kind provisional } }`,
      { date: '2027-01-04' },
      'BJ0002',
    );
    expect(provisionalDay.data!.calendarDay).toEqual({ kind: 'WORKING_DAY', provisional: true });
    // 2026 is the last official year; 2027 and 2028 are provisional; 2029 is past the horizon.
    const refused = await app.run(DAY, { date: '2029-01-04' }, 'BJ0002');
    expect(errorCode(refused)).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(refused.errors![0]!.message).toContain('超出推定范围');
    expect(refused.errors![0]!.extensions).toMatchObject({
      details: { firstYear: 2004, lastOfficialYear: 2026, horizonYear: 2028 },
      legalBasis: [{ citation: '《中华人民共和国行政处罚法》第八十五条' }],
    });
    const early = await app.run(DAY, { date: '2003-12-31' }, 'BJ0002');
    expect(errorCode(early)).toBe('CALENDAR_YEAR_NOT_LOADED');
    expect(early.errors![0]!.message).toContain('早于本系统节假日数据的起始年度（2004年）');
    // Test data only: not the real 2027 arrangement.
    const arrangement = {
      year: 2027,
      source: { notices: [{ title: '测试用2027年节假日安排（非真实通知）' }] },
      holidays: [
        { date: '2027-01-01', name: '元旦' },
        { date: '2027-01-02', name: '元旦' },
        { date: '2027-01-03', name: '元旦' },
      ],
      makeUpWorkdays: [],
    };
    const LOAD = `mutation($a: CalendarArrangementInput!) { loadCalendarYear(arrangement: $a) { year holidays } }`;
    expect(errorCode(await app.run(LOAD, { a: arrangement }, 'BJ0006'))).toBe(
      'OUTSIDE_OFFICE_SCOPE',
    );
    expect(
      errorCode(
        await app.run(
          LOAD,
          { a: { ...arrangement, holidays: [{ date: '2026-12-31', name: '元旦' }] } },
          'CN0006',
        ),
      ),
    ).toBe('CALENDAR_DATA_INVALID');
    // Three bad fields in three places: every one comes back at once with its input path.
    const before = await app.tableCounts();
    const threeBad = await app.run(
      LOAD,
      {
        a: {
          ...arrangement,
          source: { notices: [{ title: ' ' }] },
          holidays: [arrangement.holidays[0], { date: '2027-01-02', name: ' ' }],
          makeUpWorkdays: [{ date: '2027-01-09', name: '' }],
        },
      },
      'CN0006',
    );
    expect(errorCode(threeBad)).toBe('CALENDAR_DATA_INVALID');
    const paths = (
      threeBad.errors![0]!.extensions!.validationErrors as { inputPath: string; code: string }[]
    ).map((e) => e.inputPath);
    expect(paths).toEqual(
      expect.arrayContaining([
        'arrangement.source.notices[0].title',
        'arrangement.holidays[1].name',
        'arrangement.makeUpWorkdays[0].name',
      ]),
    );
    expect(await app.tableCounts()).toEqual(before);
    const loaded = await app.run<{ loadCalendarYear: { year: number; holidays: number } }>(
      LOAD,
      { a: arrangement },
      'CN0006',
    );
    expect(loaded.data!.loadCalendarYear).toEqual({ year: 2027, holidays: 3 });
    const day = await app.run<{ calendarDay: { kind: string } }>(
      DAY,
      { date: '2027-01-01' },
      'BJ0002',
    );
    expect(day.data!.calendarDay.kind).toBe('HOLIDAY');
  });
});
