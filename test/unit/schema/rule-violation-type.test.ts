import { defaultFieldResolver, type GraphQLObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { violation } from '../../../src/procedure/rule-catalog.js';
import { formatCitation } from '../../../src/procedure/legal-basis.js';
import { buildZhifaSchema } from '../../../src/schema/build-schema.js';
import { RuleViolationType } from '../../../src/schema/procedure.types.js';

/**
 * A violation's legal basis, details and facts are built when a query reads them (a dashboard
 * reads only codes): what a client reads is what the eager conversion gave.
 */
describe('RuleViolationType', () => {
  const found = violation('ROLE_REQUIRED', {
    requiredRoles: ['CASE_HANDLER'],
    actorRoles: [],
  });

  it('answers the legal basis, details and facts of the violation when they are read', () => {
    const type = RuleViolationType.from(found);
    expect(type.code).toBe('ROLE_REQUIRED');
    expect(type.message).toBe(found.message);
    expect(type.legalBasis.map((b) => b.citation)).toEqual(found.legalBasis.map(formatCitation));
    expect(type.details).toEqual({ requiredRoles: ['CASE_HANDLER'], actorRoles: [] });
    expect(type.facts.map((f) => [f.key, f.kind, f.items])).toEqual([
      ['requiredRoles', 'LIST', ['CASE_HANDLER']],
      ['actorRoles', 'LIST', []],
    ]);
  });

  it('a violation without details has empty details and no facts', () => {
    const type = RuleViolationType.from(violation('CASE_SUSPENDED'));
    expect(type.details).toEqual({});
    expect(type.facts).toEqual([]);
  });

  it('is read through the schema: the fields resolve from the getters', async () => {
    const schema = await buildZhifaSchema();
    const type = schema.getType('RuleViolationType') as GraphQLObjectType;
    const read = (name: string) => {
      const field = type.getFields()[name]!;
      const source = RuleViolationType.from(found);
      return field.resolve
        ? field.resolve(source, {}, {}, { fieldName: name } as never)
        : defaultFieldResolver(source, {}, {}, { fieldName: name } as never);
    };
    expect((read('legalBasis') as { citation: string }[]).map((b) => b.citation)).toEqual(
      found.legalBasis.map(formatCitation),
    );
    expect(read('code')).toBe('ROLE_REQUIRED');
    expect((read('facts') as unknown[]).length).toBe(2);
  });
});
