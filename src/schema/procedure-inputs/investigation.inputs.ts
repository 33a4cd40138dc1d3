import { Field, ID, InputType, Int } from 'type-graphql';
import type {
  PreservationHandling,
  ReleaseGround,
  TestingKind,
} from '../../procedure/action-inputs.js';
import type { CompulsoryMeasureKind } from '../../procedure/case-snapshot.js';
import type { EvidenceKind } from '../../procedure/evidence-kind.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { EvidenceKindEnum } from '../enums.js';
import {
  CompulsoryMeasureBasisEnum,
  CompulsoryMeasureKindEnum,
  PreservationHandlingEnum,
  ReleaseGroundEnum,
  TestingKindEnum,
} from '../procedure-enums.js';
import { ApprovalInput } from '../procedure.types.js';
import { AudioVisualRecordInput } from './common.inputs.js';
import type { CompulsoryMeasureBasis } from '../../procedure/compulsory-measure-basis.js';
import { LocalDateScalar, MoneyScalar } from '../scalars.js';

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

@InputType({
  description: '情况紧急，当场实施查封、扣押（《中华人民共和国行政强制法》第十九条）',
})
export class EmergencyImpositionInput {
  @Field({ description: '情况紧急的具体情形（reason）' }) reason!: string;
  @Field(() => Date, {
    description:
      '当场实施的时间（imposedAt）：二十四小时内向负责人报告并补办批准手续（规则参数 emergencyMeasureReportPeriod），其日期应为 startedOn',
  })
  imposedAt!: Date;
}

@InputType({
  description: '查封、扣押的现场程序（《中华人民共和国行政强制法》第十八条第（四）项至第（九）项）',
})
export class CompulsoryMeasureOnSiteInput {
  @Field({ description: '（四）已通知当事人到场（partyNotified）' }) partyNotified!: boolean;
  @Field({ description: '当事人（或者其代表）到场（partyPresent）' }) partyPresent!: boolean;
  @Field({
    description:
      '（五）已当场告知当事人采取查封、扣押的理由、依据以及依法享有的权利、救济途径（informedOfReasonsAndRemedies）',
  })
  informedOfReasonsAndRemedies!: boolean;
  @Field({ description: '（六）已听取当事人的陈述和申辩（statementsHeard）' })
  statementsHeard!: boolean;
  @Field({ description: '（七）已制作现场笔录（transcriptMade）' }) transcriptMade!: boolean;
  @Field({ description: '（八）行政执法人员已在现场笔录上签名或者盖章（officersSigned）' })
  officersSigned!: boolean;
  @Field({ description: '（八）当事人已在现场笔录上签名或者盖章（partySigned）' })
  partySigned!: boolean;
  @Field({ description: '（八）当事人拒绝签名，已在笔录中注明（partyRefusalNoted）' })
  partyRefusalNoted!: boolean;
  @Field(() => String, {
    nullable: true,
    description: '（九）当事人不到场时邀请到场的见证人（witness，姓名及身份）',
  })
  witness?: string | null;
  @Field({ description: '（九）见证人已在现场笔录上签名或者盖章（witnessSigned）' })
  witnessSigned!: boolean;
}

@InputType({ description: '查封、扣押财物的保管（《中华人民共和国行政强制法》第二十六条）' })
export class CompulsoryMeasureCustodyInput {
  @Field({ description: '保管场所（place）' }) place!: string;
  @Field({ description: '保管人（custodian）：本机关或者受委托保管的第三人' }) custodian!: string;
  @Field(() => MoneyScalar, {
    defaultValue: 0,
    description:
      '向当事人收取的保管费用（costChargedToPartyYuan，元）：保管费用由行政机关承担，应当为 0',
  })
  costChargedToPartyYuan!: number;
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
  @Field(() => EmergencyImpositionInput, {
    nullable: true,
    description:
      '情况紧急当场实施（emergency）：不经事先批准，二十四小时内报告负责人并补办批准手续（ratifyEmergencyMeasure）',
  })
  emergency?: EmergencyImpositionInput | null;
  @Field(() => CompulsoryMeasureOnSiteInput, {
    nullable: true,
    description:
      '现场程序（onSite，行政强制法第十八条第（四）项至第（九）项）；未填写的，不得查封、扣押',
  })
  onSite?: CompulsoryMeasureOnSiteInput | null;
  @Field(() => CompulsoryMeasureCustodyInput, {
    nullable: true,
    description: '保管场所和保管人（custody，行政强制法第二十六条）；未填写的，不得查封、扣押',
  })
  custody?: CompulsoryMeasureCustodyInput | null;
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

@InputType({
  description:
    '当场实施的查封、扣押补办批准手续：负责人批准的，措施继续；认为不应当采取的，应当立即解除（《中华人民共和国行政强制法》第十九条）',
})
export class RatifyEmergencyMeasureInput {
  @Field(() => ID, { description: '查封、扣押（measureId，案件 compulsoryMeasures 中的 id）' })
  measureId!: string;
  @Field(() => Date, {
    description: '向负责人报告的时间（reportedAt）：当场实施后二十四小时内',
  })
  reportedAt!: Date;
  @Field({ description: '负责人批准（approved）；false 为认为不应当采取，应当立即解除' })
  approved!: boolean;
  @Field(() => ApprovalInput, {
    nullable: true,
    description: '主要负责人的书面决定（approval：决定人、日期、书面）',
  })
  approval?: ApprovalInput | null;
  @Field(() => String, {
    nullable: true,
    description: '不予批准的理由（refusalReason）：approved 为 false 时必填',
  })
  refusalReason?: string | null;
}

@InputType({
  description:
    '检测、检验、检疫或者技术鉴定的期间（不计入查封、扣押期间，书面告知当事人；《中华人民共和国行政强制法》第二十五条第三款）',
})
export class RecordTestingPeriodInput {
  @Field(() => ID, { description: '查封、扣押（measureId，案件 compulsoryMeasures 中的 id）' })
  measureId!: string;
  @Field(() => TestingKindEnum, { description: '检测、检验、检疫或者技术鉴定（testingKind）' })
  testingKind!: TestingKind;
  @Field({ description: '检测机构（institution）' }) institution!: string;
  @Field(() => LocalDateScalar, { description: '期间第一日（startsOn）' }) startsOn!: LocalDate;
  @Field(() => LocalDateScalar, { description: '期间最后一日（endsOn）' }) endsOn!: LocalDate;
  @Field(() => LocalDateScalar, {
    description: '书面告知当事人之日（notifiedOn，检测期间告知书）',
  })
  notifiedOn!: LocalDate;
}
