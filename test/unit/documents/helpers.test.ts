import { describe, expect, it } from 'vitest';
import { formatDocumentDate } from '../../../src/documents/helpers/document-date.js';
import {
  HELPER_DEFINITIONS,
  HELPER_NAMES,
} from '../../../src/documents/helpers/helper-registry.js';
import { headingOrdinal, subheadingOrdinal } from '../../../src/documents/helpers/ordinals.js';
import { renderTemplate } from '../../../src/documents/template-engine.js';

describe('formatDocumentDate (GB/T 9704 成文日期)', () => {
  it.each([
    ['2026-11-22', '2026年11月22日'],
    ['2026-01-02', '2026年1月2日'],
    ['2024-02-29', '2024年2月29日'],
  ])('%s → %s (Arabic numerals, no zero padding)', (input, expected) => {
    expect(formatDocumentDate(input)).toBe(expected);
  });

  it.each(['2026-02-30', '2026/11/22', '26-11-22', '2026-11-22T00:00:00Z', ''])(
    'refuses %s',
    (input) => {
      expect(() => formatDocumentDate(input)).toThrow(RangeError);
    },
  );
});

describe('ordinals (GB/T 9704 heading levels)', () => {
  it.each([
    [1, '一、', '（一）'],
    [2, '二、', '（二）'],
    [10, '十、', '（十）'],
    [11, '十一、', '（十一）'],
    [20, '二十、', '（二十）'],
    [105, '一百零五、', '（一百零五）'],
  ])('%s → %s and %s', (n, level1, level2) => {
    expect(headingOrdinal(n)).toBe(level1);
    expect(subheadingOrdinal(n)).toBe(level2);
  });

  it.each([0, -1, 1.5])('refuses %s', (n) => {
    expect(() => headingOrdinal(n)).toThrow(RangeError);
  });
});

describe('helper registry', () => {
  it('whitelists exactly the documented helpers', () => {
    expect([...HELPER_NAMES].sort()).toEqual(
      [
        'amountInCapitals',
        'amountInFigures',
        'chineseNumeral',
        'citation',
        'eq',
        'formatDate',
        'inc',
        'ordinal',
        'subOrdinal',
      ].sort(),
    );
    for (const name of HELPER_NAMES) {
      expect(HELPER_DEFINITIONS[name].usage).toContain(name);
    }
  });

  it('formats through templates: dates, amounts, citations, ordinals, numerals', () => {
    const model = {
      decision_date: '2026-11-22',
      fine: 123456.78,
      basis: { law: '中华人民共和国行政处罚法', article: 59, status: 'V' },
      bases: [
        { law: '中华人民共和国行政处罚法', article: 44, status: 'V' },
        { law: '中华人民共和国行政处罚法', article: 63, paragraph: 1, item: 2, status: 'V' },
      ],
      days: 5,
      items: ['甲', '乙'],
    };
    const source = [
      '{{formatDate decision_date}}',
      '{{amountInFigures fine}} {{amountInCapitals fine}}',
      '{{citation basis}}',
      '{{citation bases}}',
      '{{chineseNumeral days}}个工作日',
      '{{#each items}}{{ordinal (inc @index)}}{{subOrdinal (inc @index)}}{{this}} {{/each}}',
    ].join('\n');
    expect(renderTemplate(source, 'helpers', model).split('\n')).toEqual([
      '2026年11月22日',
      '123,456.78元 人民币壹拾贰万叁仟肆佰伍拾陆元柒角捌分',
      '《中华人民共和国行政处罚法》第五十九条',
      '《中华人民共和国行政处罚法》第四十四条、《中华人民共和国行政处罚法》第六十三条第一款第（二）项',
      '五个工作日',
      '一、（一）甲 二、（二）乙 ',
    ]);
  });

  it('eq works as a condition', () => {
    const source = '{{#if (eq kind "ORGANIZATION")}}单位{{else}}个人{{/if}}';
    expect(renderTemplate(source, 'eq', { kind: 'ORGANIZATION' })).toBe('单位');
    expect(renderTemplate(source, 'eq', { kind: 'PERSON' })).toBe('个人');
  });
});
