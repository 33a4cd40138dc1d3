import { getNamedType, isInputObjectType, type GraphQLInputObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ACTION_SPECS } from '../../../src/actions/action-specs.js';
import {
  actDateField,
  ruleInputFields,
  withInputPaths,
} from '../../../src/actions/violation-input-paths.js';
import { PROCEDURE_ACTIONS } from '../../../src/procedure/procedure-action.js';
import { violation } from '../../../src/procedure/rule-catalog.js';
import { transitionOf } from '../../../src/procedure/transitions.js';
import { buildZhifaSchema } from '../../../src/schema/build-schema.js';

/** Whether `path` (e.g. violation.committedOn) names a field of the input type. */
function exists(type: GraphQLInputObjectType, path: string): boolean {
  const [head, ...rest] = path.split('.');
  const field = type.getFields()[head!];
  if (!field) {
    return false;
  }
  const inner = getNamedType(field.type);
  return rest.length === 0 || (isInputObjectType(inner) && exists(inner, rest.join('.')));
}

describe('the input paths of a procedure violation', () => {
  it('name fields of the action’s own GraphQL input, for every input rule it can break', async () => {
    const schema = await buildZhifaSchema();
    const missing: string[] = [];
    for (const action of PROCEDURE_ACTIONS) {
      const input = schema.getType(ACTION_SPECS[action].input.name);
      expect(isInputObjectType(input), action).toBe(true);
      const codes = transitionOf(action)
        .guards.filter((g) => g.usesInput)
        .flatMap((g) => g.codes);
      for (const code of codes) {
        for (const field of ruleInputFields(action, code, { actDate: '2024-01-01' })) {
          if (!exists(input as GraphQLInputObjectType, field)) {
            missing.push(`${action} ${code} ${field}`);
          }
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('point at the officers, the act date, the record looked for, or the late-entry reason', () => {
    expect(
      withInputPaths('recordEvidence', violation('EVIDENCE_COLLECTORS_FEWER_THAN_TWO', {}))
        .inputPaths,
    ).toEqual(['input.collectorIds']);
    expect(actDateField('recordEvidence')).toBe('collectedOn');
    // Every action's act date can be probed without an input (no exception).
    for (const action of PROCEDURE_ACTIONS) {
      expect(() => actDateField(action), action).not.toThrow();
    }
    expect(
      withInputPaths(
        'recordInquiry',
        violation('ACT_DATE_IN_FUTURE', { actDate: '2030-01-01', now: '2024-01-01' }),
      ).inputPaths,
    ).toEqual(['input.conductedOn']);
    expect(
      withInputPaths(
        'handlePreservedEvidence',
        violation('RECORD_NOT_FOUND', { preservationId: 'x' }),
      ).inputPaths,
    ).toEqual(['input.preservationId']);
    expect(
      withInputPaths('recordInspection', violation('LATE_ENTRY_REASON_REQUIRED', {})).inputPaths,
    ).toEqual(['lateEntryReason', 'input.conductedOn']);
    // A rule about the case's state concerns no field.
    expect(
      withInputPaths('decideCase', violation('ACTION_NOT_ALLOWED_IN_STATUS', {})).inputPaths,
    ).toEqual([]);
  });
});
