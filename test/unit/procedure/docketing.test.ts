/**
 * Case source, docketing, cancellation and transfer (立案、撤销立案、移送管辖).
 */
import { describe, expect, it } from 'vitest';
import type {
  DecideDocketingInput,
  RegisterCaseSourceInput,
  TransferCaseInput,
} from '../../../src/procedure/action-inputs.js';
import {
  newCaseSnapshot,
  type OfficerRef,
  type ViolationFacts,
} from '../../../src/procedure/case-snapshot.js';
import { decide } from '../../../src/procedure/decide.js';
import { RULE_CATALOG } from '../../../src/procedure/rule-catalog.js';
import {
  certificate,
  codesOf,
  CONTEXT,
  d,
  HANDLER_A,
  HEAD,
  OFFICE,
  ref,
  snapshot,
  TEAM,
  principalHeadApproval,
} from './procedure-fixtures.js';

const registered = (patch: Parameters<typeof snapshot>[1] = {}) =>
  snapshot('CASE_SOURCE_REGISTERED', {
    docketedOn: undefined,
    deadlines: { DOCKETING: { dueDate: d('2024-03-12') } },
    ...patch,
  });

function register(input: Partial<RegisterCaseSourceInput>, now = '2024-03-01') {
  const full: RegisterCaseSourceInput = {
    sourceType: 'INSPECTION',
    receivedOn: d(now),
    summary: '线索',
    ...input,
  };
  return decide(
    newCaseSnapshot(OFFICE, 'MUNICIPAL'),
    'registerCaseSource',
    full,
    HANDLER_A,
    d(now),
    CONTEXT,
  );
}

const docketInput = (
  patch: Partial<Extract<DecideDocketingInput, { docket: true }>> = {},
): DecideDocketingInput => ({
  docket: true,
  handlers: TEAM,
  jurisdiction: { basis: 'TERRITORIAL', explanation: '网站备案地在本市' },
  ...patch,
});

describe('registerCaseSource', () => {
  it('CAC 2017 art. 14: registering a source starts the docketing period from the date it was received', () => {
    const result = register({ receivedOn: d('2024-02-28') });
    expect(result).toMatchObject({
      ok: true,
      from: 'NEW',
      to: 'CASE_SOURCE_REGISTERED',
      rulebookVersion: 'CAC-2023',
      actDate: '2024-02-28',
    });
    expect(result.ok && result.effects).toContainEqual({
      kind: 'START_DEADLINE',
      deadline: 'DOCKETING',
      parameter: 'docketingPeriod',
      trigger: 'RECEIVED_ON',
    });
  });

  it.each([
    ['2023-05-31', 'CAC-2017'],
    ['2023-06-01', 'CAC-2023'],
  ])(
    'rulebook change 2023-06-01: a source received on %s is governed by %s',
    (receivedOn, version) => {
      expect(register({ receivedOn: d(receivedOn) }, '2023-06-02')).toMatchObject({
        ok: true,
        rulebookVersion: version,
      });
    },
  );

  it.each(['ASSIGNED_BY_HIGHER_OFFICE', 'REQUESTED_BY_LOWER_OFFICE', 'TRANSFERRED_IN'] as const)(
    'CAC 2017 art. 14: a %s source received up to 2023-05-31 without the originating office is refused with CASE_SOURCE_DETAILS_MISSING; from 2023-06-01 the repealed article binds no more',
    (sourceType) => {
      expect(codesOf(register({ sourceType }, '2023-05-31'))).toEqual([
        'CASE_SOURCE_DETAILS_MISSING',
      ]);
      expect(register({ sourceType, originator: '国家互联网信息办公室' }, '2023-05-31').ok).toBe(
        true,
      );
      expect(register({ sourceType }, '2023-06-01').ok).toBe(true);
    },
  );

  it.each([true, false])(
    'a complaint or report is registered with named complainant = %s',
    (namedComplainant) => {
      expect(register({ sourceType: 'COMPLAINT_OR_REPORT', namedComplainant }).ok).toBe(true);
    },
  );

  it('APL art. 47: a source dated after today is refused with ACT_DATE_IN_FUTURE', () => {
    expect(codesOf(register({ receivedOn: d('2024-03-02') }))).toEqual(['ACT_DATE_IN_FUTURE']);
  });

  it('APL art. 86: an act before 2021-07-15 is refused with RULEBOOK_NOT_IN_FORCE', () => {
    expect(codesOf(register({ receivedOn: d('2021-07-14') }))).toEqual(['RULEBOOK_NOT_IN_FORCE']);
  });

  it('APL art. 17: an officer of another office cannot register a source for this office', () => {
    const other = { ...HANDLER_A, officeId: 'office-bj' };
    const result = decide(
      newCaseSnapshot(OFFICE, 'MUNICIPAL'),
      'registerCaseSource',
      { sourceType: 'INSPECTION', receivedOn: d('2024-03-01'), summary: '线索' },
      other,
      d('2024-03-01'),
      CONTEXT,
    );
    expect(codesOf(result)).toEqual(['ACTOR_NOT_IN_CASE_OFFICE']);
  });
});

describe('decideDocketing', () => {
  const now = d('2024-03-01');

  it('APL art. 54(2), art. 60: docketing starts the 90-day case time limit on the docketing day', () => {
    const result = decide(registered(), 'decideDocketing', docketInput(), HEAD, now, CONTEXT);
    expect(result).toMatchObject({ ok: true, to: 'INVESTIGATING', outcome: 'DOCKETED' });
    expect(result.ok && result.effects).toEqual([
      { kind: 'STOP_DEADLINE', deadline: 'DOCKETING' },
      {
        kind: 'START_DEADLINE',
        deadline: 'CASE_TIME_LIMIT',
        parameter: 'caseTimeLimit',
        trigger: 'ACTION_DATE',
      },
      { kind: 'DOCUMENT_DUE', document: 'DOCKETING_APPROVAL_FORM' },
    ]);
  });

  it.each<[string, readonly OfficerRef[], boolean]>([
    ['one handler', [ref(HANDLER_A)], false],
    ['the same officer twice', [ref(HANDLER_A), ref(HANDLER_A)], false],
    [
      'two officers on one certificate number',
      [ref(HANDLER_A), { officerId: 'x', certificate: HANDLER_A.certificate }],
      false,
    ],
    ['two distinct certified officers', TEAM, true],
  ])(
    'APL art. 42(1): docketing with %s (fewer than two → HANDLERS_FEWER_THAN_TWO)',
    (_label, handlers, ok) => {
      const result = decide(
        registered(),
        'decideDocketing',
        docketInput({ handlers }),
        HEAD,
        now,
        CONTEXT,
      );
      expect(codesOf(result)).toEqual(ok ? [] : ['HANDLERS_FEWER_THAN_TWO']);
    },
  );

  it.each([
    [
      'valid until the docketing day (last valid day)',
      certificate('C', '2020-01-01', '2024-03-01'),
      true,
    ],
    ['expired the day before', certificate('C', '2020-01-01', '2024-02-29'), false],
    ['valid only from the next day', certificate('C', '2024-03-02', '2030-01-01'), false],
    [
      'revoked on the docketing day',
      certificate('C', '2020-01-01', '2030-01-01', '2024-03-01'),
      false,
    ],
    ['revoked the next day', certificate('C', '2020-01-01', '2030-01-01', '2024-03-02'), true],
  ])(
    'APL art. 42(1): a handler certificate %s → CERTIFICATE_NOT_VALID when not valid that day',
    (_label, cert, ok) => {
      const handlers = [ref(HANDLER_A), { officerId: 'handler-c', certificate: cert }];
      const result = decide(
        registered(),
        'decideDocketing',
        docketInput({ handlers }),
        HEAD,
        now,
        CONTEXT,
      );
      expect(codesOf(result)).toEqual(ok ? [] : ['CERTIFICATE_NOT_VALID']);
    },
  );

  const received = d('2024-02-20');
  it.each<[string, ViolationFacts, boolean]>([
    [
      'committed exactly 2 years before discovery (last day)',
      { committedOn: d('2022-02-20'), harmsLifeHealthOrFinancialSecurity: false },
      true,
    ],
    [
      'committed 2 years and 1 day before discovery',
      { committedOn: d('2022-02-19'), harmsLifeHealthOrFinancialSecurity: false },
      false,
    ],
    [
      'continuing act ended 2 years before discovery',
      {
        committedOn: d('2019-01-01'),
        endedOn: d('2022-02-20'),
        harmsLifeHealthOrFinancialSecurity: false,
      },
      true,
    ],
    [
      'endangering financial security, committed 5 years before',
      { committedOn: d('2019-02-20'), harmsLifeHealthOrFinancialSecurity: true },
      true,
    ],
    [
      'endangering financial security, 5 years and 1 day',
      { committedOn: d('2019-02-19'), harmsLifeHealthOrFinancialSecurity: true },
      false,
    ],
  ])(
    'APL art. 36(1): violation %s (expired → LIMITATION_PERIOD_EXPIRED)',
    (_label, violation, ok) => {
      const snap = registered({ source: { type: 'INSPECTION', receivedOn: received }, violation });
      expect(codesOf(decide(snap, 'decideDocketing', docketInput(), HEAD, now, CONTEXT))).toEqual(
        ok ? [] : ['LIMITATION_PERIOD_EXPIRED'],
      );
    },
  );

  it('APL art. 36(1): a time-barred source may still be recorded as not docketed', () => {
    const snap = registered({
      violation: { committedOn: d('2015-01-01'), harmsLifeHealthOrFinancialSecurity: false },
    });
    expect(
      decide(
        snap,
        'decideDocketing',
        { docket: false, reason: '超过追责时效' },
        HEAD,
        now,
        CONTEXT,
      ),
    ).toMatchObject({
      ok: true,
      to: 'NOT_DOCKETED',
      outcome: 'NOT_DOCKETED',
    });
  });

  it('APL art. 36: docketing without a known violation date is refused with VIOLATION_DATE_REQUIRED', () => {
    const snap = registered({ violation: undefined });
    expect(codesOf(decide(snap, 'decideDocketing', docketInput(), HEAD, now, CONTEXT))).toEqual([
      'VIOLATION_DATE_REQUIRED',
    ]);
    const withDates = docketInput({
      violation: { committedOn: d('2024-01-01'), harmsLifeHealthOrFinancialSecurity: false },
    });
    expect(decide(snap, 'decideDocketing', withDates, HEAD, now, CONTEXT).ok).toBe(true);
  });

  it('APL arts. 22-25: docketing without a jurisdiction explanation is refused with JURISDICTION_BASIS_MISSING', () => {
    const input = docketInput({ jurisdiction: { basis: 'TERRITORIAL', explanation: ' ' } });
    expect(codesOf(decide(registered(), 'decideDocketing', input, HEAD, now, CONTEXT))).toEqual([
      'JURISDICTION_BASIS_MISSING',
    ]);
  });

  it('every unmet rule is returned at once, each with its citation', () => {
    const snap = registered({
      violation: { committedOn: d('2015-01-01'), harmsLifeHealthOrFinancialSecurity: false },
    });
    const input = docketInput({
      handlers: [
        { officerId: 'handler-c', certificate: certificate('C', '2010-01-01', '2020-01-01') },
      ],
      jurisdiction: { basis: 'TERRITORIAL', explanation: '' },
    });
    const result = decide(snap, 'decideDocketing', input, HANDLER_A, now, CONTEXT);
    expect(codesOf(result).sort()).toEqual(
      [
        'CERTIFICATE_NOT_VALID',
        'HANDLERS_FEWER_THAN_TWO',
        'JURISDICTION_BASIS_MISSING',
        'LIMITATION_PERIOD_EXPIRED',
        'ROLE_REQUIRED',
      ].sort(),
    );
    expect(!result.ok && result.violations.every((v) => v.legalBasis.length > 0)).toBe(true);
  });

  it('CAC 2017 art. 16(1): not docketing a named complaint makes the notice to the complainant due', () => {
    const snap = registered({
      source: { type: 'COMPLAINT_OR_REPORT', receivedOn: d('2024-02-20'), namedComplainant: true },
    });
    const result = decide(
      snap,
      'decideDocketing',
      { docket: false, reason: '不构成违法' },
      HEAD,
      now,
      CONTEXT,
    );
    expect(result.ok && result.effects).toContainEqual({
      kind: 'DOCUMENT_DUE',
      document: 'NOT_DOCKETED_NOTICE_TO_COMPLAINANT',
    });
  });

  it('CAC 2017 art. 16(2): not docketing a transferred-in case makes the written notice to the transferring authority due', () => {
    const snap = registered({
      source: { type: 'TRANSFERRED_IN', receivedOn: d('2024-02-20'), originator: '市公安局' },
    });
    const result = decide(
      snap,
      'decideDocketing',
      { docket: false, reason: '不构成违法' },
      HEAD,
      now,
      CONTEXT,
    );
    expect(result).toMatchObject({ ok: true, outcome: 'NOT_DOCKETED_TRANSFERRED_IN' });
    expect(result.ok && result.effects).toContainEqual({
      kind: 'DOCUMENT_DUE',
      document: 'NOT_DOCKETED_NOTICE_TO_TRANSFERRING_AUTHORITY',
    });
  });

  it('APL art. 42(1), art. 57: a case handler cannot approve docketing (ROLE_REQUIRED)', () => {
    expect(
      codesOf(decide(registered(), 'decideDocketing', docketInput(), HANDLER_A, now, CONTEXT)),
    ).toEqual(['ROLE_REQUIRED']);
  });

  it('APL art. 4: a docketed case cannot be docketed again (ACTION_NOT_ALLOWED_IN_STATUS)', () => {
    const result = decide(
      snapshot('INVESTIGATING'),
      'decideDocketing',
      docketInput(),
      HEAD,
      now,
      CONTEXT,
    );
    expect(codesOf(result)).toEqual(['ACTION_NOT_ALLOWED_IN_STATUS']);
    expect(!result.ok && result.violations[0]?.details).toMatchObject({
      status: 'INVESTIGATING',
      allowedFrom: ['CASE_SOURCE_REGISTERED'],
    });
  });
});

describe('extendTimeLimit: docketing period', () => {
  const input = {
    limit: 'DOCKETING_PERIOD',
    approvedOn: d('2024-03-12'),
    reason: '案情复杂',
    byCollectiveDiscussion: false,
  } as const;

  it('CAC 2017 art. 15(2) (P) / 2023 (U): the head may extend the docketing period once, to the extended total', () => {
    const result = decide(registered(), 'extendTimeLimit', input, HEAD, d('2024-03-12'), CONTEXT);
    expect(result.ok && result.effects).toContainEqual({
      kind: 'EXTEND_DEADLINE',
      deadline: 'DOCKETING',
      parameter: 'docketingPeriodWithExtension',
    });
    const again = registered({
      timeLimitExtensions: [
        { limit: 'DOCKETING_PERIOD', approvedOn: d('2024-03-05'), byCollectiveDiscussion: false },
      ],
    });
    expect(
      codesOf(decide(again, 'extendTimeLimit', input, HEAD, d('2024-03-12'), CONTEXT)),
    ).toEqual(['TIME_LIMIT_ALREADY_EXTENDED']);
  });

  it('an extension approved the day after the docketing period ended is refused with EXTENSION_AFTER_EXPIRY', () => {
    const late = { ...input, approvedOn: d('2024-03-13') };
    expect(
      codesOf(decide(registered(), 'extendTimeLimit', late, HEAD, d('2024-03-13'), CONTEXT)),
    ).toEqual(['EXTENSION_AFTER_EXPIRY']);
  });

  it('the docketing period cannot be extended once the case is docketed (TIME_LIMIT_NOT_RUNNING)', () => {
    expect(
      codesOf(
        decide(snapshot('INVESTIGATING'), 'extendTimeLimit', input, HEAD, d('2024-03-12'), CONTEXT),
      ),
    ).toEqual(['TIME_LIMIT_NOT_RUNNING']);
  });
});

describe('cancelDocketing', () => {
  it('CAC 2017 art. 16(3): the head cancels the docketing of a case that does not meet the conditions', () => {
    const result = decide(
      snapshot('INVESTIGATING'),
      'cancelDocketing',
      { reason: '不属于本部门管辖' },
      HEAD,
      d('2024-03-10'),
      CONTEXT,
    );
    expect(result).toMatchObject({ ok: true, to: 'DOCKETING_CANCELLED' });
  });

  it('Compulsion Law art. 28: cancelling while items are still seized is refused with COMPULSORY_MEASURE_STILL_ACTIVE', () => {
    const snap = snapshot('INVESTIGATING', {
      compulsoryMeasures: [
        {
          id: 'm-1',
          kind: 'SEIZURE',
          startedOn: d('2024-03-05'),
          endsOn: d('2024-04-04'),
          extended: false,
        },
      ],
    });
    expect(
      codesOf(
        decide(snap, 'cancelDocketing', { reason: '无违法事实' }, HEAD, d('2024-03-10'), CONTEXT),
      ),
    ).toEqual(['COMPULSORY_MEASURE_STILL_ACTIVE']);
  });
});

describe('transferCase', () => {
  const transferredIn = snapshot('INVESTIGATING', {
    source: { type: 'TRANSFERRED_IN', receivedOn: d('2024-02-20'), originator: '某市网信办' },
  });
  const transfer = (kind: TransferCaseInput['kind'], snap = transferredIn) =>
    decide(
      snap,
      'transferCase',
      {
        kind,
        recipient: '某区网信办',
        reason: '管辖',
        ...(kind === 'TO_JUDICIAL_ORGAN'
          ? {
              judicial: {
                reportedOn: d('2024-03-08'),
                approval: principalHeadApproval('2024-03-09'),
                transferredOn: d('2024-03-10'),
                procuratorate: '某区人民检察院',
              },
            }
          : {}),
      },
      HEAD,
      d('2024-03-10'),
      CONTEXT,
    );

  it('CAC 2017 art. 10(2): a transferred-in case passed on to another office up to 2023-05-31 is refused with TRANSFERRED_IN_CASE_CANNOT_BE_TRANSFERRED; not after the repeal', () => {
    const in2023 = snapshot('INVESTIGATING', {
      source: { type: 'TRANSFERRED_IN', receivedOn: d('2023-04-20'), originator: '某市网信办' },
      docketedOn: d('2023-04-25'),
    });
    const on = (date: string) =>
      decide(
        in2023,
        'transferCase',
        { kind: 'TO_OFFICE_WITH_JURISDICTION', recipient: '某区网信办', reason: '管辖' },
        HEAD,
        d(date),
        CONTEXT,
      );
    expect(codesOf(on('2023-05-31'))).toEqual(['TRANSFERRED_IN_CASE_CANNOT_BE_TRANSFERRED']);
    expect(codesOf(on('2023-06-01'))).toEqual([]);
    expect(transfer('TO_OFFICE_WITH_JURISDICTION')).toMatchObject({ ok: true, to: 'TRANSFERRED' });
    expect(transfer('TO_OFFICE_WITH_JURISDICTION', snapshot('INVESTIGATING'))).toMatchObject({
      ok: true,
      to: 'TRANSFERRED',
    });
  });

  it('CAC 2017 arts. 10(2), 11: the receiving office asks the common higher office to designate instead (10 working days)', () => {
    const result = transfer('REQUEST_DESIGNATED_JURISDICTION');
    expect(result).toMatchObject({
      ok: true,
      to: 'INVESTIGATING',
      outcome: 'DESIGNATION_REQUESTED',
    });
    expect(result.ok && result.effects).toContainEqual({
      kind: 'START_DEADLINE',
      deadline: 'JURISDICTION_DESIGNATION',
      parameter: 'jurisdictionDesignationPeriod',
      trigger: 'ACTION_DATE',
    });
  });

  it('APL art. 27(1): a suspected crime goes to the judicial organ, even for a transferred-in case', () => {
    expect(transfer('TO_JUDICIAL_ORGAN')).toMatchObject({
      ok: true,
      to: 'TRANSFERRED_TO_JUDICIAL_ORGAN',
      outcome: 'TRANSFERRED_TO_JUDICIAL_ORGAN',
    });
  });

  it('Compulsion Law art. 21: seized items go with the case to the judicial organ and the party is told in writing', () => {
    const snap = snapshot('INVESTIGATING', {
      compulsoryMeasures: [
        {
          id: 'm-1',
          kind: 'SEIZURE',
          startedOn: d('2024-03-05'),
          endsOn: d('2024-04-04'),
          extended: false,
        },
      ],
    });
    const result = transfer('TO_JUDICIAL_ORGAN', snap);
    expect(result.ok && result.effects).toContainEqual({
      kind: 'DOCUMENT_DUE',
      document: 'SEIZED_ITEMS_TRANSFER_NOTICE',
    });
  });
});

describe('a refusal cites only the texts in force on the act date', () => {
  // HANDLERS_FEWER_THAN_TWO cites the CAC 2017 rules (repealed after 2023-05-31) beside APL
  // art. 42(1): decide() keeps a violation whose citations are all in force as it is and
  // copies one with a repealed citation without it.
  const refusal = (on: string) => {
    const result = decide(
      registered({ deadlines: { DOCKETING: { dueDate: d(on) } } }),
      'decideDocketing',
      docketInput({ handlers: [ref(HANDLER_A)] }),
      HEAD,
      d(on),
      CONTEXT,
    );
    return !result.ok
      ? result.violations.find((v) => v.code === 'HANDLERS_FEWER_THAN_TWO')
      : undefined;
  };
  const catalog = RULE_CATALOG.HANDLERS_FEWER_THAN_TWO.legalBasis;

  it('before the repeal: every citation of the catalog', () => {
    const found = refusal('2023-05-02');
    expect(catalog.some((b) => b.validTo !== undefined)).toBe(true);
    expect(found?.legalBasis).toEqual(catalog);
  });

  it('after the repeal: the repealed citation is dropped, the catalog untouched', () => {
    const found = refusal('2024-03-01');
    expect(found?.legalBasis).toEqual(catalog.filter((b) => b.validTo === undefined));
    expect(found?.legalBasis.length).toBeLessThan(catalog.length);
    expect(RULE_CATALOG.HANDLERS_FEWER_THAN_TWO.legalBasis).toBe(catalog);
    expect(catalog.some((b) => b.validTo !== undefined)).toBe(true);
  });
});
