import type { EntityManager } from '@mikro-orm/postgresql';
import { CaseEvent } from '../../entities/case-event.entity.js';
import type { Case } from '../../entities/case.entity.js';
import type { TestingKind } from '../../procedure/action-inputs.js';
import { TESTING_KIND_NAMES } from '../../procedure/compulsory-measure-periods.js';
import type { DocumentKind } from '../../procedure/effects.js';
import type { ProcedureAction } from '../../procedure/procedure-action.js';
import type { DocumentSections } from './build-document-source.js';

/** The step whose recorded input fills part of a document completed later. */
const RECORDED_BY: Partial<Record<DocumentKind, ProcedureAction>> = {
  SUSPENSION_APPROVAL: 'suspendCase',
  RESUMPTION_APPROVAL: 'resumeCase',
  TIME_LIMIT_EXTENSION_APPROVAL: 'extendTimeLimit',
  TESTING_PERIOD_NOTICE: 'recordTestingPeriod',
};

const LIMIT_NAMES: Record<string, { name: string; deadline: string }> = {
  DOCKETING_PERIOD: { name: '立案期限', deadline: 'DOCKETING' },
  CASE_TIME_LIMIT: { name: '办案期限', deadline: 'CASE_TIME_LIMIT' },
};

interface StepPayload {
  input?: Record<string, unknown>;
  deadlines?: { kind: string; dueDate: string | null }[];
}

async function latestEvent(
  em: EntityManager,
  found: Case,
  action: ProcedureAction,
): Promise<StepPayload | null> {
  const event = await em.findOne(
    CaseEvent,
    { case: found, action },
    { orderBy: { sequence: 'desc' } },
  );
  return event ? (event.payload as StepPayload) : null;
}

/**
 * What the case record already holds for a document the officer completes after its step: the
 * step's recorded input (the suspension's ground and date, the resumption's date, the extension's
 * reason and new deadline). The officer writes the rest (the approvals); what the officer writes
 * for a field takes precedence.
 */
export async function recordedSections(
  em: EntityManager,
  found: Case,
  kind: DocumentKind,
): Promise<DocumentSections> {
  const action = RECORDED_BY[kind];
  const step = action ? await latestEvent(em, found, action) : null;
  const input = step?.input;
  if (!input) {
    return {};
  }
  switch (kind) {
    case 'SUSPENSION_APPROVAL':
      return {
        suspensionApproval: { ground: input.reason, suspendedFrom: input.suspendedOn },
      } as DocumentSections;
    case 'RESUMPTION_APPROVAL': {
      const suspended = (await latestEvent(em, found, 'suspendCase'))?.input;
      return {
        resumptionApproval: {
          resumedOn: input.resumedOn,
          ...(suspended ? { suspendedOn: suspended.suspendedOn } : {}),
        },
      } as DocumentSections;
    }
    case 'TIME_LIMIT_EXTENSION_APPROVAL': {
      const limit = LIMIT_NAMES[String(input.limit)];
      const extended = step.deadlines?.find((d) => d.kind === limit?.deadline)?.dueDate;
      return {
        timeLimitExtension: {
          reason: input.reason,
          ...(limit ? { limitName: limit.name } : {}),
          ...(extended ? { extendedTo: extended } : {}),
        },
      } as DocumentSections;
    }
    case 'TESTING_PERIOD_NOTICE':
      // Compulsion Law art. 25(3): the period stated as recorded; the officer adds the decision
      // number and the items.
      return {
        testingPeriod: {
          testingKind: TESTING_KIND_NAMES[input.testingKind as TestingKind],
          institution: input.institution,
          startsOn: input.startsOn,
          endsOn: input.endsOn,
        },
      } as DocumentSections;
    default:
      return {};
  }
}

/** The recorded sections completed by the caller's: field by field, the caller's win. */
export function withRecordedSections(
  recorded: DocumentSections,
  sections: DocumentSections,
): DocumentSections {
  const merged: Record<string, unknown> = { ...sections };
  for (const [key, value] of Object.entries(recorded)) {
    const given = (sections as Record<string, unknown>)[key];
    merged[key] =
      given === null || given === undefined
        ? value
        : { ...(value as object), ...(given as object) };
  }
  return merged as DocumentSections;
}
