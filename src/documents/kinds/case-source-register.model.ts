/**
 * 案件来源登记表 (CASE_SOURCE_REGISTER) — internal form, no seal.
 * Legal basis: 《中华人民共和国行政处罚法》第五十四条 (docket promptly when the standard is met);
 * form and source list from practice (R-DOC-01, U; docs/document-sources.md §4.1).
 */
import type {
  CaseDocumentSource,
  CaseOriginSource,
  CaseSourceKind,
} from './case-document-source.js';
import { baseModel, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

const SOURCE_KIND_NAMES: Record<CaseSourceKind, string> = {
  INSPECTION: '监督检查中发现',
  COMPLAINT: '投诉',
  REPORT: '举报',
  ASSIGNED_BY_SUPERIOR: '上级交办',
  REPORTED_BY_SUBORDINATE: '下级报请',
  TRANSFERRED: '有关部门移送',
  MEDIA: '媒体曝光',
  OTHER: '其他',
};

/** 监督检查中发现 / 投诉 / … / 其他（…） */
export function caseSourceKindName(origin: CaseOriginSource): string {
  return origin.kind === 'OTHER' && origin.otherKindName
    ? `其他（${origin.otherKindName}）`
    : SOURCE_KIND_NAMES[origin.kind];
}

export interface CaseSourceRegisterModel extends BaseModel {
  readonly origin: {
    readonly kindName: string;
    readonly receivedOn: string;
    readonly summary: string;
    readonly reporterName: string | null;
    readonly reporterContact: string | null;
    readonly registrar: string;
    readonly proposal: { readonly opinion: string; readonly signer: string; readonly date: string };
    readonly approval: {
      readonly opinion: string;
      readonly signer: string;
      readonly date: string;
    } | null;
  };
}

export function buildCaseSourceRegisterModel(source: CaseDocumentSource): CaseSourceRegisterModel {
  const kind = 'CASE_SOURCE_REGISTER';
  const origin = requireSection(kind, source.origin, 'origin');
  return {
    ...baseModel(kind, source),
    origin: {
      kindName: caseSourceKindName(origin),
      receivedOn: origin.receivedOn,
      summary: origin.summary,
      reporterName: origin.reporter?.name ?? null,
      reporterContact: origin.reporter?.contact ?? null,
      registrar: origin.registrar,
      proposal: { ...origin.handlingProposal },
      approval: origin.headApproval ? { ...origin.headApproval } : null,
    },
  };
}

const ELEMENTS = {
  paths: [
    'office.name',
    'origin.kindName',
    'origin.receivedOn',
    'origin.summary',
    'party.name',
    'origin.registrar',
    'origin.proposal.opinion',
  ],
  phrases: ['案件来源登记表', '案件来源', '处理意见'],
};

export const caseSourceRegisterKind = defineKind<CaseSourceRegisterModel>({
  kind: 'CASE_SOURCE_REGISTER',
  title: '案件来源登记表',
  templateFile: 'case-source-register.hbs',
  version: '2026-11',
  sealed: false,
  buildModel: buildCaseSourceRegisterModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: () => ELEMENTS,
  sampleInput: withDocument(sampleCaseSource, '京网信案源〔2026〕31号', '2026-08-10'),
});
