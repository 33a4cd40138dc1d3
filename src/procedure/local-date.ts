/**
 * Calendar dates without time zone, as the law counts them ('YYYY-MM-DD').
 * Periods are counted in China Standard Time; the conversion from an instant
 * happens at the edge (toLocalDate), never inside rules.
 */
export type LocalDate = string & { readonly __brand: 'LocalDate' };

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): value is LocalDate {
  const m = PATTERN.exec(value);
  if (!m) {
    return false;
  }
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === value;
}

export function localDate(value: string): LocalDate {
  if (!isLocalDate(value)) {
    throw new RangeError(`not a calendar date (YYYY-MM-DD): ${value}`);
  }
  return value;
}

const CST_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The calendar date in China Standard Time (UTC+8, no daylight saving) of an instant. */
export function toLocalDate(instant: Date): LocalDate {
  return new Date(instant.getTime() + CST_OFFSET_MS).toISOString().slice(0, 10) as LocalDate;
}

export function addCalendarDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) as LocalDate;
}

/** Adds months keeping the day, clamped to the month's end (2026-01-31 + 1 month = 2026-02-28). */
export function addCalendarMonths(date: LocalDate, months: number): LocalDate {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(
    Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0),
  ).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return first.toISOString().slice(0, 10) as LocalDate;
}

export function addCalendarYears(date: LocalDate, years: number): LocalDate {
  return addCalendarMonths(date, years * 12);
}

/** Whole days from a to b (b − a). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return new Date(`${date}T00:00:00Z`).getUTCDay();
}

export function compareLocalDates(a: LocalDate, b: LocalDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
