/**
 * 查封（扣押）决定书及清单 (SEIZURE_DECISION_AND_LIST).
 * Legal basis: 《中华人民共和国行政强制法》第二十四条 (contents: party, reasons, basis, period,
 * names and quantities, remedies, office, seal, date; list in two copies), 第二十五条 (period and one
 * extension, both from the rulebook), 第十八条 (procedure), 第二十六条 (custody); for personal-information
 * cases 《中华人民共和国个人信息保护法》第六十三条第一款第（四）项 (principal head's approval).
 * docs/legal-sources.md §6.9, docs/document-sources.md §4.6.
 */
import type { LegalBasis } from '../../procedure/legal-basis.js';
import { rulebookFor } from '../../procedure/rulebook.js';
import type { CaseDocumentSource } from './case-document-source.js';
import {
  baseModel,
  propertyItemViews,
  remediesView,
  requireSection,
  withDocument,
  type BaseModel,
  type PropertyItemView,
  type RemediesView,
  seizureApprovalPhrase,
  seizureMeasureName,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface SeizureDecisionModel extends BaseModel {
  readonly seizure: {
    /** 查封 / 扣押 */
    readonly measureName: string;
    /** 经本机关负责人批准, or 经本机关主要负责人书面批准 under PIPL art. 63(1)(4). */
    readonly approval: string;
    readonly reasons: string;
    readonly basis: readonly LegalBasis[];
    readonly place: string;
    readonly startedOn: string;
    readonly periodDays: number;
    /** 延长期限不超过几日 (Compulsion Law art. 25(1)), from the rulebook of the start date. */
    readonly extensionMaximumDays: number;
    readonly endsOn: string;
    readonly custody: string;
    /** 现场程序 (Compulsion Law art. 18), as recorded with the measure; null when not kept. */
    readonly onSite: string | null;
    readonly listNumber: string;
    readonly items: readonly PropertyItemView[];
    readonly remedies: RemediesView;
  };
}

export function buildSeizureDecisionModel(source: CaseDocumentSource): SeizureDecisionModel {
  const kind = 'SEIZURE_DECISION_AND_LIST';
  const s = requireSection(kind, source.seizure, 'seizure');
  return {
    ...baseModel(kind, source),
    seizure: {
      measureName: seizureMeasureName(s.measure),
      approval: seizureApprovalPhrase(s.basis),
      reasons: s.reasons,
      basis: s.basis,
      place: s.place,
      startedOn: s.startedOn,
      periodDays: s.periodDays,
      extensionMaximumDays: rulebookFor(s.startedOn).parameters.compulsoryMeasureExtensionMaximum
        .length,
      endsOn: s.endsOn,
      custody: s.custody,
      onSite: s.onSite ?? null,
      listNumber: s.listNumber,
      items: propertyItemViews(s.items),
      remedies: remediesView(s.remedies),
    },
  };
}

const ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name', // 24 (1)
    'party.address',
    'seizure.reasons', // 24 (2)
    'seizure.basis',
    'seizure.periodDays',
    'seizure.items', // 24 (3)
    'seizure.remedies.reconsiderationOrgan', // 24 (4)
    'seizure.remedies.reconsiderationDays',
    'seizure.remedies.litigationCourt',
    'seizure.remedies.litigationMonths',
  ],
  phrases: [
    '决定书',
    '清单',
    '申请行政复议',
    '提起行政诉讼',
    '一式二份',
    '《中华人民共和国行政强制法》第二十五条',
  ],
});

export const seizureDecisionKind = defineKind<SeizureDecisionModel>({
  kind: 'SEIZURE_DECISION_AND_LIST',
  title: '查封（扣押）决定书',
  titleOf: (model) => `${model.seizure.measureName}决定书`,
  templateFile: 'seizure-decision.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildSeizureDecisionModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: () => ELEMENTS,
  sampleInput: withDocument(sampleCaseSource, '京网信查扣〔2026〕2号', '2026-08-15'),
});
