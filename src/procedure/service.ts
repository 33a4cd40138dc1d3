/**
 * Service of documents (送达): the date the law deems a document served, per method. That date,
 * not the day the officers acted, starts the party's periods (statement and hearing request
 * after a notice, 15 days to pay, 60 days for reconsideration, 6 months for litigation).
 * Legal basis: 《中华人民共和国行政处罚法》第六十一条 (V); 《中华人民共和国民事诉讼法》第八十五条、
 * 第八十七条至第九十五条 (V, applied through APL art. 61(1)); 《中华人民共和国行政强制法》第三十八条 (V).
 */
import type { ServiceFacts } from './action-inputs.js';
import type { ServiceMethod } from './case-snapshot.js';
import { civilProcedure } from './citations.js';
import type { WorkingDayCounter } from './guards/guard.js';
import type { LegalBasis } from './legal-basis.js';
import { addCalendarDays, type LocalDate } from './local-date.js';

/** CPL art. 95: 自发出公告之日起，经过三十日，即视为送达 (N14). */
export const PUBLIC_NOTICE_DAYS = 30;

export interface DeemedService {
  readonly deemedServedOn: LocalDate;
  readonly legalBasis: readonly LegalBasis[];
  /** Chinese, for the service receipt and the case file. */
  readonly explanation: string;
}

/** Methods whose service date is the date the recipient (or the substitute) signed. */
const SIGNED_METHODS: readonly ServiceMethod[] = [
  'DIRECT',
  'ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE',
  'ENTRUSTED',
  'FORWARDED',
];

function isWorkingDay(calendar: WorkingDayCounter, date: LocalDate): boolean {
  return calendar.workingDaysBetween(addCalendarDays(date, -1), date) === 1;
}

/** The first working day on or after `date` (CPL art. 85: a period ending on a holiday ends after it). */
export function firstWorkingDayFrom(calendar: WorkingDayCounter, date: LocalDate): LocalDate {
  let day = date;
  // Holidays never run longer than a few weeks; the bound keeps a broken calendar from looping.
  for (let i = 0; i < 60 && !isWorkingDay(calendar, day); i++) {
    day = addCalendarDays(day, 1);
  }
  return day;
}

/**
 * The date the documents are deemed served, or undefined when the facts that fix it are missing
 * (the guards then say which):
 * - DIRECT, ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE, ENTRUSTED, FORWARDED: the date of receipt the
 *   recipient wrote when signing (CPL arts. 87-88, 91-94);
 * - LEFT_AT_RESIDENCE: the day the document was left (CPL art. 89: 视为送达);
 * - ELECTRONIC: the day it reached the confirmed address (CPL art. 90);
 * - MAIL: the receipt date on the return slip (CPL art. 91);
 * - PUBLIC_NOTICE: 30 days after publication (CPL art. 95); when that day is a rest day or holiday
 *   the period ends on the next working day (CPL art. 85, applied by analogy: D).
 * `calendar` is any working-day counter (the WorkingDayCalendar, or the engine's injected one).
 */
export function deemedServedOn(
  method: ServiceMethod,
  facts: ServiceFacts,
  calendar: WorkingDayCounter,
  publicNoticeDays: number = PUBLIC_NOTICE_DAYS,
): DeemedService | undefined {
  if (SIGNED_METHODS.includes(method)) {
    if (facts.signed !== true || facts.signedOn === undefined) {
      return undefined;
    }
    return {
      deemedServedOn: facts.signedOn,
      legalBasis: [civilProcedure(87), civilProcedure(88)],
      explanation: `受送达人在送达回证上注明的收到日期${facts.signedOn}为送达日期。`,
    };
  }
  switch (method) {
    case 'LEFT_AT_RESIDENCE':
      return {
        deemedServedOn: facts.servedOn,
        legalBasis: [civilProcedure(89)],
        explanation: `受送达人拒绝签收，${facts.servedOn}将文书留置在其住所，视为送达。`,
      };
    case 'ELECTRONIC':
      return facts.reachedSystemOn === undefined
        ? undefined
        : {
            deemedServedOn: facts.reachedSystemOn,
            legalBasis: [civilProcedure(90)],
            explanation: `文书到达受送达人特定系统的日期${facts.reachedSystemOn}为送达日期。`,
          };
    case 'MAIL':
      return facts.mailReceiptOn === undefined
        ? undefined
        : {
            deemedServedOn: facts.mailReceiptOn,
            legalBasis: [civilProcedure(91)],
            explanation: `邮寄送达，以回执上注明的收件日期${facts.mailReceiptOn}为送达日期。`,
          };
    case 'PUBLIC_NOTICE': {
      const nominal = addCalendarDays(facts.servedOn, publicNoticeDays);
      const deemed = firstWorkingDayFrom(calendar, nominal);
      const rolled =
        deemed === nominal
          ? ''
          : `；该日为休息日或者法定节假日，顺延至${deemed}（参照民事诉讼法第八十五条）`;
      return {
        deemedServedOn: deemed,
        legalBasis:
          deemed === nominal ? [civilProcedure(95)] : [civilProcedure(95), civilProcedure(85)],
        explanation: `${facts.servedOn}发出公告，经过${publicNoticeDays}日，于${nominal}视为送达${rolled}。`,
      };
    }
    default:
      return undefined;
  }
}
