import { Field, ID, InputType, Int } from 'type-graphql';
import type { FineBasis, PenaltyTarget } from '../../procedure/provisions/index.js';
import type { PenaltyKind } from '../../procedure/penalty-kind.js';
import { PenaltyKindEnum } from '../enums.js';
import type { DiscretionGround, DiscretionTier } from '../../procedure/discretion.js';
import {
  DiscretionGroundEnum,
  DiscretionTierEnum,
  FineBasisEnum,
  PenaltyTargetEnum,
} from '../procedure-enums.js';
import { MoneyScalar } from '../scalars.js';

/** Input pieces several procedural steps share: case flags and penalty lines. */

@InputType({ description: '案件分类（触发法制审核与集体讨论）；未填写的保持不变' })
export class CaseFlagsInput {
  @Field(() => Boolean, { nullable: true, description: '涉及重大公共利益' }) majorPublicInterest?:
    boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '案件情况疑难复杂、涉及多个法律关系（情节复杂）',
  })
  complexCase?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '重大违法行为' }) majorViolation?:
    boolean | null;
  @Field(() => Boolean, { nullable: true, description: '法律、法规规定应当进行法制审核的其他情形' })
  legalReviewRequiredByOtherLaw?: boolean | null;
}

@InputType({ description: '拟作出或者决定的行政处罚（一项）及其处罚依据' })
export class PenaltyInput {
  @Field(() => PenaltyKindEnum, {
    description: '处罚种类（kind）：警告、通报批评、罚款、没收违法所得等',
  })
  kind!: PenaltyKind;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: '罚款金额或者没收的价值（元，最多两位小数）',
  })
  amountYuan?: number | null;
  @Field({ description: '处罚依据：处罚条款目录 id，如 PIPL-66-1-REFUSAL' }) provisionId!: string;
  @Field(() => ID, { nullable: true, description: '处罚的当事人（案件只有一名当事人时可省略）' })
  partyId?: string | null;
  @Field(() => PenaltyTargetEnum, { nullable: true, description: '处罚对象（默认当事人）' })
  target?: PenaltyTarget | null;
  @Field(() => FineBasisEnum, {
    nullable: true,
    description: '条款规定了可选的罚款上限时，所依据的计算方式',
  })
  fineBasis?: FineBasis | null;
  @Field(() => String, {
    nullable: true,
    description:
      '“拒不改正或者导致危害后果（情节严重）”档：不以拒不改正为据时，载明危害后果或者严重情节的事实（refusalTierOtherGround）；以拒不改正为据的，须有经复查认定未改正的责令改正通知书',
  })
  refusalTierOtherGround?: string | null;
}

@InputType({
  description:
    '裁量（discretion）：裁量档次、所依据的情节和裁量说明；不填为一般处罚。减轻（低于法定最低额或者不予应当并处的处罚）、从轻、从重须记录相应的情节',
})
export class DiscretionInput {
  @Field(() => DiscretionTierEnum, { description: '裁量档次（tier）：减轻、从轻、一般、从重' })
  tier!: DiscretionTier;
  @Field(() => [DiscretionGroundEnum], {
    nullable: true,
    description:
      '所依据的情节（grounds）：《中华人民共和国行政处罚法》第三十条至第三十二条、第四十九条或者裁量基准',
  })
  grounds?: DiscretionGround[] | null;
  @Field(() => String, {
    nullable: true,
    description: '裁量说明（statement）：具体情节与理由，写入告知书和决定书',
  })
  statement?: string | null;
}

@InputType({ description: '当场作出的行政处罚（警告或者小额罚款）' })
export class SummaryPenaltyInput {
  @Field(() => PenaltyKindEnum, {
    description:
      '处罚种类（kind）：警告，或者不超过规则参数 summaryFineLimitNaturalPerson / summaryFineLimitOrganization 的罚款',
  })
  kind!: PenaltyKind;
  @Field(() => MoneyScalar, { nullable: true, description: '罚款金额（元，最多两位小数）' })
  amountYuan?: number | null;
  @Field(() => String, { nullable: true, description: '处罚依据：处罚条款目录 id（如有）' })
  provisionId?: string | null;
}

@InputType({
  description:
    '音像记录（全程音像记录，《中华人民共和国行政处罚法》第四十七条）：记录文件的哈希值、大小、格式，记录人，记录时段和原始载体的保管',
})
export class AudioVisualRecordInput {
  @Field({ description: '记录文件的 SHA-256（64位十六进制）' }) sha256!: string;
  @Field(() => Int, { description: '记录文件字节数' }) sizeBytes!: number;
  @Field({ description: '媒体类型（mediaType，如 video/mp4、image/jpeg）' }) mediaType!: string;
  @Field(() => ID, { description: '记录人（recorderId，本部门执法人员）' }) recorderId!: string;
  @Field(() => Date, { description: '记录开始时间' }) recordedFrom!: Date;
  @Field(() => Date, { description: '记录结束时间' }) recordedTo!: Date;
  @Field({ description: '原始载体保管人（custodian）' }) custodian!: string;
  @Field({ description: '原始载体存放地点（custodyLocation）' }) custodyLocation!: string;
}
