import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * Takes the next number of a gapless sequence (per office, year and kind) in
 * the caller's transaction: the row lock serialises concurrent takers, and a
 * rollback returns the number.
 */
export async function takeNextNumber(
  em: EntityManager,
  officeId: string,
  year: number,
  kind: string,
): Promise<number> {
  const rows: { last: number }[] = await em.getConnection().execute(
    `insert into number_sequence (office_id, year, kind, last) values (?, ?, ?, 1)
     on conflict (office_id, year, kind) do update set last = number_sequence.last + 1
     returning last`,
    [officeId, year, kind],
    'all',
    em.getTransactionContext(),
  );
  return rows[0]!.last;
}
