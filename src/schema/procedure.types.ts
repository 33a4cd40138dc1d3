import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Case } from '../entities/case.entity.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import { CaseEvent } from '../entities/case-event.entity.js';
import { Deadline } from '../entities/deadline.entity.js';
import { PendingDocument } from '../entities/pending-document.entity.js';
import { formatCitation, type LegalBasis } from '../procedure/legal-basis.js';
import type { DeadlineKind } from '../procedure/case-snapshot.js';
import type { LocalDate } from '../procedure/local-date.js';
import type { RuleViolation, ViolationCode } from '../procedure/rule-violation.js';
import type { RuleCode } from '../procedure/rule-catalog.js';
import { RuleCodeEnum } from './rule-code.enum.js';
import { CaseStatusEnum } from './enums.js';
import { LocalDateScalar } from './scalars.js';
import { DocumentKindEnum } from './document-kind.enum.js';
import { ProcedureActionEnum } from './procedure-action.enum.js';
import type { DocumentKind } from '../procedure/effects.js';

// Plain data, no arguments: graphql's default resolver, not a middleware chain per field.
@ObjectType({ description: '法律依据', simpleResolvers: true })
export class LegalBasisType {
  @Field({ description: '法律名称（law），如《中华人民共和国行政处罚法》' }) law!: string;
  @Field(() => Int, { description: '条（article）' }) article!: number;
  @Field(() => Int, { nullable: true, description: '款（paragraph）；无则为空' }) paragraph!:
    number | null;
  @Field(() => Int, { nullable: true, description: '项（item）；无则为空' }) item!: number | null;
  @Field({ description: 'V 已核实法律原文 / P 二手来源 / U 未核实 / D 设计推导' }) status!: string;
  @Field({ description: '引用格式，如《中华人民共和国行政处罚法》第六十四条第一款' })
  citation!: string;

  static from(basis: LegalBasis): LegalBasisType {
    return Object.assign(new LegalBasisType(), {
      law: basis.law,
      article: basis.article,
      paragraph: basis.paragraph ?? null,
      item: basis.item ?? null,
      status: basis.status,
      citation: formatCitation(basis),
    });
  }
}

/** The kind of value a rule's fact holds, so a client reads it without guessing. */
export const RuleFactValueKindEnum = {
  TEXT: 'TEXT',
  NUMBER: 'NUMBER',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  LIST: 'LIST',
  OBJECT: 'OBJECT',
  NULL: 'NULL',
} as const;
export type RuleFactValueKind = keyof typeof RuleFactValueKindEnum;
registerEnumType(RuleFactValueKindEnum, {
  name: 'RuleFactValueKind',
  description: '规则事实的值类型（RuleFactValueKind）',
  valuesConfig: {
    TEXT: { description: '文字（text）' },
    NUMBER: { description: '数值（number）' },
    BOOLEAN: { description: '是否（boolean）' },
    DATE: { description: '日期（date，YYYY-MM-DD）' },
    LIST: { description: '列表（list）：各项见 items' },
    OBJECT: { description: '结构（object）：text 为其规范化 JSON' },
    NULL: { description: '空（null）：该事实不存在' },
  },
});

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** A scalar value's text: strings as they are, anything else as JSON. */
function factText(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

@ObjectType({
  description:
    '规则所审查的一项事实（RuleFact）：键和值；text 为值的文字形式（数值为十进制写法），另按 kind 填 boolean、date 或 items',
  simpleResolvers: true,
})
export class RuleFactType {
  @Field({ description: '事实的键（key），如 actDate、requiredRoles' }) key!: string;
  @Field(() => RuleFactValueKindEnum, { description: '值类型（kind）' }) kind!: RuleFactValueKind;
  @Field(() => String, {
    nullable: true,
    description: '值的文字形式（text）：文字原样，数值为十进制写法，其他为 JSON；空值为空',
  })
  text!: string | null;
  @Field(() => Boolean, { nullable: true, description: '是否（boolean）：kind 为 BOOLEAN 时' })
  boolean!: boolean | null;
  @Field(() => LocalDateScalar, { nullable: true, description: '日期（date）：kind 为 DATE 时' })
  date!: LocalDate | null;
  @Field(() => [String], {
    nullable: true,
    description: '列表各项的文字形式（items）：kind 为 LIST 时',
  })
  items!: string[] | null;

  static from(key: string, value: unknown): RuleFactType {
    const kind: RuleFactValueKind =
      value === null || value === undefined
        ? 'NULL'
        : Array.isArray(value)
          ? 'LIST'
          : typeof value === 'number'
            ? 'NUMBER'
            : typeof value === 'boolean'
              ? 'BOOLEAN'
              : typeof value === 'string'
                ? DATE_PATTERN.test(value)
                  ? 'DATE'
                  : 'TEXT'
                : 'OBJECT';
    return Object.assign(new RuleFactType(), {
      key,
      kind,
      text: kind === 'NULL' ? null : factText(value),
      boolean: kind === 'BOOLEAN' ? value : null,
      date: kind === 'DATE' ? value : null,
      items: kind === 'LIST' ? (value as unknown[]).map(factText) : null,
    });
  }
}

@ObjectType({ description: '未满足的规则', simpleResolvers: true })
export class RuleViolationType {
  @Field(() => RuleCodeEnum, { description: '规则代码（rule code）' }) code!: ViolationCode;
  @Field({ description: '说明（message），中文' }) message!: string;
  @Field(() => [LegalBasisType], { description: '法律依据（legal basis）' })
  legalBasis!: LegalBasisType[];
  @Field(() => GraphQLJSON, {
    description: '规则所审查的事实（details），原样 JSON；已由 facts 取代',
    deprecationReason: '请改用 facts（按类型分列的键值列表）',
  })
  details!: Record<string, unknown>;
  @Field(() => [RuleFactType], {
    description: '规则所审查的事实（facts）：日期、数量、标识等，每项一个键和按类型分列的值',
  })
  facts!: RuleFactType[];

  static from(violation: RuleViolation): RuleViolationType {
    return Object.assign(new RuleViolationType(), {
      code: violation.code,
      message: violation.message,
      [VIOLATION]: violation,
    });
  }
}

/** The rule violation a RuleViolationType answers from. */
const VIOLATION = Symbol('violation');

/**
 * legalBasis, details and facts are built when a query reads them (getters on the prototype,
 * read by graphql's default resolver), not for every violation: a dashboard page asks
 * availableActions { violations { code } } of 50 cases × every action, thousands of violations
 * whose citations and facts it never shows.
 */
const LAZY_VIOLATION_FIELDS: Record<string, (violation: RuleViolation) => unknown> = {
  legalBasis: (violation) => violation.legalBasis.map(LegalBasisType.from),
  details: (violation) => violation.details ?? {},
  facts: (violation) =>
    Object.entries(violation.details ?? {}).map(([key, value]) => RuleFactType.from(key, value)),
};
for (const [name, build] of Object.entries(LAZY_VIOLATION_FIELDS)) {
  Object.defineProperty(RuleViolationType.prototype, name, {
    get(this: { [VIOLATION]: RuleViolation }) {
      return build(this[VIOLATION]);
    },
    enumerable: true,
    configurable: true,
  });
}

@ObjectType({
  description: '当前可执行的程序操作（与变更操作使用同一套规则）',
  simpleResolvers: true,
})
export class AvailableActionType {
  @Field(() => ProcedureActionEnum, { description: '操作（action，即同名 mutation）' })
  action!: string;
  @Field({
    description:
      '是否可执行（allowed）：violations 为空时为 true；提交的输入仍可能被 inputRules 所列规则拒绝',
  })
  allowed!: boolean;
  @Field(() => [RuleViolationType], { description: '不取决于输入内容的未满足规则' })
  violations!: RuleViolationType[];
  @Field(() => [RuleCodeEnum], { description: '提交输入后仍可能拒绝该操作的规则代码' })
  inputRules!: RuleCode[];
}

@ObjectType({ description: '全过程记录哈希链校验结果' })
export class ChainVerificationType {
  @Field({ description: '哈希链完整（intact）：全部记录和文书均未被篡改' }) intact!: boolean;
  @Field(() => Int, { description: '已校验的记录条数（checked events）' }) checkedEvents!: number;
  @Field(() => Int, {
    nullable: true,
    description: '第一条断裂记录的序号（first broken sequence）；完整时为空',
  })
  firstBrokenSequence!: number | null;
  @Field(() => String, {
    nullable: true,
    description:
      '断裂原因（reason）：HASH_MISMATCH 记录被改、BROKEN_LINK 链接断开、SEQUENCE_GAP 缺号、UNKNOWN_HASH_VERSION 未知哈希版本、LENGTH_MISMATCH 条数与案件登记的不符（末尾记录被删）、HEAD_MISMATCH 末条哈希与案件登记的链头不符、DOCUMENT_MISMATCH 文书内容与登记的 SHA-256 不符',
  })
  reason!: string | null;
  @Field(() => [ID], {
    description: '内容与文书登记或全过程记录中的 SHA-256 不符的文书（tamperedDocuments，文书 id）',
  })
  tamperedDocuments!: string[];
}

export const DEADLINE_STATUSES = ['OPEN', 'MET', 'MISSED'] as const;
export type DeadlineStatus = (typeof DEADLINE_STATUSES)[number];
export const DeadlineStatusEnum = { OPEN: 'OPEN', MET: 'MET', MISSED: 'MISSED' } as const;
registerEnumType(DeadlineStatusEnum, {
  name: 'DeadlineStatus',
  description: '期限状态（deadline status）：按计算日判断的“红绿灯”',
  valuesConfig: {
    OPEN: { description: '期限进行中' },
    MET: { description: '已在期限内完成' },
    MISSED: { description: '已超期' },
  },
});

/**
 * Periods that bind the party, not the office (陈述申辩、申请听证): when they run
 * out the procedure simply moves on, so they are never an office's missed deadline.
 */
export const PARTY_WINDOW_KINDS: readonly DeadlineKind[] = ['STATEMENT', 'HEARING_REQUEST'];

/** OPEN / MET / MISSED of a stored deadline as of a date (the red light is read, never timed). */
export function deadlineStatus(
  deadline: Pick<Deadline, 'kind' | 'dueDate' | 'stoppedOn'>,
  asOf: LocalDate,
): DeadlineStatus {
  if (PARTY_WINDOW_KINDS.includes(deadline.kind)) {
    return deadline.stoppedOn || asOf > deadline.dueDate ? 'MET' : 'OPEN';
  }
  if (deadline.stoppedOn) {
    return deadline.stoppedOn <= deadline.dueDate ? 'MET' : 'MISSED';
  }
  return asOf > deadline.dueDate ? 'MISSED' : 'OPEN';
}

@ObjectType({
  description:
    '文书预览（DocumentPreview）：未编号（文号显示为〔预览〕）、首行注明“预览稿 — 未编号、未送达，不具法律效力”，未保存',
})
export class DocumentPreviewType {
  @Field(() => DocumentKindEnum, { description: '文书种类（kind），如 PENALTY_DECISION' })
  kind!: DocumentKind;
  @Field({ description: '文书名称（title），如 行政处罚决定书' }) title!: string;
  @Field({ description: '建议的文件名（fileName）' }) fileName!: string;
  @Field({ description: '内容类型（contentType），docx 的 MIME 类型' }) contentType!: string;
  @Field({ description: '文件内容（base64 编码）' }) base64!: string;
  @Field({ description: '文件内容的 SHA-256（sha256，十六进制）' }) sha256!: string;
}

@ObjectType({ description: '程序操作的结果' })
export class ProcedureResult {
  @Field(() => Case, {
    nullable: true,
    description: '操作后的案件；试运行时为未改变的案件（案件来源登记的试运行时为空）',
  })
  case!: Case | null;
  @Field({
    description:
      '试运行（dryRun）：已在事务内完整演练本操作（规则、状态、期限、文书、全过程记录、事件）后全部回滚，未写入、未编号、未发布任何数据',
  })
  dryRun!: boolean;
  @Field(() => CaseStatusEnum, {
    nullable: true,
    description: '操作前的案件状态（fromStatus）；登记案件来源（案件此前尚不存在）为空',
  })
  fromStatus!: string | null;
  @Field(() => CaseStatusEnum, {
    description: '操作后的案件状态（toStatus；试运行时为将会进入的状态）',
  })
  toStatus!: string;
  @Field(() => CaseEvent, { nullable: true, description: '新增的全过程记录（试运行时为空）' })
  event!: CaseEvent | null;
  @Field(() => [Deadline], {
    description:
      '本次开始、延长、中止或终结的期限（deadlines）；试运行时为将会设定的期限（含届满日期和计算说明，未保存）',
  })
  deadlines!: Deadline[];
  @Field(() => [CaseDocument], {
    description:
      '本次生成的执法文书（同一事务内生成，不能生成则整个操作不执行）；试运行时为空，见 documentPreviews',
  })
  documents!: CaseDocument[];
  @Field(() => [DocumentPreviewType], {
    description:
      '试运行时本操作将会生成的每份文书的预览（documentPreviews，未编号、未保存）；正式操作时为空',
  })
  documentPreviews!: DocumentPreviewType[];
  @Field(() => [PendingDocument], {
    description:
      '本次操作应当制作而未在操作中生成的文书（pendingDocuments，以 generateDocument 制作）；试运行时为将会待制作的文书（未保存）',
  })
  pendingDocuments!: PendingDocument[];
  @Field(() => [Deadline], {
    description:
      '预计期限（projectedDeadlines）：试运行作出处理决定时，决定书送达后将开始计算的缴纳罚款、申请行政复议、提起行政诉讼期限，按决定之日送达推定（实际自送达之日起算，未保存）；其他情形为空',
  })
  projectedDeadlines!: Deadline[];
}

@InputType({ description: '负责人审批' })
export class ApprovalInput {
  @Field(() => ID, { description: '审批人（本机关负责人）' }) approvedById!: string;
  @Field(() => LocalDateScalar, { description: '审批日期（approvedOn）' }) approvedOn!: LocalDate;
  @Field({ description: '书面审批（已签署审批表）' }) written!: boolean;
}

/** The arguments every procedural step of an existing case takes besides its input. */
@ArgsType()
export class CaseStepArgs {
  @Field(() => ID, { description: '案件标识（caseId）：本步骤所办理的案件' }) caseId!: string;
  @Field(() => Int, {
    description: '案件当前的 version（乐观锁）；不一致时拒绝：CASE_VERSION_CONFLICT',
  })
  expectedVersion!: number;
  @Field(() => Boolean, {
    defaultValue: false,
    description:
      '试运行（dryRun）：完整演练本操作后回滚；返回将会设定的期限和文书预览，拒绝的条件和原因与正式操作相同，不编号、不写入任何数据',
  })
  dryRun!: boolean;
  @Field(() => String, {
    nullable: true,
    description:
      '补录理由 lateEntryReason：行为日期早于录入日超过规则参数 lateEntryReasonThreshold 个工作日的，必须说明（LATE_ENTRY_REASON_REQUIRED）；记入全过程记录',
  })
  lateEntryReason?: string | null;
}
