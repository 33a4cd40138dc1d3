/**
 * Recusal (回避): the party may apply, against investigators, the presider, heads and legal
 * reviewers; the head decides (a head's own recusal: the heads' collective discussion, U); nobody
 * decides their own recusal; a rejected application may be reconsidered once (复议, U after
 * 2023-05-31); the investigation does not stop meanwhile (so no other action waits for it,
 * except the hearing when the presiding officer is the one challenged).
 * Legal basis: 《中华人民共和国行政处罚法》第四十二条第一款、第四十三条、第六十四条第（四）项 (V);
 * 2017 规定第十七条 (P).
 */
import type { ApplyForRecusalInput, DecideRecusalInput } from '../action-inputs.js';
import { investigatorIds, recusedOfficerIds, type CaseSnapshot } from '../case-snapshot.js';
import { violation } from '../rule-catalog.js';
import { inputGuard, type Guard } from './guard.js';
import { recordExists } from './common.guards.js';
import { certificatesValidOnActDate, distinctOfficerCount } from './officer.guards.js';

export const applyForRecusalGuards: readonly Guard<ApplyForRecusalInput>[] = [
  inputGuard<ApplyForRecusalInput>(
    'recusalTargetOnCase',
    ['RECUSAL_TARGET_NOT_ON_CASE'],
    ({ input, snapshot }) => {
      // Investigators and the presider on the case; a head or legal reviewer of the office, who
      // may approve, review, discuss or decide it (capability 8).
      const onCase =
        investigatorIds(snapshot).has(input.targetOfficerId) ||
        snapshot.hearing?.presidingOfficerId === input.targetOfficerId ||
        snapshot.hearing?.recorderId === input.targetOfficerId ||
        snapshot.legalReviews.some((r) => r.reviewerId === input.targetOfficerId) ||
        (input.targetRoles ?? []).some((r) => r === 'OFFICE_HEAD' || r === 'LEGAL_REVIEWER');
      return onCase
        ? undefined
        : violation('RECUSAL_TARGET_NOT_ON_CASE', { targetOfficerId: input.targetOfficerId });
    },
  ),
  inputGuard<ApplyForRecusalInput>(
    'recusalReconsideredOnce',
    ['RECUSAL_RECONSIDERATION_NOT_ALLOWED'],
    ({ input, snapshot }) => {
      if (input.reconsiderationOf === undefined) {
        return undefined;
      }
      const original = snapshot.recusals.find((r) => r.id === input.reconsiderationOf);
      const already = snapshot.recusals.some(
        (r) => r.reconsiderationOf === input.reconsiderationOf,
      );
      const reason = !original
        ? 'NOT_ON_CASE'
        : original.decision !== 'REJECTED'
          ? 'NOT_REJECTED'
          : original.reconsiderationOf !== undefined
            ? 'IS_A_RECONSIDERATION'
            : original.targetOfficerId !== input.targetOfficerId
              ? 'OTHER_TARGET'
              : input.applicant !== 'PARTY'
                ? 'NOT_THE_PARTY'
                : already
                  ? 'ALREADY_APPLIED'
                  : undefined;
      return reason
        ? violation('RECUSAL_RECONSIDERATION_NOT_ALLOWED', {
            reconsiderationOf: input.reconsiderationOf,
            reason,
          })
        : undefined;
    },
  ),
];

/** The application the decision answers. */
function recusalApplication(snapshot: CaseSnapshot, input: DecideRecusalInput) {
  return snapshot.recusals.find((r) => r.id === input.recusalId);
}

export const decideRecusalGuards: readonly Guard<DecideRecusalInput>[] = [
  recordExists<DecideRecusalInput>('recusalExists', 'recusalId', (s) => s.recusals),
  inputGuard<DecideRecusalInput>(
    'recusalPending',
    ['RECUSAL_ALREADY_DECIDED'],
    ({ input, snapshot }) => {
      const recusal = recusalApplication(snapshot, input);
      return recusal?.decision !== undefined
        ? violation('RECUSAL_ALREADY_DECIDED', {
            decision: recusal.decision,
            decidedOn: recusal.decidedOn,
          })
        : undefined;
    },
  ),
  inputGuard<DecideRecusalInput>(
    'deciderIsNotTheTarget',
    ['RECUSAL_SELF_DECISION'],
    ({ input, snapshot, actor }) => {
      const recusal = recusalApplication(snapshot, input);
      return recusal?.targetOfficerId === actor.officerId
        ? violation('RECUSAL_SELF_DECISION', { officerId: actor.officerId })
        : undefined;
    },
  ),
  inputGuard<DecideRecusalInput>(
    'headRecusalByCollectiveDiscussion',
    ['RECUSAL_OF_HEAD_NOT_BY_COLLECTIVE_DISCUSSION'],
    ({ input, snapshot }) =>
      recusalApplication(snapshot, input)?.targetIsHead && input.byCollectiveDiscussion !== true
        ? violation('RECUSAL_OF_HEAD_NOT_BY_COLLECTIVE_DISCUSSION')
        : undefined,
  ),
  // A granted recusal must still leave two handlers on the case (APL art. 42(1)).
  inputGuard<DecideRecusalInput>(
    'twoHandlersRemain',
    ['HANDLERS_FEWER_THAN_TWO'],
    ({ input, snapshot, rulebook }) => {
      const recusal = recusalApplication(snapshot, input);
      if (!input.granted || !recusal) {
        return undefined;
      }
      const recused = recusedOfficerIds(snapshot);
      const remaining = snapshot.handlers.filter(
        (h) => h.officerId !== recusal.targetOfficerId && !recused.has(h.officerId),
      );
      const count = distinctOfficerCount([...remaining, ...(input.replacementHandlers ?? [])]);
      const minimum = rulebook.parameters.minimumOfficersPerAct.value;
      return count < minimum ? violation('HANDLERS_FEWER_THAN_TWO', { count, minimum }) : undefined;
    },
  ),
  certificatesValidOnActDate<DecideRecusalInput>((i) => i.replacementHandlers),
];
