/**
 * The 双公示 publication lifecycle of a penalty decision (APL art. 48(1)):
 * whether it is published (the office's social-impact finding, else the rulebook's
 * presumption), how long (公示期, the rulebook's publicationDuration), and its early
 * removal on credit repair (信用修复) once the minimum period has run.
 */
import type { LegalBasis } from './legal-basis.js';
import { apl } from './legal-basis.js';
import { addCalendarMonths, compareLocalDates, type LocalDate } from './local-date.js';
import type { PenaltyKind } from './penalty-kind.js';
import { violation, type RuleCode } from './rule-catalog.js';
import type { RuleViolation } from './rule-violation.js';
import type { PeriodParameter, Rulebook } from './rulebook.js';

/**
 * SOCIAL_IMPACT_FOUND / NO_SOCIAL_IMPACT_FOUND: the office recorded its finding.
 * PRESUMED_SOCIAL_IMPACT / PRESUMED_NO_SOCIAL_IMPACT: no finding; the rulebook's
 * publicationPresumedPenaltyKinds decided.
 */
export const PUBLICATION_CHOICES = [
  'SOCIAL_IMPACT_FOUND',
  'NO_SOCIAL_IMPACT_FOUND',
  'PRESUMED_SOCIAL_IMPACT',
  'PRESUMED_NO_SOCIAL_IMPACT',
] as const;
export type PublicationChoice = (typeof PUBLICATION_CHOICES)[number];

/** Why a record left publication early: its decision changed or annulled (APL art. 48(2)), or credit repair. */
export const PUBLICATION_WITHDRAWAL_GROUNDS = ['DECISION_CHANGED', 'CREDIT_REPAIR'] as const;
export type PublicationWithdrawalGround = (typeof PUBLICATION_WITHDRAWAL_GROUNDS)[number];

export interface PublicationDecision {
  readonly choice: PublicationChoice;
  readonly publish: boolean;
  readonly legalBasis: readonly LegalBasis[];
}

/**
 * APL art. 48(1): 具有一定社会影响的行政处罚决定应当依法公开. The office's finding governs;
 * without one, a decision imposing any of the rulebook's presumed kinds is published.
 */
export function publicationChoice(
  socialImpactFound: boolean | null | undefined,
  penaltyKinds: readonly PenaltyKind[],
  rulebook: Rulebook,
): PublicationDecision {
  if (socialImpactFound === true || socialImpactFound === false) {
    return {
      choice: socialImpactFound ? 'SOCIAL_IMPACT_FOUND' : 'NO_SOCIAL_IMPACT_FOUND',
      publish: socialImpactFound,
      legalBasis: [apl(48, 1)],
    };
  }
  const presumed = rulebook.parameters.publicationPresumedPenaltyKinds;
  const publish = penaltyKinds.some((kind) => presumed.value.includes(kind));
  return {
    choice: publish ? 'PRESUMED_SOCIAL_IMPACT' : 'PRESUMED_NO_SOCIAL_IMPACT',
    publish,
    legalBasis: presumed.legalBasis,
  };
}

function endOf(start: LocalDate, period: PeriodParameter): LocalDate {
  if (period.unit !== 'MONTHS' && period.unit !== 'YEARS') {
    throw new RangeError(`publication periods are counted in months, not ${period.unit}`);
  }
  return addCalendarMonths(start, period.unit === 'YEARS' ? period.length * 12 : period.length);
}

/** 公示截止期: the decision date plus the rulebook's publicationDuration (in force on that date). */
export function publicationEndsOn(decidedOn: LocalDate, rulebook: Rulebook): LocalDate {
  return endOf(decidedOn, rulebook.parameters.publicationDuration);
}

/** Still published on `today`: not withdrawn, and its 公示截止期 not passed. */
export function isPublishedOn(
  publication: { readonly endsOn: LocalDate; readonly withdrawnOn?: LocalDate | null },
  today: LocalDate,
): boolean {
  return !publication.withdrawnOn && compareLocalDates(today, publication.endsOn) <= 0;
}

/** The rules creditRepairViolations checks (outside the step table: not a procedural step). */
export const CREDIT_REPAIR_RULE_CODES = [
  'CREDIT_REPAIR_BEFORE_PUBLICATION',
  'CREDIT_REPAIR_BEFORE_MINIMUM_PUBLICATION',
  'CREDIT_REPAIR_AFTER_PUBLICATION_END',
] as const satisfies readonly RuleCode[];

/**
 * Early removal on credit repair (信用修复): allowed once the minimum publication period
 * (creditRepairMinimumPublication, from the publication date) has run, and only while the
 * record is still published. Every unmet rule is returned at once.
 */
export function creditRepairViolations(
  publication: { readonly publishedOn: LocalDate; readonly endsOn: LocalDate },
  repairedOn: LocalDate,
  rulebook: Rulebook,
): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (compareLocalDates(repairedOn, publication.publishedOn) < 0) {
    violations.push(
      violation('CREDIT_REPAIR_BEFORE_PUBLICATION', {
        publishedOn: publication.publishedOn,
        repairedOn,
      }),
    );
  }
  const minimum = rulebook.parameters.creditRepairMinimumPublication;
  const earliest = endOf(publication.publishedOn, minimum);
  if (compareLocalDates(repairedOn, earliest) < 0) {
    violations.push(
      violation('CREDIT_REPAIR_BEFORE_MINIMUM_PUBLICATION', {
        publishedOn: publication.publishedOn,
        earliestRemovalOn: earliest,
        minimum: `${minimum.length} ${minimum.unit}`,
        repairedOn,
      }),
    );
  }
  if (compareLocalDates(repairedOn, publication.endsOn) > 0) {
    violations.push(
      violation('CREDIT_REPAIR_AFTER_PUBLICATION_END', {
        endsOn: publication.endsOn,
        repairedOn,
      }),
    );
  }
  return violations;
}
