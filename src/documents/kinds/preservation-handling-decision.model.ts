/**
 * 先行登记保存处理决定书 (PRESERVATION_HANDLING_DECISION).
 * Legal basis: 《中华人民共和国行政处罚法》第五十六条 (evidence preserved with the head's approval; a
 * handling decision within seven days), 第八十五条 (the seven days are working days). The handling
 * chosen follows the procedure's handlePreservedEvidence input (return, seal or seize, testing,
 * transfer, other). docs/legal-sources.md §6.10, R-EVP-01; docs/document-sources.md §4.5.
 */
import type { PreservationHandling } from '../../procedure/action-inputs.js';
import type { CaseDocumentSource } from './case-document-source.js';
import {
  baseModel,
  propertyItemViews,
  requireSection,
  withDocument,
  type BaseModel,
  type PropertyItemView,
  seizureMeasureName,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

/** What each handling means, addressed to the party (你单位 / 你); null: the details say it all. */
const HANDLING_TEXT: Record<
  PreservationHandling,
  ((you: string, measure: string) => string) | null
> = {
  RETURN: (you) => `解除先行登记保存，将上述物品退还${you}`,
  SEAL_OR_SEIZE: (_you, measure) => `对上述物品依法采取${measure}措施，并另行制作${measure}决定书`,
  FORWARD_FOR_TESTING: () => '将上述物品送交检测、检验、检疫或者技术鉴定',
  TRANSFER: () => '将上述物品移送有关机关依法处理',
  OTHER: null,
};

export interface PreservationHandlingModel extends BaseModel {
  readonly preservation: {
    readonly noticeNumber: string | null;
    readonly startedOn: string;
    readonly handlingDays: number;
    readonly items: readonly PropertyItemView[];
    readonly handling: {
      readonly decidedOn: string;
      /** The handling in words; null for OTHER (details only). */
      readonly handlingText: string | null;
      readonly details: string;
    };
  };
}

export function buildPreservationHandlingModel(
  source: CaseDocumentSource,
): PreservationHandlingModel {
  const kind = 'PRESERVATION_HANDLING_DECISION';
  const p = requireSection(kind, source.preservation, 'preservation');
  const h = requireSection(kind, p.handling, 'preservation.handling');
  const base = baseModel(kind, source);
  return {
    ...base,
    preservation: {
      noticeNumber: p.noticeNumber,
      startedOn: p.startedOn,
      handlingDays: p.handlingDays,
      items: propertyItemViews(p.items),
      handling: {
        decidedOn: h.decidedOn,
        handlingText:
          HANDLING_TEXT[h.handling]?.(
            base.party.you,
            seizureMeasureName(source.seizure?.measure),
          ) ?? null,
        details: h.details,
      },
    },
  };
}

const ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name',
    'preservation.noticeNumber',
    'preservation.startedOn',
    'preservation.handlingDays',
    'preservation.items',
    'preservation.handling.decidedOn',
    'preservation.handling.details',
  ],
  phrases: [
    '先行登记保存处理决定书',
    '《中华人民共和国行政处罚法》第五十六条',
    '个工作日内',
    '处理决定如下',
  ],
});

export const preservationHandlingKind = defineKind<PreservationHandlingModel>({
  kind: 'PRESERVATION_HANDLING_DECISION',
  title: '先行登记保存处理决定书',
  templateFile: 'preservation-handling-decision.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildPreservationHandlingModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: (model) =>
    mergeElements(
      ELEMENTS,
      model.preservation.handling.handlingText
        ? { paths: ['preservation.handling.handlingText'] }
        : {},
    ),
  sampleInput: withDocument(sampleCaseSource, '京网信先保处〔2026〕1号', '2026-08-15'),
});
