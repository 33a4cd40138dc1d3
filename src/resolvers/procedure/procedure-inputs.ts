import type { EntityManager } from '@mikro-orm/postgresql';
import { Field, ID, InputType } from 'type-graphql';
import type { RequestContext } from '../../auth/context.js';
import { isInScope } from '../../auth/office-scope.js';
import { isUuid } from '../../commands/office.commands.js';
import {
  runProcedureStep,
  type ProcedureStep,
  type ProcedureStepContext,
} from '../../commands/procedure/run-procedure-action.js';
import type { Case } from '../../entities/case.entity.js';
import { Decision, type DecidedPenalty } from '../../entities/decision.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { PenaltyProvisionRecord } from '../../entities/penalty-provision-record.entity.js';
import { NotFoundError, ValidationError } from '../../errors/domain-error.js';
import type { CaseFlags, CaseSnapshot, ProposedPenalty } from '../../procedure/case-snapshot.js';
import type { LocalDate } from '../../procedure/local-date.js';
import type { OfficerRole } from '../../procedure/officer-role.js';
import type { PartyKind } from '../../procedure/party-kind.js';
import type { PenaltyKind } from '../../procedure/penalty-kind.js';
import type { ProcedureAction } from '../../procedure/procedure-action.js';
import {
  checkProposedPenalties,
  type FineBasis,
  type PenaltyTarget,
  type ProposedPenalty as ProvisionPenalty,
} from '../../procedure/provisions/index.js';
import type { RuleViolation } from '../../procedure/rule-violation.js';
import { transitionOf } from '../../procedure/transitions.js';
import type { DecisionKind } from '../../schema/enums.js';
import { PenaltyKindEnum } from '../../schema/enums.js';
import { FineBasisEnum, PenaltyTargetEnum } from '../../schema/procedure-enums.js';
import type { ProcedureResult } from '../../schema/procedure.types.js';

/**
 * Shared pieces of the procedural mutations: roles and names from the transition table,
 * the one-call runner wrapper, penalty inputs and their provision check, money validation.
 */

/** Roles of an action, straight from the transition table (so @Authorized cannot drift from it). */
export function rolesOf(action: ProcedureAction): OfficerRole[] {
  return [...transitionOf(action).roles];
}

/** Runs a step of an existing case; the action's Chinese title names it in the audit record. */
export function runCaseStep<A extends ProcedureAction>(
  ctx: RequestContext,
  args: {
    caseId: string;
    expectedVersion: number;
    dryRun: boolean;
    submitted: unknown;
    lateEntryReason?: string | null;
  },
  step: Pick<ProcedureStep<A>, 'action' | 'resolveInput' | 'persist' | 'documents'> & {
    actionName?: string;
  },
): Promise<ProcedureResult> {
  return runProcedureStep(ctx, {
    ...step,
    actionName: step.actionName ?? transitionOf(step.action).title,
    caseId: args.caseId,
    expectedVersion: args.expectedVersion,
    dryRun: args.dryRun,
    submitted: args.submitted,
    lateEntryReason: args.lateEntryReason ?? null,
  });
}

/** Yuan amounts: finite, not negative, at most two decimals (分). */
export function validYuan(field: string, value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const fen = value * 100;
  if (
    !Number.isFinite(value) ||
    value < 0 ||
    Math.abs(fen - Math.round(fen)) > 1e-6 ||
    value > 1e13
  ) {
    throw ValidationError.field(
      'INVALID_AMOUNT',
      field,
      `${field} 应为不小于零、最多两位小数的金额（元）`,
      { value },
    );
  }
  return Math.round(fen) / 100;
}

/** Decimal string with two places, as the decision row stores money. */
export function yuanString(amount: number | undefined): string | null {
  return amount === undefined ? null : amount.toFixed(2);
}

export function requireId(field: string, value: string | null | undefined): string {
  if (!value) {
    throw ValidationError.field('FIELD_REQUIRED', field, `${field} 不能为空`);
  }
  return value;
}

@InputType({ description: '案件分类（触发法制审核与集体讨论）；未填写的保持不变' })
export class CaseFlagsInput {
  @Field(() => Boolean, { nullable: true, description: '涉及重大公共利益' }) majorPublicInterest?:
    boolean | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '案件情况疑难复杂、涉及多个法律关系（情节复杂）',
  })
  complexCase?: boolean | null;
  @Field(() => Boolean, { nullable: true, description: '重大违法行为' }) majorViolation?:
    boolean | null;
  @Field(() => Boolean, { nullable: true, description: '法律、法规规定应当进行法制审核的其他情形' })
  legalReviewRequiredByOtherLaw?: boolean | null;
}

export function flagsPatch(
  input: CaseFlagsInput | null | undefined,
): Partial<CaseFlags> | undefined {
  if (!input) {
    return undefined;
  }
  const patch: { -readonly [K in keyof CaseFlags]?: boolean } = {};
  for (const key of [
    'majorPublicInterest',
    'complexCase',
    'majorViolation',
    'legalReviewRequiredByOtherLaw',
  ] as const) {
    const value = input[key];
    if (value !== null && value !== undefined) {
      patch[key] = value;
    }
  }
  return patch;
}

@InputType({ description: '拟作出或者决定的行政处罚（一项）及其处罚依据' })
export class PenaltyInput {
  @Field(() => PenaltyKindEnum) kind!: PenaltyKind;
  @Field(() => Number, {
    nullable: true,
    description: '罚款金额或者没收的价值（元，最多两位小数）',
  })
  amountYuan?: number | null;
  @Field({ description: '处罚依据：处罚条款目录 id，如 PIPL-66-1-REFUSAL' }) provisionId!: string;
  @Field(() => ID, { nullable: true, description: '处罚的当事人（案件只有一名当事人时可省略）' })
  partyId?: string | null;
  @Field(() => PenaltyTargetEnum, { nullable: true, description: '处罚对象（默认当事人）' })
  target?: PenaltyTarget | null;
  @Field(() => FineBasisEnum, {
    nullable: true,
    description: '条款规定了可选的罚款上限时，所依据的计算方式',
  })
  fineBasis?: FineBasis | null;
}

@InputType({ description: '当场作出的行政处罚（警告或者小额罚款）' })
export class SummaryPenaltyInput {
  @Field(() => PenaltyKindEnum) kind!: PenaltyKind;
  @Field(() => Number, { nullable: true, description: '罚款金额（元，最多两位小数）' })
  amountYuan?: number | null;
  @Field(() => String, { nullable: true, description: '处罚依据：处罚条款目录 id（如有）' })
  provisionId?: string | null;
}

/** The penalty lines with validated amounts. */
export interface CheckedPenalty {
  readonly kind: PenaltyKind;
  readonly amountYuan?: number;
  readonly provisionId: string;
  readonly partyId?: string;
  readonly target: PenaltyTarget;
  readonly fineBasis?: FineBasis;
}

export function checkedPenalties(field: string, input: readonly PenaltyInput[]): CheckedPenalty[] {
  return input.map((p, index) => {
    const amountYuan = validYuan(`${field}[${index}].amountYuan`, p.amountYuan);
    const provisionId = p.provisionId.trim();
    if (!provisionId) {
      throw ValidationError.field(
        'FIELD_REQUIRED',
        `${field}[${index}].provisionId`,
        '每项处罚须载明处罚依据（处罚条款）',
      );
    }
    return {
      kind: p.kind,
      ...(amountYuan !== undefined ? { amountYuan } : {}),
      provisionId,
      ...(p.partyId ? { partyId: p.partyId } : {}),
      target: p.target ?? 'PARTY',
      ...(p.fineBasis ? { fineBasis: p.fineBasis } : {}),
    };
  });
}

/** The engine's view of a penalty line (who, what, how much). */
export function enginePenalty(p: {
  kind: PenaltyKind;
  amountYuan?: number;
  partyId?: string;
}): ProposedPenalty {
  return {
    kind: p.kind,
    ...(p.amountYuan !== undefined ? { amountYuan: p.amountYuan } : {}),
    ...(p.partyId !== undefined ? { partyId: p.partyId } : {}),
  };
}

function provisionPartyKind(kind: PartyKind): 'ORGANIZATION' | 'NATURAL_PERSON' {
  return kind === 'NATURAL_PERSON' ? 'NATURAL_PERSON' : 'ORGANIZATION';
}

export interface PenaltyFacts {
  illegalGainsYuan?: number | null;
  priorYearTurnoverYuan?: number | null;
  mitigated?: boolean | null;
}

/**
 * Checks each penalty against the provision it cites (kinds, range, office level, version in force
 * at the act: APL arts. 4, 23, 28, 32, 37), per party. The violations join the engine's in one
 * refusal, so the officer sees every unmet rule at once and nothing is written.
 */
export async function penaltyViolations(
  em: EntityManager,
  snapshot: CaseSnapshot,
  penalties: readonly CheckedPenalty[],
  facts: PenaltyFacts,
  decisionDate: LocalDate,
): Promise<RuleViolation[]> {
  if (penalties.length === 0) {
    return [];
  }
  const catalog = (await em.find(PenaltyProvisionRecord, {})).map((r) => r.data);
  const illegalGains = validYuan('illegalGainsYuan', facts.illegalGainsYuan);
  const priorYearTurnover = validYuan('priorYearTurnoverYuan', facts.priorYearTurnoverYuan);
  // APL art. 37: the law in force when the act was done (or ended, for a continuing act).
  const actDate = snapshot.violation?.endedOn ?? snapshot.violation?.committedOn ?? decisionDate;
  const byParty = new Map<string, CheckedPenalty[]>();
  for (const [index, penalty] of penalties.entries()) {
    const partyId =
      penalty.partyId ?? (snapshot.parties.length === 1 ? snapshot.parties[0]!.id : undefined);
    if (!partyId) {
      throw ValidationError.field(
        'FIELD_REQUIRED',
        `penalties[${index}].partyId`,
        '案件有多名当事人，须载明每项处罚的当事人',
      );
    }
    if (!snapshot.parties.some((p) => p.id === partyId)) {
      throw NotFoundError.of('PARTY', partyId);
    }
    byParty.set(partyId, [...(byParty.get(partyId) ?? []), penalty]);
  }
  const violations: RuleViolation[] = [];
  for (const [partyId, group] of byParty) {
    const party = snapshot.parties.find((p) => p.id === partyId)!;
    const lines: ProvisionPenalty[] = group.map((p) => ({
      kind: p.kind,
      provisionId: p.provisionId,
      target: p.target,
      ...(p.amountYuan !== undefined ? { amountYuan: p.amountYuan } : {}),
      ...(p.fineBasis ? { fineBasis: p.fineBasis } : {}),
    }));
    violations.push(
      ...checkProposedPenalties(
        lines,
        {
          actDate,
          decisionDate,
          officeLevel: snapshot.officeLevel,
          partyKind: provisionPartyKind(party.kind),
          ...(illegalGains !== undefined ? { illegalGains } : {}),
          ...(priorYearTurnover !== undefined ? { priorYearTurnover } : {}),
          ...(facts.mitigated ? { mitigated: true } : {}),
        },
        catalog,
      ),
    );
  }
  return violations;
}

/** Officers in the actor's scope, as entities (for roles and office), in the order given. */
export async function officersInScope(
  em: EntityManager,
  context: Pick<ProcedureStepContext<ProcedureAction>, 'actor'>,
  ids: readonly string[],
): Promise<Officer[]> {
  const unique = [...new Set(ids)];
  const found = await em.find(Officer, { id: { $in: unique.filter(isUuid) } });
  return unique.map((id) => {
    const officer = found.find((o) => o.id === id);
    if (!officer || !isInScope(context.actor, officer.officePath)) {
      throw NotFoundError.of('OFFICER', id);
    }
    return officer;
  });
}

/** Writes the decision row (处理决定) of decideCase / imposeSummaryPenalty. */
export function createDecision(
  em: EntityManager,
  found: Case,
  kind: DecisionKind,
  decidedOn: LocalDate,
  reasons: string,
  penalties: readonly { kind: PenaltyKind; amountYuan?: number; provisionId?: string | null }[],
): Decision {
  const rows: DecidedPenalty[] = penalties.map((p) => ({
    kind: p.kind,
    amountYuan: yuanString(p.amountYuan),
    provisionId: p.provisionId ?? null,
  }));
  return em.create(Decision, { case: found, kind, decidedOn, reasons, penalties: rows });
}
