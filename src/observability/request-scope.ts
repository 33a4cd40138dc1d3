import type { MikroORM } from '@mikro-orm/postgresql';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What one HTTP request accumulates while it runs (read by the operation log line). */
export interface RequestScope {
  requestId: string;
  sqlStatements: number;
}

const scopes = new AsyncLocalStorage<RequestScope>();

export const REQUEST_ID_HEADER = 'x-request-id';

/** A caller's id is kept when it is a plain token of sane length; anything else gets a fresh UUID. */
const ACCEPTABLE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function currentRequestScope(): RequestScope | undefined {
  return scopes.getStore();
}

/**
 * Honours an incoming `x-request-id` (or makes one), echoes it on the response
 * and opens the request scope. Mounted after the body parser, whose stream
 * callbacks would otherwise run outside the scope.
 */
export function requestScope(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.headers[REQUEST_ID_HEADER];
  const requestId =
    typeof incoming === 'string' && ACCEPTABLE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
  // Apollo reads the id back from the request headers.
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader(REQUEST_ID_HEADER, requestId);
  scopes.run({ requestId, sqlStatements: 0 }, next);
}

const counted = new WeakSet<object>();

/** Counts every SQL statement the ORM sends, into the scope of the request that sent it. */
export function countSqlStatements(orm: MikroORM): void {
  const knex = orm.em.getConnection().getKnex();
  if (counted.has(knex)) {
    return;
  }
  counted.add(knex);
  knex.on('query', () => {
    const scope = scopes.getStore();
    if (scope) {
      scope.sqlStatements += 1;
    }
  });
}
