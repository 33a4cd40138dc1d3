/**
 * Every rule and every rulebook parameter carries a citation, a status and a
 * Chinese message or name; effective periods are well formed.
 */
import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../../src/procedure/legal-basis.js';
import { isLocalDate } from '../../../src/procedure/local-date.js';
import {
  isRuleInForce,
  RULE_CATALOG,
  RULE_CODES,
  violation,
  type RuleDefinition,
} from '../../../src/procedure/rule-catalog.js';
import { parameterEntries, RULEBOOK_VERSIONS } from '../../../src/procedure/rulebook.js';
import { d } from './procedure-fixtures.js';

const CHINESE = /[\u4e00-\u9fff]/;

describe('rule catalog', () => {
  it.each(RULE_CODES)(
    '%s has a Chinese message, a legal basis, a status and an effective period',
    (code) => {
      const rule: RuleDefinition = RULE_CATALOG[code];
      expect(code).toMatch(/^[A-Z][A-Z0-9_]+$/);
      expect(rule.message).toMatch(CHINESE);
      expect(rule.legalBasis.length).toBeGreaterThan(0);
      rule.legalBasis.forEach((b) => expect(formatCitation(b)).toMatch(/^《.+》第.+条/));
      expect(['V', 'P', 'U', 'D']).toContain(rule.status);
      expect(isLocalDate(rule.validFrom)).toBe(true);
      if (rule.validTo !== undefined) {
        expect(rule.validTo >= rule.validFrom).toBe(true);
      }
    },
  );

  it.each(RULE_CODES)('%s: a non-V rule or citation says where it comes from', (code) => {
    const rule: RuleDefinition = RULE_CATALOG[code];
    for (const basis of rule.legalBasis) {
      if (basis.status !== 'V') {
        expect(basis.source).toBeTruthy();
      }
    }
    if (rule.status === 'U' || rule.status === 'D') {
      expect(rule.note ?? rule.legalBasis.find((b) => b.source)?.source).toBeTruthy();
    }
  });

  it('violation() copies the catalog message and citations and adds details', () => {
    const v = violation('HEARING_REQUEST_OUT_OF_TIME', { dueDate: '2024-04-08' });
    expect(v).toEqual({
      code: 'HEARING_REQUEST_OUT_OF_TIME',
      message: RULE_CATALOG.HEARING_REQUEST_OUT_OF_TIME.message,
      legalBasis: RULE_CATALOG.HEARING_REQUEST_OUT_OF_TIME.legalBasis,
      details: { dueDate: '2024-04-08' },
    });
  });

  it('PIPL art. 63: the principal-head approval rule binds from 2021-11-01, not before', () => {
    expect(isRuleInForce('PRINCIPAL_HEAD_APPROVAL_REQUIRED', d('2021-10-31'))).toBe(false);
    expect(isRuleInForce('PRINCIPAL_HEAD_APPROVAL_REQUIRED', d('2021-11-01'))).toBe(true);
  });

  it('CAC 2023 rules: the reviewer-is-handler rule binds from 2023-06-01, not before', () => {
    expect(isRuleInForce('REVIEWER_IS_HANDLER', d('2023-05-31'))).toBe(false);
    expect(isRuleInForce('REVIEWER_IS_HANDLER', d('2023-06-01'))).toBe(true);
  });
});

describe('rulebook parameters', () => {
  const all = RULEBOOK_VERSIONS.flatMap((v) =>
    parameterEntries(v.parameters).map(([key, p]) => [v.id, key, p] as const),
  );

  it.each(all)(
    '%s %s has a legal basis, a Chinese name, a source and a consistent verified flag',
    (_version, _key, p) => {
      expect(p.legalBasis.length).toBeGreaterThan(0);
      expect(p.name).toMatch(CHINESE);
      expect(p.source.length).toBeGreaterThan(0);
      expect(p.verified).toBe(p.status === 'V');
    },
  );

  it('both versions define the same parameters', () => {
    const [first, ...rest] = RULEBOOK_VERSIONS.map((v) => Object.keys(v.parameters).sort());
    rest.forEach((keys) => expect(keys).toEqual(first));
  });
});
