/**
 * Compulsory measures completed (legal.md §7 item 13): the on-site procedure of Compulsion Law
 * art. 18 items (4)-(9), the emergency imposition of art. 19, the testing time excluded by
 * art. 25(3) and the custody of art. 26.
 */
import { describe, expect, it } from 'vitest';
import type {
  CompulsoryMeasureOnSiteFacts,
  ImposeCompulsoryMeasureInput,
} from '../../../src/procedure/action-inputs.js';
import { applyTransition } from '../../../src/procedure/apply-transition.js';
import type {
  CaseSnapshot,
  CompulsoryMeasureRecord,
} from '../../../src/procedure/case-snapshot.js';
import { testingDaysExcluded } from '../../../src/procedure/compulsory-measure-periods.js';
import { availableActions, decide } from '../../../src/procedure/decide.js';
import { rulebookFor } from '../../../src/procedure/rulebook.js';
import {
  codesOf,
  CONTEXT,
  CUSTODY,
  d,
  HANDLER_A,
  ON_SITE_WITH_PARTY,
  PRINCIPAL_HEAD,
  principalHeadApproval,
  snapshot,
  TEAM,
} from './procedure-fixtures.js';

const start = d('2024-03-04');

function imposeInput(
  patch: Partial<ImposeCompulsoryMeasureInput> = {},
): ImposeCompulsoryMeasureInput {
  return {
    measure: 'SEIZURE',
    startedOn: start,
    endsOn: d('2024-04-03'),
    officers: TEAM,
    certificatesShown: true,
    approval: principalHeadApproval(start),
    basis: 'PIPL_63_1_4',
    evidenceIds: ['ev-1'],
    suspectedProvisions: [{ provisionId: 'PIPL-66-1', lawCode: 'PIPL' }],
    onSite: ON_SITE_WITH_PARTY,
    custody: CUSTODY,
    ...patch,
  };
}

const investigating = (patch: Parameters<typeof snapshot>[1] = {}) =>
  snapshot('INVESTIGATING', patch);

const impose = (patch: Partial<ImposeCompulsoryMeasureInput> = {}) =>
  decide(investigating(), 'imposeCompulsoryMeasure', imposeInput(patch), HANDLER_A, start, CONTEXT);

const onSite = (patch: Partial<CompulsoryMeasureOnSiteFacts>) => ({
  onSite: { ...ON_SITE_WITH_PARTY, ...patch },
});

describe('Compulsion Law art. 18 items (4)-(9): the on-site procedure', () => {
  it('CL art. 18: a seizure without the on-site facts is refused with COMPULSORY_MEASURE_ON_SITE_FACTS_MISSING', () => {
    expect(codesOf(impose({ onSite: undefined }))).toEqual([
      'COMPULSORY_MEASURE_ON_SITE_FACTS_MISSING',
    ]);
  });

  it('CL art. 18(4)-(8): with the party present, every item left undone is refused at once', () => {
    const result = impose(
      onSite({
        partyNotified: false,
        informedOfReasonsAndRemedies: false,
        statementsHeard: false,
        partySigned: false,
        partyRefusalNoted: false,
      }),
    );
    expect(codesOf(result)).toEqual([
      'COMPULSORY_MEASURE_PARTY_NOT_NOTIFIED',
      'COMPULSORY_MEASURE_PARTY_NOT_INFORMED',
      'COMPULSORY_MEASURE_PARTY_NOT_HEARD',
      'COMPULSORY_MEASURE_TRANSCRIPT_NOT_SIGNED',
    ]);
    expect(result.ok ? [] : result.violations.map((v) => v.legalBasis[0]!.item)).toEqual([
      4, 5, 6, 8,
    ]);
  });

  it('CL art. 18(7): no on-site transcript is refused with COMPULSORY_MEASURE_TRANSCRIPT_MISSING', () => {
    expect(codesOf(impose(onSite({ transcriptMade: false })))).toEqual([
      'COMPULSORY_MEASURE_TRANSCRIPT_MISSING',
    ]);
  });

  it('CL art. 18(8): the party’s refusal to sign, noted in the transcript, stands for the signature', () => {
    expect(impose(onSite({ partySigned: false, partyRefusalNoted: true })).ok).toBe(true);
    expect(codesOf(impose(onSite({ officersSigned: false })))).toEqual([
      'COMPULSORY_MEASURE_TRANSCRIPT_NOT_SIGNED',
    ]);
  });

  it.each<[string, Partial<CompulsoryMeasureOnSiteFacts>, string[]]>([
    [
      'no witness',
      { witness: undefined, witnessSigned: false },
      ['COMPULSORY_MEASURE_WITNESS_MISSING'],
    ],
    [
      'a witness who did not sign',
      { witness: '社区居委会主任李四', witnessSigned: false },
      ['COMPULSORY_MEASURE_WITNESS_MISSING'],
    ],
    ['a witness who signed', { witness: '社区居委会主任李四', witnessSigned: true }, []],
  ])('CL art. 18(9): the party absent (notified), %s → %j', (_label, witness, codes) => {
    const absent = {
      partyPresent: false,
      informedOfReasonsAndRemedies: false,
      statementsHeard: false,
      partySigned: false,
      ...witness,
    };
    expect(codesOf(impose(onSite(absent)))).toEqual(codes);
  });
});

describe('Compulsion Law art. 26: custody', () => {
  it('CL art. 26(1): a seizure that records no custody place and custodian is refused', () => {
    expect(codesOf(impose({ custody: undefined }))).toEqual([
      'COMPULSORY_MEASURE_CUSTODY_NOT_RECORDED',
    ]);
    expect(codesOf(impose({ custody: { ...CUSTODY, custodian: ' ' } }))).toEqual([
      'COMPULSORY_MEASURE_CUSTODY_NOT_RECORDED',
    ]);
  });

  it('CL art. 26(3): a custody cost charged to the party is refused (the office bears it)', () => {
    expect(codesOf(impose({ custody: { ...CUSTODY, costChargedToPartyFen: 5_000 } }))).toEqual([
      'COMPULSORY_MEASURE_CUSTODY_COST_CHARGED',
    ]);
  });

  it('CL art. 26: the measure keeps its custody place and custodian', () => {
    const input = imposeInput();
    const result = impose();
    if (!result.ok) {
      throw new Error(JSON.stringify(result.violations));
    }
    const next = applyTransition(investigating(), result, input, HANDLER_A, { next: () => 'm-1' });
    expect(next.compulsoryMeasures[0]!.custody).toEqual({
      place: CUSTODY.place,
      custodian: CUSTODY.custodian,
    });
  });
});

describe('Compulsion Law art. 19: a measure imposed on the spot in an emergency', () => {
  const emergency = { reason: '当事人正在转移涉案服务器', imposedAt: '2024-03-04T21:30:00+08:00' };
  const onTheSpot = imposeInput({ approval: undefined, emergency });
  const measure = (patch: Partial<CompulsoryMeasureRecord> = {}): CompulsoryMeasureRecord => ({
    id: 'm-1',
    kind: 'SEIZURE',
    startedOn: start,
    endsOn: d('2024-04-03'),
    extended: false,
    emergency,
    ...patch,
  });
  const seized = (patch: Partial<CompulsoryMeasureRecord> = {}): CaseSnapshot =>
    investigating({
      compulsoryMeasures: [measure(patch)],
      deadlines: {
        COMPULSORY_MEASURE: { dueDate: d('2024-04-03') },
        EMERGENCY_MEASURE_REPORT: { dueDate: d('2024-03-05') },
      },
    });
  const ratify = (reportedAt: string, approved = true, on = '2024-03-05', snap = seized()) =>
    decide(
      snap,
      'ratifyEmergencyMeasure',
      {
        measureId: 'm-1',
        reportedAt,
        approved,
        approval: principalHeadApproval(on),
        ...(approved ? {} : { refusalReason: '不符合情况紧急的条件' }),
      },
      PRINCIPAL_HEAD,
      d(on),
      CONTEXT,
    );

  it('CL art. 19: imposed on the spot without prior approval is allowed and starts the 24-hour report', () => {
    const result = decide(
      investigating(),
      'imposeCompulsoryMeasure',
      onTheSpot,
      HANDLER_A,
      start,
      CONTEXT,
    );
    expect(result.ok && result.outcome).toBe('IMPOSED_IN_EMERGENCY');
    expect(result.ok && result.effects).toContainEqual({
      kind: 'START_DEADLINE',
      deadline: 'EMERGENCY_MEASURE_REPORT',
      parameter: 'emergencyMeasureReportPeriod',
      trigger: 'STARTED_ON',
    });
    expect(rulebookFor(start).parameters.emergencyMeasureReportPeriod).toMatchObject({
      length: 1,
      unit: 'CALENDAR_DAYS',
      rollOverHolidays: false,
      status: 'V',
    });
  });

  it('CL art. 19: the emergency must be stated', () => {
    expect(
      codesOf(impose({ approval: undefined, emergency: { ...emergency, reason: ' ' } })),
    ).toEqual(['EMERGENCY_MEASURE_REASON_MISSING']);
  });

  it('CL art. 19: a report 23 h 59 min after the imposition is ratified (across midnight); 24 h 1 min is refused with EMERGENCY_MEASURE_REPORT_LATE', () => {
    expect(ratify('2024-03-05T21:29:00+08:00').ok).toBe(true);
    expect(codesOf(ratify('2024-03-05T21:31:00+08:00'))).toEqual(['EMERGENCY_MEASURE_REPORT_LATE']);
  });

  it('CL art. 19: the head decides once, on a measure imposed on the spot', () => {
    const ratified = seized({
      emergency: {
        ...emergency,
        ratification: {
          reportedAt: '2024-03-05T09:00:00+08:00',
          approved: true,
          decidedOn: d('2024-03-05'),
        },
      },
    });
    expect(codesOf(ratify('2024-03-05T09:00:00+08:00', true, '2024-03-05', ratified))).toEqual([
      'EMERGENCY_MEASURE_ALREADY_RATIFIED',
    ]);
    const approvedBefore = seized({ emergency: undefined });
    expect(
      codesOf(ratify('2024-03-05T09:00:00+08:00', true, '2024-03-05', approvedBefore)),
    ).toEqual(['MEASURE_NOT_IMPOSED_IN_EMERGENCY']);
  });

  it('CL art. 19 (应当立即解除): after the head refuses, every step but the release is refused; the release is allowed', () => {
    const refused = seized({
      emergency: {
        ...emergency,
        ratification: {
          reportedAt: '2024-03-05T09:00:00+08:00',
          approved: false,
          decidedOn: d('2024-03-05'),
        },
      },
    });
    const actions = availableActions(refused, HANDLER_A, d('2024-03-05'), CONTEXT);
    const allowed = actions.filter((a) => a.allowed).map((a) => a.action);
    expect(allowed).toEqual(['releaseCompulsoryMeasure']);
    const recordEvidence = actions.find((a) => a.action === 'recordEvidence')!;
    expect(recordEvidence.violations.map((v) => v.code)).toContain(
      'EMERGENCY_MEASURE_AWAITING_RELEASE',
    );
  });

  it('CL art. 19: a measure not ratified by the report day is to be released from the day after', () => {
    const onReportDay = availableActions(seized(), HANDLER_A, d('2024-03-05'), CONTEXT);
    expect(onReportDay.find((a) => a.action === 'recordEvidence')!.allowed).toBe(true);
    const dayAfter = availableActions(seized(), HANDLER_A, d('2024-03-06'), CONTEXT);
    expect(dayAfter.filter((a) => a.allowed).map((a) => a.action)).toEqual([
      'releaseCompulsoryMeasure',
    ]);
  });
});

describe('Compulsion Law art. 25(3): testing time is not counted in the seizure period', () => {
  it.each([
    ['2024-03-10', '2024-03-19', 10],
    // The start day itself is never counted (CPL art. 85): only the days after it move the end.
    ['2024-03-04', '2024-03-06', 2],
    ['2024-03-05', '2024-03-05', 1],
  ])('CL art. 25(3): testing %s – %s excludes %i days', (from, to, days) => {
    expect(testingDaysExcluded(start, d(from), d(to))).toBe(days);
  });

  const seized = (testingPeriods: CompulsoryMeasureRecord['testingPeriods'] = []) =>
    investigating({
      compulsoryMeasures: [
        {
          id: 'm-1',
          kind: 'SEIZURE',
          startedOn: start,
          endsOn: d('2024-04-03'),
          extended: false,
          testingPeriods,
        },
      ],
      deadlines: { COMPULSORY_MEASURE: { dueDate: d('2024-04-03') } },
    });
  const testing = (from: string, to: string, snap = seized()) => {
    const input = {
      measureId: 'm-1',
      testingKind: 'TECHNICAL_APPRAISAL' as const,
      institution: '北京某某司法鉴定中心',
      startsOn: d(from),
      endsOn: d(to),
      notifiedOn: d('2024-03-10'),
    };
    return {
      input,
      result: decide(snap, 'recordTestingPeriod', input, HANDLER_A, d('2024-03-10'), CONTEXT),
    };
  };

  it('CL art. 25(3): a 10-day appraisal moves the last day by 10 days and the party is told in writing', () => {
    const { input, result } = testing('2024-03-10', '2024-03-19');
    if (!result.ok) {
      throw new Error(JSON.stringify(result.violations));
    }
    expect(result.effects).toEqual([
      { kind: 'EXCLUDE_FROM_DEADLINE', deadline: 'COMPULSORY_MEASURE' },
      { kind: 'DOCUMENT_DUE', document: 'TESTING_PERIOD_NOTICE' },
    ]);
    const next = applyTransition(seized(), result, input, HANDLER_A, { next: () => 'x' });
    expect(next.compulsoryMeasures[0]).toMatchObject({
      endsOn: d('2024-04-13'),
      testingPeriods: [{ startsOn: d('2024-03-10'), endsOn: d('2024-03-19'), daysExcluded: 10 }],
    });
  });

  it('CL art. 25(3): a testing period beginning after the last day, or ending before it begins, is refused', () => {
    expect(codesOf(testing('2024-04-04', '2024-04-10').result)).toEqual([
      'TESTING_PERIOD_OUTSIDE_MEASURE',
    ]);
    expect(codesOf(testing('2024-03-12', '2024-03-11').result)).toEqual([
      'TESTING_PERIOD_OUTSIDE_MEASURE',
    ]);
  });

  it('CL art. 25(3): a day already excluded is not excluded twice', () => {
    const snap = seized([
      {
        testingKind: 'TESTING',
        institution: '某检测中心',
        startsOn: d('2024-03-06'),
        endsOn: d('2024-03-12'),
        daysExcluded: 7,
        notifiedOn: d('2024-03-06'),
      },
    ]);
    expect(codesOf(testing('2024-03-10', '2024-03-19', snap).result)).toEqual([
      'TESTING_PERIOD_OVERLAPS',
    ]);
  });
});
