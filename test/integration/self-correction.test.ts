import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Decision } from '../../src/entities/decision.entity.js';
import { DomainEvent } from '../../src/entities/domain-event.entity.js';
import { Publication } from '../../src/entities/publication.entity.js';
import {
  citationsOf,
  EXPLANATION_FIELDS,
  codesOf,
  generatePendingDocuments,
  latestDocumentText,
  officerId,
  okStep,
  refusedStep,
  servedDecisionCase,
} from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * APL art. 75(2) through the GraphQL API: a 申诉 on a served, partly paid decision; the head's
 * finding that it is wrong; the office's change of its own decision (fine reduced, the excess paid
 * owed back, the publication replaced, the 变更行政处罚决定书 read back); a revocation; and the
 * refusals (a heavier change without a renewed notice, no approval or review). Dates cross the
 * 2025 National Day holiday (10-01…10-08, Sat 10-11 worked).
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const HEAD = 'BJ0001'; // the principal head (主要负责人)
const HANDLER = 'BJ0002';
const REVIEWER = 'BJ0004'; // legal reviewer, not on the investigation

const correctionBase = (decidedOn: string, complaintId?: string) => ({
  decidedOn,
  ...(complaintId ? { complaintId } : {}),
  reasons: ['原决定认定的违法行为持续期间有误，据以确定的罚款数额过重。'],
  legalReview: { reviewerId: officerId(app, REVIEWER), reviewedOn: decidedOn },
  approval: { approvedById: officerId(app, HEAD), approvedOn: decidedOn, written: true },
});

interface CorrectionsView {
  status: string;
  complaints: { id: string; finding: string | null }[];
  decisionCorrections: {
    kind: string;
    previousObligationYuan: string;
    obligationYuan: string;
    paidYuan: string;
    refundOwedYuan: string;
  }[];
}

async function corrections(caseId: string): Promise<CorrectionsView> {
  const result = await app.run<{ case: CorrectionsView }>(
    `query($id: ID!) { case(id: $id) { status complaints { id finding }
      decisionCorrections { kind previousObligationYuan obligationYuan paidYuan refundOwedYuan } } }`,
    { id: caseId },
    HEAD,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case;
}

async function partlyPaid(caseId: string, version: number): Promise<number> {
  app.setToday('2025-10-10');
  await okStep(
    app,
    'recordPayment',
    {
      caseId,
      expectedVersion: version,
      input: {
        paidOn: '2025-10-10',
        amountYuan: '30000',
        channel: 'DESIGNATED_BANK',
        receiptNumber: 'ICBC-20251010-0001',
      },
    },
    HANDLER,
  );
  return version + 1;
}

describe('APL art. 75(2): the office corrects its own decision', () => {
  it('a 申诉 found right changes the decision: the fine reduced (checked against the provision), the excess paid owed back, the publication replaced, the 变更行政处罚决定书 issued', async () => {
    const served = await servedDecisionCase(app);
    const { caseId } = served;
    let version = await partlyPaid(caseId, served.version);

    app.setToday('2025-10-13');
    await okStep(
      app,
      'recordComplaint',
      {
        caseId,
        expectedVersion: version++,
        input: {
          kind: 'COMPLAINT',
          receivedOn: '2025-10-13',
          complainant: '北京星河数据科技有限公司',
          content: ['违法行为自2025年6月开始，而非1月，罚款过重。'],
        },
      },
      HANDLER,
    );
    const [complaint] = (await corrections(caseId)).complaints;
    expect(complaint).toMatchObject({ finding: null });

    // Without a finding of error, the complaint opens no correction.
    app.setToday('2025-10-20');
    const early = await refusedStep(
      app,
      'changeDecision',
      {
        caseId,
        expectedVersion: version,
        input: {
          ...correctionBase('2025-10-20', complaint!.id),
          penalties: [
            { kind: 'WARNING', provisionId: 'DSL-45-1' },
            { kind: 'FINE', amountYuan: '10000', provisionId: 'DSL-45-1' },
          ],
        },
      },
      HEAD,
    );
    // …and the fine below the provision's minimum without 减轻处罚 is refused in the same answer.
    expect(codesOf(early).sort()).toEqual(['CORRECTION_WITHOUT_ERROR_FOUND', 'FINE_BELOW_MINIMUM']);

    await okStep(
      app,
      'handleComplaint',
      {
        caseId,
        expectedVersion: version++,
        input: {
          complaintId: complaint!.id,
          handledOn: '2025-10-20',
          finding: 'ERROR_FOUND',
          reasons: ['经核查，违法行为始于2025年6月，原决定认定有误。'],
        },
      },
      HEAD,
    );

    // A heavier change without a renewed notice, without review or approval: every rule at once.
    const heavier = await refusedStep(
      app,
      'changeDecision',
      {
        caseId,
        expectedVersion: version,
        input: {
          decidedOn: '2025-10-20',
          complaintId: complaint!.id,
          reasons: ['加重'],
          penalties: [
            { kind: 'WARNING', provisionId: 'DSL-45-1' },
            { kind: 'FINE', amountYuan: '600000', provisionId: 'DSL-45-1' },
          ],
        },
      },
      HEAD,
    );
    // The provision's range is checked as for decideCase: 600 000 exceeds DSL art. 45(1)'s maximum.
    expect(codesOf(heavier).sort()).toEqual([
      'CORRECTION_HEAVIER_WITHOUT_NOTICE',
      'CORRECTION_LEGAL_REVIEW_REQUIRED',
      'CORRECTION_PRINCIPAL_HEAD_APPROVAL_REQUIRED',
      'FINE_ABOVE_MAXIMUM',
    ]);
    expect(citationsOf(heavier, 'CORRECTION_HEAVIER_WITHOUT_NOTICE').join('')).toContain(
      '第四十五条第二款',
    );

    // 10 000 yuan is below DSL art. 45(1)'s minimum (50 000): only 减轻处罚 on a recorded ground
    // (APL art. 32) allows it, as for decideCase.
    const reduced = {
      ...correctionBase('2025-10-20', complaint!.id),
      penalties: [
        { kind: 'WARNING', provisionId: 'DSL-45-1' },
        { kind: 'FINE', amountYuan: '10000', provisionId: 'DSL-45-1' },
      ],
    };
    const belowMinimum = await refusedStep(
      app,
      'changeDecision',
      { caseId, expectedVersion: version, input: reduced },
      HEAD,
    );
    expect(codesOf(belowMinimum)).toEqual(['FINE_BELOW_MINIMUM']);

    const changed = await okStep(
      app,
      'changeDecision',
      {
        caseId,
        expectedVersion: version++,
        input: {
          ...reduced,
          discretion: {
            tier: 'MITIGATED',
            grounds: ['APL_32_1_HARM_ELIMINATED'],
            statement: '当事人已主动删除违法收集的数据，消除了危害后果。',
          },
        },
      },
      HEAD,
    );
    expect(changed).toMatchObject({ fromStatus: 'DECISION_SERVED', toStatus: 'DECISION_SERVED' });
    expect((await corrections(caseId)).decisionCorrections).toEqual([
      {
        kind: 'CHANGED',
        previousObligationYuan: '50000.00',
        obligationYuan: '10000.00',
        paidYuan: '30000.00',
        refundOwedYuan: '20000.00',
      },
    ]);

    const letter = await latestDocumentText(app, caseId, 'DECISION_REVOCATION_OR_CHANGE');
    expect(letter).toContain('变更行政处罚决定书');
    expect(letter).toContain('第七十五条第二款');
    expect(letter).toContain('当事人的申诉');
    expect(letter).toContain('罚款人民币10000.00元');
    expect(letter).toContain('20000.00元，本机关依法予以退还');

    // The decision changed is kept; the changed decision is a new row, published in its place.
    const decisions = await app.orm.em
      .fork()
      .find(Decision, { case: caseId }, { orderBy: { createdAt: 'asc' } });
    expect(decisions.map((d) => d.penalties.map((p) => p.amountYuan))).toEqual([
      [null, '50000.00'],
      [null, '10000.00'],
    ]);
    expect(decisions[1]).toMatchObject({
      discretionTier: 'MITIGATED',
      discretionGrounds: ['APL_32_1_HARM_ELIMINATED'],
    });
    const publications = await app.orm.em
      .fork()
      .find(Publication, { case: caseId }, { orderBy: { createdAt: 'asc' } });
    expect(publications.map((p) => p.withdrawnOn ?? null)).toEqual(['2025-10-20', null]);
    expect(publications[0]!.withdrawalReason).toContain('变更');
    expect(publications[1]!.decision.id).toBe(decisions[1]!.id);
    // The portals hear of it through the outbox: the decision changed, the letter, the records.
    const events = await app.orm.em
      .fork()
      .find(DomainEvent, { caseId }, { orderBy: { occurredAt: 'asc', createdAt: 'asc' } });
    const types = events.map((e) => e.type);
    expect(types).toContain('PUBLICATION_WITHDRAWN');
    expect(types.filter((t) => t === 'PUBLICATION_DUE')).toHaveLength(2);
    const changedEvent = events.find(
      (e) =>
        e.type === 'DECISION_MADE' &&
        (e.payload.data as { outcome?: string })?.outcome === 'CHANGED',
    );
    expect(changedEvent, JSON.stringify(events.map((e) => e.payload))).toBeDefined();
    expect([publications[0]!.fields.罚款金额, publications[1]!.fields.罚款金额]).toEqual([
      '5',
      '1',
    ]);
  });

  it('revoked on the office’s own discovery: nothing left to pay, all paid owed back, publication withdrawn, the case closes on DECISION_ANNULLED once the refund is paid out', async () => {
    const served = await servedDecisionCase(app);
    const { caseId } = served;
    let version = await partlyPaid(caseId, served.version);

    app.setToday('2025-10-09');
    // Missing approval: refused, citing APL art. 75(2).
    const unapproved = await refusedStep(
      app,
      'revokeDecision',
      {
        caseId,
        expectedVersion: version,
        input: { ...correctionBase('2025-10-09'), approval: null },
      },
      HEAD,
    );
    expect(codesOf(unapproved)).toEqual(['CORRECTION_PRINCIPAL_HEAD_APPROVAL_REQUIRED']);

    app.setToday('2025-10-13');
    const revoked = await okStep(
      app,
      'revokeDecision',
      { caseId, expectedVersion: version++, input: correctionBase('2025-10-13') },
      HEAD,
    );
    expect(revoked.deadlines.find((d) => d.kind === 'PAYMENT')).toMatchObject({
      stoppedOn: '2025-10-13',
    });
    expect((await corrections(caseId)).decisionCorrections).toEqual([
      {
        kind: 'REVOKED',
        previousObligationYuan: '50000.00',
        obligationYuan: '0.00',
        paidYuan: '30000.00',
        refundOwedYuan: '30000.00',
      },
    ]);
    const letter = await latestDocumentText(app, caseId, 'DECISION_REVOCATION_OR_CHANGE');
    expect(letter).toContain('撤销行政处罚决定书');
    expect(letter).toContain('本机关经审查');
    expect(letter).toContain('30000.00元，本机关依法予以退还');
    const open = await app.orm.em.fork().find(Publication, { case: caseId, withdrawnOn: null });
    expect(open).toEqual([]);

    // A revoked decision is not revoked or changed again.
    const again = await refusedStep(
      app,
      'revokeDecision',
      { caseId, expectedVersion: version, input: correctionBase('2025-10-13') },
      HEAD,
    );
    expect(codesOf(again)).toEqual(['DECISION_NOT_CORRECTABLE']);

    await generatePendingDocuments(app, caseId, HANDLER);
    const closing = (closedOn: string) => ({
      ground: 'DECISION_ANNULLED',
      closedOn,
      approval: { approvedById: officerId(app, HEAD), approvedOn: closedOn, written: true },
    });
    // The 30 000 yuan owed back is paid out before the case closes (退还).
    const unpaid = await refusedStep(
      app,
      'closeCase',
      { caseId, expectedVersion: version, input: closing('2025-10-13') },
      HEAD,
    );
    expect(codesOf(unpaid)).toEqual(['REFUND_OUTSTANDING_AT_CLOSURE']);
    const correctionId = await app.run<{ case: { decisionCorrections: { id: string }[] } }>(
      `query($id: ID!) { case(id: $id) { decisionCorrections { id } } }`,
      { id: caseId },
      HEAD,
    );
    const refund = (amountYuan: string) => ({
      correctionId: correctionId.data!.case.decisionCorrections[0]!.id,
      refundedOn: '2025-10-14',
      amountYuan,
      receiptNumber: 'TF-20251014-0001',
    });
    app.setToday('2025-10-14');
    const tooMuch = await refusedStep(
      app,
      'recordRefund',
      { caseId, expectedVersion: version, input: refund('30000.01') },
      HANDLER,
    );
    expect(codesOf(tooMuch)).toEqual(['REFUND_NOT_OWED']);
    await okStep(
      app,
      'recordRefund',
      { caseId, expectedVersion: version++, input: refund('30000') },
      HANDLER,
    );
    const refunded = await app.run<{
      case: {
        decisionCorrections: {
          refundOwedYuan: string;
          refundedYuan: string;
          refundOutstandingYuan: string;
          refundedOn: string;
        }[];
      };
    }>(
      `query($id: ID!) { case(id: $id) { decisionCorrections {
        refundOwedYuan refundedYuan refundOutstandingYuan refundedOn } } }`,
      { id: caseId },
      HEAD,
    );
    expect(refunded.data!.case.decisionCorrections).toEqual([
      {
        refundOwedYuan: '30000.00',
        refundedYuan: '30000.00',
        refundOutstandingYuan: '0.00',
        refundedOn: '2025-10-14',
      },
    ]);
    const closed = await okStep(
      app,
      'closeCase',
      { caseId, expectedVersion: version, input: closing('2025-10-14') },
      HEAD,
    );
    expect(closed.toStatus).toBe('CLOSED');
  });

  it('the 变更行政处罚决定书 served across the New Year: the payment period of the changed fine runs from its service (provisional 2027 deadline), the letter states the remedies', async () => {
    const served = await servedDecisionCase(app);
    const { caseId } = served;
    let version = served.version;

    // Changed on Monday 2026-12-28, nothing paid: 10 000 yuan left to pay (减轻, APL art. 32).
    app.setToday('2026-12-28');
    await okStep(
      app,
      'changeDecision',
      {
        caseId,
        expectedVersion: version++,
        input: {
          ...correctionBase('2026-12-28'),
          penalties: [
            { kind: 'WARNING', provisionId: 'DSL-45-1' },
            { kind: 'FINE', amountYuan: '10000', provisionId: 'DSL-45-1' },
          ],
          discretion: { tier: 'MITIGATED', grounds: ['APL_32_1_HARM_ELIMINATED'] },
        },
      },
      HEAD,
    );
    const letter = await latestDocumentText(app, caseId, 'DECISION_REVOCATION_OR_CHANGE');
    expect(letter).toContain('变更行政处罚决定书');
    expect(letter).toContain('自收到本决定书之日起十五日内，缴纳变更后尚未缴纳的10000.00元');
    expect(letter).toContain('自收到本决定书之日起六十日内向');
    expect(letter).toContain('申请行政复议');
    expect(letter).toContain('六个月内向');
    expect(letter).toContain('提起行政诉讼');

    const documents = await app.run<{ case: { documents: { id: string; kind: string }[] } }>(
      `query($id: ID!) { case(id: $id) { documents { id kind } } }`,
      { id: caseId },
      HEAD,
    );
    const changeLetter = documents.data!.case.documents.find(
      (d) => d.kind === 'DECISION_REVOCATION_OR_CHANGE',
    )!;

    // Served on Thursday 2026-12-31: 15 days end on Friday 2027-01-15, provisional (2027 not published).
    app.setToday('2026-12-31');
    const service = {
      documentIds: [changeLetter.id],
      method: 'DIRECT',
      servedOn: '2026-12-31',
      serverIds: [officerId(app, HANDLER), officerId(app, 'BJ0003')],
      facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2026-12-31' },
    };
    const step = await okStep(
      app,
      'serveDocument',
      { caseId, expectedVersion: version++, input: service },
      HANDLER,
    );
    expect(step.toStatus).toBe('DECISION_SERVED');
    const again = await refusedStep(
      app,
      'serveDocument',
      { caseId, expectedVersion: version, input: service },
      HANDLER,
    );
    expect(codesOf(again)).toEqual(['DOCUMENT_ALREADY_SERVED']);

    const view = await app.run<{
      case: {
        decisionCorrections: { kind: string; servedOn: string | null }[];
        deadlines: {
          kind: string;
          triggerDate: string;
          dueDate: string;
          provisional: boolean;
          stoppedOn: string | null;
          explanation: { provisionalYears: number[]; lines: string[] };
        }[];
      };
    }>(
      `query($id: ID!) { case(id: $id) { decisionCorrections { kind servedOn }
        deadlines { kind triggerDate dueDate provisional stoppedOn ${EXPLANATION_FIELDS} } } }`,
      { id: caseId },
      HEAD,
    );
    expect(view.errors, JSON.stringify(view.errors)).toBeUndefined();
    expect(view.data!.case.decisionCorrections).toEqual([
      { kind: 'CHANGED', servedOn: '2026-12-31' },
    ]);
    const open = (kind: string) =>
      view.data!.case.deadlines.filter((d) => d.kind === kind && d.stoppedOn === null);
    const [payment] = open('PAYMENT');
    expect(open('PAYMENT')).toHaveLength(1);
    expect(payment).toMatchObject({
      triggerDate: '2026-12-31',
      dueDate: '2027-01-15',
      provisional: true,
    });
    expect(payment!.explanation.provisionalYears).toEqual([2027]);
    expect(payment!.explanation.lines.join('\n')).toContain('2026-12-31');
    // The original decision's payment period is stopped; the remedies run anew from the service.
    expect(
      view.data!.case.deadlines.filter((d) => d.kind === 'PAYMENT' && d.stoppedOn !== null),
    ).toHaveLength(1);
    expect(open('RECONSIDERATION_PERIOD')[0]).toMatchObject({ triggerDate: '2026-12-31' });
    expect(open('LITIGATION_PERIOD')[0]).toMatchObject({ triggerDate: '2026-12-31' });
  });
});
