import { Field, ID, InputType, Int } from 'type-graphql';
import type { RecusalGround, TransferKind } from '../../procedure/action-inputs.js';
import type { TimeLimitKind } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import {
  RecusalApplicantEnum,
  RecusalGroundEnum,
  TimeLimitKindEnum,
  TransferKindEnum,
  type RecusalApplicant,
} from '../procedure-enums.js';
import { LocalDateScalar } from '../scalars.js';

/** Inputs of the steps that manage the case itself: cancel, transfer, recusal, time limits, suspension. */

@InputType({ description: '撤销立案' })
export class CancelDocketingInput {
  @Field({ description: '撤销立案的理由' }) reason!: string;
}

@InputType({ description: '移送案件或者报请指定管辖' })
export class TransferCaseInput {
  @Field(() => TransferKindEnum, {
    description: '移送种类（kind）：移送有管辖权的机关、移送司法机关或者报请指定管辖',
  })
  kind!: TransferKind;
  @Field({ description: '接收移送的机关、司法机关，或者共同的上一级网信部门' }) recipient!: string;
  @Field({ description: '移送或者报请的理由' }) reason!: string;
}

@InputType({ description: '回避申请（当事人申请或者执法人员自行回避）' })
export class ApplyForRecusalInput {
  @Field(() => ID, {
    description: '被申请回避的人员：执法人员、听证主持人、法制审核人员或者负责人',
  })
  targetOfficerId!: string;
  @Field(() => RecusalApplicantEnum, {
    description: '申请人（applicant）：当事人申请或者执法人员自行回避',
  })
  applicant!: RecusalApplicant;
  @Field(() => RecusalGroundEnum, { description: '回避事由（ground）' }) ground!: RecusalGround;
  @Field(() => LocalDateScalar, { description: '提出申请的日期' }) appliedOn!: LocalDate;
  @Field(() => ID, {
    nullable: true,
    description:
      '复议（reconsiderationOf）：当事人对驳回回避申请的决定不服，就该申请（案件 recusals 中的 id）申请复议一次',
  })
  reconsiderationOf?: string | null;
}

@InputType({ description: '回避决定（负责人）' })
export class DecideRecusalInput {
  @Field(() => ID, { description: '回避申请（案件 recusals 中的 id）' }) recusalId!: string;
  @Field({ description: 'true 决定回避；false 驳回申请' }) granted!: boolean;
  @Field({
    defaultValue: false,
    description: '经负责人集体讨论决定（byCollectiveDiscussion）：负责人的回避须集体讨论决定',
  })
  byCollectiveDiscussion!: boolean;
  @Field(() => [ID], { nullable: true, description: '回避后承办人不足两名时，新指定的承办人' })
  replacementHandlerIds?: string[] | null;
}

@InputType({ description: '延长立案期限或者办案期限' })
export class ExtendTimeLimitInput {
  @Field(() => TimeLimitKindEnum, { description: '延长的期限（limit）：立案期限或者办案期限' })
  limit!: TimeLimitKind;
  @Field(() => LocalDateScalar, { description: '批准延长的日期' }) approvedOn!: LocalDate;
  @Field(() => Int, { nullable: true, description: '办案期限延长的自然日数（立案期限不填）' })
  extensionDays?: number | null;
  @Field({ description: '延长的理由' }) reason!: string;
  @Field({ description: '经负责人集体讨论决定（再次延长办案期限时须集体讨论）' })
  byCollectiveDiscussion!: boolean;
}

@InputType({ description: '中止案件调查' })
export class SuspendCaseInput {
  @Field(() => LocalDateScalar, { description: '中止日期（suspendedOn）：期限自此暂停计算' })
  suspendedOn!: LocalDate;
  @Field({ description: '中止的理由' }) reason!: string;
}

@InputType({ description: '恢复案件调查' })
export class ResumeCaseInput {
  @Field(() => LocalDateScalar, { description: '恢复日期（resumedOn）：期限自此继续计算' })
  resumedOn!: LocalDate;
}
