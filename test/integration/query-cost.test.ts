import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext } from '../../src/app.js';
import { registerCase } from '../support/procedure-steps.js';
import { createTestApp, errorCode, type GraphQLResult, type TestApp } from '../support/test-app.js';

let app: TestApp;
const recheck = process.env.ZHIFA_CALENDAR_RECHECK_MS;

beforeAll(async () => {
  // The calendar memo stays fresh for the whole file (as in statement-counts.test.ts): its
  // signature check, every 5 s by default, added a statement to whichever page came first
  // when seeding the 55 cases took longer than that on a loaded machine.
  process.env.ZHIFA_CALENDAR_RECHECK_MS = '3600000';
  app = await createTestApp();
  // 55 registered clues in Beijing, each with its docketing deadline: a full page of 50.
  for (let i = 0; i < 55; i += 1) {
    await registerCase(app, {
      receivedOn: '2026-12-03',
      partyKey: 'xinghe',
      certificate: 'BJ0002',
    });
  }
});

afterAll(async () => {
  if (recheck === undefined) {
    delete process.env.ZHIFA_CALENDAR_RECHECK_MS;
  } else {
    process.env.ZHIFA_CALENDAR_RECHECK_MS = recheck;
  }
  await app?.close();
});

/** Runs an operation with the context built first, counting only the statements the operation runs. */
async function counted(
  query: string,
  variables: Record<string, unknown> = {},
  certificate = 'BJ0001',
): Promise<{ result: GraphQLResult; statements: number }> {
  const contextValue = await createRequestContext(
    app.orm,
    app.jwt,
    `Bearer ${app.tokenFor(certificate)}`,
    () => new Date('2026-12-03T02:00:00Z'),
  );
  app.resetQueryCount();
  const response = await app.apollo.executeOperation({ query, variables }, { contextValue });
  if (response.body.kind !== 'single') {
    throw new Error('single result expected');
  }
  return { result: response.body.singleResult as GraphQLResult, statements: app.queryCount() };
}

// security.md D1: six chained fragments, 69.6 s and 37 454 statements before the fix.
const SIX_FRAGMENTS = `{ cases(first: 100) { edges { node { ...D0 } } } }
fragment D0 on Case { deadlines { case { id ...D1 } } }
fragment D1 on Case { deadlines { case { id ...D2 } } }
fragment D2 on Case { deadlines { case { id ...D3 } } }
fragment D3 on Case { deadlines { case { id ...D4 } } }
fragment D4 on Case { deadlines { case { id ...D5 } } }
fragment D5 on Case { deadlines { case { id } } }`;

describe('query cost control (issue 11, D1)', () => {
  it('refuses the six-chained-fragment query at validation, with no SQL statement', async () => {
    const { result, statements } = await counted(SIX_FRAGMENTS);
    expect(result.data).toBeUndefined();
    expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0]!.extensions!.limit).toBe('MAX_DEPTH');
    expect(statements).toBe(0);
  });

  it('counts depth through fragments: two chained fragments within the depth limit are answered', async () => {
    const { result } = await counted(`{ cases(first: 2) { edges { node { ...A } } } }
      fragment A on Case { deadlines { case { id ...B } } }
      fragment B on Case { deadlines { kind } }`);
    expect(result.errors).toBeUndefined();
  });

  it('refuses an operation over the cost limit before execution: first × child cost', async () => {
    // Shallow, but 30 aliases × 100 cases × (deadlines ↔ case round trips) is far over the limit.
    const aliases = Array.from(
      { length: 5 },
      (_, i) =>
        `a${i}: cases(first: 100) { edges { node { deadlines { case { deadlines { kind } } } } } }`,
    ).join(' ');
    const { result, statements } = await counted(`{ ${aliases} }`);
    expect(errorCode(result)).toBe('QUERY_TOO_COMPLEX');
    expect(result.errors![0]!.extensions!.cost).toBeGreaterThan(5000);
    expect(statements).toBe(0);
  });

  it('prices `first` from variables: the same operation passes with a small page and is refused with a large one', async () => {
    const query = `query($first: Int) { cases(first: $first) { edges { node { id deadlines { case { deadlines { case { id } } } } } } } }`;
    expect((await counted(query, { first: 2 })).result.errors).toBeUndefined();
    const large = await counted(query, { first: 100 });
    expect(errorCode(large.result)).toBe('QUERY_TOO_COMPLEX');
    expect(large.statements).toBe(0);
  });

  it('auditChain is affordable on case(id) and refused on a page', async () => {
    const caseId = app.demo.cases ? Object.values(app.demo.cases)[0] : undefined;
    const { result: page } = await counted(
      `{ cases(first: 50) { edges { node { id auditChain { intact } } } } }`,
    );
    expect(errorCode(page)).toBe('QUERY_TOO_COMPLEX');
    const anyCase = await counted(`{ cases(first: 1) { edges { node { id } } } }`);
    const id =
      (caseId as { id?: string } | undefined)?.id ??
      (anyCase.result.data as { cases: { edges: { node: { id: string } }[] } }).cases.edges[0]!.node
        .id;
    const { result: single } = await counted(
      `query($id: ID!) { case(id: $id) { auditChain { intact } } }`,
      { id },
    );
    expect(single.errors).toBeUndefined();
    expect(
      (single.data as { case: { auditChain: { intact: boolean } } }).case.auditChain.intact,
    ).toBe(true);
  });

  it('a page of 50 cases with deadlines, documents, events and availableActions runs the same number of statements as a page of 5', async () => {
    const query = `query($first: Int) { cases(first: $first) { edges { node {
      id deadlines { kind dueDate status } documents { id } events { sequence }
      availableActions { action allowed }
    } } } }`;
    const small = await counted(query, { first: 5 });
    const large = await counted(query, { first: 50 });
    expect(small.result.errors).toBeUndefined();
    expect(large.result.errors).toBeUndefined();
    const edges = (
      large.result.data as {
        cases: {
          edges: {
            node: {
              deadlines: unknown[];
              availableActions: { action: string; allowed: boolean }[];
            };
          }[];
        };
      }
    ).cases.edges;
    expect(edges).toHaveLength(50);
    // Every registered clue shows its docketing deadline and may be docketed by the head.
    for (const { node } of edges) {
      expect(node.deadlines.length).toBeGreaterThan(0);
      expect(node.availableActions.some((a) => a.allowed)).toBe(true);
    }
    expect(large.statements).toBe(small.statements);
    expect(large.statements).toBeLessThanOrEqual(15);
  });
});

const DETAIL = `query($id: ID!) { case(id: $id) { ...Detail } }`;
const DETAIL_FIELDS = `fragment Detail on Case { id number status title
  office { id name } parties { id name } evidence { id kind title collectedAt }
  decisions { id kind decidedOn } deadlines { kind dueDate explanation { rule citations lines } } documents { id kind title } }`;

describe('case detail read path (issue 10)', () => {
  it('answers case(id) with its office, parties, evidence, decisions, deadlines and documents in one statement', async () => {
    for (const key of ['xinghePersonalInformation', 'yunfanDataSecurity']) {
      const id = app.demo.cases[key]!.id;
      const { result, statements } = await counted(`${DETAIL} ${DETAIL_FIELDS}`, { id }, 'CN0001');
      expect(result.errors).toBeUndefined();
      // The request's scope statement (BEGIN, set_config + officer stamp, COMMIT) runs in
      // the context, before this count: the detail itself is one SELECT.
      expect(statements).toBe(1);
      expect((result.data as { case: { id: string } }).case.id).toBe(id);
    }
  });

  it('gives the same answer through case(id) (one statement) and through a page (loaders)', async () => {
    const page = await counted(
      `{ cases(first: 100) { edges { node { ...Detail } } } } ${DETAIL_FIELDS}`,
      {},
      'CN0001',
    );
    expect(page.result.errors).toBeUndefined();
    const nodes = (
      page.result.data as { cases: { edges: { node: { id: string; evidence: unknown[] } }[] } }
    ).cases.edges.map((e) => e.node);
    const withChildren = nodes.filter((n) => n.evidence.length > 0);
    expect(withChildren.length).toBeGreaterThan(0);
    for (const node of [...withChildren, ...nodes.slice(0, 3)]) {
      const single = await counted(`${DETAIL} ${DETAIL_FIELDS}`, { id: node.id }, 'CN0001');
      expect((single.result.data as { case: unknown }).case).toEqual(node);
    }
  });

  it('answers CASE_NOT_FOUND for a case outside the officer subtree, a missing id and a malformed one', async () => {
    const shanghai = app.demo.cases.yunfanDataSecurity!.id;
    for (const id of [shanghai, '00000000-0000-4000-8000-000000000000', 'not-a-uuid']) {
      const { result } = await counted(`${DETAIL} ${DETAIL_FIELDS}`, { id }, 'BJ0001');
      expect(errorCode(result)).toBe('CASE_NOT_FOUND');
    }
  });
});
