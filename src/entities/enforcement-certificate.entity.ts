import { Entity, ManyToOne, type Rel } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import type { LocalDate } from '../procedure/local-date.js';
import { BaseEntity } from './base.entity.js';
import { Officer } from './officer.entity.js';
import { DateColumn, TextColumn } from './columns.js';

/**
 * 行政执法证件. A certificate is valid on a date when the date lies within
 * [validFrom, validTo] and it was not revoked on or before that date.
 */
@ObjectType({ description: '行政执法证件' })
@Entity({ tableName: 'enforcement_certificate' })
export class EnforcementCertificate extends BaseEntity<'revokedOn' | 'revocationReason'> {
  @ManyToOne(() => Officer, { ref: false })
  officer!: Rel<Officer>;

  @TextColumn('证件编号（全国唯一）', { unique: true })
  number!: string;

  @TextColumn('发证机关')
  issuingAuthority!: string;

  @DateColumn('有效期起（YYYY-MM-DD）')
  validFrom!: LocalDate;

  @DateColumn('有效期止（YYYY-MM-DD，含当日）')
  validTo!: LocalDate;

  @DateColumn('注销（吊销）日期；当日起无效', { nullable: true })
  revokedOn?: LocalDate | null;

  @TextColumn('注销（吊销）理由（revocationReason）', { nullable: true })
  revocationReason?: string | null;

  isValidOn(date: LocalDate): boolean {
    if (date < this.validFrom || date > this.validTo) {
      return false;
    }
    return !(this.revokedOn && this.revokedOn <= date);
  }
}
