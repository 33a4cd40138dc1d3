import { Entity, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import type { LocalDate } from '../procedure/local-date.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { BaseEntity } from './base.entity.js';
import { Officer } from './officer.entity.js';

/**
 * 行政执法证件. A certificate is valid on a date when the date lies within
 * [validFrom, validTo] and it was not revoked on or before that date.
 */
@ObjectType({ description: '行政执法证件' })
@Entity({ tableName: 'enforcement_certificate' })
export class EnforcementCertificate extends BaseEntity<'revokedOn' | 'revocationReason'> {
  @ManyToOne(() => Officer, { ref: false })
  officer!: Rel<Officer>;

  @Field({ description: '证件编号（全国唯一）' })
  @Property({ type: 'text', unique: true })
  number!: string;

  @Field({ description: '发证机关' })
  @Property({ type: 'text' })
  issuingAuthority!: string;

  @Field(() => LocalDateScalar, { description: '有效期起（YYYY-MM-DD）' })
  @Property({ type: 'date' })
  validFrom!: LocalDate;

  @Field(() => LocalDateScalar, { description: '有效期止（YYYY-MM-DD，含当日）' })
  @Property({ type: 'date' })
  validTo!: LocalDate;

  @Field(() => LocalDateScalar, { nullable: true, description: '注销（吊销）日期；当日起无效' })
  @Property({ type: 'date', nullable: true })
  revokedOn?: LocalDate | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  revocationReason?: string | null;

  isValidOn(date: LocalDate): boolean {
    if (date < this.validFrom || date > this.validTo) {
      return false;
    }
    return !(this.revokedOn && this.revokedOn <= date);
  }
}
