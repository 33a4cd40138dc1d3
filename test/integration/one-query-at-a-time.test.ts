import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Sibling GraphQL fields resolve at once and share the request's transaction, so they can send
 * statements on one pooled connection at the same moment. node-postgres 8 queues them (and warns
 * that version 9 will refuse); the connection sends them one after another instead (src/db/
 * one-statement-at-a-time.ts), so no statement reaches a client while it still executes another.
 */

let app: TestApp;
const overlapping: string[] = [];
const original = pg.Client.prototype.query;

beforeAll(async () => {
  app = await createTestApp();
  pg.Client.prototype.query = function (this: { _activeQuery: unknown }, ...args: unknown[]) {
    if (this._activeQuery) {
      const config = args[0] as string | { text?: string };
      overlapping.push(typeof config === 'string' ? config : String(config?.text));
    }
    return (original as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof original;
});

afterAll(async () => {
  pg.Client.prototype.query = original;
  await app?.close();
});

describe('one statement at a time on a connection', () => {
  it('a query of sibling lists, each reading on the request transaction, sends its statements one after another', async () => {
    overlapping.length = 0;
    const result = await app.run<{
      cases: { edges: unknown[] };
      officers: { edges: unknown[] };
      parties: { edges: unknown[] };
    }>(
      `{ me { id office { name } }
         cases(first: 5) { edges { node { id number deadlines { kind dueDate } } } totalCount }
         officers(first: 5) { edges { node { id name certificates { number } } } }
         parties(first: 5) { edges { node { id name } } } }`,
      {},
      'BJ0001',
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data!.cases.edges.length).toBeGreaterThan(0);
    expect(result.data!.officers.edges.length).toBeGreaterThan(0);
    expect(result.data!.parties.edges.length).toBeGreaterThan(0);
    expect(overlapping).toEqual([]);
  });
});
