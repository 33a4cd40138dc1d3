/**
 * Guard shapes. A guard checks one rule and returns the violation or nothing;
 * decide() runs every guard so the officer sees every unmet rule at once.
 * State guards read only the case, actor, date and rulebook (availableActions runs
 * them without input); input guards also read the action's input.
 * Legal basis: 《中华人民共和国行政处罚法》第三十八条 (V): a penalty imposed in serious breach of
 * statutory procedure is void, so guards are not bypassable.
 */
import type { Actor, CaseSnapshot } from '../case-snapshot.js';
import type { LocalDate } from '../local-date.js';
import type { RuleCode } from '../rule-catalog.js';
import type { Rulebook } from '../rulebook.js';
import type { RuleViolation } from '../rule-violation.js';

/** Working-day arithmetic, injected so guards stay pure and testable with a fake. */
export interface WorkingDayCounter {
  /**
   * Working days d with from < d ≤ to: the start day is not counted (APL art. 85 read with
   * CPL art. 85). Zero or negative when `to` is not after `from`.
   */
  workingDaysBetween(from: LocalDate, to: LocalDate): number;
}

export interface StateGuardContext {
  readonly snapshot: CaseSnapshot;
  readonly actor: Actor;
  /** The date the action is performed (China Standard Time). */
  readonly now: LocalDate;
  readonly rulebook: Rulebook;
  readonly workingDays: WorkingDayCounter;
}

export interface InputGuardContext<I> extends StateGuardContext {
  readonly input: I;
  /** The date of the act the input records (e.g. collectedOn), `now` when it has none. */
  readonly actDate: LocalDate;
  /** Why the act is entered late (more than lateEntryReasonThreshold working days after actDate). */
  readonly lateEntryReason?: string;
}

interface GuardBase {
  /** camelCase name of the condition that must hold, e.g. limitationPeriodNotExpired. */
  readonly name: string;
  readonly codes: readonly RuleCode[];
}

export interface StateGuard extends GuardBase {
  readonly usesInput: false;
  readonly check: (ctx: StateGuardContext) => RuleViolation | undefined;
}

export interface InputGuard<I> extends GuardBase {
  readonly usesInput: true;
  readonly check: (ctx: InputGuardContext<I>) => RuleViolation | undefined;
  /**
   * The guard reads of the input only the party the act names (and the act date, today when
   * asked ahead): availableActions for a given party runs it, so "what can I do next for this
   * party" agrees with the real call.
   */
  readonly forParty?: (ctx: StateGuardContext, partyId: string) => RuleViolation | undefined;
}

export type Guard<I> = StateGuard | InputGuard<I>;

export function stateGuard(
  name: string,
  codes: readonly RuleCode[],
  check: (ctx: StateGuardContext) => RuleViolation | undefined,
): StateGuard {
  return { name, codes, usesInput: false, check };
}

/**
 * A guard on the party the act names (several parties are each served, heard and executed on
 * their own): it holds when the input names no party, and is also run by availableActions for
 * a given party, with today as the act date.
 */
export function partyGuard<I extends { readonly partyId?: string }>(
  name: string,
  codes: readonly RuleCode[],
  check: (ctx: StateGuardContext, partyId: string, actDate: LocalDate) => RuleViolation | undefined,
): InputGuard<I> {
  return {
    name,
    codes,
    usesInput: true,
    check: (ctx) =>
      ctx.input.partyId === undefined ? undefined : check(ctx, ctx.input.partyId, ctx.actDate),
    forParty: (ctx, partyId) => check(ctx, partyId, ctx.now),
  };
}

export function inputGuard<I>(
  name: string,
  codes: readonly RuleCode[],
  check: (ctx: InputGuardContext<I>) => RuleViolation | undefined,
): InputGuard<I> {
  return { name, codes, usesInput: true, check };
}
