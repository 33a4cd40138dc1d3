/**
 * decide(): the one entry point. It finds the action's transition, runs every
 * guard (not just until the first failure) and returns either the transition to
 * apply or every unmet rule. It computes and executes nothing (the command layer
 * stores the status, due dates and documents). availableActions() is the same
 * evaluation without input, for enabling buttons and showing reasons.
 * Legal basis: 《中华人民共和国行政处罚法》第四条、第三十八条、第四十七条 (V): penalties follow the
 * statutory procedure; a serious breach voids them; every step is recorded.
 */
import type { ActionInput } from './action-inputs.js';
import type { Actor, CaseSnapshot } from './case-snapshot.js';
import type { CaseStatus } from './case-status.js';
import type { Effect } from './effects.js';
import { actOrderGuards, isActDateTooEarly } from './guards/act-order.guards.js';
import {
  actDateNotInFuture,
  actorHasRole,
  actorInCaseOffice,
  caseNotSuspended,
  lateEntryReasonGiven,
} from './guards/common.guards.js';
import type {
  Guard,
  InputGuardContext,
  StateGuardContext,
  WorkingDayCounter,
} from './guards/guard.js';
import { actorCertificateValid, actorNotRecused } from './guards/officer.guards.js';
import { noEmergencyMeasureAwaitingRelease } from './guards/compulsory-measure.guards.js';
import { citationsInForce, type LegalBasis } from './legal-basis.js';
import type { LocalDate } from './local-date.js';
import { PROCEDURE_ACTIONS, type ProcedureAction } from './procedure-action.js';
import { isRuleInForce, violation, type RuleCode } from './rule-catalog.js';
import {
  findRulebookVersion,
  rulebookFor,
  type Rulebook,
  type RulebookOverrides,
} from './rulebook.js';
import type { RuleViolation, ViolationCode } from './rule-violation.js';
import { DISCRETION_RULE_CODES } from './discretion.js';
import {
  CORRECTION_TIER_RULE_CODES,
  PROVISION_VIOLATION_CODES,
} from './provisions/check-penalties.js';
import { transitionOf, type Transition } from './transitions.js';

export interface DecideContext {
  readonly workingDays: WorkingDayCounter;
  /** The office's values for the parameters the law leaves to provinces. */
  readonly rulebookOverrides?: RulebookOverrides;
  /** The officer's reason for entering the act late (LATE_ENTRY_REASON_REQUIRED). */
  readonly lateEntryReason?: string;
}

/** `A` ties the decision to its action, so applyTransition() can demand that action's input. */
export interface TransitionAllowed<A extends ProcedureAction = ProcedureAction> {
  readonly ok: true;
  readonly action: A;
  readonly from: CaseStatus;
  readonly to: CaseStatus;
  /** Outcome id in the transition table, e.g. DOCKETED. */
  readonly outcome: string;
  readonly effects: readonly Effect[];
  readonly legalBasis: readonly LegalBasis[];
  /** Rulebook version (with overrides) applied: stored with the audit event. */
  readonly rulebookVersion: string;
  /** The date of the act that picked the rulebook. */
  readonly actDate: LocalDate;
}

export interface TransitionRefused<A extends ProcedureAction = ProcedureAction> {
  readonly ok: false;
  readonly action: A;
  readonly violations: readonly RuleViolation[];
  readonly rulebookVersion?: string;
}

export type Decision<A extends ProcedureAction = ProcedureAction> =
  TransitionAllowed<A> | TransitionRefused<A>;

export interface AvailableAction {
  readonly action: ProcedureAction;
  readonly allowed: boolean;
  /** Unmet rules that do not depend on the input. */
  readonly violations: readonly RuleViolation[];
  /** Rules that can still refuse the action once its input is known. */
  readonly inputRules: readonly ViolationCode[];
}

/**
 * Guards every transition gets from its metadata (role, office, recusal, certificate, suspension,
 * act date). An act that carries its own date is also checked against today, against the dates
 * of the acts it depends on (act-order.guards.ts) and for a late entry's reason.
 */
export function commonGuards<A extends ProcedureAction>(t: Transition<A>): Guard<ActionInput<A>>[] {
  const guards: Guard<ActionInput<A>>[] = [
    actorHasRole(t.roles),
    actorInCaseOffice,
    actorNotRecused,
  ];
  if (t.actorActsInPerson) {
    guards.push(actorCertificateValid);
  }
  if (!t.allowedWhileSuspended) {
    guards.push(caseNotSuspended);
  }
  if (t.action !== 'releaseCompulsoryMeasure') {
    // Compulsion Law art. 19: 应当立即解除 — nothing else happens before the release.
    guards.push(noEmergencyMeasureAwaitingRelease);
  }
  if (t.actDate) {
    guards.push(
      actDateNotInFuture<ActionInput<A>>(),
      lateEntryReasonGiven<ActionInput<A>>(),
      ...actOrderGuards<ActionInput<A>>(t.action),
    );
  }
  return guards;
}

/** The guards an action runs from a status, and the rule codes of those that read the input. */
interface GuardPlan<A extends ProcedureAction> {
  readonly guards: readonly Guard<ActionInput<A>>[];
  readonly inputRules: readonly ViolationCode[];
}

/**
 * Plans by transition, for an allowed status and for any other: guards are stateless values
 * of the table, so a page of cases asking availableActions (every action for every case)
 * builds them once per process, not once per action and case.
 */
const guardPlans = new WeakMap<object, { allowed?: GuardPlan<never>; other?: GuardPlan<never> }>();

/**
 * Rules a step checks on its penalty lines against the provision catalog and on the discretion
 * record (src/actions/penalties.ts, outside the transition guards). They turn on what the officer
 * enters, so availableActions lists them among the input rules, as a dry run would meet them.
 */
const PENALTY_LINE_RULES: readonly ViolationCode[] = [
  ...PROVISION_VIOLATION_CODES,
  ...CORRECTION_TIER_RULE_CODES,
  ...DISCRETION_RULE_CODES,
];
const STEP_INPUT_RULES: Partial<Record<ProcedureAction, readonly ViolationCode[]>> = {
  issuePrePenaltyNotice: PENALTY_LINE_RULES,
  decideCase: PENALTY_LINE_RULES,
  changeDecision: PENALTY_LINE_RULES,
  imposeSummaryPenalty: DISCRETION_RULE_CODES,
};

/** The guards that run: common ones always, the action's own only from an allowed status. */
function guardPlan<A extends ProcedureAction>(t: Transition<A>, status: CaseStatus): GuardPlan<A> {
  const allowed = t.from.includes(status);
  let plans = guardPlans.get(t);
  if (!plans) {
    plans = {};
    guardPlans.set(t, plans);
  }
  const key = allowed ? 'allowed' : 'other';
  let plan = plans[key] as GuardPlan<A> | undefined;
  if (!plan) {
    const guards = allowed ? [...commonGuards(t), ...t.guards] : commonGuards(t);
    plan = {
      guards,
      inputRules: [
        ...new Set([
          ...guards.filter((g) => g.usesInput).flatMap((g) => g.codes),
          ...(allowed ? (STEP_INPUT_RULES[t.action] ?? []) : []),
        ]),
      ],
    };
    plans[key] = plan as GuardPlan<never>;
  }
  return plan;
}

function statusViolation<A extends ProcedureAction>(
  t: Transition<A>,
  status: CaseStatus,
): RuleViolation | undefined {
  return t.from.includes(status)
    ? undefined
    : violation('ACTION_NOT_ALLOWED_IN_STATUS', { status, allowedFrom: t.from });
}

function inForce(
  violations: readonly (RuleViolation | undefined)[],
  date: LocalDate,
): RuleViolation[] {
  const kept: RuleViolation[] = [];
  for (const v of violations) {
    if (v !== undefined && isRuleInForce(v.code as RuleCode, date)) {
      kept.push(withCitationsInForce(v, date));
    }
  }
  return kept;
}

/**
 * The violation with only the citations in force on `date`: itself when every citation is (a
 * page of availableActions meets thousands of violations, nearly all of them so), else a copy.
 */
function withCitationsInForce(v: RuleViolation, date: LocalDate): RuleViolation {
  for (const b of v.legalBasis) {
    if (b.validTo !== undefined && date > b.validTo) {
      return { ...v, legalBasis: citationsInForce(v.legalBasis, date) };
    }
  }
  return v;
}

function noRulebook<A extends ProcedureAction>(action: A, date: LocalDate): TransitionRefused<A> {
  return isActDateTooEarly(date)
    ? { ok: false, action, violations: [violation('ACT_DATE_BEFORE_2004', { date })] }
    : { ok: false, action, violations: [violation('RULEBOOK_NOT_IN_FORCE', { date })] };
}

export function decide<A extends ProcedureAction>(
  snapshot: CaseSnapshot,
  action: A,
  input: ActionInput<A>,
  actor: Actor,
  now: LocalDate,
  context: DecideContext,
): Decision<A> {
  const t = transitionOf(action);
  const actDate = t.actDate?.(input) ?? now;
  // Procedural rules bind acts done while they are in force: the act's date picks the version.
  if (!findRulebookVersion(actDate)) {
    return noRulebook(action, actDate);
  }
  const rulebook = rulebookFor(actDate, context.rulebookOverrides);
  const ctx: InputGuardContext<ActionInput<A>> = {
    snapshot,
    actor,
    now,
    rulebook,
    workingDays: context.workingDays,
    input,
    actDate,
    ...(context.lateEntryReason !== undefined ? { lateEntryReason: context.lateEntryReason } : {}),
  };
  const found = [
    statusViolation(t, snapshot.status),
    ...guardPlan(t, snapshot.status).guards.map((g) => g.check(ctx)),
  ];
  const violations = inForce(found, actDate);
  if (violations.length > 0) {
    return { ok: false, action, violations, rulebookVersion: rulebook.versionId };
  }
  const outcome = t.outcomes.find(
    (o) =>
      o.when === undefined ||
      o.when({ snapshot, input, rulebook, workingDays: context.workingDays }),
  );
  if (!outcome) {
    // The table ends every action with an unconditional outcome; reaching this is a table bug.
    throw new Error(`transition table: no outcome of ${action} matches`);
  }
  return {
    ok: true,
    action,
    from: snapshot.status,
    to: outcome.to === 'STAYS' ? snapshot.status : outcome.to,
    outcome: outcome.id,
    effects: outcome.effects,
    legalBasis: citationsInForce([...t.legalBasis, ...(outcome.legalBasis ?? [])], actDate),
    rulebookVersion: rulebook.versionId,
    actDate,
  };
}

function evaluateWithoutInput<A extends ProcedureAction>(
  action: A,
  snapshot: CaseSnapshot,
  actor: Actor,
  now: LocalDate,
  rulebook: Rulebook,
  workingDays: WorkingDayCounter,
  partyId?: string,
): AvailableAction {
  const t = transitionOf(action);
  const ctx: StateGuardContext = { snapshot, actor, now, rulebook, workingDays };
  const plan = guardPlan(t, snapshot.status);
  const guards = plan.guards;
  // Asked for one party: the guards on the party the act names run too (act date today).
  const answeredHere = (g: Guard<ActionInput<A>>) =>
    !g.usesInput || (partyId !== undefined && g.forParty !== undefined);
  const violations: RuleViolation[] = [];
  const keep = (v: RuleViolation | undefined) => {
    if (v !== undefined && isRuleInForce(v.code as RuleCode, now)) {
      violations.push(withCitationsInForce(v, now));
    }
  };
  // As inForce([statusViolation, ...each guard's answer], now), without the arrays between.
  keep(statusViolation(t, snapshot.status));
  for (const g of guards) {
    if (!g.usesInput) {
      keep(g.check(ctx));
    } else if (partyId !== undefined && g.forParty !== undefined) {
      keep(g.forParty(ctx, partyId));
    }
  }
  // The memoized plan's input rules serve the case-wide answer; a party's answer drops its own.
  const inputRules =
    partyId === undefined
      ? plan.inputRules
      : [
          ...new Set([
            ...guards.filter((g) => !answeredHere(g)).flatMap((g) => g.codes),
            ...(t.from.includes(snapshot.status) ? (STEP_INPUT_RULES[action] ?? []) : []),
          ]),
        ];
  return { action, allowed: violations.length === 0, violations, inputRules };
}

/**
 * Every action with whether it is allowed now, judged by the rules that do not
 * depend on the input (the same guards decide() runs). An allowed action can still
 * be refused by `inputRules` once the officer fills in the input.
 */
export function availableActions(
  snapshot: CaseSnapshot,
  actor: Actor,
  now: LocalDate,
  context: DecideContext,
  /** With several parties, answer for this party (the party the act would name). */
  partyId?: string,
): AvailableAction[] {
  if (!findRulebookVersion(now)) {
    return PROCEDURE_ACTIONS.map((action) => ({
      action,
      allowed: false,
      violations: noRulebook(action, now).violations,
      inputRules: [],
    }));
  }
  const rulebook = rulebookFor(now, context.rulebookOverrides);
  return PROCEDURE_ACTIONS.map((action) =>
    evaluateWithoutInput(action, snapshot, actor, now, rulebook, context.workingDays, partyId),
  );
}
