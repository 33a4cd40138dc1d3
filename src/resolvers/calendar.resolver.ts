import {
  Arg,
  Authorized,
  Ctx,
  Field,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { requireActor, runInTransaction } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import { loadOfficialCalendarYear, parseOfficialArrangement } from '../commands/calendar-load.js';
import { CalendarYear } from '../entities/calendar-year.entity.js';
import { loadWorkingDayCalendar } from '../db/seed/reference-data.js';
import { ForbiddenError, ValidationError, calendarYearNotLoaded } from '../errors/domain-error.js';
import type { CalendarYearStatus, WorkingDayCalendar } from '../procedure/calendar/index.js';
import type { LocalDate } from '../procedure/local-date.js';
import {
  CalendarNoticeType,
  CalendarYearStatusEnum,
  DayKindEnum,
} from '../schema/deadline-explanation.types.js';
import { LegalBasisType } from '../schema/procedure.types.js';
import type { CalendarYearSource } from '../procedure/calendar/index.js';
import type { LegalBasis } from '../procedure/legal-basis.js';
import { LocalDateScalar } from '../schema/scalars.js';

@ObjectType({ description: '某日是否为工作日' })
class CalendarDay {
  @Field(() => LocalDateScalar, { description: '日期（date）' }) date!: LocalDate;
  @Field({ description: '是否为工作日（is working day）：期限按工作日计算时计入' })
  isWorkingDay!: boolean;
  @Field(() => DayKindEnum, {
    description:
      '日的类别（kind）：WORKING_DAY 工作日 / WEEKEND 周末 / HOLIDAY 放假日 / MAKE_UP_WORKDAY 调休上班日',
  })
  kind!: string;
  @Field(() => String, { nullable: true, description: '节日名称（调休上班日为所补的节日）' })
  holidayName!: string | null;
  @Field({
    description:
      '说明（description），如 “2025-10-01（周三）国庆节放假”、“…休息日”、“…调休上班”、“…工作日”',
  })
  description!: string;
  @Field({
    description: '推定（provisional）：该日所在年度的节假日安排尚未公布，答案按法定节假日推定',
  })
  provisional!: boolean;
}

@ObjectType({
  description:
    '年度节假日安排的来源（CalendarYearSourceInfo）：正式年度为国务院办公厅通知；推定年度为法律依据和农历数据来源',
})
class CalendarYearSourceInfo {
  @Field(() => [CalendarNoticeType], {
    description: '所依据的国务院（办公厅）通知（notices）；推定年度为空',
  })
  notices!: CalendarNoticeType[];
  @Field(() => String, {
    nullable: true,
    description: '日期摘自（extractedFrom），如 chinese-days@1.5.7',
  })
  extractedFrom!: string | null;
  @Field(() => LegalBasisType, {
    nullable: true,
    description: '推定依据（derivedFrom）：《全国年节及纪念日放假办法》第二条；正式年度为空',
  })
  derivedFrom!: LegalBasisType | null;
  @Field(() => String, {
    nullable: true,
    description: '农历与节气数据来源（lunarSource）；正式年度为空',
  })
  lunarSource!: string | null;
  @Field(() => String, {
    nullable: true,
    description: '说明（note）：推定年度的说明；正式年度为空',
  })
  note!: string | null;

  static official(source: CalendarYearSource): CalendarYearSourceInfo {
    return Object.assign(new CalendarYearSourceInfo(), {
      notices: source.notices.map((n) =>
        Object.assign(new CalendarNoticeType(), {
          title: n.title,
          documentNumber: n.documentNumber ?? null,
          issuedOn: n.issuedOn ?? null,
          covers: n.covers ?? null,
        }),
      ),
      extractedFrom: source.extractedFrom ?? null,
      derivedFrom: null,
      lunarSource: null,
      note: null,
    });
  }

  static provisional(
    legalBasis: LegalBasis,
    lunarSource: string,
    note: string,
  ): CalendarYearSourceInfo {
    return Object.assign(new CalendarYearSourceInfo(), {
      notices: [],
      extractedFrom: null,
      derivedFrom: LegalBasisType.from(legalBasis),
      lunarSource,
      note,
    });
  }
}

@InputType({ description: '国务院（办公厅）节假日安排通知（CalendarNoticeInput）' })
class CalendarNoticeInput {
  @Field({
    description: '标题（title），不含书名号，如 国务院办公厅关于2027年部分节假日安排的通知',
  })
  title!: string;
  @Field(() => String, {
    nullable: true,
    description: '文号（documentNumber），如 国办发明电〔2026〕7号',
  })
  documentNumber?: string | null;
  @Field(() => LocalDateScalar, { nullable: true, description: '发布日期（issuedOn）' })
  issuedOn?: LocalDate | null;
  @Field(() => String, { nullable: true, description: '非本年度通知时所涉日期（covers）' })
  covers?: string | null;
}

@InputType({ description: '年度节假日安排的来源（CalendarYearSourceInput）' })
class CalendarYearSourceInput {
  @Field(() => [CalendarNoticeInput], {
    description: '所依据的国务院（办公厅）通知（notices），至少一件',
  })
  notices!: CalendarNoticeInput[];
  @Field(() => String, { nullable: true, description: '日期摘自（extractedFrom）' })
  extractedFrom?: string | null;
}

@InputType({ description: '一个日期及其节日名称（CalendarDayEntryInput）' })
class CalendarDayEntryInput {
  @Field(() => LocalDateScalar, { description: '日期（date）' }) date!: LocalDate;
  @Field({ description: '节日名称（name），如 国庆节；调休上班日为所补的节日' }) name!: string;
}

@InputType({
  description:
    '国务院办公厅公布的一个年度的节假日安排（CalendarArrangementInput）；只能载入正式安排（推定年度由系统推定，不能载入）',
})
class CalendarArrangementInput {
  @Field(() => Int, { description: '年度（year）' }) year!: number;
  @Field(() => CalendarYearSourceInput, { description: '来源（source）：所依据的通知' })
  source!: CalendarYearSourceInput;
  @Field(() => [CalendarDayEntryInput], {
    description: '放假日（holidays），含放假期间的周末',
  })
  holidays!: CalendarDayEntryInput[];
  @Field(() => [CalendarDayEntryInput], { description: '调休上班日（makeUpWorkdays）' })
  makeUpWorkdays!: CalendarDayEntryInput[];
}

/** The typed input as the plain data the calendar parser checks (absent optional fields omitted). */
function arrangementData(input: CalendarArrangementInput): unknown {
  const present = <T extends object>(o: T): Partial<T> =>
    Object.fromEntries(
      Object.entries(o).filter(([, v]) => v !== null && v !== undefined),
    ) as Partial<T>;
  return {
    year: input.year,
    source: present({
      notices: input.source.notices.map((n) => present({ ...n })),
      extractedFrom: input.source.extractedFrom,
    }),
    holidays: input.holidays.map((d) => ({ date: d.date, name: d.name })),
    makeUpWorkdays: input.makeUpWorkdays.map((d) => ({ date: d.date, name: d.name })),
  };
}

@ObjectType({ description: '节假日年度安排（正式或推定）' })
class CalendarYearInfo {
  @Field(() => Int, { description: '年度（year）' }) year!: number;
  @Field(() => CalendarYearStatusEnum, {
    description: '状态（status）：OFFICIAL 正式 / PROVISIONAL 推定',
  })
  status!: CalendarYearStatus;
  @Field(() => CalendarYearSourceInfo, {
    description: '来源（source）：正式年度为国务院办公厅通知；推定年度为法律依据和农历数据来源',
  })
  source!: CalendarYearSourceInfo;
  @Field(() => Int, { description: '放假日数（holidays）：该年度列为放假的日期数（不含普通周末）' })
  holidays!: number;
  @Field(() => Int, { description: '调休上班日数（makeUpWorkdays）：周末调为工作日的日期数' })
  makeUpWorkdays!: number;
}

@ObjectType({ description: '载入数据的提示（warning）：不阻止载入' })
class CalendarYearWarning {
  @Field({ description: '代码（code），如 STATUTORY_HOLIDAY_NOT_OFF' }) code!: string;
  @Field({ description: '数据位置（path）' }) path!: string;
  @Field({ description: '说明（message）' }) message!: string;
}

@ObjectType({ description: '载入正式节假日安排的结果（CalendarYearLoadResult）' })
class CalendarYearLoadResult extends CalendarYearInfo {
  @Field({ description: '是否替换了已载入的同一年度（replaced）' }) replaced!: boolean;
  @Field(() => [CalendarYearWarning], {
    description: '提示（warnings）：如法定节假日未列为放假日；按通知载入',
  })
  warnings!: CalendarYearWarning[];
  @Field(() => Int, {
    description: '届满日因此变更的进行中期限数（recomputedDeadlines），每项已记入案件全过程记录',
  })
  recomputedDeadlines!: number;
  @Field(() => Int, {
    description:
      '按推定日期已履行或已超期、按正式日期结果不同而标记待复核的期限数（flaggedForReview）',
  })
  flaggedForReview!: number;
}

/** Calendar questions fail like deadlines do: a year without data is refused, never guessed. */
async function withCalendar<T>(
  ctx: RequestContext,
  ask: (calendar: WorkingDayCalendar) => T,
): Promise<T> {
  const calendar = await loadWorkingDayCalendar(ctx.em);
  try {
    return ask(calendar);
  } catch (error) {
    // details: year, date, first year of data, last official year, horizon.
    throw calendarYearNotLoaded(error) ?? error;
  }
}

function toDay(calendar: WorkingDayCalendar, date: LocalDate): CalendarDay {
  const info = calendar.dayInfo(date);
  return Object.assign(new CalendarDay(), {
    date: info.date,
    isWorkingDay: info.isWorkingDay,
    kind: info.kind,
    holidayName: info.holidayName ?? null,
    description: info.description,
    provisional: info.provisional,
  });
}

@Resolver()
export class CalendarResolver {
  @Authorized()
  @Query(() => CalendarDay, { description: '某日是否为工作日（含法定节假日和调休上班日）' })
  calendarDay(
    @Arg('date', () => LocalDateScalar, { description: '要查询的日期（date）' }) date: LocalDate,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarDay> {
    return withCalendar(ctx, (calendar) => toDay(calendar, date));
  }

  @Authorized()
  @Query(() => CalendarDay, { description: '自某日起算（不含当日）第 N 个工作日' })
  addWorkingDays(
    @Arg('date', () => LocalDateScalar, { description: '起算日期（date）：期间自次日起算' })
    date: LocalDate,
    @Arg('days', () => Int, { description: '工作日数（days）' }) days: number,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarDay> {
    if (!Number.isInteger(days) || Math.abs(days) > 3650) {
      throw ValidationError.field('INVALID_DAY_COUNT', 'days', '天数须为绝对值不超过 3650 的整数');
    }
    return withCalendar(ctx, (calendar) => toDay(calendar, calendar.addWorkingDays(date, days)));
  }

  @Authorized()
  @Query(() => [CalendarYearInfo], {
    description:
      '节假日年度安排：已载入的正式年度，以及其后按《全国年节及纪念日放假办法》推定的年度（至推定范围止）',
  })
  async calendarYears(@Ctx() ctx: RequestContext): Promise<CalendarYearInfo[]> {
    const years = await ctx.em.find(CalendarYear, {}, { orderBy: { year: 'asc' } });
    const calendar = await loadWorkingDayCalendar(ctx.em);
    const official = years.map((y) =>
      Object.assign(new CalendarYearInfo(), {
        year: y.year,
        status: 'OFFICIAL',
        source: CalendarYearSourceInfo.official(y.data.source),
        holidays: y.data.holidays.length,
        makeUpWorkdays: y.data.makeUpWorkdays.length,
      }),
    );
    const provisional = calendar.provisionalYears.map((year) => {
      const derived = calendar.provisionalYearOf(year)!;
      return Object.assign(new CalendarYearInfo(), {
        year,
        status: 'PROVISIONAL',
        source: CalendarYearSourceInfo.provisional(
          derived.legalBasis,
          derived.lunarSource,
          `${year}年节假日安排尚未公布，按《全国年节及纪念日放假办法》推定；正式安排载入后重新计算`,
        ),
        holidays: derived.holidays.length,
        makeUpWorkdays: 0,
      });
    });
    return [...official, ...provisional].sort((a, b) => a.year - b.year);
  }

  @Authorized('ADMIN')
  @Mutation(() => CalendarYearLoadResult, {
    description:
      '载入（或更正）一个年度的节假日安排（国务院办公厅通知），限国家网信办系统管理员；同一事务内重新计算按推定年度计算的期限',
  })
  loadCalendarYear(
    @Arg('arrangement', () => CalendarArrangementInput, {
      description: '节假日安排（arrangement）：年度、所依据的通知、放假日和调休上班日',
    })
    arrangement: CalendarArrangementInput,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarYearLoadResult> {
    const actor = requireActor(ctx);
    if (actor.officer.office.level !== 'NATIONAL') {
      // The holiday arrangement is national; one office keeps it for all.
      throw ForbiddenError.outsideOffice('全国节假日安排');
    }
    // Checked before the transaction: bad input writes nothing.
    const { data, warnings } = parseOfficialArrangement(
      arrangementData(arrangement),
      'arrangement',
    );
    return runInTransaction(ctx, async (em, who) => {
      const result = await loadOfficialCalendarYear(em, data, warnings, who, ctx.now());
      return Object.assign(new CalendarYearLoadResult(), {
        year: data.year,
        status: 'OFFICIAL',
        source: CalendarYearSourceInfo.official(data.source),
        holidays: data.holidays.length,
        makeUpWorkdays: data.makeUpWorkdays.length,
        replaced: result.replaced,
        warnings: result.warnings.map((w) => ({ code: w.code, path: w.path, message: w.message })),
        recomputedDeadlines: result.recomputed.length,
        flaggedForReview: result.flagged.length,
      });
    });
  }
}
