import { Entity, Enum, Index, ManyToOne, Property, Unique, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { PARTY_KINDS, type PartyKind } from '../procedure/party-kind.js';
import {
  PARTY_ID_TYPES,
  PartyIdTypeEnum,
  PartyKindEnum,
  type PartyIdType,
} from '../schema/enums.js';
import type { LocalDate } from '../procedure/local-date.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { BaseEntity } from './base.entity.js';
import { Office } from './office.entity.js';

/**
 * 当事人. A party record belongs to the office that registered it; its
 * personal data is visible only within that office's subtree.
 */
@ObjectType({ description: '当事人' })
@Entity({ tableName: 'party' })
@Unique({ name: 'party_office_id_number_unique', properties: ['office', 'idNumber'] })
@Index({
  name: 'party_office_path_idx',
  expression:
    'create index "party_office_path_idx" on "party" ("office_path" text_pattern_ops, "created_at" desc, "id" desc)',
})
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
  @Field(() => PartyKindEnum)
  @Enum({ items: () => [...PARTY_KINDS], type: 'text' })
  kind!: PartyKind;

  @Field({ description: '姓名或名称' })
  @Property({ type: 'text' })
  name!: string;

  @Field(() => PartyIdTypeEnum)
  @Enum({ items: () => [...PARTY_ID_TYPES], type: 'text' })
  idType!: PartyIdType;

  @Field({ description: '证件号码（身份证号或统一社会信用代码）' })
  @Property({ type: 'text' })
  idNumber!: string;

  @Field({ description: '住所或住址' })
  @Property({ type: 'text' })
  address!: string;

  @Field(() => String, { nullable: true, description: '法定代表人或负责人' })
  @Property({ type: 'text', nullable: true })
  legalRepresentative?: string | null;

  @Field(() => String, { nullable: true, description: '联系电话' })
  @Property({ type: 'text', nullable: true })
  contactPhone?: string | null;

  @Field({ description: '是否同意电子送达（《中华人民共和国行政处罚法》第六十一条第二款）' })
  @Property({ type: 'boolean' })
  electronicServiceConsent: boolean = false;

  @Field(() => String, { nullable: true, description: '确认的电子送达地址' })
  @Property({ type: 'text', nullable: true })
  electronicServiceAddress?: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '同意电子送达并确认地址的日期（送达地址确认书）',
  })
  @Property({ type: 'date', nullable: true })
  electronicServiceConsentOn?: LocalDate | null;

  @ManyToOne(() => Office, { ref: false })
  office!: Rel<Office>;

  @Property({ type: 'text' })
  officePath!: string;
}
