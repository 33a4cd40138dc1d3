import { getMetadataStorage } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { ACTION_SPECS } from '../../../src/actions/action-specs.js';
import { availableActions } from '../../../src/procedure/decide.js';
import { PROCEDURE_ACTIONS } from '../../../src/procedure/procedure-action.js';
import { transitionOf } from '../../../src/procedure/transitions.js';
import { mutationDescription } from '../../../src/resolvers/procedure/procedure-mutations.js';
import { buildZhifaSchema } from '../../../src/schema/build-schema.js';
import { CONTEXT, d, HEAD, snapshot } from '../procedure/procedure-fixtures.js';

/** One mutation per procedural action, generated from its spec and the transition table. */
describe('procedure mutations', () => {
  it('the Mutation type has exactly one field per action, named as the action, taking its spec’s input', async () => {
    const fields = (await buildZhifaSchema()).getMutationType()!.getFields();
    for (const action of PROCEDURE_ACTIONS) {
      const field = fields[action];
      expect(field, action).toBeDefined();
      expect(ACTION_SPECS[action].action).toBe(action);
      expect(field!.args.find((a) => a.name === 'input')!.type.toString()).toBe(
        `${ACTION_SPECS[action].input.name}!`,
      );
    }
    const procedural = Object.values(fields).filter((f) =>
      (PROCEDURE_ACTIONS as readonly string[]).includes(f.name),
    );
    expect(procedural).toHaveLength(PROCEDURE_ACTIONS.length);
  });

  it('each description is the spec’s, else the table’s title', async () => {
    const fields = (await buildZhifaSchema()).getMutationType()!.getFields();
    for (const action of PROCEDURE_ACTIONS) {
      expect(fields[action]!.description, action).toBe(
        ACTION_SPECS[action].description ?? transitionOf(action).title,
      );
      expect(mutationDescription(action)).toBe(fields[action]!.description);
    }
  });

  it('the gate only authenticates; the engine refuses a wrong role with the table’s roles', async () => {
    await buildZhifaSchema();
    const storage = getMetadataStorage();
    const mutations = storage.mutations.filter((m) =>
      (PROCEDURE_ACTIONS as readonly string[]).includes(m.schemaName),
    );
    expect(mutations).toHaveLength(PROCEDURE_ACTIONS.length);
    for (const mutation of mutations) {
      const gate = storage.authorizedFields.find(
        (a) => a.target === mutation.target && a.fieldName === mutation.methodName,
      );
      expect(gate?.roles, mutation.schemaName).toEqual([]);
    }
    // An officer with no role: every action is refused with ROLE_REQUIRED naming the table's roles.
    const noRole = { ...HEAD, roles: [] };
    for (const a of availableActions(snapshot('INVESTIGATING'), noRole, d('2024-04-10'), CONTEXT)) {
      const role = a.violations.find((v) => v.code === 'ROLE_REQUIRED');
      expect(role?.details, a.action).toMatchObject({
        requiredRoles: [...transitionOf(a.action).roles],
      });
    }
  });
});
