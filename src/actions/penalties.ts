import { reportInvalid } from '../errors/input-errors.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Case } from '../entities/case.entity.js';
import { Decision, type DecidedPenalty } from '../entities/decision.entity.js';
import { PenaltyProvisionRecord } from '../entities/penalty-provision-record.entity.js';
import { NotFoundError, ValidationError } from '../errors/domain-error.js';
import type { DocumentPenalty, PartyLines } from '../commands/documents/step-documents.js';
import {
  hasUnmetCorrectionOrder,
  type CaseSnapshot,
  type ProposedPenalty,
} from '../procedure/case-snapshot.js';
import type { LocalDate } from '../procedure/local-date.js';
import type { PartyKind } from '../procedure/party-kind.js';
import type { PenaltyKind } from '../procedure/penalty-kind.js';
import {
  checkProposedPenalties,
  type FineBasis,
  type PenaltyProvision,
  type PenaltyTarget,
  type ProposedPenalty as ProvisionPenalty,
} from '../procedure/provisions/index.js';
import type { RuleViolation } from '../procedure/rule-violation.js';
import {
  discretionBenchmarkFor,
  discretionViolations,
  ORDINARY_DISCRETION,
  type DiscretionRecord,
} from '../procedure/discretion.js';
import { optionalText } from '../commands/validate.js';
import type { DecisionKind } from '../schema/enums.js';
import type { DiscretionInput, PenaltyInput } from '../schema/procedure-inputs/common.inputs.js';
import { validYuan } from './input-checks.js';

/** Penalty lines of the notice, the decision and a changed decision: checks, provisions, rows. */

/** The penalty lines with validated amounts. */
export interface CheckedPenalty {
  readonly kind: PenaltyKind;
  readonly amountYuan?: number;
  readonly provisionId: string;
  readonly partyId?: string;
  readonly target: PenaltyTarget;
  readonly fineBasis?: FineBasis;
  /** REFUSAL tier: the facts of its other ground (harm, serious circumstances), instead of a refusal. */
  readonly refusalTierOtherGround?: string;
}

export function checkedPenalties(field: string, input: readonly PenaltyInput[]): CheckedPenalty[] {
  return input.map((p, index) => {
    const amountYuan = validYuan(`${field}[${index}].amountYuan`, p.amountYuan);
    const provisionId = p.provisionId.trim();
    if (!provisionId) {
      reportInvalid(
        ValidationError.field(
          'FIELD_REQUIRED',
          `${field}[${index}].provisionId`,
          '每项处罚须载明处罚依据（处罚条款）',
        ),
        undefined,
      );
    }
    return {
      kind: p.kind,
      ...(amountYuan !== undefined ? { amountYuan } : {}),
      provisionId,
      ...(p.partyId ? { partyId: p.partyId } : {}),
      target: p.target ?? 'PARTY',
      ...(p.fineBasis ? { fineBasis: p.fineBasis } : {}),
      ...(p.refusalTierOtherGround?.trim()
        ? {
            refusalTierOtherGround: optionalText(
              `${field}[${index}].refusalTierOtherGround`,
              p.refusalTierOtherGround,
              2000,
            )!,
          }
        : {}),
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

/** The lines as a document states them (kind, amount, provision). */
export function documentPenalties(penalties: readonly CheckedPenalty[]): DocumentPenalty[] {
  return penalties.map((p) => ({
    kind: p.kind,
    provisionId: p.provisionId,
    ...(p.amountYuan !== undefined ? { amountYuan: p.amountYuan } : {}),
  }));
}

/**
 * Several parties, every line naming its party (APL arts. 44, 61): each penalized party's lines,
 * in the order of the case's parties, for the letter made for them. Empty with one party or
 * when a line names none (one letter for the case, as before).
 */
export function documentPenaltiesByParty(
  parties: readonly { readonly id: string }[],
  penalties: readonly CheckedPenalty[],
): PartyLines[] {
  if (parties.length < 2 || penalties.length === 0 || penalties.some((p) => !p.partyId)) {
    return [];
  }
  return parties.flatMap((party) => {
    const lines = penalties.filter((p) => p.partyId === party.id);
    return lines.length > 0 ? [{ partyId: party.id, penalties: documentPenalties(lines) }] : [];
  });
}

function provisionPartyKind(kind: PartyKind): 'ORGANIZATION' | 'NATURAL_PERSON' {
  return kind === 'NATURAL_PERSON' ? 'NATURAL_PERSON' : 'ORGANIZATION';
}

export interface PenaltyFacts {
  illegalGainsYuan?: number | null;
  priorYearTurnoverYuan?: number | null;
  /** APL art. 29: the other provisions the same act breaches. */
  concurrentProvisionIds?: readonly string[] | null;
}

/** The discretion input as the engine's record (absent: 一般处罚), statement checked. */
export function checkedDiscretion(input: DiscretionInput | null | undefined): DiscretionRecord {
  if (!input) {
    return ORDINARY_DISCRETION;
  }
  const statement = optionalText('discretion.statement', input.statement, 2000);
  return {
    tier: input.tier,
    grounds: [...new Set(input.grounds ?? [])],
    ...(statement ? { statement } : {}),
  };
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
  discretion: DiscretionRecord,
  decisionDate: LocalDate,
): Promise<RuleViolation[]> {
  if (penalties.length === 0) {
    return [];
  }
  const catalog = (await em.find(PenaltyProvisionRecord, {})).map((r) => r.data);
  return penaltyViolationsIn(catalog, snapshot, penalties, facts, discretion, decisionDate);
}

/**
 * penaltyViolations against a given provision catalog: the one check of the notice, the decision
 * (decideCase) and the office's change of its decision (changeDecision, APL art. 75(2)).
 */
export function penaltyViolationsIn(
  catalog: readonly PenaltyProvision[],
  snapshot: CaseSnapshot,
  penalties: readonly CheckedPenalty[],
  facts: PenaltyFacts,
  discretion: DiscretionRecord,
  decisionDate: LocalDate,
): RuleViolation[] {
  if (penalties.length === 0) {
    return [];
  }
  const benchmark = discretionBenchmarkFor(decisionDate);
  const concurrentProvisionIds = (facts.concurrentProvisionIds ?? [])
    .map((id) => id.trim())
    .filter((id) => id.length > 0);
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
  const violations: RuleViolation[] = discretionViolations(discretion);
  for (const [partyId, group] of byParty) {
    const party = snapshot.parties.find((p) => p.id === partyId)!;
    const lines: ProvisionPenalty[] = group.map((p) => ({
      kind: p.kind,
      provisionId: p.provisionId,
      target: p.target,
      ...(p.amountYuan !== undefined ? { amountYuan: p.amountYuan } : {}),
      ...(p.fineBasis ? { fineBasis: p.fineBasis } : {}),
      ...(p.refusalTierOtherGround ? { refusalTierOtherGround: p.refusalTierOtherGround } : {}),
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
          discretion,
          ...(benchmark ? { benchmark } : {}),
          ...(concurrentProvisionIds.length > 0 ? { concurrentProvisionIds } : {}),
          // APL art. 28(1): the 拒不改正 tier needs a served order found not complied with.
          ...(hasUnmetCorrectionOrder(snapshot, partyId) ? { correctionOrderUnmet: true } : {}),
        },
        catalog,
      ),
    );
  }
  return violations;
}

/** Writes the decision row (处理决定) of decideCase / imposeSummaryPenalty. */
export function createDecision(
  em: EntityManager,
  found: Case,
  kind: DecisionKind,
  decidedOn: LocalDate,
  reasons: string,
  penalties: readonly {
    kind: PenaltyKind;
    amountYuan?: number;
    provisionId?: string | null;
    partyId?: string;
    target?: PenaltyTarget;
  }[],
): Decision {
  const rows: DecidedPenalty[] = penalties.map((p) => ({
    kind: p.kind,
    amountYuan: p.amountYuan === undefined ? null : p.amountYuan.toFixed(2),
    provisionId: p.provisionId ?? null,
    ...(p.partyId ? { partyId: p.partyId } : {}),
    ...(p.target === 'RESPONSIBLE_PERSON' ? { target: p.target } : {}),
  }));
  return em.create(Decision, { case: found, kind, decidedOn, reasons, penalties: rows });
}
