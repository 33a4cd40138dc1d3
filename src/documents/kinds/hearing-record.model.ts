/**
 * 听证笔录 (HEARING_RECORD) — record, no seal.
 * Legal basis: 《中华人民共和国行政处罚法》第六十四条第（七）项 (investigators present facts,
 * evidence and proposal; the party defends and cross-examines), 第（八）项 (record checked and
 * signed or sealed by the party or agent; refusal noted by the presider), 第六十五条 (decide on
 * the record). docs/legal-sources.md §6.3.
 */
import type { CaseDocumentSource } from './case-document-source.js';
import { baseModel, formatClock, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface HearingRecordModel extends BaseModel {
  readonly hearing: {
    readonly date: string;
    readonly startTime: string;
    readonly endTime: string;
    readonly place: string;
    readonly publicText: string;
    readonly presidingOfficer: string;
    readonly hearingOfficers: string | null;
    readonly recorder: string;
    readonly interpreter: string | null;
    readonly attendees: readonly { readonly name: string; readonly role: string }[];
    readonly investigators: string;
    readonly recusalAnswer: string;
    readonly investigatorStatement: string;
    readonly partyDefence: readonly string[];
    readonly crossExamination: string;
    readonly finalStatement: string;
  };
}

export function buildHearingRecordModel(source: CaseDocumentSource): HearingRecordModel {
  const kind = 'HEARING_RECORD';
  const hearing = requireSection(kind, source.hearing, 'hearing');
  const record = requireSection(kind, hearing.record, 'hearing.record');
  return {
    ...baseModel(kind, source),
    hearing: {
      date: hearing.date,
      startTime: formatClock(hearing.startTime),
      endTime: formatClock(record.endTime),
      place: hearing.place,
      publicText: hearing.isPublic ? '公开' : `不公开（${hearing.nonPublicReason ?? ''}）`,
      presidingOfficer: hearing.presidingOfficer,
      hearingOfficers:
        hearing.hearingOfficers.length > 0 ? hearing.hearingOfficers.join('、') : null,
      recorder: hearing.recorder,
      interpreter: hearing.interpreter,
      attendees: record.attendees.map((a) => ({ ...a })),
      investigators: record.investigators.join('、'),
      recusalAnswer: record.recusalAnswer,
      investigatorStatement: record.investigatorStatement,
      partyDefence: record.partyDefence,
      crossExamination: record.crossExamination,
      finalStatement: record.finalStatement,
    },
  };
}

const ELEMENTS = {
  paths: [
    'office.name',
    'case.cause',
    'hearing.date',
    'hearing.place',
    'hearing.presidingOfficer',
    'hearing.recorder',
    'hearing.attendees',
    'hearing.investigators',
    'hearing.investigatorStatement',
    'hearing.partyDefence',
    'hearing.crossExamination',
    'hearing.finalStatement',
  ],
  phrases: ['听证笔录', '申请回避', '质证', '最后陈述', '当事人或者委托代理人签名', '拒绝签名'],
};

export const hearingRecordKind = defineKind<HearingRecordModel>({
  kind: 'HEARING_RECORD',
  title: '听证笔录',
  templateFile: 'hearing-record.hbs',
  version: '2026-11',
  sealed: false,
  buildModel: buildHearingRecordModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: () => ELEMENTS,
  sampleInput: withDocument(sampleCaseSource, null, '2026-10-16'),
});
