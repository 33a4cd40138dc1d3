/**
 * Summary procedure (简易程序): a warning, or a fine of at most 200 yuan for a
 * citizen or 3,000 yuan for an organization, decided on the spot.
 * Legal basis: 《中华人民共和国行政处罚法》第二十九条、第三十六条、第四十二条第一款、第五十一条、
 * 第四十四条、第五十二条、第六十二条 (V). No CAC-specific summary-procedure article was found (U).
 */
import type { ImposeSummaryPenaltyInput } from '../action-inputs.js';
import { isOrganization } from '../party-kind.js';
import { violation } from '../rule-catalog.js';
import { limitationViolation } from './docketing.guards.js';
import { inputGuard, stateGuard, type Guard } from './guard.js';
import { secondFineViolation } from './notice.guards.js';
import { onSiteTeamGuards } from './officer.guards.js';

export const imposeSummaryPenaltyGuards: readonly Guard<ImposeSummaryPenaltyInput>[] = [
  ...onSiteTeamGuards<ImposeSummaryPenaltyInput>('ENFORCEMENT_OFFICERS_FEWER_THAN_TWO'),
  inputGuard<ImposeSummaryPenaltyInput>(
    'summaryPenaltyWithinRange',
    ['SUMMARY_PENALTY_OUT_OF_RANGE'],
    ({ input, rulebook }) => {
      const p = rulebook.parameters;
      const limit = isOrganization(input.partyKind)
        ? p.summaryFineLimitOrganization.value
        : p.summaryFineLimitNaturalPerson.value;
      const otherKinds = input.penalties
        .filter((x) => x.kind !== 'WARNING' && x.kind !== 'FINE')
        .map((x) => x.kind);
      const fines = input.penalties.filter((x) => x.kind === 'FINE');
      const fineMissingAmount = fines.some((f) => f.amountYuan === undefined);
      const totalFine = fines.reduce((sum, f) => sum + (f.amountYuan ?? 0), 0);
      const outOfRange =
        input.penalties.length === 0 ||
        otherKinds.length > 0 ||
        fineMissingAmount ||
        (limit !== null && totalFine > limit);
      return outOfRange
        ? violation('SUMMARY_PENALTY_OUT_OF_RANGE', {
            partyKind: input.partyKind,
            totalFine,
            limit,
            otherKinds,
          })
        : undefined;
    },
  ),
  inputGuard<ImposeSummaryPenaltyInput>(
    'summaryFactsConclusive',
    ['SUMMARY_FACTS_NOT_CONCLUSIVE'],
    ({ input }) => (input.factsConclusive ? undefined : violation('SUMMARY_FACTS_NOT_CONCLUSIVE')),
  ),
  inputGuard<ImposeSummaryPenaltyInput>(
    'partyInformedAndHeard',
    ['PRE_PENALTY_NOTICE_NOT_SERVED'],
    ({ input }) =>
      input.partyInformedAndHeard
        ? undefined
        : violation('PRE_PENALTY_NOTICE_NOT_SERVED', { summaryProcedure: true }),
  ),
  inputGuard<ImposeSummaryPenaltyInput>(
    'notFinedTwice',
    ['FINED_TWICE_FOR_SAME_ACT'],
    ({ input, snapshot }) => secondFineViolation(snapshot, input.penalties),
  ),
  stateGuard(
    'limitationPeriodNotExpired',
    ['LIMITATION_PERIOD_EXPIRED'],
    ({ snapshot, rulebook }) => limitationViolation(snapshot, snapshot.violation, rulebook),
  ),
];
