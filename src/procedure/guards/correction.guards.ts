/**
 * 责令改正 (APL art. 28(1)): the order names a party of the case and, when it sets a period, a last
 * day after the order; the review (复查) comes after the order is served, and a finding that the
 * party did not (fully) correct only after the last day to correct has passed.
 * Legal basis: 《中华人民共和国行政处罚法》第二十八条第一款、第六十一条第一款 (V).
 */
import type { OrderCorrectionInput, RecordCorrectionReviewInput } from '../action-inputs.js';
import type { CaseSnapshot } from '../case-snapshot.js';
import { violation } from '../rule-catalog.js';
import { onAnOpenRecord, recordExists } from './common.guards.js';
import { inputGuard, type Guard } from './guard.js';

export const orderCorrectionGuards: readonly Guard<OrderCorrectionInput>[] = [
  inputGuard<OrderCorrectionInput>(
    'orderedPartyIsCaseParty',
    ['CORRECTION_ORDER_PARTY_UNKNOWN'],
    ({ input, snapshot }) =>
      snapshot.parties.some((p) => p.id === input.partyId)
        ? undefined
        : violation('CORRECTION_ORDER_PARTY_UNKNOWN', { partyId: input.partyId }),
  ),
  inputGuard<OrderCorrectionInput>(
    'correctionDeadlineAfterOrder',
    ['CORRECTION_DEADLINE_NOT_AFTER_ORDER'],
    ({ input }) =>
      input.dueOn !== undefined && input.dueOn <= input.orderedOn
        ? violation('CORRECTION_DEADLINE_NOT_AFTER_ORDER', {
            orderedOn: input.orderedOn,
            dueOn: input.dueOn,
          })
        : undefined,
  ),
];

type OrderRecord = CaseSnapshot['correctionOrders'][number];

function orderOf(snapshot: CaseSnapshot, id: string): OrderRecord | undefined {
  return snapshot.correctionOrders.find((o) => o.id === id);
}

export const recordCorrectionReviewGuards: readonly Guard<RecordCorrectionReviewInput>[] =
  onAnOpenRecord<RecordCorrectionReviewInput, OrderRecord>(
    'servedCorrectionOrderExists',
    (s) => s.correctionOrders,
    (o) => o.servedOn !== undefined,
    'CORRECTION_ORDER_NOT_SERVED',
    [
      recordExists<RecordCorrectionReviewInput>(
        'correctionOrderExists',
        'correctionOrderId',
        (s) => s.correctionOrders,
      ),
      inputGuard<RecordCorrectionReviewInput>(
        'correctionOrderServedBeforeReview',
        ['CORRECTION_ORDER_NOT_SERVED'],
        ({ input, snapshot }) => {
          const order = orderOf(snapshot, input.correctionOrderId);
          if (!order) {
            return undefined;
          }
          return order.servedOn === undefined || input.reviewedOn < order.servedOn
            ? violation('CORRECTION_ORDER_NOT_SERVED', {
                correctionOrderId: order.id,
                servedOn: order.servedOn ?? null,
                reviewedOn: input.reviewedOn,
              })
            : undefined;
        },
      ),
      inputGuard<RecordCorrectionReviewInput>(
        'refusalFoundOnlyAfterDeadline',
        ['CORRECTION_REVIEW_BEFORE_DEADLINE'],
        ({ input, snapshot }) => {
          const order = orderOf(snapshot, input.correctionOrderId);
          // 立即改正 has no period: a refusal may be found on any review after service.
          if (!order?.dueOn || input.finding === 'COMPLIED') {
            return undefined;
          }
          return input.reviewedOn <= order.dueOn
            ? violation('CORRECTION_REVIEW_BEFORE_DEADLINE', {
                dueOn: order.dueOn,
                reviewedOn: input.reviewedOn,
                finding: input.finding,
              })
            : undefined;
        },
      ),
    ],
  );
