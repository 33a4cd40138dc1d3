/**
 * 检查（勘验）笔录 (INSPECTION_TRANSCRIPT): on-site inspection or electronic-data extraction.
 * Legal basis: 《中华人民共和国行政处罚法》第四十二条, 第四十六条 (electronic data, inspection
 * records as evidence), 第五十五条; docs/legal-sources.md §6.11, R-INV-04 (e-evidence fields D).
 */
import type { CaseDocumentSource, InspectionSource } from './case-document-source.js';
import { baseModel, formatClock, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface InspectionTranscriptModel extends BaseModel {
  /** The record as the source gives it (times formatted), titled by its kind. */
  readonly inspection: Omit<InspectionSource, 'kind'> & {
    readonly title: string;
    readonly hasElectronicData: boolean;
  };
}

export function buildInspectionTranscriptModel(
  source: CaseDocumentSource,
): InspectionTranscriptModel {
  const kind = 'INSPECTION_TRANSCRIPT';
  const i = requireSection(kind, source.inspection, 'inspection');
  return {
    ...baseModel(kind, source),
    inspection: {
      title: i.kind === 'ELECTRONIC_DATA' ? '检查（电子数据提取）笔录' : '检查（勘验）笔录',
      date: i.date,
      startTime: formatClock(i.startTime),
      endTime: formatClock(i.endTime),
      place: i.place,
      recorder: i.recorder,
      attendance: i.attendance,
      witness: i.witness,
      findings: i.findings,
      electronicData: i.electronicData.map((e) => ({ ...e })),
      hasElectronicData: i.electronicData.length > 0,
      partyStatement: i.partyStatement,
    },
  };
}

const ELEMENTS = {
  paths: [
    'office.name',
    'case.cause',
    'party.name',
    'inspection.date',
    'inspection.startTime',
    'inspection.endTime',
    'inspection.place',
    'handlersLine',
    'inspection.recorder',
    'inspection.attendance',
    'inspection.findings',
  ],
  phrases: ['出示了执法证件', '申请回避', '当事人（到场人员）签名', '检查人员签名'],
};

export const inspectionTranscriptKind = defineKind<InspectionTranscriptModel>({
  kind: 'INSPECTION_TRANSCRIPT',
  title: '检查（勘验）笔录',
  templateFile: 'inspection-transcript.hbs',
  version: '2026-11',
  sealed: false,
  buildModel: buildInspectionTranscriptModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: (model) =>
    model.inspection.hasElectronicData
      ? {
          ...ELEMENTS,
          paths: [...ELEMENTS.paths, 'inspection.electronicData'],
          phrases: [...ELEMENTS.phrases, '完整性校验值'],
        }
      : ELEMENTS,
  sampleInput: withDocument(sampleCaseSource, null, '2026-08-14'),
});
