import type { EntityManager } from '@mikro-orm/postgresql';
import { Case } from '../../entities/case.entity.js';
import { Deadline } from '../../entities/deadline.entity.js';
import { caseAmountDue, type AmountDue, type SurchargeRates } from '../../procedure/execution.js';
import type { LocalDate } from '../../procedure/local-date.js';
import {
  findRulebookVersion,
  rulebookFor,
  type RulebookOverrides,
} from '../../procedure/rulebook.js';
import { overridesForOffice } from '../rulebook.commands.js';
import { toCaseSnapshot } from './to-case-snapshot.js';

/**
 * Late-surcharge rates of the rulebook in force on `date`; undefined before the first version,
 * where the engine's statutory rates apply.
 */
export function surchargeRatesOn(
  date: LocalDate,
  overrides: RulebookOverrides | undefined,
): SurchargeRates | undefined {
  if (!findRulebookVersion(date)) {
    return undefined;
  }
  const { parameters } = rulebookFor(date, overrides);
  return {
    percentPerDay: parameters.lateSurchargePercentPerDay.value,
    capPercent: parameters.lateSurchargeCapPercent.value,
  };
}

export interface CaseAmountDue extends AmountDue {
  /** The last day to pay (the last instalment of an approved arrangement). */
  readonly paymentDueDate: LocalDate | null;
}

/** The fine and late surcharge owed on `on`; undefined when no payment period applies. */
export async function amountDueOn(
  em: EntityManager,
  caseId: string,
  on: LocalDate,
): Promise<CaseAmountDue | undefined> {
  const found = await em.findOneOrFail(Case, { id: caseId });
  const open = await toCaseSnapshot(em, found, on);
  // The snapshot holds open deadlines only; once paid (or the periods ended) the due date is
  // the last PAYMENT period stored.
  const lastPayment = open.deadlines.PAYMENT
    ? null
    : await em.findOne(
        Deadline,
        { case: caseId, kind: 'PAYMENT' },
        { orderBy: { createdAt: 'desc', id: 'desc' } },
      );
  const snapshot = lastPayment
    ? { ...open, deadlines: { ...open.deadlines, PAYMENT: { dueDate: lastPayment.dueDate } } }
    : open;
  const overrides = await overridesForOffice(em, found.officePath);
  const due = caseAmountDue(snapshot, on, surchargeRatesOn(on, overrides));
  if (!due) {
    return undefined;
  }
  const arrangementEnd = snapshot.paymentArrangements
    .findLast((a) => a.decision === 'APPROVED')
    ?.schedule?.at(-1)?.dueOn;
  return { ...due, paymentDueDate: arrangementEnd ?? snapshot.deadlines.PAYMENT?.dueDate ?? null };
}
