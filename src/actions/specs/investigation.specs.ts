import { reportInvalid } from '../../errors/input-errors.js';
import {
  actingOfficers,
  approvalPart,
  resolveOfficerRefs,
} from '../../commands/procedure/resolve-references.js';
import { optionalText, requiredText } from '../../commands/validate.js';
import { Evidence } from '../../entities/evidence.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import type { EntityManager } from '@mikro-orm/postgresql';
import { PenaltyProvisionRecord } from '../../entities/penalty-provision-record.entity.js';
import { NotFoundError, ValidationError } from '../../errors/domain-error.js';
import type { SuspectedProvision } from '../../procedure/compulsory-measure-basis.js';
import { checkAudioVisualRecord, resolveAudioVisualRecord } from '../audio-visual-record-input.js';
import {
  ExtendCompulsoryMeasureInput,
  HandlePreservedEvidenceInput,
  ImposeCompulsoryMeasureInput,
  PreserveEvidenceInput,
  RatifyEmergencyMeasureInput,
  RecordEvidenceInput,
  RecordInquiryInput,
  RecordInspectionInput,
  RecordTestingPeriodInput,
  ReleaseCompulsoryMeasureInput,
} from '../../schema/procedure-inputs/investigation.inputs.js';
import { toLocalDate } from '../../procedure/local-date.js';
import { engineInput, spec } from '../action-spec.js';
import { itemList, validYuan } from '../input-checks.js';

/** Investigation: evidence, transcripts, preservation of evidence, sealing and seizure. */

const SHA256 = /^[0-9a-f]{64}$/;

function evidenceFiles(input: RecordEvidenceInput) {
  return input.files.map((f, index) => {
    const sha256 = f.sha256.trim().toLowerCase();
    // Every bad file field is reported; the checks go on with the next.
    if (!SHA256.test(sha256)) {
      reportInvalid(
        ValidationError.field(
          'INVALID_SHA256',
          `files[${index}].sha256`,
          'SHA-256 应为64位十六进制数',
        ),
        undefined,
      );
    }
    if (f.sizeBytes < 0) {
      reportInvalid(
        ValidationError.field('INVALID_SIZE', `files[${index}].sizeBytes`, '文件大小不能为负数'),
        undefined,
      );
    }
    return {
      name: requiredText(`files[${index}].name`, f.name, 255),
      sha256,
      sizeBytes: f.sizeBytes,
    };
  });
}

export const recordEvidence = spec({
  action: 'recordEvidence',
  input: RecordEvidenceInput,
  description: '收集、调取证据（两名以上执法人员，出示证件）；同时登记证据',
  check: (input: RecordEvidenceInput) => ({
    input,
    title: requiredText('title', input.title, 200),
    description: requiredText('description', input.description, 2000),
    source: requiredText('source', input.source, 500),
    place: requiredText('place', input.place, 500),
    files: evidenceFiles(input),
    // Default: midnight of the collection day, Beijing time.
    collectedAt: input.collectedAt ?? new Date(`${input.collectedOn}T00:00:00+08:00`),
  }),
  toEngineInput: async ({ input, description }, { em, actor }) =>
    engineInput<'recordEvidence'>({
      evidenceKind: input.evidenceKind,
      collectedOn: input.collectedOn,
      collectors: await resolveOfficerRefs(em, actor, input.collectorIds, input.collectedOn),
      certificatesShown: input.certificatesShown,
      fromParty: input.fromParty,
      recusalRightNotified: input.recusalRightNotified,
      description,
    }),
  // The evidence row carries the id of the evidence record the reducer added.
  persist: async ({ em, found, next, checked, input }) => {
    const evidence = em.create(Evidence, {
      id: next.evidence.at(-1)!.id,
      case: found,
      kind: input.evidenceKind,
      title: checked.title,
      description: checked.description,
      source: checked.source,
      place: checked.place,
      collectedAt: checked.collectedAt,
      files: checked.files,
    });
    for (const collector of input.collectors) {
      evidence.collectors.add(em.getReference(Officer, collector.officerId));
    }
  },
});

export const recordInquiry = spec({
  action: 'recordInquiry',
  input: RecordInquiryInput,
  description: '询问当事人或者有关人员（制作询问笔录）',
  check: (input: RecordInquiryInput) => {
    optionalText('interviewee', input.interviewee, 200);
    return input;
  },
  toEngineInput: async (input, { em, actor }) =>
    engineInput<'recordInquiry'>({
      conductedOn: input.conductedOn,
      ...(await actingOfficers(em, actor, input, input.conductedOn)),
      intervieweeIsParty: input.intervieweeIsParty,
      recusalRightNotified: input.recusalRightNotified,
    }),
});

export const recordInspection = spec({
  action: 'recordInspection',
  input: RecordInspectionInput,
  description: '检查、勘验（制作笔录）',
  check: (input: RecordInspectionInput) => {
    optionalText('place', input.place, 500);
    return {
      input,
      audioVisualRecord: checkAudioVisualRecord('audioVisualRecord', input.audioVisualRecord),
    };
  },
  toEngineInput: async ({ input, audioVisualRecord }, { em, actor }) =>
    engineInput<'recordInspection'>({
      conductedOn: input.conductedOn,
      ...(await actingOfficers(em, actor, input, input.conductedOn)),
      ofParty: input.ofParty,
      recusalRightNotified: input.recusalRightNotified,
      ...(await resolveAudioVisualRecord(em, actor, audioVisualRecord)),
    }),
});

export const preserveEvidence = spec({
  action: 'preserveEvidence',
  input: PreserveEvidenceInput,
  description: '先行登记保存证据（负责人批准；在 preservationHandlingPeriod 内作出处理决定）',
  check: (input: PreserveEvidenceInput) => ({ input, items: itemList('items', input.items) }),
  toEngineInput: async ({ input, items }, { em, actor }) => {
    const approval = await approvalPart(em, actor, input.approval);
    return engineInput<'preserveEvidence'>({
      startedOn: input.startedOn,
      ...(await actingOfficers(em, actor, input, input.startedOn)),
      ...approval,
      items,
    });
  },
});

export const handlePreservedEvidence = spec({
  action: 'handlePreservedEvidence',
  input: HandlePreservedEvidenceInput,
  description: '对先行登记保存的证据作出处理决定',
  check: (input: HandlePreservedEvidenceInput) => ({
    ...input,
    lateHandlingReason: optionalText('lateHandlingReason', input.lateHandlingReason, 2000),
  }),
  toEngineInput: async (input) =>
    engineInput<'handlePreservedEvidence'>({
      preservationId: input.preservationId,
      decidedOn: input.decidedOn,
      handling: input.handling,
      ...(input.lateHandlingReason ? { lateHandlingReason: input.lateHandlingReason } : {}),
    }),
});

/** The catalog provisions the act is suspected under, with their law (else PROVISION_NOT_FOUND). */
async function suspectedProvisions(
  em: EntityManager,
  ids: readonly string[],
): Promise<SuspectedProvision[]> {
  const unique = [...new Set(ids)];
  const rows = unique.length ? await em.find(PenaltyProvisionRecord, { id: { $in: unique } }) : [];
  return unique.map((id) => {
    const row = rows.find((r) => r.id === id);
    if (!row) {
      throw NotFoundError.of('PROVISION', id);
    }
    return { provisionId: row.id, lawCode: row.data.lawCode };
  });
}

export const imposeCompulsoryMeasure = spec({
  action: 'imposeCompulsoryMeasure',
  input: ImposeCompulsoryMeasureInput,
  description: '查封、扣押（主要负责人书面批准，期限不超过 compulsoryMeasureMaximum）',
  check: (input: ImposeCompulsoryMeasureInput) => {
    itemList('items', input.items);
    const e = input.emergency;
    // The 24 hours run from the instant; its day (China Standard Time) is the measure's start day.
    if (e && toLocalDate(e.imposedAt) !== input.startedOn) {
      reportInvalid(
        ValidationError.field(
          'EMERGENCY_TIME_NOT_ON_START_DATE',
          'emergency.imposedAt',
          '当场实施的时间应为实施日期（startedOn）当日',
          { imposedOn: toLocalDate(e.imposedAt), startedOn: input.startedOn },
        ),
        undefined,
      );
    }
    const c = input.custody;
    return {
      input,
      audioVisualRecord: checkAudioVisualRecord('audioVisualRecord', input.audioVisualRecord),
      emergency: e
        ? {
            reason: optionalText('emergency.reason', e.reason, 2000) ?? '',
            imposedAt: e.imposedAt.toISOString(),
          }
        : undefined,
      custody: c
        ? {
            place: optionalText('custody.place', c.place, 500) ?? '',
            custodian: optionalText('custody.custodian', c.custodian, 200) ?? '',
            costChargedToPartyFen: Math.round(
              (validYuan('custody.costChargedToPartyYuan', c.costChargedToPartyYuan) ?? 0) * 100,
            ),
          }
        : undefined,
      onSite: input.onSite
        ? {
            ...input.onSite,
            witness: optionalText('onSite.witness', input.onSite.witness, 200) ?? undefined,
          }
        : undefined,
    };
  },
  toEngineInput: async (
    { input, audioVisualRecord, emergency, custody, onSite },
    { em, actor },
  ) => {
    const approval = await approvalPart(em, actor, input.approval);
    return engineInput<'imposeCompulsoryMeasure'>({
      measure: input.measure,
      startedOn: input.startedOn,
      endsOn: input.endsOn,
      ...(await actingOfficers(em, actor, input, input.startedOn)),
      ...approval,
      ...(input.basis ? { basis: input.basis } : {}),
      evidenceIds: [...new Set(input.evidenceIds)],
      suspectedProvisions: await suspectedProvisions(em, input.suspectedProvisionIds),
      ...(await resolveAudioVisualRecord(em, actor, audioVisualRecord)),
      ...(emergency ? { emergency } : {}),
      ...(custody ? { custody } : {}),
      ...(onSite
        ? {
            onSite: {
              partyNotified: onSite.partyNotified,
              partyPresent: onSite.partyPresent,
              informedOfReasonsAndRemedies: onSite.informedOfReasonsAndRemedies,
              statementsHeard: onSite.statementsHeard,
              transcriptMade: onSite.transcriptMade,
              officersSigned: onSite.officersSigned,
              partySigned: onSite.partySigned,
              partyRefusalNoted: onSite.partyRefusalNoted,
              ...(onSite.witness ? { witness: onSite.witness } : {}),
              witnessSigned: onSite.witnessSigned,
            },
          }
        : {}),
    });
  },
});

export const extendCompulsoryMeasure = spec({
  action: 'extendCompulsoryMeasure',
  input: ExtendCompulsoryMeasureInput,
  description: '延长查封、扣押期限（负责人批准，延长不超过 compulsoryMeasureExtensionMaximum）',
  check: (input: ExtendCompulsoryMeasureInput) => ({
    input,
    reason: requiredText('reason', input.reason, 2000),
  }),
  toEngineInput: async ({ input, reason }, { em, actor }) => {
    return engineInput<'extendCompulsoryMeasure'>({
      measureId: input.measureId,
      newEndsOn: input.newEndsOn,
      ...(await approvalPart(em, actor, input.approval)),
      reason,
    });
  },
});

export const releaseCompulsoryMeasure = spec({
  action: 'releaseCompulsoryMeasure',
  input: ReleaseCompulsoryMeasureInput,
  description: '解除查封、扣押',
  check: (input: ReleaseCompulsoryMeasureInput) => input,
  toEngineInput: async (input) =>
    engineInput<'releaseCompulsoryMeasure'>({
      measureId: input.measureId,
      releasedOn: input.releasedOn,
      ground: input.ground,
    }),
});

export const ratifyEmergencyMeasure = spec({
  action: 'ratifyEmergencyMeasure',
  input: RatifyEmergencyMeasureInput,
  description:
    '当场实施的查封、扣押补办批准手续（主要负责人书面决定；报告须在 emergencyMeasureReportPeriod 内）：不予批准的，应当立即解除',
  check: (input: RatifyEmergencyMeasureInput) => {
    const refusalReason = optionalText('refusalReason', input.refusalReason, 2000);
    if (!input.approved && !refusalReason) {
      reportInvalid(
        ValidationError.field('FIELD_REQUIRED', 'refusalReason', '不予批准的，应当写明理由'),
        undefined,
      );
    }
    return { input, refusalReason };
  },
  toEngineInput: async ({ input, refusalReason }, { em, actor }) =>
    engineInput<'ratifyEmergencyMeasure'>({
      measureId: input.measureId,
      reportedAt: input.reportedAt.toISOString(),
      approved: input.approved,
      ...(await approvalPart(em, actor, input.approval)),
      ...(refusalReason ? { refusalReason } : {}),
    }),
});

export const recordTestingPeriod = spec({
  action: 'recordTestingPeriod',
  input: RecordTestingPeriodInput,
  description:
    '检测、检验、检疫或者技术鉴定的期间：不计入查封、扣押期间，期限最后一日相应顺延，并书面告知当事人（检测期间告知书）',
  check: (input: RecordTestingPeriodInput) => ({
    ...input,
    institution: requiredText('institution', input.institution, 200),
  }),
  toEngineInput: async (input) =>
    engineInput<'recordTestingPeriod'>({
      measureId: input.measureId,
      testingKind: input.testingKind,
      institution: input.institution,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      notifiedOn: input.notifiedOn,
    }),
});
