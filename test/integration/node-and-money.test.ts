import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Evidence } from '../../src/entities/evidence.entity.js';
import { Decision } from '../../src/entities/decision.entity.js';
import { MAX_NODE_IDS } from '../../src/resolvers/node.resolver.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

/**
 * Relay's node(id)/nodes(ids): one global id (the record's UUID) finds any Node, authorized exactly
 * like the type's own query; what the caller may not see is null, like an unknown id. And the
 * Money scalar on the wire: decimal strings out, strings only in.
 */
let app: TestApp;
let evidenceId: string;
let decisionId: string;

beforeAll(async () => {
  app = await createTestApp();
  const em = app.orm.em.fork();
  evidenceId = (
    await em.findOneOrFail(Evidence, { case: app.demo.cases.xinghePersonalInformation! })
  ).id;
  decisionId = (await em.findOneOrFail(Decision, { case: app.demo.cases.yunfanDataSecurity! })).id;
});

afterAll(async () => {
  await app?.close();
});

const NODE = `query($id: ID!) {
  node(id: $id) {
    __typename
    id
    ... on Case { number }
    ... on Party { name }
    ... on Office { name }
    ... on Evidence { title }
    ... on Decision { penalties { kind amountYuan } }
  }
}`;

async function node(id: string, as: string) {
  const result = await app.run<{ node: Record<string, unknown> | null }>(NODE, { id }, as);
  expect(result.errors).toBeUndefined();
  return result.data!.node;
}

describe('node(id)', () => {
  it('finds each type by its id alone and says which type it is', async () => {
    const beijingCase = app.demo.cases.xinghePersonalInformation!;
    expect(await node(beijingCase.id, 'BJ0002')).toEqual({
      __typename: 'Case',
      id: beijingCase.id,
      number: beijingCase.number,
    });
    expect(await node(app.demo.parties.xinghe!.id, 'BJ0002')).toMatchObject({
      __typename: 'Party',
      name: app.demo.parties.xinghe!.name,
    });
    expect(await node(evidenceId, 'BJ0002')).toMatchObject({ __typename: 'Evidence' });
    // The office above one's own is visible, as through office(id).
    expect(await node(app.demo.offices.beijing!.id, 'HD0001')).toMatchObject({
      __typename: 'Office',
      name: app.demo.offices.beijing!.name,
    });
    expect(await node(app.demo.officers.BJ0003!.id, 'BJ0001')).toMatchObject({
      __typename: 'Officer',
    });
  });

  it('answers null, with no error, for what the caller may not see, exactly as for an unknown id', async () => {
    // Shanghai's case, evidence of a Beijing case, a Beijing party and officer, seen from elsewhere.
    expect(await node(app.demo.cases.xinghePersonalInformation!.id, 'SH0001')).toBeNull();
    expect(await node(evidenceId, 'SH0002')).toBeNull();
    expect(await node(decisionId, 'BJ0001')).toBeNull();
    expect(await node(app.demo.parties.xinghe!.id, 'HZ0002')).toBeNull();
    expect(await node(app.demo.officers.BJ0003!.id, 'HD0001')).toBeNull();
    // Haidian does not see its sibling Pudong nor a province that is not above it.
    expect(await node(app.demo.offices.shanghai!.id, 'HD0001')).toBeNull();
    expect(await node(randomUUID(), 'CN0001')).toBeNull();
    expect(await node('not-a-uuid', 'CN0001')).toBeNull();
    expect(
      errorCode(await app.run(NODE, { id: app.demo.cases.xinghePersonalInformation!.id })),
    ).toBe('UNAUTHENTICATED');
  });

  it('serves a decision’s amounts as Money strings with two decimals', async () => {
    expect(await node(decisionId, 'SH0001')).toEqual({
      __typename: 'Decision',
      id: decisionId,
      penalties: [
        { kind: 'WARNING', amountYuan: null },
        { kind: 'FINE', amountYuan: '200000.00' },
      ],
    });
  });
});

describe('nodes(ids)', () => {
  it('answers one entry per id, in order, null where not visible or unknown', async () => {
    const ids = [
      app.demo.cases.zhangweiRumour!.id,
      app.demo.cases.yunfanDataSecurity!.id,
      'garbage',
      app.demo.cases.qingniaoMinors!.id,
      app.demo.cases.zhangweiRumour!.id,
    ];
    const result = await app.run<{ nodes: ({ __typename: string; id: string } | null)[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { __typename id } }`,
      { ids },
      'BJ0001',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.nodes).toEqual([
      { __typename: 'Case', id: ids[0] },
      null,
      null,
      { __typename: 'Case', id: ids[3] },
      { __typename: 'Case', id: ids[0] },
    ]);
  });

  it(`refuses more than ${MAX_NODE_IDS} ids`, async () => {
    const ids = Array.from({ length: MAX_NODE_IDS + 1 }, () => randomUUID());
    const result = await app.run(
      `query($ids: [ID!]!) { nodes(ids: $ids) { id } }`,
      { ids },
      'CN0001',
    );
    expect(errorCode(result)).toBe('NODE_IDS_TOO_MANY');
  });
});

describe('Money on input', () => {
  const PAY = `mutation($caseId: ID!, $amount: Money!) {
    recordPayment(caseId: $caseId, expectedVersion: 1, input: {
      paidOn: "2026-11-20", amountYuan: $amount, channel: DESIGNATED_BANK, receiptNumber: "R-1"
    }) { toStatus }
  }`;

  it('refuses a JSON number, three decimals, a sign or a malformed string as INVALID_AMOUNT before anything runs', async () => {
    const caseId = app.demo.cases.yunfanDataSecurity!.id;
    for (const amount of [200000, '1000.005', '-1', '1e5', '12,000', '', ' 1']) {
      const before = await app.tableCounts();
      const result = await app.run(PAY, { caseId, amount }, 'SH0002');
      expect(errorCode(result), JSON.stringify(amount)).toBe('INVALID_AMOUNT');
      expect(result.errors![0]!.extensions!.category).toBe('BAD_USER_INPUT');
      expect(await app.tableCounts()).toEqual(before);
    }
    const literal = await app.run(
      `mutation($caseId: ID!) { recordPayment(caseId: $caseId, expectedVersion: 1, input: {
        paidOn: "2026-11-20", amountYuan: 5000, channel: DESIGNATED_BANK, receiptNumber: "R-1"
      }) { toStatus } }`,
      { caseId },
      'SH0002',
    );
    // Inline in the document it fails the document's validation, with the same explanation.
    expect(errorCode(literal)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(literal.errors![0]!.message).toContain('金额无效');
  });
});
