import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../../../src/procedure/local-date.js';
import type { PenaltyKind } from '../../../../src/procedure/penalty-kind.js';
import {
  PENALTY_PROVISIONS_SEED as SEED,
  findProvision,
  validateCatalog,
  validateProvision,
  type PenaltyProvision,
  type Sanction,
} from '../../../../src/procedure/provisions/index.js';

function get(id: string): PenaltyProvision {
  const p = findProvision(SEED, id);
  if (!p) {
    throw new Error(`seed row missing: ${id}`);
  }
  return p;
}

const base = get('CSL2016-59-1-REFUSAL');
const codesOf = (p: PenaltyProvision): string[] => validateProvision(p).map((e) => e.code);
const fineSanction = (fine: Sanction['fine']): Sanction => ({
  kind: 'FINE',
  measureZh: '罚款',
  mandatory: true,
  fine,
});

describe('validateProvision (admin edits of the catalog)', () => {
  it('accepts a seeded row (CSL 2016 art. 59(1), refusal tier)', () => {
    expect(validateProvision(base)).toEqual([]);
  });

  it('refuses a fine range whose minimum exceeds its maximum', () => {
    const p = {
      ...base,
      partySanctions: [fineSanction({ basis: 'FIXED', minYuan: 100_001, maxYuan: 100_000 })],
    };
    expect(validateProvision(p)).toEqual([
      expect.objectContaining({
        code: 'RANGE_MIN_ABOVE_MAX',
        field: 'partySanctions[0].fine',
        provisionId: base.id,
      }),
    ]);
  });

  it('refuses negative amounts, a zero cap, multiples out of order and a percentage over 100', () => {
    expect(
      codesOf({
        ...base,
        partySanctions: [fineSanction({ basis: 'FIXED', minYuan: -1, maxYuan: 10 })],
      }),
    ).toEqual(['RANGE_INVALID']);
    expect(
      codesOf({
        ...base,
        partySanctions: [fineSanction({ basis: 'FIXED', minYuan: 0, maxYuan: 0 })],
      }),
    ).toEqual(['RANGE_INVALID']);
    expect(
      codesOf({
        ...base,
        partySanctions: [
          fineSanction({ basis: 'MULTIPLE_OF_ILLEGAL_GAINS', minMultiple: 10, maxMultiple: 1 }),
        ],
      }),
    ).toEqual(['RANGE_MIN_ABOVE_MAX']);
    expect(
      codesOf({
        ...base,
        partySanctions: [
          fineSanction({ basis: 'PERCENT_OF_PRIOR_YEAR_TURNOVER', maxPercent: 120 }),
        ],
      }),
    ).toEqual(['RANGE_INVALID']);
  });

  it('refuses a fine without a range and a range on a non-fine kind', () => {
    expect(
      codesOf({ ...base, partySanctions: [{ kind: 'FINE', measureZh: '罚款', mandatory: true }] }),
    ).toEqual(['FINE_RANGE_MISSING']);
    const warningWithRange: Sanction = {
      kind: 'WARNING',
      measureZh: '警告',
      mandatory: true,
      fine: { basis: 'FIXED', minYuan: 0, maxYuan: 1 },
    };
    expect(codesOf({ ...base, partySanctions: [warningWithRange] })).toEqual(['RANGE_ON_NON_FINE']);
  });

  it('refuses an unknown kind such as administrative detention (APL art. 9; not a CAC penalty)', () => {
    const detention = {
      kind: 'ADMINISTRATIVE_DETENTION' as PenaltyKind,
      measureZh: '行政拘留',
      mandatory: false,
    };
    expect(codesOf({ ...base, partySanctions: [...base.partySanctions, detention] })).toEqual([
      'KIND_INVALID',
    ]);
  });

  it('refuses an effective period ending before it starts, and malformed dates', () => {
    expect(codesOf({ ...base, validTo: '2017-05-31' as LocalDate })).toEqual([
      'PERIOD_NOT_ORDERED',
    ]);
    expect(codesOf({ ...base, validFrom: '2017-02-30' as LocalDate })).toEqual([
      'PERIOD_DATE_INVALID',
    ]);
  });

  it('requires a complete citation and a source', () => {
    expect(codesOf({ ...base, law: '' })).toEqual(['CITATION_INCOMPLETE']);
    expect(codesOf({ ...base, law: '《中华人民共和国网络安全法》' })).toEqual([
      'CITATION_INCOMPLETE',
    ]);
    expect(codesOf({ ...base, article: 0 })).toEqual(['CITATION_INCOMPLETE']);
    expect(codesOf({ ...base, paragraph: undefined, item: 2 })).toEqual(['CITATION_INCOMPLETE']);
    expect(codesOf({ ...base, source: ' ' })).toEqual(['SOURCE_MISSING']);
    expect(codesOf({ ...base, id: 'csl 59' })).toEqual(['ID_INVALID']);
  });

  it('refuses two alternative fines on the same basis, and a referral carrying its own penalties', () => {
    const twoFixed = [
      fineSanction({ basis: 'FIXED', minYuan: 0, maxYuan: 10 }),
      fineSanction({ basis: 'FIXED', minYuan: 0, maxYuan: 20 }),
    ];
    expect(codesOf({ ...base, partySanctions: twoFixed })).toEqual(['ALTERNATIVE_FINES_AMBIGUOUS']);
    expect(codesOf({ ...get('CSL2025-71-1-2'), partySanctions: base.partySanctions })).toEqual([
      'REFERRAL_WITH_OWN_PENALTIES',
    ]);
  });

  it('requires a responsible-person scope when responsible persons are fined', () => {
    expect(codesOf({ ...base, responsiblePersonScope: undefined })).toEqual([
      'RESPONSIBLE_PERSON_SCOPE_INVALID',
    ]);
  });

  it('reports several errors of one edit at once', () => {
    const broken: PenaltyProvision = {
      ...base,
      law: '',
      source: '',
      validTo: '2016-01-01' as LocalDate,
      partySanctions: [fineSanction({ basis: 'FIXED', minYuan: 9, maxYuan: 1 })],
    };
    expect(codesOf(broken)).toEqual([
      'CITATION_INCOMPLETE',
      'SOURCE_MISSING',
      'PERIOD_NOT_ORDERED',
      'RANGE_MIN_ABOVE_MAX',
    ]);
  });
});

describe('validateCatalog', () => {
  it('finds duplicate ids', () => {
    const alone = { ...base, successors: undefined };
    expect(validateCatalog([alone, alone]).map((e) => e.code)).toEqual(['ID_DUPLICATE']);
  });

  it('requires concordance links to resolve to a later version of the same law', () => {
    const dangling = {
      ...base,
      successors: { provisionIds: ['CSL2025-99'], relation: 'AMENDED' as const, noteZh: '—' },
    };
    expect(validateCatalog([dangling]).map((e) => e.code)).toEqual(['CONCORDANCE_INVALID']);
    const backwards = {
      ...get('CSL2025-61-1-REFUSAL'),
      successors: { provisionIds: [base.id], relation: 'AMENDED' as const, noteZh: '—' },
    };
    expect(
      validateCatalog([{ ...base, successors: undefined }, backwards]).map((e) => e.code),
    ).toEqual(['CONCORDANCE_INVALID']);
  });
});
