import type { EntityName, FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { NotFoundError, type NotFoundEntity } from '../errors/domain-error.js';
import { isUuid } from './office.commands.js';

/**
 * A row by id that the actor may see. A malformed id, a missing row and one outside the actor's
 * reach all read the same (`<ENTITY>_NOT_FOUND`), so the answer does not reveal what exists elsewhere.
 */
export async function findVisibleById<T extends object>(
  em: EntityManager,
  entity: EntityName<T>,
  id: string,
  notFound: NotFoundEntity,
  isVisible: (row: T) => boolean,
): Promise<T> {
  const row = isUuid(id) ? await em.findOne(entity, { id } as FilterQuery<T>) : null;
  if (!row || !isVisible(row)) {
    throw NotFoundError.of(notFound, id);
  }
  return row;
}
