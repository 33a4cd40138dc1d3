import { GraphQLJSON } from 'graphql-scalars';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  FieldResolver,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { requireActor, runInTransaction } from '../auth/auth-checker.js';
import type { RequestContext } from '../auth/context.js';
import { overridesForOffice, setRulebookOverrides } from '../commands/rulebook.commands.js';
import { requiredText } from '../commands/validate.js';
import { Office } from '../entities/office.entity.js';
import { PenaltyProvisionRecord } from '../entities/penalty-provision-record.entity.js';
import {
  DomainError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
} from '../errors/domain-error.js';
import { invalidAt } from '../errors/input-errors.js';
import { PenaltyProvisionDataType, provisionFromInput } from '../schema/penalty-provision.types.js';
import { toLocalDate, type LocalDate } from '../procedure/local-date.js';
import type { PenaltyKind } from '../procedure/penalty-kind.js';
import {
  formatProvisionCitation,
  isInForce,
  validateProvision,
  type PenaltyProvision,
} from '../procedure/provisions/index.js';
import {
  OVERRIDABLE_PARAMETER_KEYS,
  parameterEntries,
  rulebookFor,
} from '../procedure/rulebook.js';
import { PenaltyKindEnum } from '../schema/enums.js';
import { LegalBasisType } from '../schema/procedure.types.js';
import { PeriodType } from '../schema/deadline-explanation.types.js';
import { LocalDateScalar, MoneyScalar } from '../schema/scalars.js';

@ObjectType({ description: '规则参数（期限、数额、次数…）及其来源' })
class RulebookParameterView {
  @Field({ description: '参数键（key），如 caseTimeLimit；规则和文书以此引用' }) key!: string;
  @Field({ description: '参数名称（name），中文' }) name!: string;
  @Field({
    description:
      '参数类型（type）：PERIOD 期限 / AMOUNT 数额 / COUNT 次数或人数 / PENALTY_KINDS 处罚种类 / FLAG 开关 / DATE 起始日期',
  })
  type!: string;
  @Field(() => GraphQLJSON, {
    nullable: true,
    description:
      '数值（value），原样 JSON；已由按类型分列的 period、amount、count、penaltyKinds、flag 取代',
    deprecationReason: '请按 type 改用 period、amount、count、penaltyKinds 或 flag',
  })
  value!: unknown;
  @Field(() => PeriodType, {
    nullable: true,
    description: '期限（period）：type 为 PERIOD 时的长度和计算单位；其他类型为空',
  })
  period!: PeriodType | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description: '数额（amount，元）：type 为 AMOUNT 时；未由任何已掌握文本规定或其他类型为空',
  })
  amount!: number | null;
  @Field(() => Int, {
    nullable: true,
    description: '次数或人数（count）：type 为 COUNT 时；其他类型为空',
  })
  count!: number | null;
  @Field(() => [PenaltyKindEnum], {
    nullable: true,
    description: '处罚种类（penaltyKinds）：type 为 PENALTY_KINDS 时；其他类型为空',
  })
  penaltyKinds!: PenaltyKind[] | null;
  @Field(() => Boolean, {
    nullable: true,
    description: '开关（flag）：type 为 FLAG 时；其他类型为空',
  })
  flag!: boolean | null;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '日期（date）：type 为 DATE 时，规则自该日起适用（如系统切换日）；其他类型为空',
  })
  date!: LocalDate | null;
  @Field({ description: 'V 已核实 / P 二手来源 / U 未核实 / D 推导' }) status!: string;
  @Field({ description: '值取自已核实的法律原文' }) verified!: boolean;
  @Field({ description: '来源说明（source）：法律原文、二手资料或推导的依据' }) source!: string;
  @Field({ description: '法律允许省级或本机关规定' }) overridable!: boolean;
  @Field({ description: '本机关（或上级省级机关）已另行规定' }) overridden!: boolean;
  @Field(() => [LegalBasisType], { description: '法律依据（legal basis）' })
  legalBasis!: LegalBasisType[];
}

@ObjectType({ description: '某日适用的规则版本' })
class RulebookView {
  @Field({ description: '记入全过程记录的版本号' }) versionId!: string;
  @Field({ description: '规则版本名称（title）' }) title!: string;
  @Field(() => LocalDateScalar, { description: '施行日期（validFrom）' }) validFrom!: LocalDate;
  @Field(() => String, { nullable: true, description: '另行规定的来源文件' }) overridesSource!:
    string | null;
  @Field(() => [RulebookParameterView], { description: '全部规则参数（parameters）' })
  parameters!: RulebookParameterView[];
}

@InputType({ description: '省级规定的“较大数额”等参数（《中华人民共和国行政处罚法》第六十三条）' })
class RulebookOverridesInput {
  @Field({ description: '稳定标识，记入全过程记录，如 BJ-2024-较大数额' }) id!: string;
  @Field({ description: '规定这些数额的文件' }) source!: string;
  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      '“较大数额罚款”标准（元，公民）（hearingFineThresholdNaturalPerson）：达到的，当事人有权要求听证；不填视为未规定',
  })
  hearingFineThresholdNaturalPerson?: number | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      '“较大数额罚款”标准（元，法人或者其他组织）（hearingFineThresholdOrganization）；不填视为未规定',
  })
  hearingFineThresholdOrganization?: number | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      '“较大数额违法所得、较大价值非法财物”标准（元，公民）（hearingConfiscationThresholdNaturalPerson）；不填视为未规定',
  })
  hearingConfiscationThresholdNaturalPerson?: number | null;
  @Field(() => MoneyScalar, {
    nullable: true,
    description:
      '“较大数额违法所得、较大价值非法财物”标准（元，法人或者其他组织）（hearingConfiscationThresholdOrganization）；不填视为未规定',
  })
  hearingConfiscationThresholdOrganization?: number | null;
  @Field(() => [PenaltyKindEnum], {
    nullable: true,
    description:
      '“其他较重的行政处罚”的处罚种类（heavierPenaltyKinds）：可要求听证；不填沿用规则默认',
  })
  heavierPenaltyKinds?: PenaltyKind[] | null;
}

@ObjectType({ description: '处罚条款（处罚依据目录中的一档）' })
class PenaltyProvisionView {
  @Field(() => ID, { description: '条款目录 id（id），如 PIPL-66-1-REFUSAL；处罚依据以此引用' })
  id!: string;
  @Field({ description: '法律名称（law）' }) law!: string;
  @Field({ description: '法律版本' }) versionLabel!: string;
  @Field(() => LocalDateScalar, { description: '该法律版本的施行日期（validFrom）' })
  validFrom!: LocalDate;
  @Field(() => LocalDateScalar, {
    nullable: true,
    description: '该法律版本的失效日期（validTo）；现行有效为空',
  })
  validTo!: LocalDate | null;
  @Field(() => Int, { description: '条（article）' }) article!: number;
  @Field({ description: '引用格式' }) citation!: string;
  @Field({ description: '违法行为' }) unlawfulAct!: string;
  @Field({ description: '情节档次' }) tier!: string;
  @Field({ description: '可适用本档的最低机关层级' }) minOfficeLevel!: string;
  @Field({
    description: '核实状态（status）：V 已核实法律原文 / P 二手来源 / U 未核实 / D 设计推导',
  })
  status!: string;
  @Field({ description: '来源说明（source）' }) source!: string;
  @Field(() => PenaltyProvisionDataType, {
    description:
      '完整条款数据（data）：处罚种类、幅度、责任人员处罚等；可原样作为 updatePenaltyProvision 的 data',
  })
  data!: PenaltyProvision;
}

function provisionView(provision: PenaltyProvision): PenaltyProvisionView {
  return Object.assign(new PenaltyProvisionView(), {
    id: provision.id,
    law: provision.law,
    versionLabel: provision.versionLabel,
    validFrom: provision.validFrom,
    validTo: provision.validTo ?? null,
    article: provision.article,
    citation: formatProvisionCitation(provision),
    unlawfulAct: provision.unlawfulActZh,
    tier: provision.tierLabelZh,
    minOfficeLevel: provision.minOfficeLevel,
    status: provision.status,
    source: provision.source,
    data: provision,
  });
}

@Resolver(() => Office)
export class RulebookResolver {
  @FieldResolver(() => RulebookView, {
    description: '该机关在某日（默认今日）适用的规则参数，含省级另行规定',
  })
  async rulebook(
    @Root() office: Office,
    @Arg('date', () => LocalDateScalar, {
      nullable: true,
      description: '适用日期（date），默认今日（北京时间）',
    })
    date: LocalDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<RulebookView> {
    const overrides = await overridesForOffice(ctx.em, office.path);
    let rulebook;
    try {
      rulebook = rulebookFor(date ?? toLocalDate(ctx.now()), overrides);
    } catch (error) {
      throw new DomainError(
        'RULEBOOK_NOT_IN_FORCE',
        'BAD_USER_INPUT',
        `该日期没有适用的规则版本：${String((error as Error).message)}`,
        { date },
      );
    }
    const overridden = new Set<string>(rulebook.overrides?.keys ?? []);
    return Object.assign(new RulebookView(), {
      versionId: rulebook.versionId,
      title: rulebook.title,
      validFrom: rulebook.validFrom,
      overridesSource: rulebook.overrides?.source ?? null,
      parameters: parameterEntries(rulebook.parameters).map(([key, p]) =>
        Object.assign(new RulebookParameterView(), {
          key,
          name: p.name,
          type: p.type,
          value: p.type === 'PERIOD' ? { length: p.length, unit: p.unit } : p.value,
          period:
            p.type === 'PERIOD'
              ? Object.assign(new PeriodType(), { length: p.length, unit: p.unit })
              : null,
          amount: p.type === 'AMOUNT' ? p.value : null,
          count: p.type === 'COUNT' ? p.value : null,
          penaltyKinds: p.type === 'PENALTY_KINDS' ? [...p.value] : null,
          flag: p.type === 'FLAG' ? p.value : null,
          date: p.type === 'DATE' ? p.value : null,
          status: p.status,
          verified: p.verified,
          source: p.source,
          overridable:
            p.overridable || (OVERRIDABLE_PARAMETER_KEYS as readonly string[]).includes(key),
          overridden: overridden.has(key),
          legalBasis: p.legalBasis.map(LegalBasisType.from),
        }),
      ),
    });
  }

  @Authorized('ADMIN')
  @Mutation(() => Office, { description: '记录本省（或全国）规定的“较大数额”等参数；传 null 清除' })
  setRulebookOverrides(
    @Arg('officeId', () => ID, { description: '作出规定的省级（或国家）机关（officeId）' })
    officeId: string,
    @Arg('input', () => RulebookOverridesInput, {
      nullable: true,
      description: '另行规定的参数（input）；传 null 清除',
    })
    input: RulebookOverridesInput | null,
    @Ctx() ctx: RequestContext,
  ): Promise<Office> {
    return runInTransaction(ctx, (em, actor) => setRulebookOverrides(em, actor, officeId, input));
  }

  @Authorized()
  @Query(() => [PenaltyProvisionView], { description: '处罚条款目录（可按法律和施行日期筛选）' })
  async penaltyProvisions(
    @Arg('law', () => String, { nullable: true, description: '法律名称（不含书名号）' })
    law: string | null,
    @Arg('inForceOn', () => LocalDateScalar, {
      nullable: true,
      description: '只列出该日施行的条款（inForceOn）',
    })
    inForceOn: LocalDate | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PenaltyProvisionView[]> {
    const rows = await ctx.em.find(PenaltyProvisionRecord, law ? { law } : {}, {
      orderBy: { law: 'asc', validFrom: 'asc', id: 'asc' },
    });
    return rows
      .map((r) => r.data)
      .filter((p) => !inForceOn || isInForce(p, inForceOn))
      .map(provisionView);
  }

  @Authorized('ADMIN')
  @Mutation(() => PenaltyProvisionView, {
    description: '修改处罚条款目录中的一条（限国家网信办系统管理员；逐项校验）',
  })
  updatePenaltyProvision(
    @Arg('id', () => ID, { description: '条款目录 id（id）' }) id: string,
    @Arg('data', () => PenaltyProvisionDataType, {
      description: '完整条款数据（data），结构与 PenaltyProvisionView.data 相同；逐项校验',
    })
    data: PenaltyProvisionDataType,
    @Ctx() ctx: RequestContext,
  ): Promise<PenaltyProvisionView> {
    const actor = requireActor(ctx);
    if (actor.officer.office.level !== 'NATIONAL') {
      throw ForbiddenError.outsideOffice('全国处罚条款目录');
    }
    return runInTransaction(ctx, async (em, who) => {
      const record = await em.findOne(PenaltyProvisionRecord, { id: requiredText('id', id, 80) });
      if (!record) {
        throw new NotFoundError('PROVISION_NOT_FOUND', 'NOT_FOUND', `处罚条款 ${id} 不存在`, {
          id,
        });
      }
      const provision = provisionFromInput(id, data);
      const problems = validateProvision(provision);
      if (problems.length > 0) {
        // Every problem at once, each at its input path (data.partySanctions[0].fine.maxYuan).
        throw invalidAt(
          new ValidationError(
            'PROVISION_INVALID',
            'BAD_USER_INPUT',
            '处罚条款数据有误：' + problems.map((p) => p.message).join('；'),
            { problems },
          ),
          'data',
          problems.map((p) => ({ code: p.code, path: p.field, message: p.message })),
        );
      }
      record.data = provision;
      record.law = provision.law;
      record.validFrom = provision.validFrom;
      record.validTo = provision.validTo ?? null;
      record.updatedAt = new Date();
      record.updatedBy = who.officerId;
      return provisionView(provision);
    });
  }
}
