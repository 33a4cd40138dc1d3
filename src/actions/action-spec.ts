import type { EntityManager } from '@mikro-orm/postgresql';
import type { ClassType } from 'type-graphql';
import type { Actor as RequestActor } from '../auth/context.js';
import type { Case } from '../entities/case.entity.js';
import type { CaseDocument } from '../entities/case-document.entity.js';
import type { Decision } from '../entities/decision.entity.js';
import type { ActionInput } from '../procedure/action-inputs.js';
import type { WorkingDayCalendar } from '../procedure/calendar/index.js';
import type { CaseSnapshot } from '../procedure/case-snapshot.js';
import type { TransitionAllowed } from '../procedure/decide.js';
import type { LocalDate } from '../procedure/local-date.js';
import type { ProcedureAction } from '../procedure/procedure-action.js';
import type { RuleViolation } from '../procedure/rule-violation.js';
import type { Rulebook, RulebookOverrides } from '../procedure/rulebook.js';
import type { DocumentContent } from './document-producers.js';

/**
 * One spec per procedural action: what the application adds to the engine's transition.
 * The runner (runProcedureStep) calls the hooks in this order, each receiving what the
 * earlier ones returned — nothing is passed through shared mutable state:
 *
 *   check(input)              before the transaction: checks of the input alone
 *   toEngineInput(checked)    ids → officers, certificates, approvals; rules checked outside
 *                             the engine (provisions catalog, served documents) join decide()'s
 *   decide / applyTransition  the engine (src/procedure)
 *   persist(step)             relational rows besides the record → returns them
 *   documents(step, rows)     content of the documents the input carries → produced by the
 *                             runner through DOCUMENT_PRODUCERS, in the same transaction
 *   afterDocuments(...)       rows that cite the produced documents (the decision's number)
 *   publication(...)          双公示 to publish or withdraw → carried out by the runner
 */

/** What the hooks see once the case is loaded. */
export interface SpecContext {
  readonly em: EntityManager;
  readonly actor: RequestActor;
  /** Today in Beijing: the default act date. */
  readonly today: LocalDate;
  readonly snapshot: CaseSnapshot;
  readonly calendar: WorkingDayCalendar;
  /** The case; undefined only for registerCaseSource (the case does not exist yet). */
  readonly found: Case | undefined;
  /** The office's rulebook overrides (values the law leaves to provinces). */
  readonly overrides: RulebookOverrides | undefined;
}

/** The engine input, and what the later hooks need besides it. */
export interface EngineInput<A extends ProcedureAction, R> {
  readonly input: ActionInput<A>;
  /** Rules checked outside the engine: refused together with decide()'s violations. */
  readonly violations?: readonly RuleViolation[];
  /** References resolved here that persist/documents use (served documents, the party…). */
  readonly resolved: R;
}

/** The step after decide() allowed it and the transition was applied. */
export interface AllowedStep<A extends ProcedureAction, C, R> extends SpecContext {
  readonly found: Case;
  readonly checked: C;
  readonly input: ActionInput<A>;
  readonly resolved: R;
  readonly next: CaseSnapshot;
  readonly allowed: TransitionAllowed<A>;
  /** The rulebook in force on the act date. */
  readonly rulebook: Rulebook;
}

/** What a step asks the runner to do about the 双公示 record of the case's decision. */
export type PublicationEffect =
  | {
      readonly kind: 'PUBLISH';
      readonly decision: Decision;
      /** The facts as the decision letter states them. */
      readonly facts: string;
    }
  | {
      /**
       * The office changed its own decision (APL art. 75(2)): the published record comes down
       * and the changed decision is published in its place, with the facts published before.
       */
      readonly kind: 'REPLACE';
      readonly on: LocalDate;
      readonly reason: string;
      readonly decision: Decision;
    }
  | {
      readonly kind: 'WITHDRAW';
      /** The day the decision was changed, annulled or declared unlawful. */
      readonly on: LocalDate;
      readonly reason: string;
    };

export interface ActionSpec<
  A extends ProcedureAction,
  I extends object = object,
  C = I,
  R = void,
  P = void,
> {
  readonly action: A;
  /** The GraphQL input class (the client contract, with Chinese descriptions). */
  readonly input: ClassType<I>;
  /** The mutation's description; the table's title when absent. */
  readonly description?: string;
  /** The name of the step in the audit record and deadline explanations (default: the table's title). */
  readonly actionName?: (input: I) => string;
  /** Checks of the input alone (texts, amounts, times), before any SQL. */
  readonly check: (input: I) => C;
  readonly toEngineInput: (checked: C, ctx: SpecContext) => Promise<EngineInput<A, R>>;
  /**
   * registerCaseSource only: the snapshot of the case not yet created (the step takes no case
   * id), and the case row, created once the rules allowed it.
   */
  readonly newCase?: (checked: C, em: EntityManager, actor: RequestActor) => Promise<CaseSnapshot>;
  readonly createCase?: (step: Omit<AllowedStep<A, C, R>, 'found'>) => Promise<Case>;
  /** Rows besides the procedure record (evidence, decision, service record); returns them. */
  readonly persist?: (step: AllowedStep<A, C, R>) => Promise<P>;
  /** Content of the documents the step's input carries, for the producers, in order. */
  readonly documents?: (step: AllowedStep<A, C, R>, rows: P) => Promise<readonly DocumentContent[]>;
  /** Sections kept in the audit record besides the produced documents' own. */
  readonly sections?: (
    step: AllowedStep<A, C, R>,
    produced: readonly CaseDocument[],
  ) => Promise<Record<string, unknown>>;
  /** Rows that cite the documents just produced (the decision's document number). */
  readonly afterDocuments?: (rows: P, produced: readonly CaseDocument[]) => void;
  /** The 双公示 effect of the step, carried out by the runner. */
  readonly publication?: (step: AllowedStep<A, C, R>, rows: P) => PublicationEffect | undefined;
}

/** A spec with its type parameters inferred from the hooks (helps the record below stay typed). */
export function spec<A extends ProcedureAction, I extends object, C, R = void, P = void>(
  definition: ActionSpec<A, I, C, R, P>,
): ActionSpec<A, I, C, R, P> {
  return definition;
}

/** The engine input alone, for the many steps that resolve nothing else. */
export function engineInput<A extends ProcedureAction>(
  input: ActionInput<A>,
): EngineInput<A, void> {
  return { input, resolved: undefined };
}

/** Every action's spec, whatever its input types: what the runner and the schema read. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyActionSpec<A extends ProcedureAction> = ActionSpec<A, any, any, any, any>;

export type ActionSpecs = { readonly [A in ProcedureAction]: AnyActionSpec<A> };
