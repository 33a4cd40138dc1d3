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
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireActor } from '../auth/auth-checker.js';
import type { Actor, RequestContext } from '../auth/context.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { isInScope } from '../auth/office-scope.js';
import { findVisibleById } from '../commands/find-visible.js';
import { NotFoundError } from '../errors/domain-error.js';
import { Case } from '../entities/case.entity.js';
import { Decision } from '../entities/decision.entity.js';
import { Evidence } from '../entities/evidence.entity.js';
import { Office } from '../entities/office.entity.js';
import { Officer } from '../entities/officer.entity.js';
import { Party } from '../entities/party.entity.js';
import { PendingDocument } from '../entities/pending-document.entity.js';
import { caseLoaders } from './case-loaders.js';
import type { PenaltyKind } from '../procedure/penalty-kind.js';
import { Connection, PageArgs } from '../schema/connection.js';
import { containsText, listWithinOffices } from './office-scoped-list.js';
import { CaseStatusEnum, PenaltyKindEnum, type CaseStatus } from '../schema/enums.js';

const CaseConnection = Connection(Case, 'Case');

@InputType({ description: '案件筛选条件' })
class CaseFilter {
  @Field(() => ID, {
    nullable: true,
    description: '只列出该机关及其下级机关的案件（默认：本机关及下级）',
  })
  officeId?: string | null;

  @Field(() => [CaseStatusEnum], { nullable: true, description: '案件状态（任一）' })
  status?: CaseStatus[] | null;

  @Field(() => String, { nullable: true, description: '按案件编号或当事人名称查找' })
  search?: string | null;
}

@ObjectType({ description: '处罚内容' })
class Penalty {
  @Field(() => PenaltyKindEnum, { description: '处罚种类（kind）' }) kind!: PenaltyKind;
  @Field(() => String, { nullable: true, description: '金额（元，两位小数）' }) amountYuan!:
    string | null;
  @Field(() => String, { nullable: true, description: '所依据的处罚条款（处罚条款目录 id）' })
  provisionId!: string | null;
}

/** A case in the actor's office or one below it; any other id reads as not found. */
export function findCaseInScope(em: EntityManager, actor: Actor, id: string): Promise<Case> {
  return findVisibleById(
    em,
    Case,
    id,
    (missing) => NotFoundError.of('CASE', missing),
    (found) => isInScope(actor, found.officePath),
  );
}

export function findVisibleCase(ctx: RequestContext, id: string): Promise<Case> {
  return findCaseInScope(ctx.em, requireActor(ctx), id);
}

@Resolver(() => Case)
export class CaseResolver {
  @Authorized()
  @Query(() => Case, { description: '按 id 查询案件（本机关及下级机关的案件）' })
  case(
    @Arg('id', () => ID, { description: '案件标识（id）' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Case> {
    return findVisibleCase(ctx, id);
  }

  @Authorized()
  @Query(() => CaseConnection, { description: '本机关及下级机关的案件，新登记的在前' })
  async cases(
    @Args(() => PageArgs) page: PageArgs,
    @Arg('filter', () => CaseFilter, {
      nullable: true,
      description: '筛选条件（filter）；不填列出本机关及下级机关的全部案件',
    })
    filter: CaseFilter | null,
    @Ctx() ctx: RequestContext,
  ) {
    return listWithinOffices(
      ctx,
      Case,
      filter?.officeId,
      {
        ...(filter?.status?.length ? { status: { $in: filter.status } } : {}),
        ...(filter?.search ? { searchText: containsText(filter.search.trim()) } : {}),
      },
      page,
    );
  }

  @FieldResolver(() => Office, { description: '办案机关' })
  office(@Root() found: Case): Promise<Office> {
    return ref(found.office).loadOrFail();
  }

  @FieldResolver(() => [Party], { description: '当事人' })
  async parties(@Root() found: Case): Promise<Party[]> {
    return [...(await found.parties.load({ dataloader: true }))];
  }

  @FieldResolver(() => [Officer], { description: '承办人员' })
  async handlers(@Root() found: Case): Promise<Officer[]> {
    return [...(await found.handlers.load({ dataloader: true }))];
  }

  @FieldResolver(() => [Evidence], { description: '证据，按取证时间排列' })
  async evidence(@Root() found: Case): Promise<Evidence[]> {
    const items = await found.evidence.load({ dataloader: true });
    return [...items].sort((a, b) => a.collectedAt.getTime() - b.collectedAt.getTime());
  }

  @FieldResolver(() => [Decision], { description: '处理决定' })
  async decisions(@Root() found: Case): Promise<Decision[]> {
    return [...(await found.decisions.load({ dataloader: true }))];
  }

  @FieldResolver(() => [PendingDocument], {
    description:
      '待制作文书（pendingDocuments）：程序环节应当制作而尚未制作的文书，按环节顺序排列；以 generateDocument 制作后移除；required 的未制作完毕不得结案',
  })
  pendingDocuments(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<PendingDocument[]> {
    return caseLoaders(ctx).pendingDocuments.load(found.id);
  }
}

@Resolver(() => Evidence)
export class EvidenceResolver {
  @FieldResolver(() => [Officer], { description: '取证人员' })
  async collectors(@Root() evidence: Evidence): Promise<Officer[]> {
    return [...(await evidence.collectors.load({ dataloader: true }))];
  }
}

@Resolver(() => Decision)
export class DecisionResolver {
  @FieldResolver(() => [Penalty], { description: '处罚种类和金额' })
  penalties(@Root() decision: Decision): Penalty[] {
    return decision.penalties.map((p) => Object.assign(new Penalty(), p));
  }
}
