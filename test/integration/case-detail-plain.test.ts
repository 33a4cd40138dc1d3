import {
  parse,
  type FieldNode,
  type GraphQLResolveInfo,
  type OperationDefinitionNode,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { plainDetailFor } from '../../src/resolvers/case-detail-plain.js';
import { buildZhifaSchema } from '../../src/schema/build-schema.js';
import { investigatingCase, servedDecisionCase } from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * `case(id)` answered as plain objects (case-detail-plain.ts) gives the answer the entity path
 * gives, byte for byte, for officers of every level, for cases in and out of their scope, with
 * fragments, aliases, nullable dates, timestamps, booleans and numbers.
 */

let app: TestApp;
let decided: string;
let investigating: string;

beforeAll(async () => {
  app = await createTestApp();
  decided = (await servedDecisionCase(app)).caseId;
  investigating = await investigatingCase(app, { prefix: 'SH', partyKey: 'yunfan' });
});

afterAll(async () => {
  await app?.close();
});

const SELECTION = `__typename id number status title violationSummary registeredOn docketedOn decidedOn
  closedOn version createdAt updatedAt
  office { id name level divisionCode }
  parties { ...party }
  evidence { id kind title description source collectedAt place
    collectors { id name active } people: collectors { name } }
  decisions { id kind decidedOn documentNumber lateDecisionReason }
  deadlines { kind triggerEvent triggerDate dueDate stoppedOn provisional }
  documents { id kind title version sizeBytes createdAt sha256 number }
  again: title`;

/** Served as plain objects: only columns and the case's lists. */
const PLAIN = `query($id: ID!) { case(id: $id) { ${SELECTION} } }
  fragment party on Party { id name kind }`;

/** The same with a field that has its own resolver: served as entities (handlers last). */
const ENTITY = `query($id: ID!) { case(id: $id) { ${SELECTION} handlers { id } } }
  fragment party on Party { id name kind }`;

function withoutHandlers(answer: unknown): string {
  return JSON.stringify(answer, (key, value: unknown) => (key === 'handlers' ? undefined : value));
}

/** The info `case(id)` resolves with, for the plan. */
async function infoOf(query: string): Promise<GraphQLResolveInfo> {
  const schema = await buildZhifaSchema();
  const document = parse(query);
  const operation = document.definitions[0] as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d) => d.kind === 'FragmentDefinition')
      .map((d) => [d.name.value, d]),
  );
  return {
    fieldNodes: [operation.selectionSet.selections[0] as FieldNode],
    fragments,
    returnType: schema.getQueryType()!.getFields().case!.type,
  } as unknown as GraphQLResolveInfo;
}

describe('case(id) as plain objects', () => {
  it('is chosen for a selection of columns and lists, and not with a field of its own resolver', async () => {
    const em = app.orm.em.fork();
    expect(plainDetailFor(em, await infoOf(PLAIN))).not.toBeNull();
    expect(plainDetailFor(em, await infoOf(ENTITY))).toBeNull();
    expect(
      plainDetailFor(
        em,
        await infoOf(
          `query($id: ID!, $x: Boolean!) { case(id: $id) { id title @include(if: $x) } }`,
        ),
      ),
    ).toBeNull();
  });

  it('answers as the entity path for every level of officer, in and out of scope', async () => {
    const ids = [decided, investigating, 'not-a-uuid', '00000000-0000-7000-8000-000000000000'];
    let compared = 0;
    for (const as of ['CN0001', 'BJ0001', 'HD0001', 'SH0001', 'BJ0002']) {
      for (const id of ids) {
        const plain = await app.run(PLAIN, { id }, as);
        const entity = await app.run(ENTITY, { id }, as);
        expect(withoutHandlers(plain)).toBe(withoutHandlers(entity));
        compared += plain.data?.case ? 1 : 0;
      }
    }
    // Some answers carried a case (not only errors), with every list filled.
    expect(compared).toBeGreaterThanOrEqual(4);
    const full = await app.run<{ case: Record<string, unknown[]> }>(
      PLAIN,
      { id: decided },
      'CN0001',
    );
    for (const list of ['parties', 'evidence', 'decisions', 'deadlines', 'documents']) {
      expect(full.data?.case[list]?.length, list).toBeGreaterThan(0);
    }
  });

  it('is written without graphql-js executing its fields, and left to graphql-js otherwise', async () => {
    const schema = await buildZhifaSchema();
    const field = schema.getQueryType()!.getFields().case!;
    const resolve = field.resolve!;
    let resolved = 0;
    field.resolve = (...args) => {
      resolved += 1;
      return resolve(...args);
    };
    try {
      const count = async (query: string, variables: Record<string, unknown>, as: string) => {
        resolved = 0;
        const answer = await app.run(query, variables, as);
        return { resolved, answer: JSON.stringify(answer) };
      };
      // A plain case(id) in scope: written by the plugin, the resolver never runs, and the
      // answer is the one graphql-js gives when it executes the same plain read (the query
      // beside __typename is not a one-field operation).
      const written = await count(PLAIN, { id: decided }, 'CN0001');
      expect(written.resolved).toBe(0);
      const executed = await app.run<{ case: unknown }>(
        `query($id: ID!) { __typename case(id: $id) { ${SELECTION} } }
          fragment party on Party { id name kind }`,
        { id: decided },
        'CN0001',
      );
      expect(written.answer).toBe(JSON.stringify({ data: { case: executed.data!.case } }));
      // Out of scope, missing, malformed: graphql-js runs the resolver, which takes the read
      // already made (or refuses the id) and answers CASE_NOT_FOUND as before.
      for (const [id, as] of [
        [investigating, 'HD0001'],
        ['00000000-0000-7000-8000-000000000000', 'CN0001'],
        ['not-a-uuid', 'CN0001'],
      ] as const) {
        const refused = await count(PLAIN, { id }, as);
        expect(refused.resolved, id).toBe(1);
        expect(refused.answer).toContain('CASE_NOT_FOUND');
      }
      // A selection the plain read does not serve, or no officer: executed as before.
      expect((await count(ENTITY, { id: decided }, 'CN0001')).resolved).toBe(1);
      resolved = 0;
      const anonymous = await app.run(PLAIN, { id: decided });
      expect(resolved).toBe(1);
      expect(JSON.stringify(anonymous)).toContain('UNAUTHENTICATED');
    } finally {
      field.resolve = resolve;
    }
  });
});
