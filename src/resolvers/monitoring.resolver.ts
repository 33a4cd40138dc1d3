import { ref } from '@mikro-orm/core';
import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import type { RequestContext } from '../auth/context.js';
import { Case } from '../entities/case.entity.js';
import { Deadline } from '../entities/deadline.entity.js';
import { toLocalDate, type LocalDate } from '../procedure/local-date.js';
import {
  CREATED_AT_KEYS,
  Connection,
  PageArgs,
  listOrders,
  orderEnum,
} from '../schema/connection.js';
import { listWithinOffices } from './office-scoped-list.js';
import { DeadlineKindEnum } from '../schema/enums.js';
import { PARTY_WINDOW_KINDS } from '../schema/procedure.types.js';
import { LocalDateScalar } from '../schema/scalars.js';
import type { DeadlineKind } from '../procedure/case-snapshot.js';

const DeadlineConnection = Connection(Deadline, 'Deadline');

export const DEADLINE_ORDERS = listOrders({
  CREATED_AT: CREATED_AT_KEYS,
  DUE_DATE: [{ property: 'dueDate' }],
});

const DeadlineOrderEnum = orderEnum(
  DEADLINE_ORDERS,
  'DeadlineOrder',
  '法定期限列表排序（DeadlineOrder）',
  {
    DUE_DATE_ASC: { description: '届满日期（dueDate）由近到远' },
    DUE_DATE_DESC: { description: '届满日期（dueDate）由远到近' },
  },
);
type DeadlineOrder = keyof typeof DEADLINE_ORDERS;

@InputType({ description: '期限监控筛选（“红灯”）' })
class DeadlineFilter {
  @Field(() => Boolean, { nullable: true, description: 'true：仅列出进行中且已超期的期限' })
  overdue?: boolean | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '仅列出进行中且在此日前（含）届满的期限',
  })
  dueBefore?: LocalDate | null;
  @Field(() => ID, { nullable: true, description: '该机关及其下级机关（默认本机关及下级）' })
  officeId?: string | null;
  @Field(() => DeadlineKindEnum, { nullable: true, description: '只列出该种类的期限（kind）' })
  kind?: DeadlineKind | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      '推定（provisional）：true 仅列出进行中且届满日按推定年度计算的期限（正式安排载入后将重新计算）；false 仅列出按正式安排计算的期限',
  })
  provisional?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '待复核（needsReview）：true 仅列出载入正式安排后标记待复核的期限',
  })
  needsReview?: boolean | null;
}

@Resolver(() => Deadline)
export class MonitoringResolver {
  @Authorized()
  @Query(() => DeadlineConnection, { description: '本机关及下级机关案件的法定期限监控' })
  async deadlines(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => DeadlineFilter, {
      nullable: true,
      description: '筛选条件（filter）；不填列出本机关及下级机关的全部期限',
    })
    filter: DeadlineFilter | null,
    @Arg('orderBy', () => DeadlineOrderEnum, {
      nullable: true,
      description: '排序（orderBy），默认 CREATED_AT_DESC',
    })
    orderBy: DeadlineOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    const today = toLocalDate(ctx.now());
    const open = filter?.overdue || filter?.dueBefore || filter?.provisional === true;
    const dueBound = filter?.overdue
      ? { $lt: filter.dueBefore && filter.dueBefore < today ? filter.dueBefore : today }
      : filter?.dueBefore
        ? { $lte: filter.dueBefore }
        : undefined;
    return listWithinOffices(
      ctx,
      Deadline,
      filter?.officeId,
      {
        where: {
          ...(open ? { stoppedOn: null } : {}),
          ...(dueBound ? { dueDate: dueBound } : {}),
          ...(filter?.kind ? { kind: filter.kind } : {}),
          ...(typeof filter?.provisional === 'boolean' ? { provisional: filter.provisional } : {}),
          ...(filter?.needsReview === true ? { reviewFlag: { $ne: null } } : {}),
          ...(filter?.needsReview === false ? { reviewFlag: null } : {}),
          ...(filter?.overdue ? { kind: filter.kind ?? { $nin: [...PARTY_WINDOW_KINDS] } } : {}),
        },
      },
      page,
      DEADLINE_ORDERS[orderBy ?? 'CREATED_AT_DESC'],
    );
  }

  @FieldResolver(() => Case, { description: '所属案件' })
  case(@Root() deadline: Deadline): Promise<Case> {
    return ref(deadline.case).loadOrFail();
  }
}
