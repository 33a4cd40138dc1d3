/**
 * The dated rulebook: the version in force on the act date, 2017 vs 2023 values,
 * office overrides of the 较大数额 thresholds only, and the audit version id.
 */
import { describe, expect, it } from 'vitest';
import {
  findRulebookVersion,
  OVERRIDABLE_PARAMETER_KEYS,
  rulebookFor,
  RULEBOOK_VERSIONS,
} from '../../../src/procedure/rulebook.js';
import { d } from './procedure-fixtures.js';

describe('rulebookFor', () => {
  it.each([
    ['2021-07-15', 'CAC-2017'],
    ['2023-05-31', 'CAC-2017'],
    ['2023-06-01', 'CAC-2023'],
    ['2026-01-01', 'CAC-2023'],
  ])('an act on %s is governed by %s', (date, id) => {
    expect(rulebookFor(d(date)).versionId).toBe(id);
  });

  it('APL art. 86: acts before 2021-07-15 have no rulebook in this engine', () => {
    expect(findRulebookVersion(d('2021-07-14'))).toBeUndefined();
    expect(() => rulebookFor(d('2021-07-14'))).toThrow(RangeError);
  });

  it('versions do not overlap and leave no gap', () => {
    const [v2017, v2023] = RULEBOOK_VERSIONS;
    expect(v2017?.validTo).toBe('2023-05-31');
    expect(v2023?.validFrom).toBe('2023-06-01');
    expect(v2023?.validTo).toBeUndefined();
  });

  it('CAC 2017 art. 15(2): docketing within 7 working days, extendable to 15 in total (P)', () => {
    const p = rulebookFor(d('2023-05-31')).parameters;
    expect([p.docketingPeriod.length, p.docketingPeriod.unit]).toEqual([7, 'WORKING_DAYS']);
    expect(p.docketingPeriodWithExtension.length).toBe(15);
    expect(p.docketingPeriod.status).toBe('P');
    expect(p.docketingPeriod.verified).toBe(false);
  });

  it('CAC 2023 (U): docketing within 15 working days, 15 more with approval, unverified', () => {
    const p = rulebookFor(d('2023-06-01')).parameters;
    expect([p.docketingPeriod.length, p.docketingPeriod.unit]).toEqual([15, 'WORKING_DAYS']);
    expect(p.docketingPeriodWithExtension.length).toBe(30);
    expect(p.docketingPeriod.status).toBe('U');
    expect(p.docketingPeriod.verified).toBe(false);
  });

  it.each(RULEBOOK_VERSIONS.map((v) => [v.id, v.validFrom] as const))(
    '%s carries the verified statute values',
    (_id, from) => {
      const p = rulebookFor(from).parameters;
      expect([
        p.hearingRequestPeriod.length,
        p.hearingRequestPeriod.unit,
        p.hearingRequestPeriod.verified,
      ]).toEqual([5, 'WORKING_DAYS', true]);
      expect([p.hearingNoticeLeadTime.length, p.hearingNoticeLeadTime.unit]).toEqual([
        7,
        'WORKING_DAYS',
      ]);
      expect([p.caseTimeLimit.length, p.caseTimeLimit.unit, p.caseTimeLimit.verified]).toEqual([
        90,
        'CALENDAR_DAYS',
        true,
      ]);
      expect([p.preservationHandlingPeriod.length, p.preservationHandlingPeriod.unit]).toEqual([
        7,
        'WORKING_DAYS',
      ]);
      expect([
        p.compulsoryMeasureMaximum.length,
        p.compulsoryMeasureExtensionMaximum.length,
      ]).toEqual([30, 30]);
      expect([
        p.limitationPeriod.length,
        p.extendedLimitationPeriod.length,
        p.limitationPeriod.unit,
      ]).toEqual([2, 5, 'YEARS']);
      expect([p.summaryFineLimitNaturalPerson.value, p.summaryFineLimitOrganization.value]).toEqual(
        [200, 3000],
      );
      expect([p.decisionServicePeriod.length, p.decisionServicePeriod.unit]).toEqual([
        7,
        'WORKING_DAYS',
      ]);
      expect(p.minimumOfficersPerAct.value).toBe(2);
      expect(p.caseTimeLimitExtension.verified).toBe(false);
      expect(p.statementPeriod.status).toBe('U');
    },
  );

  it('APL art. 63: 较大数额 thresholds are unset by default and overridable per office, for persons and organizations apart', () => {
    const base = rulebookFor(d('2024-01-01')).parameters;
    expect(base.hearingFineThresholdNaturalPerson.value).toBeNull();
    expect(base.hearingFineThresholdOrganization.value).toBeNull();
    const rulebook = rulebookFor(d('2024-01-01'), {
      id: 'SH-2024-01',
      source: '某省行政处罚听证较大数额标准',
      values: { hearingFineThresholdNaturalPerson: 5000, hearingFineThresholdOrganization: 100000 },
    });
    expect(rulebook.versionId).toBe('CAC-2023+SH-2024-01');
    expect(rulebook.parameters.hearingFineThresholdNaturalPerson.value).toBe(5000);
    expect(rulebook.parameters.hearingFineThresholdOrganization.value).toBe(100000);
    expect(rulebook.parameters.hearingFineThresholdOrganization.source).toBe(
      '某省行政处罚听证较大数额标准',
    );
    expect(rulebook.parameters.hearingFineThresholdOrganization.verified).toBe(false);
    expect(rulebook.overrides?.keys).toEqual([
      'hearingFineThresholdNaturalPerson',
      'hearingFineThresholdOrganization',
    ]);
    // Statute values cannot be overridden: they stay as they were.
    expect(rulebook.parameters.summaryFineLimitNaturalPerson).toEqual(
      base.summaryFineLimitNaturalPerson,
    );
  });

  it('only parameters marked overridable can be overridden', () => {
    for (const version of RULEBOOK_VERSIONS) {
      const overridable = Object.entries(version.parameters)
        .filter(([, p]) => p.overridable)
        .map(([k]) => k)
        .sort();
      expect(overridable).toEqual([...OVERRIDABLE_PARAMETER_KEYS].sort());
    }
  });
});
