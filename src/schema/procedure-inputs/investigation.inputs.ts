import { Field, ID, InputType, Int } from 'type-graphql';
import type { PreservationHandling, ReleaseGround } from '../../procedure/action-inputs.js';
import type { CompulsoryMeasureKind } from '../../procedure/case-snapshot.js';
import type { EvidenceKind } from '../../procedure/evidence-kind.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { EvidenceKindEnum } from '../enums.js';
import {
  CompulsoryMeasureBasisEnum,
  CompulsoryMeasureKindEnum,
  PreservationHandlingEnum,
  ReleaseGroundEnum,
} from '../procedure-enums.js';
import { ApprovalInput } from '../procedure.types.js';
import { AudioVisualRecordInput } from './common.inputs.js';
import type { CompulsoryMeasureBasis } from '../../procedure/compulsory-measure-basis.js';
import { LocalDateScalar } from '../scalars.js';

/** Inputs of the investigation: evidence, transcripts, preservation of evidence, sealing and seizure. */

@InputType({ description: '证据文件（电子数据等）' })
export class EvidenceFileInput {
  @Field({ description: '文件名' }) name!: string;
  @Field({ description: 'SHA-256（64位十六进制）' }) sha256!: string;
  @Field(() => Int, { description: '字节数' }) sizeBytes!: number;
}

@InputType({ description: '收集、调取证据' })
export class RecordEvidenceInput {
  @Field(() => EvidenceKindEnum, { description: '证据种类（evidenceKind）' })
  evidenceKind!: EvidenceKind;
  @Field(() => LocalDateScalar, { description: '取证日期（执法证件按该日核验）' })
  collectedOn!: LocalDate;
  @Field(() => Date, { nullable: true, description: '取证时间（默认取证日期零时，北京时间）' })
  collectedAt?: Date | null;
  @Field(() => [ID], { description: '取证的执法人员（不少于两名，持有效执法证件）' })
  collectorIds!: string[];
  @Field({ description: '已向当事人或者有关人员出示执法证件' }) certificatesShown!: boolean;
  @Field({ description: '向当事人收集、调取' }) fromParty!: boolean;
  @Field({ description: '已告知当事人申请回避的权利（首次向当事人取证时必须）' })
  recusalRightNotified!: boolean;
  @Field({ description: '证据名称' }) title!: string;
  @Field({ description: '证明内容' }) description!: string;
  @Field({ description: '证据来源' }) source!: string;
  @Field({ description: '取证地点' }) place!: string;
  @Field(() => [EvidenceFileInput], {
    defaultValue: [],
    description: '证据文件（files）：每个文件的名称、SHA-256 与大小；可为空',
  })
  files!: EvidenceFileInput[];
}

@InputType({ description: '询问（询问笔录）' })
export class RecordInquiryInput {
  @Field(() => LocalDateScalar, { description: '询问日期（conductedOn）；执法证件按该日核验' })
  conductedOn!: LocalDate;
  @Field(() => [ID], { description: '询问的执法人员（不少于两名）' }) officerIds!: string[];
  @Field({ description: '已向当事人或者有关人员出示执法证件（certificatesShown）' })
  certificatesShown!: boolean;
  @Field({ description: '被询问人是当事人（或其工作人员）' }) intervieweeIsParty!: boolean;
  @Field({ description: '已告知当事人申请回避的权利' }) recusalRightNotified!: boolean;
  @Field(() => String, { nullable: true, description: '被询问人' }) interviewee?: string | null;
}

@InputType({ description: '检查、勘验（笔录）' })
export class RecordInspectionInput {
  @Field(() => LocalDateScalar, {
    description: '检查、勘验日期（conductedOn）；执法证件按该日核验',
  })
  conductedOn!: LocalDate;
  @Field(() => [ID], { description: '检查的执法人员（不少于两名）' }) officerIds!: string[];
  @Field({ description: '已向当事人或者有关人员出示执法证件（certificatesShown）' })
  certificatesShown!: boolean;
  @Field({ description: '检查当事人的场所、设备或者物品' }) ofParty!: boolean;
  @Field({ description: '已告知当事人申请回避的权利' }) recusalRightNotified!: boolean;
  @Field(() => String, { nullable: true, description: '检查地点' }) place?: string | null;
  @Field(() => AudioVisualRecordInput, {
    nullable: true,
    description: '全程音像记录（audioVisualRecord）：现场检查当事人的场所、设备或者物品的',
  })
  audioVisualRecord?: AudioVisualRecordInput | null;
}

@InputType({ description: '先行登记保存证据（负责人批准）' })
export class PreserveEvidenceInput {
  @Field(() => LocalDateScalar, { description: '先行登记保存的日期（startedOn）' })
  startedOn!: LocalDate;
  @Field(() => [ID], { description: '实施的执法人员（officerIds，不少于两名，持有效执法证件）' })
  officerIds!: string[];
  @Field({ description: '已向当事人或者有关人员出示执法证件（certificatesShown）' })
  certificatesShown!: boolean;
  @Field(() => ApprovalInput, { nullable: true, description: '负责人批准' })
  approval?: ApprovalInput | null;
  @Field(() => [String], { description: '登记保存的物品清单' }) items!: string[];
}

@InputType({ description: '先行登记保存证据的处理决定（preservationHandlingPeriod 内）' })
export class HandlePreservedEvidenceInput {
  @Field(() => ID, { description: '先行登记保存（案件 preservations 中的 id）' })
  preservationId!: string;
  @Field(() => LocalDateScalar, { description: '作出处理决定的日期（decidedOn）' })
  decidedOn!: LocalDate;
  @Field(() => PreservationHandlingEnum, { description: '处理方式（handling）' })
  handling!: PreservationHandling;
  @Field(() => String, {
    nullable: true,
    description:
      '逾期处理的理由（lateHandlingReason）：处理决定晚于规则参数 preservationHandlingPeriod 届满之日的，应当说明',
  })
  lateHandlingReason?: string | null;
}

@InputType({ description: '查封、扣押（主要负责人书面批准，不超过 compulsoryMeasureMaximum）' })
export class ImposeCompulsoryMeasureInput {
  @Field(() => CompulsoryMeasureKindEnum, { description: '措施种类（measure）：查封或者扣押' })
  measure!: CompulsoryMeasureKind;
  @Field(() => LocalDateScalar, { description: '实施日期（startedOn）' }) startedOn!: LocalDate;
  @Field(() => LocalDateScalar, { description: '期限最后一日' }) endsOn!: LocalDate;
  @Field(() => [ID], { description: '实施的执法人员（officerIds，不少于两名，持有效执法证件）' })
  officerIds!: string[];
  @Field({ description: '已向当事人或者有关人员出示执法证件（certificatesShown）' })
  certificatesShown!: boolean;
  @Field(() => ApprovalInput, { nullable: true, description: '主要负责人书面批准' })
  approval?: ApprovalInput | null;
  @Field(() => [String], { defaultValue: [], description: '查封、扣押的场所、设施或者财物清单' })
  items!: string[];
  @Field(() => CompulsoryMeasureBasisEnum, {
    nullable: true,
    description: '法定依据（basis）：本部门依法享有的查封、扣押职权；未载明的，不得查封、扣押',
  })
  basis?: CompulsoryMeasureBasis | null;
  @Field(() => [String], {
    defaultValue: [],
    description:
      '涉嫌违反的规定（suspectedProvisionIds，罚则目录中的条款标识，如 PIPL-66-1）：据此判断法定依据是否及于本案',
  })
  suspectedProvisionIds!: string[];
  @Field(() => [ID], {
    defaultValue: [],
    description: '证明设备、物品用于违法行为的证据（evidenceIds，本案已收集的证据）',
  })
  evidenceIds!: string[];
  @Field(() => AudioVisualRecordInput, {
    nullable: true,
    description: '全程音像记录（audioVisualRecord）',
  })
  audioVisualRecord?: AudioVisualRecordInput | null;
}

@InputType({
  description: '延长查封、扣押期限（负责人批准，延长不超过 compulsoryMeasureExtensionMaximum）',
})
export class ExtendCompulsoryMeasureInput {
  @Field(() => ID, { description: '查封、扣押（案件 compulsoryMeasures 中的 id）' })
  measureId!: string;
  @Field(() => LocalDateScalar, { description: '延长后的最后一日' }) newEndsOn!: LocalDate;
  @Field(() => ApprovalInput, { nullable: true, description: '负责人批准（approval）' })
  approval?: ApprovalInput | null;
  @Field({ description: '延长的理由（reason）' }) reason!: string;
}

@InputType({ description: '解除查封、扣押' })
export class ReleaseCompulsoryMeasureInput {
  @Field(() => ID, { description: '查封、扣押（measureId，案件 compulsoryMeasures 中的 id）' })
  measureId!: string;
  @Field(() => LocalDateScalar, { description: '解除日期（releasedOn）' }) releasedOn!: LocalDate;
  @Field(() => ReleaseGroundEnum, { description: '解除事由（ground）' }) ground!: ReleaseGround;
}
