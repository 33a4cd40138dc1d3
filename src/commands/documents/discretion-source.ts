/**
 * The discretion (裁量, APL art. 34) as the notice, the decision and the on-the-spot decision state
 * it: tier, grounds with their articles, CSL (2025) art. 73 / NDSR art. 59 references, benchmark.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { PenaltyProvisionRecord } from '../../entities/penalty-provision-record.entity.js';
import type { DiscretionSource } from '../../documents/kinds/case-document-source.js';
import {
  DISCRETION_GROUND_TERMS,
  DISCRETION_TIER_NAMES,
  DISCRETION_TIER_PHRASES,
  discretionBenchmarkFor,
  discretionReferences,
  type DiscretionRecord,
} from '../../procedure/discretion.js';
import { formatCitation, type LegalBasis } from '../../procedure/legal-basis.js';
import type { LocalDate } from '../../procedure/local-date.js';

/** CSL (2025) art. 73 / NDSR art. 59 for a 从轻 or 减轻 discretion under those laws' provisions. */
export async function referencesFor(
  em: EntityManager,
  record: DiscretionRecord,
  penalties: readonly { readonly provisionId: string }[],
): Promise<LegalBasis[]> {
  if (record.tier !== 'MITIGATED' && record.tier !== 'LIGHTER') {
    return [];
  }
  const ids = [...new Set(penalties.map((p) => p.provisionId))];
  const rows = await em.find(PenaltyProvisionRecord, { id: { $in: ids } });
  return discretionReferences(
    record.tier,
    rows.map((r) => r.data),
  );
}

/** The discretion as the notice and the decision state it, with the benchmark in force on `date`. */
export function discretionSource(
  record: DiscretionRecord,
  date: LocalDate,
  references: readonly LegalBasis[] = [],
): DiscretionSource {
  const grounds = record.grounds.map((g) => ({
    term: DISCRETION_GROUND_TERMS[g].term,
    basis: [...DISCRETION_GROUND_TERMS[g].legalBasis],
  }));
  return {
    tier: record.tier,
    tierName: DISCRETION_TIER_NAMES[record.tier],
    tierPhrase: DISCRETION_TIER_PHRASES[record.tier],
    grounds,
    groundsText:
      grounds.length === 0
        ? null
        : grounds.map((g) => `${g.term}（${g.basis.map(formatCitation).join('、')}）`).join('、'),
    referencesText: references.length === 0 ? null : references.map(formatCitation).join('、'),
    statement: record.statement ?? null,
    benchmark: discretionBenchmarkFor(date)?.title ?? '《中华人民共和国行政处罚法》第三十四条',
  };
}
