import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDocument } from '../../src/entities/case-document.entity.js';
import {
  DECISION_CONTENT,
  citationsOf,
  codesOf,
  investigatingCase,
  latestDocumentText,
  noticeInput,
  okStep,
  refusedStep,
  runStep,
  violationsOf,
  waiveBothRights,
} from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Discretion (裁量) and APL art. 29 through the GraphQL API: a 减轻 fine below the statutory
 * minimum is refused without a ground and accepted with an APL art. 32 ground, stated in the
 * notice and the decision letter (.docx read back) and recorded on the decision; a fine under the
 * provision with the lower maximum is refused when the same act breaches one with a higher fine,
 * in a dry run exactly as in the real call.
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const HEAD = 'BJ0001';
const HANDLER = 'BJ0002';

/** DSL art. 45(1): a warning and a fine of 50,000 – 500,000 yuan (may). 20,000 is below it. */
const MITIGATED_FINE = [
  { kind: 'WARNING', provisionId: 'DSL-45-1' },
  { kind: 'FINE', amountYuan: '20000', provisionId: 'DSL-45-1' },
];
const HARM_ELIMINATED = {
  tier: 'MITIGATED',
  grounds: ['APL_32_1_HARM_ELIMINATED'],
  statement: '当事人在立案后主动删除了违法收集的数据并通知了受影响的用户。',
};

function textOf(caseId: string, kind: CaseDocument['kind']): Promise<string> {
  return latestDocumentText(app, caseId, kind);
}

describe('discretion: 减轻 with its recorded ground (APL arts. 32, 34)', () => {
  it('APL art. 32: a fine below the minimum without a ground is refused; with the art. 32(1) ground it is accepted, stated in the notice and the decision letter and recorded on the decision', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-26');
    const notice = (extra: Record<string, unknown>) => ({
      caseId,
      expectedVersion: 3,
      input: noticeInput(app, {
        prefix: 'BJ',
        servedOn: '2025-09-26',
        approvedOn: '2025-09-25',
        penalties: MITIGATED_FINE,
        extra,
      }),
    });

    // 一般处罚 (no discretion given): below the minimum.
    const ordinary = await refusedStep(app, 'issuePrePenaltyNotice', notice({}), HANDLER);
    expect(codesOf(ordinary)).toEqual(['FINE_BELOW_MINIMUM']);
    // 减轻 named without its ground: both rules, every unmet one at once.
    const groundless = await refusedStep(
      app,
      'issuePrePenaltyNotice',
      notice({ discretion: { tier: 'MITIGATED' } }),
      HANDLER,
    );
    expect(codesOf(groundless).sort()).toEqual([
      'DISCRETION_GROUND_REQUIRED',
      'FINE_BELOW_MINIMUM',
    ]);
    expect(citationsOf(groundless, 'DISCRETION_GROUND_REQUIRED')).toContain(
      '《中华人民共和国行政处罚法》第三十二条',
    );
    // A benchmark circumstance allows 从轻 only, never 减�value below the minimum.
    const benchmarkOnly = await refusedStep(
      app,
      'issuePrePenaltyNotice',
      notice({ discretion: { tier: 'MITIGATED', grounds: ['BENCHMARK_LIGHTER_CIRCUMSTANCE'] } }),
      HANDLER,
    );
    expect(codesOf(benchmarkOnly).sort()).toEqual([
      'DISCRETION_GROUND_NOT_FOR_TIER',
      'DISCRETION_GROUND_REQUIRED',
      'FINE_BELOW_MINIMUM',
    ]);

    await okStep(app, 'issuePrePenaltyNotice', notice({ discretion: HARM_ELIMINATED }), HANDLER);
    const noticeText = await textOf(caseId, 'PRE_PENALTY_NOTICE');
    expect(noticeText).toContain('本机关依据《网信部门行政处罚裁量权基准适用规定》进行裁量');
    expect(noticeText).toContain(
      '主动消除或者减轻违法行为危害后果（《中华人民共和国行政处罚法》第三十二条第（一）项）',
    );
    expect(noticeText).toContain('减轻处罚');
    expect(noticeText).toContain(HARM_ELIMINATED.statement);

    await waiveBothRights(app, caseId);
    app.setToday('2025-09-30');
    const decide = (discretion?: Record<string, unknown>) => ({
      caseId,
      expectedVersion: 5,
      input: {
        outcome: 'PENALTY',
        penalties: MITIGATED_FINE,
        reasons: '当事人主动消除违法行为危害后果，依法减轻处罚',
        illegalGainsYuan: '0',
        content: DECISION_CONTENT,
        ...(discretion ? { discretion } : {}),
      },
    });
    expect(codesOf(await refusedStep(app, 'decideCase', decide(), HEAD))).toEqual([
      'FINE_BELOW_MINIMUM',
    ]);
    await okStep(app, 'decideCase', decide(HARM_ELIMINATED), HEAD);

    const letter = await textOf(caseId, 'PENALTY_DECISION');
    expect(letter).toContain(
      '鉴于你单位具有主动消除或者减轻违法行为危害后果（《中华人民共和国行政处罚法》第三十二条第（一）项）的情节，对你单位减轻处罚。',
    );
    expect(letter).toContain(HARM_ELIMINATED.statement);

    const view = await app.run<{
      case: { decisions: Record<string, unknown>[] };
    }>(
      `query($id: ID!) { case(id: $id) { decisions {
        discretionTier discretionGrounds discretionStatement discretionBenchmark
      } } }`,
      { id: caseId },
      HEAD,
    );
    expect(view.errors, JSON.stringify(view.errors)).toBeUndefined();
    expect(view.data!.case.decisions).toEqual([
      {
        discretionTier: 'MITIGATED',
        discretionGrounds: ['APL_32_1_HARM_ELIMINATED'],
        discretionStatement: HARM_ELIMINATED.statement,
        discretionBenchmark: 'CAC-DISCRETION-2025',
      },
    ]);
  });
});

describe('APL art. 29: one act, several provisions — the higher fine governs', () => {
  it('APL art. 29: a fine under DSL art. 45(1) (≤ 500,000 yuan) is refused when the same act breaches CSL 2016 art. 64(1) (≤ 1,000,000 yuan); the dry run says the same', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-26');
    const args = (penalties: Record<string, unknown>[]) => ({
      caseId,
      expectedVersion: 3,
      input: noticeInput(app, {
        prefix: 'BJ',
        servedOn: '2025-09-26',
        approvedOn: '2025-09-25',
        penalties,
        extra: { concurrentProvisionIds: ['CSL2016-64-1'] },
      }),
    });
    const lower = [
      { kind: 'WARNING', provisionId: 'DSL-45-1' },
      { kind: 'FINE', amountYuan: '300000', provisionId: 'DSL-45-1' },
    ];
    const rehearsal = violationsOf(
      await runStep(app, 'issuePrePenaltyNotice', { ...args(lower), dryRun: true }, HANDLER),
    );
    const real = await refusedStep(app, 'issuePrePenaltyNotice', args(lower), HANDLER);
    expect(codesOf(real)).toEqual(['HIGHER_FINE_PROVISION_GOVERNS']);
    expect(rehearsal).toEqual(real);
    expect(real[0]!.details).toMatchObject({
      provisionId: 'DSL-45-1',
      governingProvisionId: 'CSL2016-64-1',
      maxYuan: 500000,
      governingMaxYuan: 1000000,
    });
    expect(citationsOf(real, 'HIGHER_FINE_PROVISION_GOVERNS')[0]).toBe(
      '《中华人民共和国行政处罚法》第二十九条',
    );
    // Under the governing provision (DSL art. 45(1) named as concurrent) the notice goes ahead.
    const governing = args([
      { kind: 'WARNING', provisionId: 'CSL2016-64-1' },
      { kind: 'FINE', amountYuan: '300000', provisionId: 'CSL2016-64-1' },
    ]);
    await okStep(
      app,
      'issuePrePenaltyNotice',
      { ...governing, input: { ...governing.input, concurrentProvisionIds: ['DSL-45-1'] } },
      HANDLER,
    );
  });
});
