import { Entity, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import type { PenaltyProvision } from '../procedure/provisions/index.js';

/**
 * The penalty provisions catalog as editable data: one row per provision
 * tier, seeded from src/procedure/provisions/provisions.seed.ts and validated
 * by validateProvision() on every edit.
 */
@Entity({ tableName: 'penalty_provision' })
@Index({ name: 'penalty_provision_law_idx', properties: ['law', 'validFrom'] })
export class PenaltyProvisionRecord {
  [OptionalProps]?: 'updatedAt' | 'updatedBy';

  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'text' })
  law!: string;

  @Property({ type: 'date' })
  validFrom!: string;

  @Property({ type: 'date', nullable: true })
  validTo!: string | null;

  @Property({ type: 'json' })
  data!: PenaltyProvision;

  @Property({ type: 'datetime' })
  updatedAt: Date = new Date();

  @Property({ type: 'uuid', nullable: true })
  updatedBy: string | null = null;
}
