import { describe, expect, it } from 'vitest';
import {
  parseCalendarYear,
  parseCalendarYears,
  type CalendarYearIssueCode,
} from '../../../../src/procedure/calendar/index.js';

// A made-up arrangement for 2027 (not the real one, which is not published yet): only its shape matters.
function arrangement2027(): Record<string, unknown> {
  return {
    year: 2027,
    source: { notices: [{ title: '国务院办公厅关于2027年部分节假日安排的通知' }] },
    holidays: [
      { date: '2027-01-01', name: '元旦' },
      { date: '2027-01-02', name: '元旦' },
      { date: '2027-01-03', name: '元旦' },
      { date: '2027-10-01', name: '国庆节' },
      { date: '2027-10-04', name: '国庆节' },
    ],
    makeUpWorkdays: [{ date: '2027-10-09', name: '国庆节' }],
  };
}

function errorCodes(raw: unknown, expectedYear?: number): CalendarYearIssueCode[] {
  const result = parseCalendarYear(raw, expectedYear);
  return result.ok ? [] : result.errors.map((e) => e.code);
}

describe('parseCalendarYear — validating a new year’s arrangement (State Council notice) before loading', () => {
  it('accepts a consistent arrangement and returns typed data', () => {
    const result = parseCalendarYear(arrangement2027(), 2027);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.data.year).toBe(2027);
      expect(result.data.holidays).toHaveLength(5);
      expect(result.data.makeUpWorkdays[0]).toEqual({ date: '2027-10-09', name: '国庆节' });
      expect(result.warnings).toEqual([]);
    }
  });

  it('rejects a date outside the year', () => {
    const raw = {
      ...arrangement2027(),
      holidays: [
        { date: '2026-12-31', name: '元旦' },
        { date: '2027-01-01', name: '元旦' },
      ],
    };
    expect(errorCodes(raw)).toEqual(['DATE_OUTSIDE_YEAR']);
  });

  it('rejects a date that is both a holiday and a make-up workday', () => {
    const raw = { ...arrangement2027(), makeUpWorkdays: [{ date: '2027-01-02', name: '元旦' }] };
    expect(errorCodes(raw)).toEqual(['HOLIDAY_AND_MAKE_UP_WORKDAY']);
  });

  it('rejects a make-up workday on a Monday–Friday (it would change nothing)', () => {
    const raw = { ...arrangement2027(), makeUpWorkdays: [{ date: '2027-10-08', name: '国庆节' }] };
    expect(errorCodes(raw)).toEqual(['MAKE_UP_WORKDAY_NOT_WEEKEND']);
  });

  it('rejects impossible dates and missing names (all such errors at once, with paths), then duplicates', () => {
    const raw = {
      ...arrangement2027(),
      holidays: [
        { date: '2027-02-30', name: '春节' },
        { date: '2027-10-01', name: '国庆节' },
        { date: '2027-10-01', name: '国庆节' },
        { date: '2027-10-04', name: '' },
      ],
    };
    const result = parseCalendarYear(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.map((e) => [e.code, e.path])).toEqual([
        ['DATE_INVALID', 'holidays[0].date'],
        ['NAME_MISSING', 'holidays[3].name'],
      ]);
    }
    const dup = {
      ...arrangement2027(),
      holidays: [
        { date: '2027-10-01', name: '国庆节' },
        { date: '2027-10-01', name: '国庆节' },
      ],
    };
    expect(errorCodes(dup)).toEqual(['DATE_DUPLICATE']);
  });

  it('requires the notice the data comes from', () => {
    expect(errorCodes({ ...arrangement2027(), source: { notices: [] } })).toEqual([
      'SOURCE_MISSING',
    ]);
    expect(errorCodes({ ...arrangement2027(), source: { notices: [{ title: ' ' }] } })).toEqual([
      'SOURCE_MISSING',
    ]);
  });

  it('rejects the wrong year, a year without holidays and non-objects', () => {
    expect(errorCodes(arrangement2027(), 2028)).toEqual(['YEAR_MISMATCH']);
    expect(errorCodes({ ...arrangement2027(), year: '2027' })).toEqual(['YEAR_INVALID']);
    expect(errorCodes({ ...arrangement2027(), holidays: [] })).toEqual(['HOLIDAYS_EMPTY']);
    expect(errorCodes({ ...arrangement2027(), makeUpWorkdays: 'none' })).toEqual(['FIELD_INVALID']);
    expect(errorCodes(null)).toEqual(['NOT_AN_OBJECT']);
  });

  it('warns (does not refuse) when a holiday run is only weekend days', () => {
    const raw = {
      ...arrangement2027(),
      holidays: [
        ...(arrangement2027().holidays as object[]),
        { date: '2027-06-12', name: '端午节' },
      ],
    };
    const result = parseCalendarYear(raw);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.code, w.severity])).toEqual([
      ['HOLIDAY_BLOCK_ONLY_WEEKEND', 'WARNING'],
    ]);
  });

  it('a run may skip plain weekend days (2027-10-01 Fri … 10-04 Mon is one run)', () => {
    expect(parseCalendarYear(arrangement2027()).warnings).toEqual([]);
  });

  it('parseCalendarYears rejects the same year twice and prefixes paths with the index', () => {
    const result = parseCalendarYears([arrangement2027(), arrangement2027()]);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors).toEqual([
        expect.objectContaining({ code: 'YEAR_DUPLICATE', path: '[1].year' }),
      ]);
    }
    const bad = parseCalendarYears([arrangement2027(), { ...arrangement2027(), year: 2028 }]);
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.errors[0]?.path).toMatch(/^\[1\]\.holidays\[0\]\.date$/);
    }
    expect(parseCalendarYears({}).ok).toBe(false);
  });
});
