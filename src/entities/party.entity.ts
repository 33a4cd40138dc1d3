import { Entity, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { ObjectType } from 'type-graphql';
import { PARTY_KINDS, type PartyKind } from '../procedure/party-kind.js';
import {
  PARTY_ID_TYPES,
  PartyIdTypeEnum,
  PartyKindEnum,
  type PartyIdType,
} from '../schema/enums.js';
import type { LocalDate } from '../procedure/local-date.js';
import { BaseEntity } from './base.entity.js';
import { Office } from './office.entity.js';
import { BooleanColumn, DateColumn, EnumColumn, OfficePathIndex, TextColumn } from './columns.js';
import { Node } from '../schema/node.js';

/**
 * 当事人. A party record belongs to the office that registered it; its
 * personal data is visible only within that office's subtree.
 */
@ObjectType({ description: '当事人', implements: Node })
@Entity({ tableName: 'party' })
@Unique({ name: 'party_office_id_number_unique', properties: ['office', 'idNumber'] })
@OfficePathIndex('party')
@Index({
  name: 'party_name_trgm_idx',
  expression: 'create index "party_name_trgm_idx" on "party" using gin ("name" gin_trgm_ops)',
})
@Index({
  name: 'party_id_number_trgm_idx',
  expression:
    'create index "party_id_number_trgm_idx" on "party" using gin ("id_number" gin_trgm_ops)',
})
@Index({ name: 'party_kind_idx', properties: ['kind', 'createdAt', 'id'] })
export class Party extends BaseEntity<
  | 'legalRepresentative'
  | 'contactPhone'
  | 'electronicServiceConsent'
  | 'electronicServiceAddress'
  | 'electronicServiceConsentOn'
> {
  @EnumColumn(PartyKindEnum, PARTY_KINDS, '当事人类型（kind）：自然人、法人或者其他组织')
  kind!: PartyKind;

  @TextColumn('姓名或名称')
  name!: string;

  @EnumColumn(PartyIdTypeEnum, PARTY_ID_TYPES, '证件类型（idType）')
  idType!: PartyIdType;

  @TextColumn('证件号码（身份证号或统一社会信用代码）')
  idNumber!: string;

  @TextColumn('住所或住址')
  address!: string;

  @TextColumn('法定代表人或负责人', { nullable: true })
  legalRepresentative?: string | null;

  @TextColumn('联系电话', { nullable: true })
  contactPhone?: string | null;

  @BooleanColumn('是否同意电子送达（《中华人民共和国行政处罚法》第六十一条第二款）')
  electronicServiceConsent: boolean = false;

  @TextColumn('确认的电子送达地址', { nullable: true })
  electronicServiceAddress?: string | null;

  @DateColumn('同意电子送达并确认地址的日期（送达地址确认书）', { nullable: true })
  electronicServiceConsentOn?: LocalDate | null;

  @ManyToOne(() => Office, { ref: false })
  office!: Rel<Office>;

  @Property({ type: 'text' })
  officePath!: string;
}
