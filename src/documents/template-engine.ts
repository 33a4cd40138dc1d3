/**
 * Handlebars, locked down for legal documents:
 * - compiled with strict, noEscape (the output is markup, not HTML; docx escapes XML itself)
 *   and knownHelpersOnly, in a private Handlebars environment holding only whitelisted helpers;
 * - prototype access stays denied (Handlebars ≥ 4.6 defaults, passed explicitly) and the
 *   analyser refuses __proto__/constructor paths before anything runs;
 * - every value printed or handed to a helper must exist: Handlebars' strict mode only checks
 *   {{a.b}}, not helper or #if arguments, so every {{path}} is rewritten into a call of an
 *   internal value helper and every helper is wrapped to refuse undefined with the full path;
 * - printed values are escaped for the markup (escapeMarkupText), so model text can never
 *   become a directive, a heading or a table cell.
 */
import { createHash } from 'node:crypto';
import Handlebars from 'handlebars';
import { DocumentError, documentErrors, type TemplateLocation } from './document-errors.js';
import {
  HELPER_DEFINITIONS,
  HELPER_NAMES,
  type HelperDefinition,
} from './helpers/helper-registry.js';
import { escapeMarkupText } from './markup.js';
import {
  analyzeProgram,
  locationKey,
  parseTemplate,
  type ArgumentSource,
  type TemplateAnalysis,
} from './template-analysis.js';

/** Internal helper every {{path}} is rewritten to; not callable from templates (not whitelisted). */
const VALUE_HELPER = 'zhifaPrintValue';
/**
 * Internal helper for dotted paths in arguments: Handlebars' strict mode does not guard them, and
 * `a.b.c` with `a.b` missing would crash with a TypeError that names neither path nor line.
 */
const GET_HELPER = 'zhifaGet';

export interface CompiledTemplate {
  readonly name: string;
  readonly analysis: TemplateAnalysis;
  /** Renders the model to document markup. Throws DocumentError. */
  render(model: object): string;
}

interface HelperOptionsLike {
  readonly loc?: { readonly start: { readonly line: number; readonly column: number } };
}

// #unless calls #if with a hand-made options object that has no loc.
function isHelperOptions(value: unknown): value is HelperOptionsLike {
  return typeof value === 'object' && value !== null && 'hash' in value;
}

function describeSource(source: ArgumentSource | undefined): string {
  if (!source) {
    return '(unknown)';
  }
  return 'path' in source ? source.path : source.description;
}

/** Compiles a template after analysing it. Syntax, helper and path errors surface here. */
export function compileTemplate(source: string, templateName: string): CompiledTemplate {
  const program = parseTemplate(source, templateName);
  const analysis = analyzeProgram(program, templateName);
  rewriteProgram(program);

  const env = Handlebars.create();
  registerHelpers(env, templateName, analysis);
  let template: HandlebarsTemplateDelegate;
  try {
    template = env.compile(program, {
      strict: true,
      noEscape: true,
      knownHelpersOnly: true,
      knownHelpers: Object.fromEntries(
        [...HELPER_NAMES, VALUE_HELPER, GET_HELPER].map((n) => [n, true]),
      ),
    });
  } catch (error) {
    throw toDocumentError(error, templateName, analysis);
  }

  return {
    name: templateName,
    analysis,
    render(model: object): string {
      try {
        return template(model, {
          allowProtoPropertiesByDefault: false,
          allowProtoMethodsByDefault: false,
        });
      } catch (error) {
        throw toDocumentError(error, templateName, analysis);
      }
    },
  };
}

/**
 * Compiled templates by name and source SHA-256: parsing, analysis and Handlebars' code generation
 * (a quarter of a render's CPU) happen once per wording, not once per document. Keyed by the
 * source's digest, so an edited template file is compiled afresh; only successful compilations
 * are kept. Bounded, because tests and `templates:check` compile many throwaway sources.
 */
const compiledTemplates = new Map<string, CompiledTemplate>();
const MAX_COMPILED_TEMPLATES = 256;

/** SHA-256 of a template source, hex: the cache key and the digest recorded with each document. */
export function templateSourceSha256(source: string): string {
  return createHash('sha256').update(source).digest('hex');
}

/** compileTemplate, once per (name, source): later calls return the same compiled template. */
export function compiledTemplate(
  source: string,
  templateName: string,
  sourceSha256: string = templateSourceSha256(source),
): CompiledTemplate {
  const key = `${templateName}\n${sourceSha256}`;
  const cached = compiledTemplates.get(key);
  if (cached) {
    return cached;
  }
  const template = compileTemplate(source, templateName);
  if (compiledTemplates.size >= MAX_COMPILED_TEMPLATES) {
    // Oldest first (Map keeps insertion order): the registered kinds are few and stay hot.
    compiledTemplates.delete(compiledTemplates.keys().next().value!);
  }
  compiledTemplates.set(key, template);
  return template;
}

/** compileTemplate + render in one call. */
export function renderTemplate(source: string, templateName: string, model: object): string {
  return compileTemplate(source, templateName).render(model);
}

type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;

/**
 * {{a.b}} → {{zhifaPrintValue (zhifaGet a "b")}}; dotted argument paths → (zhifaGet head "k" …).
 * Locations are kept, so every error still points at (and names) the template's own path.
 */
function rewriteProgram(node: hbs.AST.Program | undefined): void {
  if (!node) {
    return;
  }
  for (const statement of node.body) {
    if (statement.type === 'MustacheStatement') {
      const mustache = statement as hbs.AST.MustacheStatement;
      if (mustache.params.length === 0 && (!mustache.hash || mustache.hash.pairs.length === 0)) {
        const original = mustache.path;
        mustache.params = [original];
        mustache.path = internalPath(VALUE_HELPER, original.loc);
      }
      mustache.params = mustache.params.map(rewriteArgument);
    } else if (statement.type === 'BlockStatement') {
      const block = statement as hbs.AST.BlockStatement;
      block.params = block.params.map(rewriteArgument);
      rewriteProgram(block.program);
      rewriteProgram(block.inverse);
    }
  }
}

function internalPath(name: string, loc: hbs.AST.SourceLocation): PathExpression {
  return {
    type: 'PathExpression',
    data: false,
    depth: 0,
    parts: [name],
    original: name,
    loc,
  } as PathExpression;
}

function rewriteArgument(expression: Expression): Expression {
  if (expression.type === 'SubExpression') {
    const sub = expression as hbs.AST.SubExpression;
    sub.params = sub.params.map(rewriteArgument);
    return sub;
  }
  if (expression.type !== 'PathExpression') {
    return expression;
  }
  const path = expression as PathExpression;
  const headLength = path.data && path.parts[0] === 'root' ? 2 : 1;
  if (path.parts.length <= headLength) {
    return path;
  }
  const scoped = /^(this|\.)(\/|\.|$)/.test(path.original);
  const headParts = path.parts.slice(0, headLength);
  const head = {
    ...path,
    parts: headParts,
    original: `${path.data ? '@' : ''}${'../'.repeat(path.depth)}${scoped ? 'this.' : ''}${headParts.join('.')}`,
  } as PathExpression;
  const keys = path.parts.slice(headLength).map(
    (key) =>
      ({
        type: 'StringLiteral',
        value: key,
        original: key,
        loc: path.loc,
      }) as hbs.AST.StringLiteral,
  );
  return {
    type: 'SubExpression',
    path: internalPath(GET_HELPER, path.loc),
    params: [head, ...keys],
    hash: { type: 'Hash', pairs: [], loc: path.loc },
    loc: path.loc,
  } as hbs.AST.SubExpression;
}

function registerHelpers(
  env: typeof Handlebars,
  templateName: string,
  analysis: TemplateAnalysis,
): void {
  const argumentAt = (options: HelperOptionsLike, index: number): ArgumentSource | undefined => {
    const start = options.loc?.start;
    return start ? analysis.argumentsAt.get(locationKey(start))?.[index] : undefined;
  };
  const locationOf = (options: HelperOptionsLike): TemplateLocation | undefined =>
    options.loc ? { line: options.loc.start.line, column: options.loc.start.column } : undefined;

  /** Splits Handlebars' (…args, options) and refuses undefined arguments with their path. */
  const takeArguments = (
    raw: readonly unknown[],
  ): { args: unknown[]; options: HelperOptionsLike } => {
    const options = raw[raw.length - 1];
    if (!isHelperOptions(options)) {
      throw documentErrors.syntax(templateName, 'helper called without Handlebars options');
    }
    const args = raw.slice(0, -1);
    args.forEach((arg, index) => {
      if (arg === undefined) {
        throw documentErrors.fieldMissing(
          templateName,
          describeSource(argumentAt(options, index)),
          locationOf(options),
        );
      }
    });
    return { args, options };
  };

  env.registerHelper(GET_HELPER, (...raw: unknown[]) => {
    const options = raw[raw.length - 1];
    if (!isHelperOptions(options)) {
      throw documentErrors.syntax(templateName, 'helper called without Handlebars options');
    }
    const [head, ...keys] = raw.slice(0, -1);
    let value: unknown = head;
    for (const key of keys) {
      // Own properties only, like Handlebars' prototype-access rules.
      if (typeof value !== 'object' || value === null || !Object.hasOwn(value, String(key))) {
        const start = options.loc?.start;
        const path = (start && analysis.pathAt.get(locationKey(start))) ?? keys.join('.');
        throw documentErrors.fieldMissing(templateName, path, locationOf(options));
      }
      value = (value as Record<string, unknown>)[String(key)];
    }
    return value;
  });

  env.registerHelper(VALUE_HELPER, (...raw: unknown[]) => {
    const { args, options } = takeArguments(raw);
    const value = args[0];
    const path = describeSource(argumentAt(options, 0));
    if (value === null || value === '') {
      // "never a blank": optional values belong under {{#if}}.
      throw documentErrors.fieldMissing(templateName, path, locationOf(options));
    }
    if (typeof value === 'string') {
      return escapeMarkupText(value);
    }
    if (typeof value === 'number' && Number.isFinite(value)) {
      return String(value);
    }
    const reason =
      typeof value === 'object'
        ? 'an object or list cannot be printed; print one of its fields or use {{#each}}'
        : `${String(value)} cannot be printed; use {{#if}} for true/false`;
    throw documentErrors.valueInvalid(templateName, path, reason, locationOf(options));
  });

  for (const name of HELPER_NAMES) {
    const definition: HelperDefinition = HELPER_DEFINITIONS[name];
    env.registerHelper(name, (...raw: unknown[]) => {
      const { args, options } = takeArguments(raw);
      let result: string | number | boolean;
      try {
        result = definition.fn(...args);
      } catch (error) {
        if (error instanceof DocumentError) {
          throw error;
        }
        const reason = error instanceof Error ? error.message : String(error);
        const culprit =
          args.length === 1 ? describeSource(argumentAt(options, 0)) : `arguments of ${name}`;
        throw documentErrors.valueInvalid(
          templateName,
          culprit,
          `${name}: ${reason}`,
          locationOf(options),
        );
      }
      return typeof result === 'string' ? escapeMarkupText(result) : result;
    });
  }

  // Builtin blocks: same refusal of undefined; #each also refuses null (a list must be a list).
  for (const name of ['if', 'unless', 'each'] as const) {
    const builtin = env.helpers[name] as (this: unknown, ...args: unknown[]) => unknown;
    env.registerHelper(name, function (this: unknown, ...raw: unknown[]) {
      const { args, options } = takeArguments(raw);
      if (name === 'each') {
        const list = args[0];
        if (list === null) {
          throw documentErrors.fieldMissing(
            templateName,
            describeSource(argumentAt(options, 0)),
            locationOf(options),
          );
        }
        if (typeof list !== 'object') {
          throw documentErrors.valueInvalid(
            templateName,
            describeSource(argumentAt(options, 0)),
            '#each needs a list',
            locationOf(options),
          );
        }
      }
      return builtin.apply(this, raw);
    });
  }
}

/** Maps Handlebars exceptions (strict lookups, compile errors) to typed errors. */
function toDocumentError(error: unknown, templateName: string, analysis: TemplateAnalysis): Error {
  if (error instanceof DocumentError) {
    return error;
  }
  if (!(error instanceof Error)) {
    return documentErrors.syntax(templateName, String(error));
  }
  const withLocation = error as Error & { lineNumber?: number; column?: number };
  const location =
    typeof withLocation.lineNumber === 'number' && typeof withLocation.column === 'number'
      ? { line: withLocation.lineNumber, column: withLocation.column }
      : undefined;
  const strictMiss = /^"([^"]+)" not defined in/.exec(error.message);
  if (strictMiss) {
    const key = location ? locationKey(location) : undefined;
    const path =
      (key && analysis.pathAt.get(key)) ??
      (key && describeSource(analysis.argumentsAt.get(key)?.[0])) ??
      strictMiss[1]!;
    return documentErrors.fieldMissing(templateName, path, location);
  }
  const unknownHelper = /unknown helper (\S+)/.exec(error.message);
  if (unknownHelper) {
    return documentErrors.unknownHelper(templateName, unknownHelper[1]!, location);
  }
  return documentErrors.syntax(templateName, error.message.split('\n').join(' '), location);
}
