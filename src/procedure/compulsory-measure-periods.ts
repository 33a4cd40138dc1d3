/**
 * The periods of a seizure that are not plain day counts: the testing time excluded from the
 * period (Compulsion Law art. 25(3)) and the 24-hour report of a measure imposed on the spot in an
 * emergency (art. 19), and what the measure then requires (release at once when the head refuses
 * or the report came too late).
 * Legal basis: 《中华人民共和国行政强制法》第十九条、第二十五条第三款 (V).
 */
import type { TestingKind } from './action-inputs.js';
import type { CompulsoryMeasureRecord } from './case-snapshot.js';
import { addCalendarDays, daysBetween, type LocalDate } from './local-date.js';

/**
 * Days of a testing period [startsOn, endsOn] excluded from a measure started on `startedOn`: the
 * start day itself is never counted (CPL art. 85, 期间开始的日不计算在期间内), so only the days
 * after it move the last day. Calendar days: 30 days is not a period of ten days or less (art. 69).
 */
export function testingDaysExcluded(
  startedOn: LocalDate,
  startsOn: LocalDate,
  endsOn: LocalDate,
): number {
  const first = startsOn > startedOn ? startsOn : addCalendarDays(startedOn, 1);
  return endsOn < first ? 0 : daysBetween(first, endsOn) + 1;
}

export const TESTING_KINDS: readonly TestingKind[] = [
  'TESTING',
  'INSPECTION',
  'QUARANTINE',
  'TECHNICAL_APPRAISAL',
];

export const TESTING_KIND_NAMES: Record<TestingKind, string> = {
  TESTING: '检测',
  INSPECTION: '检验',
  QUARANTINE: '检疫',
  TECHNICAL_APPRAISAL: '技术鉴定',
};

const HOUR_MS = 3_600_000;

/** Whether the report to the head came within `hours` of the imposition (art. 19). */
export function reportedInTime(imposedAt: string, reportedAt: string, hours: number): boolean {
  return Date.parse(reportedAt) - Date.parse(imposedAt) <= hours * HOUR_MS;
}

/** Why a measure imposed on the spot must now be released, if it must. */
export type EmergencyReleaseCause = 'RATIFICATION_REFUSED' | 'NOT_REPORTED_IN_TIME';

/**
 * A measure imposed in an emergency must be released at once when the head refuses to ratify it,
 * or when no ratification is recorded and the report day (`reportDueOn`) has passed: the 24 hours
 * ran out without the approval the measure needs.
 */
export function emergencyReleaseCause(
  measure: CompulsoryMeasureRecord,
  today: LocalDate,
  reportDays: number,
): EmergencyReleaseCause | undefined {
  const e = measure.emergency;
  if (!e || measure.releasedOn !== undefined) {
    return undefined;
  }
  if (e.ratification) {
    return e.ratification.approved ? undefined : 'RATIFICATION_REFUSED';
  }
  return today > addCalendarDays(measure.startedOn, reportDays)
    ? 'NOT_REPORTED_IN_TIME'
    : undefined;
}
