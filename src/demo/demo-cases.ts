import type { DemoOrganization } from '../db/seed/demo-data.js';
import type { LocalDate } from '../procedure/local-date.js';
import type { Execute } from './penalty-case.scenario.js';

/**
 * The demo cases `npm start` builds in an empty database: each one is walked through the
 * procedural mutations (the GraphQL operations below, as a client sends them), so its status,
 * record, audit chain, deadlines, documents and domain events are what the engine produced.
 *
 * Act dates lie in the past, relative to the day of seeding: each operation runs with the
 * request clock set to its act date (the only clock seam, `Execute`'s `today`), so no step is
 * entered late. Planned dates fall back to the previous working day of the loaded calendar,
 * which keeps the walks valid across weekends, holidays and a year end.
 */

/** Where a demo case stops; the walk is the same for all and ends at that status. */
export type DemoCaseStage =
  | 'CASE_SOURCE_REGISTERED'
  | 'INVESTIGATING'
  | 'PRE_PENALTY_NOTICE_SERVED'
  | 'HEARING_SCHEDULED'
  | 'DECIDED_PENALTY'
  | 'EXECUTED'
  | 'CLOSED';

interface DemoCasePlan {
  key: string;
  officeKey: string;
  /** Certificate prefix of the office's officers (<prefix>0001 head … 0006 admin). */
  prefix: string;
  partyKey: string;
  stage: DemoCaseStage;
  title: string;
  /** What the clue said (案件来源登记). */
  clue: string;
  facts: string[];
  reasons: string;
  violated: { law: string; article: number }[];
  provisionId: string;
  proposedFineYuan: number;
  decidedFineYuan: number;
  correction: string;
  statement: string;
}

/** The findings of a case still before the end of its investigation: none yet. */
const NOTHING_FOUND_YET = {
  facts: [],
  reasons: '',
  violated: [],
  provisionId: '',
  proposedFineYuan: 0,
  decidedFineYuan: 0,
  correction: '',
  statement: '',
} satisfies Partial<DemoCasePlan>;

/** The legal review's points for a heard penalty case that passes review. */
export const HEARD_CASE_REVIEW_POINTS = [
  { item: '执法主体和管辖', conclusion: '合法' },
  { item: '事实和证据', conclusion: '事实清楚，证据确凿' },
  { item: '程序', conclusion: '已事先告知并举行听证，程序合法' },
  { item: '适用依据和裁量', conclusion: '适用依据正确，处罚在法定幅度内' },
];

/** One demo case per stage, spread over the offices (Beijing, Haidian, Shanghai, Pudong, Hangzhou). */
export const DEMO_CASE_PLANS: readonly DemoCasePlan[] = [
  {
    key: 'xinghePersonalInformation',
    officeKey: 'beijing',
    prefix: 'BJ',
    partyKey: 'xinghe',
    stage: 'CLOSED',
    title: '违法处理个人信息案',
    clue: '用户具名投诉“星河出行”App未经同意向第三方提供位置和通讯录信息。',
    facts: [
      '当事人运营的“星河出行”App在用户首次启动时，未取得用户单独同意，即通过内嵌的第三方软件开发工具包向第三方提供用户精确位置信息和通讯录信息。',
      '经本机关责令改正后，当事人逾期仍未停止上述行为，涉及用户约23万人。',
    ],
    reasons: '当事人向第三方提供个人信息未取得个人单独同意，经责令改正拒不改正，依法应予处罚。',
    violated: [{ law: '中华人民共和国个人信息保护法', article: 23 }],
    provisionId: 'PIPL-66-1-REFUSAL',
    proposedFineYuan: 500000,
    decidedFineYuan: 400000,
    correction: '立即停止向第三方提供用户个人信息，并在三十日内完成整改。',
    statement: '当事人称已下线相关软件开发工具包，请求从轻处罚。',
  },
  {
    key: 'zhangweiRumour',
    officeKey: 'beijing',
    prefix: 'BJ',
    partyKey: 'zhangwei',
    stage: 'CASE_SOURCE_REGISTERED',
    title: '违规发布网络信息案',
    clue: '网民举报当事人在网络平台发布未经核实的信息。',
    ...NOTHING_FOUND_YET,
  },
  {
    key: 'qingniaoMinors',
    officeKey: 'haidian',
    prefix: 'HD',
    partyKey: 'qingniao',
    stage: 'INVESTIGATING',
    title: '未落实未成年人网络保护义务案',
    clue: '群众举报当事人运营的网络游戏未落实未成年人防沉迷措施。',
    ...NOTHING_FOUND_YET,
  },
  {
    key: 'lanjingRecommendations',
    officeKey: 'pudong',
    prefix: 'PD',
    partyKey: 'lanjing',
    stage: 'PRE_PENALTY_NOTICE_SERVED',
    title: '违法处理个人信息案',
    clue: '用户投诉当事人运营的智能推荐App未经单独同意向合作方提供用户画像和位置信息。',
    facts: [
      '当事人运营的智能推荐App未取得用户单独同意，向合作广告商提供用户画像和精确位置信息。',
      '经本机关责令改正后，当事人逾期仍未停止上述行为。',
    ],
    reasons: '当事人向第三方提供个人信息未取得个人单独同意，经责令改正拒不改正，依法应予处罚。',
    violated: [{ law: '中华人民共和国个人信息保护法', article: 23 }],
    provisionId: 'PIPL-66-1-REFUSAL',
    proposedFineYuan: 300000,
    decidedFineYuan: 300000,
    correction: '立即停止向第三方提供用户个人信息。',
    statement: '当事人称合作协议已终止，请求减轻处罚。',
  },
  {
    key: 'xixiMerchants',
    officeKey: 'hangzhou',
    prefix: 'HZ',
    partyKey: 'xixi',
    stage: 'HEARING_SCHEDULED',
    title: '违法处理个人信息案',
    clue: '用户投诉当事人运营的本地生活网站未经同意向商户提供用户手机号码。',
    facts: [
      '当事人运营的本地生活网站未取得用户单独同意，向入驻商户提供用户手机号码和收货地址。',
      '经本机关责令改正后，当事人逾期仍未停止上述行为。',
    ],
    reasons: '当事人向第三方提供个人信息未取得个人单独同意，经责令改正拒不改正，依法应予处罚。',
    violated: [{ law: '中华人民共和国个人信息保护法', article: 23 }],
    provisionId: 'PIPL-66-1-REFUSAL',
    proposedFineYuan: 200000,
    decidedFineYuan: 200000,
    correction: '立即停止向商户提供用户个人信息。',
    statement: '当事人称商户系履行订单所必需，不构成违法提供。',
  },
  {
    key: 'yunfanContacts',
    officeKey: 'shanghai',
    prefix: 'SH',
    partyKey: 'yunfan',
    stage: 'EXECUTED',
    title: '违法处理个人信息案',
    clue: '用户投诉当事人运营的云盘App未经同意向第三方提供用户通讯录。',
    facts: [
      '当事人运营的云盘App未取得用户单独同意，向第三方营销服务商提供用户通讯录信息。',
      '经本机关责令改正后，当事人逾期仍未停止上述行为，涉及用户约12万人。',
    ],
    reasons: '当事人向第三方提供个人信息未取得个人单独同意，经责令改正拒不改正，依法应予处罚。',
    violated: [{ law: '中华人民共和国个人信息保护法', article: 23 }],
    provisionId: 'PIPL-66-1-REFUSAL',
    proposedFineYuan: 250000,
    decidedFineYuan: 200000,
    correction: '立即停止向第三方提供用户通讯录信息，并删除已提供的数据。',
    statement: '当事人称已终止与营销服务商的合作，请求从轻处罚。',
  },
  {
    key: 'yunfanFaces',
    officeKey: 'shanghai',
    prefix: 'SH',
    partyKey: 'yunfan',
    stage: 'DECIDED_PENALTY',
    title: '违法处理个人信息案（二）',
    clue: '用户投诉当事人运营的相册App未经同意向第三方提供用户人脸信息。',
    facts: [
      '当事人运营的相册App未取得用户单独同意，向第三方图像处理服务商提供用户人脸信息。',
      '经本机关责令改正后，当事人逾期仍未停止上述行为。',
    ],
    reasons: '当事人向第三方提供个人信息未取得个人单独同意，经责令改正拒不改正，依法应予处罚。',
    violated: [{ law: '中华人民共和国个人信息保护法', article: 23 }],
    provisionId: 'PIPL-66-1-REFUSAL',
    proposedFineYuan: 300000,
    decidedFineYuan: 250000,
    correction: '立即停止向第三方提供用户人脸信息。',
    statement: '当事人称第三方仅作临时处理，请求从轻处罚。',
  },
];

/**
 * Calendar-day offsets of each act from the case's registration, as planned before falling back
 * to working days. The gaps keep every statutory window open: the hearing is requested within
 * the days after the notice is served, its notice is served well over seven days before it, the
 * fine is paid within the fifteen days after the decision is served.
 */
const PLAN = {
  register: 0,
  docket: 2,
  evidence: 7,
  inquiry: 10,
  // 责令改正 (APL art. 28(1)), served at once; the review finds it not complied with.
  orderCorrection: 12,
  reviewCorrection: 16,
  notice: 20,
  serveNotice: 21,
  requestHearing: 23,
  scheduleHearing: 25,
  hearing: 42,
  reviewStatement: 44,
  completeLegalReview: 46,
  collectiveDiscussion: 47,
  decide: 48,
  serveDecision: 49,
  pay: 55,
  close: 58,
} as const;

/** The last act of each stage: its registration lies that many days (plus a margin) before today. */
const LAST_ACT: Record<DemoCaseStage, number> = {
  CASE_SOURCE_REGISTERED: PLAN.register,
  INVESTIGATING: PLAN.inquiry,
  PRE_PENALTY_NOTICE_SERVED: PLAN.serveNotice,
  HEARING_SCHEDULED: PLAN.scheduleHearing,
  DECIDED_PENALTY: PLAN.decide,
  EXECUTED: PLAN.pay,
  CLOSED: PLAN.close,
};
const MARGIN_DAYS: Record<DemoCaseStage, number> = {
  CASE_SOURCE_REGISTERED: 3,
  INVESTIGATING: 4,
  // Served the day before: the statement period is still running.
  PRE_PENALTY_NOTICE_SERVED: 1,
  // Scheduled two days ago: the hearing itself lies ahead.
  HEARING_SCHEDULED: 2,
  DECIDED_PENALTY: 2,
  EXECUTED: 6,
  CLOSED: 24,
};

const STAGE_ORDER: readonly DemoCaseStage[] = [
  'CASE_SOURCE_REGISTERED',
  'INVESTIGATING',
  'PRE_PENALTY_NOTICE_SERVED',
  'HEARING_SCHEDULED',
  'DECIDED_PENALTY',
  'EXECUTED',
  'CLOSED',
];

const STEP_RESULT = `toStatus case { id version statements { id } } documents { id kind number }`;

interface StepData {
  toStatus: string;
  case: { id: string; version: number; statements: { id: string }[] };
  documents: { id: string; kind: string; number: string | null }[];
}

export interface BuiltDemoCase {
  key: string;
  caseId: string;
  caseNumber: string;
  status: string;
}

function addDays(date: LocalDate, days: number): LocalDate {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10) as LocalDate;
}

function chineseDate(date: LocalDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** Builds every demo case; `today` is the day of seeding (the walks end on or before it). */
export async function buildDemoCases(
  execute: Execute,
  organization: DemoOrganization,
  today: LocalDate,
): Promise<BuiltDemoCase[]> {
  const workingDayCache = new Map<LocalDate, boolean>();
  const isWorkingDay = async (date: LocalDate) => {
    if (!workingDayCache.has(date)) {
      const data = (await execute(
        `query($date: LocalDate!) { calendarDay(date: $date) { isWorkingDay } }`,
        { date },
        'BJ0002',
        today,
      )) as { calendarDay: { isWorkingDay: boolean } };
      workingDayCache.set(date, data.calendarDay.isWorkingDay);
    }
    return workingDayCache.get(date)!;
  };
  /** The working day on or before `date`. */
  const workingDayBefore = async (date: LocalDate) => {
    let day = date;
    while (!(await isWorkingDay(day))) {
      day = addDays(day, -1);
    }
    return day;
  };

  // Collective discussions need a second head (APL art. 57(2)): one deputy per deciding office.
  const deputies = new Map<string, { id: string; name: string }>();
  const deputyNames: Record<string, string> = { BJ: '韩立新', SH: '严卫东', PD: '蔡志平' };
  const built: BuiltDemoCase[] = [];
  for (const plan of DEMO_CASE_PLANS) {
    const needsDeputy = STAGE_ORDER.indexOf(plan.stage) >= STAGE_ORDER.indexOf('DECIDED_PENALTY');
    if (needsDeputy && !deputies.has(plan.prefix)) {
      const deputyName = deputyNames[plan.prefix] ?? '副职负责人';
      const created = (await execute(
        `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id } }`,
        {
          input: {
            officeId: organization.offices[plan.officeKey]!.id,
            name: deputyName,
            roles: ['OFFICE_HEAD'],
          },
        },
        `${plan.prefix}0006`,
        addDays(today, -(LAST_ACT[plan.stage] + MARGIN_DAYS[plan.stage] + 1)),
      )) as { createOfficer: { id: string } };
      deputies.set(plan.prefix, { id: created.createOfficer.id, name: deputyName });
    }
    built.push(await walkDemoCase(execute, organization, plan, today, workingDayBefore, deputies));
  }
  return built;
}

async function walkDemoCase(
  execute: Execute,
  organization: DemoOrganization,
  plan: DemoCasePlan,
  today: LocalDate,
  workingDayBefore: (date: LocalDate) => Promise<LocalDate>,
  deputies: Map<string, { id: string; name: string }>,
): Promise<BuiltDemoCase> {
  const registeredPlanned = addDays(today, -(LAST_ACT[plan.stage] + MARGIN_DAYS[plan.stage]));
  const reached = (stage: DemoCaseStage) =>
    STAGE_ORDER.indexOf(plan.stage) >= STAGE_ORDER.indexOf(stage);
  // Act dates in order: each falls back to a working day, never before the previous act.
  let previous = '0000-01-01' as LocalDate;
  const dates = {} as Record<keyof typeof PLAN, LocalDate>;
  for (const [act, offset] of Object.entries(PLAN) as [keyof typeof PLAN, number][]) {
    // Only the acts this walk performs (and the hearing it schedules): nothing further ahead.
    if (offset > LAST_ACT[plan.stage] && !(act === 'hearing' && reached('HEARING_SCHEDULED'))) {
      continue;
    }
    const day = await workingDayBefore(addDays(registeredPlanned, offset));
    dates[act] = day > previous ? day : previous;
    previous = dates[act];
  }

  const officer = (n: number) => `${plan.prefix}${String(n).padStart(4, '0')}`;
  const head = officer(1);
  const handlers = [officer(2), officer(3)];
  const reviewer = officer(4);
  const presider = officer(5);
  const id = (certificate: string) => organization.officers[certificate]!.id;
  const name = (certificate: string) => organization.officers[certificate]!.name;
  const party = organization.parties[plan.partyKey]!;
  const office = organization.offices[plan.officeKey]!;

  let caseId = '';
  let version = 0;
  let versionStale = false;
  const step = async (
    action: string,
    input: Record<string, unknown>,
    as: string,
    on: LocalDate,
  ) => {
    if (versionStale) {
      const read = (await execute(
        `query($id: ID!) { case(id: $id) { version } }`,
        { id: caseId },
        as,
        on,
      )) as {
        case: { version: number };
      };
      version = read.case.version;
      versionStale = false;
    }
    const inputType = `${action[0]!.toUpperCase()}${action.slice(1)}Input`;
    const data = (
      await execute(
        `mutation($caseId: ID!, $expectedVersion: Int!, $input: ${inputType}!) {
          ${action}(caseId: $caseId, expectedVersion: $expectedVersion, input: $input) { ${STEP_RESULT} }
        }`,
        { caseId, expectedVersion: version, input },
        as,
        on,
      )
    )[action] as StepData;
    version = data.case.version;
    return data;
  };
  const generate = async (kind: string, sections: Record<string, unknown>, on: LocalDate) => {
    await execute(
      `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) { generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id } }`,
      { caseId, kind, sections },
      handlers[0]!,
      on,
    );
    versionStale = true;
  };
  const approval = (opinion: string, signer: string, date: LocalDate) => ({
    opinion,
    signer,
    date,
  });
  const sections: Record<string, () => Record<string, unknown>> = {};

  const committedOn = addDays(dates.register, -45);
  const registered = (await execute(
    `mutation($input: RegisterCaseSourceInput!) { registerCaseSource(input: $input) { case { id number version } } }`,
    {
      input: {
        sourceType: 'COMPLAINT_OR_REPORT',
        namedComplainant: true,
        receivedOn: dates.register,
        title: plan.title,
        summary: plan.clue,
        partyIds: [party.id],
        violation: { committedOn, harmsLifeHealthOrFinancialSecurity: false },
      },
    },
    handlers[0]!,
    dates.register,
  )) as { registerCaseSource: { case: { id: string; number: string; version: number } } };
  caseId = registered.registerCaseSource.case.id;
  version = registered.registerCaseSource.case.version;
  let status = 'CASE_SOURCE_REGISTERED';
  sections.CASE_SOURCE_REGISTER = () => ({
    origin: {
      kind: 'COMPLAINT',
      otherKindName: null,
      receivedOn: dates.register,
      summary: plan.clue,
      reporter: { name: '王某（具名投诉人）', contact: '138****0000' },
      registrar: name(handlers[0]!),
      handlingProposal: approval(
        '线索具体，建议核查后立案调查。',
        name(handlers[0]!),
        dates.register,
      ),
      headApproval: approval('同意。', name(head), dates.register),
    },
  });
  await generate('CASE_SOURCE_REGISTER', sections.CASE_SOURCE_REGISTER(), dates.register);

  if (reached('INVESTIGATING')) {
    status = (
      await step(
        'decideDocketing',
        {
          docket: true,
          handlerIds: handlers.map(id),
          jurisdictionBasis: 'TERRITORIAL',
          jurisdictionExplanation: `违法行为发生地在${office.name.replace('互联网信息办公室', '')}`,
        },
        head,
        dates.docket,
      )
    ).toStatus;
    sections.DOCKETING_APPROVAL_FORM = () => ({
      docketing: {
        decision: 'DOCKET',
        reasons: '当事人涉嫌违法，属于本机关管辖，未超过行政处罚时效，符合立案条件。',
        handlerOpinion: approval(
          `建议立案，由${name(handlers[0]!)}、${name(handlers[1]!)}承办。`,
          name(handlers[0]!),
          dates.docket,
        ),
        departmentOpinion: null,
        headOpinion: approval('同意立案。', name(head), dates.docket),
      },
    });
    await generate('DOCKETING_APPROVAL_FORM', sections.DOCKETING_APPROVAL_FORM(), dates.docket);
    await step(
      'recordEvidence',
      {
        evidenceKind: 'ELECTRONIC_DATA',
        collectedOn: dates.evidence,
        collectorIds: handlers.map(id),
        certificatesShown: true,
        fromParty: true,
        recusalRightNotified: true,
        title: '涉案App数据流向抓包记录',
        description: '证明涉案App在用户未单独同意时向第三方传输个人信息',
        source: '执法人员在当事人处现场提取',
        place: party.address,
        files: [
          {
            name: `capture-${dates.evidence}.pcapng`,
            sha256: 'b'.repeat(64),
            sizeBytes: 5_242_880,
          },
        ],
      },
      handlers[0]!,
      dates.evidence,
    );
    sections.EVIDENCE_COLLECTION_RECORD = () => ({
      evidenceCollection: {
        collectedOn: dates.evidence,
        place: party.address,
        providedBy: party.name,
        method: '现场提取电子数据',
        items: [
          {
            title: '涉案App数据流向抓包记录',
            quantity: '1份（电子文件1个）',
            description: '现场提取，附SHA-256校验值',
          },
        ],
      },
    });
    await generate(
      'EVIDENCE_COLLECTION_RECORD',
      sections.EVIDENCE_COLLECTION_RECORD(),
      dates.evidence,
    );
    await step(
      'recordInquiry',
      {
        conductedOn: dates.inquiry,
        officerIds: handlers.map(id),
        certificatesShown: true,
        intervieweeIsParty: true,
        recusalRightNotified: false,
        interviewee: party.legalRepresentative ?? party.name,
      },
      handlers[0]!,
      dates.inquiry,
    );
    sections.INQUIRY_TRANSCRIPT = () => ({
      inquiry: {
        date: dates.inquiry,
        startTime: '14:00',
        endTime: '15:30',
        place: `${office.name}询问室`,
        recorder: name(handlers[1]!),
        interviewee: {
          name: party.legalRepresentative ?? party.name,
          gender: '男',
          birthDate: '1982-04-16',
          idNumber: '110108198204160000',
          employer: party.name,
          position: '法定代表人',
          phone: party.contactPhone ?? '010-61000000',
          address: party.address,
          relation: '当事人的法定代表人',
        },
        credentialsAnswer: '看清楚了。',
        recusalAnswer: '不申请回避。',
        questions: [
          { question: '涉案App由谁运营？', answer: '由我公司运营。' },
          {
            question: 'App是否向第三方提供用户个人信息？',
            answer: '提供过，没有单独征求用户同意。',
          },
        ],
      },
    });
    await generate('INQUIRY_TRANSCRIPT', sections.INQUIRY_TRANSCRIPT(), dates.inquiry);
  }

  const penalties = (fineYuan: number) => [
    { kind: 'WARNING', provisionId: plan.provisionId },
    { kind: 'FINE', amountYuan: String(fineYuan), provisionId: plan.provisionId },
  ];
  let statementId = '';
  /** The service of one document on the party, in person or at its confirmed electronic address. */
  const serviceOf = (documentId: string, on: LocalDate) =>
    party.electronicServiceConsent
      ? {
          documentIds: [documentId],
          method: 'ELECTRONIC',
          servedOn: on,
          facts: { electronicAddress: party.electronicServiceAddress, reachedSystemOn: on },
          serverIds: [id(handlers[0]!)],
        }
      : {
          documentIds: [documentId],
          method: 'DIRECT',
          servedOn: on,
          place: party.address,
          facts: {
            recipientName: party.legalRepresentative,
            recipientRole: 'LEGAL_REPRESENTATIVE',
            signed: true,
            signedOn: on,
          },
          serverIds: handlers.map(id),
        };
  if (reached('PRE_PENALTY_NOTICE_SERVED')) {
    // The 拒不改正 tier the demo cases cite needs an order served and found not complied with
    // (APL art. 28(1)): the office ordered immediate correction and found it ignored.
    const ordered = await step(
      'orderCorrection',
      {
        orderedOn: dates.orderCorrection,
        facts: plan.facts.slice(0, 1),
        violatedProvisions: plan.violated,
        basis: [{ law: '中华人民共和国个人信息保护法', article: 66, paragraph: 1 }],
        requirements: [plan.correction],
      },
      handlers[0]!,
      dates.orderCorrection,
    );
    const order = ordered.documents.find((d) => d.kind === 'CORRECTION_ORDER')!.id;
    await step(
      'serveDocument',
      serviceOf(order, dates.orderCorrection),
      handlers[0]!,
      dates.orderCorrection,
    );
    const orders = (await execute(
      `query($id: ID!) { case(id: $id) { correctionOrders { id } } }`,
      { id: caseId },
      handlers[0]!,
      dates.reviewCorrection,
    )) as { case: { correctionOrders: { id: string }[] } };
    await step(
      'recordCorrectionReview',
      {
        correctionOrderId: orders.case.correctionOrders[0]!.id,
        reviewedOn: dates.reviewCorrection,
        finding: 'NOT_COMPLIED',
        description: ['执法人员复查发现，当事人仍未停止上述行为，也未提交改正情况报告。'],
      },
      handlers[0]!,
      dates.reviewCorrection,
    );
    const issued = await step(
      'issuePrePenaltyNotice',
      {
        issuedOn: dates.notice,
        proposedPenalties: penalties(plan.proposedFineYuan),
        approval: { approvedById: id(head), approvedOn: dates.notice, written: true },
        illegalGainsYuan: '0',
        flags: { majorViolation: true },
        content: {
          facts: [`自${chineseDate(committedOn)}起，${plan.facts[0]}`, ...plan.facts.slice(1)],
          reasons: [plan.reasons],
          violatedProvisions: plan.violated,
          correction: plan.correction,
        },
      },
      handlers[0]!,
      dates.notice,
    );
    const notice = issued.documents.find((d) => d.kind === 'PRE_PENALTY_NOTICE')!.id;
    status = (
      await step(
        'serveDocument',
        party.electronicServiceConsent
          ? {
              // The party consented and confirmed its address (APL art. 61(2)).
              documentIds: [notice],
              method: 'ELECTRONIC',
              servedOn: dates.serveNotice,
              facts: {
                electronicAddress: party.electronicServiceAddress,
                reachedSystemOn: dates.serveNotice,
              },
              serverIds: [id(handlers[0]!)],
            }
          : {
              documentIds: [notice],
              method: 'DIRECT',
              servedOn: dates.serveNotice,
              place: party.address,
              facts: {
                recipientName: party.legalRepresentative,
                recipientRole: 'LEGAL_REPRESENTATIVE',
                signed: true,
                signedOn: dates.serveNotice,
              },
              serverIds: handlers.map(id),
            },
        handlers[0]!,
        dates.serveNotice,
      )
    ).toStatus;
  }

  if (reached('HEARING_SCHEDULED')) {
    await step(
      'requestHearing',
      { requestedOn: dates.requestHearing },
      handlers[0]!,
      dates.requestHearing,
    );
    const stated = await step(
      'recordStatement',
      {
        receivedOn: dates.requestHearing,
        // Stated orally at the office: the step writes the 陈述申辩笔录 from this record.
        channel: 'ORAL',
        summary: plan.statement,
        record: {
          startTime: '10:00',
          endTime: '10:40',
          place: `${office.name}询问室`,
          statedBy: party.legalRepresentative ?? party.name,
          statedByRole: '当事人的法定代表人',
          recorder: name(handlers[1]!),
          content: [plan.statement],
        },
      },
      handlers[0]!,
      dates.requestHearing,
    );
    statementId = stated.case.statements[0]!.id;
    const hearingOn = await workingDayBefore(dates.hearing);
    const scheduled = await step(
      'scheduleHearing',
      {
        hearingOn,
        noticeServedOn: dates.scheduleHearing,
        presidingOfficerId: id(presider),
        isPublic: true,
        arrangement: {
          startTime: '09:30',
          place: `${office.name}听证室`,
          recorderId: id(reviewer),
        },
      },
      head,
      dates.scheduleHearing,
    );
    status = (
      await step(
        'serveDocument',
        {
          documentIds: [scheduled.documents.find((d) => d.kind === 'HEARING_NOTICE')!.id],
          method: 'DIRECT',
          servedOn: dates.scheduleHearing,
          place: office.name,
          facts: {
            recipientName: party.legalRepresentative,
            recipientRole: 'LEGAL_REPRESENTATIVE',
            signed: true,
            signedOn: dates.scheduleHearing,
          },
          serverIds: handlers.map(id),
        },
        handlers[0]!,
        dates.scheduleHearing,
      )
    ).toStatus;
  }

  let decisionId = '';
  if (reached('DECIDED_PENALTY')) {
    await step(
      'recordHearing',
      {
        heldOn: dates.hearing,
        outcome: 'HELD',
        agentCount: 1,
        recordSignedByParty: true,
        refusalNotedByPresider: false,
      },
      presider,
      dates.hearing,
    );
    sections.HEARING_RECORD = () => ({
      hearing: {
        requestedOn: dates.requestHearing,
        date: dates.hearing,
        startTime: '09:30',
        place: `${office.name}听证室`,
        presidingOfficer: name(presider),
        hearingOfficers: [],
        recorder: name(reviewer),
        interpreter: null,
        isPublic: true,
        nonPublicReason: null,
        record: {
          endTime: '11:00',
          attendees: [
            { name: party.legalRepresentative ?? party.name, role: '当事人的法定代表人' },
            { name: '林律师', role: '委托代理人' },
          ],
          investigators: handlers.map(name),
          recusalAnswer: '当事人不申请听证主持人、记录员回避。',
          investigatorStatement: '调查人员陈述了违法事实、证据和拟作出的行政处罚及其依据。',
          partyDefence: [plan.statement],
          crossExamination: '双方对抓包记录进行了质证，当事人对证据的真实性无异议。',
          finalStatement: '当事人请求从轻处罚。',
        },
      },
    });
    await generate('HEARING_RECORD', sections.HEARING_RECORD(), dates.hearing);
    await step(
      'reviewStatement',
      {
        statementId,
        reviewedOn: dates.reviewStatement,
        adopted: false,
        opinion: '当事人的陈述申辩不影响违法事实的认定。',
      },
      handlers[0]!,
      dates.reviewStatement,
    );
    sections.STATEMENT_REVIEW_OPINION = () => ({
      statementReview: {
        receivedOn: dates.requestHearing,
        summary: plan.statement,
        review: '经复核，当事人的陈述申辩不影响违法事实的认定，申辩理由不能成立。',
        adopted: false,
        reviewedOn: dates.reviewStatement,
      },
    });
    await generate(
      'STATEMENT_REVIEW_OPINION',
      sections.STATEMENT_REVIEW_OPINION(),
      dates.reviewStatement,
    );
    await step(
      'submitLegalReview',
      { submittedOn: dates.reviewStatement },
      handlers[0]!,
      dates.reviewStatement,
    );
    sections.LEGAL_REVIEW_REQUEST = () => ({
      legalReviewRequest: {
        submittedOn: dates.reviewStatement,
        reviewBody: `${office.name}法制审核机构`,
        grounds: '拟作出较大数额罚款的行政处罚决定，属于重大执法决定。',
        proposal: `给予警告，并处罚款人民币${plan.decidedFineYuan / 10000}万元。`,
        materials: ['证据材料', '询问笔录', '陈述申辩复核意见'],
        departmentOpinion: null,
      },
    });
    await generate('LEGAL_REVIEW_REQUEST', sections.LEGAL_REVIEW_REQUEST(), dates.reviewStatement);
    await step(
      'completeLegalReview',
      {
        completedOn: dates.completeLegalReview,
        result: 'PASSED',
        opinion: '事实清楚，证据确凿，程序合法，适用依据正确，处罚适当。',
      },
      reviewer,
      dates.completeLegalReview,
    );
    sections.LEGAL_REVIEW_OPINION = () => ({
      legalReview: {
        reviewer: name(reviewer),
        reviewerQualification:
          organization.officers[reviewer]!.legalQualificationNumber ?? '法律职业资格',
        submittedOn: dates.reviewStatement,
        reviewedOn: dates.completeLegalReview,
        points: HEARD_CASE_REVIEW_POINTS,
        opinion: '同意作出处罚决定。',
        result: 'PASSED',
      },
    });
    await generate(
      'LEGAL_REVIEW_OPINION',
      sections.LEGAL_REVIEW_OPINION(),
      dates.completeLegalReview,
    );
    const conclusion = `给予警告，并处罚款人民币${plan.decidedFineYuan / 10000}万元。`;
    await step(
      'recordCollectiveDiscussion',
      {
        heldOn: dates.collectiveDiscussion,
        participantIds: [id(head), deputies.get(plan.prefix)!.id, id(reviewer)],
        conclusion,
      },
      head,
      dates.collectiveDiscussion,
    );
    sections.COLLECTIVE_DISCUSSION_MINUTES = () => ({
      collectiveDiscussion: {
        date: dates.collectiveDiscussion,
        startTime: '15:00',
        endTime: '16:00',
        place: `${office.name}会议室`,
        chair: name(head),
        attendees: [name(head), deputies.get(plan.prefix)!.name],
        nonVotingAttendees: [name(reviewer), name(handlers[0]!)],
        recorder: name(handlers[1]!),
        presentation: '承办人员汇报了案件事实、证据、听证情况和法制审核意见。',
        opinions: [
          { speaker: name(head), opinion: conclusion },
          { speaker: deputies.get(plan.prefix)!.name, opinion: '同意。' },
        ],
        conclusion,
      },
    });
    await generate(
      'COLLECTIVE_DISCUSSION_MINUTES',
      sections.COLLECTIVE_DISCUSSION_MINUTES(),
      dates.collectiveDiscussion,
    );
    const decided = await step(
      'decideCase',
      {
        outcome: 'PENALTY',
        penalties: penalties(plan.decidedFineYuan),
        reasons: plan.reasons,
        illegalGainsYuan: '0',
        discretion: { tier: 'ORDINARY', statement: '综合当事人的整改情况，在法定幅度内作出处罚。' },
        content: {
          facts: plan.facts,
          reasons: [plan.reasons],
          violatedProvisions: plan.violated,
          correction: plan.correction,
          statementSummary: plan.statement,
          statementReview: '当事人的陈述申辩不影响违法事实的认定。',
          statementAdoption: 'NOT_ADOPTED',
        },
      },
      head,
      dates.decide,
    );
    status = decided.toStatus;
    decisionId = decided.documents.find((d) => d.kind === 'PENALTY_DECISION')!.id;
  }

  if (reached('EXECUTED')) {
    await step(
      'serveDocument',
      {
        documentIds: [decisionId],
        method: 'DIRECT',
        servedOn: dates.serveDecision,
        place: party.address,
        facts: {
          recipientName: party.legalRepresentative,
          recipientRole: 'LEGAL_REPRESENTATIVE',
          signed: true,
          signedOn: dates.serveDecision,
        },
        serverIds: handlers.map(id),
      },
      handlers[0]!,
      dates.serveDecision,
    );
    status = (
      await step(
        'recordPayment',
        {
          paidOn: dates.pay,
          amountYuan: String(plan.decidedFineYuan),
          channel: 'DESIGNATED_BANK',
          receiptNumber: `DEMO-${plan.prefix}-${dates.pay.replaceAll('-', '')}`,
        },
        handlers[0]!,
        dates.pay,
      )
    ).toStatus;
  }

  if (reached('CLOSED')) {
    await generatePendingDocuments(execute, caseId, handlers[0]!, dates.close, sections);
    versionStale = true;
    status = (
      await step(
        'closeCase',
        {
          ground: 'EXECUTED',
          closedOn: dates.close,
          approval: { approvedById: id(head), approvedOn: dates.close, written: true },
        },
        head,
        dates.close,
      )
    ).toStatus;
  }

  return {
    key: plan.key,
    caseId,
    caseNumber: registered.registerCaseSource.case.number,
    status,
  };
}

/**
 * Closing requires every document the steps made due (closeCase refuses while one is pending):
 * each required pending kind is generated first, with the sections this walk wrote for it, if any.
 */
export async function generatePendingDocuments(
  execute: Execute,
  caseId: string,
  certificate: string,
  today: LocalDate,
  sections: Record<string, () => Record<string, unknown>> = {},
): Promise<string[]> {
  const pending = (await execute(
    `query($id: ID!) { case(id: $id) { pendingDocuments { kind required } } }`,
    { id: caseId },
    certificate,
    today,
  )) as { case: { pendingDocuments: { kind: string; required: boolean }[] } };
  const kinds = [
    ...new Set(pending.case.pendingDocuments.filter((d) => d.required).map((d) => d.kind)),
  ];
  for (const kind of kinds) {
    await execute(
      `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) { generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id } }`,
      { caseId, kind, sections: sections[kind]?.() ?? null },
      certificate,
      today,
    );
  }
  return kinds;
}
