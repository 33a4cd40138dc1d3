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
import { CalendarYear } from '../entities/calendar-year.entity.js';
import { loadWorkingDayCalendar } from '../db/seed/reference-data.js';
import { DomainError, ForbiddenError, ValidationError } from '../errors/domain-error.js';
import {
  isCalendarYearNotLoadedError,
  parseCalendarYear,
  type WorkingDayCalendar,
} from '../procedure/calendar/index.js';
import type { LocalDate } from '../procedure/local-date.js';
import { LocalDateScalar } from '../schema/scalars.js';

@ObjectType({ description: '某日是否为工作日' })
class CalendarDay {
  @Field(() => LocalDateScalar) date!: LocalDate;
  @Field() isWorkingDay!: boolean;
  @Field({ description: 'WORKING_DAY / WEEKEND / HOLIDAY / MAKE_UP_WORKDAY' }) kind!: string;
  @Field(() => String, { nullable: true, description: '节日名称（调休上班日为所补的节日）' })
  holidayName!: string | null;
  @Field() description!: string;
}

@ObjectType({ description: '已载入的节假日年度安排' })
class CalendarYearInfo {
  @Field(() => Int) year!: number;
  @Field(() => GraphQLJSON, { description: '来源（国务院办公厅通知）' }) source!: unknown;
  @Field(() => Int) holidays!: number;
  @Field(() => Int) makeUpWorkdays!: number;
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
    if (isCalendarYearNotLoadedError(error)) {
      throw new DomainError('CALENDAR_YEAR_NOT_LOADED', 'BAD_USER_INPUT', error.message, {
        year: error.year,
      });
    }
    throw error;
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
  });
}

@Resolver()
export class CalendarResolver {
  @Authorized()
  @Query(() => CalendarDay, { description: '某日是否为工作日（含法定节假日和调休上班日）' })
  calendarDay(
    @Arg('date', () => LocalDateScalar) date: LocalDate,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarDay> {
    return withCalendar(ctx, (calendar) => toDay(calendar, date));
  }

  @Authorized()
  @Query(() => CalendarDay, { description: '自某日起算（不含当日）第 N 个工作日' })
  addWorkingDays(
    @Arg('date', () => LocalDateScalar) date: LocalDate,
    @Arg('days', () => Int) days: number,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarDay> {
    if (!Number.isInteger(days) || Math.abs(days) > 3650) {
      throw ValidationError.field('INVALID_DAY_COUNT', 'days', '天数须为绝对值不超过 3650 的整数');
    }
    return withCalendar(ctx, (calendar) => toDay(calendar, calendar.addWorkingDays(date, days)));
  }

  @Authorized()
  @Query(() => [CalendarYearInfo], { description: '已载入节假日安排的年度' })
  async calendarYears(@Ctx() ctx: RequestContext): Promise<CalendarYearInfo[]> {
    const years = await ctx.em.find(CalendarYear, {}, { orderBy: { year: 'asc' } });
    return years.map((y) =>
      Object.assign(new CalendarYearInfo(), {
        year: y.year,
        source: y.data.source,
        holidays: y.data.holidays.length,
        makeUpWorkdays: y.data.makeUpWorkdays.length,
      }),
    );
  }

  @Authorized('ADMIN')
  @Mutation(() => CalendarYearInfo, {
    description: '载入（或更正）一个年度的节假日安排（国务院办公厅通知），限国家网信办系统管理员',
  })
  loadCalendarYear(
    @Arg('arrangement', () => GraphQLJSON, {
      description:
        '{ year, source: { notices: [{ title, documentNumber?, issuedOn? }] }, holidays: [{date, name}], makeUpWorkdays: [{date, name}] }',
    })
    arrangement: unknown,
    @Ctx() ctx: RequestContext,
  ): Promise<CalendarYearInfo> {
    const actor = requireActor(ctx);
    if (actor.officer.office.level !== 'NATIONAL') {
      // The holiday arrangement is national; one office keeps it for all.
      throw ForbiddenError.outsideOffice('全国节假日安排');
    }
    const parsed = parseCalendarYear(arrangement);
    if (!parsed.ok) {
      throw new DomainError(
        'CALENDAR_DATA_INVALID',
        'BAD_USER_INPUT',
        '节假日安排数据有误：' + parsed.errors.map((e) => e.message).join('；'),
        {
          errors: parsed.errors,
        },
      );
    }
    return runInTransaction(ctx, async (em, who) => {
      const data = parsed.data;
      const existing = await em.findOne(CalendarYear, { year: data.year });
      if (existing) {
        existing.data = data;
        existing.loadedAt = new Date();
        existing.loadedBy = who.officerId;
      } else {
        em.create(CalendarYear, { year: data.year, data, loadedBy: who.officerId });
      }
      return Object.assign(new CalendarYearInfo(), {
        year: data.year,
        source: data.source,
        holidays: data.holidays.length,
        makeUpWorkdays: data.makeUpWorkdays.length,
      });
    });
  }
}
