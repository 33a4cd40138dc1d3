import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { AudioVisualRecordedAct } from '../procedure/audio-visual-record.js';
import type { CompulsoryMeasureBasis } from '../procedure/compulsory-measure-basis.js';
import type {
  ComplaintFinding,
  ComplaintKind,
  CompulsoryMeasureKind,
  CorrectionFinding,
  DecisionCorrectionKind,
  CourtRulingResult,
  PaymentArrangementKind,
  PaymentChannel,
  RecusalDecision,
  RemedyKind,
  RemedyOutcome,
} from '../procedure/case-snapshot.js';
import type { LocalDate } from '../procedure/local-date.js';
import {
  AudioVisualRecordedActEnum,
  CompulsoryMeasureBasisEnum,
  CompulsoryMeasureKindEnum,
  ComplaintFindingEnum,
  ComplaintKindEnum,
  CorrectionFindingEnum,
  DecisionCorrectionKindEnum,
  CourtRulingResultEnum,
  PaymentArrangementKindEnum,
  PaymentChannelEnum,
  RemedyOutcomeEnum,
  TestingKindEnum,
} from './procedure-enums.js';
import type { TestingKind } from '../procedure/action-inputs.js';
import { LocalDateScalar, MoneyScalar } from './scalars.js';
import { graphqlEnum } from './enums.js';

const REMEDY_KINDS = ['RECONSIDERATION', 'LITIGATION'] as const satisfies readonly RemedyKind[];
export const RemedyKindEnum = graphqlEnum<RemedyKind>(
  REMEDY_KINDS,
  'RemedyKind',
  '救济途径（RemedyKind）',
  {
    RECONSIDERATION: '行政复议（RECONSIDERATION）',
    LITIGATION: '行政诉讼（LITIGATION）',
  },
);

/**
 * Read models of the procedure record a later step refers to by id (recusals, statements,
 * preservations, seizures) and of the execution (amount due, payments, arrangements, remedies,
 * enforcement).
 */

@ObjectType({ description: '回避申请' })
export class RecusalRecordType {
  @Field(() => ID, { description: '回避申请标识（id），决定回避时引用' }) id!: string;
  @Field(() => ID, { description: '被申请回避的人员' }) targetOfficerId!: string;
  @Field(() => LocalDateScalar, { description: '申请日期（appliedOn）' }) appliedOn!: LocalDate;
  @Field(() => String, {
    nullable: true,
    description: 'GRANTED 决定回避 / REJECTED 驳回；未决定为空',
  })
  decision!: RecusalDecision | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '决定日期（decidedOn）；未决定为空',
  })
  decidedOn!: LocalDate | null;
  @Field({ description: '被申请人是负责人（由负责人集体讨论决定）' }) targetIsHead!: boolean;
  @Field(() => ID, {
    nullable: true,
    description: '复议的回避申请（reconsiderationOf）；不是复议为空',
  })
  reconsiderationOf!: string | null;
}

@ObjectType({ description: '陈述、申辩' })
export class StatementRecordType {
  @Field(() => ID, { description: '陈述、申辩记录标识（id），复核时引用' }) id!: string;
  @Field(() => LocalDateScalar, { description: '收到陈述、申辩的日期（receivedOn）' })
  receivedOn!: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: '复核日期；未复核为空' })
  reviewedOn!: LocalDate | null;
}

@ObjectType({ description: '先行登记保存' })
export class PreservationRecordType {
  @Field(() => ID, { description: '先行登记保存记录标识（id），作出处理决定时引用' }) id!: string;
  @Field(() => LocalDateScalar, { description: '先行登记保存的日期（startedOn）' })
  startedOn!: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: '作出处理决定的日期' })
  handledOn!: LocalDate | null;
}

@ObjectType({ description: '复查（改正情况）' })
export class CorrectionReviewRecordType {
  @Field(() => ID, { description: '复查记录标识（id）' }) id!: string;
  @Field(() => LocalDateScalar, { description: '复查日期（reviewedOn）' }) reviewedOn!: LocalDate;
  @Field(() => CorrectionFindingEnum, { description: '复查认定（finding）' })
  finding!: CorrectionFinding;
}

@ObjectType({ description: '责令改正（《中华人民共和国行政处罚法》第二十八条第一款）' })
export class CorrectionOrderRecordType {
  @Field(() => ID, { description: '责令改正记录标识（id），复查时引用' }) id!: string;
  @Field(() => ID, { description: '责令改正的当事人（partyId）' }) partyId!: string;
  @Field(() => LocalDateScalar, { description: '责令改正的日期（orderedOn）' })
  orderedOn!: LocalDate;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '改正期限的最后一日（dueOn）；立即改正为空',
  })
  dueOn!: LocalDate | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '责令改正通知书视为送达的日期（servedOn）；未送达为空',
  })
  servedOn!: LocalDate | null;
  @Field(() => [CorrectionReviewRecordType], { description: '复查（reviews），按时间先后' })
  reviews!: CorrectionReviewRecordType[];
  @Field({
    description: '经复查认定未改正（unmet）：对该当事人可以适用“拒不改正”档的罚则',
  })
  unmet!: boolean;
}

@ObjectType({ description: '查封、扣押' })
export class CompulsoryMeasureRecordType {
  @Field(() => ID, { description: '查封、扣押记录标识（id），延长或者解除时引用' }) id!: string;
  @Field(() => CompulsoryMeasureKindEnum, { description: '措施种类（kind）：查封或者扣押' })
  kind!: CompulsoryMeasureKind;
  @Field(() => LocalDateScalar, { description: '实施日期（startedOn）' }) startedOn!: LocalDate;
  @Field(() => LocalDateScalar, { description: '期限最后一日（含延长）' }) endsOn!: LocalDate;
  @Field({ description: '是否已延长期限（extended）' }) extended!: boolean;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '解除日期（releasedOn）；未解除为空',
  })
  releasedOn!: LocalDate | null;
  @Field(() => CompulsoryMeasureBasisEnum, {
    nullable: true,
    description: '法定依据（basis）；载明依据之前记录的措施为空',
  })
  basis!: CompulsoryMeasureBasis | null;
  @Field(() => [ID], { description: '关联的证据（evidenceIds）' }) evidenceIds!: string[];
  @Field(() => [String], { description: '涉嫌违反的规定（罚则目录条款标识）' })
  suspectedProvisionIds!: string[];
  @Field(() => EmergencyMeasureType, {
    nullable: true,
    description:
      '情况紧急当场实施及负责人补办批准（emergency，行政强制法第十九条）；非当场实施的为空',
  })
  emergency!: EmergencyMeasureType | null;
  @Field({
    description:
      '应当立即解除（toBeReleased）：负责人不予批准，或者未在二十四小时内报告并补办批准手续；解除前不得进行其他程序',
  })
  toBeReleased!: boolean;
  @Field(() => String, {
    nullable: true,
    description: '保管场所（custodyPlace，行政强制法第二十六条）',
  })
  custodyPlace!: string | null;
  @Field(() => String, { nullable: true, description: '保管人（custodian）' })
  custodian!: string | null;
  @Field(() => CompulsoryMeasureOnSiteType, {
    nullable: true,
    description: '现场程序（onSite，行政强制法第十八条第（四）项至第（九）项）',
  })
  onSite!: CompulsoryMeasureOnSiteType | null;
  @Field(() => [TestingPeriodType], {
    description: '检测、检验、检疫或者技术鉴定的期间（不计入查封、扣押期间）',
  })
  testingPeriods!: TestingPeriodType[];
}

@ObjectType({ description: '当场实施的查封、扣押（《中华人民共和国行政强制法》第十九条）' })
export class EmergencyMeasureType {
  @Field({ description: '情况紧急的具体情形（reason）' }) reason!: string;
  @Field(() => Date, { description: '当场实施的时间（imposedAt）' }) imposedAt!: Date;
  @Field(() => Date, { nullable: true, description: '向负责人报告的时间（reportedAt）' })
  reportedAt!: Date | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '负责人是否批准（approved）；尚未决定为空',
  })
  approved!: boolean | null;
  @Field(() => LocalDateScalar, { nullable: true, description: '负责人决定日期（decidedOn）' })
  decidedOn!: LocalDate | null;
  @Field(() => String, { nullable: true, description: '不予批准的理由（refusalReason）' })
  refusalReason!: string | null;
}

@ObjectType({ description: '查封、扣押的现场程序（《中华人民共和国行政强制法》第十八条）' })
export class CompulsoryMeasureOnSiteType {
  @Field({ description: '已通知当事人到场' }) partyNotified!: boolean;
  @Field({ description: '当事人到场' }) partyPresent!: boolean;
  @Field({ description: '已当场告知理由、依据、权利和救济途径' })
  informedOfReasonsAndRemedies!: boolean;
  @Field({ description: '已听取陈述和申辩' }) statementsHeard!: boolean;
  @Field({ description: '已制作现场笔录' }) transcriptMade!: boolean;
  @Field({ description: '执法人员已签名或者盖章' }) officersSigned!: boolean;
  @Field({ description: '当事人已签名或者盖章' }) partySigned!: boolean;
  @Field({ description: '当事人拒绝签名，已注明' }) partyRefusalNoted!: boolean;
  @Field(() => String, { nullable: true, description: '见证人' }) witness!: string | null;
  @Field({ description: '见证人已签名或者盖章' }) witnessSigned!: boolean;
}

@ObjectType({
  description: '检测、检验、检疫或者技术鉴定的期间（《中华人民共和国行政强制法》第二十五条第三款）',
})
export class TestingPeriodType {
  @Field(() => TestingKindEnum, { description: '种类（testingKind）' }) testingKind!: TestingKind;
  @Field({ description: '检测机构（institution）' }) institution!: string;
  @Field(() => LocalDateScalar, { description: '第一日（startsOn）' }) startsOn!: LocalDate;
  @Field(() => LocalDateScalar, { description: '最后一日（endsOn）' }) endsOn!: LocalDate;
  @Field(() => Int, { description: '不计入查封、扣押期间的日数（daysExcluded）' })
  daysExcluded!: number;
  @Field(() => LocalDateScalar, { description: '书面告知当事人之日（notifiedOn）' })
  notifiedOn!: LocalDate;
}

@ObjectType({
  description:
    '音像记录（全程音像记录，《中华人民共和国行政处罚法》第四十七条）：哈希值、大小、格式、记录人、记录时段与原始载体的保管',
})
export class AudioVisualRecordType {
  @Field(() => ID, { description: '音像记录标识（id）' }) id!: string;
  @Field(() => AudioVisualRecordedActEnum, { description: '所记录的执法行为（act）' })
  act!: AudioVisualRecordedAct;
  @Field(() => ID, {
    description: '所记录行为的记录标识（查封、扣押，检查笔录或者送达记录的 id）',
  })
  recordId!: string;
  @Field(() => LocalDateScalar, { description: '行为日期' }) recordedOn!: LocalDate;
  @Field({ description: '记录文件的 SHA-256（64位十六进制）' }) sha256!: string;
  @Field(() => Int, { description: '字节数' }) sizeBytes!: number;
  @Field({ description: '媒体类型' }) mediaType!: string;
  @Field(() => ID, { description: '记录人（执法人员 id）' }) recorderId!: string;
  @Field(() => Date, { description: '记录开始时间' }) recordedFrom!: Date;
  @Field(() => Date, { description: '记录结束时间' }) recordedTo!: Date;
  @Field({ description: '原始载体保管人' }) custodian!: string;
  @Field({ description: '原始载体存放地点' }) custodyLocation!: string;
}

@ObjectType({ description: '应缴罚款及加处罚款（按计算日）' })
export class AmountDueType {
  @Field(() => LocalDateScalar, { description: '计算日' }) asOf!: LocalDate;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '缴纳期限届满日（延期、分期的，为最后一期）',
  })
  paymentDueDate!: LocalDate | null;
  @Field(() => MoneyScalar, { description: '罚款数额（元）' }) principalYuan!: number;
  @Field(() => MoneyScalar, { description: '加处罚款（元）' }) surchargeYuan!: number;
  @Field(() => Int, { description: '计入加处罚款的逾期天数' }) surchargeDays!: number;
  @Field(() => Int, { description: '复议、诉讼期间不计加处罚款的天数' }) suspendedDays!: number;
  @Field({ description: '加处罚款已达到罚款数额（上限）' }) capApplied!: boolean;
  @Field(() => MoneyScalar, { description: '已缴（元）' }) paidYuan!: number;
  @Field(() => MoneyScalar, { description: '尚欠（元）' }) outstandingYuan!: number;
  @Field(() => [String], { description: '计算说明' }) explanation!: string[];
}

@ObjectType({ description: '缴纳罚款记录' })
export class PaymentRecordType {
  @Field(() => ID, { description: '缴款记录标识（id）' }) id!: string;
  @Field(() => LocalDateScalar, { description: '缴纳日期（paidOn）' }) paidOn!: LocalDate;
  @Field(() => MoneyScalar, { description: '金额（元）' }) amountYuan!: number;
  @Field(() => PaymentChannelEnum, { description: '缴纳渠道（channel）' }) channel!: PaymentChannel;
  @Field({ description: '缴款凭证（收据）编号（receipt number）' }) receiptNumber!: string;
}

@ObjectType({ description: '延期或者分期缴纳的一期' })
export class InstalmentType {
  @Field(() => LocalDateScalar, { description: '本期缴纳期限届满日（dueOn）' }) dueOn!: LocalDate;
  @Field(() => MoneyScalar, { description: '金额（元）' }) amountYuan!: number;
}

@ObjectType({ description: '延期或者分期缴纳罚款的申请及审批' })
export class PaymentArrangementType {
  @Field(() => ID, { description: '申请标识（id）' }) id!: string;
  @Field(() => PaymentArrangementKindEnum, { description: '申请种类（kind）：延期或者分期缴纳' })
  kind!: PaymentArrangementKind;
  @Field(() => LocalDateScalar, { description: '申请日期（appliedOn）' }) appliedOn!: LocalDate;
  @Field(() => String, {
    nullable: true,
    description: 'APPROVED 批准 / REJECTED 不予批准；未决定为空',
  })
  decision!: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '审批日期（decidedOn）；未决定为空',
  })
  decidedOn!: LocalDate | null;
  @Field(() => [InstalmentType], { description: '批准的缴纳期限' }) schedule!: InstalmentType[];
}

@ObjectType({ description: '行政复议或者行政诉讼' })
export class RemedyRecordType {
  @Field(() => ID, { description: '记录标识（id）' }) id!: string;
  @Field(() => RemedyKindEnum, {
    description: '行政复议或者行政诉讼（kind）：RECONSIDERATION 行政复议 / LITIGATION 行政诉讼',
  })
  kind!: RemedyKind;
  @Field(() => LocalDateScalar, { description: '申请复议或者起诉的日期（filedOn）' })
  filedOn!: LocalDate;
  @Field({ description: '复议机关或者人民法院' }) organ!: string;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '复议决定或者生效裁判的日期（decidedOn）；未决为空',
  })
  decidedOn!: LocalDate | null;
  @Field(() => RemedyOutcomeEnum, {
    nullable: true,
    description: '结果（outcome）：维持、变更、撤销等；未决为空',
  })
  outcome!: RemedyOutcome | null;
}

@ObjectType({ description: '人民法院的裁定或者执行结果' })
export class CourtRulingType {
  @Field(() => LocalDateScalar, { description: '裁定或者执行结果的日期（ruledOn）' })
  ruledOn!: LocalDate;
  @Field(() => CourtRulingResultEnum, {
    description: '结果（result）：准予执行、不予执行、执行完毕等',
  })
  result!: CourtRulingResult;
  @Field(() => LocalDateScalar, {
    description: '收到裁定之日（receivedOn；未记录的为裁定日期）',
  })
  receivedOn!: LocalDate;
}

@ObjectType({ description: '催告与申请人民法院强制执行' })
export class EnforcementRecordType {
  @Field(() => LocalDateScalar, { description: '催告书作出日期（demand issued on）' })
  demandIssuedOn!: LocalDate;
  @Field(() => MoneyScalar, { description: '催告的金额（元）' }) demandAmountYuan!: number;
  @Field(() => LocalDateScalar, { nullable: true, description: '催告书视为送达的日期' })
  demandServedOn!: LocalDate | null;
  @Field(() => LocalDateScalar, {
    description:
      '复议、诉讼期限（或者延期、分期缴纳期限）届满日：申请强制执行的期限（courtEnforcementApplicationPeriod）自此起算',
  })
  remedyPeriodsLapseOn!: LocalDate;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '申请人民法院强制执行的日期（court applied on）；未申请为空',
  })
  courtAppliedOn!: LocalDate | null;
  @Field(() => String, { nullable: true, description: '受理申请的人民法院（court）；未申请为空' })
  court!: string | null;
  @Field(() => [CourtRulingType], {
    description: '人民法院的裁定或者执行结果（rulings），按时间顺序',
  })
  rulings!: CourtRulingType[];
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '对不予执行的裁定申请复议的日期（rulingReviewAppliedOn，《中华人民共和国行政强制法》第五十八条第三款）；未申请为空。此后记录的裁定为复议结果',
  })
  rulingReviewAppliedOn!: LocalDate | null;
  @Field(() => String, { nullable: true, description: '受理复议的上一级人民法院；未申请为空' })
  rulingReviewCourt!: string | null;
}

@ObjectType({ description: '申诉、检举及其处理（《中华人民共和国行政处罚法》第七十五条第二款）' })
export class ComplaintRecordType {
  @Field(() => ID, { description: '申诉、检举记录标识（id），处理和改正时引用' }) id!: string;
  @Field(() => ComplaintKindEnum, { description: '申诉或者检举（kind）' }) kind!: ComplaintKind;
  @Field(() => LocalDateScalar, { description: '收到日期（receivedOn）' }) receivedOn!: LocalDate;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '处理日期（handledOn）；未处理为空',
  })
  handledOn!: LocalDate | null;
  @Field(() => ComplaintFindingEnum, { nullable: true, description: '处理意见（finding）' })
  finding!: ComplaintFinding | null;
}

@ObjectType({
  description: '本机关撤销或者变更行政处罚决定（《中华人民共和国行政处罚法》第七十五条第二款）',
})
export class DecisionCorrectionRecordType {
  @Field(() => ID, { description: '改正记录标识（id）' }) id!: string;
  @Field(() => DecisionCorrectionKindEnum, { description: '撤销或者变更（kind）' })
  kind!: DecisionCorrectionKind;
  @Field(() => LocalDateScalar, { description: '撤销或者变更的决定日期（decidedOn）' })
  decidedOn!: LocalDate;
  @Field(() => ID, { nullable: true, description: '据以改正的申诉、检举（complaintId）' })
  complaintId!: string | null;
  @Field(() => MoneyScalar, { description: '原决定的罚款及没收金额（元）' })
  previousObligationYuan!: number;
  @Field(() => MoneyScalar, { description: '改正后的罚款及没收金额（元）；撤销为 0' })
  obligationYuan!: number;
  @Field(() => MoneyScalar, { description: '改正时已缴纳（元）' }) paidYuan!: number;
  @Field(() => MoneyScalar, { description: '应予退还（退还，元）：已缴超出改正后应缴的部分' })
  refundOwedYuan!: number;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '撤销（变更）行政处罚决定书视为送达之日（servedOn）：变更后的缴款、复议、诉讼期限自此起算；未送达为空',
  })
  servedOn!: LocalDate | null;
  @Field(() => MoneyScalar, { description: '已退还（元）：记录的退付款项合计（recordRefund）' })
  refundedYuan!: number;
  @Field(() => MoneyScalar, { description: '尚未退还（元）：应予退还减去已退还' })
  refundOutstandingYuan!: number;
  @Field(() => LocalDateScalar, { nullable: true, description: '最近一次退还日期（refundedOn）' })
  refundedOn!: LocalDate | null;
}
