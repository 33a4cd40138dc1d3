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
import type { ProcedureAction } from '../../procedure/procedure-action.js';

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

/**
 * Completes the engine's answers with whether each allowed step's periods can be computed.
 * That depends on the action, the rulebook and the calendar, not on the case: each action is
 * worked out once and reused for every case (of a page) with the same overrides.
 */
export function calendarReadiness(
  today: LocalDate,
  rulebookOverrides: RulebookOverrides | undefined,
  calendar: WorkingDayCalendar,
): (answers: readonly AvailableAction[]) => ActionAvailability[] {
  if (!findRulebookVersion(today)) {
    return (answers) => [...answers];
  }
  const rulebook = rulebookFor(today, rulebookOverrides);
  const byAction = new Map<ProcedureAction, (answer: ActionAvailability) => ActionAvailability>();
  const readinessOf = (action: ProcedureAction) => {
    let apply = byAction.get(action);
    if (!apply) {
      apply = deadlineReadiness(action, rulebook, calendar, today);
      byAction.set(action, apply);
    }
    return apply;
  };
  return (answers) =>
    answers.map((answer) => (answer.allowed ? readinessOf(answer.action)(answer) : answer));
}

const readinessMemos = new WeakMap<
  WorkingDayCalendar,
  Map<string, (answers: readonly AvailableAction[]) => ActionAvailability[]>
>();

/**
 * calendarReadiness, remembered per calendar (the memoized one loadWorkingDayCalendar returns
 * until the calendar changes), day and overrides: a dashboard page asks it for the same few
 * office lines on every request. The answer depends on nothing else (pure over its arguments).
 */
export function calendarReadinessMemo(
  today: LocalDate,
  rulebookOverrides: RulebookOverrides | undefined,
  calendar: WorkingDayCalendar,
): (answers: readonly AvailableAction[]) => ActionAvailability[] {
  let byKey = readinessMemos.get(calendar);
  if (!byKey) {
    byKey = new Map();
    readinessMemos.set(calendar, byKey);
  }
  const key = `${today}|${rulebookOverrides === undefined ? '' : JSON.stringify(rulebookOverrides)}`;
  let complete = byKey.get(key);
  if (!complete) {
    if (byKey.size >= 64) {
      // Old days and override versions: bounded, rebuilt on demand.
      byKey.clear();
    }
    complete = calendarReadiness(today, rulebookOverrides, calendar);
    byKey.set(key, complete);
  }
  return complete;
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

/** How an allowed answer for `action` is completed: as is, refused, or with the input rule. */
function deadlineReadiness(
  action: ProcedureAction,
  rulebook: Rulebook,
  calendar: WorkingDayCalendar,
  today: LocalDate,
): (answer: ActionAvailability) => ActionAvailability {
  const t = transitionOf(action);
  const readiness = t.outcomes.map((o) =>
    outcomeReadiness(o.effects, t.actDate !== undefined, t.title, rulebook, calendar, today),
  );
  const blocked = readiness.flatMap((r) => (r.kind === 'BLOCKED' ? [r.violation] : []));
  if (blocked.length > 0 && blocked.length === readiness.length) {
    return (answer) => ({ ...answer, allowed: false, violations: [blocked[0]!] });
  }
  if (readiness.some((r) => r.kind !== 'READY')) {
    return (answer) => ({
      ...answer,
      inputRules: [...new Set([...answer.inputRules, 'CALENDAR_YEAR_NOT_LOADED'])],
    });
  }
  return (answer) => answer;
}
