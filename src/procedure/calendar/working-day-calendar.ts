/**
 * The Chinese working-day calendar: Monday–Friday are working days, except the
 * statutory holidays, plus the weekend days that the year's notice makes working
 * days (调休上班). Built from year data only. A year is OFFICIAL (the State Council
 * notice is loaded) or PROVISIONAL (derived from 《全国年节及纪念日放假办法》, see
 * provisional-year.ts); every answer that relied on a provisional year says so.
 * A date in a year with neither throws CALENDAR_YEAR_NOT_LOADED instead of being guessed.
 *
 * Legal basis: 《中华人民共和国行政处罚法》第八十五条 (“二日”“三日”“五日”“七日”是指工作日，不含法定节假日);
 * 《中华人民共和国行政强制法》第六十九条 (十日以内期限是指工作日，不含法定节假日).
 */
import { addCalendarDays, dayOfWeek, isLocalDate, type LocalDate } from '../local-date.js';
import {
  CalendarError,
  CalendarYearNotLoadedError,
  type CalendarCoverage,
} from './calendar-error.js';
import {
  validateCalendarYear,
  type CalendarYearData,
  type CalendarYearSource,
} from './calendar-year.js';
import type { ProvisionalCalendarYear } from './provisional-year.js';

/** OFFICIAL: the State Council's arrangement is loaded. PROVISIONAL: derived from the statute. */
export type CalendarYearStatus = 'OFFICIAL' | 'PROVISIONAL';

export type DayKind = 'WORKING_DAY' | 'WEEKEND' | 'HOLIDAY' | 'MAKE_UP_WORKDAY';

export interface DayInfo {
  readonly date: LocalDate;
  readonly kind: DayKind;
  readonly isWorkingDay: boolean;
  /** 0 = Sunday … 6 = Saturday. */
  readonly dayOfWeek: number;
  /** HOLIDAY: the holiday (国庆节); MAKE_UP_WORKDAY: the holiday it makes up for. */
  readonly holidayName?: string;
  /** Chinese, e.g. 2025-10-01（周三）国庆节放假. */
  readonly description: string;
  /** True when the day's year is provisional: the answer may change when the notice is loaded. */
  readonly provisional: boolean;
}

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;

interface YearIndex {
  readonly status: CalendarYearStatus;
  readonly source: CalendarYearSource;
  /** PROVISIONAL only: the statute and the lunar data it was derived from. */
  readonly provisional?: ProvisionalCalendarYear;
  readonly holidays: ReadonlyMap<string, string>;
  readonly makeUpWorkdays: ReadonlyMap<string, string>;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function requireLocalDate(value: string, argument: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new CalendarError(
      'INVALID_ARGUMENT',
      `${argument} 不是有效日期（YYYY-MM-DD）：${value}`,
      { argument, value },
    );
  }
  return value;
}

function requireInteger(value: number, argument: string): void {
  if (!Number.isInteger(value)) {
    throw new CalendarError('INVALID_ARGUMENT', `${argument} 须为整数：${value}`, {
      argument,
      value,
    });
  }
}

export interface WorkingDayCalendarOptions {
  /**
   * Years derived from the statute for which no notice is loaded (see provisional-year.ts).
   * A year given both officially and provisionally is official.
   */
  readonly provisionalYears?: readonly ProvisionalCalendarYear[];
  /** The last provisional year (the horizon), for the refusal's message. */
  readonly horizonYear?: number;
}

export class WorkingDayCalendar {
  private readonly years = new Map<number, YearIndex>();
  private readonly horizonYear: number | undefined;

  /** Throws CALENDAR_DATA_INVALID when a year is inconsistent or given twice. */
  constructor(years: readonly CalendarYearData[], options: WorkingDayCalendarOptions = {}) {
    for (const data of years) {
      const errors = validateCalendarYear(data).filter((issue) => issue.severity === 'ERROR');
      if (errors.length > 0) {
        throw new CalendarError(
          'CALENDAR_DATA_INVALID',
          `${data.year}年的节假日数据有误：${errors[0]!.message}`,
          {
            year: data.year,
            errors,
          },
        );
      }
      if (this.years.has(data.year)) {
        throw new CalendarError('CALENDAR_DATA_INVALID', `${data.year}年的节假日数据重复。`, {
          year: data.year,
        });
      }
      this.years.set(data.year, {
        status: 'OFFICIAL',
        source: data.source,
        holidays: new Map(data.holidays.map((h) => [h.date, h.name])),
        makeUpWorkdays: new Map(data.makeUpWorkdays.map((m) => [m.date, m.name])),
      });
    }
    this.horizonYear = options.horizonYear;
    for (const provisional of options.provisionalYears ?? []) {
      if (this.years.has(provisional.year)) {
        continue;
      }
      this.years.set(provisional.year, {
        status: 'PROVISIONAL',
        source: { notices: [] },
        provisional,
        holidays: new Map(provisional.holidays.map((h) => [h.date, h.name])),
        makeUpWorkdays: new Map(),
      });
    }
  }

  /** Years the calendar can answer for (official or provisional), ascending. */
  get loadedYears(): readonly number[] {
    return [...this.years.keys()].sort((a, b) => a - b);
  }

  /** Years with the State Council's arrangement loaded, ascending. */
  get officialYears(): readonly number[] {
    return this.loadedYears.filter((y) => this.years.get(y)!.status === 'OFFICIAL');
  }

  /** Years derived from the statute, ascending. */
  get provisionalYears(): readonly number[] {
    return this.loadedYears.filter((y) => this.years.get(y)!.status === 'PROVISIONAL');
  }

  hasYear(year: number): boolean {
    return this.years.has(year);
  }

  /** OFFICIAL, PROVISIONAL, or undefined for a year the calendar cannot answer for. */
  statusOf(year: number): CalendarYearStatus | undefined {
    return this.years.get(year)?.status;
  }

  /** The derivation behind a provisional year (undefined for an official or unknown year). */
  provisionalYearOf(year: number): ProvisionalCalendarYear | undefined {
    return this.years.get(year)?.provisional;
  }

  /** The notices behind a year's data. */
  sourceOf(year: number): CalendarYearSource {
    return this.yearIndex(year, `${year}-01-01` as LocalDate).source;
  }

  dayInfo(date: LocalDate): DayInfo {
    requireLocalDate(date, 'date');
    const index = this.yearIndex(yearOf(date), date);
    const dow = dayOfWeek(date);
    const provisional = index.status === 'PROVISIONAL';
    // A provisional day says so in every explanation that quotes it.
    const label = `${date}（${WEEKDAY_NAMES[dow]}${provisional ? '，推定' : ''}）`;
    const holidayName = index.holidays.get(date);
    if (holidayName !== undefined) {
      return {
        date,
        kind: 'HOLIDAY',
        isWorkingDay: false,
        dayOfWeek: dow,
        holidayName,
        description: `${label}${holidayName}放假`,
        provisional,
      };
    }
    const makeUpFor = index.makeUpWorkdays.get(date);
    if (makeUpFor !== undefined) {
      return {
        date,
        kind: 'MAKE_UP_WORKDAY',
        isWorkingDay: true,
        dayOfWeek: dow,
        holidayName: makeUpFor,
        description: `${label}${makeUpFor}调休上班`,
        provisional,
      };
    }
    if (dow === 0 || dow === 6) {
      return {
        date,
        kind: 'WEEKEND',
        isWorkingDay: false,
        dayOfWeek: dow,
        description: `${label}休息日`,
        provisional,
      };
    }
    return {
      date,
      kind: 'WORKING_DAY',
      isWorkingDay: true,
      dayOfWeek: dow,
      description: `${label}工作日`,
      provisional,
    };
  }

  isWorkingDay(date: LocalDate): boolean {
    return this.dayInfo(date).isWorkingDay;
  }

  /**
   * The n-th working day after `date` (n > 0) or before it (n < 0); the date itself
   * is not counted (期间开始的日不计算在期间内). n = 0 returns `date` unchanged.
   */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    requireLocalDate(date, 'date');
    requireInteger(n, 'n');
    this.yearIndex(yearOf(date), date);
    const step = n < 0 ? -1 : 1;
    let remaining = Math.abs(n);
    let current = date;
    while (remaining > 0) {
      current = addCalendarDays(current, step);
      if (this.isWorkingDay(current)) {
        remaining -= 1;
      }
    }
    return current;
  }

  /** Working days after `a` up to and including `b`; negative when b is before a. */
  workingDaysBetween(a: LocalDate, b: LocalDate): number {
    requireLocalDate(a, 'a');
    requireLocalDate(b, 'b');
    if (b < a) {
      return -this.workingDaysBetween(b, a);
    }
    this.yearIndex(yearOf(a), a);
    let count = 0;
    for (let d = addCalendarDays(a, 1); d <= b; d = addCalendarDays(d, 1)) {
      if (this.isWorkingDay(d)) {
        count += 1;
      }
    }
    return count;
  }

  /** The first working day strictly after `date`. */
  nextWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, 1);
  }

  /** The last working day strictly before `date`. */
  previousWorkingDay(date: LocalDate): LocalDate {
    return this.addWorkingDays(date, -1);
  }

  private coverage(): CalendarCoverage {
    const official = this.officialYears;
    return {
      ...(this.loadedYears.length > 0 ? { firstYear: this.loadedYears[0] } : {}),
      ...(official.length > 0 ? { lastOfficialYear: official[official.length - 1] } : {}),
      ...(this.horizonYear !== undefined ? { horizonYear: this.horizonYear } : {}),
    };
  }

  private yearIndex(year: number, date: LocalDate): YearIndex {
    const index = this.years.get(year);
    if (index === undefined) {
      throw new CalendarYearNotLoadedError(year, date, this.loadedYears, this.coverage());
    }
    return index;
  }
}
