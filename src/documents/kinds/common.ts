/**
 * View-model pieces shared by the document kinds: office, party block, handlers, evidence,
 * penalties, remedies. Builders are pure: they copy and label, they never invent content.
 * A value the source lacks stays empty so that the engine names its path (TEMPLATE_FIELD_MISSING);
 * a whole section that is null is refused here, naming the section.
 */
import { normalizeCaseCause } from '../helpers/case-cause.js';
import type { DocumentKind } from '../../procedure/effects.js';
import { EVIDENCE_KIND_NAMES } from '../../procedure/evidence-kind.js';
import { LAW, type LegalBasis } from '../../procedure/legal-basis.js';
import { localDate } from '../../procedure/local-date.js';
import { isOrganization, type PartyKind } from '../../procedure/party-kind.js';
import { PENALTY_KIND_NAMES, type PenaltyKind } from '../../procedure/penalty-kind.js';
import { DocumentError } from '../document-errors.js';
import { parseAmountToFen } from '../helpers/money.js';
import type {
  CaseDocumentSource,
  DiscretionSource,
  EvidenceSource,
  FindingsSource,
  HandlerSource,
  OfficeSource,
  PartyIdType,
  PartySource,
  PenaltySource,
  PropertyItemSource,
  RemediesSource,
  Yuan,
} from './case-document-source.js';

/** DOCUMENT_MANDATORY_ELEMENTS_MISSING naming a path of the case source. */
export function missingInSource(kind: DocumentKind, path: string): DocumentError {
  return new DocumentError(
    'DOCUMENT_MANDATORY_ELEMENTS_MISSING',
    { templateName: kind, missing: [{ kind: 'MANDATORY_PATH', path }] },
    `${kind} needs ${path}, which the case source does not provide`,
  );
}

/** Refuses a document whose source lacks a whole section, naming the source path. */
export function requireSection<T>(
  kind: DocumentKind,
  value: T | null | undefined,
  path: string,
): T {
  if (value === null || value === undefined) {
    throw missingInSource(kind, path);
  }
  return value;
}

export interface OfficeView {
  readonly name: string;
  readonly shortName: string;
  readonly address: string | null;
  readonly postalCode: string | null;
  readonly contactPerson: string | null;
  readonly contactPhone: string | null;
}

export function officeView(office: OfficeSource): OfficeView {
  return {
    name: office.name,
    shortName: office.shortName,
    address: office.address,
    postalCode: office.postalCode,
    contactPerson: office.contact?.person ?? null,
    contactPhone: office.contact?.phone ?? null,
  };
}

const ID_LABELS: Record<PartyIdType, string> = {
  RESIDENT_ID_CARD: '公民身份号码',
  UNIFIED_SOCIAL_CREDIT_CODE: '统一社会信用代码',
  PASSPORT: '护照号码',
  OTHER: '证件号码',
};

export interface PartyView {
  readonly kind: PartyKind;
  readonly isOrganization: boolean;
  readonly name: string;
  /** 统一社会信用代码 / 公民身份号码 / 护照号码 / 证件号码 */
  readonly idLabel: string;
  readonly idNumber: string;
  /** 住所 (organisations) / 住址 (natural persons) */
  readonly addressLabel: string;
  readonly address: string;
  /** 法定代表人 (法人) / 负责人 (其他组织) */
  readonly representativeLabel: string;
  readonly legalRepresentative: string | null;
  readonly phone: string | null;
  /** How the body addresses the party: 你单位 / 你. */
  readonly you: string;
}

export function partyView(party: PartySource): PartyView {
  const organization = isOrganization(party.kind);
  return {
    kind: party.kind,
    isOrganization: organization,
    name: party.name,
    idLabel: ID_LABELS[party.idType],
    idNumber: party.idNumber,
    addressLabel: organization ? '住所' : '住址',
    address: party.address,
    representativeLabel: party.kind === 'LEGAL_PERSON' ? '法定代表人' : '负责人',
    legalRepresentative: organization ? party.legalRepresentative : null,
    phone: party.contact?.phone ?? null,
    you: organization ? '你单位' : '你',
  };
}

/** The addressee: parties[0]. */
export function addressee(kind: DocumentKind, source: CaseDocumentSource): PartyView {
  return partyView(requireSection(kind, source.parties[0] ?? null, 'parties[0]'));
}

export interface HandlerView {
  readonly name: string;
  readonly certificateNumber: string;
}

export function handlerViews(handlers: readonly HandlerSource[]): HandlerView[] {
  return handlers.map((h) => ({ name: h.name, certificateNumber: h.certificateNumber }));
}

/** 王某（执法证号：11010001）、李某（执法证号：11010002） */
export function handlersLine(handlers: readonly HandlerSource[]): string {
  return handlers.map((h) => `${h.name}（执法证号：${h.certificateNumber}）`).join('、');
}

export interface EvidenceView {
  readonly kindName: string;
  readonly title: string;
  readonly description: string;
  readonly source: string;
  readonly collectedOn: string;
}

export function evidenceViews(evidence: readonly EvidenceSource[]): EvidenceView[] {
  return evidence.map((e) => ({
    kindName: EVIDENCE_KIND_NAMES[e.kind],
    title: e.title,
    description: e.description,
    source: e.source,
    collectedOn: e.collectedOn,
  }));
}

export interface PenaltyView {
  readonly kind: PenaltyKind;
  /** 警告 / 罚款 / 没收违法所得 … */
  readonly kindName: string;
  readonly amountYuan: Yuan | null;
  readonly content: string | null;
  readonly basis: readonly LegalBasis[];
  readonly provisionText: string | null;
}

export function penaltyViews(penalties: readonly PenaltySource[]): PenaltyView[] {
  return penalties.map((p) => ({
    kind: p.kind,
    kindName: PENALTY_KIND_NAMES[p.kind],
    amountYuan: p.amountYuan,
    content: p.content,
    basis: p.basis,
    provisionText: p.provisionText,
  }));
}

/** The findings as the pre-penalty notice and the penalty decision print them. */
export interface FindingsView {
  readonly facts: readonly string[];
  readonly reasons: readonly string[];
  readonly violatedProvisions: readonly LegalBasis[];
  readonly discretion: DiscretionSource | null;
  readonly penalties: readonly PenaltyView[];
  readonly penaltyBasis: readonly LegalBasis[];
  readonly correction: string | null;
}

export function findingsView(findings: FindingsSource): FindingsView {
  return {
    facts: findings.facts,
    reasons: findings.reasons,
    violatedProvisions: findings.violatedProvisions,
    discretion: findings.discretion,
    penalties: penaltyViews(findings.penalties),
    penaltyBasis: penaltyBasis(findings.penalties),
    correction: findings.correction,
  };
}

/** Every distinct provision a list of penalties is imposed under, in order. */
export function penaltyBasis(penalties: readonly PenaltySource[]): LegalBasis[] {
  const seen = new Set<string>();
  const out: LegalBasis[] = [];
  for (const basis of penalties.flatMap((p) => p.basis)) {
    const key = `${basis.law}|${basis.article}|${basis.paragraph ?? ''}|${basis.item ?? ''}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(basis);
    }
  }
  return out;
}

function sumYuan(amounts: readonly Yuan[]): string | null {
  if (amounts.length === 0) {
    return null;
  }
  const fen = amounts.reduce<number>((total, amount) => total + parseAmountToFen(amount), 0);
  return `${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

const MONEY_KINDS: readonly PenaltyKind[] = [
  'FINE',
  'CONFISCATION_OF_ILLEGAL_GAINS',
  'CONFISCATION_OF_ILLEGAL_PROPERTY',
];

/** Total of the fines (the APL art. 72 surcharge base), as a decimal string; null if none. */
export function fineTotal(penalties: readonly PenaltySource[]): string | null {
  return sumYuan(
    penalties.filter((p) => p.kind === 'FINE' && p.amountYuan !== null).map((p) => p.amountYuan!),
  );
}

/** Total money to pay (fines and confiscated gains with an amount); null if none. */
export function moneyTotal(penalties: readonly PenaltySource[]): string | null {
  return sumYuan(
    penalties
      .filter((p) => MONEY_KINDS.includes(p.kind) && p.amountYuan !== null)
      .map((p) => p.amountYuan!),
  );
}

export interface RemediesView {
  readonly reconsiderationOrgan: string;
  readonly reconsiderationDays: number;
  readonly litigationCourt: string;
  readonly litigationMonths: number;
  readonly onlineChannel: string | null;
}

export function remediesView(remedies: RemediesSource): RemediesView {
  return { ...remedies, onlineChannel: remedies.onlineChannel ?? null };
}

export interface PropertyItemView {
  readonly name: string;
  readonly specification: string;
  readonly quantity: string;
  readonly note: string;
}

export function propertyItemViews(items: readonly PropertyItemSource[]): PropertyItemView[] {
  return items.map((i) => ({
    name: i.name,
    specification: i.specification,
    quantity: i.quantity,
    note: i.note ?? '—',
  }));
}

/** '09:30' → '9时30分' (times in documents and transcripts). Other strings pass through unchanged. */
export function formatClock(value: string): string {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  return match ? `${Number(match[1])}时${match[2]}分` : value;
}

/** The header every external document shares. */
export interface DocumentHeaderView {
  readonly office: OfficeView;
  readonly documentNumber: string | null;
  readonly issuedOn: string;
  readonly copies: number;
  readonly caseNumber: string;
  readonly caseCause: string;
}

export function headerView(source: CaseDocumentSource): DocumentHeaderView {
  return {
    office: officeView(source.office),
    documentNumber: source.document.number,
    issuedOn: source.document.issuedOn,
    copies: source.document.copies,
    caseNumber: source.case.number,
    caseCause: normalizeCaseCause(source.case.cause),
  };
}

/** The parts of a model every kind starts from (office, this document, case, addressee, handlers). */
export interface BaseModel {
  readonly office: OfficeView;
  readonly document: {
    readonly number: string | null;
    readonly issuedOn: string;
    readonly copies: number;
  };
  readonly case: {
    readonly number: string;
    readonly cause: string;
    readonly violationSummary: string;
    readonly registeredOn: string;
    readonly docketedOn: string | null;
  };
  readonly party: PartyView;
  readonly handlers: readonly HandlerView[];
  /** 李某（执法证号：…）、赵某（执法证号：…） */
  readonly handlersLine: string;
}

export function baseModel(kind: DocumentKind, source: CaseDocumentSource): BaseModel {
  return {
    office: officeView(source.office),
    document: { ...source.document },
    case: {
      number: source.case.number,
      cause: normalizeCaseCause(source.case.cause),
      violationSummary: source.case.violationSummary,
      registeredOn: source.case.registeredOn,
      docketedOn: source.case.docketedOn,
    },
    party: addressee(kind, source),
    handlers: handlerViews(source.handlers),
    handlersLine: handlersLine(source.handlers),
  };
}

/**
 * The head of a letter to the party (告知书, 决定书): office, this document, the case reference
 * and the addressee; the letters' models add their own parts to it.
 */
export interface LetterHeadView {
  readonly office: OfficeView;
  readonly document: BaseModel['document'];
  readonly case: Pick<BaseModel['case'], 'number' | 'cause' | 'docketedOn'>;
  readonly party: PartyView;
}

export function letterHead(kind: DocumentKind, source: CaseDocumentSource): LetterHeadView {
  const { office, document, case: c, party } = baseModel(kind, source);
  return {
    office,
    document,
    case: { number: c.number, cause: c.cause, docketedOn: c.docketedOn },
    party,
  };
}

/** A sample input with this document's number and date. */
export function withDocument(
  source: CaseDocumentSource,
  number: string | null,
  issuedOn: string,
): CaseDocumentSource {
  return { ...source, document: { ...source.document, number, issuedOn: localDate(issuedOn) } };
}

// ── 查封 / 扣押 ─────────────────────────────────────────────────────────────────────────────

/**
 * The measure actually taken, as every seizure document names it: 查封 or 扣押 (Compulsion Law
 * art. 9(2), (3)), never the unresolved 「查封（扣押）」; 「查封、扣押」 (the law's own phrase) before
 * a measure is recorded.
 */
export function seizureMeasureName(measure: 'SEAL' | 'SEIZE' | null | undefined): string {
  switch (measure) {
    case 'SEAL':
      return '查封';
    case 'SEIZE':
      return '扣押';
    default:
      return '查封、扣押';
  }
}

/**
 * Whose approval the seizure decision recites. A 查封、扣押 under PIPL art. 63(4) needs a written
 * report to the department's principal head and their approval (PIPL art. 63); any other seizure
 * is approved by the office's head (Compulsion Law art. 18(1)).
 */
export function seizureApprovalPhrase(basis: readonly LegalBasis[]): string {
  const underPipl63Item4 = basis.some(
    (b) =>
      b.law === LAW.personalInformationProtection &&
      b.article === 63 &&
      (b.paragraph ?? 1) === 1 &&
      b.item === 4,
  );
  return underPipl63Item4 ? '经本机关主要负责人书面批准' : '经本机关负责人批准';
}
