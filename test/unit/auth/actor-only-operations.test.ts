import { describe, expect, it } from 'vitest';
import { actorOnlyOperations } from '../../../src/auth/actor-only-operations.js';
import { buildZhifaSchema } from '../../../src/schema/build-schema.js';

/**
 * Which operations are answered from the cached actor without a row-level-security scope
 * (issue 10): only the officer's and their office's own columns; everything else is scoped.
 */
describe('operations answered from the actor alone', async () => {
  const readsOnlyActor = actorOnlyOperations(await buildZhifaSchema());

  it.each([
    '{ __typename }',
    '{ me { id } }',
    'query Who { me { id name roles active principalHead legalQualificationNumber } }',
    '{ me { __typename id office { __typename id name } } }',
    '{ who: me { officerId: id } }',
  ])('answers %s from the actor', (query) => {
    expect(readsOnlyActor(query)).toBe(true);
  });

  it.each([
    // Rows beyond the actor, or fields with resolvers or arguments.
    '{ me { certificates { number } } }',
    '{ me { hasValidCertificateOn(date: "2026-12-04") } }',
    '{ me { id } cases(first: 1) { totalCount } }',
    '{ officer(id: "0") { id } }',
    // Shapes not analysed: fragments, directives, several operations, mutations.
    '{ me { ...F } } fragment F on Officer { id }',
    '{ me { ... on Officer { id } } }',
    '{ me { id @include(if: true) } }',
    'query A { me { id } } query B { me { name } }',
    'mutation { __typename }',
    'subscription { __typename }',
    // Not a query text at all.
    '{ me { id ',
    '',
  ])('opens the scope for %s', (query) => {
    expect(readsOnlyActor(query)).toBe(false);
  });

  it('opens the scope when there is no query text (persisted queries, GET)', () => {
    expect(readsOnlyActor(undefined)).toBe(false);
    expect(readsOnlyActor({ query: '{ me { id } }' } as never)).toBe(false);
  });
});
