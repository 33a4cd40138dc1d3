import type { LegalBasis } from './legal-basis.js';

/**
 * One unmet rule. A refusal carries every unmet rule at once, so the officer
 * (and the frontend) sees all reasons, each with its citation.
 */
export interface RuleViolation {
  /** Stable SCREAMING_SNAKE code, e.g. HANDLERS_FEWER_THAN_TWO. Part of the API contract. */
  readonly code: string;
  /** Clear message in Chinese for the officer. */
  readonly message: string;
  readonly legalBasis: readonly LegalBasis[];
  /** Facts the rule looked at (dates, counts, ids), for display and audit. */
  readonly details?: Readonly<Record<string, unknown>>;
}
