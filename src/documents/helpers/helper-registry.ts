/**
 * The whitelist of template helpers. Templates compile with knownHelpersOnly, and the analyser
 * refuses any other name, so this table is the complete formatting vocabulary of legal staff.
 * Each helper is pure and throws TypeError/RangeError on a bad argument; the template engine
 * turns that into TEMPLATE_VALUE_INVALID naming the model path, and escapes text results.
 */
import { chineseNumeral, formatCitation, type LegalBasis } from '../../procedure/legal-basis.js';
import { amountInCapitals } from './amount-in-capitals.js';
import { formatDocumentDate } from './document-date.js';
import { formatAmountInFigures } from './money.js';
import { headingOrdinal, subheadingOrdinal } from './ordinals.js';

/** text: result is printed; number: may be printed or passed on; predicate: only inside (…). */
export type HelperKind = 'text' | 'number' | 'predicate';

export interface HelperDefinition {
  readonly arity: number;
  readonly kind: HelperKind;
  /** One line for docs/document-markup.md and error messages. */
  readonly usage: string;
  readonly fn: (...args: readonly unknown[]) => string | number | boolean;
}

function expectString(value: unknown, what: string): string {
  if (typeof value !== 'string') {
    throw new TypeError(`${what} must be a string, got ${describe(value)}`);
  }
  return value;
}

function expectInteger(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`${what} must be an integer, got ${describe(value)}`);
  }
  return value;
}

function expectAmount(value: unknown): number | string {
  if (typeof value !== 'number' && typeof value !== 'string') {
    throw new TypeError(
      `an amount must be a number or a decimal string of yuan, got ${describe(value)}`,
    );
  }
  return value;
}

function describe(value: unknown): string {
  if (value === null) {
    return 'null';
  }
  if (Array.isArray(value)) {
    return 'a list';
  }
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

function isLegalBasis(value: unknown): value is LegalBasis {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const candidate = value as Partial<Record<keyof LegalBasis, unknown>>;
  const optionalInteger = (v: unknown) =>
    v === undefined || v === null || (typeof v === 'number' && Number.isInteger(v));
  return (
    typeof candidate.law === 'string' &&
    typeof candidate.article === 'number' &&
    Number.isInteger(candidate.article) &&
    optionalInteger(candidate.paragraph) &&
    optionalInteger(candidate.item)
  );
}

function cite(value: unknown): string {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || !list.every(isLegalBasis)) {
    throw new TypeError(
      'citation needs a legal basis { law, article, paragraph?, item? } or a non-empty list of them',
    );
  }
  // Models built from JSON may carry null for an absent paragraph/item.
  return list
    .map((basis) =>
      formatCitation({
        ...basis,
        paragraph: basis.paragraph ?? undefined,
        item: basis.item ?? undefined,
      }),
    )
    .join('、');
}

export const HELPER_DEFINITIONS = {
  formatDate: {
    arity: 1,
    kind: 'text',
    usage: "{{formatDate decision_date}} — '2026-11-22' → 2026年11月22日 (GB/T 9704 成文日期)",
    fn: (value) => formatDocumentDate(expectString(value, 'a date')),
  },
  amountInFigures: {
    arity: 1,
    kind: 'text',
    usage: '{{amountInFigures fine_amount}} — 50000 → 50,000.00元',
    fn: (value) => formatAmountInFigures(expectAmount(value)),
  },
  amountInCapitals: {
    arity: 1,
    kind: 'text',
    usage: '{{amountInCapitals fine_amount}} — 50000 → 人民币伍万元整',
    fn: (value) => amountInCapitals(expectAmount(value)),
  },
  citation: {
    arity: 1,
    kind: 'text',
    usage:
      '{{citation legal_basis}} — → 《中华人民共和国行政处罚法》第五十九条 (a list is joined with 、)',
    fn: (value) => cite(value),
  },
  ordinal: {
    arity: 1,
    kind: 'text',
    usage: '{{ordinal 2}} — → 二、 (level-1 heading number)',
    fn: (value) => headingOrdinal(expectInteger(value, 'an ordinal')),
  },
  subOrdinal: {
    arity: 1,
    kind: 'text',
    usage: '{{subOrdinal 2}} — → （二） (level-2 heading number)',
    fn: (value) => subheadingOrdinal(expectInteger(value, 'an ordinal')),
  },
  chineseNumeral: {
    arity: 1,
    kind: 'text',
    usage: '{{chineseNumeral statement_days}} — 5 → 五 (as in 五个工作日)',
    fn: (value) => chineseNumeral(expectInteger(value, 'a number')),
  },
  inc: {
    arity: 1,
    kind: 'number',
    usage: '{{inc @index}} — 0 → 1 (1-based numbering inside #each)',
    fn: (value) => expectInteger(value, 'inc argument') + 1,
  },
  eq: {
    arity: 2,
    kind: 'predicate',
    usage: '{{#if (eq party.kind "ORGANIZATION")}} — strict equality of two values',
    fn: (left, right) => left === right,
  },
} as const satisfies Readonly<Record<string, HelperDefinition>>;

export type HelperName = keyof typeof HELPER_DEFINITIONS;

export function isHelperName(name: string): name is HelperName {
  return Object.hasOwn(HELPER_DEFINITIONS, name);
}

/** Helper names, for Handlebars' knownHelpers option. */
export const HELPER_NAMES: readonly HelperName[] = Object.keys(HELPER_DEFINITIONS) as HelperName[];
