/**
 * 集体讨论记录 (COLLECTIVE_DISCUSSION_MINUTES) — internal, no seal.
 * Legal basis: 《中华人民共和国行政处罚法》第五十七条第二款 (complex or major cases decided by
 * collective discussion of the heads). Trigger list U (R-COL-01).
 */
import type { CaseDocumentSource } from './case-document-source.js';
import { baseModel, formatClock, requireSection, withDocument, type BaseModel } from './common.js';
import { defineKind } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';

export interface CollectiveDiscussionModel extends BaseModel {
  readonly discussion: {
    readonly date: string;
    readonly startTime: string;
    readonly endTime: string;
    readonly place: string;
    readonly chair: string;
    readonly attendees: string;
    readonly nonVotingAttendees: string | null;
    readonly recorder: string;
    readonly presentation: string;
    readonly opinions: readonly { readonly speaker: string; readonly opinion: string }[];
    readonly conclusion: string;
  };
}

export function buildCollectiveDiscussionModel(
  source: CaseDocumentSource,
): CollectiveDiscussionModel {
  const kind = 'COLLECTIVE_DISCUSSION_MINUTES';
  const c = requireSection(kind, source.collectiveDiscussion, 'collectiveDiscussion');
  return {
    ...baseModel(kind, source),
    discussion: {
      date: c.date,
      startTime: formatClock(c.startTime),
      endTime: formatClock(c.endTime),
      place: c.place,
      chair: c.chair,
      attendees: c.attendees.join('、'),
      nonVotingAttendees: c.nonVotingAttendees.length > 0 ? c.nonVotingAttendees.join('、') : null,
      recorder: c.recorder,
      presentation: c.presentation,
      opinions: c.opinions.map((o) => ({ ...o })),
      conclusion: c.conclusion,
    },
  };
}

const ELEMENTS = {
  paths: [
    'office.name',
    'case.cause',
    'discussion.date',
    'discussion.chair',
    'discussion.attendees',
    'discussion.recorder',
    'discussion.opinions',
    'discussion.conclusion',
  ],
  phrases: [
    '集体讨论记录',
    '《中华人民共和国行政处罚法》第五十七条第二款',
    '讨论决定',
    '参加人员签名',
  ],
};

export const collectiveDiscussionKind = defineKind<CollectiveDiscussionModel>({
  kind: 'COLLECTIVE_DISCUSSION_MINUTES',
  title: '行政处罚案件集体讨论记录',
  templateFile: 'collective-discussion-minutes.hbs',
  version: '2026-11',
  sealed: false,
  buildModel: buildCollectiveDiscussionModel,
  mandatoryElements: ELEMENTS,
  mandatoryElementsFor: () => ELEMENTS,
  sampleInput: withDocument(sampleCaseSource, null, '2026-10-30'),
});
