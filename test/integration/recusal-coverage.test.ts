import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  noticeServedCase,
  officerId,
  okStep,
  runStep,
  violationsOf,
} from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Recusal beyond investigators and the presider, through the GraphQL API (issue 13 capability 8):
 * the legal reviewer and the head may be challenged; a recused reviewer cannot then review; a
 * head's recusal is decided by the heads' collective discussion (U); a rejected application may
 * be reconsidered once (复议, U). Notice served Fri 2025-09-26 (v4).
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

async function recusals(caseId: string) {
  const result = await app.run<{
    case: {
      recusals: {
        id: string;
        targetOfficerId: string;
        decision: string | null;
        targetIsHead: boolean;
        reconsiderationOf: string | null;
      }[];
    };
  }>(
    `query($id: ID!) { case(id: $id) { recusals { id targetOfficerId decision targetIsHead reconsiderationOf } } }`,
    { id: caseId },
    'BJ0001',
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case.recusals;
}

const apply = (target: string, extra: Record<string, unknown> = {}) => ({
  targetOfficerId: officerId(app, target),
  applicant: 'PARTY',
  ground: 'DIRECT_INTEREST',
  appliedOn: '2025-09-29',
  ...extra,
});

describe('recusal of legal reviewers and heads (APL art. 43)', () => {
  it('APL art. 43(1): a legal reviewer challenged by the party and recused cannot then give the review opinion (RECUSED_OFFICER_ACTING)', async () => {
    const caseId = await noticeServedCase(app);
    app.setToday('2025-09-29');
    await okStep(
      app,
      'applyForRecusal',
      { caseId, expectedVersion: 4, input: apply('BJ0004') },
      'BJ0002',
    );
    const [application] = await recusals(caseId);
    expect(application).toMatchObject({
      targetOfficerId: officerId(app, 'BJ0004'),
      targetIsHead: false,
    });
    await okStep(
      app,
      'decideRecusal',
      { caseId, expectedVersion: 5, input: { recusalId: application!.id, granted: true } },
      'BJ0001',
    );
    await okStep(
      app,
      'waiveRights',
      {
        caseId,
        expectedVersion: 6,
        input: {
          rights: ['STATEMENT_AND_DEFENCE', 'HEARING'],
          waivedOn: '2025-09-29',
          signedByParty: true,
        },
      },
      'BJ0002',
    );
    await okStep(
      app,
      'submitLegalReview',
      { caseId, expectedVersion: 7, input: { submittedOn: '2025-09-29' } },
      'BJ0002',
    );
    app.setToday('2025-09-30');
    const before = await app.tableCounts();
    const review = violationsOf(
      await runStep(
        app,
        'completeLegalReview',
        {
          caseId,
          expectedVersion: 8,
          input: { completedOn: '2025-09-30', result: 'PASSED', opinion: '事实清楚，程序合法' },
        },
        'BJ0004',
      ),
    );
    expect(review.map((v) => v.code)).toEqual(['RECUSED_OFFICER_ACTING']);
    expect(await app.tableCounts()).toEqual(before);
  });

  it('APL art. 43(3) (U): the head may be challenged; the head’s recusal is not decided by the head alone but by the heads’ collective discussion', async () => {
    const caseId = await noticeServedCase(app);
    app.setToday('2025-09-29');
    await okStep(
      app,
      'applyForRecusal',
      { caseId, expectedVersion: 4, input: apply('BJ0001') },
      'BJ0002',
    );
    const [application] = await recusals(caseId);
    expect(application).toMatchObject({ targetIsHead: true });
    const alone = violationsOf(
      await runStep(
        app,
        'decideRecusal',
        { caseId, expectedVersion: 5, input: { recusalId: application!.id, granted: false } },
        'BJ0001',
      ),
    );
    expect(alone.map((v) => v.code).sort()).toEqual([
      'RECUSAL_OF_HEAD_NOT_BY_COLLECTIVE_DISCUSSION',
      'RECUSAL_SELF_DECISION',
    ]);
  });

  it('2017 art. 17(2) (U after 2023-05-31): after a rejected recusal the party may apply once for 复议; a second 复议 is refused', async () => {
    const caseId = await noticeServedCase(app);
    app.setToday('2025-09-29');
    await okStep(
      app,
      'applyForRecusal',
      { caseId, expectedVersion: 4, input: apply('BJ0003') },
      'BJ0002',
    );
    const [first] = await recusals(caseId);
    await okStep(
      app,
      'decideRecusal',
      { caseId, expectedVersion: 5, input: { recusalId: first!.id, granted: false } },
      'BJ0001',
    );
    const again = apply('BJ0003', { reconsiderationOf: first!.id });
    await okStep(app, 'applyForRecusal', { caseId, expectedVersion: 6, input: again }, 'BJ0002');
    expect((await recusals(caseId))[1]).toMatchObject({ reconsiderationOf: first!.id });
    const third = violationsOf(
      await runStep(app, 'applyForRecusal', { caseId, expectedVersion: 7, input: again }, 'BJ0002'),
    );
    expect(third.map((v) => v.code)).toEqual(['RECUSAL_RECONSIDERATION_NOT_ALLOWED']);
    // An act of 2025: the repealed 2017 article is not cited.
    expect(third[0]!.legalBasis.map((b) => b.citation)).toEqual([
      '《中华人民共和国行政处罚法》第四十三条第三款',
    ]);
  });
});
