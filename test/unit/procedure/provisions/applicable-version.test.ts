import { describe, expect, it } from 'vitest';
import { apl } from '../../../../src/procedure/legal-basis.js';
import { localDate } from '../../../../src/procedure/local-date.js';
import {
  PENALTY_PROVISIONS_SEED as SEED,
  checkProposedPenalties,
  chooseApplicableProvision,
  compareSeverity,
  findProvision,
  type PenaltyCheckContext,
  type PenaltyProvision,
  type ProposedPenalty,
} from '../../../../src/procedure/provisions/index.js';

function get(id: string, catalog: readonly PenaltyProvision[] = SEED): PenaltyProvision {
  const p = findProvision(catalog, id);
  if (!p) {
    throw new Error(`row missing: ${id}`);
  }
  return p;
}

const d = localDate;
const ACT_2025 = d('2025-12-31'); // last day of CSL 2016
const ACT_2026 = d('2026-01-01'); // first day of CSL 2025
const DECIDED_2026 = d('2026-03-16');

const ctx = (actDate: string, decisionDate: string = DECIDED_2026): PenaltyCheckContext => ({
  actDate: d(actDate),
  decisionDate: d(decisionDate),
  officeLevel: 'PROVINCIAL',
  partyKind: 'ORGANIZATION',
  illegalGains: 0,
  // The 拒不改正 tiers compared here rest on an order found not complied with (APL art. 28(1)).
  correctionOrderUnmet: true,
});
const fine = (provisionId: string, amountYuan: number): ProposedPenalty => ({
  kind: 'FINE',
  amountYuan,
  provisionId,
  target: 'PARTY',
});

describe('APL art. 37 with the CSL 2016 → 2025 amendment (in force 2026-01-01)', () => {
  it('act on 2025-12-31 decided in 2026: CSL 2016 art. 59(1) applies, the 2025 text is heavier', () => {
    const choice = chooseApplicableProvision(ACT_2025, DECIDED_2026, [
      get('CSL2016-59-1-REFUSAL'),
      get('CSL2025-61-1-REFUSAL'),
    ]);
    expect(choice.outcome).toBe('APPLY');
    if (choice.outcome !== 'APPLY') {
      return;
    }
    expect(choice.provision.id).toBe('CSL2016-59-1-REFUSAL');
    expect(choice.rule).toBe('IN_FORCE_AT_ACT');
    expect(choice.comparison?.verdict).toBe('HEAVIER');
    expect(choice.legalReviewRecommended).toBe(false);
    expect(choice.legalBasis).toContainEqual(apl(37));
    expect(choice.explanationZh).toContain(
      '《中华人民共和国网络安全法》（2016年）第五十九条第一款',
    );
    expect(choice.explanationZh).toContain(
      '《中华人民共和国网络安全法》（2025年修正）第六十一条第一款',
    );
    expect(choice.explanationZh).toContain('新规定处罚较重');
  });

  it('act on 2025-12-31: citing CSL 2016 art. 59(1) passes with the 2016 range (¥10,000 – ¥100,000)', () => {
    expect(
      checkProposedPenalties([fine('CSL2016-59-1-REFUSAL', 100_000)], ctx(ACT_2025), SEED),
    ).toEqual([]);
    expect(
      checkProposedPenalties([fine('CSL2016-59-1-REFUSAL', 100_001)], ctx(ACT_2025), SEED).map(
        (v) => v.code,
      ),
    ).toEqual(['FINE_ABOVE_MAXIMUM']);
  });

  it('act on 2025-12-31: citing CSL 2025 art. 61(1) is refused (not in force at the act, not lighter)', () => {
    const [v, ...rest] = checkProposedPenalties(
      [fine('CSL2025-61-1-REFUSAL', 400_000)],
      ctx(ACT_2025),
      SEED,
    );
    expect(rest).toEqual([]);
    expect(v).toMatchObject({
      code: 'PROVISION_NOT_IN_FORCE_AT_ACT',
      details: {
        provisionId: 'CSL2025-61-1-REFUSAL',
        validFrom: '2026-01-01',
        provisionsInForceAtAct: ['CSL2016-59-1-REFUSAL'],
      },
    });
    expect(v?.legalBasis).toContainEqual(apl(37));
  });

  it('act on 2026-01-01: CSL 2025 art. 61(1) applies and CSL 2016 art. 59(1) is refused', () => {
    expect(
      checkProposedPenalties([fine('CSL2025-61-1-REFUSAL', 500_000)], ctx(ACT_2026), SEED),
    ).toEqual([]);
    expect(
      checkProposedPenalties([fine('CSL2016-59-1-REFUSAL', 100_000)], ctx(ACT_2026), SEED).map(
        (v) => v.code,
      ),
    ).toEqual(['PROVISION_NOT_IN_FORCE_AT_ACT']);
  });

  it('CSL 2025 art. 63 (new offence) cannot punish an act of 2025', () => {
    const choice = chooseApplicableProvision(d('2025-11-01'), DECIDED_2026, [get('CSL2025-63')]);
    expect(choice).toMatchObject({ outcome: 'NOT_PUNISHABLE', rule: 'NO_PROVISION_AT_ACT' });
    const result = checkProposedPenalties(
      [fine('CSL2025-63', 50_000), { kind: 'WARNING', provisionId: 'CSL2025-63', target: 'PARTY' }],
      ctx('2025-11-01'),
      SEED,
    );
    expect(result.map((v) => v.code)).toEqual(['PROVISION_NOT_IN_FORCE_AT_ACT']);
  });

  it('CSL 2016 art. 60 → 2025 art. 62(1): same penalties, the law at the act applies', () => {
    const choice = chooseApplicableProvision(ACT_2025, DECIDED_2026, [
      get('CSL2016-60-REFUSAL'),
      get('CSL2025-62-1-REFUSAL'),
    ]);
    expect(choice).toMatchObject({
      outcome: 'APPLY',
      rule: 'IN_FORCE_AT_ACT',
      comparison: { verdict: 'SAME' },
    });
  });

  it('CSL 2016 art. 68(1) → 2025 art. 69(1) is heavier; dropping the confiscation wording does not count (APL art. 28(2))', () => {
    expect(compareSeverity(get('CSL2025-69-1'), get('CSL2016-68-1')).verdict).toBe('HEAVIER');
    expect(compareSeverity(get('CSL2025-69-1-REFUSAL'), get('CSL2016-68-1-REFUSAL')).verdict).toBe(
      'HEAVIER',
    );
  });

  it('CSL 2016 art. 64(1) → referral in 2025 art. 71(1)(ii): not "no longer unlawful"; 2016 applies, legal review advised', () => {
    const choice = chooseApplicableProvision(ACT_2025, DECIDED_2026, [
      get('CSL2016-64-1'),
      get('CSL2025-71-1-2'),
    ]);
    expect(choice).toMatchObject({
      outcome: 'APPLY',
      rule: 'IN_FORCE_AT_ACT',
      legalReviewRecommended: true,
      comparison: { verdict: 'NOT_COMPARABLE' },
    });
    const penalties: ProposedPenalty[] = [
      { kind: 'WARNING', provisionId: 'CSL2016-64-1', target: 'PARTY' },
    ];
    expect(checkProposedPenalties(penalties, ctx(ACT_2025), SEED)).toEqual([]);
  });

  it('CSL 2016 art. 69 split into 2025 arts. 69 and 70: ambiguous until the matching new article is named', () => {
    const choice = chooseApplicableProvision(ACT_2025, DECIDED_2026, [
      get('CSL2016-69'),
      get('CSL2025-69-1-REFUSAL'),
      get('CSL2025-70'),
    ]);
    expect(choice).toMatchObject({
      outcome: 'AMBIGUOUS',
      provisionIds: ['CSL2025-69-1-REFUSAL', 'CSL2025-70'],
    });
    const narrowed = chooseApplicableProvision(ACT_2025, DECIDED_2026, [
      get('CSL2016-69'),
      get('CSL2025-70'),
    ]);
    expect(narrowed).toMatchObject({ outcome: 'APPLY', comparison: { verdict: 'SAME' } });
  });

  it('a law unchanged between act and decision applies without comparison (PIPL art. 66)', () => {
    const choice = chooseApplicableProvision(d('2022-05-01'), d('2024-02-01'), [
      get('PIPL-66-1-REFUSAL'),
    ]);
    expect(choice).toMatchObject({
      outcome: 'APPLY',
      rule: 'IN_FORCE_AT_ACT',
      legalReviewRecommended: false,
    });
  });

  it('an act before a law took effect (PIPL, 2021-11-01) is not punishable under it', () => {
    expect(
      chooseApplicableProvision(d('2021-10-31'), d('2022-03-01'), [get('PIPL-66-1')]),
    ).toMatchObject({
      outcome: 'NOT_PUNISHABLE',
      rule: 'NO_PROVISION_AT_ACT',
    });
  });
});

describe('APL art. 37 second sentence: the newer rule applies when lighter (从轻)', () => {
  // Hypothetical amendment lowering CSL 2016 art. 59(1)'s refusal-tier cap: no real 2025 row is lighter.
  const old = get('CSL2016-59-1-REFUSAL');
  const lighter: PenaltyProvision = {
    ...get('CSL2025-61-1-REFUSAL'),
    id: 'CSL2025-61-1-REFUSAL',
    partySanctions: [
      { kind: 'WARNING', measureZh: '给予警告', mandatory: false },
      {
        kind: 'FINE',
        measureZh: '处一万元以上八万元以下罚款',
        mandatory: true,
        fine: { basis: 'FIXED', minYuan: 10_000, maxYuan: 80_000 },
      },
    ],
    responsiblePersonScope: 'PERSON_IN_CHARGE_ONLY',
    responsiblePersonSanctions: [
      {
        kind: 'FINE',
        measureZh: '处五千元以上五万元以下罚款',
        mandatory: true,
        fine: { basis: 'FIXED', minYuan: 5_000, maxYuan: 50_000 },
      },
    ],
  };
  const catalog = SEED.map((p) => (p.id === lighter.id ? lighter : p));

  it('a lower maximum for the same kinds is lighter, and the newer provision is chosen', () => {
    const choice = chooseApplicableProvision(ACT_2025, DECIDED_2026, [old, lighter]);
    expect(choice).toMatchObject({
      outcome: 'APPLY',
      rule: 'LIGHTER_NEW_LAW',
      comparison: { verdict: 'LIGHTER' },
    });
    if (choice.outcome === 'APPLY') {
      expect(choice.provision.id).toBe('CSL2025-61-1-REFUSAL');
      expect(choice.explanationZh).toContain('新规定处罚较轻');
      expect(choice.explanationZh).toContain('适用新的规定');
    }
  });

  it('citing the old, heavier provision is refused; citing the lighter new one for an earlier act passes', () => {
    const [v] = checkProposedPenalties(
      [fine('CSL2016-59-1-REFUSAL', 50_000)],
      ctx(ACT_2025),
      catalog,
    );
    expect(v).toMatchObject({
      code: 'NEWER_LIGHTER_PROVISION_APPLIES',
      details: {
        provisionId: 'CSL2016-59-1-REFUSAL',
        applicableProvisionId: 'CSL2025-61-1-REFUSAL',
      },
    });
    expect(
      checkProposedPenalties([fine('CSL2025-61-1-REFUSAL', 80_000)], ctx(ACT_2025), catalog),
    ).toEqual([]);
    expect(
      checkProposedPenalties([fine('CSL2025-61-1-REFUSAL', 80_001)], ctx(ACT_2025), catalog).map(
        (v) => v.code,
      ),
    ).toEqual(['FINE_ABOVE_MAXIMUM']);
  });

  it('the newer rule is not applied before it takes effect: decided on 2025-12-31, the old one stands', () => {
    expect(
      checkProposedPenalties(
        [fine('CSL2016-59-1-REFUSAL', 50_000)],
        ctx('2025-06-01', '2025-12-31'),
        catalog,
      ),
    ).toEqual([]);
  });

  it('mixed changes (lower maximum, higher minimum) are not lighter: the old rule applies, legal review advised', () => {
    const mixed: PenaltyProvision = {
      ...lighter,
      partySanctions: [
        { kind: 'WARNING', measureZh: '给予警告', mandatory: false },
        {
          kind: 'FINE',
          measureZh: '处二万元以上八万元以下罚款',
          mandatory: true,
          fine: { basis: 'FIXED', minYuan: 20_000, maxYuan: 80_000 },
        },
      ],
    };
    const choice = chooseApplicableProvision(ACT_2025, DECIDED_2026, [old, mixed]);
    expect(choice).toMatchObject({
      outcome: 'APPLY',
      rule: 'IN_FORCE_AT_ACT',
      legalReviewRecommended: true,
      comparison: { verdict: 'NOT_COMPARABLE' },
    });
  });

  it('a new penalty kind is heavier; with a lower fine at the same time it is not comparable', () => {
    const closure = { kind: 'ORDER_TO_CLOSE' as const, measureZh: '关闭网站', mandatory: false };
    const sameFinePlusClosure: PenaltyProvision = {
      ...old,
      id: 'X-1',
      partySanctions: [...old.partySanctions, closure],
    };
    expect(compareSeverity(sameFinePlusClosure, old).verdict).toBe('HEAVIER');
    const lowerFinePlusClosure: PenaltyProvision = {
      ...lighter,
      partySanctions: [...lighter.partySanctions, closure],
    };
    expect(compareSeverity(lowerFinePlusClosure, old).verdict).toBe('NOT_COMPARABLE');
  });

  it('a recorded "no longer unlawful" relation makes the act not punishable after the change', () => {
    const repealed: PenaltyProvision = {
      ...old,
      successors: {
        provisionIds: ['CSL2025-61-1-REFUSAL'],
        relation: 'NO_LONGER_UNLAWFUL',
        noteZh: '假设：新法不再规定该义务',
      },
    };
    const choice = chooseApplicableProvision(ACT_2025, DECIDED_2026, [
      repealed,
      get('CSL2025-61-1-REFUSAL'),
    ]);
    expect(choice).toMatchObject({ outcome: 'NOT_PUNISHABLE', rule: 'NO_LONGER_UNLAWFUL' });
    const withRepeal = SEED.map((p) => (p.id === repealed.id ? repealed : p));
    const [v] = checkProposedPenalties([fine(repealed.id, 50_000)], ctx(ACT_2025), withRepeal);
    expect(v).toMatchObject({
      code: 'NEWER_LIGHTER_PROVISION_APPLIES',
      details: { rule: 'NO_LONGER_UNLAWFUL' },
    });
  });
});
