/**
 * 当场行政处罚决定书 (ON_THE_SPOT_PENALTY_DECISION).
 * Legal basis: 《中华人民共和国行政处罚法》第五十一条 (warning, or a fine of at most 200 yuan for a citizen
 * or 3,000 yuan for an organization), 第五十二条 (pre-printed numbered form handed over on the spot; the
 * violation, kind and basis of the penalty, the amount, time and place, the remedies, the office name;
 * signed or sealed by the officers; refusal to sign noted), 第二十八条第一款 (correction), 第六十七条
 * (bank, fifteen days), 第六十八条、第六十九条、第七十条 (collection on the spot against the fiscal
 * receipt), 第七十二条第一款 (surcharge); 《中华人民共和国行政复议法》第二十条、第二十三条第一款第（一）项
 * and second paragraph (reconsideration first, and the party must be told so); 《中华人民共和国行政诉讼法》
 * 第四十五条 (fifteen days after the reconsideration decision). docs/legal-sources.md §6.5, R-SUM-01..03, R-REM-02.
 */
import { pipl } from '../../procedure/citations.js';
import { apl, type LegalBasis } from '../../procedure/legal-basis.js';
import { localDate } from '../../procedure/local-date.js';
import type {
  CaseDocumentSource,
  DiscretionSource,
  PartySource,
  SummaryPenaltySource,
} from './case-document-source.js';
import {
  baseModel,
  fineTotal,
  formatClock,
  missingInSource,
  penaltyBasis,
  penaltyViews,
  requireSection,
  withDocument,
  type BaseModel,
  type PenaltyView,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource, sampleRules } from './sample-case.js';

/** The provision that allows collection on the spot, and the wording of its ground. */
const COLLECTION_GROUNDS = {
  FINE_UP_TO_100: { article: '第六十八条第（一）项', text: '本决定依法给予一百元以下罚款' },
  HARD_TO_ENFORCE: { article: '第六十八条第（二）项', text: '不当场收缴事后难以执行' },
  REMOTE_AREA: {
    article: '第六十九条',
    text: '当事人在边远、交通不便地区到指定的银行或者通过电子支付系统缴纳罚款确有困难，并由当事人提出',
  },
} as const;

export interface OnTheSpotPenaltyDecisionModel extends BaseModel {
  readonly summaryPenalty: {
    readonly date: string;
    /** 10时20分 */
    readonly time: string;
    readonly place: string;
    readonly facts: readonly string[];
    readonly violatedProvisions: readonly LegalBasis[];
    readonly penalties: readonly PenaltyView[];
    readonly penaltyBasis: readonly LegalBasis[];
    readonly statement: string | null;
    /** The discretion (APL art. 34): tier, grounds and benchmark, as the decision letter states it. */
    readonly discretion: DiscretionSource | null;
    readonly correction: string | null;
    /** Total of the fines (decimal string of yuan); null for a warning only. */
    readonly fineYuan: string | null;
    /** Collected on the spot: the article (第六十八条第（一）项 …), its ground and the receipt number. */
    readonly collection: {
      readonly article: string;
      readonly groundText: string;
      readonly receiptNumber: string;
    } | null;
    /** Paying at the bank (APL 67, 72), printed when the fine is not collected on the spot. */
    readonly payment: {
      readonly deadlineDays: number;
      readonly surchargePercentPerDay: number;
      readonly bankName: string;
      readonly electronicChannel: string | null;
    } | null;
    readonly remedies: {
      readonly reconsiderationOrgan: string;
      readonly reconsiderationDays: number;
      readonly litigationDaysAfterReconsideration: number;
    };
  };
}

export function buildOnTheSpotPenaltyDecisionModel(
  source: CaseDocumentSource,
): OnTheSpotPenaltyDecisionModel {
  const kind = 'ON_THE_SPOT_PENALTY_DECISION';
  const s = requireSection(kind, source.summaryPenalty, 'summaryPenalty');
  if (s.penalties.length === 0) {
    throw missingInSource(kind, 'summaryPenalty.penalties');
  }
  const fine = fineTotal(s.penalties);
  // Collection on the spot concerns a fine; a warning alone has nothing to collect or pay.
  const collection =
    fine !== null && s.collection
      ? {
          article: COLLECTION_GROUNDS[s.collection.ground].article,
          groundText: COLLECTION_GROUNDS[s.collection.ground].text,
          receiptNumber: s.collection.receiptNumber,
        }
      : null;
  const channel = source.office.paymentChannel;
  return {
    ...baseModel(kind, source),
    summaryPenalty: {
      date: s.date,
      time: formatClock(s.time),
      place: s.place,
      facts: s.facts,
      violatedProvisions: s.violatedProvisions,
      penalties: penaltyViews(s.penalties),
      penaltyBasis: penaltyBasis(s.penalties),
      statement: s.statement,
      discretion: s.discretion,
      correction: s.correction,
      fineYuan: fine,
      collection,
      payment:
        fine === null
          ? null
          : {
              deadlineDays: s.paymentDeadlineDays,
              surchargePercentPerDay: s.surchargePercentPerDay,
              bankName: channel.bankName,
              electronicChannel: channel.electronicChannel,
            },
      remedies: { ...s.remedies },
    },
  };
}

/** APL art. 52, item by item; Reconsideration Law art. 23(2) (tell the party: reconsideration first). */
const ALWAYS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number', // 编有号码
    'party.name',
    'party.idNumber',
    'summaryPenalty.facts', // 违法行为
    'summaryPenalty.violatedProvisions',
    'summaryPenalty.penalties', // 种类
    'summaryPenalty.penaltyBasis', // 依据
    'summaryPenalty.date', // 时间
    'summaryPenalty.time',
    'summaryPenalty.place', // 地点
    'summaryPenalty.remedies.reconsiderationOrgan', // 途径和期限
    'summaryPenalty.remedies.reconsiderationDays',
    'summaryPenalty.remedies.litigationDaysAfterReconsideration',
    'handlers[].name', // 执法人员签名
    'handlers[].certificateNumber',
  ],
  phrases: [
    '当场行政处罚决定书',
    '应当先',
    '申请行政复议',
    '提起行政诉讼',
    '第二十三条第一款第（一）项',
    '执法人员签名',
    '拒绝签收',
    '备案',
  ],
});

/** The discretion stated as in the decision letter (APL art. 34; E10). */
const DISCRETION = {
  paths: ['summaryPenalty.discretion.tierPhrase', 'summaryPenalty.discretion.benchmark'],
  phrases: ['进行裁量'],
};

/** 罚款数额 (APL 52) and how it is paid: at the bank (67, 72) or on the spot (68–70). */
const FINE = { paths: ['summaryPenalty.fineYuan'] };
const BANK = {
  paths: ['summaryPenalty.payment.deadlineDays', 'summaryPenalty.payment.bankName'],
  phrases: ['《中华人民共和国行政处罚法》第六十七条', '加处罚款的数额不得超出罚款的数额'],
};
const ON_THE_SPOT = {
  paths: ['summaryPenalty.collection.article', 'summaryPenalty.collection.receiptNumber'],
  phrases: ['当场收缴', '专用票据'],
};

/** A natural person fined 100 yuan and warned, the fine collected on the spot (APL 68(1)). */
export const sampleSummaryParty: PartySource = {
  kind: 'NATURAL_PERSON',
  name: '陈某某',
  idType: 'RESIDENT_ID_CARD',
  idNumber: '11010519900721302X',
  address: '北京市朝阳区某某街道某某小区5号楼2单元101室',
  legalRepresentative: null,
  contact: { phone: '13700000000' },
};

export const sampleSummaryPenalty: SummaryPenaltySource = {
  date: localDate('2026-11-05'),
  time: '10:20',
  place: '北京市朝阳区某某路12号某某打印店',
  facts: [
    '你经营的某某打印店通过自行设置的微信小程序收集顾客的身份证件照片和手机号码，未告知顾客个人信息的处理目的、处理方式和保存期限。2026年10月8日，本机关已当场责令你改正，2026年11月5日本机关执法人员复查时，该小程序仍在以相同方式收集上述个人信息。',
  ],
  violatedProvisions: [pipl(17, 1)],
  penalties: [
    { kind: 'WARNING', amountYuan: null, content: null, basis: [pipl(66, 1)], provisionText: null },
    { kind: 'FINE', amountYuan: '100', content: null, basis: [pipl(66, 1)], provisionText: null },
  ],
  statement: '对上述事实无异议，表示将立即停止收集顾客身份证件照片。',
  // 从轻: the party corrected part of the conduct on the spot (CAC benchmark circumstance).
  discretion: {
    tier: 'LIGHTER',
    tierName: '从轻处罚',
    tierPhrase: '从轻处罚',
    grounds: [{ term: '裁量基准规定的从轻处罚情节', basis: [apl(34)] }],
    groundsText: '裁量基准规定的从轻处罚情节（《中华人民共和国行政处罚法》第三十四条）',
    referencesText: null,
    statement: '当事人当场删除了部分已收集的身份证件照片。',
    benchmark: '《网信部门行政处罚裁量权基准适用规定》',
  },
  correction: '立即停止以该小程序收集顾客身份证件照片，并删除已收集的个人信息。',
  collection: { ground: 'FINE_UP_TO_100', receiptNumber: '京财罚票〔2026〕0012345' },
  paymentDeadlineDays: sampleRules.paymentPeriod.length,
  surchargePercentPerDay: sampleRules.lateSurchargePercentPerDay.value,
  remedies: {
    reconsiderationOrgan: '北京市人民政府',
    reconsiderationDays: sampleRules.reconsiderationPeriod.length,
    litigationDaysAfterReconsideration: sampleRules.litigationAfterReconsiderationPeriod.length,
  },
};

export const onTheSpotPenaltyDecisionKind = defineKind<OnTheSpotPenaltyDecisionModel>({
  kind: 'ON_THE_SPOT_PENALTY_DECISION',
  title: '当场行政处罚决定书',
  templateFile: 'on-the-spot-penalty-decision.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildOnTheSpotPenaltyDecisionModel,
  mandatoryElements: ALWAYS,
  mandatoryElementsFor: (model) =>
    mergeElements(
      ALWAYS,
      model.summaryPenalty.discretion ? DISCRETION : {},
      model.summaryPenalty.fineYuan ? FINE : {},
      model.summaryPenalty.collection ? ON_THE_SPOT : model.summaryPenalty.payment ? BANK : {},
    ),
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信当罚〔2026〕1号', '2026-11-05'),
    case: {
      ...sampleCaseSource.case,
      number: '京网信当罚〔2026〕1号',
      cause: '未履行个人信息告知义务',
      violationSummary: '打印店微信小程序未告知处理规则即收集顾客身份证件照片',
      facts: sampleSummaryPenalty.facts,
      docketedOn: null,
    },
    parties: [sampleSummaryParty],
    summaryPenalty: sampleSummaryPenalty,
  },
});
