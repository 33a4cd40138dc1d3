/**
 * Working-day calendar and deadline computation (pure: data in, dates and
 * explanations out). Year data is loaded by the caller, e.g. from
 * src/db/seed-data/calendar-years.json through parseCalendarYears.
 *
 * Legal basis: 《中华人民共和国行政处罚法》第八十五条; 《中华人民共和国行政强制法》第六十九条; 《中华人民共和国民事诉讼法》第八十五条.
 */
export {
  CalendarError,
  CALENDAR_CITATION,
  CalendarYearNotLoadedError,
  isCalendarYearNotLoadedError,
  type CalendarCoverage,
  type CalendarErrorCode,
} from './calendar-error.js';
export {
  parseCalendarYear,
  parseCalendarYears,
  validateCalendarYear,
  type CalendarDayEntry,
  type CalendarNotice,
  type CalendarYearData,
  type CalendarYearIssue,
  type CalendarYearIssueCode,
  type CalendarYearParseResult,
  type CalendarYearsParseResult,
  type CalendarYearSource,
} from './calendar-year.js';
export {
  WEEKDAY_NAMES,
  WorkingDayCalendar,
  type CalendarYearStatus,
  type DayInfo,
  type DayKind,
  type WorkingDayCalendarOptions,
} from './working-day-calendar.js';
export {
  NATIONAL_HOLIDAYS_ARTICLE,
  NATIONAL_HOLIDAYS_MEASURES,
  NATIONAL_HOLIDAYS_REVISION_IN_FORCE_FROM,
  deriveProvisionalYear,
  provisionalYearNotice,
  statuteDepartures,
  statutoryHolidays,
  type ProvisionalCalendarYear,
  type StatutoryLunarDates,
} from './provisional-year.js';
export {
  APL_WORKING_DAY_LENGTHS,
  COMPULSION_WORKING_DAY_MAX,
  COUNTING_RULE,
  COUNTING_RULE_TEXT,
  PERIOD_UNITS,
  assertValidPeriod,
  classifyStatutePeriod,
  describeDayType,
  describePeriod,
  type PeriodClassification,
  type PeriodSpec,
  type PeriodUnit,
  type StatuteLengthUnit,
  type StatutePeriod,
} from './period.js';
export {
  checkLeadTime,
  computeDeadline,
  latestDateBefore,
  type AppliedPause,
  type CalendarSourceUse,
  type DatedEvent,
  type Deadline,
  type DeadlineExplanation,
  type DeadlineTrigger,
  type LeadTime,
  type LeadTimeCheck,
  type LeadTimeExplanation,
  type LeadTimeOptions,
  type PauseInterval,
  type Rollover,
  type SkipReason,
  type SkippedDay,
} from './compute-deadline.js';
