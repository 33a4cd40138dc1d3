/**
 * Statutory periods (期间) and their day type. Short periods of the Administrative
 * Penalty Law and the Administrative Compulsion Law are working days; every other
 * period runs in calendar days, months or years and, when its last day is a
 * holiday or rest day, ends on the next working day.
 *
 * Legal basis: 《中华人民共和国行政处罚法》第八十五条; 《中华人民共和国行政强制法》第六十九条;
 * 《中华人民共和国民事诉讼法》第八十五条 (start day not counted; rollover), applied by analogy (R-SRV-09).
 */
import { LAW, formatCitation, type LegalBasis } from '../legal-basis.js';
import { CalendarError } from './calendar-error.js';

export type PeriodUnit = 'WORKING_DAYS' | 'CALENDAR_DAYS' | 'MONTHS' | 'YEARS';

export const PERIOD_UNITS: readonly PeriodUnit[] = [
  'WORKING_DAYS',
  'CALENDAR_DAYS',
  'MONTHS',
  'YEARS',
];

export interface PeriodSpec {
  readonly length: number;
  readonly unit: PeriodUnit;
  /** The article that sets the period and the article that fixes how it is counted. */
  readonly legalBasis: readonly LegalBasis[];
  /**
   * Calendar-day, month and year periods: when the last day is not a working day,
   * end on the next working day. Default true. Ignored for working days (they
   * always end on a working day).
   */
  readonly rollOverHolidays?: boolean;
}

/** The articles that fix how periods are counted. */
export const COUNTING_RULE = {
  aplWorkingDays: { law: LAW.administrativePenalty, article: 85, status: 'V' },
  compulsionWorkingDays: { law: LAW.administrativeCompulsion, article: 69, status: 'V' },
  civilProcedurePeriods: { law: LAW.civilProcedure, article: 85, status: 'V' },
  /** Month/year arithmetic (对应日 / 月末日). Not among the texts read for docs/legal-sources.md. */
  civilCodeMonthEnd: {
    law: '中华人民共和国民法典',
    article: 202,
    status: 'U',
    source:
      'Not in docs/legal-sources.md §1; wording recalled, to be checked against the official text.',
  },
} as const satisfies Record<string, LegalBasis>;

/** Wording of the counting rules, quoted in explanations. */
export const COUNTING_RULE_TEXT = {
  aplWorkingDays: '本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。',
  compulsionWorkingDays: '本法中十日以内期限的规定是指工作日，不含法定节假日。',
  civilProcedureStart: '期间开始的时和日，不计算在期间内。',
  civilProcedureRollover:
    '期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期。',
  monthEnd:
    '按照月、年计算期间的，到期月的对应日为期间的最后一日；没有对应日的，月末日为期间的最后一日。',
} as const;

/** The day counts that APL art. 85 declares to be working days. */
export const APL_WORKING_DAY_LENGTHS: readonly number[] = [2, 3, 5, 7];
/** Compulsion Law art. 69: periods of ten days or less are working days. */
export const COMPULSION_WORKING_DAY_MAX = 10;

/** How the statute writes the period: 日, 工作日, 个月, 年. */
export type StatuteLengthUnit = 'DAYS' | 'WORKING_DAYS' | 'MONTHS' | 'YEARS';

export interface StatutePeriod {
  readonly length: number;
  readonly writtenAs: StatuteLengthUnit;
  /** The article(s) that set the period; the law named there decides the counting rule. */
  readonly legalBasis: readonly LegalBasis[];
}

export interface PeriodClassification {
  readonly spec: PeriodSpec;
  /** Why this day type, in Chinese, with the rule quoted. */
  readonly reason: string;
}

function sameArticle(a: LegalBasis, b: LegalBasis): boolean {
  return a.law === b.law && a.article === b.article;
}

function hasBasis(spec: PeriodSpec, basis: LegalBasis): boolean {
  return spec.legalBasis.some((b) => sameArticle(b, basis));
}

/** Throws INVALID_PERIOD unless the spec can be counted. */
export function assertValidPeriod(spec: PeriodSpec): void {
  if (!Number.isInteger(spec.length) || spec.length <= 0) {
    throw new CalendarError('INVALID_PERIOD', `期间长度须为正整数：${spec.length}`, {
      length: spec.length,
    });
  }
  if (!PERIOD_UNITS.includes(spec.unit)) {
    throw new CalendarError('INVALID_PERIOD', `未知的期间单位：${String(spec.unit)}`, {
      unit: spec.unit,
    });
  }
  if (spec.legalBasis.length === 0) {
    throw new CalendarError('INVALID_PERIOD', '期间须注明法律依据。', {});
  }
}

/**
 * Day type of a period as the statute writes it:
 * - 工作日 written out → working days;
 * - APL 二日/三日/五日/七日 → working days (APL art. 85);
 * - Compulsion Law ≤ 十日 → working days (Compulsion Law art. 69);
 * - any other 日 → calendar days; 个月/年 → months/years; these roll over a
 *   holiday or rest day at the end (CPL art. 85).
 */
export function classifyStatutePeriod(period: StatutePeriod): PeriodClassification {
  const { length, writtenAs, legalBasis } = period;
  if (!Number.isInteger(length) || length <= 0) {
    throw new CalendarError('INVALID_PERIOD', `期间长度须为正整数：${length}`, { length });
  }
  if (legalBasis.length === 0) {
    throw new CalendarError('INVALID_PERIOD', '期间须注明设定它的法律条文。', {});
  }
  const laws = new Set(legalBasis.map((b) => b.law));
  const cited = legalBasis.map(formatCitation).join('、');

  if (writtenAs === 'WORKING_DAYS') {
    return {
      spec: { length, unit: 'WORKING_DAYS', legalBasis: [...legalBasis] },
      reason: `${cited}明文规定为${length}个工作日。`,
    };
  }
  if (writtenAs === 'DAYS') {
    // 日 read as working days by the statute's own counting rule, cited with its text.
    const workingDaysBy = (rule: 'aplWorkingDays' | 'compulsionWorkingDays') => ({
      spec: {
        length,
        unit: 'WORKING_DAYS' as const,
        legalBasis: [...legalBasis, COUNTING_RULE[rule]],
      },
      reason: `${formatCitation(COUNTING_RULE[rule])}：${COUNTING_RULE_TEXT[rule]}`,
    });
    if (laws.has(LAW.administrativePenalty) && APL_WORKING_DAY_LENGTHS.includes(length)) {
      return workingDaysBy('aplWorkingDays');
    }
    if (laws.has(LAW.administrativeCompulsion) && length <= COMPULSION_WORKING_DAY_MAX) {
      return workingDaysBy('compulsionWorkingDays');
    }
    return {
      spec: {
        length,
        unit: 'CALENDAR_DAYS',
        legalBasis: [...legalBasis, COUNTING_RULE.civilProcedurePeriods],
        rollOverHolidays: true,
      },
      reason: calendarDaysReason(length),
    };
  }
  const unit = writtenAs === 'MONTHS' ? 'MONTHS' : 'YEARS';
  return {
    spec: {
      length,
      unit,
      legalBasis: [
        ...legalBasis,
        COUNTING_RULE.civilProcedurePeriods,
        COUNTING_RULE.civilCodeMonthEnd,
      ],
      rollOverHolidays: true,
    },
    reason: monthsReason(unit),
  };
}

function rolloverClause(rollOver: boolean): string {
  return rollOver
    ? `最后一日遇法定休假日或休息日的，顺延至其后的第一个工作日（${formatCitation(COUNTING_RULE.civilProcedurePeriods)}）。`
    : '本期间不适用届满顺延。';
}

function calendarDaysReason(length: number, rollOver = true): string {
  return (
    `${length}日不属于${formatCitation(COUNTING_RULE.aplWorkingDays)}所列的二日、三日、五日、七日，` +
    `也不属于${formatCitation(COUNTING_RULE.compulsionWorkingDays)}所称的十日以内期限，` +
    '按自然日连续计算，期间内的周末和节假日计入期间；' +
    rolloverClause(rollOver)
  );
}

function monthsReason(unit: 'MONTHS' | 'YEARS', rollOver = true): string {
  return (
    `按${unit === 'MONTHS' ? '月' : '年'}计算，${COUNTING_RULE_TEXT.monthEnd}` +
    `（参照${formatCitation(COUNTING_RULE.civilCodeMonthEnd)}，待核实）` +
    rolloverClause(rollOver)
  );
}

/** Why a spec is counted the way it is, derived from its unit and citations. */
export function describeDayType(spec: PeriodSpec): string {
  switch (spec.unit) {
    case 'WORKING_DAYS':
      if (hasBasis(spec, COUNTING_RULE.aplWorkingDays)) {
        return `工作日：${formatCitation(COUNTING_RULE.aplWorkingDays)}：${COUNTING_RULE_TEXT.aplWorkingDays}`;
      }
      if (hasBasis(spec, COUNTING_RULE.compulsionWorkingDays)) {
        return `工作日：${formatCitation(COUNTING_RULE.compulsionWorkingDays)}：${COUNTING_RULE_TEXT.compulsionWorkingDays}`;
      }
      return `工作日：${spec.legalBasis.map(formatCitation).join('、')}规定以工作日计算，不含法定节假日和休息日。`;
    case 'CALENDAR_DAYS':
      return `自然日：${calendarDaysReason(spec.length, spec.rollOverHolidays !== false)}`;
    case 'MONTHS':
    case 'YEARS':
      return `${spec.unit === 'MONTHS' ? '月' : '年'}：${monthsReason(spec.unit, spec.rollOverHolidays !== false)}`;
  }
}

/** Short Chinese label of a period: 7个工作日, 15日, 3个月, 2年. */
export function describePeriod(spec: PeriodSpec): string {
  switch (spec.unit) {
    case 'WORKING_DAYS':
      return `${spec.length}个工作日`;
    case 'CALENDAR_DAYS':
      return `${spec.length}日`;
    case 'MONTHS':
      return `${spec.length}个月`;
    case 'YEARS':
      return `${spec.length}年`;
  }
}
