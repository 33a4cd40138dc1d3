/**
 * What each document kind declares: its view-model builder, its template file, the elements the
 * law requires it to contain, and a realistic sample input proving the template.
 */
import type { DocumentKind } from '../../procedure/effects.js';
import type { MandatoryElements } from '../template-contract.js';
import type { CaseDocumentSource } from './case-document-source.js';

export interface DocumentKindDefinition<M extends object = object> {
  readonly kind: DocumentKind;
  /** The Chinese title of the kind (lists, errors); the stored document's title is titleOf's. */
  readonly title: string;
  /**
   * The title of one document when it depends on the case, e.g. 扣押决定书 for the kind
   * 查封（扣押）决定书: what the document prints and the case file lists. Default: title.
   */
  readonly titleOf?: (model: M) => string;
  /** File name inside <projectRoot>/templates. */
  readonly templateFile: string;
  /** Wording version, recorded with each generated document (with the template's SHA-256). */
  readonly version: string;
  /** External documents carry the office's seal (APL art. 59 for decisions); forms and records do not. */
  readonly sealed: boolean;
  /** Pure: source → view model. Refuses (naming the path) when a required section is null. */
  readonly buildModel: (source: CaseDocumentSource) => M;
  /** Required in every document of this kind (paths of the view model, literal phrases). */
  readonly mandatoryElements: MandatoryElements;
  /** Everything required for this model: mandatoryElements plus branch-dependent elements. */
  readonly mandatoryElementsFor: (model: M) => MandatoryElements;
  readonly sampleInput: CaseDocumentSource;
}

/** Joins element lists (for branch-dependent requirements). */
export function mergeElements(...lists: readonly MandatoryElements[]): MandatoryElements {
  return {
    paths: [...new Set(lists.flatMap((l) => l.paths ?? []))],
    phrases: [...new Set(lists.flatMap((l) => l.phrases ?? []))],
  };
}

/** The mandatory elements of every sealed external document (APL art. 59 (6) by analogy). */
export const SIGNED_DOCUMENT_ELEMENTS: MandatoryElements = {
  paths: ['office.name', 'document.issuedOn'],
};

/** Declares a kind with a typed model; the registry holds it with the model type erased. */
export function defineKind<M extends object>(
  definition: DocumentKindDefinition<M>,
): DocumentKindDefinition {
  const { titleOf, ...rest } = definition;
  return {
    ...rest,
    mandatoryElementsFor: (model) => definition.mandatoryElementsFor(model as M),
    ...(titleOf ? { titleOf: (model: object) => titleOf(model as M) } : {}),
  };
}
