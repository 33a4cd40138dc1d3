import { Field, ID, InputType, Int } from 'type-graphql';
import type { LegalBasis } from '../procedure/legal-basis.js';

/** What the officer writes into the documents a step produces: facts, reasons, the articles breached. */

@InputType({ description: '法律条文（如《中华人民共和国个人信息保护法》第十三条第一款）' })
export class LegalBasisInput {
  @Field({ description: '法律名称（不含书名号）' }) law!: string;
  @Field(() => Int, { description: '条（article）' }) article!: number;
  @Field(() => Int, { nullable: true, description: '款（paragraph）；无则不填' }) paragraph?:
    number | null;
  @Field(() => Int, { nullable: true, description: '项（item）；无则不填' }) item?: number | null;
}

export function toLegalBasis(input: LegalBasisInput): LegalBasis {
  return {
    law: input.law.trim(),
    article: input.article,
    ...(input.paragraph ? { paragraph: input.paragraph } : {}),
    ...(input.item ? { item: input.item } : {}),
    // Cited by the officer for the case; the catalog's own citations carry their status.
    status: 'V',
  };
}

@InputType({ description: '事先告知书的内容' })
export class NoticeContentInput {
  @Field(() => [String], { description: '经调查认定的违法事实（分段）' }) facts!: string[];
  @Field(() => [String], { description: '拟处罚的理由（分段）' }) reasons!: string[];
  @Field(() => [LegalBasisInput], { description: '当事人违反的规定' })
  violatedProvisions!: LegalBasisInput[];
  @Field(() => String, { nullable: true, description: '责令改正的内容' }) correction?:
    string | null;
}

@InputType({ description: '听证通知书的安排' })
export class HearingArrangementInput {
  @Field({ description: '开始时间，如 09:30' }) startTime!: string;
  @Field({ description: '听证地点' }) place!: string;
  @Field(() => ID, { description: '记录员' }) recorderId!: string;
  @Field(() => [ID], { nullable: true, description: '听证员' }) hearingOfficerIds?: string[] | null;
  @Field(() => String, { nullable: true, description: '翻译人员' }) interpreter?: string | null;
}

@InputType({ description: '处理决定书的内容' })
export class DecisionContentInput {
  @Field(() => [String], { description: '经调查认定的违法事实（分段）' }) facts!: string[];
  @Field(() => [String], { description: '决定的理由（分段）' }) reasons!: string[];
  @Field(() => [LegalBasisInput], { description: '当事人违反的规定' })
  violatedProvisions!: LegalBasisInput[];
  @Field(() => String, { nullable: true, description: '责令改正的内容' }) correction?:
    string | null;
  @Field(() => String, { nullable: true, description: '当事人陈述、申辩的要点' })
  statementSummary?: string | null;
  @Field(() => String, { nullable: true, description: '对陈述、申辩的复核意见' }) statementReview?:
    string | null;
  @Field(() => String, {
    nullable: true,
    description:
      '对陈述、申辩的采纳情况（statementAdoption）：ADOPTED 采纳 / PARTLY_ADOPTED 部分采纳 / NOT_ADOPTED 不予采纳',
  })
  statementAdoption?: 'ADOPTED' | 'PARTLY_ADOPTED' | 'NOT_ADOPTED' | null;
  @Field(() => String, { nullable: true, description: '不予处罚时对当事人进行教育的情况' })
  education?: string | null;
  @Field(() => String, { nullable: true, description: '不予处罚情形的说明' })
  noPenaltyExplanation?: string | null;
}
