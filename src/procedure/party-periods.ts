/**
 * Several parties in one case (共同当事人; e.g. a company and the person directly responsible,
 * fined both under PIPL art. 66 or CSL 2025 art. 61): each is notified and served on their own,
 * and each one's statement and hearing-request periods run from the day the notice was deemed
 * served on *them*; one party's waiver binds no other. The case's stored STATEMENT and
 * HEARING_REQUEST deadlines keep the latest end (the dashboard's view); the rules below judge
 * each party by their own service.
 * Legal basis: 《中华人民共和国行政处罚法》第四十四条、第四十五条、第六十一条、第六十二条、
 * 第六十四条第（一）项、第六十六条第一款、第八十五条 (V).
 */
import {
  approvedArrangement,
  type CaseSnapshot,
  type EnforcementRecord,
  type HearingRecord,
  type PaymentRecord,
  type ServableDocument,
  type WaivableRight,
} from './case-snapshot.js';
import {
  amountDue,
  confiscationFenOf,
  fineFenOf,
  monetaryObligationFenOf,
  surchargeSuspensionsOf,
  type AmountDue,
} from './execution.js';
import type { WorkingDayCounter } from './guards/guard.js';
import { addCalendarDays, addCalendarMonths, type LocalDate } from './local-date.js';
import type { PeriodParameter, Rulebook } from './rulebook.js';
import { firstWorkingDayFrom } from './service.js';

/** The case has more than one party: the per-party rules apply. */
export function hasSeveralParties(snapshot: CaseSnapshot): boolean {
  return snapshot.parties.length > 1;
}

/**
 * The deemed-served date of the first service of `document` on `partyId` made on or after
 * `since`. A service recorded before the party was kept (no partyId) counts for every party.
 */
export function servedOnParty(
  snapshot: CaseSnapshot,
  document: ServableDocument,
  partyId: string,
  since?: LocalDate,
): LocalDate | undefined {
  const dates = snapshot.services
    .filter(
      (s) =>
        s.documents.includes(document) &&
        (s.partyId === undefined || s.partyId === partyId) &&
        (since === undefined || s.servedOn >= since),
    )
    .map((s) => s.deemedServedOn)
    .sort();
  return dates[0];
}

/**
 * The day the current pre-penalty notice was deemed served on `partyId` (APL arts. 44, 61):
 * with one party, the notice's own served date (also when served on the spot at issue).
 */
export function noticeServedOnParty(
  snapshot: CaseSnapshot,
  partyId: string,
): LocalDate | undefined {
  const notice = snapshot.notice;
  if (!notice) {
    return undefined;
  }
  if (!hasSeveralParties(snapshot)) {
    return notice.servedOn;
  }
  return servedOnParty(snapshot, 'PRE_PENALTY_NOTICE', partyId, notice.issuedOn);
}

/** The parties of the case the current notice has not been served on. */
export function partiesNotServedTheNotice(
  snapshot: CaseSnapshot,
  partyIds: readonly string[] = snapshot.parties.map((p) => p.id),
): string[] {
  return partyIds.filter((id) => noticeServedOnParty(snapshot, id) === undefined);
}

/**
 * `partyId` explicitly waived `right` after the notice was served on them (APL art. 62). A
 * waiver recorded before the party was kept (no partyId) counts for every party.
 */
export function partyHasWaived(
  snapshot: CaseSnapshot,
  right: WaivableRight,
  partyId: string,
): boolean {
  const servedOn = noticeServedOnParty(snapshot, partyId);
  return (
    servedOn !== undefined &&
    snapshot.waivers.some(
      (w) =>
        w.right === right &&
        (w.partyId === undefined || w.partyId === partyId) &&
        w.waivedOn >= servedOn,
    )
  );
}

/**
 * The last day of a period of `parameter` counted from `from` (the day itself not counted,
 * APL art. 85): WORKING_DAYS counted on the calendar, CALENDAR_DAYS ending on a rest day moved to
 * the next working day (CPL art. 85), months and years likewise from the same date of the month.
 */
export function periodLastDay(
  parameter: Pick<PeriodParameter, 'length' | 'unit'>,
  from: LocalDate,
  workingDays: WorkingDayCounter,
): LocalDate | undefined {
  if (parameter.unit === 'WORKING_DAYS') {
    let day = from;
    // A period of n working days never spans more than n weeks plus the longest holiday.
    for (let i = 0; i < parameter.length * 7 + 60; i++) {
      day = addCalendarDays(day, 1);
      if (workingDays.workingDaysBetween(from, day) >= parameter.length) {
        return day;
      }
    }
    return undefined;
  }
  if (parameter.unit === 'CALENDAR_DAYS') {
    return firstWorkingDayFrom(workingDays, addCalendarDays(from, parameter.length));
  }
  if (parameter.unit === 'MONTHS' || parameter.unit === 'YEARS') {
    const months = parameter.unit === 'MONTHS' ? parameter.length : parameter.length * 12;
    return firstWorkingDayFrom(workingDays, addCalendarMonths(from, months));
  }
  return undefined;
}

/** A party whose period is still running on the day judged, with its last day. */
export interface PartyPeriod {
  readonly partyId: string;
  readonly servedOn: LocalDate;
  readonly dueDate: LocalDate;
}

/**
 * The parties among `partyIds` whose period of `parameter`, counted from their own service of
 * the notice, has not ended on `now` (the last day still belongs to the party). Parties not
 * served are not listed (their period has not started: NOTICE_NOT_SERVED says so); `undefined`
 * when a served party's period cannot be counted here.
 */
export function partiesWithinPeriod(
  snapshot: CaseSnapshot,
  partyIds: readonly string[],
  parameter: Pick<PeriodParameter, 'length' | 'unit'>,
  now: LocalDate,
  workingDays: WorkingDayCounter,
  excluded: (partyId: string) => boolean,
): PartyPeriod[] | undefined {
  const open: PartyPeriod[] = [];
  for (const partyId of partyIds) {
    const servedOn = noticeServedOnParty(snapshot, partyId);
    if (servedOn === undefined || excluded(partyId)) {
      continue;
    }
    const dueDate = periodLastDay(parameter, servedOn, workingDays);
    if (dueDate === undefined) {
      return undefined;
    }
    if (now <= dueDate) {
      open.push({ partyId, servedOn, dueDate });
    }
  }
  return open;
}

/**
 * With several parties, the latest deemed-served date of `document` on any party since `since`:
 * a service on a further party deemed served no later starts no stored period (the stored
 * deadlines keep the latest end; each party's own periods are judged from their own service).
 */
export function latestServiceOf(
  snapshot: CaseSnapshot,
  document: ServableDocument,
  since: LocalDate | undefined,
): LocalDate | undefined {
  if (!hasSeveralParties(snapshot)) {
    return undefined;
  }
  return snapshot.services
    .filter((s) => s.documents.includes(document) && (since === undefined || s.servedOn >= since))
    .map((s) => s.deemedServedOn)
    .sort()
    .at(-1);
}

/**
 * APL art. 66(1) with several parties fined: each performs their own obligation, so one party's
 * payment never discharges another's. The parties of the decision whose payments do not yet
 * cover their own fines and confiscated sums. Empty with one party, and when a decision line or a
 * payment names no party (recorded before parties were kept: the case total judges).
 */
export function partiesWithUnpaidObligation(
  snapshot: CaseSnapshot,
  payments: readonly PaymentRecord[] = snapshot.payments,
): string[] {
  const penalties = snapshot.decision?.penalties ?? [];
  if (
    !hasSeveralParties(snapshot) ||
    penalties.some((p) => p.partyId === undefined) ||
    payments.some((p) => p.partyId === undefined)
  ) {
    return [];
  }
  const partyIds = [...new Set(penalties.map((p) => p.partyId!))];
  return partyIds.filter((partyId) => {
    const owed = monetaryObligationFenOf(penalties.filter((p) => p.partyId === partyId));
    const paid = payments
      .filter((p) => p.partyId === partyId)
      .reduce((sum, p) => sum + p.amountFen, 0);
    return paid < owed;
  });
}

/**
 * Several parties fined each on their own (every decision line and every payment names its
 * party): the obligations, surcharges, demands and court applications are each party's own.
 * False with one party and for cases whose lines were recorded before parties were kept.
 */
export function finedSeparately(snapshot: CaseSnapshot): boolean {
  const penalties = snapshot.decision?.penalties ?? [];
  return (
    hasSeveralParties(snapshot) &&
    penalties.length > 0 &&
    penalties.every((p) => p.partyId !== undefined) &&
    snapshot.payments.every((p) => p.partyId !== undefined)
  );
}

/** The parties the decision penalizes, in the order of its lines. */
export function penalizedPartyIds(snapshot: CaseSnapshot): string[] {
  return [
    ...new Set(
      (snapshot.decision?.penalties ?? []).flatMap((p) =>
        p.partyId !== undefined ? [p.partyId] : [],
      ),
    ),
  ];
}

/**
 * The day the current decision letter was deemed served on `partyId` (APL art. 61): with one
 * party, the decision's own served date.
 */
export function decisionServedOnParty(
  snapshot: CaseSnapshot,
  partyId: string,
): LocalDate | undefined {
  const decision = snapshot.decision;
  if (!decision) {
    return undefined;
  }
  if (!hasSeveralParties(snapshot)) {
    return decision.servedOn;
  }
  const letter = decision.outcome === 'PENALTY' ? 'PENALTY_DECISION' : 'NO_PENALTY_DECISION';
  return servedOnParty(snapshot, letter, partyId, decision.decidedOn);
}

/**
 * APL art. 67(3): the party pays within 15 days of receiving the decision letter — of *their*
 * receipt. An approved deferral or instalment plan (art. 66(2)) sets its own last day.
 * Undefined while the letter has not been served on the party.
 */
export function partyPaymentDueDate(
  snapshot: CaseSnapshot,
  partyId: string,
  rulebook: Pick<Rulebook, 'parameters'>,
  workingDays: WorkingDayCounter,
): LocalDate | undefined {
  const arrangementEnd = approvedArrangement(snapshot)?.schedule?.at(-1)?.dueOn;
  if (arrangementEnd !== undefined) {
    return arrangementEnd;
  }
  const servedOn = decisionServedOnParty(snapshot, partyId);
  return servedOn === undefined
    ? undefined
    : periodLastDay(rulebook.parameters.paymentPeriod, servedOn, workingDays);
}

/**
 * The amount `partyId` owes on `asOf` (APL arts. 66(1), 72(1)(1)): their own fine and
 * confiscated sums, the 3 % daily surcharge on their own fine from the day after their own due
 * date, less their own payments. Undefined while the letter has not been served on them.
 */
export function partyAmountDue(
  snapshot: CaseSnapshot,
  partyId: string,
  asOf: LocalDate,
  rulebook: Pick<Rulebook, 'parameters'>,
  workingDays: WorkingDayCounter,
  payments: readonly PaymentRecord[] = snapshot.payments,
): AmountDue | undefined {
  const decision = snapshot.decision;
  const due = partyPaymentDueDate(snapshot, partyId, rulebook, workingDays);
  if (!decision || due === undefined) {
    return undefined;
  }
  const penalties =
    decision.annulledOn !== undefined
      ? []
      : decision.penalties.filter((p) => p.partyId === partyId);
  return amountDue(
    fineFenOf(penalties),
    due,
    payments.filter((p) => p.partyId === partyId),
    surchargeSuspensionsOf(snapshot.remedies),
    asOf,
    {
      percentPerDay: rulebook.parameters.lateSurchargePercentPerDay.value,
      capPercent: rulebook.parameters.lateSurchargeCapPercent.value,
    },
    confiscationFenOf(penalties),
  );
}

/**
 * The day from which the 3 months to apply to the court for `partyId` run (Compulsion Law art.
 * 53; APL art. 72(2)): the later end of *their* reconsideration (60 days) and litigation
 * (6 months) periods counted from their own receipt of the letter (Administrative
 * Reconsideration Law art. 20; Administrative Litigation Law art. 46), or of an approved plan.
 */
export function partyRemedyPeriodsLapse(
  snapshot: CaseSnapshot,
  partyId: string,
  rulebook: Pick<Rulebook, 'parameters'>,
  workingDays: WorkingDayCounter,
): LocalDate | undefined {
  const servedOn = decisionServedOnParty(snapshot, partyId);
  if (servedOn === undefined) {
    return undefined;
  }
  const candidates = [
    periodLastDay(rulebook.parameters.reconsiderationPeriod, servedOn, workingDays),
    periodLastDay(rulebook.parameters.litigationPeriod, servedOn, workingDays),
    approvedArrangement(snapshot)?.schedule?.at(-1)?.dueOn,
  ].filter((x): x is LocalDate => x !== undefined);
  return candidates.length === 0 ? undefined : candidates.reduce((a, b) => (a > b ? a : b));
}

/** Every demand and court application of the case: the current one and those on other parties before it. */
function enforcementsOf(snapshot: CaseSnapshot): EnforcementRecord[] {
  return [
    ...(snapshot.priorPartyEnforcements ?? []),
    ...(snapshot.enforcement ? [snapshot.enforcement] : []),
  ];
}

/** The court executed `partyId`'s obligation (Compulsion Law art. 57: 执行完毕). */
export function partyEnforcedByCourt(snapshot: CaseSnapshot, partyId: string): boolean {
  return enforcementsOf(snapshot).some(
    (e) => e.partyId === partyId && e.rulings.some((r) => r.result === 'ENFORCED'),
  );
}

/**
 * APL art. 66(1) with several parties fined separately: the penalized parties whose own
 * obligation (their fine, confiscated sums and the surcharge on their fine as of `asOf`) is
 * neither paid nor executed by the court. The case is executed when none is left.
 */
export function partiesWithOutstandingObligation(
  snapshot: CaseSnapshot,
  asOf: LocalDate,
  rulebook: Pick<Rulebook, 'parameters'>,
  workingDays: WorkingDayCounter,
  payments: readonly PaymentRecord[] = snapshot.payments,
): string[] {
  return penalizedPartyIds(snapshot).filter((partyId) => {
    if (partyEnforcedByCourt(snapshot, partyId)) {
      return false;
    }
    const due = partyAmountDue(snapshot, partyId, asOf, rulebook, workingDays, payments);
    if (due !== undefined) {
      return due.outstandingFen > 0;
    }
    // Paid before the letter was served on them: no surcharge can have run yet.
    const owed = monetaryObligationFenOf(
      (snapshot.decision?.penalties ?? []).filter((p) => p.partyId === partyId),
    );
    const paid = payments
      .filter((p) => p.partyId === partyId)
      .reduce((sum, p) => sum + p.amountFen, 0);
    return paid < owed;
  });
}

/**
 * APL arts. 63, 64 with several parties: the parties whose request the (joint) hearing answers
 * and who have not withdrawn it. A record kept before requests were listed: its one requester.
 */
export function hearingPartyIds(hearing: HearingRecord | undefined): string[] {
  if (!hearing) {
    return [];
  }
  if (hearing.requests) {
    return hearing.requests.map((r) => r.partyId);
  }
  return hearing.partyId !== undefined ? [hearing.partyId] : [];
}

/**
 * APL art. 64(2): the requesting parties the hearing notice was not given to (one who joined
 * the request after the hearing was scheduled); empty with one party.
 */
export function hearingPartiesNotNotified(hearing: HearingRecord | undefined): string[] {
  if (!hearing || hearing.noticedPartyIds === undefined) {
    return [];
  }
  return hearingPartyIds(hearing).filter((id) => !hearing.noticedPartyIds!.includes(id));
}
