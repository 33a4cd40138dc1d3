import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  buildWorkingDayCalendar,
  seededCalendarYears,
} from '../../../../src/db/seed/reference-data.js';
import {
  provisionalHorizonYears,
  provisionalYearsFor,
  statutoryLunarDates,
} from '../../../../src/calendar-data/provisional-years.js';
import {
  computeDeadline,
  deriveProvisionalYear,
  statutoryHolidays,
  type PeriodSpec,
} from '../../../../src/procedure/calendar/index.js';
import { apl } from '../../../../src/procedure/legal-basis.js';
import { localDate as d } from '../../../../src/procedure/local-date.js';
import { seedYears } from './seed-calendar.js';

const CASE_TIME_LIMIT_90D: PeriodSpec = {
  length: 90,
  unit: 'CALENDAR_DAYS',
  legalBasis: [apl(60)],
};
const STATEMENT_5WD: PeriodSpec = { length: 5, unit: 'WORKING_DAYS', legalBasis: [apl(85)] };
const LITIGATION_6M: PeriodSpec = { length: 6, unit: 'MONTHS', legalBasis: [apl(85)] };

/** The shipped data (2004–2026 official) plus the provisional years the server derives. */
const calendar = buildWorkingDayCalendar(seededCalendarYears(), 2);

describe('provisional year: 《全国年节及纪念日放假办法》第二条 (2024 revision) on the lunar data of chinese-days', () => {
  it.each([2025, 2026])(
    'every statutory holiday derived for %i is a day off in the State Council’s arrangement of that year',
    (year) => {
      const official = seedYears().find((y) => y.year === year)!;
      const off = new Set(official.holidays.map((h) => h.date));
      const derived = statutoryHolidays(statutoryLunarDates(year));
      // 1 + 4 + 1 + 2 + 1 + 1 + 3 = 13 days (none coincide in 2025 or 2026).
      expect(derived).toHaveLength(13);
      expect(derived.filter((h) => !off.has(h.date))).toEqual([]);
      // The official year has more days off (bridging, weekends inside blocks) and make-up
      // workdays: exactly what the provisional year cannot know.
      expect(official.holidays.length).toBeGreaterThan(derived.length);
      expect(official.makeUpWorkdays.length).toBeGreaterThan(0);
    },
  );

  it('derives 2027: 春节 from 除夕 2027-02-05 to 正月初三 2027-02-08, 清明 04-05, 端午 06-09, 中秋 09-15', () => {
    const year = deriveProvisionalYear(statutoryLunarDates(2027));
    expect(year.holidays).toEqual([
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-02-05', name: '春节' },
      { date: '2027-02-06', name: '春节' },
      { date: '2027-02-07', name: '春节' },
      { date: '2027-02-08', name: '春节' },
      { date: '2027-04-05', name: '清明节' },
      { date: '2027-05-01', name: '劳动节' },
      { date: '2027-05-02', name: '劳动节' },
      { date: '2027-06-09', name: '端午节' },
      { date: '2027-09-15', name: '中秋节' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-02', name: '国庆节' },
      { date: '2027-10-03', name: '国庆节' },
    ]);
    expect(year.legalBasis).toMatchObject({ law: '全国年节及纪念日放假办法', article: 2 });
  });

  it('除夕 is the day before 正月初一 even when the twelfth lunar month has 29 days (2025: 01-28)', () => {
    const derived = statutoryHolidays(statutoryLunarDates(2025)).filter((h) => h.name === '春节');
    expect(derived.map((h) => h.date)).toEqual([
      '2025-01-28',
      '2025-01-29',
      '2025-01-30',
      '2025-01-31',
    ]);
  });

  it('a 中秋 on 10月1日 (2031) is one day off with both names', () => {
    const dates = statutoryLunarDates(2031);
    expect(dates.midAutumnFestival).toBe('2031-10-01');
    const derived = statutoryHolidays(dates);
    expect(derived).toHaveLength(12);
    expect(derived.find((h) => h.date === '2031-10-01')!.name).toBe('中秋节、国庆节');
  });

  it('years before the 2024 revision are never derived', () => {
    expect(() => statutoryHolidays({ ...statutoryLunarDates(2025), year: 2024 })).toThrow(
      expect.objectContaining({ code: 'CALENDAR_DATA_INVALID' }),
    );
  });

  it('no make-up workdays and no bridging: 2027-02-20 (Saturday) is a rest day, 2027-02-09 a working day', () => {
    expect(calendar.statusOf(2027)).toBe('PROVISIONAL');
    expect(calendar.dayInfo(d('2027-02-20'))).toMatchObject({ kind: 'WEEKEND', provisional: true });
    expect(calendar.dayInfo(d('2027-02-09'))).toMatchObject({
      kind: 'WORKING_DAY',
      isWorkingDay: true,
      provisional: true,
    });
    expect(calendar.dayInfo(d('2027-02-08'))).toMatchObject({
      kind: 'HOLIDAY',
      holidayName: '春节',
    });
    expect(calendar.dayInfo(d('2026-12-31'))).toMatchObject({
      kind: 'WORKING_DAY',
      provisional: false,
    });
  });
});

describe('deadlines across 2026 → 2027 with a provisional 2027', () => {
  it('a 90-day case time limit from 2026-12-03 ends 2027-03-03, provisional, with the explanation', () => {
    const { dueDate, explanation } = computeDeadline(
      CASE_TIME_LIMIT_90D,
      { event: '立案', date: d('2026-12-03') },
      calendar,
    );
    expect(dueDate).toBe('2027-03-03');
    expect(explanation.provisional).toBe(true);
    expect(explanation.provisionalYears).toEqual([2027]);
    expect(explanation.lines).toContain(
      '2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推定；正式安排载入后重新计算。',
    );
    expect(explanation.calendarSources).toEqual([
      expect.objectContaining({
        year: 2027,
        status: 'PROVISIONAL',
        derivedFrom: expect.objectContaining({ citation: '《全国年节及纪念日放假办法》第二条' }),
      }),
    ]);
  });

  it('a period ending on 春节 2027 rolls over the derived 春节 only: 60 days from 2026-12-08 → 2027-02-09', () => {
    const { dueDate, explanation } = computeDeadline(
      { ...CASE_TIME_LIMIT_90D, length: 60 },
      { event: '送达', date: d('2026-12-08') },
      calendar,
    );
    expect(explanation.rollover).toMatchObject({ from: '2027-02-06', to: '2027-02-09' });
    expect(dueDate).toBe('2027-02-09');
    expect(explanation.provisional).toBe(true);
  });

  it('working days over New Year: 5 WD from 2026-12-29 skip 2027-01-01 (元旦) and the weekend → 2027-01-06', () => {
    const { dueDate, explanation } = computeDeadline(
      STATEMENT_5WD,
      { event: '送达告知书', date: d('2026-12-29') },
      calendar,
    );
    expect(dueDate).toBe('2027-01-06');
    expect(explanation.skippedDays.map((s) => s.date)).toEqual([
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
    expect(explanation.provisional).toBe(true);
  });

  it('a deadline inside official years only is not provisional', () => {
    const { explanation } = computeDeadline(
      STATEMENT_5WD,
      { event: '送达告知书', date: d('2026-12-03') },
      calendar,
    );
    expect(explanation.provisional).toBe(false);
    expect(explanation.lines.join('')).not.toContain('推定');
  });

  it('past the horizon (2026 + 2 = 2028) the calendar refuses with the citation; before 2004 too', () => {
    expect(
      computeDeadline(LITIGATION_6M, { event: '送达', date: d('2028-06-01') }, calendar).dueDate,
    ).toBe('2028-12-01');
    expect(() =>
      computeDeadline(LITIGATION_6M, { event: '送达', date: d('2028-12-01') }, calendar),
    ).toThrow(
      expect.objectContaining({
        code: 'CALENDAR_YEAR_NOT_LOADED',
        year: 2029,
        message: expect.stringContaining('超出推定范围'),
      }),
    );
    expect(() => calendar.dayInfo(d('2003-12-31'))).toThrow(
      expect.objectContaining({
        code: 'CALENDAR_YEAR_NOT_LOADED',
        message: expect.stringContaining('《中华人民共和国行政处罚法》第八十五条'),
      }),
    );
  });

  it('the horizon is a parameter: CALENDAR_PROVISIONAL_HORIZON_YEARS, default 2, 0 turns it off', () => {
    expect(provisionalHorizonYears({})).toBe(2);
    expect(provisionalHorizonYears({ CALENDAR_PROVISIONAL_HORIZON_YEARS: '1' })).toBe(1);
    expect(() => provisionalHorizonYears({ CALENDAR_PROVISIONAL_HORIZON_YEARS: 'x' })).toThrow();
    expect(provisionalYearsFor([2025, 2026], 0).years).toEqual([]);
    expect(provisionalYearsFor([2025, 2026], 1).years.map((y) => y.year)).toEqual([2027]);
  });
});

describe('the lunar table is the library’s data (chinese-days, in Beijing time)', () => {
  it('statutory-lunar-dates.json equals what chinese-days computes under TZ=Asia/Shanghai, 2025–2100', () => {
    // The library reads dates back in local time, so it is asked in a child process in Beijing time.
    const script = `
      const cd = require('chinese-days');
      const rows = [];
      for (let y = 2025; y <= 2100; y++) {
        const l = (m, d) => cd.getSolarDateFromLunar(y + '-' + String(m).padStart(2, '0') + '-' + String(d).padStart(2, '0')).date;
        rows.push([y, l(1, 1), l(5, 5), l(8, 15), cd.getSolarTermDate(y, 4, 'pure_brightness')]);
      }
      process.stdout.write(JSON.stringify(rows));`;
    const output = execFileSync(process.execPath, ['-e', script], {
      env: { ...process.env, TZ: 'Asia/Shanghai' },
      cwd: fileURLToPath(new URL('../../../../', import.meta.url)),
      encoding: 'utf8',
    });
    const library = JSON.parse(output) as [number, string, string, string, string][];
    expect(library).toHaveLength(76);
    for (const [year, newYear, dragonBoat, midAutumn, qingming] of library) {
      expect(statutoryLunarDates(year)).toMatchObject({
        lunarNewYear: newYear,
        dragonBoatFestival: dragonBoat,
        midAutumnFestival: midAutumn,
        qingming,
      });
    }
  });
});
