import { Field, ID, InputType } from 'type-graphql';
import type { DecisionOutcome, NoPenaltyGround } from '../../procedure/action-inputs.js';
import type { LegalReviewResult } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { DecisionContentInput } from '../document-content.inputs.js';
import {
  DecisionOutcomeEnum,
  LegalReviewResultEnum,
  NoPenaltyGroundEnum,
} from '../procedure-enums.js';
import { LocalDateScalar, MoneyScalar } from '../scalars.js';
import { ApprovalInput } from '../procedure.types.js';
import { JudicialTransferInput } from './case-handling.inputs.js';
import { DiscretionInput, PenaltyInput, SummaryPenaltyInput } from './common.inputs.js';

/** Inputs of the legal review, the collective discussion, the decision and the summary procedure. */

@InputType({ description: '提交法制审核' })
export class SubmitLegalReviewInput {
  @Field(() => LocalDateScalar, { description: '提交法制审核的日期（submittedOn）' })
  submittedOn!: LocalDate;
}

@InputType({ description: '法制审核意见（法制审核人员）' })
export class CompleteLegalReviewInput {
  @Field(() => LocalDateScalar, { description: '出具审核意见的日期（completedOn）' })
  completedOn!: LocalDate;
  @Field(() => LegalReviewResultEnum, { description: '审核结论（result）' })
  result!: LegalReviewResult;
  @Field({ description: '审核意见' }) opinion!: string;
}

@InputType({ description: '负责人集体讨论' })
export class RecordCollectiveDiscussionInput {
  @Field(() => LocalDateScalar, { description: '集体讨论的日期（heldOn）' }) heldOn!: LocalDate;
  @Field(() => [ID], { description: '参加讨论的人员（负责人按其在本机关的职务计入）' })
  participantIds!: string[];
  @Field({ description: '讨论结论' }) conclusion!: string;
}

@InputType({ description: '调查终结后的处理决定（负责人）' })
export class DecideCaseInput {
  @Field(() => DecisionOutcomeEnum, {
    description: '处理决定的种类（outcome）：给予处罚、不予处罚、违法事实不能成立、移送司法机关等',
  })
  outcome!: DecisionOutcome;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '决定日期 decidedOn（负责人作出决定之日，默认今日北京时间）：决定书载明该日期，送达期限自该日起算',
  })
  decidedOn?: LocalDate | null;
  @Field(() => [PenaltyInput], {
    nullable: true,
    description: '给予行政处罚时：处罚及其处罚依据（不得重于告知的处罚）',
  })
  penalties?: PenaltyInput[] | null;
  @Field(() => NoPenaltyGroundEnum, { nullable: true, description: '不予行政处罚的情形' })
  ground?: NoPenaltyGround | null;
  @Field(() => Boolean, { nullable: true, description: '不予处罚时已对当事人进行教育' })
  educationGiven?: boolean | null;
  @Field(() => String, { nullable: true, description: '移送的司法机关' }) recipient?: string | null;
  @Field(() => JudicialTransferInput, {
    nullable: true,
    description:
      '移送司法机关（outcome = TRANSFER_TO_JUDICIAL_ORGAN）时必填，与 transferCase 相同：书面报告、正职负责人批准、移送日期和抄送的人民检察院（国务院《行政执法机关移送涉嫌犯罪案件的规定》，U）',
  })
  judicial?: JudicialTransferInput | null;
  @Field({ description: '决定理由与依据概述' }) reasons!: string;
  @Field(() => DecisionContentInput, {
    nullable: true,
    description:
      '决定书的内容（给予处罚、不予处罚、违法事实不能成立时必填：据此在同一事务内生成决定书）',
  })
  content?: DecisionContentInput | null;
  @Field(() => MoneyScalar, { nullable: true, description: '经认定的违法所得（元；没有的填 0）' })
  illegalGainsYuan?: number | null;
  @Field(() => MoneyScalar, { nullable: true, description: '上一年度营业额（元）' })
  priorYearTurnoverYuan?: number | null;
  @Field(() => DiscretionInput, {
    nullable: true,
    description: '裁量（discretion）：档次、情节和说明；不填为一般处罚',
  })
  discretion?: DiscretionInput | null;
  @Field(() => [String], {
    nullable: true,
    description:
      '同一违法行为同时违反的其他处罚条款（concurrentProvisionIds，处罚条款目录 id）：依《中华人民共和国行政处罚法》第二十九条按照罚款数额高的规定处罚',
  })
  concurrentProvisionIds?: string[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      '给予处罚时是否公开 publish（《中华人民共和国行政处罚法》第四十八条第一款：具有一定社会影响的行政处罚决定应当依法公开）：true 为机关认定具有一定社会影响而公开，false 为认定不具有而不公开；不填时按规则参数 publicationPresumedPenaltyKinds 推定（仅警告、通报批评的不公开）。认定记录在 Decision.publicationChoice。决定被变更、撤销或者确认违法的，在 publicationWithdrawalPeriod 内撤回',
  })
  publish?: boolean | null;
  @Field(() => String, {
    nullable: true,
    description:
      '逾期作出决定的理由（lateDecisionReason）：决定日期晚于办案期限（《中华人民共和国行政处罚法》第六十条，含依法延长的期限）届满之日的，给予处罚须说明理由并经负责人批准（CASE_TIME_LIMIT_EXCEEDED）；决定记为逾期（Decision.decidedAfterTimeLimit）',
  })
  lateDecisionReason?: string | null;
  @Field(() => ApprovalInput, {
    nullable: true,
    description:
      '负责人批准逾期作出决定（lateDecisionApproval）：审批人须为本机关负责人，审批日期不晚于决定日期',
  })
  lateDecisionApproval?: ApprovalInput | null;
}

@InputType({ description: '当场作出行政处罚决定（简易程序）' })
export class ImposeSummaryPenaltyInput {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '当场作出决定的日期 imposedOn（默认今日北京时间）：缴纳罚款、申请复议的期限自该日起算',
  })
  imposedOn?: LocalDate | null;
  @Field(() => ID, { nullable: true, description: '受处罚的当事人（案件只有一名当事人时可省略）' })
  partyId?: string | null;
  @Field(() => [SummaryPenaltyInput], { description: '当场作出的处罚（penalties）' })
  penalties!: SummaryPenaltyInput[];
  @Field(() => [ID], { description: '执法人员（不少于两名，持有效执法证件）' })
  officerIds!: string[];
  @Field({ description: '已向当事人出示执法证件（certificatesShown）' })
  certificatesShown!: boolean;
  @Field({ description: '违法事实确凿并有法定依据' }) factsConclusive!: boolean;
  @Field({ description: '已告知当事人作出处罚的事实、理由和依据，并听取了陈述、申辩' })
  partyInformedAndHeard!: boolean;
  @Field(() => DiscretionInput, {
    nullable: true,
    description:
      '裁量（discretion）：档次、情节和说明，与作出处罚决定相同（《中华人民共和国行政处罚法》第三十四条）；记录在决定上并写入当场行政处罚决定书；不填为一般处罚',
  })
  discretion?: DiscretionInput | null;
  @Field({ description: '决定理由与依据概述' }) reasons!: string;
  @Field(() => DecisionContentInput, {
    nullable: true,
    description:
      '决定书的内容（给予处罚、不予处罚、违法事实不能成立时必填：据此在同一事务内生成决定书）',
  })
  content?: DecisionContentInput | null;
}
