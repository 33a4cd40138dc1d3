import chineseDays from 'chinese-days';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  localDate,
  type LocalDate,
} from '../../../../src/procedure/local-date.js';
import { parseCalendarYears } from '../../../../src/procedure/calendar/index.js';
import { readSeedJson, seedCalendar, seedYears } from './seed-calendar.js';

// chinese-days is a CJS bundle: named ESM imports fail at runtime (stack-notes §5).
const { isWorkday, getDayDetail } = chineseDays;

// The package abbreviates three names; the seed uses the names of the State Council notices.
const PACKAGE_NAME_TO_SEED: Readonly<Record<string, string>> = {
  清明: '清明节',
  端午: '端午节',
  中秋: '中秋节',
};

function packageHolidayName(date: LocalDate): string | undefined {
  // getDayDetail names arranged days "English,中文,n" and plain days by weekday only.
  const parts = getDayDetail(date).name.split(',');
  if (parts.length < 2) {
    return undefined;
  }
  const name = parts[1]!;
  return PACKAGE_NAME_TO_SEED[name] ?? name;
}

function daysOfYear(year: number): LocalDate[] {
  const days: LocalDate[] = [];
  for (let d = localDate(`${year}-01-01`); d.startsWith(String(year)); d = addCalendarDays(d, 1)) {
    days.push(d);
  }
  return days;
}

describe('seed data calendar-years.json (State Council holiday notices, via chinese-days 1.5.7)', () => {
  it('parses without errors and holds every year 2004–2026 once', () => {
    const parsed = parseCalendarYears(readSeedJson());
    expect(parsed.ok).toBe(true);
    expect(seedCalendar().loadedYears).toEqual(Array.from({ length: 23 }, (_, i) => 2004 + i));
  });

  it('warns only where the real arrangement has a holiday run made only of weekend days', () => {
    const parsed = parseCalendarYears(readSeedJson());
    // 2015-09-27: 中秋节 fell on a Sunday (2015 notice: 9月27日放假, no extra day).
    // 2022-12-31: the 2023 New Year holiday starts on a Saturday and runs into 2023.
    expect(parsed.warnings.map((w) => [w.code, w.path, w.message.slice(4, 14)])).toEqual([
      ['HOLIDAY_BLOCK_ONLY_WEEKEND', '[11].holidays', '2015-09-27'],
      ['HOLIDAY_BLOCK_ONLY_WEEKEND', '[18].holidays', '2022-12-31'],
    ]);
  });

  it('agrees with chinese-days isWorkday on every day of every seeded year (APL art. 85: working days exclude statutory holidays)', () => {
    const calendar = seedCalendar();
    const disagreements: string[] = [];
    for (const year of calendar.loadedYears) {
      for (const date of daysOfYear(year)) {
        if (calendar.isWorkingDay(date) !== isWorkday(date)) {
          disagreements.push(date);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('agrees with chinese-days on the day kind and holiday name of every arranged day', () => {
    const calendar = seedCalendar();
    const disagreements: string[] = [];
    for (const year of calendar.loadedYears) {
      for (const date of daysOfYear(year)) {
        const info = calendar.dayInfo(date);
        const name = packageHolidayName(date);
        const arranged = info.kind === 'HOLIDAY' || info.kind === 'MAKE_UP_WORKDAY';
        if (arranged !== (name !== undefined) || (arranged && info.holidayName !== name)) {
          disagreements.push(
            `${date}: ${info.kind} ${info.holidayName ?? ''} vs ${name ?? 'plain day'}`,
          );
        }
      }
    }
    expect(disagreements).toEqual([]);
  });

  it('covers exactly the years chinese-days has arrangements for (bump the package → regenerate the seed)', () => {
    const packageYears: number[] = [];
    for (let year = 2000; year <= 2035; year++) {
      if (daysOfYear(year).some((d) => packageHolidayName(d) !== undefined)) {
        packageYears.push(year);
      }
    }
    expect(packageYears).toEqual([...seedCalendar().loadedYears]);
  });

  it('names the State Council notice of each year; the 2025 and 2026 numbers are given', () => {
    for (const year of seedYears()) {
      expect(year.source.notices[0]?.title).toBe(
        `国务院办公厅关于${year.year}年部分节假日安排的通知`,
      );
      expect(year.source.extractedFrom).toBe('chinese-days@1.5.7');
    }
    const calendar = seedCalendar();
    expect(calendar.sourceOf(2025).notices[0]?.documentNumber).toBe('国办发明电〔2024〕12号');
    expect(calendar.sourceOf(2026).notices[0]?.documentNumber).toBe('国办发明电〔2025〕7号');
  });

  it('attributes end-of-December New Year days to the next year’s notice (2018-12-29 make-up workday)', () => {
    const notices = seedCalendar().sourceOf(2018).notices;
    expect(notices.map((n) => n.title)).toEqual([
      '国务院办公厅关于2018年部分节假日安排的通知',
      '国务院办公厅关于2019年部分节假日安排的通知',
    ]);
    expect(notices[1]?.covers).toContain('2018-12-29 上班');
  });

  it('chinese-days silently treats 2027 as Monday–Friday; the calendar refuses instead', () => {
    expect(isWorkday('2027-01-01')).toBe(true);
    expect(() => seedCalendar().isWorkingDay(localDate('2027-01-01'))).toThrow(
      expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 }),
    );
  });
});
