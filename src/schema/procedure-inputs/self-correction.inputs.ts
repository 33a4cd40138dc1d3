import { Field, ID, InputType } from 'type-graphql';
import type { ComplaintFinding, ComplaintKind } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { ApprovalInput } from '../procedure.types.js';
import { ComplaintFindingEnum, ComplaintKindEnum } from '../procedure-enums.js';
import { LocalDateScalar, MoneyScalar } from '../scalars.js';
import { DiscretionInput, PenaltyInput } from './common.inputs.js';

/** Inputs of 申诉、检举 and the office's own correction of its decision (APL art. 75(2)). */

@InputType({
  description: '记录对本案行政处罚的申诉或者检举（《中华人民共和国行政处罚法》第七十五条第二款）',
})
export class RecordComplaintInput {
  @Field(() => ComplaintKindEnum, { description: '申诉（当事人）或者检举（kind）' })
  kind!: ComplaintKind;
  @Field(() => LocalDateScalar, { description: '收到日期（receivedOn）' }) receivedOn!: LocalDate;
  @Field({ description: '申诉人或者检举人（complainant）' }) complainant!: string;
  @Field(() => [String], { description: '申诉、检举的内容（content，分段）' }) content!: string[];
}

@InputType({ description: '负责人对申诉、检举的处理意见：确有错误的，应当主动改正' })
export class HandleComplaintInput {
  @Field(() => ID, { description: '处理的申诉、检举（案件 complaints 中的 id）' })
  complaintId!: string;
  @Field(() => LocalDateScalar, { description: '处理日期（handledOn）' }) handledOn!: LocalDate;
  @Field(() => ComplaintFindingEnum, { description: '处理意见（finding）' })
  finding!: ComplaintFinding;
  @Field(() => [String], { description: '审查情况和理由（reasons，分段）' }) reasons!: string[];
}

@InputType({ description: '撤销或者变更决定前的法制审核' })
export class CorrectionLegalReviewInput {
  @Field(() => ID, { description: '法制审核人员（reviewerId，不得是本案调查人员）' })
  reviewerId!: string;
  @Field(() => LocalDateScalar, { description: '审核日期（reviewedOn），不晚于决定日期' })
  reviewedOn!: LocalDate;
}

@InputType({ description: '撤销或者变更本机关行政处罚决定的共同内容' })
export class DecisionCorrectionInput {
  @Field(() => LocalDateScalar, { description: '撤销或者变更的决定日期（decidedOn）' })
  decidedOn!: LocalDate;
  @Field(() => ID, {
    nullable: true,
    description:
      '据以改正的申诉、检举（complaintId，须经负责人认定确有错误）；不填为本机关自行发现错误',
  })
  complaintId?: string | null;
  @Field(() => [String], { description: '原决定的错误和改正的理由（reasons，分段）' })
  reasons!: string[];
  @Field(() => CorrectionLegalReviewInput, {
    nullable: true,
    description: '法制审核（legalReview）',
  })
  legalReview?: CorrectionLegalReviewInput | null;
  @Field(() => ApprovalInput, {
    nullable: true,
    description: '本机关主要负责人的书面批准（approval）',
  })
  approval?: ApprovalInput | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '负责人集体讨论日期（collectiveDiscussedOn）：原决定经集体讨论作出的，须填',
  })
  collectiveDiscussedOn?: LocalDate | null;
}

@InputType({
  description:
    '撤销本机关的行政处罚决定（《中华人民共和国行政处罚法》第七十五条第二款）：制作撤销行政处罚决定书，已缴款项予以退还，催告、强制执行申请撤回，公示撤下',
})
export class RevokeDecisionInput extends DecisionCorrectionInput {}

@InputType({ description: '加重处罚时重新履行的告知程序' })
export class RenewedNoticeInput {
  @Field(() => LocalDateScalar, { description: '新的行政处罚事先告知书送达日期（servedOn）' })
  servedOn!: LocalDate;
  @Field({
    description:
      '当事人的陈述、申辩（依法要求的听证）已经听取，或者当事人明确放弃（rightsConcluded）',
  })
  rightsConcluded!: boolean;
}

@InputType({
  description:
    '变更本机关的行政处罚决定（《中华人民共和国行政处罚法》第七十五条第二款）：制作变更行政处罚决定书；多缴的款项予以退还，公示更新；加重处罚的须重新告知并听取陈述、申辩',
})
export class ChangeDecisionInput extends DecisionCorrectionInput {
  @Field(() => [PenaltyInput], {
    description:
      '变更后的行政处罚（penalties）：与作出处理决定一样，按所引处罚条款的种类、幅度、档次和裁量审查',
  })
  penalties!: PenaltyInput[];
  @Field(() => MoneyScalar, { nullable: true, description: '经认定的违法所得（元；没有的填 0）' })
  illegalGainsYuan?: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: '上一年度营业额（元）' })
  priorYearTurnoverYuan?: number | null;
  @Field(() => DiscretionInput, {
    nullable: true,
    description: '变更后的裁量（discretion）：档次、情节和说明；不填沿用原决定记载的裁量',
  })
  discretion?: DiscretionInput | null;
  @Field(() => [String], {
    nullable: true,
    description:
      '同一违法行为同时违反的其他处罚条款（concurrentProvisionIds）：依《中华人民共和国行政处罚法》第二十九条按照罚款数额高的规定处罚',
  })
  concurrentProvisionIds?: string[] | null;
  @Field(() => RenewedNoticeInput, {
    nullable: true,
    description: '加重处罚的：重新告知（renewedNotice）',
  })
  renewedNotice?: RenewedNoticeInput | null;
}

@InputType({
  description:
    '记录退还款项（退还）：本机关撤销或者变更行政处罚决定后，将应予退还的款项退付当事人（《中华人民共和国行政处罚法》第七十五条第二款）',
})
export class RecordRefundInput {
  @Field(() => ID, { description: '应予退还的撤销或者变更（Case.decisionCorrections 中的 id）' })
  correctionId!: string;
  @Field(() => LocalDateScalar, { description: '退还日期（refundedOn），不早于撤销或者变更决定' })
  refundedOn!: LocalDate;
  @Field(() => MoneyScalar, { description: '退还金额（元，不超过尚未退还的数额）' })
  amountYuan!: number;
  @Field({ description: '退付凭证号（receiptNumber）' }) receiptNumber!: string;
}
