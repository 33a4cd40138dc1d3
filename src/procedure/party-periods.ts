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
import type {
  CaseSnapshot,
  PaymentRecord,
  ServableDocument,
  WaivableRight,
} from './case-snapshot.js';
import { monetaryObligationFenOf } from './execution.js';
import type { WorkingDayCounter } from './guards/guard.js';
import { addCalendarDays, type LocalDate } from './local-date.js';
import type { PeriodParameter } from './rulebook.js';
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
 * the next working day (CPL art. 85). Undefined for other units (the stored deadline then judges).
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
