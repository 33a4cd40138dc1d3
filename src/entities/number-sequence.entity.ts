import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * Gapless numbering per office, year and kind (case numbers, document
 * numbers). The counter is taken inside the caller's transaction, so a
 * rolled-back step gives its number back.
 */
@Entity({ tableName: 'number_sequence' })
export class NumberSequence {
  @PrimaryKey({ type: 'uuid' })
  officeId!: string;

  @PrimaryKey({ type: 'integer' })
  year!: number;

  @PrimaryKey({ type: 'text' })
  kind!: string;

  @Property({ type: 'integer' })
  last!: number;
}
