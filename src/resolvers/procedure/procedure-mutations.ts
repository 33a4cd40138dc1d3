import { Arg, Args, Authorized, Ctx, Mutation, Resolver, type ClassType } from 'type-graphql';
import { ACTION_SPECS } from '../../actions/action-specs.js';
import type { RequestContext } from '../../auth/context.js';
import { runProcedureStep } from '../../commands/procedure/run-procedure-action.js';
import { PROCEDURE_ACTIONS, type ProcedureAction } from '../../procedure/procedure-action.js';
import { transitionOf } from '../../procedure/transitions.js';
import { CaseStepArgs, ProcedureResult } from '../../schema/procedure.types.js';
import { NewCaseStepArgs } from '../../schema/procedure-inputs/step-args.js';

/**
 * One mutation per procedural action, generated from its spec and the transition table: named
 * as the action, described by the spec (else the table's title). Any officer may call it; the
 * engine refuses a wrong role together with every other unmet rule (ROLE_REQUIRED among the
 * violations, as availableActions reports it).
 */

export function mutationDescription(action: ProcedureAction): string {
  return ACTION_SPECS[action].description ?? transitionOf(action).title;
}

const INPUT_DESCRIPTION =
  '本步骤的事实与决定（input）：规则审查的全部内容；被拒绝时 violations[].inputPaths 指向其中的字段';

function caseStepMutation(action: ProcedureAction): ClassType {
  @Resolver()
  class CaseStepMutation {
    @Authorized()
    @Mutation(() => ProcedureResult, { name: action, description: mutationDescription(action) })
    step(
      @Args(() => CaseStepArgs) args: CaseStepArgs,
      @Arg('input', () => ACTION_SPECS[action].input, { description: INPUT_DESCRIPTION })
      input: object,
      @Ctx() ctx: RequestContext,
    ): Promise<ProcedureResult> {
      return runProcedureStep(ctx, action, args, input);
    }
  }
  return CaseStepMutation;
}

/** registerCaseSource opens the case: no case id or version yet. */
@Resolver()
class RegisterCaseSourceMutation {
  @Authorized()
  @Mutation(() => ProcedureResult, {
    name: 'registerCaseSource',
    description: mutationDescription('registerCaseSource'),
  })
  step(
    @Args(() => NewCaseStepArgs) args: NewCaseStepArgs,
    @Arg('input', () => ACTION_SPECS.registerCaseSource.input, { description: INPUT_DESCRIPTION })
    input: object,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runProcedureStep(ctx, 'registerCaseSource', args, input);
  }
}

export const procedureMutationResolvers: readonly ClassType[] = PROCEDURE_ACTIONS.map((action) =>
  action === 'registerCaseSource' ? RegisterCaseSourceMutation : caseStepMutation(action),
);
