import mammoth from 'mammoth';
import { expect } from 'vitest';
import { DOCUMENT_REGISTRY } from '../../src/documents/document-registry.js';
import { CaseDocument } from '../../src/entities/case-document.entity.js';
import type { DocumentKind } from '../../src/procedure/effects.js';
import type { GraphQLResult, TestApp } from './test-app.js';

/** Procedural mutations through the GraphQL API, for the procedure integration tests. */

export interface StepResult {
  dryRun: boolean;
  fromStatus: string;
  toStatus: string;
  case: {
    id: string;
    status: string;
    version: number;
    statements: { id: string; receivedOn: string; reviewedOn: string | null }[];
    recusals: { id: string; targetOfficerId: string; decision: string | null }[];
    preservations: { id: string; handledOn: string | null }[];
    compulsoryMeasures: {
      id: string;
      endsOn: string;
      extended: boolean;
      releasedOn: string | null;
    }[];
  } | null;
  event: { sequence: number; action: string } | null;
  deadlines: { kind: string; triggerDate: string; dueDate: string; stoppedOn: string | null }[];
}

export interface Violation {
  code: string;
  message: string;
  legalBasis: { citation: string }[];
  details: Record<string, unknown>;
}

const RESULT_FIELDS = `
  dryRun fromStatus toStatus
  case {
    id status version
    statements { id receivedOn reviewedOn }
    recusals { id targetOfficerId decision }
    preservations { id handledOn }
    compulsoryMeasures { id endsOn extended releasedOn }
  }
  event { sequence action }
  deadlines { kind triggerDate dueDate stoppedOn }
`;

function inputTypeOf(mutation: string): string {
  return `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
}

/** Runs `mutation(caseId, expectedVersion, input, dryRun, lateEntryReason)` as the officer with `certificate`. */
export function runStep(
  app: TestApp,
  mutation: string,
  args: {
    caseId: string;
    expectedVersion: number;
    input: Record<string, unknown>;
    dryRun?: boolean;
    lateEntryReason?: string;
  },
  certificate: string,
): Promise<GraphQLResult<Record<string, StepResult>>> {
  const query = `mutation($caseId: ID!, $expectedVersion: Int!, $input: ${inputTypeOf(mutation)}!, $dryRun: Boolean, $lateEntryReason: String) {
    ${mutation}(caseId: $caseId, expectedVersion: $expectedVersion, input: $input, dryRun: $dryRun, lateEntryReason: $lateEntryReason) { ${RESULT_FIELDS} }
  }`;
  return app.run(query, args, certificate);
}

/** A step that must succeed; returns its result. */
export async function okStep(
  app: TestApp,
  mutation: string,
  args: {
    caseId: string;
    expectedVersion: number;
    input: Record<string, unknown>;
    dryRun?: boolean;
    lateEntryReason?: string;
  },
  certificate: string,
): Promise<StepResult> {
  const result = await runStep(app, mutation, args, certificate);
  expect(result.errors, `${mutation}: ${JSON.stringify(result.errors, null, 1)}`).toBeUndefined();
  return result.data![mutation]!;
}

/** The violations of a refused step (PROCEDURE_VIOLATION). */
export function violationsOf(result: GraphQLResult): Violation[] {
  expect(result.errors, 'the step should have been refused').toBeDefined();
  expect(result.errors![0]!.extensions!.code, JSON.stringify(result.errors)).toBe(
    'PROCEDURE_VIOLATION',
  );
  return result.errors![0]!.extensions!.violations as Violation[];
}

export function citationsOf(violations: readonly Violation[], code: string): string[] {
  const found = violations.find((v) => v.code === code);
  expect(found, `violation ${code} in ${violations.map((v) => v.code).join(', ')}`).toBeDefined();
  return found!.legalBasis.map((b) => b.citation);
}

const REGISTER = `mutation($input: RegisterCaseSourceInput!) {
  registerCaseSource(input: $input) { case { id version } }
}`;

/** A registered clue (version 1). */
export async function registerCase(
  app: TestApp,
  options: {
    receivedOn: string;
    partyKey: string;
    certificate: string;
    committedOn?: string;
    /** Further parties of the same case (several parties, each on their own). */
    otherPartyKeys?: readonly string[];
  },
): Promise<string> {
  app.setToday(options.receivedOn);
  const result = await app.run<{ registerCaseSource: { case: { id: string } } }>(
    REGISTER,
    {
      input: {
        sourceType: 'COMPLAINT_OR_REPORT',
        namedComplainant: true,
        receivedOn: options.receivedOn,
        title: '违法处理个人信息案',
        summary: '用户投诉某App未经同意收集通讯录信息。',
        partyIds: [options.partyKey, ...(options.otherPartyKeys ?? [])].map(
          (key) => app.demo.parties[key]!.id,
        ),
        violation: {
          committedOn: options.committedOn ?? '2025-08-01',
          harmsLifeHealthOrFinancialSecurity: false,
        },
      },
    },
    options.certificate,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.registerCaseSource.case.id;
}

export function officerId(app: TestApp, certificate: string): string {
  return app.demo.officers[certificate]!.id;
}

/**
 * A case of `prefix`'s office registered and docketed (handlers <prefix>0002 and 0003), then
 * with evidence taken from the party by `collectors` (default the two handlers). Version 3.
 */
export async function investigatingCase(
  app: TestApp,
  options: {
    prefix: string;
    partyKey: string;
    otherPartyKeys?: readonly string[];
    committedOn?: string;
    collectors?: string[];
    registeredOn?: string;
    docketedOn?: string;
    collectedOn?: string;
  },
): Promise<string> {
  const p = options.prefix;
  const caseId = await registerCase(app, {
    receivedOn: options.registeredOn ?? '2025-09-01',
    partyKey: options.partyKey,
    certificate: `${p}0002`,
    ...(options.otherPartyKeys ? { otherPartyKeys: options.otherPartyKeys } : {}),
    ...(options.committedOn ? { committedOn: options.committedOn } : {}),
  });
  app.setToday(options.docketedOn ?? '2025-09-03');
  await okStep(
    app,
    'decideDocketing',
    {
      caseId,
      expectedVersion: 1,
      input: {
        docket: true,
        handlerIds: [officerId(app, `${p}0002`), officerId(app, `${p}0003`)],
        jurisdictionBasis: 'TERRITORIAL',
        jurisdictionExplanation: '违法行为发生地在本行政区域',
      },
    },
    `${p}0001`,
  );
  const collectedOn = options.collectedOn ?? '2025-09-10';
  app.setToday(collectedOn);
  await okStep(
    app,
    'recordEvidence',
    {
      caseId,
      expectedVersion: 2,
      input: evidenceInput(app, {
        collectedOn,
        collectors: options.collectors ?? [`${p}0002`, `${p}0003`],
        fromParty: true,
        recusalRightNotified: true,
      }),
    },
    `${p}0002`,
  );
  return caseId;
}

export function evidenceInput(
  app: TestApp,
  options: {
    collectedOn: string;
    collectors: string[];
    fromParty: boolean;
    recusalRightNotified: boolean;
    kind?: string;
  },
): Record<string, unknown> {
  return {
    evidenceKind: options.kind ?? 'ELECTRONIC_DATA',
    collectedOn: options.collectedOn,
    collectorIds: options.collectors.map((c) => officerId(app, c)),
    certificatesShown: true,
    fromParty: options.fromParty,
    recusalRightNotified: options.recusalRightNotified,
    title: 'App 隐私政策及通讯录读取日志',
    description: '证明该 App 在用户未同意时读取通讯录',
    source: '当事人提供的服务器日志',
    place: '当事人办公场所',
    files: [{ name: 'contacts-access.log', sha256: 'a'.repeat(64), sizeBytes: 20480 }],
  };
}

/** Evidence collected by the case's two handlers (`<prefix>0002`, `<prefix>0003`), not from the party. */
export function handlersEvidenceInput(
  app: TestApp,
  collectedOn: string,
  prefix = 'HD',
): Record<string, unknown> {
  return evidenceInput(app, {
    collectedOn,
    collectors: [`${prefix}0002`, `${prefix}0003`],
    fromParty: false,
    recusalRightNotified: false,
  });
}

/** A case's version, the verification of its audit chain and its events (AuditedCase). */
export const CASE_AUDIT_QUERY = `query($id: ID!) {
  case(id: $id) { version auditChain { intact checkedEvents reason } events { sequence action } }
}`;

export interface AuditedCase {
  case: {
    version: number;
    auditChain: { intact: boolean; checkedEvents: number; reason: string | null };
    events: { sequence: number; action: string }[];
  };
}

/** The input of a pre-penalty notice approved by `<prefix>0001` the day before it is served. */
export function noticeInput(
  app: TestApp,
  options: {
    prefix: string;
    servedOn: string;
    approvedOn: string;
    penalties: Record<string, unknown>[];
    extra?: Record<string, unknown>;
  },
): Record<string, unknown> {
  return {
    servedOn: options.servedOn,
    proposedPenalties: options.penalties,
    approval: {
      approvedById: officerId(app, `${options.prefix}0001`),
      approvedOn: options.approvedOn,
      written: true,
    },
    illegalGainsYuan: '0',
    content: NOTICE_CONTENT,
    ...options.extra,
  };
}

/** What the officer writes into the notice: facts, reasons and the article breached. */
export const NOTICE_CONTENT = {
  facts: ['经查，当事人运营的App在未取得用户单独同意的情况下，向第三方提供用户通讯录信息。'],
  reasons: ['当事人的行为违反了个人信息处理应当取得个人同意的规定，且经责令改正拒不改正。'],
  violatedProvisions: [{ law: '中华人民共和国个人信息保护法', article: 13, paragraph: 1 }],
  correction: '立即停止违法处理个人信息的行为。',
};

/** What the officer writes into a decision letter. */
export const DECISION_CONTENT = {
  facts: NOTICE_CONTENT.facts,
  reasons: ['当事人拒不改正违法处理个人信息的行为，依法应予处罚。'],
  violatedProvisions: NOTICE_CONTENT.violatedProvisions,
  correction: NOTICE_CONTENT.correction,
  statementSummary: '当事人称已开始整改。',
  statementReview: '经复核，当事人整改尚未完成，陈述理由不足以免除处罚。',
  statementAdoption: 'NOT_ADOPTED',
};

/** The hearing notice's arrangements: time, place and the recorder (`<prefix>0004` unless given). */
export function hearingArrangement(
  app: TestApp,
  place: string,
  recorder = 'BJ0004',
): Record<string, unknown> {
  return { startTime: '09:30', place, recorderId: officerId(app, recorder) };
}

/** A warning and a 50,000-yuan fine under PIPL art. 66(1), refusal tier. */
/**
 * A warning and a fine of 50,000 yuan under DSL art. 45(1), base tier (给予警告，可以并处五万元以上
 * 五十万元以下罚款): no correction order is needed first, unlike the 拒不改正 tier of PIPL art. 66(1)
 * (APL art. 28(1), legal.md E2), which test/integration/correction.test.ts walks.
 */
export const FINE_50K = [
  { kind: 'WARNING', provisionId: 'DSL-45-1' },
  { kind: 'FINE', amountYuan: '50000', provisionId: 'DSL-45-1' },
];

/** A step that must be refused, every violation citing its law, and the database left unchanged. */
export async function refusedStep(
  app: TestApp,
  mutation: string,
  args: {
    caseId: string;
    expectedVersion: number;
    input: Record<string, unknown>;
    lateEntryReason?: string;
  },
  certificate: string,
): Promise<Violation[]> {
  const before = await app.tableCounts();
  const result = await runStep(app, mutation, args, certificate);
  const violations = violationsOf(result);
  expect(violations.every((v) => v.legalBasis.length > 0)).toBe(true);
  expect(await app.tableCounts()).toEqual(before);
  return violations;
}

export const codesOf = (violations: readonly { code: string }[]) => violations.map((v) => v.code);

/** The deadline of one kind a step started, extended or stopped. */
export function deadlineOf(result: StepResult, kind: string) {
  return result.deadlines.find((d) => d.kind === kind);
}

export interface PendingDocumentView {
  kind: string;
  title: string;
  dueBy: string;
  dueSince: string;
  required: boolean;
}

/** The case's pending documents (待制作文书), in the order of the steps that made them due. */
export async function pendingDocumentsOf(
  app: TestApp,
  caseId: string,
  certificate: string,
): Promise<PendingDocumentView[]> {
  const result = await app.run<{ case: { pendingDocuments: PendingDocumentView[] } }>(
    `query($id: ID!) { case(id: $id) { pendingDocuments { kind title dueBy dueSince required } } }`,
    { id: caseId },
    certificate,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case.pendingDocuments;
}

/**
 * What the officer writes into a document of `kind` made with generateDocument: the sections of
 * the kind's sample (the case, parties, handlers and evidence come from the database).
 */
export function sampleSections(kind: string): Record<string, unknown> {
  const definition = DOCUMENT_REGISTRY.get(kind as DocumentKind);
  expect(definition, `a template for ${kind}`).toBeDefined();
  const {
    office: _office,
    case: _case,
    parties: _parties,
    handlers: _handlers,
    evidence: _evidence,
    document: _document,
    ...sections
  } = definition!.sampleInput;
  return sections;
}

/**
 * Generates every required pending document of the case with generateDocument (as `certificate`,
 * today as set), so closeCase can go ahead; returns the kinds generated. No version change.
 */
export async function generatePendingDocuments(
  app: TestApp,
  caseId: string,
  certificate: string,
): Promise<string[]> {
  const pending = await pendingDocumentsOf(app, caseId, certificate);
  const generated: string[] = [];
  for (const document of pending.filter((p) => p.required)) {
    const result = await app.run(
      `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) {
        generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id kind }
      }`,
      { caseId, kind: document.kind, sections: sampleSections(document.kind) },
      certificate,
    );
    expect(result.errors, `${document.kind}: ${JSON.stringify(result.errors)}`).toBeUndefined();
    generated.push(document.kind);
  }
  return generated;
}

/**
 * The Beijing demo party's case with its pre-penalty notice (a 50,000-yuan fine) issued and served
 * by handler BJ0002 on Friday 2025-09-26: the start of every statement, hearing and decision walk.
 */
export async function noticeServedCase(
  app: TestApp,
  penalties: readonly Record<string, unknown>[] = FINE_50K,
): Promise<string> {
  const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
  app.setToday('2025-09-26');
  await okStep(
    app,
    'issuePrePenaltyNotice',
    {
      caseId,
      expectedVersion: 3,
      input: noticeInput(app, {
        prefix: 'BJ',
        servedOn: '2025-09-26',
        approvedOn: '2025-09-25',
        penalties: [...penalties],
      }),
    },
    'BJ0002',
  );
  return caseId;
}

/** Every field of Deadline.explanation (a typed object since it stopped being raw JSON). */
export const EXPLANATION_FIELDS = `explanation {
  trigger { event date } startRule firstCountedDay period { length unit } rule citations
  dayType dayTypeReason daysCounted countedDates
  skippedDays { date reason holidayName pauseReason description }
  pauses { from to reason daysExcluded }
  rollover { from to reason skippedDays { date reason holidayName pauseReason description } }
  calendarSources { year status notices { title documentNumber issuedOn covers } extractedFrom }
  provisional provisionalYears lines
}`;

/** Ids of the evidence recorded in the case, in collection order. */
export async function evidenceIdsOf(app: TestApp, caseId: string, as: string): Promise<string[]> {
  const result = await app.run<{ case: { evidence: { id: string }[] } }>(
    `query($id: ID!) { case(id: $id) { evidence { id } } }`,
    { id: caseId },
    as,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case.evidence.map((e) => e.id);
}

/** An audio-visual record (全程音像记录) by `recorder`, over the given instants. */
export function audioVisualRecordInput(
  app: TestApp,
  recorder: string,
  from: string,
  to: string,
): Record<string, unknown> {
  return {
    sha256: 'e'.repeat(64),
    sizeBytes: 734_003_200,
    mediaType: 'video/mp4',
    recorderId: officerId(app, recorder),
    recordedFrom: from,
    recordedTo: to,
    custodian: '案件管理处 证据管理员',
    custodyLocation: '执法记录仪数据存储服务器（原始文件）',
  };
}

/** Compulsion Law art. 18 items (4)-(8) done with the party present, as imposeCompulsoryMeasure's onSite. */
export function onSiteFactsInput(patch: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    partyNotified: true,
    partyPresent: true,
    informedOfReasonsAndRemedies: true,
    statementsHeard: true,
    transcriptMade: true,
    officersSigned: true,
    partySigned: true,
    partyRefusalNoted: false,
    witness: null,
    witnessSigned: false,
    ...patch,
  };
}

/** Compulsion Law art. 26: kept by the office, at its own cost, as imposeCompulsoryMeasure's custody. */
export function custodyInput(): Record<string, unknown> {
  return { place: '本机关涉案财物保管室（3号柜）', custodian: '案件管理处 王五' };
}

/** The text of a stored document, its .docx read back (mammoth), by the document's id. */
export async function storedDocumentText(app: TestApp, id: string): Promise<string> {
  const row = await app.orm.em.fork().findOneOrFail(CaseDocument, id, { populate: ['content'] });
  return (await mammoth.extractRawText({ buffer: Buffer.from(row.content) })).value;
}

/** The text of the newest version of a kind of document of a case; fails when there is none. */
export async function latestDocumentText(
  app: TestApp,
  caseId: string,
  kind: DocumentKind,
): Promise<string> {
  const [latest] = await app.orm.em
    .fork()
    .find(
      CaseDocument,
      { case: caseId, kind },
      { populate: ['content'], orderBy: { version: 'desc', createdAt: 'desc' } },
    );
  expect(latest, `a ${kind} of the case`).toBeDefined();
  return (await mammoth.extractRawText({ buffer: Buffer.from(latest!.content) })).value;
}

/**
 * The legal review (APL art. 58) submitted by the handler BJ0002 on `submittedOn` at
 * `expectedVersion` and passed by the reviewer BJ0004 on `completedOn` (the case moves two versions).
 */
export async function passLegalReview(
  app: TestApp,
  caseId: string,
  expectedVersion: number,
  submittedOn: string,
  completedOn: string,
): Promise<void> {
  app.setToday(submittedOn);
  await okStep(
    app,
    'submitLegalReview',
    { caseId, expectedVersion, input: { submittedOn } },
    'BJ0002',
  );
  app.setToday(completedOn);
  await okStep(
    app,
    'completeLegalReview',
    {
      caseId,
      expectedVersion: expectedVersion + 1,
      input: {
        completedOn,
        result: 'PASSED',
        opinion: '事实清楚，证据确凿，程序合法，适用依据正确',
      },
    },
    'BJ0004',
  );
}

/**
 * Both rights (statement and defence, hearing) waived in writing by the party (APL art. 62), on
 * Mon 2025-09-29 at version 4 unless told otherwise: the day is set, the case moves one version.
 */
export async function waiveBothRights(
  app: TestApp,
  caseId: string,
  { on = '2025-09-29', expectedVersion = 4 }: { on?: string; expectedVersion?: number } = {},
): Promise<void> {
  app.setToday(on);
  await okStep(
    app,
    'waiveRights',
    {
      caseId,
      expectedVersion,
      input: {
        rights: ['STATEMENT_AND_DEFENCE', 'HEARING'],
        waivedOn: on,
        signedByParty: true,
      },
    },
    'BJ0002',
  );
}

/**
 * A Beijing case (北京星河数据科技有限公司) decided on Tue 2025-09-30 after both rights were waived
 * on Mon 09-29 (v6), and the decision letter served in person the same day (v7, DECISION_SERVED).
 */
export async function servedDecisionCase(
  app: TestApp,
  penalties: readonly Record<string, unknown>[] = FINE_50K,
): Promise<{ caseId: string; version: number }> {
  const caseId = await noticeServedCase(app, penalties);
  await waiveBothRights(app, caseId);
  app.setToday('2025-09-30');
  await okStep(
    app,
    'decideCase',
    {
      caseId,
      expectedVersion: 5,
      input: {
        outcome: 'PENALTY',
        penalties,
        reasons: '依法处罚',
        illegalGainsYuan: '0',
        content: DECISION_CONTENT,
      },
    },
    'BJ0001',
  );
  const documents = await app.run<{ case: { documents: { id: string; kind: string }[] } }>(
    `query($id: ID!) { case(id: $id) { documents { id kind } } }`,
    { id: caseId },
    'BJ0001',
  );
  const letter = documents.data!.case.documents.find((d) => d.kind === 'PENALTY_DECISION')!;
  const served = await okStep(
    app,
    'serveDocument',
    {
      caseId,
      expectedVersion: 6,
      input: {
        documentIds: [letter.id],
        method: 'DIRECT',
        servedOn: '2025-09-30',
        serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
        facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2025-09-30' },
      },
    },
    'BJ0002',
  );
  expect(served.toStatus).toBe('DECISION_SERVED');
  return { caseId, version: 7 };
}
