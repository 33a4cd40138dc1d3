import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseEvent } from '../../entities/case-event.entity.js';
import type { Case } from '../../entities/case.entity.js';
import { ValidationError } from '../../errors/domain-error.js';

/** How the decision letter says the party's statement was taken: 予以采纳 / 部分予以采纳 / 不予采纳. */
export type StatementAdoption = 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED';

/**
 * The adoption the recorded reviews support (APL art. 45(1): the office reviews the statement
 * and adopts what holds): every statement adopted → 予以采纳, none → 不予采纳, some → 部分予以采纳;
 * null when no review is recorded. A statement reviewed twice counts with its latest review.
 */
export function adoptionOfReviews(
  reviews: readonly { readonly statementId: string; readonly adopted: boolean }[],
): StatementAdoption | null {
  const latest = new Map<string, boolean>();
  for (const review of reviews) {
    latest.set(review.statementId, review.adopted);
  }
  const adopted = [...latest.values()];
  if (adopted.length === 0) {
    return null;
  }
  if (adopted.every(Boolean)) {
    return 'ADOPTED';
  }
  return adopted.some(Boolean) ? 'PARTLY_ADOPTED' : 'NOT_ADOPTED';
}

/**
 * The letter's adoption, derived from the recorded reviews. What the officer typed may only
 * narrow an adopted review to 部分予以采纳 (a review adopts a statement when some of its facts,
 * reasons or evidence hold); anything else that contradicts the record is refused, naming the
 * field. Without a recorded review the typed value stands (default 不予采纳).
 */
export function resolveStatementAdoption(
  recorded: StatementAdoption | null,
  typed: StatementAdoption | null | undefined,
): StatementAdoption {
  if (recorded === null) {
    return typed ?? 'NOT_ADOPTED';
  }
  if (!typed || typed === recorded) {
    return recorded;
  }
  if (recorded === 'ADOPTED' && typed === 'PARTLY_ADOPTED') {
    return typed;
  }
  throw ValidationError.field(
    'STATEMENT_ADOPTION_CONTRADICTS_REVIEW',
    'content.statementAdoption',
    `决定书的采纳情况（${ADOPTION_NAMES[typed]}）与记录的陈述、申辩复核结论（${ADOPTION_NAMES[recorded]}）不一致；请省略该项，由复核记录得出`,
    { recorded, typed },
  );
}

const ADOPTION_NAMES: Record<StatementAdoption, string> = {
  ADOPTED: '予以采纳',
  PARTLY_ADOPTED: '部分予以采纳',
  NOT_ADOPTED: '不予采纳',
};

/** The case's recorded statement reviews (reviewStatement events), oldest first. */
export async function recordedStatementAdoption(
  em: EntityManager,
  found: Case,
): Promise<StatementAdoption | null> {
  const events = await em.find(
    CaseEvent,
    { case: found, action: 'reviewStatement' },
    { orderBy: { sequence: 'asc' } },
  );
  return adoptionOfReviews(
    events.map((event) => {
      const input = event.payload.input as { statementId: string; adopted: boolean };
      return { statementId: input.statementId, adopted: input.adopted };
    }),
  );
}
