import type { CalendarErrorCode } from './calendar/calendar-error.js';
import type { LegalBasis } from './legal-basis.js';
import type { ProvisionViolationCode } from './provisions/check-penalties.js';
import type { RuleCode } from './rule-catalog.js';

/**
 * Every code a violation can carry: the rule catalog's, the penalty-provision checks', and
 * the calendar's unloaded year (a period that cannot be counted blocks a step too).
 */
export type ViolationCode =
  RuleCode | ProvisionViolationCode | Extract<CalendarErrorCode, 'CALENDAR_YEAR_NOT_LOADED'>;

/**
 * One unmet rule. A refusal carries every unmet rule at once, so the officer
 * (and the frontend) sees all reasons, each with its citation.
 */
export interface RuleViolation {
  /** Stable SCREAMING_SNAKE code, e.g. HANDLERS_FEWER_THAN_TWO. Part of the API contract. */
  readonly code: ViolationCode;
  /** Clear message in Chinese for the officer. */
  readonly message: string;
  readonly legalBasis: readonly LegalBasis[];
  /** Facts the rule looked at (dates, counts, ids), for display and audit. */
  readonly details?: Readonly<Record<string, unknown>>;
  /** The input fields the rule concerns (e.g. `input.officerIds`), for a form to mark. */
  readonly inputPaths?: readonly string[];
}
