import { publishPenaltyDecision } from '../../commands/publications.js';
import { produceDecisionLetter } from '../../commands/documents/step-documents.js';
import type { Decision } from '../../entities/decision.entity.js';
import { DecisionContentInput } from '../../schema/document-content.inputs.js';
import { Arg, Args, Authorized, Ctx, Field, ID, InputType, Mutation, Resolver } from 'type-graphql';
import type { RequestContext } from '../../auth/context.js';
import { resolveOfficerRefs } from '../../commands/procedure/resolve-references.js';
import { requiredText } from '../../commands/validate.js';
import { NotFoundError, ValidationError } from '../../errors/domain-error.js';
import type {
  DecideCaseInput as EngineDecideCaseInput,
  DecisionOutcome,
  NoPenaltyGround,
} from '../../procedure/action-inputs.js';
import type { LegalReviewResult } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import {
  DecisionOutcomeEnum,
  LegalReviewResultEnum,
  NoPenaltyGroundEnum,
} from '../../schema/procedure-enums.js';
import { ProcedureResult, CaseStepArgs } from '../../schema/procedure.types.js';
import { LocalDateScalar } from '../../schema/scalars.js';
import {
  PenaltyInput,
  SummaryPenaltyInput,
  penaltyViolations,
  checkedPenalties,
  createDecision,
  enginePenalty,
  officersInScope,
  requireId,
  rolesOf,
  runCaseStep,
  validYuan,
} from './procedure-inputs.js';

/** Legal review, collective discussion, the decision and the summary procedure. */

@InputType({ description: '提交法制审核' })
class SubmitLegalReviewInput {
  @Field(() => LocalDateScalar) submittedOn!: LocalDate;
}

@InputType({ description: '法制审核意见（法制审核人员）' })
class CompleteLegalReviewInput {
  @Field(() => LocalDateScalar) completedOn!: LocalDate;
  @Field(() => LegalReviewResultEnum) result!: LegalReviewResult;
  @Field({ description: '审核意见' }) opinion!: string;
}

@InputType({ description: '负责人集体讨论' })
class RecordCollectiveDiscussionInput {
  @Field(() => LocalDateScalar) heldOn!: LocalDate;
  @Field(() => [ID], { description: '参加讨论的人员（负责人按其在本机关的职务计入）' })
  participantIds!: string[];
  @Field({ description: '讨论结论' }) conclusion!: string;
}

@InputType({ description: '调查终结后的处理决定（负责人）' })
class DecideCaseInput {
  @Field(() => DecisionOutcomeEnum) outcome!: DecisionOutcome;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '决定日期 decidedOn（负责人作出决定之日，默认今日北京时间）：决定书载明该日期，送达期限自该日起算',
  })
  decidedOn?: LocalDate | null;
  @Field(() => [PenaltyInput], {
    nullable: true,
    description: '给予行政处罚时：处罚及其处罚依据（不得重于告知的处罚）',
  })
  penalties?: PenaltyInput[] | null;
  @Field(() => NoPenaltyGroundEnum, { nullable: true, description: '不予行政处罚的情形' })
  ground?: NoPenaltyGround | null;
  @Field(() => Boolean, { nullable: true, description: '不予处罚时已对当事人进行教育' })
  educationGiven?: boolean | null;
  @Field(() => String, { nullable: true, description: '移送的司法机关' }) recipient?: string | null;
  @Field({ description: '决定理由与依据概述' }) reasons!: string;
  @Field(() => DecisionContentInput, {
    nullable: true,
    description:
      '决定书的内容（给予处罚、不予处罚、违法事实不能成立时必填：据此在同一事务内生成决定书）',
  })
  content?: DecisionContentInput | null;
  @Field(() => Number, { nullable: true, description: '经认定的违法所得（元；没有的填 0）' })
  illegalGainsYuan?: number | null;
  @Field(() => Number, { nullable: true, description: '上一年度营业额（元）' })
  priorYearTurnoverYuan?: number | null;
  @Field(() => Boolean, { nullable: true, description: '具有减轻处罚情形并已记录' }) mitigated?:
    boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description:
      '给予处罚时：依法公开行政处罚决定信息（《中华人民共和国行政处罚法》第四十八条；默认公开）。决定被变更、撤销或者确认违法的，三个工作日内撤回',
  })
  publish?: boolean | null;
}

@InputType({ description: '当场作出行政处罚决定（简易程序）' })
class ImposeSummaryPenaltyInput {
  @Field(() => LocalDateScalar, {
    nullable: true,
    description:
      '当场作出决定的日期 imposedOn（默认今日北京时间）：缴纳罚款、申请复议的期限自该日起算',
  })
  imposedOn?: LocalDate | null;
  @Field(() => ID, { nullable: true, description: '受处罚的当事人（案件只有一名当事人时可省略）' })
  partyId?: string | null;
  @Field(() => [SummaryPenaltyInput]) penalties!: SummaryPenaltyInput[];
  @Field(() => [ID], { description: '执法人员（不少于两名，持有效执法证件）' })
  officerIds!: string[];
  @Field() certificatesShown!: boolean;
  @Field({ description: '违法事实确凿并有法定依据' }) factsConclusive!: boolean;
  @Field({ description: '已告知当事人作出处罚的事实、理由和依据，并听取了陈述、申辩' })
  partyInformedAndHeard!: boolean;
  @Field({ description: '决定理由与依据概述' }) reasons!: string;
  @Field(() => DecisionContentInput, {
    nullable: true,
    description:
      '决定书的内容（给予处罚、不予处罚、违法事实不能成立时必填：据此在同一事务内生成决定书）',
  })
  content?: DecisionContentInput | null;
}

@Resolver()
export class ReviewAndDecisionResolver {
  @Authorized(rolesOf('submitLegalReview'))
  @Mutation(() => ProcedureResult, {
    description: '提交法制审核（告知后须待陈述申辩和听证申请期限届满）',
  })
  submitLegalReview(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => SubmitLegalReviewInput) input: SubmitLegalReviewInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'submitLegalReview',
        resolveInput: async () => ({ submittedOn: input.submittedOn }),
      },
    );
  }

  @Authorized(rolesOf('completeLegalReview'))
  @Mutation(() => ProcedureResult, {
    description: '法制审核意见（具有法律职业资格、未参与调查的审核人员）',
  })
  completeLegalReview(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => CompleteLegalReviewInput) input: CompleteLegalReviewInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const opinion = requiredText('opinion', input.opinion, 5000);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'completeLegalReview',
        resolveInput: async () => ({
          completedOn: input.completedOn,
          result: input.result,
          opinion,
        }),
      },
    );
  }

  @Authorized(rolesOf('recordCollectiveDiscussion'))
  @Mutation(() => ProcedureResult, { description: '负责人集体讨论（情节复杂或者重大违法行为）' })
  recordCollectiveDiscussion(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => RecordCollectiveDiscussionInput) input: RecordCollectiveDiscussionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const conclusion = requiredText('conclusion', input.conclusion, 5000);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'recordCollectiveDiscussion',
        resolveInput: async (context) => {
          const participants = await officersInScope(context.em, context, input.participantIds);
          return {
            heldOn: input.heldOn,
            // A head counts as such only in the office that owns the case; the roles come from the
            // officer records, never from the client.
            participants: participants.map((o) => ({
              officerId: o.id,
              isOfficeHead:
                o.roles.includes('OFFICE_HEAD') && o.office.id === context.snapshot.officeId,
            })),
            conclusion,
          };
        },
      },
    );
  }

  @Authorized(rolesOf('decideCase'))
  @Mutation(() => ProcedureResult, {
    description:
      '作出处理决定（负责人）：给予处罚、不予处罚、违法事实不能成立或者移送司法机关；登记处理决定',
  })
  decideCase(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => DecideCaseInput) input: DecideCaseInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const reasons = requiredText('reasons', input.reasons, 5000);
    const penalties =
      input.outcome === 'PENALTY' ? checkedPenalties('penalties', input.penalties ?? []) : [];
    const engineInput = (): EngineDecideCaseInput => {
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
            ground: requireField('ground', input.ground),
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
    };
    const decided = engineInput();
    if (input.outcome !== 'TRANSFER_TO_JUDICIAL_ORGAN' && !input.content) {
      throw ValidationError.field(
        'FIELD_REQUIRED',
        'content',
        '作出处理决定须提供决定书的内容（违法事实、理由、违反的规定）',
      );
    }
    let decision: Decision | undefined;
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'decideCase',
        resolveInput: async ({ em, snapshot, today, additionalViolations }) => {
          // The decision's own date (default today in Beijing) picks the provisions in force.
          const decidedOn = input.decidedOn ?? today;
          additionalViolations.push(
            ...(await penaltyViolations(em, snapshot, penalties, input, decidedOn)),
          );
          return { ...decided, decidedOn };
        },
        persist: async ({ em, found, allowed }) => {
          decision = createDecision(em, found, input.outcome, allowed.actDate, reasons, penalties);
        },
        documents: async (context) => {
          if (input.outcome === 'TRANSFER_TO_JUDICIAL_ORGAN' || !input.content) {
            return { documents: [], sections: {} };
          }
          // The letter bears the decision date, not the day it is entered (APL art. 59).
          const produced = await produceDecisionLetter(
            { ...context, today: context.allowed.actDate },
            {
              outcome: input.outcome,
              penalties: penalties.map((p) => ({
                kind: p.kind,
                provisionId: p.provisionId,
                ...(p.amountYuan !== undefined ? { amountYuan: p.amountYuan } : {}),
              })),
              ground: input.ground ?? null,
              content: input.content,
            },
          );
          decision!.documentNumber = produced.documents[0]?.number ?? null;
          if (input.outcome === 'PENALTY' && input.publish !== false) {
            // 双公示: every published penalty decision yields its publication record (APL art. 48).
            await publishPenaltyDecision(
              context.em,
              context.found,
              decision!,
              input.content.facts.join(''),
              context.calendar,
            );
          }
          return produced;
        },
      },
    );
  }

  @Authorized(rolesOf('imposeSummaryPenalty'))
  @Mutation(() => ProcedureResult, {
    description:
      '当场作出行政处罚决定（简易程序：警告，或者对公民二百元以下、对法人或者其他组织三千元以下罚款）',
  })
  imposeSummaryPenalty(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ImposeSummaryPenaltyInput) input: ImposeSummaryPenaltyInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const reasons = requiredText('reasons', input.reasons, 5000);
    const penalties = input.penalties.map((p, index) => {
      const amountYuan = validYuan(`penalties[${index}].amountYuan`, p.amountYuan);
      return {
        kind: p.kind,
        ...(amountYuan !== undefined ? { amountYuan } : {}),
        provisionId: p.provisionId?.trim() || null,
      };
    });
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'imposeSummaryPenalty',
        resolveInput: async ({ em, actor, snapshot, today }) => {
          const imposedOn = input.imposedOn ?? today;
          const partyId =
            input.partyId ?? (snapshot.parties.length === 1 ? snapshot.parties[0]!.id : undefined);
          const party = snapshot.parties.find((p) => p.id === requireId('partyId', partyId));
          if (!party) {
            throw NotFoundError.of('PARTY', partyId!);
          }
          return {
            partyKind: party.kind,
            penalties: penalties.map((p) =>
              enginePenalty({ ...p, ...(input.partyId ? { partyId: party.id } : {}) }),
            ),
            officers: await resolveOfficerRefs(em, actor, input.officerIds, imposedOn),
            certificatesShown: input.certificatesShown,
            factsConclusive: input.factsConclusive,
            partyInformedAndHeard: input.partyInformedAndHeard,
            imposedOn,
          };
        },
        persist: async ({ em, found, allowed }) => {
          createDecision(em, found, 'PENALTY', allowed.actDate, reasons, penalties);
        },
      },
    );
  }
}

function requireField<T>(field: string, value: T | null | undefined): T {
  if (value === null || value === undefined) {
    throw ValidationError.field('FIELD_REQUIRED', field, `${field} 不能为空`);
  }
  return value;
}
