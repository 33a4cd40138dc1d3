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
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { runInTransaction } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import { isInScope } from '../auth/office-scope.js';
import { isUuid } from '../commands/office.commands.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { removePublicationOnCreditRepair, withdrawPublication } from '../commands/publications.js';
import { requiredText } from '../commands/validate.js';
import { loadWorkingDayCalendar } from '../db/seed/reference-data.js';
import { Case } from '../entities/case.entity.js';
import { Publication } from '../entities/publication.entity.js';
import { ConflictError, NotFoundError } from '../errors/domain-error.js';
import { toLocalDate, type LocalDate } from '../procedure/local-date.js';
import {
  CREATION_ORDERS,
  Connection,
  CreationOrderEnum,
  PageArgs,
  type CreationOrder,
} from '../schema/connection.js';
import { listWithinOffices } from './office-scoped-list.js';
import { LocalDateScalar } from '../schema/scalars.js';
import { PublicationFieldsType } from '../schema/publication-fields.type.js';

const PublicationConnection = Connection(Publication, 'Publication');

@InputType({ description: '公示筛选' })
class PublicationFilter {
  @Field(() => ID, { nullable: true, description: '该机关及其下级机关（默认本机关及下级）' })
  officeId?: string | null;
  @Field(() => Boolean, { nullable: true, description: '包含已撤下的公示（默认不包含）' })
  includeWithdrawn?: boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '包含公示期已届满（公示截止期 endsOn 已过）的记录 includeExpired（默认不包含）',
  })
  includeExpired?: boolean | null;
}

@InputType({ description: '撤下公示' })
class WithdrawPublicationInput {
  @Field(() => ID, { description: '要撤下的公示（publicationId）' }) publicationId!: string;
  @Field(() => LocalDateScalar, {
    description: '处罚决定被变更或者撤销的日期（撤下期限自次日起算）',
  })
  decisionChangedOn!: LocalDate;
  @Field({ description: '撤下原因，如 行政复议决定撤销原处罚决定' }) reason!: string;
}

@InputType({
  description:
    '信用修复提前撤下公示 RemovePublicationOnCreditRepairInput（公示期届满前，已满最短公示期限）',
})
class RemovePublicationOnCreditRepairInput {
  @Field(() => ID, { description: '公示记录 publicationId' }) publicationId!: string;
  @Field(() => LocalDateScalar, { description: '信用修复完成的日期 repairedOn' })
  repairedOn!: LocalDate;
  @Field({
    description: '信用修复的依据 basis，如信用修复决定或者信用网站的修复结果及其文号',
  })
  basis!: string;
  @Field({ description: '撤下原因 reason' }) reason!: string;
}

@Resolver(() => Publication)
export class PublicationResolver {
  @FieldResolver(() => PublicationFieldsType, {
    description: '公示字段（fields）：双公示标准字段（自然人证件号码已屏蔽，金额单位万元）',
  })
  fields(@Root() publication: Publication): PublicationFieldsType {
    return PublicationFieldsType.from(publication.fields);
  }

  @Authorized()
  @Query(() => PublicationConnection, {
    description: '本机关及下级机关的行政处罚信息公示（双公示）',
  })
  async publications(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => PublicationFilter, {
      nullable: true,
      description: '筛选条件（filter）；不填列出本机关及下级机关未撤下的公示',
    })
    filter: PublicationFilter | null,
    @Arg('orderBy', () => CreationOrderEnum, {
      nullable: true,
      description: '排序（orderBy），默认 CREATED_AT_DESC',
    })
    orderBy: CreationOrder | null,
    @Ctx() ctx: RequestContext,
  ) {
    return listWithinOffices(
      ctx,
      Publication,
      filter?.officeId,
      {
        where: {
          ...(filter?.includeWithdrawn ? {} : { withdrawnOn: null }),
          ...(filter?.includeExpired ? {} : { endsOn: { $gte: toLocalDate(ctx.now()) } }),
        },
      },
      page,
      CREATION_ORDERS[orderBy ?? 'CREATED_AT_DESC'],
    );
  }

  @FieldResolver(() => Case, { description: '所属案件' })
  case(@Root() publication: Publication): Promise<Case> {
    return ref(publication.case).loadOrFail();
  }

  @Authorized('OFFICE_HEAD', 'ADMIN')
  @Mutation(() => Publication, {
    description:
      '处罚决定被变更或者撤销后撤下公示（在 publicationWithdrawalPeriod 内，《中华人民共和国行政处罚法》第四十八条）',
  })
  withdrawPublication(
    @Arg('input', () => WithdrawPublicationInput, { description: '撤下信息（input）' })
    input: WithdrawPublicationInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Publication> {
    return runInTransaction(ctx, async (em, actor) => {
      const publication = await visiblePublication(em, actor, input.publicationId);
      await withdrawPublication(
        em,
        publication,
        input.decisionChangedOn,
        toLocalDate(ctx.now()),
        requiredText('reason', input.reason, 300),
        await loadWorkingDayCalendar(em),
      );
      return publication;
    });
  }

  @Authorized('OFFICE_HEAD', 'ADMIN')
  @Mutation(() => Publication, {
    description:
      '信用修复后在公示期届满前提前撤下公示（已满规则参数 creditRepairMinimumPublication 规定的最短公示期限；记录依据并通知门户网站）',
  })
  removePublicationOnCreditRepair(
    @Arg('input', () => RemovePublicationOnCreditRepairInput, {
      description: '信用修复撤下的输入 input：公示记录、修复日期、依据和原因',
    })
    input: RemovePublicationOnCreditRepairInput,
    @Ctx() ctx: RequestContext,
  ): Promise<Publication> {
    return runInTransaction(ctx, async (em, actor) => {
      const publication = await visiblePublication(em, actor, input.publicationId);
      const basis = requiredText('basis', input.basis, 300);
      const reason = requiredText('reason', input.reason, 300);
      const now = ctx.now();
      await removePublicationOnCreditRepair(em, publication, actor, {
        repairedOn: input.repairedOn,
        basis,
        reason,
        withdrawnOn: toLocalDate(now),
        occurredAt: now,
      });
      return publication;
    });
  }
}

/** The publication if it exists in the actor's scope and is still published; else the error the API answers. */
async function visiblePublication(
  em: EntityManager,
  actor: Parameters<typeof isInScope>[0],
  id: string,
): Promise<Publication> {
  const publication = isUuid(id) ? await em.findOne(Publication, { id }) : null;
  if (!publication || !isInScope(actor, publication.officePath)) {
    throw new NotFoundError(
      'PUBLICATION_NOT_FOUND',
      'NOT_FOUND',
      '公示记录不存在或不在您的管辖范围内',
      { id },
    );
  }
  if (publication.withdrawnOn) {
    throw ConflictError.duplicate('PUBLICATION_ALREADY_WITHDRAWN', '该公示已撤下', {
      withdrawnOn: publication.withdrawnOn,
    });
  }
  return publication;
}
