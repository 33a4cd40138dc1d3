import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The stored answer to a create sent with an `Idempotency-Key` header: one row per
 * officer and key, written in the same transaction as what the create wrote, so a
 * stored answer exists exactly when the create committed. Internal: not in the schema.
 */
@Entity({ tableName: 'idempotency_key' })
@Index({ properties: ['expiresAt'] })
export class IdempotencyKey {
  @PrimaryKey({ type: 'uuid' })
  officerId!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  /** SHA-256 of the normalized operation and its variables. */
  @Property({ type: 'character', length: 64 })
  requestHash!: string;

  /** The root mutation field (registerCaseSource, createParty, generateDocument). */
  @Property({ type: 'text' })
  operation!: string;

  /** The GraphQL result sent the first time (null while the first request runs). */
  @Property({ type: 'json', nullable: true })
  response?: unknown;

  @Property({ type: 'datetime', defaultRaw: 'now()' })
  createdAt!: Date;

  @Property({ type: 'datetime' })
  expiresAt!: Date;
}
