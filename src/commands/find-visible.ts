import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { DomainError } from '../errors/domain-error.js';
import { isUuid } from './office.commands.js';

/**
 * A row by id that the actor may see. A malformed id, a missing row and one outside the actor's
 * reach all get the same `notFound` error, so the answer does not reveal what exists elsewhere.
 */
export async function findVisibleById<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  id: string,
  notFound: (id: string) => DomainError,
  isVisible: (row: T) => boolean,
): Promise<T> {
  const row = isUuid(id) ? await em.findOne(entity, { id } as FilterQuery<T>) : null;
  if (!row || !isVisible(row)) {
    throw notFound(id);
  }
  return row;
}
