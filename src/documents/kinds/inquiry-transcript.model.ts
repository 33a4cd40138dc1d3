/**
 * 询问笔录 (INQUIRY_TRANSCRIPT) — record, no seal; signed on every page by the interviewee.
 * Legal basis: 《中华人民共和国行政处罚法》第四十二条 (two officers), 第五十五条 (show the
 * certificates; truthful answers; record), 第四十三条 (recusal). docs/legal-sources.md §6.11, docs/document-sources.md §4.3.
 */
import type { CaseDocumentSource, PersonSource } from './case-document-source.js';
import { baseModel, formatClock, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface InquiryTranscriptModel extends BaseModel {
  readonly inquiry: {
    readonly date: string;
    readonly startTime: string;
    readonly endTime: string;
    readonly place: string;
    readonly recorder: string;
    /** Printed as the source gives it. */
    readonly interviewee: PersonSource;
    readonly credentialsAnswer: string;
    readonly recusalAnswer: string;
    readonly questions: readonly { readonly question: string; readonly answer: string }[];
  };
}

export function buildInquiryTranscriptModel(source: CaseDocumentSource): InquiryTranscriptModel {
  const kind = 'INQUIRY_TRANSCRIPT';
  const inquiry = requireSection(kind, source.inquiry, 'inquiry');
  return {
    ...baseModel(kind, source),
    inquiry: {
      date: inquiry.date,
      startTime: formatClock(inquiry.startTime),
      endTime: formatClock(inquiry.endTime),
      place: inquiry.place,
      recorder: inquiry.recorder,
      interviewee: { ...inquiry.interviewee },
      credentialsAnswer: inquiry.credentialsAnswer,
      recusalAnswer: inquiry.recusalAnswer,
      questions: inquiry.questions.map((q) => ({ ...q })),
    },
  };
}

const ELEMENTS = {
  paths: [
    'office.name',
    'case.cause',
    'inquiry.date',
    'inquiry.startTime',
    'inquiry.endTime',
    'inquiry.place',
    'handlers',
    'inquiry.recorder',
    'inquiry.interviewee.name',
    'inquiry.interviewee.idNumber',
    'inquiry.interviewee.relation',
    'inquiry.credentialsAnswer',
    'inquiry.recusalAnswer',
    'inquiry.questions',
  ],
  phrases: [
    '询问笔录',
    '出示了执法证件',
    '如实回答',
    '申请回避',
    '以上笔录',
    '被询问人签名',
    '询问人签名',
  ],
};

export const inquiryTranscriptKind = defineKind<InquiryTranscriptModel>({
  kind: 'INQUIRY_TRANSCRIPT',
  title: '询问笔录',
  templateFile: 'inquiry-transcript.hbs',
  version: '2026-11',
  sealed: false,
  buildModel: buildInquiryTranscriptModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: () => ELEMENTS,
  sampleInput: withDocument(sampleCaseSource, null, '2026-08-20'),
});
