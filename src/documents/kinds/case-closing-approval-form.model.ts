/**
 * 结案审批表 (CASE_CLOSING_APPROVAL_FORM) — internal form, no seal: the ground for closing, how the
 * case was handled, the decision and its performance, the documents filed, and the approvals.
 * Legal basis: closing grounds and the approval form come from CAC practice (R-CLS-01:
 * the list exists, its content U; §6.14: form D); archiving 《中华人民共和国行政处罚法》第四十七条
 * (R-CLS-02). No CAC article number is printed. docs/document-sources.md §4.15.
 */
import type { ClosureGround } from '../../procedure/case-snapshot.js';
import { CLOSURE_GROUND_NAMES } from '../../procedure/closure-ground-names.js';
import { localDate } from '../../procedure/local-date.js';
import { PENALTY_KIND_NAMES } from '../../procedure/penalty-kind.js';
import type {
  ApprovalSource,
  CaseDocumentSource,
  ClosureSource,
  Yuan,
} from './case-document-source.js';
import { baseModel, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind, mergeElements, type DocumentKindDefinition } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

const KIND = 'CASE_CLOSING_APPROVAL_FORM';

type ApprovalView = {
  readonly opinion: string;
  readonly signer: string;
  readonly date: string;
};

export interface CaseClosingApprovalModel extends BaseModel {
  readonly closure: {
    readonly ground: ClosureGround;
    readonly groundText: string;
    readonly handlingSummary: string;
    readonly decision: {
      readonly number: string;
      readonly decidedOn: string;
      /** 处理结果: the penalties (kind and amount), or 不予行政处罚 when there are none. */
      readonly penalties: readonly {
        readonly kindName: string;
        readonly amountYuan: Yuan | null;
      }[];
      /** 逾期作出决定 (APL art. 60): printed on the form with its reason and approval day. */
      readonly lateDecisionReason: string | null;
      readonly lateDecisionApprovedOn: string | null;
    } | null;
    readonly performance: {
      readonly paidYuan: Yuan | null;
      readonly paidOn: string | null;
      readonly description: string;
    } | null;
    readonly documents: readonly { readonly title: string; readonly number: string | null }[];
    readonly handlerOpinion: ApprovalView;
    readonly departmentOpinion: ApprovalView | null;
    readonly headApproval: ApprovalView | null;
  };
}

const approval = (a: ApprovalSource | null): ApprovalView | null => (a ? { ...a } : null);

export function buildCaseClosingApprovalModel(
  source: CaseDocumentSource,
): CaseClosingApprovalModel {
  const c = requireSection(KIND, source.closure, 'closure');
  if (c.ground === 'EXECUTED') {
    const performance = requireSection(KIND, c.performance, 'closure.performance');
    // Money decided (a fine, a confiscated sum) is executed by its payment: the form states it.
    const owesMoney = (c.decision?.penalties ?? []).some((p) => p.amountYuan !== null);
    if (owesMoney) {
      requireSection(KIND, performance.paidYuan, 'closure.performance.paidYuan');
      requireSection(KIND, performance.paidOn, 'closure.performance.paidOn');
    }
  }
  return {
    ...baseModel(KIND, source),
    closure: {
      ground: c.ground,
      groundText: CLOSURE_GROUND_NAMES[c.ground],
      handlingSummary: c.handlingSummary,
      decision: c.decision
        ? {
            number: c.decision.number,
            decidedOn: c.decision.decidedOn,
            penalties: c.decision.penalties.map((p) => ({
              kindName: PENALTY_KIND_NAMES[p.kind],
              amountYuan: p.amountYuan,
            })),
            lateDecisionReason: c.decision.lateDecision?.reason ?? null,
            lateDecisionApprovedOn: c.decision.lateDecision?.approvedOn ?? null,
          }
        : null,
      performance: c.performance ? { ...c.performance } : null,
      documents: c.documents.map((d) => ({ title: d.title, number: d.number })),
      handlerOpinion: { ...c.handlerOpinion },
      departmentOpinion: approval(c.departmentOpinion),
      headApproval: approval(c.headApproval),
    },
  };
}

const ELEMENTS = {
  paths: [
    'office.name',
    'case.number',
    'case.cause',
    'party.name',
    'handlersLine',
    'closure.groundText',
    'closure.handlingSummary',
    'closure.documents',
    'closure.handlerOpinion.opinion',
  ],
  phrases: ['结案理由', '执行情况', '承办人意见', '承办机构意见', '负责人审批意见'],
};

function elementsFor(model: CaseClosingApprovalModel) {
  if (model.closure.ground !== 'EXECUTED') {
    return ELEMENTS;
  }
  return model.closure.performance?.paidYuan
    ? mergeElements(ELEMENTS, {
        paths: ['closure.performance.paidYuan', 'closure.performance.paidOn'],
      })
    : mergeElements(ELEMENTS, { paths: ['closure.performance.description'] });
}

const d = localDate;

/** Closed after the party paid the fine and the confiscated gains in full. */
export const sampleClosure: ClosureSource = {
  ground: 'EXECUTED',
  handlingSummary:
    '本案于2026年8月12日立案，经调查取证、事先告知、听证、法制审核和集体讨论，本机关于2026年11月5日作出行政处罚决定，决定书于2026年11月6日送达当事人。当事人于2026年11月18日全额缴纳罚没款，并已完成整改。',
  decision: {
    number: '京网信罚决〔2026〕15号',
    decidedOn: d('2026-11-05'),
    penalties: [
      { kind: 'WARNING', amountYuan: null },
      { kind: 'CONFISCATION_OF_ILLEGAL_GAINS', amountYuan: '12345.60' },
      { kind: 'FINE', amountYuan: '500000' },
    ],
  },
  performance: {
    paidYuan: '512345.60',
    paidOn: d('2026-11-18'),
    description:
      '通过北京市非税收入电子缴款系统缴纳（缴款书编号：1100202611180012345）；经复查，当事人已于2026年11月15日完成整改。',
  },
  documents: [
    { title: '案件来源登记表', number: null },
    { title: '立案审批表', number: null },
    { title: '行政处罚事先告知书', number: '京网信罚告〔2026〕12号' },
    { title: '听证笔录', number: null },
    { title: '法制审核意见书', number: null },
    { title: '集体讨论记录', number: null },
    { title: '行政处罚决定书', number: '京网信罚决〔2026〕15号' },
    { title: '送达回证', number: null },
  ],
  handlerOpinion: {
    opinion: '当事人已全额履行行政处罚决定，建议结案并归档。',
    signer: '李某、赵某',
    date: d('2026-11-25'),
  },
  departmentOpinion: { opinion: '同意结案。', signer: '孙某', date: d('2026-11-26') },
  headApproval: { opinion: '同意。', signer: '周某', date: d('2026-11-27') },
};

export const caseClosingApprovalKind: DocumentKindDefinition = defineKind<CaseClosingApprovalModel>(
  {
    kind: KIND,
    title: '结案审批表',
    templateFile: 'case-closing-approval-form.hbs',
    version: '2026-11',
    sealed: false,
    buildModel: buildCaseClosingApprovalModel,
    mandatoryElements: ELEMENTS,
    mandatoryElementsFor: elementsFor,
    sampleInput: {
      ...withDocument(sampleCaseSource, null, '2026-11-25'),
      closure: sampleClosure,
    },
  },
);
