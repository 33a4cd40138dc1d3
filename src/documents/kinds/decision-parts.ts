/**
 * Parts shared by the 行政处罚决定书 and the 不予行政处罚决定书: the procedure narrative (notice,
 * statements, hearing), the statement review, payment and remedies.
 */
import type { DocumentKind } from '../../procedure/effects.js';
import type { CaseDocumentSource, DecisionSource } from './case-document-source.js';
import {
  fineTotal,
  moneyTotal,
  remediesView,
  requireSection,
  type RemediesView,
} from './common.js';

export interface NoticeReferenceView {
  readonly documentNumber: string;
  readonly issuedOn: string;
  readonly servedOn: string | null;
  readonly hearingEligible: boolean;
}

export interface StatementView {
  readonly receivedOn: string;
  readonly channel: string;
  readonly summary: string;
  readonly review: string;
  /** 予以采纳 / 部分予以采纳 / 不予采纳 */
  readonly adoptionText: string;
}

export interface PaymentView {
  readonly deadlineDays: number;
  readonly surchargePercentPerDay: number;
  readonly bankName: string;
  readonly accountName: string | null;
  readonly accountNumber: string | null;
  readonly electronicChannel: string | null;
  /** Fines and confiscated gains together (decimal string of yuan). */
  readonly totalYuan: string;
  /** Fines only: the APL art. 72 surcharge base and cap; null when nothing is a fine. */
  readonly fineYuan: string | null;
}

const ADOPTION_TEXT = {
  ADOPTED: '予以采纳',
  PARTLY_ADOPTED: '部分予以采纳',
  NOT_ADOPTED: '不予采纳',
} as const;

export function noticeReference(source: CaseDocumentSource): NoticeReferenceView | null {
  const notice = source.notice;
  return notice
    ? {
        documentNumber: notice.documentNumber,
        issuedOn: notice.issuedOn,
        servedOn: notice.servedOn,
        hearingEligible: notice.hearingEligible,
      }
    : null;
}

export function statementView(decision: DecisionSource): StatementView | null {
  const s = decision.statement;
  return s
    ? {
        receivedOn: s.receivedOn,
        channel: s.channel,
        summary: s.summary,
        review: s.review,
        adoptionText: ADOPTION_TEXT[s.adoption],
      }
    : null;
}

/** Payment of a money penalty (APL arts. 67, 72); refuses money penalties without a payment section. */
export function paymentView(kind: DocumentKind, decision: DecisionSource): PaymentView | null {
  const total = moneyTotal(decision.penalties);
  if (total === null) {
    return null;
  }
  const payment = requireSection(kind, decision.payment, 'decision.payment');
  return {
    deadlineDays: payment.deadlineDays,
    surchargePercentPerDay: payment.surchargePercentPerDay,
    bankName: payment.channel.bankName,
    accountName: payment.channel.accountName,
    accountNumber: payment.channel.accountNumber,
    electronicChannel: payment.channel.electronicChannel,
    totalYuan: total,
    fineYuan: fineTotal(decision.penalties),
  };
}

export function decisionRemedies(decision: DecisionSource): RemediesView {
  return remediesView(decision.remedies);
}

export interface HearingReferenceView {
  readonly date: string;
}

export function hearingReference(source: CaseDocumentSource): HearingReferenceView | null {
  return source.hearing && source.hearing.record ? { date: source.hearing.date } : null;
}
