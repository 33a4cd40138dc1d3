import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

/**
 * The list contract (issue 14): every order walks the rows exactly once forward (first/after) and
 * backward (last/before), in the order PostgreSQL gives for the same keys; cursors carry their
 * order; totalCount matches SQL; the case filters select what SQL selects.
 */
let app: TestApp;
let beijingPath: string;

const sql = <T>(query: string, params: unknown[] = []) =>
  app.orm.em.getConnection().execute<T[]>(query, params);

beforeAll(async () => {
  app = await createTestApp();
  const beijing = app.demo.offices.beijing!;
  const haidian = app.demo.offices.haidian!;
  beijingPath = beijing.path;
  // 45 more cases in Beijing and Haidian: created in groups of three within one millisecond
  // (some at the same microsecond: ties broken by id), a quarter not yet docketed, numbers and
  // statuses spread.
  for (const [office, offset] of [
    [beijing, 0],
    [haidian, 1],
  ] as const) {
    await sql(
      `insert into "case" (id, created_at, updated_at, number, office_id, office_path, status, title,
         violation_summary, registered_on, docketed_on, decided_on, search_text)
       select gen_random_uuid(), timestamptz '2026-11-01 08:00+08' + (i / 3) * interval '1 hour' + (i % 2) * interval '3 microseconds', now(),
         'T' || ? || '-' || lpad(i::text, 3, '0'), ?, ?,
         (array['INVESTIGATING','CASE_SOURCE_REGISTERED','DECIDED_PENALTY'])[1 + i % 3],
         '测试案件', '概要', date '2026-09-01' + i % 20,
         case when i % 4 = 0 then null else date '2026-10-01' + i % 7 end,
         case when i % 5 = 0 then date '2026-11-20' + i % 3 end, 'T' || i
       from generate_series(1, ?) as i`,
      [offset, office.id, office.path, offset === 0 ? 30 : 15],
    );
  }
  // Open deadlines on every third test case (some due already, some provisional), a stopped one
  // on every seventh; a pending document on every fourth; a party and a handler on every fifth.
  await sql(`insert into deadline (id, created_at, updated_at, case_id, office_path, kind, trigger_event,
      trigger_date, period, pauses, due_date, stopped_on, explanation, provisional)
    select gen_random_uuid(), now(), now(), c.id, c.office_path,
      case when n % 2 = 0 then 'CASE_TIME_LIMIT' else 'STATEMENT' end, 'test', date '2026-11-01',
      '{}', '[]', date '2026-11-25' + (n % 20)::int, null, '{}', n % 6 = 0
    from (select id, office_path, row_number() over (order by number)::int as n from "case" where number like 'T%') c
    where n % 3 = 0`);
  await sql(`insert into deadline (id, created_at, updated_at, case_id, office_path, kind, trigger_event,
      trigger_date, period, pauses, due_date, stopped_on, explanation, provisional)
    select gen_random_uuid(), now(), now(), c.id, c.office_path, 'DOCKETING', 'test', date '2026-11-01',
      '{}', '[]', date '2026-11-02', date '2026-11-02', '{}', false
    from (select id, office_path, row_number() over (order by number)::int as n from "case" where number like 'T%') c
    where n % 7 = 0`);
  await sql(`insert into pending_document (id, case_id, kind, title, due_by, due_since, due_sequence, required)
    select gen_random_uuid(), c.id, 'INVESTIGATION_REPORT', '调查终结报告', 'test', date '2026-11-01', 1, true
    from (select id, row_number() over (order by number)::int as n from "case" where number like 'T%') c
    where n % 4 = 0`);
  const party = Object.values(app.demo.parties)[0]!;
  const handler = app.demo.officers.BJ0002!;
  await sql(
    `insert into case_party (case_id, party_id)
     select c.id, ? from (select id, row_number() over (order by number)::int as n from "case" where number like 'T%') c
     where n % 5 = 0 on conflict do nothing`,
    [party.id],
  );
  await sql(
    `insert into case_handler (case_id, officer_id)
     select c.id, ? from (select id, row_number() over (order by number)::int as n from "case" where number like 'T%') c
     where n % 5 = 1 on conflict do nothing`,
    [handler.id],
  );
});

afterAll(async () => {
  await app?.close();
});

interface Page {
  totalCount?: number;
  totalCountIsExact?: boolean;
  edges: { cursor: string; node: { id: string } }[];
  pageInfo: {
    hasNextPage: boolean;
    hasPreviousPage: boolean;
    startCursor: string | null;
    endCursor: string | null;
  };
}

const CASES = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: CaseOrder, $filter: CaseFilter) {
  cases(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy, filter: $filter) {
    edges { cursor node { id } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
  }
}`;

async function page(
  variables: Record<string, unknown>,
  query = CASES,
  field = 'cases',
  as = 'BJ0001',
): Promise<Page> {
  const result = await app.run<Record<string, Page>>(query, variables, as);
  expect(result.errors).toBeUndefined();
  return result.data![field]!;
}

/** Every id, page by page, forward with first/after and backward with last/before. */
async function walk(
  variables: Record<string, unknown>,
  size: number,
  query = CASES,
  field = 'cases',
): Promise<{ forward: string[]; backward: string[] }> {
  const forward: string[] = [];
  let after: string | null = null;
  for (let i = 0; i < 100; i += 1) {
    const p: Page = await page({ ...variables, first: size, after }, query, field);
    expect(p.pageInfo.hasPreviousPage).toBe(after !== null);
    if (p.edges.length > 0) {
      expect(p.pageInfo.startCursor).toBe(p.edges[0]!.cursor);
      expect(p.pageInfo.endCursor).toBe(p.edges[p.edges.length - 1]!.cursor);
    }
    forward.push(...p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasNextPage) {
      break;
    }
    after = p.pageInfo.endCursor;
  }
  const backward: string[] = [];
  let before: string | null = null;
  for (let i = 0; i < 100; i += 1) {
    const p: Page = await page({ ...variables, last: size, before }, query, field);
    expect(p.pageInfo.hasNextPage).toBe(before !== null);
    backward.unshift(...p.edges.map((e) => e.node.id));
    if (!p.pageInfo.hasPreviousPage) {
      break;
    }
    before = p.pageInfo.startCursor;
  }
  return { forward, backward };
}

const CASE_ORDER_SQL: Record<string, string[]> = {
  CREATED_AT: ['created_at'],
  DOCKETED_ON: [`coalesce(docketed_on, 'infinity'::date)`],
  NUMBER: ['number'],
  STATUS: ['status', 'created_at'],
  NEXT_DEADLINE: [`coalesce(next_deadline_due, 'infinity'::date)`],
};

describe('case list orders (keyset in every order, both directions)', () => {
  for (const [name, keys] of Object.entries(CASE_ORDER_SQL)) {
    for (const direction of ['ASC', 'DESC'] as const) {
      it(`${name}_${direction} walks the Beijing subtree as SQL orders it, forward and backward`, async () => {
        const orderSql = [...keys, 'id'].map((k) => `${k} ${direction}`).join(', ');
        const expected = (
          await sql<{ id: string }>(
            `select id from "case" where office_path like ? order by ${orderSql}`,
            [`${beijingPath}%`],
          )
        ).map((r) => r.id);
        expect(expected.length).toBeGreaterThan(45);
        const { forward, backward } = await walk({ orderBy: `${name}_${direction}` }, 7);
        expect(forward).toEqual(expected);
        expect(backward).toEqual(expected);
      });
    }
  }

  it('the next deadline follows the open deadlines: set by the trigger, cleared when they stop', async () => {
    const [row] = await sql<{ id: string; next: string | null; due: string | null }>(
      `select c.id, c.next_deadline_due::text as next,
         (select min(due_date)::text from deadline d where d.case_id = c.id and d.stopped_on is null) as due
       from "case" c where c.number = 'T0-003'`,
    );
    expect(row!.next).not.toBeNull();
    expect(row!.next).toBe(row!.due);
    await sql(`update deadline set stopped_on = date '2026-11-03' where case_id = ?`, [row!.id]);
    const [after] = await sql<{ next: string | null }>(
      `select next_deadline_due::text as next from "case" where id = ?`,
      [row!.id],
    );
    expect(after!.next).toBeNull();
    await sql(`update deadline set stopped_on = null where case_id = ? and kind <> 'DOCKETING'`, [
      row!.id,
    ]);
  });

  it('refuses a cursor of another order, and forged or mixed page arguments', async () => {
    const created = await page({ first: 2, orderBy: 'CREATED_AT_DESC' });
    const mismatch = await app.run(
      CASES,
      { first: 2, after: created.pageInfo.endCursor, orderBy: 'NUMBER_ASC' },
      'BJ0001',
    );
    expect(errorCode(mismatch)).toBe('CURSOR_ORDER_MISMATCH');
    const ascending = await app.run(
      CASES,
      { first: 2, after: created.pageInfo.endCursor, orderBy: 'CREATED_AT_ASC' },
      'BJ0001',
    );
    expect(errorCode(ascending)).toBe('CURSOR_ORDER_MISMATCH');
    const forged = Buffer.from(JSON.stringify(['CREATED_AT_DESC', 'x'])).toString('base64url');
    expect(errorCode(await app.run(CASES, { first: 2, after: forged }, 'BJ0001'))).toBe(
      'INVALID_CURSOR',
    );
    expect(errorCode(await app.run(CASES, { first: 2, last: 2 }, 'BJ0001'))).toBe(
      'PAGE_DIRECTION_CONFLICT',
    );
    expect(
      errorCode(await app.run(CASES, { first: 2, before: created.pageInfo.endCursor }, 'BJ0001')),
    ).toBe('PAGE_DIRECTION_CONFLICT');
    expect(errorCode(await app.run(CASES, { last: 101 }, 'BJ0001'))).toBe('PAGE_SIZE_OUT_OF_RANGE');
  });
});

describe('case filters select what SQL selects', () => {
  const today = '2026-12-03';
  const conditions: [string, () => Record<string, unknown>, string, () => unknown[]][] = [
    [
      'mine (handler)',
      () => ({ mine: true }),
      `exists (select 1 from case_handler h where h.case_id = c.id and h.officer_id = ?)`,
      () => [app.demo.officers.BJ0001!.id],
    ],
    [
      'registered range',
      () => ({ registered: { from: '2026-09-05', to: '2026-09-10' } }),
      `registered_on between '2026-09-05' and '2026-09-10'`,
      () => [],
    ],
    [
      'docketed from',
      () => ({ docketed: { from: '2026-10-04' } }),
      `docketed_on >= '2026-10-04'`,
      () => [],
    ],
    [
      'decided to',
      () => ({ decided: { to: '2026-11-21' } }),
      `decided_on <= '2026-11-21'`,
      () => [],
    ],
    [
      'party',
      () => ({ partyId: Object.values(app.demo.parties)[0]!.id }),
      `exists (select 1 from case_party p where p.case_id = c.id and p.party_id = ?)`,
      () => [Object.values(app.demo.parties)[0]!.id],
    ],
    [
      'overdue',
      () => ({ overdue: true }),
      `exists (select 1 from deadline d where d.case_id = c.id and d.stopped_on is null
         and d.kind not in ('STATEMENT', 'HEARING_REQUEST') and d.due_date < '${today}')`,
      () => [],
    ],
    [
      'due within 5 working days (or overdue)',
      () => ({ dueWithinWorkingDays: 5 }),
      // 2026-12-03 is a Thursday: five working days later is Thursday 2026-12-10.
      `exists (select 1 from deadline d where d.case_id = c.id and d.stopped_on is null
         and d.kind not in ('STATEMENT', 'HEARING_REQUEST') and d.due_date <= '2026-12-10')`,
      () => [],
    ],
    [
      'provisional deadlines',
      () => ({ provisionalDeadlines: true }),
      `exists (select 1 from deadline d where d.case_id = c.id and d.stopped_on is null and d.provisional)`,
      () => [],
    ],
    [
      'no pending documents',
      () => ({ hasPendingDocuments: false }),
      `not exists (select 1 from pending_document p where p.case_id = c.id and p.fulfilled_by_id is null)`,
      () => [],
    ],
  ];

  for (const [name, filter, condition, params] of conditions) {
    it(`${name}: the same cases, and totalCount is the SQL count`, async () => {
      app.setToday(today);
      const expected = (
        await sql<{ id: string }>(
          `select id from "case" c where office_path like ? and (${condition})
           order by created_at desc, id desc`,
          [`${beijingPath}%`, ...params()],
        )
      ).map((r) => r.id);
      const result = await app.run<{ cases: Page }>(
        `query($filter: CaseFilter) { cases(first: 100, filter: $filter) {
          totalCount totalCountIsExact edges { node { id } } } }`,
        { filter: filter() },
        'BJ0001',
      );
      expect(result.errors).toBeUndefined();
      expect(result.data!.cases.edges.map((e) => e.node.id)).toEqual(expected);
      expect(result.data!.cases.totalCount).toBe(expected.length);
      expect(result.data!.cases.totalCountIsExact).toBe(true);
    });
  }

  it('mine covers the cases I approved as well as those I handle', async () => {
    const me = app.demo.officers.BJ0001!;
    const [approved] = await sql<{ id: string }>(
      `update "case" set procedure_record = jsonb_build_object('approvals', jsonb_build_array(jsonb_build_object('approverId', ?::text)))
       where number = 'T0-007' returning id`,
      [me.id],
    );
    const ids = (await page({ first: 100, filter: { mine: true } })).edges.map((e) => e.node.id);
    expect(ids).toContain(approved!.id);
    const other = (await page({ first: 100, filter: { mine: true } }, CASES, 'cases', 'BJ0002'))
      .edges;
    expect(other.map((e) => e.node.id)).not.toContain(approved!.id);
    expect(other.length).toBeGreaterThan(0);
  });

  it('refuses a due-within window outside 0–60 working days', async () => {
    const result = await app.run(CASES, { filter: { dueWithinWorkingDays: 61 } }, 'BJ0001');
    expect(errorCode(result)).toBe('DUE_WITHIN_OUT_OF_RANGE');
  });
});

describe('other lists: orders keyset-paginated', () => {
  it('parties by name walk as SQL orders them, both directions', async () => {
    const query = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: PartyOrder) {
      parties(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
        edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const expected = (
      await sql<{ id: string }>(`select id from party where office_path like ? order by name, id`, [
        `${beijingPath}%`,
      ])
    ).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(1);
    const { forward, backward } = await walk({ orderBy: 'NAME_ASC' }, 1, query, 'parties');
    expect(forward).toEqual(expected);
    expect(backward).toEqual(expected);
  });

  it('deadlines by due date walk as SQL orders them, both directions', async () => {
    const query = `query($first: Int, $after: String, $last: Int, $before: String, $orderBy: DeadlineOrder) {
      deadlines(first: $first, after: $after, last: $last, before: $before, orderBy: $orderBy) {
        edges { cursor node { id } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
    const expected = (
      await sql<{ id: string }>(
        `select id from deadline where office_path like ? order by due_date desc, id desc`,
        [`${beijingPath}%`],
      )
    ).map((r) => r.id);
    expect(expected.length).toBeGreaterThan(10);
    const { forward, backward } = await walk({ orderBy: 'DUE_DATE_DESC' }, 6, query, 'deadlines');
    expect(forward).toEqual(expected);
    expect(backward).toEqual(expected);
  });

  it('totalCount of a small scope is the exact SQL count', async () => {
    const result = await app.run<{ officers: Page; publications: Page }>(
      `{ officers(first: 1, orderBy: NAME_ASC) { totalCount totalCountIsExact }
         publications(first: 1) { totalCount totalCountIsExact } }`,
      undefined,
      'BJ0001',
    );
    expect(result.errors).toBeUndefined();
    const [officers] = await sql<{ n: string }>(
      `select count(*) as n from officer where office_path like ?`,
      [`${beijingPath}%`],
    );
    expect(result.data!.officers.totalCount).toBe(Number(officers!.n));
    expect(result.data!.officers.totalCountIsExact).toBe(true);
  });
});

describe('statements per list page do not grow with the page', () => {
  const lists: [string, string][] = [
    [
      'cases',
      `cases(first: $n) { totalCount edges { node { id office { name } parties { name } } } }`,
    ],
    [
      'cases by next deadline, mine',
      `cases(first: $n, orderBy: NEXT_DEADLINE_ASC, filter: { mine: false, overdue: false }) { edges { node { id } } }`,
    ],
    [
      'parties',
      `parties(first: $n, orderBy: NAME_ASC) { totalCount edges { node { id office { name } } } }`,
    ],
    [
      'officers',
      `officers(first: $n, orderBy: NAME_DESC) { edges { node { id office { name } } } }`,
    ],
    ['offices', `offices(first: $n) { edges { node { id name } } }`],
    [
      'deadlines',
      `deadlines(first: $n, orderBy: DUE_DATE_ASC) { totalCount edges { node { id case { id } } } }`,
    ],
    ['publications', `publications(first: $n) { edges { node { id } } }`],
    ['domainEvents', `domainEvents(first: $n) { edges { node { id } } }`],
  ];
  for (const [name, selection] of lists) {
    it(`${name}: a page of 40 runs as many statements as a page of 2`, async () => {
      const counts: number[] = [];
      for (const n of [2, 40]) {
        app.resetQueryCount();
        const result = await app.run(`query($n: Int) { ${selection} }`, { n }, 'BJ0001');
        expect(result.errors).toBeUndefined();
        counts.push(app.queryCount());
      }
      expect(counts[1]).toBe(counts[0]);
      expect(counts[0]).toBeLessThanOrEqual(8);
    });
  }
});
