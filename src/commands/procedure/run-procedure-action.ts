import { OptimisticLockError } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { AnyActionSpec, SpecContext } from '../../actions/action-spec.js';
import { ACTION_SPECS } from '../../actions/action-specs.js';
import { rethrowCalendarRefusal } from '../../actions/calendar-refusal.js';
import { produceDocuments } from '../../actions/document-producers.js';
import { carryOutPublication } from '../../actions/publication-effects.js';
import { requireActor } from '../../auth/auth-checker.js';
import type { Actor as RequestActor, RequestContext } from '../../auth/context.js';
import { isInScope } from '../../auth/office-scope.js';
import { Case } from '../../entities/case.entity.js';
import type { CaseDocument } from '../../entities/case-document.entity.js';
import type { CaseEvent } from '../../entities/case-event.entity.js';
import { Deadline } from '../../entities/deadline.entity.js';
import { PendingDocument } from '../../entities/pending-document.entity.js';
import { Office } from '../../entities/office.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { overridesForOffice } from '../rulebook.commands.js';
import type { StepState } from './load-step-state.js';
import { loadCaseForStep } from './load-case.js';
import { uuidv7 } from '../../entities/uuid.js';
import { flushBatchingInserts } from '../../db/bound-connection.js';
import { inSavepoint } from '../../db/savepoint.js';
import { loadWorkingDayCalendar } from '../../db/seed/reference-data.js';
import {
  ConflictError,
  NotFoundError,
  ProcedureViolationError,
} from '../../errors/domain-error.js';
import type { ActionInput } from '../../procedure/action-inputs.js';
import { applyTransition } from '../../procedure/apply-transition.js';
import type { CaseSnapshot } from '../../procedure/case-snapshot.js';
import { decide } from '../../procedure/decide.js';
import { formatCitation } from '../../procedure/legal-basis.js';
import { toLocalDate } from '../../procedure/local-date.js';
import type { ProcedureAction } from '../../procedure/procedure-action.js';
import { rulebookFor, type RulebookOverrides } from '../../procedure/rulebook.js';
import { transitionOf } from '../../procedure/transitions.js';
import { isUuid } from '../office.commands.js';
import { withInputPaths } from '../../actions/violation-input-paths.js';
import { collectInputErrors } from '../../errors/input-errors.js';
import { optionalText } from '../validate.js';
import { appendCaseEvent, chainTipOfLoadedCase, isCaseUnread } from '../case-events.js';
import { blankServiceReceipts } from '../documents/blank-service-receipt.js';
import { recordStepEvents } from '../../events/record-domain-event.js';
import { applyDeadlineEffects, projectDeadlines } from './apply-deadline-effects.js';
import { recordPendingDocuments } from '../documents/pending-documents.js';
import { periodsStartedOnDecisionService } from '../../procedure/periods-on-service.js';
import { RehearsalRollback, startRehearsal, type DocumentPreview } from './rehearsal.js';
import { snapshotOf, toProcedureActor, toProcedureRecord } from './to-case-snapshot.js';

/**
 * One procedural step, one transaction, driven by the action's spec (src/actions) and the
 * transition table: check the input → load the case (optimistic lock) → build the snapshot →
 * the spec's engine input → decide (every unmet rule refuses, role included, with citations) →
 * apply the transition → the spec's rows → deadlines → documents → publication → the audit
 * event → domain events. A dry run is a rehearsal: it runs all of it in the same transaction
 * (so it refuses exactly when and why the real call would), with documents rendered unnumbered
 * as previews, then rolls back and returns the deadlines and previews it produced (rehearsal.ts).
 */

/** The arguments every step takes besides its input (registerCaseSource: no case yet). */
export interface StepArgs {
  caseId?: string;
  expectedVersion?: number;
  dryRun: boolean;
  /** Why the act is entered late (required past the rulebook's lateEntryReasonThreshold). */
  lateEntryReason?: string | null;
}

export interface ProcedureOutcome {
  case: Case | null;
  dryRun: boolean;
  /** Null for registerCaseSource: the case did not exist before (its pseudo-status NEW). */
  fromStatus: string | null;
  toStatus: string;
  effects: string[];
  event: CaseEvent | null;
  /** Started, extended or stopped deadlines; in a dry run those that would be (not stored). */
  deadlines: Deadline[];
  documents: CaseDocument[];
  /** Dry run: the unnumbered preview of each document the step would produce. */
  documentPreviews: DocumentPreview[];
  /** Documents the step declared due and did not produce; in a dry run those it would leave. */
  pendingDocuments: PendingDocument[];
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
): Promise<{ found: Case; state: StepState }> {
  // With what the snapshot reads (office, parties, handlers and their certificates) and the
  // step's state (open deadlines, pending documents, the office's overrides): one statement.
  const loaded = isUuid(caseId) ? await loadCaseForStep(em, caseId) : null;
  if (!loaded || !isInScope(actor, loaded.found.officePath)) {
    throw NotFoundError.of('CASE', caseId);
  }
  const { found } = loaded;
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
  return loaded;
}

/** Trigger named in a projected deadline's explanation: the service has not happened yet. */
const PROJECTED_SERVICE_EVENT = '送达决定书（预计：按决定之日送达推定，实际自送达之日起算）';

export async function runProcedureStep<A extends ProcedureAction>(
  ctx: RequestContext,
  action: A,
  args: StepArgs,
  submitted: object,
): Promise<ProcedureOutcome> {
  const spec: AnyActionSpec<A> = ACTION_SPECS[action];
  const actor = requireActor(ctx);
  // Every invalid field of the input (and the late-entry reason) at once, by input path.
  const [checked, lateEntryReason] = collectInputErrors(undefined, () => [
    collectInputErrors('input', (): unknown => spec.check(submitted)),
    optionalText('lateEntryReason', args.lateEntryReason, 500),
  ]);
  const actionName = spec.actionName?.(submitted) ?? transitionOf(action).title;
  // Today in Beijing (China Standard Time): the default act date and the recording day.
  const today = toLocalDate(ctx.now());
  try {
    return await inSavepoint(ctx.em, async (em) => {
      const rehearsal = args.dryRun ? startRehearsal(em) : undefined;
      const calendar = await loadWorkingDayCalendar(em);
      let found: Case | undefined;
      let snapshot: CaseSnapshot;
      let overrides: RulebookOverrides | undefined;
      // A row read now carries the chain head the event below extends (chainTipOfLoadedCase).
      const caseRowRead = args.caseId !== undefined && isCaseUnread(em, args.caseId);
      if (args.caseId !== undefined) {
        const loaded = await loadCaseForUpdate(em, actor, args.caseId, args.expectedVersion);
        found = loaded.found;
        const { state } = loaded;
        snapshot = snapshotOf(found, today, state.deadlines, state.pendingDocuments);
        overrides = state.overrides;
      } else if (spec.newCase) {
        snapshot = await spec.newCase(checked, em, actor);
        const officePath = (await em.findOneOrFail(Office, { id: snapshot.officeId })).path;
        overrides = await overridesForOffice(em, officePath);
      } else {
        throw new Error(`${action}: neither a case id nor a new case`);
      }
      // populate costs its query planning even when there is nothing to load (a step's actor is
      // usually a handler, loaded with the case).
      if (!actor.officer.certificates.isInitialized()) {
        await em.populate(actor.officer, ['certificates']);
      }
      const context: SpecContext = { em, actor, today, snapshot, calendar, found, overrides };
      const resolved = await spec.toEngineInput(checked, context);
      const input: ActionInput<A> = resolved.input;
      const procedureActor = toProcedureActor(actor, today);
      let result;
      try {
        result = decide(snapshot, action, input, procedureActor, today, {
          workingDays: calendar,
          rulebookOverrides: overrides,
          ...(lateEntryReason ? { lateEntryReason } : {}),
        });
      } catch (error) {
        rethrowCalendarRefusal(error);
      }
      // The role is one rule among the others: a refusal lists every unmet rule at once.
      const violations = [...(resolved.violations ?? []), ...(result.ok ? [] : result.violations)];
      if (!result.ok || violations.length > 0) {
        throw ProcedureViolationError.fromViolations(
          actionName,
          // Each with the input fields it concerns, for the form to mark.
          violations.map((v) => withInputPaths(action, v)),
        );
      }
      const next = applyTransition(snapshot, result, input, procedureActor, {
        next: () => uuidv7(),
      });
      // The rulebook in force on the act date: deadlines, documents and projections read it.
      const rulebook = rulebookFor(result.actDate, overrides);
      const allowedStep = {
        ...context,
        checked,
        input,
        resolved: resolved.resolved,
        next,
        allowed: result,
        rulebook,
      };
      found ??= await spec.createCase!(allowedStep);
      const step = { ...allowedStep, found };
      found.status = next.status as Case['status'];
      found.docketedOn = next.docketedOn ?? null;
      found.procedureRecord = toProcedureRecord(next);
      if (next.status.startsWith('DECIDED_') || next.status === 'SUMMARY_PENALTY_IMPOSED') {
        found.decidedOn ??= result.actDate;
      }
      if (next.status === 'CLOSED') {
        found.closedOn = result.actDate;
      }
      await syncHandlers(em, found, next);
      const rows: unknown = await spec.persist?.(step);
      let deadlines: Deadline[];
      try {
        deadlines = await applyDeadlineEffects({
          em,
          found,
          allowed: result,
          input,
          rulebook,
          calendar,
          eventName: actionName,
        });
      } catch (error) {
        rethrowCalendarRefusal(error);
      }
      // Documents the input carries the content of, produced by kind in this transaction: a
      // document that cannot be completed fails the step.
      const produced = await produceDocuments(
        { em, actor, found, today, actDate: result.actDate, next, rulebook },
        (await spec.documents?.(step, rows)) ?? [],
      );
      Object.assign(produced.sections, await spec.sections?.(step, produced.documents));
      // The chain's last link, as the case row read at the start of this step records it (no
      // event was appended since): the pending documents take the sequence of the event
      // appended below. A case created by this step has no chain yet.
      const tip =
        args.caseId === undefined ? null : await chainTipOfLoadedCase(em, found, caseRowRead);
      // Declared due and not produced here: pending until generateDocument makes it.
      const pendingDocuments = await recordPendingDocuments(
        em,
        found,
        result.effects,
        produced.documents,
        result.actDate,
        action,
        (tip?.sequence ?? 0) + 1,
      );
      // Each document to be served comes with its blank 送达回证, for the recipient to sign: a
      // companion of the served document, not a document the step declares.
      produced.documents.push(
        ...(await blankServiceReceipts(em, actor, found, produced.documents, today)),
      );
      spec.afterDocuments?.(rows, produced.documents);
      const publication = spec.publication?.(step, rows);
      if (publication) {
        await carryOutPublication(em, found, publication, today, calendar);
      }
      const certificate = toProcedureActor(actor, result.actDate).certificate;
      const event = await appendCaseEvent(
        em,
        found,
        actor,
        {
          action,
          fromStatus: result.from,
          toStatus: result.to,
          occurredAt: ctx.now(),
          actDate: result.actDate,
          lateEntryReason: lateEntryReason ?? null,
          actorCertificateNumber: certificate?.number ?? null,
          rulebookVersion: result.rulebookVersion,
          input: submitted,
          payload: {
            actDate: result.actDate,
            outcome: result.outcome,
            input: submitted,
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
        },
        tip,
      );
      // Domain events for portals (transactional outbox): same transaction as the step.
      await recordStepEvents(em, {
        found,
        action,
        from: result.from,
        to: result.to,
        outcome: result.outcome,
        actDate: result.actDate,
        occurredAt: event.occurredAt,
        documents: produced.documents,
        submitted,
      });
      // The step's inserts (event, pending documents, its rows) in one statement.
      await flushBatchingInserts(em);
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
          fromStatus: shownStatus(result.from),
          toStatus: result.to,
          effects: result.effects.map((e) => JSON.stringify(e)),
          event: null,
          deadlines,
          documents: [],
          documentPreviews: rehearsal.previews,
          pendingDocuments,
          projectedDeadlines,
        });
      }
      return {
        case: found,
        dryRun: false,
        fromStatus: shownStatus(result.from),
        toStatus: result.to,
        effects: result.effects.map((e) => JSON.stringify(e)),
        event,
        deadlines,
        documents: produced.documents,
        documentPreviews: [],
        pendingDocuments,
        projectedDeadlines: [],
      };
    });
  } catch (error) {
    if (error instanceof RehearsalRollback) {
      const outcome = error.outcome as ProcedureOutcome;
      // The case as stored (unchanged), not the rehearsed entity the rollback discarded.
      const stored =
        args.caseId !== undefined ? await ctx.em.fork().findOne(Case, { id: args.caseId }) : null;
      return { ...outcome, case: stored };
    }
    if (error instanceof OptimisticLockError) {
      throw ConflictError.duplicate('CASE_VERSION_CONFLICT', '案件已被他人修改，请刷新后重试', {
        caseId: args.caseId ?? null,
      });
    }
    throw error;
  }
}

/** Handlers live in the case_handler relation; the snapshot decides who they are. */
async function syncHandlers(em: EntityManager, found: Case, next: CaseSnapshot): Promise<void> {
  const wanted = new Set(next.handlers.map((h) => h.officerId));
  if (!found.handlers.isInitialized()) {
    await em.populate(found, ['handlers']);
  }
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

/** The API shows no status before the case exists (the engine's pseudo-status NEW). */
function shownStatus(status: string): string | null {
  return status === 'NEW' ? null : status;
}
