/**
 * 约谈 (interview): the office summons an enterprise's legal representative or principal person
 * in charge and requires rectification. A supervisory measure, not an administrative penalty
 * (APL art. 9 does not list it; docs/legal-sources.md, rule R-INV-06). Each basis carries its
 * citation text (V: full texts; CSL 2025 renumbered the 2016 art. 56 as art. 58).
 */
import { csl2025, dsl, pipl } from './citations.js';
import type { LegalBasis } from './legal-basis.js';
import { isAtLeast, type OfficeLevel } from './office-level.js';
import { isRuleInForce, violation, type RuleCode } from './rule-catalog.js';
import type { LocalDate } from './local-date.js';
import type { RuleViolation } from './rule-violation.js';

export const INTERVIEW_LEGAL_BASES = ['CSL_2025_58', 'PIPL_64', 'DSL_44'] as const;
export type InterviewLegalBasis = (typeof INTERVIEW_LEGAL_BASES)[number];

/** The article each basis is, as rules and docs cite it. */
export const INTERVIEW_LEGAL_BASIS_ARTICLES: Readonly<Record<InterviewLegalBasis, LegalBasis>> = {
  CSL_2025_58: csl2025(58),
  PIPL_64: pipl(64, 1),
  DSL_44: dsl(44),
};

/** Who may interview on each basis, as the statute words it (only CSL 58 names a level). */
export const INTERVIEW_AUTHORITY: Readonly<Record<InterviewLegalBasis, string>> = {
  CSL_2025_58: '省级以上人民政府有关部门（国家、省级网信部门）',
  PIPL_64: '履行个人信息保护职责的部门，按照规定的权限和程序（法律未限定层级）',
  DSL_44: '有关主管部门，按照规定的权限和程序（法律未限定层级）',
};

export const INTERVIEW_LEGAL_BASIS_CITATIONS: Readonly<Record<InterviewLegalBasis, string>> = {
  CSL_2025_58:
    '《中华人民共和国网络安全法》（2025年修正）第五十八条：省级以上人民政府有关部门在履行网络安全监督管理职责中，发现网络存在较大安全风险或者发生安全事件的，可以按照规定的权限和程序对该网络的运营者的法定代表人或者主要负责人进行约谈。网络运营者应当按照要求采取措施，进行整改，消除隐患。',
  PIPL_64:
    '《中华人民共和国个人信息保护法》第六十四条第一款：履行个人信息保护职责的部门在履行职责中，发现个人信息处理活动存在较大风险或者发生个人信息安全事件的，可以按照规定的权限和程序对该个人信息处理者的法定代表人或者主要负责人进行约谈，或者要求个人信息处理者委托专业机构对其个人信息处理活动进行合规审计。个人信息处理者应当按照要求采取措施，进行整改，消除隐患。',
  DSL_44:
    '《中华人民共和国数据安全法》第四十四条：有关主管部门在履行数据安全监管职责中，发现数据处理活动存在较大安全风险的，可以按照规定的权限和程序对有关组织、个人进行约谈，并要求有关组织、个人采取措施进行整改，消除隐患。',
};

/** The rules interviewViolations can return (the catalog's structure test reads them). */
export const INTERVIEW_RULE_CODES = [
  'INTERVIEW_CSL_58_BELOW_PROVINCIAL_LEVEL',
] as const satisfies readonly RuleCode[];

/** The mutation name a refused interview reports (ProcedureViolationError's action). */
export const RECORD_INTERVIEW_ACTION = 'recordInterview';

/**
 * The rules an interview must meet, every unmet one at once. CSL 2025 art. 58 gives the power to
 * 省级以上人民政府有关部门 only: a municipal or county office is refused on that basis. PIPL art. 64
 * and DSL art. 44 say 按照规定的权限和程序 without a level, so they stay open to every level.
 */
export function interviewViolations(interview: {
  readonly legalBasis: InterviewLegalBasis;
  readonly officeLevel: OfficeLevel;
  readonly interviewedOn: LocalDate;
}): RuleViolation[] {
  const violations: RuleViolation[] = [];
  if (
    interview.legalBasis === 'CSL_2025_58' &&
    !isAtLeast(interview.officeLevel, 'PROVINCIAL') &&
    isRuleInForce('INTERVIEW_CSL_58_BELOW_PROVINCIAL_LEVEL', interview.interviewedOn)
  ) {
    violations.push({
      ...violation('INTERVIEW_CSL_58_BELOW_PROVINCIAL_LEVEL', {
        officeLevel: interview.officeLevel,
        legalBasis: interview.legalBasis,
      }),
      inputPaths: ['input.legalBasis'],
    });
  }
  return violations;
}

/**
 * 整改逾期: rectification was required, today is after its due date (the office sets the date;
 * it is not a statutory period, so it is a stored date rather than a counted deadline), and no
 * follow-up has found it rectified (not followed up yet, or followed up and found unrectified).
 */
export function isRectificationOverdue(
  interview: {
    readonly rectificationRequired: boolean;
    readonly rectificationDueOn?: LocalDate | null;
    readonly rectified?: boolean | null;
  },
  today: LocalDate,
): boolean {
  return (
    interview.rectificationRequired &&
    !!interview.rectificationDueOn &&
    interview.rectificationDueOn < today &&
    interview.rectified !== true
  );
}
