import { describe, expect, it } from 'vitest';
import { availableActions } from '../../../src/procedure/decide.js';
import { CONTEXT, d, HANDLER_A, HEAD, notifiedSnapshot, snapshot } from './procedure-fixtures.js';

/**
 * availableActions says which rules the input can still trigger (inputRules). The penalty lines
 * of a notice, a decision and a change are checked against the provision catalog and the
 * discretion record by the step itself (APL arts. 4, 29, 32, 34): those rules are listed too, so
 * an "allowed" answer never hides a refusal the real call can give for the lines entered.
 */
describe('availableActions: the rules the penalty lines can trigger are input rules', () => {
  const inputRulesOf = (
    s: ReturnType<typeof snapshot>,
    action: string,
    actor = HEAD,
  ): readonly string[] =>
    availableActions(s, actor, d('2024-04-10'), CONTEXT).find((a) => a.action === action)!
      .inputRules;

  it('APL arts. 29, 32, 34: decideCase lists the provision, discretion and 拒不改正 rules', () => {
    const rules = inputRulesOf(notifiedSnapshot(), 'decideCase');
    expect(rules).toEqual(
      expect.arrayContaining([
        'FINE_ABOVE_MAXIMUM',
        'FINE_BELOW_MINIMUM',
        'HIGHER_FINE_PROVISION_GOVERNS',
        'DISCRETION_GROUND_REQUIRED',
        'REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER',
      ]),
    );
  });

  it('APL art. 44: issuePrePenaltyNotice lists them while investigating; a step without penalty lines does not', () => {
    const investigating = snapshot('INVESTIGATING');
    expect(inputRulesOf(investigating, 'issuePrePenaltyNotice')).toContain('FINE_ABOVE_MAXIMUM');
    expect(inputRulesOf(investigating, 'recordEvidence', HANDLER_A)).not.toContain(
      'FINE_ABOVE_MAXIMUM',
    );
  });

  it('outside the statuses the step is allowed from, they are not listed (the status refuses first)', () => {
    expect(inputRulesOf(snapshot('CASE_SOURCE_REGISTERED'), 'decideCase')).not.toContain(
      'FINE_ABOVE_MAXIMUM',
    );
  });
});
