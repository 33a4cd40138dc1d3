import { requiredText } from '../../commands/validate.js';
import { ValidationError } from '../../errors/domain-error.js';
import { computeDeadline } from '../../procedure/calendar/index.js';
import { apl } from '../../procedure/legal-basis.js';
import { toLegalBasis } from '../../schema/document-content.inputs.js';
import {
  OrderCorrectionInput,
  RecordCorrectionReviewInput,
} from '../../schema/procedure-inputs/correction.inputs.js';
import { engineInput, spec } from '../action-spec.js';
import { itemList } from '../input-checks.js';

/** 责令改正 (APL art. 28(1)): the order with its 责令改正通知书, and the review with its 复查意见书. */

function nonEmpty(field: string, items: string[]): string[] {
  if (items.length === 0) {
    throw ValidationError.field('FIELD_REQUIRED', field, '至少填写一项');
  }
  return items;
}

export const orderCorrection = spec({
  action: 'orderCorrection',
  input: OrderCorrectionInput,
  description:
    '责令改正或者限期改正违法行为（《中华人民共和国行政处罚法》第二十八条第一款）：制作责令改正通知书；限期改正的，改正期限按日历计算并登记（CORRECTION_PERIOD）',
  check: (input: OrderCorrectionInput) => {
    const days = input.correctionPeriodDays ?? undefined;
    // The law leaves the length to the office (APL art. 28(1)); only the calendar's own bound
    // on a day count applies (INVALID_DAY_COUNT), and the period has at least one day.
    if (days !== undefined && (!Number.isInteger(days) || days < 1 || days > 3650)) {
      throw ValidationError.field(
        'INVALID_DAY_COUNT',
        'correctionPeriodDays',
        '天数须为绝对值不超过 3650 的整数',
      );
    }
    if (input.basis.length === 0) {
      throw ValidationError.field('FIELD_REQUIRED', 'basis', '须载明责令改正所依据的条款');
    }
    return {
      input,
      days,
      facts: nonEmpty('facts', itemList('facts', input.facts, 2000)),
      requirements: nonEmpty('requirements', itemList('requirements', input.requirements, 1000)),
      consequence: requiredText('consequence', input.consequence, 200),
    };
  },
  toEngineInput: async ({ input, days }, { snapshot, calendar }) => {
    const partyId =
      input.partyId ?? (snapshot.parties.length === 1 ? snapshot.parties[0]!.id : undefined);
    if (!partyId) {
      throw ValidationError.field(
        'FIELD_REQUIRED',
        'partyId',
        '案件有多名当事人（或者没有当事人），须载明责令改正的当事人',
      );
    }
    // The same count the stored CORRECTION_PERIOD deadline makes (calendar days, APL art. 85).
    const dueOn =
      days === undefined
        ? undefined
        : computeDeadline(
            { length: days, unit: 'CALENDAR_DAYS', legalBasis: [apl(28, 1), apl(85)] },
            { event: '责令改正', date: input.orderedOn },
            calendar,
          ).dueDate;
    return engineInput<'orderCorrection'>({
      partyId,
      orderedOn: input.orderedOn,
      ...(days !== undefined ? { correctionPeriodDays: days, dueOn } : {}),
    });
  },
  documents: async ({ checked, input: engine }) => [
    {
      kind: 'CORRECTION_ORDER',
      content: {
        facts: checked.facts,
        violatedProvisions: checked.input.violatedProvisions.map(toLegalBasis),
        basis: checked.input.basis.map(toLegalBasis),
        mode: engine.dueOn ? 'WITHIN_PERIOD' : 'IMMEDIATE',
        deadline: engine.dueOn ?? null,
        requirements: checked.requirements,
        reportRequired: checked.input.reportRequired,
        consequenceBasis: checked.input.basis.map(toLegalBasis),
        consequence: checked.consequence,
        remedies: null,
      },
    },
  ],
});

export const recordCorrectionReview = spec({
  action: 'recordCorrectionReview',
  input: RecordCorrectionReviewInput,
  description:
    '复查当事人改正违法行为的情况，制作复查意见书；责令改正通知书送达后方可复查，认定未改正（拒不改正）须在改正期限届满后',
  check: (input: RecordCorrectionReviewInput) => ({
    input,
    description: nonEmpty('description', itemList('description', input.description, 2000)),
  }),
  toEngineInput: async ({ input }) =>
    engineInput<'recordCorrectionReview'>({
      correctionOrderId: input.correctionOrderId,
      reviewedOn: input.reviewedOn,
      finding: input.finding,
    }),
  documents: async ({ checked }) => [
    {
      kind: 'CORRECTION_REVIEW_OPINION',
      content: {
        correctionOrderId: checked.input.correctionOrderId,
        description: checked.description,
      },
    },
  ],
});
