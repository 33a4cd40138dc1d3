import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Resolver, Root } from 'type-graphql';
import { requireActor } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import { verifyCaseChain } from '../commands/case-events.js';
import { caseLoaders, type PlainDeadline } from './case-loaders.js';
import { selectsPlainColumns } from './case-detail-plain.js';
import { Case } from '../entities/case.entity.js';
import { CaseEvent } from '../entities/case-event.entity.js';
import { Deadline } from '../entities/deadline.entity.js';
import { toLocalDate, type LocalDate } from '../procedure/local-date.js';
import {
  AvailableActionType,
  ChainVerificationType,
  DeadlineStatusEnum,
  RuleViolationType,
  deadlineStatus,
  type DeadlineStatus,
} from '../schema/procedure.types.js';
import { LocalDateScalar } from '../schema/scalars.js';

/** A case's procedural reads: available actions, deadlines, events, the audit chain. */

@Resolver(() => Case)
export class CaseProcedureResolver {
  @FieldResolver(() => [AvailableActionType], {
    description: '当前状态下各程序操作是否可执行及原因',
  })
  async availableActions(
    @Root() found: Case,
    @Ctx() ctx: RequestContext,
    @Arg('partyId', () => ID, {
      nullable: true,
      description:
        '按当事人回答（partyId）：多名当事人的案件中，各当事人分别送达、听证、缴纳和催告；载明时一并判断只取决于该当事人的规则',
    })
    partyId?: string | null,
  ): Promise<AvailableActionType[]> {
    requireActor(ctx);
    // Batched across a page of cases (case-loaders.ts); priced by the cost limit.
    const actions = await caseLoaders(ctx).availableActions.load(
      partyId ? `${found.id}/${partyId}` : found.id,
    );
    return actions.map((a) =>
      Object.assign(new AvailableActionType(), {
        action: a.action,
        allowed: a.allowed,
        violations: a.violations.map(RuleViolationType.from),
        // Read-only lists of the rules' plans: served as they are, not copied per case.
        inputRules: a.inputRules as AvailableActionType['inputRules'],
      }),
    );
  }

  @FieldResolver(() => [Deadline], { description: '本案的法定期限（含已终结的）' })
  async deadlines(
    @Root() found: Case,
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Deadline[] | PlainDeadline[]> {
    const loaders = caseLoaders(ctx);
    // A selection of columns only (the dashboard's kind, dueDate, stoppedOn) reads plain rows,
    // unless this case's entities are already loaded (a detail primes them).
    if (!loaders.entityDeadlines.has(found.id) && selectsPlainColumns(ctx.em, info, 'Deadline')) {
      return loaders.plainDeadlines.load(found.id);
    }
    return loaders.deadlines.load(found.id);
  }

  @FieldResolver(() => [CaseEvent], { description: '全过程记录，按顺序' })
  async events(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<CaseEvent[]> {
    return caseLoaders(ctx).events.load(found.id);
  }

  @FieldResolver(() => ChainVerificationType, {
    description: '重新计算全过程记录的哈希链，检查是否被篡改',
  })
  async auditChain(
    @Root() found: Case,
    @Ctx() ctx: RequestContext,
  ): Promise<ChainVerificationType> {
    return Object.assign(new ChainVerificationType(), await verifyCaseChain(ctx.em, found.id));
  }
}

@Resolver(() => Deadline)
export class DeadlineResolver {
  @FieldResolver(() => DeadlineStatusEnum, { description: '截至今日（或 asOf）的状态' })
  status(
    @Root() deadline: Deadline,
    @Arg('asOf', () => LocalDateScalar, {
      nullable: true,
      description: '计算日（asOf），默认今日（北京时间）',
    })
    asOf: LocalDate | null,
    @Ctx() ctx: RequestContext,
  ): DeadlineStatus {
    return deadlineStatus(deadline, asOf ?? toLocalDate(ctx.now()));
  }
}
