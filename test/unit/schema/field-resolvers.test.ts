import { execute, parse, type ExecutionResult, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AuthenticationError } from '../../../src/errors/domain-error.js';
import { buildZhifaSchema } from '../../../src/schema/build-schema.js';
import { startExecutionDeadline } from '../../../src/schema/field-resolvers.js';
import { cachedOperationCost, operationCost } from '../../../src/schema/query-cost.js';

/** A context with no actor: what an unauthenticated request has. */
function anonymousContext() {
  return { actor: undefined, authenticationError: undefined, now: () => new Date() };
}

describe('field resolvers without per-field machinery', () => {
  it('reads a plain property directly, through the class property type-graphql maps', async () => {
    const schema = await buildZhifaSchema();
    const fields = (schema.getTypeMap().Case as GraphQLObjectType).getFields();
    const context = anonymousContext();
    const value = fields.number!.resolve!(
      { number: '京网信罚〔2026〕1号' },
      {},
      context,
      {} as never,
    );
    expect(value).toBe('京网信罚〔2026〕1号');
  });

  it('keeps authorization on root fields: an anonymous `me` is refused, not read', async () => {
    const schema = await buildZhifaSchema();
    const result = (await execute({
      schema,
      document: parse('{ me { id } }'),
      contextValue: anonymousContext(),
    })) as ExecutionResult;
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.originalError).toBeInstanceOf(AuthenticationError);
  });

  it('an operation past its execution deadline fails each field with EXECUTION_TIMEOUT', async () => {
    const schema = await buildZhifaSchema();
    const context = anonymousContext();
    startExecutionDeadline(context, 5, Date.now() - 1_000);
    const result = (await execute({
      schema,
      document: parse('{ me { id } }'),
      contextValue: context,
    })) as ExecutionResult;
    expect(result.errors?.[0]?.message).toBe('请求执行超过 5 毫秒，已中止');
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'EXECUTION_TIMEOUT',
      retryable: false,
      timeoutMs: 5,
    });
  });
});

describe('cachedOperationCost', () => {
  const query = parse(`query List($first: Int!, $filter: CaseFilter) {
    cases(first: $first, filter: $filter) { edges { node { id availableActions { action } } } } }`);

  it('prices each page size apart and answers as operationCost does', async () => {
    const schema = await buildZhifaSchema();
    for (const first of [10, 50, 10]) {
      const variables = { first, filter: { search: `甲${first}` } };
      expect(cachedOperationCost(schema, query, variables, undefined)).toBe(
        operationCost(schema, query, variables, undefined),
      );
    }
    expect(cachedOperationCost(schema, query, { first: 50 }, undefined)).toBeGreaterThan(
      cachedOperationCost(schema, query, { first: 10 }, undefined),
    );
  });
});
