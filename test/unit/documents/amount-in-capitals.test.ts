import { describe, expect, it } from 'vitest';
import { amountInCapitals } from '../../../src/documents/helpers/amount-in-capitals.js';
import { formatAmountInFigures, parseAmountToFen } from '../../../src/documents/helpers/money.js';

describe('amountInCapitals', () => {
  // Expected values follow 《正确填写票据和结算凭证的基本规定》 and its own examples.
  it.each([
    [0.05, '人民币伍分'],
    [10, '人民币壹拾元整'],
    [100000, '人民币壹拾万元整'],
    [100010, '人民币壹拾万零壹拾元整'],
    [1000000.5, '人民币壹佰万元零伍角'],
    [12345678.9, '人民币壹仟贰佰叁拾肆万伍仟陆佰柒拾捌元玖角'],
    [60000000, '人民币陆仟万元整'],
    [50000, '人民币伍万元整'],
    [123456.78, '人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分'],
    [0, '人民币零元整'],
    [0.1, '人民币壹角'],
    [1409.5, '人民币壹仟肆佰零玖元伍角'],
    [6007.14, '人民币陆仟零柒元壹角肆分'],
    [1680.32, '人民币壹仟陆佰捌拾元零叁角贰分'],
    [107000.53, '人民币壹拾万柒仟元零伍角叁分'],
    [16409.02, '人民币壹万陆仟肆佰零玖元零贰分'],
    [325.04, '人民币叁佰贰拾伍元零肆分'],
    [10.05, '人民币壹拾元零伍分'],
    [100000001, '人民币壹亿零壹元整'],
    [101000000, '人民币壹亿零壹佰万元整'],
    [1000100000, '人民币壹拾亿零壹拾万元整'],
    [10001000, '人民币壹仟万壹仟元整'],
    [999999999999.99, '人民币玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
  ])('%s → %s', (amount, expected) => {
    expect(amountInCapitals(amount)).toBe(expected);
  });

  it('accepts decimal strings, which avoid float input for large amounts', () => {
    expect(amountInCapitals('1000000.50')).toBe('人民币壹佰万元零伍角');
    expect(amountInCapitals('100010')).toBe('人民币壹拾万零壹拾元整');
  });

  it.each([
    [-1],
    [0.001],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [1e12],
    ['12,000'],
    ['1.234'],
    [''],
  ])('refuses %s', (amount) => {
    expect(() => amountInCapitals(amount)).toThrow(RangeError);
  });
});

describe('formatAmountInFigures', () => {
  it.each([
    [50000, '50,000.00元'],
    [0.05, '0.05元'],
    [1000000.5, '1,000,000.50元'],
    [12345678.9, '12,345,678.90元'],
    ['999', '999.00元'],
  ])('%s → %s', (amount, expected) => {
    expect(formatAmountInFigures(amount)).toBe(expected);
  });

  it('works in integer fen, so float noise never reaches the document', () => {
    expect(parseAmountToFen(0.1 + 0.2)).toBe(30);
    expect(parseAmountToFen(12345678.9)).toBe(1234567890);
  });
});
