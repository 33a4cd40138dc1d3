/**
 * Internal forms a step declares due (no seal, unnumbered, identified by the 案号), each one page:
 * 延长办案期限审批表, 中止案件调查审批表, 恢复案件调查审批表 (the head's written approval of
 * what the step records; 《中华人民共和国行政处罚法》第六十条 sets the case time limit),
 * 法制审核送审表 (《中华人民共和国行政处罚法》第五十八条: no decision before the legal review),
 * 当场行政处罚决定备案表 (《中华人民共和国行政处罚法》第五十二条第三款: an on-the-spot decision is
 * reported to the office).
 */
import { localDate } from '../../procedure/local-date.js';
import type { CaseDocumentSource } from './case-document-source.js';
import { baseModel, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';
import type { ApprovalOpinionsSource } from './step-document-sources.js';
import { formElements, opinionView, type OpinionView } from './internal-forms.model.js';

const d = localDate;

/** These forms also print the handlers. */
const elements = (paths: readonly string[], phrases: readonly string[]) =>
  formElements(paths, phrases, ['handlersLine']);

export interface OpinionsView {
  readonly handlerOpinion: OpinionView;
  readonly departmentOpinion: OpinionView | null;
  readonly headOpinion: OpinionView | null;
}

function opinionsView(source: ApprovalOpinionsSource): OpinionsView {
  return {
    handlerOpinion: { ...source.handlerOpinion },
    departmentOpinion: opinionView(source.departmentOpinion),
    headOpinion: opinionView(source.headOpinion),
  };
}

const OPINION_PATHS = ['opinions.handlerOpinion.opinion', 'opinions.handlerOpinion.signer'];

const sampleOpinions = (date: string): ApprovalOpinionsSource => ({
  handlerOpinion: { opinion: '建议批准。', signer: '李某', date: d(date) },
  departmentOpinion: { opinion: '同意。', signer: '孙某', date: d(date) },
  headOpinion: { opinion: '同意。', signer: '周某', date: d(date) },
});

// ── 延长办案期限审批表 ─────────────────────────────────────────────────────────

export interface TimeLimitExtensionModel extends BaseModel {
  readonly extension: {
    readonly limitName: string;
    readonly originalDeadline: string;
    readonly extendedTo: string;
    readonly reason: string;
  };
  readonly opinions: OpinionsView;
}

function buildTimeLimitExtensionModel(source: CaseDocumentSource): TimeLimitExtensionModel {
  const kind = 'TIME_LIMIT_EXTENSION_APPROVAL';
  const e = requireSection(kind, source.timeLimitExtension, 'timeLimitExtension');
  return {
    ...baseModel(kind, source),
    extension: {
      limitName: e.limitName,
      originalDeadline: e.originalDeadline,
      extendedTo: e.extendedTo,
      reason: e.reason,
    },
    opinions: opinionsView(e),
  };
}

const TIME_LIMIT_EXTENSION_ELEMENTS = elements(
  [
    'extension.limitName',
    'extension.originalDeadline',
    'extension.extendedTo',
    'extension.reason',
    ...OPINION_PATHS,
  ],
  ['延长期限审批表', '负责人审批意见'],
);

export const timeLimitExtensionKind = defineKind<TimeLimitExtensionModel>({
  kind: 'TIME_LIMIT_EXTENSION_APPROVAL',
  title: '延长期限审批表',
  templateFile: 'time-limit-extension-approval.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildTimeLimitExtensionModel,
  mandatoryElements: TIME_LIMIT_EXTENSION_ELEMENTS,
  mandatoryElementsFor: () => TIME_LIMIT_EXTENSION_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-11-10'),
    timeLimitExtension: {
      limitName: '办案期限',
      originalDeadline: d('2026-11-20'),
      extendedTo: d('2027-02-20'),
      reason: '案情复杂，涉案电子数据需委托鉴定，不能在期限内作出处理决定。',
      ...sampleOpinions('2026-11-10'),
    },
  },
});

// ── 中止案件调查审批表 ─────────────────────────────────────────────────────────

export interface SuspensionApprovalModel extends BaseModel {
  readonly suspension: { readonly ground: string; readonly suspendedFrom: string };
  readonly opinions: OpinionsView;
}

function buildSuspensionApprovalModel(source: CaseDocumentSource): SuspensionApprovalModel {
  const kind = 'SUSPENSION_APPROVAL';
  const s = requireSection(kind, source.suspensionApproval, 'suspensionApproval');
  return {
    ...baseModel(kind, source),
    suspension: { ground: s.ground, suspendedFrom: s.suspendedFrom },
    opinions: opinionsView(s),
  };
}

const SUSPENSION_ELEMENTS = elements(
  ['suspension.ground', 'suspension.suspendedFrom', ...OPINION_PATHS],
  ['中止调查审批表', '负责人审批意见'],
);

export const suspensionApprovalKind = defineKind<SuspensionApprovalModel>({
  kind: 'SUSPENSION_APPROVAL',
  title: '中止调查审批表',
  templateFile: 'suspension-approval.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildSuspensionApprovalModel,
  mandatoryElements: SUSPENSION_ELEMENTS,
  mandatoryElementsFor: () => SUSPENSION_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-09-10'),
    suspensionApproval: {
      ground: '涉案电子数据须经司法鉴定方能认定，鉴定期间案件调查无法继续。',
      suspendedFrom: d('2026-09-10'),
      ...sampleOpinions('2026-09-10'),
    },
  },
});

// ── 恢复案件调查审批表 ─────────────────────────────────────────────────────────

export interface ResumptionApprovalModel extends BaseModel {
  readonly resumption: {
    readonly suspendedOn: string;
    readonly groundEliminated: string;
    readonly resumedOn: string;
  };
  readonly opinions: OpinionsView;
}

function buildResumptionApprovalModel(source: CaseDocumentSource): ResumptionApprovalModel {
  const kind = 'RESUMPTION_APPROVAL';
  const r = requireSection(kind, source.resumptionApproval, 'resumptionApproval');
  return {
    ...baseModel(kind, source),
    resumption: {
      suspendedOn: r.suspendedOn,
      groundEliminated: r.groundEliminated,
      resumedOn: r.resumedOn,
    },
    opinions: opinionsView(r),
  };
}

const RESUMPTION_ELEMENTS = elements(
  [
    'resumption.suspendedOn',
    'resumption.groundEliminated',
    'resumption.resumedOn',
    ...OPINION_PATHS,
  ],
  ['恢复调查审批表', '负责人审批意见'],
);

export const resumptionApprovalKind = defineKind<ResumptionApprovalModel>({
  kind: 'RESUMPTION_APPROVAL',
  title: '恢复调查审批表',
  templateFile: 'resumption-approval.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildResumptionApprovalModel,
  mandatoryElements: RESUMPTION_ELEMENTS,
  mandatoryElementsFor: () => RESUMPTION_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-10-09'),
    resumptionApproval: {
      suspendedOn: d('2026-09-10'),
      groundEliminated: '司法鉴定机构已于2026年10月8日出具鉴定意见，中止调查的情形已消除。',
      resumedOn: d('2026-10-09'),
      ...sampleOpinions('2026-10-09'),
    },
  },
});

// ── 法制审核送审表 ─────────────────────────────────────────────────────────────

export interface LegalReviewRequestModel extends BaseModel {
  readonly request: {
    readonly submittedOn: string;
    readonly reviewBody: string;
    readonly grounds: string;
    readonly proposal: string;
    readonly materials: readonly string[];
    readonly departmentOpinion: OpinionView | null;
  };
}

function buildLegalReviewRequestModel(source: CaseDocumentSource): LegalReviewRequestModel {
  const kind = 'LEGAL_REVIEW_REQUEST';
  const r = requireSection(kind, source.legalReviewRequest, 'legalReviewRequest');
  return {
    ...baseModel(kind, source),
    request: {
      submittedOn: r.submittedOn,
      reviewBody: r.reviewBody,
      grounds: r.grounds,
      proposal: r.proposal,
      materials: [...r.materials],
      departmentOpinion: opinionView(r.departmentOpinion),
    },
  };
}

const LEGAL_REVIEW_REQUEST_ELEMENTS = elements(
  [
    'request.submittedOn',
    'request.reviewBody',
    'request.grounds',
    'request.proposal',
    'request.materials',
  ],
  ['法制审核送审表', '《中华人民共和国行政处罚法》第五十八条'],
);

export const legalReviewRequestKind = defineKind<LegalReviewRequestModel>({
  kind: 'LEGAL_REVIEW_REQUEST',
  title: '法制审核送审表',
  templateFile: 'legal-review-request.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildLegalReviewRequestModel,
  mandatoryElements: LEGAL_REVIEW_REQUEST_ELEMENTS,
  mandatoryElementsFor: () => LEGAL_REVIEW_REQUEST_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-10-12'),
    legalReviewRequest: {
      submittedOn: d('2026-10-12'),
      reviewBody: '北京市互联网信息办公室法治工作处',
      grounds: '拟作出较大数额罚款的行政处罚决定，属于重大执法决定。',
      proposal:
        '依据《中华人民共和国个人信息保护法》第六十六条第一款的规定，拟给予警告、罚款人民币伍万元整的行政处罚。',
      materials: ['案件调查终结报告', '行政处罚事先告知书及送达回证', '陈述申辩笔录及复核意见'],
      departmentOpinion: { opinion: '同意送审。', signer: '孙某', date: d('2026-10-12') },
    },
  },
});

// ── 当场行政处罚决定备案表 ─────────────────────────────────────────────────────

export interface OnTheSpotFilingModel extends BaseModel {
  readonly filing: {
    readonly decisionNumber: string;
    readonly decidedOn: string;
    readonly place: string;
    readonly facts: string;
    readonly penalty: string;
    readonly performance: string;
    readonly filedOn: string;
    readonly receivedBy: string;
  };
}

function buildOnTheSpotFilingModel(source: CaseDocumentSource): OnTheSpotFilingModel {
  const kind = 'ON_THE_SPOT_FILING_RECORD';
  const f = requireSection(kind, source.onTheSpotFiling, 'onTheSpotFiling');
  return { ...baseModel(kind, source), filing: { ...f } };
}

const ON_THE_SPOT_FILING_ELEMENTS = elements(
  [
    'filing.decisionNumber',
    'filing.decidedOn',
    'filing.place',
    'filing.facts',
    'filing.penalty',
    'filing.performance',
    'filing.filedOn',
    'filing.receivedBy',
  ],
  ['当场行政处罚决定备案表', '《中华人民共和国行政处罚法》第五十二条第三款'],
);

export const onTheSpotFilingKind = defineKind<OnTheSpotFilingModel>({
  kind: 'ON_THE_SPOT_FILING_RECORD',
  title: '当场行政处罚决定备案表',
  templateFile: 'on-the-spot-filing-record.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildOnTheSpotFilingModel,
  mandatoryElements: ON_THE_SPOT_FILING_ELEMENTS,
  mandatoryElementsFor: () => ON_THE_SPOT_FILING_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-08-21'),
    onTheSpotFiling: {
      decisionNumber: '京网信当罚〔2026〕1号',
      decidedOn: d('2026-08-20'),
      place: '北京市西城区某某大街1号',
      facts: '当事人运营的网站未在显著位置公示个人信息处理规则，违法事实确凿。',
      penalty: '警告',
      performance: '当场交付决定书，当事人已签收。',
      filedOn: d('2026-08-21'),
      receivedBy: '孙某',
    },
  },
});
