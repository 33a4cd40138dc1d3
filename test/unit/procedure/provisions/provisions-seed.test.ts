import { describe, expect, it } from 'vitest';
import { formatCitation } from '../../../../src/procedure/legal-basis.js';
import { PENALTY_KINDS } from '../../../../src/procedure/penalty-kind.js';
import {
  LAW_VERSIONS,
  NON_PENALTY_ARTICLES,
  PENALTY_PROVISIONS_SEED as SEED,
  findProvision,
  formatProvisionCitation,
  penaltyBasisRecord,
  provisionCitation,
  validateCatalog,
} from '../../../../src/procedure/provisions/index.js';

function get(id: string) {
  const p = findProvision(SEED, id);
  if (!p) {
    throw new Error(`seed row missing: ${id}`);
  }
  return p;
}

describe('seed data sanity', () => {
  it('passes catalog validation as a whole (ids unique, periods ordered, kinds valid, ranges consistent)', () => {
    expect(validateCatalog(SEED)).toEqual([]);
  });

  it('has unique ids', () => {
    expect(new Set(SEED.map((p) => p.id)).size).toBe(SEED.length);
  });

  it('gives every row a citation, a status V/P/U and a source', () => {
    for (const p of SEED) {
      expect(formatCitation(provisionCitation(p)), p.id).toMatch(/^《.+》第.+条/);
      expect(['V', 'P', 'U'], p.id).toContain(p.status);
      expect(p.source.length, p.id).toBeGreaterThan(0);
      expect(p.unlawfulActZh.length, p.id).toBeGreaterThan(0);
    }
  });

  it('orders every effective period and uses only APL art. 9 kinds (no detention)', () => {
    for (const p of SEED) {
      if (p.validTo !== undefined) {
        expect(p.validFrom < p.validTo, p.id).toBe(true);
      }
      for (const s of [...p.partySanctions, ...p.responsiblePersonSanctions]) {
        expect(PENALTY_KINDS, p.id).toContain(s.kind);
        expect(s.fine !== undefined, `${p.id} ${s.kind}`).toBe(s.kind === 'FINE');
      }
    }
  });

  it('seeds every law of the reference (counts by law)', () => {
    const counts: Record<string, number> = {};
    for (const p of SEED) {
      const key = p.lawCode === 'CSL' ? p.versionId : p.lawCode;
      counts[key] = (counts[key] ?? 0) + 1;
    }
    expect(counts).toEqual({
      PIPL: 3,
      'CSL@2016': 22,
      'CSL@2025': 31,
      DSL: 10,
      MINORS_REG: 8,
      NDSR: 7,
      ISP_MEASURES: 8,
      ALGO_PROV: 5,
      NEWS_PROV: 7,
      ECO_PROV: 4,
      GENAI_MEASURES: 2,
      DEEP_SYNTHESIS_PROV: 1,
    });
    expect(NON_PENALTY_ARTICLES.length).toBeGreaterThan(0);
  });

  it('dates CSL 2016 to 2017-06-01…2025-12-31 and CSL 2025 from 2026-01-01 (reference §3, §4)', () => {
    expect(LAW_VERSIONS.CSL_2016.validFrom).toBe('2017-06-01');
    expect(LAW_VERSIONS.CSL_2016.validTo).toBe('2025-12-31');
    expect(LAW_VERSIONS.CSL_2025.validFrom).toBe('2026-01-01');
    expect(LAW_VERSIONS.CSL_2025.validTo).toBeUndefined();
    for (const p of SEED.filter((r) => r.versionId === 'CSL@2016')) {
      expect(p.validTo, p.id).toBe('2025-12-31');
    }
  });

  it('links every CSL 2016 penalty row to its 2025 counterpart (concordance §4.1)', () => {
    for (const p of SEED.filter((r) => r.versionId === 'CSL@2016')) {
      expect(p.successors, p.id).toBeDefined();
      for (const id of p.successors?.provisionIds ?? []) {
        expect(get(id).versionId, `${p.id} → ${id}`).toBe('CSL@2025');
      }
    }
    expect(get('CSL2016-64-1').successors?.relation).toBe('REFERRED_TO_OTHER_LAWS');
    expect(get('CSL2016-66').successors?.provisionIds).toEqual(['CSL2025-71-1-3']);
    expect(get('CSL2016-69').successors?.provisionIds).toEqual([
      'CSL2025-69-1-REFUSAL',
      'CSL2025-70',
    ]);
  });

  it('reserves to provincial level exactly PIPL 66(2), Minors Reg. 54(2), AlgoProv 33(1), NewsProv 22; EcoProv to city level', () => {
    const provincial = SEED.filter((p) => p.minOfficeLevel === 'PROVINCIAL').map((p) => p.id);
    expect(provincial.sort()).toEqual(
      [
        'ALGO_PROV-33-1',
        'ALGO_PROV-33-1-SERIOUS',
        'MINORS_REG-54-2',
        'NEWS_PROV-22',
        'PIPL-66-2',
      ].sort(),
    );
    const municipal = SEED.filter((p) => p.minOfficeLevel === 'MUNICIPAL').map((p) => p.id);
    expect(municipal.sort()).toEqual(['ECO_PROV-37', 'ECO_PROV-37-REFUSAL', 'ECO_PROV-38'].sort());
  });

  it('carries the reference status: NewsProv P (except art. 26 U), EcoProv / GenAI / Deep Synthesis U', () => {
    for (const p of SEED) {
      if (p.lawCode === 'NEWS_PROV') {
        expect(p.status, p.id).toBe(p.article === 26 ? 'U' : 'P');
      } else if (['ECO_PROV', 'GENAI_MEASURES', 'DEEP_SYNTHESIS_PROV'].includes(p.lawCode)) {
        expect(p.status, p.id).toBe('U');
      } else {
        expect(p.status, p.id).toBe('V');
      }
    }
  });

  it('routes public-security-only articles away from CAC (CSL 2016 arts. 63, 64(2), 67; 2025 arts. 66, 68, 71(2))', () => {
    const ps = SEED.filter((p) => p.authority === 'PUBLIC_SECURITY_ONLY').map((p) => p.id);
    expect(ps.sort()).toEqual(
      [
        'CSL2016-63',
        'CSL2016-64-2',
        'CSL2016-67',
        'CSL2025-66',
        'CSL2025-68',
        'CSL2025-71-2',
      ].sort(),
    );
  });

  it('PIPL art. 66(2): no warning, ≤ ¥50m or ≤ 5% of turnover, DRP ¥100k–¥1m', () => {
    const p = get('PIPL-66-2');
    expect(p.partySanctions.map((s) => s.kind)).not.toContain('WARNING');
    expect(p.partySanctions.filter((s) => s.kind === 'FINE').map((s) => s.fine)).toEqual([
      { basis: 'FIXED', minYuan: 0, maxYuan: 50_000_000 },
      { basis: 'PERCENT_OF_PRIOR_YEAR_TURNOVER', maxPercent: 5 },
    ]);
    expect(p.responsiblePersonSanctions[0]?.fine).toEqual({
      basis: 'FIXED',
      minYuan: 100_000,
      maxYuan: 1_000_000,
    });
    expect(p.partySanctions.map((s) => s.kind)).not.toContain('REVOCATION_OF_PERMIT');
  });

  it('formats a versioned citation and freezes it into a basis record', () => {
    expect(formatProvisionCitation(get('CSL2016-64-1'))).toBe(
      '《中华人民共和国网络安全法》（2016年）第六十四条第一款',
    );
    expect(formatProvisionCitation(get('CSL2025-71-1-2'))).toBe(
      '《中华人民共和国网络安全法》（2025年修正）第七十一条第一款第（二）项',
    );
    const record = penaltyBasisRecord(get('PIPL-66-2'));
    expect(record).toMatchObject({
      provisionId: 'PIPL-66-2',
      versionId: 'PIPL@2021',
      tier: 'SERIOUS',
      status: 'V',
      citation: { law: '中华人民共和国个人信息保护法', article: 66, paragraph: 2, status: 'V' },
    });
    expect(record.citationText).toBe('《中华人民共和国个人信息保护法》（2021年）第六十六条第二款');
  });
});
