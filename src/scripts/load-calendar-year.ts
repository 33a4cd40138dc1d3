import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { migrate, openDatabase } from '../db/database.js';
import {
  CLI_LOADER,
  loadOfficialCalendarYear,
  parseOfficialArrangement,
} from '../commands/calendar-load.js';
import { DomainError } from '../errors/domain-error.js';

/**
 * `npm run calendar:load -- <file.json>`: loads (or corrects) one year's
 * statutory holidays and make-up workdays from the State Council notice, in the
 * same JSON shape as src/db/seed-data/calendar-years.json entries. Validated
 * before anything is written; then, in one transaction, the year is stored and every
 * provisional deadline recomputed (src/commands/calendar-load.ts), exactly as the
 * GraphQL mutation loadCalendarYear does. The audit chain names the loader as
 * 系统（npm run calendar:load）.
 */
async function main(): Promise<void> {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: npm run calendar:load -- <file.json>');
    process.exit(2);
  }
  let parsed;
  try {
    parsed = parseOfficialArrangement(JSON.parse(readFileSync(file, 'utf8')) as unknown);
  } catch (error) {
    if (error instanceof DomainError) {
      console.error(`the arrangement is refused (${error.code}): ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  for (const warning of parsed.warnings) {
    console.warn(`warning ${warning.path}: ${warning.message}`);
  }
  const database = await openDatabase(loadConfig());
  try {
    await migrate(database.orm);
    const result = await database.orm.em
      .fork()
      .transactional((em) =>
        loadOfficialCalendarYear(em, parsed.data, parsed.warnings, CLI_LOADER, new Date()),
      );
    console.log(
      `${result.data.year}: ${result.data.holidays.length} holidays and ${result.data.makeUpWorkdays.length} make-up workdays ${result.replaced ? 'replaced' : 'loaded'}; ` +
        `${result.recomputed.length} provisional deadlines moved, ${result.flagged.length} flagged for review`,
    );
    for (const r of result.recomputed) {
      console.log(
        `  ${r.deadline.kind} ${r.previousDueDate} → ${r.dueDate} (deadline ${r.deadline.id})`,
      );
    }
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
