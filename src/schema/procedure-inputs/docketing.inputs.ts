import { Field, ID, InputType } from 'type-graphql';
import type { JurisdictionBasis } from '../../procedure/action-inputs.js';
import type { CaseSourceType } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { CaseSourceTypeEnum, JurisdictionBasisEnum } from '../enums.js';
import { LocalDateScalar } from '../scalars.js';

/** Inputs of registerCaseSource and decideDocketing. */

@InputType({
  description: '违法行为发生时间（计算处罚时效，《中华人民共和国行政处罚法》第三十六条）',
})
export class ViolationFactsInput {
  @Field(() => LocalDateScalar, {
    description: '违法行为发生之日（committedOn）；连续或者继续状态的，为开始之日',
  })
  committedOn!: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: '连续或者继续状态的终了日' })
  endedOn?: LocalDate | null;
  @Field({ description: '涉及公民生命健康安全、金融安全且有危害后果（时效五年）' })
  harmsLifeHealthOrFinancialSecurity!: boolean;
}

@InputType({ description: '案件来源登记' })
export class RegisterCaseSourceInput {
  @Field(() => ID, { nullable: true, description: '登记机关（默认本机关）' }) officeId?:
    string | null;
  @Field(() => CaseSourceTypeEnum, {
    description: '案件来源（sourceType）：检查发现、投诉举报、上级交办、移送等',
  })
  sourceType!: CaseSourceType;
  @Field(() => LocalDateScalar, { description: '发现线索或收到材料的日期（立案期限自次日起算）' })
  receivedOn!: LocalDate;
  @Field({ nullable: true, description: '投诉、举报人具名' }) namedComplainant?: boolean;
  @Field(() => String, { nullable: true, description: '交办、报请或移送的机关' }) originator?:
    string | null;
  @Field({ description: '案由' }) title!: string;
  @Field({ description: '线索内容摘要' }) summary!: string;
  @Field(() => [ID], { description: '当事人' }) partyIds!: string[];
  @Field(() => ViolationFactsInput, {
    nullable: true,
    description: '违法行为发生时间（violation），用于计算处罚时效；不明时可不填',
  })
  violation?: ViolationFactsInput | null;
}

@InputType({ description: '立案或者不予立案（负责人决定）' })
export class DecideDocketingInput {
  @Field({ description: 'true 立案；false 不予立案' }) docket!: boolean;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '立案（不予立案）审批日期 docketedOn（负责人批准之日，默认今日北京时间）：办案期限自该日起算',
  })
  docketedOn?: LocalDate | null;
  @Field(() => [ID], {
    nullable: true,
    description: '案件承办人（立案时至少两名持有效执法证件的人员）',
  })
  handlerIds?: string[] | null;
  @Field(() => JurisdictionBasisEnum, {
    nullable: true,
    description: '管辖依据（jurisdictionBasis）：立案时说明本机关为何有管辖权',
  })
  jurisdictionBasis?: JurisdictionBasis | null;
  @Field(() => String, { nullable: true, description: '管辖依据说明' }) jurisdictionExplanation?:
    string | null;
  @Field(() => ViolationFactsInput, {
    nullable: true,
    description: '违法行为发生时间（violation）；立案时补充或者更正',
  })
  violation?: ViolationFactsInput | null;
  @Field(() => String, { nullable: true, description: '不予立案的理由' }) reason?: string | null;
}
