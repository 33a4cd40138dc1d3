import mammoth from 'mammoth';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDocument } from '../../src/entities/case-document.entity.js';
import { Case } from '../../src/entities/case.entity.js';
import { Publication } from '../../src/entities/publication.entity.js';
import {
  DECISION_CONTENT,
  FINE_50K,
  codesOf,
  deadlineOf,
  generatePendingDocuments,
  investigatingCase,
  noticeInput,
  noticeServedCase,
  officerId,
  okStep,
  refusedStep,
  waiveBothRights,
} from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * After the decision, through the GraphQL API: service with deemed-served dates, payment and the
 * late surcharge, closure, a reconsideration that annuls the decision (and takes the publication
 * down), and the demand before the application to the court. Dates are counted by hand against
 * the State Council holiday notices: 2025 National Day 10-01…10-08 (Sun 09-28 and Sat 10-11
 * worked), 2026 May Day 05-01…05-05 (Sat 05-09 worked).
 */

let app: TestApp;
const refused = (
  ...args: Parameters<typeof refusedStep> extends [TestApp, ...infer R] ? R : never
) => refusedStep(app, ...args);
const codes = codesOf;
const deadline = deadlineOf;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const HEAD = 'BJ0001';
const HANDLER = 'BJ0002';
/** The internet channel for reconsideration applications (Reconsideration Law art. 22(2)). */
const CHANNEL = '北京市人民政府行政复议网上申请平台 https://fuyi.beijing.example.gov.cn';

interface Decided {
  caseId: string;
  version: number;
}

/**
 * A Beijing case against 北京星河数据科技有限公司 decided on Tue 2025-09-30 (v6): notice served
 * Fri 09-26, both rights waived Mon 09-29, a warning and a fine of 50 000 yuan.
 */
async function decidedCase(
  penalties: readonly Record<string, unknown>[] = FINE_50K,
  illegalGainsYuan = '0',
): Promise<Decided> {
  const caseId = await noticeServedCase(app, penalties);
  await waiveBothRights(app, caseId);
  app.setToday('2025-09-30');
  const decided = await okStep(
    app,
    'decideCase',
    {
      caseId,
      expectedVersion: 5,
      input: {
        outcome: 'PENALTY',
        penalties,
        reasons: '依法处罚',
        illegalGainsYuan,
        content: DECISION_CONTENT,
      },
    },
    HEAD,
  );
  expect(decided.case).toMatchObject({ status: 'DECIDED_PENALTY', version: 6 });
  return { caseId, version: 6 };
}

async function documentId(caseId: string, kind: string): Promise<string> {
  const result = await app.run<{ case: { documents: { id: string; kind: string }[] } }>(
    `query($id: ID!) { case(id: $id) { documents { id kind } } }`,
    { id: caseId },
    HEAD,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const found = result.data!.case.documents.find((d) => d.kind === kind);
  expect(found, `${kind} among ${JSON.stringify(result.data!.case.documents)}`).toBeDefined();
  return found!.id;
}

/** Serves the decision letter in person on the day of the decision, Tue 2025-09-30, signed by the representative. */
async function serveDecisionDirectly({ caseId, version }: Decided): Promise<void> {
  const letter = await documentId(caseId, 'PENALTY_DECISION');
  await okStep(
    app,
    'serveDocument',
    {
      caseId,
      expectedVersion: version,
      input: {
        documentIds: [letter],
        method: 'DIRECT',
        servedOn: '2025-09-30',
        serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
        facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2025-09-30' },
      },
    },
    HANDLER,
  );
}

/** The step is refused and leaves every table as it was; returns the violations. */

const APPROVAL = (on: string) => ({
  approvedById: officerId(app, HEAD),
  approvedOn: on,
  written: true,
});

interface CaseView {
  status: string;
  version: number;
  deadlines: { kind: string; triggerDate: string; dueDate: string; stoppedOn: string | null }[];
  serviceRecords: {
    method: string;
    servedOn: string;
    deemedServedOn: string;
    deemedServiceExplanation: string;
    facts: Record<string, unknown>;
    servers: { name: string; certificateNumber: string | null }[];
    documents: { documentId: string; kind: string; number: string | null }[];
    party: { name: string };
  }[];
}

async function view(caseId: string): Promise<CaseView> {
  const result = await app.run<{ case: CaseView }>(
    `query($id: ID!) { case(id: $id) {
      status version
      deadlines { kind triggerDate dueDate stoppedOn }
      serviceRecords {
        method servedOn deemedServedOn deemedServiceExplanation
        facts { servedOn recipientName recipientRole signed signedOn refusalReason witnesses witnessCapacity
          electronicAddress reachedSystemOn publicNoticeGround publicationMedium reasonAndProcess }
        reconsiderationChannel
        servers { name certificateNumber } documents { documentId kind number } party { name }
      }
    } }`,
    { id: caseId },
    HEAD,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case;
}

describe('service of the decision letter (送达)', () => {
  it('the sections the steps recorded for the decision are accepted back: the decision letter is generated again from them', async () => {
    const { caseId } = await decidedCase();
    const recorded = await app.orm.em
      .getConnection()
      .execute<{ sections: Record<string, unknown> }[]>(
        `select payload -> 'documentSections' as sections from case_event
         where case_id = ? and payload -> 'documentSections' is not null order by sequence`,
        [caseId],
      );
    // Every section any step recorded, together (as a client replaying them would send them).
    const sections = Object.assign({}, ...recorded.map((r) => r.sections)) as Record<
      string,
      unknown
    >;
    expect(Object.keys(sections)).toContain('decision');
    const result = await app.run<{ generateDocument: { kind: string } }>(
      `mutation($caseId: ID!, $sections: JSON) { generateDocument(caseId: $caseId, kind: PENALTY_DECISION, sections: $sections) { kind } }`,
      { caseId, sections },
      HANDLER,
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.generateDocument.kind).toBe('PENALTY_DECISION');
  });

  it('留置送达 after a refused signature, witnessed: deemed served that day; the payment, reconsideration and litigation periods start from it', async () => {
    const { caseId, version } = await decidedCase();
    const letter = await documentId(caseId, 'PENALTY_DECISION');
    // Served the day of the decision, Tue 2025-09-30; the party's representative refuses to sign.
    const served = await okStep(
      app,
      'serveDocument',
      {
        caseId,
        expectedVersion: version,
        input: {
          documentIds: [letter],
          method: 'LEFT_AT_RESIDENCE',
          servedOn: '2025-09-30',
          place: '北京市海淀区中关村大街27号9层',
          serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          facts: {
            recipientName: '周明远',
            recipientRole: 'LEGAL_REPRESENTATIVE',
            signed: false,
            refusalReason: '当事人的法定代表人对处罚有异议，拒绝签收',
            witnesses: ['中关村街道某社区居民委员会 李某'],
            witnessCapacity: 'GRASSROOTS_ORGANIZATION_REPRESENTATIVE',
          },
        },
      },
      HANDLER,
    );
    expect(served).toMatchObject({ fromStatus: 'DECIDED_PENALTY', toStatus: 'DECISION_SERVED' });
    expect(deadline(served, 'DECISION_SERVICE')).toMatchObject({ stoppedOn: '2025-09-30' });
    // PAYMENT: 15 calendar days from 09-30, running through the National Day holiday:
    // 10-01 … 10-15 (Wed, a working day) → 2025-10-15.
    expect(deadline(served, 'PAYMENT')).toMatchObject({
      triggerDate: '2025-09-30',
      dueDate: '2025-10-15',
      stoppedOn: null,
    });
    // RECONSIDERATION_PERIOD: 60 days from 09-30 end on Sat 11-29, a rest day: rolled to Mon 12-01.
    expect(deadline(served, 'RECONSIDERATION_PERIOD')).toMatchObject({
      triggerDate: '2025-09-30',
      dueDate: '2025-12-01',
    });
    // LITIGATION_PERIOD: 6 months from 09-30 → Mon 2026-03-30.
    expect(deadline(served, 'LITIGATION_PERIOD')).toMatchObject({
      triggerDate: '2025-09-30',
      dueDate: '2026-03-30',
    });

    const record = (await view(caseId)).serviceRecords;
    expect(record).toHaveLength(1);
    expect(record[0]).toMatchObject({
      method: 'LEFT_AT_RESIDENCE',
      servedOn: '2025-09-30',
      deemedServedOn: '2025-09-30',
      party: { name: '北京星河数据科技有限公司' },
      servers: [
        { name: app.demo.officers.BJ0002!.name, certificateNumber: 'BJ0002' },
        { name: app.demo.officers.BJ0003!.name, certificateNumber: 'BJ0003' },
      ],
      documents: [{ documentId: letter, kind: 'PENALTY_DECISION' }],
      facts: {
        servedOn: '2025-09-30',
        recipientName: '周明远',
        recipientRole: 'LEGAL_REPRESENTATIVE',
        witnesses: ['中关村街道某社区居民委员会 李某'],
        witnessCapacity: 'GRASSROOTS_ORGANIZATION_REPRESENTATIVE',
        signed: false,
        signedOn: null,
        electronicAddress: null,
      },
    });
    expect(record[0]!.documents[0]!.number).toMatch(/^京网信罚〔2025〕\d+号$/);
    expect(record[0]!.deemedServiceExplanation).toContain('视为送达');

    // Served once: a second service of the same letter is refused and writes nothing.
    const again = await refused(
      'serveDocument',
      {
        caseId,
        expectedVersion: version + 1,
        input: {
          documentIds: [letter],
          method: 'DIRECT',
          servedOn: '2025-09-30',
          serverIds: [officerId(app, 'BJ0002')],
          facts: { signed: true, signedOn: '2025-09-30', recipientRole: 'PARTY' },
        },
      },
      HANDLER,
    );
    // Served once: the same letter again is refused (only a corrected version may follow).
    expect(codes(again)).toContain('DOCUMENT_ALREADY_SERVED');
  });

  it('CPL art. 89: 留置送达 witnessed only by the building’s security guard is refused with LEFT_AT_RESIDENCE_WITNESS_NOT_QUALIFIED and writes nothing; with a video of the process it is served', async () => {
    const { caseId, version } = await decidedCase();
    const letter = await documentId(caseId, 'PENALTY_DECISION');
    const input = (extra: Record<string, unknown>) => ({
      documentIds: [letter],
      method: 'LEFT_AT_RESIDENCE',
      servedOn: '2025-09-30',
      serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
      facts: {
        recipientName: '周明远',
        recipientRole: 'LEGAL_REPRESENTATIVE',
        signed: false,
        refusalReason: '拒绝签收',
        witnesses: ['大厦保安 赵某'],
        witnessCapacity: 'OTHER',
        ...extra,
      },
    });
    const before = await app.tableCounts();
    const unqualified = await refused(
      'serveDocument',
      { caseId, expectedVersion: version, input: input({}) },
      HANDLER,
    );
    expect(codes(unqualified)).toEqual(['LEFT_AT_RESIDENCE_WITNESS_NOT_QUALIFIED']);
    expect(unqualified[0]!.legalBasis.map((b) => b.citation)).toEqual([
      '《中华人民共和国民事诉讼法》第八十九条',
    ]);
    expect(await app.tableCounts()).toEqual(before);

    const recorderId = officerId(app, 'BJ0003');
    const served = await okStep(
      app,
      'serveDocument',
      {
        caseId,
        expectedVersion: version,
        input: input({
          audioVisualRecord: {
            sha256: 'D'.repeat(64),
            sizeBytes: 52_428_800,
            mediaType: 'video/mp4',
            recorderId,
            recordedFrom: '2025-09-30T02:00:00Z',
            recordedTo: '2025-09-30T02:15:00Z',
            custodian: '北京市网信办案件管理处',
            custodyLocation: '执法记录仪数据存储服务器',
          },
        }),
      },
      HANDLER,
    );
    expect(served).toMatchObject({ toStatus: 'DECISION_SERVED' });
    const records = await app.run<{
      case: { audioVisualRecords: { act: string; sha256: string; recorderId: string }[] };
    }>(
      `query($id: ID!) { case(id: $id) { audioVisualRecords { act sha256 recorderId } } }`,
      { id: caseId },
      HEAD,
    );
    expect(records.data!.case.audioVisualRecords).toEqual([
      { act: 'LEFT_AT_RESIDENCE', sha256: 'd'.repeat(64), recorderId },
    ]);
  });

  it('CPL art. 90, Reconsideration Law art. 22(2): electronic service is refused without the online reconsideration channel (the office supplies its default) and to an address the party never confirmed; to the confirmed one, deemed served the day it reached the system', async () => {
    const { caseId, version } = await decidedCase();
    const letter = await documentId(caseId, 'PENALTY_DECISION');
    app.setToday('2025-10-10');
    const input = (address: string, reconsiderationChannel: string | null = null) => ({
      documentIds: [letter],
      method: 'ELECTRONIC',
      servedOn: '2025-10-09',
      facts: { electronicAddress: address, reachedSystemOn: '2025-10-10', reconsiderationChannel },
    });
    // Reconsideration Law art. 22(2): without the internet channel for reconsideration, refused.
    const withoutChannel = await refused(
      'serveDocument',
      { caseId, expectedVersion: version, input: input('legal@xinghe-data.example.cn', null) },
      HANDLER,
    );
    expect(codes(withoutChannel)).toEqual(['ONLINE_RECONSIDERATION_CHANNEL_REQUIRED']);
    expect(withoutChannel[0]!.legalBasis.map((b) => b.citation)).toEqual([
      '《中华人民共和国行政复议法》第二十二条第二款',
    ]);
    // The office configures its channel once; electronic service then provides it by default.
    const setChannel = (channel: string) =>
      app.run(
        `mutation($id: ID!, $channel: String) { updateOffice(id: $id, input: { onlineReconsiderationChannel: $channel }) { onlineReconsiderationChannel } }`,
        { id: app.demo.offices.beijing!.id, channel },
        'BJ0006',
      );
    expect((await setChannel(CHANNEL)).data).toEqual({
      updateOffice: { onlineReconsiderationChannel: CHANNEL },
    });
    const unconsented = await refused(
      'serveDocument',
      { caseId, expectedVersion: version, input: input('ceo@xinghe-data.example.cn') },
      HANDLER,
    );
    expect(codes(unconsented)).toEqual(['ELECTRONIC_SERVICE_WITHOUT_CONSENT']);
    expect(unconsented[0]!.legalBasis.map((b) => b.citation)).toContain(
      '《中华人民共和国行政处罚法》第六十一条第二款',
    );

    // The party consented on 2025-06-01 and confirmed legal@xinghe-data.example.cn.
    const served = await okStep(
      app,
      'serveDocument',
      { caseId, expectedVersion: version, input: input('legal@xinghe-data.example.cn') },
      HANDLER,
    );
    expect(served.toStatus).toBe('DECISION_SERVED');
    // Sent Thu 10-09, reached Fri 10-10: deemed served 10-10. PAYMENT: 10-10 + 15 = Sat 10-25,
    // a rest day → Mon 10-27.
    expect(deadline(served, 'PAYMENT')).toMatchObject({
      triggerDate: '2025-10-10',
      dueDate: '2025-10-27',
    });
    expect(deadline(served, 'DECISION_SERVICE')).toMatchObject({ stoppedOn: '2025-10-09' });
    expect((await view(caseId)).serviceRecords[0]).toMatchObject({
      method: 'ELECTRONIC',
      servedOn: '2025-10-09',
      deemedServedOn: '2025-10-10',
      reconsiderationChannel: CHANNEL,
    });
    // The 送达回证 states the channel given with the decision.
    const [receipt] = await app.orm.em
      .fork()
      .find(CaseDocument, { case: caseId, kind: 'SERVICE_RECEIPT' }, { populate: ['content'] });
    const text = (await mammoth.extractRawText({ buffer: receipt!.content })).value;
    expect(text).toContain('《中华人民共和国行政复议法》第二十二条第二款');
    expect(text).toContain(CHANNEL);
    expect((await setChannel('')).data).toEqual({
      updateOffice: { onlineReconsiderationChannel: null },
    });
  });

  it('public notice: deemed served 30 days after publication', async () => {
    const { caseId, version } = await decidedCase();
    const letter = await documentId(caseId, 'PENALTY_DECISION');
    app.setToday('2025-10-13');
    const facts = {
      publicNoticeGround: 'WHEREABOUTS_UNKNOWN',
      publicationMedium: '北京市互联网信息办公室网站',
      reasonAndProcess: '经直接送达、邮寄送达均无法送达，当事人下落不明。',
    };
    // Without the reasons in the file the notice is not justified (CPL art. 95).
    const unjustified = await refused(
      'serveDocument',
      {
        caseId,
        expectedVersion: version,
        input: {
          documentIds: [letter],
          method: 'PUBLIC_NOTICE',
          servedOn: '2025-10-13',
          facts: { ...facts, reasonAndProcess: null },
        },
      },
      HANDLER,
    );
    expect(codes(unjustified)).toEqual(['PUBLIC_NOTICE_NOT_JUSTIFIED']);
    const served = await okStep(
      app,
      'serveDocument',
      {
        caseId,
        expectedVersion: version,
        input: { documentIds: [letter], method: 'PUBLIC_NOTICE', servedOn: '2025-10-13', facts },
      },
      HANDLER,
    );
    // Published Mon 10-13; 30 days later, Wed 11-12 (a working day), it is deemed served.
    // PAYMENT: 11-12 + 15 = Thu 11-27.
    expect(deadline(served, 'PAYMENT')).toMatchObject({
      triggerDate: '2025-11-12',
      dueDate: '2025-11-27',
    });
    expect((await view(caseId)).serviceRecords[0]).toMatchObject({
      servedOn: '2025-10-13',
      deemedServedOn: '2025-11-12',
    });
  });

  it('a notice issued without being served: no hearing can be requested until serveDocument serves it, and the windows run from then', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-26');
    const { servedOn: _omitted, ...input } = noticeInput(app, {
      prefix: 'BJ',
      servedOn: '2025-09-26',
      approvedOn: '2025-09-25',
      penalties: FINE_50K,
    });
    const issued = await okStep(
      app,
      'issuePrePenaltyNotice',
      { caseId, expectedVersion: 3, input: { ...input, issuedOn: '2025-09-26' } },
      HANDLER,
    );
    expect(issued.toStatus).toBe('PRE_PENALTY_NOTICE_SERVED');
    expect(issued.deadlines.map((d) => d.kind)).not.toContain('STATEMENT');
    expect(issued.deadlines.map((d) => d.kind)).not.toContain('HEARING_REQUEST');

    app.setToday('2025-09-29');
    const early = await refused(
      'requestHearing',
      { caseId, expectedVersion: 4, input: { requestedOn: '2025-09-29' } },
      HANDLER,
    );
    expect(codes(early)).toContain('NOTICE_NOT_SERVED');

    const notice = await documentId(caseId, 'PRE_PENALTY_NOTICE');
    const served = await okStep(
      app,
      'serveDocument',
      {
        caseId,
        expectedVersion: 4,
        input: {
          documentIds: [notice],
          method: 'DIRECT',
          servedOn: '2025-09-29',
          serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          facts: {
            recipientName: '周明远',
            recipientRole: 'LEGAL_REPRESENTATIVE',
            signed: true,
            signedOn: '2025-09-29',
          },
        },
      },
      HANDLER,
    );
    expect(served.toStatus).toBe('PRE_PENALTY_NOTICE_SERVED');
    // Both windows: 5 working days from Mon 09-29: 09-30, (10-01…10-08 holiday) 10-09, 10-10,
    // Sat 10-11 (worked), Mon 10-13.
    for (const kind of ['STATEMENT', 'HEARING_REQUEST']) {
      expect(deadline(served, kind)).toMatchObject({
        triggerDate: '2025-09-29',
        dueDate: '2025-10-13',
      });
    }
    // The last day of the window that started at service (it would have ended 10-10 from issue).
    app.setToday('2025-10-13');
    const requested = await okStep(
      app,
      'requestHearing',
      { caseId, expectedVersion: 5, input: { requestedOn: '2025-10-13' } },
      HANDLER,
    );
    expect(requested.toStatus).toBe('HEARING_REQUESTED');
  });
});

describe('payment, the late surcharge and closure', () => {
  it('paid late: the 3%/day surcharge is capped at the fine; paid in full the case is executed, closed with the head’s approval, and takes no further step', async () => {
    const decided = await decidedCase();
    const { caseId, version } = decided;
    await serveDecisionDirectly(decided);
    const amountDue = async (asOf: string) => {
      const result = await app.run<{ case: { amountDue: Record<string, unknown> | null } }>(
        `query($id: ID!, $asOf: LocalDate) { case(id: $id) { amountDue(asOf: $asOf) {
          asOf paymentDueDate principalYuan surchargeYuan surchargeDays suspendedDays capApplied
          paidYuan outstandingYuan explanation
        } } }`,
        { id: caseId, asOf },
        HANDLER,
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data!.case.amountDue!;
    };
    // Due Wed 10-15; on Mon 10-20 five days are late (10-16 … 10-20): 5 × 3% × 50 000 = 7 500.
    expect(await amountDue('2025-10-20')).toMatchObject({
      paymentDueDate: '2025-10-15',
      principalYuan: '50000.00',
      surchargeYuan: '7500.00',
      surchargeDays: 5,
      suspendedDays: 0,
      capApplied: false,
      outstandingYuan: '57500.00',
    });
    // On Tue 11-18, 34 days late (16 in October, 18 in November): 102% > 100%, capped at the fine.
    const capped = await amountDue('2025-11-18');
    expect(capped).toMatchObject({
      surchargeYuan: '50000.00',
      surchargeDays: 34,
      capApplied: true,
      outstandingYuan: '100000.00',
    });
    expect((capped.explanation as string[]).join('')).toContain('加处罚款的数额不得超出罚款的数额');

    app.setToday('2025-11-18');
    const partly = await okStep(
      app,
      'recordPayment',
      {
        caseId,
        expectedVersion: version + 1,
        input: {
          paidOn: '2025-11-18',
          amountYuan: '50000',
          channel: 'DESIGNATED_BANK',
          receiptNumber: 'ICBC-20251118-0001',
        },
      },
      HANDLER,
    );
    expect(partly.toStatus).toBe('DECISION_SERVED');
    expect(await amountDue('2025-11-18')).toMatchObject({
      paidYuan: '50000.00',
      outstandingYuan: '50000.00',
    });
    const paid = await okStep(
      app,
      'recordPayment',
      {
        caseId,
        expectedVersion: version + 2,
        input: {
          paidOn: '2025-11-18',
          amountYuan: '50000',
          channel: 'ELECTRONIC_PAYMENT',
          receiptNumber: 'EPAY-20251118-0002',
        },
      },
      HANDLER,
    );
    expect(paid).toMatchObject({ fromStatus: 'DECISION_SERVED', toStatus: 'EXECUTED' });
    expect(deadline(paid, 'PAYMENT')).toMatchObject({ stoppedOn: '2025-11-18' });
    expect(await amountDue('2025-12-31')).toMatchObject({
      outstandingYuan: '0.00',
      paidYuan: '100000.00',
      surchargeDays: 34,
    });

    app.setToday('2025-11-19');
    // The case file is completed first (案件来源登记表, 立案审批表, 证据提取单): closure requires it.
    expect(await generatePendingDocuments(app, caseId, HANDLER)).toEqual([
      'CASE_SOURCE_REGISTER',
      'DOCKETING_APPROVAL_FORM',
      'EVIDENCE_COLLECTION_RECORD',
    ]);
    const withoutApproval = await refused(
      'closeCase',
      {
        caseId,
        expectedVersion: version + 3,
        input: { ground: 'EXECUTED', closedOn: '2025-11-19' },
      },
      HEAD,
    );
    expect(codes(withoutApproval)).toEqual(['HEAD_APPROVAL_REQUIRED']);
    const closed = await okStep(
      app,
      'closeCase',
      {
        caseId,
        expectedVersion: version + 3,
        input: { ground: 'EXECUTED', closedOn: '2025-11-19', approval: APPROVAL('2025-11-19') },
      },
      HEAD,
    );
    expect(closed).toMatchObject({ fromStatus: 'EXECUTED', toStatus: 'CLOSED' });
    // The remedy periods end with the case.
    expect(deadline(closed, 'LITIGATION_PERIOD')).toMatchObject({ stoppedOn: '2025-11-19' });

    const after = await refused(
      'recordPayment',
      {
        caseId,
        expectedVersion: version + 4,
        input: {
          paidOn: '2025-11-19',
          amountYuan: '1',
          channel: 'DESIGNATED_BANK',
          receiptNumber: 'ICBC-20251119-0003',
        },
      },
      HANDLER,
    );
    expect(codes(after)).toEqual(['ACTION_NOT_ALLOWED_IN_STATUS']);
    const reopened = await refused(
      'recordReconsideration',
      {
        caseId,
        expectedVersion: version + 4,
        input: { stage: 'FILED', filedOn: '2025-11-19', organ: '北京市人民政府' },
      },
      HANDLER,
    );
    expect(codes(reopened)).toEqual(['ACTION_NOT_ALLOWED_IN_STATUS']);

    // Each step produced its document: the 送达回证 of the service and the 结案审批表 with the head's approval.
    const files = await app.orm.em
      .fork()
      .find(
        CaseDocument,
        { case: caseId, kind: { $in: ['SERVICE_RECEIPT', 'CASE_CLOSING_APPROVAL_FORM'] } },
        { populate: ['content'] },
      );
    expect(files.map((f) => f.kind).sort()).toEqual([
      'CASE_CLOSING_APPROVAL_FORM',
      'SERVICE_RECEIPT',
    ]);
    const receipt = (
      await mammoth.extractRawText({
        buffer: files.find((f) => f.kind === 'SERVICE_RECEIPT')!.content,
      })
    ).value;
    expect(receipt).toContain('直接送达');
    expect(receipt).toContain('行政处罚决定书');
    const closing = (
      await mammoth.extractRawText({
        buffer: files.find((f) => f.kind === 'CASE_CLOSING_APPROVAL_FORM')!.content,
      })
    ).value;
    expect(closing).toContain('同意结案');
    // Signed by role from the case record: the handlers' opinion by the case handlers, the
    // approval by the approving head; amounts through the amount helpers (capitals and figures).
    const name = (certificate: string) => app.demo.officers[certificate]!.name;
    const handlerSigners = /建议结案。\s*签名：([^\s\u3000]+)/.exec(closing)?.[1]?.split('、');
    expect(handlerSigners?.sort()).toEqual([name('BJ0002'), name('BJ0003')].sort());
    expect(closing).toMatch(new RegExp(`同意结案。\\s*签名：${name(HEAD)}`));
    expect(closing).toMatch(/缴纳人民币[^（]+元[^（]*（\d{1,3}(,\d{3})*\.\d{2}元）/);
    expect(closing).not.toMatch(/共计\d+\.\d{2}元/);
  });
});

describe('what the decision owes decides when it is executed (APL arts. 66(1), 74(2); legal.md E1, E11)', () => {
  /** Serves the decision letter directly on Tue 2025-09-30 and completes the case file. */
  async function servedAndFiled(decided: Decided): Promise<number> {
    const { caseId, version } = decided;
    await serveDecisionDirectly(decided);
    app.setToday('2025-10-09');
    await generatePendingDocuments(app, caseId, HANDLER);
    return version + 1;
  }
  const closing = (on: string) => ({
    ground: 'EXECUTED',
    closedOn: on,
    approval: APPROVAL(on),
  });

  it('a warning only owes nothing: served, the case closes as executed and the 结案审批表 says it was executed by service', async () => {
    const decided = await decidedCase([{ kind: 'WARNING', provisionId: 'PIPL-66-1' }]);
    const version = await servedAndFiled(decided);
    const closed = await okStep(
      app,
      'closeCase',
      { caseId: decided.caseId, expectedVersion: version, input: closing('2025-10-09') },
      HEAD,
    );
    expect(closed).toMatchObject({ fromStatus: 'DECISION_SERVED', toStatus: 'CLOSED' });
    const formId = await documentId(decided.caseId, 'CASE_CLOSING_APPROVAL_FORM');
    const form = await app.orm.em
      .fork()
      .findOneOrFail(CaseDocument, { id: formId }, { populate: ['content'] });
    const text = (await mammoth.extractRawText({ buffer: Buffer.from(form.content) })).value;
    expect(text).toContain('处罚决定不涉及缴纳款项，已于2025年9月30日送达当事人，执行完毕');
  });

  it('a confiscation of illegal gains only cannot close unpaid; paid in full, it is executed and closes', async () => {
    const gains = [
      { kind: 'WARNING', provisionId: 'PIPL-66-1' },
      { kind: 'CONFISCATION_OF_ILLEGAL_GAINS', amountYuan: '20000', provisionId: 'PIPL-66-1' },
    ];
    const decided = await decidedCase(gains, '20000');
    const version = await servedAndFiled(decided);
    const unpaid = await refused(
      'closeCase',
      { caseId: decided.caseId, expectedVersion: version, input: closing('2025-10-09') },
      HEAD,
    );
    expect(codes(unpaid)).toEqual(['CLOSING_CONDITION_NOT_MET']);
    const paid = await okStep(
      app,
      'recordPayment',
      {
        caseId: decided.caseId,
        expectedVersion: version,
        input: {
          paidOn: '2025-10-09',
          amountYuan: '20000',
          channel: 'ELECTRONIC_PAYMENT',
          receiptNumber: 'EPAY-20251009-0001',
        },
      },
      HANDLER,
    );
    expect(paid).toMatchObject({ fromStatus: 'DECISION_SERVED', toStatus: 'EXECUTED' });
    expect(deadline(paid, 'PAYMENT')).toMatchObject({ stoppedOn: '2025-10-09' });
    const closed = await okStep(
      app,
      'closeCase',
      { caseId: decided.caseId, expectedVersion: version + 1, input: closing('2025-10-09') },
      HEAD,
    );
    expect(closed.toStatus).toBe('CLOSED');
  });
});

describe('remedies', () => {
  it('a reconsideration that annuls the decision takes the publication down within 3 working days', async () => {
    const { caseId, version } = await decidedCase();
    const letter = await documentId(caseId, 'PENALTY_DECISION');
    await okStep(
      app,
      'serveDocument',
      {
        caseId,
        expectedVersion: version,
        input: {
          documentIds: [letter],
          method: 'DIRECT',
          servedOn: '2025-09-30',
          serverIds: [officerId(app, 'BJ0002')],
          facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2025-09-30' },
        },
      },
      HANDLER,
    );
    app.setToday('2025-10-20');
    const filed = await okStep(
      app,
      'recordReconsideration',
      {
        caseId,
        expectedVersion: version + 1,
        input: { stage: 'FILED', filedOn: '2025-10-20', organ: '北京市人民政府' },
      },
      HANDLER,
    );
    const remedies = await app.run<{ case: { remedies: { id: string; kind: string }[] } }>(
      `query($id: ID!) { case(id: $id) { remedies { id kind filedOn organ decidedOn outcome } } }`,
      { id: caseId },
      HANDLER,
    );
    const remedyId = remedies.data!.case.remedies[0]!.id;
    expect(remedies.data!.case.remedies[0]).toMatchObject({ kind: 'RECONSIDERATION' });
    expect(filed.toStatus).toBe('DECISION_SERVED');

    // Annulled by the decision served Fri 2025-12-19; recorded that day.
    app.setToday('2025-12-19');
    const annulled = await okStep(
      app,
      'recordReconsideration',
      {
        caseId,
        expectedVersion: version + 2,
        input: {
          stage: 'DECIDED',
          remedyId,
          decidedOn: '2025-12-19',
          outcome: 'ANNULLED',
        },
      },
      HANDLER,
    );
    // 3 working days from Fri 12-19: Mon 12-22, Tue 12-23, Wed 12-24.
    expect(deadline(annulled, 'PUBLICATION_WITHDRAWAL')).toMatchObject({
      triggerDate: '2025-12-19',
      dueDate: '2025-12-24',
    });
    expect(deadline(annulled, 'PAYMENT')).toMatchObject({ stoppedOn: '2025-12-19' });
    const publications = await app.orm.em.fork().find(Publication, { case: caseId });
    expect(publications).toHaveLength(1);
    expect(publications[0]).toMatchObject({
      withdrawnOn: '2025-12-19',
      withdrawalDueBy: '2025-12-24',
    });
    expect(publications[0]!.withdrawalReason).toContain('撤销');

    // Nothing is left to execute: no demand for an annulled decision.
    const demand = await refused(
      'issueEnforcementDemand',
      {
        caseId,
        expectedVersion: version + 3,
        input: { issuedOn: '2025-12-19', performBy: '2025-12-29' },
      },
      HANDLER,
    );
    expect(codes(demand)).toContain('DECISION_ANNULLED');
  });
});

describe('compulsory enforcement through the court', () => {
  it('the demand served on a Thursday, the court application is refused on the 10th working day and made on the 11th (Compulsion Law arts. 54, 69)', async () => {
    const { caseId, version } = await decidedCase();
    const letter = await documentId(caseId, 'PENALTY_DECISION');
    app.setToday('2025-10-13');
    await okStep(
      app,
      'serveDocument',
      {
        caseId,
        expectedVersion: version,
        input: {
          documentIds: [letter],
          method: 'PUBLIC_NOTICE',
          servedOn: '2025-10-13',
          facts: {
            publicNoticeGround: 'OTHER_METHODS_FAILED',
            publicationMedium: '北京市互联网信息办公室网站',
            reasonAndProcess: '直接送达、邮寄送达均被退回。',
          },
        },
      },
      HANDLER,
    );
    // Deemed served Wed 11-12: reconsideration 60 days → Sun 2026-01-11 → Mon 01-12; litigation
    // 6 months → Tue 2026-05-12, the later: the remedy periods lapse on 2026-05-12.
    app.setToday('2026-04-20');
    const demanded = await okStep(
      app,
      'issueEnforcementDemand',
      {
        caseId,
        expectedVersion: version + 1,
        input: { issuedOn: '2026-04-20', performBy: '2026-04-30' },
      },
      HANDLER,
    );
    expect(demanded.toStatus).toBe('ENFORCEMENT_DEMAND_ISSUED');
    // The 3 months to apply run from the lapse: 2026-05-12 → 08-12.
    expect(deadline(demanded, 'COURT_ENFORCEMENT_WINDOW')).toMatchObject({
      triggerDate: '2026-05-12',
      dueDate: '2026-08-12',
    });
    const enforcement = await app.run<{ case: { enforcement: Record<string, unknown> } }>(
      `query($id: ID!) { case(id: $id) { enforcement { demandIssuedOn demandAmountYuan remedyPeriodsLapseOn demandServedOn } } }`,
      { id: caseId },
      HANDLER,
    );
    // Long overdue: the fine plus the capped surcharge.
    expect(enforcement.data!.case.enforcement).toMatchObject({
      demandAmountYuan: '100000.00',
      remedyPeriodsLapseOn: '2026-05-12',
      demandServedOn: null,
    });

    // Not served yet: no application.
    app.setToday('2026-05-06');
    const unserved = await refused(
      'applyForCourtEnforcement',
      { caseId, expectedVersion: version + 2, input: { appliedOn: '2026-05-06' } },
      HEAD,
    );
    expect(codes(unserved)).toContain('ENFORCEMENT_DEMAND_NOT_SERVED');

    const demand = await enforcementDemandDocument(caseId);
    app.setToday('2026-05-07');
    await okStep(
      app,
      'serveDocument',
      {
        caseId,
        expectedVersion: version + 2,
        input: {
          documentIds: [demand],
          method: 'DIRECT',
          servedOn: '2026-05-07',
          serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2026-05-07' },
        },
      },
      HANDLER,
    );
    // Compulsion Law arts. 54, 69 (送达十日后): served Thursday 05-07, the working days after it are
    // Fri 05-08 (1), Sat 05-09 worked (2), 05-11 (3), 05-12 (4), 05-13 (5), 05-14 (6), 05-15 (7),
    // Mon 05-18 (8), Tue 05-19 (9), Wed 05-20 (10): the party has all of the tenth day, so the
    // office applies from the eleventh, Thu 05-21.
    app.setToday('2026-05-20');
    const early = await refused(
      'applyForCourtEnforcement',
      { caseId, expectedVersion: version + 3, input: { appliedOn: '2026-05-20' } },
      HEAD,
    );
    expect(codes(early)).toEqual(['COURT_ENFORCEMENT_TOO_EARLY']);
    expect(early[0]!.details).toMatchObject({ workingDays: 10, required: 10 });

    app.setToday('2026-05-21');
    const applied = await okStep(
      app,
      'applyForCourtEnforcement',
      { caseId, expectedVersion: version + 3, input: { appliedOn: '2026-05-21' } },
      HEAD,
    );
    expect(applied).toMatchObject({
      fromStatus: 'ENFORCEMENT_DEMAND_ISSUED',
      toStatus: 'COURT_ENFORCEMENT_APPLIED',
    });
    expect(deadline(applied, 'COURT_ENFORCEMENT_WINDOW')).toMatchObject({
      stoppedOn: '2026-05-21',
    });

    app.setToday('2026-06-30');
    const ruled = await okStep(
      app,
      'recordCourtRuling',
      {
        caseId,
        expectedVersion: version + 4,
        input: { ruledOn: '2026-06-30', result: 'ENFORCED' },
      },
      HANDLER,
    );
    expect(ruled.toStatus).toBe('EXECUTED');

    // The demand and the application were generated by their steps, the application citing the demand.
    const generated = await app.orm.em
      .fork()
      .find(
        CaseDocument,
        { case: caseId, kind: { $in: ['ENFORCEMENT_DEMAND', 'COURT_ENFORCEMENT_APPLICATION'] } },
        { populate: ['content'] },
      );
    const application = generated.find((d) => d.kind === 'COURT_ENFORCEMENT_APPLICATION')!;
    const demandDocument = generated.filter((d) => d.kind === 'ENFORCEMENT_DEMAND').at(-1)!;
    const text = (await mammoth.extractRawText({ buffer: application.content })).value;
    expect(text).toContain('强制执行申请书');
    expect(text).toContain(demandDocument.number!);
  });
});

/**
 * The demand letter (催告书) of the case. Until issueEnforcementDemand generates it, the test
 * files the letter the way a generated one is stored.
 */
async function enforcementDemandDocument(caseId: string): Promise<string> {
  const em = app.orm.em.fork();
  const existing = await em.findOne(CaseDocument, { case: caseId, kind: 'ENFORCEMENT_DEMAND' });
  if (existing) {
    return existing.id;
  }
  const content = Buffer.from('催告书');
  const row = em.create(CaseDocument, {
    case: em.getReference(Case, caseId),
    kind: 'ENFORCEMENT_DEMAND',
    title: '催告书',
    version: 1,
    number: null,
    templateName: 'enforcement-demand',
    templateSha256: '0'.repeat(64),
    model: {},
    content,
    sha256: createHash('sha256').update(content).digest('hex'),
    sizeBytes: content.length,
    createdBy: officerId(app, HANDLER),
  });
  await em.flush();
  return row.id;
}
