import { Entity, Index, ManyToOne, Property, type Rel } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { OFFICE_LEVELS, type OfficeLevel } from '../procedure/office-level.js';
import type { RulebookOverrides } from '../procedure/rulebook.js';
import { OfficeLevelEnum } from '../schema/enums.js';
import { BaseEntity } from './base.entity.js';
import { EnumColumn, TextColumn } from './columns.js';
import { Node } from '../schema/node.js';

/**
 * 网信部门: an administrative organ with penalty power. Offices form a tree
 * (national → provincial → municipal → county); `path` holds the ids from the
 * root so "this office and every office below it" is one indexed prefix match.
 */
/** GB/T 9704 §7.2.5: year in full inside 〔〕, no 第, no zero padding, 号 at the end. */
export const DEFAULT_DOCUMENT_NUMBER_FORMAT = '{shortName}{code}〔{year}〕{serial}号';

@ObjectType({ description: '网信部门（行政执法机关）', implements: Node })
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
  @EnumColumn(OfficeLevelEnum, OFFICE_LEVELS, '机关层级（level）：国家、省、市、县')
  level!: OfficeLevel;

  @ManyToOne(() => Office, { nullable: true, ref: false })
  parent?: Rel<Office>;

  /** '/<root id>/…/<own id>/' — never changes once created (offices are not re-parented). */
  @Property({ type: 'text' })
  path!: string;

  @TextColumn('机关全称，如 北京市互联网信息办公室')
  name!: string;

  @Field({ description: '6位行政区划代码（GB/T 2260）' })
  @Property({ type: 'character', length: 6 })
  divisionCode!: string;

  @Field({ description: '统一社会信用代码' })
  @Property({ type: 'character', length: 18, unique: true })
  unifiedSocialCreditCode!: string;

  @TextColumn('文书编号中的机关代字，如 京网信')
  shortName!: string;

  @TextColumn('行政复议机关（写入处罚决定书的救济途径）')
  reconsiderationOrgan!: string;

  @TextColumn('行政诉讼管辖法院')
  litigationCourt!: string;

  @TextColumn('罚款缴纳渠道（写入处罚决定书）')
  paymentChannel!: string;

  @TextColumn('机关地址（写入告知书、通知书：陈述申辩送交地址）', { nullable: true })
  address: string | null = null;

  @TextColumn('邮政编码', { nullable: true })
  postalCode: string | null = null;

  @TextColumn('文书联系人', { nullable: true })
  contactPerson: string | null = null;

  @TextColumn('文书联系电话', { nullable: true })
  contactPhone: string | null = null;

  @TextColumn(
    '提交行政复议申请书的互联网渠道（网址或者平台名称）：电子送达决定书时默认提供（《中华人民共和国行政复议法》第二十二条第二款）',
    { nullable: true },
  )
  onlineReconsiderationChannel: string | null = null;

  @TextColumn(
    '文书文号格式：{shortName} 机关代字、{code} 文书类别代字、{year} 年份、{serial} 顺序号，如 {shortName}{code}〔{year}〕{serial}号',
    { default: DEFAULT_DOCUMENT_NUMBER_FORMAT },
  )
  documentNumberFormat: string = DEFAULT_DOCUMENT_NUMBER_FORMAT;

  /**
   * Values the law leaves to provinces (较大数额 thresholds …), with their
   * source; offices below inherit the nearest ancestor's.
   */
  @Property({ type: 'json', nullable: true })
  rulebookOverrides: RulebookOverrides | null = null;
}
