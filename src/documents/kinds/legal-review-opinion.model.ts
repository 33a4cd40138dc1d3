/**
 * 法制审核意见书 (LEGAL_REVIEW_OPINION) — internal, no seal.
 * Legal basis: 《中华人民共和国行政处罚法》第五十八条 (review before the decision; reviewers
 * qualified under the national legal professional examination). CAC review points U (R-REV-03).
 */
import type { CaseDocumentSource } from './case-document-source.js';
import { baseModel, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

const RESULT_TEXT = {
  PASSED: '审核通过',
  RETURNED: '退回补充调查',
  NOT_PASSED: '审核不通过',
} as const;

export interface LegalReviewOpinionModel extends BaseModel {
  readonly legalReview: {
    readonly reviewer: string;
    readonly reviewerQualification: string;
    readonly submittedOn: string;
    readonly reviewedOn: string;
    readonly points: readonly { readonly item: string; readonly conclusion: string }[];
    readonly opinion: string;
    readonly resultText: string;
  };
}

export function buildLegalReviewOpinionModel(source: CaseDocumentSource): LegalReviewOpinionModel {
  const kind = 'LEGAL_REVIEW_OPINION';
  const r = requireSection(kind, source.legalReview, 'legalReview');
  return {
    ...baseModel(kind, source),
    legalReview: {
      reviewer: r.reviewer,
      reviewerQualification: r.reviewerQualification,
      submittedOn: r.submittedOn,
      reviewedOn: r.reviewedOn,
      points: r.points.map((p) => ({ ...p })),
      opinion: r.opinion,
      resultText: RESULT_TEXT[r.result],
    },
  };
}

const ELEMENTS = {
  paths: [
    'office.name',
    'case.number',
    'case.cause',
    'party.name',
    'legalReview.reviewer',
    'legalReview.reviewerQualification',
    'legalReview.points',
    'legalReview.opinion',
    'legalReview.resultText',
    'legalReview.reviewedOn',
  ],
  phrases: ['法制审核意见书', '《中华人民共和国行政处罚法》第五十八条', '审核结论'],
};

export const legalReviewOpinionKind = defineKind<LegalReviewOpinionModel>({
  kind: 'LEGAL_REVIEW_OPINION',
  title: '法制审核意见书',
  templateFile: 'legal-review-opinion.hbs',
  version: '2026-11',
  sealed: false,
  buildModel: buildLegalReviewOpinionModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: () => ELEMENTS,
  sampleInput: withDocument(sampleCaseSource, null, '2026-10-26'),
});
