/**
 * Deadline computation. Every result explains itself: trigger, rule and citation,
 * day type and why, the days counted, the days skipped and why, any rollover, and
 * the holiday notices consulted — so an officer (or a court) can check it by hand.
 *
 * Legal basis: 《中华人民共和国行政处罚法》第八十五条; 《中华人民共和国行政强制法》第六十九条;
 * 《中华人民共和国民事诉讼法》第八十五条 (期间开始的日不计算在期间内; 最后一日是法定休假日的顺延), applied by analogy (R-SRV-09, D).
 */
import { formatCitation, type LegalBasis } from '../legal-basis.js';
import {
  addCalendarDays,
  addCalendarMonths,
  dayOfWeek,
  daysBetween,
  type LocalDate,
} from '../local-date.js';
import { CalendarError } from './calendar-error.js';
import type { CalendarNotice } from './calendar-year.js';
import {
  COUNTING_RULE,
  COUNTING_RULE_TEXT,
  assertValidPeriod,
  describeDayType,
  describePeriod,
  type PeriodSpec,
  type PeriodUnit,
} from './period.js';
import { NATIONAL_HOLIDAYS_MEASURES, provisionalYearNotice } from './provisional-year.js';
import {
  WEEKDAY_NAMES,
  requireLocalDate,
  yearOf,
  type DayInfo,
  type WorkingDayCalendar,
} from './working-day-calendar.js';

/** A dated procedural event: the trigger of a period, or the event a lead time is counted back from. */
export interface DatedEvent {
  /** What happened, in Chinese, e.g. 送达行政处罚事先告知书. */
  readonly event: string;
  readonly date: LocalDate;
}

export type DeadlineTrigger = DatedEvent;

/** Days that do not count (e.g. suspension of the case, testing time during a seizure); both ends included. */
export interface PauseInterval {
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly reason: string;
}

export type SkipReason = 'WEEKEND' | 'HOLIDAY' | 'PAUSE';

export interface SkippedDay {
  readonly date: LocalDate;
  readonly reason: SkipReason;
  readonly holidayName?: string;
  readonly pauseReason?: string;
  /** Chinese, e.g. 2025-10-01（周三）国庆节放假. */
  readonly description: string;
}

export interface AppliedPause extends PauseInterval {
  /** Days of this pause inside the counted span that were excluded. */
  readonly daysExcluded: number;
}

export interface Rollover {
  /** The last day of the period before rollover. */
  readonly from: LocalDate;
  readonly to: LocalDate;
  readonly reason: string;
  readonly skippedDays: readonly SkippedDay[];
  readonly legalBasis: LegalBasis;
}

export interface CalendarSourceUse {
  readonly year: number;
  /** OFFICIAL: the notice below; PROVISIONAL: derived from the statute (no notice yet). */
  readonly status: 'OFFICIAL' | 'PROVISIONAL';
  readonly notices: readonly CalendarNotice[];
  readonly extractedFrom?: string;
  /** PROVISIONAL only: the statute article and the lunar data the year was derived from. */
  readonly derivedFrom?: { readonly citation: string; readonly lunarSource: string };
}

/** What every count of a period explains, forwards (a deadline) or backwards (a lead time). */
export interface PeriodCountExplanation {
  readonly period: PeriodSpec;
  /** e.g. 7个工作日（《中华人民共和国行政处罚法》第六十一条、…）. */
  readonly rule: string;
  readonly legalBasis: readonly LegalBasis[];
  readonly citations: readonly string[];
  readonly dayType: PeriodUnit;
  readonly dayTypeReason: string;
  readonly daysCounted: number;
  readonly skippedDays: readonly SkippedDay[];
  readonly calendarSources: readonly CalendarSourceUse[];
  /**
   * True when the computation read a day of a provisional year: the date may move when
   * that year's notice is loaded (it is then recomputed).
   */
  readonly provisional: boolean;
  /** The provisional years read, ascending (empty when none). */
  readonly provisionalYears: readonly number[];
  /** The whole explanation as Chinese sentences, for display and the case file. */
  readonly lines: readonly string[];
}

export interface DeadlineExplanation extends PeriodCountExplanation {
  readonly trigger: DeadlineTrigger;
  readonly startRule: string;
  readonly firstCountedDay: LocalDate;
  /** The dates counted; given for day periods (months and years give only the count). */
  readonly countedDates?: readonly LocalDate[];
  readonly pauses: readonly AppliedPause[];
  readonly rollover?: Rollover;
}

export interface Deadline {
  readonly dueDate: LocalDate;
  readonly explanation: DeadlineExplanation;
}

export interface LeadTimeOptions {
  /**
   * false (default): the event day is not counted either, so `period` full days lie
   * strictly between the action and the event — the reading that satisfies both
   * interpretations of “在听证的七个工作日前”. true: the event day counts as the last
   * day (R-HRG-04 guard `hearingDate ≥ servedAt + 7 WD`).
   */
  readonly countEventDay?: boolean;
}

export interface LeadTimeExplanation extends PeriodCountExplanation {
  readonly event: DatedEvent;
  readonly countingRule: string;
  readonly eventDayCounted: boolean;
  readonly countedDates: readonly LocalDate[];
}

export interface LeadTime {
  /** The last date on which the action still satisfies the lead time (may be a rest day). */
  readonly latestDate: LocalDate;
  /** The last working day on or before latestDate, for planning. */
  readonly latestWorkingDay: LocalDate;
  readonly explanation: LeadTimeExplanation;
}

export interface LeadTimeCheck extends LeadTime {
  readonly actionDate: LocalDate;
  readonly met: boolean;
}

const MONTHS_PER_YEAR = 12;

function weekdayLabel(date: LocalDate): string {
  return `${date}（${WEEKDAY_NAMES[dayOfWeek(date)]}）`;
}

function uniqueBases(bases: readonly LegalBasis[]): LegalBasis[] {
  const seen = new Set<string>();
  return bases.filter((b) => {
    const key = formatCitation(b);
    if (seen.has(key)) {
      return false;
    }
    seen.add(key);
    return true;
  });
}

function assertValidPauses(pauses: readonly PauseInterval[]): void {
  pauses.forEach((p, i) => {
    requireLocalDate(p.from, `pauses[${i}].from`);
    requireLocalDate(p.to, `pauses[${i}].to`);
    if (p.to < p.from) {
      throw new CalendarError('INVALID_PAUSE', `中止期间的结束日 ${p.to} 早于开始日 ${p.from}。`, {
        index: i,
        from: p.from,
        to: p.to,
      });
    }
    if (p.reason.trim().length === 0) {
      throw new CalendarError('INVALID_PAUSE', `中止期间 ${p.from} 至 ${p.to} 须说明理由。`, {
        index: i,
      });
    }
  });
}

/** Records which years' data a computation relied on, so the explanation can cite the notices. */
class CalendarReader {
  private readonly years = new Set<number>();

  constructor(private readonly calendar: WorkingDayCalendar) {}

  dayInfo(date: LocalDate): DayInfo {
    const info = this.calendar.dayInfo(date);
    this.years.add(yearOf(date));
    return info;
  }

  sources(): CalendarSourceUse[] {
    return [...this.years]
      .sort((a, b) => a - b)
      .map((year): CalendarSourceUse => {
        const derived = this.calendar.provisionalYearOf(year);
        if (derived !== undefined) {
          return {
            year,
            status: 'PROVISIONAL',
            notices: [],
            derivedFrom: {
              citation: formatCitation(derived.legalBasis),
              lunarSource: derived.lunarSource,
            },
          };
        }
        const source = this.calendar.sourceOf(year);
        return source.extractedFrom === undefined
          ? { year, status: 'OFFICIAL', notices: source.notices }
          : {
              year,
              status: 'OFFICIAL',
              notices: source.notices,
              extractedFrom: source.extractedFrom,
            };
      });
  }

  provisionalYears(): number[] {
    return [...this.years]
      .filter((year) => this.calendar.statusOf(year) === 'PROVISIONAL')
      .sort((a, b) => a - b);
  }
}

/** The provisional years' sentence: the due date is presumed and will be recomputed. */
function provisionalLine(years: readonly number[]): string | undefined {
  return years.length === 0 ? undefined : `${years.map(provisionalYearNotice).join('；')}。`;
}

function skippedFromInfo(info: DayInfo): SkippedDay {
  return info.kind === 'HOLIDAY'
    ? {
        date: info.date,
        reason: 'HOLIDAY',
        holidayName: info.holidayName,
        description: info.description,
      }
    : { date: info.date, reason: 'WEEKEND', description: info.description };
}

function skippedForPause(date: LocalDate, pause: PauseInterval, info?: DayInfo): SkippedDay {
  const base = `${weekdayLabel(date)}处于${pause.from}至${pause.to}的中止期间（${pause.reason}），不计入期间`;
  return info?.holidayName !== undefined && info.kind === 'HOLIDAY'
    ? {
        date,
        reason: 'PAUSE',
        pauseReason: pause.reason,
        holidayName: info.holidayName,
        description: base,
      }
    : { date, reason: 'PAUSE', pauseReason: pause.reason, description: base };
}

function describeNotice(n: CalendarNotice): string {
  const number = n.documentNumber === undefined ? '' : `（${n.documentNumber}）`;
  const covers = n.covers === undefined ? '' : `，适用于${n.covers}`;
  return `《${n.title}》${number}${covers}`;
}

function sourceLine(sources: readonly CalendarSourceUse[]): string | undefined {
  if (sources.length === 0) {
    return undefined;
  }
  const parts = sources.map((s) =>
    s.status === 'PROVISIONAL'
      ? `${s.year}年：尚无国务院办公厅通知，按${s.derivedFrom?.citation ?? `《${NATIONAL_HOLIDAYS_MEASURES}》`}推定（仅周末和法定节假日，无调休；农历和节气日期取自${s.derivedFrom?.lunarSource ?? '农历数据'}）`
      : `${s.year}年：${s.notices.map(describeNotice).join('；')}`,
  );
  return `节假日和调休依据：${parts.join('；')}。`;
}

/** The last lines of an explanation: the calendars read, and a notice for each provisional year. */
function calendarLines(
  sources: readonly CalendarSourceUse[],
  provisionalYears: readonly number[],
): string[] {
  return [sourceLine(sources), provisionalLine(provisionalYears)].filter(
    (line): line is string => line !== undefined,
  );
}

function skippedLine(skipped: readonly SkippedDay[]): string {
  return skipped.length === 0
    ? '未跳过任何日期。'
    : `不计入的日期（共${skipped.length}日）：${skipped.map((s) => s.description).join('；')}。`;
}

/**
 * The due date of `period` triggered by `trigger`. The trigger day itself is not
 * counted. Paused days do not count and push the due date out. Calendar-day,
 * month and year periods ending on a holiday or rest day roll over to the next
 * working day unless `rollOverHolidays` is false.
 */
export function computeDeadline(
  period: PeriodSpec,
  trigger: DeadlineTrigger,
  calendar: WorkingDayCalendar,
  pauses: readonly PauseInterval[] = [],
): Deadline {
  assertValidPeriod(period);
  requireLocalDate(trigger.date, 'trigger.date');
  assertValidPauses(pauses);
  const reader = new CalendarReader(calendar);
  const pauseOf = (d: LocalDate): PauseInterval | undefined =>
    pauses.find((p) => p.from <= d && d <= p.to);
  const excluded = new Map<PauseInterval, number>();
  const exclude = (p: PauseInterval): void => {
    excluded.set(p, (excluded.get(p) ?? 0) + 1);
  };

  const skipped: SkippedDay[] = [];
  const counted: LocalDate[] = [];
  let end: LocalDate;

  if (period.unit === 'WORKING_DAYS') {
    // The calendar must also cover paused days: counting resumes after them.
    let d = trigger.date;
    while (counted.length < period.length) {
      d = addCalendarDays(d, 1);
      const info = reader.dayInfo(d);
      const pause = pauseOf(d);
      if (pause !== undefined) {
        exclude(pause);
        skipped.push(skippedForPause(d, pause, info));
      } else if (info.isWorkingDay) {
        counted.push(d);
      } else {
        skipped.push(skippedFromInfo(info));
      }
    }
    end = d;
  } else {
    // Calendar days run through weekends and holidays; only pauses stop them.
    let target = period.length;
    let d = trigger.date;
    if (period.unit !== 'CALENDAR_DAYS') {
      const months = period.unit === 'MONTHS' ? period.length : period.length * MONTHS_PER_YEAR;
      const nominalEnd = addCalendarMonths(trigger.date, months);
      target = daysBetween(trigger.date, nominalEnd);
    }
    // Months/years: the nominal span in days, extended by paused days (same as for day periods).
    while (counted.length < target) {
      d = addCalendarDays(d, 1);
      const pause = pauseOf(d);
      if (pause !== undefined) {
        exclude(pause);
        skipped.push(skippedForPause(d, pause));
      } else {
        counted.push(d);
      }
    }
    end = d;
  }

  let dueDate = end;
  let rollover: Rollover | undefined;
  if (period.unit !== 'WORKING_DAYS' && period.rollOverHolidays !== false) {
    const lastInfo = reader.dayInfo(end);
    if (!lastInfo.isWorkingDay) {
      const rolled: SkippedDay[] = [skippedFromInfo(lastInfo)];
      let r = end;
      for (;;) {
        r = addCalendarDays(r, 1);
        const info = reader.dayInfo(r);
        const pause = pauseOf(r);
        if (pause !== undefined) {
          rolled.push(skippedForPause(r, pause, info));
        } else if (info.isWorkingDay) {
          break;
        } else {
          rolled.push(skippedFromInfo(info));
        }
      }
      dueDate = r;
      const what = lastInfo.kind === 'HOLIDAY' ? `${lastInfo.holidayName}放假日` : '休息日';
      rollover = {
        from: end,
        to: r,
        reason:
          `期间届满的最后一日${weekdayLabel(end)}是${what}，` +
          `依${formatCitation(COUNTING_RULE.civilProcedurePeriods)}“${COUNTING_RULE_TEXT.civilProcedureRollover}”，` +
          `顺延至其后的第一个工作日${reader.dayInfo(r).description}。`,
        skippedDays: rolled,
        legalBasis: COUNTING_RULE.civilProcedurePeriods,
      };
    }
  }

  const legalBasis = uniqueBases([
    ...period.legalBasis,
    COUNTING_RULE.civilProcedurePeriods,
    ...(rollover === undefined ? [] : [rollover.legalBasis]),
  ]);
  const citations = legalBasis.map(formatCitation);
  const appliedPauses: AppliedPause[] = pauses.map((p) => ({
    ...p,
    daysExcluded: excluded.get(p) ?? 0,
  }));
  const firstCountedDay = addCalendarDays(trigger.date, 1);
  const startRule =
    `${COUNTING_RULE_TEXT.civilProcedureStart}（${formatCitation(COUNTING_RULE.civilProcedurePeriods)}，参照适用）` +
    `触发日${trigger.date}不计入，自${firstCountedDay}起算。`;
  const dayTypeReason = describeDayType(period);
  const rule = `${describePeriod(period)}（${period.legalBasis.map(formatCitation).join('、')}）`;
  const calendarSources = reader.sources();
  const dayPeriod = period.unit === 'WORKING_DAYS' || period.unit === 'CALENDAR_DAYS';

  const lines: string[] = [
    `触发事件：${trigger.event}，${weekdayLabel(trigger.date)}。`,
    `期间：${rule}。`,
    `计日方式：${dayTypeReason}`,
    `起算：${startRule}`,
    dayPeriod
      ? `计入期间的${period.unit === 'WORKING_DAYS' ? '工作日' : '日期'}共${counted.length}日：${counted.join('、')}。`
      : `自${firstCountedDay}至${end}计入期间共${counted.length}日。`,
  ];
  if (period.unit === 'WORKING_DAYS' || skipped.length > 0) {
    lines.push(skippedLine(skipped));
  }
  if (period.unit !== 'WORKING_DAYS' && skipped.length === 0) {
    lines.push('期间内的周末和节假日照常计入。');
  }
  for (const p of appliedPauses) {
    lines.push(
      p.daysExcluded > 0
        ? `中止/扣除：${p.from}至${p.to}（${p.reason}），期间内扣除${p.daysExcluded}日，届满日相应顺延。`
        : `中止/扣除：${p.from}至${p.to}（${p.reason}）不在计算范围内，未影响期间。`,
    );
  }
  if (rollover !== undefined) {
    lines.push(`顺延：${rollover.reason}`);
  } else if (period.unit !== 'WORKING_DAYS') {
    lines.push(
      period.rollOverHolidays === false
        ? `本期间指定为不顺延，届满日为${weekdayLabel(end)}。`
        : `期间最后一日${reader.dayInfo(end).description}，无需顺延。`,
    );
  }
  lines.push(`期间届满日：${weekdayLabel(dueDate)}。`);
  const provisionalYears = reader.provisionalYears();
  lines.push(...calendarLines(calendarSources, provisionalYears));

  const explanation: DeadlineExplanation = {
    trigger,
    period,
    rule,
    legalBasis,
    citations,
    dayType: period.unit,
    dayTypeReason,
    startRule,
    firstCountedDay,
    daysCounted: counted.length,
    ...(dayPeriod ? { countedDates: counted } : {}),
    skippedDays: skipped,
    pauses: appliedPauses,
    ...(rollover === undefined ? {} : { rollover }),
    calendarSources,
    provisional: provisionalYears.length > 0,
    provisionalYears,
    lines,
  };
  return { dueDate, explanation };
}

/**
 * Lead time counted backwards from an event ("serve the hearing notice 7 working
 * days before the hearing"): the latest date the action may take place. The
 * action day is not counted (期间开始的日不计算在期间内); by default neither is the
 * event day (see LeadTimeOptions). No rollover applies backwards: if the latest
 * date is a rest day, `latestWorkingDay` gives the last working day before it.
 */
export function latestDateBefore(
  event: DatedEvent,
  period: PeriodSpec,
  calendar: WorkingDayCalendar,
  options: LeadTimeOptions = {},
): LeadTime {
  assertValidPeriod(period);
  requireLocalDate(event.date, 'event.date');
  if (period.unit !== 'WORKING_DAYS' && period.unit !== 'CALENDAR_DAYS') {
    throw new CalendarError(
      'INVALID_PERIOD',
      `提前期限只支持日或工作日，不支持${describePeriod(period)}。`,
      {
        unit: period.unit,
      },
    );
  }
  const countEventDay = options.countEventDay === true;
  const reader = new CalendarReader(calendar);
  const counted: LocalDate[] = [];
  const skipped: SkippedDay[] = [];
  let d = countEventDay ? addCalendarDays(event.date, 1) : event.date;
  while (counted.length < period.length) {
    d = addCalendarDays(d, -1);
    if (period.unit === 'CALENDAR_DAYS') {
      counted.push(d);
      continue;
    }
    const info = reader.dayInfo(d);
    if (info.isWorkingDay) {
      counted.push(d);
    } else {
      skipped.push(skippedFromInfo(info));
    }
  }
  const earliestCounted = d;
  const latestDate = addCalendarDays(earliestCounted, -1);
  let latestWorkingDay = latestDate;
  while (!reader.dayInfo(latestWorkingDay).isWorkingDay) {
    latestWorkingDay = addCalendarDays(latestWorkingDay, -1);
  }

  const legalBasis = uniqueBases([...period.legalBasis, COUNTING_RULE.civilProcedurePeriods]);
  const citations = legalBasis.map(formatCitation);
  // Rollover is a rule for the end of a running period; it has no meaning backwards.
  const dayTypeReason = describeDayType({ ...period, rollOverHolidays: false });
  const rule = `${event.event}前${describePeriod(period)}（${period.legalBasis.map(formatCitation).join('、')}）`;
  const countingRule = countEventDay
    ? `行为当日不计入，${event.event}当日（${event.date}）计入：自行为次日起至${event.event}当日止须满${describePeriod(period)}。`
    : `行为当日和${event.event}当日（${event.date}）均不计入：两者之间须有完整的${describePeriod(period)}` +
      `（${COUNTING_RULE_TEXT.civilProcedureStart}${formatCitation(COUNTING_RULE.civilProcedurePeriods)}，参照适用；从严计算）。`;
  const calendarSources = reader.sources();
  const ascending = [...counted].reverse();
  const lines: string[] = [
    `${event.event}：${weekdayLabel(event.date)}。`,
    `提前期限：${rule}。`,
    `计日方式：${dayTypeReason}`,
    `计算方法：${countingRule}`,
    `计入的${period.unit === 'WORKING_DAYS' ? '工作日' : '日期'}共${counted.length}日：${ascending.join('、')}。`,
  ];
  if (period.unit === 'WORKING_DAYS') {
    lines.push(skippedLine([...skipped].reverse()));
  }
  lines.push(`最迟应于${weekdayLabel(latestDate)}完成（反向计算不适用届满顺延）。`);
  if (latestWorkingDay !== latestDate) {
    lines.push(
      `${latestDate}不是工作日；按工作日安排，最迟为${reader.dayInfo(latestWorkingDay).description}。`,
    );
  }
  const provisionalYears = reader.provisionalYears();
  lines.push(...calendarLines(calendarSources, provisionalYears));

  return {
    latestDate,
    latestWorkingDay,
    explanation: {
      event,
      period,
      rule,
      legalBasis,
      citations,
      dayType: period.unit,
      dayTypeReason,
      countingRule,
      eventDayCounted: countEventDay,
      daysCounted: counted.length,
      countedDates: ascending,
      skippedDays: [...skipped].reverse(),
      calendarSources,
      provisional: provisionalYears.length > 0,
      provisionalYears,
      lines,
    },
  };
}

/** Guard form of latestDateBefore: was (or will) `actionDate` be early enough? */
export function checkLeadTime(
  actionDate: LocalDate,
  event: DatedEvent,
  period: PeriodSpec,
  calendar: WorkingDayCalendar,
  options: LeadTimeOptions = {},
): LeadTimeCheck {
  requireLocalDate(actionDate, 'actionDate');
  const lead = latestDateBefore(event, period, calendar, options);
  return { ...lead, actionDate, met: actionDate <= lead.latestDate };
}
