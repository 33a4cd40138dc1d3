import { GraphQLError, Kind } from 'graphql';
import { describe, expect, it } from 'vitest';
import { MoneyScalar, fenToMoney, moneyToFen } from '../../../src/schema/scalars.js';

describe('the Money scalar (yuan as a decimal string)', () => {
  it('parses through integer fen, exactly, up to 10^13 yuan', () => {
    expect(moneyToFen('0')).toBe(0);
    expect(moneyToFen('0.1')).toBe(10);
    expect(moneyToFen('12345.67')).toBe(1_234_567);
    // 50 million yuan in fen is beyond GraphQL's 32-bit Int; still exact here.
    expect(moneyToFen('50000000.01')).toBe(5_000_000_001);
    expect(moneyToFen('10000000000000')).toBe(1e15);
    expect(MoneyScalar.parseValue('0.29')).toBe(0.29);
    expect(MoneyScalar.parseLiteral({ kind: Kind.STRING, value: '436000' })).toBe(436000);
  });

  it.each([
    ['a JSON number', 5000],
    ['three decimals', '1000.005'],
    ['a sign', '-1'],
    ['a leading zero', '01'],
    ['an exponent', '1e5'],
    ['a thousands separator', '12,000'],
    ['spaces', ' 1'],
    ['nothing', ''],
    ['a trailing point', '1.'],
    ['more than 10^13 yuan', '10000000000000.01'],
  ])('refuses %s as INVALID_AMOUNT', (_, value) => {
    let thrown: unknown;
    try {
      MoneyScalar.parseValue(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(GraphQLError);
    expect((thrown as GraphQLError).extensions.code).toBe('INVALID_AMOUNT');
    expect((thrown as GraphQLError).message).toContain('金额无效');
  });

  it('refuses a number literal in the document too', () => {
    expect(() => MoneyScalar.parseLiteral({ kind: Kind.INT, value: '5000' })).toThrow('金额无效');
  });

  it('serialises with exactly two decimals, with no binary residue', () => {
    expect(MoneyScalar.serialize(0.1 + 0.2)).toBe('0.30');
    expect(MoneyScalar.serialize(50000)).toBe('50000.00');
    expect(MoneyScalar.serialize(1.005 * 100)).toBe('100.50');
    expect(MoneyScalar.serialize('200000.00')).toBe('200000.00');
    expect(MoneyScalar.serialize(99_999_999_999.99)).toBe('99999999999.99');
    expect(fenToMoney(7)).toBe('0.07');
    expect(() => MoneyScalar.serialize(Number.NaN)).toThrow();
  });
});
