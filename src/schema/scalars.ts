import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';
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

/** Largest amount accepted: 10^13 yuan, so every amount in fen stays a safe integer (< 2^53). */
const MAX_MONEY_FEN = 10n ** 15n;
const MONEY_PATTERN = /^(0|[1-9]\d*)(\.\d{1,2})?$/;

function invalidMoney(value: unknown): GraphQLError {
  return new GraphQLError(
    `金额无效：${JSON.stringify(value)} 应为十进制字符串，元为单位，最多两位小数，不小于零（如 "12345.67"）`,
    { extensions: { code: 'INVALID_AMOUNT', value: typeof value === 'string' ? value : null } },
  );
}

/** '12345.67' → 1234567 fen, exactly (string arithmetic, no binary fractions). */
export function moneyToFen(text: string): number {
  if (!MONEY_PATTERN.test(text)) {
    throw invalidMoney(text);
  }
  const [whole, fraction = ''] = text.split('.');
  const fen = BigInt(whole!) * 100n + BigInt(fraction.padEnd(2, '0'));
  if (fen > MAX_MONEY_FEN) {
    throw invalidMoney(text);
  }
  return Number(fen);
}

/** Integer fen → '12345.67' (always two decimals). */
export function fenToMoney(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/**
 * Money in yuan as a decimal string ("12345.67"): exact at any size a fine can reach (fines run to
 * tens of millions of yuan or a share of a turnover, beyond GraphQL's 32-bit Int in fen, and Float is binary).
 * Inside the server an amount is a number of yuan whose fen value is a safe integer; the scalar
 * converts through integer fen both ways so no binary fraction reaches the wire.
 */
export const MoneyScalar = new GraphQLScalarType<number, string>({
  name: 'Money',
  description:
    '金额（Money）：以元为单位的十进制字符串，最多两位小数（分），不小于零，如 "12345.67"、"50000000"。' +
    '输出总是两位小数（"5000.00"）；输入只接受字符串，不接受 JSON 数字（避免二进制浮点误差）。' +
    '上限 10 000 000 000 000 元。',
  serialize(value: unknown): string {
    if (typeof value === 'string') {
      return fenToMoney(moneyToFen(value));
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new GraphQLError(`金额无法输出：${String(value)}`);
    }
    const fen = Math.round(value * 100);
    if (!Number.isSafeInteger(fen)) {
      throw new GraphQLError(`金额无法输出：${String(value)}`);
    }
    return fenToMoney(fen);
  },
  parseValue(value: unknown): number {
    if (typeof value !== 'string') {
      throw invalidMoney(value);
    }
    return moneyToFen(value) / 100;
  },
  parseLiteral(ast: ValueNode): number {
    if (ast.kind !== Kind.STRING) {
      throw invalidMoney('value' in ast ? ast.value : null);
    }
    return moneyToFen(ast.value) / 100;
  },
});
