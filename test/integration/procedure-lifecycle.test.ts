import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Case } from '../../src/entities/case.entity.js';
import { CaseDocument } from '../../src/entities/case-document.entity.js';
import { Decision } from '../../src/entities/decision.entity.js';
import { Evidence } from '../../src/entities/evidence.entity.js';
import {
  custodyInput,
  onSiteFactsInput,
  codesOf,
  evidenceIdsOf,
  evidenceInput,
  investigatingCase,
  noticeInput,
  officerId,
  okStep,
  refusedStep,
  registerCase,
  runStep,
  sampleSections,
  latestDocumentText,
  violationsOf,
  DECISION_CONTENT,
  hearingArrangement,
  deadlineOf,
} from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
const deadline = deadlineOf;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const CASE_QUERY = `query($id: ID!) {
  case(id: $id) {
    status version docketedOn decidedOn
    handlers { id }
    evidence { id kind title collectors { id } }
    decisions { kind decidedOn reasons penalties { kind amountYuan provisionId } }
    deadlines { kind triggerDate dueDate stoppedOn status }
    events { sequence action fromStatus toStatus }
    auditChain { intact checkedEvents }
  }
}`;

interface CaseView {
  status: string;
  version: number;
  docketedOn: string | null;
  decidedOn: string | null;
  handlers: { id: string }[];
  evidence: { id: string; kind: string; title: string; collectors: { id: string }[] }[];
  decisions: {
    kind: string;
    decidedOn: string;
    reasons: string;
    penalties: { kind: string; amountYuan: string | null; provisionId: string | null }[];
  }[];
  deadlines: {
    kind: string;
    triggerDate: string;
    dueDate: string;
    stoppedOn: string | null;
    status: string;
  }[];
  events: { sequence: number; action: string; fromStatus: string; toStatus: string }[];
  auditChain: { intact: boolean; checkedEvents: number };
}

async function readCase(caseId: string, as = 'BJ0001'): Promise<CaseView> {
  const result = await app.run<{ case: CaseView }>(CASE_QUERY, { id: caseId }, as);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case;
}

/** A deputy head (副主任) of the Beijing office, added by its administrator through the API. */
async function addDeputyHead(): Promise<string> {
  const created = await app.run<{ createOfficer: { id: string } }>(
    `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id } }`,
    { input: { officeId: app.demo.offices.beijing!.id, name: '韩副主任', roles: ['OFFICE_HEAD'] } },
    'BJ0006',
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  return created.data!.createOfficer.id;
}

describe('from a registered clue to a penalty decision with hearing, legal review and collective discussion', () => {
  it('goes through every step through the API alone, with real periods around the 2025 National Day holiday', async () => {
    const p = 'BJ';
    const handlers = [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')];
    const deputyHeadId = await addDeputyHead();

    // 1. Clue registered on Mon 2025-09-01 (v1).
    const caseId = await registerCase(app, {
      receivedOn: '2025-09-01',
      partyKey: 'xinghe',
      certificate: 'BJ0002',
    });

    // 2. Docketed by the head on Wed 2025-09-03 (v2): the 90-day case time limit starts.
    app.setToday('2025-09-03');
    const docketed = await okStep(
      app,
      'decideDocketing',
      {
        caseId,
        expectedVersion: 1,
        input: {
          docket: true,
          handlerIds: handlers,
          jurisdictionBasis: 'TERRITORIAL',
          jurisdictionExplanation: '违法行为发生地在北京市',
        },
      },
      'BJ0001',
    );
    expect(docketed.case).toMatchObject({ status: 'INVESTIGATING', version: 2 });
    // 90 calendar days after 2025-09-03: 27 (Sept) + 31 (Oct) + 30 (Nov) + 2 = Tue 2025-12-02.
    expect(deadline(docketed, 'CASE_TIME_LIMIT')).toMatchObject({
      triggerDate: '2025-09-03',
      dueDate: '2025-12-02',
      stoppedOn: null,
    });

    // 3. Evidence taken from the party by two certified handlers, who told it of its recusal right (v3).
    app.setToday('2025-09-10');
    const first = await okStep(
      app,
      'recordEvidence',
      {
        caseId,
        expectedVersion: 2,
        input: evidenceInput(app, {
          collectedOn: '2025-09-10',
          collectors: ['BJ0002', 'BJ0003'],
          fromParty: true,
          recusalRightNotified: true,
        }),
      },
      'BJ0002',
    );
    expect(first).toMatchObject({
      fromStatus: 'INVESTIGATING',
      toStatus: 'INVESTIGATING',
      event: { sequence: 3, action: 'recordEvidence' },
    });
    // 4. Second item, from a third party (v4).
    app.setToday('2025-09-12');
    await okStep(
      app,
      'recordEvidence',
      {
        caseId,
        expectedVersion: 3,
        input: {
          ...evidenceInput(app, {
            collectedOn: '2025-09-12',
            collectors: ['BJ0003', 'BJ0002'],
            fromParty: false,
            recusalRightNotified: false,
            kind: 'DOCUMENTARY',
          }),
          title: '用户投诉材料',
          source: '投诉人提供',
        },
      },
      'BJ0003',
    );

    // 5. Inquiry of the party's representative (v5); the recusal right was already notified.
    app.setToday('2025-09-15');
    await okStep(
      app,
      'recordInquiry',
      {
        caseId,
        expectedVersion: 4,
        input: {
          conductedOn: '2025-09-15',
          officerIds: handlers,
          certificatesShown: true,
          intervieweeIsParty: true,
          recusalRightNotified: false,
          interviewee: '周明远',
        },
      },
      'BJ0002',
    );

    // 6. Pre-penalty notice served Fri 2025-09-26 (v6): warning and a 500,000 yuan fine under DSL
    //    art. 45(1) (base tier, 50,000 to 500,000 yuan; the 拒不改正 tier needs an unmet correction
    //    order first, see correction.test.ts). A fine above the summary limit is
    //    hearing-eligible (APL art. 63(1)(1); the 较大数额 threshold is not set, so conservative).
    //    The head classifies the case as a major violation: collective discussion required.
    app.setToday('2025-09-26');
    const notice = await okStep(
      app,
      'issuePrePenaltyNotice',
      {
        caseId,
        expectedVersion: 5,
        input: noticeInput(app, {
          prefix: p,
          servedOn: '2025-09-26',
          approvedOn: '2025-09-25',
          penalties: [
            { kind: 'WARNING', provisionId: 'DSL-45-1' },
            { kind: 'FINE', amountYuan: '500000', provisionId: 'DSL-45-1' },
          ],
          extra: { flags: { majorViolation: true } },
        }),
      },
      'BJ0002',
    );
    expect(notice.case).toMatchObject({ status: 'PRE_PENALTY_NOTICE_SERVED', version: 6 });
    // Five working days after Fri 2025-09-26, counted from the next day (APL art. 85):
    //   Sun 09-28 (make-up working day) 1, Mon 09-29 2, Tue 09-30 3,
    //   10-01 … 10-08 National Day and Mid-Autumn holiday (skipped), Thu 10-09 4, Fri 10-10 5.
    expect(deadline(notice, 'STATEMENT')).toMatchObject({
      triggerDate: '2025-09-26',
      dueDate: '2025-10-10',
      stoppedOn: null,
    });
    expect(deadline(notice, 'HEARING_REQUEST')).toMatchObject({
      triggerDate: '2025-09-26',
      dueDate: '2025-10-10',
      stoppedOn: null,
    });

    // 7. The party asks for a hearing on the last day of the window, Fri 2025-10-10 (v7).
    app.setToday('2025-10-10');
    const requested = await okStep(
      app,
      'requestHearing',
      { caseId, expectedVersion: 6, input: { requestedOn: '2025-10-10' } },
      'BJ0002',
    );
    expect(requested.case).toMatchObject({ status: 'HEARING_REQUESTED', version: 7 });
    expect(deadline(requested, 'HEARING_REQUEST')).toMatchObject({
      dueDate: '2025-10-10',
      stoppedOn: '2025-10-10',
    });

    // 8. …and submits a written statement the same day (v8).
    const stated = await okStep(
      app,
      'recordStatement',
      {
        caseId,
        expectedVersion: 7,
        input: { receivedOn: '2025-10-10', channel: 'WRITTEN', summary: '已整改，请求从轻处罚' },
      },
      'BJ0002',
    );
    const statementId = stated.case!.statements[0]!.id;
    expect(stated.case!.statements).toEqual([
      { id: statementId, receivedOn: '2025-10-10', reviewedOn: null },
    ]);

    // 9. Hearing notice served Mon 10-13 for Fri 10-24: 9 working days ahead (≥ 7, APL art. 64(2)),
    //    presided over by BJ0005, who did not investigate (v9).
    app.setToday('2025-10-13');
    const scheduled = await okStep(
      app,
      'scheduleHearing',
      {
        caseId,
        expectedVersion: 8,
        input: {
          hearingOn: '2025-10-24',
          noticeServedOn: '2025-10-13',
          presidingOfficerId: officerId(app, 'BJ0005'),
          isPublic: true,
          arrangement: hearingArrangement(app, '北京市网信办听证室'),
        },
      },
      'BJ0001',
    );
    expect(scheduled.case).toMatchObject({ status: 'HEARING_SCHEDULED', version: 9 });

    // 10. Hearing held and the record signed (v10).
    app.setToday('2025-10-24');
    const heard = await okStep(
      app,
      'recordHearing',
      {
        caseId,
        expectedVersion: 9,
        input: {
          heldOn: '2025-10-24',
          outcome: 'HELD',
          agentCount: 2,
          recordSignedByParty: true,
          refusalNotedByPresider: false,
        },
      },
      'BJ0005',
    );
    expect(heard.case).toMatchObject({ status: 'HEARING_CONCLUDED', version: 10 });

    // 11. The statement is reviewed (v11), then 12. the case goes to legal review (v12).
    app.setToday('2025-10-27');
    const reviewed = await okStep(
      app,
      'reviewStatement',
      {
        caseId,
        expectedVersion: 10,
        input: {
          statementId,
          reviewedOn: '2025-10-27',
          adopted: false,
          opinion: '整改不影响违法事实认定',
        },
      },
      'BJ0002',
    );
    expect(reviewed.case!.statements[0]).toMatchObject({ reviewedOn: '2025-10-27' });
    const submitted = await okStep(
      app,
      'submitLegalReview',
      { caseId, expectedVersion: 11, input: { submittedOn: '2025-10-27' } },
      'BJ0002',
    );
    expect(submitted.case).toMatchObject({ status: 'UNDER_LEGAL_REVIEW', version: 12 });

    // 13. The qualified reviewer BJ0004, who did not investigate, passes it (v13).
    app.setToday('2025-10-29');
    const passed = await okStep(
      app,
      'completeLegalReview',
      {
        caseId,
        expectedVersion: 12,
        input: {
          completedOn: '2025-10-29',
          result: 'PASSED',
          opinion: '事实清楚，证据确凿，程序合法，适用依据正确',
        },
      },
      'BJ0004',
    );
    expect(passed.case).toMatchObject({ status: 'READY_FOR_DECISION', version: 13 });

    // 14. The heads discuss it collectively: the director and the deputy director (v14).
    app.setToday('2025-10-30');
    const discussed = await okStep(
      app,
      'recordCollectiveDiscussion',
      {
        caseId,
        expectedVersion: 13,
        input: {
          heldOn: '2025-10-30',
          participantIds: [officerId(app, 'BJ0001'), deputyHeadId, officerId(app, 'BJ0004')],
          conclusion: '同意给予警告并处罚款四十万元',
        },
      },
      'BJ0001',
    );
    expect(discussed.case).toMatchObject({ status: 'READY_FOR_DECISION', version: 14 });

    // 15. Decision on Fri 2025-10-31: lighter than notified (400,000 < 500,000), same provision (v15).
    app.setToday('2025-10-31');
    // The letter's adoption comes from the recorded review (adopted: false): a letter typed as
    // adopting the statement contradicts the record and is refused, naming the field; nothing is written.
    const beforeContradiction = await app.tableCounts();
    const contradicting = await runStep(
      app,
      'decideCase',
      {
        caseId,
        expectedVersion: 14,
        input: {
          outcome: 'PENALTY',
          content: { ...DECISION_CONTENT, statementAdoption: 'PARTLY_ADOPTED' },
          penalties: [
            { kind: 'WARNING', provisionId: 'DSL-45-1' },
            { kind: 'FINE', amountYuan: '400000', provisionId: 'DSL-45-1' },
          ],
          reasons:
            '当事人不履行数据安全保护义务，依据《中华人民共和国数据安全法》第四十五条第一款作出处罚',
          illegalGainsYuan: '0',
        },
      },
      'BJ0001',
    );
    expect(contradicting.errors?.[0]?.extensions).toMatchObject({
      code: 'STATEMENT_ADOPTION_CONTRADICTS_REVIEW',
      details: { field: 'content.statementAdoption', recorded: 'NOT_ADOPTED' },
    });
    expect(await app.tableCounts()).toEqual(beforeContradiction);
    const decided = await okStep(
      app,
      'decideCase',
      {
        caseId,
        expectedVersion: 14,
        input: {
          outcome: 'PENALTY',
          content: { ...DECISION_CONTENT, statementAdoption: null },
          penalties: [
            { kind: 'WARNING', provisionId: 'DSL-45-1' },
            { kind: 'FINE', amountYuan: '400000', provisionId: 'DSL-45-1' },
          ],
          reasons:
            '当事人不履行数据安全保护义务，依据《中华人民共和国数据安全法》第四十五条第一款作出处罚',
          illegalGainsYuan: '0',
        },
      },
      'BJ0001',
    );
    expect(decided).toMatchObject({
      fromStatus: 'READY_FOR_DECISION',
      toStatus: 'DECIDED_PENALTY',
      case: { status: 'DECIDED_PENALTY', version: 15 },
      event: { sequence: 15, action: 'decideCase' },
    });
    expect(deadline(decided, 'CASE_TIME_LIMIT')).toMatchObject({
      dueDate: '2025-12-02',
      stoppedOn: '2025-10-31',
    });
    // Seven working days after Fri 10-31: 11-03 … 11-07, 11-10, 11-11.
    expect(deadline(decided, 'DECISION_SERVICE')).toMatchObject({
      triggerDate: '2025-10-31',
      dueDate: '2025-11-11',
      stoppedOn: null,
    });

    const view = await readCase(caseId);
    expect(view).toMatchObject({
      status: 'DECIDED_PENALTY',
      version: 15,
      docketedOn: '2025-09-03',
      decidedOn: '2025-10-31',
    });
    expect(view.decisions).toEqual([
      {
        kind: 'PENALTY',
        decidedOn: '2025-10-31',
        reasons: expect.stringContaining('第四十五条第一款'),
        penalties: [
          { kind: 'WARNING', amountYuan: null, provisionId: 'DSL-45-1' },
          { kind: 'FINE', amountYuan: '400000.00', provisionId: 'DSL-45-1' },
        ],
      },
    ]);
    expect(view.events.map((e) => e.action)).toEqual([
      'registerCaseSource',
      'decideDocketing',
      'recordEvidence',
      'recordEvidence',
      'recordInquiry',
      'issuePrePenaltyNotice',
      'requestHearing',
      'recordStatement',
      'scheduleHearing',
      'recordHearing',
      'reviewStatement',
      'submitLegalReview',
      'completeLegalReview',
      'recordCollectiveDiscussion',
      'decideCase',
    ]);
    expect(view.events.map((e) => e.sequence)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    expect(view.auditChain).toEqual({ intact: true, checkedEvents: 15 });
    const byKind = Object.fromEntries(view.deadlines.map((d) => [d.kind, d]));
    expect(byKind.DOCKETING).toMatchObject({ triggerDate: '2025-09-01', stoppedOn: '2025-09-03' });
    expect(byKind.HEARING_REQUEST).toMatchObject({
      dueDate: '2025-10-10',
      stoppedOn: '2025-10-10',
    });
    expect(byKind.CASE_TIME_LIMIT).toMatchObject({ stoppedOn: '2025-10-31' });
    expect(byKind.DECISION_SERVICE).toMatchObject({ dueDate: '2025-11-11', stoppedOn: null });
    // The statement period is the party's own window; the decision closes every period still open.
    expect(byKind.STATEMENT).toMatchObject({
      dueDate: '2025-10-10',
      stoppedOn: '2025-10-31',
      status: 'MET',
    });

    // Evidence rows carry the ids of the evidence records the rules read, with their collectors.
    expect(view.evidence.map((e) => e.kind)).toEqual(['ELECTRONIC_DATA', 'DOCUMENTARY']);
    expect(view.evidence[0]!.collectors.map((c) => c.id).sort()).toEqual([...handlers].sort());
    const em = app.orm.em.fork();
    const stored = await em.findOneOrFail(Case, { id: caseId });
    expect(view.evidence.map((e) => e.id)).toEqual(
      stored.procedureRecord!.evidence.map((e) => e.id),
    );
    const files = await em.findOneOrFail(Evidence, { id: view.evidence[0]!.id });
    expect(files.files).toEqual([
      { name: 'contacts-access.log', sha256: 'a'.repeat(64), sizeBytes: 20480 },
    ]);
    expect(stored.procedureRecord!.notice).toMatchObject({
      servedOn: '2025-09-26',
      hearingEligible: true,
    });
    expect(stored.procedureRecord!.collectiveDiscussions).toEqual([
      { heldOn: '2025-10-30', headCount: 2 },
    ]);

    // The notice, the hearing notice and the decision letter were generated by their steps,
    // numbered per office, year and kind, and read back they carry what the law requires.
    const documents = await em.find(
      CaseDocument,
      { case: caseId },
      { orderBy: { createdAt: 'asc' }, populate: ['content'] },
    );
    // Each with the blank 送达回证 made for its service (unnumbered).
    expect(documents.map((d) => [d.kind, d.number])).toEqual([
      ['PRE_PENALTY_NOTICE', '京网信罚告〔2025〕1号'],
      ['SERVICE_RECEIPT_BLANK', null],
      ['HEARING_NOTICE', '京网信听通〔2025〕1号'],
      ['SERVICE_RECEIPT_BLANK', null],
      ['PENALTY_DECISION', '京网信罚〔2025〕1号'],
      ['SERVICE_RECEIPT_BLANK', null],
    ]);
    const text = async (kind: string) =>
      (await mammoth.extractRawText({ buffer: documents.find((d) => d.kind === kind)!.content }))
        .value;
    const noticeText = await text('PRE_PENALTY_NOTICE');
    for (const element of [
      '京网信罚告〔2025〕1号',
      '北京星河数据科技有限公司',
      '未取得用户单独同意',
      '《中华人民共和国个人信息保护法》第十三条第一款',
      '人民币伍拾万元整',
      '陈述',
      '申辩',
      '听证',
      '五个工作日',
    ]) {
      expect(noticeText, element).toContain(element);
    }
    const hearingNotice = await text('HEARING_NOTICE');
    for (const element of [
      '2025年10月24日',
      '北京市网信办听证室',
      app.demo.officers.BJ0005!.name,
      '回避',
    ]) {
      expect(hearingNotice, element).toContain(element);
    }
    const letter = await text('PENALTY_DECISION');
    for (const element of [
      // The recorded review did not adopt the statement.
      '陈述、申辩意见不予采纳',
      '京网信罚〔2025〕1号',
      '北京星河数据科技有限公司',
      '91110108MA01XH7K2R',
      '人民币肆拾万元整',
      '十五日',
      '百分之三',
      '北京市人民政府',
      '六十日',
      '北京市西城区人民法院',
      '六个月',
      '2025年10月31日',
    ]) {
      expect(letter, element).toContain(element);
    }
    expect(view.decisions[0]).toMatchObject({ kind: 'PENALTY' });
    const decisionRow = await em.findOneOrFail(Decision, { case: caseId });
    expect(decisionRow.documentNumber).toBe('京网信罚〔2025〕1号');
  });

  it('a document that cannot be completed refuses its step whole: nothing is written', async () => {
    const caseId = await investigatingCase(app, { prefix: 'HD', partyKey: 'qingniao' });
    await app.orm.em
      .getConnection()
      .execute(`update office set address = null where id = ?`, [app.demo.offices.haidian!.id]);
    app.setToday('2025-09-26');
    const before = await app.tableCounts();
    const result = await runStep(
      app,
      'issuePrePenaltyNotice',
      {
        caseId,
        expectedVersion: 3,
        input: noticeInput(app, {
          prefix: 'HD',
          servedOn: '2025-09-26',
          approvedOn: '2025-09-25',
          penalties: [{ kind: 'WARNING', provisionId: 'PIPL-66-1' }],
        }),
      },
      'HD0002',
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('DOCUMENT_INCOMPLETE');
    expect(result.errors?.[0]?.message).toContain('office.address');
    expect(await app.tableCounts()).toEqual(before);
    await app.orm.em
      .getConnection()
      .execute(`update office set address = '北京市海淀区长春桥路17号' where id = ?`, [
        app.demo.offices.haidian!.id,
      ]);
  });
});

describe('the other steps of an investigation', () => {
  it('seals with the principal head’s written approval, extends, releases, and then the docketing can be cancelled', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-11');
    const sealed = await okStep(
      app,
      'imposeCompulsoryMeasure',
      {
        caseId,
        expectedVersion: 3,
        input: {
          measure: 'SEALING',
          startedOn: '2025-09-11',
          endsOn: '2025-10-10',
          officerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          certificatesShown: true,
          approval: {
            approvedById: officerId(app, 'BJ0001'),
            approvedOn: '2025-09-11',
            written: true,
          },
          items: ['服务器一台'],
          basis: 'PIPL_63_1_4',
          suspectedProvisionIds: ['PIPL-66-1'],
          evidenceIds: await evidenceIdsOf(app, caseId, 'BJ0002'),
          onSite: onSiteFactsInput(),
          custody: custodyInput(),
        },
      },
      'BJ0002',
    );
    const measure = sealed.case!.compulsoryMeasures[0]!;
    expect(measure).toMatchObject({ endsOn: '2025-10-10', extended: false, releasedOn: null });
    expect(deadline(sealed, 'COMPULSORY_MEASURE')).toMatchObject({
      triggerDate: '2025-09-11',
      dueDate: '2025-10-10',
    });

    app.setToday('2025-10-09');
    const extended = await okStep(
      app,
      'extendCompulsoryMeasure',
      {
        caseId,
        expectedVersion: 4,
        input: {
          measureId: measure.id,
          newEndsOn: '2025-11-09',
          approval: {
            approvedById: officerId(app, 'BJ0001'),
            approvedOn: '2025-10-09',
            written: true,
          },
          reason: '情况复杂，需进一步检测',
        },
      },
      'BJ0002',
    );
    expect(extended.case!.compulsoryMeasures[0]).toMatchObject({
      endsOn: '2025-11-09',
      extended: true,
    });
    expect(deadline(extended, 'COMPULSORY_MEASURE')).toMatchObject({ dueDate: '2025-11-09' });

    app.setToday('2025-10-20');
    const released = await okStep(
      app,
      'releaseCompulsoryMeasure',
      {
        caseId,
        expectedVersion: 5,
        input: { measureId: measure.id, releasedOn: '2025-10-20', ground: 'NO_VIOLATION' },
      },
      'BJ0001',
    );
    expect(released.case!.compulsoryMeasures[0]).toMatchObject({ releasedOn: '2025-10-20' });
    expect(deadline(released, 'COMPULSORY_MEASURE')).toMatchObject({ stoppedOn: '2025-10-20' });

    const cancelled = await okStep(
      app,
      'cancelDocketing',
      { caseId, expectedVersion: 6, input: { reason: '违法事实不存在' } },
      'BJ0001',
    );
    expect(cancelled.case).toMatchObject({ status: 'DOCKETING_CANCELLED', version: 7 });
    expect(deadline(cancelled, 'CASE_TIME_LIMIT')).toMatchObject({ stoppedOn: '2025-10-20' });
  });

  it('preserves evidence and decides on it within seven working days; records an inspection', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-26');
    const preserved = await okStep(
      app,
      'preserveEvidence',
      {
        caseId,
        expectedVersion: 3,
        input: {
          startedOn: '2025-09-26',
          officerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          certificatesShown: true,
          approval: {
            approvedById: officerId(app, 'BJ0001'),
            approvedOn: '2025-09-26',
            written: false,
          },
          items: ['移动硬盘一块'],
        },
      },
      'BJ0002',
    );
    // Seven working days after Fri 09-26: 09-28, 09-29, 09-30, 10-09, 10-10, 10-11 (make-up Saturday), 10-13.
    expect(deadline(preserved, 'PRESERVATION_HANDLING')).toMatchObject({ dueDate: '2025-10-13' });
    app.setToday('2025-10-09');
    const handled = await okStep(
      app,
      'handlePreservedEvidence',
      {
        caseId,
        expectedVersion: 4,
        input: {
          preservationId: preserved.case!.preservations[0]!.id,
          decidedOn: '2025-10-09',
          handling: 'RETURN',
        },
      },
      'BJ0002',
    );
    expect(handled.case!.preservations[0]).toMatchObject({ handledOn: '2025-10-09' });
    expect(deadline(handled, 'PRESERVATION_HANDLING')).toMatchObject({ stoppedOn: '2025-10-09' });
    const inspected = await okStep(
      app,
      'recordInspection',
      {
        caseId,
        expectedVersion: 5,
        input: {
          conductedOn: '2025-10-09',
          officerIds: [officerId(app, 'BJ0003'), officerId(app, 'BJ0002')],
          certificatesShown: true,
          ofParty: true,
          recusalRightNotified: false,
          place: '当事人机房',
        },
      },
      'BJ0003',
    );
    expect(inspected.event).toMatchObject({ sequence: 6, action: 'recordInspection' });
  });

  it('handles a recusal, a suspension, a resumption and an extension of the case time limit, then transfers the case', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-15');
    const applied = await okStep(
      app,
      'applyForRecusal',
      {
        caseId,
        expectedVersion: 3,
        input: {
          targetOfficerId: officerId(app, 'BJ0003'),
          applicant: 'PARTY',
          ground: 'DIRECT_INTEREST',
          appliedOn: '2025-09-15',
        },
      },
      'BJ0002',
    );
    const recusal = applied.case!.recusals[0]!;
    expect(recusal).toMatchObject({ targetOfficerId: officerId(app, 'BJ0003'), decision: null });
    // Granting it would leave one handler: a replacement must be named (APL art. 42(1)).
    const alone = await runStep(
      app,
      'decideRecusal',
      { caseId, expectedVersion: 4, input: { recusalId: recusal.id, granted: true } },
      'BJ0001',
    );
    expect(violationsOf(alone).map((v) => v.code)).toEqual(['HANDLERS_FEWER_THAN_TWO']);
    // BJ0901's certificate ran until 2025-12-31, so it was valid on 2025-09-15.
    const decided = await okStep(
      app,
      'decideRecusal',
      {
        caseId,
        expectedVersion: 4,
        input: {
          recusalId: recusal.id,
          granted: true,
          replacementHandlerIds: [officerId(app, 'BJ0901')],
        },
      },
      'BJ0001',
    );
    expect(decided.case!.recusals[0]).toMatchObject({ decision: 'GRANTED' });
    const afterRecusal = await readCase(caseId);
    expect(afterRecusal.handlers.map((h) => h.id).sort()).toEqual(
      [officerId(app, 'BJ0002'), officerId(app, 'BJ0901')].sort(),
    );

    const suspended = await okStep(
      app,
      'suspendCase',
      {
        caseId,
        expectedVersion: 5,
        input: { suspendedOn: '2025-09-15', reason: '需等待其他机关的认定结论' },
      },
      'BJ0001',
    );
    expect(suspended.event).toMatchObject({ action: 'suspendCase' });
    app.setToday('2025-09-25');
    const resumed = await okStep(
      app,
      'resumeCase',
      { caseId, expectedVersion: 6, input: { resumedOn: '2025-09-25' } },
      'BJ0001',
    );
    // The case time limit (due 2025-12-02) is paused 09-15 … 09-24: ten days later, 2025-12-12.
    expect(deadline(resumed, 'CASE_TIME_LIMIT')).toMatchObject({ dueDate: '2025-12-12' });

    const extended = await okStep(
      app,
      'extendTimeLimit',
      {
        caseId,
        expectedVersion: 7,
        input: {
          limit: 'CASE_TIME_LIMIT',
          approvedOn: '2025-09-25',
          extensionDays: 30,
          reason: '案情复杂',
          byCollectiveDiscussion: false,
        },
      },
      'BJ0001',
    );
    // +30 days: Sun 2026-01-11, a rest day, so the period ends on the next working day, Mon 01-12.
    expect(deadline(extended, 'CASE_TIME_LIMIT')).toMatchObject({ dueDate: '2026-01-12' });

    // Their approval forms, due by each step: what the step recorded (ground, dates, reason, the
    // new deadline) is filled in; the officer writes the approvals and the deadline before.
    const opinions = {
      handlerOpinion: { opinion: '建议批准。', signer: '李某', date: '2025-09-25' },
      departmentOpinion: null,
      headOpinion: { opinion: '同意。', signer: '周某', date: '2025-09-25' },
    };
    const formText = async (kind: string, sections: Record<string, unknown>) => {
      const result = await app.run<{ generateDocument: { id: string } }>(
        `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) {
          generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id }
        }`,
        { caseId, kind, sections },
        'BJ0002',
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      const stored = await app.orm.em
        .fork()
        .findOneOrFail(
          CaseDocument,
          { id: result.data!.generateDocument.id },
          { populate: ['content'] },
        );
      return (await mammoth.extractRawText({ buffer: stored.content })).value;
    };
    const suspension = await formText('SUSPENSION_APPROVAL', { suspensionApproval: opinions });
    expect(suspension).toContain('需等待其他机关的认定结论');
    expect(suspension).toContain('2025年9月15日');
    const resumption = await formText('RESUMPTION_APPROVAL', {
      resumptionApproval: { ...opinions, groundEliminated: '其他机关已作出认定结论。' },
    });
    expect(resumption).toContain('2025年9月25日');
    expect(resumption).toContain('2025年9月15日');
    const extension = await formText('TIME_LIMIT_EXTENSION_APPROVAL', {
      timeLimitExtension: { ...opinions, originalDeadline: '2025-12-12' },
    });
    expect(extension).toContain('案情复杂');
    expect(extension).toContain('办案期限');
    expect(extension).toContain('2026年1月12日');
    // Without the approvals the form is refused, naming what is missing; nothing is stored.
    const incomplete = await app.run(
      `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) {
        generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id }
      }`,
      { caseId, kind: 'SUSPENSION_APPROVAL', sections: {} },
      'BJ0002',
    );
    expect(incomplete.errors?.[0]?.extensions?.code).toBe('DOCUMENT_INCOMPLETE');

    const transferred = await okStep(
      app,
      'transferCase',
      {
        caseId,
        expectedVersion: 8,
        input: {
          kind: 'TO_OFFICE_WITH_JURISDICTION',
          recipient: '上海市互联网信息办公室',
          reason: '违法行为发生地在上海市',
        },
      },
      'BJ0001',
    );
    expect(transferred.case).toMatchObject({ status: 'TRANSFERRED', version: 9 });
  });

  it('APL art. 34 (E10): a summary penalty takes the discretion a decision takes; the tier needs its ground, is recorded on the decision and stated in the 当场行政处罚决定书', async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2026-09-30',
      partyKey: 'zhangwei',
      certificate: 'BJ0002',
    });
    // The first working day after the National Day holiday.
    app.setToday('2026-10-09');
    const args = (discretion: Record<string, unknown>) => ({
      caseId,
      expectedVersion: 1,
      input: {
        penalties: [{ kind: 'FINE', amountYuan: '150' }],
        officerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
        certificatesShown: true,
        factsConclusive: true,
        partyInformedAndHeard: true,
        reasons: '违法事实确凿，当场处罚',
        discretion,
      },
    });
    const bare = await refusedStep(
      app,
      'imposeSummaryPenalty',
      args({ tier: 'LIGHTER' }),
      'BJ0002',
    );
    expect(codesOf(bare)).toEqual(['DISCRETION_GROUND_REQUIRED']);
    await okStep(
      app,
      'imposeSummaryPenalty',
      args({
        tier: 'LIGHTER',
        grounds: ['APL_32_1_HARM_ELIMINATED'],
        statement: '当事人当场删除了已收集的全部身份证件照片。',
      }),
      'BJ0002',
    );
    const [decision] = await app.orm.em.fork().find(Decision, { case: caseId });
    expect(decision).toMatchObject({
      decidedOn: '2026-10-09',
      discretionTier: 'LIGHTER',
      discretionGrounds: ['APL_32_1_HARM_ELIMINATED'],
      discretionStatement: '当事人当场删除了已收集的全部身份证件照片。',
    });
    // The letter states the recorded discretion, not what the sections carried.
    const generated = await app.run(
      `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) {
        generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id }
      }`,
      {
        caseId,
        kind: 'ON_THE_SPOT_PENALTY_DECISION',
        sections: sampleSections('ON_THE_SPOT_PENALTY_DECISION'),
      },
      'BJ0002',
    );
    expect(generated.errors, JSON.stringify(generated.errors)).toBeUndefined();
    const text = await latestDocumentText(app, caseId, 'ON_THE_SPOT_PENALTY_DECISION');
    expect(text).toContain('进行裁量，鉴于你具有主动消除或者减轻违法行为危害后果');
    expect(text).toContain('对你从轻处罚。当事人当场删除了已收集的全部身份证件照片。');
    expect(text).not.toContain('当事人当场删除了部分已收集的身份证件照片');
  });

  it('imposes a summary penalty on the spot and records the decision', async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2025-09-01',
      partyKey: 'zhangwei',
      certificate: 'BJ0002',
    });
    const imposed = await okStep(
      app,
      'imposeSummaryPenalty',
      {
        caseId,
        expectedVersion: 1,
        input: {
          penalties: [{ kind: 'FINE', amountYuan: '200' }],
          officerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
          certificatesShown: true,
          factsConclusive: true,
          partyInformedAndHeard: true,
          reasons: '违法事实确凿，当场处罚',
        },
      },
      'BJ0002',
    );
    expect(imposed.case).toMatchObject({ status: 'SUMMARY_PENALTY_IMPOSED', version: 2 });
    const view = await readCase(caseId);
    expect(view.decisions).toEqual([
      {
        kind: 'PENALTY',
        decidedOn: '2025-09-01',
        reasons: '违法事实确凿，当场处罚',
        penalties: [{ kind: 'FINE', amountYuan: '200.00', provisionId: null }],
      },
    ]);
  });
});
