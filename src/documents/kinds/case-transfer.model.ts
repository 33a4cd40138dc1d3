/**
 * 案件移送函 (CASE_TRANSFER_LETTER) and 涉嫌犯罪案件移送书 (JUDICIAL_TRANSFER_LETTER).
 * Legal basis: transfer to the competent administrative organ (jurisdiction: 《中华人民共和国行政处罚法》
 * 第二十二条至第二十五条, cited from transfer.basis); suspected crime: 《中华人民共和国行政处罚法》
 * 第二十七条第一款 (transfer to the judicial organ), 第五十七条第一款第（四）项, and
 * 《中华人民共和国行政强制法》第二十一条 (sealed or seized items go with the case; the party is told
 * in writing — a separate document). R-JUR-04, R-JUR-05. No CAC article is cited.
 */
import { apl } from '../../procedure/legal-basis.js';
import type { LegalBasis } from '../../procedure/legal-basis.js';
import { localDate } from '../../procedure/local-date.js';
import type { DocumentKind } from '../../procedure/effects.js';
import type { CaseDocumentSource, TransferSource } from './case-document-source.js';
import {
  baseModel,
  missingInSource,
  propertyItemViews,
  requireSection,
  withDocument,
  type BaseModel,
  type PropertyItemView,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface CaseTransferModel extends BaseModel {
  /** The facts as found so far, written for the recipient, one paragraph each. */
  readonly facts: readonly string[];
  readonly transfer: {
    readonly recipient: string;
    readonly reasons: readonly string[];
    readonly basis: readonly LegalBasis[];
    readonly suspectedOffence: string | null;
    readonly materials: readonly { readonly title: string; readonly quantity: string }[];
    /** 抄送 the procuratorate (judicial transfers); null: no line. */
    readonly copiedTo: string | null;
    /** Judicial transfers with sealed or seized items (Compulsion Law art. 21); else null. */
    readonly seizedItems: {
      readonly measureName: string;
      readonly listNumber: string;
      readonly items: readonly PropertyItemView[];
    } | null;
  };
}

function buildTransferModel(
  kind: DocumentKind,
  source: CaseDocumentSource,
  judicial: boolean,
): CaseTransferModel {
  const t = requireSection(kind, source.transfer, 'transfer');
  if ((t.kind === 'TO_JUDICIAL_ORGAN') !== judicial) {
    throw missingInSource(kind, 'transfer.kind');
  }
  const seizure =
    judicial && t.withSeizedItems ? requireSection(kind, source.seizure, 'seizure') : null;
  return {
    ...baseModel(kind, source),
    facts: t.facts,
    transfer: {
      recipient: t.recipient,
      reasons: t.reasons,
      basis: t.basis,
      suspectedOffence: judicial ? t.suspectedOffence : null,
      copiedTo: judicial ? (t.copiedTo ?? null) : null,
      materials: t.materials.map((m) => ({ title: m.title, quantity: m.quantity })),
      seizedItems: seizure
        ? {
            measureName: seizure.measure === 'SEAL' ? '查封' : '扣押',
            listNumber: seizure.listNumber,
            items: propertyItemViews(seizure.items),
          }
        : null,
    },
  };
}

export function buildCaseTransferModel(source: CaseDocumentSource): CaseTransferModel {
  return buildTransferModel('CASE_TRANSFER_LETTER', source, false);
}

export function buildJudicialTransferModel(source: CaseDocumentSource): CaseTransferModel {
  return buildTransferModel('JUDICIAL_TRANSFER_LETTER', source, true);
}

const COMMON = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'transfer.recipient',
    'party.name',
    'party.idNumber',
    'case.cause',
    'facts',
    'transfer.reasons',
    'transfer.materials',
  ],
  phrases: ['移送', '经本机关负责人批准'],
});

const ADMINISTRATIVE = mergeElements(COMMON, {
  paths: ['transfer.basis'],
  phrases: ['案件移送函', '依法处理'],
});

const JUDICIAL = mergeElements(COMMON, {
  paths: ['transfer.suspectedOffence'],
  phrases: [
    '涉嫌犯罪案件移送书',
    '《中华人民共和国行政处罚法》第二十七条第一款',
    '第五十七条第一款第（四）项',
  ],
});

/** Compulsion Law art. 21 when the seized items go with the case. */
const SEIZED = {
  paths: ['transfer.seizedItems.listNumber', 'transfer.seizedItems.items'],
  phrases: ['《中华人民共和国行政强制法》第二十一条', '书面告知当事人'],
};

const FACTS = [
  '当事人运营的“某某”应用程序（Android版本号5.2.1，iOS版本号5.2.0）在用户首次启动时，未以显著方式、清晰易懂的语言告知个人信息处理者的名称、处理目的、处理方式和保存期限等事项，即收集用户设备识别码、位置信息和通讯录信息，该应用程序累计注册用户约320万人。',
  '2026年8月14日，本机关执法人员对该应用程序进行检查并提取电子数据，确认上述情况属实，并于同日责令当事人于2026年8月24日前改正。',
];

const MATERIALS = [
  { title: '案件来源登记表、立案审批表', quantity: '各1份' },
  { title: '检查（勘验）笔录及电子数据光盘', quantity: '1份（光盘2张）' },
  { title: '询问笔录', quantity: '1份（共6页）' },
  { title: '当事人主体资格证明材料', quantity: '1份' },
];

/** The office where the violation took place (APL art. 22) has jurisdiction. */
export const sampleAdministrativeTransfer: TransferSource = {
  kind: 'TO_OFFICE_WITH_JURISDICTION',
  recipient: '天津市互联网信息办公室',
  facts: FACTS,
  reasons: [
    '经审查，“某某”应用程序由当事人设在天津市滨海新区的运营中心负责运营，涉案个人信息的收集和处理均在天津市滨海新区进行，违法行为发生地在天津市，本案不属于本机关管辖。',
  ],
  basis: [apl(22)],
  suspectedOffence: null,
  approvedBy: '周某',
  approvedOn: localDate('2026-08-25'),
  materials: MATERIALS,
  withSeizedItems: false,
};

/** The app sold the personal information it collected: suspected 侵犯公民个人信息罪. */
export const sampleJudicialTransfer: TransferSource = {
  kind: 'TO_JUDICIAL_ORGAN',
  recipient: '北京市公安局海淀分局',
  facts: [...FACTS, '截至2026年9月10日，当事人仍未改正。'],
  reasons: [
    '本机关在调查中还发现，当事人于2026年3月至7月间，将通过“某某”应用程序收集的用户通讯录信息约52万条出售给第三方，获利约人民币38万元，情节严重，涉嫌构成侵犯公民个人信息罪，依法应当追究刑事责任。',
  ],
  basis: [apl(27, 1), apl(57, 1, 4)],
  suspectedOffence: '侵犯公民个人信息罪',
  approvedBy: '周某',
  approvedOn: localDate('2026-09-18'),
  materials: [
    { title: '涉嫌犯罪案件情况的调查报告', quantity: '1份' },
    ...MATERIALS,
    { title: '扣押决定书及扣押清单', quantity: '各1份' },
  ],
  withSeizedItems: true,
};

export const caseTransferKind = defineKind<CaseTransferModel>({
  kind: 'CASE_TRANSFER_LETTER',
  title: '案件移送函',
  templateFile: 'case-transfer-letter.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildCaseTransferModel,
  mandatoryElements: ADMINISTRATIVE,
  mandatoryElementsFor: () => ADMINISTRATIVE,
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信移〔2026〕1号', '2026-08-25'),
    transfer: sampleAdministrativeTransfer,
  },
});

export const judicialTransferKind = defineKind<CaseTransferModel>({
  kind: 'JUDICIAL_TRANSFER_LETTER',
  title: '涉嫌犯罪案件移送书',
  templateFile: 'judicial-transfer-letter.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildJudicialTransferModel,
  mandatoryElements: JUDICIAL,
  mandatoryElementsFor: (model) =>
    mergeElements(JUDICIAL, model.transfer.seizedItems ? SEIZED : {}),
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信刑移〔2026〕1号', '2026-09-18'),
    // Transferred while the seizure lasted: the items go with the case instead of being returned.
    seizure: { ...sampleCaseSource.seizure!, release: null },
    transfer: sampleJudicialTransfer,
  },
});
