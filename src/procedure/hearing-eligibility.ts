/**
 * Whether the proposed penalties give the party the right to a hearing.
 * Legal basis: 《中华人民共和国行政处罚法》第六十三条第一款 (V); CAC 2023 hearing article adds
 * 部门规章 as a source of hearing cases (P). 较大数额 thresholds are provincial (rulebook, U).
 */
import type { Party, ProposedPenalty } from './case-snapshot.js';
import { isOrganization, type PartyKind } from './party-kind.js';
import type { PenaltyKind } from './penalty-kind.js';
import type { Rulebook } from './rulebook.js';

/** APL art. 63(1)(3)(4): always hearing-eligible. */
export const STATUTORY_HEARING_PENALTY_KINDS: readonly PenaltyKind[] = [
  'LOWERING_OF_QUALIFICATION', // 降低资质等级
  'REVOCATION_OF_PERMIT', // 吊销许可证件
  'ORDER_TO_SUSPEND_BUSINESS', // 责令停产停业
  'ORDER_TO_CLOSE', // 责令关闭
  'RESTRICTION_OF_PRACTICE', // 限制从业
];

const CONFISCATION_KINDS: readonly PenaltyKind[] = [
  'CONFISCATION_OF_ILLEGAL_GAINS',
  'CONFISCATION_OF_ILLEGAL_PROPERTY',
];

export type HearingEligibilityReason =
  | 'STATUTORY_PENALTY_KIND'
  | 'HEAVIER_PENALTY_KIND'
  | 'LARGER_FINE'
  | 'LARGER_CONFISCATION'
  | 'OTHER_RULE';

export interface HearingEligibility {
  readonly eligible: boolean;
  readonly reasons: readonly HearingEligibilityReason[];
}

/**
 * An unknown party kind is treated as a natural person: its thresholds are the lower
 * ones, so doubt resolves in favour of a hearing (denying one voids the penalty, APL art. 38).
 */
function kindOf(parties: readonly Party[], partyId: string | undefined): PartyKind {
  const party =
    partyId === undefined
      ? parties.length === 1
        ? parties[0]
        : undefined
      : parties.find((p) => p.id === partyId);
  return party?.kind ?? 'NATURAL_PERSON';
}

/** Amount ≥ threshold (以上 includes the figure); with no threshold set, anything above the summary limit. */
function isLarger(
  amount: number,
  kind: PartyKind,
  threshold: number | null,
  rulebook: Rulebook,
): boolean {
  if (threshold !== null) {
    return amount >= threshold;
  }
  const p = rulebook.parameters;
  const summaryLimit = isOrganization(kind)
    ? p.summaryFineLimitOrganization.value
    : p.summaryFineLimitNaturalPerson.value;
  // A summary limit is always set (APL art. 51); null would mean no text, so doubt favours a hearing.
  return summaryLimit === null || amount > summaryLimit;
}

export function assessHearingEligibility(
  penalties: readonly ProposedPenalty[],
  parties: readonly Party[],
  rulebook: Rulebook,
  hearingByOtherRule = false,
): HearingEligibility {
  const p = rulebook.parameters;
  const reasons = new Set<HearingEligibilityReason>();
  if (hearingByOtherRule) {
    reasons.add('OTHER_RULE');
  }
  for (const penalty of penalties) {
    const kind = kindOf(parties, penalty.partyId);
    // Against the party's threshold; an amount not yet fixed cannot be shown to be small,
    // and doubt favours a hearing.
    const larger = (organization: number | null, naturalPerson: number | null) =>
      penalty.amountYuan === undefined ||
      isLarger(
        penalty.amountYuan,
        kind,
        isOrganization(kind) ? organization : naturalPerson,
        rulebook,
      );
    if (STATUTORY_HEARING_PENALTY_KINDS.includes(penalty.kind)) {
      reasons.add('STATUTORY_PENALTY_KIND');
    } else if (p.heavierPenaltyKinds.value.includes(penalty.kind)) {
      reasons.add('HEAVIER_PENALTY_KIND');
    } else if (
      penalty.kind === 'FINE' &&
      larger(p.hearingFineThresholdOrganization.value, p.hearingFineThresholdNaturalPerson.value)
    ) {
      reasons.add('LARGER_FINE');
    } else if (
      CONFISCATION_KINDS.includes(penalty.kind) &&
      larger(
        p.hearingConfiscationThresholdOrganization.value,
        p.hearingConfiscationThresholdNaturalPerson.value,
      )
    ) {
      reasons.add('LARGER_CONFISCATION');
    }
  }
  return { eligible: reasons.size > 0, reasons: [...reasons] };
}
