import {
  computeDeadline,
  isCalendarYearNotLoadedError,
  type WorkingDayCalendar,
} from '../../procedure/calendar/index.js';
import type { AvailableAction } from '../../procedure/decide.js';
import { DEADLINE_TRIGGER_FIELDS, type Effect } from '../../procedure/effects.js';
import type { LocalDate } from '../../procedure/local-date.js';
import {
  findRulebookVersion,
  rulebookFor,
  type Rulebook,
  type RulebookOverrides,
} from '../../procedure/rulebook.js';
import type { RuleViolation } from '../../procedure/rule-violation.js';
import { transitionOf } from '../../procedure/transitions.js';

/**
 * availableActions as the real call would answer it. The engine's answer (the
 * guards without input) is completed with what only the step runner finds out:
 * whether the deadlines the step starts can be computed. A step whose every
 * outcome starts a period from today (the act date the input cannot change)
 * into a year the calendar cannot answer is refused here with
 * CALENDAR_YEAR_NOT_LOADED, as the real call and its dry run would be; when it
 * depends on the input (another outcome, a service or start date), the code is
 * listed among inputRules.
 */
export interface ActionAvailability extends Omit<AvailableAction, 'inputRules'> {
  /** Rule codes (and CALENDAR_YEAR_NOT_LOADED) that can still refuse the step once its input is known. */
  readonly inputRules: readonly string[];
}

/** The engine's answers completed with whether each allowed step's periods can be computed. */
export function withCalendarReadiness(
  answers: readonly AvailableAction[],
  today: LocalDate,
  rulebookOverrides: RulebookOverrides | undefined,
  calendar: WorkingDayCalendar,
): ActionAvailability[] {
  if (!findRulebookVersion(today)) {
    return [...answers];
  }
  const rulebook = rulebookFor(today, rulebookOverrides);
  return answers.map((answer) =>
    answer.allowed ? withDeadlineReadiness(answer, rulebook, calendar, today) : answer,
  );
}

type Readiness = { kind: 'READY' } | { kind: 'BLOCKED' | 'MAY_BLOCK'; violation: RuleViolation };

/** Can the periods one outcome starts be computed, starting from today? */
function outcomeReadiness(
  effects: readonly Effect[],
  actDateFromInput: boolean,
  title: string,
  rulebook: Rulebook,
  calendar: WorkingDayCalendar,
  today: LocalDate,
): Readiness {
  let result: Readiness = { kind: 'READY' };
  for (const effect of effects) {
    if (effect.kind !== 'START_DEADLINE') {
      continue;
    }
    const parameter = rulebook.parameters[effect.parameter];
    try {
      computeDeadline(
        { length: parameter.length, unit: parameter.unit, legalBasis: parameter.legalBasis },
        { event: title, date: today },
        calendar,
      );
    } catch (error) {
      if (!isCalendarYearNotLoadedError(error)) {
        throw error;
      }
      const violation: RuleViolation = {
        code: 'CALENDAR_YEAR_NOT_LOADED',
        message: error.message,
        legalBasis: parameter.legalBasis,
        details: { year: error.year, date: error.date, deadline: effect.deadline },
      };
      const fromToday = DEADLINE_TRIGGER_FIELDS[effect.trigger] === null && !actDateFromInput;
      if (fromToday) {
        return { kind: 'BLOCKED', violation };
      }
      result = { kind: 'MAY_BLOCK', violation };
    }
  }
  return result;
}

function withDeadlineReadiness(
  answer: ActionAvailability,
  rulebook: Rulebook,
  calendar: WorkingDayCalendar,
  today: LocalDate,
): ActionAvailability {
  const t = transitionOf(answer.action);
  const readiness = t.outcomes.map((o) =>
    outcomeReadiness(o.effects, t.actDate !== undefined, t.title, rulebook, calendar, today),
  );
  const blocked = readiness.flatMap((r) => (r.kind === 'BLOCKED' ? [r.violation] : []));
  if (blocked.length > 0 && blocked.length === readiness.length) {
    return { ...answer, allowed: false, violations: [blocked[0]!] };
  }
  if (readiness.some((r) => r.kind !== 'READY')) {
    return {
      ...answer,
      inputRules: [...new Set([...answer.inputRules, 'CALENDAR_YEAR_NOT_LOADED'])],
    };
  }
  return answer;
}
