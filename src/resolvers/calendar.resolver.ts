import { GraphQLJSON } from 'graphql-scalars';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
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
import { CalendarYearStatusEnum, DayKindEnum } from '../schema/deadline-explanation.types.js';
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

@ObjectType({ description: '节假日年度安排（正式或推定）' })
class CalendarYearInfo {
  @Field(() => Int, { description: '年度（year）' }) year!: number;
  @Field(() => CalendarYearStatusEnum, {
    description: '状态（status）：OFFICIAL 正式 / PROVISIONAL 推定',
  })
  status!: CalendarYearStatus;
  @Field(() => GraphQLJSON, {
    description: '来源（source）：正式年度为国务院办公厅通知；推定年度为法律依据和农历数据来源',
  })
  source!: unknown;
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
        source: y.data.source,
        holidays: y.data.holidays.length,
        makeUpWorkdays: y.data.makeUpWorkdays.length,
      }),
    );
    const provisional = calendar.provisionalYears.map((year) => {
      const derived = calendar.provisionalYearOf(year)!;
      return Object.assign(new CalendarYearInfo(), {
        year,
        status: 'PROVISIONAL',
        source: {
          derivedFrom: derived.legalBasis,
          lunarSource: derived.lunarSource,
          note: `${year}年节假日安排尚未公布，按《全国年节及纪念日放假办法》推定；正式安排载入后重新计算`,
        },
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
    @Arg('arrangement', () => GraphQLJSON, {
      description:
        '{ year, source: { notices: [{ title, documentNumber?, issuedOn? }] }, holidays: [{date, name}], makeUpWorkdays: [{date, name}] }；只能载入正式安排（推定年度不能载入）',
    })
    arrangement: unknown,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarYearLoadResult> {
    const actor = requireActor(ctx);
    if (actor.officer.office.level !== 'NATIONAL') {
      // The holiday arrangement is national; one office keeps it for all.
      throw ForbiddenError.outsideOffice('全国节假日安排');
    }
    // Checked before the transaction: bad input writes nothing.
    const { data, warnings } = parseOfficialArrangement(arrangement);
    return runInTransaction(ctx, async (em, who) => {
      const result = await loadOfficialCalendarYear(em, data, warnings, who, ctx.now());
      return Object.assign(new CalendarYearLoadResult(), {
        year: data.year,
        status: 'OFFICIAL',
        source: data.source,
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
