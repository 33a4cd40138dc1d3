import { Entity, Enum, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { OFFICE_LEVELS, type OfficeLevel } from '../procedure/office-level.js';
import type { RulebookOverrides } from '../procedure/rulebook.js';
import { OfficeLevelEnum } from '../schema/enums.js';
import { BaseEntity } from './base.entity.js';

/**
 * 网信部门: an administrative organ with penalty power. Offices form a tree
 * (national → provincial → municipal → county); `path` holds the ids from the
 * root so "this office and every office below it" is one indexed prefix match.
 */
/** GB/T 9704 §7.2.5: year in full inside 〔〕, no 第, no zero padding, 号 at the end. */
export const DEFAULT_DOCUMENT_NUMBER_FORMAT = '{shortName}{code}〔{year}〕{serial}号';

@ObjectType({ description: '网信部门（行政执法机关）' })
@Entity({ tableName: 'office' })
@Index({
  name: 'office_path_idx',
  expression: 'create index "office_path_idx" on "office" ("path" text_pattern_ops)',
})
@Index({
  name: 'office_name_trgm_idx',
  expression: 'create index "office_name_trgm_idx" on "office" using gin ("name" gin_trgm_ops)',
})
@Index({ name: 'office_level_idx', properties: ['level', 'createdAt', 'id'] })
export class Office extends BaseEntity<
  | 'parent'
  | 'rulebookOverrides'
  | 'documentNumberFormat'
  | 'address'
  | 'postalCode'
  | 'contactPerson'
  | 'contactPhone'
> {
  @Field(() => OfficeLevelEnum)
  @Enum({ items: () => [...OFFICE_LEVELS], type: 'text' })
  level!: OfficeLevel;

  @ManyToOne(() => Office, { nullable: true, ref: false })
  parent?: Rel<Office>;

  /** '/<root id>/…/<own id>/' — never changes once created (offices are not re-parented). */
  @Property({ type: 'text' })
  path!: string;

  @Field({ description: '机关全称，如 北京市互联网信息办公室' })
  @Property({ type: 'text' })
  name!: string;

  @Field({ description: '6位行政区划代码（GB/T 2260）' })
  @Property({ type: 'character', length: 6 })
  divisionCode!: string;

  @Field({ description: '统一社会信用代码' })
  @Property({ type: 'character', length: 18, unique: true })
  unifiedSocialCreditCode!: string;

  @Field({ description: '文书编号中的机关代字，如 京网信' })
  @Property({ type: 'text' })
  shortName!: string;

  @Field({ description: '行政复议机关（写入处罚决定书的救济途径）' })
  @Property({ type: 'text' })
  reconsiderationOrgan!: string;

  @Field({ description: '行政诉讼管辖法院' })
  @Property({ type: 'text' })
  litigationCourt!: string;

  @Field({ description: '罚款缴纳渠道（写入处罚决定书）' })
  @Property({ type: 'text' })
  paymentChannel!: string;

  @Field(() => String, {
    nullable: true,
    description: '机关地址（写入告知书、通知书：陈述申辩送交地址）',
  })
  @Property({ type: 'text', nullable: true })
  address: string | null = null;

  @Field(() => String, { nullable: true, description: '邮政编码' })
  @Property({ type: 'text', nullable: true })
  postalCode: string | null = null;

  @Field(() => String, { nullable: true, description: '文书联系人' })
  @Property({ type: 'text', nullable: true })
  contactPerson: string | null = null;

  @Field(() => String, { nullable: true, description: '文书联系电话' })
  @Property({ type: 'text', nullable: true })
  contactPhone: string | null = null;

  @Field({
    description:
      '文书文号格式：{shortName} 机关代字、{code} 文书类别代字、{year} 年份、{serial} 顺序号，如 {shortName}{code}〔{year}〕{serial}号',
  })
  @Property({ type: 'text', default: DEFAULT_DOCUMENT_NUMBER_FORMAT })
  documentNumberFormat: string = DEFAULT_DOCUMENT_NUMBER_FORMAT;

  /**
   * Values the law leaves to provinces (较大数额 thresholds …), with their
   * source; offices below inherit the nearest ancestor's.
   */
  @Property({ type: 'json', nullable: true })
  rulebookOverrides: RulebookOverrides | null = null;
}
