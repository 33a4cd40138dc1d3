/** Query depth and cost limits; enforced in query-cost.ts, set in config.ts. */
export interface QueryCostLimits {
  /** Deepest selection, counted through fragments (leaf fields included). */
  maxDepth: number;
  /** Most expensive operation accepted (see query-cost.ts fieldCost). */
  maxCost: number;
}

export const DEFAULT_QUERY_COST_LIMITS: QueryCostLimits = { maxDepth: 11, maxCost: 5000 };
