/**
 * Which version of a provision applies (从旧兼从轻): the one in force when the act occurred,
 * unless at decision time a newer one is lighter or no longer treats the act as unlawful.
 *
 * "Lighter" is defined conservatively, element by element, for the party and for the
 * responsible persons separately. The newer provision is LIGHTER only when nothing in it
 * is heavier and at least one element is lighter:
 * - heavier: a penalty kind added; a kind made mandatory; a new 必选其一 group; a fine bound
 *   (minimum or maximum, same basis and same illegal-gains branch) raised; the responsible
 *   persons widened from 主管人员 to all 直接责任人员.
 * - lighter: the reverse of each of those.
 * Confiscation of illegal gains is left out of the comparison: APL art. 28(2) requires it anyway.
 * Anything that cannot be compared element by element (different fine bases or branches,
 * a provision without penalties of its own such as a referral) is NOT_COMPARABLE; then the
 * law at the time of the act applies and legal review is recommended. Mixed changes (one
 * element lighter, another heavier) are NOT_COMPARABLE too, never LIGHTER.
 * A referral to other laws is not "no longer unlawful" (docs/penalty-provisions.md §11.2); that outcome
 * requires the concordance relation NO_LONGER_UNLAWFUL recorded by the legal team.
 *
 * Legal basis: 《中华人民共和国行政处罚法》第三十七条、第二十八条第二款 (V).
 */
import { apl, type LegalBasis } from '../legal-basis.js';
import type { LocalDate } from '../local-date.js';
import { PENALTY_KIND_NAMES, type PenaltyKind } from '../penalty-kind.js';
import {
  formatProvisionCitation,
  isInForce,
  provisionCitation,
  sanctionsFor,
  type FineRange,
  type PenaltyProvision,
  type Sanction,
} from './penalty-provision.js';

export type SeverityVerdict = 'LIGHTER' | 'SAME' | 'HEAVIER' | 'NOT_COMPARABLE';

export interface SeverityComparison {
  readonly olderId: string;
  readonly newerId: string;
  readonly verdict: SeverityVerdict;
  /** Each element found lighter, heavier or not comparable, in Chinese. */
  readonly reasonsZh: readonly string[];
}

type Target = 'PARTY' | 'RESPONSIBLE_PERSON';
const TARGET_ZH: Record<Target, string> = { PARTY: '当事人', RESPONSIBLE_PERSON: '直接责任人员' };

function rangeKey(s: Sanction): string {
  const c = s.gainsCondition;
  const cond = c === undefined ? 'ANY' : 'yuan' in c ? `${c.when}:${c.yuan}` : c.when;
  return `${s.fine?.basis ?? 'NONE'}|${cond}`;
}

/** [min, max] of a range in its own unit (yuan, multiple or percent). */
function bounds(r: FineRange): [number, number] {
  switch (r.basis) {
    case 'FIXED':
      return [r.minYuan, r.maxYuan];
    case 'MULTIPLE_OF_ILLEGAL_GAINS':
    case 'MULTIPLE_OF_PROCUREMENT_AMOUNT':
      return [r.minMultiple, r.maxMultiple];
    case 'PERCENT_OF_PRIOR_YEAR_TURNOVER':
      return [0, r.maxPercent];
  }
}

function unitZh(r: FineRange): string {
  return r.basis === 'FIXED' ? '元' : r.basis === 'PERCENT_OF_PRIOR_YEAR_TURNOVER' ? '%' : '倍';
}

function hasOwnPenalties(p: PenaltyProvision): boolean {
  return p.partySanctions.length > 0 || p.responsiblePersonSanctions.length > 0;
}

/** Element-by-element comparison of `newer` against `older` (see module comment). */
export function compareSeverity(
  newer: PenaltyProvision,
  older: PenaltyProvision,
): SeverityComparison {
  const lighter: string[] = [];
  const heavier: string[] = [];
  const incomparable: string[] = [];

  if (!hasOwnPenalties(newer) || !hasOwnPenalties(older)) {
    incomparable.push(
      !hasOwnPenalties(newer)
        ? `${newer.id}未设本条罚则（${newer.referralZh ?? newer.authorityZh}），须比较所转致规定的罚则`
        : `${older.id}未设本条罚则`,
    );
  } else {
    for (const target of ['PARTY', 'RESPONSIBLE_PERSON'] as const) {
      compareTarget(
        target,
        sanctionsFor(newer, target),
        sanctionsFor(older, target),
        lighter,
        heavier,
        incomparable,
      );
    }
    compareGroups(newer.requireOneOf ?? [], older.requireOneOf ?? [], lighter, heavier);
    if (
      newer.responsiblePersonSanctions.length > 0 &&
      older.responsiblePersonSanctions.length > 0 &&
      newer.responsiblePersonScope !== older.responsiblePersonScope
    ) {
      (newer.responsiblePersonScope === 'ALL_RESPONSIBLE_PERSONS' ? heavier : lighter).push(
        newer.responsiblePersonScope === 'ALL_RESPONSIBLE_PERSONS'
          ? '处罚对象由直接负责的主管人员扩大至其他直接责任人员'
          : '处罚对象缩小为直接负责的主管人员',
      );
    }
  }

  let verdict: SeverityVerdict;
  if (incomparable.length > 0 || (heavier.length > 0 && lighter.length > 0)) {
    verdict = 'NOT_COMPARABLE';
  } else if (heavier.length > 0) {
    verdict = 'HEAVIER';
  } else if (lighter.length > 0) {
    verdict = 'LIGHTER';
  } else {
    verdict = 'SAME';
  }
  return {
    olderId: older.id,
    newerId: newer.id,
    verdict,
    reasonsZh: [
      ...heavier.map((r) => `较重：${r}`),
      ...lighter.map((r) => `较轻：${r}`),
      ...incomparable.map((r) => `无法比较：${r}`),
    ],
  };
}

function compareTarget(
  target: Target,
  newer: readonly Sanction[],
  older: readonly Sanction[],
  lighter: string[],
  heavier: string[],
  incomparable: string[],
): void {
  const who = TARGET_ZH[target];
  // Confiscation of illegal gains is owed under APL art. 28(2) whatever the article says
  // (CSL 2025 art. 69 dropped the wording), so it never makes one version lighter or heavier.
  const kinds = (list: readonly Sanction[]): Set<PenaltyKind> =>
    new Set(list.map((s) => s.kind).filter((k) => k !== 'CONFISCATION_OF_ILLEGAL_GAINS'));
  const newKinds = kinds(newer);
  const oldKinds = kinds(older);
  for (const k of newKinds) {
    if (!oldKinds.has(k)) {
      heavier.push(`对${who}新增${PENALTY_KIND_NAMES[k]}`);
    }
  }
  for (const k of oldKinds) {
    if (!newKinds.has(k)) {
      lighter.push(`对${who}删去${PENALTY_KIND_NAMES[k]}`);
    }
  }
  for (const k of newKinds) {
    if (!oldKinds.has(k)) {
      continue;
    }
    const newMandatory = newer.some((s) => s.kind === k && s.mandatory);
    const oldMandatory = older.some((s) => s.kind === k && s.mandatory);
    if (newMandatory !== oldMandatory) {
      (newMandatory ? heavier : lighter).push(
        `对${who}的${PENALTY_KIND_NAMES[k]}由${newMandatory ? '“可以”改为“应当”' : '“应当”改为“可以”'}`,
      );
    }
  }
  if (!newKinds.has('FINE') || !oldKinds.has('FINE')) {
    return;
  }
  const newFines = newer.filter((s) => s.kind === 'FINE');
  const oldFines = older.filter((s) => s.kind === 'FINE');
  const newKeys = newFines.map(rangeKey).sort();
  const oldKeys = oldFines.map(rangeKey).sort();
  if (newKeys.join(',') !== oldKeys.join(',')) {
    incomparable.push(`对${who}的罚款计算基数或违法所得分档不同`);
    return;
  }
  for (const n of newFines) {
    const o = oldFines.find((s) => rangeKey(s) === rangeKey(n));
    if (!o?.fine || !n.fine) {
      continue;
    }
    const [newMin, newMax] = bounds(n.fine);
    const [oldMin, oldMax] = bounds(o.fine);
    if (newMax !== oldMax) {
      (newMax > oldMax ? heavier : lighter).push(
        `对${who}罚款上限由${oldMax}${unitZh(n.fine)}改为${newMax}${unitZh(n.fine)}`,
      );
    }
    if (newMin !== oldMin) {
      (newMin > oldMin ? heavier : lighter).push(
        `对${who}罚款下限由${oldMin}${unitZh(n.fine)}改为${newMin}${unitZh(n.fine)}`,
      );
    }
  }
}

function compareGroups(
  newer: readonly (readonly PenaltyKind[])[],
  older: readonly (readonly PenaltyKind[])[],
  lighter: string[],
  heavier: string[],
): void {
  const key = (g: readonly PenaltyKind[]): string => [...g].sort().join('+');
  const oldKeys = new Set(older.map(key));
  const newKeys = new Set(newer.map(key));
  for (const g of newer) {
    if (!oldKeys.has(key(g))) {
      heavier.push(`新增必选其一：${g.map((k) => PENALTY_KIND_NAMES[k]).join('、')}`);
    }
  }
  for (const g of older) {
    if (!newKeys.has(key(g))) {
      lighter.push(`删去必选其一：${g.map((k) => PENALTY_KIND_NAMES[k]).join('、')}`);
    }
  }
}

const VERDICT_ZH: Record<SeverityVerdict, string> = {
  LIGHTER: '新规定处罚较轻',
  SAME: '新旧规定处罚相同',
  HEAVIER: '新规定处罚较重',
  NOT_COMPARABLE: '新旧规定轻重无法逐项比较',
};

export type VersionChoice =
  | {
      readonly outcome: 'APPLY';
      readonly provision: PenaltyProvision;
      /** IN_FORCE_AT_ACT: 从旧; LIGHTER_NEW_LAW: 从轻 (APL art. 37 second sentence). */
      readonly rule: 'IN_FORCE_AT_ACT' | 'LIGHTER_NEW_LAW';
      readonly comparison?: SeverityComparison;
      readonly legalReviewRecommended: boolean;
      readonly explanationZh: string;
      readonly legalBasis: readonly LegalBasis[];
    }
  | {
      readonly outcome: 'NOT_PUNISHABLE';
      /** No candidate in force at the act; or the new rule no longer treats the act as unlawful. */
      readonly rule: 'NO_PROVISION_AT_ACT' | 'NO_LONGER_UNLAWFUL';
      readonly comparedIds: readonly string[];
      readonly explanationZh: string;
      readonly legalBasis: readonly LegalBasis[];
    }
  | {
      /** Candidates overlap, or a split concordance leaves several newer provisions: the caller must narrow them. */
      readonly outcome: 'AMBIGUOUS';
      readonly provisionIds: readonly string[];
      readonly explanationZh: string;
      readonly legalBasis: readonly LegalBasis[];
    };

/**
 * Choose among versions of one provision (e.g. CSL2016-59-1-REFUSAL and CSL2025-61-1-REFUSAL).
 * `actDate`: for a continuing act pass the date the act ended; which version governs a
 * continuing act spanning a change is unverified (docs/penalty-provisions.md §11.2) — route it to legal review.
 */
export function chooseApplicableProvision(
  actDate: LocalDate,
  decisionDate: LocalDate,
  candidates: readonly PenaltyProvision[],
): VersionChoice {
  const art37 = apl(37);
  const atAct = candidates.filter((c) => isInForce(c, actDate));
  const ids = candidates.map((c) => c.id);

  if (atAct.length === 0) {
    return {
      outcome: 'NOT_PUNISHABLE',
      rule: 'NO_PROVISION_AT_ACT',
      comparedIds: ids,
      explanationZh: `违法行为发生时（${actDate}）${ids.join('、') || '所列条款'}均未施行，不得依据行为后施行的规定处罚`,
      legalBasis: [art37, apl(4)],
    };
  }
  if (atAct.length > 1) {
    return {
      outcome: 'AMBIGUOUS',
      provisionIds: atAct.map((c) => c.id),
      explanationZh: `违法行为发生时（${actDate}）有多个候选条款同时施行：${atAct.map((c) => c.id).join('、')}，请指明所适用的条款`,
      legalBasis: [art37],
    };
  }

  const old = atAct[0]!;
  const oldText = formatProvisionCitation(old);
  if (isInForce(old, decisionDate)) {
    return {
      outcome: 'APPLY',
      provision: old,
      rule: 'IN_FORCE_AT_ACT',
      legalReviewRecommended: false,
      explanationZh: `违法行为发生时和作出决定时（${decisionDate}）均适用${oldText}，规定未修改`,
      legalBasis: [art37, provisionCitation(old)],
    };
  }

  const atDecision = candidates.filter((c) => c !== old && isInForce(c, decisionDate));
  if (old.successors?.relation === 'NO_LONGER_UNLAWFUL') {
    return {
      outcome: 'NOT_PUNISHABLE',
      rule: 'NO_LONGER_UNLAWFUL',
      comparedIds: [old.id, ...atDecision.map((c) => c.id)],
      explanationZh: `${oldText}在作出决定时已修改或者废止，新的规定不认为该行为违法（${old.successors.noteZh}），适用新的规定`,
      legalBasis: [art37, provisionCitation(old)],
    };
  }
  if (atDecision.length === 0) {
    return {
      outcome: 'APPLY',
      provision: old,
      rule: 'IN_FORCE_AT_ACT',
      legalReviewRecommended: true,
      explanationZh: `违法行为发生时适用${oldText}；作出决定时（${decisionDate}）该规定已失效，候选中没有施行中的新规定，须经法律审核确认是否仍可处罚`,
      legalBasis: [art37, provisionCitation(old)],
    };
  }
  if (atDecision.length > 1) {
    return {
      outcome: 'AMBIGUOUS',
      provisionIds: atDecision.map((c) => c.id),
      explanationZh: `${oldText}在新法中对应多个条款：${atDecision.map((c) => c.id).join('、')}，请指明与本案行为对应的新条款`,
      legalBasis: [art37],
    };
  }

  const newer = atDecision[0]!;
  const newText = formatProvisionCitation(newer);
  const comparison = compareSeverity(newer, old);
  const reasons = comparison.reasonsZh.length > 0 ? `（${comparison.reasonsZh.join('；')}）` : '';
  const basis = [art37, provisionCitation(old), provisionCitation(newer)];
  if (comparison.verdict === 'LIGHTER') {
    return {
      outcome: 'APPLY',
      provision: newer,
      rule: 'LIGHTER_NEW_LAW',
      comparison,
      legalReviewRecommended: false,
      explanationZh: `违法行为发生于${actDate}，当时施行${oldText}；作出决定时（${decisionDate}）施行${newText}。经比较，${VERDICT_ZH.LIGHTER}${reasons}，适用新的规定`,
      legalBasis: basis,
    };
  }
  return {
    outcome: 'APPLY',
    provision: old,
    rule: 'IN_FORCE_AT_ACT',
    comparison,
    legalReviewRecommended: comparison.verdict === 'NOT_COMPARABLE',
    explanationZh: `违法行为发生于${actDate}，当时施行${oldText}；作出决定时（${decisionDate}）施行${newText}。经比较，${VERDICT_ZH[comparison.verdict]}${reasons}，适用行为时的规定${comparison.verdict === 'NOT_COMPARABLE' ? '，建议法律审核' : ''}`,
    legalBasis: basis,
  };
}

/** Later versions of `p` in the catalog (transitively, via `successors`). */
export function successorsOf(
  catalog: readonly PenaltyProvision[],
  p: PenaltyProvision,
): PenaltyProvision[] {
  const out: PenaltyProvision[] = [];
  const queue = [...(p.successors?.provisionIds ?? [])];
  const seen = new Set<string>([p.id]);
  while (queue.length > 0) {
    const id = queue.shift()!;
    if (seen.has(id)) {
      continue;
    }
    seen.add(id);
    const next = catalog.find((c) => c.id === id);
    if (next) {
      out.push(next);
      queue.push(...(next.successors?.provisionIds ?? []));
    }
  }
  return out;
}

/** Earlier versions of `p` in the catalog (transitively). */
export function predecessorsOf(
  catalog: readonly PenaltyProvision[],
  p: PenaltyProvision,
): PenaltyProvision[] {
  const out: PenaltyProvision[] = [];
  const queue = [p.id];
  const seen = new Set<string>([p.id]);
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const c of catalog) {
      if (!seen.has(c.id) && c.successors?.provisionIds.includes(id)) {
        seen.add(c.id);
        out.push(c);
        queue.push(c.id);
      }
    }
  }
  return out;
}
