import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FINE_50K,
  evidenceInput,
  noticeInput,
  officerId,
  okStep,
  registerCase,
  type StepResult,
  EXPLANATION_FIELDS,
} from '../support/procedure-steps.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';
import { loadWorkingDayCalendar } from '../../src/db/seed/reference-data.js';
import { Case } from '../../src/entities/case.entity.js';
import { Deadline } from '../../src/entities/deadline.entity.js';
import { computeDeadline, type PeriodSpec } from '../../src/procedure/calendar/index.js';
import { apl } from '../../src/procedure/legal-basis.js';
import type { LocalDate } from '../../src/procedure/local-date.js';

/**
 * Issue 8 §1, first "Done when" bullet: with only the shipped calendar (2004–2026, no 2027),
 * on today's date an officer registers a case source, dockets it, records evidence, issues and
 * serves a pre-penalty notice; deadlines in 2027 come back provisional with their explanation;
 * loading a 2027 arrangement moves them, and case.events shows each change.
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

/**
 * TEST FIXTURE, NOT THE REAL 2027 ARRANGEMENT (unpublished on 2026-12-03): the statute's
 * holidays plus plausible bridging days and make-up workdays, shaped like the 2025 and 2026
 * notices. Never ship it as official data.
 */
function fixture2027(): Record<string, unknown> {
  const days = (from: number, to: number, month: string, name: string) =>
    Array.from({ length: to - from + 1 }, (_, i) => ({
      date: `2027-${month}-${String(from + i).padStart(2, '0')}`,
      name,
    }));
  return {
    year: 2027,
    source: { notices: [{ title: '测试用2027年节假日安排（测试夹具，非国务院办公厅通知）' }] },
    holidays: [
      ...days(1, 3, '01', '元旦'),
      ...days(5, 11, '02', '春节'),
      ...days(3, 5, '04', '清明节'),
      ...days(1, 5, '05', '劳动节'),
      ...days(9, 9, '06', '端午节'),
      ...days(15, 15, '09', '中秋节'),
      ...days(1, 7, '10', '国庆节'),
    ],
    makeUpWorkdays: [
      { date: '2027-02-20', name: '春节' },
      { date: '2027-04-25', name: '劳动节' },
      { date: '2027-05-08', name: '劳动节' },
      { date: '2027-09-26', name: '国庆节' },
      { date: '2027-10-09', name: '国庆节' },
    ],
  };
}

const PROVISIONAL_2027 =
  '2027年节假日安排尚未公布，按《全国年节及纪念日放假办法》推定；正式安排载入后重新计算。';

const CASE_DEADLINES = `query($id: ID!) { case(id: $id) {
  deadlines { id kind dueDate provisional stoppedOn reviewFlag { officialDueDate } ${EXPLANATION_FIELDS} }
  events { sequence action actorName payload }
} }`;

interface CaseView {
  case: {
    deadlines: {
      id: string;
      kind: string;
      dueDate: string;
      provisional: boolean;
      stoppedOn: string | null;
      reviewFlag: { officialDueDate: string } | null;
      explanation: { lines: string[]; provisionalYears: number[] };
    }[];
    events: {
      sequence: number;
      action: string;
      actorName: string;
      payload: Record<string, unknown>;
    }[];
  };
}

async function caseView(caseId: string): Promise<CaseView['case']> {
  const result = await app.run<CaseView>(CASE_DEADLINES, { id: caseId }, 'BJ0002');
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case;
}

/** Register, docket (handlers BJ0002, BJ0003), record evidence, issue and serve the notice. */
async function walkToNotice(registeredOn: string, docketedOn: string): Promise<string> {
  const caseId = await registerCase(app, {
    receivedOn: registeredOn,
    partyKey: 'xinghe',
    certificate: 'BJ0002',
    committedOn: '2026-10-01',
  });
  app.setToday(docketedOn);
  await okStep(
    app,
    'decideDocketing',
    {
      caseId,
      expectedVersion: 1,
      input: {
        docket: true,
        handlerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
        jurisdictionBasis: 'TERRITORIAL',
        jurisdictionExplanation: '违法行为发生地在本行政区域',
      },
    },
    'BJ0001',
  );
  app.setToday('2026-12-03');
  await okStep(
    app,
    'recordEvidence',
    {
      caseId,
      expectedVersion: 2,
      input: evidenceInput(app, {
        collectedOn: '2026-12-03',
        collectors: ['BJ0002', 'BJ0003'],
        fromParty: true,
        recusalRightNotified: true,
      }),
    },
    'BJ0002',
  );
  const notice: StepResult = await okStep(
    app,
    'issuePrePenaltyNotice',
    {
      caseId,
      expectedVersion: 3,
      input: noticeInput(app, {
        prefix: 'BJ',
        servedOn: '2026-12-03',
        approvedOn: '2026-12-02',
        penalties: FINE_50K,
      }),
    },
    'BJ0002',
  );
  expect(notice.case!.status).toBe('PRE_PENALTY_NOTICE_SERVED');
  return caseId;
}

describe('a year without the State Council’s arrangement never blocks an act (issue 8 §1)', () => {
  it('acts of today are recorded with provisional 2027 deadlines; loading 2027 moves them and the case record shows it', async () => {
    const years = await app.run<{ calendarYears: { year: number; status: string }[] }>(
      `{ calendarYears { year status } }`,
      undefined,
      'CN0006',
    );
    expect(years.data!.calendarYears.slice(-4)).toEqual([
      { year: 2025, status: 'OFFICIAL' },
      { year: 2026, status: 'OFFICIAL' },
      { year: 2027, status: 'PROVISIONAL' },
      { year: 2028, status: 'PROVISIONAL' },
    ]);
    // The source is typed: the notice of an official year, the statute and lunar data of a derived one.
    const sources = await app.run<{
      calendarYears: { year: number; source: Record<string, unknown> }[];
    }>(
      `{ calendarYears { year source {
        notices { title documentNumber issuedOn } extractedFrom derivedFrom { citation } lunarSource note
      } } }`,
      undefined,
      'CN0006',
    );
    expect(sources.errors, JSON.stringify(sources.errors)).toBeUndefined();
    const [y2026, y2027] = sources.data!.calendarYears.filter((y) => y.year >= 2026);
    expect(y2026!.source).toMatchObject({
      notices: [{ title: expect.stringContaining('2026年部分节假日安排') }],
      derivedFrom: null,
      lunarSource: null,
    });
    expect(y2027!.source).toMatchObject({
      notices: [],
      derivedFrom: { citation: expect.stringContaining('全国年节及纪念日放假办法') },
      lunarSource: expect.any(String),
      note: expect.stringContaining('2027年节假日安排尚未公布'),
    });

    // Case A, all of it today: its 90-day case time limit ends Wed 2027-03-03 (APL art. 60).
    const todayCase = await walkToNotice('2026-12-03', '2026-12-03');
    // Case B, docketed 2026-11-12: 90 days end Wed 2027-02-10, a working day in the provisional
    // 2027 (春节 is only 02-05 … 02-08 there), inside the fixture's 春节 block 02-05 … 02-11.
    const springCase = await walkToNotice('2026-11-10', '2026-11-12');

    const a = await caseView(todayCase);
    const aLimit = a.deadlines.find((d) => d.kind === 'CASE_TIME_LIMIT')!;
    expect(aLimit).toMatchObject({ dueDate: '2027-03-03', provisional: true, stoppedOn: null });
    expect(aLimit.explanation.lines).toContain(PROVISIONAL_2027);
    // The notice's periods end in 2026: official, not provisional.
    expect(a.deadlines.find((d) => d.kind === 'STATEMENT')).toMatchObject({
      dueDate: '2026-12-10',
      provisional: false,
    });
    const b = await caseView(springCase);
    expect(b.deadlines.find((d) => d.kind === 'CASE_TIME_LIMIT')).toMatchObject({
      dueDate: '2027-02-10',
      provisional: true,
    });

    const monitored = await app.run<{
      deadlines: { edges: { node: { kind: string; dueDate: string } }[] };
    }>(
      `{ deadlines(first: 50, filter: { provisional: true }) { edges { node { kind dueDate provisional } } } }`,
      undefined,
      'BJ0001',
    );
    expect(monitored.data!.deadlines.edges.map((e) => e.node)).toEqual(
      expect.arrayContaining([
        { kind: 'CASE_TIME_LIMIT', dueDate: '2027-03-03', provisional: true },
        { kind: 'CASE_TIME_LIMIT', dueDate: '2027-02-10', provisional: true },
      ]),
    );

    // A provisional year cannot be loaded as data: the typed arrangement has no status to claim
    // one, and an attempt is refused before anything is written.
    const LOAD = `mutation($a: CalendarArrangementInput!) { loadCalendarYear(arrangement: $a) {
      year status replaced recomputedDeadlines flaggedForReview warnings { code message }
    } }`;
    const before = await app.tableCounts();
    const refused = await app.run(
      LOAD,
      { a: { ...fixture2027(), status: 'PROVISIONAL' } },
      'CN0006',
    );
    expect(errorCode(refused)).toBe('BAD_USER_INPUT');
    expect(refused.errors![0]!.extensions).toMatchObject({ inputPath: 'a.status' });
    expect(await app.tableCounts()).toEqual(before);

    // The official arrangement (here: the test fixture) is loaded.
    const loaded = await app.run<{
      loadCalendarYear: {
        year: number;
        status: string;
        replaced: boolean;
        recomputedDeadlines: number;
        flaggedForReview: number;
        warnings: { code: string }[];
      };
    }>(LOAD, { a: fixture2027() }, 'CN0006');
    expect(loaded.errors, JSON.stringify(loaded.errors)).toBeUndefined();
    expect(loaded.data!.loadCalendarYear).toEqual({
      year: 2027,
      status: 'OFFICIAL',
      replaced: false,
      recomputedDeadlines: 1,
      flaggedForReview: 0,
      warnings: [],
    });

    // Case B's limit rolls over the official 春节 to Fri 2027-02-12; the change is on its chain.
    const b2 = await caseView(springCase);
    const bLimit = b2.deadlines.find((d) => d.kind === 'CASE_TIME_LIMIT')!;
    expect(bLimit).toMatchObject({ dueDate: '2027-02-12', provisional: false });
    expect(bLimit.explanation.lines.join('')).not.toContain('推定');
    const change = b2.events.at(-1)!;
    expect(change).toMatchObject({
      action: 'recomputeDeadlineOnCalendarLoad',
      payload: {
        deadlineId: bLimit.id,
        kind: 'CASE_TIME_LIMIT',
        previousDueDate: '2027-02-10',
        dueDate: '2027-02-12',
        calendarYear: 2027,
        notice: '《测试用2027年节假日安排（测试夹具，非国务院办公厅通知）》',
      },
    });
    expect(b2.events).toHaveLength(b.events.length + 1);

    // Case A's date does not move: no event, only the flag clears.
    const a2 = await caseView(todayCase);
    expect(a2.deadlines.find((d) => d.kind === 'CASE_TIME_LIMIT')).toMatchObject({
      dueDate: '2027-03-03',
      provisional: false,
    });
    expect(a2.events).toHaveLength(a.events.length);

    // The change is published to portals, and the audit chain still verifies.
    const [event] = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ type: string; payload: { data: Record<string, unknown> } }[]>(
        `select type, payload from domain_event where type = 'DEADLINE_RECOMPUTED' and case_id = ?`,
        [springCase],
      );
    expect(event!.payload.data).toMatchObject({
      previousDueDate: '2027-02-10',
      dueDate: '2027-02-12',
    });
    const chain = await app.run<{ case: { auditChain: { intact: boolean } } }>(
      `query($id: ID!) { case(id: $id) { auditChain { intact } } }`,
      { id: springCase },
      'BJ0002',
    );
    expect(chain.data!.case.auditChain.intact).toBe(true);

    const after = await app.run<{ calendarYears: { year: number; status: string }[] }>(
      `{ calendarYears { year status } }`,
      undefined,
      'CN0006',
    );
    expect(after.data!.calendarYears.slice(-3)).toEqual([
      { year: 2027, status: 'OFFICIAL' },
      { year: 2028, status: 'PROVISIONAL' },
      { year: 2029, status: 'PROVISIONAL' },
    ]);
  });

  it('an arrangement that does not give a statutory holiday off is loaded with a warning', async () => {
    const arrangement = fixture2027();
    const holidays = (arrangement.holidays as { date: string }[]).filter(
      (h) =>
        h.date !== '2027-05-03' &&
        h.date !== '2027-05-04' &&
        h.date !== '2027-05-05' &&
        h.date !== '2027-05-02',
    );
    const loaded = await app.run<{
      loadCalendarYear: { replaced: boolean; warnings: { code: string; message: string }[] };
    }>(
      `mutation($a: CalendarArrangementInput!) { loadCalendarYear(arrangement: $a) { replaced warnings { code message } } }`,
      { a: { ...arrangement, holidays, makeUpWorkdays: [{ date: '2027-05-02', name: '劳动节' }] } },
      'CN0006',
    );
    expect(loaded.errors, JSON.stringify(loaded.errors)).toBeUndefined();
    expect(loaded.data!.loadCalendarYear.replaced).toBe(true);
    expect(loaded.data!.loadCalendarYear.warnings).toEqual(
      expect.arrayContaining([
        {
          code: 'STATUTORY_HOLIDAY_NOT_OFF',
          message: expect.stringContaining(
            '2027-05-02（劳动节）是《全国年节及纪念日放假办法》第二条规定的放假日，所载安排却列为调休上班日',
          ),
        },
      ]),
    );
    expect(
      loaded.data!.loadCalendarYear.warnings.filter((w) => w.code === 'STATUTORY_HOLIDAY_NOT_OFF'),
    ).toHaveLength(1);
  });

  it('a deadline already met or missed under the provisional date keeps its outcome and is flagged for review', async () => {
    // 2027 is official now (previous tests); 2028 is provisional. Two 90-day periods triggered
    // on 2027-10-28 end Wed 2028-01-26 (正月初一): provisional 春节 is 01-25 … 01-28, so they roll
    // over to Mon 01-31; in the 2028 fixture 春节 runs 01-25 … 01-31, so officially Tue 02-01.
    const caseId = await registerCase(app, {
      receivedOn: '2026-12-03',
      partyKey: 'xinghe',
      certificate: 'BJ0002',
      committedOn: '2026-10-01',
    });
    const em = app.orm.em.fork();
    const calendar = await loadWorkingDayCalendar(em);
    const found = await em.findOneOrFail(Case, { id: caseId });
    const period: PeriodSpec = { length: 90, unit: 'CALENDAR_DAYS', legalBasis: [apl(60)] };
    const trigger = { event: '测试触发事件', date: '2027-10-28' as LocalDate };
    const computed = computeDeadline(period, trigger, calendar);
    expect(computed).toMatchObject({ dueDate: '2028-01-31', explanation: { provisional: true } });
    // Stored the way applyDeadlineEffects stores them; the second was met on 2028-02-01, one day
    // after its provisional due date (MISSED), which the official date makes MET.
    const stored = (kind: 'CASE_TIME_LIMIT' | 'DECISION_SERVICE', stoppedOn: LocalDate | null) =>
      em.create(Deadline, {
        case: found,
        officePath: found.officePath,
        kind,
        triggerEvent: trigger.event,
        triggerDate: trigger.date,
        period,
        dueDate: computed.dueDate,
        explanation: computed.explanation,
        provisional: true,
        stoppedOn,
      });
    const open = stored('CASE_TIME_LIMIT', null);
    const met = stored('DECISION_SERVICE', '2028-02-01' as LocalDate);
    await em.flush();

    const fixture2028 = {
      year: 2028,
      source: { notices: [{ title: '测试用2028年节假日安排（测试夹具，非国务院办公厅通知）' }] },
      holidays: [
        '2028-01-01',
        '2028-01-25',
        '2028-01-26',
        '2028-01-27',
        '2028-01-28',
        '2028-01-29',
        '2028-01-30',
        '2028-01-31',
        '2028-04-04',
        '2028-05-01',
        '2028-05-02',
        '2028-05-28',
        '2028-10-01',
        '2028-10-02',
        '2028-10-03',
      ].map((date) => ({ date, name: '测试节日' })),
      makeUpWorkdays: [{ date: '2028-02-05', name: '春节' }],
    };
    const loaded = await app.run<{
      loadCalendarYear: { recomputedDeadlines: number; flaggedForReview: number };
    }>(
      `mutation($a: CalendarArrangementInput!) { loadCalendarYear(arrangement: $a) { recomputedDeadlines flaggedForReview } }`,
      { a: fixture2028 },
      'CN0006',
    );
    expect(loaded.errors, JSON.stringify(loaded.errors)).toBeUndefined();
    expect(loaded.data!.loadCalendarYear).toEqual({ recomputedDeadlines: 1, flaggedForReview: 1 });

    const view = await caseView(caseId);
    expect(view.deadlines.find((d) => d.id === open.id)).toMatchObject({
      dueDate: '2028-02-01',
      provisional: false,
      reviewFlag: null,
    });
    // The met deadline keeps its date and outcome; the flag says what the official date gives.
    expect(view.deadlines.find((d) => d.id === met.id)).toMatchObject({
      dueDate: '2028-01-31',
      stoppedOn: '2028-02-01',
      reviewFlag: { officialDueDate: '2028-02-01' },
    });
    // One audit event per changed deadline (their order follows the deadlines' ids).
    const payloads = view.events.slice(-2).map((e) => e.payload);
    expect(payloads).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          deadlineId: open.id,
          previousDueDate: '2028-01-31',
          dueDate: '2028-02-01',
        }),
        expect.objectContaining({
          deadlineId: met.id,
          flaggedForReview: true,
          outcome: 'MISSED',
          officialOutcome: 'MET',
        }),
      ]),
    );
    const review = await app.run<{ deadlines: { edges: { node: { kind: string } }[] } }>(
      `{ deadlines(first: 50, filter: { needsReview: true }) { edges { node { kind } } } }`,
      undefined,
      'BJ0001',
    );
    expect(review.data!.deadlines.edges.map((e) => e.node)).toEqual([{ kind: 'DECISION_SERVICE' }]);
  });
});
