import type { ApolloServerPlugin } from '@apollo/server';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import {
  GraphQLError,
  getNamedType,
  getNullableType,
  isListType,
  isLeafType,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { ComplexityEstimator } from 'graphql-query-complexity';
import { createRequire } from 'node:module';
import { DEFAULT_PAGE_SIZE } from './connection.js';
import type { QueryCostLimits } from './query-limits.js';

/**
 * Cost control before execution. Two kept libraries do the counting:
 * graphql-armor's max-depth follows fragment spreads (a fragment does not start again
 * at depth 0), and graphql-query-complexity prices the operation with its variables,
 * multiplying a list's children by `first` (connections) or by an assumed list length
 * (per-case lists such as deadlines). Both run before any resolver, so a refused
 * operation costs no SQL statement.
 */
export { DEFAULT_QUERY_COST_LIMITS, type QueryCostLimits } from './query-limits.js';

/** Assumed length of a list field without `first` (a case's deadlines, documents, events…). */
export const ASSUMED_LIST_LENGTH = 10;

/**
 * Fields whose resolver does more than read loaded rows. availableActions rebuilds the
 * procedure snapshot (batched per page, see case-loaders.ts); auditChain re-hashes a
 * case's whole chain: priced so that it is affordable on `case(id)` or a handful of
 * cases, never on a page.
 */
// Its ESM build imports graphql/index.mjs, a second graphql realm next to the CommonJS one
// the rest of the server uses ("from another module or realm"); its CommonJS build shares ours.
const { getComplexity } = createRequire(import.meta.url)(
  'graphql-query-complexity',
) as typeof import('graphql-query-complexity');

export const FIELD_COSTS: Readonly<Record<string, number>> = {
  'Case.availableActions': 20,
  'Case.auditChain': 400,
  'Query.exportCaseFile': 400,
};

function limitError(limit: string, message: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit, http: { status: 400 } },
  });
}

export function depthLimitRule(maxDepth: number): ValidationRule {
  return (context) =>
    maxDepthRule({
      n: maxDepth,
      flattenFragments: true,
      ignoreIntrospection: true,
      propagateOnRejection: false,
      onReject: [
        (_ctx, _error) => {
          context.reportError(limitError('MAX_DEPTH', `查询嵌套层数超过上限 ${maxDepth}`));
        },
      ],
    })(context) as never;
}

/** One price per field: own cost plus children, times the page size or the assumed list length. */
export const fieldCost: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  const own =
    FIELD_COSTS[`${type.name}.${field.name}`] ?? (isLeafType(getNamedType(field.type)) ? 0 : 1);
  // A connection's edges are the page itself: `first` on the connection already counts them.
  if (type.name.endsWith('Connection') && field.name === 'edges') {
    return own + childComplexity;
  }
  // A page is `first` rows forward or `last` rows backward.
  const size = typeof args.first === 'number' ? args.first : args.last;
  if (typeof size === 'number') {
    return own + Math.max(size, 1) * childComplexity;
  }
  if (field.args.some((arg) => arg.name === 'first')) {
    return own + DEFAULT_PAGE_SIZE * childComplexity;
  }
  if (isListType(getNullableType(field.type))) {
    return own + ASSUMED_LIST_LENGTH * childComplexity;
  }
  return own + childComplexity;
};

export function operationCost(
  schema: GraphQLSchema,
  query: Parameters<typeof getComplexity>[0]['query'],
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  return getComplexity({
    schema,
    query,
    variables: variables ?? {},
    ...(operationName ? { operationName } : {}),
    estimators: [fieldCost],
  });
}

type DocumentNode = Parameters<typeof operationCost>[1];

const blankStrings = (_key: string, value: unknown) => (typeof value === 'string' ? '' : value);

/** Prices already computed, per parsed document (Apollo's document store hands the same one back). */
const costs = new WeakMap<GraphQLSchema, WeakMap<object, Map<string, number>>>();
const MAX_SHAPES_PER_DOCUMENT = 64;

/**
 * operationCost, remembered per schema, parsed document, operation name and the shape of the
 * variables: a client repeats the same operation with the same page size. The price reads
 * only numbers (`first`, `last`) and booleans (`@include`, `@skip`) from the variables, so
 * the key keeps those and the structure, with every string blanked: no party data is kept,
 * and a variable that does not fit the operation is still reported by execution.
 */
export function cachedOperationCost(
  schema: GraphQLSchema,
  query: DocumentNode,
  variables: Record<string, unknown> | undefined,
  operationName: string | undefined,
): number {
  let bySchema = costs.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    costs.set(schema, bySchema);
  }
  let byShape = bySchema.get(query);
  if (!byShape) {
    byShape = new Map();
    bySchema.set(query, byShape);
  }
  const key = `${operationName ?? ''}\u0000${JSON.stringify(variables ?? {}, blankStrings)}`;
  const known = byShape.get(key);
  if (known !== undefined) {
    return known;
  }
  const cost = operationCost(schema, query, variables, operationName);
  if (byShape.size >= MAX_SHAPES_PER_DOCUMENT) {
    byShape.delete(byShape.keys().next().value!);
  }
  byShape.set(key, cost);
  return cost;
}

/**
 * Prices the resolved operation (variables known) and refuses it before execution
 * with QUERY_TOO_COMPLEX when it exceeds the limit.
 */
export function queryCostPlugin(limits: QueryCostLimits): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          let cost: number;
          try {
            cost = cachedOperationCost(schema, document, request.variables, request.operationName);
          } catch (error) {
            // Variables that do not fit the operation are reported by execution itself;
            // anything else (a broken estimator) must not switch the limit off silently.
            if (error instanceof GraphQLError) {
              return;
            }
            throw error;
          }
          if (cost > limits.maxCost) {
            throw new GraphQLError(
              `查询代价 ${cost} 超过上限 ${limits.maxCost}，请减少分页条数或字段`,
              {
                extensions: {
                  code: 'QUERY_TOO_COMPLEX',
                  limit: 'MAX_COST',
                  cost,
                  maxCost: limits.maxCost,
                  http: { status: 400 },
                },
              },
            );
          }
        },
      };
    },
  };
}
