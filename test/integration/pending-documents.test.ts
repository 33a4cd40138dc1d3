import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportCaseFile } from '../../src/commands/case-file.js';
import { Case } from '../../src/entities/case.entity.js';
import {
  DECISION_CONTENT,
  FINE_50K,
  codesOf,
  evidenceInput,
  generatePendingDocuments,
  noticeInput,
  officerId,
  okStep,
  pendingDocumentsOf,
  refusedStep,
  registerCase,
  runStep,
  sampleSections,
  noticeServedCase,
} from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Documents as effects (APL art. 47: the whole procedure recorded and archived): a step's due
 * documents it does not produce become pending documents of the case; closeCase is refused
 * while a required one is pending; generateDocument clears them; the 案卷 lists every document
 * in the order of the steps.
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

/** A deputy head of the Beijing office, for the collective discussion. */
async function addDeputyHead(): Promise<string> {
  const created = await app.run<{ createOfficer: { id: string } }>(
    `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id } }`,
    { input: { officeId: app.demo.offices.beijing!.id, name: '韩副主任', roles: ['OFFICE_HEAD'] } },
    'BJ0006',
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  return created.data!.createOfficer.id;
}

async function documentsOf(caseId: string): Promise<{ id: string; kind: string }[]> {
  const result = await app.run<{ case: { documents: { id: string; kind: string }[] } }>(
    `query($id: ID!) { case(id: $id) { documents { id kind } } }`,
    { id: caseId },
    HEAD,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case.documents;
}

/**
 * Clue → docketing → evidence → inquiry → notice → written statement → hearing waived →
 * statement review → collective discussion → legal review → decision → service → payment:
 * a Beijing case ready to close on Tue 2025-10-21, version 14, none of its due documents made
 * with generateDocument.
 */
async function paidCase(): Promise<string> {
  const handlers = [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')];
  const caseId = await registerCase(app, {
    receivedOn: '2025-09-01',
    partyKey: 'xinghe',
    certificate: HANDLER,
  });
  let version = 1;
  const step = async (mutation: string, on: string, input: object, as = HANDLER) => {
    app.setToday(on);
    const result = await okStep(
      app,
      mutation,
      { caseId, expectedVersion: version, input: input as Record<string, unknown> },
      as,
    );
    version = result.case!.version;
    return result;
  };
  await step(
    'decideDocketing',
    '2025-09-03',
    {
      docket: true,
      handlerIds: handlers,
      jurisdictionBasis: 'TERRITORIAL',
      jurisdictionExplanation: '违法行为发生地在北京市',
    },
    HEAD,
  );
  await step(
    'recordEvidence',
    '2025-09-10',
    evidenceInput(app, {
      collectedOn: '2025-09-10',
      collectors: ['BJ0002', 'BJ0003'],
      fromParty: true,
      recusalRightNotified: true,
    }),
  );
  await step('recordInquiry', '2025-09-15', {
    conductedOn: '2025-09-15',
    officerIds: handlers,
    certificatesShown: true,
    intervieweeIsParty: true,
    recusalRightNotified: false,
    interviewee: '周明远',
  });
  await step(
    'issuePrePenaltyNotice',
    '2025-09-26',
    noticeInput(app, {
      prefix: 'BJ',
      servedOn: '2025-09-26',
      approvedOn: '2025-09-25',
      penalties: FINE_50K,
      extra: { flags: { majorViolation: true } },
    }),
  );
  const stated = await step('recordStatement', '2025-09-29', {
    receivedOn: '2025-09-29',
    channel: 'WRITTEN',
    summary: '已整改，请求从轻处罚',
  });
  await step('waiveRights', '2025-09-29', {
    rights: ['HEARING'],
    waivedOn: '2025-09-29',
    signedByParty: true,
  });
  await step('reviewStatement', '2025-09-30', {
    statementId: stated.case!.statements[0]!.id,
    reviewedOn: '2025-09-30',
    adopted: false,
    opinion: '整改不影响违法事实认定',
  });
  // The statement period ran to Fri 10-10 (five working days around National Day).
  // Legal review first, then the heads' discussion that decides (APL arts. 57(2), 58(1)).
  await step('submitLegalReview', '2025-10-13', { submittedOn: '2025-10-13' });
  await step(
    'completeLegalReview',
    '2025-10-14',
    { completedOn: '2025-10-14', result: 'PASSED', opinion: '事实清楚，证据确凿，程序合法' },
    'BJ0004',
  );
  await step(
    'recordCollectiveDiscussion',
    '2025-10-14',
    {
      heldOn: '2025-10-14',
      participantIds: [officerId(app, 'BJ0001'), await addDeputyHead(), officerId(app, 'BJ0004')],
      conclusion: '同意给予警告并处罚款五万元',
    },
    HEAD,
  );
  await step(
    'decideCase',
    '2025-10-15',
    {
      outcome: 'PENALTY',
      penalties: FINE_50K,
      reasons: '依法处罚',
      illegalGainsYuan: '0',
      content: DECISION_CONTENT,
    },
    HEAD,
  );
  const letter = (await documentsOf(caseId)).find((d) => d.kind === 'PENALTY_DECISION')!;
  await step('serveDocument', '2025-10-15', {
    documentIds: [letter.id],
    method: 'DIRECT',
    servedOn: '2025-10-15',
    serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
    facts: { signed: true, signedOn: '2025-10-15', recipientRole: 'PARTY' },
  });
  await step('recordPayment', '2025-10-20', {
    paidOn: '2025-10-20',
    amountYuan: '50000',
    channel: 'ELECTRONIC_PAYMENT',
    receiptNumber: 'EPAY-20251020-0001',
  });
  expect(version).toBe(14);
  return caseId;
}

const CLOSE = (on: string) => ({
  ground: 'EXECUTED',
  closedOn: on,
  approval: { approvedById: officerId(app, HEAD), approvedOn: on, written: true },
});

describe('pending documents (待制作文书) and the complete case file', () => {
  it('a walk that made no document by hand is refused at closeCase with the list; generating them clears it and the 案卷 holds every document in procedural order', async () => {
    const caseId = await paidCase();

    // What the steps declared due and did not produce themselves, in step order.
    const pending = await pendingDocumentsOf(app, caseId, HEAD);
    expect(pending.map((p) => [p.kind, p.dueBy, p.dueSince, p.required])).toEqual([
      ['CASE_SOURCE_REGISTER', 'registerCaseSource', '2025-09-01', true],
      ['DOCKETING_APPROVAL_FORM', 'decideDocketing', '2025-09-03', true],
      ['EVIDENCE_COLLECTION_RECORD', 'recordEvidence', '2025-09-10', true],
      ['INQUIRY_TRANSCRIPT', 'recordInquiry', '2025-09-15', true],
      ['STATEMENT_RECORD', 'recordStatement', '2025-09-29', true],
      ['RIGHTS_WAIVER_STATEMENT', 'waiveRights', '2025-09-29', false],
      ['STATEMENT_REVIEW_OPINION', 'reviewStatement', '2025-09-30', true],
      ['LEGAL_REVIEW_REQUEST', 'submitLegalReview', '2025-10-13', true],
      ['LEGAL_REVIEW_OPINION', 'completeLegalReview', '2025-10-14', true],
      ['COLLECTIVE_DISCUSSION_MINUTES', 'recordCollectiveDiscussion', '2025-10-14', true],
    ]);
    expect(pending.find((p) => p.kind === 'INQUIRY_TRANSCRIPT')!.title).toBe('询问笔录');

    // availableActions agrees with the refusal.
    app.setToday('2025-10-21');
    const actions = await app.run<{
      case: {
        availableActions: { action: string; allowed: boolean; violations: { code: string }[] }[];
      };
    }>(
      `query($id: ID!) { case(id: $id) { availableActions { action allowed violations { code } } } }`,
      { id: caseId },
      HEAD,
    );
    expect(actions.errors, JSON.stringify(actions.errors)).toBeUndefined();
    const close = actions.data!.case.availableActions.find((a) => a.action === 'closeCase')!;
    expect(close.allowed).toBe(false);
    expect(codesOf(close.violations)).toEqual(['CASE_FILE_DOCUMENTS_PENDING']);

    // closeCase is refused, listing every required pending document with its citation; nothing written.
    const violations = await refusedStep(
      app,
      'closeCase',
      { caseId, expectedVersion: 14, input: CLOSE('2025-10-21') },
      HEAD,
    );
    expect(codesOf(violations)).toEqual(['CASE_FILE_DOCUMENTS_PENDING']);
    const [refusal] = violations;
    expect(refusal!.legalBasis.map((b) => b.citation)).toEqual([
      '《中华人民共和国行政处罚法》第四十七条',
    ]);
    for (const title of [
      '案件来源登记表',
      '立案审批表',
      '证据提取单',
      '询问笔录',
      '陈述申辩笔录',
      '陈述申辩复核意见',
      '法制审核送审表',
      '法制审核意见书',
      '行政处罚案件集体讨论记录',
    ]) {
      expect(refusal!.message).toContain(`《${title}》`);
    }
    expect(refusal!.message).not.toContain('放弃权利声明');
    expect((refusal!.details.documents as { kind: string }[]).map((d) => d.kind)).toEqual([
      'CASE_SOURCE_REGISTER',
      'DOCKETING_APPROVAL_FORM',
      'EVIDENCE_COLLECTION_RECORD',
      'INQUIRY_TRANSCRIPT',
      'STATEMENT_RECORD',
      'STATEMENT_REVIEW_OPINION',
      'LEGAL_REVIEW_REQUEST',
      'LEGAL_REVIEW_OPINION',
      'COLLECTIVE_DISCUSSION_MINUTES',
    ]);

    // A dry run of closeCase is refused the same way.
    const dry = await runStep(
      app,
      'closeCase',
      { caseId, expectedVersion: 14, input: CLOSE('2025-10-21'), dryRun: true },
      HEAD,
    );
    expect(dry.errors?.[0]?.extensions?.code).toBe('PROCEDURE_VIOLATION');

    // One generateDocument clears its entry, in the same transaction.
    const one = await app.run(
      `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) {
        generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id }
      }`,
      { caseId, kind: 'INQUIRY_TRANSCRIPT', sections: sampleSections('INQUIRY_TRANSCRIPT') },
      HANDLER,
    );
    expect(one.errors, JSON.stringify(one.errors)).toBeUndefined();
    expect((await pendingDocumentsOf(app, caseId, HEAD)).map((p) => p.kind)).not.toContain(
      'INQUIRY_TRANSCRIPT',
    );

    // The rest, made after the decision: the export places each with the step that made it due.
    const generated = await generatePendingDocuments(app, caseId, HANDLER);
    expect(generated).toHaveLength(8);
    const left = await pendingDocumentsOf(app, caseId, HEAD);
    expect(left.every((p) => !p.required)).toBe(true);

    const closed = await okStep(
      app,
      'closeCase',
      { caseId, expectedVersion: 14, input: CLOSE('2025-10-21') },
      HEAD,
    );
    expect(closed).toMatchObject({ fromStatus: 'EXECUTED', toStatus: 'CLOSED' });

    // The 案卷: every document of the case, in the order of the steps that made it due.
    const exported = await app.run<{ exportCaseFile: { documentCount: number } }>(
      `query($id: ID!) { exportCaseFile(caseId: $id) { documentCount } }`,
      { id: caseId },
      HEAD,
    );
    expect(exported.errors, JSON.stringify(exported.errors)).toBeUndefined();
    const stored = await documentsOf(caseId);
    expect(exported.data!.exportCaseFile.documentCount).toBe(stored.length);
    const em = app.orm.em.fork();
    const file = await exportCaseFile(em, await em.findOneOrFail(Case, { id: caseId }));
    const zip = await JSZip.loadAsync(file.content);
    const index = JSON.parse(await zip.file('index.json')!.async('string')) as {
      documents: { kind: string; file: string }[];
    };
    const kinds = index.documents.map((d) => d.kind);
    expect(kinds).toEqual([
      'CASE_SOURCE_REGISTER',
      'DOCKETING_APPROVAL_FORM',
      'EVIDENCE_COLLECTION_RECORD',
      'INQUIRY_TRANSCRIPT',
      'PRE_PENALTY_NOTICE',
      // The blank receipt made with each document to be served, filed after it.
      'SERVICE_RECEIPT_BLANK',
      'STATEMENT_RECORD',
      'STATEMENT_REVIEW_OPINION',
      // In the steps' order: the review, then the heads' discussion that decides.
      'LEGAL_REVIEW_REQUEST',
      'LEGAL_REVIEW_OPINION',
      'COLLECTIVE_DISCUSSION_MINUTES',
      'PENALTY_DECISION',
      'SERVICE_RECEIPT_BLANK',
      'SERVICE_RECEIPT',
      'CASE_CLOSING_APPROVAL_FORM',
    ]);
    expect([...kinds].sort()).toEqual(stored.map((d) => d.kind).sort());
    for (const entry of index.documents) {
      expect(zip.file(entry.file), entry.file).not.toBeNull();
    }
  });

  it('a decision to transfer to the judicial organ produces no letter: the transfer letter becomes pending', async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2025-09-01',
      partyKey: 'xinghe',
      certificate: HANDLER,
    });
    app.setToday('2025-09-03');
    await okStep(
      app,
      'decideDocketing',
      {
        caseId,
        expectedVersion: 1,
        input: {
          docket: true,
          handlerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          jurisdictionBasis: 'TERRITORIAL',
          jurisdictionExplanation: '违法行为发生地在北京市',
        },
      },
      HEAD,
    );
    app.setToday('2025-09-10');
    const transfer = {
      outcome: 'TRANSFER_TO_JUDICIAL_ORGAN',
      reasons: '涉嫌犯罪，依法移送',
      recipient: '北京市公安局海淀分局',
      judicial: {
        reportedOn: '2025-09-09',
        approval: { approvedById: officerId(app, HEAD), approvedOn: '2025-09-10', written: true },
        transferredOn: '2025-09-10',
        procuratorate: '北京市海淀区人民检察院',
      },
    };
    // The dry run shows what the step would leave pending, and writes nothing.
    const before = await app.tableCounts();
    const rehearsed = await app.run<{
      decideCase: { pendingDocuments: { kind: string; dueBy: string; dueSince: string }[] };
    }>(
      `mutation($caseId: ID!, $input: DecideCaseInput!) {
        decideCase(caseId: $caseId, expectedVersion: 2, input: $input, dryRun: true) {
          pendingDocuments { kind dueBy dueSince }
        }
      }`,
      { caseId, input: transfer },
      HEAD,
    );
    expect(rehearsed.errors, JSON.stringify(rehearsed.errors)).toBeUndefined();
    expect(rehearsed.data!.decideCase.pendingDocuments).toEqual([
      { kind: 'JUDICIAL_TRANSFER_LETTER', dueBy: 'decideCase', dueSince: '2025-09-10' },
    ]);
    expect(await app.tableCounts()).toEqual(before);
    const transferred = await runStep(
      app,
      'decideCase',
      {
        caseId,
        expectedVersion: 2,
        input: transfer,
      },
      HEAD,
    );
    expect(transferred.errors, JSON.stringify(transferred.errors)).toBeUndefined();
    const pending = await pendingDocumentsOf(app, caseId, HEAD);
    expect(pending.map((p) => [p.kind, p.dueBy, p.required])).toEqual([
      ['CASE_SOURCE_REGISTER', 'registerCaseSource', true],
      ['DOCKETING_APPROVAL_FORM', 'decideDocketing', true],
      ['JUDICIAL_TRANSFER_LETTER', 'decideCase', true],
    ]);
    expect((await documentsOf(caseId)).map((d) => d.kind)).not.toContain(
      'JUDICIAL_TRANSFER_LETTER',
    );
    const close = {
      ground: 'TRANSFERRED',
      closedOn: '2025-09-11',
      approval: { approvedById: officerId(app, HEAD), approvedOn: '2025-09-11', written: true },
    };
    app.setToday('2025-09-11');
    const refused = await refusedStep(
      app,
      'closeCase',
      { caseId, expectedVersion: 3, input: close },
      HEAD,
    );
    expect(codesOf(refused)).toEqual(['CASE_FILE_DOCUMENTS_PENDING']);
    expect(refused[0]!.message).toContain('《涉嫌犯罪案件移送书》');
    expect(await generatePendingDocuments(app, caseId, HANDLER)).toEqual([
      'CASE_SOURCE_REGISTER',
      'DOCKETING_APPROVAL_FORM',
      'JUDICIAL_TRANSFER_LETTER',
    ]);
    expect(await pendingDocumentsOf(app, caseId, HEAD)).toEqual([]);
    await okStep(app, 'closeCase', { caseId, expectedVersion: 3, input: close }, HEAD);
  });

  it('a step producing its own due document takes it for itself: an earlier statement without record stays pending', async () => {
    const caseId = await noticeServedCase(app);
    app.setToday('2025-09-29');
    await okStep(
      app,
      'recordStatement',
      {
        caseId,
        expectedVersion: 4,
        input: { receivedOn: '2025-09-29', channel: 'WRITTEN', summary: '请求从轻处罚' },
      },
      HANDLER,
    );
    app.setToday('2025-09-30');
    await okStep(
      app,
      'recordStatement',
      {
        caseId,
        expectedVersion: 5,
        input: {
          receivedOn: '2025-09-30',
          channel: 'ORAL',
          summary: '已整改',
          record: {
            startTime: '14:00',
            endTime: '14:40',
            place: '北京市互联网信息办公室询问室',
            statedBy: '周明远',
            statedByRole: '当事人的法定代表人',
            recorder: '钱某',
            content: ['我公司已于2025年9月完成整改。'],
          },
        },
      },
      HANDLER,
    );
    expect((await documentsOf(caseId)).filter((d) => d.kind === 'STATEMENT_RECORD')).toHaveLength(
      1,
    );
    const pending = await pendingDocumentsOf(app, caseId, HEAD);
    expect(
      pending.filter((p) => p.kind === 'STATEMENT_RECORD').map((p) => [p.dueBy, p.dueSince]),
    ).toEqual([['recordStatement', '2025-09-29']]);
  });
});
