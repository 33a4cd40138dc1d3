/**
 * Hearing (听证): request within 5 working days of the notice, notice of the
 * hearing at least 7 working days ahead, a presiding officer who did not
 * investigate, public unless secrets or privacy, at most two agents, signed record.
 * Legal basis: 《中华人民共和国行政处罚法》第六十三条、第六十四条、第六十五条、第八十五条 (V);
 * CAC 2023 hearing article (P, number unknown).
 */
import type {
  RecordHearingInput,
  RequestHearingInput,
  ScheduleHearingInput,
} from '../action-inputs.js';
import { investigatorIds, recusedOfficerIds } from '../case-snapshot.js';
import type { LocalDate } from '../local-date.js';
import { violation } from '../rule-catalog.js';
import type { RuleViolation } from '../rule-violation.js';
import { inputGuard, partyGuard, stateGuard, type Guard, type StateGuardContext } from './guard.js';
import {
  hasWaived,
  isNoticeUnserved,
  noticeServed,
  noticeServedOnNamedParty,
} from './notice.guards.js';
import {
  hasSeveralParties,
  hearingPartiesNotNotified,
  hearingPartyIds,
  noticeServedOnParty,
  partyHasWaived,
  periodLastDay,
} from '../party-periods.js';

function noticeLeadViolation(
  ctx: StateGuardContext,
  noticeServedOn: LocalDate,
  hearingOn: LocalDate,
): RuleViolation | undefined {
  const lead = ctx.rulebook.parameters.hearingNoticeLeadTime.length;
  const workingDays = ctx.workingDays.workingDaysBetween(noticeServedOn, hearingOn);
  return workingDays < lead
    ? violation('HEARING_NOTICE_TOO_LATE', {
        noticeServedOn,
        hearingOn,
        workingDays,
        required: lead,
      })
    : undefined;
}

export const requestHearingGuards: readonly Guard<RequestHearingInput>[] = [
  noticeServed,
  // APL arts. 63(1), 64(1): with several parties each may ask for the hearing in their own
  // window and is heard with the others (one joint hearing); no party asks twice.
  inputGuard<RequestHearingInput>(
    'hearingNotYetRequestedByParty',
    ['HEARING_ALREADY_REQUESTED'],
    ({ input, snapshot }) => {
      const pending =
        snapshot.status === 'HEARING_REQUESTED' || snapshot.status === 'HEARING_SCHEDULED';
      if (!pending) {
        return undefined;
      }
      return !hasSeveralParties(snapshot) ||
        input.partyId === undefined ||
        hearingPartyIds(snapshot.hearing).includes(input.partyId)
        ? violation('HEARING_ALREADY_REQUESTED', {
            requestedOn: snapshot.hearing?.requestedOn,
            ...(input.partyId !== undefined ? { partyId: input.partyId } : {}),
          })
        : undefined;
    },
  ),
  stateGuard('hearingAvailable', ['HEARING_NOT_AVAILABLE'], ({ snapshot }) =>
    snapshot.notice && !snapshot.notice.hearingEligible
      ? violation('HEARING_NOT_AVAILABLE')
      : undefined,
  ),
  stateGuard('hearingNotWaived', ['HEARING_RIGHT_WAIVED'], ({ snapshot }) =>
    hasWaived(snapshot, 'HEARING') ? violation('HEARING_RIGHT_WAIVED') : undefined,
  ),
  noticeServedOnNamedParty<RequestHearingInput>(),
  // With several parties, the requesting party's own waiver (APL art. 62).
  partyGuard<RequestHearingInput>(
    'hearingNotWaivedByParty',
    ['HEARING_RIGHT_WAIVED'],
    ({ snapshot }, partyId) =>
      hasSeveralParties(snapshot) &&
      !hasWaived(snapshot, 'HEARING') &&
      partyHasWaived(snapshot, 'HEARING', partyId)
        ? violation('HEARING_RIGHT_WAIVED', { partyId })
        : undefined,
  ),
  // With several parties, the window runs from the notice's service on the requesting party.
  partyGuard<RequestHearingInput>(
    'hearingRequestedInPartyWindow',
    ['HEARING_REQUEST_OUT_OF_TIME'],
    ({ snapshot, rulebook, workingDays }, partyId, requestedOn) => {
      const servedOn = hasSeveralParties(snapshot)
        ? noticeServedOnParty(snapshot, partyId)
        : undefined;
      if (isNoticeUnserved(snapshot) || servedOn === undefined) {
        return undefined; // noticeServed / noticeServedOnNamedParty say why
      }
      const last = periodLastDay(rulebook.parameters.hearingRequestPeriod, servedOn, workingDays);
      return last !== undefined && requestedOn > last
        ? violation('HEARING_REQUEST_OUT_OF_TIME', { requestedOn, dueDate: last, partyId })
        : undefined;
    },
  ),
  inputGuard<RequestHearingInput>(
    'hearingRequestedInTime',
    ['HEARING_REQUEST_OUT_OF_TIME', 'DEADLINE_NOT_RECORDED'],
    ({ input, snapshot }) => {
      if (isNoticeUnserved(snapshot)) {
        return undefined; // noticeServed says why
      }
      // With several parties the requesting party's own window judges (above).
      if (hasSeveralParties(snapshot) && input.partyId !== undefined) {
        return undefined;
      }
      const due = snapshot.deadlines.HEARING_REQUEST?.dueDate;
      if (!due) {
        return snapshot.notice?.hearingEligible
          ? violation('DEADLINE_NOT_RECORDED', { deadline: 'HEARING_REQUEST' })
          : undefined;
      }
      return input.requestedOn > due
        ? violation('HEARING_REQUEST_OUT_OF_TIME', { requestedOn: input.requestedOn, dueDate: due })
        : undefined;
    },
  ),
];

export const scheduleHearingGuards: readonly Guard<ScheduleHearingInput>[] = [
  inputGuard<ScheduleHearingInput>(
    'hearingNoticeServedInTime',
    ['HEARING_NOTICE_TOO_LATE'],
    (ctx) => noticeLeadViolation(ctx, ctx.input.noticeServedOn, ctx.input.hearingOn),
  ),
  inputGuard<ScheduleHearingInput>(
    'presidingOfficerDidNotInvestigate',
    ['PRESIDING_OFFICER_IS_INVESTIGATOR'],
    ({ input, snapshot }) =>
      investigatorIds(snapshot).has(input.presidingOfficerId)
        ? violation('PRESIDING_OFFICER_IS_INVESTIGATOR', { officerId: input.presidingOfficerId })
        : undefined,
  ),
  inputGuard<ScheduleHearingInput>(
    'presidingOfficerNotRecused',
    ['RECUSED_OFFICER_ACTING'],
    ({ input, snapshot }) => {
      // Neither the presider nor the recorder may be a recused officer (APL art. 43(1)).
      const recused = recusedOfficerIds(snapshot);
      const acting = [input.presidingOfficerId, input.recorderId].filter(
        (id): id is string => id !== undefined && recused.has(id),
      );
      return acting.length > 0
        ? violation('RECUSED_OFFICER_ACTING', { officerIds: acting })
        : undefined;
    },
  ),
  inputGuard<ScheduleHearingInput>(
    'hearingPublicUnlessProtected',
    ['NON_PUBLIC_HEARING_WITHOUT_GROUND'],
    ({ input }) =>
      !input.isPublic && input.nonPublicGround === undefined
        ? violation('NON_PUBLIC_HEARING_WITHOUT_GROUND')
        : undefined,
  ),
];

export const recordHearingGuards: readonly Guard<RecordHearingInput>[] = [
  // APL art. 64(2): a party who joined the request after the hearing was scheduled has not had
  // its notice; the hearing is scheduled again (scheduleHearing) and notified to every party.
  stateGuard('everyRequestingPartyNotified', ['HEARING_PARTY_NOT_NOTIFIED'], ({ snapshot }) => {
    const missing = hearingPartiesNotNotified(snapshot.hearing);
    return missing.length > 0
      ? violation('HEARING_PARTY_NOT_NOTIFIED', { partyIds: missing })
      : undefined;
  }),
  stateGuard(
    'presidingOfficerRecusalResolved',
    ['RECUSAL_PENDING_FOR_PRESIDING_OFFICER'],
    ({ snapshot }) => {
      const presider = snapshot.hearing?.presidingOfficerId;
      const pending = snapshot.recusals.some(
        (r) => r.targetOfficerId === presider && r.decision === undefined,
      );
      return presider !== undefined && pending
        ? violation('RECUSAL_PENDING_FOR_PRESIDING_OFFICER', { officerId: presider })
        : undefined;
    },
  ),
  stateGuard(
    'presidingOfficerDidNotInvestigate',
    ['PRESIDING_OFFICER_IS_INVESTIGATOR', 'RECUSED_OFFICER_ACTING'],
    ({ snapshot }) => {
      const presider = snapshot.hearing?.presidingOfficerId;
      if (presider === undefined) {
        return undefined;
      }
      if (recusedOfficerIds(snapshot).has(presider)) {
        return violation('RECUSED_OFFICER_ACTING', { officerIds: [presider] });
      }
      return investigatorIds(snapshot).has(presider)
        ? violation('PRESIDING_OFFICER_IS_INVESTIGATOR', { officerId: presider })
        : undefined;
    },
  ),
  inputGuard<RecordHearingInput>(
    'hearingHeldAfterNoticeLead',
    ['HEARING_NOTICE_TOO_LATE'],
    (ctx) => {
      const servedOn = ctx.snapshot.hearing?.noticeServedOn;
      return servedOn === undefined
        ? undefined
        : noticeLeadViolation(ctx, servedOn, ctx.input.heldOn);
    },
  ),
  inputGuard<RecordHearingInput>(
    'atMostTwoAgents',
    ['HEARING_AGENTS_MORE_THAN_TWO'],
    ({ input, rulebook }) => {
      const maximum = rulebook.parameters.hearingAgentsMaximum.value;
      return input.agentCount > maximum
        ? violation('HEARING_AGENTS_MORE_THAN_TWO', { agentCount: input.agentCount, maximum })
        : undefined;
    },
  ),
  inputGuard<RecordHearingInput>(
    'hearingRecordSigned',
    ['HEARING_RECORD_NOT_SIGNED'],
    ({ input }) =>
      input.outcome === 'HELD' && !input.recordSignedByParty && !input.refusalNotedByPresider
        ? violation('HEARING_RECORD_NOT_SIGNED')
        : undefined,
  ),
];
