/**
 * The transition table read as a graph: which statuses an action leads to,
 * the exits of each status, and the statuses reachable from the initial one.
 * Used by the structural tests and the generated procedure table.
 * Legal basis: 《中华人民共和国行政处罚法》第五章 (V) (the procedure the table encodes).
 */
import { CASE_STATUSES, INITIAL_STATUS, type CaseStatus } from './case-status.js';
import { PROCEDURE_ACTIONS, type ProcedureAction } from './procedure-action.js';
import { transitionOf } from './transitions.js';

export interface Edge {
  readonly from: CaseStatus;
  readonly action: ProcedureAction;
  readonly outcome: string;
  readonly to: CaseStatus;
}

/** Every (from, action, outcome, to), with STAYS resolved to the from-status. */
export function procedureEdges(): Edge[] {
  return PROCEDURE_ACTIONS.flatMap((action) => {
    const t = transitionOf(action);
    return t.from.flatMap((from) =>
      t.outcomes.map((o) => ({ from, action, outcome: o.id, to: o.to === 'STAYS' ? from : o.to })),
    );
  });
}

export function actionsFrom(status: CaseStatus): ProcedureAction[] {
  return PROCEDURE_ACTIONS.filter((a) => transitionOf(a).from.includes(status));
}

/** Breadth-first search from INITIAL_STATUS. */
export function reachableStatuses(): Set<CaseStatus> {
  const edges = procedureEdges();
  const seen = new Set<CaseStatus>([INITIAL_STATUS]);
  const queue: CaseStatus[] = [INITIAL_STATUS];
  while (queue.length > 0) {
    const current = queue.shift() as CaseStatus;
    for (const e of edges) {
      if (e.from === current && !seen.has(e.to)) {
        seen.add(e.to);
        queue.push(e.to);
      }
    }
  }
  return seen;
}

export function unreachableStatuses(): CaseStatus[] {
  const reachable = reachableStatuses();
  return CASE_STATUSES.filter((s) => !reachable.has(s));
}
