import { Field, ID, InputType, Int } from 'type-graphql';
import type { NonPublicGround } from '../../procedure/action-inputs.js';
import type { HearingOutcome, WaivableRight } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { HearingArrangementInput, NoticeContentInput } from '../document-content.inputs.js';
import {
  HearingOutcomeEnum,
  NonPublicGroundEnum,
  StatementChannelEnum,
  WaivableRightEnum,
  type StatementChannel,
} from '../procedure-enums.js';
import { ApprovalInput } from '../procedure.types.js';
import { LocalDateScalar, MoneyScalar } from '../scalars.js';
import { CaseFlagsInput, DiscretionInput, PenaltyInput } from './common.inputs.js';

/** Inputs of the pre-penalty notice, statements and defence, waivers and the hearing. */

@InputType({ description: '行政处罚事先告知（负责人审查调查结果后）' })
export class IssuePrePenaltyNoticeInput {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '当场送达的日期（陈述、申辩和听证申请期限自次日起算）；不填则只制作告知书，由 serveDocument 送达后起算',
  })
  servedOn?: LocalDate | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '告知书的制作（签发）日期；未当场送达时默认为当日',
  })
  issuedOn?: LocalDate | null;
  @Field(() => [PenaltyInput], { description: '拟作出的行政处罚及其处罚依据' })
  proposedPenalties!: PenaltyInput[];
  @Field(() => NoticeContentInput, { description: '告知书的内容：违法事实、理由、违反的规定' })
  content!: NoticeContentInput;
  @Field(() => ApprovalInput, { nullable: true, description: '负责人对调查结果的审查批准' })
  approval?: ApprovalInput | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '法律、法规、规章另行规定当事人可以要求听证',
  })
  hearingByOtherRule?: boolean | null;
  @Field(() => CaseFlagsInput, { nullable: true, description: '经审查修正的案件分类' })
  flags?: CaseFlagsInput | null;
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
}

@InputType({ description: '当事人的陈述、申辩' })
export class RecordStatementInput {
  @Field(() => LocalDateScalar, { description: '收到陈述、申辩的日期（receivedOn）' })
  receivedOn!: LocalDate;
  @Field(() => StatementChannelEnum, { description: '提出方式（channel）：书面或者口头' })
  channel!: StatementChannel;
  @Field(() => ID, {
    nullable: true,
    description: '提出陈述、申辩的当事人（案件只有一名当事人时可省略）',
  })
  partyId?: string | null;
  @Field(() => String, { nullable: true, description: '陈述、申辩要点' }) summary?: string | null;
  @Field(() => StatementRecordInput, {
    nullable: true,
    description: '口头陈述、申辩的笔录内容（record）；提供时生成陈述申辩笔录',
  })
  record?: StatementRecordInput | null;
}

@InputType({ description: '陈述申辩笔录的内容（口头陈述、申辩时制作）' })
export class StatementRecordInput {
  @Field({ description: '开始时间（startTime，HH:mm）' }) startTime!: string;
  @Field({ description: '结束时间（endTime，HH:mm）' }) endTime!: string;
  @Field({ description: '地点（place）' }) place!: string;
  @Field({ description: '陈述申辩人姓名（statedBy）' }) statedBy!: string;
  @Field({ description: '陈述申辩人身份（statedByRole），如 当事人的法定代表人、委托代理人' })
  statedByRole!: string;
  @Field({ description: '记录人姓名（recorder）' }) recorder!: string;
  @Field(() => [String], { description: '陈述、申辩的内容，逐段（content）' }) content!: string[];
}

@InputType({ description: '对陈述、申辩的复核' })
export class ReviewStatementInput {
  @Field(() => ID, { description: '陈述、申辩（案件 statements 中的 id）' }) statementId!: string;
  @Field(() => LocalDateScalar, { description: '复核日期（reviewedOn）' }) reviewedOn!: LocalDate;
  @Field({ description: '事实、理由或者证据成立，予以采纳' }) adopted!: boolean;
  @Field(() => String, { nullable: true, description: '复核意见' }) opinion?: string | null;
}

@InputType({ description: '当事人明确放弃权利（书面签字）' })
export class WaiveRightsInput {
  @Field(() => [WaivableRightEnum], { description: '放弃的权利（rights）：陈述、申辩或者听证' })
  rights!: WaivableRight[];
  @Field(() => LocalDateScalar, { description: '当事人签字放弃的日期（waivedOn）' })
  waivedOn!: LocalDate;
  @Field({ description: '当事人已签署书面放弃声明' }) signedByParty!: boolean;
  @Field(() => ID, {
    nullable: true,
    description: '放弃权利的当事人（案件只有一名当事人时可省略）',
  })
  partyId?: string | null;
}

@InputType({ description: '当事人要求听证' })
export class RequestHearingInput {
  @Field(() => LocalDateScalar, {
    description: '提出听证要求的日期（告知后 hearingRequestPeriod 内）',
  })
  requestedOn!: LocalDate;
  @Field(() => ID, {
    nullable: true,
    description: '要求听证的当事人（案件只有一名当事人时可省略）',
  })
  partyId?: string | null;
}

@InputType({ description: '指定听证主持人并送达听证通知书' })
export class ScheduleHearingInput {
  @Field(() => LocalDateScalar, { description: '举行听证的日期' }) hearingOn!: LocalDate;
  @Field(() => LocalDateScalar, { description: '听证通知送达日期（听证前 hearingNoticeLeadTime）' })
  noticeServedOn!: LocalDate;
  @Field(() => ID, { description: '听证主持人（非本案调查人员）' }) presidingOfficerId!: string;
  @Field({ description: '公开举行' }) isPublic!: boolean;
  @Field(() => NonPublicGroundEnum, { nullable: true, description: '不公开举行的理由' })
  nonPublicGround?: NonPublicGround | null;
  @Field(() => HearingArrangementInput, { description: '听证通知书载明的时间、地点和人员' })
  arrangement!: HearingArrangementInput;
}

@InputType({ description: '举行听证（听证笔录）' })
export class RecordHearingInput {
  @Field(() => LocalDateScalar, { description: '举行听证的日期（heldOn）' }) heldOn!: LocalDate;
  @Field(() => HearingOutcomeEnum, {
    description: '听证结果（outcome）：已举行，或者因当事人拒不出席、中途退出而终止',
  })
  outcome!: HearingOutcome;
  @Field(() => Int, { description: '当事人委托的代理人人数（至多两人）' }) agentCount!: number;
  @Field({ description: '听证笔录经当事人或者其代理人核对后签字或者盖章' })
  recordSignedByParty!: boolean;
  @Field({ description: '当事人拒绝签字或者盖章，听证主持人已在笔录中注明' })
  refusalNotedByPresider!: boolean;
}
