/**
 * Case source register and docketing (立案): source details, two certified
 * handlers, a jurisdiction basis, and the limitation period.
 * Legal basis: 《中华人民共和国行政处罚法》第二十二条、第二十三条、第二十五条、第三十六条、第四十二条第一款、
 * 第五十四条第二款 (V); 2017 规定第十四条、第十五条、第十六条 (P); CAC 2023 docketing article (U).
 */
import type { DecideDocketingInput, RegisterCaseSourceInput } from '../action-inputs.js';
import type { CaseSnapshot, ViolationFacts } from '../case-snapshot.js';
import { addCalendarYears, type LocalDate } from '../local-date.js';
import { violation } from '../rule-catalog.js';
import type { Rulebook } from '../rulebook.js';
import { inputGuard, stateGuard, type Guard, type StateGuard } from './guard.js';
import { officerTeamGuards } from './officer.guards.js';

/**
 * Last day a violation may be discovered (APL art. 36): 2 years, or 5 years where it
 * endangers life, health or financial security with harm, counted from the day the act
 * ended (continuing acts) or was committed; the start day is not counted.
 */
export function limitationLastDay(facts: ViolationFacts, rulebook: Rulebook): LocalDate {
  const period = facts.harmsLifeHealthOrFinancialSecurity
    ? rulebook.parameters.extendedLimitationPeriod
    : rulebook.parameters.limitationPeriod;
  return addCalendarYears(facts.endedOn ?? facts.committedOn, period.length);
}

export function limitationViolation(
  snapshot: CaseSnapshot,
  facts: ViolationFacts | undefined,
  rulebook: Rulebook,
) {
  const discoveredOn = snapshot.source?.receivedOn;
  if (!facts || !discoveredOn) {
    return undefined;
  }
  const lastDay = limitationLastDay(facts, rulebook);
  return discoveredOn > lastDay
    ? violation('LIMITATION_PERIOD_EXPIRED', {
        discoveredOn,
        lastDay,
        fiveYears: facts.harmsLifeHealthOrFinancialSecurity,
      })
    : undefined;
}

const NEEDS_ORIGINATOR = [
  'ASSIGNED_BY_HIGHER_OFFICE',
  'REQUESTED_BY_LOWER_OFFICE',
  'TRANSFERRED_IN',
];

export const registerCaseSourceGuards: readonly Guard<RegisterCaseSourceInput>[] = [
  inputGuard<RegisterCaseSourceInput>(
    'originatorNamed',
    ['CASE_SOURCE_DETAILS_MISSING'],
    ({ input }) =>
      NEEDS_ORIGINATOR.includes(input.sourceType) && !input.originator?.trim()
        ? violation('CASE_SOURCE_DETAILS_MISSING', { sourceType: input.sourceType })
        : undefined,
  ),
];

type Docket = Extract<DecideDocketingInput, { docket: true }>;
const docketed = (input: DecideDocketingInput): Docket | undefined =>
  input.docket ? input : undefined;

export const decideDocketingGuards: readonly Guard<DecideDocketingInput>[] = [
  ...officerTeamGuards<DecideDocketingInput>(
    'HANDLERS_FEWER_THAN_TWO',
    (i) => docketed(i)?.handlers,
  ),
  inputGuard<DecideDocketingInput>(
    'jurisdictionBasisStated',
    ['JURISDICTION_BASIS_MISSING'],
    ({ input }) => {
      const d = docketed(input);
      return d && !d.jurisdiction.explanation.trim()
        ? violation('JURISDICTION_BASIS_MISSING', { basis: d.jurisdiction.basis })
        : undefined;
    },
  ),
  inputGuard<DecideDocketingInput>(
    'violationDateKnown',
    ['VIOLATION_DATE_REQUIRED'],
    ({ input, snapshot }) => {
      const d = docketed(input);
      return d && !(d.violation ?? snapshot.violation)
        ? violation('VIOLATION_DATE_REQUIRED')
        : undefined;
    },
  ),
  inputGuard<DecideDocketingInput>(
    'limitationPeriodNotExpired',
    ['LIMITATION_PERIOD_EXPIRED'],
    ({ input, snapshot, rulebook }) => {
      const d = docketed(input);
      return d
        ? limitationViolation(snapshot, d.violation ?? snapshot.violation, rulebook)
        : undefined;
    },
  ),
];

/** Sealed or seized items must be released before the case is closed without penalty (Compulsion Law art. 28). */
export const noActiveCompulsoryMeasure: StateGuard = stateGuard(
  'noActiveCompulsoryMeasure',
  ['COMPULSORY_MEASURE_STILL_ACTIVE'],
  ({ snapshot }) => {
    const active = snapshot.compulsoryMeasures
      .filter((m) => m.releasedOn === undefined)
      .map((m) => m.id);
    return active.length > 0
      ? violation('COMPULSORY_MEASURE_STILL_ACTIVE', { measureIds: active })
      : undefined;
  },
);

export const cancelDocketingGuards: readonly Guard<unknown>[] = [noActiveCompulsoryMeasure];
