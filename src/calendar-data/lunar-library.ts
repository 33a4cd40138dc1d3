import chineseDays from 'chinese-days';
import type { StatutoryLunarDates } from '../procedure/calendar/index.js';
import { isLocalDate, type LocalDate } from '../procedure/local-date.js';

/**
 * The statute's lunar and solar-term dates from the kept library chinese-days (pinned
 * in package.json; lunar table 1900–2100, solar terms with its published corrections).
 *
 * chinese-days 1.5.7 parses dates as UTC but reads them back in local time, so west of
 * UTC (e.g. TZ=America/New_York) it answers one day early. The server therefore never
 * calls it at run time: `npm run calendar:lunar-table` runs this under TZ=Asia/Shanghai
 * and writes src/calendar-data/statutory-lunar-dates.json, which a test compares
 * against the library again.
 */
export const LUNAR_DATA_SOURCE = 'chinese-days@1.5.7 农历与二十四节气数据';

export const LUNAR_TABLE_FIRST_YEAR = 2025;
export const LUNAR_TABLE_LAST_YEAR = 2100;

function libraryDate(value: string, what: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new Error(`chinese-days returned an invalid date for ${what}: ${value}`);
  }
  return value;
}

/** 正月初一, 五月初五, 八月十五 and 清明 of a Gregorian year. Correct only at UTC or east of it. */
export function libraryStatutoryLunarDates(year: number): StatutoryLunarDates {
  if (new Date(Date.UTC(year, 0, 1)).getTimezoneOffset() > 0) {
    throw new Error('chinese-days answers one day early west of UTC: run with TZ=Asia/Shanghai');
  }
  // getSolarDateFromLunar reads 'YYYY-MM-DD' as lunar year, month, day (the non-leap month).
  const lunar = (month: number, day: number): LocalDate =>
    libraryDate(
      chineseDays.getSolarDateFromLunar(
        `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      ).date,
      `${year}-${month}-${day} (lunar)`,
    );
  return {
    year,
    lunarNewYear: lunar(1, 1),
    dragonBoatFestival: lunar(5, 5),
    midAutumnFestival: lunar(8, 15),
    qingming: libraryDate(chineseDays.getSolarTermDate(year, 4, 'pure_brightness'), `${year} 清明`),
    source: LUNAR_DATA_SOURCE,
  };
}

/** The table written to statutory-lunar-dates.json. */
export function libraryLunarTable(): StatutoryLunarDates[] {
  const rows: StatutoryLunarDates[] = [];
  for (let year = LUNAR_TABLE_FIRST_YEAR; year <= LUNAR_TABLE_LAST_YEAR; year += 1) {
    rows.push(libraryStatutoryLunarDates(year));
  }
  return rows;
}
