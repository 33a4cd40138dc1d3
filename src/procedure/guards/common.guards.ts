/**
 * Guards every action shares: the actor's role and office, the suspension
 * of the case, and act dates that lie in the future; and the check that an
 * input names a record of the case that exists.
 * Legal basis: 《中华人民共和国行政处罚法》第十七条、第四十二条第一款、第四十七条、第五十七条第一款、
 * 第六十条 (V); case suspension (中止) in the CAC 2023 rules (U).
 */
import { openSuspension, type CaseSnapshot } from '../case-snapshot.js';
import type { OfficerRole } from '../officer-role.js';
import { violation } from '../rule-catalog.js';
import type { RuleCode } from '../rule-catalog.js';
import { inputGuard, stateGuard, type Guard, type InputGuard, type StateGuard } from './guard.js';

export function actorHasRole(roles: readonly OfficerRole[]): StateGuard {
  return stateGuard('actorHasRole', ['ROLE_REQUIRED'], ({ actor }) =>
    actor.roles.some((r) => roles.includes(r))
      ? undefined
      : violation('ROLE_REQUIRED', { requiredRoles: roles, actorRoles: actor.roles }),
  );
}

/** Only the office that owns the case acts on it (superiors supervise, they do not act). */
export const actorInCaseOffice: StateGuard = stateGuard(
  'actorInCaseOffice',
  ['ACTOR_NOT_IN_CASE_OFFICE'],
  ({ actor, snapshot }) =>
    actor.officeId === snapshot.officeId
      ? undefined
      : violation('ACTOR_NOT_IN_CASE_OFFICE', {
          actorOfficeId: actor.officeId,
          caseOfficeId: snapshot.officeId,
        }),
);

export const caseNotSuspended: StateGuard = stateGuard(
  'caseNotSuspended',
  ['CASE_SUSPENDED'],
  ({ snapshot }) => {
    const suspension = openSuspension(snapshot);
    return suspension
      ? violation('CASE_SUSPENDED', { suspendedOn: suspension.suspendedOn })
      : undefined;
  },
);

/** The act being recorded happened on or before today. */
export function actDateNotInFuture<I>(): InputGuard<I> {
  return inputGuard<I>('actDateNotInFuture', ['ACT_DATE_IN_FUTURE'], ({ actDate, now }) =>
    actDate > now ? violation('ACT_DATE_IN_FUTURE', { actDate, now }) : undefined,
  );
}

/**
 * Late entry is allowed but visible: an act entered more than the rulebook's
 * lateEntryReasonThreshold working days after its date needs the reason (APL art. 47).
 */
export function lateEntryReasonGiven<I>(): InputGuard<I> {
  return inputGuard<I>(
    'lateEntryReasonGiven',
    ['LATE_ENTRY_REASON_REQUIRED'],
    ({ actDate, now, rulebook, workingDays, lateEntryReason }) => {
      if (actDate >= now || (lateEntryReason ?? '').trim() !== '') {
        return undefined;
      }
      const threshold = rulebook.parameters.lateEntryReasonThreshold.length;
      const late = workingDays.workingDaysBetween(actDate, now);
      return late > threshold
        ? violation('LATE_ENTRY_REASON_REQUIRED', {
            actDate,
            recordedOn: now,
            workingDaysLate: late,
            threshold,
          })
        : undefined;
    },
  );
}

/**
 * The input names, by `idField`, a record of this case (a measure, a preservation, a recusal,
 * a statement…) that exists; RECORD_NOT_FOUND with that id otherwise.
 */
export function recordExists<I>(
  name: string,
  idField: keyof I & string,
  records: (snapshot: CaseSnapshot) => readonly { readonly id: string }[],
): InputGuard<I> {
  return inputGuard<I>(name, ['RECORD_NOT_FOUND'], ({ input, snapshot }) =>
    records(snapshot).some((r) => r.id === input[idField])
      ? undefined
      : violation('RECORD_NOT_FOUND', { [idField]: input[idField] }),
  );
}

/**
 * An act on one of the case's open records (a preservation to handle, a measure to extend or
 * release) needs one: with none, it is refused before any input is given — RECORD_NOT_FOUND
 * when the case holds no such record, `closedCode` when every one is closed — so
 * availableActions does not offer it. The input guards about the named record (`guards`) then
 * stay silent: the state guard already says why, once.
 */
export function onAnOpenRecord<I, R extends { readonly id: string }>(
  name: string,
  records: (snapshot: CaseSnapshot) => readonly R[],
  isOpen: (record: R) => boolean,
  closedCode: RuleCode,
  guards: readonly InputGuard<I>[],
): Guard<I>[] {
  const anyOpen = (snapshot: CaseSnapshot) => records(snapshot).some(isOpen);
  return [
    stateGuard(name, ['RECORD_NOT_FOUND', closedCode], ({ snapshot }) => {
      const all = records(snapshot);
      if (all.length === 0) {
        return violation('RECORD_NOT_FOUND', { records: 0 });
      }
      return anyOpen(snapshot) ? undefined : violation(closedCode, { records: all.length });
    }),
    ...guards.map((guard) =>
      inputGuard<I>(guard.name, guard.codes, (ctx) =>
        anyOpen(ctx.snapshot) ? guard.check(ctx) : undefined,
      ),
    ),
  ];
}
