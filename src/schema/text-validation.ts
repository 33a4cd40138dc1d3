/**
 * Text validation of every GraphQL input, once, for all resolvers (a type-graphql global
 * middleware). A character that cannot stand in a WordprocessingML document or that changes how
 * a name reads is refused with INVALID_TEXT naming the input path, before anything is written:
 * - U+FFFE, U+FFFF and the other noncharacters (invalid XML: one in a party name made every
 *   .docx of the case unreadable, a documents review);
 * - C0 controls (NUL included) and DEL, C1 controls: silently dropped by the docx library, so the
 *   printed text would differ from the stored one;
 * - lone surrogates (replaced by U+FFFD on output);
 * - bidi overrides and isolates U+202A–U+202E, U+2066–U+2069 (they visually reorder a name).
 * A newline (\n, or \r\n) is allowed only in fields meant for paragraphs (PARAGRAPH_FIELDS); in a
 * single-line field (name, address, 案由) it would break the printed line.
 */
import type { MiddlewareFn } from 'type-graphql';
import { ValidationError } from '../errors/domain-error.js';
import { inputPath } from '../errors/input-errors.js';

/** Input fields whose text is printed as paragraphs: facts, statements, reasons, opinions… */
export const PARAGRAPH_FIELDS: ReadonlySet<string> = new Set([
  'facts',
  'reasons',
  'reason',
  'discretion',
  'statement',
  'description',
  'conclusion',
  'opinion',
  'reasonAndProcess',
  'refusalReason',
  'lateServiceReason',
  'lateHandlingReason',
  'lateDecisionReason',
  'statementSummary',
  'statementReview',
  'statementAdoption',
  'summary',
  'noPenaltyExplanation',
  'jurisdictionExplanation',
  'education',
  'correction',
]);

export type InvalidTextReason =
  | 'NONCHARACTER'
  | 'CONTROL_CHARACTER'
  | 'LONE_SURROGATE'
  | 'BIDI_CONTROL'
  | 'NEWLINE_IN_SINGLE_LINE_FIELD';

export interface InvalidText {
  /** Input path, e.g. 'input.party.name' or 'input.evidence[2].title'. */
  readonly path: string;
  readonly reason: InvalidTextReason;
  /** The offending code point as U+XXXX. */
  readonly codePoint: string;
}

const REASON_TEXT: Readonly<Record<InvalidTextReason, string>> = {
  NONCHARACTER: '非字符（如 U+FFFE、U+FFFF），会使生成的文书文件损坏',
  CONTROL_CHARACTER: '控制字符（含 NUL）',
  LONE_SURROGATE: '不成对的代理码元（无效的 Unicode 文本）',
  BIDI_CONTROL: '双向文字控制符，会改变文字的显示顺序',
  NEWLINE_IN_SINGLE_LINE_FIELD: '换行符（该字段只允许单行文字）',
};

function hex(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The first character of `text` not allowed in a field (undefined when the text is clean). */
export function findInvalidCharacter(
  text: string,
  allowNewlines: boolean,
): Omit<InvalidText, 'path'> | undefined {
  for (let i = 0; i < text.length; i += 1) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdfff) {
      const next = text.charCodeAt(i + 1);
      if (unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        const code = text.codePointAt(i)!;
        if ((code & 0xfffe) === 0xfffe) {
          return { reason: 'NONCHARACTER', codePoint: hex(code) };
        }
        i += 1;
        continue;
      }
      return { reason: 'LONE_SURROGATE', codePoint: hex(unit) };
    }
    if (unit === 0x0a || (unit === 0x0d && text.charCodeAt(i + 1) === 0x0a)) {
      if (!allowNewlines) {
        return { reason: 'NEWLINE_IN_SINGLE_LINE_FIELD', codePoint: hex(unit) };
      }
      continue;
    }
    if (unit < 0x20 || (unit >= 0x7f && unit <= 0x9f)) {
      return { reason: 'CONTROL_CHARACTER', codePoint: hex(unit) };
    }
    if ((unit >= 0x202a && unit <= 0x202e) || (unit >= 0x2066 && unit <= 0x2069)) {
      return { reason: 'BIDI_CONTROL', codePoint: hex(unit) };
    }
    if (unit === 0xfffe || unit === 0xffff || (unit >= 0xfdd0 && unit <= 0xfdef)) {
      return { reason: 'NONCHARACTER', codePoint: hex(unit) };
    }
  }
  return undefined;
}

/**
 * Walks an argument value (strings, lists, input objects) and returns every invalid text (the
 * first invalid character of each string). Newlines are allowed when the nearest field name is
 * a PARAGRAPH_FIELDS entry (list items inherit their list's field name).
 */
export function findInvalidTexts(
  value: unknown,
  path: readonly (string | number)[],
): InvalidText[] {
  if (typeof value === 'string') {
    const field = [...path].reverse().find((p): p is string => typeof p === 'string');
    const found = findInvalidCharacter(value, field !== undefined && PARAGRAPH_FIELDS.has(field));
    return found ? [{ path: inputPath(path), ...found }] : [];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, i) => findInvalidTexts(item, [...path, i]));
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, inner]) => findInvalidTexts(inner, [...path, key]));
  }
  return [];
}

/** The first invalid text of an argument value (undefined when all text is clean). */
export function findInvalidText(
  value: unknown,
  path: readonly (string | number)[],
): InvalidText | undefined {
  return findInvalidTexts(value, path)[0];
}

export function invalidTextError(invalid: InvalidText): ValidationError {
  return ValidationError.field(
    'INVALID_TEXT',
    invalid.path,
    `字段 ${invalid.path} 含有不允许的字符 ${invalid.codePoint}：${REASON_TEXT[invalid.reason]}`,
    { reason: invalid.reason, codePoint: invalid.codePoint },
  );
}

/** Global middleware: every field's arguments are checked before its resolver runs (all at once). */
export const ValidateTextArguments: MiddlewareFn = async ({ args }, next) => {
  if (args && Object.keys(args).length > 0) {
    const invalid = findInvalidTexts(args, []);
    if (invalid.length > 0) {
      throw ValidationError.all(invalid.map(invalidTextError));
    }
  }
  return next();
};
