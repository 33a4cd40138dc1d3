import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  Resolver,
} from 'type-graphql';
import type { RequestContext } from '../../auth/context.js';
import { resolveOfficerRefs } from '../../commands/procedure/resolve-references.js';
import { requiredText } from '../../commands/validate.js';
import { ValidationError } from '../../errors/domain-error.js';
import type { RecusalGround, TransferKind } from '../../procedure/action-inputs.js';
import type { TimeLimitKind } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import {
  RecusalApplicantEnum,
  RecusalGroundEnum,
  TimeLimitKindEnum,
  TransferKindEnum,
  type RecusalApplicant,
} from '../../schema/procedure-enums.js';
import { ProcedureResult, CaseStepArgs } from '../../schema/procedure.types.js';
import { LocalDateScalar } from '../../schema/scalars.js';
import { officersInScope, rolesOf, runCaseStep } from './procedure-inputs.js';

/** Steps that manage the case itself: cancel, transfer, recusal, time limits, suspension. */

@InputType({ description: '撤销立案' })
class CancelDocketingInput {
  @Field({ description: '撤销立案的理由' }) reason!: string;
}

@InputType({ description: '移送案件或者报请指定管辖' })
class TransferCaseInput {
  @Field(() => TransferKindEnum) kind!: TransferKind;
  @Field({ description: '接收移送的机关、司法机关，或者共同的上一级网信部门' }) recipient!: string;
  @Field({ description: '移送或者报请的理由' }) reason!: string;
}

@InputType({ description: '回避申请（当事人申请或者执法人员自行回避）' })
class ApplyForRecusalInput {
  @Field(() => ID, { description: '被申请回避的执法人员或者听证主持人' }) targetOfficerId!: string;
  @Field(() => RecusalApplicantEnum) applicant!: RecusalApplicant;
  @Field(() => RecusalGroundEnum) ground!: RecusalGround;
  @Field(() => LocalDateScalar, { description: '提出申请的日期' }) appliedOn!: LocalDate;
}

@InputType({ description: '回避决定（负责人）' })
class DecideRecusalInput {
  @Field(() => ID, { description: '回避申请（案件 recusals 中的 id）' }) recusalId!: string;
  @Field({ description: 'true 决定回避；false 驳回申请' }) granted!: boolean;
  @Field(() => [ID], { nullable: true, description: '回避后承办人不足两名时，新指定的承办人' })
  replacementHandlerIds?: string[] | null;
}

@InputType({ description: '延长立案期限或者办案期限' })
class ExtendTimeLimitInput {
  @Field(() => TimeLimitKindEnum) limit!: TimeLimitKind;
  @Field(() => LocalDateScalar, { description: '批准延长的日期' }) approvedOn!: LocalDate;
  @Field(() => Int, { nullable: true, description: '办案期限延长的自然日数（立案期限不填）' })
  extensionDays?: number | null;
  @Field({ description: '延长的理由' }) reason!: string;
  @Field({ description: '经负责人集体讨论决定（再次延长办案期限时须集体讨论）' })
  byCollectiveDiscussion!: boolean;
}

@InputType({ description: '中止案件调查' })
class SuspendCaseInput {
  @Field(() => LocalDateScalar) suspendedOn!: LocalDate;
  @Field({ description: '中止的理由' }) reason!: string;
}

@InputType({ description: '恢复案件调查' })
class ResumeCaseInput {
  @Field(() => LocalDateScalar) resumedOn!: LocalDate;
}

@Resolver()
export class CaseHandlingResolver {
  @Authorized(rolesOf('cancelDocketing'))
  @Mutation(() => ProcedureResult, { description: '撤销立案（负责人批准；须先解除查封、扣押）' })
  cancelDocketing(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => CancelDocketingInput) input: CancelDocketingInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const reason = requiredText('reason', input.reason, 2000);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'cancelDocketing',
        resolveInput: async () => ({ reason }),
      },
    );
  }

  @Authorized(rolesOf('transferCase'))
  @Mutation(() => ProcedureResult, {
    description: '移送有管辖权的机关、移送司法机关，或者报请指定管辖（负责人）',
  })
  transferCase(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => TransferCaseInput) input: TransferCaseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const recipient = requiredText('recipient', input.recipient, 200);
    const reason = requiredText('reason', input.reason, 2000);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'transferCase',
        resolveInput: async () => ({ kind: input.kind, recipient, reason }),
      },
    );
  }

  @Authorized(rolesOf('applyForRecusal'))
  @Mutation(() => ProcedureResult, {
    description: '记录回避申请（《中华人民共和国行政处罚法》第四十三条）',
  })
  applyForRecusal(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ApplyForRecusalInput) input: ApplyForRecusalInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'applyForRecusal',
        resolveInput: async (context) => {
          const [target] = await officersInScope(context.em, context, [input.targetOfficerId]);
          return {
            targetOfficerId: target!.id,
            applicant: input.applicant,
            ground: input.ground,
            appliedOn: input.appliedOn,
          };
        },
      },
    );
  }

  @Authorized(rolesOf('decideRecusal'))
  @Mutation(() => ProcedureResult, {
    description: '回避决定（负责人；被申请人不得决定自己的回避）',
  })
  decideRecusal(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => DecideRecusalInput) input: DecideRecusalInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'decideRecusal',
        resolveInput: async ({ em, actor, today }) => ({
          recusalId: input.recusalId,
          granted: input.granted,
          ...(input.replacementHandlerIds?.length
            ? {
                replacementHandlers: await resolveOfficerRefs(
                  em,
                  actor,
                  input.replacementHandlerIds,
                  today,
                ),
              }
            : {}),
        }),
      },
    );
  }

  @Authorized(rolesOf('extendTimeLimit'))
  @Mutation(() => ProcedureResult, {
    description: '延长立案期限或者办案期限（负责人批准；再次延长须集体讨论）',
  })
  extendTimeLimit(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ExtendTimeLimitInput) input: ExtendTimeLimitInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const reason = requiredText('reason', input.reason, 2000);
    if (input.extensionDays != null && input.extensionDays < 1) {
      throw ValidationError.field('INVALID_COUNT', 'extensionDays', '延长的天数应为正整数');
    }
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'extendTimeLimit',
        resolveInput: async () => ({
          limit: input.limit,
          approvedOn: input.approvedOn,
          ...(input.extensionDays != null ? { extensionDays: input.extensionDays } : {}),
          reason,
          byCollectiveDiscussion: input.byCollectiveDiscussion,
        }),
      },
    );
  }

  @Authorized(rolesOf('suspendCase'))
  @Mutation(() => ProcedureResult, { description: '中止案件调查（办案期限暂停计算）' })
  suspendCase(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => SuspendCaseInput) input: SuspendCaseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const reason = requiredText('reason', input.reason, 2000);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'suspendCase',
        resolveInput: async () => ({ suspendedOn: input.suspendedOn, reason }),
      },
    );
  }

  @Authorized(rolesOf('resumeCase'))
  @Mutation(() => ProcedureResult, { description: '恢复案件调查（办案期限继续计算）' })
  resumeCase(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ResumeCaseInput) input: ResumeCaseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'resumeCase',
        resolveInput: async () => ({ resumedOn: input.resumedOn }),
      },
    );
  }
}
