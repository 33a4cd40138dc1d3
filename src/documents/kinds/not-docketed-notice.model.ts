/**
 * 不予立案告知书 (NOT_DOCKETED_NOTICE_TO_COMPLAINANT): tells a named complainant or reporter that the
 * clue was not docketed, and why. R-DOC-06 (practice; the CAC rule is unverified, so no
 * article is cited; 《中华人民共和国行政处罚法》第五十四条 sets the duty to docket what meets the standard).
 * Reads `origin` (the complaint or report and the named person) and `docketing` (NOT_DOCKET, reasons,
 * the head's approval date).
 */
import { localDate } from '../../procedure/local-date.js';
import type { CaseDocumentSource } from './case-document-source.js';
import {
  baseModel,
  missingInSource,
  requireSection,
  withDocument,
  type BaseModel,
} from './common.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface NotDocketedNoticeModel extends BaseModel {
  readonly complainant: {
    readonly name: string;
    /** 投诉 / 举报 */
    readonly actName: string;
  };
  readonly origin: {
    readonly receivedOn: string;
    readonly summary: string;
  };
  readonly notDocketed: {
    /** The head's approval of not docketing; null if not yet approved (the template names it). */
    readonly decidedOn: string | null;
    readonly reasons: string;
  };
}

export function buildNotDocketedNoticeModel(source: CaseDocumentSource): NotDocketedNoticeModel {
  const kind = 'NOT_DOCKETED_NOTICE_TO_COMPLAINANT';
  const origin = requireSection(kind, source.origin, 'origin');
  if (origin.kind !== 'COMPLAINT' && origin.kind !== 'REPORT') {
    throw missingInSource(kind, 'origin.kind');
  }
  const reporter = requireSection(kind, origin.reporter, 'origin.reporter');
  const docketing = requireSection(kind, source.docketing, 'docketing');
  if (docketing.decision !== 'NOT_DOCKET') {
    throw missingInSource(kind, 'docketing.decision');
  }
  return {
    ...baseModel(kind, source),
    complainant: { name: reporter.name, actName: origin.kind === 'COMPLAINT' ? '投诉' : '举报' },
    origin: { receivedOn: origin.receivedOn, summary: origin.summary },
    notDocketed: {
      decidedOn: docketing.headOpinion?.date ?? null,
      reasons: docketing.reasons,
    },
  };
}

const ELEMENTS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'complainant.name',
    'origin.receivedOn',
    'party.name',
    'notDocketed.decidedOn',
    'notDocketed.reasons',
  ],
  phrases: ['不予立案告知书', '决定不予立案', '经本机关负责人批准'],
});

export const notDocketedNoticeKind = defineKind<NotDocketedNoticeModel>({
  kind: 'NOT_DOCKETED_NOTICE_TO_COMPLAINANT',
  title: '不予立案告知书',
  templateFile: 'not-docketed-notice.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildNotDocketedNoticeModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: () => ELEMENTS,
  sampleInput: {
    ...withDocument(sampleCaseSource, '京网信不立告〔2026〕1号', '2026-08-24'),
    case: { ...sampleCaseSource.case, docketedOn: null },
    origin: {
      kind: 'REPORT',
      otherKindName: null,
      receivedOn: localDate('2026-08-10'),
      summary: '“某某”应用程序在用户首次启动时未告知个人信息处理规则即收集用户通讯录信息。',
      reporter: { name: '刘某', contact: '13900000000' },
      registrar: '李某',
      handlingProposal: {
        opinion: '建议核查后提请不予立案。',
        signer: '李某',
        date: localDate('2026-08-17'),
      },
      headApproval: { opinion: '同意不予立案。', signer: '周某', date: localDate('2026-08-21') },
    },
    docketing: {
      decision: 'NOT_DOCKET',
      reasons:
        '经核查，“某某”应用程序在用户首次启动时已以弹窗方式告知个人信息处理规则，并在取得用户同意后方收集通讯录信息，未发现你反映的违法行为，不符合立案条件。',
      handlerOpinion: {
        opinion: '建议不予立案，并告知举报人。',
        signer: '李某、赵某',
        date: localDate('2026-08-17'),
      },
      departmentOpinion: {
        opinion: '同意不予立案。',
        signer: '孙某',
        date: localDate('2026-08-19'),
      },
      headOpinion: { opinion: '同意。', signer: '周某', date: localDate('2026-08-21') },
    },
  },
});
