import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CASE_PLANS } from '../../src/demo/demo-cases.js';
import { projectRoot } from '../../src/paths.js';
import type { LocalDate } from '../../src/procedure/local-date.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

// The first start happens early in January: the walks began in the autumn and cross the year
// end, and the open cases' periods run into a year whose holiday notice is not published yet
// (its calendar is provisional), so the act dates and deadlines depend on both years.
const SEEDED_ON = '2027-01-08' as LocalDate;

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp({ seed: 'startup', startupToday: SEEDED_ON });
  app.setToday(SEEDED_ON);
});

afterAll(async () => {
  await app?.close();
});

interface DemoCaseView {
  id: string;
  number: string;
  status: string;
  registeredOn: string;
  auditChain: { intact: boolean; checkedEvents: number; reason: string | null };
  events: { action: string; actDate: string | null }[];
  deadlines: { kind: string }[];
  documents: { kind: string; number: string | null }[];
  office: { name: string };
}

const CASE_VIEW = `query($id: ID!) { case(id: $id) {
  id number status registeredOn office { name }
  auditChain { intact checkedEvents reason }
  events { action actDate }
  deadlines { kind }
  documents { kind number }
} }`;

async function view(key: string): Promise<DemoCaseView> {
  const result = await app.run<{ case: DemoCaseView }>(
    CASE_VIEW,
    { id: app.demo.cases[key]!.id },
    'CN0001',
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case;
}

describe('the demo data loaded by npm start on an empty database', () => {
  it('walks one case to each status, across the offices', async () => {
    const statuses = await Promise.all(
      DEMO_CASE_PLANS.map(async (plan) => [plan.key, (await view(plan.key)).status] as const),
    );
    expect(Object.fromEntries(statuses)).toEqual(
      Object.fromEntries(DEMO_CASE_PLANS.map((plan) => [plan.key, plan.stage])),
    );
    const offices = new Set(
      await Promise.all(DEMO_CASE_PLANS.map(async (plan) => (await view(plan.key)).office.name)),
    );
    expect(offices.size).toBeGreaterThanOrEqual(5);
    // The walks cross the year end: cases registered in both years, numbered in each year's series.
    const registered = await Promise.all(DEMO_CASE_PLANS.map((plan) => view(plan.key)));
    expect([...new Set(registered.map((c) => c.registeredOn.slice(0, 4)))].sort()).toEqual([
      '2026',
      '2027',
    ]);
    for (const found of registered) {
      expect(found.number).toContain(`〔${found.registeredOn.slice(0, 4)}〕`);
    }
  });

  it.each(DEMO_CASE_PLANS.map((plan) => [plan.key, plan.stage] as const))(
    '%s (%s) has an intact, non-empty audit chain and what the engine produced for its status',
    async (key, stage) => {
      const found = await view(key);
      expect(found.auditChain).toMatchObject({ intact: true, reason: null });
      expect(found.auditChain.checkedEvents).toBe(found.events.length);
      expect(found.events.length).toBeGreaterThan(0);
      expect(found.events[0]!.action).toBe('registerCaseSource');
      // Every act happened on or before the day of seeding: nothing was entered late or ahead.
      for (const event of found.events) {
        expect((event.actDate ?? found.registeredOn) <= SEEDED_ON).toBe(true);
      }
      expect(found.documents.map((d) => d.kind)).toContain('CASE_SOURCE_REGISTER');
      // Registration starts the period for the docketing decision; every later status has more.
      expect(found.deadlines.length).toBeGreaterThan(0);
      // An open case can be carried on by its office (head or handler) from where the walk left it.
      const prefix = DEMO_CASE_PLANS.find((plan) => plan.key === key)!.prefix;
      const allowed = new Set<string>();
      for (const certificate of [`${prefix}0001`, `${prefix}0002`]) {
        const result = await app.run<{
          case: { availableActions: { action: string; allowed: boolean }[] };
        }>(
          `query($id: ID!) { case(id: $id) { availableActions { action allowed } } }`,
          { id: found.id },
          certificate,
        );
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        result
          .data!.case.availableActions.filter((a) => a.allowed)
          .forEach((a) => allowed.add(a.action));
      }
      expect(allowed.size > 0).toBe(stage !== 'CLOSED');
      const kinds = found.documents.map((d) => d.kind);
      if (stage !== 'CASE_SOURCE_REGISTERED') {
        expect(found.events.map((e) => e.action)).toContain('decideDocketing');
        expect(kinds).toContain('DOCKETING_APPROVAL_FORM');
      }
      if (['PRE_PENALTY_NOTICE_SERVED', 'HEARING_SCHEDULED'].includes(stage)) {
        expect(kinds).toContain('PRE_PENALTY_NOTICE');
        expect(kinds).toContain('SERVICE_RECEIPT');
      }
      if (stage === 'HEARING_SCHEDULED') {
        expect(kinds).toContain('HEARING_NOTICE');
      }
      if (['DECIDED_PENALTY', 'EXECUTED', 'CLOSED'].includes(stage)) {
        const letter = found.documents.find((d) => d.kind === 'PENALTY_DECISION');
        expect(letter?.number).toMatch(/罚〔\d{4}〕\d+号$/);
        expect(kinds).toContain('LEGAL_REVIEW_OPINION');
        expect(kinds).toContain('HEARING_RECORD');
        expect(kinds).toContain('STATEMENT_RECORD');
        expect(kinds).toContain('STATEMENT_REVIEW_OPINION');
        expect(kinds).toContain('COLLECTIVE_DISCUSSION_MINUTES');
      }
      if (['EXECUTED', 'CLOSED'].includes(stage)) {
        expect(found.events.map((e) => e.action)).toContain('recordPayment');
      }
      if (stage === 'CLOSED') {
        expect(kinds).toContain('CASE_CLOSING_APPROVAL_FORM');
      }
    },
  );

  it('every docketed demo case left its domain events in the outbox', async () => {
    const rows: { case_id: string; types: string[] }[] = await app.orm.em
      .getConnection()
      .execute(
        `select c.id as case_id, array_remove(array_agg(e.type), null) as types from "case" c left join domain_event e on e.case_id = c.id group by c.id`,
      );
    const byCase = new Map(rows.map((row) => [row.case_id, row.types]));
    expect(byCase.size).toBe(DEMO_CASE_PLANS.length);
    for (const plan of DEMO_CASE_PLANS.filter((p) => p.stage !== 'CASE_SOURCE_REGISTERED')) {
      expect(byCase.get(app.demo.cases[plan.key]!.id)).toContain('CASE_DOCKETED');
    }
  });
});

describe('the demo seed', () => {
  it('writes no case itself: cases come only from the procedural steps', () => {
    const source = readFileSync(`${projectRoot}/src/db/seed/demo-data.ts`, 'utf8');
    expect(source).not.toMatch(
      /\bem\.create\(\s*(Case|Decision|Evidence|CaseEvent|Deadline|CaseDocument|NumberSequence)\b/,
    );
    expect(source).not.toMatch(
      /entities\/(case|decision|evidence|case-event|deadline|case-document)\.entity/,
    );
    expect(source).not.toMatch(/\bstatus\s*:/);
  });
});
