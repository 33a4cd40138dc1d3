import type { EntityManager } from '@mikro-orm/postgresql';
import { Deadline, type DeadlinePause } from '../../entities/deadline.entity.js';
import type { Case } from '../../entities/case.entity.js';
import {
  computeDeadline,
  type PeriodSpec,
  type WorkingDayCalendar,
} from '../../procedure/calendar/index.js';
import type { DeadlineKind } from '../../procedure/case-snapshot.js';
import { isTerminalStatus } from '../../procedure/case-status.js';
import type { TransitionAllowed } from '../../procedure/decide.js';
import {
  DEADLINE_TRIGGER_FIELDS,
  type DeadlineTrigger,
  type Effect,
} from '../../procedure/effects.js';
import { addCalendarDays, daysBetween, type LocalDate } from '../../procedure/local-date.js';
import type { PeriodParameter, Rulebook } from '../../procedure/rulebook.js';

/**
 * Carries out the deadline effects of an allowed transition: due dates are
 * computed here with the working-day calendar and stored as dates; each keeps
 * its explanation (trigger, rule, days skipped, pauses).
 */

function triggerDate(trigger: DeadlineTrigger, input: unknown, actDate: LocalDate): LocalDate {
  const field = DEADLINE_TRIGGER_FIELDS[trigger];
  const value = field ? (input as Record<string, unknown>)[field] : undefined;
  return typeof value === 'string' ? (value as LocalDate) : actDate;
}

function periodOf(parameter: PeriodParameter): PeriodSpec {
  return {
    length: parameter.length,
    unit: parameter.unit,
    legalBasis: parameter.legalBasis,
    ...(parameter.rollOverHolidays === false ? { rollOverHolidays: false } : {}),
  };
}

function completedPauses(pauses: readonly DeadlinePause[]) {
  return pauses.filter((p): p is Required<DeadlinePause> => p.to !== undefined);
}

/** The due date and explanation the calendar gives a stored deadline (nothing is changed). */
export function computeStoredDeadline(deadline: Deadline, calendar: WorkingDayCalendar) {
  return computeDeadline(
    deadline.period,
    { event: deadline.triggerEvent, date: deadline.triggerDate },
    calendar,
    completedPauses(deadline.pauses),
  );
}

function recompute(deadline: Deadline, calendar: WorkingDayCalendar): void {
  const result = computeStoredDeadline(deadline, calendar);
  deadline.dueDate = result.dueDate;
  deadline.explanation = result.explanation;
  // A due date on a provisional year is stored, flagged, and recomputed when the notice loads.
  deadline.provisional = result.explanation.provisional;
}

/** Days d with from ≤ d ≤ to and after ≤ … : how many of [from, to] lie in (after, until]. */
function daysWithin(from: LocalDate, to: LocalDate, after: LocalDate, until: LocalDate): number {
  const first = from > after ? from : addCalendarDays(after, 1);
  const last = to < until ? to : until;
  return last < first ? 0 : daysBetween(first, last) + 1;
}

/**
 * 检测期间不计入 (Compulsion Law art. 25(3)): the period becomes the days the measure counts so
 * far (its due date is the decided or extended last day, not the statutory maximum), the testing
 * days a pause, and the calendar recomputes the last day with a line for each excluded day. The
 * last day of a seizure is not rolled over a holiday (the stored end is the decided day).
 */
function excludeFromDeadline(
  deadline: Deadline,
  startsOn: LocalDate,
  endsOn: LocalDate,
  eventName: string,
  calendar: WorkingDayCalendar,
): void {
  const counted =
    daysBetween(deadline.triggerDate, deadline.dueDate) -
    completedPauses(deadline.pauses).reduce(
      (sum, p) => sum + daysWithin(p.from, p.to, deadline.triggerDate, deadline.dueDate),
      0,
    );
  deadline.period = { ...deadline.period, length: counted, rollOverHolidays: false };
  deadline.pauses = [
    ...deadline.pauses,
    { from: startsOn, to: endsOn, reason: `${eventName}（期间不计入查封、扣押期间）` },
  ];
  recompute(deadline, calendar);
}

export interface DeadlineEffectContext {
  em: EntityManager;
  found: Case;
  allowed: TransitionAllowed;
  input: unknown;
  rulebook: Rulebook;
  calendar: WorkingDayCalendar;
  /** Chinese name of the action, used as the trigger event in explanations. */
  eventName: string;
}

/**
 * Deadlines that a later act would start, computed but never stored (a dry run of a decision
 * shows the periods its service will start, as if served on `triggerDate`).
 */
export function projectDeadlines(
  em: EntityManager,
  found: Case,
  effects: readonly Extract<Effect, { kind: 'START_DEADLINE' }>[],
  triggerDate: LocalDate,
  rulebook: Rulebook,
  calendar: WorkingDayCalendar,
  eventName: string,
): Deadline[] {
  return effects.map((effect) => {
    const deadline = em.create(
      Deadline,
      {
        case: found,
        officePath: found.officePath,
        kind: effect.deadline,
        triggerEvent: eventName,
        triggerDate,
        period: periodOf(rulebook.parameters[effect.parameter]),
        dueDate: triggerDate,
        explanation: {} as Deadline['explanation'],
      },
      { persist: false },
    );
    recompute(deadline, calendar);
    return deadline;
  });
}

export async function applyDeadlineEffects(context: DeadlineEffectContext): Promise<Deadline[]> {
  const { em, found, allowed, input, rulebook, calendar } = context;
  const touched: Deadline[] = [];
  const openOf = async (kind: DeadlineKind) =>
    em.findOne(Deadline, { case: found, kind, stoppedOn: null });
  for (const effect of allowed.effects as readonly Effect[]) {
    switch (effect.kind) {
      case 'START_DEADLINE': {
        const previous = await openOf(effect.deadline);
        if (previous) {
          previous.stoppedOn = allowed.actDate;
        }
        const date = triggerDate(effect.trigger, input, allowed.actDate);
        const parameter = periodOf(rulebook.parameters[effect.parameter]);
        // 责令限期改正: the order sets its own number of days (APL art. 28(1)).
        const correctionDays = (input as { correctionPeriodDays?: number }).correctionPeriodDays;
        const period =
          effect.deadline === 'CORRECTION_PERIOD' && correctionDays !== undefined
            ? { ...parameter, length: correctionDays }
            : parameter;
        const deadline = em.create(Deadline, {
          case: found,
          officePath: found.officePath,
          kind: effect.deadline,
          triggerEvent: context.eventName,
          triggerDate: date,
          period,
          dueDate: date,
          explanation: {} as Deadline['explanation'],
        });
        recompute(deadline, calendar);
        // A seizure ends on the day the decision names, within the statutory maximum.
        const endsOn = (input as { endsOn?: LocalDate }).endsOn;
        if (effect.deadline === 'COMPULSORY_MEASURE' && endsOn && endsOn < deadline.dueDate) {
          deadline.dueDate = endsOn;
        }
        touched.push(deadline);
        break;
      }
      case 'EXTEND_DEADLINE': {
        const deadline = await openOf(effect.deadline);
        if (!deadline) {
          break;
        }
        const extensionDays = (input as { extensionDays?: number; newEndsOn?: LocalDate })
          .extensionDays;
        const newEndsOn = (input as { newEndsOn?: LocalDate }).newEndsOn;
        if (effect.deadline === 'CASE_TIME_LIMIT' && extensionDays) {
          deadline.period = { ...deadline.period, length: deadline.period.length + extensionDays };
          recompute(deadline, calendar);
        } else if (effect.deadline === 'COMPULSORY_MEASURE' && newEndsOn) {
          deadline.dueDate = newEndsOn;
        } else {
          deadline.period = periodOf(rulebook.parameters[effect.parameter]);
          recompute(deadline, calendar);
        }
        touched.push(deadline);
        break;
      }
      case 'EXCLUDE_FROM_DEADLINE': {
        const deadline = await openOf(effect.deadline);
        const { startsOn, endsOn } = input as { startsOn: LocalDate; endsOn: LocalDate };
        if (deadline) {
          excludeFromDeadline(deadline, startsOn, endsOn, context.eventName, calendar);
          touched.push(deadline);
        }
        break;
      }
      case 'PAUSE_DEADLINE': {
        const deadline = await openOf(effect.deadline);
        if (deadline) {
          deadline.pauses = [
            ...deadline.pauses,
            { from: allowed.actDate, reason: `${context.eventName}（期间不计入）` },
          ];
          touched.push(deadline);
        }
        break;
      }
      case 'RESUME_DEADLINE': {
        const deadline = await openOf(effect.deadline);
        const open = deadline?.pauses.find((p) => p.to === undefined);
        if (deadline && open) {
          // The day of resumption counts again; the pause covers the days before it. Resumed on
          // the day of suspension, no day was excluded: the empty pause is dropped.
          const to = addCalendarDays(allowed.actDate, -1);
          deadline.pauses =
            to < open.from
              ? deadline.pauses.filter((p) => p !== open)
              : deadline.pauses.map((p) => (p === open ? { ...p, to } : p));
          recompute(deadline, calendar);
          touched.push(deadline);
        }
        break;
      }
      case 'STOP_DEADLINE': {
        const deadline = await openOf(effect.deadline);
        if (deadline) {
          deadline.stoppedOn = allowed.actDate;
          touched.push(deadline);
        }
        break;
      }
      case 'DOCUMENT_DUE':
      case 'RECORD_HEARING_ELIGIBILITY':
        break;
    }
  }
  if (isTerminalStatus(allowed.to)) {
    // A case that leaves the procedure (decided, transferred, not docketed …) ends every period
    // still running, except those this very step started (the decision's service period).
    const started = new Set(touched.filter((d) => !d.stoppedOn).map((d) => d.id));
    for (const deadline of await em.find(Deadline, { case: found, stoppedOn: null })) {
      if (!started.has(deadline.id)) {
        deadline.stoppedOn = allowed.actDate;
        touched.push(deadline);
      }
    }
  }
  return touched;
}
