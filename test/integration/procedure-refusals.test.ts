import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DECISION_CONTENT,
  FINE_50K,
  citationsOf,
  codesOf,
  custodyInput,
  evidenceInput,
  hearingArrangement,
  investigatingCase,
  noticeInput,
  officerId,
  okStep,
  onSiteFactsInput,
  refusedStep,
  registerCase,
  runStep,
  waiveBothRights,
} from '../support/procedure-steps.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

let app: TestApp;
const refused = (
  ...args: Parameters<typeof refusedStep> extends [TestApp, ...infer R] ? R : never
) => refusedStep(app, ...args);
const codes = codesOf;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

/** A Beijing case with the pre-penalty notice served on Fri 2025-09-26 (v4); both windows end 10-10. */
async function noticedCase(
  options: { collectors?: string[]; flags?: Record<string, boolean> } = {},
): Promise<string> {
  const caseId = await investigatingCase(app, {
    prefix: 'BJ',
    partyKey: 'xinghe',
    ...(options.collectors ? { collectors: options.collectors } : {}),
  });
  app.setToday('2025-09-26');
  await okStep(
    app,
    'issuePrePenaltyNotice',
    {
      caseId,
      expectedVersion: 3,
      input: noticeInput(app, {
        prefix: 'BJ',
        servedOn: '2025-09-26',
        approvedOn: '2025-09-25',
        penalties: FINE_50K,
        ...(options.flags ? { extra: { flags: options.flags } } : {}),
      }),
    },
    'BJ0002',
  );
  return caseId;
}

/** The step is refused and leaves every table as it was; returns the violations. */

describe('out-of-order and unlawful steps are refused with the article they violate, and write nothing', () => {
  it('decideCase before the statement and hearing-request windows are over, without a waiver (APL arts. 62, 63, 64)', async () => {
    const caseId = await noticedCase();
    app.setToday('2025-09-30');
    const violations = await refused(
      'decideCase',
      {
        caseId,
        expectedVersion: 4,
        input: {
          outcome: 'PENALTY',
          penalties: FINE_50K,
          reasons: '拟处罚',
          illegalGainsYuan: '0',
          content: DECISION_CONTENT,
        },
      },
      'BJ0001',
    );
    expect(codes(violations)).toEqual(
      expect.arrayContaining(['STATEMENT_PERIOD_NOT_OVER', 'HEARING_REQUEST_PERIOD_NOT_OVER']),
    );
    expect(citationsOf(violations, 'STATEMENT_PERIOD_NOT_OVER')).toContain(
      '《中华人民共和国行政处罚法》第六十二条',
    );
    expect(violations.find((v) => v.code === 'STATEMENT_PERIOD_NOT_OVER')!.details).toMatchObject({
      dueDate: '2025-10-10',
    });
    // Submitting to legal review is held back by the same windows.
    const review = await refused(
      'submitLegalReview',
      { caseId, expectedVersion: 4, input: { submittedOn: '2025-09-30' } },
      'BJ0002',
    );
    expect(codes(review)).toEqual(
      expect.arrayContaining(['STATEMENT_PERIOD_NOT_OVER', 'HEARING_REQUEST_PERIOD_NOT_OVER']),
    );
  });

  it('decideCase while a requested hearing has not been held is not an available step', async () => {
    const caseId = await noticedCase();
    app.setToday('2025-09-29');
    await okStep(
      app,
      'requestHearing',
      { caseId, expectedVersion: 4, input: { requestedOn: '2025-09-29' } },
      'BJ0002',
    );
    app.setToday('2025-10-20');
    const violations = await refused(
      'decideCase',
      {
        caseId,
        expectedVersion: 5,
        input: {
          outcome: 'PENALTY',
          penalties: FINE_50K,
          reasons: '拟处罚',
          illegalGainsYuan: '0',
          content: DECISION_CONTENT,
        },
      },
      'BJ0001',
    );
    expect(codes(violations)).toEqual(['ACTION_NOT_ALLOWED_IN_STATUS']);
    expect(violations[0]!.details).toMatchObject({ status: 'HEARING_REQUESTED' });
    expect(citationsOf(violations, 'ACTION_NOT_ALLOWED_IN_STATUS')).toContain(
      '《中华人民共和国行政处罚法》第四条',
    );
  });

  it('a wrong role in a wrong status: the refusal lists the role rule and every other unmet rule, as availableActions does', async () => {
    const caseId = await noticedCase();
    app.setToday('2025-09-29');
    await okStep(
      app,
      'requestHearing',
      { caseId, expectedVersion: 4, input: { requestedOn: '2025-09-29' } },
      'BJ0002',
    );
    app.setToday('2025-10-20');
    // A case handler decides (the head's act, APL art. 57) while the hearing is still pending.
    const violations = await refused(
      'decideCase',
      {
        caseId,
        expectedVersion: 5,
        input: {
          outcome: 'PENALTY',
          penalties: FINE_50K,
          reasons: '拟处罚',
          illegalGainsYuan: '0',
          content: DECISION_CONTENT,
        },
      },
      'BJ0002',
    );
    expect(codes(violations).sort()).toEqual(['ACTION_NOT_ALLOWED_IN_STATUS', 'ROLE_REQUIRED']);
    expect(violations.find((v) => v.code === 'ROLE_REQUIRED')!.details).toMatchObject({
      requiredRoles: ['OFFICE_HEAD'],
    });
    const available = await app.run<{
      case: { availableActions: { action: string; violations: { code: string }[] }[] };
    }>(
      `query($id: ID!) { case(id: $id) { availableActions { action violations { code } } } }`,
      { id: caseId },
      'BJ0002',
    );
    const decide = available.data!.case.availableActions.find((a) => a.action === 'decideCase')!;
    expect(codes(decide.violations).sort()).toEqual(codes(violations).sort());
  });

  it('a hearing requested after the five-working-day window (which ended on 10-10 across the holiday)', async () => {
    const caseId = await noticedCase();
    app.setToday('2025-10-13');
    const violations = await refused(
      'requestHearing',
      { caseId, expectedVersion: 4, input: { requestedOn: '2025-10-13' } },
      'BJ0002',
    );
    expect(codes(violations)).toEqual(['HEARING_REQUEST_OUT_OF_TIME']);
    expect(violations[0]!.details).toMatchObject({
      requestedOn: '2025-10-13',
      dueDate: '2025-10-10',
    });
    expect(citationsOf(violations, 'HEARING_REQUEST_OUT_OF_TIME').join()).toContain(
      '《中华人民共和国行政处罚法》第六十四条',
    );
  });

  it('a hearing notice served less than seven working days ahead, presided over by an investigator: both at once', async () => {
    const caseId = await noticedCase();
    app.setToday('2025-10-09');
    await okStep(
      app,
      'requestHearing',
      { caseId, expectedVersion: 4, input: { requestedOn: '2025-10-09' } },
      'BJ0002',
    );
    app.setToday('2025-10-13');
    const violations = await refused(
      'scheduleHearing',
      // 10-13 → 10-20: 10-14 … 10-17 and 10-20 are five working days, not seven.
      {
        caseId,
        expectedVersion: 5,
        input: {
          hearingOn: '2025-10-20',
          noticeServedOn: '2025-10-13',
          presidingOfficerId: officerId(app, 'BJ0003'),
          isPublic: false,
          arrangement: hearingArrangement(app, '北京市网信办听证室'),
        },
      },
      'BJ0001',
    );
    expect(codes(violations).sort()).toEqual([
      'HEARING_NOTICE_TOO_LATE',
      'NON_PUBLIC_HEARING_WITHOUT_GROUND',
      'PRESIDING_OFFICER_IS_INVESTIGATOR',
    ]);
    expect(violations.find((v) => v.code === 'HEARING_NOTICE_TOO_LATE')!.details).toMatchObject({
      workingDays: 5,
      required: 7,
    });
    expect(citationsOf(violations, 'PRESIDING_OFFICER_IS_INVESTIGATOR')).toContain(
      '《中华人民共和国行政处罚法》第六十四条第（四）项',
    );
    // Only a hearing officer records the hearing; a handler is refused by the engine.
    const asHandler = await refused(
      'recordHearing',
      {
        caseId,
        expectedVersion: 5,
        input: {
          heldOn: '2025-10-13',
          outcome: 'HELD',
          agentCount: 0,
          recordSignedByParty: true,
          refusalNotedByPresider: false,
        },
      },
      'BJ0002',
    );
    expect(codes(asHandler)).toContain('ROLE_REQUIRED');
  });

  it('legal review by someone who investigated, by a handler, and a failed review followed by a decision', async () => {
    // BJ0004 (the legal reviewer) helped collect the evidence: they investigated.
    const caseId = await noticedCase({
      collectors: ['BJ0002', 'BJ0004'],
      flags: { complexCase: true },
    });
    await waiveBothRights(app, caseId);
    await okStep(
      app,
      'submitLegalReview',
      { caseId, expectedVersion: 5, input: { submittedOn: '2025-09-29' } },
      'BJ0002',
    );
    app.setToday('2025-09-30');
    const byInvestigator = await refused(
      'completeLegalReview',
      {
        caseId,
        expectedVersion: 6,
        input: { completedOn: '2025-09-30', result: 'PASSED', opinion: '同意' },
      },
      'BJ0004',
    );
    expect(codes(byInvestigator)).toEqual(['REVIEWER_IS_HANDLER']);
    expect(citationsOf(byInvestigator, 'REVIEWER_IS_HANDLER')).toContain(
      '《中华人民共和国行政处罚法》第五十八条第一款',
    );
    const byHandler = await refused(
      'completeLegalReview',
      {
        caseId,
        expectedVersion: 6,
        input: { completedOn: '2025-09-30', result: 'PASSED', opinion: '同意' },
      },
      'BJ0002',
    );
    // The role is one rule among the others: the handler also investigated the case.
    expect(codes(byHandler)).toEqual(
      expect.arrayContaining(['ROLE_REQUIRED', 'REVIEWER_IS_HANDLER']),
    );

    // A second case reviewed by the uninvolved reviewer, who does not pass it.
    const other = await noticedCase({ flags: { complexCase: true } });
    await waiveBothRights(app, other);
    await okStep(
      app,
      'submitLegalReview',
      { caseId: other, expectedVersion: 5, input: { submittedOn: '2025-09-29' } },
      'BJ0002',
    );
    app.setToday('2025-09-30');
    const notPassed = await okStep(
      app,
      'completeLegalReview',
      {
        caseId: other,
        expectedVersion: 6,
        input: { completedOn: '2025-09-30', result: 'NOT_PASSED', opinion: '证据不足' },
      },
      'BJ0004',
    );
    expect(notPassed.case).toMatchObject({ status: 'INVESTIGATING', version: 7 });
    const decided = await refused(
      'decideCase',
      {
        caseId: other,
        expectedVersion: 7,
        input: {
          outcome: 'PENALTY',
          penalties: FINE_50K,
          reasons: '拟处罚',
          illegalGainsYuan: '0',
          content: DECISION_CONTENT,
        },
      },
      'BJ0001',
    );
    expect(codes(decided)).toEqual(
      expect.arrayContaining([
        'LEGAL_REVIEW_NOT_PASSED',
        'PRE_PENALTY_NOTICE_NOT_SERVED',
        'COLLECTIVE_DISCUSSION_REQUIRED',
      ]),
    );
    expect(citationsOf(decided, 'LEGAL_REVIEW_NOT_PASSED')).toContain(
      '《中华人民共和国行政处罚法》第五十八条第一款',
    );
    expect(citationsOf(decided, 'COLLECTIVE_DISCUSSION_REQUIRED')).toContain(
      '《中华人民共和国行政处罚法》第五十七条第二款',
    );
  });

  it('a penalty heavier than notified (APL art. 45(2)), and a collective discussion with one head', async () => {
    const caseId = await noticedCase();
    await waiveBothRights(app, caseId);
    app.setToday('2025-09-30');
    const violations = await refused(
      'decideCase',
      {
        caseId,
        expectedVersion: 5,
        input: {
          outcome: 'PENALTY',
          content: DECISION_CONTENT,
          penalties: [
            { kind: 'FINE', amountYuan: '80000', provisionId: 'PIPL-66-1-REFUSAL' },
            { kind: 'RESTRICTION_OF_BUSINESS_ACTIVITIES', provisionId: 'PIPL-66-1-REFUSAL' },
          ],
          reasons: '加重处罚',
          illegalGainsYuan: '0',
        },
      },
      'BJ0001',
    );
    // The 拒不改正 tier without an unmet correction order is refused in the same answer (APL art. 28(1)).
    expect(codes(violations).sort()).toEqual([
      'PENALTY_HEAVIER_THAN_NOTIFIED',
      'REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER',
    ]);
    expect(citationsOf(violations, 'PENALTY_HEAVIER_THAN_NOTIFIED')).toContain(
      '《中华人民共和国行政处罚法》第四十五条第二款',
    );
    expect(
      (
        violations.find((v) => v.code === 'PENALTY_HEAVIER_THAN_NOTIFIED')!.details
          .penalties as unknown[]
      ).length,
    ).toBe(2);

    const discussion = await refused(
      'recordCollectiveDiscussion',
      // The legal reviewer is no head, and the same head twice counts once.
      {
        caseId,
        expectedVersion: 5,
        input: {
          heldOn: '2025-09-30',
          participantIds: [
            officerId(app, 'BJ0001'),
            officerId(app, 'BJ0001'),
            officerId(app, 'BJ0004'),
          ],
          conclusion: '同意',
        },
      },
      'BJ0001',
    );
    expect(codes(discussion)).toEqual(['COLLECTIVE_DISCUSSION_TOO_FEW_HEADS']);
    expect(discussion[0]!.details).toMatchObject({ heads: 1, minimum: 2 });

    // The notified penalty itself is decided.
    const decided = await okStep(
      app,
      'decideCase',
      {
        caseId,
        expectedVersion: 5,
        input: {
          outcome: 'PENALTY',
          content: DECISION_CONTENT,
          penalties: FINE_50K,
          reasons: '依法处罚',
          illegalGainsYuan: '0',
        },
      },
      'BJ0001',
    );
    expect(decided.case).toMatchObject({ status: 'DECIDED_PENALTY', version: 6 });
  });

  it('a fine above the provision’s maximum, and a provision the office level may not apply (catalog check)', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-26');
    const above = await refused(
      'issuePrePenaltyNotice',
      {
        caseId,
        expectedVersion: 3,
        input: noticeInput(app, {
          prefix: 'BJ',
          servedOn: '2025-09-26',
          approvedOn: '2025-09-25',
          penalties: [
            { kind: 'FINE', amountYuan: '2000000', provisionId: 'PIPL-66-1-REFUSAL' },
            { kind: 'FINE', amountYuan: '1000', provisionId: 'PIPL-66-1' },
          ],
        }),
      },
      'BJ0002',
    );
    // PIPL art. 66(1) base tier: no fine, and its 应当 warning is missing; its 拒不改正 tier
    // without an order found not complied with (APL art. 28(1)).
    expect(codes(above).sort()).toEqual([
      'FINE_ABOVE_MAXIMUM',
      'MANDATORY_PENALTY_MISSING',
      'PENALTY_KIND_NOT_ALLOWED_BY_PROVISION',
      'REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER',
    ]);
    expect(above.find((v) => v.code === 'FINE_ABOVE_MAXIMUM')!.details).toMatchObject({
      maxYuan: 1000000,
      amountYuan: 2000000,
    });
    expect(citationsOf(above, 'FINE_ABOVE_MAXIMUM').join()).toContain(
      '《中华人民共和国个人信息保护法》第六十六条',
    );

    // Haidian is a county-level office; PIPL art. 66(2) (情节严重) is for provincial offices and above.
    const haidian = await investigatingCase(app, { prefix: 'HD', partyKey: 'qingniao' });
    app.setToday('2025-09-26');
    const level = await refused(
      'issuePrePenaltyNotice',
      {
        caseId: haidian,
        expectedVersion: 3,
        input: noticeInput(app, {
          prefix: 'HD',
          servedOn: '2025-09-26',
          approvedOn: '2025-09-25',
          penalties: [
            { kind: 'FINE', amountYuan: '1000000', provisionId: 'PIPL-66-2', fineBasis: 'FIXED' },
          ],
        }),
      },
      'HD0002',
    );
    expect(codes(level)).toEqual(['PROVISION_REQUIRES_HIGHER_OFFICE_LEVEL']);
    expect(citationsOf(level, 'PROVISION_REQUIRES_HIGHER_OFFICE_LEVEL')).toContain(
      '《中华人民共和国行政处罚法》第二十三条',
    );

    // An unknown provision and an amount with three decimals.
    const unknown = await refused(
      'issuePrePenaltyNotice',
      {
        caseId,
        expectedVersion: 3,
        input: noticeInput(app, {
          prefix: 'BJ',
          servedOn: '2025-09-26',
          approvedOn: '2025-09-25',
          penalties: [{ kind: 'WARNING', provisionId: 'NO-SUCH-1' }],
        }),
      },
      'BJ0002',
    );
    expect(codes(unknown)).toEqual(['PROVISION_NOT_FOUND']);
    const before = await app.tableCounts();
    const cents = await runStep(
      app,
      'issuePrePenaltyNotice',
      {
        caseId,
        expectedVersion: 3,
        input: noticeInput(app, {
          prefix: 'BJ',
          servedOn: '2025-09-26',
          approvedOn: '2025-09-25',
          penalties: [{ kind: 'FINE', amountYuan: '1000.005', provisionId: 'PIPL-66-1-REFUSAL' }],
        }),
      },
      'BJ0002',
    );
    expect(errorCode(cents)).toBe('INVALID_AMOUNT');
    expect(await app.tableCounts()).toEqual(before);

    // The decision is checked against the catalog too.
    const noticed = await noticedCase();
    await waiveBothRights(app, noticed);
    const decided = await refused(
      'decideCase',
      {
        caseId: noticed,
        expectedVersion: 5,
        input: {
          outcome: 'PENALTY',
          content: DECISION_CONTENT,
          penalties: [{ kind: 'FINE', amountYuan: '50000', provisionId: 'PIPL-66-1' }],
          reasons: '处罚',
          illegalGainsYuan: '0',
        },
      },
      'BJ0001',
    );
    expect(codes(decided).sort()).toEqual([
      'MANDATORY_PENALTY_MISSING',
      'PENALTY_KIND_NOT_ALLOWED_BY_PROVISION',
    ]);
  });

  it('a summary penalty above 200 yuan for a person (APL art. 51); the imposed case then takes no further step', async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2025-09-01',
      partyKey: 'zhangwei',
      certificate: 'BJ0002',
    });
    const summary = (amountYuan: string) => ({
      penalties: [{ kind: 'FINE', amountYuan }],
      officerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
      certificatesShown: true,
      factsConclusive: true,
      partyInformedAndHeard: true,
      reasons: '当场处罚',
    });
    const violations = await refused(
      'imposeSummaryPenalty',
      { caseId, expectedVersion: 1, input: summary('500') },
      'BJ0002',
    );
    expect(codes(violations)).toEqual(['SUMMARY_PENALTY_OUT_OF_RANGE']);
    expect(violations[0]!.details).toMatchObject({
      partyKind: 'NATURAL_PERSON',
      totalFine: 500,
      limit: 200,
    });
    expect(citationsOf(violations, 'SUMMARY_PENALTY_OUT_OF_RANGE')).toContain(
      '《中华人民共和国行政处罚法》第五十一条',
    );

    await okStep(
      app,
      'imposeSummaryPenalty',
      { caseId, expectedVersion: 1, input: summary('200') },
      'BJ0002',
    );
    const closed = await refused(
      'recordEvidence',
      {
        caseId,
        expectedVersion: 2,
        input: evidenceInput(app, {
          collectedOn: '2025-09-01',
          collectors: ['BJ0002', 'BJ0003'],
          fromParty: true,
          recusalRightNotified: true,
        }),
      },
      'BJ0002',
    );
    expect(codes(closed)).toEqual(['ACTION_NOT_ALLOWED_IN_STATUS']);
    expect(closed[0]!.details).toMatchObject({ status: 'SUMMARY_PENALTY_IMPOSED' });
  });

  it('evidence collected by one officer with an expired certificate, without telling the party of the recusal right', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'zhangwei' });
    // BJ0901's certificate ran until 2025-12-31: in January 2026 it is expired.
    const fresh = await registerCase(app, {
      receivedOn: '2025-12-01',
      partyKey: 'xinghe',
      certificate: 'BJ0002',
    });
    app.setToday('2025-12-03');
    await okStep(
      app,
      'decideDocketing',
      {
        caseId: fresh,
        expectedVersion: 1,
        input: {
          docket: true,
          handlerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          jurisdictionBasis: 'TERRITORIAL',
          jurisdictionExplanation: '北京市',
        },
      },
      'BJ0001',
    );
    app.setToday('2026-01-05');
    const violations = await refused(
      'recordEvidence',
      {
        caseId: fresh,
        expectedVersion: 2,
        input: {
          ...evidenceInput(app, {
            collectedOn: '2026-01-05',
            collectors: ['BJ0901'],
            fromParty: true,
            recusalRightNotified: false,
          }),
          certificatesShown: false,
        },
      },
      'BJ0002',
    );
    expect(codes(violations).sort()).toEqual([
      'CERTIFICATES_NOT_SHOWN',
      'CERTIFICATE_NOT_VALID',
      'EVIDENCE_COLLECTORS_FEWER_THAN_TWO',
    ]);
    expect(citationsOf(violations, 'EVIDENCE_COLLECTORS_FEWER_THAN_TWO')).toEqual([
      '《中华人民共和国行政处罚法》第四十二条第一款',
    ]);
    // E7: an act of 2026 binds and cites nothing of the 2017 rules repealed on 2023-06-01.
    expect(violations.flatMap((v) => citationsOf(violations, v.code)).join()).not.toContain(
      '互联网信息内容管理行政执法程序规定',
    );
    // A seizure approved by the principal head but not in writing, for 40 days, is refused (PIPL art. 63(1)(4); Compulsion Law art. 25).
    const seizure = await refused(
      'imposeCompulsoryMeasure',
      {
        caseId,
        expectedVersion: 3,
        // Entered in January 2026 for September 2025: a late entry, with its reason.
        lateEntryReason: '查封现场笔录于外勤结束后补录',
        input: {
          measure: 'SEIZURE',
          startedOn: '2025-09-10',
          endsOn: '2025-10-20',
          officerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          certificatesShown: true,
          approval: {
            approvedById: officerId(app, 'BJ0001'),
            approvedOn: '2025-09-10',
            written: false,
          },
          onSite: onSiteFactsInput(),
          custody: custodyInput(),
        },
      },
      'BJ0002',
    );
    expect(codes(seizure).sort()).toEqual([
      'COMPULSORY_MEASURE_BASIS_MISSING',
      'COMPULSORY_MEASURE_EVIDENCE_MISSING',
      'PRINCIPAL_HEAD_APPROVAL_REQUIRED',
      'SEIZURE_EXCEEDS_30_DAYS',
    ]);
  });

  it('a dry run of an allowed step checks every rule and writes nothing', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-12');
    const before = await app.tableCounts();
    const result = await runStep(
      app,
      'recordEvidence',
      {
        caseId,
        expectedVersion: 3,
        dryRun: true,
        input: evidenceInput(app, {
          collectedOn: '2025-09-12',
          collectors: ['BJ0002', 'BJ0003'],
          fromParty: false,
          recusalRightNotified: false,
        }),
      },
      'BJ0002',
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.recordEvidence).toMatchObject({
      dryRun: true,
      fromStatus: 'INVESTIGATING',
      toStatus: 'INVESTIGATING',
      event: null,
      deadlines: [],
      case: { version: 3 },
    });
    expect(await app.tableCounts()).toEqual(before);
    // A dry run of a decision neither writes the decision row.
    app.setToday('2025-09-26');
    const notice = await runStep(
      app,
      'issuePrePenaltyNotice',
      {
        caseId,
        expectedVersion: 3,
        dryRun: true,
        input: noticeInput(app, {
          prefix: 'BJ',
          servedOn: '2025-09-26',
          approvedOn: '2025-09-25',
          penalties: FINE_50K,
        }),
      },
      'BJ0002',
    );
    expect(notice.data!.issuePrePenaltyNotice).toMatchObject({
      dryRun: true,
      toStatus: 'PRE_PENALTY_NOTICE_SERVED',
    });
    expect(await app.tableCounts()).toEqual(before);
  });

  it('a stale expectedVersion gets CASE_VERSION_CONFLICT and changes nothing', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-12');
    const before = await app.tableCounts();
    const result = await runStep(
      app,
      'recordInquiry',
      {
        caseId,
        expectedVersion: 2,
        input: {
          conductedOn: '2025-09-12',
          officerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          certificatesShown: true,
          intervieweeIsParty: true,
          recusalRightNotified: false,
        },
      },
      'BJ0002',
    );
    expect(errorCode(result)).toBe('CASE_VERSION_CONFLICT');
    expect(result.errors![0]!.extensions!.details).toMatchObject({
      currentVersion: 3,
      expectedVersion: 2,
    });
    expect(await app.tableCounts()).toEqual(before);
  });

  it('an officer of another office cannot act on the case or be named in it', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-12');
    // A Shanghai handler does not see the Beijing case at all.
    const outside = await runStep(
      app,
      'recordInquiry',
      {
        caseId,
        expectedVersion: 3,
        input: {
          conductedOn: '2025-09-12',
          officerIds: [officerId(app, 'SH0002'), officerId(app, 'SH0003')],
          certificatesShown: true,
          intervieweeIsParty: false,
          recusalRightNotified: false,
        },
      },
      'SH0002',
    );
    expect(errorCode(outside)).toBe('CASE_NOT_FOUND');
    // A Beijing handler cannot name Shanghai officers.
    const named = await runStep(
      app,
      'recordInquiry',
      {
        caseId,
        expectedVersion: 3,
        input: {
          conductedOn: '2025-09-12',
          officerIds: [officerId(app, 'BJ0002'), officerId(app, 'SH0003')],
          certificatesShown: true,
          intervieweeIsParty: false,
          recusalRightNotified: false,
        },
      },
      'BJ0002',
    );
    expect(errorCode(named)).toBe('OFFICER_NOT_FOUND');
  });
});
