/**
 * Legal numbers only in the rulebook: periods, rates and thresholds of statutes live in
 * src/procedure (rulebook.ts, with citation and status) and everything else reads them from
 * rulebookFor(actDate). This test looks for such numbers written as literals elsewhere in src/
 * and in templates/: named constants (*_DAYS, *_RATE…), fields (…Days: 15, …Percent: 3) and
 * wording (十五日内, 3%, 六个月, 百分之三). Each allowed hit carries its reason.
 */
import { describe, expect, it } from 'vitest';
import { lineOf, repoFiles } from './repo-files.js';

const PATTERNS: readonly (readonly [string, RegExp])[] = [
  [
    'named constant',
    /\b[A-Z][A-Z0-9_]*_(?:DAYS|MONTHS|YEARS|HOURS|RATE|PERCENT|YUAN)\s*=\s*\d[\d_]*/g,
  ],
  ['numeric field', /\b\w*(?:Days|Months|Years|Percent\w*|Rate)\s*:\s*\d[\d_]*/g],
  ['period value', /\blength:\s*\d+,\s*unit:/g],
  [
    'Arabic period or rate',
    /(?<![\d年月.,-])\d[\d,]*\s*(?:个工作日|工作日|日内|日后|天|个月|%|％)/g,
  ],
  ['Chinese period', /[一二三四五六七八九十百两]+(?:个工作日|日内|日后|日|天|个月)/g],
  ['Chinese rate', /百分之[一二三四五六七八九十百]+/g],
];

/** [file, matched text, reason]: literals that are no statute number, or not ours to fix yet. */
const ALLOWED: readonly (readonly [RegExp, RegExp, string])[] = [
  [
    /^src\/calendar-data\/provisional-years\.ts$/,
    /HORIZON_YEARS/,
    'how far ahead provisional calendar years are made: operations, not law',
  ],
  [/^src\/graphiql\.ts$/, /^100%$/, 'CSS height'],
  [
    /^src\/documents\/helpers\/helper-registry\.ts$/,
    /五个工作日/,
    'usage example of the chineseNumeral helper',
  ],
  [
    /^src\/demo\//,
    /三十日内/,
    'demo content: the correction period the demo office set for its party',
  ],
  [/^src\/demo\//, /^3%$/, 'comment showing the demo surcharge arithmetic'],
  [/./, /^一日$/, '期限最后一日: the last day of a period, not a length'],
  [
    /^src\/documents\/kinds\/no-penalty-decision\.model\.ts$/,
    /六日内/,
    'sample facts: the party corrected within six days',
  ],
];

interface Hit {
  readonly file: string;
  readonly line: number;
  readonly kind: string;
  readonly text: string;
}

function legalNumberHits(): Hit[] {
  return repoFiles(['src', 'templates'], ['.ts', '.hbs'])
    .filter((f) => !f.path.startsWith('src/procedure/'))
    .flatMap((f) =>
      PATTERNS.flatMap(([kind, pattern]) =>
        [...f.text.matchAll(pattern)].map((m) => ({
          file: f.path,
          line: lineOf(f.text, m.index),
          kind,
          text: m[0],
        })),
      ),
    );
}

const allowed = (hit: Hit) =>
  ALLOWED.some(([file, text]) => file.test(hit.file) && text.test(hit.text));

describe('legal numbers live only in the rulebook (src/procedure)', () => {
  const hits = legalNumberHits();

  it('finds no period, rate or threshold literal outside src/procedure', () => {
    expect(
      hits.filter((h) => !allowed(h)).map((h) => `${h.file}:${h.line} ${h.kind}: ${h.text}`),
    ).toEqual([]);
  });

  it('recognises the shapes it looks for', () => {
    const probe = (text: string) => PATTERNS.some(([, p]) => new RegExp(p.source).test(text));
    [
      'const PAYMENT_DAYS = 15',
      'reconsiderationDays: 60',
      '十五日内',
      '3%',
      '六个月',
      '百分之三',
    ].forEach((text) => expect(probe(text), text).toBe(true));
    ['2021年7月15日', 'amountYuan: 500000', '第六十四条'].forEach((text) =>
      expect(probe(text), text).toBe(false),
    );
  });

  it('keeps every allowed hit justified and in use', () => {
    ALLOWED.forEach(([, , reason]) => expect(reason.length).toBeGreaterThan(0));
    ALLOWED.filter(([file]) => file.source !== '.').forEach(([file, text, reason]) =>
      expect(
        hits.some((h) => file.test(h.file) && text.test(h.text)),
        `unused allow-list entry: ${reason}`,
      ).toBe(true),
    );
  });
});
