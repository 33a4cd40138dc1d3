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
import { withdrawPublication } from '../commands/publications.js';
import { requiredText } from '../commands/validate.js';
import { loadWorkingDayCalendar } from '../db/seed/reference-data.js';
import { Case } from '../entities/case.entity.js';
import { Publication } from '../entities/publication.entity.js';
import { ConflictError, NotFoundError } from '../errors/domain-error.js';
import { toLocalDate, type LocalDate } from '../procedure/local-date.js';
import { Connection, PageArgs } from '../schema/connection.js';
import { listWithinOffices } from './office-scoped-list.js';
import { LocalDateScalar } from '../schema/scalars.js';

const PublicationConnection = Connection(Publication, 'Publication');

@InputType({ description: '公示筛选' })
class PublicationFilter {
  @Field(() => ID, { nullable: true, description: '该机关及其下级机关（默认本机关及下级）' })
  officeId?: string | null;
  @Field(() => Boolean, { nullable: true, description: '包含已撤下的公示（默认不包含）' })
  includeWithdrawn?: boolean | null;
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

@Resolver(() => Publication)
export class PublicationResolver {
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
    @Ctx() ctx: RequestContext,
  ) {
    return listWithinOffices(
      ctx,
      Publication,
      filter?.officeId,
      filter?.includeWithdrawn ? {} : { withdrawnOn: null },
      page,
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
      const publication = isUuid(input.publicationId)
        ? await em.findOne(Publication, { id: input.publicationId })
        : null;
      if (!publication || !isInScope(actor, publication.officePath)) {
        throw new NotFoundError(
          'PUBLICATION_NOT_FOUND',
          'NOT_FOUND',
          '公示记录不存在或不在您的管辖范围内',
          { id: input.publicationId },
        );
      }
      if (publication.withdrawnOn) {
        throw ConflictError.duplicate('PUBLICATION_ALREADY_WITHDRAWN', '该公示已撤下', {
          withdrawnOn: publication.withdrawnOn,
        });
      }
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
}
