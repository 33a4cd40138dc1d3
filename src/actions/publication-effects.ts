import type { EntityManager } from '@mikro-orm/postgresql';
import { publishPenaltyDecision, withdrawPublication } from '../commands/publications.js';
import type { Case } from '../entities/case.entity.js';
import { Publication } from '../entities/publication.entity.js';
import type { WorkingDayCalendar } from '../procedure/calendar/index.js';
import type { LocalDate } from '../procedure/local-date.js';
import type { PublicationEffect } from './action-spec.js';

/**
 * The 双公示 effects of a step (APL art. 48): a published penalty decision yields its
 * publication record in the deciding transaction; a decision changed, annulled or declared
 * unlawful comes down (within the rulebook's withdrawal period).
 */
export async function carryOutPublication(
  em: EntityManager,
  found: Case,
  effect: PublicationEffect,
  today: LocalDate,
  calendar: WorkingDayCalendar,
): Promise<void> {
  if (effect.kind === 'PUBLISH') {
    await publishPenaltyDecision(em, found, effect.decision, effect.facts, calendar);
    return;
  }
  const open = await em.find(Publication, { case: found, withdrawnOn: null });
  for (const publication of open) {
    await withdrawPublication(em, publication, effect.on, today, effect.reason, calendar);
  }
  // A changed decision replaces the withdrawn record: published only where the old one was.
  if (effect.kind === 'REPLACE' && open.length > 0) {
    await publishPenaltyDecision(em, found, effect.decision, open[0]!.fields.违法事实, calendar);
  }
}
