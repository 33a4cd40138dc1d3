/**
 * Extension of the docketing period and of the case time limit, and case
 * suspension (中止) and resumption, which pause and resume the time limit.
 * Legal basis: 《中华人民共和国行政处罚法》第五十四条第二款、第五十七条第二款、第六十条 (V); 2017 规定
 * 第十五条第二款 (P); CAC 2023 time-limit article: extension and excluded periods (U).
 */
import type { ExtendTimeLimitInput, ResumeCaseInput, SuspendCaseInput } from '../action-inputs.js';
import { OPEN_DOCKETED_STATUSES } from '../case-status.js';
import { openSuspension, type CaseSnapshot, type DeadlineKind } from '../case-snapshot.js';
import { violation } from '../rule-catalog.js';
import { inputGuard, stateGuard, type Guard } from './guard.js';

const DEADLINE_OF = {
  DOCKETING_PERIOD: 'DOCKETING',
  CASE_TIME_LIMIT: 'CASE_TIME_LIMIT',
} as const satisfies Record<ExtendTimeLimitInput['limit'], DeadlineKind>;

function extensionsOf(snapshot: CaseSnapshot, limit: ExtendTimeLimitInput['limit']): number {
  return snapshot.timeLimitExtensions.filter((e) => e.limit === limit).length;
}

export const extendTimeLimitGuards: readonly Guard<ExtendTimeLimitInput>[] = [
  inputGuard<ExtendTimeLimitInput>(
    'timeLimitRunning',
    ['TIME_LIMIT_NOT_RUNNING'],
    ({ input, snapshot }) => {
      const running =
        input.limit === 'DOCKETING_PERIOD'
          ? snapshot.status === 'CASE_SOURCE_REGISTERED'
          : OPEN_DOCKETED_STATUSES.includes(snapshot.status);
      return running
        ? undefined
        : violation('TIME_LIMIT_NOT_RUNNING', { limit: input.limit, status: snapshot.status });
    },
  ),
  inputGuard<ExtendTimeLimitInput>(
    'extendedBeforeExpiry',
    ['EXTENSION_AFTER_EXPIRY', 'DEADLINE_NOT_RECORDED'],
    ({ input, snapshot }) => {
      const deadline = DEADLINE_OF[input.limit];
      const due = snapshot.deadlines[deadline]?.dueDate;
      if (!due) {
        return violation('DEADLINE_NOT_RECORDED', { deadline });
      }
      return input.approvedOn > due
        ? violation('EXTENSION_AFTER_EXPIRY', { approvedOn: input.approvedOn, dueDate: due })
        : undefined;
    },
  ),
  inputGuard<ExtendTimeLimitInput>(
    'docketingPeriodExtendedOnce',
    ['TIME_LIMIT_ALREADY_EXTENDED'],
    ({ input, snapshot, rulebook }) => {
      if (input.limit !== 'DOCKETING_PERIOD') {
        return undefined;
      }
      const allowed = rulebook.parameters.docketingExtensionsAllowed.value;
      return extensionsOf(snapshot, 'DOCKETING_PERIOD') >= allowed
        ? violation('TIME_LIMIT_ALREADY_EXTENDED', { allowed })
        : undefined;
    },
  ),
  inputGuard<ExtendTimeLimitInput>(
    'caseExtensionWithinMaximum',
    ['TIME_LIMIT_EXTENSION_EXCEEDS_MAXIMUM'],
    ({ input, rulebook }) => {
      if (input.limit !== 'CASE_TIME_LIMIT') {
        return undefined;
      }
      const maximum = rulebook.parameters.caseTimeLimitExtension.length;
      const days = input.extensionDays ?? 0;
      return days < 1 || days > maximum
        ? violation('TIME_LIMIT_EXTENSION_EXCEEDS_MAXIMUM', { extensionDays: days, maximum })
        : undefined;
    },
  ),
  inputGuard<ExtendTimeLimitInput>(
    'furtherExtensionByCollectiveDiscussion',
    ['FURTHER_EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION'],
    ({ input, snapshot, rulebook }) => {
      if (input.limit !== 'CASE_TIME_LIMIT' || input.byCollectiveDiscussion) {
        return undefined;
      }
      const byHead = rulebook.parameters.caseTimeLimitExtensionsByHead.value;
      const previous = extensionsOf(snapshot, 'CASE_TIME_LIMIT');
      return previous >= byHead
        ? violation('FURTHER_EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION', {
            previousExtensions: previous,
          })
        : undefined;
    },
  ),
];

export const suspendCaseGuards: readonly Guard<SuspendCaseInput>[] = [
  stateGuard('caseNotYetSuspended', ['CASE_ALREADY_SUSPENDED'], ({ snapshot }) => {
    const open = openSuspension(snapshot);
    return open
      ? violation('CASE_ALREADY_SUSPENDED', { suspendedOn: open.suspendedOn })
      : undefined;
  }),
];

export const resumeCaseGuards: readonly Guard<ResumeCaseInput>[] = [
  stateGuard('caseSuspended', ['CASE_NOT_SUSPENDED'], ({ snapshot }) =>
    openSuspension(snapshot) ? undefined : violation('CASE_NOT_SUSPENDED'),
  ),
];
