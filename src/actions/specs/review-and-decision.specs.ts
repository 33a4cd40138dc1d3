import { reportInvalid } from '../../errors/input-errors.js';
import {
  actingOfficers,
  officersInScope,
  resolveApproval,
} from '../../commands/procedure/resolve-references.js';
import { optionalText, requiredText } from '../../commands/validate.js';
import type { Decision } from '../../entities/decision.entity.js';
import { NotFoundError, ValidationError } from '../../errors/domain-error.js';
import type { DecideCaseInput as EngineDecideCaseInput } from '../../procedure/action-inputs.js';
import { publicationChoice } from '../../procedure/publication.js';
import {
  discretionBenchmarkFor,
  discretionViolations,
  type DiscretionRecord,
} from '../../procedure/discretion.js';
import type { LocalDate } from '../../procedure/local-date.js';
import {
  CompleteLegalReviewInput,
  DecideCaseInput,
  ImposeSummaryPenaltyInput,
  RecordCollectiveDiscussionInput,
  SubmitLegalReviewInput,
} from '../../schema/procedure-inputs/review-and-decision.inputs.js';
import { engineInput, spec } from '../action-spec.js';
import { requireValue, validYuan } from '../input-checks.js';
import {
  checkedDiscretion,
  checkedPenalties,
  createDecision,
  documentPenalties,
  documentPenaltiesByParty,
  enginePenalty,
  penaltyViolations,
  type CheckedPenalty,
} from '../penalties.js';

/** Legal review, collective discussion, the decision and the summary procedure. */

export const submitLegalReview = spec({
  action: 'submitLegalReview',
  input: SubmitLegalReviewInput,
  description: '提交法制审核（告知后须待陈述申辩和听证申请期限届满）',
  check: (input: SubmitLegalReviewInput) => input,
  toEngineInput: async (input) =>
    engineInput<'submitLegalReview'>({ submittedOn: input.submittedOn }),
});

export const completeLegalReview = spec({
  action: 'completeLegalReview',
  input: CompleteLegalReviewInput,
  description: '法制审核意见（具有法律职业资格、未参与调查的审核人员）',
  check: (input: CompleteLegalReviewInput) => ({
    completedOn: input.completedOn,
    result: input.result,
    opinion: requiredText('opinion', input.opinion, 5000),
  }),
  toEngineInput: async (checked) => engineInput<'completeLegalReview'>(checked),
});

export const recordCollectiveDiscussion = spec({
  action: 'recordCollectiveDiscussion',
  input: RecordCollectiveDiscussionInput,
  description: '负责人集体讨论（情节复杂或者重大违法行为）',
  check: (input: RecordCollectiveDiscussionInput) => ({
    input,
    conclusion: requiredText('conclusion', input.conclusion, 5000),
  }),
  toEngineInput: async ({ input, conclusion }, { em, actor, snapshot }) => {
    const participants = await officersInScope(em, actor, input.participantIds);
    return engineInput<'recordCollectiveDiscussion'>({
      heldOn: input.heldOn,
      // A head counts as such only in the office that owns the case; the roles come from the
      // officer records, never from the client.
      participants: participants.map((o) => ({
        officerId: o.id,
        isOfficeHead: o.roles.includes('OFFICE_HEAD') && o.office.id === snapshot.officeId,
      })),
      conclusion,
    });
  },
});

type WithoutDate<T> = T extends unknown ? Omit<T, 'decidedOn'> : never;

/** The decision's engine input without its date (the date is known once the case is loaded). */
function decidedInput(
  input: DecideCaseInput,
  penalties: readonly CheckedPenalty[],
): WithoutDate<EngineDecideCaseInput> {
  switch (input.outcome) {
    case 'PENALTY':
      // 双公示: a penalty decision is published unless the head decides otherwise.
      return {
        outcome: 'PENALTY',
        penalties: penalties.map(enginePenalty),
        publish: input.publish ?? true,
      };
    case 'NO_PENALTY':
      return {
        outcome: 'NO_PENALTY',
        ground: requireValue('ground', input.ground),
        educationGiven: input.educationGiven ?? false,
      };
    case 'FACTS_NOT_ESTABLISHED':
      return { outcome: 'FACTS_NOT_ESTABLISHED' };
    case 'TRANSFER_TO_JUDICIAL_ORGAN':
      return {
        outcome: 'TRANSFER_TO_JUDICIAL_ORGAN',
        recipient: requiredText('recipient', input.recipient ?? '', 200),
      };
  }
}

/** The discretion (APL art. 34) on the decision row, with the benchmark in force on the decision date. */
function recordDiscretion(decision: Decision, discretion: DiscretionRecord, decidedOn: LocalDate) {
  decision.discretionTier = discretion.tier;
  decision.discretionGrounds = [...discretion.grounds];
  decision.discretionStatement = discretion.statement ?? null;
  decision.discretionBenchmark = discretionBenchmarkFor(decidedOn)?.id ?? null;
}

export const decideCase = spec({
  action: 'decideCase',
  input: DecideCaseInput,
  description:
    '作出处理决定（负责人）：给予处罚、不予处罚、违法事实不能成立或者移送司法机关；登记处理决定',
  check: (input: DecideCaseInput) => {
    const reasons = requiredText('reasons', input.reasons, 5000);
    const penalties =
      input.outcome === 'PENALTY' ? checkedPenalties('penalties', input.penalties ?? []) : [];
    const decided = decidedInput(input, penalties);
    if (input.outcome !== 'TRANSFER_TO_JUDICIAL_ORGAN' && !input.content) {
      reportInvalid(
        ValidationError.field(
          'FIELD_REQUIRED',
          'content',
          '作出处理决定须提供决定书的内容（违法事实、理由、违反的规定）',
        ),
        undefined,
      );
    }
    const discretion = checkedDiscretion(input.outcome === 'PENALTY' ? input.discretion : null);
    const lateDecisionReason = optionalText('lateDecisionReason', input.lateDecisionReason, 2000);
    const judicial =
      input.outcome === 'TRANSFER_TO_JUDICIAL_ORGAN' && input.judicial
        ? {
            ...input.judicial,
            procuratorate: requiredText(
              'judicial.procuratorate',
              input.judicial.procuratorate,
              200,
            ),
          }
        : null;
    return { input, reasons, penalties, decided, discretion, lateDecisionReason, judicial };
  },
  toEngineInput: async (
    { input, penalties, decided, discretion, lateDecisionReason, judicial },
    { em, actor, snapshot, today },
  ) => {
    // The decision's own date (default today in Beijing) picks the provisions in force.
    const decidedOn = input.decidedOn ?? today;
    // 逾期作出决定 (APL art. 60, legal.md E15): the reason and the head's approval, when given.
    const approval = await resolveApproval(em, actor, input.lateDecisionApproval);
    const lateDecision =
      lateDecisionReason || approval
        ? {
            lateDecision: {
              ...(lateDecisionReason ? { reason: lateDecisionReason } : {}),
              ...(approval ? { approval } : {}),
            },
          }
        : {};
    // 移送涉嫌犯罪案件: as transferCase, the approver's principal-head status comes from the officer record.
    const transferApproval = judicial
      ? await resolveApproval(em, actor, judicial.approval)
      : undefined;
    const transfer = judicial
      ? {
          judicial: {
            reportedOn: judicial.reportedOn,
            transferredOn: judicial.transferredOn,
            procuratorate: judicial.procuratorate,
            ...(transferApproval ? { approval: transferApproval } : {}),
          },
        }
      : {};
    return {
      input: { ...decided, ...transfer, decidedOn, ...lateDecision } as EngineDecideCaseInput,
      violations: await penaltyViolations(em, snapshot, penalties, input, discretion, decidedOn),
      resolved: undefined,
    };
  },
  persist: async ({
    em,
    found,
    allowed,
    checked,
    rulebook,
    snapshot,
    input,
  }): Promise<Decision> => {
    const decision = createDecision(
      em,
      found,
      checked.input.outcome,
      allowed.actDate,
      checked.reasons,
      checked.penalties,
    );
    // APL art. 60: a decision after the case time limit is flagged, with what the office recorded.
    const due = snapshot.deadlines.CASE_TIME_LIMIT?.dueDate;
    if (due !== undefined && allowed.actDate > due) {
      decision.decidedAfterTimeLimit = true;
      decision.lateDecisionReason = input.lateDecision?.reason ?? null;
      decision.lateDecisionApprovedById = input.lateDecision?.approval?.approverId ?? null;
      decision.lateDecisionApprovedOn = input.lateDecision?.approval?.approvedOn ?? null;
    }
    // 双公示 (APL art. 48(1)): the office's social-impact finding, or else the rulebook's
    // presumption, recorded with the decision whether or not it is published.
    if (checked.input.outcome === 'PENALTY') {
      recordDiscretion(decision, checked.discretion, allowed.actDate);
      decision.publicationChoice = publicationChoice(
        checked.input.publish,
        checked.penalties.map((p) => p.kind),
        rulebook,
      ).choice;
    }
    return decision;
  },
  // Several parties fined each on their own lines: one letter each (APL art. 61).
  documents: async ({ next, checked: { input, penalties, discretion } }) => {
    if (input.outcome === 'TRANSFER_TO_JUDICIAL_ORGAN' || !input.content) {
      return [];
    }
    const letter = {
      outcome: input.outcome,
      penalties: documentPenalties(penalties),
      byParty: documentPenaltiesByParty(next.parties, penalties),
      ground: input.ground ?? null,
      ...(input.outcome === 'PENALTY' ? { discretion } : {}),
      content: input.content,
    };
    return [
      input.outcome === 'PENALTY'
        ? { kind: 'PENALTY_DECISION', content: letter }
        : { kind: 'NO_PENALTY_DECISION', content: letter },
    ];
  },
  afterDocuments: (decision, produced) => {
    decision.documentNumber = produced[0]?.number ?? null;
  },
  // 双公示 (APL art. 48(1)): a penalty decision is published when the office finds it has social
  // impact or, without a finding, when the rulebook presumes so; the choice is recorded either way.
  publication: ({ checked: { input } }, decision) =>
    input.content &&
    (decision.publicationChoice === 'SOCIAL_IMPACT_FOUND' ||
      decision.publicationChoice === 'PRESUMED_SOCIAL_IMPACT')
      ? { kind: 'PUBLISH', decision, facts: input.content.facts.join('') }
      : undefined,
});

export const imposeSummaryPenalty = spec({
  action: 'imposeSummaryPenalty',
  input: ImposeSummaryPenaltyInput,
  description:
    '当场作出行政处罚决定（简易程序：警告，或者对公民二百元以下、对法人或者其他组织三千元以下罚款）',
  check: (input: ImposeSummaryPenaltyInput) => ({
    input,
    reasons: requiredText('reasons', input.reasons, 5000),
    // E10: the same discretion as a decision after the general procedure (APL art. 34).
    discretion: checkedDiscretion(input.discretion),
    penalties: input.penalties.map((p, index) => {
      const amountYuan = validYuan(`penalties[${index}].amountYuan`, p.amountYuan);
      return {
        kind: p.kind,
        ...(amountYuan !== undefined ? { amountYuan } : {}),
        provisionId: p.provisionId?.trim() || null,
      };
    }),
  }),
  toEngineInput: async ({ input, penalties, discretion }, { em, actor, snapshot, today }) => {
    const imposedOn = input.imposedOn ?? today;
    const partyId =
      input.partyId ?? (snapshot.parties.length === 1 ? snapshot.parties[0]!.id : undefined);
    const party = snapshot.parties.find((p) => p.id === requireValue('partyId', partyId));
    if (!party) {
      throw NotFoundError.of('PARTY', partyId!);
    }
    const engine = engineInput<'imposeSummaryPenalty'>({
      partyKind: party.kind,
      penalties: penalties.map((p) =>
        enginePenalty({ ...p, ...(input.partyId ? { partyId: party.id } : {}) }),
      ),
      ...(await actingOfficers(em, actor, input, imposedOn)),
      factsConclusive: input.factsConclusive,
      partyInformedAndHeard: input.partyInformedAndHeard,
      imposedOn,
    });
    // A tier's grounds are checked as for decideCase (APL arts. 30-32, 34).
    return { ...engine, violations: discretionViolations(discretion) };
  },
  persist: async ({ em, found, allowed, checked }) => {
    const decision = createDecision(
      em,
      found,
      'PENALTY',
      allowed.actDate,
      checked.reasons,
      checked.penalties,
    );
    recordDiscretion(decision, checked.discretion, allowed.actDate);
  },
});
