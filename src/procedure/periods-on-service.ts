/**
 * The periods a decision starts when it is served: payment (APL art. 67(3)), reconsideration
 * (Administrative Reconsideration Law art. 20) and litigation (Administrative Litigation Law
 * art. 46) run from the day the decision letter is served (APL art. 61), not from the decision.
 * A dry run of the decision shows them in advance, read from the same serveDocument outcomes
 * the real service will take — never a second list of periods.
 */
import type { ActionInput } from './action-inputs.js';
import type { CaseSnapshot } from './case-snapshot.js';
import type { Effect } from './effects.js';
import type { Rulebook } from './rulebook.js';
import { transitionOf } from './transitions.js';

export type StartDeadlineEffect = Extract<Effect, { kind: 'START_DEADLINE' }>;

/** The deadlines serving the decision of `decided` (a snapshot just after the decision) would start. */
export function periodsStartedOnDecisionService(
  decided: CaseSnapshot,
  rulebook: Rulebook,
): readonly StartDeadlineEffect[] {
  const letter =
    decided.status === 'DECIDED_PENALTY'
      ? 'PENALTY_DECISION'
      : decided.status === 'DECIDED_NO_PENALTY'
        ? 'NO_PENALTY_DECISION'
        : undefined;
  if (!letter) {
    return [];
  }
  // Only the documents served matter to the outcomes' conditions.
  const input = { documents: [letter] } as unknown as ActionInput<'serveDocument'>;
  const outcome = transitionOf('serveDocument').outcomes.find(
    (o) => o.when === undefined || o.when({ snapshot: decided, input, rulebook }),
  );
  return (outcome?.effects ?? []).filter(
    (e): e is StartDeadlineEffect => e.kind === 'START_DEADLINE',
  );
}
