/**
 * 先行登记保存证据通知书及清单 (PRESERVATION_NOTICE_AND_LIST).
 * Legal basis: 《中华人民共和国行政处罚法》第五十六条 (evidence that may be lost; head's approval;
 * decision within seven days; the party may not destroy or move it), 第八十五条 (working days).
 * docs/legal-sources.md §6.10, docs/document-sources.md §4.5.
 */
import type { CaseDocumentSource } from './case-document-source.js';
import {
  baseModel,
  propertyItemViews,
  requireSection,
  withDocument,
  type BaseModel,
  type PropertyItemView,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface PreservationNoticeModel extends BaseModel {
  readonly preservation: {
    readonly approvedOn: string;
    readonly startedOn: string;
    readonly reason: string;
    readonly keepingMethod: string;
    readonly keepingPlace: string;
    readonly handlingDays: number;
    readonly items: readonly PropertyItemView[];
  };
}

export function buildPreservationNoticeModel(source: CaseDocumentSource): PreservationNoticeModel {
  const kind = 'PRESERVATION_NOTICE_AND_LIST';
  const p = requireSection(kind, source.preservation, 'preservation');
  return {
    ...baseModel(kind, source),
    preservation: {
      approvedOn: p.approvedOn,
      startedOn: p.startedOn,
      reason: p.reason,
      keepingMethod: p.keepingMethod,
      keepingPlace: p.keepingPlace,
      handlingDays: p.handlingDays,
      items: propertyItemViews(p.items),
    },
  };
}

const ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name',
    'preservation.reason',
    'preservation.items',
    'preservation.keepingPlace',
    'preservation.handlingDays',
  ],
  phrases: [
    '先行登记保存证据通知书',
    '《中华人民共和国行政处罚法》第五十六条',
    '经本机关负责人批准',
    '不得销毁或者转移',
    '作出处理决定',
    '当事人签名',
  ],
});

export const preservationNoticeKind = defineKind<PreservationNoticeModel>({
  kind: 'PRESERVATION_NOTICE_AND_LIST',
  title: '先行登记保存证据通知书',
  templateFile: 'preservation-notice.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildPreservationNoticeModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: () => ELEMENTS,
  sampleInput: withDocument(sampleCaseSource, '京网信先保〔2026〕4号', '2026-08-14'),
});
