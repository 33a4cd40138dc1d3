import { Field, ID, InputType, Int } from 'type-graphql';
import type { CorrectionFinding } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { LegalBasisInput } from '../document-content.inputs.js';
import { CorrectionFindingEnum } from '../procedure-enums.js';
import { LocalDateScalar } from '../scalars.js';

/** Inputs of 责令改正 (APL art. 28(1)): the order and its review (复查). */

@InputType({
  description:
    '责令改正（《中华人民共和国行政处罚法》第二十八条第一款）：制作责令改正通知书，限期改正的期限按日历计算并登记',
})
export class OrderCorrectionInput {
  @Field(() => ID, {
    nullable: true,
    description: '责令改正的当事人（partyId；案件只有一名当事人时可省略）',
  })
  partyId?: string | null;
  @Field(() => LocalDateScalar, { description: '责令改正的日期（orderedOn），通知书载明该日' })
  orderedOn!: LocalDate;
  @Field(() => Int, {
    nullable: true,
    description:
      '限期改正的日数（correctionPeriodDays，自责令改正之日起按日计算，末日为节假日的顺延）；不填为立即改正',
  })
  correctionPeriodDays?: number | null;
  @Field(() => [String], { description: '经查明的违法行为（facts，分段）' }) facts!: string[];
  @Field(() => [LegalBasisInput], { description: '当事人违反的规定（violatedProvisions）' })
  violatedProvisions!: LegalBasisInput[];
  @Field(() => [LegalBasisInput], {
    description:
      '责令改正所依据的罚则条款（basis，如《中华人民共和国个人信息保护法》第六十六条第一款）',
  })
  basis!: LegalBasisInput[];
  @Field(() => [String], { description: '改正内容和要求（requirements，分项）' })
  requirements!: string[];
  @Field({ defaultValue: true, description: '须书面报告改正情况（reportRequired）' })
  reportRequired!: boolean;
  @Field({
    defaultValue: '依法给予行政处罚',
    description: '逾期不改正（拒不改正）的后果（consequence），接在“本机关将依据…的规定”之后',
  })
  consequence!: string;
}

@InputType({ description: '复查改正情况（复查意见书）' })
export class RecordCorrectionReviewInput {
  @Field(() => ID, { description: '复查的责令改正（案件 correctionOrders 中的 id）' })
  correctionOrderId!: string;
  @Field(() => LocalDateScalar, { description: '复查日期（reviewedOn）' }) reviewedOn!: LocalDate;
  @Field(() => CorrectionFindingEnum, {
    description: '复查认定（finding）：未改正、部分改正须在改正期限届满后认定',
  })
  finding!: CorrectionFinding;
  @Field(() => [String], { description: '复查查明的情况（description，分段）' })
  description!: string[];
}
