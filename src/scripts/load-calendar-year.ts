import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';
import { CalendarYear } from '../entities/calendar-year.entity.js';
import { parseCalendarYear } from '../procedure/calendar/index.js';

/**
 * `npm run calendar:load -- <file.json>`: loads (or corrects) one year's
 * statutory holidays and make-up workdays from the State Council notice, in the
 * same JSON shape as src/db/seed-data/calendar-years.json entries. Validated
 * before anything is written; the GraphQL mutation loadCalendarYear does the same.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run calendar:load -- <file.json>');
    process.exit(2);
  }
  const parsed = parseCalendarYear(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  if (!parsed.ok) {
    console.error('the arrangement is invalid:');
    for (const issue of parsed.errors) {
      console.error(`  ${issue.path}: ${issue.message}`);
    }
    process.exit(1);
  }
  for (const warning of parsed.warnings) {
    console.warn(`warning ${warning.path}: ${warning.message}`);
  }
  const database = await openDatabase(loadConfig());
  try {
    await migrate(database.orm);
    const em = database.orm.em.fork();
    const data = parsed.data;
    const existing = await em.findOne(CalendarYear, { year: data.year });
    if (existing) {
      existing.data = data;
      existing.loadedAt = new Date();
    } else {
      em.create(CalendarYear, { year: data.year, data });
    }
    await em.flush();
    console.log(
      `${data.year}: ${data.holidays.length} holidays and ${data.makeUpWorkdays.length} make-up workdays ${existing ? 'replaced' : 'loaded'}`,
    );
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
