/**
 * 复查意见书 (CORRECTION_REVIEW_OPINION): the office's review (复查) of whether the party corrected
 * as a 责令改正通知书 ordered.
 * Legal basis: 《中华人民共和国行政处罚法》第二十八条第一款 (责令当事人改正或者限期改正违法行为) (V);
 * the finding 未改正 is what the 拒不改正 tier of the special laws presupposes (e.g. 《中华人民共和国
 * 网络安全法》（2025年）第六十一条第一款). Layout: 通知类 (docs/document-sources.md §4.7, S).
 */
import { localDate } from '../../procedure/local-date.js';
import type { CaseDocumentSource, CorrectionReviewSource } from './case-document-source.js';
import { baseModel, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

const FINDING_TEXT: Record<CorrectionReviewSource['finding'], string> = {
  COMPLIED: '经复查，当事人已按照责令改正通知书的要求改正违法行为。',
  NOT_COMPLIED: '经复查，当事人逾期未按照责令改正通知书的要求改正违法行为，属于拒不改正。',
  PARTLY_COMPLIED: '经复查，当事人仅部分改正违法行为，未全部按照责令改正通知书的要求改正。',
};

export interface CorrectionReviewOpinionModel extends BaseModel {
  readonly correctionReview: {
    readonly orderNumber: string;
    readonly orderedOn: string;
    readonly dueOn: string | null;
    readonly reviewedOn: string;
    readonly description: readonly string[];
    readonly findingText: string;
  };
}

export function buildCorrectionReviewOpinionModel(
  source: CaseDocumentSource,
): CorrectionReviewOpinionModel {
  const kind = 'CORRECTION_REVIEW_OPINION';
  const r = requireSection(kind, source.correctionReview, 'correctionReview');
  return {
    ...baseModel(kind, source),
    correctionReview: {
      orderNumber: r.orderNumber,
      orderedOn: r.orderedOn,
      dueOn: r.dueOn,
      reviewedOn: r.reviewedOn,
      description: r.description,
      findingText: FINDING_TEXT[r.finding],
    },
  };
}

const ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name',
    'correctionReview.orderNumber',
    'correctionReview.orderedOn',
    'correctionReview.reviewedOn',
    'correctionReview.description',
    'correctionReview.findingText',
  ],
  phrases: ['复查意见书', '《中华人民共和国行政处罚法》第二十八条第一款', '复查意见'],
});

/** The review of the sample order of 2026-08-14 (due 2026-08-24), on 2026-08-26. */
export const sampleCorrectionReview: CorrectionReviewSource = {
  orderNumber: '京网信责改〔2026〕1号',
  orderedOn: localDate('2026-08-14'),
  dueOn: localDate('2026-08-24'),
  reviewedOn: localDate('2026-08-26'),
  finding: 'NOT_COMPLIED',
  description: [
    '执法人员于2026年8月26日登录“某某”应用程序（Android版本号5.2.1）检查，首次启动时仍未告知个人信息处理规则即收集设备识别码和位置信息，当事人未提交书面改正报告。',
  ],
};

export const correctionReviewOpinionKind = defineKind<CorrectionReviewOpinionModel>({
  kind: 'CORRECTION_REVIEW_OPINION',
  title: '复查意见书',
  templateFile: 'correction-review-opinion.hbs',
  version: '2026-12',
  sealed: true,
  buildModel: buildCorrectionReviewOpinionModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: () => ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信责改复〔2026〕1号', '2026-08-26'),
    correctionReview: sampleCorrectionReview,
  },
});
