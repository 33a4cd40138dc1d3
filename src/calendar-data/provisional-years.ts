import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';
import {
  NATIONAL_HOLIDAYS_REVISION_IN_FORCE_FROM,
  deriveProvisionalYear,
  type ProvisionalCalendarYear,
  type StatutoryLunarDates,
} from '../procedure/calendar/index.js';
import { LUNAR_TABLE_LAST_YEAR } from './lunar-library.js';

/**
 * Lunar and solar-term dates for the provisional calendar: a table with its source
 * (statutory-lunar-dates.json, generated from the kept library chinese-days by
 * `npm run calendar:lunar-table`, see lunar-library.ts). The pure calendar
 * (src/procedure/calendar/provisional-year.ts) only receives the dates.
 */
let table: ReadonlyMap<number, StatutoryLunarDates> | undefined;

function lunarTable(): ReadonlyMap<number, StatutoryLunarDates> {
  if (table === undefined) {
    const rows = JSON.parse(
      readFileSync(join(projectRoot, 'src/calendar-data/statutory-lunar-dates.json'), 'utf8'),
    ) as StatutoryLunarDates[];
    table = new Map(rows.map((row) => [row.year, row]));
  }
  return table;
}

/** 正月初一, 五月初五, 八月十五 and 清明 of a Gregorian year (2025–2100). */
export function statutoryLunarDates(year: number): StatutoryLunarDates {
  const row = lunarTable().get(year);
  if (row === undefined) {
    throw new Error(`no lunar dates for ${year} in statutory-lunar-dates.json`);
  }
  return row;
}

/**
 * Provisional horizon (a product parameter, not a statute number): years after the last
 * year with the State Council's arrangement loaded that are derived provisionally. With
 * 2026 loaded and 2, the calendar answers for 2027 and 2028; a date in 2029 is refused
 * (CALENDAR_YEAR_NOT_LOADED). Two years cover every period the rulebook counts from an
 * act done today (the longest, 6 months for litigation, plus rollover) with a year to spare,
 * while a forgotten load cannot go unnoticed for long. Override with
 * CALENDAR_PROVISIONAL_HORIZON_YEARS (0 turns provisional years off).
 */
export const DEFAULT_PROVISIONAL_HORIZON_YEARS = 2;

export function provisionalHorizonYears(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.CALENDAR_PROVISIONAL_HORIZON_YEARS;
  if (raw === undefined || raw.trim() === '') {
    return DEFAULT_PROVISIONAL_HORIZON_YEARS;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 10) {
    throw new Error(`CALENDAR_PROVISIONAL_HORIZON_YEARS must be an integer 0–10, got "${raw}"`);
  }
  return value;
}

/**
 * The provisional years for a set of official years: every year after the last official
 * one up to the horizon (and any gap between official years from 2025 on), derived from
 * 《全国年节及纪念日放假办法》. Years before the 2024 revision applies are never derived.
 */
export function provisionalYearsFor(
  officialYears: readonly number[],
  horizonYears: number = provisionalHorizonYears(),
): { years: ProvisionalCalendarYear[]; horizonYear: number | undefined } {
  if (officialYears.length === 0) {
    return { years: [], horizonYear: undefined };
  }
  const official = new Set(officialYears);
  const first = Math.max(Math.min(...officialYears), NATIONAL_HOLIDAYS_REVISION_IN_FORCE_FROM);
  const horizonYear = Math.min(Math.max(...officialYears) + horizonYears, LUNAR_TABLE_LAST_YEAR);
  const years: ProvisionalCalendarYear[] = [];
  for (let year = first; year <= horizonYear; year += 1) {
    if (!official.has(year)) {
      years.push(deriveProvisionalYear(statutoryLunarDates(year)));
    }
  }
  return { years, horizonYear };
}
