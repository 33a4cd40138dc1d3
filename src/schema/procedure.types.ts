import { GraphQLJSON } from 'graphql-scalars';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Case } from '../entities/case.entity.js';
import { CaseDocument } from '../entities/case-document.entity.js';
import { CaseEvent } from '../entities/case-event.entity.js';
import { Deadline } from '../entities/deadline.entity.js';
import { formatCitation, type LegalBasis } from '../procedure/legal-basis.js';
import type { DeadlineKind } from '../procedure/case-snapshot.js';
import type { LocalDate } from '../procedure/local-date.js';
import type { RuleViolation } from '../procedure/rule-violation.js';
import { LocalDateScalar } from './scalars.js';

@ObjectType({ description: '法律依据' })
export class LegalBasisType {
  @Field() law!: string;
  @Field(() => Int) article!: number;
  @Field(() => Int, { nullable: true }) paragraph!: number | null;
  @Field(() => Int, { nullable: true }) item!: number | null;
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

@ObjectType({ description: '未满足的规则' })
export class RuleViolationType {
  @Field() code!: string;
  @Field() message!: string;
  @Field(() => [LegalBasisType]) legalBasis!: LegalBasisType[];
  @Field(() => GraphQLJSON) details!: Record<string, unknown>;

  static from(violation: RuleViolation): RuleViolationType {
    return Object.assign(new RuleViolationType(), {
      code: violation.code,
      message: violation.message,
      legalBasis: violation.legalBasis.map(LegalBasisType.from),
      details: violation.details ?? {},
    });
  }
}

@ObjectType({ description: '当前可执行的程序操作（与变更操作使用同一套规则）' })
export class AvailableActionType {
  @Field({ description: '操作（即同名 mutation）' }) action!: string;
  @Field() allowed!: boolean;
  @Field(() => [RuleViolationType], { description: '不取决于输入内容的未满足规则' })
  violations!: RuleViolationType[];
  @Field(() => [String], { description: '提交输入后仍可能拒绝该操作的规则代码' })
  inputRules!: string[];
}

@ObjectType({ description: '全过程记录哈希链校验结果' })
export class ChainVerificationType {
  @Field() intact!: boolean;
  @Field(() => Int) checkedEvents!: number;
  @Field(() => Int, { nullable: true }) firstBrokenSequence!: number | null;
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

@ObjectType({ description: '程序操作的结果' })
export class ProcedureResult {
  @Field(() => Case, { nullable: true, description: '操作后的案件（案件来源登记的试运行时为空）' })
  case!: Case | null;
  @Field({ description: '试运行：已检查全部规则，未写入任何数据' }) dryRun!: boolean;
  @Field() fromStatus!: string;
  @Field() toStatus!: string;
  @Field(() => CaseEvent, { nullable: true, description: '新增的全过程记录（试运行时为空）' })
  event!: CaseEvent | null;
  @Field(() => [Deadline], { description: '本次开始、延长、中止或终结的期限' })
  deadlines!: Deadline[];
  @Field(() => [CaseDocument], {
    description: '本次生成的执法文书（同一事务内生成，不能生成则整个操作不执行）',
  })
  documents!: CaseDocument[];
}

@InputType({ description: '负责人审批' })
export class ApprovalInput {
  @Field(() => ID, { description: '审批人（本机关负责人）' }) approvedById!: string;
  @Field(() => LocalDateScalar) approvedOn!: LocalDate;
  @Field({ description: '书面审批（已签署审批表）' }) written!: boolean;
}

/** The arguments every procedural step of an existing case takes besides its input. */
@ArgsType()
export class CaseStepArgs {
  @Field(() => ID) caseId!: string;
  @Field(() => Int, {
    description: '案件当前的 version（乐观锁）；不一致时拒绝：CASE_VERSION_CONFLICT',
  })
  expectedVersion!: number;
  @Field(() => Boolean, {
    defaultValue: false,
    description: '试运行：检查全部规则，不写入任何数据',
  })
  dryRun!: boolean;
}
