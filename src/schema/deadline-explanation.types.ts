import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { LocalDate } from '../procedure/local-date.js';
import { PERIOD_UNITS, type PeriodUnit } from '../procedure/calendar/period.js';
import { graphqlEnum } from './enums.js';
import { LocalDateScalar } from './scalars.js';

/**
 * Deadline.explanation as GraphQL types (it was raw JSON): the stored explanation of
 * src/procedure/calendar/compute-deadline.ts, read as is. Fields added to the explanation over time
 * (calendar sources, provisional years) are nullable, so explanations stored before them still read.
 */

export const CalendarYearStatusEnum = { OFFICIAL: 'OFFICIAL', PROVISIONAL: 'PROVISIONAL' } as const;
registerEnumType(CalendarYearStatusEnum, {
  name: 'CalendarYearStatus',
  description: '年度节假日安排的状态（CalendarYearStatus）',
  valuesConfig: {
    OFFICIAL: { description: '正式（OFFICIAL）：已载入国务院办公厅通知' },
    PROVISIONAL: {
      description:
        '推定（PROVISIONAL）：通知尚未公布，按《全国年节及纪念日放假办法》推定（仅周末和法定节假日，无调休）',
    },
  },
});

export const PeriodUnitEnum = graphqlEnum<PeriodUnit>(
  PERIOD_UNITS,
  'PeriodUnit',
  '期间的计算单位（PeriodUnit）',
  {
    WORKING_DAYS: '工作日（WORKING_DAYS）',
    CALENDAR_DAYS: '日（CALENDAR_DAYS，自然日）',
    MONTHS: '月（MONTHS）',
    YEARS: '年（YEARS）',
  },
);

const SKIP_REASONS = ['WEEKEND', 'HOLIDAY', 'PAUSE'] as const;
export const SkipReasonEnum = graphqlEnum<(typeof SKIP_REASONS)[number]>(
  SKIP_REASONS,
  'SkipReason',
  '不计入期间的原因（SkipReason）',
  {
    WEEKEND: '周末（WEEKEND）',
    HOLIDAY: '法定节假日（HOLIDAY）',
    PAUSE: '中止或者不计入的期间（PAUSE），如案件中止调查、检测期间',
  },
);

@ObjectType({ description: '起算事件（DatedEvent）：引起期间计算的程序事件及其日期' })
export class DatedEventType {
  @Field({ description: '事件（event），如 送达行政处罚事先告知书' }) event!: string;
  @Field(() => LocalDateScalar, { description: '事件日期（date）' }) date!: LocalDate;
}

@ObjectType({ description: '期间（Period）：长度和计算单位' })
export class PeriodType {
  @Field(() => Int, { description: '长度（length）' }) length!: number;
  @Field(() => PeriodUnitEnum, { description: '计算单位（unit）' }) unit!: PeriodUnit;
}

@ObjectType({ description: '不计入期间的一日（SkippedDay）' })
export class SkippedDayType {
  @Field(() => LocalDateScalar, { description: '日期（date）' }) date!: LocalDate;
  @Field(() => SkipReasonEnum, { description: '原因（reason）' }) reason!: string;
  @Field(() => String, { nullable: true, description: '节日名称（holidayName）' })
  holidayName?: string | null;
  @Field(() => String, { nullable: true, description: '中止原因（pauseReason）' })
  pauseReason?: string | null;
  @Field({ description: '说明（description），如 2025-10-01（周三）国庆节放假' })
  description!: string;
}

@ObjectType({ description: '适用的中止（不计入）期间（AppliedPause）' })
export class AppliedPauseType {
  @Field(() => LocalDateScalar, { description: '起日（from），含' }) from!: LocalDate;
  @Field(() => LocalDateScalar, { description: '止日（to），含' }) to!: LocalDate;
  @Field({ description: '原因（reason）' }) reason!: string;
  @Field(() => Int, { description: '在计算区间内被排除的天数（daysExcluded）' })
  daysExcluded!: number;
}

@ObjectType({
  description: '顺延（Rollover）：期间最后一日为法定休假日的，以休假日后的第一日为期间的最后一日',
})
export class RolloverType {
  @Field(() => LocalDateScalar, { description: '顺延前的最后一日（from）' }) from!: LocalDate;
  @Field(() => LocalDateScalar, { description: '顺延后的最后一日（to）' }) to!: LocalDate;
  @Field({ description: '原因（reason）' }) reason!: string;
  @Field(() => [SkippedDayType], { description: '顺延跳过的日子（skippedDays）' })
  skippedDays!: SkippedDayType[];
}

@ObjectType({ description: '国务院办公厅节假日安排通知（CalendarNotice）' })
export class CalendarNoticeType {
  @Field({ description: '标题（title）' }) title!: string;
  @Field(() => String, { nullable: true, description: '文号（documentNumber），仅已核实的' })
  documentNumber?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: '发布日期（issuedOn）' })
  issuedOn?: LocalDate | null;
  @Field(() => String, { nullable: true, description: '非本年度通知时所涉日期（covers）' })
  covers?: string | null;
}

@ObjectType({ description: '计算所依据的年度节假日安排（CalendarSourceUse）' })
export class CalendarSourceUseType {
  @Field(() => Int, { description: '年度（year）' }) year!: number;
  @Field(() => CalendarYearStatusEnum, { description: '正式或者推定（status）' }) status!: string;
  @Field(() => [CalendarNoticeType], { description: '所依据的通知（notices）' })
  notices!: CalendarNoticeType[];
  @Field(() => String, { nullable: true, description: '数据摘自（extractedFrom）' })
  extractedFrom?: string | null;
}

@ObjectType({
  description:
    '期限的计算说明（DeadlineExplanation）：起算事件、规则和法律依据、计算单位及理由、计入和跳过的日子、中止、顺延、所依据的节假日安排；lines 为完整的中文说明',
})
export class DeadlineExplanationType {
  @Field(() => DatedEventType, { description: '起算事件（trigger）' }) trigger!: DatedEventType;
  @Field(() => String, {
    nullable: true,
    description: '起算规则（startRule），如 期间开始的日不计算在期间内',
  })
  startRule?: string | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '第一个计入的日子（firstCountedDay）',
  })
  firstCountedDay?: LocalDate | null;
  @Field(() => PeriodType, { nullable: true, description: '期间（period）' })
  period?: PeriodType | null;
  @Field({ description: '规则（rule），期间长度、单位及其所依据的条款' })
  rule!: string;
  @Field(() => [String], { description: '法律依据的引用（citations）' }) citations!: string[];
  @Field(() => PeriodUnitEnum, { nullable: true, description: '计算单位（dayType）' })
  dayType?: PeriodUnit | null;
  @Field(() => String, { nullable: true, description: '计算单位的理由（dayTypeReason）' })
  dayTypeReason?: string | null;
  @Field(() => Int, { nullable: true, description: '计入的天数（daysCounted）' })
  daysCounted?: number | null;
  @Field(() => [LocalDateScalar], {
    nullable: true,
    description: '计入的日子（countedDates）；按日计算的期间才有，按月、年计算的为空',
  })
  countedDates?: LocalDate[] | null;
  @Field(() => [SkippedDayType], { nullable: true, description: '跳过的日子（skippedDays）' })
  skippedDays?: SkippedDayType[] | null;
  @Field(() => [AppliedPauseType], { nullable: true, description: '适用的中止期间（pauses）' })
  pauses?: AppliedPauseType[] | null;
  @Field(() => RolloverType, { nullable: true, description: '顺延（rollover）；未顺延为空' })
  rollover?: RolloverType | null;
  @Field(() => [CalendarSourceUseType], {
    nullable: true,
    description: '所依据的年度节假日安排（calendarSources）',
  })
  calendarSources?: CalendarSourceUseType[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '推定（provisional）：读取了推定年度的日子，正式安排载入后可能变动（将重新计算）',
  })
  provisional?: boolean | null;
  @Field(() => [Int], { nullable: true, description: '读取的推定年度（provisionalYears）' })
  provisionalYears?: number[] | null;
  @Field(() => [String], { description: '完整的中文说明（lines），供显示和入卷' }) lines!: string[];
}

const DAY_KINDS = ['WORKING_DAY', 'WEEKEND', 'HOLIDAY', 'MAKE_UP_WORKDAY'] as const;
export const DayKindEnum = graphqlEnum<(typeof DAY_KINDS)[number]>(
  DAY_KINDS,
  'DayKind',
  '日子的种类（DayKind）',
  {
    WORKING_DAY: '工作日（WORKING_DAY）',
    WEEKEND: '周末（WEEKEND）',
    HOLIDAY: '法定节假日（HOLIDAY）',
    MAKE_UP_WORKDAY: '调休上班日（MAKE_UP_WORKDAY）',
  },
);
