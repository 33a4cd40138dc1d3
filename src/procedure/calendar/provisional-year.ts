/**
 * A provisional year (推定年度): a year whose holiday arrangement the State Council
 * has not yet published. It is derived, never typed in: Saturdays and Sundays off,
 * plus the statutory holidays of 《全国年节及纪念日放假办法》 on their Gregorian or
 * lunar dates, with no make-up workdays (调休) and no bridging days (拼假) — those
 * only the year's notice can set. Deadlines that rely on such a year are marked
 * provisional and recomputed when the official arrangement is loaded.
 *
 * The lunar dates (正月初一, 五月初五, 八月十五) and the solar term 清明 are data
 * handed in by the caller (src/calendar-data, from a kept library): this module
 * never computes astronomy itself.
 */
import { formatCitation, type LegalBasis } from '../legal-basis.js';
import { addCalendarDays, isLocalDate, type LocalDate } from '../local-date.js';
import { CalendarError } from './calendar-error.js';
import type { CalendarDayEntry, CalendarYearData, CalendarYearIssue } from './calendar-year.js';

export const NATIONAL_HOLIDAYS_MEASURES = '全国年节及纪念日放假办法';

/**
 * 《全国年节及纪念日放假办法》第二条 as revised by 国务院令第795号 (2024-11-10,
 * in force 2025-01-01). Status P: the text is taken from public reprints of the
 * State Council's decree, not checked against the 国务院公报 original here.
 */
export const NATIONAL_HOLIDAYS_ARTICLE: LegalBasis = {
  law: NATIONAL_HOLIDAYS_MEASURES,
  article: 2,
  status: 'P',
  source: '国务院令第795号（2024年11月10日公布，2025年1月1日施行）修订后的第二条，据公开转载文本',
};

/** The first year the 2024 revision governs; earlier years have official data only. */
export const NATIONAL_HOLIDAYS_REVISION_IN_FORCE_FROM = 2025;

/** The dates of one Gregorian year that the statute ties to the lunar calendar or a solar term. */
export interface StatutoryLunarDates {
  readonly year: number;
  /** 正月初一 of the lunar year starting in this Gregorian year (春节). */
  readonly lunarNewYear: LocalDate;
  /** 五月初五 (端午节). */
  readonly dragonBoatFestival: LocalDate;
  /** 八月十五 (中秋节). */
  readonly midAutumnFestival: LocalDate;
  /** The day of the solar term 清明 (清明节). */
  readonly qingming: LocalDate;
  /** Where these dates come from, e.g. chinese-days@1.5.7 农历与节气数据. */
  readonly source: string;
}

export interface ProvisionalCalendarYear {
  readonly year: number;
  readonly legalBasis: LegalBasis;
  /** The statutory holidays only (放假日), no make-up workdays. */
  readonly holidays: readonly CalendarDayEntry[];
  /** Where the lunar and solar-term dates come from. */
  readonly lunarSource: string;
}

function requireDateInYear(value: LocalDate, year: number, what: string): void {
  if (!isLocalDate(value) || Number(value.slice(0, 4)) !== year) {
    throw new CalendarError('CALENDAR_DATA_INVALID', `${year}年${what}日期无效：${value}`, {
      year,
      what,
      value,
    });
  }
}

/**
 * The statutory holidays of `year` under 《全国年节及纪念日放假办法》第二条 (2024 revision):
 * 元旦 1 day (1月1日); 春节 4 days (农历除夕、正月初一至初三); 清明节 1 day (农历清明当日);
 * 劳动节 2 days (5月1日、2日); 端午节 1 day (农历端午当日); 中秋节 1 day (农历中秋当日);
 * 国庆节 3 days (10月1日至3日). 除夕 is the day before 正月初一, whether the twelfth month
 * has 29 or 30 days. A 除夕 that falls in the previous Gregorian year (never since 1900,
 * but not excluded) is left out of this year.
 */
export function statutoryHolidays(dates: StatutoryLunarDates): CalendarDayEntry[] {
  const { year } = dates;
  if (!Number.isInteger(year) || year < NATIONAL_HOLIDAYS_REVISION_IN_FORCE_FROM) {
    throw new CalendarError(
      'CALENDAR_DATA_INVALID',
      `《${NATIONAL_HOLIDAYS_MEASURES}》2024年修订自${NATIONAL_HOLIDAYS_REVISION_IN_FORCE_FROM}年起施行，${year}年不能据此推定。`,
      { year },
    );
  }
  requireDateInYear(dates.lunarNewYear, year, '春节（正月初一）');
  requireDateInYear(dates.dragonBoatFestival, year, '端午节');
  requireDateInYear(dates.midAutumnFestival, year, '中秋节');
  requireDateInYear(dates.qingming, year, '清明节');
  const fixed = (monthDay: string, name: string): CalendarDayEntry => ({
    date: `${year}-${monthDay}` as LocalDate,
    name,
  });
  const springFestival = [-1, 0, 1, 2].map((offset) => ({
    date: addCalendarDays(dates.lunarNewYear, offset),
    name: '春节',
  }));
  const entries: CalendarDayEntry[] = [
    fixed('01-01', '元旦'),
    ...springFestival,
    { date: dates.qingming, name: '清明节' },
    fixed('05-01', '劳动节'),
    fixed('05-02', '劳动节'),
    { date: dates.dragonBoatFestival, name: '端午节' },
    { date: dates.midAutumnFestival, name: '中秋节' },
    fixed('10-01', '国庆节'),
    fixed('10-02', '国庆节'),
    fixed('10-03', '国庆节'),
  ];
  // 中秋 can fall on 10月1日–3日 (it did in 2020): one day off, two names.
  const byDate = new Map<string, CalendarDayEntry>();
  for (const entry of entries) {
    if (Number(entry.date.slice(0, 4)) !== year) {
      continue;
    }
    const seen = byDate.get(entry.date);
    byDate.set(
      entry.date,
      seen ? { date: entry.date, name: `${seen.name}、${entry.name}` } : entry,
    );
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The provisional year: statutory holidays on top of plain weekends, no 调休, no 拼假. */
export function deriveProvisionalYear(dates: StatutoryLunarDates): ProvisionalCalendarYear {
  return {
    year: dates.year,
    legalBasis: NATIONAL_HOLIDAYS_ARTICLE,
    holidays: statutoryHolidays(dates),
    lunarSource: dates.source,
  };
}

/** The explanation a provisional deadline carries (one sentence per provisional year). */
export function provisionalYearNotice(year: number): string {
  return `${year}年节假日安排尚未公布，按《${NATIONAL_HOLIDAYS_MEASURES}》推定；正式安排载入后重新计算`;
}

/**
 * Where a loaded (official) arrangement departs from the statute's list: a statutory
 * holiday that is not a day off, or is even a make-up workday. Warnings, never errors:
 * the State Council's notice is what binds, and it is loaded as published.
 */
export function statuteDepartures(
  data: CalendarYearData,
  dates: StatutoryLunarDates,
): CalendarYearIssue[] {
  const off = new Set(data.holidays.map((h) => h.date));
  const working = new Set(data.makeUpWorkdays.map((m) => m.date));
  return statutoryHolidays(dates)
    .filter((h) => !off.has(h.date))
    .map((h) => ({
      code: 'STATUTORY_HOLIDAY_NOT_OFF',
      severity: 'WARNING',
      path: 'holidays',
      message:
        `${h.date}（${h.name}）是${formatCitation(NATIONAL_HOLIDAYS_ARTICLE)}规定的放假日，` +
        `所载安排${working.has(h.date) ? '却列为调休上班日' : '未列为放假日'}；已按通知载入，请核对通知原文。`,
    }));
}
