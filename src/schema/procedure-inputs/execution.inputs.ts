import { Field, ID, InputType } from 'type-graphql';
import type {
  ClosureGround,
  CourtRulingResult,
  PaymentArrangementKind,
  PaymentChannel,
  RemedyOutcome,
} from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import {
  ClosureGroundEnum,
  CourtRulingResultEnum,
  InvestigationPartyStatusEnum,
  PaymentArrangementKindEnum,
  PaymentChannelEnum,
  RemedyOutcomeEnum,
  RemedyStageEnum,
  type RemedyStage,
} from '../procedure-enums.js';
import { ApprovalInput } from '../procedure.types.js';
import { LocalDateScalar, MoneyScalar } from '../scalars.js';
import { PenaltyInput } from './common.inputs.js';

/** Inputs after the decision: payment, deferral, remedies, enforcement and closure. */

@InputType({ description: '记录缴纳罚款' })
export class RecordPaymentInput {
  @Field(() => LocalDateScalar, { description: '缴纳日期' }) paidOn!: LocalDate;
  @Field(() => MoneyScalar, { description: '缴纳金额（元，最多两位小数）' }) amountYuan!: number;
  @Field(() => PaymentChannelEnum, { description: '缴纳渠道（channel）' }) channel!: PaymentChannel;
  @Field({ description: '银行或者电子支付的缴款凭证号' }) receiptNumber!: string;
  @Field(() => ID, {
    nullable: true,
    description: '缴纳罚款的当事人（案件只有一名当事人时可省略）',
  })
  partyId?: string | null;
}

@InputType({ description: '当事人申请延期或者分期缴纳罚款' })
export class ApplyForDeferralInput {
  @Field(() => PaymentArrangementKindEnum, { description: '申请种类（kind）：延期或者分期缴纳' })
  kind!: PaymentArrangementKind;
  @Field(() => LocalDateScalar, { description: '申请日期（appliedOn）' }) appliedOn!: LocalDate;
  @Field({ description: '当事人陈述的经济困难' }) reason!: string;
}

@InputType({ description: '延期或者分期缴纳的一期' })
export class InstalmentInput {
  @Field(() => LocalDateScalar, { description: '该期的缴纳期限' }) dueOn!: LocalDate;
  @Field(() => MoneyScalar, { description: '该期金额（元）' }) amountYuan!: number;
}

@InputType({ description: '延期或者分期缴纳罚款的审批（负责人）' })
export class DecidePaymentArrangementInput {
  @Field(() => ID, { description: '申请（case.paymentArrangements 中的 id）' })
  arrangementId!: string;
  @Field({ description: '是否批准（approved）：true 批准，false 不予批准' }) approved!: boolean;
  @Field(() => LocalDateScalar, { description: '审批日期（decidedOn）' }) decidedOn!: LocalDate;
  @Field(() => ApprovalInput, { nullable: true, description: '负责人审批（approval）' })
  approval?: ApprovalInput | null;
  @Field(() => [InstalmentInput], {
    nullable: true,
    description: '批准时：新的缴纳期限（延期一期，分期至少两期，合计为未缴罚款）',
  })
  schedule?: InstalmentInput[] | null;
  @Field(() => String, {
    nullable: true,
    description: '不予批准时：理由（rejectionReason，载入延期（分期）缴纳罚款决定书）',
  })
  rejectionReason?: string | null;
}

@InputType({ description: '行政复议或者行政诉讼：申请（起诉）或者结果' })
export abstract class RecordRemedyInput {
  @Field(() => RemedyStageEnum, {
    description: '记录的阶段（stage）：FILED 申请（起诉），DECIDED 结果',
  })
  stage!: RemedyStage;
  @Field(() => LocalDateScalar, { nullable: true, description: 'FILED：申请复议或者起诉的日期' })
  filedOn?: LocalDate | null;
  @Field(() => String, { nullable: true, description: 'FILED：复议机关或者人民法院' })
  organ?: string | null;
  @Field(() => ID, {
    nullable: true,
    description: 'DECIDED：复议或者诉讼（case.remedies 中的 id）',
  })
  remedyId?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'DECIDED：复议决定书或者生效裁判送达（生效）的日期',
  })
  decidedOn?: LocalDate | null;
  @Field(() => RemedyOutcomeEnum, {
    nullable: true,
    description: 'DECIDED：复议决定或者生效裁判的结果（outcome）',
  })
  outcome?: RemedyOutcome | null;
  @Field(() => [PenaltyInput], { nullable: true, description: 'CHANGED：变更后的处罚' })
  changedPenalties?: PenaltyInput[] | null;
}

@InputType({ description: '行政复议：申请或者复议决定' })
export class RecordReconsiderationInput extends RecordRemedyInput {}

@InputType({ description: '行政诉讼：起诉或者生效裁判' })
export class RecordLitigationInput extends RecordRemedyInput {}

@InputType({ description: '催告当事人履行（催告书）' })
export class IssueEnforcementDemandInput {
  @Field(() => LocalDateScalar, { description: '催告书的制作日期' }) issuedOn!: LocalDate;
  @Field(() => LocalDateScalar, { description: '催告书载明的履行期限' }) performBy!: LocalDate;
  @Field(() => ID, {
    nullable: true,
    description: '催告的当事人（多名当事人分别处罚的，各自催告；案件只有一名当事人时可省略）',
  })
  partyId?: string | null;
}

@InputType({ description: '申请人民法院强制执行（负责人）' })
export class ApplyForCourtEnforcementInput {
  @Field(() => LocalDateScalar, { description: '申请日期（appliedOn）' }) appliedOn!: LocalDate;
  @Field(() => String, { nullable: true, description: '受理的人民法院（默认本机关所在地法院）' })
  court?: string | null;
}

@InputType({ description: '人民法院的执行裁定或者执行结果' })
export class RecordCourtRulingInput {
  @Field(() => LocalDateScalar, { description: '裁定或者执行结果的日期（ruledOn）' })
  ruledOn!: LocalDate;
  @Field(() => CourtRulingResultEnum, {
    description:
      '结果（result）；已对不予执行的裁定申请复议的，此后记录的裁定为上一级人民法院的复议结果（ENFORCEMENT_REFUSED 为维持不予执行）',
  })
  result!: CourtRulingResult;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '收到裁定之日（receivedOn，默认裁定日期）：不予执行的，申请复议的期限 courtRulingReviewPeriod 自此起算（《中华人民共和国行政强制法》第五十八条第三款）',
  })
  receivedOn?: LocalDate | null;
}

@InputType({
  description:
    '对人民法院不予执行的裁定申请复议（《中华人民共和国行政强制法》第五十八条第三款：自收到裁定之日起规则参数 courtRulingReviewPeriod 内向上一级人民法院申请）',
})
export class ApplyForRulingReviewInput {
  @Field(() => LocalDateScalar, { description: '申请复议的日期（appliedOn）' })
  appliedOn!: LocalDate;
  @Field({ description: '受理复议的上一级人民法院（court）' }) court!: string;
}

@InputType({ description: '终止调查的事实与证明（当事人死亡或者终止，无权利义务承受人）' })
export class InvestigationTerminationInput {
  @Field(() => InvestigationPartyStatusEnum, {
    description: '当事人的情况（partyStatus）：DECEASED 死亡，DISSOLVED 终止（注销、解散、被撤销）',
  })
  partyStatus!: 'DECEASED' | 'DISSOLVED';
  @Field(() => LocalDateScalar, { description: '死亡或者终止之日（occurredOn）' })
  occurredOn!: LocalDate;
  @Field({ description: '无权利义务承受人（noSuccessor）' }) noSuccessor!: boolean;
  @Field({ description: '证明材料（proof）：死亡证明、注销登记等' }) proof!: string;
}

@InputType({ description: '结案（结案审批表，负责人批准）' })
export class CloseCaseInput {
  @Field(() => ClosureGroundEnum, { description: '结案情形（ground）' }) ground!: ClosureGround;
  @Field(() => LocalDateScalar, { description: '结案日期（closedOn）' }) closedOn!: LocalDate;
  @Field(() => ApprovalInput, { nullable: true, description: '负责人在结案审批表上的批准' })
  approval?: ApprovalInput | null;
  @Field(() => InvestigationTerminationInput, {
    nullable: true,
    description:
      '终止调查（ground = INVESTIGATION_TERMINATED）时必填：当事人死亡或者终止的事实与证明',
  })
  termination?: InvestigationTerminationInput | null;
}
