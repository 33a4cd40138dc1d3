import { describe, expect, it } from 'vitest';
import { DocumentError, type DocumentErrorCode } from '../../../src/documents/document-errors.js';
import {
  compiledTemplate,
  compileTemplate,
  renderTemplate,
} from '../../../src/documents/template-engine.js';

function failure(run: () => unknown): DocumentError {
  try {
    run();
  } catch (error) {
    if (error instanceof DocumentError) {
      return error;
    }
    throw error;
  }
  throw new Error('expected a DocumentError');
}

function expectFailure(code: DocumentErrorCode, source: string, model: object = {}): DocumentError {
  const error = failure(() => renderTemplate(source, 'test-template', model));
  expect(error.code).toBe(code);
  return error;
}

describe('strict rendering: a missing value is an error naming the path', () => {
  it.each([
    ['{{party.name}}', { party: {} }, 'party.name'],
    ['{{party.address.city}}', { party: {} }, 'party.address.city'],
    ['{{case_number}}', {}, 'case_number'],
    [
      '{{#each evidence_list}}{{title}}{{/each}}',
      { evidence_list: [{ title: 'a' }, {}] },
      'evidence_list[].title',
    ],
    ['{{#each items as |item|}}{{item.amount}}{{/each}}', { items: [{}] }, 'items[].amount'],
    ['{{#each items}}{{../office.name}}{{/each}}', { items: [1], office: {} }, 'office.name'],
    ['{{formatDate decision_date}}', {}, 'decision_date'],
    ['{{amountInCapitals penalty.amount}}', { penalty: {} }, 'penalty.amount'],
    ['{{#if is_hearing_eligible}}听证{{/if}}', {}, 'is_hearing_eligible'],
    ['{{#unless is_minor}}x{{/unless}}', {}, 'is_minor'],
    ['{{#each facts}}{{this}}{{/each}}', {}, 'facts'],
    ['{{#if (eq party.kind "ORG")}}x{{/if}}', { party: {} }, 'party.kind'],
    ['{{@root.office}}', {}, 'office'],
    ['{{name}}', { name: null }, 'name'],
    ['{{name}}', { name: '' }, 'name'],
    ['{{name}}', { name: undefined }, 'name'],
  ])('%s with %j → TEMPLATE_FIELD_MISSING %s', (source, model, path) => {
    const error = expectFailure(
      'TEMPLATE_FIELD_MISSING',
      source,
      model,
    ) as DocumentError<'TEMPLATE_FIELD_MISSING'>;
    expect(error.details.path).toBe(path);
    expect(error.details.templateName).toBe('test-template');
    expect(error.message).toContain(path);
    expect(error.message).not.toContain('undefined in');
  });

  it('reports the template location', () => {
    const error = expectFailure('TEMPLATE_FIELD_MISSING', '第一行\n当事人：{{party.name}}', {
      party: {},
    });
    expect(error.details).toMatchObject({ location: { line: 2 } });
  });

  it('never prints objects, lists or booleans', () => {
    expectFailure('TEMPLATE_VALUE_INVALID', '{{party}}', { party: { name: 'x' } });
    expectFailure('TEMPLATE_VALUE_INVALID', '{{list}}', { list: ['a'] });
    expectFailure('TEMPLATE_VALUE_INVALID', '{{flag}}', { flag: true });
    expectFailure('TEMPLATE_VALUE_INVALID', '{{#each name}}{{/each}}', { name: 'x' });
  });

  it('reports helper argument errors with the path', () => {
    const error = expectFailure('TEMPLATE_VALUE_INVALID', '{{formatDate decision_date}}', {
      decision_date: '2026/11/22',
    });
    expect(error.details).toMatchObject({ path: 'decision_date' });
    expect(error.message).toContain('formatDate');
  });

  it('null and false are fine as conditions (optional sections)', () => {
    const source =
      '{{#if discretion}}{{discretion}}{{else}}无{{/if}}{{#unless is_hearing}}，不听证{{/unless}}';
    expect(renderTemplate(source, 't', { discretion: null, is_hearing: false })).toBe('无，不听证');
  });

  it('prints numbers and @index', () => {
    expect(renderTemplate('{{#each xs}}{{@index}}:{{this}};{{/each}}', 't', { xs: [5, 0] })).toBe(
      '0:5;1:0;',
    );
  });
});

describe('whitelisted helpers only', () => {
  it.each([
    ['{{uppercase name}}', 'uppercase'],
    ['{{lookup party "name"}}', 'lookup'],
    ['{{log name}}', 'log'],
    ['{{#if (uppercase name)}}x{{/if}}', 'uppercase'],
    ['{{#myBlock}}x{{/myBlock}}', 'myBlock'],
    ['{{zhifaPrintValue name}}', 'zhifaPrintValue'],
  ])('%s → TEMPLATE_UNKNOWN_HELPER %s', (source, helper) => {
    const error = expectFailure('TEMPLATE_UNKNOWN_HELPER', source, {
      name: 'x',
      party: { name: 'x' },
    });
    expect(error.details).toMatchObject({ helper });
  });

  it.each([
    ['{{#with party}}{{name}}{{/with}}'],
    ['{{> partial}}'],
    ['{{formatDate a b}}'],
    ['{{eq a b}}'],
    ['{{ordinal n style="x"}}'],
    ['{{#if}}x{{/if}}'],
    ['{{name}'],
    ['{{#if a}}x'],
    ['{{@unknownData}}'],
  ])('%s → TEMPLATE_SYNTAX_ERROR', (source) => {
    expectFailure('TEMPLATE_SYNTAX_ERROR', source, {
      a: 1,
      b: 2,
      n: 1,
      name: 'x',
      party: { name: 'x' },
    });
  });
});

describe('no prototype access', () => {
  it.each([
    '{{__proto__}}',
    '{{constructor}}',
    '{{constructor.name}}',
    '{{party.constructor.prototype}}',
    '{{party.__proto__.polluted}}',
    '{{#each party.__defineGetter__}}x{{/each}}',
    '{{formatDate this.constructor}}',
    '{{#if (eq __proto__ 1)}}x{{/if}}',
  ])('%s is rejected before rendering', (source) => {
    const error = expectFailure('TEMPLATE_FORBIDDEN_PATH', source, { party: { name: 'x' } });
    expect(error.message).toContain('object internals');
  });

  it('Handlebars itself still denies prototype properties (defence in depth)', () => {
    // An inherited property is not an own property: strict rendering calls it missing.
    const model = Object.create({ inherited: 'from prototype' }) as object;
    expectFailure('TEMPLATE_FIELD_MISSING', '{{inherited}}', model);
  });
});

describe('output is markup, not HTML', () => {
  it('does not HTML-escape (noEscape) and escapes markup characters in values', () => {
    const model = { name: '<特殊字符 & "引号">', hostile: '# 标题\n@pagebreak|x' };
    expect(renderTemplate('{{name}}', 't', model)).toBe('\\<特殊字符 & "引号">');
    expect(renderTemplate('{{hostile}}', 't', model)).toBe('\\# 标题\\n\\@pagebreak\\|x');
  });

  it('compiles once and renders many models; exposes the analysis', () => {
    const template = compileTemplate('{{#each xs}}{{name}}{{/each}}', 't');
    expect(template.analysis.paths).toEqual(['xs', 'xs[].name']);
    expect(template.render({ xs: [{ name: '甲' }] })).toBe('甲');
    expect(template.render({ xs: [{ name: '乙' }, { name: '丙' }] })).toBe('乙丙');
  });
});

describe('compiledTemplate: each wording compiled once', () => {
  it('returns the same compiled template for the same name and source, a new one when either changes', () => {
    const first = compiledTemplate('{{a}}', 'cached-template');
    expect(compiledTemplate('{{a}}', 'cached-template')).toBe(first);
    expect(compiledTemplate('{{a}} {{b}}', 'cached-template')).not.toBe(first);
    expect(compiledTemplate('{{a}}', 'other-template')).not.toBe(first);
  });

  it('stays strict on every render: a cached template still refuses a missing field, naming it', () => {
    const template = compiledTemplate('{{#if ok}}{{party.name}}{{/if}}', 'cached-strict');
    expect(template.render({ ok: true, party: { name: '某公司' } })).toBe('某公司');
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const error = failure(() => template.render({ ok: true, party: {} }));
      expect(error.code).toBe('TEMPLATE_FIELD_MISSING');
      expect(error.details).toMatchObject({ path: 'party.name' });
    }
  });

  it('does not keep a template that fails to compile', () => {
    expect(failure(() => compiledTemplate('{{#if}}', 'cached-broken')).code).toBe(
      'TEMPLATE_SYNTAX_ERROR',
    );
    expect(failure(() => compiledTemplate('{{#if}}', 'cached-broken')).code).toBe(
      'TEMPLATE_SYNTAX_ERROR',
    );
  });
});
