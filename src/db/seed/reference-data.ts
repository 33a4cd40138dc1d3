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

/**
 * The built calendar, memoised per ORM (one database): building it means reading and checking
 * every year's JSON, and even checking whether it changed costs a statement, so a step or a
 * dashboard page does not ask on every call. The memo is re-checked (a cheap
 * `count(*)`/`max(loaded_at)` signature of calendar_year) at most every
 * ZHIFA_CALENDAR_RECHECK_MS (default 5 s) — a year loaded by another server process is seen
 * within that time — and on every call for a minute after this process loads a year
 * (calendarYearsChanged), so the loading process sees its own load as soon as it commits.
 * The window this leaves across processes is of the same kind as the one concurrent
 * transactions already have (a step that read the calendar before a load committed computes
 * on the old years): a deadline then stays marked provisional until the next load recomputes it.
 */
interface CalendarMemo {
  signature: string;
  calendar: WorkingDayCalendar;
  checkedAtMs: number;
}

const calendarMemos = new WeakMap<object, CalendarMemo>();
/** Until then every call re-checks: a load in this process may not have committed yet. */
let recheckEveryCallUntilMs = 0;

/** How long a checked calendar is served without asking the database again. */
export function calendarRecheckMs(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.ZHIFA_CALENDAR_RECHECK_MS;
  if (raw === undefined || raw.trim() === '') {
    return 5_000;
  }
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > 3_600_000) {
    throw new Error(`ZHIFA_CALENDAR_RECHECK_MS must be an integer 0–3600000, got "${raw}"`);
  }
  return value;
}

/** Called when this process loads or replaces a year: check on every call for a while. */
export function calendarYearsChanged(nowMs: number = Date.now()): void {
  recheckEveryCallUntilMs = nowMs + 60_000;
}

/**
 * The calendar of every loaded year, for deadline computation, from the memo above.
 * `exact` checks the database's signature now, in the caller's transaction (a calendar load
 * compares the years before and after it).
 */
export async function loadWorkingDayCalendar(
  em: EntityManager,
  options: { exact?: boolean; nowMs?: number } = {},
): Promise<WorkingDayCalendar> {
  const nowMs = options.nowMs ?? Date.now();
  const horizon = provisionalHorizonYears();
  const memo = calendarMemos.get(em.config);
  if (
    memo &&
    !options.exact &&
    memo.signature.startsWith(`${horizon}:`) &&
    nowMs >= recheckEveryCallUntilMs &&
    nowMs - memo.checkedAtMs < calendarRecheckMs()
  ) {
    return memo.calendar;
  }
  const [row] = await em
    .getConnection()
    .execute<{ db: string; years: number; loaded: Date | null }[]>(
      'select current_database() as db, count(*)::int as years, max(loaded_at) as loaded from calendar_year',
      [],
      'all',
      em.getTransactionContext(),
    );
  const signature = `${horizon}:${row!.db}:${row!.years}:${row!.loaded ? new Date(row!.loaded).toISOString() : ''}`;
  if (memo?.signature === signature) {
    memo.checkedAtMs = nowMs;
    return memo.calendar;
  }
  const years = await em.find(CalendarYear, {}, { orderBy: { year: 'asc' } });
  const calendar = buildWorkingDayCalendar(years.map((y) => y.data));
  calendarMemos.set(em.config, { signature, calendar, checkedAtMs: nowMs });
  return calendar;
}
