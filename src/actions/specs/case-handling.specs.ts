import { reportInvalid } from '../../errors/input-errors.js';
import {
  officersInScope,
  resolveApproval,
  resolveOfficerRefs,
} from '../../commands/procedure/resolve-references.js';
import { requiredText } from '../../commands/validate.js';
import { ValidationError } from '../../errors/domain-error.js';
import {
  ApplyForRecusalInput,
  CancelDocketingInput,
  DecideRecusalInput,
  ExtendTimeLimitInput,
  ResumeCaseInput,
  ResumeReturnedCaseInput,
  SuspendCaseInput,
  TransferCaseInput,
} from '../../schema/procedure-inputs/case-handling.inputs.js';
import { engineInput, spec } from '../action-spec.js';

/** Steps that manage the case itself: cancel, transfer, recusal, time limits, suspension. */

export const cancelDocketing = spec({
  action: 'cancelDocketing',
  input: CancelDocketingInput,
  description: '撤销立案（负责人批准；须先解除查封、扣押）',
  check: (input: CancelDocketingInput) => ({ reason: requiredText('reason', input.reason, 2000) }),
  toEngineInput: async ({ reason }) => engineInput<'cancelDocketing'>({ reason }),
});

export const transferCase = spec({
  action: 'transferCase',
  input: TransferCaseInput,
  description: '移送有管辖权的机关、移送司法机关，或者报请指定管辖（负责人）',
  check: (input: TransferCaseInput) => ({
    kind: input.kind,
    recipient: requiredText('recipient', input.recipient, 200),
    reason: requiredText('reason', input.reason, 2000),
    judicial: input.judicial
      ? {
          ...input.judicial,
          procuratorate: requiredText('judicial.procuratorate', input.judicial.procuratorate, 200),
        }
      : null,
  }),
  toEngineInput: async ({ judicial, ...checked }, { em, actor }) => {
    // 移送涉嫌犯罪案件: the approver's principal-head status comes from the officer record.
    const approval = judicial ? await resolveApproval(em, actor, judicial.approval) : undefined;
    return engineInput<'transferCase'>({
      ...checked,
      ...(judicial
        ? {
            judicial: {
              reportedOn: judicial.reportedOn,
              transferredOn: judicial.transferredOn,
              procuratorate: judicial.procuratorate,
              ...(approval ? { approval } : {}),
            },
          }
        : {}),
    });
  },
});

export const resumeReturnedCase = spec({
  action: 'resumeReturnedCase',
  input: ResumeReturnedCaseInput,
  description:
    '司法机关不予立案、撤销案件、不起诉或者免予刑事处罚后退回的案件重新办理（负责人）：恢复调查，办案期限自收到之日重新起算',
  check: (input: ResumeReturnedCaseInput) => ({
    ground: input.ground,
    receivedOn: input.receivedOn,
    judicialDocument: requiredText('judicialDocument', input.judicialDocument, 500),
  }),
  toEngineInput: async (checked) => engineInput<'resumeReturnedCase'>(checked),
});

export const applyForRecusal = spec({
  action: 'applyForRecusal',
  input: ApplyForRecusalInput,
  description: '记录回避申请（《中华人民共和国行政处罚法》第四十三条）',
  check: (input: ApplyForRecusalInput) => input,
  toEngineInput: async (input, { em, actor }) => {
    const [target] = await officersInScope(em, actor, [input.targetOfficerId]);
    return engineInput<'applyForRecusal'>({
      targetOfficerId: target!.id,
      applicant: input.applicant,
      ground: input.ground,
      appliedOn: input.appliedOn,
      targetRoles: target!.roles,
      ...(input.reconsiderationOf ? { reconsiderationOf: input.reconsiderationOf } : {}),
    });
  },
});

export const decideRecusal = spec({
  action: 'decideRecusal',
  input: DecideRecusalInput,
  description: '回避决定（负责人；被申请人不得决定自己的回避）',
  check: (input: DecideRecusalInput) => input,
  toEngineInput: async (input, { em, actor, today }) =>
    engineInput<'decideRecusal'>({
      recusalId: input.recusalId,
      granted: input.granted,
      ...(input.byCollectiveDiscussion ? { byCollectiveDiscussion: true } : {}),
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
});

export const extendTimeLimit = spec({
  action: 'extendTimeLimit',
  input: ExtendTimeLimitInput,
  description: '延长立案期限或者办案期限（负责人批准；再次延长须集体讨论）',
  check: (input: ExtendTimeLimitInput) => {
    const reason = requiredText('reason', input.reason, 2000);
    if (input.extensionDays != null && input.extensionDays < 1) {
      reportInvalid(
        ValidationError.field('INVALID_COUNT', 'extensionDays', '延长的天数应为正整数'),
        undefined,
      );
    }
    return { input, reason };
  },
  toEngineInput: async ({ input, reason }) =>
    engineInput<'extendTimeLimit'>({
      limit: input.limit,
      approvedOn: input.approvedOn,
      ...(input.extensionDays != null ? { extensionDays: input.extensionDays } : {}),
      reason,
      byCollectiveDiscussion: input.byCollectiveDiscussion,
    }),
});

export const suspendCase = spec({
  action: 'suspendCase',
  input: SuspendCaseInput,
  description: '中止案件调查（办案期限暂停计算）',
  check: (input: SuspendCaseInput) => ({
    suspendedOn: input.suspendedOn,
    reason: requiredText('reason', input.reason, 2000),
  }),
  toEngineInput: async (checked) => engineInput<'suspendCase'>(checked),
});

export const resumeCase = spec({
  action: 'resumeCase',
  input: ResumeCaseInput,
  description: '恢复案件调查（办案期限继续计算）',
  check: (input: ResumeCaseInput) => input,
  toEngineInput: async (input) => engineInput<'resumeCase'>({ resumedOn: input.resumedOn }),
});
