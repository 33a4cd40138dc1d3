/**
 * A case with several parties (a company and the person directly responsible, both fined under
 * PIPL art. 66): each is served the notice on their own, each one's statement and hearing-request
 * periods run from their own service, and one party's waiver binds no other (APL arts. 44, 61,
 * 62, 64(1), 85). Dates cross the 2026/2027 year end with New Year's Day a holiday.
 */
import { describe, expect, it } from 'vitest';
import type {
  DecideCaseInput,
  ServeDocumentInput,
  WaiveRightsInput,
} from '../../../src/procedure/action-inputs.js';
import { applyTransition } from '../../../src/procedure/apply-transition.js';
import type { CaseSnapshot, ServiceRecord } from '../../../src/procedure/case-snapshot.js';
import { availableActions, decide } from '../../../src/procedure/decide.js';
import {
  noticeServedOnParty,
  partiesWithUnpaidObligation,
  partyHasWaived,
  periodLastDay,
} from '../../../src/procedure/party-periods.js';
import {
  codesOf,
  d,
  executionSnapshot,
  fakeWorkingDays,
  HANDLER_A,
  HEAD,
  snapshot,
  TEAM,
} from './procedure-fixtures.js';

const COMPANY = 'company';
const MANAGER = 'manager';
/** Weekends and New Year's Day 2027 are rest days. */
const CALENDAR = fakeWorkingDays(['2027-01-01']);
const CONTEXT = { workingDays: CALENDAR };
const ids = { next: (kind: string) => `${kind}-new` };

/** The notice was deemed served on `partyId` on `on`. */
const noticeService = (partyId: string, on: string): ServiceRecord => ({
  id: `service-${partyId}`,
  partyId,
  documents: ['PRE_PENALTY_NOTICE'],
  method: 'DIRECT',
  servedOn: d(on),
  deemedServedOn: d(on),
  serverIds: ['handler-a', 'handler-b'],
});

/**
 * Notice issued Wednesday 2026-12-23 proposing 50,000 yuan for the company and 10,000 for the
 * manager (hearing-eligible); `services` say on whom it was served.
 */
const twoParties = (
  services: readonly ServiceRecord[],
  patch: Partial<CaseSnapshot> = {},
  status: CaseSnapshot['status'] = 'READY_FOR_DECISION',
): CaseSnapshot =>
  snapshot(status, {
    parties: [
      { id: COMPANY, kind: 'LEGAL_PERSON' },
      { id: MANAGER, kind: 'NATURAL_PERSON' },
    ],
    violation: { committedOn: d('2026-06-01'), harmsLifeHealthOrFinancialSecurity: false },
    docketedOn: d('2026-10-09'),
    notice: {
      issuedOn: d('2026-12-23'),
      ...(services.length ? { servedOn: services.map((s) => s.deemedServedOn).sort()[0] } : {}),
      proposedPenalties: [
        { partyId: COMPANY, kind: 'FINE', amountYuan: 50_000 },
        { partyId: MANAGER, kind: 'FINE', amountYuan: 10_000 },
      ],
      hearingEligible: true,
    },
    services,
    deadlines: {
      CASE_TIME_LIMIT: { dueDate: d('2027-03-31') },
      STATEMENT: { dueDate: d('2027-01-06') },
      HEARING_REQUEST: { dueDate: d('2027-01-06') },
    },
    ...patch,
  });

/** Company served Wednesday 2026-12-23 (periods end Wednesday 12-30); manager Tuesday 12-29 (end Wednesday 2027-01-06). */
const BOTH_SERVED = [noticeService(COMPANY, '2026-12-23'), noticeService(MANAGER, '2026-12-29')];

const BOTH_FINED: DecideCaseInput = {
  outcome: 'PENALTY',
  penalties: [
    { partyId: COMPANY, kind: 'FINE', amountYuan: 50_000 },
    { partyId: MANAGER, kind: 'FINE', amountYuan: 10_000 },
  ],
};

const decideOn = (snap: CaseSnapshot, on: string, input: DecideCaseInput = BOTH_FINED) =>
  decide(snap, 'decideCase', input, HEAD, d(on), CONTEXT);

/** `partyId` waived statement and defence and the hearing on `on`. */
const waived = (partyId: string, on: string) =>
  (['STATEMENT_AND_DEFENCE', 'HEARING'] as const).map((right) => ({
    right,
    partyId,
    waivedOn: d(on),
  }));

const serveNotice = (partyId: string, on: string): ServeDocumentInput => ({
  documents: ['PRE_PENALTY_NOTICE'],
  partyId,
  method: 'DIRECT',
  facts: {
    servedOn: d(on),
    recipientName: partyId === COMPANY ? '王五' : '李四',
    recipientRole: partyId === COMPANY ? 'LEGAL_REPRESENTATIVE' : 'PARTY',
    signed: true,
    signedOn: d(on),
  },
  servers: TEAM,
  deemedServedOn: d(on),
});

describe('periods counted from each party’s own service (APL art. 85)', () => {
  it('APL art. 62 read with art. 85: 5 working days from Tuesday 2026-12-29 end Wednesday 2027-01-06, New Year’s Day and the weekend not counted', () => {
    const period = { length: 5, unit: 'WORKING_DAYS' as const };
    expect(periodLastDay(period, d('2026-12-29'), CALENDAR)).toBe('2027-01-06');
    expect(periodLastDay(period, d('2026-12-23'), CALENDAR)).toBe('2026-12-30');
  });

  it('APL arts. 44, 61: each party’s notice is served on their own day; a service before the notice was issued does not count', () => {
    const snap = twoParties([
      noticeService(COMPANY, '2026-12-23'),
      { ...noticeService(MANAGER, '2026-12-01'), id: 'old' },
    ]);
    expect(noticeServedOnParty(snap, COMPANY)).toBe('2026-12-23');
    expect(noticeServedOnParty(snap, MANAGER)).toBeUndefined();
  });
});

describe('serveDocument on each party (APL arts. 44, 61)', () => {
  it('APL art. 61: the notice served on the company may still be served on the manager; the same party twice is refused', () => {
    const snap = twoParties([BOTH_SERVED[0]!], {}, 'PRE_PENALTY_NOTICE_SERVED');
    const onManager = decide(
      snap,
      'serveDocument',
      serveNotice(MANAGER, '2026-12-29'),
      HANDLER_A,
      d('2026-12-29'),
      CONTEXT,
    );
    expect(codesOf(onManager)).toEqual([]);
    expect(onManager).toMatchObject({
      ok: true,
      outcome: 'PRE_PENALTY_NOTICE_SERVED_HEARING_ELIGIBLE',
    });
    const again = decide(
      snap,
      'serveDocument',
      serveNotice(COMPANY, '2026-12-29'),
      HANDLER_A,
      d('2026-12-29'),
      CONTEXT,
    );
    expect(codesOf(again)).toContain('DOCUMENT_ALREADY_SERVED');
  });

  it('APL art. 62: a further party deemed served no later than a party before starts no stored period (the later end stays)', () => {
    const snap = twoParties([BOTH_SERVED[1]!], {}, 'PRE_PENALTY_NOTICE_SERVED');
    // Both signed for it on Tuesday 12-29, the manager's service entered first.
    const input = serveNotice(COMPANY, '2026-12-29');
    const result = decide(snap, 'serveDocument', input, HANDLER_A, d('2026-12-29'), CONTEXT);
    expect(codesOf(result)).toEqual([]);
    expect(result).toMatchObject({ ok: true, outcome: 'SERVED_ON_FURTHER_PARTY' });
    if (!result.ok) {
      return;
    }
    expect(result.effects.map((e) => e.kind)).toEqual(['DOCUMENT_DUE']);
    const next = applyTransition(snap, result, input, HANDLER_A, ids);
    expect(next.notice?.servedOn).toBe('2026-12-29');
    expect(next.services.at(-1)).toMatchObject({ partyId: COMPANY, deemedServedOn: '2026-12-29' });
    expect(noticeServedOnParty(next, COMPANY)).toBe('2026-12-29');
  });
});

describe('decideCase hears every penalized party (APL arts. 44, 62, 64(1))', () => {
  it('APL arts. 44, 62: a party fined without the notice served on them is refused, naming the party', () => {
    const result = decideOn(twoParties([BOTH_SERVED[0]!]), '2027-01-08');
    expect(codesOf(result)).toContain('NOTICE_NOT_SERVED');
    expect(result.ok ? [] : result.violations).toContainEqual(
      expect.objectContaining({
        code: 'NOTICE_NOT_SERVED',
        details: expect.objectContaining({ partyIds: [MANAGER] }),
      }),
    );
  });

  it('APL art. 62: on Monday 2027-01-04 the company’s period is over but the manager’s runs to 2027-01-06: refused, naming the manager', () => {
    const result = decideOn(twoParties(BOTH_SERVED), '2027-01-04');
    expect(codesOf(result)).toEqual(
      expect.arrayContaining(['STATEMENT_PERIOD_NOT_OVER', 'HEARING_REQUEST_PERIOD_NOT_OVER']),
    );
    const statement = result.ok
      ? undefined
      : result.violations.find((v) => v.code === 'STATEMENT_PERIOD_NOT_OVER');
    expect(statement?.details).toMatchObject({
      dueDate: '2027-01-06',
      parties: [{ partyId: MANAGER, servedOn: '2026-12-29', dueDate: '2027-01-06' }],
    });
  });

  it('APL art. 62: the same decision on Thursday 2027-01-07, after both periods, is allowed', () => {
    expect(codesOf(decideOn(twoParties(BOTH_SERVED), '2027-01-07'))).toEqual([]);
  });

  it('APL art. 62: one party’s waiver binds no other — the company waived on 12-24, the manager’s periods still hold the decision', () => {
    const snap = twoParties(BOTH_SERVED, { waivers: waived(COMPANY, '2026-12-24') });
    expect(partyHasWaived(snap, 'HEARING', COMPANY)).toBe(true);
    expect(partyHasWaived(snap, 'HEARING', MANAGER)).toBe(false);
    expect(codesOf(decideOn(snap, '2026-12-31'))).toEqual(
      expect.arrayContaining(['STATEMENT_PERIOD_NOT_OVER', 'HEARING_REQUEST_PERIOD_NOT_OVER']),
    );
    const both = twoParties(BOTH_SERVED, {
      waivers: [...waived(COMPANY, '2026-12-24'), ...waived(MANAGER, '2026-12-30')],
    });
    expect(codesOf(decideOn(both, '2026-12-31'))).toEqual([]);
  });

  it('APL art. 62: a decision fining only the company judges the company’s periods, not the unpenalized manager’s', () => {
    const companyOnly: DecideCaseInput = {
      outcome: 'PENALTY',
      penalties: [{ partyId: COMPANY, kind: 'FINE', amountYuan: 50_000 }],
    };
    expect(codesOf(decideOn(twoParties(BOTH_SERVED), '2026-12-31', companyOnly))).toEqual([]);
    expect(codesOf(decideOn(twoParties(BOTH_SERVED), '2026-12-30', companyOnly))).toContain(
      'STATEMENT_PERIOD_NOT_OVER',
    );
  });

  it('APL arts. 63-65: the manager requested a hearing, held; the company waived: the decision follows the hearing', () => {
    const snap = twoParties(BOTH_SERVED, {
      waivers: waived(COMPANY, '2026-12-24'),
      statements: [],
      hearing: {
        requestedOn: d('2026-12-30'),
        partyId: MANAGER,
        noticeServedOn: d('2027-01-05'),
        hearingOn: d('2027-01-15'),
        presidingOfficerId: 'presider',
        heldOn: d('2027-01-15'),
        outcome: 'HELD',
      },
    });
    // The manager's statement period ran to 2027-01-06; the hearing request is their own.
    expect(codesOf(decideOn(snap, '2027-01-18'))).not.toContain('HEARING_REQUEST_PERIOD_NOT_OVER');
    expect(codesOf(decideOn(snap, '2027-01-18'))).not.toContain('STATEMENT_PERIOD_NOT_OVER');
  });
});

describe('the party’s own acts on the notice (APL arts. 45, 62, 64(1))', () => {
  const served = (status: CaseSnapshot['status'] = 'PRE_PENALTY_NOTICE_SERVED') =>
    twoParties(BOTH_SERVED, {}, status);

  it('APL art. 64(1): the manager asks for a hearing on Wednesday 2027-01-06, the last day of their own window; the company on Thursday 12-31, a day after theirs, is refused', () => {
    const manager = decide(
      served(),
      'requestHearing',
      { requestedOn: d('2027-01-06'), partyId: MANAGER },
      HANDLER_A,
      d('2027-01-06'),
      CONTEXT,
    );
    expect(codesOf(manager)).toEqual([]);
    const company = decide(
      served(),
      'requestHearing',
      { requestedOn: d('2026-12-31'), partyId: COMPANY },
      HANDLER_A,
      d('2026-12-31'),
      CONTEXT,
    );
    expect(codesOf(company)).toContain('HEARING_REQUEST_OUT_OF_TIME');
  });

  it('APL art. 64(1): availableActions for one party agrees with the real call — on Thursday 12-31 the manager may still request a hearing, the company (window closed 12-30) may not', () => {
    const answer = (partyId?: string) =>
      availableActions(served(), HANDLER_A, d('2026-12-31'), CONTEXT, partyId).find(
        (a) => a.action === 'requestHearing',
      )!;
    const real = (partyId: string) =>
      decide(
        served(),
        'requestHearing',
        { requestedOn: d('2026-12-31'), partyId },
        HANDLER_A,
        d('2026-12-31'),
        CONTEXT,
      );
    expect(answer(MANAGER)).toMatchObject({ allowed: true, violations: [] });
    expect(answer(MANAGER).inputRules).not.toContain('NOTICE_NOT_SERVED');
    expect(codesOf(real(MANAGER))).toEqual([]);
    expect(answer(COMPANY)).toMatchObject({
      allowed: false,
      violations: [{ code: 'HEARING_REQUEST_OUT_OF_TIME', details: { partyId: COMPANY } }],
    });
    expect(codesOf(real(COMPANY))).toEqual(['HEARING_REQUEST_OUT_OF_TIME']);
    // Asked for no party, the party's rules stay among the input rules.
    expect(answer()).toMatchObject({ allowed: true });
    expect(answer().inputRules).toEqual(
      expect.arrayContaining(['NOTICE_NOT_SERVED', 'HEARING_REQUEST_OUT_OF_TIME']),
    );
  });

  it('APL arts. 44, 62: availableActions for a party not yet served refuses their statement and waiver, naming them', () => {
    const snap = twoParties([BOTH_SERVED[0]!], {}, 'PRE_PENALTY_NOTICE_SERVED');
    const answers = availableActions(snap, HANDLER_A, d('2026-12-24'), CONTEXT, MANAGER);
    for (const action of ['recordStatement', 'waiveRights', 'requestHearing'] as const) {
      expect(answers.find((a) => a.action === action)).toMatchObject({
        allowed: false,
        violations: [{ code: 'NOTICE_NOT_SERVED', details: { partyIds: [MANAGER] } }],
      });
    }
    expect(
      availableActions(snap, HANDLER_A, d('2026-12-24'), CONTEXT, COMPANY).find(
        (a) => a.action === 'waiveRights',
      ),
    ).toMatchObject({ allowed: true });
  });

  it('APL arts. 44, 62: a party not yet served cannot state, waive or request a hearing', () => {
    const snap = twoParties([BOTH_SERVED[0]!], {}, 'PRE_PENALTY_NOTICE_SERVED');
    const statement = decide(
      snap,
      'recordStatement',
      { receivedOn: d('2026-12-24'), channel: 'WRITTEN', partyId: MANAGER },
      HANDLER_A,
      d('2026-12-24'),
      CONTEXT,
    );
    expect(codesOf(statement)).toContain('NOTICE_NOT_SERVED');
    const waiver = decide(
      snap,
      'waiveRights',
      { rights: ['HEARING'], waivedOn: d('2026-12-24'), signedByParty: true, partyId: MANAGER },
      HANDLER_A,
      d('2026-12-24'),
      CONTEXT,
    );
    expect(codesOf(waiver)).toContain('NOTICE_NOT_SERVED');
  });

  it('APL art. 64(1): the company waiving its hearing does not withdraw the hearing the manager requested', () => {
    const snap = twoParties(
      BOTH_SERVED,
      { hearing: { requestedOn: d('2026-12-30'), partyId: MANAGER } },
      'HEARING_REQUESTED',
    );
    const input: WaiveRightsInput = {
      rights: ['HEARING'],
      waivedOn: d('2026-12-30'),
      signedByParty: true,
      partyId: COMPANY,
    };
    const result = decide(snap, 'waiveRights', input, HANDLER_A, d('2026-12-30'), CONTEXT);
    expect(result).toMatchObject({ ok: true, outcome: 'WAIVED', to: 'HEARING_REQUESTED' });
    if (!result.ok) {
      return;
    }
    const next = applyTransition(snap, result, input, HANDLER_A, ids);
    expect(next.hearing?.withdrawnOn).toBeUndefined();
    expect(next.waivers).toEqual([{ right: 'HEARING', partyId: COMPANY, waivedOn: '2026-12-30' }]);
  });
});

describe('a joint hearing of the parties who ask (APL arts. 63, 64)', () => {
  /** The company asked Monday 12-28 (its window ends Wednesday 12-30). */
  const companyAsked = (status: CaseSnapshot['status'] = 'HEARING_REQUESTED', patch = {}) =>
    twoParties(
      BOTH_SERVED,
      {
        hearing: {
          requestedOn: d('2026-12-28'),
          partyId: COMPANY,
          requests: [{ partyId: COMPANY, requestedOn: d('2026-12-28') }],
          ...patch,
        },
      },
      status,
    );
  const request = (snap: CaseSnapshot, partyId: string, on: string) =>
    decide(snap, 'requestHearing', { requestedOn: d(on), partyId }, HANDLER_A, d(on), CONTEXT);
  const step = <I>(snap: CaseSnapshot, result: ReturnType<typeof decide>, input: I) => {
    expect(result.ok, JSON.stringify(result)).toBe(true);
    return applyTransition(snap, result as never, input as never, HANDLER_A, ids);
  };
  const schedule = {
    hearingOn: d('2027-01-20'),
    noticeServedOn: d('2027-01-08'),
    presidingOfficerId: 'presider',
    isPublic: true,
  };
  const hold = {
    heldOn: d('2027-01-20'),
    outcome: 'HELD' as const,
    agentCount: 0,
    recordSignedByParty: true,
    refusalNotedByPresider: false,
  };
  const PRESIDING = { id: 'presider', officeId: HEAD.officeId, roles: ['HEARING_OFFICER'] };

  it('APL art. 64(1): the company asked on 12-28; the manager asks on Wednesday 2027-01-06, the last day of their own window: accepted and heard jointly (JOINED); neither asks twice (HEARING_ALREADY_REQUESTED)', () => {
    const snap = companyAsked();
    const input = { requestedOn: d('2027-01-06'), partyId: MANAGER };
    const joined = request(snap, MANAGER, '2027-01-06');
    expect(joined).toMatchObject({ ok: true, outcome: 'JOINED', to: 'HEARING_REQUESTED' });
    const next = step(snap, joined, input);
    expect(next.hearing?.requests).toEqual([
      { partyId: COMPANY, requestedOn: '2026-12-28' },
      { partyId: MANAGER, requestedOn: '2027-01-06' },
    ]);
    expect(next.hearing?.requestedOn).toBe('2026-12-28');
    expect(codesOf(request(next, MANAGER, '2027-01-06'))).toEqual(['HEARING_ALREADY_REQUESTED']);
    expect(codesOf(request(snap, COMPANY, '2026-12-29'))).toEqual(['HEARING_ALREADY_REQUESTED']);
    // The manager's own window judges: Thursday 01-07 is a day late.
    expect(codesOf(request(snap, MANAGER, '2027-01-07'))).toContain('HEARING_REQUEST_OUT_OF_TIME');
  });

  it('APL art. 64(2): a party who asks after the hearing was scheduled is not heard until it is scheduled again and notified to them (HEARING_PARTY_NOT_NOTIFIED)', () => {
    const scheduled = companyAsked('HEARING_SCHEDULED', {
      noticeServedOn: d('2027-01-05'),
      hearingOn: d('2027-01-15'),
      presidingOfficerId: 'presider',
      noticedPartyIds: [COMPANY],
    });
    const input = { requestedOn: d('2027-01-06'), partyId: MANAGER };
    const joined = step(scheduled, request(scheduled, MANAGER, '2027-01-06'), input);
    expect(joined.status).toBe('HEARING_SCHEDULED');
    const early = decide(
      joined,
      'recordHearing',
      { ...hold, heldOn: d('2027-01-15') },
      PRESIDING as never,
      d('2027-01-15'),
      CONTEXT,
    );
    expect(codesOf(early)).toEqual(['HEARING_PARTY_NOT_NOTIFIED']);
    // Scheduled again (notice served Friday 01-08, hearing Wednesday 01-20, 7 working days).
    const again = step(
      joined,
      decide(joined, 'scheduleHearing', schedule, HEAD, d('2027-01-08'), CONTEXT),
      schedule,
    );
    expect(again.hearing?.noticedPartyIds).toEqual([COMPANY, MANAGER]);
    const held = decide(again, 'recordHearing', hold, PRESIDING as never, d('2027-01-20'), CONTEXT);
    expect(held).toMatchObject({ ok: true, to: 'HEARING_CONCLUDED' });
  });

  it('APL arts. 63(1), 65: the decision waits until the hearing covering both requesting parties is held', () => {
    const joint = {
      requests: [
        { partyId: COMPANY, requestedOn: d('2026-12-28') },
        { partyId: MANAGER, requestedOn: d('2027-01-06') },
      ],
      noticedPartyIds: [COMPANY, MANAGER],
      noticeServedOn: d('2027-01-08'),
      hearingOn: d('2027-01-20'),
      presidingOfficerId: 'presider',
    };
    // Not while scheduled; and the rule itself: a hearing requested and not held blocks it.
    expect(codesOf(decideOn(companyAsked('HEARING_SCHEDULED', joint), '2027-01-21'))).toEqual([
      'ACTION_NOT_ALLOWED_IN_STATUS',
    ]);
    const pending = companyAsked('READY_FOR_DECISION', joint);
    expect(codesOf(decideOn(pending, '2027-01-21'))).toContain('HEARING_REQUESTED_NOT_HELD');
    const held = companyAsked('READY_FOR_DECISION', {
      ...joint,
      heldOn: d('2027-01-20'),
      outcome: 'HELD',
    });
    const codes = codesOf(decideOn(held, '2027-01-21'));
    expect(codes).not.toContain('HEARING_REQUESTED_NOT_HELD');
    expect(codes).not.toContain('HEARING_REQUEST_PERIOD_NOT_OVER');
  });

  it('APL arts. 62, 64(1): one party of a joint hearing withdraws, the hearing goes on for the other; when the last withdraws the request is withdrawn', () => {
    const both = companyAsked('HEARING_REQUESTED', {
      requests: [
        { partyId: COMPANY, requestedOn: d('2026-12-28') },
        { partyId: MANAGER, requestedOn: d('2027-01-06') },
      ],
    });
    const waive = (partyId: string): WaiveRightsInput => ({
      rights: ['HEARING'],
      waivedOn: d('2027-01-07'),
      signedByParty: true,
      partyId,
    });
    const first = decide(both, 'waiveRights', waive(COMPANY), HANDLER_A, d('2027-01-07'), CONTEXT);
    expect(first).toMatchObject({ ok: true, outcome: 'WAIVED', to: 'HEARING_REQUESTED' });
    const managerOnly = step(both, first, waive(COMPANY));
    expect(managerOnly.hearing?.requests).toEqual([
      { partyId: MANAGER, requestedOn: '2027-01-06' },
    ]);
    expect(managerOnly.hearing?.withdrawnOn).toBeUndefined();
    const last = decide(
      managerOnly,
      'waiveRights',
      waive(MANAGER),
      HANDLER_A,
      d('2027-01-07'),
      CONTEXT,
    );
    expect(last).toMatchObject({
      ok: true,
      outcome: 'HEARING_REQUEST_WITHDRAWN',
      to: 'PRE_PENALTY_NOTICE_SERVED',
    });
  });
});

describe('each party performs their own obligation (APL art. 66(1))', () => {
  /** Fines decided Thursday 2027-01-21: 50,000 yuan for the company, 10,000 for the manager; both letters served. */
  const decided = (payments: CaseSnapshot['payments'] = []) =>
    executionSnapshot('DECISION_SERVED', {
      parties: [
        { id: COMPANY, kind: 'LEGAL_PERSON' },
        { id: MANAGER, kind: 'NATURAL_PERSON' },
      ],
      decision: {
        outcome: 'PENALTY',
        decidedOn: d('2027-01-21'),
        penalties: [
          { partyId: COMPANY, kind: 'FINE', amountYuan: 50_000 },
          { partyId: MANAGER, kind: 'FINE', amountYuan: 10_000 },
        ],
        fineFen: 6_000_000,
        servedOn: d('2027-01-21'),
      },
      deadlines: { PAYMENT: { dueDate: d('2027-02-05') } },
      payments,
    });
  const pay = (partyId: string, amountFen: number) => ({
    paidOn: d('2027-01-27'),
    amountFen,
    channel: 'DESIGNATED_BANK' as const,
    receiptNumber: `R-${partyId}`,
    partyId,
  });
  const payOn = (snap: CaseSnapshot, input: ReturnType<typeof pay>) =>
    decide(snap, 'recordPayment', input, HANDLER_A, d('2027-01-27'), CONTEXT);

  it('APL art. 66(1): the company paying the whole 60,000 yuan does not execute the manager’s fine', () => {
    const result = payOn(decided(), pay(COMPANY, 6_000_000));
    expect(result).toMatchObject({ ok: true, outcome: 'PARTLY_PAID', to: 'DECISION_SERVED' });
  });

  it('APL art. 66(1): once each has paid their own fine the case is executed', () => {
    const companyPaid = [{ id: 'p1', ...pay(COMPANY, 5_000_000) }];
    expect(partiesWithUnpaidObligation(decided(companyPaid))).toEqual([MANAGER]);
    const result = payOn(decided(companyPaid), pay(MANAGER, 1_000_000));
    expect(result).toMatchObject({ ok: true, outcome: 'PAID_IN_FULL', to: 'EXECUTED' });
  });

  it('APL art. 61: the decision letter served on the company may still be served on the manager; the company twice is refused', () => {
    const snap = decided();
    const served = {
      ...snap,
      services: [
        { ...noticeService(COMPANY, '2027-01-21'), documents: ['PENALTY_DECISION' as const] },
      ],
    };
    const letter = (partyId: string): ServeDocumentInput => ({
      ...serveNotice(partyId, '2027-01-22'),
      documents: ['PENALTY_DECISION'],
    });
    const onManager = decide(
      served,
      'serveDocument',
      letter(MANAGER),
      HANDLER_A,
      d('2027-01-22'),
      CONTEXT,
    );
    expect(codesOf(onManager)).toEqual([]);
    expect(onManager).toMatchObject({ ok: true, outcome: 'PENALTY_DECISION_SERVED_WITH_FINE' });
    const again = decide(
      served,
      'serveDocument',
      letter(COMPANY),
      HANDLER_A,
      d('2027-01-22'),
      CONTEXT,
    );
    expect(codesOf(again)).toContain('DOCUMENT_ALREADY_SERVED');
  });
});
