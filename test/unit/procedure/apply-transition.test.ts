/**
 * applyTransition(): decide() then apply, for every action, on realistic snapshots;
 * a whole ordinary-procedure case walked from NEW to the penalty decision where each
 * step is allowed only because the previous step recorded what it needs; and
 * invariants (status = allowed.to, input never mutated) over every allowed action
 * and over seeded random walks. Fixed dates, never the real clock.
 */
import { describe, expect, it } from 'vitest';
import type { ActionInput, ActionInputs } from '../../../src/procedure/action-inputs.js';
import { applyTransition, type IdSource } from '../../../src/procedure/apply-transition.js';
import {
  newCaseSnapshot,
  NO_FLAGS,
  type Actor,
  type CaseSnapshot,
  type DeadlineKind,
  type HearingRecord,
} from '../../../src/procedure/case-snapshot.js';
import { isTerminalStatus } from '../../../src/procedure/case-status.js';
import {
  decide,
  type DecideContext,
  type TransitionAllowed,
} from '../../../src/procedure/decide.js';
import { assessHearingEligibility } from '../../../src/procedure/hearing-eligibility.js';
import { remedyPeriodsLapseOf } from '../../../src/procedure/execution.js';
import { addCalendarDays, type LocalDate } from '../../../src/procedure/local-date.js';
import {
  PROCEDURE_ACTIONS,
  type ProcedureAction,
} from '../../../src/procedure/procedure-action.js';
import { rulebookFor } from '../../../src/procedure/rulebook.js';
import { transitionOf } from '../../../src/procedure/transitions.js';
import {
  ACTORS,
  certificate,
  codesOf,
  CONTEXT,
  d,
  executionSnapshot,
  HANDLER_A,
  HANDLER_B,
  HEAD,
  headApproval,
  notifiedSnapshot,
  OFFICE,
  PRESIDER,
  PRINCIPAL_HEAD,
  principalHeadApproval,
  ref,
  REVIEWER,
  sampleInputs,
  snapshot,
  TEAM,
  WORKING_DAYS,
} from './procedure-fixtures.js';

// ---------------------------------------------------------------------------------------------
// Helpers

const ID_PREFIX: Record<string, string> = {
  recusal: 'rec',
  preservation: 'pres',
  compulsoryMeasure: 'm',
  statement: 'st',
  evidence: 'ev',
  transcript: 'tr',
  service: 'srv',
  payment: 'pay',
  paymentArrangement: 'arr',
  remedy: 'rem',
  correctionOrder: 'corr',
  correctionReview: 'crev',
  complaint: 'complaint',
  decisionCorrection: 'dcor',
};

/** Deterministic ids per kind: rec-1, rec-2, ev-1… (the ids sampleInputs refers to). */
function sequentialIds(): IdSource & { readonly issued: string[] } {
  const counters = new Map<string, number>();
  const issued: string[] = [];
  return {
    issued,
    next(kind) {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      const id = `${ID_PREFIX[kind] ?? kind}-${n}`;
      issued.push(id);
      return id;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    Object.values(value).forEach(deepFreeze);
  }
  return value;
}

const HANDLER_C: Actor = {
  officerId: 'handler-c',
  officeId: OFFICE,
  roles: ['CASE_HANDLER'],
  certificate: certificate('CERT-handler-c'),
};

interface Applied<A extends ProcedureAction> {
  readonly before: CaseSnapshot;
  readonly allowed: TransitionAllowed<A>;
  readonly next: CaseSnapshot;
}

/**
 * decide() on a deep-frozen snapshot, expect it allowed, then applyTransition(); also
 * checks the frozen input is unchanged (structurally) and the status is `allowed.to`.
 */
function act<A extends ProcedureAction>(
  snap: CaseSnapshot,
  action: A,
  input: ActionInput<A>,
  actor: Actor,
  now: string,
  options: { ids?: IdSource; context?: DecideContext } = {},
): Applied<A> {
  const before = deepFreeze(structuredClone(snap));
  const copy = structuredClone(snap);
  const result = decide(before, action, input, actor, d(now), options.context ?? CONTEXT);
  if (!result.ok) {
    throw new Error(`${action} refused: ${codesOf(result).join(', ')}`);
  }
  const next = applyTransition(before, result, input, actor, options.ids ?? sequentialIds());
  expect(before).toEqual(copy);
  expect(next.status).toBe(result.to);
  return { before, allowed: result, next };
}

function refusal<A extends ProcedureAction>(
  snap: CaseSnapshot,
  action: A,
  input: ActionInput<A>,
  actor: Actor,
  now: string,
): string[] {
  return codesOf(decide(snap, action, input, actor, d(now), CONTEXT));
}

/** What the command layer does after applyTransition: store the due dates of started deadlines. */
function withDueDates(
  snap: CaseSnapshot,
  allowed: TransitionAllowed,
  dueDates: Partial<Record<DeadlineKind, LocalDate>>,
): CaseSnapshot {
  const deadlines = { ...snap.deadlines };
  for (const effect of allowed.effects) {
    if (effect.kind === 'START_DEADLINE') {
      const dueDate = dueDates[effect.deadline];
      if (!dueDate) {
        throw new Error(`test gives no due date for ${effect.deadline}`);
      }
      deadlines[effect.deadline] = { dueDate };
    }
  }
  return { ...snap, deadlines };
}

const inputs = sampleInputs('2024-04-10');
const scheduledHearing: HearingRecord = {
  requestedOn: d('2024-04-03'),
  noticeServedOn: d('2024-04-08'),
  hearingOn: d('2024-04-17'),
  presidingOfficerId: 'presider',
};
const heldHearing: HearingRecord = {
  ...scheduledHearing,
  heldOn: d('2024-04-17'),
  outcome: 'HELD',
};

// ---------------------------------------------------------------------------------------------
// Every action

describe('applyTransition: case source and docketing', () => {
  it('registerCaseSource records the source, the violation dates and the parties; no due date is computed', () => {
    const { next } = act(
      newCaseSnapshot(OFFICE, 'MUNICIPAL'),
      'registerCaseSource',
      {
        sourceType: 'COMPLAINT_OR_REPORT',
        receivedOn: d('2024-02-20'),
        namedComplainant: true,
        summary: '举报网站违法收集个人信息',
        violation: { committedOn: d('2024-01-10'), harmsLifeHealthOrFinancialSecurity: false },
        parties: [{ id: 'party-1', kind: 'LEGAL_PERSON' }],
      },
      HANDLER_A,
      '2024-02-20',
    );
    expect(next).toEqual({
      ...newCaseSnapshot(OFFICE, 'MUNICIPAL'),
      status: 'CASE_SOURCE_REGISTERED',
      source: { type: 'COMPLAINT_OR_REPORT', receivedOn: d('2024-02-20'), namedComplainant: true },
      violation: { committedOn: d('2024-01-10'), harmsLifeHealthOrFinancialSecurity: false },
      parties: [{ id: 'party-1', kind: 'LEGAL_PERSON' }],
    });
  });

  it('registerCaseSource without violation or parties leaves them unset (docketing then needs the date)', () => {
    const { next } = act(
      newCaseSnapshot(OFFICE, 'MUNICIPAL'),
      'registerCaseSource',
      {
        sourceType: 'TRANSFERRED_IN',
        receivedOn: d('2024-02-20'),
        originator: '市公安局',
        summary: '移送线索',
      },
      HANDLER_A,
      '2024-02-20',
    );
    expect(next.source).toEqual({
      type: 'TRANSFERRED_IN',
      receivedOn: d('2024-02-20'),
      originator: '市公安局',
    });
    expect(next.violation).toBeUndefined();
    expect(next.parties).toEqual([]);
    expect(refusal(next, 'decideDocketing', inputs.decideDocketing, HEAD, '2024-03-01')).toEqual([
      'VIOLATION_DATE_REQUIRED',
    ]);
  });

  const registered = () =>
    snapshot('CASE_SOURCE_REGISTERED', {
      docketedOn: undefined,
      handlers: [],
      evidence: [],
      deadlines: { DOCKETING: { dueDate: d('2024-03-12') } },
    });

  it('decideDocketing (docket) records the docketing date, the handlers and the flags, and stops DOCKETING', () => {
    const { next } = act(
      registered(),
      'decideDocketing',
      {
        docket: true,
        handlers: TEAM,
        jurisdiction: { basis: 'TERRITORIAL', explanation: '网站备案地在本市' },
        parties: [
          { id: 'party-1', kind: 'LEGAL_PERSON' },
          { id: 'party-2', kind: 'NATURAL_PERSON' },
        ],
        flags: { complexCase: true },
      },
      HEAD,
      '2024-03-01',
    );
    expect(next.status).toBe('INVESTIGATING');
    expect(next.docketedOn).toBe(d('2024-03-01'));
    expect(next.handlers).toEqual([
      { officerId: 'handler-a', certificate: HANDLER_A.certificate },
      { officerId: 'handler-b', certificate: HANDLER_B.certificate },
    ]);
    expect(next.flags).toEqual({ ...NO_FLAGS, complexCase: true });
    expect(next.parties.map((p) => p.id)).toEqual(['party-1', 'party-2']);
    // DOCKETING stopped; CASE_TIME_LIMIT is started by the command layer, not here.
    expect(next.deadlines).toEqual({});
  });

  it('decideDocketing without flags keeps the case flags; an input violation replaces the stored one', () => {
    const facts = { committedOn: d('2024-01-20'), harmsLifeHealthOrFinancialSecurity: true };
    const { next } = act(
      registered(),
      'decideDocketing',
      {
        docket: true,
        handlers: TEAM,
        jurisdiction: { basis: 'TERRITORIAL', explanation: '网站备案地在本市' },
        violation: facts,
      },
      HEAD,
      '2024-03-01',
    );
    expect(next.flags).toEqual(NO_FLAGS);
    expect(next.violation).toEqual(facts);
  });

  it('decideDocketing (not docketed) changes only the status and stops DOCKETING', () => {
    const before = registered();
    const { next, allowed } = act(
      before,
      'decideDocketing',
      { docket: false, reason: '违法事实不成立' },
      HEAD,
      '2024-03-01',
    );
    expect(allowed.outcome).toBe('NOT_DOCKETED');
    expect(next).toEqual({ ...before, status: 'NOT_DOCKETED', deadlines: {} });
  });

  it('cancelDocketing changes the status and stops every pre-decision clock (only CLOSED is terminal now)', () => {
    const before = snapshot('INVESTIGATING');
    const { next } = act(before, 'cancelDocketing', inputs.cancelDocketing, HEAD, '2024-04-10');
    expect(next).toEqual({ ...before, status: 'DOCKETING_CANCELLED', deadlines: {} });
  });

  it('transferCase to another authority stops both case clocks', () => {
    const before = snapshot('INVESTIGATING');
    const { next } = act(before, 'transferCase', inputs.transferCase, HEAD, '2024-04-10');
    expect(next).toEqual({ ...before, status: 'TRANSFERRED', deadlines: {} });
  });

  it('transferCase requesting designation stays and stores no due date (the command layer does)', () => {
    const before = snapshot('CASE_SOURCE_REGISTERED', { docketedOn: undefined });
    const { next } = act(
      before,
      'transferCase',
      { kind: 'REQUEST_DESIGNATED_JURISDICTION', recipient: '省网信办', reason: '管辖争议' },
      HEAD,
      '2024-04-10',
    );
    expect(next).toEqual(before);
  });

  it('imposeSummaryPenalty changes the status and stops DOCKETING', () => {
    const before = snapshot('CASE_SOURCE_REGISTERED', {
      docketedOn: undefined,
      deadlines: { DOCKETING: { dueDate: d('2024-03-12') } },
    });
    const { next } = act(
      before,
      'imposeSummaryPenalty',
      inputs.imposeSummaryPenalty,
      HANDLER_A,
      '2024-03-01',
    );
    expect(next).toEqual({
      ...before,
      status: 'SUMMARY_PENALTY_IMPOSED',
      deadlines: {},
      // APL art. 52: handed over on the spot, so served the day it is made.
      decision: {
        outcome: 'PENALTY',
        decidedOn: d('2024-03-01'),
        penalties: [{ kind: 'WARNING' }],
        fineFen: 0,
        onTheSpot: true,
        servedOn: d('2024-03-01'),
      },
    });
  });
});

describe('applyTransition: recusal', () => {
  it('applyForRecusal adds a pending recusal with a new id', () => {
    const { next } = act(
      snapshot('INVESTIGATING'),
      'applyForRecusal',
      inputs.applyForRecusal,
      HANDLER_B,
      '2024-04-10',
    );
    expect(next.recusals).toEqual([
      { id: 'rec-1', targetOfficerId: 'handler-a', appliedOn: d('2024-04-10') },
    ]);
    expect(next.status).toBe('INVESTIGATING');
  });

  const pending = (target = 'handler-a') =>
    snapshot('INVESTIGATING', {
      recusals: [{ id: 'rec-1', targetOfficerId: target, appliedOn: d('2024-04-08') }],
    });

  it('APL art. 43: a granted recusal of a handler removes them from the handlers and adds the replacement', () => {
    const { next } = act(
      pending(),
      'decideRecusal',
      { recusalId: 'rec-1', granted: true, replacementHandlers: [ref(HANDLER_C)] },
      HEAD,
      '2024-04-10',
    );
    expect(next.recusals).toEqual([
      {
        id: 'rec-1',
        targetOfficerId: 'handler-a',
        appliedOn: d('2024-04-08'),
        decision: 'GRANTED',
        decidedOn: d('2024-04-10'),
      },
    ]);
    expect(next.handlers.map((h) => h.officerId)).toEqual(['handler-b', 'handler-c']);
    // Later guards: the recused officer may not act, and the new team of two may.
    expect(refusal(next, 'recordEvidence', inputs.recordEvidence, HANDLER_A, '2024-04-10')).toEqual(
      expect.arrayContaining(['RECUSED_OFFICER_ACTING']),
    );
    const newTeam = { ...inputs.recordEvidence, collectors: [ref(HANDLER_B), ref(HANDLER_C)] };
    expect(refusal(next, 'recordEvidence', newTeam, HANDLER_C, '2024-04-10')).toEqual([]);
  });

  it('a rejected recusal keeps the handlers', () => {
    const before = pending();
    const { next } = act(before, 'decideRecusal', inputs.decideRecusal, HEAD, '2024-04-10');
    expect(next.recusals[0]).toMatchObject({ decision: 'REJECTED', decidedOn: d('2024-04-10') });
    expect(next.handlers).toEqual(before.handlers);
  });

  it('a granted recusal of the presiding officer keeps the hearing record, so recording the hearing is refused', () => {
    const before = notifiedSnapshot('HEARING_SCHEDULED', {
      hearing: scheduledHearing,
      recusals: [{ id: 'rec-1', targetOfficerId: 'presider', appliedOn: d('2024-04-10') }],
    });
    const { next } = act(
      before,
      'decideRecusal',
      { recusalId: 'rec-1', granted: true },
      HEAD,
      '2024-04-10',
    );
    expect(next.handlers).toEqual(before.handlers);
    expect(next.hearing).toEqual(scheduledHearing);
    expect(refusal(next, 'recordHearing', inputs.recordHearing, PRESIDER, '2024-04-17')).toContain(
      'RECUSED_OFFICER_ACTING',
    );
  });
});

describe('applyTransition: investigation acts', () => {
  it('recordEvidence appends the evidence with its collectors', () => {
    const before = snapshot('INVESTIGATING');
    const { next } = act(
      before,
      'recordEvidence',
      { ...inputs.recordEvidence, collectedOn: d('2024-03-08') },
      HANDLER_A,
      '2024-03-08',
    );
    expect(next.evidence).toEqual([
      ...before.evidence,
      {
        id: 'ev-1',
        kind: 'DOCUMENTARY',
        collectedOn: d('2024-03-08'),
        fromParty: false,
        collectorIds: ['handler-a', 'handler-b'],
      },
    ]);
  });

  it('recordInquiry appends an INQUIRY transcript; its officers become investigators (may not preside)', () => {
    const { next } = act(
      snapshot('INVESTIGATING'),
      'recordInquiry',
      { ...inputs.recordInquiry, officers: [ref(HANDLER_A), ref(HANDLER_C)] },
      HANDLER_A,
      '2024-04-10',
    );
    expect(next.transcripts).toEqual([
      {
        id: 'tr-1',
        kind: 'INQUIRY',
        conductedOn: d('2024-04-10'),
        officerIds: ['handler-a', 'handler-c'],
        withParty: true,
      },
    ]);
    const hearingStage = {
      ...notifiedSnapshot('HEARING_REQUESTED'),
      transcripts: next.transcripts,
      hearing: { requestedOn: d('2024-04-03') },
    };
    expect(
      refusal(
        hearingStage,
        'scheduleHearing',
        { ...inputs.scheduleHearing, presidingOfficerId: 'handler-c' },
        HEAD,
        '2024-04-10',
      ),
    ).toEqual(['PRESIDING_OFFICER_IS_INVESTIGATOR']);
  });

  it('recordInspection appends an INSPECTION transcript (withParty = ofParty)', () => {
    const { next } = act(
      snapshot('INVESTIGATING'),
      'recordInspection',
      { ...inputs.recordInspection, ofParty: false },
      HANDLER_A,
      '2024-04-10',
    );
    expect(next.transcripts).toEqual([
      {
        id: 'tr-1',
        kind: 'INSPECTION',
        conductedOn: d('2024-04-10'),
        officerIds: ['handler-a', 'handler-b'],
        withParty: false,
      },
    ]);
  });

  it('preserveEvidence appends a preservation; handlePreservedEvidence marks it handled and stops its deadline', () => {
    const { next: preserved } = act(
      snapshot('INVESTIGATING'),
      'preserveEvidence',
      inputs.preserveEvidence,
      HANDLER_A,
      '2024-04-10',
    );
    expect(preserved.preservations).toEqual([{ id: 'pres-1', startedOn: d('2024-04-10') }]);
    expect(preserved.deadlines.PRESERVATION_HANDLING).toBeUndefined();

    const withDeadline = {
      ...preserved,
      deadlines: { ...preserved.deadlines, PRESERVATION_HANDLING: { dueDate: d('2024-04-19') } },
    };
    const handleInput = { ...inputs.handlePreservedEvidence, decidedOn: d('2024-04-12') };
    const { next: handled } = act(
      withDeadline,
      'handlePreservedEvidence',
      handleInput,
      HANDLER_A,
      '2024-04-12',
    );
    expect(handled.preservations).toEqual([
      { id: 'pres-1', startedOn: d('2024-04-10'), handledOn: d('2024-04-12') },
    ]);
    expect(handled.deadlines).toEqual(preserved.deadlines);
    expect(
      refusal(handled, 'handlePreservedEvidence', handleInput, HANDLER_A, '2024-04-12'),
    ).toEqual(['PRESERVATION_ALREADY_HANDLED']);
  });
});

describe('applyTransition: sealing and seizure', () => {
  const seized = () =>
    act(
      snapshot('INVESTIGATING'),
      'imposeCompulsoryMeasure',
      {
        ...inputs.imposeCompulsoryMeasure,
        startedOn: d('2024-04-01'),
        endsOn: d('2024-04-30'),
        approval: principalHeadApproval('2024-04-01'),
      },
      HANDLER_A,
      '2024-04-01',
    ).next;

  it('imposeCompulsoryMeasure appends an active measure; the case can then not be cancelled', () => {
    const next = seized();
    expect(next.compulsoryMeasures).toEqual([
      {
        id: 'm-1',
        kind: 'SEIZURE',
        startedOn: d('2024-04-01'),
        endsOn: d('2024-04-30'),
        extended: false,
        basis: 'PIPL_63_1_4',
        evidenceIds: ['ev-1'],
        suspectedProvisionIds: ['PIPL-66-1'],
        onSite: inputs.imposeCompulsoryMeasure.onSite,
        custody: { place: '本机关涉案财物保管室', custodian: '张三' },
      },
    ]);
    expect(refusal(next, 'cancelDocketing', inputs.cancelDocketing, HEAD, '2024-04-10')).toEqual([
      'COMPULSORY_MEASURE_STILL_ACTIVE',
    ]);
  });

  it('extendCompulsoryMeasure moves the last day and marks it extended (a second extension is refused)', () => {
    const extend = {
      measureId: 'm-1',
      newEndsOn: d('2024-05-20'),
      approval: headApproval('2024-04-20'),
      reason: '案情复杂',
    };
    const { next } = act(seized(), 'extendCompulsoryMeasure', extend, HEAD, '2024-04-20');
    expect(next.compulsoryMeasures[0]).toMatchObject({ endsOn: d('2024-05-20'), extended: true });
    expect(refusal(next, 'extendCompulsoryMeasure', extend, HEAD, '2024-04-21')).toEqual([
      'SEIZURE_ALREADY_EXTENDED',
    ]);
  });

  it('releaseCompulsoryMeasure records the release and stops its deadline; the case can then be cancelled', () => {
    const before = {
      ...seized(),
      deadlines: {
        ...snapshot('INVESTIGATING').deadlines,
        COMPULSORY_MEASURE: { dueDate: d('2024-04-30') },
      },
    };
    const { next } = act(
      before,
      'releaseCompulsoryMeasure',
      { measureId: 'm-1', releasedOn: d('2024-04-10'), ground: 'NO_VIOLATION' },
      HANDLER_A,
      '2024-04-10',
    );
    expect(next.compulsoryMeasures[0]?.releasedOn).toBe(d('2024-04-10'));
    expect(next.deadlines.COMPULSORY_MEASURE).toBeUndefined();
    expect(next.deadlines.CASE_TIME_LIMIT).toEqual(before.deadlines.CASE_TIME_LIMIT);
    expect(refusal(next, 'cancelDocketing', inputs.cancelDocketing, HEAD, '2024-04-10')).toEqual(
      [],
    );
  });
});

describe('applyTransition: notice, statements, waivers', () => {
  const notice = (patch: Partial<ActionInputs['issuePrePenaltyNotice']> = {}) => ({
    proposedPenalties: [{ kind: 'FINE' as const, amountYuan: 5000 }],
    servedOn: d('2024-04-01'),
    approval: headApproval('2024-03-29'),
    ...patch,
  });

  it('issuePrePenaltyNotice stores the notice with the hearing eligibility decide() found, and revised flags', () => {
    const { next, allowed } = act(
      snapshot('INVESTIGATING'),
      'issuePrePenaltyNotice',
      notice({ flags: { majorViolation: true } }),
      HANDLER_A,
      '2024-04-01',
    );
    expect(allowed.outcome).toBe('HEARING_ELIGIBLE');
    expect(next.status).toBe('PRE_PENALTY_NOTICE_SERVED');
    expect(next.notice).toEqual({
      issuedOn: d('2024-04-01'),
      servedOn: d('2024-04-01'),
      proposedPenalties: [{ kind: 'FINE', amountYuan: 5000 }],
      hearingEligible: true,
    });
    expect(next.flags).toEqual({ ...NO_FLAGS, majorViolation: true });
    // STATEMENT and HEARING_REQUEST are started by the command layer.
    expect(next.deadlines).toEqual(snapshot('INVESTIGATING').deadlines);
  });

  it('APL art. 63: with a provincial threshold the stored eligibility is the one decide() used (rulebook of the act date with overrides)', () => {
    const overrides = {
      id: 'SH-2024',
      source: '省级标准',
      values: { hearingFineThresholdOrganization: 10000 },
    };
    const before = snapshot('INVESTIGATING');
    const { next, allowed } = act(
      before,
      'issuePrePenaltyNotice',
      notice(),
      HANDLER_A,
      '2024-04-01',
      {
        context: { ...CONTEXT, rulebookOverrides: overrides },
      },
    );
    const penalties = notice().proposedPenalties;
    expect(allowed.outcome).toBe('NOT_HEARING_ELIGIBLE');
    expect(next.notice?.hearingEligible).toBe(
      assessHearingEligibility(penalties, before.parties, rulebookFor(allowed.actDate, overrides))
        .eligible,
    );
    expect(next.notice?.hearingEligible).toBe(false);
    // Without the office's override the same fine would have been eligible.
    expect(
      assessHearingEligibility(penalties, before.parties, rulebookFor(allowed.actDate)).eligible,
    ).toBe(true);
    const served = withDueDates(next, allowed, { STATEMENT: d('2024-04-08') });
    expect(
      refusal(served, 'requestHearing', { requestedOn: d('2024-04-03') }, HANDLER_A, '2024-04-03'),
    ).toEqual(['HEARING_NOT_AVAILABLE']);
  });

  it('a new notice supersedes the old one: the hearing on the old notice is dropped, the party may ask again', () => {
    const before = notifiedSnapshot('READY_FOR_DECISION', { hearing: heldHearing });
    const { next, allowed } = act(
      before,
      'issuePrePenaltyNotice',
      notice({
        servedOn: d('2024-05-06'),
        approval: headApproval('2024-05-06'),
        proposedPenalties: [{ kind: 'FINE', amountYuan: 20000 }],
      }),
      HANDLER_A,
      '2024-05-06',
    );
    expect(next.hearing).toBeUndefined();
    expect(next.notice?.servedOn).toBe(d('2024-05-06'));
    const served = withDueDates(next, allowed, {
      STATEMENT: d('2024-05-13'),
      HEARING_REQUEST: d('2024-05-13'),
    });
    expect(
      refusal(served, 'requestHearing', { requestedOn: d('2024-05-08') }, HANDLER_A, '2024-05-08'),
    ).toEqual([]);
  });

  it('recordStatement appends a statement; the penalty waits for its review; reviewStatement records it', () => {
    const fine = {
      outcome: 'PENALTY' as const,
      penalties: [{ kind: 'FINE' as const, amountYuan: 5000 }],
    };
    const { next: stated } = act(
      notifiedSnapshot(),
      'recordStatement',
      { receivedOn: d('2024-04-03'), channel: 'WRITTEN' },
      HANDLER_A,
      '2024-04-03',
    );
    expect(stated.statements).toEqual([{ id: 'st-1', receivedOn: d('2024-04-03') }]);
    expect(refusal(stated, 'decideCase', fine, HEAD, '2024-04-09')).toEqual([
      'STATEMENT_NOT_REVIEWED',
    ]);
    const { next: reviewed } = act(
      stated,
      'reviewStatement',
      { statementId: 'st-1', reviewedOn: d('2024-04-05'), adopted: false },
      HANDLER_A,
      '2024-04-05',
    );
    expect(reviewed.statements).toEqual([
      { id: 'st-1', receivedOn: d('2024-04-03'), reviewedOn: d('2024-04-05') },
    ]);
    expect(refusal(reviewed, 'decideCase', fine, HEAD, '2024-04-09')).toEqual([]);
  });

  it('APL art. 62: waiveRights records one waiver per right, so the decision need not wait for the windows', () => {
    const fine = {
      outcome: 'PENALTY' as const,
      penalties: [{ kind: 'FINE' as const, amountYuan: 5000 }],
    };
    const before = notifiedSnapshot();
    expect(refusal(before, 'decideCase', fine, HEAD, '2024-04-03')).toEqual([
      'STATEMENT_PERIOD_NOT_OVER',
      'HEARING_REQUEST_PERIOD_NOT_OVER',
    ]);
    const { next } = act(
      before,
      'waiveRights',
      {
        rights: ['STATEMENT_AND_DEFENCE', 'HEARING'],
        waivedOn: d('2024-04-02'),
        signedByParty: true,
      },
      HANDLER_A,
      '2024-04-02',
    );
    expect(next.status).toBe('PRE_PENALTY_NOTICE_SERVED');
    expect(next.waivers).toEqual([
      { right: 'STATEMENT_AND_DEFENCE', waivedOn: d('2024-04-02') },
      { right: 'HEARING', waivedOn: d('2024-04-02') },
    ]);
    expect(next.hearing).toBeUndefined();
    expect(refusal(next, 'decideCase', fine, HEAD, '2024-04-03')).toEqual([]);
  });

  it('waiving the hearing after requesting it withdraws the request (withdrawnOn) and the right', () => {
    const { next, allowed } = act(
      notifiedSnapshot('HEARING_REQUESTED', { hearing: { requestedOn: d('2024-04-03') } }),
      'waiveRights',
      { rights: ['HEARING'], waivedOn: d('2024-04-05'), signedByParty: true },
      HANDLER_A,
      '2024-04-05',
    );
    expect(allowed.outcome).toBe('HEARING_REQUEST_WITHDRAWN');
    expect(next.status).toBe('PRE_PENALTY_NOTICE_SERVED');
    expect(next.hearing).toEqual({ requestedOn: d('2024-04-03'), withdrawnOn: d('2024-04-05') });
    expect(
      refusal(next, 'requestHearing', { requestedOn: d('2024-04-05') }, HANDLER_A, '2024-04-05'),
    ).toEqual(['HEARING_RIGHT_WAIVED']);
  });
});

describe('applyTransition: hearing', () => {
  it('requestHearing records the request and stops HEARING_REQUEST (the statement period runs on)', () => {
    const before = notifiedSnapshot();
    const { next } = act(
      before,
      'requestHearing',
      { requestedOn: d('2024-04-03') },
      HANDLER_A,
      '2024-04-03',
    );
    expect(next.status).toBe('HEARING_REQUESTED');
    expect(next.hearing).toEqual({ requestedOn: d('2024-04-03') });
    expect(next.deadlines.HEARING_REQUEST).toBeUndefined();
    expect(next.deadlines.STATEMENT).toEqual(before.deadlines.STATEMENT);
  });

  it('scheduleHearing records the presider and the dates; rescheduling replaces them', () => {
    const schedule = {
      hearingOn: d('2024-04-17'),
      noticeServedOn: d('2024-04-08'),
      presidingOfficerId: 'presider',
      isPublic: true,
    };
    const { next } = act(
      notifiedSnapshot('HEARING_REQUESTED', { hearing: { requestedOn: d('2024-04-03') } }),
      'scheduleHearing',
      schedule,
      HEAD,
      '2024-04-08',
    );
    expect(next.status).toBe('HEARING_SCHEDULED');
    expect(next.hearing).toEqual(scheduledHearing);
    const { next: again } = act(
      next,
      'scheduleHearing',
      {
        ...schedule,
        noticeServedOn: d('2024-04-10'),
        hearingOn: d('2024-04-22'),
        presidingOfficerId: 'presider-2',
      },
      HEAD,
      '2024-04-10',
    );
    expect(again.hearing).toEqual({
      requestedOn: d('2024-04-03'),
      noticeServedOn: d('2024-04-10'),
      hearingOn: d('2024-04-22'),
      presidingOfficerId: 'presider-2',
    });
  });

  it('recordHearing records the date and outcome; a held hearing then requires legal review', () => {
    const { next } = act(
      notifiedSnapshot('HEARING_SCHEDULED', { hearing: scheduledHearing }),
      'recordHearing',
      { ...inputs.recordHearing, heldOn: d('2024-04-17') },
      PRESIDER,
      '2024-04-17',
    );
    expect(next.status).toBe('HEARING_CONCLUDED');
    expect(next.hearing).toEqual(heldHearing);
    const fine = {
      outcome: 'PENALTY' as const,
      penalties: [{ kind: 'FINE' as const, amountYuan: 5000 }],
    };
    expect(refusal(next, 'decideCase', fine, HEAD, '2024-04-18')).toEqual([
      'LEGAL_REVIEW_REQUIRED',
    ]);
  });

  it('a hearing terminated for absence is recorded with its outcome and needs no legal review', () => {
    const { next } = act(
      notifiedSnapshot('HEARING_SCHEDULED', { hearing: scheduledHearing }),
      'recordHearing',
      { ...inputs.recordHearing, heldOn: d('2024-04-17'), outcome: 'TERMINATED_PARTY_ABSENT' },
      PRESIDER,
      '2024-04-17',
    );
    expect(next.hearing).toMatchObject({
      heldOn: d('2024-04-17'),
      outcome: 'TERMINATED_PARTY_ABSENT',
    });
    const fine = {
      outcome: 'PENALTY' as const,
      penalties: [{ kind: 'FINE' as const, amountYuan: 5000 }],
    };
    expect(refusal(next, 'decideCase', fine, HEAD, '2024-04-18')).toEqual([]);
  });
});

describe('applyTransition: legal review and collective discussion', () => {
  it('submitLegalReview appends an open review', () => {
    const { next } = act(
      notifiedSnapshot('HEARING_CONCLUDED', { hearing: heldHearing }),
      'submitLegalReview',
      { submittedOn: d('2024-04-18') },
      HANDLER_A,
      '2024-04-18',
    );
    expect(next.status).toBe('UNDER_LEGAL_REVIEW');
    expect(next.legalReviews).toEqual([{ submittedOn: d('2024-04-18') }]);
  });

  const underReview = () =>
    notifiedSnapshot('UNDER_LEGAL_REVIEW', {
      hearing: heldHearing,
      legalReviews: [
        // Returned before the notice (the supplementary investigation led to it).
        {
          submittedOn: d('2024-03-20'),
          completedOn: d('2024-03-25'),
          result: 'RETURNED_FOR_SUPPLEMENT',
          reviewerId: 'reviewer',
        },
        { submittedOn: d('2024-04-18') },
      ],
    });

  it('completeLegalReview completes the open review with the reviewer; PASSED makes the case ready', () => {
    const before = underReview();
    const { next } = act(
      before,
      'completeLegalReview',
      { completedOn: d('2024-04-19'), result: 'PASSED', opinion: '同意' },
      REVIEWER,
      '2024-04-19',
    );
    expect(next.status).toBe('READY_FOR_DECISION');
    expect(next.legalReviews).toEqual([
      before.legalReviews[0],
      {
        submittedOn: d('2024-04-18'),
        completedOn: d('2024-04-19'),
        result: 'PASSED',
        reviewerId: 'reviewer',
      },
    ]);
    const fine = {
      outcome: 'PENALTY' as const,
      penalties: [{ kind: 'FINE' as const, amountYuan: 5000 }],
    };
    expect(refusal(next, 'decideCase', fine, HEAD, '2024-04-19')).toEqual([]);
  });

  it('a returned review sends the case back and stops the party windows; the old notice no longer supports a penalty', () => {
    const { next } = act(
      underReview(),
      'completeLegalReview',
      { completedOn: d('2024-04-19'), result: 'NOT_PASSED', opinion: '证据不足' },
      REVIEWER,
      '2024-04-19',
    );
    expect(next.status).toBe('INVESTIGATING');
    expect(next.legalReviews.at(-1)).toMatchObject({
      result: 'NOT_PASSED',
      reviewerId: 'reviewer',
    });
    expect(next.deadlines.STATEMENT).toBeUndefined();
    expect(next.deadlines.HEARING_REQUEST).toBeUndefined();
    expect(next.deadlines.CASE_TIME_LIMIT).toBeDefined();
    const fine = {
      outcome: 'PENALTY' as const,
      penalties: [{ kind: 'FINE' as const, amountYuan: 5000 }],
    };
    expect(refusal(next, 'decideCase', fine, HEAD, '2024-04-22')).toContain(
      'PRE_PENALTY_NOTICE_NOT_SERVED',
    );
  });

  it('recordCollectiveDiscussion stores the number of distinct heads present', () => {
    const { next } = act(
      notifiedSnapshot('READY_FOR_DECISION', { flags: { ...NO_FLAGS, majorViolation: true } }),
      'recordCollectiveDiscussion',
      {
        heldOn: d('2024-04-10'),
        participants: [
          { officerId: 'head', isOfficeHead: true },
          { officerId: 'deputy-head', isOfficeHead: true },
          { officerId: 'head', isOfficeHead: true },
          { officerId: 'handler-a', isOfficeHead: false },
        ],
        conclusion: '同意罚款五千元',
      },
      HEAD,
      '2024-04-10',
    );
    expect(next.collectiveDiscussions).toEqual([{ heldOn: d('2024-04-10'), headCount: 2 }]);
    expect(next.status).toBe('READY_FOR_DECISION');
  });
});

describe('applyTransition: time limits and suspension', () => {
  it('extendTimeLimit records the extension with its days; no due date is recomputed here', () => {
    const before = snapshot('INVESTIGATING');
    const { next } = act(before, 'extendTimeLimit', inputs.extendTimeLimit, HEAD, '2024-04-10');
    expect(next.timeLimitExtensions).toEqual([
      {
        limit: 'CASE_TIME_LIMIT',
        approvedOn: d('2024-04-10'),
        days: 30,
        byCollectiveDiscussion: false,
      },
    ]);
    expect(next.deadlines).toEqual(before.deadlines);
  });

  it('extending the docketing period records no days, and a second extension is refused', () => {
    const extend = {
      limit: 'DOCKETING_PERIOD' as const,
      approvedOn: d('2024-03-05'),
      extensionDays: 10,
      reason: '情况复杂',
      byCollectiveDiscussion: false,
    };
    const { next } = act(
      snapshot('CASE_SOURCE_REGISTERED', { docketedOn: undefined }),
      'extendTimeLimit',
      extend,
      HEAD,
      '2024-03-05',
    );
    expect(next.timeLimitExtensions).toEqual([
      { limit: 'DOCKETING_PERIOD', approvedOn: d('2024-03-05'), byCollectiveDiscussion: false },
    ]);
    expect(refusal(next, 'extendTimeLimit', extend, HEAD, '2024-03-06')).toEqual([
      'TIME_LIMIT_ALREADY_EXTENDED',
    ]);
  });

  it('suspendCase opens a suspension (investigation acts are then refused); resumeCase closes it', () => {
    const { next: suspended } = act(
      snapshot('INVESTIGATING'),
      'suspendCase',
      inputs.suspendCase,
      HEAD,
      '2024-04-10',
    );
    expect(suspended.suspensions).toEqual([{ suspendedOn: d('2024-04-10') }]);
    expect(
      refusal(suspended, 'recordEvidence', inputs.recordEvidence, HANDLER_A, '2024-04-10'),
    ).toEqual(['CASE_SUSPENDED']);
    const { next: resumed } = act(
      suspended,
      'resumeCase',
      { resumedOn: d('2024-04-20') },
      HEAD,
      '2024-04-20',
    );
    expect(resumed.suspensions).toEqual([
      { suspendedOn: d('2024-04-10'), resumedOn: d('2024-04-20') },
    ]);
    expect(
      refusal(
        resumed,
        'recordEvidence',
        { ...inputs.recordEvidence, collectedOn: d('2024-04-20') },
        HANDLER_A,
        '2024-04-20',
      ),
    ).toEqual([]);
  });
});

describe('applyTransition: decisions', () => {
  it.each([
    [
      { outcome: 'NO_PENALTY', ground: 'MINOR_AND_CORRECTED', educationGiven: true },
      'DECIDED_NO_PENALTY',
    ],
    [{ outcome: 'FACTS_NOT_ESTABLISHED' }, 'DECIDED_NO_PENALTY'],
    // TRANSFER_TO_JUDICIAL_ORGAN also records the transfer: test/unit/procedure/closure.test.ts.
  ] as const)(
    'decideCase %o changes the status, records the decision and stops the pre-decision clocks',
    (input, status) => {
      const before = snapshot('INVESTIGATING');
      const { next } = act(before, 'decideCase', input, HEAD, '2024-04-10');
      expect(next).toEqual({
        ...before,
        status,
        deadlines: {},
        decision: { outcome: input.outcome, decidedOn: d('2024-04-10'), penalties: [], fineFen: 0 },
      });
    },
  );
});

describe('applyTransition: misuse', () => {
  it('refuses a decision made on a snapshot in another status (stale decision)', () => {
    const before = notifiedSnapshot();
    const result = decide(
      before,
      'requestHearing',
      { requestedOn: d('2024-04-03') },
      HANDLER_A,
      d('2024-04-03'),
      CONTEXT,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) {
      return;
    }
    const applied = applyTransition(
      before,
      result,
      { requestedOn: d('2024-04-03') },
      HANDLER_A,
      sequentialIds(),
    );
    expect(() =>
      applyTransition(
        applied,
        result,
        { requestedOn: d('2024-04-03') },
        HANDLER_A,
        sequentialIds(),
      ),
    ).toThrow(/decided from PRE_PENALTY_NOTICE_SERVED, the case is HEARING_REQUESTED/);
  });
});

// ---------------------------------------------------------------------------------------------
// A whole ordinary-procedure case

describe('a whole case: NEW to the penalty decision, each step enabled by the previous record', () => {
  const FINE = { kind: 'FINE' as const, amountYuan: 5000 };
  const penalty = { outcome: 'PENALTY' as const, penalties: [FINE] };
  const ids = sequentialIds();

  const register = {
    sourceType: 'INSPECTION' as const,
    receivedOn: d('2024-02-20'),
    summary: '网站未落实个人信息保护义务',
    violation: { committedOn: d('2024-01-10'), harmsLifeHealthOrFinancialSecurity: false },
    parties: [{ id: 'party-1', kind: 'LEGAL_PERSON' as const }],
  };
  const docket = {
    docket: true as const,
    handlers: TEAM,
    jurisdiction: { basis: 'TERRITORIAL' as const, explanation: '网站备案地在本市' },
    flags: { complexCase: true },
  };
  const evidence = (on: string, recusalRightNotified: boolean) => ({
    evidenceKind: 'ELECTRONIC_DATA' as const,
    collectedOn: d(on),
    collectors: TEAM,
    certificatesShown: true,
    fromParty: true,
    recusalRightNotified,
    description: '后台日志',
  });
  const notice = {
    proposedPenalties: [FINE],
    servedOn: d('2024-04-01'),
    approval: headApproval('2024-03-29'),
  };
  const schedule = {
    hearingOn: WORKING_DAYS.add(d('2024-04-08'), 7),
    noticeServedOn: d('2024-04-08'),
    presidingOfficerId: PRESIDER.officerId,
    isPublic: true,
  };
  const hearing = {
    heldOn: d('2024-04-17'),
    outcome: 'HELD' as const,
    agentCount: 1,
    recordSignedByParty: true,
    refusalNotedByPresider: false,
  };
  const discussion = {
    heldOn: d('2024-04-22'),
    participants: [
      { officerId: HEAD.officerId, isOfficeHead: true },
      { officerId: 'deputy-head', isOfficeHead: true },
    ],
    conclusion: '同意罚款五千元',
  };

  it('walks every step with decide() ok, and refuses the steps skipped', () => {
    let s = newCaseSnapshot(OFFICE, 'MUNICIPAL');

    // 1. Source register: records the violation date and the party the later steps need.
    const registered = act(s, 'registerCaseSource', register, HANDLER_A, '2024-02-20', { ids });
    s = withDueDates(registered.next, registered.allowed, { DOCKETING: d('2024-03-05') });
    const bare = act(
      newCaseSnapshot(OFFICE, 'MUNICIPAL'),
      'registerCaseSource',
      { ...register, violation: undefined, parties: undefined },
      HANDLER_A,
      '2024-02-20',
    ).next;
    expect(refusal(bare, 'decideDocketing', docket, HEAD, '2024-03-01')).toEqual([
      'VIOLATION_DATE_REQUIRED',
    ]);

    // 2. Docketing: handlers and the complex-case flag.
    const docketed = act(s, 'decideDocketing', docket, HEAD, '2024-03-01', { ids });
    s = withDueDates(docketed.next, docketed.allowed, { CASE_TIME_LIMIT: d('2024-05-30') });
    expect(s).toMatchObject({ status: 'INVESTIGATING', docketedOn: d('2024-03-01') });
    expect(s.deadlines).toEqual({ CASE_TIME_LIMIT: { dueDate: d('2024-05-30') } });

    // 3. Evidence ×2 (the 2017 recusal-notice duty was repealed with the 2017 rules).
    expect(
      refusal(s, 'recordEvidence', evidence('2024-03-06', false), HANDLER_A, '2024-03-06'),
    ).toEqual([]);
    s = act(s, 'recordEvidence', evidence('2024-03-05', true), HANDLER_A, '2024-03-05', {
      ids,
    }).next;
    s = act(s, 'recordEvidence', evidence('2024-03-06', false), HANDLER_B, '2024-03-06', {
      ids,
    }).next;
    expect(s.evidence.map((e) => e.id)).toEqual(['ev-1', 'ev-2']);

    // 4. Notice: the party registered in step 1 is identified; the fine is hearing-eligible.
    expect(
      refusal({ ...s, parties: [] }, 'issuePrePenaltyNotice', notice, HANDLER_A, '2024-04-01'),
    ).toEqual(['PARTY_REQUIRED']);
    const served = act(s, 'issuePrePenaltyNotice', notice, HANDLER_A, '2024-04-01', { ids });
    s = withDueDates(served.next, served.allowed, {
      STATEMENT: WORKING_DAYS.add(d('2024-04-01'), 5),
      HEARING_REQUEST: WORKING_DAYS.add(d('2024-04-01'), 5),
    });
    expect(s.notice?.hearingEligible).toBe(true);
    expect(refusal(s, 'scheduleHearing', schedule, HEAD, '2024-04-08')).toEqual([
      'ACTION_NOT_ALLOWED_IN_STATUS',
    ]);

    // 5-7. Hearing: requested, scheduled (lead time counted from the recorded notice), held.
    s = act(s, 'requestHearing', { requestedOn: d('2024-04-03') }, HANDLER_A, '2024-04-03', {
      ids,
    }).next;
    expect(refusal(s, 'recordHearing', hearing, PRESIDER, '2024-04-17')).toEqual([
      'ACTION_NOT_ALLOWED_IN_STATUS',
    ]);
    s = act(s, 'scheduleHearing', schedule, HEAD, '2024-04-08', { ids }).next;
    // Deciding before the hearing is held.
    expect(refusal(s, 'decideCase', penalty, HEAD, '2024-04-16')).toEqual([
      'ACTION_NOT_ALLOWED_IN_STATUS',
    ]);
    s = act(s, 'recordHearing', hearing, PRESIDER, '2024-04-17', { ids }).next;
    expect(s.hearing).toMatchObject({ heldOn: d('2024-04-17'), outcome: 'HELD' });
    // Deciding after the hearing but before legal review and collective discussion.
    expect(refusal(s, 'decideCase', penalty, HEAD, '2024-04-18')).toEqual([
      'LEGAL_REVIEW_REQUIRED',
      'COLLECTIVE_DISCUSSION_REQUIRED',
    ]);

    // 8-9. Legal review, by a reviewer who did not investigate.
    s = act(s, 'submitLegalReview', { submittedOn: d('2024-04-18') }, HANDLER_A, '2024-04-18', {
      ids,
    }).next;
    s = act(
      s,
      'completeLegalReview',
      { completedOn: d('2024-04-19'), result: 'PASSED', opinion: '事实清楚，证据确凿，程序合法' },
      REVIEWER,
      '2024-04-19',
      { ids },
    ).next;
    expect(s.status).toBe('READY_FOR_DECISION');
    expect(refusal(s, 'decideCase', penalty, HEAD, '2024-04-22')).toEqual([
      'COLLECTIVE_DISCUSSION_REQUIRED',
    ]);

    // 10. Collective discussion (the case was docketed as complex).
    s = act(s, 'recordCollectiveDiscussion', discussion, HEAD, '2024-04-22', { ids }).next;

    // 11. The decision.
    const decided = act(s, 'decideCase', penalty, HEAD, '2024-04-23', { ids });
    s = withDueDates(decided.next, decided.allowed, { DECISION_SERVICE: d('2024-05-06') });
    expect(s.status).toBe('DECIDED_PENALTY');
    // The decision stops the party's notice windows with the other pre-decision clocks.
    expect(s.deadlines).toEqual({ DECISION_SERVICE: { dueDate: d('2024-05-06') } });
    expect(ids.issued).toEqual(['ev-1', 'ev-2']);
    expect(s).toMatchObject({
      parties: [{ id: 'party-1', kind: 'LEGAL_PERSON' }],
      handlers: [{ officerId: 'handler-a' }, { officerId: 'handler-b' }],
      flags: { ...NO_FLAGS, complexCase: true },
      notice: { servedOn: d('2024-04-01'), proposedPenalties: [FINE], hearingEligible: true },
      hearing: {
        requestedOn: d('2024-04-03'),
        noticeServedOn: d('2024-04-08'),
        hearingOn: d('2024-04-17'),
        presidingOfficerId: 'presider',
        heldOn: d('2024-04-17'),
        outcome: 'HELD',
      },
      legalReviews: [
        {
          submittedOn: d('2024-04-18'),
          completedOn: d('2024-04-19'),
          result: 'PASSED',
          reviewerId: 'reviewer',
        },
      ],
      collectiveDiscussions: [{ heldOn: d('2024-04-22'), headCount: 2 }],
    });
  });
});

// ---------------------------------------------------------------------------------------------
// Invariants

const ALL_ACTORS: readonly Actor[] = [...ACTORS, PRINCIPAL_HEAD];

/** Situations in which, together, every action is allowed with sampleInputs. */
function situations(): CaseSnapshot[] {
  return [
    newCaseSnapshot(OFFICE, 'MUNICIPAL'),
    // Transferred to the judiciary, which may send the case back (APL art. 27(1)).
    snapshot('TRANSFERRED_TO_JUDICIAL_ORGAN'),
    snapshot('CASE_SOURCE_REGISTERED', { docketedOn: undefined }),
    snapshot('INVESTIGATING', {
      recusals: [{ id: 'rec-1', targetOfficerId: 'handler-a', appliedOn: d('2024-04-01') }],
      preservations: [{ id: 'pres-1', startedOn: d('2024-04-05') }],
      compulsoryMeasures: [
        {
          id: 'm-1',
          kind: 'SEALING',
          startedOn: d('2024-04-01'),
          endsOn: d('2024-04-30'),
          extended: false,
        },
      ],
      deadlines: {
        CASE_TIME_LIMIT: { dueDate: d('2024-05-30') },
        PRESERVATION_HANDLING: { dueDate: d('2024-04-16') },
        COMPULSORY_MEASURE: { dueDate: d('2024-04-30') },
      },
    }),
    snapshot('INVESTIGATING'),
    // Seized on the spot the day before (Compulsion Law art. 19): the head may still ratify it.
    snapshot('INVESTIGATING', {
      compulsoryMeasures: [
        {
          id: 'm-1',
          kind: 'SEIZURE',
          startedOn: d('2024-04-09'),
          endsOn: d('2024-05-09'),
          extended: false,
          emergency: { reason: '当事人正在转移设备', imposedAt: '2024-04-09T15:00:00+08:00' },
        },
      ],
      deadlines: {
        CASE_TIME_LIMIT: { dueDate: d('2024-05-30') },
        COMPULSORY_MEASURE: { dueDate: d('2024-05-09') },
        EMERGENCY_MEASURE_REPORT: { dueDate: d('2024-04-10') },
      },
    }),
    // A 责令改正通知书 served on 2024-04-01, due 2024-04-08: reviewable (APL art. 28(1)).
    snapshot('INVESTIGATING', {
      correctionOrders: [
        {
          id: 'corr-1',
          partyId: 'party-1',
          orderedOn: d('2024-03-25'),
          dueOn: d('2024-04-08'),
          servedOn: d('2024-04-01'),
          reviews: [],
        },
      ],
      deadlines: {
        CASE_TIME_LIMIT: { dueDate: d('2024-05-30') },
        CORRECTION_PERIOD: { dueDate: d('2024-04-08') },
      },
    }),
    snapshot('INVESTIGATING', { suspensions: [{ suspendedOn: d('2024-04-01') }] }),
    notifiedSnapshot('PRE_PENALTY_NOTICE_SERVED', {
      statements: [{ id: 'st-1', receivedOn: d('2024-04-02') }],
    }),
    notifiedSnapshot('PRE_PENALTY_NOTICE_SERVED', {
      deadlines: {
        CASE_TIME_LIMIT: { dueDate: d('2024-05-30') },
        STATEMENT: { dueDate: d('2024-04-12') },
        HEARING_REQUEST: { dueDate: d('2024-04-12') },
      },
    }),
    notifiedSnapshot('HEARING_REQUESTED', { hearing: { requestedOn: d('2024-04-03') } }),
    notifiedSnapshot('HEARING_SCHEDULED', {
      hearing: { ...scheduledHearing, noticeServedOn: d('2024-03-29'), hearingOn: d('2024-04-10') },
    }),
    notifiedSnapshot('HEARING_CONCLUDED', { hearing: heldHearing }),
    notifiedSnapshot('UNDER_LEGAL_REVIEW', { legalReviews: [{ submittedOn: d('2024-04-09') }] }),
    notifiedSnapshot('READY_FOR_DECISION'),
    ...executionSituations(),
  ];
}

/** After the decision: the sample inputs of every execution action are allowed in one of these. */
function executionSituations(): CaseSnapshot[] {
  const lapsed = {
    PAYMENT: { dueDate: d('2024-01-20') },
    RECONSIDERATION_PERIOD: { dueDate: d('2024-02-20') },
    LITIGATION_PERIOD: { dueDate: d('2024-03-11') },
  };
  return [
    // A notice issued on 2024-04-08 and not yet served.
    snapshot('PRE_PENALTY_NOTICE_SERVED', {
      notice: {
        issuedOn: d('2024-04-08'),
        proposedPenalties: [{ kind: 'FINE', amountYuan: 5000 }],
        hearingEligible: true,
      },
    }),
    executionSnapshot('DECISION_SERVED'),
    executionSnapshot('DECISION_SERVED', {
      paymentArrangements: [{ id: 'arr-1', kind: 'INSTALMENTS', appliedOn: d('2024-04-05') }],
    }),
    executionSnapshot('DECISION_SERVED', { deadlines: lapsed }),
    // Changed from 5 000 to 1 000 yuan after 5 000 paid: 4 000 owed back (退还, APL art. 75(2)).
    executionSnapshot('EXECUTED', {
      decisionCorrections: [
        {
          id: 'dcor-1',
          kind: 'CHANGED',
          decidedOn: d('2024-04-10'),
          previousPenalties: [{ kind: 'FINE', amountYuan: 5000 }],
          penalties: [{ kind: 'FINE', amountYuan: 1000 }],
          previousObligationFen: 500_000,
          obligationFen: 100_000,
          paidFen: 500_000,
          refundOwedFen: 400_000,
          fromStatus: 'EXECUTED',
        },
      ],
    }),
    // A 申诉 received, not yet handled (APL art. 75(2)).
    executionSnapshot('DECISION_SERVED', {
      complaints: [{ id: 'complaint-1', kind: 'COMPLAINT', receivedOn: d('2024-04-05') }],
    }),
    executionSnapshot('ENFORCEMENT_DEMAND_ISSUED', {
      deadlines: { ...lapsed, COURT_ENFORCEMENT_WINDOW: { dueDate: d('2024-06-11') } },
      enforcement: {
        demandIssuedOn: d('2024-03-15'),
        demandAmountFen: 1_000_000,
        demandServedOn: d('2024-03-20'),
        remedyPeriodsLapseOn: d('2024-03-11'),
        rulings: [],
      },
    }),
    executionSnapshot('COURT_ENFORCEMENT_APPLIED', {
      deadlines: lapsed,
      enforcement: {
        demandIssuedOn: d('2024-03-15'),
        demandAmountFen: 1_000_000,
        demandServedOn: d('2024-03-20'),
        remedyPeriodsLapseOn: d('2024-03-11'),
        courtAppliedOn: d('2024-04-03'),
        court: '区人民法院',
        rulings: [],
      },
    }),
    // The court refused enforcement: the office may seek review (Compulsion Law art. 58(3)).
    executionSnapshot('COURT_ENFORCEMENT_APPLIED', {
      deadlines: lapsed,
      enforcement: {
        demandIssuedOn: d('2024-03-15'),
        demandAmountFen: 1_000_000,
        demandServedOn: d('2024-03-20'),
        remedyPeriodsLapseOn: d('2024-03-11'),
        courtAppliedOn: d('2024-04-03'),
        court: '区人民法院',
        rulings: [{ ruledOn: d('2024-04-08'), result: 'ENFORCEMENT_REFUSED' }],
      },
    }),
    executionSnapshot('EXECUTED', {
      payments: [
        {
          id: 'pay-1',
          paidOn: d('2024-04-20'),
          amountFen: 500_000,
          channel: 'DESIGNATED_BANK',
          receiptNumber: 'NS-1',
        },
      ],
    }),
  ];
}

/** sampleInputs, with a case source that carries the violation date and the party, and a notified fine. */
function reviewOf(s: CaseSnapshot, day: LocalDate): ActionInputs['recordCorrectionReview'] {
  const order = s.correctionOrders.findLast((o) => o.servedOn !== undefined);
  return {
    correctionOrderId: order?.id ?? 'none',
    reviewedOn: day,
    finding: order?.dueOn !== undefined && day > order.dueOn ? 'NOT_COMPLIED' : 'COMPLIED',
  };
}

/** Where walks do not correct the decision, so that they reach the court and its rulings. */
const COURT_BOUND: readonly CaseSnapshot['status'][] = [
  'ENFORCEMENT_DEMAND_ISSUED',
  'COURT_ENFORCEMENT_APPLIED',
  'ENFORCEMENT_TERMINATED',
];

function walkInputs(day: LocalDate, s: CaseSnapshot): ActionInputs {
  const sample = sampleInputs(day);
  const served = (documents: ActionInputs['serveDocument']['documents']) => ({
    ...sample.serveDocument,
    documents,
  });
  const byStatus: Partial<Record<CaseSnapshot['status'], ActionInputs['serveDocument']>> = {
    DECIDED_PENALTY: served(['PENALTY_DECISION']),
    DECIDED_NO_PENALTY: served(['NO_PENALTY_DECISION']),
    ENFORCEMENT_DEMAND_ISSUED: served(['ENFORCEMENT_DEMAND']),
    HEARING_SCHEDULED: served(['HEARING_NOTICE']),
  };
  const pendingArrangement = s.paymentArrangements.find((a) => a.decision === undefined);
  const unpaid = Math.max(
    0,
    (s.decision?.fineFen ?? 0) - s.payments.reduce((sum, p) => sum + p.amountFen, 0),
  );
  const remedy = (kind: 'RECONSIDERATION' | 'LITIGATION') => {
    const pending = s.remedies.find((r) => r.kind === kind && r.decidedOn === undefined);
    // Remedies are filed only before the demand, so that some walks reach the court.
    const early = s.status === 'DECISION_SERVED' || s.status === 'SUMMARY_PENALTY_IMPOSED';
    return pending || !early
      ? {
          stage: 'DECIDED' as const,
          remedyId: pending?.id ?? 'none',
          decidedOn: day,
          outcome: 'UPHELD' as const,
        }
      : {
          stage: 'FILED' as const,
          filedOn: day,
          organ: kind === 'LITIGATION' ? '区人民法院' : '市人民政府',
        };
  };
  const closingGround = (): ActionInputs['closeCase']['ground'] => {
    switch (s.status) {
      case 'NOT_DOCKETED':
      case 'DOCKETING_CANCELLED':
      case 'ENFORCEMENT_TERMINATED':
        return s.status;
      case 'TRANSFERRED':
      case 'TRANSFERRED_TO_JUDICIAL_ORGAN':
        return 'TRANSFERRED';
      case 'DECIDED_NO_PENALTY':
        return s.decision?.outcome === 'NO_PENALTY' ? 'NO_PENALTY' : 'FACTS_NOT_ESTABLISHED';
      default:
        return 'EXECUTED';
    }
  };
  // Every third day a seizure is imposed on the spot (Compulsion Law art. 19), for the ratification.
  // Ratify the measure that awaits it, and record testing on one still in force, whatever its id.
  const awaiting = s.compulsoryMeasures.find(
    (m) => m.emergency && !m.emergency.ratification && m.releasedOn === undefined,
  );
  const emergencyMeasure = awaiting?.emergency;
  const inForce = s.compulsoryMeasures.find((m) => m.releasedOn === undefined);
  const onTheSpot = Number(day.slice(8)) % 3 === 0;
  return {
    ...sample,
    imposeCompulsoryMeasure: onTheSpot
      ? {
          ...sample.imposeCompulsoryMeasure,
          approval: undefined,
          emergency: { reason: '当事人正在转移设备', imposedAt: `${day}T10:00:00+08:00` },
        }
      : sample.imposeCompulsoryMeasure,
    recordTestingPeriod: {
      ...sample.recordTestingPeriod,
      measureId: inForce?.id ?? sample.recordTestingPeriod.measureId,
    },
    ratifyEmergencyMeasure: {
      ...sample.ratifyEmergencyMeasure,
      measureId: awaiting?.id ?? sample.ratifyEmergencyMeasure.measureId,
      reportedAt: emergencyMeasure
        ? new Date(Date.parse(emergencyMeasure.imposedAt) + 8 * 3_600_000).toISOString()
        : sample.ratifyEmergencyMeasure.reportedAt,
    },
    // A penalty once a served notice is on file, so walks reach the execution of the decision.
    decideCase:
      s.notice?.servedOn !== undefined
        ? { outcome: 'PENALTY', penalties: s.notice.proposedPenalties }
        : sample.decideCase,
    serveDocument:
      byStatus[s.status] ??
      (s.correctionOrders.some((o) => o.servedOn === undefined)
        ? served(['CORRECTION_ORDER'])
        : sample.serveDocument),
    // The latest served order; a refusal is found once its period has run (APL art. 28(1)).
    recordCorrectionReview: reviewOf(s, day),
    // Small partial payments keep the case in execution; the court enforces the rest.
    recordPayment: { ...sample.recordPayment, amountFen: 100 },
    decidePaymentArrangement: {
      ...sample.decidePaymentArrangement,
      arrangementId: pendingArrangement?.id ?? 'none',
      schedule: [
        {
          dueOn: addCalendarDays(day, 10),
          amountFen: Math.max(1, unpaid - Math.floor(unpaid / 2)),
        },
        { dueOn: addCalendarDays(day, 20), amountFen: Math.floor(unpaid / 2) },
      ],
    },
    // Every other transfer goes to the judiciary, so walks reach a case sent back (APL art. 27(1)).
    transferCase:
      s.evidence.length % 2 === 1
        ? {
            kind: 'TO_JUDICIAL_ORGAN',
            recipient: '市公安局',
            reason: '涉嫌犯罪',
            judicial: {
              reportedOn: day,
              approval: principalHeadApproval(day),
              transferredOn: day,
              procuratorate: '市人民检察院',
            },
          }
        : sample.transferCase,
    recordReconsideration: remedy('RECONSIDERATION'),
    recordLitigation: remedy('LITIGATION'),
    issueEnforcementDemand: {
      ...sample.issueEnforcementDemand,
      // Walks do not re-issue a demand (0 is refused), so its service can ripen.
      amountFen: s.status === 'ENFORCEMENT_DEMAND_ISSUED' ? 0 : 1_000_000,
      remedyPeriodsLapseOn: remedyPeriodsLapseOf(s) ?? day,
    },
    // A first ruling refuses enforcement, so walks reach the review (Compulsion Law art. 58(3)).
    recordCourtRuling: {
      ruledOn: day,
      result: (s.enforcement?.rulings.length ?? 0) === 0 ? 'ENFORCEMENT_REFUSED' : 'ENFORCED',
    },
    closeCase: { ...sample.closeCase, ground: closingGround() },
    // The office corrects its decision only while it is served and unpaid-for, so that walks still
    // reach the court and its rulings (an unknown complaint refuses it elsewhere).
    // Walk decisions vary: a renewed notice lets a heavier change through (APL art. 45(2)).
    changeDecision: {
      ...sample.changeDecision,
      renewedNotice: { servedOn: day, rightsConcluded: true },
    },
    // The refund still owed by the latest correction, paid out in full.
    recordRefund: {
      ...sample.recordRefund,
      correctionId: s.decisionCorrections.at(-1)?.id ?? 'none',
      amountFen: s.decisionCorrections.at(-1)?.refundOwedFen ?? 0,
    },
    handleComplaint: {
      ...sample.handleComplaint,
      complaintId: s.complaints.find((c) => c.finding === undefined)?.id ?? 'none',
    },
    registerCaseSource: {
      ...sample.registerCaseSource,
      violation: { committedOn: d('2024-01-10'), harmsLifeHealthOrFinancialSecurity: false },
      parties: [{ id: 'party-1', kind: 'LEGAL_PERSON' }],
    },
    // A fine on the spot, so walks reach payment, deferral and enforcement.
    imposeSummaryPenalty: {
      ...sample.imposeSummaryPenalty,
      penalties: [{ kind: 'FINE', amountYuan: 100 }],
    },
    // A hearing-eligible fine, so walks reach the hearing.
    issuePrePenaltyNotice: {
      ...sample.issuePrePenaltyNotice,
      proposedPenalties: [{ kind: 'FINE', amountYuan: 5000 }],
    },
  };
}

function walkDueDate(deadline: DeadlineKind, day: LocalDate): LocalDate {
  switch (deadline) {
    case 'STATEMENT':
    case 'HEARING_REQUEST':
      return WORKING_DAYS.add(day, 5);
    case 'CASE_TIME_LIMIT':
    case 'COURT_ENFORCEMENT_WINDOW':
      return addCalendarDays(day, 90);
    case 'PUBLICATION_WITHDRAWAL':
      return WORKING_DAYS.add(day, 3);
    default:
      return addCalendarDays(day, 15);
  }
}

describe('invariants', () => {
  it('over every allowed (situation, action, actor): status becomes allowed.to, the frozen input is untouched, only stopped deadlines go', () => {
    const now = '2024-04-10';
    const sample = sampleInputs(now);
    const exercised = new Set<ProcedureAction>();
    for (const situation of situations()) {
      const frozen = deepFreeze(structuredClone(situation));
      for (const action of PROCEDURE_ACTIONS) {
        for (const actor of ALL_ACTORS) {
          const input = sample[action];
          const result = decide(frozen, action, input, actor, d(now), CONTEXT);
          if (!result.ok) {
            continue;
          }
          exercised.add(action);
          const next = applyTransition(frozen, result, input, actor, sequentialIds());
          expect(next.status).toBe(result.to);
          expect(frozen).toEqual(situation);
          expect(next).not.toBe(frozen);
          const stopped = result.effects.flatMap((e) =>
            e.kind === 'STOP_DEADLINE' ? [e.deadline] : [],
          );
          const expected = Object.fromEntries(
            Object.entries(situation.deadlines).filter(
              ([k]) => !stopped.includes(k as DeadlineKind),
            ),
          );
          expect(next.deadlines).toEqual(expected);
        }
      }
    }
    expect([...exercised].sort()).toEqual([...PROCEDURE_ACTIONS].sort());
  });

  it('over seeded random walks from NEW: every applied step keeps the invariants and records only grow', () => {
    const applied = new Set<ProcedureAction>();
    let steps = 0;
    for (let seed = 1; seed <= 120; seed++) {
      let state = seed;
      const random = (n: number) => {
        state = (state * 1103515245 + 12345) % 2147483648;
        return (state >>> 8) % n;
      };
      const ids = sequentialIds();
      let s = newCaseSnapshot(OFFICE, 'MUNICIPAL');
      let day = d('2024-02-20');
      for (let attempt = 0; attempt < 400 && !isTerminalStatus(s.status); attempt++) {
        // The notice needs evidence on file (EVIDENCE_MISSING): take it early so walks reach the hearing.
        // A few walks correct the served decision (APL art. 75(2)); the others go on to the court.
        const correction =
          seed % 24 === 5 || seed % 24 === 8
            ? 'changeDecision'
            : seed % 24 === 6 || seed % 24 === 7
              ? 'revokeDecision'
              : undefined;
        // A seizure on the spot is reported within 24 hours (Compulsion Law art. 19): ratify it soon.
        const unratified = s.compulsoryMeasures.some(
          (m) => m.emergency && !m.emergency.ratification && m.releasedOn === undefined,
        );
        // A correction owing money back (退还) is paid out soon after.
        const refundOwed = s.decisionCorrections.some((c) => c.refundOwedFen > 0 && !c.refunds);
        const action =
          s.status === 'INVESTIGATING' && s.evidence.length === 0 && random(2) === 0
            ? 'recordEvidence'
            : unratified && random(2) === 0
              ? 'ratifyEmergencyMeasure'
              : refundOwed && random(2) === 0
                ? 'recordRefund'
                : correction &&
                    !COURT_BOUND.includes(s.status) &&
                    // Seeds 7 and 8 correct after a payment: a revocation then owes it back (退还).
                    (seed % 24 < 7 || s.payments.length > 0) &&
                    random(3) === 0
                  ? correction
                  : (PROCEDURE_ACTIONS[random(PROCEDURE_ACTIONS.length)] as ProcedureAction);
        const roles = transitionOf(action).roles;
        const cast = ALL_ACTORS.filter((a) => a.roles.some((r) => roles.includes(r)));
        const actor = cast[random(cast.length)] as Actor;
        const walkInput = walkInputs(day, s)[action];
        // Only the correcting walks correct (an unknown complaint refuses it in the others).
        const input =
          (action === 'revokeDecision' || action === 'changeDecision') && action !== correction
            ? { ...(walkInput as ActionInputs['revokeDecision']), complaintId: 'none' }
            : walkInput;
        const frozen = deepFreeze(structuredClone(s));
        const result = decide(frozen, action, input, actor, day, CONTEXT);
        // Closing the case is allowed early and often; take it rarely so walks go deep.
        if (!result.ok || (isTerminalStatus(result.to) && random(8) !== 0)) {
          if (random(4) === 0) {
            day = addCalendarDays(day, 1);
          }
          continue;
        }
        const next = applyTransition(frozen, result, input, actor, ids);
        applied.add(action);
        steps++;
        expect(next.status).toBe(result.to);
        expect(frozen).toEqual(s);
        for (const key of [
          'evidence',
          'transcripts',
          'preservations',
          'compulsoryMeasures',
          'recusals',
          'statements',
          'waivers',
          'legalReviews',
          'collectiveDiscussions',
          'timeLimitExtensions',
          'suspensions',
          'services',
          'payments',
          'paymentArrangements',
          'remedies',
          'correctionOrders',
          'complaints',
          'decisionCorrections',
        ] as const) {
          expect(next[key].length).toBeGreaterThanOrEqual(s[key].length);
        }
        for (const kind of Object.keys(next.deadlines)) {
          expect(s.deadlines).toHaveProperty(kind);
        }
        // The command layer: each started deadline gets a due date of roughly its length.
        const dueDates = Object.fromEntries(
          result.effects.flatMap((e) =>
            e.kind === 'START_DEADLINE' ? [[e.deadline, walkDueDate(e.deadline, day)]] : [],
          ),
        );
        s = withDueDates(next, result, dueDates);
        // Once the demand is served, let the 10 working days pass (Compulsion Law art. 54).
        day = addCalendarDays(day, result.outcome === 'ENFORCEMENT_DEMAND_SERVED' ? 15 : 1);
      }
    }
    // The walks are not trivial: they apply many steps and most actions.
    expect(steps).toBeGreaterThan(200);
    expect([...applied].sort()).toEqual([...PROCEDURE_ACTIONS].sort());
  });
});
