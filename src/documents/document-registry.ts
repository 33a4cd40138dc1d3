/**
 * Registry of the official documents (执法文书): DocumentKind → title, template file, view-model
 * builder, mandatory elements, sample input and wording version. Kinds of DOCUMENT_KINDS not
 * listed here have no template yet (see `missingDocumentKinds`).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_KINDS, type DocumentKind } from '../procedure/effects.js';
import { templatesDir } from '../paths.js';
import type { CaseDocumentSource } from './kinds/case-document-source.js';
import type { DocumentKindDefinition } from './kinds/kind-definition.js';
import { caseSourceRegisterKind } from './kinds/case-source-register.model.js';
import { caseTransferKind, judicialTransferKind } from './kinds/case-transfer.model.js';
import { collectiveDiscussionKind } from './kinds/collective-discussion-minutes.model.js';
import { correctionOrderKind } from './kinds/correction-order.model.js';
import { correctionReviewOpinionKind } from './kinds/correction-review-opinion.model.js';
import { interviewRecordKind } from './kinds/interview-record.model.js';
import { decisionRevocationOrChangeKind } from './kinds/decision-revocation-or-change.model.js';
import {
  docketingApprovalKind,
  docketingCancellationApprovalKind,
  notDocketingApprovalKind,
} from './kinds/docketing-approval-form.model.js';
import { hearingNoticeKind } from './kinds/hearing-notice.model.js';
import { hearingRecordKind } from './kinds/hearing-record.model.js';
import { inquiryTranscriptKind } from './kinds/inquiry-transcript.model.js';
import { inspectionTranscriptKind } from './kinds/inspection-transcript.model.js';
import { legalReviewOpinionKind } from './kinds/legal-review-opinion.model.js';
import { preservationHandlingKind } from './kinds/preservation-handling-decision.model.js';
import { preservationNoticeKind } from './kinds/preservation-notice.model.js';
import { recusalDecisionKind } from './kinds/recusal-decision.model.js';
import { seizureDecisionKind } from './kinds/seizure-decision.model.js';
import { seizureExtensionKind, seizureReleaseKind } from './kinds/seizure-follow-up.model.js';
import { noPenaltyDecisionKind } from './kinds/no-penalty-decision.model.js';
import { notDocketedNoticeKind } from './kinds/not-docketed-notice.model.js';
import { onTheSpotPenaltyDecisionKind } from './kinds/on-the-spot-penalty-decision.model.js';
import { penaltyDecisionKind } from './kinds/penalty-decision.model.js';
import { prePenaltyNoticeKind } from './kinds/pre-penalty-notice.model.js';
import { serviceAddressConfirmationKind } from './kinds/service-address-confirmation.model.js';
import { blankServiceReceiptKind, serviceReceiptKind } from './kinds/service-receipt.model.js';
import {
  courtEnforcementApplicationKind,
  enforcementDemandKind,
} from './kinds/enforcement.model.js';
import { caseClosingApprovalKind } from './kinds/case-closing-approval-form.model.js';
import {
  hearingReportKind,
  investigationReportKind,
  matterApprovalKind,
  penaltyDecisionApprovalKind,
  statementRecordKind,
  statementReviewKind,
} from './kinds/internal-forms.model.js';
import {
  assistanceRequestKind,
  correctionNoticeKind,
  paymentArrangementKind,
  servicePublicNoticeKind,
  testingPeriodKind,
} from './kinds/case-file-notices.model.js';
import {
  caseFileContentsKind,
  caseFileCoverKind,
  caseFileRemarksKind,
} from './kinds/case-file-volume.model.js';
import {
  designatedJurisdictionKind,
  seizedItemsTransferKind,
  transferNotDocketedKind,
} from './kinds/step-notices.model.js';
import {
  legalReviewRequestKind,
  onTheSpotFilingKind,
  resumptionApprovalKind,
  suspensionApprovalKind,
  timeLimitExtensionKind,
} from './kinds/step-approval-forms.model.js';
import { evidenceCollectionKind, recusalApplicationKind } from './kinds/step-records.model.js';
import {
  renderDocument,
  type RenderDocumentOptions,
  type RenderedDocument,
} from './render-document.js';

/** Registered kinds, in the order of the procedure. */
export const DOCUMENT_DEFINITIONS: readonly DocumentKindDefinition[] = [
  caseSourceRegisterKind,
  docketingApprovalKind,
  notDocketingApprovalKind,
  notDocketedNoticeKind,
  transferNotDocketedKind,
  docketingCancellationApprovalKind,
  caseTransferKind,
  judicialTransferKind,
  seizedItemsTransferKind,
  designatedJurisdictionKind,
  recusalApplicationKind,
  recusalDecisionKind,
  matterApprovalKind,
  timeLimitExtensionKind,
  suspensionApprovalKind,
  resumptionApprovalKind,
  assistanceRequestKind,
  inquiryTranscriptKind,
  inspectionTranscriptKind,
  evidenceCollectionKind,
  preservationNoticeKind,
  preservationHandlingKind,
  seizureDecisionKind,
  seizureExtensionKind,
  seizureReleaseKind,
  testingPeriodKind,
  correctionOrderKind,
  correctionReviewOpinionKind,
  interviewRecordKind,
  decisionRevocationOrChangeKind,
  investigationReportKind,
  prePenaltyNoticeKind,
  statementRecordKind,
  statementReviewKind,
  hearingNoticeKind,
  hearingRecordKind,
  hearingReportKind,
  legalReviewRequestKind,
  legalReviewOpinionKind,
  collectiveDiscussionKind,
  penaltyDecisionApprovalKind,
  penaltyDecisionKind,
  noPenaltyDecisionKind,
  onTheSpotPenaltyDecisionKind,
  onTheSpotFilingKind,
  serviceAddressConfirmationKind,
  serviceReceiptKind,
  blankServiceReceiptKind,
  servicePublicNoticeKind,
  correctionNoticeKind,
  paymentArrangementKind,
  enforcementDemandKind,
  courtEnforcementApplicationKind,
  caseClosingApprovalKind,
  caseFileCoverKind,
  caseFileContentsKind,
  caseFileRemarksKind,
];

export const DOCUMENT_REGISTRY: ReadonlyMap<DocumentKind, DocumentKindDefinition> = new Map(
  DOCUMENT_DEFINITIONS.map((definition) => [definition.kind, definition]),
);

export function isRegisteredDocumentKind(kind: DocumentKind): boolean {
  return DOCUMENT_REGISTRY.has(kind);
}

export function documentDefinition(kind: DocumentKind): DocumentKindDefinition {
  const definition = DOCUMENT_REGISTRY.get(kind);
  if (!definition) {
    throw new Error(`no template is registered for document kind ${kind}`);
  }
  return definition;
}

/** DOCUMENT_KINDS without a registered template. */
export function missingDocumentKinds(): DocumentKind[] {
  return DOCUMENT_KINDS.filter((kind) => !DOCUMENT_REGISTRY.has(kind));
}

/** Reads a kind's template from <projectRoot>/templates. */
export function loadTemplate(kind: DocumentKind, dir: string = templatesDir): string {
  return readFileSync(join(dir, documentDefinition(kind).templateFile), 'utf8');
}

/** '<file without .hbs>@<version>', the name recorded in errors and docx metadata. */
export function templateName(definition: DocumentKindDefinition): string {
  return `${definition.templateFile.replace(/\.hbs$/, '')}@${definition.version}`;
}

/**
 * Source → .docx for one kind: build the model, render with the kind's mandatory elements.
 * Fails with a DocumentError naming the path of anything missing.
 */
export async function renderCaseDocument(
  kind: DocumentKind,
  source: CaseDocumentSource,
  templateSource: string = loadTemplate(kind),
  extra: Pick<RenderDocumentOptions, 'previewBanner'> = {},
): Promise<RenderedDocument & { readonly model: object; readonly title: string }> {
  const definition = documentDefinition(kind);
  const model = definition.buildModel(source);
  const title = definition.titleOf?.(model) ?? definition.title;
  const rendered = await renderDocument({
    templateSource,
    templateName: templateName(definition),
    model,
    options: {
      mandatoryElements: definition.mandatoryElementsFor(model),
      title,
      creator: source.office.name,
      ...extra,
    },
  });
  return { ...rendered, model, title };
}
