/**
 * 撤销（变更）行政处罚决定书 (DECISION_REVOCATION_OR_CHANGE): the office revokes or changes its own
 * penalty decision on finding it wrong, on its own review or on a 申诉/检举.
 * Legal basis: 《中华人民共和国行政处罚法》第七十五条第二款 (发现有错误的，应当主动改正) (V); the
 * letter's layout follows the decision letters (决定类, docs/document-sources.md; wording D). A
 * change is a new decision for the party: its letter states the remedies as the decision letter
 * does (《中华人民共和国行政复议法》第二十条, 《中华人民共和国行政诉讼法》第四十六条) and, where money
 * is still owed, the days to pay from its service (《中华人民共和国行政处罚法》第六十七条第三款).
 */
import { localDate } from '../../procedure/local-date.js';
import type { CaseDocumentSource, DecisionCorrectionSource } from './case-document-source.js';
import {
  baseModel,
  remediesView,
  requireSection,
  withDocument,
  type BaseModel,
  type RemediesView,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource, sampleOffice, sampleRules } from './sample-case.js';

const COMPLAINT_NAMES: Record<'COMPLAINT' | 'REPORT', string> = {
  COMPLAINT: '当事人的申诉',
  REPORT: '检举',
};

export interface DecisionRevocationOrChangeModel extends BaseModel {
  readonly decisionCorrection: {
    readonly title: string;
    readonly verb: string;
    readonly originalNumber: string;
    readonly originalDecidedOn: string;
    readonly origin: string;
    readonly reasons: readonly string[];
    readonly changed: boolean;
    readonly penalties: readonly string[];
    readonly refundYuan: string | null;
    /** CHANGED: the remedies against the changed decision (the decision letter's section). */
    readonly remedies: RemediesView | null;
    /** CHANGED with money still owed: what is left and the days to pay it from service. */
    readonly payment: { readonly outstandingYuan: string; readonly deadlineDays: number } | null;
  };
}

export function buildDecisionRevocationOrChangeModel(
  source: CaseDocumentSource,
): DecisionRevocationOrChangeModel {
  const kind = 'DECISION_REVOCATION_OR_CHANGE';
  const c = requireSection(kind, source.decisionCorrection ?? null, 'decisionCorrection');
  const changed = c.kind === 'CHANGED';
  return {
    ...baseModel(kind, source),
    decisionCorrection: {
      title: changed ? '变更行政处罚决定书' : '撤销行政处罚决定书',
      verb: changed ? '变更' : '撤销',
      originalNumber: c.originalNumber,
      originalDecidedOn: c.originalDecidedOn,
      origin: c.complaint
        ? `本机关于${c.complaint.receivedOn}收到${COMPLAINT_NAMES[c.complaint.kind]}，经审查`
        : '本机关经审查',
      reasons: c.reasons,
      changed,
      penalties: c.penalties,
      refundYuan: c.refundYuan,
      remedies: changed && c.remedies ? remediesView(c.remedies) : null,
      payment: changed ? c.payment : null,
    },
  };
}

const ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name',
    'decisionCorrection.title',
    'decisionCorrection.originalNumber',
    'decisionCorrection.originalDecidedOn',
    'decisionCorrection.reasons',
  ],
  phrases: ['《中华人民共和国行政处罚法》第七十五条第二款', '行政处罚决定书'],
});

/** A change: the remedies of the decision letter (Reconsideration Law 20 / Litigation Law 46). */
const CHANGE_REMEDIES = {
  paths: [
    'decisionCorrection.remedies.reconsiderationOrgan',
    'decisionCorrection.remedies.reconsiderationDays',
    'decisionCorrection.remedies.litigationCourt',
    'decisionCorrection.remedies.litigationMonths',
  ],
  phrases: ['申请行政复议', '提起行政诉讼'],
};
/** A change leaving money to pay: APL art. 67(3), from the service of this letter. */
const CHANGE_PAYMENT = {
  paths: ['decisionCorrection.payment.outstandingYuan', 'decisionCorrection.payment.deadlineDays'],
  phrases: ['《中华人民共和国行政处罚法》第六十七条', '自收到本决定书之日起'],
};

/**
 * The sample decision of 2026-09-10 (80 000 yuan, nothing paid yet) changed on a complaint: the
 * fine reduced to 50 000 yuan, paid within the period from the service of this letter.
 */
export const sampleDecisionCorrection: DecisionCorrectionSource = {
  kind: 'CHANGED',
  originalNumber: '京网信罚〔2026〕1号',
  originalDecidedOn: localDate('2026-09-10'),
  decidedOn: localDate('2026-11-20'),
  complaint: { kind: 'COMPLAINT', receivedOn: localDate('2026-10-12') },
  reasons: [
    '原决定认定的违法所得数额有误：经核实，当事人违法收集个人信息的期间为2026年3月至5月，而非2026年1月至5月，原决定据此确定的罚款数额适用有误。',
  ],
  penalties: ['罚款人民币五万元（50000.00元）'],
  refundYuan: null,
  remedies: {
    reconsiderationOrgan: sampleOffice.reconsiderationOrgan,
    reconsiderationDays: sampleRules.reconsiderationPeriod.length,
    litigationCourt: sampleOffice.litigationCourt,
    litigationMonths: sampleRules.litigationPeriod.length,
  },
  payment: { outstandingYuan: '50000.00', deadlineDays: sampleRules.paymentPeriod.length },
};

export const decisionRevocationOrChangeKind = defineKind<DecisionRevocationOrChangeModel>({
  kind: 'DECISION_REVOCATION_OR_CHANGE',
  title: '撤销（变更）行政处罚决定书',
  templateFile: 'decision-revocation-or-change.hbs',
  version: '2026-12',
  sealed: true,
  buildModel: buildDecisionRevocationOrChangeModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: (model) =>
    mergeElements(
      ELEMENTS,
      model.decisionCorrection.changed ? CHANGE_REMEDIES : {},
      model.decisionCorrection.payment ? CHANGE_PAYMENT : {},
    ),
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信罚更〔2026〕1号', '2026-11-20'),
    decisionCorrection: sampleDecisionCorrection,
  },
});
