/**
 * Public API of the procedure engine (the law as code). Pure: no ORM, GraphQL,
 * documents, IO or clock; `now` is always an argument.
 * Legal basis: 《中华人民共和国行政处罚法》 (2021) (V); 《中华人民共和国行政强制法》 (V);
 * 《网信部门行政执法程序规定》 (2023, P/U) and its 2017 predecessor (P).
 */
export * from './action-inputs.js';
export * from './apply-transition.js';
export * from './case-snapshot.js';
export * from './case-status.js';
export * from './citations.js';
export * from './decide.js';
export * from './effects.js';
export * from './evidence-kind.js';
export * from './execution.js';
export * from './hearing-eligibility.js';
export * from './legal-basis.js';
export * from './no-penalty-ground.js';
export * from './local-date.js';
export * from './office-level.js';
export * from './officer-role.js';
export * from './party-kind.js';
export * from './penalty-kind.js';
export * from './procedure-action.js';
export * from './procedure-graph.js';
export * from './procedure-table.js';
export * from './publication.js';
export * from './rule-catalog.js';
export * from './rule-violation.js';
export * from './rulebook.js';
export * from './service.js';
export * from './transitions.js';
export type { WorkingDayCounter } from './guards/guard.js';
export { heavierThanNotified } from './guards/decision.guards.js';
export { limitationLastDay } from './guards/docketing.guards.js';
export { closingConditionHolds } from './guards/execution.guards.js';
export {
  isCollectiveDiscussionRequired,
  legalReviewTriggers,
  type LegalReviewTrigger,
} from './guards/review.guards.js';
