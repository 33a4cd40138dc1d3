import {
  Arg,
  Args,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Int,
  Mutation,
  Resolver,
} from 'type-graphql';
import type { RequestContext } from '../../auth/context.js';
import {
  resolveApproval,
  resolveOfficerRefs,
} from '../../commands/procedure/resolve-references.js';
import { optionalText, requiredText } from '../../commands/validate.js';
import { Evidence } from '../../entities/evidence.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { ValidationError } from '../../errors/domain-error.js';
import type { PreservationHandling, ReleaseGround } from '../../procedure/action-inputs.js';
import type { CompulsoryMeasureKind } from '../../procedure/case-snapshot.js';
import type { EvidenceKind } from '../../procedure/evidence-kind.js';
import type { LocalDate } from '../../procedure/local-date.js';
import { EvidenceKindEnum } from '../../schema/enums.js';
import {
  CompulsoryMeasureKindEnum,
  PreservationHandlingEnum,
  ReleaseGroundEnum,
} from '../../schema/procedure-enums.js';
import { ApprovalInput, ProcedureResult, CaseStepArgs } from '../../schema/procedure.types.js';
import { LocalDateScalar } from '../../schema/scalars.js';
import { rolesOf, runCaseStep } from './procedure-inputs.js';

/** Investigation: evidence, transcripts, preservation of evidence, sealing and seizure. */

@InputType({ description: '证据文件（电子数据等）' })
class EvidenceFileInput {
  @Field({ description: '文件名' }) name!: string;
  @Field({ description: 'SHA-256（64位十六进制）' }) sha256!: string;
  @Field(() => Int, { description: '字节数' }) sizeBytes!: number;
}

@InputType({ description: '收集、调取证据' })
class RecordEvidenceInput {
  @Field(() => EvidenceKindEnum) evidenceKind!: EvidenceKind;
  @Field(() => LocalDateScalar, { description: '取证日期（执法证件按该日核验）' })
  collectedOn!: LocalDate;
  @Field(() => Date, { nullable: true, description: '取证时间（默认取证日期零时，北京时间）' })
  collectedAt?: Date | null;
  @Field(() => [ID], { description: '取证的执法人员（不少于两名，持有效执法证件）' })
  collectorIds!: string[];
  @Field({ description: '已向当事人或者有关人员出示执法证件' }) certificatesShown!: boolean;
  @Field({ description: '向当事人收集、调取' }) fromParty!: boolean;
  @Field({ description: '已告知当事人申请回避的权利（首次向当事人取证时必须）' })
  recusalRightNotified!: boolean;
  @Field({ description: '证据名称' }) title!: string;
  @Field({ description: '证明内容' }) description!: string;
  @Field({ description: '证据来源' }) source!: string;
  @Field({ description: '取证地点' }) place!: string;
  @Field(() => [EvidenceFileInput], { defaultValue: [] }) files!: EvidenceFileInput[];
}

@InputType({ description: '询问（询问笔录）' })
class RecordInquiryInput {
  @Field(() => LocalDateScalar) conductedOn!: LocalDate;
  @Field(() => [ID], { description: '询问的执法人员（不少于两名）' }) officerIds!: string[];
  @Field() certificatesShown!: boolean;
  @Field({ description: '被询问人是当事人（或其工作人员）' }) intervieweeIsParty!: boolean;
  @Field({ description: '已告知当事人申请回避的权利' }) recusalRightNotified!: boolean;
  @Field(() => String, { nullable: true, description: '被询问人' }) interviewee?: string | null;
}

@InputType({ description: '检查、勘验（笔录）' })
class RecordInspectionInput {
  @Field(() => LocalDateScalar) conductedOn!: LocalDate;
  @Field(() => [ID], { description: '检查的执法人员（不少于两名）' }) officerIds!: string[];
  @Field() certificatesShown!: boolean;
  @Field({ description: '检查当事人的场所、设备或者物品' }) ofParty!: boolean;
  @Field({ description: '已告知当事人申请回避的权利' }) recusalRightNotified!: boolean;
  @Field(() => String, { nullable: true, description: '检查地点' }) place?: string | null;
}

@InputType({ description: '先行登记保存证据（负责人批准）' })
class PreserveEvidenceInput {
  @Field(() => LocalDateScalar) startedOn!: LocalDate;
  @Field(() => [ID]) officerIds!: string[];
  @Field() certificatesShown!: boolean;
  @Field(() => ApprovalInput, { nullable: true, description: '负责人批准' })
  approval?: ApprovalInput | null;
  @Field(() => [String], { description: '登记保存的物品清单' }) items!: string[];
}

@InputType({ description: '先行登记保存证据的处理决定（七个工作日内）' })
class HandlePreservedEvidenceInput {
  @Field(() => ID, { description: '先行登记保存（案件 preservations 中的 id）' })
  preservationId!: string;
  @Field(() => LocalDateScalar) decidedOn!: LocalDate;
  @Field(() => PreservationHandlingEnum) handling!: PreservationHandling;
}

@InputType({ description: '查封、扣押（主要负责人书面批准，不超过三十日）' })
class ImposeCompulsoryMeasureInput {
  @Field(() => CompulsoryMeasureKindEnum) measure!: CompulsoryMeasureKind;
  @Field(() => LocalDateScalar) startedOn!: LocalDate;
  @Field(() => LocalDateScalar, { description: '期限最后一日' }) endsOn!: LocalDate;
  @Field(() => [ID]) officerIds!: string[];
  @Field() certificatesShown!: boolean;
  @Field(() => ApprovalInput, { nullable: true, description: '主要负责人书面批准' })
  approval?: ApprovalInput | null;
  @Field(() => [String], { defaultValue: [], description: '查封、扣押的场所、设施或者财物清单' })
  items!: string[];
}

@InputType({ description: '延长查封、扣押期限（负责人批准，延长不超过三十日）' })
class ExtendCompulsoryMeasureInput {
  @Field(() => ID, { description: '查封、扣押（案件 compulsoryMeasures 中的 id）' })
  measureId!: string;
  @Field(() => LocalDateScalar, { description: '延长后的最后一日' }) newEndsOn!: LocalDate;
  @Field(() => ApprovalInput, { nullable: true }) approval?: ApprovalInput | null;
  @Field() reason!: string;
}

@InputType({ description: '解除查封、扣押' })
class ReleaseCompulsoryMeasureInput {
  @Field(() => ID) measureId!: string;
  @Field(() => LocalDateScalar) releasedOn!: LocalDate;
  @Field(() => ReleaseGroundEnum) ground!: ReleaseGround;
}

const SHA256 = /^[0-9a-f]{64}$/;

function collectedAtOf(input: RecordEvidenceInput): Date {
  if (input.collectedAt) {
    return input.collectedAt;
  }
  return new Date(`${input.collectedOn}T00:00:00+08:00`);
}

function itemList(field: string, items: readonly string[]): string[] {
  return items.map((item, index) => requiredText(`${field}[${index}]`, item, 500));
}

@Resolver()
export class InvestigationResolver {
  @Authorized(rolesOf('recordEvidence'))
  @Mutation(() => ProcedureResult, {
    description: '收集、调取证据（两名以上执法人员，出示证件）；同时登记证据',
  })
  recordEvidence(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => RecordEvidenceInput) input: RecordEvidenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const title = requiredText('title', input.title, 200);
    const description = requiredText('description', input.description, 2000);
    const source = requiredText('source', input.source, 500);
    const place = requiredText('place', input.place, 500);
    const files = input.files.map((f, index) => {
      const sha256 = f.sha256.trim().toLowerCase();
      if (!SHA256.test(sha256)) {
        throw ValidationError.field(
          'INVALID_SHA256',
          `files[${index}].sha256`,
          'SHA-256 应为64位十六进制数',
        );
      }
      if (f.sizeBytes < 0) {
        throw ValidationError.field(
          'INVALID_SIZE',
          `files[${index}].sizeBytes`,
          '文件大小不能为负数',
        );
      }
      return {
        name: requiredText(`files[${index}].name`, f.name, 255),
        sha256,
        sizeBytes: f.sizeBytes,
      };
    });
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'recordEvidence',
        resolveInput: async ({ em, actor }) => ({
          evidenceKind: input.evidenceKind,
          collectedOn: input.collectedOn,
          collectors: await resolveOfficerRefs(em, actor, input.collectorIds, input.collectedOn),
          certificatesShown: input.certificatesShown,
          fromParty: input.fromParty,
          recusalRightNotified: input.recusalRightNotified,
          description,
        }),
        // The evidence row carries the id of the evidence record the reducer added.
        persist: async ({ em, found, next, input: engineInput }) => {
          const record = next.evidence.at(-1)!;
          const evidence = em.create(Evidence, {
            id: record.id,
            case: found,
            kind: engineInput.evidenceKind,
            title,
            description,
            source,
            place,
            collectedAt: collectedAtOf(input),
            files,
          });
          for (const collector of engineInput.collectors) {
            evidence.collectors.add(em.getReference(Officer, collector.officerId));
          }
        },
      },
    );
  }

  @Authorized(rolesOf('recordInquiry'))
  @Mutation(() => ProcedureResult, { description: '询问当事人或者有关人员（制作询问笔录）' })
  recordInquiry(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => RecordInquiryInput) input: RecordInquiryInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    optionalText('interviewee', input.interviewee, 200);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'recordInquiry',
        resolveInput: async ({ em, actor }) => ({
          conductedOn: input.conductedOn,
          officers: await resolveOfficerRefs(em, actor, input.officerIds, input.conductedOn),
          certificatesShown: input.certificatesShown,
          intervieweeIsParty: input.intervieweeIsParty,
          recusalRightNotified: input.recusalRightNotified,
        }),
      },
    );
  }

  @Authorized(rolesOf('recordInspection'))
  @Mutation(() => ProcedureResult, { description: '检查、勘验（制作笔录）' })
  recordInspection(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => RecordInspectionInput) input: RecordInspectionInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    optionalText('place', input.place, 500);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'recordInspection',
        resolveInput: async ({ em, actor }) => ({
          conductedOn: input.conductedOn,
          officers: await resolveOfficerRefs(em, actor, input.officerIds, input.conductedOn),
          certificatesShown: input.certificatesShown,
          ofParty: input.ofParty,
          recusalRightNotified: input.recusalRightNotified,
        }),
      },
    );
  }

  @Authorized(rolesOf('preserveEvidence'))
  @Mutation(() => ProcedureResult, {
    description: '先行登记保存证据（负责人批准；七个工作日内作出处理决定）',
  })
  preserveEvidence(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => PreserveEvidenceInput) input: PreserveEvidenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const items = itemList('items', input.items);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'preserveEvidence',
        resolveInput: async ({ em, actor }) => {
          const approval = await resolveApproval(em, actor, input.approval);
          return {
            startedOn: input.startedOn,
            officers: await resolveOfficerRefs(em, actor, input.officerIds, input.startedOn),
            certificatesShown: input.certificatesShown,
            ...(approval ? { approval } : {}),
            items,
          };
        },
      },
    );
  }

  @Authorized(rolesOf('handlePreservedEvidence'))
  @Mutation(() => ProcedureResult, { description: '对先行登记保存的证据作出处理决定' })
  handlePreservedEvidence(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => HandlePreservedEvidenceInput) input: HandlePreservedEvidenceInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'handlePreservedEvidence',
        resolveInput: async () => ({
          preservationId: input.preservationId,
          decidedOn: input.decidedOn,
          handling: input.handling,
        }),
      },
    );
  }

  @Authorized(rolesOf('imposeCompulsoryMeasure'))
  @Mutation(() => ProcedureResult, {
    description: '查封、扣押（主要负责人书面批准，期限不超过三十日）',
  })
  imposeCompulsoryMeasure(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ImposeCompulsoryMeasureInput) input: ImposeCompulsoryMeasureInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    itemList('items', input.items);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'imposeCompulsoryMeasure',
        resolveInput: async ({ em, actor }) => {
          const approval = await resolveApproval(em, actor, input.approval);
          return {
            measure: input.measure,
            startedOn: input.startedOn,
            endsOn: input.endsOn,
            officers: await resolveOfficerRefs(em, actor, input.officerIds, input.startedOn),
            certificatesShown: input.certificatesShown,
            ...(approval ? { approval } : {}),
          };
        },
      },
    );
  }

  @Authorized(rolesOf('extendCompulsoryMeasure'))
  @Mutation(() => ProcedureResult, {
    description: '延长查封、扣押期限（负责人批准，延长不超过三十日）',
  })
  extendCompulsoryMeasure(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ExtendCompulsoryMeasureInput) input: ExtendCompulsoryMeasureInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    const reason = requiredText('reason', input.reason, 2000);
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'extendCompulsoryMeasure',
        resolveInput: async ({ em, actor }) => {
          const approval = await resolveApproval(em, actor, input.approval);
          return {
            measureId: input.measureId,
            newEndsOn: input.newEndsOn,
            ...(approval ? { approval } : {}),
            reason,
          };
        },
      },
    );
  }

  @Authorized(rolesOf('releaseCompulsoryMeasure'))
  @Mutation(() => ProcedureResult, { description: '解除查封、扣押' })
  releaseCompulsoryMeasure(
    @Args(() => CaseStepArgs) step: CaseStepArgs,
    @Arg('input', () => ReleaseCompulsoryMeasureInput) input: ReleaseCompulsoryMeasureInput,
    @Ctx() ctx: RequestContext,
  ): Promise<ProcedureResult> {
    return runCaseStep(
      ctx,
      { ...step, submitted: input },
      {
        action: 'releaseCompulsoryMeasure',
        resolveInput: async () => ({
          measureId: input.measureId,
          releasedOn: input.releasedOn,
          ground: input.ground,
        }),
      },
    );
  }
}
