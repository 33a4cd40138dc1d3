/**
 * applyTransition(): the pure reducer that turns an action decide() allowed into
 * the next snapshot of the case: the new status and the records the act creates or
 * updates (evidence, transcripts, notice, hearing, reviews…), so that the guards of
 * later actions see them. It computes no due date (no calendar here): it only drops
 * the deadlines the transition stops; the command layer stores the ones it starts.
 * Record ids come from an injected IdSource. The input snapshot is never mutated.
 * Legal basis: 《中华人民共和国行政处罚法》第四十七条 (V): the whole procedure is recorded, so each
 * act leaves its record on the case.
 */
import type { ActionInput, JudicialTransferFacts } from './action-inputs.js';
import type { AudioVisualRecordInput, AudioVisualRecordedAct } from './audio-visual-record.js';
import type {
  Actor,
  CaseFlags,
  CaseSnapshot,
  DecisionRecord,
  RemedyKind,
  DeadlineKind,
  OfficerOnCase,
  OfficerRef,
  RecusalRecord,
  StoredDeadline,
  TranscriptRecord,
} from './case-snapshot.js';
import type { TransitionAllowed } from './decide.js';
import type { Effect } from './effects.js';
import { fineFenOf, monetaryObligationFenOf } from './execution.js';
import { discussionHeadCount } from './guards/review.guards.js';
import { addCalendarDays, type LocalDate } from './local-date.js';
import { testingDaysExcluded } from './compulsory-measure-periods.js';
import type { ProcedureAction } from './procedure-action.js';

/**
 * Makes ids for new records (kinds: evidence, transcript, preservation, compulsoryMeasure, recusal,
 * statement, service, payment, paymentArrangement, remedy).
 */
export interface IdSource {
  next(kind: string): string;
}

/** An action paired with its own input: the union the reducer switches on. */
type Step = {
  readonly [A in ProcedureAction]: { readonly action: A; readonly input: ActionInput<A> };
}[ProcedureAction];

type Deadlines = CaseSnapshot['deadlines'];

/** The deadlines left once those the transition stops are removed (a stopped deadline no longer binds). */
function withoutStoppedDeadlines(deadlines: Deadlines, effects: readonly Effect[]): Deadlines {
  const stopped = new Set<DeadlineKind>(
    effects.flatMap((e) => (e.kind === 'STOP_DEADLINE' ? [e.deadline] : [])),
  );
  if (![...stopped].some((k) => k in deadlines)) {
    return deadlines;
  }
  const kept: Partial<Record<DeadlineKind, StoredDeadline>> = {};
  for (const [kind, deadline] of Object.entries(deadlines) as [DeadlineKind, StoredDeadline][]) {
    if (!stopped.has(kind)) {
      kept[kind] = deadline;
    }
  }
  return kept;
}

function officersOnCase(refs: readonly OfficerRef[]): OfficerOnCase[] {
  return refs.map((r) => ({
    officerId: r.officerId,
    ...(r.certificate !== undefined ? { certificate: r.certificate } : {}),
  }));
}

function mergeFlags(flags: CaseFlags, patch: Partial<CaseFlags> | undefined): CaseFlags {
  return patch === undefined ? flags : { ...flags, ...patch };
}

/** Replaces the record with `id`; a missing record means the decision was made on another snapshot. */
function updateById<T extends { readonly id: string }>(
  records: readonly T[],
  id: string,
  what: string,
  update: (record: T) => T,
): T[] {
  if (!records.some((r) => r.id === id)) {
    throw new Error(`applyTransition: ${what} ${id} not on the case`);
  }
  return records.map((r) => (r.id === id ? update(r) : r));
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) {
    throw new Error(`applyTransition: ${what}`);
  }
  return value;
}

/**
 * The hearing eligibility decide() chose the outcome by (APL art. 63, with the rulebook
 * of the act date and the office's overrides): read from the effect, never recomputed,
 * so the stored notice and the outcome cannot disagree.
 */
function recordedHearingEligibility(effects: readonly Effect[]): boolean {
  const effect = effects.find((e) => e.kind === 'RECORD_HEARING_ELIGIBILITY');
  return required(effect, 'issuePrePenaltyNotice without RECORD_HEARING_ELIGIBILITY effect')
    .eligible;
}

function withTranscript(
  s: CaseSnapshot,
  ids: IdSource,
  kind: TranscriptRecord['kind'],
  act: { readonly conductedOn: LocalDate; readonly officers: readonly OfficerRef[] },
  withParty: boolean,
): CaseSnapshot {
  return {
    ...s,
    transcripts: [
      ...s.transcripts,
      {
        id: ids.next('transcript'),
        kind,
        conductedOn: act.conductedOn,
        officerIds: act.officers.map((o) => o.officerId),
        withParty,
      },
    ],
  };
}

/** The act's audio-visual record, when its input carries one, tied to the act's own record. */
function withAudioVisualRecord(
  s: CaseSnapshot,
  ids: IdSource,
  act: AudioVisualRecordedAct,
  recordId: string,
  recordedOn: LocalDate,
  record: AudioVisualRecordInput | undefined,
): CaseSnapshot {
  return record === undefined
    ? s
    : {
        ...s,
        audioVisualRecords: [
          ...s.audioVisualRecords,
          { ...record, id: ids.next('audioVisualRecord'), act, recordId, recordedOn },
        ],
      };
}

/** serveDocument: the service record, and the deemed-served date on each document served. */
function withService(
  s: CaseSnapshot,
  input: ActionInput<'serveDocument'>,
  ids: IdSource,
): CaseSnapshot {
  const on = input.deemedServedOn;
  // A corrected version keeps the served dates of the original: the periods run from them.
  const docs = input.correctedVersion ? [] : input.documents;
  const serviceId = ids.next('service');
  let next: CaseSnapshot = {
    ...s,
    services: [
      ...s.services,
      {
        id: serviceId,
        ...(input.partyId !== undefined ? { partyId: input.partyId } : {}),
        documents: input.documents,
        method: input.method,
        servedOn: input.facts.servedOn,
        deemedServedOn: on,
        serverIds: input.servers.map((o) => o.officerId),
      },
    ],
  };
  if (input.method === 'LEFT_AT_RESIDENCE') {
    next = withAudioVisualRecord(
      next,
      ids,
      'LEFT_AT_RESIDENCE',
      serviceId,
      input.facts.servedOn,
      input.facts.audioVisualRecord,
    );
  }
  // With several parties served on different days, the notice's and the decision's own served
  // dates are the first service; each party's periods run from their own (party-periods.ts).
  const first = (earlier: LocalDate | undefined) =>
    earlier !== undefined && earlier < on ? earlier : on;
  if (docs.includes('PRE_PENALTY_NOTICE')) {
    const notice = required(next.notice, 'no notice to serve');
    const servedOn = s.parties.length > 1 ? first(notice.servedOn) : on;
    next = { ...next, notice: { ...notice, servedOn } };
  }
  if (docs.includes('HEARING_NOTICE')) {
    next = {
      ...next,
      hearing: { ...required(next.hearing, 'no hearing to serve notice of'), noticeServedOn: on },
    };
  }
  if (docs.includes('PENALTY_DECISION') || docs.includes('NO_PENALTY_DECISION')) {
    const decision = required(next.decision, 'no decision to serve');
    const servedOn = s.parties.length > 1 ? first(decision.servedOn) : on;
    next = { ...next, decision: { ...decision, servedOn } };
  }
  if (docs.includes('CORRECTION_ORDER')) {
    // The latest order not yet served is the one the 责令改正通知书 served carries.
    const index = next.correctionOrders.findLastIndex((o) => o.servedOn === undefined);
    if (index < 0) {
      throw new Error('no correction order to serve');
    }
    next = {
      ...next,
      correctionOrders: next.correctionOrders.map((o, i) =>
        i === index ? { ...o, servedOn: on } : o,
      ),
    };
  }
  if (docs.includes('DECISION_REVOCATION_OR_CHANGE')) {
    // The letter of the latest correction: a change's periods run from this day.
    const corrections = next.decisionCorrections;
    if (corrections.length === 0) {
      throw new Error('no decision correction to serve');
    }
    next = {
      ...next,
      decisionCorrections: corrections.map((c, i) =>
        i === corrections.length - 1 ? { ...c, servedOn: on } : c,
      ),
    };
  }
  if (docs.includes('ENFORCEMENT_DEMAND')) {
    next = {
      ...next,
      enforcement: {
        ...required(next.enforcement, 'no enforcement demand to serve'),
        demandServedOn: on,
      },
    };
  }
  return next;
}

/**
 * 移送涉嫌犯罪案件 recorded (transferCase or decideCase): the written report, the principal head's
 * approval, the transfer day and the procuratorate copied. Without an approval the guards refused.
 */
function withJudicialTransfer(
  s: CaseSnapshot,
  recipient: string,
  j: JudicialTransferFacts | undefined,
): CaseSnapshot {
  return j?.approval
    ? {
        ...s,
        judicialTransfer: {
          recipient,
          reportedOn: j.reportedOn,
          approverId: j.approval.approverId,
          approvedOn: j.approval.approvedOn,
          transferredOn: j.transferredOn,
          procuratorate: j.procuratorate ?? '',
        },
      }
    : s;
}

/** recordReconsideration / recordLitigation: a new remedy, or its outcome applied to the decision. */
function withRemedy(
  s: CaseSnapshot,
  kind: RemedyKind,
  input: ActionInput<'recordReconsideration'>,
  ids: IdSource,
): CaseSnapshot {
  if (input.stage === 'FILED') {
    return {
      ...s,
      remedies: [
        ...s.remedies,
        { id: ids.next('remedy'), kind, filedOn: input.filedOn, organ: input.organ },
      ],
    };
  }
  const remedies = updateById(s.remedies, input.remedyId, 'remedy', (r) => ({
    ...r,
    decidedOn: input.decidedOn,
    outcome: input.outcome,
  }));
  const decision = s.decision;
  if (!decision) {
    return { ...s, remedies };
  }
  switch (input.outcome) {
    case 'ANNULLED':
      return { ...s, remedies, decision: { ...decision, annulledOn: input.decidedOn } };
    case 'CHANGED': {
      const penalties = input.changedPenalties ?? decision.penalties;
      return {
        ...s,
        remedies,
        decision: {
          ...decision,
          penalties,
          fineFen: fineFenOf(penalties),
          changedOn: input.decidedOn,
        },
      };
    }
    case 'CONFIRMED_UNLAWFUL':
      return { ...s, remedies, decision: { ...decision, confirmedUnlawfulOn: input.decidedOn } };
    case 'UPHELD':
    case 'WITHDRAWN':
      return { ...s, remedies };
  }
}

/**
 * The office's own revocation or change (APL art. 75(2)): the decision now imposes `penalties`
 * (revoked: nothing, annulledOn set), the correction records what it imposed before and the
 * money paid beyond what is now owed, to be refunded (退还). Simplification (D): the refund
 * compares the sums paid with the corrected fine and confiscated sums, surcharges aside.
 */
function withDecisionCorrection(
  s: CaseSnapshot,
  ids: IdSource,
  kind: 'REVOKED' | 'CHANGED',
  input: ActionInput<'revokeDecision'>,
  penalties: ActionInput<'changeDecision'>['penalties'],
): CaseSnapshot {
  const decision = s.decision!;
  const paidFen = s.payments
    .filter((p) => p.paidOn <= input.decidedOn)
    .reduce((sum, p) => sum + p.amountFen, 0);
  const obligationFen = monetaryObligationFenOf(penalties);
  return {
    ...s,
    decision:
      kind === 'REVOKED'
        ? { ...decision, annulledOn: input.decidedOn }
        : {
            ...decision,
            penalties,
            fineFen: fineFenOf(penalties),
            changedOn: input.decidedOn,
          },
    decisionCorrections: [
      ...s.decisionCorrections,
      {
        id: ids.next('decisionCorrection'),
        kind,
        decidedOn: input.decidedOn,
        ...(input.complaintId !== undefined ? { complaintId: input.complaintId } : {}),
        previousPenalties: decision.penalties,
        penalties,
        previousObligationFen: monetaryObligationFenOf(decision.penalties),
        obligationFen,
        paidFen,
        refundOwedFen: Math.max(0, paidFen - obligationFen),
        fromStatus: s.status,
      },
    ],
  };
}

/** The records the action creates or updates (status and deadlines are set by applyTransition). */
function applyRecords(
  s: CaseSnapshot,
  step: Step,
  allowed: TransitionAllowed,
  actor: Actor,
  ids: IdSource,
): CaseSnapshot {
  switch (step.action) {
    case 'registerCaseSource': {
      const i = step.input;
      return {
        ...s,
        source: {
          type: i.sourceType,
          receivedOn: i.receivedOn,
          ...(i.namedComplainant !== undefined ? { namedComplainant: i.namedComplainant } : {}),
          ...(i.originator !== undefined ? { originator: i.originator } : {}),
        },
        ...(i.violation !== undefined ? { violation: i.violation } : {}),
        ...(i.parties !== undefined ? { parties: i.parties } : {}),
      };
    }
    case 'decideDocketing': {
      const i = step.input;
      if (!i.docket) {
        return s;
      }
      return {
        ...s,
        docketedOn: allowed.actDate,
        handlers: officersOnCase(i.handlers),
        flags: mergeFlags(s.flags, i.flags),
        ...(i.violation !== undefined ? { violation: i.violation } : {}),
        ...(i.parties !== undefined ? { parties: i.parties } : {}),
      };
    }
    // Cancelling holds no record: status and stopped deadlines are the change.
    case 'cancelDocketing':
      return s;
    case 'transferCase':
      // 移送涉嫌犯罪案件: the report, the principal head's approval, the transfer and the copy.
      return step.input.kind === 'TO_JUDICIAL_ORGAN'
        ? withJudicialTransfer(s, step.input.recipient, step.input.judicial)
        : s;
    case 'resumeReturnedCase': {
      const transfer = s.judicialTransfer;
      return transfer
        ? {
            ...s,
            judicialTransfer: {
              ...transfer,
              returned: {
                ground: step.input.ground,
                receivedOn: step.input.receivedOn,
                judicialDocument: step.input.judicialDocument,
              },
            },
          }
        : s;
    }
    case 'decideCase': {
      const i = step.input;
      const penalties = i.outcome === 'PENALTY' ? i.penalties : [];
      const decision: DecisionRecord = {
        outcome: i.outcome,
        decidedOn: allowed.actDate,
        penalties,
        fineFen: fineFenOf(penalties),
        ...(i.outcome === 'PENALTY' && i.publish === true ? { published: true } : {}),
      };
      // Decided as a transfer to the judiciary: recorded as transferCase(TO_JUDICIAL_ORGAN) records it.
      return i.outcome === 'TRANSFER_TO_JUDICIAL_ORGAN'
        ? withJudicialTransfer({ ...s, decision }, i.recipient, i.judicial)
        : { ...s, decision };
    }
    case 'imposeSummaryPenalty': {
      const i = step.input;
      // APL art. 52: handed over on the spot, so served the day it is made. The officers who
      // imposed it sign the 当场行政处罚决定书: they are the case's handlers when it has none.
      return {
        ...s,
        handlers: s.handlers.length > 0 ? s.handlers : officersOnCase(i.officers),
        decision: {
          outcome: 'PENALTY',
          decidedOn: allowed.actDate,
          penalties: i.penalties,
          fineFen: fineFenOf(i.penalties),
          onTheSpot: true,
          servedOn: allowed.actDate,
        },
      };
    }
    case 'applyForRecusal':
      return {
        ...s,
        recusals: [
          ...s.recusals,
          {
            id: ids.next('recusal'),
            targetOfficerId: step.input.targetOfficerId,
            appliedOn: step.input.appliedOn,
            ...(step.input.targetRoles?.includes('OFFICE_HEAD') ? { targetIsHead: true } : {}),
            ...(step.input.reconsiderationOf !== undefined
              ? { reconsiderationOf: step.input.reconsiderationOf }
              : {}),
          },
        ],
      };
    case 'decideRecusal': {
      const i = step.input;
      const target = required(
        s.recusals.find((r) => r.id === i.recusalId),
        `recusal ${i.recusalId} not on the case`,
      ).targetOfficerId;
      const recusals = updateById(s.recusals, i.recusalId, 'recusal', (r): RecusalRecord => ({
        ...r,
        decision: i.granted ? 'GRANTED' : 'REJECTED',
        decidedOn: allowed.actDate,
      }));
      if (!i.granted) {
        return { ...s, recusals };
      }
      // A recused handler leaves the case (APL art. 43); the replacements join it. Their past acts
      // stay on file, so they remain investigators (not eligible to preside or review).
      const remaining = s.handlers.filter((h) => h.officerId !== target);
      const joining = officersOnCase(i.replacementHandlers ?? []).filter(
        (r) => r.officerId !== target && !remaining.some((h) => h.officerId === r.officerId),
      );
      return { ...s, recusals, handlers: [...remaining, ...joining] };
    }
    case 'recordEvidence': {
      const i = step.input;
      return {
        ...s,
        evidence: [
          ...s.evidence,
          {
            id: ids.next('evidence'),
            kind: i.evidenceKind,
            collectedOn: i.collectedOn,
            fromParty: i.fromParty,
            collectorIds: i.collectors.map((c) => c.officerId),
          },
        ],
      };
    }
    case 'recordInquiry':
      return withTranscript(s, ids, 'INQUIRY', step.input, step.input.intervieweeIsParty);
    case 'recordInspection': {
      const next = withTranscript(s, ids, 'INSPECTION', step.input, step.input.ofParty);
      return withAudioVisualRecord(
        next,
        ids,
        'INSPECTION',
        next.transcripts.at(-1)!.id,
        step.input.conductedOn,
        step.input.audioVisualRecord,
      );
    }
    case 'orderCorrection': {
      const i = step.input;
      return {
        ...s,
        correctionOrders: [
          ...s.correctionOrders,
          {
            id: ids.next('correctionOrder'),
            partyId: i.partyId,
            orderedOn: i.orderedOn,
            ...(i.dueOn !== undefined ? { dueOn: i.dueOn } : {}),
            reviews: [],
          },
        ],
      };
    }
    case 'recordCorrectionReview': {
      const i = step.input;
      return {
        ...s,
        correctionOrders: updateById(
          s.correctionOrders,
          i.correctionOrderId,
          'correction order',
          (o) => ({
            ...o,
            reviews: [
              ...o.reviews,
              { id: ids.next('correctionReview'), reviewedOn: i.reviewedOn, finding: i.finding },
            ],
          }),
        ),
      };
    }
    case 'preserveEvidence':
      return {
        ...s,
        preservations: [
          ...s.preservations,
          { id: ids.next('preservation'), startedOn: step.input.startedOn },
        ],
      };
    case 'handlePreservedEvidence': {
      const i = step.input;
      return {
        ...s,
        preservations: updateById(s.preservations, i.preservationId, 'preservation', (p) => ({
          ...p,
          handledOn: i.decidedOn,
        })),
      };
    }
    case 'imposeCompulsoryMeasure': {
      const i = step.input;
      const id = ids.next('compulsoryMeasure');
      const next: CaseSnapshot = {
        ...s,
        compulsoryMeasures: [
          ...s.compulsoryMeasures,
          {
            id,
            kind: i.measure,
            startedOn: i.startedOn,
            endsOn: i.endsOn,
            extended: false,
            ...(i.basis !== undefined ? { basis: i.basis } : {}),
            evidenceIds: i.evidenceIds,
            suspectedProvisionIds: i.suspectedProvisions.map((p) => p.provisionId),
            ...(i.emergency
              ? { emergency: { reason: i.emergency.reason, imposedAt: i.emergency.imposedAt } }
              : {}),
            ...(i.onSite ? { onSite: i.onSite } : {}),
            ...(i.custody
              ? { custody: { place: i.custody.place, custodian: i.custody.custodian } }
              : {}),
          },
        ],
      };
      return withAudioVisualRecord(
        next,
        ids,
        'COMPULSORY_MEASURE',
        id,
        i.startedOn,
        i.audioVisualRecord,
      );
    }
    case 'extendCompulsoryMeasure': {
      const i = step.input;
      return {
        ...s,
        compulsoryMeasures: updateById(s.compulsoryMeasures, i.measureId, 'measure', (m) => ({
          ...m,
          endsOn: i.newEndsOn,
          extended: true,
        })),
      };
    }
    case 'ratifyEmergencyMeasure': {
      const i = step.input;
      return {
        ...s,
        compulsoryMeasures: updateById(s.compulsoryMeasures, i.measureId, 'measure', (m) => ({
          ...m,
          emergency: {
            ...required(m.emergency, 'ratifyEmergencyMeasure on a measure not imposed on the spot'),
            ratification: {
              reportedAt: i.reportedAt,
              approved: i.approved,
              decidedOn: i.approval?.approvedOn ?? allowed.actDate,
              ...(i.approval ? { approverId: i.approval.approverId } : {}),
              ...(i.refusalReason ? { refusalReason: i.refusalReason } : {}),
            },
          },
        })),
      };
    }
    case 'recordTestingPeriod': {
      const i = step.input;
      return {
        ...s,
        compulsoryMeasures: updateById(s.compulsoryMeasures, i.measureId, 'measure', (m) => {
          // The testing days after the start day do not count: the last day moves by as many.
          const daysExcluded = testingDaysExcluded(m.startedOn, i.startsOn, i.endsOn);
          return {
            ...m,
            endsOn: addCalendarDays(m.endsOn, daysExcluded),
            testingPeriods: [
              ...(m.testingPeriods ?? []),
              {
                testingKind: i.testingKind,
                institution: i.institution,
                startsOn: i.startsOn,
                endsOn: i.endsOn,
                daysExcluded,
                notifiedOn: i.notifiedOn,
              },
            ],
          };
        }),
      };
    }
    case 'releaseCompulsoryMeasure': {
      const i = step.input;
      return {
        ...s,
        compulsoryMeasures: updateById(s.compulsoryMeasures, i.measureId, 'measure', (m) => ({
          ...m,
          releasedOn: i.releasedOn,
        })),
      };
    }
    case 'issuePrePenaltyNotice': {
      const i = step.input;
      // A new notice supersedes the old one and reopens the party's rights (APL arts. 44, 45(2), 63):
      // a hearing requested or held on the old notice is not the hearing on this one.
      const { hearing: _superseded, ...rest } = s;
      return {
        ...rest,
        flags: mergeFlags(s.flags, i.flags),
        notice: {
          issuedOn: allowed.actDate,
          ...(i.servedOn !== undefined ? { servedOn: i.servedOn } : {}),
          proposedPenalties: i.proposedPenalties,
          hearingEligible: recordedHearingEligibility(allowed.effects),
        },
      };
    }
    case 'recordStatement':
      return {
        ...s,
        statements: [
          ...s.statements,
          {
            id: ids.next('statement'),
            ...(step.input.partyId !== undefined ? { partyId: step.input.partyId } : {}),
            receivedOn: step.input.receivedOn,
          },
        ],
      };
    case 'reviewStatement': {
      const i = step.input;
      return {
        ...s,
        statements: updateById(s.statements, i.statementId, 'statement', (st) => ({
          ...st,
          reviewedOn: i.reviewedOn,
        })),
      };
    }
    case 'waiveRights': {
      const i = step.input;
      const party = i.partyId !== undefined ? { partyId: i.partyId } : {};
      const waivers = [
        ...s.waivers,
        ...i.rights.map((right) => ({ right, ...party, waivedOn: i.waivedOn })),
      ];
      // Waiving the hearing after requesting it withdraws the request.
      if (allowed.outcome === 'HEARING_REQUEST_WITHDRAWN' && s.hearing !== undefined) {
        return { ...s, waivers, hearing: { ...s.hearing, withdrawnOn: i.waivedOn } };
      }
      // A party of a joint hearing who waives leaves it; the others are still heard.
      if (
        i.rights.includes('HEARING') &&
        i.partyId !== undefined &&
        s.hearing?.requests?.some((r) => r.partyId === i.partyId) &&
        s.status !== 'PRE_PENALTY_NOTICE_SERVED'
      ) {
        const requests = s.hearing.requests.filter((r) => r.partyId !== i.partyId);
        return { ...s, waivers, hearing: { ...s.hearing, requests } };
      }
      return { ...s, waivers };
    }
    case 'requestHearing': {
      const i = step.input;
      const request =
        i.partyId !== undefined ? { partyId: i.partyId, requestedOn: i.requestedOn } : undefined;
      // A further party joins the pending hearing (APL art. 64(1)).
      if (allowed.outcome === 'JOINED' && s.hearing !== undefined && request) {
        return {
          ...s,
          hearing: { ...s.hearing, requests: [...(s.hearing.requests ?? []), request] },
        };
      }
      return {
        ...s,
        hearing: {
          requestedOn: i.requestedOn,
          ...(request ? { partyId: request.partyId, requests: [request] } : {}),
        },
      };
    }
    case 'scheduleHearing': {
      const i = step.input;
      const hearing = required(s.hearing, 'scheduleHearing without a hearing request on the case');
      return {
        ...s,
        hearing: {
          ...hearing,
          hearingOn: i.hearingOn,
          noticeServedOn: i.noticeServedOn,
          presidingOfficerId: i.presidingOfficerId,
          ...(i.recorderId !== undefined ? { recorderId: i.recorderId } : {}),
          // Several parties: the hearing notice goes to every party who asked so far.
          ...(hearing.requests ? { noticedPartyIds: hearing.requests.map((r) => r.partyId) } : {}),
        },
      };
    }
    case 'recordHearing': {
      const i = step.input;
      const hearing = required(s.hearing, 'recordHearing without a scheduled hearing on the case');
      return { ...s, hearing: { ...hearing, heldOn: i.heldOn, outcome: i.outcome } };
    }
    case 'submitLegalReview':
      return {
        ...s,
        legalReviews: [...s.legalReviews, { submittedOn: step.input.submittedOn }],
      };
    case 'completeLegalReview': {
      const i = step.input;
      const open = s.legalReviews.findLastIndex((r) => r.completedOn === undefined);
      if (open < 0) {
        throw new Error('applyTransition: completeLegalReview without a submitted review');
      }
      return {
        ...s,
        legalReviews: s.legalReviews.map((r, index) =>
          index === open
            ? { ...r, completedOn: i.completedOn, result: i.result, reviewerId: actor.officerId }
            : r,
        ),
      };
    }
    case 'recordCollectiveDiscussion':
      return {
        ...s,
        collectiveDiscussions: [
          ...s.collectiveDiscussions,
          { heldOn: step.input.heldOn, headCount: discussionHeadCount(step.input.participants) },
        ],
      };
    case 'extendTimeLimit': {
      const i = step.input;
      const days = i.limit === 'CASE_TIME_LIMIT' ? i.extensionDays : undefined;
      return {
        ...s,
        timeLimitExtensions: [
          ...s.timeLimitExtensions,
          {
            limit: i.limit,
            approvedOn: i.approvedOn,
            ...(days !== undefined ? { days } : {}),
            byCollectiveDiscussion: i.byCollectiveDiscussion,
          },
        ],
      };
    }
    case 'suspendCase':
      return {
        ...s,
        suspensions: [...s.suspensions, { suspendedOn: step.input.suspendedOn }],
      };
    case 'resumeCase': {
      const open = s.suspensions.findIndex((x) => x.resumedOn === undefined);
      if (open < 0) {
        throw new Error('applyTransition: resumeCase without an open suspension');
      }
      const resumedOn = step.input.resumedOn;
      return {
        ...s,
        suspensions: s.suspensions.map((x, index) => (index === open ? { ...x, resumedOn } : x)),
      };
    }
    case 'serveDocument':
      return withService(s, step.input, ids);
    case 'recordPayment': {
      const i = step.input;
      return {
        ...s,
        payments: [
          ...s.payments,
          {
            id: ids.next('payment'),
            ...(i.partyId !== undefined ? { partyId: i.partyId } : {}),
            paidOn: i.paidOn,
            amountFen: i.amountFen,
            channel: i.channel,
            receiptNumber: i.receiptNumber,
          },
        ],
      };
    }
    case 'applyForDeferral':
      return {
        ...s,
        paymentArrangements: [
          ...s.paymentArrangements,
          {
            id: ids.next('paymentArrangement'),
            kind: step.input.kind,
            appliedOn: step.input.appliedOn,
          },
        ],
      };
    case 'decidePaymentArrangement': {
      const i = step.input;
      return {
        ...s,
        paymentArrangements: updateById(
          s.paymentArrangements,
          i.arrangementId,
          'payment arrangement',
          (a) => ({
            ...a,
            decision: i.approved ? 'APPROVED' : 'REJECTED',
            decidedOn: i.decidedOn,
            ...(i.approved && i.schedule !== undefined ? { schedule: i.schedule } : {}),
          }),
        ),
      };
    }
    case 'recordReconsideration':
      return withRemedy(s, 'RECONSIDERATION', step.input, ids);
    case 'recordLitigation':
      return withRemedy(s, 'LITIGATION', step.input, ids);
    case 'issueEnforcementDemand': {
      const i = step.input;
      // A new demand replaces the previous one (and its service); one on another party keeps
      // the previous party's enforcement on record.
      const earlier = s.enforcement;
      const otherParty =
        earlier !== undefined && earlier.partyId !== undefined && earlier.partyId !== i.partyId;
      return {
        ...s,
        ...(otherParty
          ? { priorPartyEnforcements: [...(s.priorPartyEnforcements ?? []), earlier] }
          : {}),
        enforcement: {
          ...(i.partyId !== undefined ? { partyId: i.partyId } : {}),
          demandIssuedOn: i.issuedOn,
          demandAmountFen: i.amountFen,
          demandPerformBy: i.performBy,
          remedyPeriodsLapseOn: i.remedyPeriodsLapseOn,
          rulings: [],
        },
      };
    }
    case 'applyForCourtEnforcement': {
      const enforcement = required(s.enforcement, 'applyForCourtEnforcement without a demand');
      return {
        ...s,
        enforcement: {
          ...enforcement,
          courtAppliedOn: step.input.appliedOn,
          court: step.input.court,
        },
      };
    }
    case 'recordCourtRuling': {
      const enforcement = required(s.enforcement, 'recordCourtRuling without an application');
      return {
        ...s,
        enforcement: {
          ...enforcement,
          rulings: [
            ...enforcement.rulings,
            {
              ruledOn: step.input.ruledOn,
              result: step.input.result,
              ...(step.input.receivedOn ? { receivedOn: step.input.receivedOn } : {}),
            },
          ],
        },
      };
    }
    case 'applyForRulingReview': {
      const enforcement = required(s.enforcement, 'applyForRulingReview without an application');
      return {
        ...s,
        enforcement: {
          ...enforcement,
          rulingReview: { appliedOn: step.input.appliedOn, court: step.input.court },
        },
      };
    }
    case 'recordComplaint':
      return {
        ...s,
        complaints: [
          ...s.complaints,
          { id: ids.next('complaint'), kind: step.input.kind, receivedOn: step.input.receivedOn },
        ],
      };
    case 'handleComplaint': {
      const i = step.input;
      return {
        ...s,
        complaints: updateById(s.complaints, i.complaintId, 'complaint', (c) => ({
          ...c,
          handledOn: i.handledOn,
          finding: i.finding,
        })),
      };
    }
    case 'revokeDecision':
      return withDecisionCorrection(s, ids, 'REVOKED', step.input, []);
    case 'changeDecision':
      return withDecisionCorrection(s, ids, 'CHANGED', step.input, step.input.penalties);
    case 'recordRefund': {
      const i = step.input;
      return {
        ...s,
        decisionCorrections: updateById(
          s.decisionCorrections,
          i.correctionId,
          'decision correction',
          (c) => ({
            ...c,
            refunds: [
              ...(c.refunds ?? []),
              { refundedOn: i.refundedOn, amountFen: i.amountFen, receiptNumber: i.receiptNumber },
            ],
          }),
        ),
      };
    }
    case 'closeCase':
      return {
        ...s,
        closure: {
          closedOn: step.input.closedOn,
          ground: step.input.ground,
          approverId: step.input.approval?.approverId ?? actor.officerId,
        },
      };
    default: {
      const unhandled: never = step;
      throw new Error(`applyTransition: no reducer for ${(unhandled as Step).action}`);
    }
  }
}

/**
 * The snapshot after the allowed action: status `allowed.to`, the action's records,
 * and the deadlines minus those the transition stops. Pure; never mutates `snapshot`.
 * Throws when `allowed` was decided on a snapshot in another status (a stale decision).
 */
export function applyTransition<A extends ProcedureAction>(
  snapshot: CaseSnapshot,
  allowed: TransitionAllowed<A>,
  input: ActionInput<A>,
  actor: Actor,
  ids: IdSource,
): CaseSnapshot {
  if (allowed.from !== snapshot.status) {
    throw new Error(
      `applyTransition: ${allowed.action} was decided from ${allowed.from}, the case is ${snapshot.status}`,
    );
  }
  const step = { action: allowed.action, input } as Step;
  const next = applyRecords(snapshot, step, allowed, actor, ids);
  return {
    ...next,
    status: allowed.to,
    deadlines: withoutStoppedDeadlines(snapshot.deadlines, allowed.effects),
  };
}
