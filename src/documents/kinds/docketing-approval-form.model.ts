/**
 * 立案审批表 (DOCKETING_APPROVAL_FORM), 不予立案审批表 (NOT_DOCKETING_APPROVAL_FORM) and
 * 撤销立案审批表 (DOCKETING_CANCELLATION_APPROVAL_FORM): one internal form, three titles.
 * Legal basis: 《中华人民共和国行政处罚法》第五十四条 (docket promptly), 第四十二条 (two officers),
 * 第三十六条 (limitation); R-DOC-04..07 (CAC details U); docs/document-sources.md §4.2.
 */
import type {
  ApprovalSource,
  CaseDocumentSource,
  DocketingSource,
} from './case-document-source.js';
import {
  baseModel,
  missingInSource,
  requireSection,
  withDocument,
  type BaseModel,
} from './common.js';
import { caseSourceKindName } from './case-source-register.model.js';
import { defineKind, type DocumentKindDefinition } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

type DocketingKind =
  | 'DOCKETING_APPROVAL_FORM'
  | 'NOT_DOCKETING_APPROVAL_FORM'
  | 'DOCKETING_CANCELLATION_APPROVAL_FORM';

const VARIANTS: Record<
  DocketingKind,
  { decision: DocketingSource['decision']; title: string; reasonLabel: string }
> = {
  DOCKETING_APPROVAL_FORM: { decision: 'DOCKET', title: '立案审批表', reasonLabel: '立案理由' },
  NOT_DOCKETING_APPROVAL_FORM: {
    decision: 'NOT_DOCKET',
    title: '不予立案审批表',
    reasonLabel: '不予立案理由',
  },
  DOCKETING_CANCELLATION_APPROVAL_FORM: {
    decision: 'CANCEL',
    title: '撤销立案审批表',
    reasonLabel: '撤销立案理由',
  },
};

type ApprovalView = {
  readonly opinion: string;
  readonly signer: string;
  readonly date: string;
} | null;

export interface DocketingApprovalModel extends BaseModel {
  readonly title: string;
  readonly origin: { readonly kindName: string; readonly receivedOn: string } | null;
  readonly docketing: {
    readonly reasonLabel: string;
    readonly reasons: string;
    readonly handlerOpinion: NonNullable<ApprovalView>;
    readonly departmentOpinion: ApprovalView;
    readonly headOpinion: ApprovalView;
  };
}

const approval = (a: ApprovalSource | null): ApprovalView => (a ? { ...a } : null);

function builder(kind: DocketingKind) {
  return (source: CaseDocumentSource): DocketingApprovalModel => {
    const docketing = requireSection(kind, source.docketing, 'docketing');
    const variant = VARIANTS[kind];
    if (docketing.decision !== variant.decision) {
      throw missingInSource(kind, 'docketing.decision');
    }
    return {
      ...baseModel(kind, source),
      title: variant.title,
      origin: source.origin
        ? { kindName: caseSourceKindName(source.origin), receivedOn: source.origin.receivedOn }
        : null,
      docketing: {
        reasonLabel: variant.reasonLabel,
        reasons: docketing.reasons,
        handlerOpinion: { ...docketing.handlerOpinion },
        departmentOpinion: approval(docketing.departmentOpinion),
        headOpinion: approval(docketing.headOpinion),
      },
    };
  };
}

const ELEMENTS = {
  paths: [
    'office.name',
    'case.cause',
    'party.name',
    'party.idNumber',
    'party.address',
    'docketing.reasons',
    'docketing.handlerOpinion.opinion',
    'handlersLine',
  ],
  phrases: ['承办人意见', '承办机构意见', '负责人审批意见'],
};

const SAMPLE_REASONS: Record<DocketingSource['decision'], string> = {
  DOCKET: sampleCaseSource.docketing!.reasons,
  NOT_DOCKET:
    '经核查，被举报的应用程序已于2026年7月下架，现有材料不能证明存在违法行为，不符合立案条件。',
  CANCEL:
    '立案后查明，涉案应用程序的运营主体住所地和违法行为发生地均不在本机关辖区，本机关无管辖权，应当撤销立案并移送有管辖权的网信部门。',
};

function define(
  kind: DocketingKind,
  decision: DocketingSource['decision'],
): DocumentKindDefinition {
  return defineKind<DocketingApprovalModel>({
    kind,
    title: VARIANTS[kind].title,
    templateFile: 'docketing-approval-form.hbs',
    version: '2026-11',
    sealed: false,
    buildModel: builder(kind),
    mandatoryElements: ELEMENTS,
    mandatoryElementsFor: () => ELEMENTS,
    sampleInput: {
      ...withDocument(sampleCaseSource, null, '2026-08-11'),
      docketing: {
        ...sampleCaseSource.docketing!,
        decision,
        reasons: SAMPLE_REASONS[decision],
        handlerOpinion: {
          ...sampleCaseSource.docketing!.handlerOpinion,
          opinion: `建议${VARIANTS[kind].title.replace('审批表', '')}。`,
        },
        departmentOpinion: { ...sampleCaseSource.docketing!.departmentOpinion!, opinion: '同意。' },
      },
    },
  });
}

export const docketingApprovalKind = define('DOCKETING_APPROVAL_FORM', 'DOCKET');
export const notDocketingApprovalKind = define('NOT_DOCKETING_APPROVAL_FORM', 'NOT_DOCKET');
export const docketingCancellationApprovalKind = define(
  'DOCKETING_CANCELLATION_APPROVAL_FORM',
  'CANCEL',
);
