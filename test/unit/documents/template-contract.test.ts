import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DocumentError } from '../../../src/documents/document-errors.js';
import {
  assertTemplateContract,
  checkTemplateAgainstModel,
  listTemplatePaths,
} from '../../../src/documents/template-contract.js';

const fixture = (name: string) =>
  readFileSync(new URL(`../../fixtures/templates/${name}`, import.meta.url), 'utf8');

describe('listTemplatePaths', () => {
  it('lists every data path, each-relative paths as list[].field', () => {
    const source = [
      '{{office.name}} {{formatDate decision_date}}',
      '{{#each penalties}}{{inc @index}}{{description}}{{amountInFigures amount}}{{../office.short_name}}{{@root.case_number}}',
      '  {{#each this.basis as |b i|}}{{citation b}}{{b.law}}{{i}}{{/each}}',
      '{{else}}无{{/each}}',
      '{{#if (eq party.kind "PERSON")}}{{party.id_number}}{{/if}}{{#unless is_minor}}{{this.facts_summary}}{{/unless}}',
    ].join('\n');
    expect(listTemplatePaths(source)).toEqual([
      'case_number',
      'decision_date',
      'facts_summary',
      'is_minor',
      'office.name',
      'office.short_name',
      'party.id_number',
      'party.kind',
      'penalties',
      'penalties[].amount',
      'penalties[].basis',
      'penalties[].basis[]',
      'penalties[].basis[].law',
      'penalties[].description',
    ]);
  });
});

describe('checkTemplateAgainstModel', () => {
  const source =
    '{{party.name}}{{#each evidence_list}}{{title}}{{purpose}}{{/each}}本机关拟作出行政处罚';

  it('passes when the sample has every path', () => {
    const report = checkTemplateAgainstModel(source, {
      party: { name: '甲' },
      evidence_list: [{ title: 't', purpose: 'p' }],
    });
    expect(report.missing).toEqual([]);
    expect(report.usedPaths).toEqual([
      'evidence_list',
      'evidence_list[].purpose',
      'evidence_list[].title',
      'party.name',
    ]);
  });

  it('finds paths missing in the sample, including inside list items and empty sample lists', () => {
    expect(
      checkTemplateAgainstModel(source, { party: {}, evidence_list: [{ title: 't' }] }).missing,
    ).toEqual([
      { kind: 'MODEL_PATH', path: 'evidence_list[].purpose' },
      { kind: 'MODEL_PATH', path: 'party.name' },
    ]);
    expect(
      checkTemplateAgainstModel(source, { party: { name: '甲' }, evidence_list: [] }).missing,
    ).toEqual([
      { kind: 'MODEL_PATH', path: 'evidence_list[].purpose' },
      { kind: 'MODEL_PATH', path: 'evidence_list[].title' },
    ]);
  });

  it('finds missing mandatory paths (unused or empty) and phrases', () => {
    const report = checkTemplateAgainstModel(
      source,
      { party: { name: '甲' }, evidence_list: [{ title: 't', purpose: 'p' }], remedies: null },
      {
        paths: ['party.name', 'evidence_list', 'party.address', 'remedies'],
        phrases: ['本机关拟作出行政处罚', '陈述、申辩', '听证'],
      },
    );
    expect(report.missing).toEqual([
      { kind: 'MANDATORY_PATH', path: 'party.address' },
      { kind: 'MANDATORY_PATH', path: 'remedies' },
      { kind: 'MANDATORY_PHRASE', phrase: '陈述、申辩' },
      { kind: 'MANDATORY_PHRASE', phrase: '听证' },
    ]);
  });

  it('assertTemplateContract refuses with the full list', () => {
    try {
      assertTemplateContract(source, { party: {} }, { phrases: ['复议'] }, 'notice');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(DocumentError);
      const documentError = error as DocumentError<'DOCUMENT_MANDATORY_ELEMENTS_MISSING'>;
      expect(documentError.code).toBe('DOCUMENT_MANDATORY_ELEMENTS_MISSING');
      expect(documentError.details.missing).toHaveLength(5);
      expect(documentError.message).toContain('复议');
    }
  });

  it('the sample pre-penalty notice fulfils its contract (行政处罚法 44/45, 63/64)', () => {
    const template = fixture('pre-penalty-notice.hbs');
    const sample = JSON.parse(fixture('pre-penalty-notice.sample.json')) as object;
    const report = checkTemplateAgainstModel(template, sample, {
      paths: [
        'party.name',
        'facts',
        'evidence_list',
        'violated_provisions',
        'penalty_basis',
        'penalty_items',
        'statement_days',
        'notice_date',
      ],
      phrases: ['陈述', '申辩', '听证', '视为放弃'],
    });
    expect(report.missing).toEqual([]);
    expect(report.usedPaths).toContain('penalty_items[].amount');
  });
});
