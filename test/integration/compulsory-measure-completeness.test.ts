import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  audioVisualRecordInput,
  custodyInput,
  evidenceIdsOf,
  investigatingCase,
  officerId,
  okStep,
  onSiteFactsInput,
  runStep,
  storedDocumentText,
  violationsOf,
} from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Compulsory measures completed, through the GraphQL API (legal.md §7 item 13): a seizure imposed on
 * the spot in an emergency, reported within 24 hours and ratified or refused by the principal head
 * (Compulsion Law art. 19); the testing time excluded from the seizure period across the New Year
 * and the 2027 Spring Festival (art. 25(3); 2027 is a provisional calendar); the on-site facts
 * (art. 18) and custody (art. 26) kept with the measure.
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

interface MeasureView {
  id: string;
  endsOn: string;
  releasedOn: string | null;
  toBeReleased: boolean;
  custodyPlace: string | null;
  custodian: string | null;
  onSite: { partyPresent: boolean; transcriptMade: boolean } | null;
  emergency: {
    reason: string;
    imposedAt: string;
    reportedAt: string | null;
    approved: boolean | null;
    refusalReason: string | null;
  } | null;
  testingPeriods: { testingKind: string; startsOn: string; endsOn: string; daysExcluded: number }[];
}

interface DeadlineView {
  kind: string;
  dueDate: string;
  provisional: boolean;
  stoppedOn: string | null;
  explanation: { lines: string[] };
}

async function caseView(caseId: string) {
  const result = await app.run<{
    case: {
      version: number;
      compulsoryMeasures: MeasureView[];
      deadlines: DeadlineView[];
      availableActions: { action: string; allowed: boolean }[];
    };
  }>(
    `query($id: ID!) { case(id: $id) {
      version
      compulsoryMeasures {
        id endsOn releasedOn toBeReleased custodyPlace custodian
        onSite { partyPresent transcriptMade }
        emergency { reason imposedAt reportedAt approved refusalReason }
        testingPeriods { testingKind startsOn endsOn daysExcluded }
      }
      deadlines { kind dueDate provisional stoppedOn explanation { lines } }
      availableActions { action allowed }
    } }`,
    { id: caseId },
    'BJ0002',
  );
  expect(result.errors).toBeUndefined();
  return result.data!.case;
}

/** A PIPL case investigating since Tue 2027-01-05, evidence Wed 01-06. */
async function pipl2027Case(): Promise<{ caseId: string; evidenceIds: string[] }> {
  const caseId = await investigatingCase(app, {
    prefix: 'BJ',
    partyKey: 'xinghe',
    registeredOn: '2027-01-04',
    docketedOn: '2027-01-05',
    collectedOn: '2027-01-06',
  });
  return { caseId, evidenceIds: await evidenceIdsOf(app, caseId, 'BJ0002') };
}

/** Seized on the spot on Thu 2027-01-07 at 22:30 Beijing time, without prior approval. */
function onTheSpot(evidenceIds: string[]): Record<string, unknown> {
  return {
    measure: 'SEIZURE',
    startedOn: '2027-01-07',
    endsOn: '2027-02-05',
    officerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
    certificatesShown: true,
    items: ['正在被转移的涉案服务器一台'],
    basis: 'PIPL_63_1_4',
    suspectedProvisionIds: ['PIPL-66-1'],
    evidenceIds,
    audioVisualRecord: audioVisualRecordInput(
      app,
      'BJ0003',
      '2027-01-07T14:20:00Z',
      '2027-01-07T15:10:00Z',
    ),
    emergency: { reason: '当事人正在将涉案服务器搬离机房', imposedAt: '2027-01-07T14:30:00Z' },
    onSite: onSiteFactsInput(),
    custody: custodyInput(),
  };
}

function headDecision(on: string): Record<string, unknown> {
  return { approvedById: officerId(app, 'BJ0001'), approvedOn: on, written: true };
}

describe('Compulsion Law art. 19: seized on the spot in an emergency', () => {
  it('CL art. 19: imposed without approval, reported 12 h later across midnight and ratified by the principal head; the measure stands with its custody and on-site facts', async () => {
    const { caseId, evidenceIds } = await pipl2027Case();
    app.setToday('2027-01-07');
    const seized = await okStep(
      app,
      'imposeCompulsoryMeasure',
      { caseId, expectedVersion: 3, input: onTheSpot(evidenceIds) },
      'BJ0002',
    );
    // 24 hours from 22:30 on 01-07: the report day is 01-08 (stored, not rolled over).
    expect(seized.deadlines.find((d) => d.kind === 'EMERGENCY_MEASURE_REPORT')).toMatchObject({
      triggerDate: '2027-01-07',
      dueDate: '2027-01-08',
      stoppedOn: null,
    });
    const measureId = seized.case!.compulsoryMeasures[0]!.id;

    app.setToday('2027-01-08');
    const late = violationsOf(
      await runStep(
        app,
        'ratifyEmergencyMeasure',
        {
          caseId,
          expectedVersion: 4,
          input: {
            measureId,
            reportedAt: '2027-01-08T14:31:00Z',
            approved: true,
            approval: headDecision('2027-01-08'),
          },
        },
        'BJ0001',
      ),
    );
    expect(late.map((v) => v.code)).toEqual(['EMERGENCY_MEASURE_REPORT_LATE']);
    expect(late[0]!.legalBasis.map((b) => b.citation)).toEqual([
      '《中华人民共和国行政强制法》第十九条',
    ]);

    const ratified = await okStep(
      app,
      'ratifyEmergencyMeasure',
      {
        caseId,
        expectedVersion: 4,
        input: {
          measureId,
          reportedAt: '2027-01-08T02:30:00Z',
          approved: true,
          approval: headDecision('2027-01-08'),
        },
      },
      'BJ0001',
    );
    expect(ratified.deadlines.find((d) => d.kind === 'EMERGENCY_MEASURE_REPORT')).toMatchObject({
      stoppedOn: '2027-01-08',
    });
    const view = await caseView(caseId);
    expect(view.compulsoryMeasures[0]).toMatchObject({
      endsOn: '2027-02-05',
      toBeReleased: false,
      custodyPlace: '本机关涉案财物保管室（3号柜）',
      custodian: '案件管理处 王五',
      onSite: { partyPresent: true, transcriptMade: true },
      emergency: {
        reason: '当事人正在将涉案服务器搬离机房',
        imposedAt: '2027-01-07T14:30:00.000Z',
        reportedAt: '2027-01-08T02:30:00.000Z',
        approved: true,
      },
    });
    expect(view.availableActions.find((a) => a.action === 'recordEvidence')!.allowed).toBe(true);
  });

  it('CL art. 19 (应当立即解除): the head refuses; every other step is refused until the release, which is allowed; then the case goes on', async () => {
    const { caseId, evidenceIds } = await pipl2027Case();
    app.setToday('2027-01-07');
    const seized = await okStep(
      app,
      'imposeCompulsoryMeasure',
      { caseId, expectedVersion: 3, input: onTheSpot(evidenceIds) },
      'BJ0002',
    );
    const measureId = seized.case!.compulsoryMeasures[0]!.id;
    app.setToday('2027-01-08');
    await okStep(
      app,
      'ratifyEmergencyMeasure',
      {
        caseId,
        expectedVersion: 4,
        input: {
          measureId,
          reportedAt: '2027-01-08T01:00:00Z',
          approved: false,
          approval: headDecision('2027-01-08'),
          refusalReason: '设备已断电封存于机房，不属于情况紧急',
        },
      },
      'BJ0001',
    );
    const waiting = await caseView(caseId);
    expect(waiting.compulsoryMeasures[0]).toMatchObject({
      toBeReleased: true,
      emergency: { approved: false, refusalReason: '设备已断电封存于机房，不属于情况紧急' },
    });
    expect(waiting.availableActions.filter((a) => a.allowed).map((a) => a.action)).toEqual([
      'releaseCompulsoryMeasure',
    ]);
    const blocked = violationsOf(
      await runStep(
        app,
        'extendCompulsoryMeasure',
        {
          caseId,
          expectedVersion: 5,
          input: {
            measureId,
            newEndsOn: '2027-02-20',
            reason: '案情复杂',
            approval: headDecision('2027-01-08'),
          },
        },
        'BJ0002',
      ),
    );
    expect(blocked.map((v) => v.code)).toContain('EMERGENCY_MEASURE_AWAITING_RELEASE');

    await okStep(
      app,
      'releaseCompulsoryMeasure',
      {
        caseId,
        expectedVersion: 5,
        input: { measureId, releasedOn: '2027-01-08', ground: 'OTHER' },
      },
      'BJ0002',
    );
    const released = await caseView(caseId);
    expect(released.compulsoryMeasures[0]).toMatchObject({
      releasedOn: '2027-01-08',
      toBeReleased: false,
    });
    expect(released.availableActions.find((a) => a.action === 'recordEvidence')!.allowed).toBe(
      true,
    );
  });

  it('CL art. 18(4)-(9), 26: a seizure with the party absent and no witness, and a custody cost charged to the party, is refused listing every unmet rule', async () => {
    const { caseId, evidenceIds } = await pipl2027Case();
    app.setToday('2027-01-07');
    const violations = violationsOf(
      await runStep(
        app,
        'imposeCompulsoryMeasure',
        {
          caseId,
          expectedVersion: 3,
          input: {
            ...onTheSpot(evidenceIds),
            onSite: onSiteFactsInput({
              partyPresent: false,
              informedOfReasonsAndRemedies: false,
              statementsHeard: false,
              partySigned: false,
            }),
            custody: { ...custodyInput(), costChargedToPartyYuan: '300.00' },
          },
        },
        'BJ0002',
      ),
    );
    expect(violations.map((v) => v.code)).toEqual([
      'COMPULSORY_MEASURE_WITNESS_MISSING',
      'COMPULSORY_MEASURE_CUSTODY_COST_CHARGED',
    ]);
    expect(violations.flatMap((v) => v.legalBasis.map((b) => b.citation))).toEqual([
      '《中华人民共和国行政强制法》第十八条第（九）项',
      '《中华人民共和国行政强制法》第二十六条第三款',
    ]);
  });
});

describe('Compulsion Law art. 25(3): testing time is not counted in the seizure period', () => {
  it('CL art. 25(3): an appraisal over the New Year and a test over the 2027 Spring Festival (provisional) move the end 2027-01-26 → 01-31 → 02-15, each excluded day explained', async () => {
    const caseId = await investigatingCase(app, {
      prefix: 'BJ',
      partyKey: 'xinghe',
      registeredOn: '2026-12-21',
      docketedOn: '2026-12-22',
      collectedOn: '2026-12-23',
    });
    const evidenceIds = await evidenceIdsOf(app, caseId, 'BJ0002');
    // Before the audio-visual cut-over (rulebook audioVisualRecordRequiredFrom 2027-01-01): no record needed.
    app.setToday('2026-12-28');
    const seized = await okStep(
      app,
      'imposeCompulsoryMeasure',
      {
        caseId,
        expectedVersion: 3,
        input: {
          measure: 'SEIZURE',
          startedOn: '2026-12-28',
          endsOn: '2027-01-26',
          officerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          certificatesShown: true,
          approval: headDecision('2026-12-28'),
          items: ['涉案服务器硬盘两块'],
          basis: 'PIPL_63_1_4',
          suspectedProvisionIds: ['PIPL-66-1'],
          evidenceIds,
          onSite: onSiteFactsInput(),
          custody: custodyInput(),
        },
      },
      'BJ0002',
    );
    const measureId = seized.case!.compulsoryMeasures[0]!.id;

    // 2026-12-30 … 2027-01-03 (元旦): 5 days excluded.
    app.setToday('2026-12-30');
    const first = await okStep(
      app,
      'recordTestingPeriod',
      {
        caseId,
        expectedVersion: 4,
        input: {
          measureId,
          testingKind: 'TECHNICAL_APPRAISAL',
          institution: '北京某某司法鉴定中心',
          startsOn: '2026-12-30',
          endsOn: '2027-01-03',
          notifiedOn: '2026-12-30',
        },
      },
      'BJ0002',
    );
    expect(first.case!.compulsoryMeasures[0]!.endsOn).toBe('2027-01-31');
    expect(first.deadlines.find((d) => d.kind === 'COMPULSORY_MEASURE')).toMatchObject({
      dueDate: '2027-01-31',
    });

    // 2027-01-29 … 02-12, over the Spring Festival of 2027 (provisional): 15 more days.
    app.setToday('2027-01-29');
    const second = await okStep(
      app,
      'recordTestingPeriod',
      {
        caseId,
        expectedVersion: 5,
        input: {
          measureId,
          testingKind: 'TESTING',
          institution: '国家某某检测中心',
          startsOn: '2027-01-29',
          endsOn: '2027-02-12',
          notifiedOn: '2027-01-29',
        },
      },
      'BJ0002',
    );
    expect(second.case!.compulsoryMeasures[0]!.endsOn).toBe('2027-02-15');

    const view = await caseView(caseId);
    expect(view.compulsoryMeasures[0]!.testingPeriods).toEqual([
      {
        testingKind: 'TECHNICAL_APPRAISAL',
        startsOn: '2026-12-30',
        endsOn: '2027-01-03',
        daysExcluded: 5,
      },
      { testingKind: 'TESTING', startsOn: '2027-01-29', endsOn: '2027-02-12', daysExcluded: 15 },
    ]);
    const deadline = view.deadlines.find((d) => d.kind === 'COMPULSORY_MEASURE' && !d.stoppedOn)!;
    // Calendar days, not rolled over (art. 25(3) moves the end by the excluded days): the date does
    // not depend on the unpublished 2027 holiday arrangement, so it is not provisional.
    expect(deadline).toMatchObject({ dueDate: '2027-02-15', provisional: false });
    const text = deadline.explanation.lines.join('\n');
    expect(text).toContain('2027-01-01');
    expect(text).toContain('2027-02-12');
    expect(text).toContain('不计入查封、扣押期间');

    // Told in writing (art. 25(3)): the notice states the period the step recorded.
    const notice = await app.run<{ generateDocument: { id: string } }>(
      `mutation($caseId: ID!, $sections: JSON) {
        generateDocument(caseId: $caseId, kind: TESTING_PERIOD_NOTICE, sections: $sections) { id }
      }`,
      {
        caseId,
        sections: {
          testingPeriod: { seizureNumber: '京网信查扣〔2026〕1号', items: '涉案服务器硬盘两块' },
        },
      },
      'BJ0002',
    );
    expect(notice.errors, JSON.stringify(notice.errors)).toBeUndefined();
    const noticeText = await storedDocumentText(app, notice.data!.generateDocument.id);
    expect(noticeText).toContain('委托国家某某检测中心对上述财物进行检测');
    expect(noticeText).toContain('检测期间不计入查封、扣押期间');

    // A testing period that begins after the (moved) last day is refused.
    const outside = violationsOf(
      await runStep(
        app,
        'recordTestingPeriod',
        {
          caseId,
          expectedVersion: 6,
          input: {
            measureId,
            testingKind: 'QUARANTINE',
            institution: '某检疫机构',
            startsOn: '2027-02-16',
            endsOn: '2027-02-20',
            notifiedOn: '2027-01-29',
          },
        },
        'BJ0002',
      ),
    );
    expect(outside.map((v) => v.code)).toEqual(['TESTING_PERIOD_OUTSIDE_MEASURE']);
  });
});
