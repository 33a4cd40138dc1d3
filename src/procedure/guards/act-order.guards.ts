/**
 * The order of the procedure in dates: no act may predate what it depends on.
 * Each act of the procedure carries its own date (the day the officers acted, the
 * head approved, the party signed), which may be entered later than it happened.
 * These guards compare that date with the dates of the acts the law puts before it:
 * case source ≤ docketing ≤ investigation and notice; notice issued ≤ served; served
 * notice ≤ the party's statement, waiver and hearing request, the legal review, the
 * collective discussion and the decision; hearing, review and discussion ≤ decision;
 * decision ≤ its service ≤ payment, demand and court enforcement. Same-day acts are in order.
 * Legal basis: 《中华人民共和国行政处罚法》第四十四条、第四十五条、第五十四条第二款、第五十七条、
 * 第五十八条第一款、第六十一条第一款、第六十二条、第六十四条、第六十五条、第六十六条、第六十七条 (V);
 * 《中华人民共和国行政强制法》第三十五条、第五十四条 (V); the order between equal statutory steps is
 * marked D in the rule catalog.
 */
import type { ActionInput } from '../action-inputs.js';
import type { CaseSnapshot } from '../case-snapshot.js';
import type { LocalDate } from '../local-date.js';
import type { ProcedureAction } from '../procedure-action.js';
import { violation, type RuleCode } from '../rule-catalog.js';
import type { RuleViolation } from '../rule-violation.js';
import { inputGuard, type InputGuard, type InputGuardContext } from './guard.js';
import { hearingViolation, isNoticeCurrent, statementPeriodViolation } from './notice.guards.js';
import { latestCompletedReview } from './review.guards.js';

/** First day the engine accepts as an act date: the working-day calendar starts with 2004. */
export const EARLIEST_ACT_DATE = '2004-01-01' as LocalDate;

/** An earlier act the new act depends on: what it is and the day it happened. */
interface Predecessor {
  readonly act: string;
  readonly on: LocalDate;
}

/** One ordering rule: the acts it binds and, for an act, the predecessors it must not predate. */
interface OrderRule {
  readonly code: RuleCode;
  readonly actions: readonly ProcedureAction[] | 'ALL';
  readonly predecessors: (
    snapshot: CaseSnapshot,
    input: unknown,
    action: ProcedureAction,
  ) => readonly (Predecessor | undefined)[];
}

const at = (act: string, on: LocalDate | undefined): Predecessor | undefined =>
  on === undefined ? undefined : { act, on };

const latest = (dates: readonly (LocalDate | undefined)[]): LocalDate | undefined =>
  dates.reduce<LocalDate | undefined>(
    (max, d) => (d !== undefined && (max === undefined || d > max) ? d : max),
    undefined,
  );

/** The current notice's service day (its issue day while it is unserved). */
const noticeOn = (snapshot: CaseSnapshot): LocalDate | undefined =>
  isNoticeCurrent(snapshot) ? (snapshot.notice?.servedOn ?? snapshot.notice?.issuedOn) : undefined;

const latestPassedReview = (snapshot: CaseSnapshot): LocalDate | undefined => {
  const review = latestCompletedReview(snapshot);
  return review?.result === 'PASSED' ? review.completedOn : undefined;
};

/** Documents served by serveDocument, and the day each was made. */
function servedDocumentsMadeOn(
  snapshot: CaseSnapshot,
  input: unknown,
  documents: readonly string[],
): readonly (Predecessor | undefined)[] {
  const served = (input as ActionInput<'serveDocument'>).documents;
  return documents
    .filter((d) => served.includes(d as never))
    .map((d) =>
      d === 'PRE_PENALTY_NOTICE'
        ? at('行政处罚事先告知书制作', snapshot.notice?.issuedOn)
        : d === 'ENFORCEMENT_DEMAND'
          ? at('催告书制作', snapshot.enforcement?.demandIssuedOn)
          : at('作出处理决定', snapshot.decision?.decidedOn),
    );
}

/**
 * The ordering rules. `ALL` rules bind every act that carries its own date. The case-source
 * rule binds only until the case is docketed: after that the docketing date, which itself
 * follows the case source, is the later bound.
 */
export const ORDER_RULES: readonly OrderRule[] = [
  {
    code: 'ACT_BEFORE_CASE_SOURCE',
    actions: 'ALL',
    predecessors: (s, _input, action) =>
      action === 'registerCaseSource' ||
      (s.docketedOn !== undefined && action !== 'decideDocketing')
        ? []
        : [at('发现线索或者收到材料（案件来源登记）', s.source?.receivedOn)],
  },
  {
    code: 'ACT_BEFORE_DOCKETING',
    actions: 'ALL',
    predecessors: (s, _input, action) =>
      action === 'registerCaseSource' || action === 'decideDocketing'
        ? []
        : [at('立案', s.docketedOn)],
  },
  {
    code: 'NOTICE_SERVED_BEFORE_ISSUED',
    actions: ['issuePrePenaltyNotice', 'serveDocument'],
    predecessors: (s, input, action) =>
      action === 'issuePrePenaltyNotice'
        ? [at('行政处罚事先告知书制作', (input as ActionInput<'issuePrePenaltyNotice'>).issuedOn)]
        : servedDocumentsMadeOn(s, input, ['PRE_PENALTY_NOTICE']),
  },
  {
    code: 'ACT_BEFORE_NOTICE_SERVED',
    actions: [
      'recordStatement',
      'waiveRights',
      'requestHearing',
      'submitLegalReview',
      'recordCollectiveDiscussion',
      'decideCase',
    ],
    predecessors: (s) => [at('行政处罚事先告知书送达', noticeOn(s))],
  },
  {
    code: 'HEARING_SCHEDULED_BEFORE_REQUEST',
    actions: ['scheduleHearing'],
    predecessors: (s) => [at('当事人要求听证', s.hearing?.requestedOn)],
  },
  {
    code: 'LEGAL_REVIEW_COMPLETED_BEFORE_SUBMITTED',
    actions: ['completeLegalReview'],
    predecessors: (s) => [
      at('提交法制审核', s.legalReviews.findLast((r) => r.completedOn === undefined)?.submittedOn),
    ],
  },
  {
    code: 'COLLECTIVE_DISCUSSION_PREDATES_LEGAL_REVIEW',
    actions: ['recordCollectiveDiscussion'],
    predecessors: (s) => [at('法制审核通过', latestPassedReview(s))],
  },
  {
    code: 'COLLECTIVE_DISCUSSION_PREDATES_HEARING',
    actions: ['recordCollectiveDiscussion'],
    predecessors: (s) => [at('举行听证', s.hearing?.heldOn)],
  },
  {
    code: 'DECISION_PREDATES_HEARING',
    actions: ['decideCase'],
    predecessors: (s) => [at('举行听证', s.hearing?.heldOn)],
  },
  {
    code: 'DECISION_PREDATES_LEGAL_REVIEW',
    actions: ['decideCase'],
    predecessors: (s) => [at('法制审核通过', latestPassedReview(s))],
  },
  {
    code: 'DECISION_PREDATES_COLLECTIVE_DISCUSSION',
    actions: ['decideCase'],
    predecessors: (s) => [
      at('负责人集体讨论', latest(s.collectiveDiscussions.map((d) => d.heldOn))),
    ],
  },
  {
    code: 'DECISION_PREDATES_INVESTIGATION',
    actions: ['decideCase'],
    predecessors: (s) => [
      at('收集证据', latest(s.evidence.map((e) => e.collectedOn))),
      at('询问、检查', latest(s.transcripts.map((t) => t.conductedOn))),
      at('陈述、申辩', latest(s.statements.map((t) => t.receivedOn))),
      at('复核陈述、申辩', latest(s.statements.map((t) => t.reviewedOn))),
    ],
  },
  {
    code: 'DECISION_SERVED_BEFORE_DECIDED',
    actions: ['serveDocument'],
    predecessors: (s, input) =>
      servedDocumentsMadeOn(s, input, ['PENALTY_DECISION', 'NO_PENALTY_DECISION']),
  },
  {
    code: 'DEMAND_SERVED_BEFORE_ISSUED',
    actions: ['serveDocument'],
    predecessors: (s, input) => servedDocumentsMadeOn(s, input, ['ENFORCEMENT_DEMAND']),
  },
  {
    code: 'ACT_BEFORE_DECISION_SERVED',
    actions: [
      'recordPayment',
      'applyForDeferral',
      'decidePaymentArrangement',
      'issueEnforcementDemand',
      'applyForCourtEnforcement',
    ],
    predecessors: (s) => [at('行政处罚决定书送达', s.decision?.servedOn ?? s.decision?.decidedOn)],
  },
  {
    code: 'COURT_ENFORCEMENT_BEFORE_DEMAND_SERVED',
    actions: ['applyForCourtEnforcement'],
    predecessors: (s) => [
      at('催告书送达', s.enforcement?.demandServedOn ?? s.enforcement?.demandIssuedOn),
    ],
  },
];

function orderGuard<I>(rule: OrderRule, action: ProcedureAction): InputGuard<I> {
  return inputGuard<I>(
    `notBefore_${rule.code}`,
    [rule.code],
    ({ snapshot, input, actDate }: InputGuardContext<I>): RuleViolation | undefined => {
      const earlier = rule
        .predecessors(snapshot, input, action)
        .filter((p): p is Predecessor => p !== undefined && actDate < p.on);
      return earlier.length === 0
        ? undefined
        : violation(rule.code, {
            actDate,
            predecessors: earlier.map((p) => ({ act: p.act, date: p.on })),
          });
    },
  );
}

/** The ordering guards that bind `action` (only acts that carry their own date). */
export function actOrderGuards<I>(action: ProcedureAction): InputGuard<I>[] {
  return ORDER_RULES.filter((r) => r.actions === 'ALL' || r.actions.includes(action)).map((r) =>
    orderGuard<I>(r, action),
  );
}

/**
 * A legal review of a notified case comes after the party's periods (APL arts. 45, 58, 62, 64(1)).
 * The state guards of submitLegalReview check today; this checks the day the review was
 * submitted, and reports only what the state guards could not see (periods over today).
 */
export function periodsLapsedByActDate<I>(): InputGuard<I> {
  return inputGuard<I>(
    'partyPeriodsLapsedBySubmission',
    ['STATEMENT_PERIOD_NOT_OVER', 'HEARING_REQUEST_PERIOD_NOT_OVER'],
    ({ snapshot, actDate, now, workingDays, rulebook }) => {
      const scope = { workingDays, rulebook };
      if (
        actDate >= now ||
        snapshot.status !== 'PRE_PENALTY_NOTICE_SERVED' ||
        !isNoticeCurrent(snapshot)
      ) {
        return undefined;
      }
      const statement = statementPeriodViolation(snapshot, actDate, scope);
      if (
        statement?.code === 'STATEMENT_PERIOD_NOT_OVER' &&
        !statementPeriodViolation(snapshot, now, scope)
      ) {
        return statement;
      }
      const hearing = hearingViolation(snapshot, actDate, scope);
      return hearing?.code === 'HEARING_REQUEST_PERIOD_NOT_OVER' &&
        !hearingViolation(snapshot, now, scope)
        ? hearing
        : undefined;
    },
  );
}

/** The act date is a date the engine can judge: 2004 or later. */
export function isActDateTooEarly(actDate: LocalDate): boolean {
  return actDate < EARLIEST_ACT_DATE;
}
