import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { requireActor } from '../../auth/auth-checker.js';
import type { Actor as RequestActor, RequestContext } from '../../auth/context.js';
import { isInScope } from '../../auth/office-scope.js';
import { Case } from '../../entities/case.entity.js';
import type { CaseDocument } from '../../entities/case-document.entity.js';
import type { CaseEvent } from '../../entities/case-event.entity.js';
import type { Deadline } from '../../entities/deadline.entity.js';
import { Office } from '../../entities/office.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { overridesForOffice } from '../rulebook.commands.js';
import { uuidv7 } from '../../entities/uuid.js';
import { loadWorkingDayCalendar } from '../../db/seed/reference-data.js';
import {
  ConflictError,
  DomainError,
  NotFoundError,
  ProcedureViolationError,
} from '../../errors/domain-error.js';
import type { ActionInput } from '../../procedure/action-inputs.js';
import { applyTransition } from '../../procedure/apply-transition.js';
import {
  isCalendarYearNotLoadedError,
  type WorkingDayCalendar,
} from '../../procedure/calendar/index.js';
import type { CaseSnapshot } from '../../procedure/case-snapshot.js';
import { decide, type TransitionAllowed } from '../../procedure/decide.js';
import { formatCitation } from '../../procedure/legal-basis.js';
import { toLocalDate, type LocalDate } from '../../procedure/local-date.js';
import type { ProcedureAction } from '../../procedure/procedure-action.js';
import type { RuleViolation } from '../../procedure/rule-violation.js';
import { rulebookFor, type Rulebook } from '../../procedure/rulebook.js';
import { isUuid } from '../office.commands.js';
import { optionalText } from '../validate.js';
import { appendCaseEvent } from '../case-events.js';
import { blankServiceReceipts } from '../documents/blank-service-receipt.js';
import { recordStepEvents } from '../../events/record-domain-event.js';
import { applyDeadlineEffects, projectDeadlines } from './apply-deadline-effects.js';
import { periodsStartedOnDecisionService } from '../../procedure/periods-on-service.js';
import { RehearsalRollback, startRehearsal, type DocumentPreview } from './rehearsal.js';
import { toCaseSnapshot, toProcedureActor, toProcedureRecord } from './to-case-snapshot.js';

/**
 * One procedural step, one transaction: load the case (optimistic lock) →
 * build the snapshot → decide (every unmet rule refuses, with citations) →
 * apply the transition → store deadlines → documents → append the audit event
 * → domain events. A dry run is a rehearsal: it runs all of it in the same
 * transaction (so it refuses exactly when and why the real call would), with
 * documents rendered unnumbered as previews, then rolls back and returns the
 * deadlines and previews it produced (rehearsal.ts).
 */

export interface ProcedureStepContext<A extends ProcedureAction> {
  em: EntityManager;
  actor: RequestActor;
  today: LocalDate;
  snapshot: CaseSnapshot;
  calendar: WorkingDayCalendar;
  found: Case | undefined;
  action: A;
  /** Rules checked outside the engine (e.g. the provisions catalog): refused together with decide's. */
  additionalViolations: RuleViolation[];
}

export interface ProcedureStep<A extends ProcedureAction> {
  action: A;
  /** Chinese name of the step (trigger event of deadlines, audit record). */
  actionName: string;
  caseId?: string;
  expectedVersion?: number;
  dryRun: boolean;
  /** The client's input as submitted: digested and kept in the audit record. */
  submitted: unknown;
  /** Why the act is entered late (required past the rulebook's lateEntryReasonThreshold). */
  lateEntryReason?: string | null;
  /** For registerCaseSource: the snapshot of the case not yet created. */
  newCase?: (em: EntityManager, actor: RequestActor) => Promise<CaseSnapshot>;
  /** GraphQL input → engine input (ids resolved to officers, certificates, approvals). */
  resolveInput: (context: ProcedureStepContext<A>) => Promise<ActionInput<A>>;
  /** Creates the case for registerCaseSource, after the rules allowed it. */
  createCase?: (context: ProcedureStepContext<A>, input: ActionInput<A>) => Promise<Case>;
  /**
   * Documents the step must produce (the notice, the hearing notice, the decision letter):
   * generated in the same transaction, so a document that cannot be completed fails the step.
   * Each returns the sections it used, kept in the audit record for later documents.
   */
  documents?: (
    context: ProcedureStepContext<A> & {
      found: Case;
      next: CaseSnapshot;
      input: ActionInput<A>;
      allowed: TransitionAllowed;
      rulebook: Rulebook;
    },
  ) => Promise<{ documents: CaseDocument[]; sections: Record<string, unknown> }>;
  /** Rows besides the record: evidence, decisions… */
  persist?: (
    context: ProcedureStepContext<A> & {
      found: Case;
      next: CaseSnapshot;
      input: ActionInput<A>;
      allowed: TransitionAllowed;
    },
  ) => Promise<void>;
}

export interface ProcedureOutcome {
  case: Case | null;
  dryRun: boolean;
  fromStatus: string;
  toStatus: string;
  effects: string[];
  event: CaseEvent | null;
  /** Started, extended or stopped deadlines; in a dry run those that would be (not stored). */
  deadlines: Deadline[];
  documents: CaseDocument[];
  /** Dry run: the unnumbered preview of each document the step would produce. */
  documentPreviews: DocumentPreview[];
  /**
   * Dry run of a decision: the periods its service will start (payment, reconsideration,
   * litigation), computed as if the letter were served on the decision date. Not stored.
   */
  projectedDeadlines: Deadline[];
}

async function loadCaseForUpdate(
  em: EntityManager,
  actor: RequestActor,
  caseId: string,
  expectedVersion: number | undefined,
): Promise<Case> {
  const found = isUuid(caseId) ? await em.findOne(Case, { id: caseId }) : null;
  if (!found || !isInScope(actor, found.officePath)) {
    throw NotFoundError.of('CASE', caseId);
  }
  if (expectedVersion !== undefined && found.version !== expectedVersion) {
    throw ConflictError.duplicate(
      'CASE_VERSION_CONFLICT',
      `案件已被他人修改（当前版本 ${found.version}，提交版本 ${expectedVersion}），请刷新后重试`,
      {
        currentVersion: found.version,
        expectedVersion,
      },
    );
  }
  return found;
}

function calendarError(error: unknown): never {
  if (isCalendarYearNotLoadedError(error)) {
    throw new DomainError('CALENDAR_YEAR_NOT_LOADED', 'BAD_USER_INPUT', error.message, {
      year: error.year,
      date: error.date,
    });
  }
  throw error;
}

/** Trigger named in a projected deadline's explanation: the service has not happened yet. */
const PROJECTED_SERVICE_EVENT = '送达决定书（预计：按决定之日送达推定，实际自送达之日起算）';

export async function runProcedureStep<A extends ProcedureAction>(
  ctx: RequestContext,
  step: ProcedureStep<A>,
): Promise<ProcedureOutcome> {
  const actor = requireActor(ctx);
  // Today in Beijing (China Standard Time): the default act date and the recording day.
  const today = toLocalDate(ctx.now());
  const lateEntryReason = optionalText('lateEntryReason', step.lateEntryReason, 500);
  try {
    return await ctx.em.transactional(async (em) => {
      const rehearsal = step.dryRun ? startRehearsal(em) : undefined;
      const calendar = await loadWorkingDayCalendar(em);
      let found: Case | undefined;
      let snapshot: CaseSnapshot;
      if (step.caseId) {
        found = await loadCaseForUpdate(em, actor, step.caseId, step.expectedVersion);
        snapshot = await toCaseSnapshot(em, found, today);
      } else if (step.newCase) {
        snapshot = await step.newCase(em, actor);
      } else {
        throw new Error(`${step.action}: neither a case id nor a new case`);
      }
      await em.populate(actor.officer, ['certificates']);
      const context: ProcedureStepContext<A> = {
        em,
        actor,
        today,
        snapshot,
        calendar,
        found,
        action: step.action,
        additionalViolations: [],
      };
      const input = await step.resolveInput(context);
      const procedureActor = toProcedureActor(actor, today);
      const officePath =
        found?.officePath ?? (await em.findOneOrFail(Office, { id: snapshot.officeId })).path;
      const overrides = await overridesForOffice(em, officePath);
      let result;
      try {
        result = decide(snapshot, step.action, input, procedureActor, today, {
          workingDays: calendar,
          rulebookOverrides: overrides,
          ...(lateEntryReason ? { lateEntryReason } : {}),
        });
      } catch (error) {
        calendarError(error);
      }
      const violations = [...context.additionalViolations, ...(result.ok ? [] : result.violations)];
      if (!result.ok || violations.length > 0) {
        throw ProcedureViolationError.fromViolations(step.actionName, violations);
      }
      const next = applyTransition(snapshot, result, input, procedureActor, {
        next: () => uuidv7(),
      });
      if (!found) {
        found = await step.createCase!(context, input);
      }
      found.status = next.status as Case['status'];
      found.docketedOn = next.docketedOn ?? null;
      found.procedureRecord = toProcedureRecord(next);
      if (next.status.startsWith('DECIDED_') || next.status === 'SUMMARY_PENALTY_IMPOSED') {
        found.decidedOn ??= result.actDate;
      }
      if (next.status === 'CLOSED') {
        found.closedOn = result.actDate;
      }
      // The rulebook in force on the act date: deadlines, documents and projections read it.
      const rulebook = rulebookFor(result.actDate, overrides);
      await syncHandlers(em, found, next);
      await step.persist?.({ ...context, found, next, input, allowed: result });
      let deadlines: Deadline[];
      try {
        deadlines = await applyDeadlineEffects({
          em,
          found,
          allowed: result,
          input,
          rulebook,
          calendar,
          eventName: step.actionName,
        });
      } catch (error) {
        calendarError(error);
      }
      const produced = step.documents
        ? await step.documents({
            ...context,
            found,
            next,
            input,
            allowed: result,
            rulebook,
          })
        : { documents: [], sections: {} };
      // Each document to be served comes with its blank 送达回证, for the recipient to sign.
      produced.documents.push(
        ...(await blankServiceReceipts(em, actor, found, produced.documents, today)),
      );
      const certificate = toProcedureActor(actor, result.actDate).certificate;
      const event = await appendCaseEvent(em, found, actor, {
        action: step.action,
        fromStatus: result.from,
        toStatus: result.to,
        occurredAt: ctx.now(),
        actDate: result.actDate,
        lateEntryReason: lateEntryReason ?? null,
        actorCertificateNumber: certificate?.number ?? null,
        rulebookVersion: result.rulebookVersion,
        input: step.submitted,
        payload: {
          actDate: result.actDate,
          outcome: result.outcome,
          input: step.submitted,
          legalBasis: result.legalBasis.map(formatCitation),
          effects: result.effects,
          deadlines: deadlines.map((d) => ({
            kind: d.kind,
            dueDate: d.dueDate,
            stoppedOn: d.stoppedOn ?? null,
          })),
          documents: produced.documents.map((d) => ({
            id: d.id,
            kind: d.kind,
            number: d.number,
            version: d.version,
            sha256: d.sha256,
          })),
          documentSections: produced.sections,
        },
      });
      // Domain events for portals (transactional outbox): same transaction as the step.
      await recordStepEvents(em, {
        found,
        action: step.action,
        from: result.from,
        to: result.to,
        outcome: result.outcome,
        actDate: result.actDate,
        occurredAt: event.occurredAt,
        documents: produced.documents,
        submitted: step.submitted,
      });
      await em.flush();
      if (rehearsal) {
        // Everything ran, constraints included; roll it all back and report what would be.
        const projectedDeadlines = projectDeadlines(
          em,
          found,
          periodsStartedOnDecisionService(next, rulebook),
          result.actDate,
          rulebook,
          calendar,
          PROJECTED_SERVICE_EVENT,
        );
        throw new RehearsalRollback<ProcedureOutcome>({
          case: null,
          dryRun: true,
          fromStatus: result.from,
          toStatus: result.to,
          effects: result.effects.map((e) => JSON.stringify(e)),
          event: null,
          deadlines,
          documents: [],
          documentPreviews: rehearsal.previews,
          projectedDeadlines,
        });
      }
      return {
        case: found,
        dryRun: false,
        fromStatus: result.from,
        toStatus: result.to,
        effects: result.effects.map((e) => JSON.stringify(e)),
        event,
        deadlines,
        documents: produced.documents,
        documentPreviews: [],
        projectedDeadlines: [],
      };
    });
  } catch (error) {
    if (error instanceof RehearsalRollback) {
      const outcome = error.outcome as ProcedureOutcome;
      // The case as stored (unchanged), not the rehearsed entity the rollback discarded.
      const stored = step.caseId ? await ctx.em.fork().findOne(Case, { id: step.caseId }) : null;
      return { ...outcome, case: stored };
    }
    if (error instanceof OptimisticLockError) {
      throw ConflictError.duplicate('CASE_VERSION_CONFLICT', '案件已被他人修改，请刷新后重试', {
        caseId: step.caseId ?? null,
      });
    }
    throw error;
  }
}

/** Handlers live in the case_handler relation; the snapshot decides who they are. */
async function syncHandlers(em: EntityManager, found: Case, next: CaseSnapshot): Promise<void> {
  const wanted = new Set(next.handlers.map((h) => h.officerId));
  await em.populate(found, ['handlers']);
  for (const officer of found.handlers.getItems()) {
    if (!wanted.has(officer.id)) {
      found.handlers.remove(officer);
    }
  }
  const have = new Set(found.handlers.getItems().map((o) => o.id));
  for (const id of wanted) {
    if (!have.has(id)) {
      found.handlers.add(em.getReference(Officer, id));
    }
  }
}
