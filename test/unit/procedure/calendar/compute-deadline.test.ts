import { describe, expect, it } from 'vitest';
import { LAW, apl, type LegalBasis } from '../../../../src/procedure/legal-basis.js';
import { localDate as d } from '../../../../src/procedure/local-date.js';
import {
  COUNTING_RULE,
  checkLeadTime,
  computeDeadline,
  latestDateBefore,
  type PeriodSpec,
} from '../../../../src/procedure/calendar/index.js';
import { seedCalendar } from './seed-calendar.js';

const compulsion = (article: number): LegalBasis => ({
  law: LAW.administrativeCompulsion,
  article,
  status: 'V',
});

const SERVE_DECISION_7WD: PeriodSpec = {
  length: 7,
  unit: 'WORKING_DAYS',
  legalBasis: [apl(61), COUNTING_RULE.aplWorkingDays],
};
const PAY_FINE_15D: PeriodSpec = {
  length: 15,
  unit: 'CALENDAR_DAYS',
  legalBasis: [apl(67), COUNTING_RULE.civilProcedurePeriods],
  rollOverHolidays: true,
};
const SEIZURE_30D: PeriodSpec = { length: 30, unit: 'CALENDAR_DAYS', legalBasis: [compulsion(25)] };
const COURT_APPLICATION_3M: PeriodSpec = {
  length: 3,
  unit: 'MONTHS',
  legalBasis: [compulsion(53), COUNTING_RULE.civilCodeMonthEnd],
};
const HEARING_NOTICE_7WD: PeriodSpec = {
  length: 7,
  unit: 'WORKING_DAYS',
  legalBasis: [apl(64, undefined, 2), COUNTING_RULE.aplWorkingDays],
};

const calendar = seedCalendar();
const text = (lines: readonly string[]): string => lines.join('\n');

describe('computeDeadline — working days (APL art. 61 + art. 85: serve the decision within 七日 = 7 working days)', () => {
  const { dueDate, explanation } = computeDeadline(
    SERVE_DECISION_7WD,
    { event: '宣告行政处罚决定', date: d('2025-09-28') },
    calendar,
  );

  it('2025-09-28 (Sunday make-up workday) + 7 working days = 2025-10-14; the trigger day is not counted', () => {
    expect(dueDate).toBe('2025-10-14');
    expect(explanation.firstCountedDay).toBe('2025-09-29');
    expect(explanation.countedDates).toEqual([
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
      '2025-10-13',
      '2025-10-14',
    ]);
    expect(explanation.daysCounted).toBe(7);
  });

  it('explains the skipped days: the National Day / Mid-Autumn holiday by name and the Sunday', () => {
    expect(explanation.skippedDays.map((s) => [s.date, s.reason, s.holidayName])).toEqual([
      ['2025-10-01', 'HOLIDAY', '国庆节'],
      ['2025-10-02', 'HOLIDAY', '国庆节'],
      ['2025-10-03', 'HOLIDAY', '国庆节'],
      ['2025-10-04', 'HOLIDAY', '国庆节'],
      ['2025-10-05', 'HOLIDAY', '国庆节'],
      ['2025-10-06', 'HOLIDAY', '中秋节'],
      ['2025-10-07', 'HOLIDAY', '国庆节'],
      ['2025-10-08', 'HOLIDAY', '国庆节'],
      ['2025-10-12', 'WEEKEND', undefined],
    ]);
  });

  it('explains trigger, rule, citations, day type and why, start rule and the notice used', () => {
    expect(explanation.trigger).toEqual({ event: '宣告行政处罚决定', date: '2025-09-28' });
    expect(explanation.dayType).toBe('WORKING_DAYS');
    expect(explanation.rule).toBe(
      '7个工作日（《中华人民共和国行政处罚法》第六十一条、《中华人民共和国行政处罚法》第八十五条）',
    );
    expect(explanation.citations).toEqual([
      '《中华人民共和国行政处罚法》第六十一条',
      '《中华人民共和国行政处罚法》第八十五条',
      '《中华人民共和国民事诉讼法》第八十五条',
    ]);
    expect(explanation.dayTypeReason).toContain(
      '本法中“二日”“三日”“五日”“七日”的规定是指工作日，不含法定节假日。',
    );
    expect(explanation.startRule).toContain('期间开始的时和日，不计算在期间内');
    expect(explanation.rollover).toBeUndefined();
    expect(explanation.calendarSources).toEqual([
      {
        year: 2025,
        status: 'OFFICIAL',
        notices: [
          {
            title: '国务院办公厅关于2025年部分节假日安排的通知',
            documentNumber: '国办发明电〔2024〕12号',
            issuedOn: '2024-11-12',
          },
        ],
        extractedFrom: 'chinese-days@1.5.7',
      },
    ]);
    const all = text(explanation.lines);
    expect(all).toContain('触发事件：宣告行政处罚决定，2025-09-28（周日）。');
    expect(all).toContain('2025-10-06（周一）中秋节放假');
    expect(all).toContain('2025-10-12（周日）休息日');
    expect(all).toContain('期间届满日：2025-10-14（周二）。');
    expect(all).toContain(
      '《国务院办公厅关于2025年部分节假日安排的通知》（国办发明电〔2024〕12号）',
    );
  });
});

describe('computeDeadline — calendar days and rollover (CPL art. 85: 期间届满的最后一日是法定休假日的，以法定休假日后的第一日为期间届满的日期)', () => {
  it('APL art. 67: 15 days to pay the fine from 2025-09-16 end on 2025-10-01 (国庆节) and roll over to 2025-10-09', () => {
    const { dueDate, explanation } = computeDeadline(
      PAY_FINE_15D,
      { event: '当事人收到行政处罚决定书', date: d('2025-09-16') },
      calendar,
    );
    expect(dueDate).toBe('2025-10-09');
    expect(explanation.daysCounted).toBe(15);
    expect(explanation.countedDates?.at(-1)).toBe('2025-10-01');
    expect(explanation.skippedDays).toEqual([]);
    expect(explanation.rollover?.from).toBe('2025-10-01');
    expect(explanation.rollover?.to).toBe('2025-10-09');
    expect(explanation.rollover?.legalBasis).toEqual(COUNTING_RULE.civilProcedurePeriods);
    expect(explanation.rollover?.skippedDays.map((s) => s.date)).toEqual([
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]);
    expect(explanation.rollover?.reason).toContain('是国庆节放假日');
    expect(explanation.rollover?.reason).toContain('以法定休假日后的第一日为期间届满的日期');
    expect(explanation.dayTypeReason).toContain('按自然日连续计算');
    expect(text(explanation.lines)).toContain(
      '顺延：期间届满的最后一日2025-10-01（周三）是国庆节放假日',
    );
  });

  it('CPL art. 85: a 15-day period ending on the make-up Saturday 2025-10-11 ends that Saturday (it is a working day)', () => {
    const { dueDate, explanation } = computeDeadline(
      PAY_FINE_15D,
      { event: '当事人收到行政处罚决定书', date: d('2025-09-26') },
      calendar,
    );
    expect(dueDate).toBe('2025-10-11');
    expect(explanation.rollover).toBeUndefined();
    expect(text(explanation.lines)).toContain(
      '期间最后一日2025-10-11（周六）国庆节调休上班，无需顺延。',
    );
  });

  it('CPL art. 85 (rest day): a period ending on a plain Sunday rolls to Monday', () => {
    const { dueDate, explanation } = computeDeadline(
      PAY_FINE_15D,
      { event: '当事人收到行政处罚决定书', date: d('2025-06-07') },
      calendar,
    );
    expect(dueDate).toBe('2025-06-23');
    expect(explanation.rollover?.from).toBe('2025-06-22');
    expect(explanation.rollover?.reason).toContain('是休息日');
  });

  it('calendar days count weekends and holidays inside the period', () => {
    const { dueDate, explanation } = computeDeadline(
      PAY_FINE_15D,
      { event: '收到决定书', date: d('2025-09-30') },
      calendar,
    );
    expect(dueDate).toBe('2025-10-15');
    expect(explanation.countedDates).toHaveLength(15);
    expect(text(explanation.lines)).toContain('期间内的周末和节假日照常计入。');
  });

  it('rollOverHolidays: false keeps the last calendar day and consults no holiday data', () => {
    const { dueDate, explanation } = computeDeadline(
      { ...PAY_FINE_15D, rollOverHolidays: false },
      { event: '收到决定书', date: d('2025-09-16') },
      calendar,
    );
    expect(dueDate).toBe('2025-10-01');
    expect(explanation.calendarSources).toEqual([]);
  });

  it('Compulsion Law art. 53: 3 months from 2025-07-01 end on 2025-10-01 and roll over to 2025-10-09', () => {
    const { dueDate, explanation } = computeDeadline(
      COURT_APPLICATION_3M,
      { event: '法定复议、诉讼期限届满', date: d('2025-07-01') },
      calendar,
    );
    expect(dueDate).toBe('2025-10-09');
    expect(explanation.countedDates).toBeUndefined();
    expect(explanation.daysCounted).toBe(92);
    expect(explanation.dayTypeReason).toContain('到期月的对应日为期间的最后一日');
  });

  it('months without a corresponding day end on the last day of the month (2025-01-31 + 1 month = 2025-02-28)', () => {
    const { dueDate } = computeDeadline(
      { ...COURT_APPLICATION_3M, length: 1 },
      { event: 'x', date: d('2025-01-31') },
      calendar,
    );
    expect(dueDate).toBe('2025-02-28');
  });

  it('a period ending in 2027 throws CALENDAR_YEAR_NOT_LOADED instead of assuming Monday–Friday', () => {
    expect(() =>
      computeDeadline(PAY_FINE_15D, { event: '收到决定书', date: d('2026-12-20') }, calendar),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 }));
    expect(() =>
      computeDeadline(SERVE_DECISION_7WD, { event: '宣告', date: d('2026-12-28') }, calendar),
    ).toThrow(expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2027 }));
  });

  it('cites every calendar year it consulted (2025-12-31 + 3 working days reads 2026)', () => {
    const { dueDate, explanation } = computeDeadline(
      { length: 3, unit: 'WORKING_DAYS', legalBasis: [apl(48), COUNTING_RULE.aplWorkingDays] },
      { event: '行政处罚决定被撤销', date: d('2025-12-31') },
      calendar,
    );
    expect(dueDate).toBe('2026-01-06');
    expect(explanation.calendarSources.map((s) => s.year)).toEqual([2026]);
    expect(explanation.calendarSources[0]?.notices[0]?.documentNumber).toBe(
      '国办发明电〔2025〕7号',
    );
  });
});

describe('computeDeadline — pauses (Compulsion Law art. 25: 检测、检验、检疫或者技术鉴定的期间不计入查封、扣押期间)', () => {
  it('Compulsion Law art. 25: a 5-day testing pause extends the 30-day seizure from 2025-04-02 to 2025-04-07', () => {
    const trigger = { event: '实施扣押', date: d('2025-03-03') };
    expect(computeDeadline(SEIZURE_30D, trigger, calendar).dueDate).toBe('2025-04-02');
    const { dueDate, explanation } = computeDeadline(SEIZURE_30D, trigger, calendar, [
      { from: d('2025-03-10'), to: d('2025-03-14'), reason: '委托技术鉴定' },
    ]);
    expect(dueDate).toBe('2025-04-07');
    expect(explanation.daysCounted).toBe(30);
    expect(explanation.pauses).toEqual([
      { from: '2025-03-10', to: '2025-03-14', reason: '委托技术鉴定', daysExcluded: 5 },
    ]);
    expect(explanation.skippedDays.map((s) => [s.date, s.reason, s.pauseReason])).toEqual([
      ['2025-03-10', 'PAUSE', '委托技术鉴定'],
      ['2025-03-11', 'PAUSE', '委托技术鉴定'],
      ['2025-03-12', 'PAUSE', '委托技术鉴定'],
      ['2025-03-13', 'PAUSE', '委托技术鉴定'],
      ['2025-03-14', 'PAUSE', '委托技术鉴定'],
    ]);
    expect(text(explanation.lines)).toContain(
      '中止/扣除：2025-03-10至2025-03-14（委托技术鉴定），期间内扣除5日，届满日相应顺延。',
    );
  });

  it('APL art. 85: paused working days do not count either (7 working days from 2025-03-03, pause 03-05..03-06 → 2025-03-14)', () => {
    const trigger = { event: '宣告', date: d('2025-03-03') };
    expect(computeDeadline(SERVE_DECISION_7WD, trigger, calendar).dueDate).toBe('2025-03-12');
    const { dueDate, explanation } = computeDeadline(SERVE_DECISION_7WD, trigger, calendar, [
      { from: d('2025-03-05'), to: d('2025-03-06'), reason: '案件中止调查' },
    ]);
    expect(dueDate).toBe('2025-03-14');
    expect(explanation.pauses[0]?.daysExcluded).toBe(2);
  });

  it('a pause outside the counted span is reported and has no effect', () => {
    const { dueDate, explanation } = computeDeadline(
      SERVE_DECISION_7WD,
      { event: '宣告', date: d('2025-03-03') },
      calendar,
      [{ from: d('2025-02-01'), to: d('2025-02-10'), reason: '此前的中止' }],
    );
    expect(dueDate).toBe('2025-03-12');
    expect(explanation.pauses[0]?.daysExcluded).toBe(0);
    expect(text(explanation.lines)).toContain('不在计算范围内，未影响期间');
  });

  it('rejects a pause that ends before it starts or has no reason', () => {
    const trigger = { event: '宣告', date: d('2025-03-03') };
    expect(() =>
      computeDeadline(SERVE_DECISION_7WD, trigger, calendar, [
        { from: d('2025-03-06'), to: d('2025-03-05'), reason: 'x' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PAUSE' }));
    expect(() =>
      computeDeadline(SERVE_DECISION_7WD, trigger, calendar, [
        { from: d('2025-03-05'), to: d('2025-03-06'), reason: ' ' },
      ]),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PAUSE' }));
  });

  it('rejects an invalid period', () => {
    expect(() =>
      computeDeadline(
        { ...SERVE_DECISION_7WD, length: 0 },
        { event: '宣告', date: d('2025-03-03') },
        calendar,
      ),
    ).toThrow(expect.objectContaining({ code: 'INVALID_PERIOD' }));
  });
});

describe('latestDateBefore — lead time (APL art. 64(2) + art. 85: 在听证的七日前通知 = 7 working days before the hearing)', () => {
  const hearing = (date: string) => ({ event: '举行听证', date: d(date) });

  it('hearing Monday 2025-10-20: 7 full working days between service and hearing → serve by 2025-10-09', () => {
    const { latestDate, latestWorkingDay, explanation } = latestDateBefore(
      hearing('2025-10-20'),
      HEARING_NOTICE_7WD,
      calendar,
    );
    expect(latestDate).toBe('2025-10-09');
    expect(latestWorkingDay).toBe('2025-10-09');
    expect(explanation.countedDates).toEqual([
      '2025-10-10',
      '2025-10-11',
      '2025-10-13',
      '2025-10-14',
      '2025-10-15',
      '2025-10-16',
      '2025-10-17',
    ]);
    expect(explanation.skippedDays.map((s) => s.date)).toEqual([
      '2025-10-12',
      '2025-10-18',
      '2025-10-19',
    ]);
    expect(explanation.eventDayCounted).toBe(false);
    expect(explanation.citations).toContain('《中华人民共和国行政处罚法》第六十四条第（二）项');
    expect(text(explanation.lines)).toContain('最迟应于2025-10-09（周四）完成');
  });

  it('hearing 2025-10-13 counts back across the National Day holiday to 2025-09-26 → serve by 2025-09-25', () => {
    const { latestDate, explanation } = latestDateBefore(
      hearing('2025-10-13'),
      HEARING_NOTICE_7WD,
      calendar,
    );
    expect(latestDate).toBe('2025-09-25');
    expect(explanation.countedDates).toEqual([
      '2025-09-26',
      '2025-09-28',
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
    ]);
    expect(explanation.skippedDays.filter((s) => s.reason === 'HOLIDAY')).toHaveLength(8);
    expect(text(explanation.lines)).toContain('2025-10-06（周一）中秋节放假');
  });

  it('when the latest date is a rest day, the last working day before it is given for planning', () => {
    const { latestDate, latestWorkingDay, explanation } = latestDateBefore(
      hearing('2025-10-22'),
      HEARING_NOTICE_7WD,
      calendar,
    );
    expect(latestDate).toBe('2025-10-12');
    expect(latestWorkingDay).toBe('2025-10-11');
    expect(text(explanation.lines)).toContain(
      '2025-10-12不是工作日；按工作日安排，最迟为2025-10-11（周六）国庆节调休上班。',
    );
  });

  it('countEventDay: true reproduces the regulation.md R-HRG-04 guard hearingDate ≥ servedAt + 7 WD', () => {
    const lead = latestDateBefore(hearing('2025-10-20'), HEARING_NOTICE_7WD, calendar, {
      countEventDay: true,
    });
    expect(lead.latestDate).toBe('2025-10-10');
    expect(calendar.addWorkingDays(lead.latestDate, 7)).toBe('2025-10-20');
    expect(lead.explanation.eventDayCounted).toBe(true);
  });

  it('checkLeadTime: serving on 2025-10-10 for a hearing on 2025-10-20 fails the strict reading, passes the R-HRG-04 reading', () => {
    expect(
      checkLeadTime(d('2025-10-10'), hearing('2025-10-20'), HEARING_NOTICE_7WD, calendar).met,
    ).toBe(false);
    expect(
      checkLeadTime(d('2025-10-09'), hearing('2025-10-20'), HEARING_NOTICE_7WD, calendar).met,
    ).toBe(true);
    expect(
      checkLeadTime(d('2025-10-10'), hearing('2025-10-20'), HEARING_NOTICE_7WD, calendar, {
        countEventDay: true,
      }).met,
    ).toBe(true);
  });

  it('calendar-day lead times count every day (CPL art. 85 start-day rule by analogy)', () => {
    const { latestDate } = latestDateBefore(
      hearing('2025-10-20'),
      { length: 3, unit: 'CALENDAR_DAYS', legalBasis: [apl(64)] },
      calendar,
    );
    expect(latestDate).toBe('2025-10-16');
  });

  it('refuses month lead times and unloaded years', () => {
    expect(() => latestDateBefore(hearing('2025-10-20'), COURT_APPLICATION_3M, calendar)).toThrow(
      expect.objectContaining({ code: 'INVALID_PERIOD' }),
    );
    expect(() => latestDateBefore(hearing('2004-01-05'), HEARING_NOTICE_7WD, calendar)).toThrow(
      expect.objectContaining({ code: 'CALENDAR_YEAR_NOT_LOADED', year: 2003 }),
    );
  });
});
