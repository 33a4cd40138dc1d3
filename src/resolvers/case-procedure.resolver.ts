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
  Resolver,
  Root,
} from 'type-graphql';
import { requireActor } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import { verifyCaseChain } from '../commands/case-events.js';
import { findManagedOffice } from '../commands/office.commands.js';
import { takeNextNumber } from '../commands/procedure/number-sequence.js';
import { PREVIEW_NUMBER, rehearsalOf } from '../commands/procedure/rehearsal.js';
import { resolveOfficerRefs, resolveParties } from '../commands/procedure/resolve-references.js';
import { runProcedureStep } from '../commands/procedure/run-procedure-action.js';
import { requiredText } from '../commands/validate.js';
import { caseLoaders } from './case-loaders.js';
import { Case } from '../entities/case.entity.js';
import { CaseEvent } from '../entities/case-event.entity.js';
import { Deadline } from '../entities/deadline.entity.js';
import type { JurisdictionBasis } from '../procedure/action-inputs.js';
import { newCaseSnapshot, type CaseSourceType } from '../procedure/case-snapshot.js';
import { toLocalDate, type LocalDate } from '../procedure/local-date.js';
import { CaseSourceTypeEnum, JurisdictionBasisEnum } from '../schema/enums.js';
import {
  AvailableActionType,
  ChainVerificationType,
  DeadlineStatusEnum,
  ProcedureResult,
  RuleViolationType,
  deadlineStatus,
  type DeadlineStatus,
  CaseStepArgs,
} from '../schema/procedure.types.js';
import { LocalDateScalar } from '../schema/scalars.js';

@InputType({
  description: '违法行为发生时间（计算处罚时效，《中华人民共和国行政处罚法》第三十六条）',
})
class ViolationFactsInput {
  @Field(() => LocalDateScalar) committedOn!: LocalDate;
  @Field(() => LocalDateScalar, { nullable: true, description: '连续或者继续状态的终了日' })
  endedOn?: LocalDate | null;
  @Field({ description: '涉及公民生命健康安全、金融安全且有危害后果（时效五年）' })
  harmsLifeHealthOrFinancialSecurity!: boolean;
}

@InputType({ description: '案件来源登记' })
class RegisterCaseSourceInput {
  @Field(() => ID, { nullable: true, description: '登记机关（默认本机关）' }) officeId?:
    string | null;
  @Field(() => CaseSourceTypeEnum) sourceType!: CaseSourceType;
  @Field(() => LocalDateScalar, { description: '发现线索或收到材料的日期（立案期限自次日起算）' })
  receivedOn!: LocalDate;
  @Field({ nullable: true, description: '投诉、举报人具名' }) namedComplainant?: boolean;
  @Field(() => String, { nullable: true, description: '交办、报请或移送的机关' }) originator?:
    string | null;
  @Field({ description: '案由' }) title!: string;
  @Field({ description: '线索内容摘要' }) summary!: string;
  @Field(() => [ID], { description: '当事人' }) partyIds!: string[];
  @Field(() => ViolationFactsInput, { nullable: true }) violation?: ViolationFactsInput | null;
}

@InputType({ description: '立案或者不予立案（负责人决定）' })
class DecideDocketingInput {
  @Field({ description: 'true 立案；false 不予立案' }) docket!: boolean;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '立案（不予立案）审批日期 docketedOn（负责人批准之日，默认今日北京时间）：办案期限自该日起算',
  })
  docketedOn?: LocalDate | null;
  @Field(() => [ID], {
    nullable: true,
    description: '案件承办人（立案时至少两名持有效执法证件的人员）',
  })
  handlerIds?: string[] | null;
  @Field(() => JurisdictionBasisEnum, { nullable: true })
  jurisdictionBasis?: JurisdictionBasis | null;
  @Field(() => String, { nullable: true, description: '管辖依据说明' }) jurisdictionExplanation?:
    string | null;
  @Field(() => ViolationFactsInput, { nullable: true }) violation?: ViolationFactsInput | null;
  @Field(() => String, { nullable: true, description: '不予立案的理由' }) reason?: string | null;
}

function violationFacts(input: ViolationFactsInput | null | undefined) {
  return input
    ? {
        committedOn: input.committedOn,
        ...(input.endedOn ? { endedOn: input.endedOn } : {}),
        harmsLifeHealthOrFinancialSecurity: input.harmsLifeHealthOrFinancialSecurity,
      }
    : undefined;
}

@Resolver(() => Case)
export class CaseProcedureResolver {
  @FieldResolver(() => [AvailableActionType], {
    description: '当前状态下各程序操作是否可执行及原因',
  })
  async availableActions(
    @Root() found: Case,
    @Ctx() ctx: RequestContext,
  ): Promise<AvailableActionType[]> {
    requireActor(ctx);
    // Batched across a page of cases (case-loaders.ts); priced by the cost limit.
    const actions = await caseLoaders(ctx).availableActions.load(found.id);
    return actions.map((a) =>
      Object.assign(new AvailableActionType(), {
        action: a.action,
        allowed: a.allowed,
        violations: a.violations.map(RuleViolationType.from),
        inputRules: [...a.inputRules],
      }),
    );
  }

  @FieldResolver(() => [Deadline], { description: '本案的法定期限（含已终结的）' })
  async deadlines(@Root() found: Case, @Ctx() ctx: RequestContext): Promise<Deadline[]> {
    return caseLoaders(ctx).deadlines.load(found.id);
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

  @Authorized('CASE_HANDLER', 'OFFICE_HEAD')
  @Mutation(() => ProcedureResult, { description: '案件来源登记：开始计算立案期限' })
  async registerCaseSource(
    @Arg('input', () => RegisterCaseSourceInput) input: RegisterCaseSourceInput,
    @Arg('dryRun', () => Boolean, {
      defaultValue: false,
      description:
        '试运行（dryRun）：完整演练登记后回滚；不取案件编号、不写入任何数据，拒绝的条件和原因与正式操作相同',
    })
    dryRun: boolean,
    @Ctx() ctx: RequestContext,
    @Arg('lateEntryReason', () => String, {
      nullable: true,
      description:
        '补录理由 lateEntryReason：收到材料之日早于录入日超过规则参数 lateEntryReasonThreshold 个工作日的，必须说明',
    })
    lateEntryReason?: string | null,
  ): Promise<ProcedureResult> {
    const title = requiredText('title', input.title, 100);
    const summary = requiredText('summary', input.summary, 2000);
    return runProcedureStep(ctx, {
      action: 'registerCaseSource',
      actionName: '案件来源登记',
      dryRun,
      submitted: input,
      lateEntryReason: lateEntryReason ?? null,
      newCase: async (em, actor) => {
        const office = await findManagedOffice(em, actor, input.officeId ?? actor.officeId);
        return newCaseSnapshot(office.id, office.level);
      },
      resolveInput: async ({ em, actor }) => {
        const parties = await resolveParties(em, actor, input.partyIds);
        return {
          sourceType: input.sourceType,
          receivedOn: input.receivedOn,
          ...(input.namedComplainant != null ? { namedComplainant: input.namedComplainant } : {}),
          ...(input.originator ? { originator: input.originator } : {}),
          summary,
          ...(input.violation ? { violation: violationFacts(input.violation) } : {}),
          parties: parties.map((p) => ({ id: p.id, kind: p.kind })),
        };
      },
      createCase: async ({ em, actor }, engineInput) => {
        const office = await findManagedOffice(em, actor, input.officeId ?? actor.officeId);
        const year = Number(engineInput.receivedOn.slice(0, 4));
        // A dry run takes no case number: the gapless series must not even be locked.
        const serial = rehearsalOf(em)
          ? PREVIEW_NUMBER
          : await takeNextNumber(em, office.id, year, 'CASE');
        const number = `${office.shortName}案〔${year}〕${serial}号`;
        const parties = await resolveParties(em, actor, input.partyIds);
        const created = em.create(Case, {
          number,
          office,
          officePath: office.path,
          status: 'CASE_SOURCE_REGISTERED',
          title,
          violationSummary: summary,
          registeredOn: engineInput.receivedOn,
          searchText: [number, ...parties.map((p) => p.name)].join(' '),
        });
        parties.forEach((p) => created.parties.add(p));
        return created;
      },
    });
  }

  @Authorized('OFFICE_HEAD')
  @Mutation(() => ProcedureResult, { description: '立案或者不予立案（负责人决定）' })
  decideDocketing(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => DecideDocketingInput) input: DecideDocketingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runProcedureStep(ctx, {
      action: 'decideDocketing',
      actionName: input.docket ? '立案' : '不予立案',
      ...step,
      submitted: input,
      resolveInput: async ({ em, actor, today }) => {
        // The head's approval date (default today in Beijing) starts the case time limit.
        const docketedOn = input.docketedOn ?? today;
        return input.docket
          ? {
              docket: true as const,
              docketedOn,
              handlers: await resolveOfficerRefs(em, actor, input.handlerIds ?? [], docketedOn),
              jurisdiction: {
                basis: input.jurisdictionBasis ?? 'TERRITORIAL',
                explanation: input.jurisdictionExplanation ?? '',
              },
              ...(input.violation ? { violation: violationFacts(input.violation) } : {}),
            }
          : { docket: false as const, docketedOn, reason: input.reason ?? '' };
      },
    });
  }
}

@Resolver(() => Deadline)
export class DeadlineResolver {
  @FieldResolver(() => DeadlineStatusEnum, { description: '截至今日（或 asOf）的状态' })
  status(
    @Root() deadline: Deadline,
    @Arg('asOf', () => LocalDateScalar, { nullable: true }) asOf: LocalDate | null,
    @Ctx() ctx: RequestContext,
  ): DeadlineStatus {
    return deadlineStatus(deadline, asOf ?? toLocalDate(ctx.now()));
  }
}
