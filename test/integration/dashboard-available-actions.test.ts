import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext } from '../../src/app.js';
import { calendarReadiness } from '../../src/commands/procedure/available-actions.js';
import { toCaseSnapshot, toProcedureActor } from '../../src/commands/procedure/to-case-snapshot.js';
import { overridesForOffice } from '../../src/commands/rulebook.commands.js';
import { loadWorkingDayCalendar } from '../../src/db/seed/reference-data.js';
import { Case } from '../../src/entities/case.entity.js';
import { availableActions } from '../../src/procedure/decide.js';
import type { LocalDate } from '../../src/procedure/local-date.js';
import { investigatingCase } from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * A page of cases answers availableActions from one statement of JSON aggregates (the cases'
 * office, parties, handlers and their certificates, unfulfilled pending documents, the
 * rulebook overrides of their office's line, the actor's certificates) and the page's deadline
 * loader. Each case's answer must be the one the ORM path of a step gives (toCaseSnapshot, the
 * office's overrides, the actor's populated certificates), for an officer outside the cases
 * and for a handler whose certificate the rules check.
 */

let app: TestApp;
const TODAY = '2025-09-12' as LocalDate;

beforeAll(async () => {
  app = await createTestApp();
  await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
  await investigatingCase(app, { prefix: 'SH', partyKey: 'yunfan' });
});

afterAll(async () => {
  await app?.close();
});

const PAGE = `query {
  cases(first: 20) {
    edges { node { id availableActions { action allowed inputRules violations { code message details } } } }
  }
}`;

interface Answer {
  action: string;
  allowed: boolean;
  inputRules: string[];
  violations: { code: string; message: string; details: unknown }[];
}

/** Each case's answer through the ORM, as a step builds its snapshot. */
async function throughTheOrm(certificate: string, ids: string[]): Promise<Map<string, Answer[]>> {
  const ctx = await createRequestContext(
    app.orm,
    app.jwt,
    `Bearer ${app.tokenFor(certificate)}`,
    () => new Date(`${TODAY}T02:00:00Z`),
  );
  try {
    const em = ctx.em.fork();
    const actor = ctx.actor!;
    await em.populate(actor.officer, ['certificates']);
    const procedureActor = toProcedureActor(actor, TODAY);
    const calendar = await loadWorkingDayCalendar(em);
    const answers = new Map<string, Answer[]>();
    for (const id of ids) {
      const found = await em.findOneOrFail(Case, id);
      const snapshot = await toCaseSnapshot(em, found, TODAY);
      const overrides = await overridesForOffice(em, found.officePath);
      const answer = calendarReadiness(
        TODAY,
        overrides,
        calendar,
      )(
        availableActions(snapshot, procedureActor, TODAY, {
          workingDays: calendar,
          rulebookOverrides: overrides,
        }),
      );
      answers.set(
        id,
        JSON.parse(
          JSON.stringify(
            answer.map((a) => ({
              action: a.action,
              allowed: a.allowed,
              inputRules: a.inputRules,
              violations: a.violations.map((v) => ({
                code: v.code,
                message: v.message,
                details: v.details ?? {},
              })),
            })),
          ),
        ) as Answer[],
      );
    }
    return answers;
  } finally {
    await ctx.endScope?.();
  }
}

describe('availableActions on a page of cases', () => {
  it.each(['CN0001', 'BJ0002'])(
    'agrees with the ORM path of a step, as %s',
    async (certificate) => {
      app.setToday(TODAY);
      const page = await app.run<{
        cases: { edges: { node: { id: string; availableActions: Answer[] } }[] };
      }>(PAGE, {}, certificate);
      expect(page.errors, JSON.stringify(page.errors)).toBeUndefined();
      const nodes = page.data!.cases.edges.map((e) => e.node);
      expect(nodes.length).toBeGreaterThan(1);
      const expected = await throughTheOrm(
        certificate,
        nodes.map((n) => n.id),
      );
      for (const node of nodes) {
        expect(node.availableActions, node.id).toEqual(expected.get(node.id));
      }
    },
  );
});

const COLUMNS_PAGE = `query {
  cases(first: 20) {
    edges { node { id
      deadlines { id kind dueDate stoppedOn createdAt updatedAt __typename }
      availableActions { action allowed inputRules violations { code message details } } } }
  }
}`;

const ENTITY_PAGE = `query {
  cases(first: 20) {
    edges { node { id
      deadlines { id kind dueDate stoppedOn createdAt updatedAt __typename explanation { trigger { date } } } } }
  }
}`;

interface DeadlineAnswer {
  id: string;
  kind: string;
  dueDate: string;
  stoppedOn: string | null;
  createdAt: string;
  updatedAt: string;
  __typename: string;
  explanation?: unknown;
}

describe('deadlines on a page read as columns (plain rows)', () => {
  it.each(['CN0001', 'BJ0002'])(
    'answer as the entity rows do, and availableActions beside them as the ORM path, as %s',
    async (certificate) => {
      app.setToday(TODAY);
      const plain = await app.run<{
        cases: {
          edges: {
            node: { id: string; deadlines: DeadlineAnswer[]; availableActions: Answer[] };
          }[];
        };
      }>(COLUMNS_PAGE, {}, certificate);
      expect(plain.errors, JSON.stringify(plain.errors)).toBeUndefined();
      // The explanation is not a column: this page reads the deadlines as entities.
      const entities = await app.run<{
        cases: { edges: { node: { id: string; deadlines: DeadlineAnswer[] } }[] };
      }>(ENTITY_PAGE, {}, certificate);
      expect(entities.errors, JSON.stringify(entities.errors)).toBeUndefined();
      const nodes = plain.data!.cases.edges.map((e) => e.node);
      const entityNodes = entities.data!.cases.edges.map((e) => e.node);
      expect(nodes.map((n) => n.id)).toEqual(entityNodes.map((n) => n.id));
      // Open and stopped deadlines both appear, so stoppedOn is compared as a date and as null.
      const all = nodes.flatMap((n) => n.deadlines);
      expect(all.some((d) => d.stoppedOn === null)).toBe(true);
      expect(all.some((d) => d.stoppedOn !== null)).toBe(true);
      entityNodes.forEach((node, i) => {
        expect(nodes[i]!.deadlines, node.id).toEqual(
          node.deadlines.map(({ explanation: _explanation, ...columns }) => columns),
        );
      });
      const expected = await throughTheOrm(
        certificate,
        nodes.map((n) => n.id),
      );
      for (const node of nodes) {
        expect(node.availableActions, node.id).toEqual(expected.get(node.id));
      }
    },
  );
});
