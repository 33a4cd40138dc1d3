/**
 * 约谈 (CSL 2025 art. 58, PIPL art. 64, DSL art. 44): which office levels may interview on which
 * basis, and when an unrectified interview is overdue.
 */
import { describe, expect, it } from 'vitest';
import {
  INTERVIEW_LEGAL_BASES,
  interviewViolations,
  isRectificationOverdue,
} from '../../../src/procedure/interview-basis.js';
import { OFFICE_LEVELS } from '../../../src/procedure/office-level.js';
import { d } from './procedure-fixtures.js';

describe('CSL 2025 art. 58: 省级以上人民政府有关部门', () => {
  it('refuses a municipal or county office on the CSL 58 basis, citing art. 58 (V)', () => {
    for (const officeLevel of ['MUNICIPAL', 'COUNTY'] as const) {
      const [refusal, ...rest] = interviewViolations({
        legalBasis: 'CSL_2025_58',
        officeLevel,
        interviewedOn: d('2026-12-29'),
      });
      expect(rest).toEqual([]);
      expect(refusal).toMatchObject({
        code: 'INTERVIEW_CSL_58_BELOW_PROVINCIAL_LEVEL',
        legalBasis: [{ law: '中华人民共和国网络安全法', article: 58, status: 'V' }],
        inputPaths: ['input.legalBasis'],
        details: { officeLevel },
      });
    }
  });

  it('lets a provincial or the national office interview on CSL 58', () => {
    for (const officeLevel of ['NATIONAL', 'PROVINCIAL'] as const) {
      expect(
        interviewViolations({
          legalBasis: 'CSL_2025_58',
          officeLevel,
          interviewedOn: d('2026-12-29'),
        }),
      ).toEqual([]);
    }
  });

  it('PIPL art. 64 and DSL art. 44 (按照规定的权限) set no level: open to every office', () => {
    for (const legalBasis of INTERVIEW_LEGAL_BASES.filter((b) => b !== 'CSL_2025_58')) {
      for (const officeLevel of OFFICE_LEVELS) {
        expect(
          interviewViolations({ legalBasis, officeLevel, interviewedOn: d('2027-01-04') }),
        ).toEqual([]);
      }
    }
  });

  it('binds interviews from the 2025 amendment in force (2026-01-01), not before', () => {
    const on = (date: string) =>
      interviewViolations({
        legalBasis: 'CSL_2025_58',
        officeLevel: 'COUNTY',
        interviewedOn: d(date),
      }).length;
    expect(on('2025-12-31')).toBe(0);
    expect(on('2026-01-01')).toBe(1);
  });
});

describe('整改逾期 (overdue rectification)', () => {
  const due = { rectificationRequired: true, rectificationDueOn: d('2027-01-08') };
  it('is overdue from the day after the due date while no follow-up found it rectified', () => {
    expect(isRectificationOverdue({ ...due, rectified: null }, d('2027-01-08'))).toBe(false);
    expect(isRectificationOverdue({ ...due, rectified: null }, d('2027-01-09'))).toBe(true);
    expect(isRectificationOverdue({ ...due, rectified: false }, d('2027-01-09'))).toBe(true);
    expect(isRectificationOverdue({ ...due, rectified: true }, d('2027-01-09'))).toBe(false);
  });
  it('is never overdue when no rectification was required', () => {
    expect(
      isRectificationOverdue(
        { rectificationRequired: false, rectificationDueOn: null },
        d('2030-01-01'),
      ),
    ).toBe(false);
  });
});
