import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  citationsOf,
  codesOf,
  deadlineOf,
  investigatingCase,
  noticeInput,
  officerId,
  okStep,
  refusedStep,
  storedDocumentText,
} from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * 责令改正 through the GraphQL API (APL art. 28(1), legal.md E2 and §7 item 1): the order and its
 * 责令改正通知书, its service, the review (复查) and its 复查意见书, and the 拒不改正 tier of the
 * penalty provisions, refused without an order found not complied with. Dates cross the 2025
 * National Day holiday (10-01…10-08, Sat 10-11 worked) and the year 2026 → 2027 (provisional).
 */

let app: TestApp;
const HANDLER = 'BJ0002';

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const ORDER_INPUT = {
  facts: ['当事人运营的“星河出行”App未取得用户单独同意，向第三方提供用户精确位置信息。'],
  violatedProvisions: [{ law: '中华人民共和国个人信息保护法', article: 23 }],
  basis: [{ law: '中华人民共和国个人信息保护法', article: 66, paragraph: 1 }],
  requirements: ['停止向第三方提供用户个人信息。', '删除已提供的数据并书面报告。'],
};

const REFUSAL_FINE = [
  { kind: 'WARNING', provisionId: 'PIPL-66-1-REFUSAL' },
  { kind: 'FINE', amountYuan: '200000', provisionId: 'PIPL-66-1-REFUSAL' },
];

interface OrderView {
  id: string;
  partyId: string;
  orderedOn: string;
  dueOn: string | null;
  servedOn: string | null;
  unmet: boolean;
  reviews: { reviewedOn: string; finding: string }[];
}

async function caseView(caseId: string) {
  const result = await app.run<{
    case: {
      version: number;
      correctionOrders: OrderView[];
      availableActions: { action: string; allowed: boolean; violations: { code: string }[] }[];
      documents: { id: string; kind: string; number: string | null }[];
    };
  }>(
    `query($id: ID!) { case(id: $id) {
      version
      correctionOrders { id partyId orderedOn dueOn servedOn unmet reviews { reviewedOn finding } }
      availableActions { action allowed violations { code } }
      documents { id kind number }
    } }`,
    { id: caseId },
    HANDLER,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case;
}

const allowed = (view: Awaited<ReturnType<typeof caseView>>, action: string) =>
  view.availableActions.find((a) => a.action === action)!;

function documentText(id: string): Promise<string> {
  return storedDocumentText(app, id);
}

function serviceInput(documentId: string, on: string) {
  return {
    documentIds: [documentId],
    method: 'DIRECT',
    servedOn: on,
    place: '北京市海淀区中关村大街1号',
    facts: {
      recipientName: '周明远',
      recipientRole: 'LEGAL_REPRESENTATIVE',
      signed: true,
      signedOn: on,
    },
    serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
  };
}

describe('责令改正 and the 拒不改正 tier (APL art. 28(1), E2)', () => {
  it('APL art. 28(1): order → serve → review NOT_COMPLIED after the period; the 拒不改正 fine is refused before and accepted after', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });

    // Without any order the refusal tier is refused, citing APL art. 28(1) and PIPL art. 66(1).
    app.setToday('2025-09-26');
    const noOrder = await refusedStep(
      app,
      'issuePrePenaltyNotice',
      {
        caseId,
        expectedVersion: 3,
        input: noticeInput(app, {
          prefix: 'BJ',
          servedOn: '2025-09-26',
          approvedOn: '2025-09-25',
          penalties: REFUSAL_FINE,
        }),
      },
      HANDLER,
    );
    expect(codesOf(noOrder)).toEqual(['REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER']);
    expect(citationsOf(noOrder, 'REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER')).toEqual([
      '《中华人民共和国行政处罚法》第二十八条第一款',
      '《中华人民共和国个人信息保护法》第六十六条第一款',
    ]);

    // The order of Fri 09-26, 7 days: the last day 10-03 falls in the National Day holiday and
    // rolls over to Thu 10-09, the first working day after it (APL art. 85).
    const ordered = await okStep(
      app,
      'orderCorrection',
      {
        caseId,
        expectedVersion: 3,
        input: { ...ORDER_INPUT, orderedOn: '2025-09-26', correctionPeriodDays: 7 },
      },
      HANDLER,
    );
    expect(ordered.case).toMatchObject({ status: 'INVESTIGATING', version: 4 });
    expect(deadlineOf(ordered, 'CORRECTION_PERIOD')).toMatchObject({
      triggerDate: '2025-09-26',
      dueDate: '2025-10-09',
      stoppedOn: null,
    });
    let view = await caseView(caseId);
    expect(view.correctionOrders).toEqual([
      expect.objectContaining({
        orderedOn: '2025-09-26',
        dueOn: '2025-10-09',
        servedOn: null,
        unmet: false,
        reviews: [],
      }),
    ]);
    const orderId = view.correctionOrders[0]!.id;
    const letter = view.documents.find((d) => d.kind === 'CORRECTION_ORDER')!;
    expect(letter.number).toMatch(/责改〔2025〕\d+号$/);
    const letterText = await documentText(letter.id);
    expect(letterText).toContain('责令改正通知书');
    expect(letterText).toContain('2025年10月9日前改正');
    expect(letterText).toContain('《中华人民共和国个人信息保护法》第六十六条第一款');

    // Not served yet: availableActions does not offer the review, and the call is refused.
    expect(allowed(view, 'recordCorrectionReview')).toMatchObject({
      allowed: false,
      violations: [{ code: 'CORRECTION_ORDER_NOT_SERVED' }],
    });
    expect(allowed(view, 'orderCorrection').allowed).toBe(true);
    app.setToday('2025-10-10');
    expect(
      codesOf(
        await refusedStep(
          app,
          'recordCorrectionReview',
          {
            caseId,
            expectedVersion: 4,
            input: {
              correctionOrderId: orderId,
              reviewedOn: '2025-10-10',
              finding: 'NOT_COMPLIED',
              description: ['未改正'],
            },
          },
          HANDLER,
        ),
      ),
    ).toEqual(['CORRECTION_ORDER_NOT_SERVED']);

    // Served in person on 09-26.
    app.setToday('2025-09-26');
    const served = await okStep(
      app,
      'serveDocument',
      { caseId, expectedVersion: 4, input: serviceInput(letter.id, '2025-09-26') },
      HANDLER,
    );
    expect(served.case!.version).toBe(5);

    // On the last day (10-09) a refusal cannot be found yet; on 10-10 it can.
    app.setToday('2025-10-09');
    expect(
      codesOf(
        await refusedStep(
          app,
          'recordCorrectionReview',
          {
            caseId,
            expectedVersion: 5,
            input: {
              correctionOrderId: orderId,
              reviewedOn: '2025-10-09',
              finding: 'NOT_COMPLIED',
              description: ['未改正'],
            },
          },
          HANDLER,
        ),
      ),
    ).toEqual(['CORRECTION_REVIEW_BEFORE_DEADLINE']);
    app.setToday('2025-10-10');
    const reviewed = await okStep(
      app,
      'recordCorrectionReview',
      {
        caseId,
        expectedVersion: 5,
        input: {
          correctionOrderId: orderId,
          reviewedOn: '2025-10-10',
          finding: 'NOT_COMPLIED',
          description: [
            '执法人员复查发现，当事人仍向第三方提供用户位置信息，也未提交改正情况报告。',
          ],
        },
      },
      HANDLER,
    );
    expect(deadlineOf(reviewed, 'CORRECTION_PERIOD')).toMatchObject({ stoppedOn: '2025-10-10' });
    view = await caseView(caseId);
    expect(view.correctionOrders[0]).toMatchObject({
      servedOn: '2025-09-26',
      unmet: true,
      reviews: [{ reviewedOn: '2025-10-10', finding: 'NOT_COMPLIED' }],
    });
    const opinion = view.documents.find((d) => d.kind === 'CORRECTION_REVIEW_OPINION')!;
    const opinionText = await documentText(opinion.id);
    expect(opinionText).toContain('复查意见书');
    expect(opinionText).toContain(letter.number!);
    expect(opinionText).toContain('属于拒不改正');

    // The 拒不改正 fine is now accepted.
    const notice = await okStep(
      app,
      'issuePrePenaltyNotice',
      {
        caseId,
        expectedVersion: 6,
        input: noticeInput(app, {
          prefix: 'BJ',
          servedOn: '2025-10-10',
          approvedOn: '2025-10-10',
          penalties: REFUSAL_FINE,
        }),
      },
      HANDLER,
    );
    expect(notice.case).toMatchObject({ status: 'PRE_PENALTY_NOTICE_SERVED', version: 7 });
  });

  it('CSL 2016 art. 59(1) 拒不改正或者导致危害网络安全等后果: the stated harm ground opens the tier without an order', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-26');
    const fine = { kind: 'FINE', amountYuan: '50000', provisionId: 'CSL2016-59-1-REFUSAL' };
    const refused = await refusedStep(
      app,
      'issuePrePenaltyNotice',
      {
        caseId,
        expectedVersion: 3,
        input: noticeInput(app, {
          prefix: 'BJ',
          servedOn: '2025-09-26',
          approvedOn: '2025-09-25',
          penalties: [fine],
        }),
      },
      HANDLER,
    );
    expect(codesOf(refused)).toEqual(['REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER']);
    expect(refused[0]!.message).toContain('导致危害网络安全等后果');
    const notice = await okStep(
      app,
      'issuePrePenaltyNotice',
      {
        caseId,
        expectedVersion: 3,
        input: noticeInput(app, {
          prefix: 'BJ',
          servedOn: '2025-09-26',
          approvedOn: '2025-09-25',
          penalties: [
            {
              ...fine,
              refusalTierOtherGround:
                '未履行网络安全保护义务，导致约23万条用户位置信息被第三方获取',
            },
          ],
        }),
      },
      HANDLER,
    );
    expect(notice.case!.status).toBe('PRE_PENALTY_NOTICE_SERVED');
  });

  it('APL arts. 28(1), 85: a 15-day order of 2026-12-24 ends on a provisional 2027 day; 立即改正 has no period', async () => {
    const caseId = await investigatingCase(app, {
      prefix: 'BJ',
      partyKey: 'xinghe',
      registeredOn: '2026-12-01',
      docketedOn: '2026-12-02',
      collectedOn: '2026-12-03',
    });
    app.setToday('2026-12-24');
    const ordered = await okStep(
      app,
      'orderCorrection',
      {
        caseId,
        expectedVersion: 3,
        input: { ...ORDER_INPUT, orderedOn: '2026-12-24', correctionPeriodDays: 15 },
      },
      HANDLER,
    );
    // 12-24 + 15 days = Fri 2027-01-08, a working day of the provisional 2027 calendar.
    expect(deadlineOf(ordered, 'CORRECTION_PERIOD')).toMatchObject({ dueDate: '2027-01-08' });
    const immediate = await okStep(
      app,
      'orderCorrection',
      { caseId, expectedVersion: 4, input: { ...ORDER_INPUT, orderedOn: '2026-12-24' } },
      HANDLER,
    );
    expect(deadlineOf(immediate, 'CORRECTION_PERIOD')).toBeUndefined();
    const view = await caseView(caseId);
    expect(view.correctionOrders.map((o) => o.dueOn)).toEqual(['2027-01-08', null]);
    const letters = view.documents.filter((d) => d.kind === 'CORRECTION_ORDER');
    expect(await documentText(letters[1]!.id)).toContain('立即改正');
  });
});
