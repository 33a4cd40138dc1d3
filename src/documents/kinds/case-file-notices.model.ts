/**
 * External documents that complete the 案卷, each sealed and numbered:
 * 延期（分期）缴纳罚款决定书 (SAMR 47; 《中华人民共和国行政处罚法》第六十六条第二款),
 * 行政处罚文书送达公告 (SAMR 51; 《中华人民共和国民事诉讼法》第九十五条),
 * 检测（检验、检疫、鉴定）期间告知书 (SAMR 31; 《中华人民共和国行政强制法》第二十五条第三款),
 * 协助调查函 (SAMR 17), 文书补正（更正）通知书 (a served document corrected without overwriting it).
 */
import { localDate } from '../../procedure/local-date.js';
import { surchargeRatesOn } from '../../procedure/execution.js';
import type { CaseDocumentSource, DocumentReferenceSource, Yuan } from './case-document-source.js';
import type { DocumentCorrectionSource } from './case-file-sources.js';
import { baseModel, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource, sampleRules } from './sample-case.js';

const d = localDate;

function signed(paths: readonly string[], phrases: readonly string[]) {
  return mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
    paths: ['document.number', 'party.name', ...paths],
    phrases: [...phrases],
  });
}

// ── 延期（分期）缴纳罚款决定书 ─────────────────────────────────────────────────────

export interface PaymentArrangementModel extends BaseModel {
  readonly arrangement: {
    readonly decisionNumber: string;
    readonly decisionDate: string;
    readonly appliedOn: string;
    readonly kindName: string;
    readonly approved: boolean;
    readonly fineYuan: Yuan;
    readonly isDeferral: boolean;
    readonly schedule: readonly { readonly dueOn: string; readonly amountYuan: Yuan }[];
    readonly rejectionReason: string | null;
    /** 每日按罚款数额的百分之几 if the party still fails to pay (APL art. 72(1)(1)), from the rulebook. */
    readonly surchargePercentPerDay: number;
  };
}

function buildPaymentArrangementModel(source: CaseDocumentSource): PaymentArrangementModel {
  const kind = 'PAYMENT_ARRANGEMENT_DECISION';
  const a = requireSection(kind, source.paymentArrangement, 'paymentArrangement');
  return {
    ...baseModel(kind, source),
    arrangement: {
      decisionNumber: a.decisionNumber,
      decisionDate: a.decisionDate,
      appliedOn: a.appliedOn,
      kindName: a.kind === 'DEFERRAL' ? '延期' : '分期',
      approved: a.approved,
      fineYuan: a.fineYuan,
      isDeferral: a.kind === 'DEFERRAL',
      schedule: a.schedule.map((s) => ({ ...s })),
      rejectionReason: a.rejectionReason,
      surchargePercentPerDay: surchargeRatesOn(a.decisionDate).percentPerDay,
    },
  };
}

const PAYMENT_ARRANGEMENT_ELEMENTS = signed(
  ['arrangement.decisionNumber', 'arrangement.appliedOn', 'arrangement.kindName'],
  ['《中华人民共和国行政处罚法》第六十六条第二款', '经本机关负责人批准'],
);

export const paymentArrangementKind = defineKind<PaymentArrangementModel>({
  kind: 'PAYMENT_ARRANGEMENT_DECISION',
  title: '延期（分期）缴纳罚款决定书',
  templateFile: 'payment-arrangement-decision.hbs',
  version: '2026-12',
  sealed: true,
  buildModel: buildPaymentArrangementModel,
  mandatoryElements: PAYMENT_ARRANGEMENT_ELEMENTS,
  mandatoryElementsFor: (model) =>
    model.arrangement.approved
      ? mergeElements(PAYMENT_ARRANGEMENT_ELEMENTS, { paths: ['arrangement.schedule'] })
      : mergeElements(PAYMENT_ARRANGEMENT_ELEMENTS, { paths: ['arrangement.rejectionReason'] }),
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信缓罚〔2026〕1号', '2026-12-07'),
    paymentArrangement: {
      decisionNumber: '京网信罚〔2026〕1号',
      decisionDate: d('2026-11-05'),
      kind: 'INSTALMENTS',
      appliedOn: d('2026-11-20'),
      approved: true,
      fineYuan: '50000',
      schedule: [
        { dueOn: d('2026-12-31'), amountYuan: '25000' },
        { dueOn: d('2027-02-26'), amountYuan: '25000' },
      ],
      rejectionReason: null,
    },
  },
});

// ── 行政处罚文书送达公告 ──────────────────────────────────────────────────────────

export interface ServicePublicNoticeModel extends BaseModel {
  readonly publicNotice: {
    readonly documents: readonly DocumentReferenceSource[];
    readonly reason: string;
    readonly medium: string;
    readonly publishedOn: string;
    readonly periodDays: number;
    readonly collectionPlace: string;
  };
}

function buildServicePublicNoticeModel(source: CaseDocumentSource): ServicePublicNoticeModel {
  const kind = 'SERVICE_PUBLIC_NOTICE';
  const n = requireSection(kind, source.servicePublicNotice, 'servicePublicNotice');
  return {
    ...baseModel(kind, source),
    publicNotice: { ...n, documents: n.documents.map((doc) => ({ ...doc })) },
  };
}

const SERVICE_PUBLIC_NOTICE_ELEMENTS = signed(
  [
    'publicNotice.documents',
    'publicNotice.reason',
    'publicNotice.medium',
    'publicNotice.periodDays',
    'publicNotice.collectionPlace',
  ],
  ['送达公告', '视为送达'],
);

export const servicePublicNoticeKind = defineKind<ServicePublicNoticeModel>({
  kind: 'SERVICE_PUBLIC_NOTICE',
  title: '行政处罚文书送达公告',
  templateFile: 'service-public-notice.hbs',
  version: '2026-12',
  sealed: true,
  buildModel: buildServicePublicNoticeModel,
  mandatoryElements: SERVICE_PUBLIC_NOTICE_ELEMENTS,
  mandatoryElementsFor: () => SERVICE_PUBLIC_NOTICE_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信送公〔2026〕1号', '2026-11-10'),
    servicePublicNotice: {
      documents: [{ title: '行政处罚决定书', number: '京网信罚〔2026〕1号' }],
      reason: '受送达人下落不明，以其他方式无法送达',
      medium: '北京市互联网信息办公室门户网站',
      publishedOn: d('2026-11-10'),
      periodDays: sampleRules.publicNoticeServicePeriod.length,
      collectionPlace: '北京市西城区某某大街1号北京市互联网信息办公室执法处',
    },
  },
});

// ── 检测（检验、检疫、鉴定）期间告知书 ──────────────────────────────────────────────

export interface TestingPeriodModel extends BaseModel {
  readonly testing: {
    readonly seizureNumber: string;
    readonly testingKind: string;
    readonly items: string;
    readonly institution: string;
    readonly startsOn: string;
    readonly endsOn: string;
  };
}

function buildTestingPeriodModel(source: CaseDocumentSource): TestingPeriodModel {
  const kind = 'TESTING_PERIOD_NOTICE';
  const t = requireSection(kind, source.testingPeriod, 'testingPeriod');
  return { ...baseModel(kind, source), testing: { ...t } };
}

const TESTING_PERIOD_ELEMENTS = signed(
  [
    'testing.seizureNumber',
    'testing.testingKind',
    'testing.items',
    'testing.institution',
    'testing.startsOn',
    'testing.endsOn',
  ],
  ['《中华人民共和国行政强制法》第二十五条第三款', '不计入查封、扣押期间'],
);

export const testingPeriodKind = defineKind<TestingPeriodModel>({
  kind: 'TESTING_PERIOD_NOTICE',
  title: '检测（检验、检疫、鉴定）期间告知书',
  templateFile: 'testing-period-notice.hbs',
  version: '2026-12',
  sealed: true,
  buildModel: buildTestingPeriodModel,
  mandatoryElements: TESTING_PERIOD_ELEMENTS,
  mandatoryElementsFor: () => TESTING_PERIOD_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信检告〔2026〕1号', '2026-09-03'),
    testingPeriod: {
      seizureNumber: '京网信查扣〔2026〕1号',
      testingKind: '鉴定',
      items: '服务器硬盘2块（详见扣押清单）',
      institution: '北京某某司法鉴定中心',
      startsOn: d('2026-09-03'),
      endsOn: d('2026-10-09'),
    },
  },
});

// ── 协助调查函 ──────────────────────────────────────────────────────────────────

export interface AssistanceRequestModel extends BaseModel {
  readonly assistance: {
    readonly addressee: string;
    readonly matters: readonly string[];
    readonly replyBy: string;
  };
}

function buildAssistanceRequestModel(source: CaseDocumentSource): AssistanceRequestModel {
  const kind = 'ASSISTANCE_REQUEST_LETTER';
  const a = requireSection(kind, source.assistanceRequest, 'assistanceRequest');
  return { ...baseModel(kind, source), assistance: { ...a, matters: [...a.matters] } };
}

const ASSISTANCE_ELEMENTS = signed(
  ['assistance.addressee', 'assistance.matters', 'assistance.replyBy', 'case.number'],
  ['协助调查函'],
);

export const assistanceRequestKind = defineKind<AssistanceRequestModel>({
  kind: 'ASSISTANCE_REQUEST_LETTER',
  title: '协助调查函',
  templateFile: 'assistance-request-letter.hbs',
  version: '2026-12',
  sealed: true,
  buildModel: buildAssistanceRequestModel,
  mandatoryElements: ASSISTANCE_ELEMENTS,
  mandatoryElementsFor: () => ASSISTANCE_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信协查〔2026〕1号', '2026-08-21'),
    assistanceRequest: {
      addressee: '某某应用商店运营者',
      matters: [
        '提供“某某”应用程序在贵平台的上架记录、版本更新记录及开发者登记信息；',
        '提供2026年6月1日至2026年8月20日该应用程序的下载量统计。',
      ],
      replyBy: d('2026-08-31'),
    },
  },
});

// ── 文书补正（更正）通知书 ───────────────────────────────────────────────────────

export interface CorrectionNoticeModel extends BaseModel {
  /** The correction as recorded, with 补正 or 更正 spelled out. */
  readonly correction: Omit<DocumentCorrectionSource, 'kind'> & { readonly kindName: string };
}

function buildCorrectionNoticeModel(source: CaseDocumentSource): CorrectionNoticeModel {
  const kind = 'CORRECTION_NOTICE';
  const c = requireSection(kind, source.correction, 'correction');
  return {
    ...baseModel(kind, source),
    correction: {
      kindName: c.kind === 'SUPPLEMENT' ? '补正' : '更正',
      corrected: { ...c.corrected },
      newVersion: c.newVersion,
      reason: c.reason,
      approver: c.approver,
      changes: c.changes.map((change) => ({ ...change })),
    },
  };
}

const CORRECTION_ELEMENTS = signed(
  [
    'correction.corrected.title',
    'correction.reason',
    'correction.approver',
    'correction.changes',
    'correction.kindName',
  ],
  ['经本机关负责人批准', '原文书'],
);

export const correctionNoticeKind = defineKind<CorrectionNoticeModel>({
  kind: 'CORRECTION_NOTICE',
  title: '文书补正（更正）通知书',
  titleOf: (model) => `文书${model.correction.kindName}通知书`,
  templateFile: 'correction-notice.hbs',
  version: '2026-12',
  sealed: true,
  buildModel: buildCorrectionNoticeModel,
  mandatoryElements: CORRECTION_ELEMENTS,
  mandatoryElementsFor: () => CORRECTION_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信更正〔2026〕1号', '2026-11-09'),
    correction: {
      corrected: {
        title: '行政处罚决定书',
        number: '京网信罚〔2026〕1号',
        version: 1,
        issuedOn: d('2026-11-05'),
      },
      newVersion: 2,
      kind: 'CORRECTION',
      reason: '当事人住所中门牌号书写错误',
      approver: '周某',
      changes: [{ item: '当事人住所', before: '某某路8号', after: '某某路18号' }],
    },
  },
});
