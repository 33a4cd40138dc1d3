import { describe, expect, it } from 'vitest';
import { localDate as d } from '../../../../src/procedure/local-date.js';
import {
  CalendarError,
  CalendarYearNotLoadedError,
  WorkingDayCalendar,
  isCalendarYearNotLoadedError,
  type CalendarYearData,
} from '../../../../src/procedure/calendar/index.js';
import { calendarOf, seedCalendar, seedYears } from './seed-calendar.js';

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('WorkingDayCalendar — 2025 National Day / Mid-Autumn (国办发明电〔2024〕12号: 10月1日至8日放假调休，9月28日、10月11日上班)', () => {
  const calendar = seedCalendar();

  it('Oct 1–8 are holidays, Oct 6 named 中秋节, the rest 国庆节', () => {
    const names = ['01', '02', '03', '04', '05', '06', '07', '08'].map((day) =>
      calendar.dayInfo(d(`2025-10-${day}`)),
    );
    expect(names.every((i) => i.kind === 'HOLIDAY' && !i.isWorkingDay)).toBe(true);
    expect(names.map((i) => i.holidayName)).toEqual([
      '国庆节',
      '国庆节',
      '国庆节',
      '国庆节',
      '国庆节',
      '中秋节',
      '国庆节',
      '国庆节',
    ]);
    expect(calendar.dayInfo(d('2025-10-01')).description).toBe('2025-10-01（周三）国庆节放假');
  });

  it('Sunday Sep 28 and Saturday Oct 11 are make-up workdays (调休上班)', () => {
    for (const date of ['2025-09-28', '2025-10-11']) {
      const info = calendar.dayInfo(d(date));
      expect(info).toMatchObject({
        kind: 'MAKE_UP_WORKDAY',
        isWorkingDay: true,
        holidayName: '国庆节',
      });
    }
    expect(calendar.dayInfo(d('2025-10-11')).description).toBe('2025-10-11（周六）国庆节调休上班');
  });

  it('plain weekend and plain weekday', () => {
    expect(calendar.dayInfo(d('2025-10-12'))).toMatchObject({
      kind: 'WEEKEND',
      isWorkingDay: false,
      dayOfWeek: 0,
    });
    expect(calendar.dayInfo(d('2025-10-09'))).toMatchObject({
      kind: 'WORKING_DAY',
      isWorkingDay: true,
      dayOfWeek: 4,
    });
    expect(calendar.dayInfo(d('2025-10-09')).holidayName).toBeUndefined();
  });
});

describe('WorkingDayCalendar arithmetic — APL art. 85 (二日/三日/五日/七日 are working days, 不含法定节假日)', () => {
  const calendar = seedCalendar();

  it('2025-09-28 + 7 working days = 2025-10-14 (the start day is not counted)', () => {
    expect(calendar.addWorkingDays(d('2025-09-28'), 7)).toBe('2025-10-14');
    expect(calendar.addWorkingDays(d('2025-09-28'), 1)).toBe('2025-09-29');
  });

  it('counts backwards across the holiday: 2025-10-09 − 1 working day = 2025-09-30', () => {
    expect(calendar.addWorkingDays(d('2025-10-09'), -1)).toBe('2025-09-30');
    expect(calendar.previousWorkingDay(d('2025-10-09'))).toBe('2025-09-30');
    expect(calendar.nextWorkingDay(d('2025-09-30'))).toBe('2025-10-09');
  });

  it('n = 0 returns the date itself', () => {
    expect(calendar.addWorkingDays(d('2025-10-04'), 0)).toBe('2025-10-04');
  });

  it('workingDaysBetween counts after a up to and including b', () => {
    expect(calendar.workingDaysBetween(d('2025-09-28'), d('2025-10-14'))).toBe(7);
    expect(calendar.workingDaysBetween(d('2025-10-14'), d('2025-09-28'))).toBe(-7);
    expect(calendar.workingDaysBetween(d('2025-10-01'), d('2025-10-08'))).toBe(0);
    expect(calendar.workingDaysBetween(d('2025-10-14'), d('2025-10-14'))).toBe(0);
  });

  it('crosses a year boundary when both years are loaded (2025-12-31 + 3 = 2026-01-06; 2026 元旦 1月1日至3日放假)', () => {
    expect(calendar.addWorkingDays(d('2025-12-31'), 1)).toBe('2026-01-04');
    expect(calendar.addWorkingDays(d('2025-12-31'), 3)).toBe('2026-01-06');
  });

  it('rejects a fractional day count', () => {
    expect(thrown(() => calendar.addWorkingDays(d('2025-10-09'), 1.5))).toMatchObject({
      code: 'INVALID_ARGUMENT',
    });
  });
});

describe('WorkingDayCalendar — unloaded years throw CALENDAR_YEAR_NOT_LOADED, never Monday–Friday guesses', () => {
  it('a date in 2027 (no State Council notice yet) throws with the year', () => {
    const error = thrown(() => seedCalendar().isWorkingDay(d('2027-01-04')));
    expect(error).toBeInstanceOf(CalendarYearNotLoadedError);
    expect(error).toBeInstanceOf(CalendarError);
    expect(isCalendarYearNotLoadedError(error)).toBe(true);
    expect(error).toMatchObject({
      code: 'CALENDAR_YEAR_NOT_LOADED',
      year: 2027,
      date: '2027-01-04',
    });
  });

  it('counting from 2026-12-28 runs into 2027 and throws (APL art. 85 needs the 2027 holidays)', () => {
    expect(thrown(() => seedCalendar().addWorkingDays(d('2026-12-28'), 7))).toMatchObject({
      code: 'CALENDAR_YEAR_NOT_LOADED',
      year: 2027,
    });
    expect(seedCalendar().addWorkingDays(d('2026-12-28'), 3)).toBe('2026-12-31');
  });

  it('a calendar loaded with 2025 only refuses 2024 and lists what it has', () => {
    const calendar = calendarOf(2025);
    expect(calendar.loadedYears).toEqual([2025]);
    expect(calendar.hasYear(2024)).toBe(false);
    const error = thrown(() => calendar.workingDaysBetween(d('2024-12-30'), d('2025-01-03')));
    expect(error).toMatchObject({
      code: 'CALENDAR_YEAR_NOT_LOADED',
      year: 2024,
      details: { loadedYears: [2025] },
    });
    expect(thrown(() => calendar.sourceOf(2026))).toMatchObject({
      code: 'CALENDAR_YEAR_NOT_LOADED',
      year: 2026,
    });
  });

  it('an empty calendar knows no year', () => {
    const calendar = new WorkingDayCalendar([]);
    expect(calendar.loadedYears).toEqual([]);
    expect(thrown(() => calendar.dayInfo(d('2025-10-09')))).toMatchObject({
      code: 'CALENDAR_YEAR_NOT_LOADED',
      year: 2025,
    });
  });
});

describe('WorkingDayCalendar construction', () => {
  const y2025 = seedYears().find((y) => y.year === 2025)!;

  it('refuses inconsistent data (a date both holiday and make-up workday)', () => {
    const broken: CalendarYearData = {
      ...y2025,
      makeUpWorkdays: [...y2025.makeUpWorkdays, { date: d('2025-10-04'), name: '国庆节' }],
    };
    expect(thrown(() => new WorkingDayCalendar([broken]))).toMatchObject({
      code: 'CALENDAR_DATA_INVALID',
      details: { year: 2025 },
    });
  });

  it('refuses the same year twice', () => {
    expect(thrown(() => new WorkingDayCalendar([y2025, y2025]))).toMatchObject({
      code: 'CALENDAR_DATA_INVALID',
    });
  });

  it('rejects a malformed date argument', () => {
    expect(
      thrown(() => seedCalendar().dayInfo('2025-02-30' as ReturnType<typeof d>)),
    ).toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
