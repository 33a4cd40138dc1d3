import { describe, expect, it } from 'vitest';
import { LAW, apl, type LegalBasis } from '../../../../src/procedure/legal-basis.js';
import {
  COUNTING_RULE,
  classifyStatutePeriod,
  describeDayType,
  describePeriod,
} from '../../../../src/procedure/calendar/index.js';

const compulsion = (article: number): LegalBasis => ({
  law: LAW.administrativeCompulsion,
  article,
  status: 'V',
});
const reconsideration = (article: number): LegalBasis => ({
  law: LAW.administrativeReconsideration,
  article,
  status: 'V',
});
// Test placeholder: the CAC hearing article's number is unknown (regulation.md §0), only its 工作日 wording.
const cac: LegalBasis = {
  law: LAW.cacEnforcementProcedure2023,
  article: 0,
  status: 'U',
  source: 'placeholder, article unknown',
};

describe('classifyStatutePeriod', () => {
  it('APL art. 85: 五日 in APL art. 64(1) (hearing request) is 5 working days', () => {
    const { spec, reason } = classifyStatutePeriod({
      length: 5,
      writtenAs: 'DAYS',
      legalBasis: [apl(64, undefined, 1)],
    });
    expect(spec).toEqual({
      length: 5,
      unit: 'WORKING_DAYS',
      legalBasis: [apl(64, undefined, 1), COUNTING_RULE.aplWorkingDays],
    });
    expect(reason).toContain('《中华人民共和国行政处罚法》第八十五条');
    expect(reason).toContain('不含法定节假日');
  });

  it.each([2, 3, 7])('APL art. 85: %i日 in the APL is working days', (length) => {
    expect(
      classifyStatutePeriod({ length, writtenAs: 'DAYS', legalBasis: [apl(61)] }).spec.unit,
    ).toBe('WORKING_DAYS');
  });

  it('APL art. 85 lists only 二日/三日/五日/七日: 十五日 (APL art. 67, fine payment) is 15 calendar days, rolled over', () => {
    const { spec, reason } = classifyStatutePeriod({
      length: 15,
      writtenAs: 'DAYS',
      legalBasis: [apl(67)],
    });
    expect(spec).toEqual({
      length: 15,
      unit: 'CALENDAR_DAYS',
      legalBasis: [apl(67), COUNTING_RULE.civilProcedurePeriods],
      rollOverHolidays: true,
    });
    expect(reason).toContain('按自然日连续计算');
    expect(reason).toContain('《中华人民共和国民事诉讼法》第八十五条');
  });

  it('APL art. 60: 九十日 case time limit is calendar days', () => {
    expect(
      classifyStatutePeriod({ length: 90, writtenAs: 'DAYS', legalBasis: [apl(60)] }).spec.unit,
    ).toBe('CALENDAR_DAYS');
  });

  it('Compulsion Law art. 69: 十日 (art. 54, demand notice → court application) is 10 working days', () => {
    const { spec } = classifyStatutePeriod({
      length: 10,
      writtenAs: 'DAYS',
      legalBasis: [compulsion(54)],
    });
    expect(spec.unit).toBe('WORKING_DAYS');
    expect(spec.legalBasis).toContainEqual(COUNTING_RULE.compulsionWorkingDays);
  });

  it('Compulsion Law art. 69 covers only ten days or less: 三十日 seizure (art. 25) is calendar days', () => {
    expect(
      classifyStatutePeriod({ length: 30, writtenAs: 'DAYS', legalBasis: [compulsion(25)] }).spec
        .unit,
    ).toBe('CALENDAR_DAYS');
  });

  it('Reconsideration Law art. 20: 六十日 is calendar days (no working-day rule in that law)', () => {
    expect(
      classifyStatutePeriod({ length: 60, writtenAs: 'DAYS', legalBasis: [reconsideration(20)] })
        .spec.unit,
    ).toBe('CALENDAR_DAYS');
  });

  it('a text that writes 工作日 (CAC hearing provision, P) is working days by its own words', () => {
    const { spec, reason } = classifyStatutePeriod({
      length: 7,
      writtenAs: 'WORKING_DAYS',
      legalBasis: [cac],
    });
    expect(spec).toEqual({ length: 7, unit: 'WORKING_DAYS', legalBasis: [cac] });
    expect(reason).toContain('明文规定为7个工作日');
  });

  it('Compulsion Law art. 53: 三个月 is months, rolled over; month-end rule cited as unverified (U)', () => {
    const { spec } = classifyStatutePeriod({
      length: 3,
      writtenAs: 'MONTHS',
      legalBasis: [compulsion(53)],
    });
    expect(spec.unit).toBe('MONTHS');
    expect(spec.rollOverHolidays).toBe(true);
    expect(spec.legalBasis).toContainEqual(COUNTING_RULE.civilCodeMonthEnd);
    expect(COUNTING_RULE.civilCodeMonthEnd.status).toBe('U');
    expect(
      classifyStatutePeriod({ length: 2, writtenAs: 'YEARS', legalBasis: [apl(36)] }).spec.unit,
    ).toBe('YEARS');
  });

  it('rejects a non-positive or fractional length and a period without citation', () => {
    expect(() =>
      classifyStatutePeriod({ length: 0, writtenAs: 'DAYS', legalBasis: [apl(67)] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
    expect(() =>
      classifyStatutePeriod({ length: 1.5, writtenAs: 'DAYS', legalBasis: [apl(67)] }),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
    expect(() => classifyStatutePeriod({ length: 5, writtenAs: 'DAYS', legalBasis: [] })).toThrow(
      expect.objectContaining({ code: 'INVALID_PERIOD' }),
    );
  });
});

describe('describeDayType / describePeriod', () => {
  it('quotes the rule that makes a period working days', () => {
    expect(
      describeDayType({
        length: 10,
        unit: 'WORKING_DAYS',
        legalBasis: [compulsion(54), COUNTING_RULE.compulsionWorkingDays],
      }),
    ).toBe(
      '工作日：《中华人民共和国行政强制法》第六十九条：本法中十日以内期限的规定是指工作日，不含法定节假日。',
    );
  });

  it('says when a calendar-day period does not roll over', () => {
    expect(
      describeDayType({
        length: 30,
        unit: 'CALENDAR_DAYS',
        legalBasis: [compulsion(25)],
        rollOverHolidays: false,
      }),
    ).toContain('本期间不适用届满顺延');
  });

  it('labels periods in Chinese', () => {
    expect(describePeriod({ length: 7, unit: 'WORKING_DAYS', legalBasis: [apl(61)] })).toBe(
      '7个工作日',
    );
    expect(describePeriod({ length: 15, unit: 'CALENDAR_DAYS', legalBasis: [apl(67)] })).toBe(
      '15日',
    );
    expect(describePeriod({ length: 3, unit: 'MONTHS', legalBasis: [compulsion(53)] })).toBe(
      '3个月',
    );
    expect(describePeriod({ length: 2, unit: 'YEARS', legalBasis: [apl(36)] })).toBe('2年');
  });
});
