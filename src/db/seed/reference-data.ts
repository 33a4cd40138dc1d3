import type { EntityManager } from '@mikro-orm/postgresql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  provisionalHorizonYears,
  provisionalYearsFor,
} from '../../calendar-data/provisional-years.js';
import { CalendarYear } from '../../entities/calendar-year.entity.js';
import { PenaltyProvisionRecord } from '../../entities/penalty-provision-record.entity.js';
import { projectRoot } from '../../paths.js';
import {
  parseCalendarYears,
  WorkingDayCalendar,
  type CalendarYearData,
} from '../../procedure/calendar/index.js';
import { PENALTY_PROVISIONS_SEED } from '../../procedure/provisions/index.js';

/**
 * Reference data every database needs, demo or not: the working-day calendar
 * years and the penalty provisions catalog. Rows already present (perhaps
 * edited, or a year loaded later) are left alone.
 */
export function seededCalendarYears(): readonly CalendarYearData[] {
  const raw: unknown = JSON.parse(
    readFileSync(join(projectRoot, 'src/db/seed-data/calendar-years.json'), 'utf8'),
  );
  const parsed = parseCalendarYears(raw);
  if (!parsed.ok) {
    throw new Error(
      `src/db/seed-data/calendar-years.json is invalid: ${JSON.stringify(parsed.errors)}`,
    );
  }
  return parsed.data;
}

export async function ensureReferenceData(
  em: EntityManager,
): Promise<{ calendarYears: number; provisions: number }> {
  const haveYears = new Set(
    (await em.find(CalendarYear, {}, { fields: ['year'] })).map((y) => y.year),
  );
  let calendarYears = 0;
  for (const data of seededCalendarYears()) {
    if (!haveYears.has(data.year)) {
      em.create(CalendarYear, { year: data.year, data });
      calendarYears += 1;
    }
  }
  const haveProvisions = new Set(
    (await em.find(PenaltyProvisionRecord, {}, { fields: ['id'] })).map((p) => p.id),
  );
  let provisions = 0;
  for (const provision of PENALTY_PROVISIONS_SEED) {
    if (!haveProvisions.has(provision.id)) {
      em.create(PenaltyProvisionRecord, {
        id: provision.id,
        law: provision.law,
        validFrom: provision.validFrom,
        validTo: provision.validTo ?? null,
        data: provision,
      });
      provisions += 1;
    }
  }
  await em.flush();
  return { calendarYears, provisions };
}

/**
 * The calendar of the official years given, plus the provisional years after them up to
 * the horizon (src/calendar-data/provisional-years.ts): a year without the State
 * Council's notice never blocks an act, its deadlines are marked provisional instead.
 */
export function buildWorkingDayCalendar(
  official: readonly CalendarYearData[],
  horizonYears: number = provisionalHorizonYears(),
): WorkingDayCalendar {
  const provisional = provisionalYearsFor(
    official.map((y) => y.year),
    horizonYears,
  );
  return new WorkingDayCalendar(official, {
    provisionalYears: provisional.years,
    ...(provisional.horizonYear === undefined ? {} : { horizonYear: provisional.horizonYear }),
  });
}

/** The built calendar of one database, and what it was built from. */
let cachedCalendar: { signature: string; calendar: WorkingDayCalendar } | undefined;

/**
 * The calendar of every loaded year, for deadline computation. Building it means reading and
 * checking every year's JSON, so it is kept until a year is loaded or replaced (the signature
 * changes with the database, the number of years and the latest load time).
 */
export async function loadWorkingDayCalendar(em: EntityManager): Promise<WorkingDayCalendar> {
  const [row] = await em
    .getConnection()
    .execute<{ db: string; years: number; loaded: Date | null }[]>(
      'select current_database() as db, count(*)::int as years, max(loaded_at) as loaded from calendar_year',
      [],
      'all',
      em.getTransactionContext(),
    );
  const signature = `${provisionalHorizonYears()}:${row!.db}:${row!.years}:${row!.loaded ? new Date(row!.loaded).toISOString() : ''}`;
  if (cachedCalendar?.signature !== signature) {
    const years = await em.find(CalendarYear, {}, { orderBy: { year: 'asc' } });
    cachedCalendar = { signature, calendar: buildWorkingDayCalendar(years.map((y) => y.data)) };
  }
  return cachedCalendar.calendar;
}
