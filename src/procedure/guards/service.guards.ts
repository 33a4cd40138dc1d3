/**
 * Service of documents (送达): the document must be one the case holds and has not served;
 * each method needs its facts (signature, refusal record, consent, receipt date, publication);
 * the deemed-served date must be the one the law gives; the decision letter is served within
 * 7 working days; the hearing notice still 7 working days before the hearing.
 * Legal basis: 《中华人民共和国行政处罚法》第六十一条、第六十四条第（二）项、第八十五条 (V);
 * 《中华人民共和国民事诉讼法》第八十七条至第九十五条 (V); 《中华人民共和国行政强制法》第三十八条 (V).
 */
import type { ServeDocumentInput, ServiceRecipientRole } from '../action-inputs.js';
import {
  latestDecisionCorrection,
  type CaseSnapshot,
  type ServableDocument,
  type ServiceMethod,
} from '../case-snapshot.js';
import { isOrganization } from '../party-kind.js';
import { violation } from '../rule-catalog.js';
import type { RuleViolation } from '../rule-violation.js';
import { deemedServedOn } from '../service.js';
import {
  leftAtResidenceRecorded,
  leftAtResidenceWitnessQualified,
} from './audio-visual-record.guards.js';
import { inputGuard, type Guard, type InputGuardContext } from './guard.js';
import { isNoticeCurrent } from './notice.guards.js';
import { hasSeveralParties, servedOnParty } from '../party-periods.js';

type Ctx = InputGuardContext<ServeDocumentInput>;

/** Whether `document` was served: the date the periods run from. */
function wasServed(snapshot: CaseSnapshot, document: ServableDocument): boolean {
  switch (document) {
    case 'PRE_PENALTY_NOTICE':
      return snapshot.notice?.servedOn !== undefined;
    case 'HEARING_NOTICE':
      return snapshot.hearing?.noticeServedOn !== undefined;
    case 'PENALTY_DECISION':
    case 'NO_PENALTY_DECISION':
      return snapshot.decision?.servedOn !== undefined;
    case 'ENFORCEMENT_DEMAND':
      return snapshot.enforcement?.demandServedOn !== undefined;
    case 'CORRECTION_ORDER':
      return snapshot.correctionOrders.some((o) => o.servedOn !== undefined);
    case 'DECISION_REVOCATION_OR_CHANGE':
      return latestDecisionCorrection(snapshot)?.servedOn !== undefined;
  }
}

/** Why `document` cannot be served now, or undefined when it can. */
function servability(
  snapshot: CaseSnapshot,
  document: ServableDocument,
  correctedVersion = false,
  partyId?: string,
): 'NOT_SERVABLE' | 'ALREADY_SERVED' | undefined {
  // A corrected version is served after the original, whatever the case's status since.
  if (correctedVersion) {
    return wasServed(snapshot, document) ? undefined : 'NOT_SERVABLE';
  }
  // With several parties each is served their own notice and decision letter (APL arts. 44, 61).
  const perParty = hasSeveralParties(snapshot) && partyId !== undefined;
  switch (document) {
    case 'PRE_PENALTY_NOTICE':
      // A notice superseded by a return for supplementary investigation is not served any more.
      if (!snapshot.notice || !isNoticeCurrent(snapshot)) {
        return 'NOT_SERVABLE';
      }
      if (perParty) {
        return servedOnParty(snapshot, document, partyId, snapshot.notice.issuedOn) !== undefined
          ? 'ALREADY_SERVED'
          : undefined;
      }
      return snapshot.notice.servedOn !== undefined ? 'ALREADY_SERVED' : undefined;
    case 'HEARING_NOTICE':
      return snapshot.status === 'HEARING_SCHEDULED' && snapshot.hearing?.hearingOn !== undefined
        ? undefined
        : 'NOT_SERVABLE';
    case 'PENALTY_DECISION':
    case 'NO_PENALTY_DECISION': {
      const status = document === 'PENALTY_DECISION' ? 'DECIDED_PENALTY' : 'DECIDED_NO_PENALTY';
      const servedStatus = document === 'PENALTY_DECISION' ? 'DECISION_SERVED' : status;
      const decidedOn = snapshot.decision?.decidedOn;
      if (
        perParty &&
        decidedOn !== undefined &&
        (snapshot.status === status || snapshot.status === servedStatus)
      ) {
        return servedOnParty(snapshot, document, partyId, decidedOn) !== undefined
          ? 'ALREADY_SERVED'
          : undefined;
      }
      if (
        snapshot.decision?.servedOn !== undefined &&
        (snapshot.status === status || snapshot.status === servedStatus)
      ) {
        return 'ALREADY_SERVED';
      }
      return snapshot.status === status ? undefined : 'NOT_SERVABLE';
    }
    case 'ENFORCEMENT_DEMAND':
      if (snapshot.status !== 'ENFORCEMENT_DEMAND_ISSUED' || !snapshot.enforcement) {
        return 'NOT_SERVABLE';
      }
      // The demand is served on the party it demands (Compulsion Law art. 38), not on another.
      if (
        perParty &&
        snapshot.enforcement.partyId !== undefined &&
        snapshot.enforcement.partyId !== partyId
      ) {
        return 'NOT_SERVABLE';
      }
      return snapshot.enforcement.demandServedOn !== undefined ? 'ALREADY_SERVED' : undefined;
    case 'CORRECTION_ORDER':
      if (snapshot.correctionOrders.length === 0) {
        return 'NOT_SERVABLE';
      }
      return snapshot.correctionOrders.some((o) => o.servedOn === undefined)
        ? undefined
        : 'ALREADY_SERVED';
    case 'DECISION_REVOCATION_OR_CHANGE': {
      // The letter of the latest revocation or change, once (APL art. 75(2), 61).
      const correction = latestDecisionCorrection(snapshot);
      if (!correction) {
        return 'NOT_SERVABLE';
      }
      return correction.servedOn !== undefined ? 'ALREADY_SERVED' : undefined;
    }
  }
}

const IN_PERSON: readonly ServiceMethod[] = [
  'DIRECT',
  'ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE',
  'LEFT_AT_RESIDENCE',
];
const SIGNED: readonly ServiceMethod[] = [
  'DIRECT',
  'ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE',
  'ENTRUSTED',
  'FORWARDED',
];
const DIRECT_ROLES: readonly ServiceRecipientRole[] = [
  'PARTY',
  'LEGAL_REPRESENTATIVE',
  'PRINCIPAL_PERSON_IN_CHARGE',
  'AGENT',
  'DESIGNATED_RECIPIENT',
];

/** CPL art. 88: an adult family member for a citizen; the receiving person for an organization. */
function substituteViolation(ctx: Ctx): RuleViolation | undefined {
  const { input, snapshot } = ctx;
  const role = input.facts.recipientRole;
  if (input.method === 'DIRECT') {
    return role === undefined || DIRECT_ROLES.includes(role)
      ? undefined
      : violation('SUBSTITUTE_RECIPIENT_NOT_ELIGIBLE', { method: input.method, role });
  }
  if (input.method !== 'ADULT_FAMILY_MEMBER_OR_RECEIVING_OFFICE') {
    return undefined;
  }
  const organizations = snapshot.parties.some((p) => isOrganization(p.kind));
  const persons = snapshot.parties.some((p) => !isOrganization(p.kind));
  const eligible =
    (role === 'ADULT_FAMILY_MEMBER' && persons) ||
    ((role === 'RECEIVING_OFFICE' ||
      role === 'LEGAL_REPRESENTATIVE' ||
      role === 'PRINCIPAL_PERSON_IN_CHARGE') &&
      organizations);
  return eligible
    ? undefined
    : violation('SUBSTITUTE_RECIPIENT_NOT_ELIGIBLE', { method: input.method, role });
}

function electronicViolation({ input, snapshot }: Ctx): RuleViolation | undefined {
  if (input.method !== 'ELECTRONIC') {
    return undefined;
  }
  const address = input.facts.electronicAddress;
  const servedOn = input.facts.servedOn;
  const unconsented = snapshot.parties
    .filter((p) => {
      const c = p.electronicServiceConsent;
      const inForce =
        c !== undefined &&
        c.signedOn <= servedOn &&
        (c.withdrawnOn === undefined || servedOn < c.withdrawnOn);
      return !inForce || address === undefined || !c.addresses.includes(address);
    })
    .map((p) => p.id);
  return unconsented.length > 0
    ? violation('ELECTRONIC_SERVICE_WITHOUT_CONSENT', { partyIds: unconsented, address })
    : undefined;
}

/** Decision letters open to reconsideration (行政行为决定书) among the served documents. */
const DECISION_LETTERS: readonly ServableDocument[] = [
  'PENALTY_DECISION',
  'NO_PENALTY_DECISION',
  'DECISION_REVOCATION_OR_CHANGE',
];

/**
 * Reconsideration Law art. 22(2): 行政机关通过互联网渠道送达行政行为决定书的，应当同时提供提交行政
 * 复议申请书的互联网渠道.
 */
function onlineReconsiderationViolation({ input }: Ctx): RuleViolation | undefined {
  if (input.method !== 'ELECTRONIC') {
    return undefined;
  }
  const decisions = input.documents.filter((d) => DECISION_LETTERS.includes(d));
  return decisions.length > 0 && (input.facts.reconsiderationChannel ?? '').trim().length === 0
    ? violation('ONLINE_RECONSIDERATION_CHANNEL_REQUIRED', { documents: decisions })
    : undefined;
}

function serviceDateViolation({ input }: Ctx): RuleViolation | undefined {
  const f = input.facts;
  const missing =
    (input.method === 'ELECTRONIC' && f.reachedSystemOn === undefined) ||
    (input.method === 'MAIL' && f.mailReceiptOn === undefined);
  return missing ? violation('SERVICE_DATE_NOT_RECORDED', { method: input.method }) : undefined;
}

export const serveDocumentGuards: readonly Guard<ServeDocumentInput>[] = [
  inputGuard<ServeDocumentInput>(
    'documentServableNow',
    ['DOCUMENT_NOT_SERVABLE', 'DOCUMENT_ALREADY_SERVED'],
    ({ input, snapshot }) => {
      if (input.documents.length === 0) {
        return violation('DOCUMENT_NOT_SERVABLE', { documents: [] });
      }
      const notServable = input.documents.filter(
        (d) => servability(snapshot, d, input.correctedVersion, input.partyId) === 'NOT_SERVABLE',
      );
      if (notServable.length > 0) {
        return violation('DOCUMENT_NOT_SERVABLE', {
          documents: notServable,
          status: snapshot.status,
        });
      }
      const served = input.documents.filter(
        (d) => servability(snapshot, d, input.correctedVersion, input.partyId) === 'ALREADY_SERVED',
      );
      return served.length > 0
        ? violation('DOCUMENT_ALREADY_SERVED', { documents: served })
        : undefined;
    },
  ),
  inputGuard<ServeDocumentInput>('receiptSigned', ['SERVICE_RECEIPT_NOT_SIGNED'], ({ input }) =>
    SIGNED.includes(input.method) &&
    (input.facts.signed !== true || input.facts.signedOn === undefined)
      ? violation('SERVICE_RECEIPT_NOT_SIGNED', {
          method: input.method,
          signed: input.facts.signed ?? false,
        })
      : undefined,
  ),
  inputGuard<ServeDocumentInput>(
    'substituteRecipientEligible',
    ['SUBSTITUTE_RECIPIENT_NOT_ELIGIBLE'],
    substituteViolation,
  ),
  inputGuard<ServeDocumentInput>(
    'refusalRecorded',
    ['LEFT_AT_RESIDENCE_NOT_RECORDED'],
    ({ input, actDate, rulebook }) => {
      if (input.method !== 'LEFT_AT_RESIDENCE') {
        return undefined;
      }
      const f = input.facts;
      const reason = (f.refusalReason ?? '').trim().length > 0;
      const witnessed = (f.witnesses ?? []).some((w) => w.trim().length > 0);
      const recorded = leftAtResidenceRecorded(
        f,
        actDate,
        rulebook.parameters.audioVisualRecordRequiredFrom.value,
      );
      return reason && (witnessed || recorded)
        ? undefined
        : violation('LEFT_AT_RESIDENCE_NOT_RECORDED', {
            refusalReason: reason,
            witnesses: witnessed,
            audiovisualRecord: recorded,
          });
    },
  ),
  leftAtResidenceWitnessQualified,
  inputGuard<ServeDocumentInput>(
    'electronicServiceConsented',
    ['ELECTRONIC_SERVICE_WITHOUT_CONSENT'],
    electronicViolation,
  ),
  inputGuard<ServeDocumentInput>(
    'onlineReconsiderationChannelProvided',
    ['ONLINE_RECONSIDERATION_CHANNEL_REQUIRED'],
    onlineReconsiderationViolation,
  ),
  inputGuard<ServeDocumentInput>(
    'serviceDateRecorded',
    ['SERVICE_DATE_NOT_RECORDED'],
    serviceDateViolation,
  ),
  inputGuard<ServeDocumentInput>('intermediaryNamed', ['INTERMEDIARY_NOT_NAMED'], ({ input }) =>
    (input.method === 'ENTRUSTED' || input.method === 'FORWARDED') &&
    (input.facts.intermediary ?? '').trim().length === 0
      ? violation('INTERMEDIARY_NOT_NAMED', { method: input.method })
      : undefined,
  ),
  inputGuard<ServeDocumentInput>(
    'publicNoticeJustified',
    ['PUBLIC_NOTICE_NOT_JUSTIFIED'],
    ({ input }) => {
      if (input.method !== 'PUBLIC_NOTICE') {
        return undefined;
      }
      const f = input.facts;
      return f.publicNoticeGround !== undefined &&
        (f.reasonAndProcess ?? '').trim().length > 0 &&
        (f.publicationMedium ?? '').trim().length > 0
        ? undefined
        : violation('PUBLIC_NOTICE_NOT_JUSTIFIED', {
            ground: f.publicNoticeGround,
            reasonAndProcess: (f.reasonAndProcess ?? '').trim().length > 0,
            medium: (f.publicationMedium ?? '').trim().length > 0,
          });
    },
  ),
  inputGuard<ServeDocumentInput>(
    'demandServedDirectly',
    ['DEMAND_NOT_SERVED_DIRECTLY'],
    ({ input }) =>
      input.documents.includes('ENFORCEMENT_DEMAND') &&
      input.method !== 'DIRECT' &&
      input.method !== 'LEFT_AT_RESIDENCE' &&
      input.facts.directServiceImpossible !== true
        ? violation('DEMAND_NOT_SERVED_DIRECTLY', { method: input.method })
        : undefined,
  ),
  inputGuard<ServeDocumentInput>('serverRecorded', ['SERVER_NOT_RECORDED'], ({ input }) =>
    IN_PERSON.includes(input.method) && input.servers.length === 0
      ? violation('SERVER_NOT_RECORDED', { method: input.method })
      : undefined,
  ),
  inputGuard<ServeDocumentInput>(
    'deemedServiceDateAsComputed',
    ['DEEMED_SERVICE_DATE_MISMATCH'],
    ({ input, workingDays, rulebook }) => {
      const computed = deemedServedOn(
        input.method,
        input.facts,
        workingDays,
        rulebook.parameters.publicNoticeServicePeriod.length,
      );
      // Missing facts are reported by the guards above.
      return computed === undefined || computed.deemedServedOn === input.deemedServedOn
        ? undefined
        : violation('DEEMED_SERVICE_DATE_MISMATCH', {
            given: input.deemedServedOn,
            computed: computed.deemedServedOn,
          });
    },
  ),
  inputGuard<ServeDocumentInput>(
    'decisionServedWithinSevenWorkingDays',
    ['DECISION_SERVICE_LATE'],
    ({ input, snapshot }) => {
      const decisionLetter =
        input.documents.includes('PENALTY_DECISION') ||
        input.documents.includes('NO_PENALTY_DECISION');
      const due = snapshot.deadlines.DECISION_SERVICE?.dueDate;
      // The 7 working days bind the service of the decision, not of its later correction.
      if (
        !decisionLetter ||
        input.correctedVersion ||
        due === undefined ||
        input.facts.servedOn <= due
      ) {
        return undefined;
      }
      return (input.lateServiceReason ?? '').trim().length > 0
        ? undefined
        : violation('DECISION_SERVICE_LATE', { servedOn: input.facts.servedOn, dueDate: due });
    },
  ),
  inputGuard<ServeDocumentInput>(
    'hearingNoticeStillInTime',
    ['HEARING_NOTICE_TOO_LATE'],
    ({ input, snapshot, workingDays, rulebook }) => {
      const hearingOn = snapshot.hearing?.hearingOn;
      if (!input.documents.includes('HEARING_NOTICE') || hearingOn === undefined) {
        return undefined;
      }
      const lead = rulebook.parameters.hearingNoticeLeadTime.length;
      const days = workingDays.workingDaysBetween(input.deemedServedOn, hearingOn);
      return days < lead
        ? violation('HEARING_NOTICE_TOO_LATE', {
            noticeServedOn: input.deemedServedOn,
            hearingOn,
            workingDays: days,
            required: lead,
          })
        : undefined;
    },
  ),
];
