/**
 * Several parties fined each on their own (issue 13 capability 11): each party's payment period,
 * late surcharge, demand, remedy periods and court application run from their own receipt of
 * the decision letter (APL arts. 66(1), 67(3), 72(1)(1), 72(2); Compulsion Law arts. 35, 53, 54,
 * 57). The company is served Thursday 2027-01-21, the manager Monday 2027-01-25; the fake
 * calendar rests on 2027-02-08 to 02-12 (a provisional Spring Festival), so the manager's
 * 15 days end on Monday 02-15, not on Tuesday 02-09.
 */
import { describe, expect, it } from 'vitest';
import type {
  IssueEnforcementDemandInput,
  RecordPaymentInput,
  ServeDocumentInput,
} from '../../../src/procedure/action-inputs.js';
import { applyTransition } from '../../../src/procedure/apply-transition.js';
import type {
  CaseSnapshot,
  EnforcementRecord,
  PaymentRecord,
  ServiceRecord,
} from '../../../src/procedure/case-snapshot.js';
import { availableActions, decide } from '../../../src/procedure/decide.js';
import {
  partiesWithOutstandingObligation,
  partyAmountDue,
  partyEnforcedByCourt,
  partyPaymentDueDate,
  partyRemedyPeriodsLapse,
} from '../../../src/procedure/party-periods.js';
import { rulebookFor } from '../../../src/procedure/rulebook.js';
import {
  codesOf,
  d,
  executionSnapshot,
  fakeWorkingDays,
  HANDLER_A,
  HEAD,
  TEAM,
} from './procedure-fixtures.js';

const COMPANY = 'company';
const MANAGER = 'manager';
const SPRING_FESTIVAL = ['2027-02-08', '2027-02-09', '2027-02-10', '2027-02-11', '2027-02-12'];
const CALENDAR = fakeWorkingDays(['2027-01-01', ...SPRING_FESTIVAL]);
const CONTEXT = { workingDays: CALENDAR };
const RULEBOOK = rulebookFor(d('2027-01-21'));
const ids = { next: (kind: string) => `${kind}-new` };

const letterService = (partyId: string, on: string): ServiceRecord => ({
  id: `letter-${partyId}`,
  partyId,
  documents: ['PENALTY_DECISION'],
  method: 'DIRECT',
  servedOn: d(on),
  deemedServedOn: d(on),
  serverIds: ['handler-a', 'handler-b'],
});

const payment = (partyId: string, amountFen: number, on: string): PaymentRecord => ({
  id: `payment-${partyId}-${on}`,
  partyId,
  paidOn: d(on),
  amountFen,
  channel: 'DESIGNATED_BANK',
  receiptNumber: `R-${partyId}-${on}`,
});

/** Fined Thursday 2027-01-21: 50,000 yuan the company, 10,000 the manager; letters served 01-21 and 01-25. */
const decided = (
  status: CaseSnapshot['status'] = 'DECISION_SERVED',
  patch: Partial<CaseSnapshot> = {},
): CaseSnapshot =>
  executionSnapshot(status, {
    parties: [
      { id: COMPANY, kind: 'LEGAL_PERSON' },
      { id: MANAGER, kind: 'NATURAL_PERSON' },
    ],
    decision: {
      outcome: 'PENALTY',
      decidedOn: d('2027-01-21'),
      penalties: [
        { partyId: COMPANY, kind: 'WARNING' },
        { partyId: COMPANY, kind: 'FINE', amountYuan: 50_000 },
        { partyId: MANAGER, kind: 'FINE', amountYuan: 10_000 },
      ],
      fineFen: 6_000_000,
      servedOn: d('2027-01-21'),
    },
    services: [letterService(COMPANY, '2027-01-21'), letterService(MANAGER, '2027-01-25')],
    // The stored deadlines keep the latest service (the manager's).
    deadlines: {
      PAYMENT: { dueDate: d('2027-02-15') },
      RECONSIDERATION_PERIOD: { dueDate: d('2027-03-26') },
      LITIGATION_PERIOD: { dueDate: d('2027-07-26') },
    },
    ...patch,
  });

/** The company paid its 50,000 yuan in time, Monday 2027-02-01. */
const COMPANY_PAID = [payment(COMPANY, 5_000_000, '2027-02-01')];

describe('each party’s own payment period and surcharge (APL arts. 67(3), 72(1)(1))', () => {
  it('APL art. 67(3): 15 days from each party’s own receipt — the company Friday 02-05, the manager Monday 02-15 (02-09 falls in the Spring Festival)', () => {
    expect(partyPaymentDueDate(decided(), COMPANY, RULEBOOK, CALENDAR)).toBe('2027-02-05');
    expect(partyPaymentDueDate(decided(), MANAGER, RULEBOOK, CALENDAR)).toBe('2027-02-15');
  });

  it('APL art. 72(1)(1): on Wednesday 02-17 the manager owes 3 % a day of their own 10,000 yuan for 2 days, not of the case’s 60,000; the company that paid in time owes nothing', () => {
    const snap = decided('DECISION_SERVED', { payments: COMPANY_PAID });
    expect(partyAmountDue(snap, MANAGER, d('2027-02-17'), RULEBOOK, CALENDAR)).toMatchObject({
      principalFen: 1_000_000,
      surchargeDays: 2,
      surchargeFen: 60_000,
      outstandingFen: 1_060_000,
    });
    expect(partyAmountDue(snap, COMPANY, d('2027-02-17'), RULEBOOK, CALENDAR)).toMatchObject({
      principalFen: 5_000_000,
      surchargeFen: 0,
      outstandingFen: 0,
    });
    expect(partiesWithOutstandingObligation(snap, d('2027-02-17'), RULEBOOK, CALENDAR)).toEqual([
      MANAGER,
    ]);
  });

  it('APL arts. 66(1), 72(1)(1): the manager paying the fine alone on 02-17 leaves the surcharge open; with it the case is executed', () => {
    const pay = (amountFen: number): RecordPaymentInput => ({
      paidOn: d('2027-02-17'),
      amountFen,
      channel: 'DESIGNATED_BANK',
      receiptNumber: 'R-manager',
      partyId: MANAGER,
    });
    const snap = decided('DECISION_SERVED', { payments: COMPANY_PAID });
    const fineOnly = decide(
      snap,
      'recordPayment',
      pay(1_000_000),
      HANDLER_A,
      d('2027-02-17'),
      CONTEXT,
    );
    expect(fineOnly).toMatchObject({ ok: true, outcome: 'PARTLY_PAID' });
    const withSurcharge = decide(
      snap,
      'recordPayment',
      pay(1_060_000),
      HANDLER_A,
      d('2027-02-17'),
      CONTEXT,
    );
    expect(withSurcharge).toMatchObject({ ok: true, outcome: 'PAID_IN_FULL', to: 'EXECUTED' });
  });
});

describe('each party demanded on their own obligation (Compulsion Law art. 35; APL art. 72)', () => {
  const demand = (partyId: string, on: string, lapse: string): IssueEnforcementDemandInput => ({
    issuedOn: d(on),
    amountFen: 1_060_000,
    performBy: d('2027-03-01'),
    remedyPeriodsLapseOn: d(lapse),
    partyId,
  });
  const issue = (input: IssueEnforcementDemandInput) =>
    decide(
      decided('DECISION_SERVED', { payments: COMPANY_PAID }),
      'issueEnforcementDemand',
      input,
      HANDLER_A,
      input.issuedOn,
      CONTEXT,
    );

  it('Administrative Litigation Law art. 46: each party’s remedy periods run from their own receipt — the company’s lapse Wednesday 07-21, the manager’s Monday 07-26 (07-25 a Sunday)', () => {
    expect(partyRemedyPeriodsLapse(decided(), COMPANY, RULEBOOK, CALENDAR)).toBe('2027-07-21');
    expect(partyRemedyPeriodsLapse(decided(), MANAGER, RULEBOOK, CALENDAR)).toBe('2027-07-26');
  });

  it('Compulsion Law art. 35, APL art. 72(1): the manager is demanded on 02-16, the day after their own last day; on 02-15 it is refused', () => {
    expect(codesOf(issue(demand(MANAGER, '2027-02-16', '2027-07-26')))).toEqual([]);
    expect(issue(demand(MANAGER, '2027-02-15', '2027-07-26'))).toMatchObject({
      ok: false,
      violations: [
        {
          code: 'PAYMENT_NOT_OVERDUE',
          details: { partyId: MANAGER, dueDate: '2027-02-15' },
        },
      ],
    });
  });

  it('APL art. 66(1): the company that paid its own fine in time is not demanded', () => {
    expect(issue(demand(COMPANY, '2027-02-16', '2027-07-21'))).toMatchObject({
      ok: false,
      violations: [
        { code: 'PAYMENT_NOT_OVERDUE', details: { partyId: COMPANY, outstandingFen: 0 } },
      ],
    });
  });

  it('Compulsion Law art. 35: availableActions for each party answers as the demand would — the manager may be demanded on 02-16, the company that paid may not', () => {
    const snap = decided('DECISION_SERVED', { payments: COMPANY_PAID });
    const answer = (partyId: string) =>
      availableActions(snap, HANDLER_A, d('2027-02-16'), CONTEXT, partyId).find(
        (a) => a.action === 'issueEnforcementDemand',
      );
    expect(answer(MANAGER)).toMatchObject({ allowed: true, violations: [] });
    expect(answer(COMPANY)).toMatchObject({
      allowed: false,
      violations: [{ code: 'PAYMENT_NOT_OVERDUE', details: { partyId: COMPANY } }],
    });
  });

  it('Compulsion Law art. 53: the manager’s window starts from the manager’s own lapse, not the company’s', () => {
    expect(codesOf(issue(demand(MANAGER, '2027-02-16', '2027-07-21')))).toEqual([
      'ENFORCEMENT_WINDOW_START_MISMATCH',
    ]);
  });
});

describe('the court application for the party demanded (Compulsion Law arts. 38, 53, 54, 57)', () => {
  /** The manager was demanded on 07-13; the demand served Wednesday 07-14. */
  const managerDemand: EnforcementRecord = {
    partyId: MANAGER,
    demandIssuedOn: d('2027-07-13'),
    demandAmountFen: 1_300_000,
    demandPerformBy: d('2027-07-23'),
    demandServedOn: d('2027-07-14'),
    remedyPeriodsLapseOn: d('2027-07-26'),
    rulings: [],
  };
  const demanded = (patch: Partial<CaseSnapshot> = {}) =>
    decided('ENFORCEMENT_DEMAND_ISSUED', {
      payments: COMPANY_PAID,
      enforcement: managerDemand,
      deadlines: {
        ...decided().deadlines,
        COURT_ENFORCEMENT_WINDOW: { dueDate: d('2027-10-26') },
      },
      ...patch,
    });
  const apply = (on: string) =>
    decide(
      demanded(),
      'applyForCourtEnforcement',
      { appliedOn: d(on), court: '区人民法院' },
      HEAD,
      d(on),
      CONTEXT,
    );

  it('Compulsion Law arts. 53, 54: on Monday 07-26 the manager’s own remedy period still runs and only 8 working days passed since service: refused, naming the manager', () => {
    const result = apply('2027-07-26');
    expect(codesOf(result)).toEqual(['COURT_ENFORCEMENT_TOO_EARLY', 'REMEDY_PERIODS_NOT_LAPSED']);
    expect(result).toMatchObject({
      violations: [{}, { details: { partyId: MANAGER, lapseOn: '2027-07-26' } }],
    });
  });

  it('Compulsion Law art. 54: the 10th working day after service is Wednesday 07-28; from Thursday 07-29 the application is allowed', () => {
    expect(codesOf(apply('2027-07-28'))).toEqual(['COURT_ENFORCEMENT_TOO_EARLY']);
    expect(codesOf(apply('2027-07-29'))).toEqual([]);
  });

  it('Compulsion Law art. 38: the manager’s demand is served on the manager, not on the company', () => {
    const served = (partyId: string): ServeDocumentInput => ({
      documents: ['ENFORCEMENT_DEMAND'],
      partyId,
      method: 'DIRECT',
      facts: {
        servedOn: d('2027-07-14'),
        recipientName: partyId,
        recipientRole: partyId === COMPANY ? 'LEGAL_REPRESENTATIVE' : 'PARTY',
        signed: true,
        signedOn: d('2027-07-14'),
      },
      servers: TEAM,
      deemedServedOn: d('2027-07-14'),
    });
    const unserved = demanded({ enforcement: { ...managerDemand, demandServedOn: undefined } });
    const serve = (partyId: string) =>
      decide(unserved, 'serveDocument', served(partyId), HANDLER_A, d('2027-07-14'), CONTEXT);
    expect(codesOf(serve(COMPANY))).toEqual(['DOCUMENT_NOT_SERVABLE']);
    expect(codesOf(serve(MANAGER))).toEqual([]);
  });

  it('Compulsion Law art. 57, APL art. 66(1): the court executing the manager’s obligation executes the case once the company has paid; otherwise the company’s execution goes on', () => {
    const applied = (payments: readonly PaymentRecord[]) =>
      demanded({
        status: 'COURT_ENFORCEMENT_APPLIED',
        payments,
        enforcement: { ...managerDemand, courtAppliedOn: d('2027-07-29'), court: '区人民法院' },
      });
    const enforced = (payments: readonly PaymentRecord[]) =>
      decide(
        applied(payments),
        'recordCourtRuling',
        { ruledOn: d('2027-09-01'), result: 'ENFORCED' },
        HANDLER_A,
        d('2027-09-01'),
        CONTEXT,
      );
    expect(enforced(COMPANY_PAID)).toMatchObject({ ok: true, outcome: 'ENFORCED', to: 'EXECUTED' });
    expect(enforced([])).toMatchObject({
      ok: true,
      outcome: 'ENFORCED_OTHER_PARTY_OWES',
      to: 'DECISION_SERVED',
    });
  });

  it('APL art. 66(1): a demand on the company after the manager’s enforcement keeps the manager’s on record, executed by the court', () => {
    const afterEnforcement = decided('DECISION_SERVED', {
      enforcement: {
        ...managerDemand,
        courtAppliedOn: d('2027-07-29'),
        rulings: [{ ruledOn: d('2027-09-01'), result: 'ENFORCED' }],
      },
    });
    const input: IssueEnforcementDemandInput = {
      issuedOn: d('2027-09-06'),
      amountFen: 10_000_000,
      performBy: d('2027-09-16'),
      remedyPeriodsLapseOn: d('2027-07-21'),
      partyId: COMPANY,
    };
    const result = decide(
      afterEnforcement,
      'issueEnforcementDemand',
      input,
      HANDLER_A,
      d('2027-09-06'),
      CONTEXT,
    );
    expect(codesOf(result)).toEqual([]);
    if (!result.ok) {
      return;
    }
    const next = applyTransition(afterEnforcement, result, input, HANDLER_A, ids);
    expect(next.enforcement).toMatchObject({ partyId: COMPANY, rulings: [] });
    expect(partyEnforcedByCourt(next, MANAGER)).toBe(true);
    expect(partiesWithOutstandingObligation(next, d('2027-09-06'), RULEBOOK, CALENDAR)).toEqual([
      COMPANY,
    ]);
  });
});
