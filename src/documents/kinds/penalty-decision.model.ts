/**
 * 行政处罚决定书 (PENALTY_DECISION).
 * Legal basis: 《中华人民共和国行政处罚法》第五十九条 (contents (1)–(6) and the seal), 第二十八条
 * (order to correct), 第四十五条 (statements reviewed), 第六十六条第二款 (deferral), 第六十七条
 * (pay within fifteen days at the designated bank or by electronic payment), 第七十二条第一款
 * (daily surcharge capped at the fine; court enforcement), 第七十三条第一款 (no suspension);
 * 《中华人民共和国行政复议法》第二十条 (sixty days); 《中华人民共和国行政诉讼法》第四十六条
 * (six months). docs/legal-sources.md §6.4, docs/document-sources.md §4.11.
 */
import type { CaseDocumentSource } from './case-document-source.js';
import {
  evidenceViews,
  findingsView,
  letterHead,
  missingInSource,
  requireSection,
  type EvidenceView,
  type FindingsView,
  type LetterHeadView,
  type RemediesView,
} from './common.js';
import {
  decisionRemedies,
  hearingReference,
  noticeReference,
  paymentView,
  statementView,
  type HearingReferenceView,
  type NoticeReferenceView,
  type PaymentView,
  type StatementView,
} from './decision-parts.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface PenaltyDecisionModel extends LetterHeadView {
  readonly evidence: readonly EvidenceView[];
  readonly notice: NoticeReferenceView;
  readonly hearing: HearingReferenceView | null;
  readonly decision: FindingsView & {
    readonly statement: StatementView | null;
    readonly payment: PaymentView | null;
    readonly remedies: RemediesView;
  };
}

export function buildPenaltyDecisionModel(source: CaseDocumentSource): PenaltyDecisionModel {
  const kind = 'PENALTY_DECISION';
  const decision = requireSection(kind, source.decision, 'decision');
  if (decision.kind !== 'PENALTY' || decision.penalties.length === 0) {
    throw missingInSource(kind, 'decision.penalties');
  }
  // APL art. 62: no penalty decision without the pre-penalty notice.
  requireSection(kind, source.notice, 'notice');
  return {
    ...letterHead(kind, source),
    evidence: evidenceViews(source.evidence),
    notice: noticeReference(source)!,
    hearing: hearingReference(source),
    decision: {
      ...findingsView(decision),
      statement: statementView(decision),
      payment: paymentView(kind, decision),
      remedies: decisionRemedies(decision),
    },
  };
}

/** APL art. 59, item by item, plus the remedies of Reconsideration Law 20 / Litigation Law 46. */
const ALWAYS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name', // 59 (1)
    'party.idNumber',
    'party.address', // 59 (1)
    'decision.facts', // 59 (2) 事实
    'evidence', // 59 (2) 证据
    'decision.violatedProvisions',
    'decision.penalties', // 59 (3) 种类
    'decision.discretion.tierPhrase', // 59 (3) 裁量档次及情节 (APL 34)
    'decision.discretion.benchmark',
    'decision.penaltyBasis', // 59 (3) 依据
    'decision.remedies.reconsiderationOrgan', // 59 (5)
    'decision.remedies.reconsiderationDays',
    'decision.remedies.litigationCourt',
    'decision.remedies.litigationMonths',
  ],
  phrases: [
    '行政处罚决定书',
    '违法事实和证据',
    '上述事实，有下列证据证明',
    '决定对',
    '履行方式和期限', // 59 (4)
    '申请行政复议',
    '提起行政诉讼',
    '不停止执行',
  ],
});

/** 59 (4) for money penalties: APL 67 and 72. */
const MONEY = {
  paths: [
    'decision.payment.deadlineDays',
    'decision.payment.bankName',
    'decision.payment.totalYuan',
  ],
  phrases: ['《中华人民共和国行政处罚法》第六十七条', '自收到本决定书之日起'],
};
const FINE = {
  paths: ['decision.payment.surchargePercentPerDay', 'decision.payment.fineYuan'],
  phrases: ['加处罚款的数额不得超出罚款的数额', '申请人民法院强制执行'],
};

export const penaltyDecisionKind = defineKind<PenaltyDecisionModel>({
  kind: 'PENALTY_DECISION',
  title: '行政处罚决定书',
  templateFile: 'penalty-decision.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildPenaltyDecisionModel,
  mandatoryElements: ALWAYS,
  mandatoryElementsFor: (model) =>
    mergeElements(
      ALWAYS,
      model.decision.payment ? MONEY : {},
      model.decision.payment?.fineYuan ? FINE : {},
    ),
  sampleInput: {
    ...sampleCaseSource,
    document: {
      number: '京网信罚决〔2026〕15号',
      issuedOn: sampleCaseSource.document.issuedOn,
      copies: 2,
    },
  },
});
