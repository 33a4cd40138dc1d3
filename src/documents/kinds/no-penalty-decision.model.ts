/**
 * 不予行政处罚决定书 (NO_PENALTY_DECISION).
 * Legal basis: 《中华人民共和国行政处罚法》第三十三条 (grounds; education is mandatory, para. 3),
 * 第五十七条第一款第（二）项、第（三）项 (minor violation; facts not established), 第二十八条第一款
 * (order to correct); remedies: 《中华人民共和国行政复议法》第二十条, 《中华人民共和国行政诉讼法》
 * 第四十六条. docs/legal-sources.md §6.6 (no statutory content list; elements derived, D).
 */
import type { LegalBasis } from '../../procedure/legal-basis.js';
import type { CaseDocumentSource, NoPenaltyGroundKind } from './case-document-source.js';
import {
  evidenceViews,
  letterHead,
  missingInSource,
  requireSection,
  type EvidenceView,
  type LetterHeadView,
  type RemediesView,
} from './common.js';
import {
  decisionRemedies,
  noticeReference,
  statementView,
  type NoticeReferenceView,
  type StatementView,
} from './decision-parts.js';
import { defineKind, mergeElements, SIGNED_DOCUMENT_ELEMENTS } from './kind-definition.js';
import { sampleCaseSource } from './sample-case.js';
import { apl } from '../../procedure/legal-basis.js';
import { localDate } from '../../procedure/local-date.js';
import { NO_PENALTY_REASON_TERMS } from '../../procedure/no-penalty-ground.js';

/** The situation 「鉴于…属于…的情形」 names, in the engine's words for the ground. */
function groundText(kind: NoPenaltyGroundKind): string | null {
  const term = NO_PENALTY_REASON_TERMS[kind];
  return term.statedAsSituation ? term.term : null;
}

export interface NoPenaltyDecisionModel extends LetterHeadView {
  readonly evidence: readonly EvidenceView[];
  readonly notice: NoticeReferenceView | null;
  readonly decision: {
    readonly facts: readonly string[];
    readonly reasons: readonly string[];
    /** Null when the facts are not established (nothing was violated). */
    readonly violatedProvisions: readonly LegalBasis[] | null;
    readonly groundText: string | null;
    readonly groundExplanation: string;
    readonly groundBasis: readonly LegalBasis[];
    readonly factsEstablished: boolean;
    readonly correction: string | null;
    readonly statement: StatementView | null;
    /** APL art. 33 para. 3: required whenever a violation is found but not penalised. */
    readonly education: string | null;
    readonly remedies: RemediesView;
  };
}

export function buildNoPenaltyDecisionModel(source: CaseDocumentSource): NoPenaltyDecisionModel {
  const kind = 'NO_PENALTY_DECISION';
  const decision = requireSection(kind, source.decision, 'decision');
  if (decision.kind !== 'NO_PENALTY') {
    throw missingInSource(kind, 'decision.noPenaltyGround');
  }
  const ground = requireSection(kind, decision.noPenaltyGround, 'decision.noPenaltyGround');
  const factsEstablished = ground.kind !== 'FACTS_NOT_ESTABLISHED';
  return {
    ...letterHead(kind, source),
    evidence: evidenceViews(source.evidence),
    notice: noticeReference(source),
    decision: {
      facts: decision.facts,
      reasons: decision.reasons,
      violatedProvisions: factsEstablished ? decision.violatedProvisions : null,
      groundText: groundText(ground.kind),
      groundExplanation: ground.explanation,
      groundBasis: ground.basis,
      factsEstablished,
      correction: decision.correction,
      statement: statementView(decision),
      education: decision.education,
      remedies: decisionRemedies(decision),
    },
  };
}

const ALWAYS = mergeElements(SIGNED_DOCUMENT_ELEMENTS, {
  paths: [
    'document.number',
    'party.name',
    'party.idNumber',
    'party.address',
    'decision.facts',
    'decision.groundExplanation',
    'decision.groundBasis',
    'decision.remedies.reconsiderationOrgan',
    'decision.remedies.reconsiderationDays',
    'decision.remedies.litigationCourt',
    'decision.remedies.litigationMonths',
  ],
  phrases: ['不予行政处罚决定书', '决定对', '不予行政处罚。', '申请行政复议', '提起行政诉讼'],
});

/** A violation found but not penalised: the provisions violated and the education given. */
const VIOLATION_FOUND = {
  paths: ['decision.violatedProvisions', 'decision.education'],
  phrases: ['第三十三条第三款'],
};

export const noPenaltyDecisionKind = defineKind<NoPenaltyDecisionModel>({
  kind: 'NO_PENALTY_DECISION',
  title: '不予行政处罚决定书',
  templateFile: 'no-penalty-decision.hbs',
  version: '2026-11',
  sealed: true,
  buildModel: buildNoPenaltyDecisionModel,
  mandatoryElements: ALWAYS,
  mandatoryElementsFor: (model) =>
    model.decision.factsEstablished ? mergeElements(ALWAYS, VIOLATION_FOUND) : ALWAYS,
  sampleInput: {
    ...sampleCaseSource,
    document: {
      number: '京网信不罚〔2026〕2号',
      issuedOn: sampleCaseSource.document.issuedOn,
      copies: 2,
    },
    hearing: null,
    decision: {
      ...sampleCaseSource.decision!,
      kind: 'NO_PENALTY',
      facts: [
        '你单位运营的“某某”应用程序5.2.1版本在用户首次启动时，未以显著方式告知个人信息处理规则即收集用户设备识别码。本机关于2026年8月14日责令改正后，你单位于2026年8月20日发布5.2.2版本完成整改，经本机关检查，首次启动时已弹窗告知个人信息处理规则并取得用户同意。',
      ],
      reasons: ['你单位系初次违法，上述行为持续时间较短，涉及用户数量较少，且已及时改正。'],
      penalties: [],
      payment: null,
      statement: {
        receivedOn: localDate('2026-09-24'),
        channel: '书面',
        summary: '你单位提出已于2026年8月20日完成整改，请求不予处罚。',
        review: '经复核，你单位所述整改情况属实。',
        adoption: 'ADOPTED',
      },
      noPenaltyGround: {
        kind: 'FIRST_MINOR_AND_CORRECTED',
        explanation:
          '你单位在本机关责令改正后六日内即完成整改，本机关未发现上述行为造成个人信息泄露等危害后果。',
        basis: [apl(33, 1)],
      },
      education:
        '本机关已于2026年10月30日约见你单位法定代表人，对你单位进行了个人信息保护法律法规宣传教育，你单位承诺严格落实个人信息保护义务。',
    },
  },
});
