/**
 * Template contract: what a template reads from its model and what a document must contain.
 * Used in two places: contract tests (template × sample model, all branches populated) and
 * generation (renderDocument refuses a document lacking a mandatory element, listing them all).
 */
import { documentErrors, type MissingElement } from './document-errors.js';
import { analyzeTemplate } from './template-analysis.js';

/** Required content of a document type, e.g. 行政处罚法 art. 59 for a decision. */
export interface MandatoryElements {
  /** Model paths the template must use and the model must fill (notation: `a.b`, `list[].c`). */
  readonly paths?: readonly string[];
  /** Literal wording the template (statically) and the rendered text (at generation) must hold. */
  readonly phrases?: readonly string[];
}

export interface TemplateContractReport {
  /** Every model path the template reads, sorted. */
  readonly usedPaths: readonly string[];
  /** Empty when the template fits the model and holds every mandatory element. */
  readonly missing: readonly MissingElement[];
}

type Step = { readonly kind: 'key'; readonly key: string } | { readonly kind: 'items' };

function toSteps(path: string): Step[] {
  const steps: Step[] = [];
  for (const segment of path.split('.')) {
    const match = /^(.*?)((?:\[\])*)$/.exec(segment)!;
    if (match[1]) {
      steps.push({ kind: 'key', key: match[1] });
    }
    for (let i = 0; i < match[2]!.length / 2; i += 1) {
      steps.push({ kind: 'items' });
    }
  }
  return steps;
}

function holds(value: unknown, steps: readonly Step[], requireValue: boolean): boolean {
  if (steps.length === 0) {
    if (!requireValue) {
      return value !== undefined;
    }
    return (
      value !== undefined &&
      value !== null &&
      value !== '' &&
      !(Array.isArray(value) && value.length === 0)
    );
  }
  const [step, ...rest] = steps;
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  if (step!.kind === 'items') {
    const items = Array.isArray(value) ? value : Object.values(value);
    // An empty sample list proves nothing about its items.
    return items.length > 0 && items.every((item) => holds(item, rest, requireValue));
  }
  return (
    Object.hasOwn(value, step!.key) &&
    holds((value as Record<string, unknown>)[step!.key], rest, requireValue)
  );
}

/** Whether `path` exists in the model (every list item when the path goes through `[]`). */
export function modelHasPath(model: object, path: string): boolean {
  return holds(model, toSteps(path), false);
}

/** Whether `path` exists and holds a value (not null, '', or an empty list). */
export function modelHasValue(model: object, path: string): boolean {
  return holds(model, toSteps(path), true);
}

function isUsed(usedPaths: readonly string[], path: string): boolean {
  return usedPaths.some(
    (used) => used === path || used.startsWith(`${path}.`) || used.startsWith(`${path}[]`),
  );
}

/** Every model path a template reads (each-relative paths as `list[].field`). */
export function listTemplatePaths(
  templateSource: string,
  templateName = 'template',
): readonly string[] {
  return analyzeTemplate(templateSource, templateName).paths;
}

/**
 * Proves the template against a sample model: every path it reads exists in the sample, every
 * mandatory path is used by the template and filled in the sample, every mandatory phrase is in
 * the template's literal wording. Returns what is missing (empty = contract holds).
 */
export function checkTemplateAgainstModel(
  templateSource: string,
  sampleModel: object,
  mandatoryElements: MandatoryElements = {},
  templateName = 'template',
): TemplateContractReport {
  const analysis = analyzeTemplate(templateSource, templateName);
  const missing: MissingElement[] = [];
  for (const path of analysis.paths) {
    if (!modelHasPath(sampleModel, path)) {
      missing.push({ kind: 'MODEL_PATH', path });
    }
  }
  for (const path of mandatoryElements.paths ?? []) {
    if (!isUsed(analysis.paths, path) || !modelHasValue(sampleModel, path)) {
      missing.push({ kind: 'MANDATORY_PATH', path });
    }
  }
  for (const phrase of mandatoryElements.phrases ?? []) {
    if (!analysis.literals.some((literal) => literal.includes(phrase))) {
      missing.push({ kind: 'MANDATORY_PHRASE', phrase });
    }
  }
  return { usedPaths: analysis.paths, missing };
}

/** checkTemplateAgainstModel that throws DOCUMENT_MANDATORY_ELEMENTS_MISSING with the full list. */
export function assertTemplateContract(
  templateSource: string,
  sampleModel: object,
  mandatoryElements: MandatoryElements = {},
  templateName = 'template',
): void {
  const { missing } = checkTemplateAgainstModel(
    templateSource,
    sampleModel,
    mandatoryElements,
    templateName,
  );
  if (missing.length > 0) {
    throw documentErrors.mandatoryElementsMissing(templateName, missing);
  }
}

/**
 * The generation-time check: mandatory paths used and filled in the real model, mandatory phrases
 * present in the rendered text (a phrase inside a false {{#if}} does not count).
 */
export function findMissingInDocument(
  usedPaths: readonly string[],
  model: object,
  renderedText: string,
  mandatoryElements: MandatoryElements,
): MissingElement[] {
  const missing: MissingElement[] = [];
  for (const path of mandatoryElements.paths ?? []) {
    if (!isUsed(usedPaths, path) || !modelHasValue(model, path)) {
      missing.push({ kind: 'MANDATORY_PATH', path });
    }
  }
  for (const phrase of mandatoryElements.phrases ?? []) {
    if (!renderedText.includes(phrase)) {
      missing.push({ kind: 'MANDATORY_PHRASE', phrase });
    }
  }
  return missing;
}
