import { DomainError } from '../errors/domain-error.js';
import { isCalendarYearNotLoadedError } from '../procedure/calendar/index.js';

/** A date the working-day calendar cannot count (year not loaded) refuses the step, typed. */
export function rethrowCalendarRefusal(error: unknown): never {
  if (isCalendarYearNotLoadedError(error)) {
    throw new DomainError('CALENDAR_YEAR_NOT_LOADED', 'BAD_USER_INPUT', error.message, {
      year: error.year,
      date: error.date,
    });
  }
  throw error;
}
