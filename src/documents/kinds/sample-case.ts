/**
 * A realistic, complete case source (every optional section filled) used as the base of each
 * kind's sample input: the template check proves every branch against it, and tests render it.
 * Names, numbers and codes are fictitious (the credit code and ID numbers carry valid check
 * characters). Document numbers follow the configurable proposal of docs/document-sources.md §5.2 (U).
 */
import { compulsionLaw, pipl } from '../../procedure/citations.js';
import { apl } from '../../procedure/legal-basis.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { rulebookFor } from '../../procedure/rulebook.js';
import { NO_SECTIONS, type CaseDocumentSource, type OfficeSource } from './case-document-source.js';

const d = (value: string) => value as LocalDate;

/** Periods and rates of the sample case: the rulebook in force on its dates, never a copy. */
export const sampleRules = rulebookFor(d('2026-09-01')).parameters;

export const sampleOffice: OfficeSource = {
  name: '北京市互联网信息办公室',
  shortName: '京网信',
  reconsiderationOrgan: '北京市人民政府',
  litigationCourt: '北京市西城区人民法院',
  paymentChannel: {
    bankName: '中国工商银行北京市分行各营业网点',
    accountName: null,
    accountNumber: null,
    electronicChannel: '北京市非税收入电子缴款系统',
  },
  address: '北京市西城区某某大街1号',
  postalCode: '100032',
  contact: { person: '王某', phone: '010-12345678' },
};

const remedies = {
  reconsiderationOrgan: '北京市人民政府',
  reconsiderationDays: sampleRules.reconsiderationPeriod.length,
  litigationCourt: '北京市西城区人民法院',
  litigationMonths: sampleRules.litigationPeriod.length,
  // 《中华人民共和国行政复议法》第二十二条第二款: the office's internet channel, where it has one.
  onlineChannel: '北京市行政复议网上申请平台',
};

const penalties = [
  {
    kind: 'WARNING' as const,
    amountYuan: null,
    content: null,
    basis: [pipl(66, 1)],
    provisionText: null,
  },
  {
    kind: 'CONFISCATION_OF_ILLEGAL_GAINS' as const,
    amountYuan: '12345.60',
    content: null,
    basis: [pipl(66, 1)],
    provisionText: null,
  },
  {
    kind: 'FINE' as const,
    amountYuan: '500000',
    content: null,
    basis: [pipl(66, 1)],
    provisionText:
      '违反本法规定处理个人信息，或者处理个人信息未履行本法规定的个人信息保护义务的，由履行个人信息保护职责的部门责令改正，给予警告，没收违法所得，对违法处理个人信息的应用程序，责令暂停或者终止提供服务；拒不改正的，并处一百万元以下罚款',
  },
];

/** 从轻处罚 on a circumstance of the CAC discretion benchmark (2025). */
const discretion = {
  tier: 'LIGHTER' as const,
  tierName: '从轻处罚',
  tierPhrase: '从轻处罚',
  grounds: [{ term: '裁量基准规定的从轻处罚情节', basis: [apl(34)] }],
  groundsText: '裁量基准规定的从轻处罚情节（《中华人民共和国行政处罚法》第三十四条）',
  referencesText: null,
  statement: '你单位在调查期间能够配合调查、如实陈述违法事实。',
  benchmark: '《网信部门行政处罚裁量权基准适用规定》',
};

const facts = [
  '你单位运营的“某某”应用程序（Android版本号5.2.1，iOS版本号5.2.0）在用户首次启动时，未以显著方式、清晰易懂的语言告知个人信息处理者的名称、处理目的、处理方式和保存期限等事项，即收集用户设备识别码、位置信息和通讯录信息。',
  '2026年8月14日，本机关执法人员对该应用程序进行检查并提取电子数据，确认上述情况属实。同日，本机关责令你单位于2026年8月24日前改正。截至2026年9月10日，你单位仍未改正，该应用程序累计注册用户约320万人。',
];

const reasons = [
  '本机关认为，个人信息处理者在处理个人信息前，应当以显著方式、清晰易懂的语言真实、准确、完整地向个人告知相关事项。你单位未履行告知义务即收集个人信息，经责令改正后拒不改正，事实清楚，证据确凿。',
];

export const sampleCaseSource: CaseDocumentSource = {
  // The sections this sample does not fill (corrections, transfer, service, enforcement, closure).
  ...NO_SECTIONS,
  office: sampleOffice,
  case: {
    number: '京网信案〔2026〕15号',
    cause: '涉嫌未履行个人信息保护义务',
    violationSummary: '“某某”应用程序未告知个人信息处理规则即收集用户个人信息',
    facts,
    registeredOn: d('2026-08-10'),
    docketedOn: d('2026-08-12'),
  },
  parties: [
    {
      kind: 'LEGAL_PERSON',
      name: '北京某某科技有限公司',
      idType: 'UNIFIED_SOCIAL_CREDIT_CODE',
      idNumber: '91110108MA01ABCD2H',
      address: '北京市海淀区某某路8号院3号楼501室',
      legalRepresentative: '张某',
      contact: { phone: '13800000000' },
    },
  ],
  handlers: [
    { name: '李某', certificateNumber: '11010026001' },
    { name: '赵某', certificateNumber: '11010026002' },
  ],
  evidence: [
    {
      kind: 'ELECTRONIC_DATA',
      title: '电子数据提取笔录及截图',
      description: '证明该应用程序首次启动时即收集设备识别码、位置信息和通讯录信息',
      source: '本机关执法人员现场提取',
      collectedOn: d('2026-08-14'),
    },
    {
      kind: 'PARTY_STATEMENT',
      title: '询问笔录（法定代表人张某）',
      description: '证明该应用程序的运营主体、用户规模及未改正的情况',
      source: '本机关执法人员询问制作',
      collectedOn: d('2026-08-20'),
    },
    {
      kind: 'DOCUMENTARY',
      title: '《营业执照》复印件',
      description: '证明当事人的主体资格',
      source: '当事人提供',
      collectedOn: d('2026-08-14'),
    },
  ],
  document: { number: null, issuedOn: d('2026-11-05'), copies: 2 },
  origin: {
    kind: 'INSPECTION',
    otherKindName: null,
    receivedOn: d('2026-08-10'),
    summary:
      '本机关在个人信息保护专项检查中发现，北京某某科技有限公司运营的“某某”应用程序涉嫌未告知个人信息处理规则即收集用户个人信息。',
    reporter: { name: '刘某（举报人，信息保密）', contact: '13900000000' },
    registrar: '李某',
    handlingProposal: {
      opinion: '建议立案调查。',
      signer: '李某',
      date: d('2026-08-10'),
    },
    headApproval: { opinion: '同意立案调查。', signer: '周某', date: d('2026-08-11') },
  },
  docketing: {
    decision: 'DOCKET',
    reasons:
      '当事人涉嫌违反《中华人民共和国个人信息保护法》第十七条第一款的规定，依法应当给予行政处罚，属于本机关管辖，且未超过行政处罚追责时效，符合立案条件。',
    handlerOpinion: {
      opinion: '建议立案，由李某、赵某承办。',
      signer: '李某、赵某',
      date: d('2026-08-11'),
    },
    departmentOpinion: { opinion: '同意立案。', signer: '孙某', date: d('2026-08-11') },
    headOpinion: { opinion: '同意。', signer: '周某', date: d('2026-08-12') },
  },
  recusal: {
    applicant: '北京某某科技有限公司',
    applicantRole: '当事人',
    appliedOn: d('2026-08-18'),
    respondent: '赵某',
    respondentRole: '案件承办人员',
    grounds: '赵某的近亲属在当事人处任职，可能影响公正执法。',
    granted: true,
    reasons: '经审查，赵某的配偶现任当事人产品经理，属于与本案有其他关系可能影响公正执法的情形。',
    decidedBy: '周某',
    replacement: '钱某',
  },
  inquiry: {
    date: d('2026-08-20'),
    startTime: '09:30',
    endTime: '11:05',
    place: '北京市互联网信息办公室第三询问室',
    recorder: '赵某',
    interviewee: {
      name: '张某',
      gender: '男',
      birthDate: d('1985-03-12'),
      idNumber: '110108198503124012',
      employer: '北京某某科技有限公司',
      position: '法定代表人、总经理',
      phone: '13800000000',
      address: '北京市海淀区某某小区2号楼1单元302室',
      relation: '当事人的法定代表人',
    },
    credentialsAnswer: '看清楚了。',
    recusalAnswer: '不申请回避。',
    questions: [
      {
        question: '“某某”应用程序由谁运营？',
        answer: '由我公司运营，我公司是该应用程序在各应用商店登记的开发者。',
      },
      {
        question: '该应用程序首次启动时是否向用户告知个人信息处理规则？',
        answer: '首次启动时没有弹窗告知，隐私政策放在“设置—关于我们”页面中。',
      },
      {
        question: '本机关2026年8月14日责令改正后，你公司是否已改正？',
        answer: '还没有改完，技术部门正在排期。',
      },
    ],
  },
  inspection: {
    kind: 'ELECTRONIC_DATA',
    date: d('2026-08-14'),
    startTime: '14:00',
    endTime: '16:20',
    place: '北京市海淀区某某路8号院3号楼501室（当事人办公场所）',
    recorder: '赵某',
    attendance: '当事人法定代表人张某到场。',
    witness: '王某某（当事人员工）',
    findings: [
      '执法人员使用本机关取证专用手机（已恢复出厂设置）从应用商店下载“某某”应用程序5.2.1版本并首次启动。',
      '启动后未出现个人信息处理规则告知界面，抓包记录显示应用程序随即向服务器上传设备识别码、位置信息和通讯录信息。',
    ],
    electronicData: [
      {
        description: '首次启动过程录屏',
        location: '取证专用手机本地存储',
        method: '屏幕录制后拷贝至只读光盘',
        fileName: 'mmapp-first-launch.mp4',
        hashAlgorithm: 'SHA-256',
        hashValue: '9f2c4e0b7a1d3c5e8f6a2b4d6e8f0a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f',
      },
      {
        description: '网络抓包记录',
        location: '取证专用手机',
        method: '抓包工具导出',
        fileName: 'mmapp-capture.pcap',
        hashAlgorithm: 'SHA-256',
        hashValue: '1b3d5f7a9c1e3b5d7f9a1c3e5b7d9f1a3c5e7b9d1f3a5c7e9b1d3f5a7c9e1b3d',
      },
    ],
    partyStatement: '对检查过程和提取的电子数据无异议。',
  },
  preservation: {
    approvedBy: '周某',
    approvedOn: d('2026-08-14'),
    startedOn: d('2026-08-14'),
    reason: '下列物品存储本案电子数据，可能灭失或者以后难以取得。',
    keepingMethod: '就地保存',
    keepingPlace: '当事人办公场所机房（北京市海淀区某某路8号院3号楼501室）',
    handlingDays: sampleRules.preservationHandlingPeriod.length,
    items: [
      { name: '应用服务器', specification: '某品牌R740', quantity: '1台', note: '序列号CN12345' },
      { name: '移动硬盘', specification: '2TB', quantity: '2块', note: null },
    ],
    noticeNumber: '京网信先保〔2026〕4号',
    handling: {
      decidedOn: d('2026-08-15'),
      handling: 'SEAL_OR_SEIZE',
      approvedBy: '周某',
      details:
        '上述应用服务器和移动硬盘存储的电子数据尚需进一步提取、固定，本机关已于同日依法对上述物品实施扣押（《扣押决定书》京网信查扣〔2026〕2号）。',
    },
  },
  seizure: {
    measure: 'SEIZE',
    reasons:
      '你单位的下列设备有证据证明用于违法处理个人信息，为防止证据损毁、制止违法行为继续进行，需要予以扣押。',
    basis: [pipl(63, 1, 4), compulsionLaw(9, undefined, 3)],
    place: '北京市海淀区某某路8号院3号楼501室',
    startedOn: d('2026-08-15'),
    periodDays: sampleRules.compulsoryMeasureMaximum.length,
    endsOn: d('2026-09-13'),
    custody: '北京市互联网信息办公室涉案财物保管室',
    listNumber: '京网信扣清〔2026〕2号',
    items: [
      { name: '应用服务器', specification: '某品牌R740', quantity: '1台', note: '序列号CN12345' },
      { name: '移动硬盘', specification: '2TB', quantity: '2块', note: '已封存' },
    ],
    remedies,
    decisionNumber: '京网信查扣〔2026〕2号',
    extension: {
      reason:
        '扣押的应用服务器存储数据量大，涉案电子数据的提取、固定和比对工作尚未完成，情况复杂，需要延长扣押期限。',
      approvedBy: '周某',
      approvedOn: d('2026-09-10'),
      extensionDays: sampleRules.compulsoryMeasureExtensionMaximum.length,
      newEndsOn: d('2026-10-13'),
    },
    release: {
      ground: 'OTHER',
      explanation:
        '本机关已完成对扣押设备中涉案电子数据的提取和固定，并计算了完整性校验值，不再需要继续扣押上述设备。',
      releasedOn: d('2026-09-30'),
      items: [
        { name: '应用服务器', specification: '某品牌R740', quantity: '1台', note: '序列号CN12345' },
        { name: '移动硬盘', specification: '2TB', quantity: '2块', note: '封条完好' },
      ],
      returnArrangement:
        '请你单位自收到本决定书之日起持本决定书和《扣押清单》到北京市互联网信息办公室涉案财物保管室（北京市西城区某某大街1号）当场清点领回上述财物。',
    },
  },
  notice: {
    documentNumber: '京网信罚告〔2026〕12号',
    issuedOn: d('2026-09-20'),
    servedOn: d('2026-09-22'),
    facts,
    reasons,
    violatedProvisions: [pipl(17, 1)],
    discretion,
    penalties,
    correction: '立即改正上述违法行为，在应用程序首次启动时以显著方式告知个人信息处理规则。',
    statementDeadlineDays: sampleRules.statementPeriod.length,
    hearingEligible: true,
    hearingRequestDays: sampleRules.hearingRequestPeriod.length,
  },
  hearing: {
    requestedOn: d('2026-09-25'),
    date: d('2026-10-16'),
    startTime: '09:30',
    place: '北京市互联网信息办公室听证室（北京市西城区某某大街1号）',
    presidingOfficer: '吴某',
    hearingOfficers: ['郑某'],
    recorder: '冯某',
    interpreter: null,
    isPublic: true,
    nonPublicReason: null,
    record: {
      endTime: '11:40',
      attendees: [
        { name: '张某', role: '当事人的法定代表人' },
        { name: '陈某', role: '委托代理人（北京某某律师事务所律师）' },
      ],
      investigators: ['李某', '钱某'],
      recusalAnswer: '不申请回避。',
      investigatorStatement:
        '调查人员陈述了当事人违法的事实、证据和拟作出的行政处罚建议，并出示了电子数据提取笔录、询问笔录等证据。',
      partyDefence: [
        '当事人认为，隐私政策已在应用程序“设置”页面公示，不属于未告知。',
        '当事人认为，其已于2026年9月开始整改，请求从轻处罚。',
      ],
      crossExamination: '当事人对电子数据提取笔录的真实性无异议，对其证明目的有异议。',
      finalStatement: '请求减轻处罚。',
    },
  },
  legalReview: {
    reviewer: '何某',
    reviewerQualification: 'A20201101000123',
    submittedOn: d('2026-10-20'),
    reviewedOn: d('2026-10-26'),
    points: [
      { item: '行政执法主体是否合法', conclusion: '合法' },
      { item: '案件事实是否清楚、证据是否确凿', conclusion: '事实清楚，证据确凿' },
      { item: '适用法律依据是否准确', conclusion: '准确' },
      { item: '程序是否合法', conclusion: '合法' },
      { item: '裁量是否适当', conclusion: '适当' },
    ],
    opinion: '同意承办机构的处理意见，建议提交集体讨论。',
    result: 'PASSED',
  },
  collectiveDiscussion: {
    date: d('2026-10-30'),
    startTime: '15:00',
    endTime: '16:10',
    place: '北京市互联网信息办公室第一会议室',
    chair: '周某',
    attendees: ['周某', '孙某', '冯某某'],
    nonVotingAttendees: ['李某（承办人）', '何某（法制审核人员）'],
    recorder: '钱某',
    presentation:
      '承办人汇报了案件来源、调查经过、违法事实、证据、当事人陈述申辩和听证意见、法制审核意见及拟处理意见。',
    opinions: [
      { speaker: '孙某', opinion: '同意承办机构意见。' },
      { speaker: '冯某某', opinion: '同意，当事人整改不及时，罚款数额适当。' },
      { speaker: '周某', opinion: '同意。' },
    ],
    conclusion:
      '对当事人给予警告，没收违法所得人民币12,345.60元，并处罚款人民币500,000元，责令改正。',
  },
  decision: {
    kind: 'PENALTY',
    facts,
    reasons,
    violatedProvisions: [pipl(17, 1)],
    discretion,
    penalties,
    correction: '立即改正上述违法行为，在应用程序首次启动时以显著方式告知个人信息处理规则。',
    statement: {
      receivedOn: d('2026-09-25'),
      channel: '书面',
      summary: '隐私政策已在应用程序“设置”页面公示，不属于未告知；已开始整改，请求从轻处罚。',
      review:
        '经复核，将隐私政策置于二级页面、首次启动时不作告知，不符合以显著方式告知的要求，该项意见不予采纳；你单位配合调查的情节已在裁量时考虑。',
      adoption: 'PARTLY_ADOPTED',
    },
    payment: {
      deadlineDays: sampleRules.paymentPeriod.length,
      surchargePercentPerDay: sampleRules.lateSurchargePercentPerDay.value,
      channel: sampleOffice.paymentChannel,
    },
    remedies,
    noPenaltyGround: null,
    education: null,
  },
};
