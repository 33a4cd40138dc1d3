/**
 * Outgoing letters a step declares due, each sealed and numbered per office, year and kind:
 * 不予立案告知书（移送机关） (a case transferred in and not docketed, told to the sender),
 * 查封、扣押财物移交告知书 (《中华人民共和国行政强制法》第二十一条: seized property goes with a
 * case transferred to the judicial organ, and the party is told in writing),
 * 关于报请指定管辖的请示 (《中华人民共和国行政处罚法》第二十五条第二款: a jurisdiction dispute
 * not settled by consultation goes to the common superior authority).
 */
import { localDate } from '../../procedure/local-date.js';
import type { CaseDocumentSource } from './case-document-source.js';
import {
  baseModel,
  requireSection,
  seizureMeasureName,
  withDocument,
  type BaseModel,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

const d = localDate;

function signed(paths: readonly string[], phrases: readonly string[]) {
  return mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
    paths: ['document.number', ...paths],
    phrases: [...phrases],
  });
}

// ── 不予立案告知书（移送机关） ──────────────────────────────────────────────────────

export interface TransferNotDocketedModel extends BaseModel {
  readonly notDocketed: {
    readonly transferringAuthority: string;
    readonly transferLetterNumber: string | null;
    readonly receivedOn: string;
    readonly reasons: string;
    readonly decidedOn: string;
  };
}

function buildTransferNotDocketedModel(source: CaseDocumentSource): TransferNotDocketedModel {
  const kind = 'NOT_DOCKETED_NOTICE_TO_TRANSFERRING_AUTHORITY';
  const n = requireSection(kind, source.transferNotDocketed, 'transferNotDocketed');
  return { ...baseModel(kind, source), notDocketed: { ...n } };
}

const TRANSFER_NOT_DOCKETED_ELEMENTS = signed(
  [
    'notDocketed.transferringAuthority',
    'notDocketed.receivedOn',
    'notDocketed.reasons',
    'notDocketed.decidedOn',
    'party.name',
  ],
  ['不予立案告知书', '经本机关负责人批准', '决定不予立案'],
);

export const transferNotDocketedKind = defineKind<TransferNotDocketedModel>({
  kind: 'NOT_DOCKETED_NOTICE_TO_TRANSFERRING_AUTHORITY',
  title: '不予立案告知书（移送机关）',
  titleOf: () => '不予立案告知书',
  templateFile: 'not-docketed-notice-to-transferring-authority.hbs',
  version: '2026-12',
  sealed: true,
  buildModel: buildTransferNotDocketedModel,
  mandatoryElements: TRANSFER_NOT_DOCKETED_ELEMENTS,
  mandatoryElementsFor: () => TRANSFER_NOT_DOCKETED_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信不立移〔2026〕1号', '2026-08-24'),
    case: { ...sampleCaseSource.case, docketedOn: null },
    transferNotDocketed: {
      transferringAuthority: '北京市某某区互联网信息办公室',
      transferLetterNumber: '京某网信移〔2026〕3号',
      receivedOn: d('2026-08-10'),
      reasons:
        '经核查，“某某”应用程序在用户首次启动时已以弹窗方式告知个人信息处理规则，并在取得用户同意后方收集通讯录信息，未发现移送材料所称的违法行为，不符合立案条件。',
      decidedOn: d('2026-08-21'),
    },
  },
});

// ── 查封、扣押财物移交告知书 ───────────────────────────────────────────────────────

export interface SeizedItemsTransferModel extends BaseModel {
  readonly itemsTransfer: {
    readonly seizureNumber: string;
    readonly measureName: string;
    readonly items: string;
    readonly receivingAuthority: string;
    readonly reason: string;
    readonly transferredOn: string;
  };
}

function buildSeizedItemsTransferModel(source: CaseDocumentSource): SeizedItemsTransferModel {
  const kind = 'SEIZED_ITEMS_TRANSFER_NOTICE';
  const t = requireSection(kind, source.seizedItemsTransfer, 'seizedItemsTransfer');
  return {
    ...baseModel(kind, source),
    itemsTransfer: {
      seizureNumber: t.seizureNumber,
      measureName: seizureMeasureName(t.measure),
      items: t.items,
      receivingAuthority: t.receivingAuthority,
      reason: t.reason,
      transferredOn: t.transferredOn,
    },
  };
}

const SEIZED_ITEMS_TRANSFER_ELEMENTS = signed(
  [
    'party.name',
    'itemsTransfer.seizureNumber',
    'itemsTransfer.items',
    'itemsTransfer.receivingAuthority',
    'itemsTransfer.reason',
    'itemsTransfer.transferredOn',
  ],
  ['《中华人民共和国行政强制法》第二十一条', '一并移送'],
);

export const seizedItemsTransferKind = defineKind<SeizedItemsTransferModel>({
  kind: 'SEIZED_ITEMS_TRANSFER_NOTICE',
  title: '查封、扣押财物移交告知书',
  titleOf: (model) => `${model.itemsTransfer.measureName}财物移交告知书`,
  templateFile: 'seized-items-transfer-notice.hbs',
  version: '2026-12',
  sealed: true,
  buildModel: buildSeizedItemsTransferModel,
  mandatoryElements: SEIZED_ITEMS_TRANSFER_ELEMENTS,
  mandatoryElementsFor: () => SEIZED_ITEMS_TRANSFER_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信物移〔2026〕1号', '2026-10-12'),
    seizedItemsTransfer: {
      seizureNumber: '京网信查扣〔2026〕1号',
      measure: 'SEIZE',
      items: '服务器硬盘2块（详见扣押清单）',
      receivingAuthority: '北京市公安局某某分局',
      reason: '你单位的行为涉嫌构成侵犯公民个人信息罪，本机关已将案件移送司法机关',
      transferredOn: d('2026-10-12'),
    },
  },
});

// ── 关于报请指定管辖的请示 ─────────────────────────────────────────────────────────

export interface DesignatedJurisdictionModel extends BaseModel {
  readonly request: {
    readonly superiorAuthority: string;
    readonly otherAuthorities: string;
    readonly dispute: string;
    readonly proposal: string;
    readonly contactPerson: string;
    readonly contactPhone: string;
  };
}

function buildDesignatedJurisdictionModel(source: CaseDocumentSource): DesignatedJurisdictionModel {
  const kind = 'DESIGNATED_JURISDICTION_REQUEST';
  const r = requireSection(kind, source.designatedJurisdiction, 'designatedJurisdiction');
  return { ...baseModel(kind, source), request: { ...r } };
}

const DESIGNATED_JURISDICTION_ELEMENTS = signed(
  [
    'party.name',
    'request.superiorAuthority',
    'request.otherAuthorities',
    'request.dispute',
    'request.proposal',
    'request.contactPerson',
    'request.contactPhone',
  ],
  ['《中华人民共和国行政处罚法》第二十五条第二款', '指定管辖', '妥否，请批示'],
);

export const designatedJurisdictionKind = defineKind<DesignatedJurisdictionModel>({
  kind: 'DESIGNATED_JURISDICTION_REQUEST',
  title: '关于报请指定管辖的请示',
  templateFile: 'designated-jurisdiction-request.hbs',
  version: '2026-12',
  sealed: true,
  buildModel: buildDesignatedJurisdictionModel,
  mandatoryElements: DESIGNATED_JURISDICTION_ELEMENTS,
  mandatoryElementsFor: () => DESIGNATED_JURISDICTION_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信指管请〔2026〕1号', '2026-08-18'),
    designatedJurisdiction: {
      superiorAuthority: '国家互联网信息办公室',
      otherAuthorities: '天津市互联网信息办公室',
      dispute:
        '当事人住所地在本市，涉案应用程序的服务器及主要运营团队位于天津市。本机关与天津市互联网信息办公室均认为对本案有管辖权，经协商未能达成一致。',
      proposal: '鉴于当事人住所地及主要违法行为发生地在本市，建议指定本机关管辖。',
      contactPerson: '李某',
      contactPhone: '010-00000000',
    },
  },
});
