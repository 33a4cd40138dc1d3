import { Field, ID, InputType, Int } from 'type-graphql';
import type {
  JudicialReturnGround,
  RecusalGround,
  TransferKind,
} from '../../procedure/action-inputs.js';
import type { TimeLimitKind } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { ApprovalInput } from '../procedure.types.js';
import {
  JudicialReturnGroundEnum,
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
  @Field(() => JudicialTransferInput, {
    nullable: true,
    description:
      '移送司法机关（kind = TO_JUDICIAL_ORGAN）时必填：书面报告、正职负责人批准、移送日期和抄送的人民检察院（国务院《行政执法机关移送涉嫌犯罪案件的规定》，U）',
  })
  judicial?: JudicialTransferInput | null;
}

@InputType({ description: '移送涉嫌犯罪案件的审批、移送与抄送' })
export class JudicialTransferInput {
  @Field(() => LocalDateScalar, {
    description: '移送涉嫌犯罪案件书面报告提交负责人的日期（reportedOn）',
  })
  reportedOn!: LocalDate;
  @Field(() => ApprovalInput, {
    description:
      '本机关正职负责人或者主持工作的负责人的批准（approval）；批准期限为规则参数 judicialTransferDecisionPeriod（U）',
  })
  approval!: ApprovalInput;
  @Field(() => LocalDateScalar, {
    description: '移送日期（transferredOn）；批准后规则参数 judicialTransferPeriod 内移送（U）',
  })
  transferredOn!: LocalDate;
  @Field({ description: '抄送的同级人民检察院（procuratorate）' }) procuratorate!: string;
}

@InputType({
  description:
    '司法机关退回的案件重新办理（《中华人民共和国行政处罚法》第二十七条第一款：依法不需要追究刑事责任或者免予刑事处罚，但应当给予行政处罚的）',
})
export class ResumeReturnedCaseInput {
  @Field(() => JudicialReturnGroundEnum, { description: '退回的情形（ground）' })
  ground!: JudicialReturnGround;
  @Field(() => LocalDateScalar, {
    description: '收到退回案件之日（receivedOn）：办案期限 caseTimeLimit 自该日重新起算',
  })
  receivedOn!: LocalDate;
  @Field({
    description: '司法机关的文书（judicialDocument）：名称、文号、作出机关，如不予立案通知书',
  })
  judicialDocument!: string;
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
