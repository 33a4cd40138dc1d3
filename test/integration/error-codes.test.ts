import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODE_LIST, ERROR_CODES, isErrorCode } from '../../src/errors/error-codes.js';
import { VIOLATION_CODES } from '../../src/schema/rule-code.enum.js';
import { createTestApp, type GraphQLResult, type TestApp } from '../support/test-app.js';

/** The error registry over the API: `Query.errorCodes`, and real refusals carrying its codes. */
let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

/** The first error's code and category, both from the registry. */
function firstError(result: GraphQLResult) {
  const error = result.errors?.[0];
  expect(error, 'the operation should have been refused').toBeDefined();
  const code = error!.extensions?.code;
  expect(isErrorCode(code), `unregistered code ${String(code)}`).toBe(true);
  expect(error!.extensions?.category).toBe(ERROR_CODES[code as keyof typeof ERROR_CODES].category);
  expect(error!.message).toMatch(/[\u4e00-\u9fff]/);
  return error!;
}

const ERROR_CODES_QUERY = `{ errorCodes { code category meaning messageTemplate surfaces } }`;

describe('Query.errorCodes', () => {
  it('lists every registered code with its category, meaning and Chinese template', async () => {
    const result = await app.run<{
      errorCodes: {
        code: string;
        category: string;
        meaning: string;
        messageTemplate: string;
        surfaces: string[];
      }[];
    }>(ERROR_CODES_QUERY, {}, 'BJ0002');
    expect(result.errors).toBeUndefined();
    expect(result.data!.errorCodes.map((e) => e.code)).toEqual(ERROR_CODE_LIST);
    for (const entry of result.data!.errorCodes) {
      const definition = ERROR_CODES[entry.code as keyof typeof ERROR_CODES];
      expect(entry).toEqual({
        code: entry.code,
        category: definition.category,
        meaning: definition.meaning,
        messageTemplate: definition.message,
        surfaces: [...definition.surfaces],
      });
    }
  });

  it('needs a token, like every other root field', async () => {
    const error = firstError(await app.run(ERROR_CODES_QUERY));
    expect(error.extensions).toMatchObject({
      code: 'UNAUTHENTICATED',
      category: 'UNAUTHENTICATED',
    });
  });
});

describe('refusals carry registered codes and their categories', () => {
  it('a record out of reach: CASE_NOT_FOUND, NOT_FOUND', async () => {
    const error = firstError(
      await app.run(`{ case(id: "00000000-0000-4000-8000-000000000000") { id } }`, {}, 'BJ0002'),
    );
    expect(error.extensions).toMatchObject({
      code: 'CASE_NOT_FOUND',
      category: 'NOT_FOUND',
      details: { id: '00000000-0000-4000-8000-000000000000' },
    });
    expect(error.message).toBe(ERROR_CODES.CASE_NOT_FOUND.message);
  });

  it('the wrong role for an administrator’s mutation: ROLE_REQUIRED, FORBIDDEN, nothing written', async () => {
    const before = await app.tableCounts();
    const error = firstError(
      await app.run(
        `mutation { updateOffice(id: "${app.demo.offices.beijing!.id}", input: { contactPhone: "010-1" }) { id } }`,
        {},
        'BJ0002',
      ),
    );
    expect(error.extensions).toMatchObject({
      code: 'ROLE_REQUIRED',
      category: 'FORBIDDEN',
      details: { requiredRoles: ['ADMIN'] },
    });
    expect(await app.tableCounts()).toEqual(before);
  });

  it('a malformed query and an unknown field: BAD_REQUEST category, Chinese lead', async () => {
    const parse = firstError(await app.run(`{ cases(`, {}, 'BJ0002'));
    expect(parse.extensions).toMatchObject({
      code: 'GRAPHQL_PARSE_FAILED',
      category: 'BAD_REQUEST',
    });
    expect(parse.message).toMatch(/^查询语法错误：/);
    const unknown = firstError(await app.run(`{ noSuchField }`, {}, 'BJ0002'));
    expect(unknown.extensions).toMatchObject({
      code: 'GRAPHQL_VALIDATION_FAILED',
      category: 'BAD_REQUEST',
    });
  });

  it('a variable of the wrong type: BAD_USER_INPUT', async () => {
    const error = firstError(
      await app.run(`query ($id: ID!) { case(id: $id) { id } }`, {}, 'BJ0002'),
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', category: 'BAD_USER_INPUT' });
  });
});

describe('rule codes are typed as enum RuleCode', () => {
  it('availableActions serializes every violation and input rule as a RuleCode', async () => {
    const result = await app.run<{
      cases: {
        edges: {
          node: { availableActions: { inputRules: string[]; violations: { code: string }[] }[] };
        }[];
      };
    }>(
      `{ cases(first: 20) { edges { node { availableActions { inputRules violations { code } } } } } }`,
      {},
      'BJ0001',
    );
    expect(result.errors).toBeUndefined();
    const actions = result.data!.cases.edges.flatMap((e) => e.node.availableActions);
    const codes = actions.flatMap((a) => [...a.inputRules, ...a.violations.map((v) => v.code)]);
    expect(codes.length).toBeGreaterThan(0);
    // The procedure's rules, and the provision catalog's that the penalty lines can trigger.
    expect(codes.filter((c) => !(VIOLATION_CODES as readonly string[]).includes(c))).toEqual([]);
    expect(codes).toContain('FINE_ABOVE_MAXIMUM');
  });
});
