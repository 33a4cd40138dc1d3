// Loads the committed seed file the way the seeder will: JSON → parseCalendarYears → calendar.
import { readFileSync } from 'node:fs';
import {
  parseCalendarYears,
  WorkingDayCalendar,
  type CalendarYearData,
} from '../../../../src/procedure/calendar/index.js';

export const SEED_FILE = new URL(
  '../../../../src/db/seed-data/calendar-years.json',
  import.meta.url,
);

export function readSeedJson(): unknown {
  return JSON.parse(readFileSync(SEED_FILE, 'utf8')) as unknown;
}

export function seedYears(): readonly CalendarYearData[] {
  const parsed = parseCalendarYears(readSeedJson());
  if (!parsed.ok) {
    throw new Error(`seed calendar invalid: ${JSON.stringify(parsed.errors)}`);
  }
  return parsed.data;
}

let cached: WorkingDayCalendar | undefined;

/** The calendar of every seeded year (2004–2026). */
export function seedCalendar(): WorkingDayCalendar {
  cached ??= new WorkingDayCalendar(seedYears());
  return cached;
}

/** A calendar holding only the given seeded years, to test missing-year errors. */
export function calendarOf(...years: number[]): WorkingDayCalendar {
  return new WorkingDayCalendar(seedYears().filter((y) => years.includes(y.year)));
}
