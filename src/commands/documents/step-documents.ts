import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../../auth/context.js';
import { CaseEvent } from '../../entities/case-event.entity.js';
import type { Case } from '../../entities/case.entity.js';
import { CaseDocument } from '../../entities/case-document.entity.js';
import type { Office } from '../../entities/office.entity.js';
import { Officer } from '../../entities/officer.entity.js';
import { PenaltyProvisionRecord } from '../../entities/penalty-provision-record.entity.js';
import type {
  DiscretionSource,
  ClosureSource,
  CourtApplicationSource,
  EnforcementSource,
  ServiceSource,
  DecisionSource,
  FindingsSource,
  HearingSource,
  NoticeSource,
  PenaltySource,
  RemediesSource,
} from '../../documents/kinds/case-document-source.js';
import { DomainError } from '../../errors/domain-error.js';
import type {
  NoPenaltyGround,
  NonPublicGround,
  ServiceFacts,
} from '../../procedure/action-inputs.js';
import type { CaseSnapshot, ServiceMethod } from '../../procedure/case-snapshot.js';
import {
  NO_PENALTY_REASON_TERMS,
  type NoPenaltyReason,
} from '../../procedure/no-penalty-ground.js';
import type { LocalDate } from '../../procedure/local-date.js';
import type { DiscretionRecord } from '../../procedure/discretion.js';
import type { PenaltyKind } from '../../procedure/penalty-kind.js';
import { provisionCitation } from '../../procedure/provisions/index.js';
import type { PeriodParameter, PeriodUnit, Rulebook } from '../../procedure/rulebook.js';
import {
  toLegalBasis,
  type DecisionContentInput,
  type HearingArrangementInput,
  type NoticeContentInput,
} from '../../schema/document-content.inputs.js';
import { discretionSource, referencesFor } from './discretion-source.js';
import { generateCaseDocument } from './generate-case-document.js';
import { recordedStatementAdoption, resolveStatementAdoption } from './statement-adoption.js';

/**
 * The documents the procedure itself produces — the pre-penalty notice, the
 * hearing notice and the decision letter — built from the step's input, the
 * case record and the sections earlier steps kept in the audit trail.
 */

export interface StepDocuments {
  documents: CaseDocument[];
  sections: Record<string, unknown>;
}

interface StepContext {
  em: EntityManager;
  actor: Actor;
  found: Case;
  today: LocalDate;
}

export interface DocumentPenalty {
  kind: PenaltyKind;
  amountYuan?: number;
  provisionId: string;
}

async function penaltySources(
  em: EntityManager,
  penalties: readonly DocumentPenalty[],
): Promise<PenaltySource[]> {
  const ids = [...new Set(penalties.map((p) => p.provisionId))];
  const rows = await em.find(PenaltyProvisionRecord, { id: { $in: ids } });
  return penalties.map((penalty) => {
    const provision = rows.find((r) => r.id === penalty.provisionId)?.data;
    return {
      kind: penalty.kind,
      amountYuan: penalty.amountYuan !== undefined ? penalty.amountYuan.toFixed(2) : null,
      content: null,
      basis: provision ? [provisionCitation(provision)] : [],
      provisionText: null,
    };
  });
}

/** The newest value of a section an earlier step recorded (e.g. the notice, for the hearing notice). */
export async function latestSection<T>(
  em: EntityManager,
  found: Case,
  name: string,
): Promise<T | null> {
  const events = await em.find(CaseEvent, { case: found }, { orderBy: { sequence: 'desc' } });
  for (const event of events) {
    const sections = event.payload.documentSections as Record<string, unknown> | undefined;
    if (sections && sections[name] !== undefined) {
      return sections[name] as T;
    }
  }
  return null;
}

function missingSection(kind: string, section: string): never {
  throw new DomainError(
    'DOCUMENT_INCOMPLETE',
    'BAD_USER_INPUT',
    `无法生成${kind}：缺少${section}`,
    { section },
  );
}

/**
 * With several parties each penalized on their own line (APL arts. 44, 61): one letter per party,
 * addressed to them and stating only their penalties. Otherwise one letter for the case.
 */
export interface PartyLines {
  readonly partyId: string;
  readonly penalties: readonly DocumentPenalty[];
}

/** The notice (or decision letter) made for each party, by party id: each cites its own. */
export type NoticeByParty = Record<string, NoticeSource>;

export async function producePrePenaltyNotice(
  context: StepContext & { next: CaseSnapshot; rulebook: Rulebook },
  input: {
    /** Null while the notice is issued but not yet served (serveDocument serves it later). */
    servedOn: LocalDate | null;
    /** Date of issue; defaults to the day of the step. */
    issuedOn?: LocalDate;
    penalties: readonly DocumentPenalty[];
    /** Several parties: one notice each (APL art. 44), in this order. */
    byParty?: readonly PartyLines[];
    discretion: DiscretionRecord;
    content: NoticeContentInput;
  },
): Promise<StepDocuments> {
  const addressees: { partyId?: string; penalties: readonly DocumentPenalty[] }[] =
    input.byParty && input.byParty.length > 0
      ? [...input.byParty]
      : [{ penalties: input.penalties }];
  const documents: CaseDocument[] = [];
  const noticeByParty: NoticeByParty = {};
  let first: NoticeSource | undefined;
  for (const addressee of addressees) {
    const penalties = await penaltySources(context.em, addressee.penalties);
    const references = await referencesFor(context.em, input.discretion, addressee.penalties);
    let notice: NoticeSource | undefined;
    const document = await generateCaseDocument(
      context.em,
      context.actor,
      context.found,
      'PRE_PENALTY_NOTICE',
      context.today,
      (number) => {
        notice = {
          documentNumber: number ?? '',
          issuedOn: input.issuedOn ?? context.today,
          servedOn: input.servedOn,
          ...findingsFrom(
            input.content,
            penalties,
            discretionSource(input.discretion, input.issuedOn ?? context.today, references),
          ),
          statementDeadlineDays: context.rulebook.parameters.statementPeriod.length,
          hearingEligible: context.next.notice?.hearingEligible ?? false,
          hearingRequestDays: context.rulebook.parameters.hearingRequestPeriod.length,
        };
        return {
          facts: input.content.facts,
          notice,
          ...(addressee.partyId ? { addresseePartyId: addressee.partyId } : {}),
        };
      },
      addressee.partyId ? { partyId: addressee.partyId } : {},
    );
    documents.push(document);
    first ??= notice;
    if (addressee.partyId && notice) {
      noticeByParty[addressee.partyId] = notice;
    }
  }
  return {
    documents,
    sections: {
      notice: first,
      facts: input.content.facts,
      ...(Object.keys(noticeByParty).length > 0 ? { noticeByParty } : {}),
    },
  };
}

/** The findings the notice and the decision state, from the content the officers wrote. */
function findingsFrom(
  content: NoticeContentInput | DecisionContentInput,
  penalties: readonly PenaltySource[],
  discretion: DiscretionSource | null,
): FindingsSource {
  return {
    facts: content.facts,
    reasons: content.reasons,
    violatedProvisions: content.violatedProvisions.map(toLegalBasis),
    discretion,
    penalties,
    correction: content.correction ?? null,
  };
}

const NON_PUBLIC_REASONS: Record<NonPublicGround, string> = {
  STATE_SECRET: '涉及国家秘密',
  COMMERCIAL_SECRET: '涉及商业秘密',
  PERSONAL_PRIVACY: '涉及个人隐私',
};

async function officerNames(em: EntityManager, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) {
    return [];
  }
  const officers = await em.find(Officer, { id: { $in: [...ids] } });
  return ids.map((id) => officers.find((o) => o.id === id)?.name ?? id);
}

export async function produceHearingNotice(
  context: StepContext & { next: CaseSnapshot },
  input: {
    hearingOn: LocalDate;
    presidingOfficerId: string;
    isPublic: boolean;
    nonPublicGround?: NonPublicGround | null;
    arrangement: HearingArrangementInput;
  },
): Promise<StepDocuments> {
  const notice =
    (await latestSection<NoticeSource>(context.em, context.found, 'notice')) ??
    missingSection('听证通知书', '行政处罚事先告知书的内容');
  const facts = (await latestSection<string[]>(context.em, context.found, 'facts')) ?? undefined;
  const [presidingOfficer] = await officerNames(context.em, [input.presidingOfficerId]);
  const [recorder] = await officerNames(context.em, [input.arrangement.recorderId]);
  const hearing: HearingSource = {
    requestedOn: context.next.hearing?.requestedOn ?? context.today,
    date: input.hearingOn,
    startTime: input.arrangement.startTime,
    place: input.arrangement.place,
    presidingOfficer: presidingOfficer!,
    hearingOfficers: await officerNames(context.em, input.arrangement.hearingOfficerIds ?? []),
    recorder: recorder!,
    interpreter: input.arrangement.interpreter ?? null,
    isPublic: input.isPublic,
    nonPublicReason: input.nonPublicGround ? NON_PUBLIC_REASONS[input.nonPublicGround] : null,
    record: null,
  };
  // Several parties (APL art. 64(2)): a notice to each requesting party of the joint hearing,
  // naming them, their own request date and the pre-penalty notice made for them.
  const requests = context.next.hearing?.requests ?? [];
  if (requests.length > 0) {
    const noticeByParty = await latestSection<NoticeByParty>(
      context.em,
      context.found,
      'noticeByParty',
    );
    const documents: CaseDocument[] = [];
    for (const request of requests) {
      documents.push(
        await generateCaseDocument(
          context.em,
          context.actor,
          context.found,
          'HEARING_NOTICE',
          context.today,
          {
            ...(facts ? { facts } : {}),
            notice: noticeByParty?.[request.partyId] ?? notice,
            hearing: { ...hearing, requestedOn: request.requestedOn },
            addresseePartyId: request.partyId,
          },
          { partyId: request.partyId },
        ),
      );
    }
    return { documents, sections: { hearing } };
  }
  const document = await generateCaseDocument(
    context.em,
    context.actor,
    context.found,
    'HEARING_NOTICE',
    context.today,
    {
      ...(facts ? { facts } : {}),
      notice,
      hearing,
    },
  );
  return { documents: [document], sections: { hearing } };
}

/** The length of a rulebook period in the unit a document prints it in (a unit change must not go unnoticed). */
function lengthIn(period: PeriodParameter, unit: PeriodUnit): number {
  if (period.unit !== unit) {
    throw new RangeError(
      `${period.name}: the rulebook gives ${period.unit}, the document prints ${unit}`,
    );
  }
  return period.length;
}

/** APL art. 67(3): the days to pay from the service of a letter imposing money (rulebook). */
export function paymentPeriodDays(rulebook: Rulebook): number {
  return lengthIn(rulebook.parameters.paymentPeriod, 'CALENDAR_DAYS');
}

/**
 * The remedies a decision letter states (Reconsideration Law art. 20, Litigation Law art. 46): the
 * office's organs and the rulebook's periods. The decision letters and the 变更行政处罚决定书 share it.
 */
export function decisionRemediesSource(
  office: Pick<Office, 'reconsiderationOrgan' | 'litigationCourt' | 'onlineReconsiderationChannel'>,
  rulebook: Rulebook,
): RemediesSource {
  const rules = rulebook.parameters;
  return {
    reconsiderationOrgan: office.reconsiderationOrgan,
    reconsiderationDays: lengthIn(rules.reconsiderationPeriod, 'CALENDAR_DAYS'),
    litigationCourt: office.litigationCourt,
    litigationMonths: lengthIn(rules.litigationPeriod, 'MONTHS'),
    onlineChannel: office.onlineReconsiderationChannel,
  };
}

export async function produceDecisionLetter(
  context: StepContext & { rulebook: Rulebook; next?: CaseSnapshot },
  input: {
    outcome: 'PENALTY' | 'NO_PENALTY' | 'FACTS_NOT_ESTABLISHED';
    penalties: readonly DocumentPenalty[];
    ground?: NoPenaltyGround | null;
    /** PENALTY: the discretion recorded with the decision. */
    discretion?: DiscretionRecord;
    content: DecisionContentInput;
    /** Several parties penalized each on their own lines: one letter each (APL art. 61). */
    byParty?: readonly PartyLines[];
  },
): Promise<StepDocuments> {
  if (input.byParty && input.byParty.length > 0) {
    const documents: CaseDocument[] = [];
    let first: StepDocuments['sections'] | undefined;
    for (const { partyId, penalties } of input.byParty) {
      const one = await decisionLetter(context, { ...input, penalties }, partyId);
      documents.push(...one.documents);
      first ??= one.sections;
    }
    return { documents, sections: first ?? {} };
  }
  return decisionLetter(context, input);
}

async function decisionLetter(
  context: StepContext & { rulebook: Rulebook; next?: CaseSnapshot },
  input: {
    outcome: 'PENALTY' | 'NO_PENALTY' | 'FACTS_NOT_ESTABLISHED';
    penalties: readonly DocumentPenalty[];
    ground?: NoPenaltyGround | null;
    discretion?: DiscretionRecord;
    content: DecisionContentInput;
  },
  partyId?: string,
): Promise<StepDocuments> {
  const { em, found } = context;
  // Periods, rate and remedies of the rulebook in force on the act date (APL arts. 67, 72; Reconsideration Law art. 20; Litigation Law art. 46).
  const rules = context.rulebook.parameters;
  await em.populate(found, ['office']);
  const office = found.office;
  const penalties = await penaltySources(em, input.penalties);
  const discretion =
    input.outcome === 'PENALTY' ? (input.discretion ?? { tier: 'ORDINARY', grounds: [] }) : null;
  const references = discretion ? await referencesFor(em, discretion, input.penalties) : [];
  const money = input.penalties.some((p) => p.amountYuan !== undefined && p.amountYuan > 0);
  const groundKey: NoPenaltyReason | null | undefined =
    input.outcome === 'FACTS_NOT_ESTABLISHED' ? 'FACTS_NOT_ESTABLISHED' : input.ground;
  const statement =
    input.content.statementSummary && input.content.statementReview
      ? {
          receivedOn: (await latestStatementDate(em, found)) ?? context.today,
          channel: '书面',
          summary: input.content.statementSummary,
          review: input.content.statementReview,
          // From the recorded review, not typed free: the letter cannot contradict it.
          adoption: resolveStatementAdoption(
            await recordedStatementAdoption(em, found),
            input.content.statementAdoption,
          ),
        }
      : null;
  const decision: DecisionSource = {
    kind: input.outcome === 'PENALTY' ? 'PENALTY' : 'NO_PENALTY',
    ...findingsFrom(
      input.content,
      penalties,
      discretion ? discretionSource(discretion, context.today, references) : null,
    ),
    statement,
    payment: money
      ? {
          deadlineDays: lengthIn(rules.paymentPeriod, 'CALENDAR_DAYS'),
          surchargePercentPerDay: rules.lateSurchargePercentPerDay.value,
          channel: {
            bankName: office.paymentChannel,
            accountName: null,
            accountNumber: null,
            electronicChannel: null,
          },
        }
      : null,
    remedies: decisionRemediesSource(office, context.rulebook),
    noPenaltyGround:
      input.outcome === 'PENALTY' || !groundKey
        ? null
        : {
            kind: groundKey,
            explanation:
              input.content.noPenaltyExplanation ?? NO_PENALTY_REASON_TERMS[groundKey].term,
            basis: [...NO_PENALTY_REASON_TERMS[groundKey].legalBasis],
          },
    education: input.content.education ?? null,
  };
  // Each party's letter recites the notice made for and served on that party.
  const byParty = partyId
    ? (await latestSection<NoticeByParty>(em, found, 'noticeByParty'))?.[partyId]
    : undefined;
  const notice = byParty ?? (await latestSection<NoticeSource>(em, found, 'notice'));
  const held = await latestSection<HearingSource>(em, found, 'hearing');
  // A party's letter recites the hearing only when it was held at their request (APL art. 64).
  const requesters = context.next?.hearing?.requests?.map((r) => r.partyId);
  const hearing = partyId && requesters && !requesters.includes(partyId) ? null : held;
  const kind = input.outcome === 'PENALTY' ? 'PENALTY_DECISION' : 'NO_PENALTY_DECISION';
  const document = await generateCaseDocument(
    em,
    context.actor,
    found,
    kind,
    context.today,
    {
      facts: input.content.facts,
      decision,
      notice,
      hearing,
      ...(partyId ? { addresseePartyId: partyId } : {}),
    },
    partyId ? { partyId } : {},
  );
  return { documents: [document], sections: { decision } };
}

async function latestStatementDate(em: EntityManager, found: Case): Promise<LocalDate | null> {
  const event = await em.findOne(
    CaseEvent,
    { case: found, action: 'recordStatement' },
    { orderBy: { sequence: 'desc' } },
  );
  const input = event?.payload.input as { receivedOn?: LocalDate } | undefined;
  return input?.receivedOn ?? null;
}

/** 送达回证: one per service, recording how, to whom and when each document was served. */
export async function produceServiceReceipt(
  context: StepContext,
  input: {
    documentIds: readonly string[];
    method: ServiceMethod;
    facts: ServiceFacts;
    serverIds: readonly string[];
    place: string | null;
    deemedServedOn: LocalDate;
    remarks: string | null;
    /** 受送达人: the party served (the case's first party when absent). */
    partyId?: string;
  },
): Promise<StepDocuments> {
  const { em, found } = context;
  await em.populate(found, ['parties']);
  const party =
    found.parties.getItems().find((p) => p.id === input.partyId) ?? found.parties.getItems()[0];
  const served = await em.find(
    CaseDocument,
    { id: { $in: [...input.documentIds] } },
    { fields: ['title', 'number'] },
  );
  const facts = input.facts;
  const address = input.place ?? party?.address ?? '';
  const service: ServiceSource = {
    documents: input.documentIds.map((id) => {
      const document = served.find((d) => d.id === id);
      return { title: document?.title ?? '', number: document?.number ?? null };
    }),
    // Signed (or refused) without another name: the party itself (受送达人本人).
    recipient: facts.recipientName
      ? { name: facts.recipientName, role: facts.recipientRole ?? 'PARTY' }
      : facts.signed || input.method === 'LEFT_AT_RESIDENCE'
        ? { name: party?.name ?? '', role: facts.recipientRole ?? 'PARTY' }
        : null,
    address,
    method: input.method,
    signedOn: facts.signed ? (facts.signedOn ?? facts.servedOn) : null,
    refusal:
      input.method === 'LEFT_AT_RESIDENCE'
        ? {
            reason: facts.refusalReason ?? '',
            witnesses: facts.witnesses ?? [],
            audiovisualRecord: facts.audiovisualRecordRef ?? null,
          }
        : null,
    electronic:
      input.method === 'ELECTRONIC'
        ? {
            address: facts.electronicAddress ?? '',
            reachedOn: facts.reachedSystemOn ?? input.deemedServedOn,
            reconsiderationChannel: facts.reconsiderationChannel ?? null,
          }
        : null,
    mail:
      input.method === 'MAIL'
        ? {
            trackingNumber: facts.trackingNumber ?? null,
            receivedOn: facts.mailReceiptOn ?? input.deemedServedOn,
          }
        : null,
    publicNotice:
      input.method === 'PUBLIC_NOTICE'
        ? {
            medium: facts.publicationMedium ?? '',
            publishedOn: facts.servedOn,
            reasonAndProcess: facts.reasonAndProcess ?? '',
          }
        : null,
    intermediary: facts.intermediary ?? null,
    // Mail, electronic service and public notices name no server in the engine: the officer recording it sent it.
    servers: await officerNames(
      em,
      input.serverIds.length > 0 ? input.serverIds : [context.actor.officerId],
    ),
    servedOn: facts.servedOn,
    deemedServedOn: input.deemedServedOn,
    place: address,
    remarks: input.remarks,
  };
  const document = await generateCaseDocument(
    em,
    context.actor,
    found,
    'SERVICE_RECEIPT',
    context.today,
    { service, ...(party ? { addresseePartyId: party.id } : {}) },
  );
  return { documents: [document], sections: { service } };
}

/** 催告书 (Compulsion Law art. 35) and, later, 强制执行申请书 (art. 55) built on it. */
export async function produceEnforcementDemand(
  context: StepContext,
  /** addresseePartyId: the party demanded, when several are fined separately. */
  input: { enforcement: EnforcementSource; addresseePartyId?: string },
): Promise<StepDocuments> {
  const document = await generateCaseDocument(
    context.em,
    context.actor,
    context.found,
    'ENFORCEMENT_DEMAND',
    context.today,
    {
      enforcement: input.enforcement,
      ...(input.addresseePartyId ? { addresseePartyId: input.addresseePartyId } : {}),
    },
  );
  return {
    documents: [document],
    sections: { enforcement: { ...input.enforcement, demandNumber: document.number } },
  };
}

export async function produceCourtEnforcementApplication(
  context: StepContext,
  input: {
    application: Omit<CourtApplicationSource, 'demandNumber' | 'demandServedOn'>;
    demandServedOn: LocalDate;
    /** 被申请人: the party demanded, when several are fined separately. */
    addresseePartyId?: string;
  },
): Promise<StepDocuments> {
  const demand =
    (await latestSection<EnforcementSource & { demandNumber: string }>(
      context.em,
      context.found,
      'enforcement',
    )) ?? missingSection('强制执行申请书', '催告书的内容');
  const enforcement: EnforcementSource = {
    ...demand,
    application: {
      ...input.application,
      demandNumber: demand.demandNumber,
      demandServedOn: input.demandServedOn,
    },
  };
  const document = await generateCaseDocument(
    context.em,
    context.actor,
    context.found,
    'COURT_ENFORCEMENT_APPLICATION',
    context.today,
    {
      enforcement,
      ...(input.addresseePartyId ? { addresseePartyId: input.addresseePartyId } : {}),
    },
  );
  return { documents: [document], sections: {} };
}

/** 结案审批表 on closeCase. */
export async function produceClosingForm(
  context: StepContext,
  input: { closure: Omit<ClosureSource, 'documents'> },
): Promise<StepDocuments> {
  const documents = await context.em.find(
    CaseDocument,
    { case: context.found },
    { orderBy: { createdAt: 'asc' }, fields: ['title', 'number', 'kind', 'version'] },
  );
  const latest = new Map<string, { title: string; number: string | null }>();
  for (const document of documents) {
    // A blank 送达回证 is the sheet for the recipient, filed with its service, not listed apart.
    if (document.kind !== 'SERVICE_RECEIPT_BLANK') {
      latest.set(document.kind, document);
    }
  }
  const closure: ClosureSource = {
    ...input.closure,
    documents: [...latest.values()].map((d) => ({ title: d.title, number: d.number })),
  };
  const document = await generateCaseDocument(
    context.em,
    context.actor,
    context.found,
    'CASE_CLOSING_APPROVAL_FORM',
    context.today,
    { closure },
  );
  return { documents: [document], sections: { closure } };
}
