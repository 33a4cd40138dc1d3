/**
 * Records a step declares due, signed by the person concerned (no seal, unnumbered, identified by
 * the 案号): 回避申请记录 (《中华人民共和国行政处罚法》第四十三条: the party may apply for the
 * recusal of an officer; the application is recorded before the head decides) and 证据提取单
 * (《中华人民共和国行政处罚法》第五十五条: evidence taken is listed and signed for by whoever
 * provides it).
 */
import { localDate } from '../../procedure/local-date.js';
import type { CaseDocumentSource } from './case-document-source.js';
import { baseModel, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';
import type { MandatoryElements } from '../template-contract.js';

const d = localDate;

const RECORD_PATHS = ['office.name', 'case.number', 'case.cause', 'handlersLine'];

function elements(paths: readonly string[], phrases: readonly string[]): MandatoryElements {
  return { paths: [...RECORD_PATHS, ...paths], phrases: [...phrases] };
}

// ── 回避申请记录 ────────────────────────────────────────────────────────────────

export interface RecusalApplicationModel extends BaseModel {
  readonly application: {
    readonly appliedOn: string;
    readonly applicant: string;
    readonly applicantRole: string;
    readonly form: string;
    readonly respondent: string;
    readonly respondentRole: string;
    readonly grounds: string;
    readonly recorder: string;
  };
}

function buildRecusalApplicationModel(source: CaseDocumentSource): RecusalApplicationModel {
  const kind = 'RECUSAL_APPLICATION_RECORD';
  const a = requireSection(kind, source.recusalApplication, 'recusalApplication');
  return { ...baseModel(kind, source), application: { ...a } };
}

const RECUSAL_APPLICATION_ELEMENTS = elements(
  [
    'application.appliedOn',
    'application.applicant',
    'application.applicantRole',
    'application.form',
    'application.respondent',
    'application.respondentRole',
    'application.grounds',
    'application.recorder',
  ],
  ['回避申请记录', '《中华人民共和国行政处罚法》第四十三条'],
);

export const recusalApplicationKind = defineKind<RecusalApplicationModel>({
  kind: 'RECUSAL_APPLICATION_RECORD',
  title: '回避申请记录',
  templateFile: 'recusal-application-record.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildRecusalApplicationModel,
  mandatoryElements: RECUSAL_APPLICATION_ELEMENTS,
  mandatoryElementsFor: () => RECUSAL_APPLICATION_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-08-25'),
    recusalApplication: {
      appliedOn: d('2026-08-25'),
      applicant: '张某',
      applicantRole: '当事人的法定代表人',
      form: '口头',
      respondent: '赵某',
      respondentRole: '案件承办人员',
      grounds: '赵某曾在当事人的竞争对手处任职，与本案有利害关系，可能影响公正执法。',
      recorder: '李某',
    },
  },
});

// ── 证据提取单 ──────────────────────────────────────────────────────────────────

export interface EvidenceCollectionModel extends BaseModel {
  readonly collection: {
    readonly collectedOn: string;
    readonly place: string;
    readonly providedBy: string;
    readonly method: string;
    readonly items: readonly {
      readonly order: number;
      readonly title: string;
      readonly quantity: string;
      readonly description: string;
    }[];
  };
}

function buildEvidenceCollectionModel(source: CaseDocumentSource): EvidenceCollectionModel {
  const kind = 'EVIDENCE_COLLECTION_RECORD';
  const c = requireSection(kind, source.evidenceCollection, 'evidenceCollection');
  return {
    ...baseModel(kind, source),
    collection: {
      collectedOn: c.collectedOn,
      place: c.place,
      providedBy: c.providedBy,
      method: c.method,
      items: c.items.map((item, index) => ({ order: index + 1, ...item })),
    },
  };
}

const EVIDENCE_COLLECTION_ELEMENTS = elements(
  [
    'collection.collectedOn',
    'collection.place',
    'collection.providedBy',
    'collection.method',
    'collection.items[].title',
    'collection.items[].quantity',
  ],
  ['证据提取单', '《中华人民共和国行政处罚法》第五十五条'],
);

export const evidenceCollectionKind = defineKind<EvidenceCollectionModel>({
  kind: 'EVIDENCE_COLLECTION_RECORD',
  title: '证据提取单',
  templateFile: 'evidence-collection-record.hbs',
  version: '2026-12',
  sealed: false,
  buildModel: buildEvidenceCollectionModel,
  mandatoryElements: EVIDENCE_COLLECTION_ELEMENTS,
  mandatoryElementsFor: () => EVIDENCE_COLLECTION_ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-08-22'),
    evidenceCollection: {
      collectedOn: d('2026-08-22'),
      place: '北京市海淀区某某路8号当事人办公场所',
      providedBy: '北京某某科技有限公司（法定代表人张某）',
      method: '复制、打印',
      items: [
        {
          title: '“某某”应用程序隐私政策（2026年6月版）',
          quantity: '1份，共6页',
          description: '打印件，经当事人核对与原件一致',
        },
        {
          title: '用户个人信息收集日志（2026年6月1日至8月20日）',
          quantity: '1份（光盘1张）',
          description: '从当事人服务器复制，附哈希校验值',
        },
      ],
    },
  },
});
