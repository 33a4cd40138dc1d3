/**
 * Recusal (回避): the party may apply; the head decides; nobody decides their own
 * recusal; the investigation does not stop meanwhile (so no other action waits for it,
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
      const onCase =
        investigatorIds(snapshot).has(input.targetOfficerId) ||
        snapshot.hearing?.presidingOfficerId === input.targetOfficerId;
      return onCase
        ? undefined
        : violation('RECUSAL_TARGET_NOT_ON_CASE', { targetOfficerId: input.targetOfficerId });
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
