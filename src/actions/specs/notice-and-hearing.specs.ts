import { reportInvalid } from '../../errors/input-errors.js';
import { approvalPart, officersInScope } from '../../commands/procedure/resolve-references.js';
import { optionalText, requiredText } from '../../commands/validate.js';
import { ValidationError } from '../../errors/domain-error.js';
import {
  IssuePrePenaltyNoticeInput,
  RecordHearingInput,
  RecordStatementInput,
  RequestHearingInput,
  ReviewStatementInput,
  ScheduleHearingInput,
  WaiveRightsInput,
} from '../../schema/procedure-inputs/notice-and-hearing.inputs.js';
import { engineInput, spec } from '../action-spec.js';
import { flagsPatch } from '../input-checks.js';
import { enginePartyOf } from '../party-of.js';
import {
  checkedDiscretion,
  checkedPenalties,
  documentPenalties,
  documentPenaltiesByParty,
  enginePenalty,
  penaltyViolations,
} from '../penalties.js';

/** Pre-penalty notice, statements and defence, waivers and the hearing. */

export const issuePrePenaltyNotice = spec({
  action: 'issuePrePenaltyNotice',
  input: IssuePrePenaltyNoticeInput,
  description:
    '行政处罚事先告知：拟作出的处罚须符合所援引处罚条款的种类、幅度和适用层级；当场送达的，开始计算陈述申辩和听证申请期限（否则自 serveDocument 送达之日起算）',
  check: (input: IssuePrePenaltyNoticeInput) => ({
    input,
    penalties: checkedPenalties('proposedPenalties', input.proposedPenalties),
    discretion: checkedDiscretion(input.discretion),
    flags: flagsPatch(input.flags),
  }),
  toEngineInput: async ({ input, penalties, discretion, flags }, ctx) => {
    const { em, actor, snapshot, today } = ctx;
    const actDate = input.servedOn ?? input.issuedOn ?? today;
    const violations = await penaltyViolations(em, snapshot, penalties, input, discretion, actDate);
    const approval = await approvalPart(em, actor, input.approval);
    return {
      input: {
        proposedPenalties: penalties.map(enginePenalty),
        ...(input.servedOn ? { servedOn: input.servedOn } : {}),
        ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}),
        ...approval,
        ...(input.hearingByOtherRule != null
          ? { hearingByOtherRule: input.hearingByOtherRule }
          : {}),
        ...(flags ? { flags } : {}),
      },
      violations,
      resolved: undefined,
    };
  },
  // Several parties: one notice each, naming them and only their penalties (APL art. 44).
  documents: async ({ next, checked: { input, penalties, discretion } }) => [
    {
      kind: 'PRE_PENALTY_NOTICE',
      content: {
        servedOn: input.servedOn ?? null,
        ...(input.issuedOn ? { issuedOn: input.issuedOn } : {}),
        penalties: documentPenalties(penalties),
        byParty: documentPenaltiesByParty(next.parties, penalties),
        discretion,
        content: input.content,
      },
    },
  ],
});

export const recordStatement = spec({
  action: 'recordStatement',
  input: RecordStatementInput,
  description: '记录当事人的陈述、申辩',
  check: (input: RecordStatementInput) => {
    optionalText('summary', input.summary, 5000);
    const r = input.record;
    return {
      input,
      record: r
        ? {
            startTime: requiredText('record.startTime', r.startTime, 10),
            endTime: requiredText('record.endTime', r.endTime, 10),
            place: requiredText('record.place', r.place, 200),
            statedBy: requiredText('record.statedBy', r.statedBy, 100),
            statedByRole: requiredText('record.statedByRole', r.statedByRole, 100),
            recorder: requiredText('record.recorder', r.recorder, 100),
            content: r.content.map((p, i) => requiredText(`record.content[${i}]`, p, 5000)),
          }
        : null,
    };
  },
  toEngineInput: async ({ input }, { snapshot }) =>
    engineInput<'recordStatement'>({
      receivedOn: input.receivedOn,
      channel: input.channel,
      ...enginePartyOf(snapshot, input.partyId, '案件有多名当事人，须载明提出陈述、申辩的当事人'),
    }),
  // 陈述申辩笔录 when the oral statement's content is given (APL art. 45).
  documents: async ({ checked: { input, record } }) =>
    record ? [{ kind: 'STATEMENT_RECORD', content: { ...record, date: input.receivedOn } }] : [],
});

export const reviewStatement = spec({
  action: 'reviewStatement',
  input: ReviewStatementInput,
  description: '复核当事人提出的事实、理由和证据',
  check: (input: ReviewStatementInput) => {
    optionalText('opinion', input.opinion, 5000);
    return input;
  },
  toEngineInput: async (input) =>
    engineInput<'reviewStatement'>({
      statementId: input.statementId,
      reviewedOn: input.reviewedOn,
      adopted: input.adopted,
    }),
});

export const waiveRights = spec({
  action: 'waiveRights',
  input: WaiveRightsInput,
  description: '当事人明确放弃陈述、申辩或者听证权利（书面签字）',
  check: (input: WaiveRightsInput) => input,
  toEngineInput: async (input, { snapshot }) =>
    engineInput<'waiveRights'>({
      rights: [...new Set(input.rights)],
      ...enginePartyOf(snapshot, input.partyId, '案件有多名当事人，须载明放弃权利的当事人'),
      waivedOn: input.waivedOn,
      signedByParty: input.signedByParty,
    }),
});

export const requestHearing = spec({
  action: 'requestHearing',
  input: RequestHearingInput,
  description: '记录当事人要求听证（告知后 hearingRequestPeriod 内）',
  check: (input: RequestHearingInput) => input,
  toEngineInput: async (input, { snapshot }) =>
    engineInput<'requestHearing'>({
      requestedOn: input.requestedOn,
      ...enginePartyOf(snapshot, input.partyId, '案件有多名当事人，须载明要求听证的当事人'),
    }),
});

export const scheduleHearing = spec({
  action: 'scheduleHearing',
  input: ScheduleHearingInput,
  description: '指定听证主持人并送达听证通知书（负责人）',
  check: (input: ScheduleHearingInput) => {
    requiredText('arrangement.place', input.arrangement.place, 500);
    if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(input.arrangement.startTime)) {
      reportInvalid(
        ValidationError.field(
          'INVALID_TIME',
          'arrangement.startTime',
          '开始时间应为 HH:MM，如 09:30',
        ),
        undefined,
      );
    }
    return input;
  },
  toEngineInput: async (input, { em, actor }) => {
    const [presider] = await officersInScope(em, actor, [input.presidingOfficerId]);
    const [recorder] = await officersInScope(em, actor, [input.arrangement.recorderId]);
    return engineInput<'scheduleHearing'>({
      hearingOn: input.hearingOn,
      noticeServedOn: input.noticeServedOn,
      presidingOfficerId: presider!.id,
      recorderId: recorder!.id,
      isPublic: input.isPublic,
      ...(input.nonPublicGround ? { nonPublicGround: input.nonPublicGround } : {}),
    });
  },
  documents: async ({ em, actor, checked: input }) => {
    // The recorder and hearing officers the notice names must be officers in scope.
    await officersInScope(em, actor, [
      input.arrangement.recorderId,
      ...(input.arrangement.hearingOfficerIds ?? []),
    ]);
    return [
      {
        kind: 'HEARING_NOTICE',
        content: {
          hearingOn: input.hearingOn,
          presidingOfficerId: input.presidingOfficerId,
          isPublic: input.isPublic,
          nonPublicGround: input.nonPublicGround ?? null,
          arrangement: input.arrangement,
        },
      },
    ];
  },
});

export const recordHearing = spec({
  action: 'recordHearing',
  input: RecordHearingInput,
  description: '举行听证并制作听证笔录（听证主持人）',
  check: (input: RecordHearingInput) => {
    if (input.agentCount < 0) {
      reportInvalid(
        ValidationError.field('INVALID_COUNT', 'agentCount', '代理人人数不能为负数'),
        undefined,
      );
    }
    return input;
  },
  toEngineInput: async (input) =>
    engineInput<'recordHearing'>({
      heldOn: input.heldOn,
      outcome: input.outcome,
      agentCount: input.agentCount,
      recordSignedByParty: input.recordSignedByParty,
      refusalNotedByPresider: input.refusalNotedByPresider,
    }),
});
