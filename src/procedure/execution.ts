/**
 * Execution of a fine and of confiscated sums (罚没款的执行): the amount due with the late surcharge (加处罚款), the
 * payment due date, the end of the remedy periods and the window for applying to the court.
 * Pure: integer fen, dates in, figures and Chinese explanation lines out. No clock.
 * Legal basis: 《中华人民共和国行政处罚法》第六十六条、第六十七条、第七十二条、第七十三条 (V);
 * 《中华人民共和国行政强制法》第五十三条、第五十四条、第六十九条 (V).
 */
import { computeDeadline, type WorkingDayCalendar } from './calendar/index.js';
import {
  approvedArrangement,
  type CaseSnapshot,
  type ProposedPenalty,
  type RemedyRecord,
} from './case-snapshot.js';
import { compulsionLaw } from './citations.js';
import { apl } from './legal-basis.js';
import { addCalendarDays, type LocalDate } from './local-date.js';
import { findRulebookVersion, rulebookFor, type RulebookOverrides } from './rulebook.js';

/** APL art. 72(1)(1): 每日按罚款数额的百分之三 … 不得超出罚款的数额. */
export interface SurchargeRates {
  readonly percentPerDay: number;
  readonly capPercent: number;
}

export const STATUTORY_SURCHARGE_RATES: SurchargeRates = { percentPerDay: 3, capPercent: 100 };

/** The rates of the rulebook in force on `date`; the statutory rates before the first rulebook (2021-07-15). */
export function surchargeRatesOn(date: LocalDate, overrides?: RulebookOverrides): SurchargeRates {
  if (!findRulebookVersion(date)) {
    return STATUTORY_SURCHARGE_RATES;
  }
  const { parameters } = rulebookFor(date, overrides);
  return {
    percentPerDay: parameters.lateSurchargePercentPerDay.value,
    capPercent: parameters.lateSurchargeCapPercent.value,
  };
}

export interface DatedPayment {
  readonly paidOn: LocalDate;
  /** Integer fen. */
  readonly amountFen: number;
}

/** A span during which the surcharge is not counted (APL art. 73(3)); `to` absent = still running. */
export interface SurchargeSuspension {
  readonly from: LocalDate;
  readonly to?: LocalDate;
  readonly reason: string;
}

export interface AmountDue {
  readonly asOf: LocalDate;
  /** The fine (罚款数额). */
  readonly principalFen: number;
  /** Confiscated illegal gains and property decided as a sum (没收违法所得、没收非法财物): owed, no surcharge. */
  readonly confiscationFen: number;
  readonly surchargeFen: number;
  /** Overdue days that counted (after the due date, before full payment of the fine, not suspended). */
  readonly surchargeDays: number;
  /** Overdue days not counted because a reconsideration or lawsuit was running. */
  readonly suspendedDays: number;
  /** The surcharge reached the cap (the fine amount). */
  readonly capApplied: boolean;
  readonly paidFen: number;
  /** Fine + confiscation + surcharge − paid, never below 0. */
  readonly outstandingFen: number;
  readonly principalOutstandingFen: number;
  readonly surchargeOutstandingFen: number;
  readonly overpaidFen: number;
  /** Day the fine (principal) was paid in full, if it was by asOf. */
  readonly principalPaidInFullOn?: LocalDate;
  readonly explanation: readonly string[];
}

function assertFen(value: number, what: string): void {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new RangeError(`${what} must be a non-negative integer number of fen: ${value}`);
  }
}

/** 12345 fen → 123.45元. */
export function formatFen(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}元`;
}

/** Yuan amount (as decided) → integer fen. */
export function yuanToFen(yuan: number): number {
  const fen = Math.round(yuan * 100);
  assertFen(fen, 'amount');
  return fen;
}

/** The fines (罚款) among the penalties, in fen: the principal of APL arts. 67 and 72. */
export function fineFenOf(penalties: readonly ProposedPenalty[]): number {
  return penalties
    .filter((p) => p.kind === 'FINE')
    .reduce((sum, p) => sum + yuanToFen(p.amountYuan ?? 0), 0);
}

const CONFISCATION_KINDS: ReadonlySet<string> = new Set([
  'CONFISCATION_OF_ILLEGAL_GAINS',
  'CONFISCATION_OF_ILLEGAL_PROPERTY',
]);

/**
 * The confiscations decided as a sum of money, in fen. They are owed like the fine (APL arts. 66(1),
 * 74(2): 罚款、没收的违法所得…必须全部上缴国库; Compulsion Law art. 53) but bear no late surcharge,
 * which APL art. 72(1)(1) gives for 罚款 only. Property confiscated in kind has no amount and is not counted.
 */
export function confiscationFenOf(penalties: readonly ProposedPenalty[]): number {
  return penalties
    .filter((p) => CONFISCATION_KINDS.has(p.kind) && p.amountYuan !== undefined)
    .reduce((sum, p) => sum + yuanToFen(p.amountYuan ?? 0), 0);
}

/** Everything the decision makes the party pay (the fine and the confiscated sums), in fen. */
export function monetaryObligationFenOf(penalties: readonly ProposedPenalty[]): number {
  return fineFenOf(penalties) + confiscationFenOf(penalties);
}

/**
 * The amount due on `asOf` (APL arts. 72(1)(1), 73(3)); `confiscationFen` is owed besides the fine:
 * - the surcharge is 3% of the FINE (罚款数额, not of the unpaid rest) for each day after the
 *   payment due date, up to and including the day the fine is paid in full (or asOf);
 * - days within a suspension (reconsideration or litigation running) are not counted;
 * - the surcharge never exceeds the fine (capPercent);
 * - payments go to the fine first, then to the confiscated sums, then to the surcharge (D); only
 *   payments made by asOf count;
 * - rounding: the surcharge is rounded down to the fen (never more than the law allows; D).
 */
export function amountDue(
  fineFen: number,
  paymentDueDate: LocalDate,
  payments: readonly DatedPayment[],
  suspensions: readonly SurchargeSuspension[],
  asOf: LocalDate,
  rates: SurchargeRates = STATUTORY_SURCHARGE_RATES,
  confiscationFen = 0,
): AmountDue {
  assertFen(fineFen, 'fineFen');
  assertFen(confiscationFen, 'confiscationFen');
  payments.forEach((p, i) => assertFen(p.amountFen, `payments[${i}].amountFen`));
  const counted = payments
    .filter((p) => p.paidOn <= asOf)
    .sort((a, b) => (a.paidOn < b.paidOn ? -1 : a.paidOn > b.paidOn ? 1 : 0));
  let running = 0;
  let principalPaidInFullOn: LocalDate | undefined;
  for (const p of counted) {
    running += p.amountFen;
    if (principalPaidInFullOn === undefined && running >= fineFen) {
      principalPaidInFullOn = p.paidOn;
    }
  }
  if (fineFen === 0) {
    principalPaidInFullOn = undefined;
  }
  const paidFen = running;
  const lastCountedDay =
    principalPaidInFullOn !== undefined && principalPaidInFullOn < asOf
      ? principalPaidInFullOn
      : asOf;
  const suspended = (day: LocalDate) =>
    suspensions.some((s) => s.from <= day && (s.to === undefined || day <= s.to));

  let surchargeDays = 0;
  let suspendedDays = 0;
  if (fineFen > 0) {
    for (
      let day = addCalendarDays(paymentDueDate, 1);
      day <= lastCountedDay;
      day = addCalendarDays(day, 1)
    ) {
      if (suspended(day)) {
        suspendedDays++;
      } else {
        surchargeDays++;
      }
    }
  }
  const raw = Math.floor((fineFen * rates.percentPerDay * surchargeDays) / 100);
  const cap = Math.floor((fineFen * rates.capPercent) / 100);
  const capApplied = raw > cap;
  const surchargeFen = capApplied ? cap : raw;
  const totalFen = fineFen + confiscationFen + surchargeFen;
  const outstandingFen = Math.max(0, totalFen - paidFen);
  const principalOutstandingFen = Math.max(0, fineFen + confiscationFen - paidFen);
  const surchargeOutstandingFen = outstandingFen - principalOutstandingFen;
  const overpaidFen = Math.max(0, paidFen - totalFen);

  const explanation: string[] = [
    `罚款数额：${formatFen(fineFen)}；缴纳期限届满日：${paymentDueDate}；计算日：${asOf}。`,
  ];
  if (confiscationFen > 0) {
    explanation.push(
      `没收违法所得（非法财物）${formatFen(confiscationFen)}，应当一并缴纳，不加处罚款（《中华人民共和国行政处罚法》第七十四条第二款、第七十二条第一款第（一）项）。`,
    );
  }
  if (fineFen === 0) {
    explanation.push('决定无罚款，不计加处罚款。');
  } else if (surchargeDays === 0 && suspendedDays === 0) {
    explanation.push(
      principalPaidInFullOn !== undefined && principalPaidInFullOn <= paymentDueDate
        ? `罚款已于${principalPaidInFullOn}在期限内缴清，不加处罚款。`
        : '尚未逾期，不加处罚款。',
    );
  } else {
    explanation.push(
      `到期不缴纳罚款的，每日按罚款数额的百分之${rates.percentPerDay}加处罚款（《中华人民共和国行政处罚法》第七十二条第一款第（一）项），自${addCalendarDays(paymentDueDate, 1)}起算，` +
        `计至${lastCountedDay}${principalPaidInFullOn !== undefined && principalPaidInFullOn < asOf ? '（罚款缴清之日）' : ''}。`,
    );
    if (suspendedDays > 0) {
      const spans = suspensions.map((s) => `${s.from}至${s.to ?? '今'}（${s.reason}）`).join('；');
      explanation.push(
        `行政复议或者行政诉讼期间不计算加处罚款（同法第七十三条第三款）：${spans}，共扣除${suspendedDays}日。`,
      );
    }
    explanation.push(
      `计入加处罚款的天数${surchargeDays}日 × ${rates.percentPerDay}% × ${formatFen(fineFen)} = ${formatFen(raw)}（不足一分的舍去）。`,
    );
    if (capApplied) {
      explanation.push(`加处罚款的数额不得超出罚款的数额，按${formatFen(cap)}计。`);
    }
  }
  explanation.push(
    `应缴合计${formatFen(totalFen)}（罚款${formatFen(fineFen)}${confiscationFen > 0 ? `，没收违法所得（非法财物）${formatFen(confiscationFen)}` : ''}，加处罚款${formatFen(surchargeFen)}）；已缴${formatFen(paidFen)}；尚欠${formatFen(outstandingFen)}` +
      (overpaidFen > 0 ? `；多缴${formatFen(overpaidFen)}。` : '。'),
  );

  return {
    asOf,
    principalFen: fineFen,
    confiscationFen,
    surchargeFen,
    surchargeDays,
    suspendedDays,
    capApplied,
    paidFen,
    outstandingFen,
    principalOutstandingFen,
    surchargeOutstandingFen,
    overpaidFen,
    ...(principalPaidInFullOn !== undefined ? { principalPaidInFullOn } : {}),
    explanation,
  };
}

/** Reconsideration and litigation spans, during which the surcharge is not counted (APL art. 73(3)). */
export function surchargeSuspensionsOf(remedies: readonly RemedyRecord[]): SurchargeSuspension[] {
  return remedies.map((r) => ({
    from: r.filedOn,
    ...(r.decidedOn !== undefined ? { to: r.decidedOn } : {}),
    reason: r.kind === 'RECONSIDERATION' ? '行政复议期间' : '行政诉讼期间',
  }));
}

/**
 * The day by which the fine is to be paid: the last day of an approved deferral or instalment
 * plan (APL art. 66(2)), else the stored PAYMENT deadline (15 days from service, art. 67(3)).
 * Simplification (D): a missed instalment does not make the rest due early.
 */
export function paymentDueDateOf(snapshot: CaseSnapshot): LocalDate | undefined {
  const schedule = approvedArrangement(snapshot)?.schedule;
  const last = schedule?.at(-1)?.dueOn;
  return last ?? snapshot.deadlines.PAYMENT?.dueDate;
}

/** The case's amount due on `asOf` (undefined without a decision with a payment due date). */
export function caseAmountDue(
  snapshot: CaseSnapshot,
  asOf: LocalDate,
  rates: SurchargeRates = STATUTORY_SURCHARGE_RATES,
): AmountDue | undefined {
  const decision = snapshot.decision;
  const due = paymentDueDateOf(snapshot);
  if (!decision || due === undefined) {
    return undefined;
  }
  const annulled = decision.annulledOn !== undefined;
  return amountDue(
    annulled ? 0 : decision.fineFen,
    due,
    snapshot.payments,
    surchargeSuspensionsOf(snapshot.remedies),
    asOf,
    rates,
    annulled ? 0 : confiscationFenOf(decision.penalties),
  );
}

/**
 * The day from which the 3 months to apply to the court run (Compulsion Law art. 53; APL art.
 * 72(2)): the later of the last days of the reconsideration and litigation periods stored on the
 * case and of the approved deferral or instalment plan. Undefined when no remedy period is stored.
 */
export function remedyPeriodsLapseOf(snapshot: CaseSnapshot): LocalDate | undefined {
  const candidates = [
    snapshot.deadlines.RECONSIDERATION_PERIOD?.dueDate,
    snapshot.deadlines.LITIGATION_PERIOD?.dueDate,
  ].filter((x): x is LocalDate => x !== undefined);
  if (candidates.length === 0) {
    return undefined;
  }
  const arrangementEnd = approvedArrangement(snapshot)?.schedule?.at(-1)?.dueOn;
  if (arrangementEnd !== undefined) {
    candidates.push(arrangementEnd);
  }
  return candidates.reduce((a, b) => (a > b ? a : b));
}

export interface CourtEnforcementWindow {
  /** First day the application may be made. */
  readonly earliest: LocalDate;
  /** Last day (3 months from the lapse, rolled over past rest days and holidays). */
  readonly latest: LocalDate;
  /** The 10th working day after the demand was served. */
  readonly demandWaitEndsOn: LocalDate;
  readonly explanation: readonly string[];
}

/**
 * When the office may apply to the court (Compulsion Law arts. 53, 54, 69; APL art. 72(2)):
 * from the later of (the day after the 10th working day after the demand was served) and (the day after the
 * remedy periods lapsed), until 3 months after that lapse.
 */
export function courtEnforcementWindow(
  demandServedOn: LocalDate,
  remedyPeriodsLapseOn: LocalDate,
  calendar: WorkingDayCalendar,
): CourtEnforcementWindow {
  const wait = computeDeadline(
    { length: 10, unit: 'WORKING_DAYS', legalBasis: [compulsionLaw(54), compulsionLaw(69)] },
    { event: '催告书送达', date: demandServedOn },
    calendar,
  );
  const window = computeDeadline(
    { length: 3, unit: 'MONTHS', legalBasis: [compulsionLaw(53), apl(72, 2)] },
    { event: '复议、诉讼期限（或者延期、分期缴纳期限）届满', date: remedyPeriodsLapseOn },
    calendar,
  );
  const afterLapse = addCalendarDays(remedyPeriodsLapseOn, 1);
  // 送达十日后: from the day after the tenth working day.
  const afterWait = addCalendarDays(wait.dueDate, 1);
  const earliest = afterWait > afterLapse ? afterWait : afterLapse;
  const explanation = [
    `催告书于${demandServedOn}送达，送达满十个工作日为${wait.dueDate}，自${afterWait}起方可申请（《中华人民共和国行政强制法》第五十四条、第六十九条）。`,
    `复议、诉讼期限于${remedyPeriodsLapseOn}届满，自${afterLapse}起方可申请（同法第五十三条）。`,
    `最早申请日：${earliest}；最迟申请日：${window.dueDate}（期限届满之日起三个月内）。`,
  ];
  if (earliest > window.dueDate) {
    explanation.push('催告书送达过晚，申请期限内已无法满足十个工作日的要求。');
  }
  return { earliest, latest: window.dueDate, demandWaitEndsOn: wait.dueDate, explanation };
}
