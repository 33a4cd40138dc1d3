/**
 * 延长查封（扣押）期限决定书 (SEIZURE_EXTENSION_NOTICE) and 解除查封（扣押）决定书
 * (SEIZURE_RELEASE_DECISION), both following a 查封（扣押）决定书 (seizure-decision.model.ts).
 * Legal basis: 《中华人民共和国行政强制法》第二十五条 (one extension of at most thirty days, head's
 * approval, written notice with reasons), 第二十七条 (decide within the period; release when due),
 * 第二十八条 (grounds for release; return the items at once); remedies for the extension:
 * 《中华人民共和国行政复议法》第二十条, 《中华人民共和国行政诉讼法》第四十六条.
 * docs/legal-sources.md §6.9, R-CMP-05, R-CMP-07; docs/document-sources.md §4.6.
 */
import { compulsionLaw } from '../../procedure/citations.js';
import type { ReleaseGround } from '../../procedure/action-inputs.js';
import type { LegalBasis } from '../../procedure/legal-basis.js';
import type { CaseDocumentSource, SeizureSource } from './case-document-source.js';
import {
  baseModel,
  propertyItemViews,
  remediesView,
  requireSection,
  withDocument,
  type BaseModel,
  type PropertyItemView,
  type RemediesView,
  seizureMeasureName,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

/** The original measure, as both documents recall it. */
export interface SeizureReferenceView {
  /** 查封 / 扣押 */
  readonly measureName: string;
  readonly decisionNumber: string | null;
  readonly listNumber: string;
  readonly startedOn: string;
  readonly endsOn: string;
  readonly periodDays: number;
  readonly custody: string;
}

function seizureReference(s: SeizureSource): SeizureReferenceView {
  return {
    measureName: seizureMeasureName(s.measure),
    decisionNumber: s.decisionNumber,
    listNumber: s.listNumber,
    startedOn: s.startedOn,
    endsOn: s.endsOn,
    periodDays: s.periodDays,
    custody: s.custody,
  };
}

// ── 延长查封（扣押）期限决定书 ──────────────────────────────────────────────

export interface SeizureExtensionModel extends BaseModel {
  readonly seizure: SeizureReferenceView & {
    readonly remedies: RemediesView;
    readonly extension: {
      readonly reason: string;
      readonly extensionDays: number;
      readonly newEndsOn: string;
    };
  };
}

export function buildSeizureExtensionModel(source: CaseDocumentSource): SeizureExtensionModel {
  const kind = 'SEIZURE_EXTENSION_NOTICE';
  const s = requireSection(kind, source.seizure, 'seizure');
  const e = requireSection(kind, s.extension, 'seizure.extension');
  return {
    ...baseModel(kind, source),
    seizure: {
      ...seizureReference(s),
      remedies: remediesView(s.remedies),
      extension: { reason: e.reason, extensionDays: e.extensionDays, newEndsOn: e.newEndsOn },
    },
  };
}

const EXTENSION_ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name',
    'seizure.decisionNumber',
    'seizure.listNumber',
    'seizure.endsOn',
    'seizure.extension.reason', // art. 25(2): 说明理由
    'seizure.extension.extensionDays',
    'seizure.extension.newEndsOn',
    'seizure.remedies.reconsiderationOrgan',
    'seizure.remedies.reconsiderationDays',
    'seizure.remedies.litigationCourt',
    'seizure.remedies.litigationMonths',
  ],
  phrases: [
    '期限决定书',
    '延长理由',
    '《中华人民共和国行政强制法》第二十五条',
    '经本机关负责人批准',
    '申请行政复议',
    '提起行政诉讼',
  ],
});

export const seizureExtensionKind = defineKind<SeizureExtensionModel>({
  kind: 'SEIZURE_EXTENSION_NOTICE',
  title: '延长查封（扣押）期限决定书',
  titleOf: (model) => `延长${model.seizure.measureName}期限决定书`,
  templateFile: 'seizure-extension-notice.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildSeizureExtensionModel,
  mandatoryElements: EXTENSION_ELEMENTS,
  mandatoryElementsFor: () => EXTENSION_ELEMENTS,
  sampleInput: withDocument(sampleCaseSource, '京网信延查扣〔2026〕1号', '2026-09-10'),
});

// ── 解除查封（扣押）决定书 ─────────────────────────────────────────────────

/** Compulsion Law art. 28(1): the item and its wording. */
const RELEASE_GROUNDS: Record<ReleaseGround, { readonly item: number; readonly text: string }> = {
  NO_VIOLATION: { item: 1, text: '当事人没有违法行为' },
  UNRELATED: { item: 2, text: '查封、扣押的场所、设施或者财物与违法行为无关' },
  DECIDED_NO_LONGER_NEEDED: {
    item: 3,
    text: '行政机关对违法行为已经作出处理决定，不再需要查封、扣押',
  },
  PERIOD_EXPIRED: { item: 4, text: '查封、扣押期限已经届满' },
  OTHER: { item: 5, text: '其他不再需要采取查封、扣押措施的情形' },
};

export interface SeizureReleaseModel extends BaseModel {
  readonly seizure: SeizureReferenceView & {
    readonly release: {
      /** 《中华人民共和国行政强制法》第二十八条第一款第（N）项 */
      readonly groundBasis: LegalBasis;
      readonly groundText: string;
      readonly explanation: string;
      readonly releasedOn: string;
      readonly items: readonly PropertyItemView[];
      readonly returnArrangement: string;
    };
  };
}

export function buildSeizureReleaseModel(source: CaseDocumentSource): SeizureReleaseModel {
  const kind = 'SEIZURE_RELEASE_DECISION';
  const s = requireSection(kind, source.seizure, 'seizure');
  const r = requireSection(kind, s.release, 'seizure.release');
  const ground = RELEASE_GROUNDS[r.ground];
  return {
    ...baseModel(kind, source),
    seizure: {
      ...seizureReference(s),
      release: {
        groundBasis: compulsionLaw(28, 1, ground.item),
        groundText: ground.text,
        explanation: r.explanation,
        releasedOn: r.releasedOn,
        items: propertyItemViews(r.items),
        returnArrangement: r.returnArrangement,
      },
    },
  };
}

const RELEASE_ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name',
    'seizure.decisionNumber',
    'seizure.listNumber',
    'seizure.release.groundBasis',
    'seizure.release.explanation',
    'seizure.release.releasedOn',
    'seizure.release.items',
    'seizure.release.returnArrangement',
  ],
  phrases: ['解除', '《中华人民共和国行政强制法》第二十七条', '立即退还', '领回人签名'],
});

export const seizureReleaseKind = defineKind<SeizureReleaseModel>({
  kind: 'SEIZURE_RELEASE_DECISION',
  title: '解除查封（扣押）决定书',
  titleOf: (model) => `解除${model.seizure.measureName}决定书`,
  templateFile: 'seizure-release-decision.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildSeizureReleaseModel,
  mandatoryElements: RELEASE_ELEMENTS,
  mandatoryElementsFor: () => RELEASE_ELEMENTS,
  sampleInput: withDocument(sampleCaseSource, '京网信解查扣〔2026〕1号', '2026-09-30'),
});
