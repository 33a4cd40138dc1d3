/**
 * 行政处罚事先告知书 (PRE_PENALTY_NOTICE).
 * Legal basis: 《中华人民共和国行政处罚法》第四十四条 (proposed penalty, facts, reasons, basis,
 * rights), 第四十五条 (statement and defence, review, no heavier penalty), 第六十二条 (no decision
 * without notice), 第六十三条、第六十四条第（一）项 (hearing request within five days; 工作日 by
 * art. 85 and the CAC rule, P); docs/legal-sources.md §6.1, docs/document-sources.md §4.8.
 */
import type { CaseDocumentSource } from './case-document-source.js';
import {
  evidenceViews,
  findingsView,
  letterHead,
  requireSection,
  type EvidenceView,
  type FindingsView,
  type LetterHeadView,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface PrePenaltyNoticeModel extends LetterHeadView {
  readonly evidence: readonly EvidenceView[];
  readonly notice: FindingsView & {
    readonly statementDeadlineDays: number;
    readonly hearingEligible: boolean;
    readonly hearingRequestDays: number;
  };
}

export function buildPrePenaltyNoticeModel(source: CaseDocumentSource): PrePenaltyNoticeModel {
  const notice = requireSection('PRE_PENALTY_NOTICE', source.notice, 'notice');
  return {
    ...letterHead('PRE_PENALTY_NOTICE', source),
    evidence: evidenceViews(source.evidence),
    notice: {
      ...findingsView(notice),
      statementDeadlineDays: notice.statementDeadlineDays,
      hearingEligible: notice.hearingEligible,
      hearingRequestDays: notice.hearingRequestDays,
    },
  };
}

/** APL 44/45 and docs/legal-sources.md §6.1 items 1–9, point by point. */
const ALWAYS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number', // §6.1 (1)
    'party.name', // §6.1 (2)
    'party.idNumber',
    'party.address',
    'case.cause',
    'case.docketedOn',
    'notice.facts', // APL 44 事实
    'evidence', // §6.1 (3) main evidence
    'notice.reasons', // APL 44 理由
    'notice.violatedProvisions', // APL 44 依据
    'notice.penaltyBasis',
    'notice.penalties', // APL 44 拟作出的行政处罚内容
    'notice.discretion.tierPhrase', // APL 34, 44 裁量档次及情节
    'notice.discretion.benchmark',
    'notice.statementDeadlineDays', // §6.1 (6)
    'office.address', // where to submit
    'office.contactPerson', // §6.1 (9)
    'office.contactPhone',
  ],
  phrases: [
    '行政处罚事先告知书',
    '违法事实',
    '理由和依据',
    '拟作出的行政处罚',
    '有权进行陈述和申辩',
    '可以书面提出，也可以口头提出',
    '视为放弃陈述、申辩权利',
    '不会因', // APL 45 para. 2 (no heavier penalty for defending)
    '《中华人民共和国行政处罚法》第四十四条',
    '《中华人民共和国行政处罚法》第四十五条',
  ],
});

/** APL 63/64(1): only where the proposed penalty is hearing-eligible. */
const HEARING = {
  paths: ['notice.hearingRequestDays'],
  phrases: ['有权要求举行听证', '视为放弃听证权利', '不承担组织听证的费用'],
};

export const prePenaltyNoticeKind = defineKind<PrePenaltyNoticeModel>({
  kind: 'PRE_PENALTY_NOTICE',
  title: '行政处罚事先告知书',
  templateFile: 'pre-penalty-notice.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildPrePenaltyNoticeModel,
  mandatoryElements: ALWAYS,
  mandatoryElementsFor: (model) =>
    model.notice.hearingEligible ? mergeElements(ALWAYS, HEARING) : ALWAYS,
  sampleInput: {
    ...sampleCaseSource,
    document: {
      number: '京网信罚告〔2026〕12号',
      issuedOn: sampleCaseSource.notice!.issuedOn,
      copies: 2,
    },
  },
});
