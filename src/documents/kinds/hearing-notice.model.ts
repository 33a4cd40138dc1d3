/**
 * 行政处罚听证通知书 (HEARING_NOTICE).
 * Legal basis: 《中华人民共和国行政处罚法》第六十三条第二款 (no hearing costs), 第六十四条
 * (（二）notice seven days before with time and place; （三）public unless secrets or privacy;
 * （四）presider not an investigator, recusal; （五）in person or one or two agents; （六）absence
 * is a waiver), 第四十三条 (recusal), 第八十五条 (days are working days). docs/legal-sources.md §6.2,
 * docs/document-sources.md §4.9. The ≥7-working-day service guard belongs to the procedure (R-HRG-04).
 */
import { normalizeCaseCause } from '../helpers/case-cause.js';
import { localDate } from '../../procedure/local-date.js';
import type { CaseDocumentSource } from './case-document-source.js';
import {
  addressee,
  formatClock,
  officeView,
  requireSection,
  type OfficeView,
  type PartyView,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface HearingNoticeModel {
  readonly office: OfficeView;
  readonly document: {
    readonly number: string | null;
    readonly issuedOn: string;
    readonly copies: number;
  };
  readonly case: { readonly number: string; readonly cause: string };
  readonly party: PartyView;
  readonly notice: { readonly documentNumber: string; readonly issuedOn: string } | null;
  readonly hearing: {
    readonly requestedOn: string;
    readonly date: string;
    readonly startTime: string;
    readonly place: string;
    readonly presidingOfficer: string;
    /** 郑某、王某 — null when the presider sits alone. */
    readonly hearingOfficers: string | null;
    readonly recorder: string;
    readonly interpreter: string | null;
    readonly isPublic: boolean;
    readonly nonPublicReason: string | null;
  };
}

export function buildHearingNoticeModel(source: CaseDocumentSource): HearingNoticeModel {
  const kind = 'HEARING_NOTICE';
  const hearing = requireSection(kind, source.hearing, 'hearing');
  return {
    office: officeView(source.office),
    document: { ...source.document },
    case: { number: source.case.number, cause: normalizeCaseCause(source.case.cause) },
    party: addressee(kind, source),
    notice: source.notice
      ? { documentNumber: source.notice.documentNumber, issuedOn: source.notice.issuedOn }
      : null,
    hearing: {
      requestedOn: hearing.requestedOn,
      date: hearing.date,
      startTime: formatClock(hearing.startTime),
      place: hearing.place,
      presidingOfficer: hearing.presidingOfficer,
      hearingOfficers:
        hearing.hearingOfficers.length > 0 ? hearing.hearingOfficers.join('、') : null,
      recorder: hearing.recorder,
      interpreter: hearing.interpreter,
      isPublic: hearing.isPublic,
      nonPublicReason: hearing.isPublic ? null : hearing.nonPublicReason,
    },
  };
}

const ALWAYS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name',
    'case.cause',
    'hearing.date', // 64 (2)
    'hearing.startTime',
    'hearing.place', // 64 (2)
    'hearing.presidingOfficer', // 64 (4)
    'hearing.recorder',
    'office.address',
    'office.contactPerson',
    'office.contactPhone',
  ],
  phrases: [
    '行政处罚听证通知书',
    '举行听证',
    '有权申请回避', // 64 (4)
    '委托一至二人代理', // 64 (5)
    '视为放弃听证权利', // 64 (6)
    '终止听证',
    '不承担组织听证的费用', // 63 para. 2
    '携带', // what to bring
    '授权委托书',
  ],
});

const NOT_PUBLIC = { paths: ['hearing.nonPublicReason'], phrases: ['不公开举行'] };
const PUBLIC = { phrases: ['公开举行'] };

export const hearingNoticeKind = defineKind<HearingNoticeModel>({
  kind: 'HEARING_NOTICE',
  title: '行政处罚听证通知书',
  templateFile: 'hearing-notice.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildHearingNoticeModel,
  mandatoryElements: ALWAYS,
  mandatoryElementsFor: (model) =>
    mergeElements(ALWAYS, model.hearing.isPublic ? PUBLIC : NOT_PUBLIC),
  sampleInput: {
    ...sampleCaseSource,
    document: { number: '京网信听通〔2026〕3号', issuedOn: localDate('2026-09-28'), copies: 2 },
  },
});
