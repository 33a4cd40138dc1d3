import { describe, expect, it } from 'vitest';
import {
  findInvalidCharacter,
  findInvalidText,
  findInvalidTexts,
  invalidTextError,
} from '../../../src/schema/text-validation.js';

describe('findInvalidText', () => {
  it('allows newlines (\\n and \\r\\n) only in paragraph fields, and names list items by index', () => {
    expect(
      findInvalidText({ input: { facts: ['第一段\n第二段', '甲\r\n乙'] } }, []),
    ).toBeUndefined();
    expect(findInvalidText({ input: { reason: '理由一\n理由二' } }, [])).toBeUndefined();
    expect(findInvalidText({ input: { facts: ['好', '坏\r'] } }, [])).toEqual({
      path: 'input.facts[1]',
      reason: 'CONTROL_CHARACTER',
      codePoint: 'U+000D',
    });
    expect(findInvalidText({ input: { party: { name: '甲\n乙' } } }, [])).toEqual({
      path: 'input.party.name',
      reason: 'NEWLINE_IN_SINGLE_LINE_FIELD',
      codePoint: 'U+000A',
    });
  });

  it('accepts pairs outside the BMP, tabs nowhere, and skips dates and numbers', () => {
    expect(findInvalidCharacter('𠮷野家😀', false)).toBeUndefined();
    expect(findInvalidCharacter('甲\t乙', true)).toEqual({
      reason: 'CONTROL_CHARACTER',
      codePoint: 'U+0009',
    });
    expect(findInvalidText({ on: new Date(0), n: 3, ok: true, none: null }, [])).toBeUndefined();
    expect(findInvalidCharacter('\u{10FFFE}', false)).toEqual({
      reason: 'NONCHARACTER',
      codePoint: 'U+10FFFE',
    });
    expect(findInvalidCharacter('\uFDD0', false)?.reason).toBe('NONCHARACTER');
    expect(findInvalidCharacter('\uDC00甲', false)?.reason).toBe('LONE_SURROGATE');
    expect(findInvalidCharacter('\u007F', false)?.reason).toBe('CONTROL_CHARACTER');
    expect(findInvalidCharacter('\u202A', false)?.reason).toBe('BIDI_CONTROL');
    expect(findInvalidCharacter('\u2069', false)?.reason).toBe('BIDI_CONTROL');
  });

  it('makes a typed BAD_USER_INPUT error naming the field', () => {
    const error = invalidTextError({
      path: 'input.name',
      reason: 'NONCHARACTER',
      codePoint: 'U+FFFE',
    });
    expect(error.code).toBe('INVALID_TEXT');
    expect(error.category).toBe('BAD_USER_INPUT');
    expect(error.details).toMatchObject({ field: 'input.name', codePoint: 'U+FFFE' });
    expect(error.message).toContain('input.name');
    expect(error.inputPath).toBe('input.name');
  });

  it('finds every invalid text of the arguments, each by its input path', () => {
    expect(
      findInvalidTexts(
        { input: { title: '甲\n乙', penalties: [{ note: '好' }, { note: '坏\u202E' }] } },
        [],
      ).map((t) => t.path),
    ).toEqual(['input.title', 'input.penalties[1].note']);
  });
});
