/**
 * One year of the official holiday arrangement (法定节假日放假调休安排) as data, with
 * the State Council notice it comes from, and the validation of a new year's
 * arrangement before it is loaded (seed, mutation or CLI).
 *
 * Legal basis: 《中华人民共和国行政处罚法》第八十五条 and 《中华人民共和国行政强制法》第六十九条
 * count short periods in working days "不含法定节假日"; the holidays and make-up
 * workdays (调休) themselves are fixed each year by the notice of the General Office
 * of the State Council (国务院办公厅关于YYYY年部分节假日安排的通知).
 */
import { addCalendarDays, dayOfWeek, isLocalDate, type LocalDate } from '../local-date.js';

export interface CalendarNotice {
  /** Full title without book-title marks, e.g. 国务院办公厅关于2025年部分节假日安排的通知. */
  readonly title: string;
  /** e.g. 国办发明电〔2024〕12号; only when verified. */
  readonly documentNumber?: string;
  readonly issuedOn?: LocalDate;
  /** Which dates of this year the notice sets, when it is not the year's own notice. */
  readonly covers?: string;
}

export interface CalendarYearSource {
  readonly notices: readonly CalendarNotice[];
  /** Where the dates were transcribed from, e.g. chinese-days@1.5.7. */
  readonly extractedFrom?: string;
}

export interface CalendarDayEntry {
  readonly date: LocalDate;
  /** Holiday name in Chinese (国庆节); for a make-up workday, the holiday it makes up for. */
  readonly name: string;
}

export interface CalendarYearData {
  readonly year: number;
  readonly source: CalendarYearSource;
  /** Days off (放假), including weekend days inside a holiday block. */
  readonly holidays: readonly CalendarDayEntry[];
  /** Weekend days that are working days (调休上班). */
  readonly makeUpWorkdays: readonly CalendarDayEntry[];
}

export type CalendarYearIssueCode =
  | 'NOT_AN_OBJECT'
  | 'FIELD_INVALID'
  | 'YEAR_INVALID'
  | 'YEAR_MISMATCH'
  | 'YEAR_DUPLICATE'
  | 'SOURCE_MISSING'
  | 'HOLIDAYS_EMPTY'
  | 'DATE_INVALID'
  | 'DATE_OUTSIDE_YEAR'
  | 'DATE_DUPLICATE'
  | 'NAME_MISSING'
  | 'HOLIDAY_AND_MAKE_UP_WORKDAY'
  | 'MAKE_UP_WORKDAY_NOT_WEEKEND'
  /** Warning only: a run of holidays made only of Saturdays/Sundays gives no day off. */
  | 'HOLIDAY_BLOCK_ONLY_WEEKEND'
  /**
   * Warning only: a statutory holiday of 《全国年节及纪念日放假办法》第二条 that the loaded
   * arrangement does not give off (or makes a workday). The State Council's notice rules.
   */
  | 'STATUTORY_HOLIDAY_NOT_OFF';

export interface CalendarYearIssue {
  readonly code: CalendarYearIssueCode;
  readonly severity: 'ERROR' | 'WARNING';
  /** JSON path of the offending value, e.g. holidays[3].date. */
  readonly path: string;
  /** Message in Chinese for the operator loading the data. */
  readonly message: string;
}

export type CalendarYearParseResult =
  | {
      readonly ok: true;
      readonly data: CalendarYearData;
      readonly warnings: readonly CalendarYearIssue[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly CalendarYearIssue[];
      readonly warnings: readonly CalendarYearIssue[];
    };

export type CalendarYearsParseResult =
  | {
      readonly ok: true;
      readonly data: readonly CalendarYearData[];
      readonly warnings: readonly CalendarYearIssue[];
    }
  | {
      readonly ok: false;
      readonly errors: readonly CalendarYearIssue[];
      readonly warnings: readonly CalendarYearIssue[];
    };

const MIN_YEAR = 1949;
const MAX_YEAR = 9999;

function error(code: CalendarYearIssueCode, path: string, message: string): CalendarYearIssue {
  return { code, severity: 'ERROR', path, message };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

function isWeekend(date: LocalDate): boolean {
  const dow = dayOfWeek(date);
  return dow === 0 || dow === 6;
}

function parseNotice(
  raw: unknown,
  path: string,
  issues: CalendarYearIssue[],
): CalendarNotice | undefined {
  if (!isRecord(raw) || !isNonEmptyString(raw.title)) {
    issues.push(error('SOURCE_MISSING', `${path}.title`, '通知标题缺失。'));
    return undefined;
  }
  const notice: { -readonly [K in keyof CalendarNotice]: CalendarNotice[K] } = {
    title: raw.title.trim(),
  };
  for (const key of ['documentNumber', 'covers'] as const) {
    const value = raw[key];
    if (value !== undefined) {
      if (isNonEmptyString(value)) {
        notice[key] = value.trim();
      } else {
        issues.push(error('FIELD_INVALID', `${path}.${key}`, `${key} 须为非空字符串。`));
      }
    }
  }
  if (raw.issuedOn !== undefined) {
    if (typeof raw.issuedOn === 'string' && isLocalDate(raw.issuedOn)) {
      notice.issuedOn = raw.issuedOn;
    } else {
      issues.push(
        error(
          'DATE_INVALID',
          `${path}.issuedOn`,
          `发布日期不是有效日期（YYYY-MM-DD）：${String(raw.issuedOn)}`,
        ),
      );
    }
  }
  return notice;
}

function parseSource(raw: unknown, issues: CalendarYearIssue[]): CalendarYearSource | undefined {
  if (!isRecord(raw) || !Array.isArray(raw.notices) || raw.notices.length === 0) {
    issues.push(
      error(
        'SOURCE_MISSING',
        'source.notices',
        '须注明该年节假日安排所依据的国务院（办公厅）通知。',
      ),
    );
    return undefined;
  }
  const notices = raw.notices
    .map((n, i) => parseNotice(n, `source.notices[${i}]`, issues))
    .filter((n): n is CalendarNotice => n !== undefined);
  if (raw.extractedFrom !== undefined && !isNonEmptyString(raw.extractedFrom)) {
    issues.push(error('FIELD_INVALID', 'source.extractedFrom', 'extractedFrom 须为非空字符串。'));
  }
  return isNonEmptyString(raw.extractedFrom)
    ? { notices, extractedFrom: raw.extractedFrom.trim() }
    : { notices };
}

function parseEntries(
  raw: unknown,
  field: 'holidays' | 'makeUpWorkdays',
  issues: CalendarYearIssue[],
): CalendarDayEntry[] {
  if (!Array.isArray(raw)) {
    issues.push(error('FIELD_INVALID', field, `${field} 须为数组。`));
    return [];
  }
  const entries: CalendarDayEntry[] = [];
  raw.forEach((item, i) => {
    const path = `${field}[${i}]`;
    if (!isRecord(item)) {
      issues.push(error('FIELD_INVALID', path, '每一项须为 { date, name }。'));
      return;
    }
    const { date, name } = item;
    if (typeof date !== 'string' || !isLocalDate(date)) {
      issues.push(
        error('DATE_INVALID', `${path}.date`, `不是有效日期（YYYY-MM-DD）：${String(date)}`),
      );
      return;
    }
    if (!isNonEmptyString(name)) {
      issues.push(error('NAME_MISSING', `${path}.name`, `${date} 缺少节日名称。`));
      return;
    }
    entries.push({ date, name: name.trim() });
  });
  return entries;
}

/**
 * Checks the consistency of typed year data. Returns errors and warnings; the
 * calendar refuses data with any error.
 */
export function validateCalendarYear(data: CalendarYearData): CalendarYearIssue[] {
  const issues: CalendarYearIssue[] = [];
  const { year } = data;
  if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    issues.push(error('YEAR_INVALID', 'year', `年份无效：${year}`));
    return issues;
  }
  if (
    data.source.notices.length === 0 ||
    data.source.notices.some((n) => !isNonEmptyString(n.title))
  ) {
    issues.push(
      error(
        'SOURCE_MISSING',
        'source.notices',
        '须注明该年节假日安排所依据的国务院（办公厅）通知。',
      ),
    );
  }
  if (data.holidays.length === 0) {
    issues.push(
      error('HOLIDAYS_EMPTY', 'holidays', `${year}年没有任何法定节假日，数据显然不完整。`),
    );
  }

  const holidayDates = new Set<string>();
  const checkEntries = (field: 'holidays' | 'makeUpWorkdays', seen: Set<string>): void => {
    data[field].forEach((entry, i) => {
      const path = `${field}[${i}]`;
      if (!isLocalDate(entry.date)) {
        issues.push(
          error('DATE_INVALID', `${path}.date`, `不是有效日期（YYYY-MM-DD）：${entry.date}`),
        );
        return;
      }
      if (!isNonEmptyString(entry.name)) {
        issues.push(error('NAME_MISSING', `${path}.name`, `${entry.date} 缺少节日名称。`));
      }
      if (Number(entry.date.slice(0, 4)) !== year) {
        issues.push(error('DATE_OUTSIDE_YEAR', `${path}.date`, `${entry.date} 不属于${year}年。`));
      }
      if (seen.has(entry.date)) {
        issues.push(error('DATE_DUPLICATE', `${path}.date`, `${entry.date} 重复出现。`));
      }
      seen.add(entry.date);
    });
  };
  checkEntries('holidays', holidayDates);
  const makeUpDates = new Set<string>();
  checkEntries('makeUpWorkdays', makeUpDates);

  data.makeUpWorkdays.forEach((entry, i) => {
    if (!isLocalDate(entry.date)) {
      return;
    }
    if (holidayDates.has(entry.date)) {
      issues.push(
        error(
          'HOLIDAY_AND_MAKE_UP_WORKDAY',
          `makeUpWorkdays[${i}].date`,
          `${entry.date} 不能既是放假日又是调休上班日。`,
        ),
      );
    }
    // A make-up workday only changes anything on a Saturday or Sunday.
    if (!isWeekend(entry.date)) {
      issues.push(
        error(
          'MAKE_UP_WORKDAY_NOT_WEEKEND',
          `makeUpWorkdays[${i}].date`,
          `调休上班日 ${entry.date} 不是周六或周日；周一至周五本来就是工作日。`,
        ),
      );
    }
  });

  issues.push(...weekendOnlyBlocks(data));
  return issues;
}

/** True when every day strictly between a and b is a Saturday or Sunday (a run may omit plain weekend days). */
function onlyWeekendBetween(a: LocalDate, b: LocalDate): boolean {
  for (let d = addCalendarDays(a, 1); d < b; d = addCalendarDays(d, 1)) {
    if (!isWeekend(d)) {
      return false;
    }
  }
  return true;
}

/** Holiday runs (dates joined by nothing but weekend days) with no Monday–Friday: likely a typo, harmless in effect. */
function weekendOnlyBlocks(data: CalendarYearData): CalendarYearIssue[] {
  const dates = data.holidays
    .map((h) => h.date)
    .filter((d) => isLocalDate(d))
    .sort();
  const warnings: CalendarYearIssue[] = [];
  let block: LocalDate[] = [];
  const flush = (): void => {
    if (block.length > 0 && block.every(isWeekend)) {
      warnings.push({
        code: 'HOLIDAY_BLOCK_ONLY_WEEKEND',
        severity: 'WARNING',
        path: 'holidays',
        message: `放假日 ${block.join('、')} 全部是周末，本身不增加休息日；请核对通知（节日恰逢周末、或元旦假期跨年的，属正常）。`,
      });
    }
    block = [];
  };
  for (const d of dates) {
    const last = block[block.length - 1];
    if (last !== undefined && !onlyWeekendBetween(last, d)) {
      flush();
    }
    block.push(d);
  }
  flush();
  return warnings;
}

/**
 * Parses untrusted input (JSON from the seed file, a mutation or the CLI) into
 * year data, then validates it. `expectedYear` guards against loading the wrong
 * year under a year's name.
 */
export function parseCalendarYear(raw: unknown, expectedYear?: number): CalendarYearParseResult {
  const issues: CalendarYearIssue[] = [];
  if (!isRecord(raw)) {
    return {
      ok: false,
      errors: [
        error('NOT_AN_OBJECT', '', '年度数据须为对象 { year, source, holidays, makeUpWorkdays }。'),
      ],
      warnings: [],
    };
  }
  const year = raw.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
    issues.push(error('YEAR_INVALID', 'year', `年份无效：${String(year)}`));
  } else if (expectedYear !== undefined && year !== expectedYear) {
    issues.push(
      error('YEAR_MISMATCH', 'year', `数据年份 ${year} 与要载入的年份 ${expectedYear} 不一致。`),
    );
  }
  const source = parseSource(raw.source, issues);
  const holidays = parseEntries(raw.holidays, 'holidays', issues);
  const makeUpWorkdays = parseEntries(raw.makeUpWorkdays, 'makeUpWorkdays', issues);
  if (issues.length > 0 || typeof year !== 'number' || source === undefined) {
    return { ok: false, errors: issues, warnings: [] };
  }
  const data: CalendarYearData = { year, source, holidays, makeUpWorkdays };
  const checked = validateCalendarYear(data);
  const errors = checked.filter((i) => i.severity === 'ERROR');
  const warnings = checked.filter((i) => i.severity === 'WARNING');
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, data, warnings };
}

/** Parses an array of years (the seed file); also rejects the same year twice. */
export function parseCalendarYears(raw: unknown): CalendarYearsParseResult {
  if (!Array.isArray(raw)) {
    return {
      ok: false,
      errors: [error('NOT_AN_OBJECT', '', '须为年度数据的数组。')],
      warnings: [],
    };
  }
  const data: CalendarYearData[] = [];
  const errors: CalendarYearIssue[] = [];
  const warnings: CalendarYearIssue[] = [];
  const seenYears = new Set<number>();
  const prefix = (i: number, issue: CalendarYearIssue): CalendarYearIssue => ({
    ...issue,
    path: issue.path === '' ? `[${i}]` : `[${i}].${issue.path}`,
  });
  raw.forEach((item, i) => {
    const result = parseCalendarYear(item);
    warnings.push(...result.warnings.map((w) => prefix(i, w)));
    if (!result.ok) {
      errors.push(...result.errors.map((e) => prefix(i, e)));
      return;
    }
    if (seenYears.has(result.data.year)) {
      errors.push(error('YEAR_DUPLICATE', `[${i}].year`, `${result.data.year}年的数据重复。`));
      return;
    }
    seenYears.add(result.data.year);
    data.push(result.data);
  });
  return errors.length > 0 ? { ok: false, errors, warnings } : { ok: true, data, warnings };
}
