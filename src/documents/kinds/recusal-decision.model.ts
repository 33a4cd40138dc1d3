/**
 * 回避决定书 (RECUSAL_DECISION).
 * Legal basis: 《中华人民共和国行政处罚法》第四十三条 (recusal of officers with a direct interest
 * or another relation; the party may apply; the head decides; the investigation does not stop).
 */
import type { CaseDocumentSource } from './case-document-source.js';
import { baseModel, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface RecusalDecisionModel extends BaseModel {
  readonly recusal: {
    readonly applicant: string;
    readonly applicantRole: string;
    readonly appliedOn: string;
    readonly respondent: string;
    readonly respondentRole: string;
    readonly grounds: string;
    readonly granted: boolean;
    readonly reasons: string;
    readonly replacement: string | null;
  };
}

export function buildRecusalDecisionModel(source: CaseDocumentSource): RecusalDecisionModel {
  const kind = 'RECUSAL_DECISION';
  const r = requireSection(kind, source.recusal, 'recusal');
  return {
    ...baseModel(kind, source),
    recusal: {
      applicant: r.applicant,
      applicantRole: r.applicantRole,
      appliedOn: r.appliedOn,
      respondent: r.respondent,
      respondentRole: r.respondentRole,
      grounds: r.grounds,
      granted: r.granted,
      reasons: r.reasons,
      replacement: r.granted ? r.replacement : null,
    },
  };
}

const ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'recusal.applicant',
    'recusal.respondent',
    'recusal.grounds',
    'recusal.reasons',
  ],
  phrases: ['回避决定书', '《中华人民共和国行政处罚法》第四十三条', '不停止调查'],
});

export const recusalDecisionKind = defineKind<RecusalDecisionModel>({
  kind: 'RECUSAL_DECISION',
  title: '回避决定书',
  templateFile: 'recusal-decision.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildRecusalDecisionModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: () => ELEMENTS,
  sampleInput: withDocument(sampleCaseSource, '京网信回避〔2026〕1号', '2026-08-19'),
});
