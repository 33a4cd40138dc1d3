import { calendarYearNotLoaded } from '../errors/domain-error.js';

/** A date the working-day calendar cannot count (year not loaded) refuses the step, typed. */
export function rethrowCalendarRefusal(error: unknown): never {
  throw calendarYearNotLoaded(error) ?? error;
}
