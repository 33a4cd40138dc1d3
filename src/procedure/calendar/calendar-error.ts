/**
 * Typed errors of the working-day calendar. A missing year is an error, never a
 * guess: counting an unpublished year as plain Monday–Friday would silently give
 * wrong legal deadlines around its holidays.
 *
 * Legal basis: 《中华人民共和国行政处罚法》第八十五条; 《中华人民共和国行政强制法》第六十九条 (working days exclude statutory holidays, so the holiday data must be known).
 */
import type { LocalDate } from '../local-date.js';

export type CalendarErrorCode =
  /** The date's year has no holiday arrangement loaded. */
  | 'CALENDAR_YEAR_NOT_LOADED'
  /** Year data handed to the calendar is inconsistent (see CalendarYearIssue). */
  | 'CALENDAR_DATA_INVALID'
  /** A period specification that cannot be counted (length not a positive integer, unsupported unit). */
  | 'INVALID_PERIOD'
  /** A pause interval that is not a valid date range or has no reason. */
  | 'INVALID_PAUSE'
  /** A date argument that is not 'YYYY-MM-DD' or a day count that is not an integer. */
  | 'INVALID_ARGUMENT';

export class CalendarError extends Error {
  readonly code: CalendarErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(
    code: CalendarErrorCode,
    message: string,
    details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
    this.name = 'CalendarError';
    this.code = code;
    this.details = details;
  }
}

/** Why a year cannot be answered for, besides "no data at all". */
export interface CalendarCoverage {
  /** The first year with data (2004 for the shipped seed). */
  readonly firstYear?: number;
  /** The last year with the State Council's arrangement loaded. */
  readonly lastOfficialYear?: number;
  /** The last year derived provisionally (lastOfficialYear + the horizon parameter). */
  readonly horizonYear?: number;
}

/** The working-day rule that makes the holiday data necessary, cited by every refusal. */
export const CALENDAR_CITATION = '《中华人民共和国行政处罚法》第八十五条';

export class CalendarYearNotLoadedError extends CalendarError {
  declare readonly code: 'CALENDAR_YEAR_NOT_LOADED';
  readonly year: number;
  readonly date: LocalDate;

  constructor(
    year: number,
    date: LocalDate,
    loadedYears: readonly number[],
    coverage: CalendarCoverage = {},
  ) {
    const { firstYear, lastOfficialYear, horizonYear } = coverage;
    const why =
      firstYear !== undefined && year < firstYear
        ? `${year}年早于本系统节假日数据的起始年度（${firstYear}年）`
        : horizonYear !== undefined &&
            lastOfficialYear !== undefined &&
            horizonYear > lastOfficialYear &&
            year > horizonYear
          ? `${year}年超出推定范围：正式安排已载入至${lastOfficialYear}年，其后至${horizonYear}年按《全国年节及纪念日放假办法》推定`
          : `${year}年的节假日安排尚未载入`;
    super(
      'CALENDAR_YEAR_NOT_LOADED',
      `${why}，无法判断 ${date} 是否为工作日（${CALENDAR_CITATION}：期限以工作日计算的，不含法定节假日）。请先载入国务院办公厅关于${year}年部分节假日安排的通知。`,
      {
        year,
        date,
        loadedYears: [...loadedYears],
        ...coverage,
        legalBasis: [CALENDAR_CITATION],
      },
    );
    this.name = 'CalendarYearNotLoadedError';
    this.year = year;
    this.date = date;
  }
}

export function isCalendarYearNotLoadedError(error: unknown): error is CalendarYearNotLoadedError {
  return error instanceof CalendarYearNotLoadedError;
}
