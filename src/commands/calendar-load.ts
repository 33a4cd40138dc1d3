import type { EntityManager } from '@mikro-orm/postgresql';
import { statutoryLunarDates } from '../calendar-data/provisional-years.js';
import { LUNAR_TABLE_FIRST_YEAR, LUNAR_TABLE_LAST_YEAR } from '../calendar-data/lunar-library.js';
import {
  buildWorkingDayCalendar,
  calendarYearsChanged,
  loadWorkingDayCalendar,
} from '../db/seed/reference-data.js';
import { CalendarYear } from '../entities/calendar-year.entity.js';
import { Case } from '../entities/case.entity.js';
import { Deadline, type DeadlineOutcome } from '../entities/deadline.entity.js';
import { Office } from '../entities/office.entity.js';
import { DomainError, ValidationError, calendarYearNotLoaded } from '../errors/domain-error.js';
import { invalidAt } from '../errors/input-errors.js';
import { recordDomainEvent } from '../events/record-domain-event.js';
import {
  parseCalendarYear,
  statuteDepartures,
  type CalendarYearData,
  type CalendarYearIssue,
  type WorkingDayCalendar,
} from '../procedure/calendar/index.js';
import type { LocalDate } from '../procedure/local-date.js';
import { deadlineStatus } from '../schema/procedure.types.js';
import { computeStoredDeadline } from './procedure/apply-deadline-effects.js';
import { appendCaseEvent } from './case-events.js';

/**
 * Loading a year's official holiday arrangement (国务院办公厅通知), from the
 * loadCalendarYear mutation or `npm run calendar:load`, in the caller's transaction:
 * the year is stored, then every deadline computed on a provisional year is recomputed.
 * An open deadline whose due date moves gets the new date, one audit event on its case
 * (old date, new date, the notice) and a DEADLINE_RECOMPUTED domain event for portals.
 * A deadline already met or missed keeps its date and outcome; if the official date
 * would have changed the outcome it is flagged for review. Nothing else changes.
 */

/** Who loads: an officer, or the CLI (a fixed system identity in the audit chain). */
export interface CalendarLoader {
  officerId: string;
  officer: { name: string };
}

export const CLI_LOADER: CalendarLoader = {
  officerId: '00000000-0000-0000-0000-000000000000',
  officer: { name: '系统（npm run calendar:load）' },
};

/** The audit action of a recomputed or flagged deadline (case.events). */
export const RECOMPUTE_ACTION = 'recomputeDeadlineOnCalendarLoad';

export interface RecomputedDeadline {
  deadline: Deadline;
  previousDueDate: LocalDate;
  dueDate: LocalDate;
}

export interface CalendarLoadResult {
  data: CalendarYearData;
  replaced: boolean;
  warnings: CalendarYearIssue[];
  /** Open deadlines whose due date moved. */
  recomputed: RecomputedDeadline[];
  /** Met or missed deadlines whose outcome the official date would have changed. */
  flagged: Deadline[];
}

/**
 * Parses and checks an arrangement before anything is written: only official data
 * loads (a provisional year is derived, never loaded); departures from the statute's
 * holiday list are warnings.
 */
export function parseOfficialArrangement(
  raw: unknown,
  /** The argument the data came from (`arrangement`): each error's input path starts with it. */
  root?: string,
): {
  data: CalendarYearData;
  warnings: CalendarYearIssue[];
} {
  const status =
    typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).status : undefined;
  const provisionalFlag =
    typeof raw === 'object' && raw !== null
      ? (raw as Record<string, unknown>).provisional
      : undefined;
  if ((status !== undefined && status !== 'OFFICIAL') || provisionalFlag === true) {
    throw new DomainError(
      'CALENDAR_YEAR_PROVISIONAL_NOT_LOADABLE',
      'BAD_USER_INPUT',
      '推定年度不能作为数据载入：推定年度由系统按《全国年节及纪念日放假办法》第二条自动推定；只能载入国务院办公厅公布的正式节假日安排。',
      { status: status ?? null, legalBasis: ['《全国年节及纪念日放假办法》第二条'] },
    );
  }
  const parsed = parseCalendarYear(raw);
  if (!parsed.ok) {
    throw invalidAt(
      new ValidationError(
        'CALENDAR_DATA_INVALID',
        'BAD_USER_INPUT',
        '节假日安排数据有误：' + parsed.errors.map((e) => e.message).join('；'),
        { errors: parsed.errors },
      ),
      root,
      parsed.errors,
    );
  }
  const { data } = parsed;
  const warnings = [...parsed.warnings];
  if (data.year >= LUNAR_TABLE_FIRST_YEAR && data.year <= LUNAR_TABLE_LAST_YEAR) {
    warnings.push(...statuteDepartures(data, statutoryLunarDates(data.year)));
  }
  return { data, warnings };
}

function noticeOf(data: CalendarYearData): string {
  return data.source.notices
    .map((n) => `《${n.title}》${n.documentNumber ? `（${n.documentNumber}）` : ''}`)
    .join('、');
}

function outcomeOf(deadline: Deadline, dueDate: LocalDate): DeadlineOutcome {
  // A stopped deadline: its status no longer depends on today.
  return deadlineStatus({ ...deadline, dueDate }, deadline.stoppedOn!) === 'MISSED'
    ? 'MISSED'
    : 'MET';
}

/** One audit event on the case's chain for a deadline the loaded notice moved or flagged. */
async function appendRecomputeEvent(
  em: EntityManager,
  found: Case,
  loader: CalendarLoader,
  now: Date,
  year: number,
  deadline: Deadline,
  details: Record<string, unknown>,
): Promise<void> {
  await appendCaseEvent(em, found, loader, {
    action: RECOMPUTE_ACTION,
    fromStatus: found.status,
    toStatus: found.status,
    occurredAt: now,
    actorCertificateNumber: null,
    rulebookVersion: null,
    input: { year, deadlineId: deadline.id },
    payload: { deadlineId: deadline.id, kind: deadline.kind, ...details, calendarYear: year },
  });
}

function computeOrRefuse(deadline: Deadline, calendar: WorkingDayCalendar) {
  try {
    return computeStoredDeadline(deadline, calendar);
  } catch (error) {
    throw calendarYearNotLoaded(error, { deadlineId: deadline.id }) ?? error;
  }
}

export async function loadOfficialCalendarYear(
  em: EntityManager,
  data: CalendarYearData,
  warnings: CalendarYearIssue[],
  loader: CalendarLoader,
  now: Date,
): Promise<CalendarLoadResult> {
  const before = await loadWorkingDayCalendar(em, { exact: true });
  const existing = await em.findOne(CalendarYear, { year: data.year });
  if (existing) {
    existing.data = data;
    existing.loadedAt = now;
    existing.loadedBy = loader === CLI_LOADER ? null : loader.officerId;
  } else {
    em.create(CalendarYear, {
      year: data.year,
      data,
      loadedAt: now,
      loadedBy: loader === CLI_LOADER ? null : loader.officerId,
    });
  }
  await em.flush();
  // This process's memo re-checks on every call until well after the load commits.
  calendarYearsChanged();
  const years = await em.find(CalendarYear, {}, { orderBy: { year: 'asc' } });
  const after = buildWorkingDayCalendar(years.map((y) => y.data));

  const notice = noticeOf(data);
  const recomputed: RecomputedDeadline[] = [];
  const flagged: Deadline[] = [];
  const provisional = await em.find(
    Deadline,
    { provisional: true },
    { orderBy: { case: 'asc', createdAt: 'asc', id: 'asc' } },
  );
  for (const deadline of provisional) {
    const official = computeOrRefuse(deadline, after);
    const found = await em.findOneOrFail(Case, { id: deadline.case.id });
    if (deadline.stoppedOn) {
      // Met or missed under the provisional date: the outcome stands; a person reviews a change.
      if (deadline.reviewFlag) {
        continue;
      }
      const outcome = outcomeOf(deadline, deadline.dueDate);
      const officialOutcome = outcomeOf(deadline, official.dueDate);
      if (outcome !== officialOutcome) {
        deadline.reviewFlag = {
          reason:
            `按推定年度计算的届满日${deadline.dueDate}下${outcome === 'MET' ? '已履行' : '已超期'}；` +
            `按${notice}应为${official.dueDate}，结果将为${officialOutcome === 'MET' ? '已履行' : '已超期'}。原结果保持不变，请复核。`,
          provisionalDueDate: deadline.dueDate,
          officialDueDate: official.dueDate,
          outcome,
          officialOutcome,
          notice,
          flaggedAt: now,
        };
        flagged.push(deadline);
        await appendRecomputeEvent(em, found, loader, now, data.year, deadline, {
          flaggedForReview: true,
          provisionalDueDate: deadline.dueDate,
          officialDueDate: official.dueDate,
          outcome,
          officialOutcome,
          notice,
        });
      }
      continue;
    }
    // A due date set by the act itself (a seizure's end named in its decision) is not the
    // calendar's to move: only a date the calendar gave is recomputed.
    const previous = computeOrRefuse(deadline, before);
    if (previous.dueDate !== deadline.dueDate) {
      deadline.provisional = official.explanation.provisional;
      continue;
    }
    const previousDueDate = deadline.dueDate;
    deadline.dueDate = official.dueDate;
    deadline.explanation = official.explanation;
    deadline.provisional = official.explanation.provisional;
    if (previousDueDate === official.dueDate) {
      continue;
    }
    recomputed.push({ deadline, previousDueDate, dueDate: official.dueDate });
    await appendRecomputeEvent(em, found, loader, now, data.year, deadline, {
      previousDueDate,
      dueDate: official.dueDate,
      provisional: deadline.provisional,
      notice,
      explanation: official.explanation.lines,
    });
    const office = await em.findOneOrFail(Office, { id: found.office.id });
    await recordDomainEvent(em, 'DEADLINE_RECOMPUTED', {
      caseId: found.id,
      officePath: found.officePath,
      occurredAt: now,
      payload: {
        case: { id: found.id, number: found.number, officeName: office.name },
        data: {
          deadlineId: deadline.id,
          kind: deadline.kind,
          previousDueDate,
          dueDate: official.dueDate,
          provisional: deadline.provisional,
          calendarYear: data.year,
          notice,
        },
      },
    });
  }
  await em.flush();
  return { data, replaced: existing !== null, warnings, recomputed, flagged };
}
