/**
 * The rule catalog: every violation code the engine can return, with its
 * Chinese message, citations, verification status and effective period.
 * A rule only binds acts done while it is in force (validFrom..validTo).
 * Legal basis: as cited per rule; statutes V, CAC rules P/U (docs/legal-sources.md §0).
 */
import {
  CAC_2017_REPEALED_AFTER,
  cac2017,
  cac2023,
  civilProcedure,
  compulsionLaw,
  csl2025,
  criminalCaseTransfer,
  litigationLaw,
  pipl,
  reconsiderationLaw,
} from './citations.js';
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
const CSL_2025 = '2026-01-01' as LocalDate; // CSL (2025 amendment) in force
const RL_2023 = '2024-01-01' as LocalDate; // Reconsideration Law (2023 revision) art. 90
const CERTIFICATE_SOURCE =
  'China Law Translate / csrcare English translation of Art. 5 (docs/legal-sources.md §2)';

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
  ACT_DATE_BEFORE_2004: {
    ...statute(
      '行为日期早于2004年1月1日：工作日历自2004年起才有国务院办公厅节假日安排，无法计算期限，也不适用本系统的程序规则',
      [apl(85), apl(86)],
    ),
    status: 'D',
    note: 'Returned alone by decide(), before RULEBOOK_NOT_IN_FORCE and without the in-force filter: the holiday data (State Council notices, chinese-days) starts with 2004, so no period can be counted before it.',
  },
  LATE_ENTRY_REASON_REQUIRED: {
    ...statute('行为日期早于录入日期超过规定的工作日数，补录应当说明理由', [apl(47)]),
    status: 'D',
    note: 'APL art. 47 requires the full-process record; the number of working days (rulebook lateEntryReasonThreshold, U) and the reason requirement are the design.',
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

  // Order of the acts (act dates): no act predates what it depends on
  ACT_BEFORE_CASE_SOURCE: {
    ...statute(
      '行为日期早于发现违法线索或者收到材料的日期（案件来源登记）：立案、当场处罚等行为应当在发现之后',
      [apl(54, 2), apl(36, 1)],
    ),
    status: 'D',
    note: 'APL art. 54(2) dockets what was found (发现 … 符合立案标准的，应当及时立案); the order is implied, not worded.',
  },
  ACT_BEFORE_DOCKETING: {
    ...statute('行为日期早于立案日期：调查取证、询问、检查、事先告知和处理决定等应当在立案之后', [
      apl(54, 2),
      apl(55, 1),
      apl(60),
    ]),
    status: 'D',
    note: 'APL art. 54(2) dockets before the investigation that art. 55 regulates, and art. 60 counts the case from docketing; pre-docketing inspection (初查) materials belong to the case source, not to the investigation record.',
  },
  NOTICE_SERVED_BEFORE_ISSUED: {
    ...statute('行政处罚事先告知书的送达日期早于其制作日期', [apl(44), civilProcedure(87)]),
    status: 'D',
    note: 'A document is served after it is made; the dates come from the notice and the service receipt.',
  },
  ACT_BEFORE_NOTICE_SERVED: statute(
    '行为日期早于行政处罚事先告知书送达日期：陈述、申辩、要求听证或者放弃权利以告知为前提，法制审核、集体讨论和处理决定应当在告知之后',
    [apl(44), apl(45, 1), apl(62), apl(64, undefined, 1)],
  ),
  HEARING_SCHEDULED_BEFORE_REQUEST: statute('听证通知书的送达日期早于当事人要求听证的日期', [
    apl(64, undefined, 1),
    apl(64, undefined, 2),
  ]),
  LEGAL_REVIEW_COMPLETED_BEFORE_SUBMITTED: {
    ...statute('法制审核意见的日期早于提交法制审核的日期', [apl(58, 1)]),
    status: 'D',
    note: 'Data integrity of the review record.',
  },
  COLLECTIVE_DISCUSSION_PREDATES_LEGAL_REVIEW: {
    ...statute('负责人集体讨论应当在法制审核通过之后进行', [apl(57, 2), apl(58, 1)]),
    status: 'D',
    note: 'APL art. 57(2): the discussion decides; art. 58(1): review comes before the decision (legal.md E5). Checked when the discussion is recorded and again when the case is decided (a discussion recorded before the review existed does not count).',
  },
  COLLECTIVE_DISCUSSION_PREDATES_HEARING: {
    ...statute('负责人集体讨论应当在听证结束之后进行，根据听证笔录作出决定', [apl(57, 2), apl(65)]),
    status: 'D',
    note: 'APL art. 65: decide on the hearing record; the discussion is the decision (legal.md E5). Checked when the discussion is recorded and again when the case is decided.',
  },
  DECISION_PREDATES_HEARING: statute('处理决定的日期早于举行听证的日期：应当根据听证笔录作出决定', [
    apl(65),
  ]),
  DECISION_PREDATES_LEGAL_REVIEW: statute(
    '处理决定的日期早于法制审核通过的日期：法制审核应当在作出决定之前进行',
    [apl(58, 1)],
  ),
  DECISION_PREDATES_COLLECTIVE_DISCUSSION: statute('处理决定的日期早于负责人集体讨论的日期', [
    apl(57, 2),
  ]),
  DECISION_PREDATES_INVESTIGATION: statute(
    '处理决定的日期早于已记录的调查取证、陈述申辩或者复核的日期：调查终结后方可作出决定',
    [apl(57, 1), apl(45, 1)],
  ),
  DECISION_SERVED_BEFORE_DECIDED: statute('行政处罚决定书的送达日期早于作出决定的日期', [
    apl(61, 1),
  ]),
  DEMAND_SERVED_BEFORE_ISSUED: {
    ...statute('催告书的送达日期早于催告书的制作日期', [compulsionLaw(35), compulsionLaw(38)]),
    status: 'D',
    note: 'A document is served after it is made (Compulsion Law art. 35: written demand; art. 38: served).',
  },
  ACT_BEFORE_DECISION_SERVED: statute(
    '行为日期早于行政处罚决定书送达日期：缴纳罚款、申请延期或者分期缴纳、催告和申请强制执行均以决定书送达为前提',
    [apl(61, 1), apl(66, 1), apl(67, 3), compulsionLaw(35), compulsionLaw(54)],
  ),
  COURT_ENFORCEMENT_BEFORE_DEMAND_SERVED: statute(
    '申请人民法院强制执行的日期早于催告书送达日期：应当先催告，催告书送达十日后仍未履行的方可申请',
    [compulsionLaw(35), compulsionLaw(54)],
  ),

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
    validTo: CAC_2017_REPEALED_AFTER,
    note: '2017 art. 14 binds acts up to 2023-05-31 only; the 2023 equivalent was not retrieved (U): add it as its own rule when read.',
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
    validTo: CAC_2017_REPEALED_AFTER,
    note: '2017 art. 10(2) binds acts up to 2023-05-31 only; the 2023 rules cover transfer jurisdiction (press release) but the wording was not retrieved (U): add it as its own rule when read.',
  },

  // Recusal
  RECUSAL_TARGET_NOT_ON_CASE: statute(
    '被申请回避的人员不是本案的执法人员、听证主持人、听证记录人，也不是本部门的负责人或者法制审核人员',
    [apl(43, 2), apl(64, undefined, 4)],
  ),
  RECUSAL_SELF_DECISION: statute('回避由行政机关负责人决定，被申请回避的人员不得决定自己的回避', [
    apl(43, 3),
    cac2017(17, 2),
  ]),
  RECUSAL_ALREADY_DECIDED: statute('该回避申请已经作出决定', [apl(43, 3)]),
  RECUSAL_OF_HEAD_NOT_BY_COLLECTIVE_DISCUSSION: {
    ...statute('负责人的回避，由负责人集体讨论决定', [apl(43, 3)]),
    status: 'U',
    note: 'APL art. 43(3) says only 回避决定由行政机关负责人决定; who decides a head’s own recusal is not in the statute nor in the CAC text read. Collective discussion of the heads is the rule of other ministries’ procedure rules (e.g. public security, market regulation), adopted here unverified for CAC (legal.md §4 (j)).',
  },
  RECUSAL_RECONSIDERATION_NOT_ALLOWED: {
    ...statute(
      '当事人对驳回回避申请的决定不服的，可以申请复议一次：复议只能针对已驳回的同一回避申请，由当事人提出，且只能申请一次',
      [apl(43, 3), cac2017(17, 2)],
      CAC_2017,
    ),
    status: 'U',
    note: 'The 复议 of a rejected recusal rested on 2017 art. 17(2) (P, cited only for acts up to 2023-05-31); whether CAC Order 14 (2023) keeps it was not read, so for later acts the right is kept as U (legal.md §4 (j)). The office decides the reconsideration with decideRecusal.',
  },
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
    validTo: CAC_2017_REPEALED_AFTER,
    note: '2017 art. 18(2) binds acts up to 2023-05-31 only (APL art. 43(2) gives the right, not the duty to notify it at first evidence); the 2023 rules strengthen recusal (press release), wording not retrieved (U).',
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
  COMPULSORY_MEASURE_BASIS_MISSING: statute(
    '查封、扣押应当由法律、法规规定的行政机关在法定职权范围内实施：未载明本部门享有的法定依据',
    [compulsionLaw(17, 1), compulsionLaw(22), pipl(63, 1, 4)],
    PIPL_2021,
  ),
  COMPULSORY_MEASURE_BASIS_NOT_APPLICABLE: {
    ...statute(
      '所载法定依据不及于本案涉嫌的违法行为：网信部门只能对用于违法个人信息处理活动的设备、物品查封、扣押（《个人信息保护法》第六十三条第一款第（四）项），网络安全、信息内容等其他案件不得查封、扣押',
      [compulsionLaw(17, 1), compulsionLaw(22), pipl(63, 1, 4)],
      PIPL_2021,
    ),
    note: 'The case says what it is through the catalog provisions the act is suspected under (suspectedProvisionIds): PIPL 63(1)(4) reaches PIPL provisions only. Whether a CSL 2016 art. 64(1) personal-information case is also reached (PIPL 63 speaks of 履行个人信息保护职责) is left to the legal team: refused for now.',
  },
  COMPULSORY_MEASURE_EVIDENCE_MISSING: statute(
    '查封、扣押的设备、物品应当有证据证明用于违法个人信息处理活动：应当关联本案已收集的证据',
    [pipl(63, 1, 4), compulsionLaw(23, 1)],
    PIPL_2021,
  ),
  AUDIO_VISUAL_RECORD_REQUIRED_FOR_COMPULSORY_MEASURE: {
    ...statute(
      '查封、扣押应当全程音像记录，并登记记录文件的哈希值、记录人、记录时段和原始载体的保管',
      [apl(47)],
    ),
    status: 'P',
    note: 'APL art. 47 (V) requires a full-process record 以文字、音像等形式; audio-visual recording of seizures is required by 国办发〔2018〕118号 (guiding opinion, read in a secondary source: P). Checked from the rulebook parameter audioVisualRecordRequiredFrom (the system cut-over, D), so measures recorded before the attachment existed stay valid.',
  },
  AUDIO_VISUAL_RECORD_REQUIRED_FOR_INSPECTION: {
    ...statute(
      '现场检查、勘验应当全程音像记录，并登记记录文件的哈希值、记录人、记录时段和原始载体的保管',
      [apl(47)],
    ),
    status: 'U',
    note: 'APL art. 47 (V); 国办发〔2018〕118号 lists on-site enforcement among the acts to record on video; whether it binds every inspection of a cyberspace office is unverified (U). Checked from the rulebook parameter audioVisualRecordRequiredFrom (the system cut-over, D).',
  },
  COMPULSORY_MEASURE_ON_SITE_FACTS_MISSING: statute(
    '实施查封、扣押应当记载现场程序：通知当事人到场，当场告知理由、依据和权利、救济途径，听取陈述和申辩，制作现场笔录并签名或者盖章（当事人不到场的，邀请见证人到场）',
    [compulsionLaw(18)],
  ),
  COMPULSORY_MEASURE_PARTY_NOT_NOTIFIED: statute('实施查封、扣押应当通知当事人到场', [
    compulsionLaw(18, undefined, 4),
  ]),
  COMPULSORY_MEASURE_PARTY_NOT_INFORMED: statute(
    '应当当场告知当事人采取查封、扣押的理由、依据以及当事人依法享有的权利、救济途径',
    [compulsionLaw(18, undefined, 5)],
  ),
  COMPULSORY_MEASURE_PARTY_NOT_HEARD: statute('实施查封、扣押应当听取当事人的陈述和申辩', [
    compulsionLaw(18, undefined, 6),
  ]),
  COMPULSORY_MEASURE_TRANSCRIPT_MISSING: statute('实施查封、扣押应当制作现场笔录', [
    compulsionLaw(18, undefined, 7),
  ]),
  COMPULSORY_MEASURE_TRANSCRIPT_NOT_SIGNED: statute(
    '现场笔录应当由当事人和行政执法人员签名或者盖章；当事人拒绝的，应当在笔录中予以注明',
    [compulsionLaw(18, undefined, 8)],
  ),
  COMPULSORY_MEASURE_WITNESS_MISSING: statute(
    '当事人不到场的，应当邀请见证人到场，由见证人和行政执法人员在现场笔录上签名或者盖章',
    [compulsionLaw(18, undefined, 9)],
  ),
  COMPULSORY_MEASURE_CUSTODY_NOT_RECORDED: {
    ...statute('查封、扣押的场所、设施或者财物应当妥善保管：应当载明保管场所和保管人', [
      compulsionLaw(26, 1),
      compulsionLaw(26, 2),
    ]),
    note: 'Art. 26(1) imposes the duty of proper custody; recording the place and the custodian (the office or the third party it entrusts, art. 26(2)) is how the system makes it checkable (design).',
  },
  COMPULSORY_MEASURE_CUSTODY_COST_CHARGED: statute(
    '因查封、扣押发生的保管费用由行政机关承担，不得向当事人收取',
    [compulsionLaw(26, 3)],
  ),
  EMERGENCY_MEASURE_REASON_MISSING: statute(
    '当场实施查封、扣押须以情况紧急为前提：应当载明情况紧急的具体情形',
    [compulsionLaw(19)],
  ),
  MEASURE_NOT_IMPOSED_IN_EMERGENCY: {
    ...statute('该查封、扣押不是情况紧急时当场实施的，无需补办批准手续', [compulsionLaw(19)]),
    status: 'D',
    note: 'Only a measure imposed on the spot without prior approval is ratified afterwards (art. 19); others were approved before (art. 18(1)).',
  },
  EMERGENCY_MEASURE_ALREADY_RATIFIED: {
    ...statute('负责人已经对该当场实施的查封、扣押作出决定', [compulsionLaw(19)]),
    status: 'D',
    note: 'The head decides once; a refusal is followed by the release, not by a second decision.',
  },
  EMERGENCY_MEASURE_REPORT_LATE: {
    ...statute(
      '情况紧急当场实施查封、扣押的，应当在二十四小时内向行政机关负责人报告并补办批准手续；逾期报告的不得补办批准，应当立即解除',
      [compulsionLaw(19)],
    ),
    note: 'The law sets the report within 24 hours (rulebook emergencyMeasureReportPeriod) and no consequence of a late report; refusing the late ratification and requiring the release is this system’s reading (the measure then stands without the approval art. 18(1) requires). The recorded instants are compared, not the day the step is entered.',
  },
  EMERGENCY_MEASURE_AWAITING_RELEASE: {
    ...statute(
      '负责人认为不应当采取（或者未在二十四小时内报告并补办批准手续）的当场查封、扣押，应当立即解除：解除前不得进行其他程序',
      [compulsionLaw(19)],
    ),
    note: 'Art. 19: 负责人认为不应当采取行政强制措施的，应当立即解除. “立即” is enforced by refusing every other step until the release is recorded (design); an unreported measure counts once the report day (stored deadline EMERGENCY_MEASURE_REPORT) has passed.',
  },
  TESTING_PERIOD_OUTSIDE_MEASURE: statute(
    '检测、检验、检疫或者技术鉴定的期间应当在查封、扣押期间内开始（开始日不早于查封、扣押之日、不晚于期限最后一日），且结束日不早于开始日',
    [compulsionLaw(25, 3)],
  ),
  TESTING_PERIOD_OVERLAPS: {
    ...statute('检测、检验、检疫或者技术鉴定的期间与已登记的期间重叠：同一日不得两次不计入', [
      compulsionLaw(25, 3),
    ]),
    status: 'D',
    note: 'Art. 25(3) excludes the testing time once; overlapping periods would exclude a day twice.',
  },
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
  HEARING_ALREADY_REQUESTED: statute(
    '该当事人已经要求听证；其他当事人可以在各自的期限内要求听证，听证一并举行',
    [apl(63, 1), apl(64, undefined, 1)],
  ),
  HEARING_PARTY_NOT_NOTIFIED: statute(
    '要求听证的每一名当事人都应当在举行听证的七个工作日前收到听证通知；有当事人在安排听证后要求听证的，应当重新安排并通知',
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
  CASE_TIME_LIMIT_EXCEEDED: {
    ...statute(
      '应当自立案之日起九十日内（含依法延长的期限）作出处理决定；逾期作出处罚决定的，应当记录逾期理由并经行政机关负责人批准',
      [apl(60)],
    ),
    status: 'D',
    note: "APL art. 60 sets the duty (V: 应当…九十日内作出); it is not a forfeiture, and courts treat an overrun as a procedural defect. A penalty decided after the limit is therefore allowed with a recorded reason and the office head's approval, and the decision is flagged (Decision.decidedAfterTimeLimit): that path is the design (legal.md E15).",
  },
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
    ...statute('延长的期限超过规定的上限', [apl(60)]),
    status: 'U',
    note: 'Raised for the case time limit (APL art. 60); the CAC 2023 time-limit article was not retrieved, so it is not cited. Extension lengths are U rulebook parameters (N3, N11). (2017 art. 15(2), cited before, is the docketing extension.)',
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

  // Service (送达)
  NOTICE_NOT_SERVED: statute(
    '行政处罚事先告知书尚未送达当事人，陈述、申辩和要求听证的期间尚未开始',
    [apl(44), apl(62), apl(64, undefined, 1)],
  ),
  DOCUMENT_NOT_SERVABLE: {
    ...statute('该文书尚未制作或者在案件当前阶段不能送达', [apl(47)]),
    status: 'D',
    note: 'Data integrity: only a document the case holds and has not served can be served (R-SRV-03).',
  },
  DOCUMENT_ALREADY_SERVED: {
    ...statute('该文书已经送达', [civilProcedure(87)]),
    status: 'D',
    note: 'A second service of the same document would move the deemed-served date and the party’s periods.',
  },
  SERVICE_RECEIPT_NOT_SIGNED: statute(
    '直接送达应当由受送达人或者有权代收的人在送达回证上签收并注明收到日期；拒绝签收的，应当依法留置送达',
    [civilProcedure(87), civilProcedure(88)],
  ),
  SUBSTITUTE_RECIPIENT_NOT_ELIGIBLE: statute(
    '代为签收的人不符合法定条件（公民本人不在的，交同住成年家属；法人或者其他组织，交法定代表人、主要负责人或者负责收件的人）',
    [civilProcedure(88)],
  ),
  LEFT_AT_RESIDENCE_NOT_RECORDED: statute(
    '留置送达应当在送达回证上记明拒收事由和日期，由送达人、见证人签名，或者采用拍照、录像等方式记录送达过程',
    [civilProcedure(89)],
  ),
  LEFT_AT_RESIDENCE_WITNESS_NOT_QUALIFIED: {
    ...statute(
      '留置送达的见证人应当是有关基层组织或者所在单位的代表；其他人员见证的，应当采用拍照、录像等方式记录送达过程',
      [civilProcedure(89)],
    ),
    note: 'A photo or video record replaces the witness: the structured audio-visual record (from the rulebook parameter audioVisualRecordRequiredFrom) or, for acts before it, the record reference.',
  },
  ELECTRONIC_SERVICE_WITHOUT_CONSENT: statute(
    '电子送达须经当事人同意并签订送达地址确认书，且只能送达至确认的电子地址',
    [apl(61, 2), civilProcedure(90)],
  ),
  SERVICE_DATE_NOT_RECORDED: statute(
    '未记录该送达方式据以确定送达日期的事实（签收日期、到达特定系统的日期或者回执上注明的收件日期）',
    [civilProcedure(87), civilProcedure(90), civilProcedure(91)],
  ),
  INTERMEDIARY_NOT_NAMED: statute('委托送达或者转交送达应当写明受托或者转交的机关、单位', [
    civilProcedure(91),
    civilProcedure(92),
    civilProcedure(93),
    civilProcedure(94),
  ]),
  PUBLIC_NOTICE_NOT_JUSTIFIED: statute(
    '受送达人下落不明，或者用其他方式无法送达的，方可公告送达，并应当在案卷中记明原因和经过',
    [civilProcedure(95)],
  ),
  DEMAND_NOT_SERVED_DIRECTLY: statute(
    '催告书应当直接送达当事人；当事人拒绝接收或者无法直接送达的，方可依照民事诉讼法的有关规定送达',
    [compulsionLaw(38)],
  ),
  SERVER_NOT_RECORDED: {
    ...statute('送达回证应当记明送达人', [civilProcedure(87), civilProcedure(89)]),
    status: 'D',
    note: 'CPL art. 89 needs the server’s signature for lien service; naming the server on every receipt is the field design of §6.7. No statute requires two servers, so one is enough.',
  },
  DEEMED_SERVICE_DATE_MISMATCH: {
    ...statute('填报的视为送达日期与依送达方式计算的日期不一致', [
      civilProcedure(87),
      civilProcedure(95),
    ]),
    status: 'D',
    note: 'The command layer computes deemedServedOn() before decide(); the guard recomputes it.',
  },
  DECISION_SERVICE_LATE: {
    ...statute(
      '当事人不在场的，行政处罚决定书应当在宣告后七个工作日内送达；逾期送达的应当说明理由',
      [apl(61, 1), apl(85)],
    ),
    note: 'The 7 working days are V; recording a late service with its reason (instead of refusing it, which would leave the decision unserved) is the design.',
  },

  // Execution (执行)
  DECISION_ANNULLED: {
    ...statute('行政处罚决定已被依法撤销，不再执行', [apl(66, 1), apl(48, 2)]),
    status: 'D',
    note: 'An annulled decision has nothing left to perform (R-SUP-01); a new decision, if ordered, is a new case here.',
  },
  PAYMENT_AMOUNT_INVALID: {
    ...statute('缴款金额应当为正数（以分计）', [apl(67, 3)]),
    status: 'D',
    note: 'Data integrity: integer fen, no floating-point money.',
  },
  NO_FINE_TO_PAY: {
    ...statute('该决定没有罚款或者没收的违法所得（非法财物）款项，无需缴纳', [
      apl(67, 3),
      apl(74, 2),
    ]),
    status: 'D',
    note: 'Fines and confiscated sums are paid here (legal.md E1); other penalties are executed by service or by the office.',
  },
  NO_FINE_TO_DEFER: statute('只有罚款可以申请延期或者分期缴纳', [apl(66, 2)]),
  ARRANGEMENT_ALREADY_PENDING: {
    ...statute('已有延期或者分期缴纳罚款的申请尚待审批', [apl(66, 2)]),
    status: 'D',
    note: 'One application at a time keeps the approval traceable.',
  },
  ARRANGEMENT_ALREADY_DECIDED: {
    ...statute('该延期或者分期缴纳罚款的申请已经审批', [apl(66, 2)]),
    status: 'D',
    note: 'Data integrity.',
  },
  ARRANGEMENT_SCHEDULE_INVALID: {
    ...statute(
      '批准延期或者分期缴纳的，应当载明缴纳期限和金额，分期金额合计应当等于尚未缴纳的罚款',
      [apl(66, 2)],
    ),
    status: 'D',
    note: 'Schedule design: dates after the approval, ascending; a deferral has one entry; amounts add up to the unpaid fine.',
  },
  PAYMENT_NOT_OVERDUE: statute('当事人逾期不履行行政处罚决定的，方可催告并申请强制执行', [
    apl(72, 1),
    compulsionLaw(54),
  ]),
  REMEDY_PENDING: statute(
    '当事人已申请行政复议或者提起行政诉讼且尚未终结，不得依行政强制法第五十三条申请人民法院强制执行',
    [compulsionLaw(53)],
  ),
  REMEDY_ALREADY_PENDING: {
    ...statute('当事人已就该决定申请行政复议或者提起行政诉讼，尚未终结', [
      reconsiderationLaw(29, 1),
      reconsiderationLaw(29, 2),
      litigationLaw(45),
    ]),
    note: 'Reconsideration Law art. 29(1): 行政复议机关已经依法受理的，在行政复议期间不得向人民法院提起行政诉讼; a suit after the reconsideration decision within 15 days (Litigation Law art. 45). Text as quoted in the legal review (legal.md E13).',
  },
  RECONSIDERATION_AFTER_LITIGATION: {
    ...statute('人民法院已经依法受理当事人的行政诉讼的，不得再申请行政复议', [
      reconsiderationLaw(29, 2),
    ]),
    note: 'Reconsideration Law art. 29(2): barred for good once a court has accepted a suit, not only while it is pending (legal.md E13).',
  },
  REMEDY_NOT_PENDING: {
    ...statute('所指的行政复议或者行政诉讼不存在或者已经终结', [apl(47)]),
    status: 'D',
    note: 'Data integrity.',
  },
  CHANGED_PENALTY_REQUIRED: {
    ...statute('行政处罚决定被变更的，应当记录变更后的处罚内容', [apl(48, 2)]),
    status: 'D',
    note: 'The case must show what is executed after the change.',
  },
  ENFORCEMENT_WINDOW_START_MISMATCH: {
    ...statute('填报的复议、诉讼期限届满日与案件记录的期限不一致', [compulsionLaw(53), apl(72, 2)]),
    status: 'D',
    note: 'The command layer reads remedyPeriodsLapseOf(snapshot) from the stored deadlines; the guard recomputes it.',
  },
  ENFORCEMENT_DEMAND_NOT_SERVED: statute(
    '申请人民法院强制执行前，应当催告当事人履行义务（催告书须已送达）',
    [compulsionLaw(54)],
  ),
  COURT_ENFORCEMENT_BEFORE_PERFORMANCE_DEADLINE: statute(
    '催告书载明的履行期限尚未届满，不得申请人民法院强制执行',
    [compulsionLaw(35, undefined, 1), compulsionLaw(54)],
  ),
  COURT_ENFORCEMENT_TOO_EARLY: {
    ...statute('催告书送达满十个工作日后当事人仍未履行的，方可申请人民法院强制执行', [
      compulsionLaw(54),
      compulsionLaw(69),
    ]),
    note: '“送达十日后” read as: allowed from the day after the 10th working day after service (art. 69 counts the ten days as working days; the party has the whole tenth day). Corrected from "on the 10th working day" (legal.md E4).',
  },
  REMEDY_PERIODS_NOT_LAPSED: statute(
    '行政复议、行政诉讼的法定期限届满前，不得依行政强制法第五十三条申请人民法院强制执行',
    [compulsionLaw(53)],
  ),
  COURT_ENFORCEMENT_WINDOW_EXPIRED: statute(
    '申请人民法院强制执行应当在期限届满之日起三个月内提出（批准延期、分期缴纳的，自该期限结束之日起计算）',
    [compulsionLaw(53), apl(72, 2)],
  ),
  COURT_RULING_NOT_AVAILABLE: {
    ...statute('尚未申请人民法院强制执行，或者已记录执行完毕、终结执行', [compulsionLaw(57)]),
    status: 'D',
    note: 'Data integrity of the court-tracking sub-states (R-EXE-07).',
  },

  // Closure (结案)
  CLOSING_CONDITION_NOT_MET: {
    ...statute('案件不符合所选的结案情形', [apl(47), apl(66, 1)]),
    status: 'U',
    note: 'The CAC 2023 rules list closure situations (press release, P) but the list was not retrieved (R-CLS-01); the grounds here are the expected ones.',
  },
  CLOSING_WITH_REMEDY_PENDING: {
    ...statute('行政复议或者行政诉讼尚未终结的，不得以执行完毕、不予处罚等依据处理决定的情形结案', [
      apl(73, 1),
    ]),
    status: 'D',
    note: 'No statute forbids closing while a remedy is pending (APL art. 73(1): execution does not stop). Design (legal.md §4(i)): only a closure that rests on the challenged decision (EXECUTED, NO_PENALTY, FACTS_NOT_ESTABLISHED, ENFORCEMENT_TERMINATED, COURT_REFUSED_ENFORCEMENT) waits, because the remedy may change or annul it (APL art. 48(2)) and a closed case takes no step to record that; closures that do not rest on a decision (transfer, not docketed, docketing cancelled, annulled, 终止调查) are not blocked.',
  },
  INVESTIGATION_TERMINATION_NOT_PROVEN: {
    ...statute('终止调查结案，须记明当事人死亡或者终止、无权利义务承受人，并附证明材料', [apl(47)]),
    status: 'U',
    note: '终止调查 (party dead, or an organization ended, with no successor to its rights and duties) is on the usual agency closure list (legal.md §4(i)); the CAC 2023 closure article was not retrieved, so only APL art. 47 (the record of the procedure) is cited. The facts and proof are required by design.',
  },
  JUDICIAL_TRANSFER_APPROVAL_REQUIRED: {
    ...statute(
      '移送涉嫌犯罪案件，应当提出书面报告，经本机关正职负责人或者主持工作的负责人批准后移送',
      [apl(27, 1), criminalCaseTransfer(5)],
    ),
    status: 'U',
    note: "APL art. 27(1) (V) requires the transfer; the principal head's approval of the written report, 3 days to decide and 24 hours to transfer are art. 5 of the State Council regulation as recalled (legal.md §7 item 9; text not retrieved): the periods are the rulebook parameters judicialTransferDecisionPeriod and judicialTransferPeriod, recorded and not enforced.",
  },
  JUDICIAL_TRANSFER_NOT_COPIED_TO_PROCURATORATE: {
    ...statute('移送涉嫌犯罪案件，应当同时抄送同级人民检察院', [
      apl(27, 2),
      criminalCaseTransfer(5),
    ]),
    status: 'U',
    note: 'APL art. 27(2) (V) asks for a case-transfer system with information exchange; the copy to the procuratorate is the State Council regulation as recalled (legal.md §7 item 9), article not retrieved.',
  },
  JUDICIAL_RETURN_BEFORE_TRANSFER: {
    ...statute('司法机关退回的案件，收到日期不得早于移送日期', [apl(27, 1)]),
    status: 'D',
    note: 'Data integrity of the re-entry (APL art. 27(1), second sentence).',
  },
  RULING_REVIEW_NOT_AVAILABLE: statute(
    '只能对人民法院不予执行的裁定申请复议，且申请日期不早于收到裁定之日',
    [compulsionLaw(58, 3)],
  ),
  RULING_REVIEW_ALREADY_APPLIED: {
    ...statute('已经对该不予执行的裁定申请复议', [compulsionLaw(58, 3)]),
    status: 'D',
    note: "One review per refusal: the review court's ruling is final (Compulsion Law art. 58(3)).",
  },
  RULING_REVIEW_PERIOD_EXPIRED: statute(
    '对人民法院不予执行的裁定有异议的，应当自收到裁定之日起十五日内向上一级人民法院申请复议',
    [compulsionLaw(58, 3)],
  ),
  CASE_FILE_DOCUMENTS_PENDING: {
    ...statute('结案前，各程序环节应当制作的执法文书应当制作完毕，以便全过程记录归档保存', [
      apl(47),
    ]),
    status: 'D',
    note: "APL art. 47 requires the full-process record to be archived (V). Which documents a complete case file holds is the design: every document a step declared due that has a template, the party's own documents excepted (docs/procedure.md, Documents). The archiving article of the 2023 CAC rules (Order No. 14) was not retrieved: its number and wording are U, so it is not cited.",
  },
  PRESERVATION_HANDLED_LATE: {
    ...statute('先行登记保存的证据应当在七日内及时作出处理决定；逾期作出的，应当说明理由', [
      apl(56),
    ]),
    status: 'D',
    note: 'APL art. 56 sets the duty (V); requiring a recorded reason for a late decision, rather than refusing it, is the design, as for DECISION_SERVICE_LATE (legal.md E12).',
  },
  PRESERVATION_STILL_ACTIVE: statute(
    '先行登记保存的证据应当在七日内作出处理决定，结案前应当处理完毕',
    [apl(56)],
  ),

  // Discretion (裁量): tier and grounds (legal.md E10)
  DISCRETION_GROUND_REQUIRED: {
    ...statute(
      '减轻、从轻或者从重处罚，应当记录所依据的法定情节（《中华人民共和国行政处罚法》第三十条、第三十一条、第三十二条，或者裁量基准规定的情节）；没有情节的，给予一般处罚',
      [apl(30), apl(31), apl(32), apl(34), apl(49)],
    ),
    status: 'V',
    note: 'APL arts. 30-32 list the grounds for 从轻/减轻 (V); APL art. 49 and the CAC discretion rules (2025, P, news summary) the 从重 ones; "ordinary unless another tier applies" is R-DSC-01.',
  },
  DISCRETION_GROUND_NOT_FOR_TIER: {
    ...statute(
      '所记录的情节不能适用于所选的裁量档次（裁量基准规定的从轻情节只能从轻，不能减轻；减轻情节不能用于从重）',
      [apl(32), apl(34)],
    ),
    status: 'D',
    note: 'APL art. 32 lists the grounds that allow 减轻 (V); a benchmark circumstance beyond art. 32 allows 从轻 within the range only (CAC discretion rules 2025, P). Matching each ground to its tiers is the design.',
  },
  DISCRETION_NO_PENALTY_TIER_WITH_PENALTIES: statute(
    '不予行政处罚的，应当作出不予行政处罚决定，不能同时给予行政处罚',
    [apl(33), apl(57, 1, 2)],
  ),

  // Service of decisions through an internet channel (legal.md E9)
  ONLINE_RECONSIDERATION_CHANNEL_REQUIRED: statute(
    '通过互联网渠道送达行政行为决定书（行政处罚决定书、不予行政处罚决定书）的，应当同时提供提交行政复议申请书的互联网渠道',
    [reconsiderationLaw(22, 2)],
    RL_2023,
  ),
  // 责令改正 (APL art. 28(1)) and its review (复查)
  CORRECTION_ORDER_PARTY_UNKNOWN: {
    ...statute('责令改正的对象应当是本案当事人', [apl(28, 1)]),
    status: 'D',
    note: 'Data integrity: the order names a party the case holds.',
  },
  CORRECTION_DEADLINE_NOT_AFTER_ORDER: statute('责令限期改正的，改正期限应当晚于责令改正之日', [
    apl(28, 1),
  ]),
  CORRECTION_ORDER_NOT_SERVED: statute(
    '责令改正通知书送达当事人之前（或者复查日期早于送达日期），不能复查改正情况',
    [apl(28, 1), apl(61, 1)],
  ),
  CORRECTION_REVIEW_BEFORE_DEADLINE: statute(
    '改正期限届满之前，不能认定当事人未改正或者仅部分改正（拒不改正）',
    [apl(28, 1)],
  ),
  REFUSAL_TIER_WITHOUT_UNMET_CORRECTION_ORDER: {
    ...statute(
      '适用“拒不改正”档的罚则，须先向该当事人送达责令改正通知书，并经复查认定其未改正；罚则同时规定“导致危害后果”“情节严重”等其他情形的，应当载明该情形的事实',
      [apl(28, 1)],
    ),
    note: 'Checked with the penalty provisions (src/procedure/provisions/check-penalties.ts, refusalTierViolations): the violation also cites the provision and quotes its tier wording. A PARTLY_COMPLIED finding is not counted as a refusal (legal review to confirm).',
  },

  // 申诉、检举 and the office's own correction of its decision (APL art. 75(2))
  COMPLAINT_NOT_FOUND: {
    ...statute('所处理的申诉、检举不存在于本案', [apl(75, 2)]),
    status: 'D',
    note: 'Data integrity: the finding names a complaint or report the case holds.',
  },
  COMPLAINT_ALREADY_HANDLED: {
    ...statute('该申诉、检举已经作出处理意见', [apl(75, 2)]),
    status: 'D',
    note: 'One finding per complaint: a new complaint is recorded anew.',
  },
  COMPLAINT_HANDLED_BEFORE_RECEIPT: {
    ...statute('处理申诉、检举的日期早于收到日期', [apl(75, 2)]),
    status: 'D',
    note: 'Data integrity: a complaint is handled on or after the day it was received.',
  },
  DECISION_NOT_CORRECTABLE: statute(
    '本案没有可以撤销或者变更的行政处罚决定（尚未作出处罚决定，或者决定已被撤销）',
    [apl(75, 2)],
  ),
  CORRECTION_WITHOUT_ERROR_FOUND: {
    ...statute('依据申诉、检举撤销或者变更行政处罚决定的，须经负责人处理认定原决定确有错误', [
      apl(75, 2),
    ]),
    status: 'D',
    note: 'APL art. 75(2) obliges the office to correct an error it finds, whether on its own or on a complaint or report; the system asks that a complaint cited as the ground be found ERROR_FOUND by the head first.',
  },
  CORRECTION_LEGAL_REVIEW_REQUIRED: {
    ...statute(
      '撤销或者变更行政处罚决定，应当在决定前经法制审核（审核人员应当取得法律职业资格，且不得是本案调查人员）',
      [apl(58, 1), apl(75, 2)],
    ),
    status: 'U',
    note: 'APL art. 58 requires 法制审核 before certain decisions; that a revocation or change of a decision is reviewed like the decision itself is a design reading (legal.md §7 item 10) for the legal team to confirm.',
  },
  CORRECTION_PRINCIPAL_HEAD_APPROVAL_REQUIRED: {
    ...statute('撤销或者变更行政处罚决定，应当经本机关主要负责人书面批准', [
      apl(57, 1),
      apl(75, 2),
    ]),
    status: 'U',
    note: "The law names no approver for a correction; the principal head (主要负责人) signs, as the decision undone was the office head's (APL art. 57(1)): a design choice for the legal team.",
  },
  CORRECTION_COLLECTIVE_DISCUSSION_REQUIRED: {
    ...statute('原行政处罚决定经负责人集体讨论作出的，撤销或者变更该决定也应当经负责人集体讨论', [
      apl(57, 2),
      apl(75, 2),
    ]),
    status: 'U',
    note: 'Read from APL art. 57(2) (情节复杂或者重大违法行为 are decided collectively): the act undoing such a decision is of the same weight. Design (U).',
  },
  CORRECTION_HEAVIER_WITHOUT_NOTICE: {
    ...statute(
      '变更后的处罚重于原决定的，应当重新告知拟作出的处罚内容及事实、理由、依据，并听取当事人的陈述、申辩（依法听证），不得未经告知加重处罚',
      [apl(44), apl(45, 1), apl(45, 2), apl(62)],
    ),
    note: 'Heavier: more money imposed (fine and confiscated sums), or a penalty kind the decision did not impose. APL art. 45(2) forbids a heavier penalty because of the defence; art. 62 voids a decision made without the notice of art. 44.',
  },
  REFUND_NOT_OWED: {
    ...statute(
      '退还的款项须是本机关撤销或者变更行政处罚决定后应予退还、尚未退还的款项，且不早于撤销或者变更决定',
      [apl(75, 2)],
    ),
    status: 'D',
    note: 'APL art. 75(2) obliges the office to correct its error; money paid on the part of a decision revoked or reduced is paid back (退还). The system records each payment out against the refund owed by that correction, never more than is outstanding.',
  },
  REFUND_OUTSTANDING_AT_CLOSURE: {
    ...statute('本机关撤销或者变更行政处罚决定后应予退还的款项尚未退还（recordRefund），不能结案', [
      apl(75, 2),
    ]),
    status: 'D',
    note: 'The refund owed after a revocation or change (APL art. 75(2)) is paid out and recorded before the case is closed, so that it cannot stay owed in a closed case.',
  },
  CORRECTION_NOT_A_CHANGE: {
    ...statute(
      '变更后的处罚与原决定相同：仅更正文字、计算等笔误的，应当通过文书更正（correctDocument）办理',
      [apl(75, 2)],
    ),
    status: 'D',
    note: 'Same penalties line for line: a change of wording, names or figures in the letter is a clerical error (文书更正), not a change of the decision (legal.md §7 item 10).',
  },

  // 双公示 publication lifecycle (公示期, 信用修复)
  CREDIT_REPAIR_BEFORE_MINIMUM_PUBLICATION: {
    ...statute(
      '行政处罚信息公示未满最短公示期限（规则参数 creditRepairMinimumPublication），不能因信用修复提前撤下',
      [apl(48, 1)],
    ),
    status: 'P',
    note: 'The minimum is the credit-repair policy of the NDRC (发改办财金〔2019〕527号, later measures not read): a rulebook parameter, status P.',
  },
  CREDIT_REPAIR_AFTER_PUBLICATION_END: {
    ...statute('公示期已届满，记录已不再公示，无需因信用修复撤下', [apl(48, 1)]),
    status: 'D',
    note: 'Past its 公示截止期 a record has already left the public feed; removing it again would record an act with no effect.',
  },
  CREDIT_REPAIR_BEFORE_PUBLICATION: {
    ...statute('信用修复日期早于公示日期', [apl(48, 1)]),
    status: 'D',
    note: 'Data integrity: a record cannot be repaired before it was published.',
  },

  // 约谈 (interviews; not a penalty)
  INTERVIEW_CSL_58_BELOW_PROVINCIAL_LEVEL: {
    ...statute(
      '依据《网络安全法》第五十八条约谈，须由省级以上人民政府有关部门实施；地市级、县级网信部门不能依据该条约谈',
      [csl2025(58)],
      CSL_2025,
    ),
    note: 'CSL 2025 art. 58 (2016 art. 56 had the same words) names 省级以上人民政府有关部门. PIPL art. 64 and DSL art. 44 say only 按照规定的权限和程序: the statute sets no level, so no rule limits them (any local rules on which level may interview are not read; status of that openness: V as to the statute text only).',
  },
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
