import { Field, ObjectType } from 'type-graphql';
import { PUBLICATION_FIELDS, type PublicationFields } from '../publication/publication-record.js';
import { LocalDateScalar } from './scalars.js';

/**
 * The 双公示 record's fields (docs/document-sources.md §7.2) as a GraphQL type. The standard names
 * its fields in Chinese (the feed and webhooks keep those keys); GraphQL names are ASCII, so each
 * field has one English name here, and its description gives the standard's name first.
 */
export const PUBLICATION_FIELD_NAMES: Readonly<Record<keyof PublicationFields, string>> = {
  行政相对人名称: 'partyName',
  行政相对人类别: 'partyCategory',
  行政相对人代码_1: 'partyCode1',
  行政相对人代码_2: 'partyCode2',
  行政相对人代码_3: 'partyCode3',
  行政相对人代码_4: 'partyCode4',
  行政相对人代码_5: 'partyCode5',
  行政相对人代码_6: 'partyCode6',
  法定代表人: 'legalRepresentative',
  法定代表人证件类型: 'legalRepresentativeIdType',
  法定代表人证件号码: 'legalRepresentativeIdNumber',
  证件类型: 'idType',
  证件号码: 'idNumber',
  行政处罚决定书文号: 'decisionNumber',
  违法行为类型: 'unlawfulActType',
  违法事实: 'unlawfulFacts',
  处罚依据: 'penaltyBasis',
  处罚类别: 'penaltyCategories',
  处罚内容: 'penaltyContent',
  罚款金额: 'fineAmountWan',
  没收违法所得没收非法财物的金额: 'confiscationAmountWan',
  暂扣或吊销证照名称及编号: 'suspendedOrRevokedLicense',
  处罚决定日期: 'decidedOn',
  处罚有效期: 'penaltyValidUntil',
  公示截止期: 'publicationEndsOn',
  处罚机关: 'penalizingAuthority',
  处罚机关统一社会信用代码: 'penalizingAuthorityCreditCode',
  数据来源单位: 'dataSourceUnit',
  数据来源单位统一社会信用代码: 'dataSourceUnitCreditCode',
  备注: 'remarks',
};

@ObjectType('PublicationFields', {
  description:
    '行政处罚信息公示字段（PublicationFields，双公示标准字段）：每个字段的说明先列标准字段名；金额单位万元，自然人证件号码已屏蔽；可选字段无内容时为空',
  simpleResolvers: true,
})
export class PublicationFieldsType {
  [name: string]: string | null;

  /** The stored record (Chinese keys) under the English field names. */
  static from(fields: PublicationFields): PublicationFieldsType {
    const typed = new PublicationFieldsType();
    for (const { key } of PUBLICATION_FIELDS) {
      typed[PUBLICATION_FIELD_NAMES[key]] = fields[key] ?? null;
    }
    return typed;
  }
}

// One field per standard field, in the standard's order, from the same list as the feed's JSON Schema.
for (const { key, required, format, description } of PUBLICATION_FIELDS) {
  const name = PUBLICATION_FIELD_NAMES[key];
  Field(() => (format === 'date' ? LocalDateScalar : String), {
    nullable: !required,
    description: `${key}（${name}）：${description}`,
  })(PublicationFieldsType.prototype, name);
}
