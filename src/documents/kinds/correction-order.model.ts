/**
 * 责令改正通知书 (CORRECTION_ORDER).
 * Legal basis: 《中华人民共和国行政处罚法》第二十八条第一款 (责令当事人改正或者限期改正违法行为);
 * the provision violated and the one whose consequence applies are case data (e.g. 《中华人民共和国
 * 个人信息保护法》第十七条第一款、第六十六条第一款). Where the order is an independent administrative
 * act, the remedies: 《中华人民共和国行政复议法》第二十条 (sixty days), 《中华人民共和国行政诉讼法》
 * 第四十六条 (six months). docs/document-sources.md §4.7 (fields S/U).
 */
import { pipl } from '../../procedure/citations.js';
import type { LegalBasis } from '../../procedure/legal-basis.js';
import { localDate } from '../../procedure/local-date.js';
import type { CaseDocumentSource, CorrectionOrderSource } from './case-document-source.js';
import {
  baseModel,
  remediesView,
  requireSection,
  withDocument,
  type BaseModel,
  type RemediesView,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource, sampleRules } from './sample-case.js';

export interface CorrectionOrderModel extends BaseModel {
  readonly correctionOrder: {
    readonly facts: readonly string[];
    readonly violatedProvisions: readonly LegalBasis[];
    readonly basis: readonly LegalBasis[];
    /** 限期改正 (true) or 立即改正 (false). */
    readonly withinPeriod: boolean;
    readonly deadline: string | null;
    readonly requirements: readonly string[];
    readonly reportRequired: boolean;
    readonly consequenceBasis: readonly LegalBasis[];
    readonly consequence: string;
    readonly remedies: RemediesView | null;
  };
}

export function buildCorrectionOrderModel(source: CaseDocumentSource): CorrectionOrderModel {
  const kind = 'CORRECTION_ORDER';
  const c = requireSection(kind, source.correctionOrder, 'correctionOrder');
  const withinPeriod = c.mode === 'WITHIN_PERIOD';
  return {
    ...baseModel(kind, source),
    correctionOrder: {
      facts: c.facts,
      violatedProvisions: c.violatedProvisions,
      basis: c.basis,
      withinPeriod,
      // A 限期改正 without its deadline stays null: the template names correctionOrder.deadline.
      deadline: withinPeriod ? c.deadline : null,
      requirements: c.requirements,
      reportRequired: c.reportRequired,
      consequenceBasis: c.consequenceBasis,
      consequence: c.consequence,
      remedies: c.remedies ? remediesView(c.remedies) : null,
    },
  };
}

/** docs/document-sources.md §4.7: act, provision breached, basis, what to correct and by when, consequence. */
const ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name',
    'correctionOrder.facts',
    'correctionOrder.violatedProvisions',
    'correctionOrder.basis',
    'correctionOrder.requirements',
    'correctionOrder.consequenceBasis',
    'correctionOrder.consequence',
  ],
  phrases: ['责令改正通知书', '《中华人民共和国行政处罚法》第二十八条第一款', '改正内容和要求'],
});

const WITHIN_PERIOD = { paths: ['correctionOrder.deadline'], phrases: ['前改正', '逾期不改正'] };
const IMMEDIATE = { phrases: ['立即改正', '拒不改正'] };
const REMEDIES = {
  paths: [
    'correctionOrder.remedies.reconsiderationOrgan',
    'correctionOrder.remedies.reconsiderationDays',
    'correctionOrder.remedies.litigationCourt',
    'correctionOrder.remedies.litigationMonths',
  ],
  phrases: ['申请行政复议', '提起行政诉讼'],
};

/** The order of 2026-08-14 in the sample case (its facts mention it). */
export const sampleCorrectionOrder: CorrectionOrderSource = {
  facts: [
    '你单位运营的“某某”应用程序（Android版本号5.2.1，iOS版本号5.2.0）在用户首次启动时，未以显著方式、清晰易懂的语言告知个人信息处理者的名称、处理目的、处理方式和保存期限等事项，即收集用户设备识别码、位置信息和通讯录信息。',
  ],
  violatedProvisions: [pipl(17, 1)],
  basis: [pipl(66, 1)],
  mode: 'WITHIN_PERIOD',
  deadline: localDate('2026-08-24'),
  requirements: [
    '在应用程序首次启动时，以弹窗等显著方式、清晰易懂的语言告知个人信息处理规则，并取得用户同意后再收集个人信息。',
    '停止在用户同意前收集设备识别码、位置信息和通讯录信息。',
    '对已违法收集的个人信息进行核查，依法予以删除。',
  ],
  reportRequired: true,
  consequenceBasis: [pipl(66, 1)],
  consequence: '依法给予行政处罚',
  remedies: {
    reconsiderationOrgan: '北京市人民政府',
    reconsiderationDays: sampleRules.reconsiderationPeriod.length,
    litigationCourt: '北京市西城区人民法院',
    litigationMonths: sampleRules.litigationPeriod.length,
  },
};

export const correctionOrderKind = defineKind<CorrectionOrderModel>({
  kind: 'CORRECTION_ORDER',
  title: '责令改正通知书',
  templateFile: 'correction-order.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildCorrectionOrderModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: (model) =>
    mergeElements(
      ELEMENTS,
      model.correctionOrder.withinPeriod ? WITHIN_PERIOD : IMMEDIATE,
      model.correctionOrder.remedies ? REMEDIES : {},
    ),
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信责改〔2026〕1号', '2026-08-14'),
    correctionOrder: sampleCorrectionOrder,
  },
});
