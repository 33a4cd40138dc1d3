/**
 * 送达回证 (SERVICE_RECEIPT) — one receipt per service: what was served on whom, where, how, when,
 * who signed or why nobody did, and the date the law deems the documents served.
 * Legal basis: 《中华人民共和国行政处罚法》第六十一条 (serve under the Civil Procedure Law;
 * electronic service with the party's signed confirmation); 《中华人民共和国民事诉讼法》第八十七条
 * (送达回证, the date written is the service date), 第八十八条 (direct service and substitutes),
 * 第八十九条 (留置送达), 第九十条 (electronic), 第九十一条 (entrusted, mail), 第九十二条至第九十四条
 * (forwarded), 第九十五条 (public notice, 30 days); 《中华人民共和国行政强制法》第三十八条 (催告书).
 * docs/legal-sources.md §3.10 R-SRV-01..10, §6.7; docs/document-sources.md §4.14. Form layout (审批表 style), no seal.
 */
import type { ServiceRecipientRole } from '../../procedure/action-inputs.js';
import type { ServiceMethod } from '../../procedure/case-snapshot.js';
import { civilProcedure } from '../../procedure/citations.js';
import type { LegalBasis } from '../../procedure/legal-basis.js';
import { localDate } from '../../procedure/local-date.js';
import type { CaseDocumentSource, ServiceSource } from './case-document-source.js';
import {
  baseModel,
  missingInSource,
  requireSection,
  withDocument,
  type BaseModel,
} from './common.js';
import { defineKind, mergeElements, type DocumentKindDefinition } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

const KIND = 'SERVICE_RECEIPT';

/** The method as the receipt prints it. */
export const SERVICE_METHOD_NAMES: Record<ServiceMethod, string> = {
  DIRECT: '直接送达',
  ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE: '交其同住成年家属或者单位收发部门签收',
  LEFT_AT_RESIDENCE: '留置送达',
  ELECTRONIC: '电子送达',
  MAIL: '邮寄送达',
  ENTRUSTED: '委托送达',
  FORWARDED: '转交送达',
  PUBLIC_NOTICE: '公告送达',
};

/** Who signed, in relation to the 受送达人 (CPL art. 88). */
export const RECIPIENT_ROLE_NAMES: Record<ServiceRecipientRole, string> = {
  PARTY: '受送达人本人',
  ADULT_FAMILY_MEMBER: '同住成年家属',
  LEGAL_REPRESENTATIVE: '法定代表人',
  PRINCIPAL_PERSON_IN_CHARGE: '主要负责人',
  RECEIVING_OFFICE: '负责收件的人',
  AGENT: '委托代理人',
  DESIGNATED_RECIPIENT: '指定的代收人',
};

/**
 * The provision that fixes the service date of each method: the date the signer wrote (art. 87,
 * also for substitutes, entrusted and forwarded service), left at the residence (art. 89), reached
 * the system (art. 90), on the return slip (art. 91), 30 days after the notice (art. 95).
 */
const METHOD_BASIS: Record<ServiceMethod, LegalBasis> = {
  DIRECT: civilProcedure(87),
  ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE: civilProcedure(87),
  LEFT_AT_RESIDENCE: civilProcedure(89),
  ELECTRONIC: civilProcedure(90),
  MAIL: civilProcedure(91),
  ENTRUSTED: civilProcedure(87),
  FORWARDED: civilProcedure(87),
  PUBLIC_NOTICE: civilProcedure(95),
};

/** Methods whose service date is the date the recipient (or the substitute) wrote when signing. */
const SIGNED_METHODS: readonly ServiceMethod[] = [
  'DIRECT',
  'ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE',
  'ENTRUSTED',
  'FORWARDED',
];

/**
 * Every group is always present so that one sample proves the whole template; the builder fills
 * only the facts of the service's method and leaves the others null (the template prints a group
 * under its method, so a fact missing there is named by the engine).
 */
export interface ServiceReceiptModel extends BaseModel {
  readonly service: {
    readonly documents: readonly { readonly title: string; readonly number: string | null }[];
    readonly address: string;
    readonly method: ServiceMethod;
    /** 直接送达 / 留置送达 / … */
    readonly methodName: string;
    /** True for the methods where the signer's date is the service date (CPL art. 87). */
    readonly signedMethod: boolean;
    /** The signer, or the person who refused; null for mail, electronic and public notice. */
    readonly recipient: { readonly name: string; readonly roleName: string } | null;
    readonly signedOn: string | null;
    readonly refusal: {
      readonly reason: string | null;
      /** 王某某、刘某某; null when the process was recorded by photo or video only. */
      readonly witnessesLine: string | null;
      readonly audiovisualRecord: string | null;
    };
    readonly electronic: {
      readonly address: string | null;
      readonly reachedOn: string | null;
      readonly reconsiderationChannel: string | null;
    };
    readonly mail: { readonly trackingNumber: string | null; readonly receivedOn: string | null };
    readonly publicNotice: {
      readonly medium: string | null;
      readonly publishedOn: string | null;
      readonly reasonAndProcess: string | null;
    };
    /** ENTRUSTED: 受委托机关; FORWARDED: 转交单位; null otherwise. */
    readonly intermediaryLabel: string | null;
    readonly intermediary: string | null;
    /** 李某、赵某 */
    readonly serversLine: string;
    readonly servedOn: string;
    readonly deemedServedOn: string;
    /** The provision fixing the service date of this method. */
    readonly deemedBasis: LegalBasis;
    readonly place: string;
    readonly remarks: string | null;
  };
}

/** Refuses a service whose method lacks the facts that prove it, naming the source path. */
function checkMethodFacts(s: ServiceSource): void {
  if (SIGNED_METHODS.includes(s.method)) {
    requireSection(KIND, s.recipient, 'service.recipient');
    requireSection(KIND, s.signedOn, 'service.signedOn');
  }
  if (s.method === 'ENTRUSTED' || s.method === 'FORWARDED') {
    requireSection(KIND, s.intermediary, 'service.intermediary');
  }
  switch (s.method) {
    case 'LEFT_AT_RESIDENCE': {
      const refusal = requireSection(KIND, s.refusal, 'service.refusal');
      // CPL art. 89: witnesses sign, or the process is recorded by photo or video.
      if (refusal.witnesses.length === 0 && !refusal.audiovisualRecord) {
        throw missingInSource(KIND, 'service.refusal.witnesses');
      }
      break;
    }
    case 'ELECTRONIC':
      requireSection(KIND, s.electronic, 'service.electronic');
      break;
    case 'MAIL':
      requireSection(KIND, s.mail, 'service.mail');
      break;
    case 'PUBLIC_NOTICE':
      requireSection(KIND, s.publicNotice, 'service.publicNotice');
      break;
    default:
      break;
  }
}

export function buildServiceReceiptModel(source: CaseDocumentSource): ServiceReceiptModel {
  const s = requireSection(KIND, source.service, 'service');
  checkMethodFacts(s);
  const signedMethod = SIGNED_METHODS.includes(s.method);
  const refusal = s.method === 'LEFT_AT_RESIDENCE' ? s.refusal : null;
  const electronic = s.method === 'ELECTRONIC' ? s.electronic : null;
  const mail = s.method === 'MAIL' ? s.mail : null;
  const notice = s.method === 'PUBLIC_NOTICE' ? s.publicNotice : null;
  const intermediaryLabel =
    s.method === 'ENTRUSTED' ? '受委托机关' : s.method === 'FORWARDED' ? '转交单位' : null;
  return {
    ...baseModel(KIND, source),
    service: {
      documents: s.documents.map((doc) => ({ title: doc.title, number: doc.number })),
      address: s.address,
      method: s.method,
      methodName: SERVICE_METHOD_NAMES[s.method],
      signedMethod,
      recipient:
        s.recipient && (signedMethod || s.method === 'LEFT_AT_RESIDENCE')
          ? { name: s.recipient.name, roleName: RECIPIENT_ROLE_NAMES[s.recipient.role] }
          : null,
      signedOn: signedMethod ? s.signedOn : null,
      refusal: {
        reason: refusal?.reason ?? null,
        witnessesLine:
          refusal && refusal.witnesses.length > 0 ? refusal.witnesses.join('、') : null,
        audiovisualRecord: refusal?.audiovisualRecord ?? null,
      },
      electronic: {
        address: electronic?.address ?? null,
        reachedOn: electronic?.reachedOn ?? null,
        reconsiderationChannel: electronic?.reconsiderationChannel ?? null,
      },
      mail: { trackingNumber: mail?.trackingNumber ?? null, receivedOn: mail?.receivedOn ?? null },
      publicNotice: {
        medium: notice?.medium ?? null,
        publishedOn: notice?.publishedOn ?? null,
        reasonAndProcess: notice?.reasonAndProcess ?? null,
      },
      intermediaryLabel,
      intermediary: intermediaryLabel ? s.intermediary : null,
      serversLine: s.servers.join('、'),
      servedOn: s.servedOn,
      deemedServedOn: s.deemedServedOn,
      deemedBasis: METHOD_BASIS[s.method],
      place: s.place,
      remarks: s.remarks,
    },
  };
}

const ELEMENTS = {
  paths: [
    'office.name',
    'case.number',
    'party.name', // 受送达人
    'service.documents',
    'service.address',
    'service.methodName',
    'service.serversLine',
    // One date: the service date the law fixes (the day of the act and the facts of the method
    // are in their own rows), not a 送达时间 beside a 送达日期.
    'service.deemedServedOn',
    'service.deemedBasis',
    'service.place',
  ],
  phrases: [
    '送达文书名称及文号',
    '受送达人',
    '送达方式',
    '送达人',
    '《中华人民共和国行政处罚法》第六十一条',
  ],
};

/** Branch-dependent elements: what proves the service by this method. */
function elementsFor(model: ServiceReceiptModel) {
  const s = model.service;
  if (s.signedMethod) {
    const extra = ['service.recipient.name', 'service.recipient.roleName', 'service.signedOn'];
    if (s.method === 'ENTRUSTED' || s.method === 'FORWARDED') {
      extra.push('service.intermediary');
    }
    return mergeElements(ELEMENTS, { paths: extra, phrases: ['签收人'] });
  }
  switch (s.method) {
    case 'LEFT_AT_RESIDENCE':
      return mergeElements(ELEMENTS, {
        paths: ['service.refusal.reason'],
        phrases: ['拒绝签收', '留置'],
      });
    case 'ELECTRONIC':
      return mergeElements(ELEMENTS, {
        paths: ['service.electronic.address', 'service.electronic.reachedOn'],
        phrases: ['特定系统'],
      });
    case 'MAIL':
      return mergeElements(ELEMENTS, { paths: ['service.mail.receivedOn'], phrases: ['回执'] });
    case 'PUBLIC_NOTICE':
      return mergeElements(ELEMENTS, {
        paths: [
          'service.publicNotice.medium',
          'service.publicNotice.publishedOn',
          'service.publicNotice.reasonAndProcess',
        ],
        phrases: ['公告'],
      });
    default:
      return ELEMENTS;
  }
}

const d = localDate;

/** A 留置送达 of the decision on the legal person: its representative refused to sign. */
export const sampleService: ServiceSource = {
  documents: [{ title: '行政处罚决定书', number: '京网信罚决〔2026〕15号' }],
  recipient: { name: '张某', role: 'LEGAL_REPRESENTATIVE' },
  address: '北京市海淀区某某路8号院3号楼501室',
  method: 'LEFT_AT_RESIDENCE',
  signedOn: null,
  refusal: {
    reason: '称对处罚决定不服，拒绝在送达回证上签名或者盖章',
    witnesses: ['王某某（某某路社区居民委员会工作人员）'],
    audiovisualRecord: '执法记录仪录像ZFJL-20261106-031',
  },
  electronic: null,
  mail: null,
  publicNotice: null,
  intermediary: null,
  servers: ['李某', '赵某'],
  servedOn: d('2026-11-06'),
  deemedServedOn: d('2026-11-06'),
  place: '北京市海淀区某某路8号院3号楼501室（当事人住所）',
  remarks: '执法人员将文书留置于当事人前台，并拍照、录像记录留置过程。',
};

export const serviceReceiptKind: DocumentKindDefinition = defineKind<ServiceReceiptModel>({
  kind: KIND,
  title: '送达回证',
  templateFile: 'service-receipt.hbs',
  version: '2026-11',
  sealed: false,
  buildModel: buildServiceReceiptModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: elementsFor,
  sampleInput: {
    ...withDocument(sampleCaseSource, null, '2026-11-06'),
    service: sampleService,
  },
});

// ── 送达回证（空白） ────────────────────────────────────────────────────────────────────────

/**
 * The blank 送达回证 made with each document to be served (SERVICE_RECEIPT_BLANK): the sheet the
 * server carries to the door. It names what is served, on whom and where; the recipient fills in
 * who signs, the signature and the date and time received, which is the service date (CPL art. 87);
 * a refusal and its witnesses (art. 89) and the servers' signatures are written there too. The
 * SERVICE_RECEIPT made by serveDocument records the service afterwards.
 */
export interface BlankServiceReceiptModel extends BaseModel {
  readonly receipt: {
    readonly documents: readonly { readonly title: string; readonly number: string | null }[];
    readonly address: string;
  };
}

const BLANK_KIND = 'SERVICE_RECEIPT_BLANK';

export function buildBlankServiceReceiptModel(
  source: CaseDocumentSource,
): BlankServiceReceiptModel {
  const r = requireSection(BLANK_KIND, source.blankServiceReceipt, 'blankServiceReceipt');
  return {
    ...baseModel(BLANK_KIND, source),
    receipt: {
      documents: r.documents.map((doc) => ({ title: doc.title, number: doc.number })),
      address: r.address,
    },
  };
}

const BLANK_ELEMENTS = {
  paths: ['office.name', 'case.number', 'party.name', 'receipt.documents', 'receipt.address'],
  phrases: [
    '送达文书名称及文号',
    '受送达人',
    '签名或者盖章',
    '收到时间',
    '送达人签名',
    '《中华人民共和国民事诉讼法》第八十七条',
  ],
};

export const blankServiceReceiptKind: DocumentKindDefinition = defineKind<BlankServiceReceiptModel>(
  {
    kind: BLANK_KIND,
    title: '送达回证（空白）',
    templateFile: 'service-receipt-blank.hbs',
    version: '2026-12',
    sealed: false,
    buildModel: buildBlankServiceReceiptModel,
    mandatoryElements: BLANK_ELEMENTS,
    mandatoryElementsFor: () => BLANK_ELEMENTS,
    sampleInput: {
      ...withDocument(sampleCaseSource, null, '2026-11-05'),
      blankServiceReceipt: {
        documents: sampleService.documents,
        address: sampleService.address,
      },
    },
  },
);
