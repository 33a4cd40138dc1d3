import type { DemoOrganization } from '../db/seed/demo-data.js';
import type { LocalDate } from '../procedure/local-date.js';
import { generatePendingDocuments, HEARD_CASE_REVIEW_POINTS } from './demo-cases.js';

/**
 * A realistic penalty case of the Beijing office, from the clue to the
 * decision, through the GraphQL API only: docketing, evidence, an inquiry, the
 * pre-penalty notice (served the Friday before the 2025 National Day holiday),
 * a hearing request on the last day of the window, the hearing, the statement
 * review, the legal review, the collective discussion and the decision — plus
 * the case-file documents generated on demand. Used by `npm run demo` and by
 * its integration test.
 */

/** Runs one operation as the officer holding `certificate`, on business date `today`; throws on errors. */
export type Execute = (
  query: string,
  variables: Record<string, unknown>,
  certificate: string,
  today: string,
) => Promise<Record<string, unknown>>;

const STEP_RESULT = `dryRun toStatus case { id version statements { id } } documents { id kind number }`;

function stepMutation(action: string): string {
  const input = `${action[0]!.toUpperCase()}${action.slice(1)}Input`;
  return `mutation($caseId: ID!, $expectedVersion: Int!, $input: ${input}!) {
    ${action}(caseId: $caseId, expectedVersion: $expectedVersion, input: $input) { ${STEP_RESULT} }
  }`;
}

interface StepData {
  case: { id: string; version: number; statements: { id: string }[] };
  documents: { id: string; kind: string; number: string | null }[];
}

export interface DemoCaseResult {
  caseId: string;
  caseNumber: string;
  /** Kinds still pending before closure and generated then (empty where the schema has none). */
  generatedBeforeClosing: string[];
}

const FACTS = [
  '2025年8月1日起，当事人运营的“星河出行”App在用户首次启动时，未取得用户单独同意，即通过内嵌的第三方软件开发工具包向第三方提供用户精确位置信息和通讯录信息。',
  '经本机关2025年8月20日责令改正后，当事人至2025年9月10日仍未停止上述行为，涉及用户约23万人。',
];
const VIOLATED = [{ law: '中华人民共和国个人信息保护法', article: 23 }];

export async function runDemoCase(
  execute: Execute,
  demo: DemoOrganization,
): Promise<DemoCaseResult> {
  const id = (certificate: string) => demo.officers[certificate]!.id;
  const names = (certificate: string) => demo.officers[certificate]!.name;
  const head = 'BJ0001';
  const handlers = ['BJ0002', 'BJ0003'];
  let version = 0;
  let caseId = '';
  const step = async (
    action: string,
    input: Record<string, unknown>,
    certificate: string,
    today: string,
  ) => {
    const data = (
      await execute(
        stepMutation(action),
        { caseId, expectedVersion: version, input },
        certificate,
        today,
      )
    )[action] as StepData;
    version = data.case.version;
    return data;
  };

  // A deputy head joins the collective discussion (APL art. 57(2): the heads decide together).
  const deputy = (await execute(
    `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id } }`,
    { input: { officeId: demo.offices.beijing!.id, name: '韩立新', roles: ['OFFICE_HEAD'] } },
    'BJ0006',
    '2025-08-29',
  )) as { createOfficer: { id: string } };

  const registered = (await execute(
    `mutation($input: RegisterCaseSourceInput!) { registerCaseSource(input: $input) { case { id number version } } }`,
    {
      input: {
        sourceType: 'COMPLAINT_OR_REPORT',
        namedComplainant: true,
        receivedOn: '2025-09-01',
        title: '违法处理个人信息案',
        summary: '用户具名投诉“星河出行”App未经同意向第三方提供位置和通讯录信息。',
        partyIds: [demo.parties.xinghe!.id],
        violation: { committedOn: '2025-08-01', harmsLifeHealthOrFinancialSecurity: false },
      },
    },
    'BJ0002',
    '2025-09-01',
  )) as { registerCaseSource: { case: { id: string; number: string; version: number } } };
  caseId = registered.registerCaseSource.case.id;
  version = registered.registerCaseSource.case.version;

  await step(
    'decideDocketing',
    {
      docket: true,
      handlerIds: handlers.map(id),
      jurisdictionBasis: 'TERRITORIAL',
      jurisdictionExplanation: '违法行为发生地在北京市',
    },
    head,
    '2025-09-03',
  );
  await step(
    'recordEvidence',
    {
      evidenceKind: 'ELECTRONIC_DATA',
      collectedOn: '2025-09-10',
      collectorIds: handlers.map(id),
      certificatesShown: true,
      fromParty: true,
      recusalRightNotified: true,
      title: '“星河出行”App数据流向抓包记录',
      description: '证明该App在用户未单独同意时向第三方传输精确位置和通讯录信息',
      source: '执法人员在当事人处现场提取',
      place: '北京市海淀区中关村大街27号9层',
      files: [{ name: 'capture-20250910.pcapng', sha256: 'b'.repeat(64), sizeBytes: 5_242_880 }],
    },
    'BJ0002',
    '2025-09-10',
  );
  await step(
    'recordEvidence',
    {
      evidenceKind: 'DOCUMENTARY',
      collectedOn: '2025-09-12',
      collectorIds: handlers.map(id),
      certificatesShown: true,
      fromParty: false,
      recusalRightNotified: false,
      title: '用户投诉材料及责令改正通知书送达回证',
      description: '证明投诉内容及当事人经责令改正后仍未改正',
      source: '投诉人提供、本机关存档',
      place: '北京市互联网信息办公室',
      files: [],
    },
    'BJ0003',
    '2025-09-12',
  );
  await step(
    'recordInquiry',
    {
      conductedOn: '2025-09-15',
      officerIds: handlers.map(id),
      certificatesShown: true,
      intervieweeIsParty: true,
      recusalRightNotified: false,
      interviewee: '周明远',
    },
    'BJ0002',
    '2025-09-15',
  );
  // 责令改正 (APL art. 28(1)), served electronically the same day; the review on 2025-09-22
  // finds it not complied with, which the 拒不改正 tier of PIPL art. 66(1) presupposes.
  const ordered = await step(
    'orderCorrection',
    {
      orderedOn: '2025-09-16',
      facts: FACTS.slice(0, 1),
      violatedProvisions: VIOLATED,
      basis: [{ law: '中华人民共和国个人信息保护法', article: 66, paragraph: 1 }],
      requirements: ['立即停止向第三方提供用户个人信息。'],
    },
    'BJ0002',
    '2025-09-16',
  );
  await step(
    'serveDocument',
    {
      documentIds: [ordered.documents.find((d) => d.kind === 'CORRECTION_ORDER')!.id],
      method: 'ELECTRONIC',
      servedOn: '2025-09-16',
      facts: {
        electronicAddress: demo.parties.xinghe!.electronicServiceAddress,
        reachedSystemOn: '2025-09-16',
      },
      serverIds: [id('BJ0002')],
    },
    'BJ0002',
    '2025-09-16',
  );
  const orders = (await execute(
    `query($id: ID!) { case(id: $id) { correctionOrders { id } } }`,
    { id: caseId },
    'BJ0002',
    '2025-09-22',
  )) as { case: { correctionOrders: { id: string }[] } };
  await step(
    'recordCorrectionReview',
    {
      correctionOrderId: orders.case.correctionOrders[0]!.id,
      reviewedOn: '2025-09-22',
      finding: 'NOT_COMPLIED',
      description: [
        '执法人员复查发现，“星河出行”App仍通过第三方软件开发工具包向第三方提供用户位置信息。',
      ],
    },
    'BJ0002',
    '2025-09-22',
  );
  const penalties = [
    { kind: 'WARNING', provisionId: 'PIPL-66-1-REFUSAL' },
    { kind: 'FINE', amountYuan: '500000', provisionId: 'PIPL-66-1-REFUSAL' },
  ];
  const issued = await step(
    'issuePrePenaltyNotice',
    {
      issuedOn: '2025-09-25',
      proposedPenalties: penalties,
      approval: { approvedById: id(head), approvedOn: '2025-09-25', written: true },
      illegalGainsYuan: '0',
      flags: { majorViolation: true },
      content: {
        facts: FACTS,
        reasons: [
          '当事人向第三方提供个人信息未告知并取得个人单独同意，经责令改正拒不改正，依法应予处罚。',
        ],
        violatedProvisions: VIOLATED,
        correction: '立即停止向第三方提供用户个人信息，并在三十日内完成整改。',
      },
    },
    'BJ0002',
    '2025-09-25',
  );
  // Served electronically the next day: the party consented and confirmed its address (APL art. 61(2)).
  await step(
    'serveDocument',
    {
      documentIds: [issued.documents.find((d) => d.kind === 'PRE_PENALTY_NOTICE')!.id],
      method: 'ELECTRONIC',
      servedOn: '2025-09-26',
      facts: {
        electronicAddress: demo.parties.xinghe!.electronicServiceAddress,
        reachedSystemOn: '2025-09-26',
      },
      serverIds: [id('BJ0002')],
    },
    'BJ0002',
    '2025-09-26',
  );
  await step('requestHearing', { requestedOn: '2025-10-10' }, 'BJ0002', '2025-10-10');
  const stated = await step(
    'recordStatement',
    {
      receivedOn: '2025-10-10',
      channel: 'WRITTEN',
      summary: '当事人称已下线相关软件开发工具包，请求从轻处罚。',
    },
    'BJ0002',
    '2025-10-10',
  );
  const statementId = stated.case.statements[0]!.id;
  const scheduled = await step(
    'scheduleHearing',
    {
      hearingOn: '2025-10-24',
      noticeServedOn: '2025-10-13',
      presidingOfficerId: id('BJ0005'),
      isPublic: true,
      arrangement: {
        startTime: '09:30',
        place: '北京市互联网信息办公室第一听证室',
        recorderId: id('BJ0004'),
      },
    },
    head,
    '2025-10-13',
  );
  // The hearing notice is handed to the legal representative the same day: its own 送达回证.
  await step(
    'serveDocument',
    {
      documentIds: [scheduled.documents.find((d) => d.kind === 'HEARING_NOTICE')!.id],
      method: 'DIRECT',
      servedOn: '2025-10-13',
      place: '北京市互联网信息办公室',
      facts: {
        recipientName: demo.parties.xinghe!.legalRepresentative,
        recipientRole: 'LEGAL_REPRESENTATIVE',
        signed: true,
        signedOn: '2025-10-13',
      },
      serverIds: [id('BJ0002'), id('BJ0003')],
    },
    'BJ0002',
    '2025-10-13',
  );
  await step(
    'recordHearing',
    {
      heldOn: '2025-10-24',
      outcome: 'HELD',
      agentCount: 2,
      recordSignedByParty: true,
      refusalNotedByPresider: false,
    },
    'BJ0005',
    '2025-10-24',
  );
  await step(
    'reviewStatement',
    {
      statementId,
      reviewedOn: '2025-10-27',
      adopted: false,
      opinion: '整改系责令改正后逾期完成，不影响违法事实的认定。',
    },
    'BJ0002',
    '2025-10-27',
  );
  await step('submitLegalReview', { submittedOn: '2025-10-27' }, 'BJ0002', '2025-10-27');
  await step(
    'completeLegalReview',
    {
      completedOn: '2025-10-29',
      result: 'PASSED',
      opinion: '事实清楚，证据确凿，程序合法，适用依据正确，处罚适当。',
    },
    'BJ0004',
    '2025-10-29',
  );
  await step(
    'recordCollectiveDiscussion',
    {
      heldOn: '2025-10-30',
      participantIds: [id(head), deputy.createOfficer.id, id('BJ0004')],
      conclusion: '同意给予警告，并处罚款人民币四十万元。',
    },
    head,
    '2025-10-30',
  );
  const decided = await step(
    'decideCase',
    {
      outcome: 'PENALTY',
      penalties: [penalties[0], { ...penalties[1], amountYuan: '400000' }],
      reasons:
        '当事人违法处理个人信息，经责令改正拒不改正，依据《中华人民共和国个人信息保护法》第六十六条第一款处罚。',
      illegalGainsYuan: '0',
      discretion: {
        tier: 'LIGHTER',
        grounds: ['APL_32_1_HARM_ELIMINATED'],
        statement: '当事人在听证后已下线相关软件开发工具包，完成整改。',
      },
      content: {
        facts: FACTS,
        reasons: [
          '当事人向第三方提供个人信息未取得个人单独同意，经责令改正拒不改正。',
          '当事人在听证后已完成整改，本机关在法定幅度内酌情从轻处罚。',
        ],
        violatedProvisions: VIOLATED,
        correction: '继续保持整改，不得再向第三方提供未经单独同意的个人信息。',
        statementSummary: '当事人称已下线相关软件开发工具包，请求从轻处罚。',
        statementReview: '整改系责令改正后逾期完成，不影响违法事实认定，但可作为从轻处罚的情节。',
      },
    },
    head,
    '2025-10-31',
  );

  // The rest of the case file, generated on demand from the record plus what the officers wrote.
  const generate = (kind: string, sections: Record<string, unknown>, today: string) =>
    execute(
      `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) { generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id } }`,
      { caseId, kind, sections },
      'BJ0002',
      today,
    );
  const approval = (opinion: string, signer: string, date: string) => ({ opinion, signer, date });
  // One evidence collection slip per recordEvidence, signed for by whoever provided the items.
  await generate(
    'EVIDENCE_COLLECTION_RECORD',
    {
      evidenceCollection: {
        collectedOn: '2025-09-10',
        place: '北京市海淀区中关村大街27号9层',
        providedBy: '北京星河数据科技有限公司',
        method: '现场提取电子数据',
        items: [
          {
            title: '“星河出行”App数据流向抓包记录',
            quantity: '1份（电子文件1个）',
            description: '现场提取，附SHA-256校验值',
          },
        ],
      },
    },
    '2025-09-10',
  );
  await generate(
    'EVIDENCE_COLLECTION_RECORD',
    {
      evidenceCollection: {
        collectedOn: '2025-09-12',
        place: '北京市互联网信息办公室',
        providedBy: '投诉人王某、本机关档案室',
        method: '复制',
        items: [
          { title: '用户投诉材料', quantity: '1份，共3页', description: '复印件，与原件核对一致' },
          {
            title: '责令改正通知书送达回证',
            quantity: '1份，共1页',
            description: '复印件，与存档原件核对一致',
          },
        ],
      },
    },
    '2025-09-12',
  );
  await generate(
    'LEGAL_REVIEW_REQUEST',
    {
      legalReviewRequest: {
        submittedOn: '2025-10-27',
        reviewBody: '北京市互联网信息办公室法治工作处',
        grounds: '拟作出较大数额罚款的行政处罚决定，属于重大执法决定。',
        proposal: '给予警告，并处罚款人民币四十万元。',
        materials: ['证据材料', '听证笔录', '陈述申辩复核意见'],
        departmentOpinion: approval('同意送审。', names('BJ0003'), '2025-10-27'),
      },
    },
    '2025-10-27',
  );
  await generate(
    'CASE_SOURCE_REGISTER',
    {
      origin: {
        kind: 'COMPLAINT',
        otherKindName: null,
        receivedOn: '2025-09-01',
        summary: '用户具名投诉“星河出行”App未经同意向第三方提供位置和通讯录信息。',
        reporter: { name: '王某（具名投诉人）', contact: '138****0000' },
        registrar: names('BJ0002'),
        handlingProposal: approval(
          '线索具体，涉嫌违反《中华人民共和国个人信息保护法》，建议立案调查。',
          names('BJ0002'),
          '2025-09-01',
        ),
        headApproval: approval('同意。', names(head), '2025-09-02'),
      },
    },
    '2025-09-02',
  );
  await generate(
    'DOCKETING_APPROVAL_FORM',
    {
      docketing: {
        decision: 'DOCKET',
        reasons: '当事人涉嫌违法处理个人信息，属于本机关管辖，未超过行政处罚时效，符合立案条件。',
        handlerOpinion: approval(
          '建议立案，由' + names('BJ0002') + '、' + names('BJ0003') + '承办。',
          names('BJ0002'),
          '2025-09-02',
        ),
        departmentOpinion: null,
        headOpinion: approval('同意立案。', names(head), '2025-09-03'),
      },
    },
    '2025-09-03',
  );
  await generate(
    'INQUIRY_TRANSCRIPT',
    {
      inquiry: {
        date: '2025-09-15',
        startTime: '14:00',
        endTime: '15:40',
        place: '北京市互联网信息办公室询问室',
        recorder: names('BJ0003'),
        interviewee: {
          name: '周明远',
          gender: '男',
          birthDate: '1982-04-16',
          idNumber: '110108198204160000',
          employer: '北京星河数据科技有限公司',
          position: '法定代表人',
          phone: '010-61000000',
          address: '北京市海淀区中关村大街27号9层',
          relation: '当事人的法定代表人',
        },
        credentialsAnswer: '看清楚了。',
        recusalAnswer: '不申请回避。',
        questions: [
          {
            question: '“星河出行”App由谁运营？',
            answer: '由我公司运营，目前注册用户约二十三万人。',
          },
          {
            question: 'App是否向第三方提供用户的位置和通讯录信息？',
            answer: '内嵌的第三方推送工具包会上传位置和通讯录信息，我们没有单独征求用户同意。',
          },
          {
            question: '收到责令改正通知后是否改正？',
            answer: '当时在评估替换方案，9月中旬前尚未下线。',
          },
        ],
      },
    },
    '2025-09-15',
  );
  const hearing = {
    requestedOn: '2025-10-10',
    date: '2025-10-24',
    startTime: '09:30',
    place: '北京市互联网信息办公室第一听证室',
    presidingOfficer: names('BJ0005'),
    hearingOfficers: [],
    recorder: names('BJ0004'),
    interpreter: null,
    isPublic: true,
    nonPublicReason: null,
    record: {
      endTime: '11:10',
      attendees: [
        { name: '周明远', role: '当事人的法定代表人' },
        { name: '林律师', role: '委托代理人' },
      ],
      investigators: handlers.map(names),
      recusalAnswer: '当事人不申请听证主持人、记录员回避。',
      investigatorStatement: '调查人员陈述了违法事实、证据和拟作出的行政处罚及其依据。',
      partyDefence: [
        '当事人对违法事实无异议，称已于10月中旬下线相关工具包。',
        '请求考虑整改情况从轻处罚。',
      ],
      crossExamination: '双方对抓包记录、投诉材料进行了质证，当事人对证据的真实性无异议。',
      finalStatement: '当事人请求从轻处罚。',
    },
  };
  await generate('HEARING_RECORD', { hearing }, '2025-10-24');
  // The written statement of 2025-10-10, filed with its record, and the handlers' review of it.
  await generate(
    'STATEMENT_RECORD',
    {
      statementRecord: {
        date: '2025-10-10',
        startTime: '10:00',
        endTime: '10:30',
        place: '北京市互联网信息办公室',
        statedBy: demo.parties.xinghe!.legalRepresentative,
        statedByRole: '当事人的法定代表人',
        recorder: names('BJ0003'),
        content: ['当事人称已下线相关软件开发工具包，请求从轻处罚。'],
      },
    },
    '2025-10-10',
  );
  await generate(
    'STATEMENT_REVIEW_OPINION',
    {
      statementReview: {
        receivedOn: '2025-10-10',
        summary: '当事人称已下线相关软件开发工具包，请求从轻处罚。',
        review: '整改系责令改正后逾期完成，不影响违法事实的认定。',
        adopted: false,
        reviewedOn: '2025-10-27',
      },
    },
    '2025-10-27',
  );
  await generate(
    'LEGAL_REVIEW_OPINION',
    {
      legalReview: {
        reviewer: names('BJ0004'),
        reviewerQualification: demo.officers.BJ0004!.legalQualificationNumber ?? '法律职业资格',
        submittedOn: '2025-10-27',
        reviewedOn: '2025-10-29',
        points: HEARD_CASE_REVIEW_POINTS,
        opinion: '同意作出警告并处罚款人民币四十万元的处罚决定。',
        result: 'PASSED',
      },
    },
    '2025-10-29',
  );
  await generate(
    'COLLECTIVE_DISCUSSION_MINUTES',
    {
      collectiveDiscussion: {
        date: '2025-10-30',
        startTime: '15:00',
        endTime: '16:00',
        place: '北京市互联网信息办公室第二会议室',
        chair: names(head),
        attendees: [names(head), '韩立新'],
        nonVotingAttendees: [names('BJ0004'), names('BJ0002')],
        recorder: names('BJ0003'),
        presentation: '承办人员汇报了案件事实、证据、听证情况和法制审核意见。',
        opinions: [
          { speaker: names(head), opinion: '同意给予警告，并处罚款四十万元。' },
          { speaker: '韩立新', opinion: '同意。' },
        ],
        conclusion: '给予警告，并处罚款人民币四十万元。',
      },
    },
    '2025-10-30',
  );
  // The legal representative refuses to sign for the decision: left at the premises before witnesses
  // (留置送达, CPL art. 89), deemed served that day; the 15 days to pay run from it.
  await step(
    'serveDocument',
    {
      documentIds: [decided.documents.find((d) => d.kind === 'PENALTY_DECISION')!.id],
      method: 'LEFT_AT_RESIDENCE',
      servedOn: '2025-11-03',
      facts: {
        recipientName: '周明远',
        recipientRole: 'LEGAL_REPRESENTATIVE',
        signed: false,
        refusalReason: '对处罚决定有异议，拒绝签收',
        witnesses: ['中关村街道办事处工作人员 李某'],
        audiovisualRecordRef: '执法记录仪 BJ-DV-0021 2025-11-03 10:12',
      },
      serverIds: handlers.map(id),
      place: '北京市海淀区中关村大街27号9层',
    },
    'BJ0002',
    '2025-11-03',
  );
  // Due 2025-11-18 (15 days from 11-03); paid three days late with the surcharge of APL art. 72:
  // 3% × 400,000 × 3 days = 36,000 yuan.
  await step(
    'recordPayment',
    {
      paidOn: '2025-11-21',
      amountYuan: '436000',
      channel: 'DESIGNATED_BANK',
      receiptNumber: 'ICBC-BJ-20251121-0081',
    },
    'BJ0002',
    '2025-11-21',
  );
  // Closure may require every document the steps made due: generate what is still pending.
  const generatedBeforeClosing = await generatePendingDocuments(
    execute,
    caseId,
    'BJ0002',
    '2025-11-24' as LocalDate,
  );
  if (generatedBeforeClosing.length) {
    const read = (await execute(
      `query($id: ID!) { case(id: $id) { version } }`,
      { id: caseId },
      head,
      '2025-11-24',
    )) as { case: { version: number } };
    version = read.case.version;
  }
  await step(
    'closeCase',
    {
      ground: 'EXECUTED',
      closedOn: '2025-11-24',
      approval: { approvedById: id(head), approvedOn: '2025-11-24', written: true },
    },
    head,
    '2025-11-24',
  );

  return {
    caseId,
    caseNumber: registered.registerCaseSource.case.number,
    generatedBeforeClosing,
  };
}
