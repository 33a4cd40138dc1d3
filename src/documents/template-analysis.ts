/**
 * Static analysis of a Handlebars template: which model paths it reads (resolved through
 * {{#each}} scopes, `../` and block params), which helpers it calls, and the literal text it
 * holds. It also enforces the template rules that Handlebars itself does not: whitelisted
 * helpers only (TEMPLATE_UNKNOWN_HELPER), no partials/decorators, no prototype-reaching paths.
 *
 * Path notation: `party.name`, and for list items `evidence_list[].title` (`[]` = every item).
 */
import Handlebars from 'handlebars';
import { documentErrors, type TemplateLocation } from './document-errors.js';
import { HELPER_DEFINITIONS, isHelperName } from './helpers/helper-registry.js';

type AstNode = hbs.AST.Node;
type Program = hbs.AST.Program;
type Expression = hbs.AST.Expression;
type PathExpression = hbs.AST.PathExpression;
type SubExpression = hbs.AST.SubExpression;

/** Builtin block helpers templates may use. `with`, `lookup` and `log` are deliberately not. */
export const BLOCK_HELPERS = ['if', 'unless', 'each'] as const;
export type BlockHelperName = (typeof BLOCK_HELPERS)[number];

/** Path segments that reach object internals (Handlebars ≥ 4.6 denies them too; we refuse earlier). */
const FORBIDDEN_SEGMENTS = new Set([
  '__proto__',
  'constructor',
  'prototype',
  '__defineGetter__',
  '__defineSetter__',
  '__lookupGetter__',
  '__lookupSetter__',
]);

const DATA_VARIABLES = new Set(['index', 'first', 'last', 'key']);

export type PathRole = 'value' | 'helperArgument' | 'condition' | 'list';

export interface PathUse {
  readonly path: string;
  readonly role: PathRole;
  readonly location: TemplateLocation;
}

/** What a helper/block argument is: a model path, or something else (literal, @index, subexpression). */
export type ArgumentSource = { readonly path: string } | { readonly description: string };

export interface TemplateAnalysis {
  /** Every model path read, in template order (duplicates kept, with locations). */
  readonly uses: readonly PathUse[];
  /** Unique model paths, sorted. */
  readonly paths: readonly string[];
  /** Helpers and block helpers called. */
  readonly helpers: readonly string[];
  /** Literal text segments of the template (wording outside {{…}}). */
  readonly literals: readonly string[];
  /** Arguments of each mustache/block/subexpression, keyed by its start location. */
  readonly argumentsAt: ReadonlyMap<string, readonly ArgumentSource[]>;
  /** Model path of each path expression, keyed by its start location. */
  readonly pathAt: ReadonlyMap<string, string>;
}

export function locationKey(location: TemplateLocation): string {
  return `${location.line}:${location.column}`;
}

function startOf(node: AstNode): TemplateLocation {
  return { line: node.loc.start.line, column: node.loc.start.column };
}

/** Parses a template; Handlebars parse errors become TEMPLATE_SYNTAX_ERROR. */
export function parseTemplate(source: string, templateName: string): Program {
  try {
    return Handlebars.parse(source);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = /line (\d+)/.exec(message);
    throw documentErrors.syntax(
      templateName,
      message.split('\n').join(' '),
      line ? { line: Number(line[1]), column: 0 } : undefined,
    );
  }
}

interface Scope {
  /** Path prefix of `this` in this context, '' at the root. */
  readonly prefix: string;
  /** The enclosing context (for `../`); undefined at the root. */
  readonly parent?: Scope;
  /** Block params declared by the block that opened this scope (as |item index|). */
  readonly blockParams: ReadonlyMap<
    string,
    { readonly kind: 'item'; readonly prefix: string } | { readonly kind: 'index' }
  >;
}

type Resolved =
  | { readonly kind: 'model'; readonly path: string }
  | { readonly kind: 'other'; readonly description: string };

function joinPath(prefix: string, parts: readonly string[]): string {
  if (parts.length === 0) {
    return prefix;
  }
  return prefix === '' ? parts.join('.') : `${prefix}.${parts.join('.')}`;
}

export function analyzeTemplate(source: string, templateName: string): TemplateAnalysis {
  return analyzeProgram(parseTemplate(source, templateName), templateName);
}

export function analyzeProgram(program: Program, templateName: string): TemplateAnalysis {
  const uses: PathUse[] = [];
  const helpers = new Set<string>();
  const literals: string[] = [];
  const argumentsAt = new Map<string, ArgumentSource[]>();
  const pathAt = new Map<string, string>();

  const resolvePath = (node: PathExpression, scope: Scope): Resolved => {
    const location = startOf(node);
    const forbidden = node.parts.find((part) => FORBIDDEN_SEGMENTS.has(part));
    if (forbidden !== undefined) {
      throw documentErrors.forbiddenPath(templateName, node.original, location);
    }
    if (node.data) {
      const [head, ...rest] = node.parts;
      if (head === 'root') {
        return { kind: 'model', path: joinPath('', rest) };
      }
      if (head !== undefined && DATA_VARIABLES.has(head) && rest.length === 0) {
        return { kind: 'other', description: `@${head}` };
      }
      throw documentErrors.syntax(
        templateName,
        `unknown data variable @${node.parts.join('.')}`,
        location,
      );
    }
    const explicitThis = /^(this|\.)(\/|\.|$)/.test(node.original);
    if (node.depth === 0 && !explicitThis && node.parts.length > 0) {
      for (let s: Scope | undefined = scope; s; s = s.parent) {
        const param = s.blockParams.get(node.parts[0]!);
        if (param?.kind === 'index') {
          return { kind: 'other', description: node.original };
        }
        if (param?.kind === 'item') {
          return { kind: 'model', path: joinPath(param.prefix, node.parts.slice(1)) };
        }
      }
    }
    let target: Scope = scope;
    for (let d = 0; d < node.depth; d += 1) {
      if (!target.parent) {
        throw documentErrors.syntax(
          templateName,
          `${node.original} climbs above the root`,
          location,
        );
      }
      target = target.parent;
    }
    return { kind: 'model', path: joinPath(target.prefix, node.parts) };
  };

  const recordPath = (node: PathExpression, scope: Scope, role: PathRole): Resolved => {
    const resolved = resolvePath(node, scope);
    if (resolved.kind === 'model') {
      if (resolved.path === '') {
        throw documentErrors.syntax(
          templateName,
          `${node.original} refers to the whole model`,
          startOf(node),
        );
      }
      uses.push({ path: resolved.path, role, location: startOf(node) });
      pathAt.set(locationKey(startOf(node)), resolved.path);
    }
    return resolved;
  };

  const argumentOf = (expression: Expression, scope: Scope, role: PathRole): ArgumentSource => {
    switch (expression.type) {
      case 'PathExpression': {
        const resolved = recordPath(expression as PathExpression, scope, role);
        return resolved.kind === 'model'
          ? { path: resolved.path }
          : { description: resolved.description };
      }
      case 'SubExpression': {
        const sub = expression as SubExpression;
        visitHelperCall(sub.path, sub.params, sub.hash, sub, scope, true);
        return { description: `(${(sub.path as PathExpression).original ?? 'subexpression'} …)` };
      }
      default:
        return {
          description: `literal ${JSON.stringify((expression as hbs.AST.Literal & { value?: unknown }).value)}`,
        };
    }
  };

  /** A call with arguments: {{helper a b}} or (helper a b). */
  const visitHelperCall = (
    path: PathExpression | hbs.AST.Literal,
    params: readonly Expression[],
    hash: hbs.AST.Hash | undefined,
    node: AstNode,
    scope: Scope,
    isSubexpression: boolean,
  ): void => {
    const location = startOf(node);
    if (path.type !== 'PathExpression') {
      throw documentErrors.syntax(templateName, 'a literal cannot be called as a helper', location);
    }
    const name = (path as PathExpression).original;
    if (!isHelperName(name)) {
      throw documentErrors.unknownHelper(templateName, name, location);
    }
    const definition = HELPER_DEFINITIONS[name];
    if (hash && hash.pairs.length > 0) {
      throw documentErrors.syntax(
        templateName,
        `helper ${name} takes no key=value arguments`,
        location,
      );
    }
    if (params.length !== definition.arity) {
      throw documentErrors.syntax(
        templateName,
        `helper ${name} takes ${definition.arity} argument(s), got ${params.length}`,
        location,
      );
    }
    if (definition.kind === 'predicate' && !isSubexpression) {
      throw documentErrors.syntax(
        templateName,
        `helper ${name} gives true/false: use it inside (…), e.g. {{#if (${name} a b)}}`,
        location,
      );
    }
    helpers.add(name);
    argumentsAt.set(
      locationKey(location),
      params.map((p) => argumentOf(p, scope, 'helperArgument')),
    );
  };

  const visitProgram = (body: Program | undefined, scope: Scope): void => {
    if (!body) {
      return;
    }
    for (const statement of body.body) {
      visitStatement(statement, scope);
    }
  };

  const visitStatement = (statement: hbs.AST.Statement, scope: Scope): void => {
    const location = startOf(statement);
    switch (statement.type) {
      case 'ContentStatement':
        literals.push((statement as hbs.AST.ContentStatement).value);
        return;
      case 'CommentStatement':
        return;
      case 'MustacheStatement': {
        const mustache = statement as hbs.AST.MustacheStatement;
        if (mustache.params.length === 0 && (!mustache.hash || mustache.hash.pairs.length === 0)) {
          // {{path}} is always a value, never a zero-argument helper call.
          argumentsAt.set(locationKey(location), [argumentOf(mustache.path, scope, 'value')]);
          return;
        }
        visitHelperCall(mustache.path, mustache.params, mustache.hash, mustache, scope, false);
        return;
      }
      case 'BlockStatement': {
        const block = statement as hbs.AST.BlockStatement;
        const name =
          block.path.type === 'PathExpression' ? (block.path as PathExpression).original : '';
        if (!(BLOCK_HELPERS as readonly string[]).includes(name)) {
          if (
            isHelperName(name) ||
            name === 'with' ||
            name === 'lookup' ||
            name === 'log' ||
            name === ''
          ) {
            throw documentErrors.syntax(
              templateName,
              `{{#${name}}} is not an allowed block: use #if, #unless or #each`,
              location,
            );
          }
          throw documentErrors.unknownHelper(templateName, name, location);
        }
        if (block.params.length !== 1 || (block.hash && block.hash.pairs.length > 0)) {
          throw documentErrors.syntax(
            templateName,
            `{{#${name}}} takes exactly one argument`,
            location,
          );
        }
        helpers.add(name);
        const role: PathRole = name === 'each' ? 'list' : 'condition';
        const argument = argumentOf(block.params[0]!, scope, role);
        argumentsAt.set(locationKey(location), [argument]);
        if (name === 'each') {
          if (!('path' in argument)) {
            throw documentErrors.syntax(
              templateName,
              '{{#each}} must iterate over a model path',
              location,
            );
          }
          const itemPrefix = `${argument.path}[]`;
          const declared = block.program.blockParams ?? [];
          const blockParams = new Map<
            string,
            { kind: 'item'; prefix: string } | { kind: 'index' }
          >();
          if (declared[0] !== undefined) {
            blockParams.set(declared[0], { kind: 'item', prefix: itemPrefix });
          }
          if (declared[1] !== undefined) {
            blockParams.set(declared[1], { kind: 'index' });
          }
          visitProgram(block.program, { prefix: itemPrefix, parent: scope, blockParams });
        } else {
          visitProgram(block.program, scope);
        }
        visitProgram(block.inverse, scope);
        return;
      }
      default:
        throw documentErrors.syntax(
          templateName,
          `${statement.type} is not supported (no partials or decorators: one template holds the whole document)`,
          location,
        );
    }
  };

  visitProgram(program, { prefix: '', blockParams: new Map() });

  return {
    uses,
    paths: [...new Set(uses.map((u) => u.path))].sort(),
    helpers: [...helpers].sort(),
    literals,
    argumentsAt,
    pathAt,
  };
}
