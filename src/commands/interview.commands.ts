import type { EntityManager } from '@mikro-orm/postgresql';
import type { Actor } from '../auth/context.js';
import { isInScope } from '../auth/office-scope.js';
import { Case } from '../entities/case.entity.js';
import { Interview } from '../entities/interview.entity.js';
import { InterviewDocument } from '../entities/interview-document.entity.js';
import type { Party } from '../entities/party.entity.js';
import {
  documentDefinition,
  loadTemplate,
  renderCaseDocument,
} from '../documents/document-registry.js';
import { isDocumentError } from '../documents/document-errors.js';
import { NO_SECTIONS, type CaseDocumentSource } from '../documents/kinds/case-document-source.js';
import { officeSourceOf } from './documents/build-document-source.js';
import { storedRendering } from './documents/generate-case-document.js';
import { recordTemplateVersion } from './documents/template-store.js';
import { Office } from '../entities/office.entity.js';
import { InterviewEvent } from '../entities/interview-event.entity.js';
import {
  ConflictError,
  DomainError,
  NotFoundError,
  ProcedureViolationError,
  ValidationError,
} from '../errors/domain-error.js';
import { canonicalJson, GENESIS_HASH, sha256Hex } from '../audit/hash-chain.js';
import { collectInputErrors, reportInvalid } from '../errors/input-errors.js';
import {
  INTERVIEW_LEGAL_BASIS_CITATIONS,
  interviewViolations,
  RECORD_INTERVIEW_ACTION,
  type InterviewLegalBasis,
} from '../procedure/interview-basis.js';
import type { LocalDate } from '../procedure/local-date.js';
import { isOrganization } from '../procedure/party-kind.js';
import { findVisibleById } from './find-visible.js';
import { findVisibleParty } from './party.commands.js';
import { officersInScope } from './procedure/resolve-references.js';
import { certificateAmong } from './procedure/to-case-snapshot.js';
import { optionalText, requiredText } from './validate.js';

export interface InterviewFields {
  partyId: string;
  caseId?: string | null;
  interviewedOn: LocalDate;
  legalBasis: InterviewLegalBasis;
  interviewees: readonly { name: string; position: string }[];
  officerIds: readonly string[];
  matters: string;
  rectificationRequired: boolean;
  rectificationDueOn?: LocalDate | null;
  place: string;
  startTime: string;
  endTime: string;
  intervieweeStatement: string;
}

export interface InterviewFollowUpFields {
  followedUpOn: LocalDate;
  rectified: boolean;
  followUpNote?: string | null;
}

function notInFuture(field: string, date: LocalDate, today: LocalDate): void {
  if (date > today) {
    reportInvalid(ValidationError.field('ACT_DATE_IN_FUTURE', field), undefined);
  }
}

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

/** The input's own checks (no IO), every invalid field at once. */
function validInterviewFields(input: InterviewFields, today: LocalDate) {
  notInFuture('interviewedOn', input.interviewedOn, today);
  const interviewees = input.interviewees.map((person, i) => ({
    name: requiredText(`interviewees.${i}.name`, person.name, 100),
    position: requiredText(`interviewees.${i}.position`, person.position, 100),
  }));
  if (interviewees.length === 0) {
    reportInvalid(
      ValidationError.field('FIELD_REQUIRED', 'interviewees', 'interviewees 不能为空'),
      undefined,
    );
  }
  if (new Set(input.officerIds).size < 2) {
    reportInvalid(ValidationError.field('OFFICERS_FEWER_THAN_TWO', 'officerIds'), undefined);
  }
  const matters = requiredText('matters', input.matters, 5000);
  const place = requiredText('place', input.place, 500);
  for (const field of ['startTime', 'endTime'] as const) {
    if (!CLOCK.test(input[field])) {
      reportInvalid(
        ValidationError.field('INVALID_TIME', field, `${field} 应为 HH:MM，如 09:30`),
        undefined,
      );
    }
  }
  if (
    CLOCK.test(input.startTime) &&
    CLOCK.test(input.endTime) &&
    input.endTime <= input.startTime
  ) {
    reportInvalid(
      ValidationError.field('INVALID_TIME', 'endTime', 'endTime（结束时间）应晚于 startTime'),
      undefined,
    );
  }
  const intervieweeStatement = requiredText(
    'intervieweeStatement',
    input.intervieweeStatement,
    5000,
  );
  let rectificationDueOn: LocalDate | null = null;
  if (input.rectificationRequired) {
    if (!input.rectificationDueOn) {
      reportInvalid(
        ValidationError.field(
          'FIELD_REQUIRED',
          'rectificationDueOn',
          '要求整改时 rectificationDueOn（整改期限）不能为空',
        ),
        undefined,
      );
    } else if (input.rectificationDueOn <= input.interviewedOn) {
      reportInvalid(
        ValidationError.field('RECTIFICATION_DUE_NOT_AFTER_INTERVIEW', 'rectificationDueOn'),
        undefined,
      );
    } else {
      rectificationDueOn = input.rectificationDueOn;
    }
  }
  return { interviewees, matters, rectificationDueOn, place, intervieweeStatement };
}

/** The hash of an interview audit event: SHA-256 of the canonical JSON of everything else. */
export function interviewEventHash(event: InterviewEvent): string {
  return sha256Hex(canonicalJson(event.toChainContent()));
}

/**
 * Appends the next link of the office's interview chain (see InterviewEvent for why the chain is
 * the office's), in the caller's transaction. Appends in one office are serialized by a
 * transaction-scoped advisory lock on the office, so two interviews recorded at once both land
 * (the (office, sequence) key stays as the backstop).
 */
async function appendInterviewEvent(
  em: EntityManager,
  actor: Actor,
  interview: Interview,
  event: {
    action: string;
    actDate: LocalDate;
    occurredAt: Date;
    input: unknown;
    payload: Record<string, unknown>;
  },
): Promise<InterviewEvent> {
  const office = interview.office;
  await em
    .getConnection()
    .execute(
      `select pg_advisory_xact_lock(hashtext('interview_event:' || ?))`,
      [office.id],
      'all',
      em.getTransactionContext(),
    );
  const last = await em.findOne(
    InterviewEvent,
    { office },
    { orderBy: { sequence: 'desc' }, fields: ['sequence', 'hash'] },
  );
  const record = em.create(InterviewEvent, {
    office,
    officePath: interview.officePath,
    interview,
    caseId: interview.case?.id ?? null,
    sequence: (last?.sequence ?? 0) + 1,
    occurredAt: event.occurredAt,
    actDate: event.actDate,
    action: event.action,
    actorOfficerId: actor.officerId,
    actorName: actor.officer.name,
    inputDigest: sha256Hex(canonicalJson(event.input)),
    payload: event.payload,
    previousHash: last?.hash ?? GENESIS_HASH,
    hash: '',
  });
  record.hash = interviewEventHash(record);
  return record;
}

/** 约谈: recorded in the actor's office, for an organization party of its subtree. */
export async function recordInterview(
  em: EntityManager,
  actor: Actor,
  input: InterviewFields,
  today: LocalDate,
  occurredAt: Date,
): Promise<Interview> {
  const fields = collectInputErrors('input', () => validInterviewFields(input, today));
  const office = await em.findOneOrFail(Office, actor.officeId);
  const violations = interviewViolations({
    legalBasis: input.legalBasis,
    officeLevel: office.level,
    interviewedOn: input.interviewedOn,
  });
  if (violations.length > 0) {
    throw ProcedureViolationError.fromViolations(RECORD_INTERVIEW_ACTION, violations);
  }
  const party = await findVisibleParty(em, actor, input.partyId);
  if (!isOrganization(party.kind)) {
    throw ValidationError.field('INTERVIEW_PARTY_NOT_ORGANIZATION', 'partyId').at('input.partyId');
  }
  let linkedCase: Case | null = null;
  if (input.caseId) {
    linkedCase = await findVisibleById(
      em,
      Case,
      input.caseId,
      (missing) => NotFoundError.of('CASE', missing),
      (c) => isInScope(actor, c.officePath),
    );
    await em.populate(linkedCase, ['parties']);
    if (!linkedCase.parties.getItems().some((p) => p.id === party.id)) {
      throw ValidationError.field('CASE_OF_ANOTHER_PARTY', 'caseId').at('input.caseId');
    }
  }
  const officers = await officersInScope(em, actor, input.officerIds);
  const acting = officers.map((officer) => {
    const certificate = certificateAmong(officer.certificates.getItems(), input.interviewedOn);
    const valid =
      certificate &&
      certificate.validFrom <= input.interviewedOn &&
      input.interviewedOn <= certificate.validTo &&
      !(certificate.revokedOn && certificate.revokedOn <= input.interviewedOn);
    if (!valid) {
      throw ValidationError.field('OFFICER_CERTIFICATE_NOT_VALID', 'officerIds', undefined, {
        name: officer.name,
        date: input.interviewedOn,
      }).at('input.officerIds');
    }
    return { officerId: officer.id, name: officer.name, certificateNumber: certificate.number };
  });
  const interview = em.create(Interview, {
    office,
    officePath: actor.officePath,
    party,
    case: linkedCase,
    interviewedOn: input.interviewedOn,
    legalBasis: input.legalBasis,
    interviewees: fields.interviewees,
    officers: acting,
    matters: fields.matters,
    rectificationRequired: input.rectificationRequired,
    rectificationDueOn: fields.rectificationDueOn,
    place: fields.place,
    startTime: input.startTime,
    endTime: input.endTime,
    intervieweeStatement: fields.intervieweeStatement,
  });
  const record = await generateInterviewRecord(em, actor, interview, office, party, linkedCase);
  await appendInterviewEvent(em, actor, interview, {
    action: RECORD_INTERVIEW_ACTION,
    actDate: interview.interviewedOn,
    occurredAt,
    input,
    payload: {
      partyId: party.id,
      partyName: party.name,
      legalBasis: interview.legalBasis,
      legalBasisCitation: INTERVIEW_LEGAL_BASIS_CITATIONS[interview.legalBasis],
      officeLevel: office.level,
      interviewees: interview.interviewees,
      officers: interview.officers,
      matters: interview.matters,
      rectificationRequired: interview.rectificationRequired,
      rectificationDueOn: interview.rectificationDueOn ?? null,
      // The document's digest joins the chain, as a case step's documents do.
      documents: [{ id: record.id, kind: record.kind, sha256: record.sha256 }],
    },
  });
  return interview;
}

/**
 * 约谈笔录: rendered strictly from the interview as recorded and stored with its SHA-256 (no
 * number: a 笔录 carries none). Only office, document and the interview section are read by the
 * kind, so the case-bound parts of the source are left empty, not invented.
 */
async function generateInterviewRecord(
  em: EntityManager,
  actor: Actor,
  interview: Interview,
  office: Office,
  party: Party,
  linkedCase: Case | null,
): Promise<InterviewDocument> {
  const kind = 'INTERVIEW_RECORD';
  const definition = documentDefinition(kind);
  const source: CaseDocumentSource = {
    office: officeSourceOf(office),
    document: { number: null, issuedOn: interview.interviewedOn, copies: 2 },
    interviewRecord: {
      date: interview.interviewedOn,
      startTime: interview.startTime!,
      endTime: interview.endTime!,
      place: interview.place!,
      legalBasisCitation: INTERVIEW_LEGAL_BASIS_CITATIONS[interview.legalBasis],
      officers: interview.officers.map((o) => ({
        name: o.name,
        certificateNumber: o.certificateNumber,
      })),
      party: { name: party.name, idNumber: party.idNumber, address: party.address },
      interviewees: interview.interviewees,
      matters: interview.matters,
      rectificationDueOn: interview.rectificationDueOn ?? null,
      intervieweeStatement: interview.intervieweeStatement!,
      caseNumber: linkedCase?.number ?? null,
    },
    ...NO_CASE,
  };
  const templateSource = loadTemplate(kind);
  let rendered;
  try {
    rendered = await renderCaseDocument(kind, source, templateSource);
  } catch (error) {
    if (isDocumentError(error)) {
      throw new DomainError(
        'DOCUMENT_INCOMPLETE',
        'BAD_USER_INPUT',
        `无法生成《${definition.title}》：${error.message}`,
        { kind, documentError: error.code, ...(error.details as object) },
      );
    }
    throw error;
  }
  await recordTemplateVersion(em, {
    sha256: rendered.templateSha256,
    name: definition.templateFile,
    version: definition.version,
    text: templateSource,
  });
  return em.create(InterviewDocument, {
    interview,
    officePath: interview.officePath,
    kind,
    version: 1,
    ...storedRendering(definition, rendered, actor.officerId),
  });
}

/** The case-bound parts of a document source, empty: an interview's documents read none of them. */
const NO_CASE: Omit<CaseDocumentSource, 'office' | 'document' | 'interviewRecord'> = {
  case: {
    number: '',
    cause: '',
    violationSummary: '',
    facts: [],
    registeredOn: '' as LocalDate,
    docketedOn: null,
  },
  parties: [],
  handlers: [],
  evidence: [],
  ...NO_SECTIONS,
};

export function findVisibleInterview(
  em: EntityManager,
  actor: Actor,
  id: string,
): Promise<Interview> {
  return findVisibleById(
    em,
    Interview,
    id,
    (missing) => NotFoundError.of('INTERVIEW', missing),
    (interview) => isInScope(actor, interview.officePath),
  );
}

export const RECORD_INTERVIEW_FOLLOW_UP_ACTION = 'recordInterviewFollowUp';

/** 跟踪复查: once per interview, on or after the interview date and not in the future. */
export async function recordInterviewFollowUp(
  em: EntityManager,
  actor: Actor,
  interviewId: string,
  input: InterviewFollowUpFields,
  today: LocalDate,
  occurredAt: Date,
): Promise<Interview> {
  const interview = await findVisibleInterview(em, actor, interviewId);
  if (interview.followedUpOn) {
    throw ConflictError.duplicate('INTERVIEW_ALREADY_FOLLOWED_UP', undefined, {
      followedUpOn: interview.followedUpOn,
    });
  }
  const note = collectInputErrors('input', () => {
    notInFuture('followedUpOn', input.followedUpOn, today);
    if (input.followedUpOn < interview.interviewedOn) {
      reportInvalid(ValidationError.field('FOLLOW_UP_BEFORE_INTERVIEW', 'followedUpOn'), undefined);
    }
    return optionalText('followUpNote', input.followUpNote, 5000);
  });
  interview.followedUpOn = input.followedUpOn;
  interview.rectified = input.rectified;
  interview.followUpNote = note;
  await appendInterviewEvent(em, actor, interview, {
    action: RECORD_INTERVIEW_FOLLOW_UP_ACTION,
    actDate: input.followedUpOn,
    occurredAt,
    input: { interviewId, ...input },
    payload: {
      followedUpOn: input.followedUpOn,
      rectified: input.rectified,
      followUpNote: note,
      rectificationDueOn: interview.rectificationDueOn ?? null,
    },
  });
  return interview;
}
