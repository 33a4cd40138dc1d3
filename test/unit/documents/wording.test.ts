// Wording from data, checked: the 案由 normalizer and the templates:check wording lint.
import { describe, expect, it } from 'vitest';
import { lintWording } from '../../../src/documents/check-templates.js';
import { documentDefinition } from '../../../src/documents/document-registry.js';
import { normalizeCaseCause } from '../../../src/documents/helpers/case-cause.js';
import { textOf } from './kinds/render-kind.js';

describe('案由', () => {
  it.each([
    ['违法处理个人信息案', '涉嫌违法处理个人信息'],
    ['违法处理个人信息一案', '涉嫌违法处理个人信息'],
    ['涉嫌未履行个人信息保护义务', '涉嫌未履行个人信息保护义务'],
    ['  未履行个人信息保护义务案件 ', '涉嫌未履行个人信息保护义务'],
  ])('%s → %s', (stored, printed) => {
    expect(normalizeCaseCause(stored)).toBe(printed);
  });

  it('a cause stored with a trailing 案 prints 「涉嫌…一案」 in the notice, never 「案一案」', async () => {
    for (const kind of ['PRE_PENALTY_NOTICE', 'PENALTY_DECISION', 'HEARING_NOTICE'] as const) {
      const sample = documentDefinition(kind).sampleInput;
      const text = await textOf(kind, {
        ...sample,
        case: { ...sample.case, cause: '违法处理个人信息案' },
      });
      expect(text, kind).toContain('涉嫌违法处理个人信息一案');
      expect(text, kind).not.toContain('案一案');
      expect(lintWording(text), kind).toEqual([]);
    }
  });
});

describe('templates:check wording lint', () => {
  it('flags doubled words and unresolved alternatives, and passes clean text', () => {
    expect(lintWording('对你单位违法处理个人信息案一案立案调查').map((p) => p.kind)).toEqual([
      'WORDING_DOUBLED',
    ]);
    expect(lintWording('送达时间送达时间：2026年').map((p) => p.kind)).toEqual(['WORDING_DOUBLED']);
    expect(lintWording('依法采取查封（扣押）措施').map((p) => p.kind)).toEqual([
      'WORDING_UNRESOLVED_ALTERNATIVE',
    ]);
    expect(lintWording('对你单位涉嫌违法处理个人信息一案立案调查，北京某某科技有限公司')).toEqual(
      [],
    );
  });
});
