/**
 * The statutory wording of each ground for not penalising (不予行政处罚), one vocabulary for the
 * engine's input (NoPenaltyGround) and the documents that state it.
 * Legal basis: 《中华人民共和国行政处罚法》第三十条、第三十一条、第三十三条、第五十七条第一款第（三）项 (V).
 */
import type { NoPenaltyGround } from './action-inputs.js';
import { apl, type LegalBasis } from './legal-basis.js';

/** A no-penalty ground, or the outcome that no violation is established (APL art. 57(1)(3)). */
export type NoPenaltyReason = NoPenaltyGround | 'FACTS_NOT_ESTABLISHED';

export interface NoPenaltyReasonTerm {
  /** The statute's words for the situation. */
  readonly term: string;
  /** The decision letter says 「鉴于…属于…的情形」 only for the APL art. 33 situations and a failed case. */
  readonly statedAsSituation: boolean;
  readonly legalBasis: readonly LegalBasis[];
}

export const NO_PENALTY_REASON_TERMS: Readonly<Record<NoPenaltyReason, NoPenaltyReasonTerm>> = {
  MINOR_AND_CORRECTED: {
    term: '违法行为轻微并及时改正，没有造成危害后果',
    statedAsSituation: true,
    legalBasis: [apl(33, 1)],
  },
  FIRST_MINOR_AND_CORRECTED: {
    term: '初次违法且危害后果轻微并及时改正',
    statedAsSituation: true,
    legalBasis: [apl(33, 1)],
  },
  NO_SUBJECTIVE_FAULT: {
    term: '有证据足以证明没有主观过错',
    statedAsSituation: true,
    legalBasis: [apl(33, 2)],
  },
  UNDER_FOURTEEN: {
    term: '违法行为人不满十四周岁',
    statedAsSituation: false,
    legalBasis: [apl(30)],
  },
  MENTAL_INCAPACITY: {
    term: '违法行为人在不能辨认或者不能控制自己行为时有违法行为',
    statedAsSituation: false,
    legalBasis: [apl(31)],
  },
  FACTS_NOT_ESTABLISHED: {
    term: '违法事实不能成立',
    statedAsSituation: true,
    legalBasis: [apl(57, 1, 3)],
  },
};
