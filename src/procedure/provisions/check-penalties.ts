/**
 * Checks a notified or decided set of penalties against the provisions they cite:
 * kinds and ranges allowed, illegal gains / turnover / procurement inputs, the office level a
 * tier needs, the version in force (APL art. 37), and the mandatory (应当) penalties.
 * Every unmet rule is returned at once.
 *
 * Money is compared in fen (integer) so 5% of a turnover or 10× gains has no float error.
 * Bounds are inclusive (以上/以下). A fine below the minimum passes only when 减轻处罚 with a
 * ground that allows it is recorded (`discretion`); nothing may exceed the maximum. Where the
 * discretion benchmark splits the range, 从轻 stays in its lower part and 从重 in its upper part.
 * APL art. 29: where one act breaches several provisions (`concurrentProvisionIds`), the fine
 * rests on the provision with the higher fine.
 *
 * Legal basis: 《中华人民共和国行政处罚法》第四条、第二十三条、第二十八条第二款、第二十九条、第三十二条、
 * 第三十四条、第三十七条 (V); the cited penalty provision of each penalty.
 */
import { apl, type LegalBasis } from '../legal-basis.js';
import type { LocalDate } from '../local-date.js';
import { isAtLeast, type OfficeLevel } from '../office-level.js';
import { PENALTY_KIND_NAMES, type PenaltyKind } from '../penalty-kind.js';
import type { RuleCode } from '../rule-catalog.js';
import type { RuleViolation } from '../rule-violation.js';
import {
  allowsMitigation,
  DISCRETION_TIER_NAMES,
  rangePartViolation,
  type DiscretionBenchmark,
  type DiscretionRecord,
} from '../discretion.js';
import { chooseApplicableProvision, predecessorsOf, successorsOf } from './applicable-version.js';
import {
  findProvision,
  formatProvisionCitation,
  isInForce,
  provisionCitation,
  sanctionsFor,
  type FineBasis,
  type IllegalGainsCondition,
  type PenaltyProvision,
  type Sanction,
} from './penalty-provision.js';

export const PROVISION_VIOLATION_CODES = [
  'PROVISION_NOT_FOUND',
  'PROVISION_NOT_A_CAC_PENALTY_BASIS', // public security only, telecom authority, or referral without own penalty
  'PROVISION_UNVERIFIED', // status U: placeholder, not a basis for a decision letter
  'PROVISION_NOT_IN_FORCE_AT_ACT',
  'NEWER_LIGHTER_PROVISION_APPLIES',
  'PROVISION_REQUIRES_HIGHER_OFFICE_LEVEL',
  'PENALTY_KIND_NOT_ALLOWED_BY_PROVISION',
  'RESPONSIBLE_PERSON_REQUIRES_ORGANIZATION',
  'FINE_AMOUNT_INVALID',
  'FINE_BASIS_REQUIRED',
  'FINE_BASIS_NOT_ALLOWED',
  'ILLEGAL_GAINS_AMOUNT_REQUIRED',
  'TURNOVER_REQUIRED',
  'PROCUREMENT_AMOUNT_REQUIRED',
  'FINE_BELOW_MINIMUM',
  'FINE_ABOVE_MAXIMUM',
  'MANDATORY_PENALTY_MISSING',
  'FINE_ABOVE_LIGHTER_PART', // 从轻: the benchmark's lower part of the range
  'FINE_BELOW_HEAVIER_PART', // 从重: the benchmark's upper part of the range
  'HIGHER_FINE_PROVISION_GOVERNS', // APL art. 29: one act, several provisions
  'FINE_COMPARISON_FACTS_REQUIRED', // APL art. 29: the comparison needs gains / turnover
] as const;
export type ProvisionViolationCode = (typeof PROVISION_VIOLATION_CODES)[number];

export type PenaltyTarget = 'PARTY' | 'RESPONSIBLE_PERSON';
export type PartyKind = 'ORGANIZATION' | 'NATURAL_PERSON';

/** One penalty line of a notice or decision and the provision it rests on. */
export interface ProposedPenalty {
  readonly kind: PenaltyKind;
  /** Fines: the amount in yuan (two decimals at most). */
  readonly amountYuan?: number;
  readonly provisionId: string;
  /** PARTY: the party; RESPONSIBLE_PERSON: a named directly responsible person (natural person). */
  readonly target: PenaltyTarget;
  /** Needed where the provision gives alternative caps (PIPL 66(2): 五千万元以下或者营业额百分之五以下). */
  readonly fineBasis?: FineBasis;
  /**
   * REFUSAL tier worded 拒不改正或者导致…后果 / 拒不改正或者情节严重: the facts of the other
   * ground (the harm, the serious circumstances) where the office relies on it instead of a refusal.
   */
  readonly refusalTierOtherGround?: string;
}

export interface PenaltyCheckContext {
  readonly actDate: LocalDate;
  readonly decisionDate: LocalDate;
  readonly officeLevel: OfficeLevel;
  readonly partyKind: PartyKind;
  /** 违法所得 in yuan as established by evidence; 0 = none; undefined = not recorded. */
  readonly illegalGains?: number;
  /** 上一年度营业额 in yuan. */
  readonly priorYearTurnover?: number;
  /** 采购金额 in yuan (CSL 2016 art. 65 / 2025 art. 67). */
  readonly procurementAmount?: number;
  /** The discretion recorded (tier and grounds); absent = 一般处罚. 减轻 with its ground allows
   * below-minimum fines and the omission of mandatory kinds. */
  readonly discretion?: DiscretionRecord;
  /** The discretion benchmark in force at the decision (its split of the range, if any). */
  readonly benchmark?: DiscretionBenchmark;
  /** APL art. 29: other provisions the same act breaches; the higher fine governs. */
  readonly concurrentProvisionIds?: readonly string[];
  /** Illegal gains must be refunded (依法应当退赔): no confiscation required. */
  readonly illegalGainsRefundable?: boolean;
  /**
   * A 责令改正通知书 was served on the party and a review (复查) found it not complied with
   * (APL art. 28(1)): the 拒不改正 tier is open.
   */
  readonly correctionOrderUnmet?: boolean;
}

/** The rule this module checks besides its own codes (in the rule catalog: cited with APL art. 28(1)). */
export const CORRECTION_TIER_RULE_CODES = [
  'REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER',
] as const satisfies readonly RuleCode[];

/**
 * The ground a REFUSAL tier gives besides the refusal, e.g. 导致危害网络安全等后果 in
 * 拒不改正或者导致危害网络安全等后果的; undefined where the tier is the refusal alone (拒不改正的,
 * 逾期仍不符合许可条件的).
 */
export function refusalTierOtherGround(
  p: Pick<PenaltyProvision, 'tierLabelZh'>,
): string | undefined {
  const label = p.tierLabelZh.replace(/的$/, '');
  if (!label.includes('或者')) {
    return undefined;
  }
  return label
    .split('或者')
    .map((part) => part.trim())
    .find((part) => !part.includes('拒不改正'));
}

/**
 * APL art. 28(1): the 拒不改正 tier presupposes an order to correct and its breach. A REFUSAL-tier
 * provision is refused unless an order served on the party was found not complied with, or, where
 * the tier also names another ground (harm, serious circumstances), its facts are stated.
 */
function refusalTierViolations(
  p: PenaltyProvision,
  group: readonly ProposedPenalty[],
  ctx: PenaltyCheckContext,
): RuleViolation[] {
  if (p.tier !== 'REFUSAL' || ctx.correctionOrderUnmet) {
    return [];
  }
  const other = refusalTierOtherGround(p);
  if (other && group.some((pen) => (pen.refusalTierOtherGround ?? '').trim().length > 0)) {
    return [];
  }
  const text = formatProvisionCitation(p);
  const alternative = other ? `，或者载明“${other}”的事实` : '';
  return [
    violation(
      'REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER',
      `${text}规定“${p.tierLabelZh}”的处罚，须先责令当事人改正（送达责令改正通知书），并经复查认定其未改正${alternative}`,
      [apl(28, 1), provisionCitation(p)],
      { provisionId: p.id, tierLabelZh: p.tierLabelZh, otherGround: other ?? null },
    ),
  ];
}

const OFFICE_LEVEL_ZH: Record<OfficeLevel, string> = {
  NATIONAL: '国家',
  PROVINCIAL: '省级',
  MUNICIPAL: '设区的市级',
  COUNTY: '县级',
};

const TARGET_ZH: Record<PenaltyTarget, string> = {
  PARTY: '当事人',
  RESPONSIBLE_PERSON: '直接负责的主管人员和其他直接责任人员',
};

/** 1234567.5 → 1,234,567.50元 */
export function formatYuan(yuan: number): string {
  const fen = Math.round(yuan * 100);
  const whole = Math.trunc(fen / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const rest = Math.abs(fen % 100);
  return `${whole}${rest === 0 ? '' : `.${rest.toString().padStart(2, '0')}`}元`;
}

const toFen = (yuan: number): number => Math.round(yuan * 100);
const fromFen = (fen: number): number => fen / 100;

function violation(
  code: ProvisionViolationCode | (typeof CORRECTION_TIER_RULE_CODES)[number],
  message: string,
  legalBasis: readonly LegalBasis[],
  details: Record<string, unknown>,
): RuleViolation {
  return { code, message, legalBasis, details };
}

function gainsMatch(c: IllegalGainsCondition, gains: number): boolean {
  switch (c.when) {
    case 'GAINS_AT_LEAST':
      return gains >= c.yuan;
    case 'GAINS_NONE_OR_BELOW':
      return gains < c.yuan;
    case 'GAINS_PRESENT':
      return gains > 0;
    case 'GAINS_NONE':
      return gains === 0;
  }
}

export function checkProposedPenalties(
  penalties: readonly ProposedPenalty[],
  ctx: PenaltyCheckContext,
  catalog: readonly PenaltyProvision[],
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const byProvision = new Map<string, ProposedPenalty[]>();
  for (const pen of penalties) {
    byProvision.set(pen.provisionId, [...(byProvision.get(pen.provisionId) ?? []), pen]);
  }

  for (const [provisionId, group] of byProvision) {
    const p = findProvision(catalog, provisionId);
    if (!p) {
      out.push(
        violation('PROVISION_NOT_FOUND', `处罚依据“${provisionId}”不在处罚条款目录中`, [apl(4)], {
          provisionId,
        }),
      );
      continue;
    }
    out.push(...provisionViolations(p, ctx, catalog));
    out.push(...refusalTierViolations(p, group, ctx));
    for (const pen of group) {
      out.push(...penaltyViolations(p, pen, ctx, catalog));
    }
    if (!allowsMitigation(ctx.discretion) && group.some((pen) => pen.target === 'PARTY')) {
      out.push(...mandatoryViolations(p, group));
    }
  }

  out.push(...confiscationViolations(penalties, ctx, catalog));
  out.push(...concurrenceViolations(penalties, ctx, catalog));
  return out;
}

/** Once per cited provision: authority, status, version, office level. */
function provisionViolations(
  p: PenaltyProvision,
  ctx: PenaltyCheckContext,
  catalog: readonly PenaltyProvision[],
): RuleViolation[] {
  const out: RuleViolation[] = [];
  const cite = provisionCitation(p);
  const text = formatProvisionCitation(p);

  if (
    p.authority === 'PUBLIC_SECURITY_ONLY' ||
    p.authority === 'TELECOM_OR_LICENSING_AUTHORITY' ||
    p.authority === 'REFERRAL_ONLY'
  ) {
    const why =
      p.authority === 'PUBLIC_SECURITY_ONLY'
        ? `由${p.authorityZh}实施处罚，网信部门不得以此作为处罚依据，应当移送`
        : p.authority === 'TELECOM_OR_LICENSING_AUTHORITY'
          ? `规定的处罚机关为${p.authorityZh}，网信部门援引本条作为处罚依据未经核实，应当移送或者联合执法`
          : `未设本条罚则，应当引用所转致的具体条款（${p.referralZh ?? p.authorityZh}）`;
    out.push(
      violation('PROVISION_NOT_A_CAC_PENALTY_BASIS', `${text}${why}`, [cite, apl(4)], {
        provisionId: p.id,
        authority: p.authority,
      }),
    );
  }

  if (p.status === 'U') {
    out.push(
      violation(
        'PROVISION_UNVERIFIED',
        `${text}的条文未经核实（U），须经法律审核确认后方可作为处罚决定的依据`,
        [cite],
        { provisionId: p.id, status: p.status, source: p.source },
      ),
    );
  }

  out.push(...versionViolations(p, ctx, catalog));

  if (!isAtLeast(ctx.officeLevel, p.minOfficeLevel)) {
    out.push(
      violation(
        'PROVISION_REQUIRES_HIGHER_OFFICE_LEVEL',
        `${text}规定的“${p.tierLabelZh}”档处罚须由${OFFICE_LEVEL_ZH[p.minOfficeLevel]}以上部门作出，本机关为${OFFICE_LEVEL_ZH[ctx.officeLevel]}`,
        [cite, apl(23)],
        { provisionId: p.id, requiredLevel: p.minOfficeLevel, officeLevel: ctx.officeLevel },
      ),
    );
  }
  return out;
}

/** APL art. 37: the provision must be the one in force at the act, or the lighter newer one. */
function versionViolations(
  p: PenaltyProvision,
  ctx: PenaltyCheckContext,
  catalog: readonly PenaltyProvision[],
): RuleViolation[] {
  const text = formatProvisionCitation(p);
  const basis = [provisionCitation(p), apl(37)];

  if (isInForce(p, ctx.actDate)) {
    const later = successorsOf(catalog, p).filter((s) => isInForce(s, ctx.decisionDate));
    const pairs = later.length > 0 ? later.map((s) => [p, s]) : [[p]];
    for (const candidates of pairs) {
      const choice = chooseApplicableProvision(ctx.actDate, ctx.decisionDate, candidates);
      if (choice.outcome === 'NOT_PUNISHABLE') {
        return [
          violation(
            'NEWER_LIGHTER_PROVISION_APPLIES',
            choice.explanationZh,
            [...basis, ...choice.legalBasis.slice(1)],
            {
              provisionId: p.id,
              rule: choice.rule,
            },
          ),
        ];
      }
      if (choice.outcome === 'APPLY' && choice.provision.id !== p.id) {
        return [
          violation('NEWER_LIGHTER_PROVISION_APPLIES', choice.explanationZh, choice.legalBasis, {
            provisionId: p.id,
            applicableProvisionId: choice.provision.id,
            comparison: choice.comparison,
          }),
        ];
      }
    }
    return [];
  }

  // Not in force at the act: acceptable only as the lighter new rule over the one that was.
  const earlier = predecessorsOf(catalog, p).filter((q) => isInForce(q, ctx.actDate));
  const choices = earlier.map((q) =>
    chooseApplicableProvision(ctx.actDate, ctx.decisionDate, [q, p]),
  );
  if (choices.some((c) => c.outcome === 'APPLY' && c.provision.id === p.id)) {
    return [];
  }
  const period = `${p.validFrom}至${p.validTo ?? '今'}`;
  const reason =
    choices.length > 0
      ? choices.map((c) => c.explanationZh).join('；')
      : `违法行为发生时（${ctx.actDate}）该规定不在施行期间（${period}）`;
  return [
    violation('PROVISION_NOT_IN_FORCE_AT_ACT', `${text}不能适用：${reason}`, basis, {
      provisionId: p.id,
      actDate: ctx.actDate,
      decisionDate: ctx.decisionDate,
      validFrom: p.validFrom,
      validTo: p.validTo,
      provisionsInForceAtAct: earlier.map((q) => q.id),
    }),
  ];
}

function penaltyViolations(
  p: PenaltyProvision,
  pen: ProposedPenalty,
  ctx: PenaltyCheckContext,
  catalog: readonly PenaltyProvision[],
): RuleViolation[] {
  const cite = provisionCitation(p);
  const text = formatProvisionCitation(p);
  const kindZh = PENALTY_KIND_NAMES[pen.kind];

  if (pen.target === 'RESPONSIBLE_PERSON' && ctx.partyKind === 'NATURAL_PERSON') {
    return [
      violation(
        'RESPONSIBLE_PERSON_REQUIRES_ORGANIZATION',
        `当事人为自然人，不能依据${text}对直接责任人员另行给予${kindZh}`,
        [cite],
        { provisionId: p.id, kind: pen.kind },
      ),
    ];
  }

  const options = sanctionsFor(p, pen.target).filter((s) => s.kind === pen.kind);
  if (options.length === 0) {
    // APL art. 28(2) requires confiscation of illegal gains even where the article omits it.
    if (pen.kind === 'CONFISCATION_OF_ILLEGAL_GAINS' && pen.target === 'PARTY') {
      return [];
    }
    // A provision without penalties of its own is already refused as a basis.
    if (p.partySanctions.length === 0 && p.responsiblePersonSanctions.length === 0) {
      return [];
    }
    const otherTiers = catalog
      .filter(
        (o) =>
          o.id !== p.id &&
          o.versionId === p.versionId &&
          o.article === p.article &&
          o.paragraph === p.paragraph &&
          o.item === p.item &&
          sanctionsFor(o, pen.target).some((s) => s.kind === pen.kind),
      )
      .map((o) => o.id);
    const hint =
      otherTiers.length > 0 ? `（该条其他档次规定了此种处罚：${otherTiers.join('、')}）` : '';
    return [
      violation(
        'PENALTY_KIND_NOT_ALLOWED_BY_PROVISION',
        `${text}（${p.tierLabelZh}）未规定对${TARGET_ZH[pen.target]}给予${kindZh}${hint}`,
        [cite, apl(4)],
        {
          provisionId: p.id,
          kind: pen.kind,
          target: pen.target,
          allowedKinds: [...new Set(sanctionsFor(p, pen.target).map((s) => s.kind))],
          otherTiersAllowingKind: otherTiers,
        },
      ),
    ];
  }
  if (pen.kind !== 'FINE') {
    return [];
  }
  return fineViolations(p, pen, options, ctx);
}

function fineViolations(
  p: PenaltyProvision,
  pen: ProposedPenalty,
  options: readonly Sanction[],
  ctx: PenaltyCheckContext,
): RuleViolation[] {
  const cite = provisionCitation(p);
  const text = formatProvisionCitation(p);
  const base = { provisionId: p.id, target: pen.target, amountYuan: pen.amountYuan };

  if (pen.amountYuan === undefined || !Number.isFinite(pen.amountYuan) || pen.amountYuan <= 0) {
    return [violation('FINE_AMOUNT_INVALID', '罚款须载明大于零的具体金额', [cite, apl(4)], base)];
  }

  let candidates = [...options];
  if (candidates.some((s) => s.gainsCondition)) {
    if (ctx.illegalGains === undefined) {
      return [
        violation(
          'ILLEGAL_GAINS_AMOUNT_REQUIRED',
          `${text}按违法所得数额分档确定罚款，须先认定违法所得金额（没有违法所得的记为0）`,
          [cite, apl(28, 2)],
          base,
        ),
      ];
    }
    const gains = ctx.illegalGains;
    candidates = candidates.filter((s) => !s.gainsCondition || gainsMatch(s.gainsCondition, gains));
  }
  if (pen.fineBasis !== undefined) {
    const chosen = candidates.filter((s) => s.fine?.basis === pen.fineBasis);
    if (chosen.length === 0) {
      return [
        violation(
          'FINE_BASIS_NOT_ALLOWED',
          `${text}在本案情形下不以所选方式（${pen.fineBasis}）计算罚款`,
          [cite, apl(4)],
          { ...base, fineBasis: pen.fineBasis, allowedBases: candidates.map((s) => s.fine?.basis) },
        ),
      ];
    }
    candidates = chosen;
  }
  if (candidates.length > 1) {
    return [
      violation(
        'FINE_BASIS_REQUIRED',
        `${text}规定了可选的罚款上限（${candidates.map((s) => s.measureZh).join('或者')}），须载明所依据的计算方式`,
        [cite],
        { ...base, allowedBases: candidates.map((s) => s.fine?.basis) },
      ),
    ];
  }
  const option = candidates[0];
  if (!option?.fine) {
    return [];
  }

  const range = option.fine;
  let minFen: number;
  let maxFen: number;
  const inputs: Record<string, unknown> = {};
  switch (range.basis) {
    case 'FIXED':
      minFen = toFen(range.minYuan);
      maxFen = toFen(range.maxYuan);
      break;
    case 'MULTIPLE_OF_ILLEGAL_GAINS':
      if (ctx.illegalGains === undefined || ctx.illegalGains <= 0) {
        return [
          violation(
            'ILLEGAL_GAINS_AMOUNT_REQUIRED',
            `${text}按违法所得的倍数处罚款（${option.measureZh}），须认定违法所得金额`,
            [cite, apl(28, 2)],
            { ...base, illegalGains: ctx.illegalGains },
          ),
        ];
      }
      minFen = toFen(ctx.illegalGains) * range.minMultiple;
      maxFen = toFen(ctx.illegalGains) * range.maxMultiple;
      inputs.illegalGains = ctx.illegalGains;
      break;
    case 'MULTIPLE_OF_PROCUREMENT_AMOUNT':
      if (ctx.procurementAmount === undefined || ctx.procurementAmount <= 0) {
        return [
          violation(
            'PROCUREMENT_AMOUNT_REQUIRED',
            `${text}按采购金额的倍数处罚款，须认定采购金额`,
            [cite],
            { ...base, procurementAmount: ctx.procurementAmount },
          ),
        ];
      }
      minFen = toFen(ctx.procurementAmount) * range.minMultiple;
      maxFen = toFen(ctx.procurementAmount) * range.maxMultiple;
      inputs.procurementAmount = ctx.procurementAmount;
      break;
    case 'PERCENT_OF_PRIOR_YEAR_TURNOVER':
      if (ctx.priorYearTurnover === undefined || ctx.priorYearTurnover < 0) {
        return [
          violation(
            'TURNOVER_REQUIRED',
            `${text}按上一年度营业额的百分比处罚款，须认定上一年度营业额`,
            [cite],
            { ...base, priorYearTurnover: ctx.priorYearTurnover },
          ),
        ];
      }
      minFen = 0;
      // Round the cap down to the fen: the cap must never be exceeded.
      maxFen = Math.floor((toFen(ctx.priorYearTurnover) * range.maxPercent) / 100);
      inputs.priorYearTurnover = ctx.priorYearTurnover;
      break;
  }

  const amountFen = toFen(pen.amountYuan);
  const details = {
    ...base,
    ...inputs,
    basis: range.basis,
    minYuan: fromFen(minFen),
    maxYuan: fromFen(maxFen),
    measureZh: option.measureZh,
  };
  const out: RuleViolation[] = [];
  if (amountFen < minFen && !allowsMitigation(ctx.discretion)) {
    out.push(
      violation(
        'FINE_BELOW_MINIMUM',
        `罚款${formatYuan(pen.amountYuan)}低于${text}规定的最低额${formatYuan(fromFen(minFen))}（${option.measureZh}）；低于最低额须具备《中华人民共和国行政处罚法》第三十二条规定的减轻处罚情形并予记录`,
        [cite, apl(4), apl(32)],
        details,
      ),
    );
  }
  if (amountFen > maxFen) {
    out.push(
      violation(
        'FINE_ABOVE_MAXIMUM',
        `罚款${formatYuan(pen.amountYuan)}超过${text}规定的最高额${formatYuan(fromFen(maxFen))}（${option.measureZh}）`,
        [cite, apl(4)],
        details,
      ),
    );
  }
  const tier = ctx.discretion?.tier ?? 'ORDINARY';
  const part =
    amountFen >= minFen && amountFen <= maxFen
      ? rangePartViolation(tier, amountFen, minFen, maxFen, ctx.benchmark)
      : undefined;
  if (part) {
    const benchmark = ctx.benchmark!;
    out.push(
      violation(
        part.part === 'LIGHTER' ? 'FINE_ABOVE_LIGHTER_PART' : 'FINE_BELOW_HEAVIER_PART',
        part.part === 'LIGHTER'
          ? `${DISCRETION_TIER_NAMES.LIGHTER}的罚款应当在${text}规定幅度的较低部分（不超过${formatYuan(fromFen(part.limitFen))}，${benchmark.title}），本案为${formatYuan(pen.amountYuan)}`
          : `${DISCRETION_TIER_NAMES.HEAVIER}的罚款应当在${text}规定幅度的较高部分（不低于${formatYuan(fromFen(part.limitFen))}，${benchmark.title}），本案为${formatYuan(pen.amountYuan)}`,
        [cite, apl(34), ...benchmark.legalBasis.filter((b) => b.article !== 34)],
        { ...details, tier, benchmarkId: benchmark.id, limitYuan: fromFen(part.limitFen) },
      ),
    );
  }
  return out;
}

/** The facts a fine's ceiling can rest on (APL art. 29 compares the ceilings for this case). */
export type FineFact = 'illegalGains' | 'priorYearTurnover' | 'procurementAmount';

const FINE_FACT_NAMES: Record<FineFact, string> = {
  illegalGains: '违法所得金额',
  priorYearTurnover: '上一年度营业额',
  procurementAmount: '采购金额',
};

/** The input field each fact is recorded in (decideCase, issuePrePenaltyNotice). */
const FINE_FACT_FIELDS: Record<FineFact, string | null> = {
  illegalGains: 'illegalGainsYuan',
  priorYearTurnover: 'priorYearTurnoverYuan',
  procurementAmount: null,
};

/** One fine option of a provision as it works out for the case. */
export interface FineCeilingOption {
  readonly measureZh: string;
  readonly basis: FineBasis;
  /** The option's highest fine in fen; absent when a fact it needs is not recorded. */
  readonly maxFen?: number;
  /** The fact whose absence leaves it open (the gains condition or the base of the fine). */
  readonly missing?: FineFact;
  /** How the ceiling was worked out, e.g. 违法所得200,000元的十倍，即2,000,000元. */
  readonly explanationZh: string;
}

/** The highest fine a provision allows the target for the case's recorded facts. */
export interface FineCeiling {
  /** The highest ceiling among the options that can be worked out; undefined when none can. */
  readonly maxFen: number | undefined;
  /** Facts not recorded that an option needs: with them the ceiling could be higher. */
  readonly missing: readonly FineFact[];
  readonly options: readonly FineCeilingOption[];
}

/**
 * The fine each option of a provision allows for the case: a fixed maximum, a multiple of the
 * recorded illegal gains or procurement amount, or a share of the recorded prior-year turnover
 * (PIPL art. 66(2)). Options whose gains condition does not fit the recorded gains do not apply.
 */
export function fineCeiling(
  p: PenaltyProvision,
  target: PenaltyTarget,
  ctx: PenaltyCheckContext,
): FineCeiling {
  const options: FineCeilingOption[] = [];
  for (const s of sanctionsFor(p, target)) {
    if (s.kind !== 'FINE' || !s.fine) {
      continue;
    }
    const range = s.fine;
    const open = (missing: FineFact): FineCeilingOption => ({
      measureZh: s.measureZh,
      basis: range.basis,
      missing,
      explanationZh: `${s.measureZh}：未认定${FINE_FACT_NAMES[missing]}，无法计算`,
    });
    if (s.gainsCondition) {
      if (ctx.illegalGains === undefined) {
        options.push(open('illegalGains'));
        continue;
      }
      if (!gainsMatch(s.gainsCondition, ctx.illegalGains)) {
        continue;
      }
    }
    const multiple = (fact: FineFact, baseYuan: number | undefined, times: number) =>
      baseYuan === undefined
        ? open(fact)
        : {
            measureZh: s.measureZh,
            basis: range.basis,
            maxFen: toFen(baseYuan) * times,
            explanationZh: `${s.measureZh}：${fact === 'illegalGains' ? '违法所得' : '采购金额'}${formatYuan(baseYuan)}的${times}倍，即${formatYuan(fromFen(toFen(baseYuan) * times))}`,
          };
    switch (range.basis) {
      case 'FIXED':
        options.push({
          measureZh: s.measureZh,
          basis: range.basis,
          maxFen: toFen(range.maxYuan),
          explanationZh: `${s.measureZh}：最高${formatYuan(range.maxYuan)}`,
        });
        break;
      case 'MULTIPLE_OF_ILLEGAL_GAINS':
        options.push(multiple('illegalGains', ctx.illegalGains, range.maxMultiple));
        break;
      case 'MULTIPLE_OF_PROCUREMENT_AMOUNT':
        options.push(multiple('procurementAmount', ctx.procurementAmount, range.maxMultiple));
        break;
      case 'PERCENT_OF_PRIOR_YEAR_TURNOVER': {
        if (ctx.priorYearTurnover === undefined) {
          options.push(open('priorYearTurnover'));
          break;
        }
        // Rounded down to the fen, as the range check does: the cap is never exceeded.
        const maxFen = Math.floor((toFen(ctx.priorYearTurnover) * range.maxPercent) / 100);
        options.push({
          measureZh: s.measureZh,
          basis: range.basis,
          maxFen,
          explanationZh: `${s.measureZh}：上一年度营业额${formatYuan(ctx.priorYearTurnover)}的${range.maxPercent}%，即${formatYuan(fromFen(maxFen))}`,
        });
        break;
      }
    }
  }
  const known = options.flatMap((o) => (o.maxFen !== undefined ? [o.maxFen] : []));
  return {
    maxFen: known.length > 0 ? Math.max(...known) : undefined,
    missing: [...new Set(options.flatMap((o) => (o.missing ? [o.missing] : [])))],
    options,
  };
}

/** The highest fine a provision allows the target for the facts; undefined when not computable. */
export function maximumFineFen(
  p: PenaltyProvision,
  target: PenaltyTarget,
  ctx: PenaltyCheckContext,
): number | undefined {
  return fineCeiling(p, target, ctx).maxFen;
}

/** A provision's ceiling as the refusal's details show it. */
function ceilingDetails(p: PenaltyProvision, c: FineCeiling) {
  return {
    provisionId: p.id,
    maxYuan: c.maxFen === undefined ? null : fromFen(c.maxFen),
    missing: c.missing,
    options: c.options.map((o) => ({
      basis: o.basis,
      measureZh: o.measureZh,
      maxYuan: o.maxFen === undefined ? null : fromFen(o.maxFen),
      explanationZh: o.explanationZh,
    })),
  };
}

const ceilingZh = (p: PenaltyProvision, c: FineCeiling) =>
  `${formatProvisionCitation(p)}（${c.options.map((o) => o.explanationZh).join('；') || '未规定罚款'}）`;

/**
 * APL art. 29: 同一个违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚. Each fine
 * on the party is compared with what each concurrent provision allows for this case: fixed
 * ranges against multiples of the recorded illegal gains or shares of the recorded turnover. A
 * fine under a provision that allows less is refused and the governing provision named; where a
 * ceiling rests on a fact not recorded (gains, turnover) and the order could turn on it, the fact
 * is asked for instead of guessed (FINE_COMPARISON_FACTS_REQUIRED).
 */
function concurrenceViolations(
  penalties: readonly ProposedPenalty[],
  ctx: PenaltyCheckContext,
  catalog: readonly PenaltyProvision[],
): RuleViolation[] {
  const concurrent = [...new Set(ctx.concurrentProvisionIds ?? [])];
  if (concurrent.length === 0) {
    return [];
  }
  const out: RuleViolation[] = [];
  for (const id of concurrent) {
    if (!findProvision(catalog, id)) {
      out.push(
        violation(
          'PROVISION_NOT_FOUND',
          `同一违法行为违反的规定“${id}”不在处罚条款目录中`,
          [apl(4), apl(29)],
          {
            provisionId: id,
          },
        ),
      );
    }
  }
  const others = concurrent
    .map((id) => findProvision(catalog, id))
    .filter((p): p is PenaltyProvision => p !== undefined)
    // Only a provision that could be applied to the act competes (APL art. 37).
    .filter((p) => isInForce(p, ctx.actDate) || isInForce(p, ctx.decisionDate));
  const fines = penalties.filter((pen) => pen.kind === 'FINE' && pen.target === 'PARTY');
  const checked = new Set<string>();
  for (const pen of fines) {
    const p = findProvision(catalog, pen.provisionId);
    if (!p || checked.has(p.id)) {
      continue;
    }
    checked.add(p.id);
    const own = fineCeiling(p, 'PARTY', ctx);
    const ownFen = own.maxFen ?? 0;
    const compared = others
      .filter((o) => o.id !== p.id)
      .map((o) => ({ o, c: fineCeiling(o, 'PARTY', ctx) }))
      .map((x) => ({ ...x, fen: x.c.maxFen ?? 0 }));
    // Higher for certain: above everything the cited provision allows, all its facts known.
    const higher = compared
      .filter((x) => x.fen > ownFen && own.missing.length === 0)
      .sort((a, b) => b.fen - a.fen);
    // Open: the order could turn on a fact not recorded (either side).
    const open = compared.filter(
      (x) =>
        (x.fen > ownFen && own.missing.length > 0) || (x.fen <= ownFen && x.c.missing.length > 0),
    );
    const governing = higher[0];
    if (governing) {
      out.push(
        violation(
          'HIGHER_FINE_PROVISION_GOVERNS',
          `同一违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚：就本案而言，${ceilingZh(governing.o, governing.c)}的罚款最高额为${formatYuan(fromFen(governing.fen))}，高于${ceilingZh(p, own)}的${formatYuan(fromFen(ownFen))}，应当依照${formatProvisionCitation(governing.o)}处以罚款`,
          [apl(29), provisionCitation(governing.o), provisionCitation(p)],
          {
            provisionId: p.id,
            governingProvisionId: governing.o.id,
            maxYuan: fromFen(ownFen),
            governingMaxYuan: fromFen(governing.fen),
            comparison: [ceilingDetails(p, own), ...compared.map((x) => ceilingDetails(x.o, x.c))],
          },
        ),
      );
    }
    if (open.length > 0) {
      const missing = [...new Set([...own.missing, ...open.flatMap((x) => x.c.missing)])];
      out.push(
        violation(
          'FINE_COMPARISON_FACTS_REQUIRED',
          `同一违法行为违反多个法律规范应当给予罚款处罚的，按照罚款数额高的规定处罚；比较${[p, ...open.map((x) => x.o)].map(formatProvisionCitation).join('与')}就本案可处的罚款数额，须先认定${missing.map((f) => FINE_FACT_NAMES[f]).join('、')}${missing.includes('illegalGains') ? '（没有违法所得的记为0）' : ''}：${[ceilingZh(p, own), ...open.map((x) => ceilingZh(x.o, x.c))].join('；')}`,
          [apl(29), provisionCitation(p), ...open.map((x) => provisionCitation(x.o))],
          {
            provisionId: p.id,
            concurrentProvisionIds: open.map((x) => x.o.id),
            missing,
            missingFields: missing.flatMap((f) => FINE_FACT_FIELDS[f] ?? []),
            comparison: [ceilingDetails(p, own), ...open.map((x) => ceilingDetails(x.o, x.c))],
          },
        ),
      );
    }
  }
  return out;
}

/** 应当 penalties on the party missing from the provision's group; confiscation is handled globally. */
function mandatoryViolations(
  p: PenaltyProvision,
  group: readonly ProposedPenalty[],
): RuleViolation[] {
  const cite = provisionCitation(p);
  const text = formatProvisionCitation(p);
  const imposed = new Set(group.filter((pen) => pen.target === 'PARTY').map((pen) => pen.kind));
  const out: RuleViolation[] = [];
  const mandatoryKinds = new Set(
    p.partySanctions
      .filter((s) => s.mandatory && s.kind !== 'CONFISCATION_OF_ILLEGAL_GAINS')
      .map((s) => s.kind),
  );
  for (const kind of mandatoryKinds) {
    if (!imposed.has(kind)) {
      const wording = p.partySanctions.find((s) => s.kind === kind && s.mandatory)?.measureZh ?? '';
      out.push(
        violation(
          'MANDATORY_PENALTY_MISSING',
          `${text}（${p.tierLabelZh}）规定应当给予${PENALTY_KIND_NAMES[kind]}（${wording}），本案未给予；如具有减轻处罚情形，须依《中华人民共和国行政处罚法》第三十二条记录`,
          [cite],
          { provisionId: p.id, kind },
        ),
      );
    }
  }
  for (const oneOf of p.requireOneOf ?? []) {
    if (!oneOf.some((k) => imposed.has(k))) {
      out.push(
        violation(
          'MANDATORY_PENALTY_MISSING',
          `${text}（${p.tierLabelZh}）规定应当给予下列处罚中的至少一种：${oneOf.map((k) => PENALTY_KIND_NAMES[k]).join('、')}`,
          [cite],
          { provisionId: p.id, oneOf },
        ),
      );
    }
  }
  return out;
}

/** APL art. 28(2): illegal gains shall be confiscated unless they must be refunded. */
function confiscationViolations(
  penalties: readonly ProposedPenalty[],
  ctx: PenaltyCheckContext,
  catalog: readonly PenaltyProvision[],
): RuleViolation[] {
  const partyPenalties = penalties.filter((pen) => pen.target === 'PARTY');
  if (
    partyPenalties.length === 0 ||
    ctx.illegalGains === undefined ||
    ctx.illegalGains <= 0 ||
    ctx.illegalGainsRefundable ||
    partyPenalties.some((pen) => pen.kind === 'CONFISCATION_OF_ILLEGAL_GAINS')
  ) {
    return [];
  }
  const citing = [...new Set(partyPenalties.map((pen) => pen.provisionId))]
    .map((id) => findProvision(catalog, id))
    .filter((p): p is PenaltyProvision => p !== undefined)
    .filter((p) =>
      p.partySanctions.some((s) => s.kind === 'CONFISCATION_OF_ILLEGAL_GAINS' && s.mandatory),
    );
  return [
    violation(
      'MANDATORY_PENALTY_MISSING',
      `当事人有违法所得${formatYuan(ctx.illegalGains)}，除依法应当退赔的外，应当没收违法所得`,
      [apl(28, 2), ...citing.map(provisionCitation)],
      { kind: 'CONFISCATION_OF_ILLEGAL_GAINS', illegalGains: ctx.illegalGains },
    ),
  ];
}
