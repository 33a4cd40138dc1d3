import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarYearsChanged, loadWorkingDayCalendar } from '../../src/db/seed/reference-data.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * The working-day calendar is memoised per ORM: no statement while the memo is fresh, a cheap
 * signature check after ZHIFA_CALENDAR_RECHECK_MS (a year loaded by another process is seen
 * then), and a check on every call after this process loads a year.
 */

let app: TestApp;
const RECHECK_MS = 5_000;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

/** What another server process's load does to the table: a year's loaded_at moves. */
async function loadElsewhere(): Promise<void> {
  await app.orm.em
    .getConnection()
    .execute(
      `update calendar_year set loaded_at = now() + interval '1 second' where year = (select max(year) from calendar_year)`,
    );
}

describe('calendar memo', () => {
  it('answers from memory until the recheck time, then sees a load made elsewhere', async () => {
    const t0 = 1_000_000_000_000;
    const first = await loadWorkingDayCalendar(app.orm.em.fork(), { nowMs: t0 });
    app.resetQueryCount();
    const again = await loadWorkingDayCalendar(app.orm.em.fork(), { nowMs: t0 + RECHECK_MS - 1 });
    expect(again).toBe(first);
    expect(app.queryCount()).toBe(0);

    await loadElsewhere();
    // Still fresh: the memo is served (the window the recheck time allows).
    expect(await loadWorkingDayCalendar(app.orm.em.fork(), { nowMs: t0 + RECHECK_MS - 1 })).toBe(
      first,
    );
    // Past the recheck time: the signature moved, the calendar is rebuilt.
    app.resetQueryCount();
    const rebuilt = await loadWorkingDayCalendar(app.orm.em.fork(), { nowMs: t0 + RECHECK_MS });
    expect(rebuilt).not.toBe(first);
    expect(app.queryCount()).toBe(2);
    // Checked again later without a change: one statement, the same calendar.
    app.resetQueryCount();
    const unchanged = await loadWorkingDayCalendar(app.orm.em.fork(), {
      nowMs: t0 + 3 * RECHECK_MS,
    });
    expect(unchanged).toBe(rebuilt);
    expect(app.queryCount()).toBe(1);
  });

  it('after a load in this process, every call checks (the load may commit later)', async () => {
    const t0 = 2_000_000_000_000;
    const before = await loadWorkingDayCalendar(app.orm.em.fork(), { nowMs: t0 });
    calendarYearsChanged(t0);
    await loadElsewhere();
    expect(await loadWorkingDayCalendar(app.orm.em.fork(), { nowMs: t0 + 1 })).not.toBe(before);
  });

  it('an exact read always checks', async () => {
    const t0 = 3_000_000_000_000;
    const before = await loadWorkingDayCalendar(app.orm.em.fork(), { nowMs: t0 });
    await loadElsewhere();
    expect(await loadWorkingDayCalendar(app.orm.em.fork(), { nowMs: t0, exact: true })).not.toBe(
      before,
    );
  });
});
