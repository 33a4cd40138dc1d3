/**
 * Internal forms and records that complete the 案卷 (no seal, identified by the 案号):
 * 案件调查终结报告 (SAMR 35), 行政处罚决定审批表 (SAMR 43), 行政处罚案件有关事项审批表 (SAMR 8),
 * 陈述申辩笔录 (SAMR 38), 陈述申辩复核意见, 听证报告 (SAMR 41).
 * Legal basis: 《中华人民共和国行政处罚法》第四十五条 (statement heard and reviewed), 第五十七条
 * (the head decides after the investigation ends), 第六十五条 (decision on the hearing record).
 */
import type { DocumentKind } from '../../procedure/effects.js';
import type { ApprovalSource, CaseDocumentSource } from './case-document-source.js';
import {
  baseModel,
  evidenceViews,
  formatClock,
  requireSection,
  withDocument,
  type BaseModel,
  type EvidenceView,
} from './common.js';
import { defineKind } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';
import type { MandatoryElements } from '../template-contract.js';
import { localDate } from '../../procedure/local-date.js';

const d = localDate;

/** Case identification every internal form prints. */
const FORM_PATHS = ['office.name', 'case.number', 'case.cause', 'party.name'];

/** An internal form's mandatory elements: the case identification, `extraFormPaths`, then its own. */
export function formElements(
  paths: readonly string[],
  phrases: readonly string[],
  extraFormPaths: readonly string[] = [],
): MandatoryElements {
  return { paths: [...FORM_PATHS, ...extraFormPaths, ...paths], phrases: [...phrases] };
}

const elements = (paths: readonly string[], phrases: readonly string[]) =>
  formElements(paths, phrases);

export interface OpinionView {
  readonly opinion: string;
  readonly signer: string;
  readonly date: string;
}

export function opinionView(opinion: ApprovalSource | null): OpinionView | null {
  return opinion ? { opinion: opinion.opinion, signer: opinion.signer, date: opinion.date } : null;
}

// ── 案件调查终结报告 ──────────────────────────────────────────────────────────

export interface InvestigationReportModel extends BaseModel {
  readonly facts: readonly string[];
  readonly evidence: readonly EvidenceView[];
  readonly report: {
    readonly course: string;
    readonly nature: string;
    readonly proposal: string;
    readonly discretion: string | null;
    readonly reportedOn: string;
  };
}

function buildInvestigationReportModel(source: CaseDocumentSource): InvestigationReportModel {
  const kind = 'INVESTIGATION_REPORT';
  const report = requireSection(kind, source.investigationReport, 'investigationReport');
  return {
    ...baseModel(kind, source),
    facts: source.case.facts,
    evidence: evidenceViews(source.evidence),
    report: { ...report },
  };
}

const INVESTIGATION_REPORT_ELEMENTS = elements(
  [
    'facts',
    'report.course',
    'report.nature',
    'report.proposal',
    'report.reportedOn',
    'handlersLine',
  ],
  ['案件调查终结报告', '调查认定的事实', '处理意见'],
);

const sampleReport = {
  course:
    '本机关于2026年8月12日接到举报，经核查于2026年8月20日立案。执法人员对该应用程序进行了检查，提取了电子数据，询问了当事人的法定代表人。',
  nature:
    '当事人未履行告知义务即收集个人信息，经责令改正后拒不改正，违反了《中华人民共和国个人信息保护法》第十七条第一款的规定。',
  proposal:
    '依据《中华人民共和国个人信息保护法》第六十六条第一款的规定，建议给予警告、罚款人民币伍万元整的行政处罚。',
  discretion: '当事人在调查期间能够配合调查、如实陈述违法事实，建议从轻处罚。',
  reportedOn: d('2026-09-15'),
};

export const investigationReportKind = defineKind<InvestigationReportModel>({
  kind: 'INVESTIGATION_REPORT',
  title: '案件调查终结报告',
  templateFile: 'investigation-report.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildInvestigationReportModel,
  mandatoryElements: INVESTIGATION_REPORT_ELEMENTS,
  mandatoryElementsFor: () => INVESTIGATION_REPORT_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-09-15'),
    investigationReport: sampleReport,
  },
});

// ── 行政处罚决定审批表 / 有关事项审批表 ────────────────────────────────────────────

export interface ApprovalFormModel extends BaseModel {
  readonly title: string;
  readonly approval: {
    readonly matter: string;
    readonly content: string;
    readonly handlerOpinion: OpinionView;
    readonly departmentOpinion: OpinionView | null;
    readonly headOpinion: OpinionView | null;
  };
}

function approvalFormBuilder(kind: DocumentKind, title: string) {
  return (source: CaseDocumentSource): ApprovalFormModel => {
    const form = requireSection(kind, source.approvalForm, 'approvalForm');
    return {
      ...baseModel(kind, source),
      title,
      approval: {
        matter: form.matter,
        content: form.content,
        handlerOpinion: opinionView(form.handlerOpinion)!,
        departmentOpinion: opinionView(form.departmentOpinion),
        headOpinion: opinionView(form.headOpinion),
      },
    };
  };
}

const APPROVAL_ELEMENTS = elements(
  ['approval.matter', 'approval.content', 'approval.handlerOpinion.opinion', 'handlersLine'],
  ['负责人审批意见'],
);

const sampleDecisionApproval = {
  matter: '行政处罚决定',
  content:
    '当事人未履行告知义务即收集个人信息，经责令改正后拒不改正。经法制审核、集体讨论，拟依据《中华人民共和国个人信息保护法》第六十六条第一款的规定，给予警告、罚款人民币伍万元整的行政处罚。',
  handlerOpinion: {
    opinion: '建议按上述意见作出行政处罚决定。',
    signer: '李某',
    date: d('2026-10-28'),
  },
  departmentOpinion: { opinion: '同意承办人意见。', signer: '孙某', date: d('2026-10-28') },
  headOpinion: { opinion: '同意。', signer: '周某', date: d('2026-10-29') },
};

export const penaltyDecisionApprovalKind = defineKind<ApprovalFormModel>({
  kind: 'PENALTY_DECISION_APPROVAL_FORM',
  title: '行政处罚决定审批表',
  templateFile: 'approval-form.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: approvalFormBuilder('PENALTY_DECISION_APPROVAL_FORM', '行政处罚决定审批表'),
  mandatoryElements: APPROVAL_ELEMENTS,
  mandatoryElementsFor: () => APPROVAL_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-10-29'),
    approvalForm: sampleDecisionApproval,
  },
});

export const matterApprovalKind = defineKind<ApprovalFormModel>({
  kind: 'MATTER_APPROVAL_FORM',
  title: '行政处罚案件有关事项审批表',
  templateFile: 'approval-form.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: approvalFormBuilder('MATTER_APPROVAL_FORM', '行政处罚案件有关事项审批表'),
  mandatoryElements: APPROVAL_ELEMENTS,
  mandatoryElementsFor: () => APPROVAL_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-08-14'),
    approvalForm: {
      matter: '先行登记保存证据',
      content:
        '当事人存储用户个人信息的服务器日志可能灭失，根据《中华人民共和国行政处罚法》第五十六条的规定，拟对其先行登记保存。',
      handlerOpinion: { opinion: '建议批准。', signer: '李某', date: d('2026-08-14') },
      departmentOpinion: { opinion: '同意。', signer: '孙某', date: d('2026-08-14') },
      headOpinion: { opinion: '同意。', signer: '周某', date: d('2026-08-14') },
    },
  },
});

// ── 陈述申辩笔录 ────────────────────────────────────────────────────────────────

export interface StatementRecordModel extends BaseModel {
  readonly statement: {
    readonly date: string;
    readonly startTime: string;
    readonly endTime: string;
    readonly place: string;
    readonly statedBy: string;
    readonly statedByRole: string;
    readonly recorder: string;
    readonly content: readonly string[];
  };
}

function buildStatementRecordModel(source: CaseDocumentSource): StatementRecordModel {
  const kind = 'STATEMENT_RECORD';
  const record = requireSection(kind, source.statementRecord, 'statementRecord');
  return {
    ...baseModel(kind, source),
    statement: {
      ...record,
      startTime: formatClock(record.startTime),
      endTime: formatClock(record.endTime),
      content: [...record.content],
    },
  };
}

const STATEMENT_RECORD_ELEMENTS = elements(
  [
    'statement.date',
    'statement.place',
    'statement.statedBy',
    'statement.recorder',
    'statement.content',
    'handlersLine',
  ],
  ['陈述申辩笔录', '第四十五条'],
);

export const statementRecordKind = defineKind<StatementRecordModel>({
  kind: 'STATEMENT_RECORD',
  title: '陈述申辩笔录',
  templateFile: 'statement-record.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildStatementRecordModel,
  mandatoryElements: STATEMENT_RECORD_ELEMENTS,
  mandatoryElementsFor: () => STATEMENT_RECORD_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-09-24'),
    statementRecord: {
      date: d('2026-09-24'),
      startTime: '14:00',
      endTime: '14:50',
      place: '北京市互联网信息办公室询问室',
      statedBy: '张某',
      statedByRole: '当事人的法定代表人',
      recorder: '钱某',
      content: [
        '我公司的隐私政策已在应用程序“设置”页面公示，不属于未告知。',
        '我公司已于2026年9月开始整改，请求从轻处罚。',
      ],
    },
  },
});

// ── 陈述申辩复核意见 ────────────────────────────────────────────────────────────

export interface StatementReviewModel extends BaseModel {
  readonly review: {
    readonly receivedOn: string;
    readonly summary: string;
    readonly review: string;
    readonly resultText: string;
    readonly reviewedOn: string;
  };
}

function buildStatementReviewModel(source: CaseDocumentSource): StatementReviewModel {
  const kind = 'STATEMENT_REVIEW_OPINION';
  const review = requireSection(kind, source.statementReview, 'statementReview');
  return {
    ...baseModel(kind, source),
    review: {
      receivedOn: review.receivedOn,
      summary: review.summary,
      review: review.review,
      resultText: review.adopted ? '予以采纳' : '不予采纳',
      reviewedOn: review.reviewedOn,
    },
  };
}

const STATEMENT_REVIEW_ELEMENTS = elements(
  ['review.summary', 'review.review', 'review.resultText', 'review.reviewedOn', 'handlersLine'],
  ['陈述申辩复核意见', '第四十五条'],
);

export const statementReviewKind = defineKind<StatementReviewModel>({
  kind: 'STATEMENT_REVIEW_OPINION',
  title: '陈述申辩复核意见',
  templateFile: 'statement-review-opinion.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildStatementReviewModel,
  mandatoryElements: STATEMENT_REVIEW_ELEMENTS,
  mandatoryElementsFor: () => STATEMENT_REVIEW_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-09-28'),
    statementReview: {
      receivedOn: d('2026-09-24'),
      summary: '当事人称隐私政策已在“设置”页面公示，不属于未告知；已开始整改，请求从轻处罚。',
      review:
        '经复核，隐私政策仅在“设置”页面公示，用户首次启动时未以显著方式告知，当事人的申辩理由不能成立；整改情况已作为从轻情节考虑。',
      adopted: false,
      reviewedOn: d('2026-09-28'),
    },
  },
});

// ── 听证报告 ────────────────────────────────────────────────────────────────────

export interface HearingReportModel extends BaseModel {
  readonly report: {
    readonly hearingOn: string;
    readonly presidingOfficer: string;
    readonly findings: string;
    readonly partyArguments: string;
    readonly recommendation: string;
    readonly reportedOn: string;
  };
}

function buildHearingReportModel(source: CaseDocumentSource): HearingReportModel {
  const kind = 'HEARING_REPORT';
  const report = requireSection(kind, source.hearingReport, 'hearingReport');
  return { ...baseModel(kind, source), report: { ...report } };
}

const HEARING_REPORT_ELEMENTS = elements(
  [
    'report.hearingOn',
    'report.presidingOfficer',
    'report.findings',
    'report.partyArguments',
    'report.recommendation',
    'report.reportedOn',
  ],
  ['听证报告', '第六十五条'],
);

export const hearingReportKind = defineKind<HearingReportModel>({
  kind: 'HEARING_REPORT',
  title: '听证报告',
  templateFile: 'hearing-report.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildHearingReportModel,
  mandatoryElements: HEARING_REPORT_ELEMENTS,
  mandatoryElementsFor: () => HEARING_REPORT_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-10-19'),
    hearingReport: {
      hearingOn: d('2026-10-16'),
      presidingOfficer: '吴某',
      findings:
        '听证认定：当事人未以显著方式告知个人信息处理规则即收集个人信息，经责令改正后拒不改正。',
      partyArguments: '当事人认为隐私政策已公示，不属于未告知；已开始整改，请求减轻处罚。',
      recommendation: '当事人的申辩理由不能成立；建议维持拟作出的处罚，整改情况作为从轻情节考虑。',
      reportedOn: d('2026-10-19'),
    },
  },
});
