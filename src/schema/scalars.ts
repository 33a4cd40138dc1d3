import { GraphQLError, GraphQLScalarType, type ValueNode } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

/** A malformed date is its own typed error (INVALID_DATE, Chinese message), not a generic one. */
function invalidDate(value: unknown, cause: unknown): GraphQLError {
  return new GraphQLError(
    `日期无效：${JSON.stringify(value)} 不是 YYYY-MM-DD 格式的有效日历日期（如 2026-12-03）`,
    {
      extensions: { code: 'INVALID_DATE', value: typeof value === 'string' ? value : null },
      ...(cause instanceof Error ? { originalError: cause } : {}),
    },
  );
}

const base = GraphQLLocalDate.toConfig();

/**
 * Calendar date 'YYYY-MM-DD' (the law counts periods in dates, not instants). graphql-scalars'
 * LocalDate (same name and checks, a Chinese description) with the INVALID_DATE code on malformed
 * input.
 */
export const LocalDateScalar = new GraphQLScalarType({
  ...base,
  description:
    '日期（LocalDate）：不带时区的日历日期，格式 YYYY-MM-DD，如 2026-12-03；法律期间、行为日期均用此类型',
  parseValue(value: unknown) {
    try {
      return base.parseValue!(value);
    } catch (error) {
      throw invalidDate(value, error);
    }
  },
  parseLiteral(ast: ValueNode, variables?: Record<string, unknown> | null) {
    try {
      return base.parseLiteral!(ast, variables);
    } catch (error) {
      throw invalidDate('value' in ast ? ast.value : null, error);
    }
  },
});
