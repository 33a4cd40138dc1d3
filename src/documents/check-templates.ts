/**
 * `npm run templates:check`: proves every registered template against its kind's sample model.
 * For each kind: the sample input builds a model, the template is checked against it (every path
 * it reads exists, every mandatory element is used and filled, every mandatory phrase is in the
 * wording), the template compiles and renders, and a sealed document has its signature block.
 */
import { isDocumentError, type MissingElement } from './document-errors.js';
import { DOCUMENT_DEFINITIONS, loadTemplate, templateName } from './document-registry.js';
import type { DocumentKind } from '../procedure/effects.js';
import { templatesDir } from '../paths.js';
import { compileTemplate } from './template-engine.js';
import { checkTemplateAgainstModel } from './template-contract.js';

/** A problem the contract checker does not model (load, build, render, signature block). */
export interface TemplateProblem {
  readonly kind:
    | 'TEMPLATE_UNREADABLE'
    | 'MODEL_BUILD_FAILED'
    | 'RENDER_FAILED'
    | 'SEAL_BLOCK_MISSING'
    | 'WORDING_DOUBLED'
    | 'WORDING_UNRESOLVED_ALTERNATIVE';
  readonly message: string;
}

export interface TemplateCheckResult {
  readonly kind: DocumentKind;
  readonly templateFile: string;
  readonly usedPaths: readonly string[];
  readonly missing: readonly (MissingElement | TemplateProblem)[];
}

function describeError(error: unknown): string {
  if (isDocumentError(error)) {
    return `${error.message} ${JSON.stringify(error.details)}`;
  }
  return error instanceof Error ? error.message : String(error);
}

const SIGNATURE_LINES = [/^@seal\b/m, /^@sign\s+\S/m, /^@date\s+\S/m];

/** 「一案一案」, 「案一案」, 「送达时间送达时间」: a word printed twice in a row (2–6 Chinese characters). */
const DOUBLED_WORDING = [/案一案/u, /([\u4e00-\u9fff]{2,6})\1/u];
/** An alternative a template or model left for the reader to resolve: 「查封（扣押）」. */
const UNRESOLVED_ALTERNATIVES = [/查封（扣押）/u, /扣押（查封）/u, /你（单位）/u, /你（你单位）/u];

/** Wording problems in a rendered sample (the markup, so directives' text is included). */
export function lintWording(markup: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const pattern of DOUBLED_WORDING) {
    const match = pattern.exec(markup);
    if (match) {
      problems.push({ kind: 'WORDING_DOUBLED', message: `doubled wording 「${match[0]}」` });
    }
  }
  for (const pattern of UNRESOLVED_ALTERNATIVES) {
    const match = pattern.exec(markup);
    if (match) {
      problems.push({
        kind: 'WORDING_UNRESOLVED_ALTERNATIVE',
        message: `unresolved alternative 「${match[0]}」: resolve it from the case record`,
      });
    }
  }
  return problems;
}

export function checkAllTemplates(dir: string = templatesDir): TemplateCheckResult[] {
  return DOCUMENT_DEFINITIONS.map((definition) => {
    const base = { kind: definition.kind, templateFile: definition.templateFile };
    let source: string;
    try {
      source = loadTemplate(definition.kind, dir);
    } catch (error) {
      return {
        ...base,
        usedPaths: [],
        missing: [{ kind: 'TEMPLATE_UNREADABLE', message: describeError(error) }],
      };
    }
    let model: object;
    try {
      model = definition.buildModel(definition.sampleInput);
    } catch (error) {
      return {
        ...base,
        usedPaths: [],
        missing: [{ kind: 'MODEL_BUILD_FAILED', message: describeError(error) }],
      };
    }
    const name = templateName(definition);
    const missing: (MissingElement | TemplateProblem)[] = [];
    let usedPaths: readonly string[] = [];
    try {
      const report = checkTemplateAgainstModel(
        source,
        model,
        definition.mandatoryElementsFor(model),
        name,
      );
      usedPaths = report.usedPaths;
      missing.push(...report.missing);
      if (report.missing.length === 0) {
        missing.push(...lintWording(compileTemplate(source, name).render(model)));
      }
    } catch (error) {
      missing.push({ kind: 'RENDER_FAILED', message: describeError(error) });
    }
    if (definition.sealed && !SIGNATURE_LINES.every((line) => line.test(source))) {
      missing.push({
        kind: 'SEAL_BLOCK_MISSING',
        message: 'a sealed document needs @seal, @sign and @date lines',
      });
    }
    return { ...base, usedPaths, missing };
  });
}

/** One line per problem, for the script and for test failure messages. */
export function formatTemplateReport(results: readonly TemplateCheckResult[]): string {
  const lines: string[] = [];
  for (const result of results) {
    const status = result.missing.length === 0 ? 'ok' : `${result.missing.length} problem(s)`;
    lines.push(
      `${result.kind} (${result.templateFile}, ${result.usedPaths.length} paths): ${status}`,
    );
    for (const problem of result.missing) {
      if ('path' in problem) {
        lines.push(`  ${problem.kind} ${problem.path}`);
      } else if ('phrase' in problem) {
        lines.push(`  ${problem.kind} 「${problem.phrase}」`);
      } else {
        lines.push(`  ${problem.kind} ${problem.message}`);
      }
    }
  }
  return lines.join('\n');
}
