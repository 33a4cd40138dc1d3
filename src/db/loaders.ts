import { ReferenceKind, type EntityMetadata } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Request-scoped DataLoaders, by name: `requestLoader(ctx.em, 'case.evidence', batch)`
 * answers the same loader for the whole request (keyed by the request's EntityManager
 * fork, so nothing is cached across requests or officers), and a read that already has
 * the rows (one statement for a case detail) can `prime` them.
 */
const registries = new WeakMap<EntityManager, Map<string, DataLoader<unknown, unknown>>>();

export function requestLoader<K, V>(
  em: EntityManager,
  name: string,
  batch: (keys: readonly K[]) => Promise<V[]>,
): DataLoader<K, V> {
  let registry = registries.get(em);
  if (!registry) {
    registry = new Map();
    registries.set(em, registry);
  }
  let loader = registry.get(name) as DataLoader<K, V> | undefined;
  if (!loader) {
    loader = new DataLoader<K, V>(batch);
    registry.set(name, loader as DataLoader<unknown, unknown>);
  }
  return loader;
}

/** Rows grouped by a key column, in the order of `keys` (empty lists for keys without rows). */
export function groupBy<T>(keys: readonly string[], rows: T[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((key) => [key, []]));
  for (const row of rows) {
    groups.get(keyOf(row))?.push(row);
  }
  return keys.map((key) => groups.get(key)!);
}

/**
 * An entity from a raw row (column names, values as the driver or a JSON aggregate returns
 * them), managed by `em`. An instance `em` already holds is returned as it is: refreshing it
 * would reset the relations it has loaded.
 *
 * As `em.find` registers what it reads: the row is the entity's original data (its change
 * set baseline). `em.merge`'s defaults would validate the row as user input and, cascading,
 * snapshot the entity again (a JSON.stringify of every JSON column: the procedure record,
 * deadline explanations, document models) and walk its relations: a sixth of a case
 * detail's CPU for nothing a read uses.
 */
export function hydrate<T extends object>(
  em: EntityManager,
  entity: new (...args: never[]) => T,
  row: Record<string, unknown>,
): T {
  const data = em.getDriver().mapResult({ ...row }, em.getMetadata().get(entity.name));
  return em.merge(entity, data!, {
    refresh: false,
    convertCustomTypes: true,
    disableContextResolution: true,
    validate: false,
    cascade: false,
  }) as T;
}

/** The columns an entity loads by default (no lazy ones), from its metadata. */
export function columnsOf(meta: EntityMetadata): string[] {
  return meta.props
    .filter(
      (p) =>
        !p.lazy &&
        p.persist !== false &&
        !p.formula &&
        p.fieldNames?.length &&
        (p.kind === ReferenceKind.SCALAR ||
          p.kind === ReferenceKind.MANY_TO_ONE ||
          (p.kind === ReferenceKind.ONE_TO_ONE && p.owner)),
    )
    .flatMap((p) => p.fieldNames);
}

/** `jsonb_build_object('col', alias.col, …)`, in chunks (a call takes at most 100 arguments). */
export function jsonRow(meta: EntityMetadata, alias: string): string {
  const pairs = columnsOf(meta).map((c) => `'${c}', ${alias}."${c}"`);
  const chunks: string[] = [];
  for (let i = 0; i < pairs.length; i += 40) {
    chunks.push(`jsonb_build_object(${pairs.slice(i, i + 40).join(', ')})`);
  }
  return chunks.join(' || ');
}
