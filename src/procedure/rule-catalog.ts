/**
 * The rule catalog: every violation code the engine can return, with its
 * Chinese message, citations, verification status and effective period.
 * A rule only binds acts done while it is in force (validFrom..validTo).
 * Legal basis: as cited per rule; statutes V, CAC rules P/U (regulation.md §0).
 */
import { cac2017, cac2023, compulsionLaw, pipl } from './citations.js';
import { apl, type LegalBasis, type VerificationStatus } from './legal-basis.js';
import { compareLocalDates, type LocalDate } from './local-date.js';
import type { RuleViolation } from './rule-violation.js';

export interface RuleDefinition {
  readonly message: string;
  readonly legalBasis: readonly LegalBasis[];
  /** Trust in the rule as encoded: V statute guard; P/U CAC rule not read in the official text; D design. */
  readonly status: VerificationStatus;
  readonly validFrom: LocalDate;
  readonly validTo?: LocalDate;
  /** What is uncertain or derived, for the legal team. */
  readonly note?: string;
}

const APL_2021 = '2021-07-15' as LocalDate; // APL art. 86
const PIPL_2021 = '2021-11-01' as LocalDate; // PIPL art. 74
const CAC_2017 = '2017-06-01' as LocalDate;
const CAC_2023 = '2023-06-01' as LocalDate;
const CERTIFICATE_SOURCE =
  'China Law Translate / csrcare English translation of Art. 5 (regulation.md §2)';

function statute(
  message: string,
  legalBasis: readonly LegalBasis[],
  validFrom: LocalDate = APL_2021,
): RuleDefinition {
  return { message, legalBasis, status: 'V', validFrom };
}

export const RULE_CATALOG = {
  // Common
  RULEBOOK_NOT_IN_FORCE: {
    ...statute(
      '该日期没有可适用的程序规则版本（本系统只适用2021年7月15日起施行的《行政处罚法》）',
      [apl(86)],
    ),
    note: 'Returned alone; acts before 2021-07-15 are outside the engine.',
  },
  ACTION_NOT_ALLOWED_IN_STATUS: statute('案件当前状态下不能进行该操作', [apl(4)]),
  ROLE_REQUIRED: statute(
    '操作人不具备该操作所需的职责（办案人员、负责人、法制审核人员或听证主持人）',
    [apl(42, 1), apl(57, 1)],
  ),
  ACTOR_NOT_IN_CASE_OFFICE: statute('操作人不属于办理本案的网信部门', [apl(17)]),
  CERTIFICATE_NOT_VALID: statute('执法人员在行为当日未持有有效的行政执法证件', [
    apl(42, 1),
    cac2023(5, CERTIFICATE_SOURCE),
  ]),
  ACT_DATE_IN_FUTURE: {
    ...statute('记录的行为日期晚于当前日期', [apl(47)]),
    status: 'D',
    note: 'Data integrity of the full-process record.',
  },
  RECORD_NOT_FOUND: {
    ...statute('所指的记录在本案中不存在', [apl(47)]),
    status: 'D',
    note: 'Data integrity: the input refers to a recusal, statement, preservation or measure the case does not hold.',
  },
  CASE_SUSPENDED: {
    ...statute('案件已中止调查，恢复前不能进行该操作', [apl(60)]),
    status: 'U',
    note: 'Suspension (中止) is expected in the CAC 2023 time-limit article, not retrieved; APL art. 60 allows rules to provide otherwise.',
  },

  // Officers
  HANDLERS_FEWER_THAN_TWO: {
    ...statute('案件承办人员不得少于两人', [apl(42, 1), cac2017(15, 2)]),
  },
  EVIDENCE_COLLECTORS_FEWER_THAN_TWO: statute('调查取证、询问、检查的执法人员不得少于两人', [
    apl(42, 1),
    cac2017(18, 1),
  ]),
  ENFORCEMENT_OFFICERS_FEWER_THAN_TWO: statute('实施该执法行为的执法人员不得少于两人', [
    apl(42, 1),
    compulsionLaw(18, undefined, 2),
  ]),
  CERTIFICATES_NOT_SHOWN: statute('执法人员应当主动向当事人或者有关人员出示执法证件', [
    apl(55, 1),
    apl(52, 1),
    compulsionLaw(18, undefined, 3),
  ]),
  RECUSED_OFFICER_ACTING: statute('已决定回避的人员不得继续参与本案', [apl(43, 1)]),

  // Case source and docketing
  CASE_SOURCE_DETAILS_MISSING: {
    ...statute('交办、报请或者移送的案件应当载明交办、报请或者移送的机关', [cac2017(14)]),
    status: 'P',
    validFrom: CAC_2017,
    note: '2023 equivalent of 2017 art. 14 not retrieved (U).',
  },
  JURISDICTION_BASIS_MISSING: statute(
    '立案应当说明本部门的管辖依据（地域、级别、指定或者移送管辖）',
    [apl(22), apl(23), apl(25)],
  ),
  VIOLATION_DATE_REQUIRED: statute('立案前应当查明违法行为发生（或者终了）的日期，以确定追责时效', [
    apl(36, 2),
  ]),
  LIMITATION_PERIOD_EXPIRED: statute(
    '违法行为在二年内（涉及公民生命健康安全、金融安全且有危害后果的，五年内）未被发现，不再给予行政处罚',
    [apl(36, 1)],
  ),
  PARTY_REQUIRED: statute('应当确定当事人后方可进行该操作', [apl(44)]),

  // Jurisdiction and transfer
  TRANSFERRED_IN_CASE_CANNOT_BE_TRANSFERRED: {
    ...statute('受移送的案件不得再次移送；认为移送不当的，应当报请共同的上一级网信部门指定管辖', [
      cac2017(10, 2),
    ]),
    status: 'P',
    validFrom: CAC_2017,
    note: '2017 art. 10(2); the 2023 rules cover transfer jurisdiction (press release) but the wording was not retrieved (U).',
  },

  // Recusal
  RECUSAL_TARGET_NOT_ON_CASE: statute('被申请回避的人员不是本案的执法人员或者听证主持人', [
    apl(43, 2),
    apl(64, undefined, 4),
  ]),
  RECUSAL_SELF_DECISION: statute('回避由行政机关负责人决定，被申请回避的人员不得决定自己的回避', [
    apl(43, 3),
    cac2017(17, 2),
  ]),
  RECUSAL_ALREADY_DECIDED: statute('该回避申请已经作出决定', [apl(43, 3)]),
  RECUSAL_PENDING_FOR_PRESIDING_OFFICER: {
    ...statute('对听证主持人的回避申请尚未决定，不得举行听证', [apl(64, undefined, 4)]),
    note: 'Statute gives the right; resolving it before the hearing opens is the design (R-HRG-06).',
  },

  // Evidence
  EVIDENCE_KIND_NOT_STATUTORY: statute('证据种类不属于法定证据种类', [apl(46, 1)]),
  RECUSAL_RIGHT_NOT_NOTIFIED: {
    ...statute('首次向当事人收集、调取证据的，应当告知其有申请办案人员回避的权利', [
      cac2017(18, 2),
      apl(43, 2),
    ]),
    status: 'P',
    validFrom: CAC_2017,
    note: '2017 art. 18(2); the 2023 rules strengthen recusal (press release), wording not retrieved (U).',
  },
  HEAD_APPROVAL_REQUIRED: statute('该行为应当事先经行政机关负责人批准', [
    apl(56),
    apl(57, 1),
    compulsionLaw(18, undefined, 1),
  ]),
  PRESERVATION_ALREADY_HANDLED: statute('该先行登记保存的证据已经作出处理决定', [apl(56)]),

  // Compulsory measures
  PRINCIPAL_HEAD_APPROVAL_REQUIRED: statute(
    '查封、扣押应当向本部门主要负责人书面报告并经批准',
    [pipl(63, 1, 4), compulsionLaw(18, undefined, 1)],
    PIPL_2021,
  ),
  SEIZURE_EXCEEDS_30_DAYS: statute('查封、扣押的期限不得超过三十日；延长期限不得超过三十日', [
    compulsionLaw(25, 1),
  ]),
  SEIZURE_ALREADY_EXTENDED: {
    ...statute('查封、扣押期限已经延长过，不得再次延长', [compulsionLaw(25, 1)]),
    status: 'D',
    note: 'Art. 25(1) caps the extension at 30 days; allowing one extension keeps the cap checkable.',
  },
  SEIZURE_PERIOD_EXPIRED: statute('查封、扣押期限已经届满，应当及时解除查封、扣押', [
    compulsionLaw(27),
    compulsionLaw(28, 1, 4),
  ]),
  COMPULSORY_MEASURE_STILL_ACTIVE: statute('不予处罚或者撤销立案前，应当解除查封、扣押', [
    compulsionLaw(28, 1, 1),
    compulsionLaw(28, 1, 5),
  ]),
  MEASURE_ALREADY_RELEASED: statute('该查封、扣押已经解除', [compulsionLaw(28, 1)]),

  // Pre-penalty notice, statements, waivers
  PROPOSED_PENALTY_REQUIRED: statute('应当告知当事人拟作出的行政处罚内容', [apl(44)]),
  PRE_PENALTY_NOTICE_NOT_SERVED: statute(
    '作出行政处罚决定之前，应当告知当事人拟作出的行政处罚内容及事实、理由、依据，以及陈述、申辩、要求听证的权利',
    [apl(44), apl(62)],
  ),
  STATEMENT_PERIOD_NOT_OVER: {
    ...statute('陈述、申辩期限尚未届满，当事人也未明确放弃陈述、申辩权利', [apl(62), apl(45, 1)]),
    note: 'The rule is V; the length of the period is a U rulebook parameter (statementPeriod).',
  },
  STATEMENT_NOT_REVIEWED: statute('对当事人提出的事实、理由和证据，应当进行复核', [apl(45, 1)]),
  WAIVER_NOT_EXPLICIT: {
    ...statute('放弃陈述、申辩或者听证权利应当由当事人明确表示（书面签字确认）', [apl(62)]),
    note: 'Statute says 明确放弃; requiring a signed written waiver is the design.',
  },

  // Hearing
  HEARING_NOT_AVAILABLE: statute('拟作出的行政处罚不属于当事人有权要求听证的情形', [apl(63, 1)]),
  HEARING_REQUEST_OUT_OF_TIME: statute(
    '当事人应当在被告知后五个工作日内要求听证；逾期未要求的，视为放弃听证权利',
    [apl(64, undefined, 1), apl(85)],
  ),
  HEARING_RIGHT_WAIVED: statute('当事人已经明确放弃听证权利', [apl(62), apl(64, undefined, 1)]),
  HEARING_NOTICE_TOO_LATE: statute(
    '应当在举行听证的七个工作日前将听证的时间、地点通知当事人及有关人员',
    [apl(64, undefined, 2), apl(85)],
  ),
  PRESIDING_OFFICER_IS_INVESTIGATOR: statute('听证由行政机关指定的非本案调查人员主持', [
    apl(64, undefined, 4),
  ]),
  NON_PUBLIC_HEARING_WITHOUT_GROUND: statute(
    '除涉及国家秘密、商业秘密或者个人隐私依法予以保密外，听证公开举行',
    [apl(64, undefined, 3)],
  ),
  HEARING_AGENTS_MORE_THAN_TWO: statute('当事人可以亲自参加听证，也可以委托一至二人代理', [
    apl(64, undefined, 5),
  ]),
  HEARING_RECORD_NOT_SIGNED: statute(
    '听证笔录应当交当事人或者其代理人核对无误后签字或者盖章；拒绝签字或者盖章的，由听证主持人在笔录中注明',
    [apl(64, undefined, 8)],
  ),
  HEARING_REQUEST_PERIOD_NOT_OVER: statute('听证申请期限尚未届满，当事人也未明确放弃听证权利', [
    apl(64, undefined, 1),
    apl(63, 1),
  ]),
  HEARING_REQUESTED_NOT_HELD: statute('当事人要求听证的，应当组织听证并根据听证笔录作出决定', [
    apl(63, 1),
    apl(65),
  ]),

  // Legal review and collective discussion
  LEGAL_REVIEW_REQUIRED: statute('该案件应当经法制审核；未经法制审核的，不得作出决定', [
    apl(58, 1),
  ]),
  LEGAL_REVIEW_NOT_PASSED: statute('法制审核未通过的，不得作出决定', [apl(58, 1)]),
  LEGAL_REVIEW_PREDATES_HEARING: {
    ...statute('法制审核应当在听证结束之后进行，审核意见须覆盖听证笔录', [apl(58, 1, 2), apl(65)]),
    status: 'D',
    note: 'Ordering derived from APL arts. 58(1)(2) and 65 (R-REV-01).',
  },
  REVIEWER_IS_HANDLER: {
    ...statute('法制审核人员不得是本案的调查、承办人员', [apl(58, 1)]),
    status: 'U',
    validFrom: CAC_2023,
    note: 'The 2023 rules fix the reviewing personnel (press release, P); this exclusion is not verified (R-REV-02).',
  },
  REVIEWER_NOT_QUALIFIED: statute(
    '初次从事行政处罚决定法制审核的人员，应当通过国家统一法律职业资格考试取得法律职业资格',
    [apl(58, 2)],
  ),
  COLLECTIVE_DISCUSSION_REQUIRED: statute(
    '对情节复杂或者重大违法行为给予行政处罚，行政机关负责人应当集体讨论决定',
    [apl(57, 2)],
  ),
  COLLECTIVE_DISCUSSION_TOO_FEW_HEADS: {
    ...statute('集体讨论应当由行政机关负责人集体参加', [apl(57, 2)]),
    status: 'D',
    note: 'Minimum number of heads is the rulebook parameter collectiveDiscussionMinimumHeads (D).',
  },

  // Time limits and suspension
  CASE_TIME_LIMIT_EXCEEDED: statute('应当自立案之日起九十日内（含依法延长的期限）作出处理决定', [
    apl(60),
  ]),
  DEADLINE_NOT_RECORDED: {
    ...statute('案件未记录该期限的届满日期', [apl(60)]),
    status: 'D',
    note: 'The command layer stores due dates; a missing one is a data error.',
  },
  TIME_LIMIT_NOT_RUNNING: {
    ...statute('该期限在案件当前阶段不在计算中，不能延长', [apl(60), apl(54, 2)]),
    status: 'D',
    note: 'The docketing period runs before docketing, the case time limit after it.',
  },
  TIME_LIMIT_EXTENSION_EXCEEDS_MAXIMUM: {
    ...statute('延长的期限超过规定的上限', [apl(60), cac2017(15, 2)]),
    status: 'U',
    note: 'Extension lengths are U rulebook parameters (N3, N11).',
  },
  TIME_LIMIT_ALREADY_EXTENDED: {
    ...statute('立案期限已经延长过，不得再次延长', [cac2017(15, 2), apl(54, 2)]),
    status: 'U',
    note: '2017 art. 15(2) allows one extension (P); the 2023 docketing article was not retrieved (N3).',
  },
  FURTHER_EXTENSION_REQUIRES_COLLECTIVE_DISCUSSION: {
    ...statute('办案期限再次延长的，应当经行政机关负责人集体讨论决定', [apl(60), apl(57, 2)]),
    status: 'U',
    note: 'Expected in the CAC 2023 time-limit article (N11), not retrieved.',
  },
  EXTENSION_AFTER_EXPIRY: {
    ...statute('期限届满后不能再批准延长', [apl(60), apl(54, 2)]),
    status: 'D',
    note: 'Design: an extension is approved while the period still runs (common agency practice, not found in CAC text).',
  },
  CASE_ALREADY_SUSPENDED: {
    ...statute('案件已经中止', [apl(60)]),
    status: 'U',
    note: 'Suspension is expected in the CAC 2023 time-limit article (excluded periods), not retrieved.',
  },
  CASE_NOT_SUSPENDED: {
    ...statute('案件未中止，无需恢复', [apl(60)]),
    status: 'U',
    note: 'Suspension is expected in the CAC 2023 time-limit article (excluded periods), not retrieved.',
  },

  // Decision
  EVIDENCE_MISSING: statute('违法事实不清、证据不足的，不得给予行政处罚', [apl(40), apl(46, 2)]),
  DECIDED_PENALTY_REQUIRED: statute('行政处罚决定应当载明行政处罚的种类', [apl(59, 1, 3)]),
  PENALTY_HEAVIER_THAN_NOTIFIED: {
    ...statute('不得因当事人陈述、申辩而给予更重的处罚；拟加重处罚的，应当重新告知', [
      apl(45, 2),
      apl(44),
    ]),
    note: 'APL art. 45(2) is V; requiring a new notice for any heavier penalty is the design (R-NOT-04).',
  },
  FINED_TWICE_FOR_SAME_ACT: statute('对当事人的同一个违法行为，不得给予两次以上罚款的行政处罚', [
    apl(29),
  ]),
  EDUCATION_NOT_RECORDED: statute(
    '对当事人的违法行为依法不予行政处罚的，行政机关应当对当事人进行教育',
    [apl(33, 3)],
  ),

  // Summary procedure
  SUMMARY_PENALTY_OUT_OF_RANGE: statute(
    '当场处罚仅限于对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告',
    [apl(51)],
  ),
  SUMMARY_FACTS_NOT_CONCLUSIVE: statute('当场处罚要求违法事实确凿并有法定依据', [apl(51)]),
} as const satisfies Record<string, RuleDefinition>;

export type RuleCode = keyof typeof RULE_CATALOG;
export const RULE_CODES = Object.keys(RULE_CATALOG) as RuleCode[];

export function ruleDefinition(code: RuleCode): RuleDefinition {
  return RULE_CATALOG[code];
}

export function isRuleInForce(code: RuleCode, date: LocalDate): boolean {
  const rule: RuleDefinition = RULE_CATALOG[code];
  return (
    compareLocalDates(rule.validFrom, date) <= 0 &&
    (rule.validTo === undefined || compareLocalDates(date, rule.validTo) <= 0)
  );
}

/** A violation of `code`, with the catalog's message and citations. */
export function violation(code: RuleCode, details?: Record<string, unknown>): RuleViolation {
  const rule: RuleDefinition = RULE_CATALOG[code];
  return details === undefined
    ? { code, message: rule.message, legalBasis: rule.legalBasis }
    : { code, message: rule.message, legalBasis: rule.legalBasis, details };
}
