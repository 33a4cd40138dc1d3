import { readFileSync } from 'node:fs';
import {
  buildSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  type GraphQLInputType,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Deadline } from '../../src/entities/deadline.entity.js';
import { PROCEDURE_ACTIONS, type ProcedureAction } from '../../src/procedure/procedure-action.js';
import { transitionOf } from '../../src/procedure/transitions.js';
import {
  DECISION_CONTENT,
  FINE_50K,
  evidenceInput,
  hearingArrangement,
  investigatingCase,
  noticeInput,
  officerId,
  okStep,
  registerCase,
  generatePendingDocuments,
  EXPLANATION_FIELDS,
} from '../support/procedure-steps.js';
import { createTestApp, type GraphQLResult, type TestApp } from '../support/test-app.js';

/**
 * availableActions, the dry run and the real call agree, for every action in every status this
 * file builds through the API (issue 8 §3): when availableActions refuses for reasons that do not
 * depend on the input, the dry run and the real call refuse with those codes; when it allows, a
 * valid input succeeds in both, and any refusal of another input is by an input rule it listed.
 * Dry run and real call always answer alike (same status, deadlines, codes).
 */

let app: TestApp;

let deputyHeadId: string;

beforeAll(async () => {
  app = await createTestApp();
  // A second head for the collective discussion (APL art. 57(2)).
  const created = await app.run<{ createOfficer: { id: string } }>(
    `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id } }`,
    { input: { officeId: app.demo.offices.beijing!.id, name: '韩副主任', roles: ['OFFICE_HEAD'] } },
    'BJ0006',
  );
  expect(created.errors, JSON.stringify(created.errors)).toBeUndefined();
  deputyHeadId = created.data!.createOfficer.id;
});

afterAll(async () => {
  await app?.close();
});

const REAL_TODAY = '2026-12-03';
const schema = buildSchema(readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8'));

const CERTIFICATE_OF_ROLE: Record<string, string> = {
  OFFICE_HEAD: 'BJ0001',
  CASE_HANDLER: 'BJ0002',
  LEGAL_REVIEWER: 'BJ0004',
  HEARING_OFFICER: 'BJ0005',
};

interface Built {
  caseId: string;
  version: number;
  today: string;
  /** Valid inputs of steps this status allows, beyond VALID_INPUTS (the next step of its path). */
  valid?: Partial<Record<ProcedureAction, Record<string, unknown>>>;
}

/**
 * The statuses walked, each built fresh through the API (a real call that succeeds changes it):
 * every stored status, CLOSED included (all refused). NEW is not walked: it is never stored, and
 * its one action, registerCaseSource, makes a new case.
 */
const BUILDERS: Record<string, () => Promise<Built>> = {
  'CASE_SOURCE_REGISTERED (2025)': async () => ({
    caseId: await registerCase(app, {
      receivedOn: '2025-09-01',
      partyKey: 'xinghe',
      certificate: 'BJ0002',
    }),
    version: 1,
    today: '2025-09-03',
  }),
  // Today: the docketing's 90 days and an on-the-spot penalty's 60 days run into 2027.
  'CASE_SOURCE_REGISTERED (today)': async () => ({
    caseId: await registerCase(app, {
      receivedOn: REAL_TODAY,
      partyKey: 'xinghe',
      certificate: 'BJ0002',
      committedOn: '2026-11-20',
    }),
    version: 1,
    today: REAL_TODAY,
  }),
  NOT_DOCKETED: async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2025-09-01',
      partyKey: 'xinghe',
      certificate: 'BJ0002',
    });
    app.setToday('2025-09-03');
    await okStep(
      app,
      'decideDocketing',
      { caseId, expectedVersion: 1, input: { docket: false, reason: '违法事实不存在' } },
      'BJ0001',
    );
    return { caseId, version: 2, today: '2025-09-04' };
  },
  SUMMARY_PENALTY_IMPOSED: async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2025-09-01',
      partyKey: 'zhangwei',
      certificate: 'BJ0002',
    });
    await okStep(
      app,
      'imposeSummaryPenalty',
      { caseId, expectedVersion: 1, input: summaryPenalty() },
      'BJ0002',
    );
    return { caseId, version: 2, today: '2025-09-05' };
  },
  INVESTIGATING: async () => ({
    caseId: await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' }),
    version: 3,
    today: '2025-09-26',
  }),
  PRE_PENALTY_NOTICE_SERVED: async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-26');
    await okStep(app, 'issuePrePenaltyNotice', noticeArgs(caseId), 'BJ0002');
    return { caseId, version: 4, today: '2025-09-29' };
  },
  DECIDED_PENALTY: async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-26');
    await okStep(app, 'issuePrePenaltyNotice', noticeArgs(caseId), 'BJ0002');
    app.setToday('2025-09-29');
    await okStep(app, 'waiveRights', { caseId, expectedVersion: 4, input: WAIVE }, 'BJ0002');
    app.setToday('2025-09-30');
    await okStep(
      app,
      'decideCase',
      { caseId, expectedVersion: 5, input: DECIDE },
      CERTIFICATE_OF_ROLE.OFFICE_HEAD!,
    );
    return { caseId, version: 6, today: '2025-10-09' };
  },
  DECISION_SERVED: async () => {
    const decided = await BUILDERS.DECIDED_PENALTY!();
    app.setToday(decided.today);
    await okStep(
      app,
      'serveDocument',
      { caseId: decided.caseId, expectedVersion: 6, input: (await serviceOf(decided))! },
      'BJ0002',
    );
    return { caseId: decided.caseId, version: 7, today: '2025-10-13' };
  },
  // Docketed, nothing investigated yet.
  'INVESTIGATING (just docketed)': async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2025-09-01',
      partyKey: 'xinghe',
      certificate: 'BJ0002',
    });
    app.setToday('2025-09-03');
    await okStep(
      app,
      'decideDocketing',
      { caseId, expectedVersion: 1, input: (await VALID_INPUTS.decideDocketing!(undefined!))! },
      'BJ0001',
    );
    return { caseId, version: 2, today: '2025-09-05' };
  },
  'INVESTIGATING (suspended)': async () =>
    after(await investigating(), 'suspendCase', HEAD, '2025-09-15', {
      suspendedOn: '2025-09-15',
      reason: '需等待其他机关的认定结论',
    }),
  DOCKETING_CANCELLED: async () =>
    after(await investigating(), 'cancelDocketing', HEAD, '2025-09-15', {
      reason: '违法事实不存在',
    }),
  TRANSFERRED: async () =>
    after(await investigating(), 'transferCase', HEAD, '2025-09-15', {
      kind: 'TO_OFFICE_WITH_JURISDICTION',
      recipient: '上海市互联网信息办公室',
      reason: '违法行为发生地在上海市',
    }),
  TRANSFERRED_TO_JUDICIAL_ORGAN: async () =>
    after(await investigating(), 'transferCase', HEAD, '2025-09-15', {
      kind: 'TO_JUDICIAL_ORGAN',
      recipient: '北京市公安局海淀分局',
      reason: '涉嫌侵犯公民个人信息罪',
      judicial: {
        reportedOn: '2025-09-12',
        approval: {
          approvedById: officerId(app, 'BJ0001'),
          approvedOn: '2025-09-15',
          written: true,
        },
        transferredOn: '2025-09-15',
        procuratorate: '北京市海淀区人民检察院',
      },
    }),
  // The notice issued (written, approved) but not yet served: its windows have not started.
  'PRE_PENALTY_NOTICE_SERVED (issued, not served)': async () => {
    const { servedOn: _served, ...issued } = noticeArgs('').input;
    return after(await investigating(), 'issuePrePenaltyNotice', HANDLER, '2025-09-26', {
      ...issued,
      issuedOn: '2025-09-26',
    });
  },
  // Walked on Mon 10-13, after the National Day holiday, when the hearing is scheduled.
  HEARING_REQUESTED: async () => ({
    ...(await after(await noticeServed(), 'requestHearing', HANDLER, '2025-09-29', {
      requestedOn: '2025-09-29',
    })),
    today: '2025-10-13',
    valid: { scheduleHearing: schedule() },
  }),
  HEARING_SCHEDULED: async () => {
    const requested = await BUILDERS.HEARING_REQUESTED!();
    const scheduled = await after(requested, 'scheduleHearing', HEAD, '2025-10-13', schedule());
    const served = await after(scheduled, 'serveDocument', HANDLER, '2025-10-13', {
      documentIds: [(await documentOf(scheduled.caseId, 'HEARING_NOTICE'))!],
      method: 'DIRECT',
      servedOn: '2025-10-13',
      serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
      facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2025-10-13' },
    });
    // Walked on the hearing day.
    return { ...served, today: '2025-10-24', valid: { recordHearing: HEARING_HELD } };
  },
  HEARING_CONCLUDED: async () =>
    after(
      await BUILDERS.HEARING_SCHEDULED!(),
      'recordHearing',
      'BJ0005',
      '2025-10-24',
      HEARING_HELD,
    ),
  UNDER_LEGAL_REVIEW: async () =>
    after(await BUILDERS.HEARING_CONCLUDED!(), 'submitLegalReview', HANDLER, '2025-10-27', {
      submittedOn: '2025-10-27',
    }),
  'READY_FOR_DECISION (legal review passed)': async () => ({
    ...(await after(
      await BUILDERS.UNDER_LEGAL_REVIEW!(),
      'completeLegalReview',
      'BJ0004',
      '2025-10-29',
      {
        completedOn: '2025-10-29',
        result: 'PASSED',
        opinion: '事实清楚，证据确凿，程序合法，适用依据正确，处罚适当。',
      },
    )),
    valid: { recordCollectiveDiscussion: discussion('2025-10-29') },
  }),
  'READY_FOR_DECISION (collective discussion held)': async () => ({
    ...(await after(
      await BUILDERS['READY_FOR_DECISION (legal review passed)']!(),
      'recordCollectiveDiscussion',
      HEAD,
      '2025-10-30',
      discussion('2025-10-30'),
    )),
    valid: { decideCase: DECIDE },
  }),
  DECIDED_NO_PENALTY: async () => {
    const decided = await after(await investigating(), 'decideCase', HEAD, '2025-09-15', {
      outcome: 'NO_PENALTY',
      ground: 'FIRST_MINOR_AND_CORRECTED',
      educationGiven: true,
      reasons: '初次违法且危害后果轻微并及时改正',
      content: {
        ...DECISION_CONTENT,
        noPenaltyExplanation: '当事人初次违法且危害后果轻微并及时改正，依法不予行政处罚。',
        education: '本机关已对当事人进行批评教育，责令其依法处理个人信息。',
      },
    });
    const letter = (await documentOf(decided.caseId, 'NO_PENALTY_DECISION'))!;
    const serveDocument = {
      documentIds: [letter],
      method: 'DIRECT',
      servedOn: decided.today,
      serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
      facts: { signed: true, signedOn: decided.today, recipientRole: 'PARTY' },
    };
    return { ...decided, valid: { serveDocument } };
  },
  INSTALMENT_PLAN: async () => {
    const served = await BUILDERS.DECISION_SERVED!();
    const applied = await after(served, 'applyForDeferral', HANDLER, '2025-10-13', {
      kind: 'INSTALMENTS',
      appliedOn: '2025-10-13',
      reason: '经营困难',
    });
    const arrangements = await app.run<{ case: { paymentArrangements: { id: string }[] } }>(
      `query($id: ID!) { case(id: $id) { paymentArrangements { id } } }`,
      { id: applied.caseId },
      HEAD,
    );
    return after(applied, 'decidePaymentArrangement', HEAD, '2025-10-14', {
      arrangementId: arrangements.data!.case.paymentArrangements[0]!.id,
      approved: true,
      decidedOn: '2025-10-14',
      approval: { approvedById: officerId(app, HEAD), approvedOn: '2025-10-14', written: true },
      // Across the year end.
      schedule: [
        { dueOn: '2025-12-31', amountYuan: '25000' },
        { dueOn: '2026-01-30', amountYuan: '25000' },
      ],
    });
  },
  ENFORCEMENT_DEMAND_ISSUED: async () => {
    const served = await BUILDERS.DECISION_SERVED!();
    const demanded = await after(served, 'issueEnforcementDemand', HANDLER, '2025-11-10', {
      issuedOn: '2025-11-10',
      performBy: '2025-11-20',
    });
    return after(demanded, 'serveDocument', HANDLER, '2025-11-10', {
      documentIds: [(await documentOf(demanded.caseId, 'ENFORCEMENT_DEMAND'))!],
      method: 'DIRECT',
      servedOn: '2025-11-10',
      serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
      facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2025-11-10' },
    });
  },
  // The remedy periods (6 months to sue from the service on 2025-10-09) lapse in April 2026.
  COURT_ENFORCEMENT_APPLIED: async () =>
    after(
      await BUILDERS.ENFORCEMENT_DEMAND_ISSUED!(),
      'applyForCourtEnforcement',
      HEAD,
      '2026-04-20',
      {
        appliedOn: '2026-04-20',
      },
    ),
  ENFORCEMENT_TERMINATED: async () =>
    after(await BUILDERS.COURT_ENFORCEMENT_APPLIED!(), 'recordCourtRuling', HANDLER, '2026-06-30', {
      ruledOn: '2026-06-30',
      result: 'ENFORCEMENT_TERMINATED',
    }),
  // Its case file completed (the other closable statuses keep theirs pending: refused alike).
  EXECUTED: async () => {
    const paid = await after(
      await BUILDERS.DECISION_SERVED!(),
      'recordPayment',
      HANDLER,
      '2025-10-13',
      {
        paidOn: '2025-10-13',
        amountYuan: '50000',
        channel: 'DESIGNATED_BANK',
        receiptNumber: 'ICBC-20251013-0001',
      },
    );
    await generatePendingDocuments(app, paid.caseId, HANDLER);
    return { ...paid, valid: { closeCase: closing('2025-10-13') } };
  },
  // Terminal: every action is refused.
  CLOSED: async () =>
    after(await BUILDERS.EXECUTED!(), 'closeCase', HEAD, '2025-10-15', closing('2025-10-15')),
};

const schedule = () => ({
  hearingOn: '2025-10-24',
  noticeServedOn: '2025-10-13',
  presidingOfficerId: officerId(app, 'BJ0005'),
  isPublic: true,
  arrangement: hearingArrangement(app, '北京市互联网信息办公室第一听证室'),
});

const HEARING_HELD = {
  heldOn: '2025-10-24',
  outcome: 'HELD',
  agentCount: 1,
  recordSignedByParty: true,
  refusalNotedByPresider: false,
};

const discussion = (heldOn: string) => ({
  heldOn,
  participantIds: [officerId(app, HEAD), deputyHeadId, officerId(app, 'BJ0004')],
  conclusion: '同意给予警告并处罚款五万元',
});

const closing = (closedOn: string) => ({
  ground: 'EXECUTED',
  closedOn,
  approval: { approvedById: officerId(app, HEAD), approvedOn: closedOn, written: true },
});

const HEAD = CERTIFICATE_OF_ROLE.OFFICE_HEAD!;
const HANDLER = CERTIFICATE_OF_ROLE.CASE_HANDLER!;

/** INVESTIGATING with evidence from the party (v3); the walk's steps start on Mon 2025-09-15. */
async function investigating(): Promise<Built> {
  const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
  return { caseId, version: 3, today: '2025-09-15' };
}

/** The notice served on Fri 2025-09-26 (v4), hearing-eligible. */
async function noticeServed(): Promise<Built> {
  const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
  app.setToday('2025-09-26');
  await okStep(app, 'issuePrePenaltyNotice', noticeArgs(caseId), 'BJ0002');
  return { caseId, version: 4, today: '2025-09-29' };
}

/** `built` after the step `action` done on `on` by `as`; the walk then runs on `on`. */
async function after(
  built: Built,
  action: ProcedureAction,
  as: string,
  on: string,
  input: Record<string, unknown>,
): Promise<Built> {
  app.setToday(on);
  await okStep(app, action, { caseId: built.caseId, expectedVersion: built.version, input }, as);
  return { caseId: built.caseId, version: built.version + 1, today: on };
}

async function documentOf(caseId: string, kind: string): Promise<string | undefined> {
  const result = await app.run<{ case: { documents: { id: string; kind: string }[] } }>(
    `query($id: ID!) { case(id: $id) { documents { id kind } } }`,
    { id: caseId },
    'BJ0001',
  );
  return result.data!.case.documents.find((d) => d.kind === kind)?.id;
}

const SUMMARY_PENALTY = {
  penalties: [{ kind: 'FINE', amountYuan: '200' }],
  officerIds: [] as string[],
  certificatesShown: true,
  factsConclusive: true,
  partyInformedAndHeard: true,
  reasons: '违法事实确凿，当场处罚',
};

async function serviceOf(built: Built): Promise<Record<string, unknown> | undefined> {
  const documentId = await decisionLetterId(built.caseId);
  return documentId
    ? {
        documentIds: [documentId],
        method: 'DIRECT',
        servedOn: built.today,
        serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
        facts: { signed: true, signedOn: built.today, recipientRole: 'PARTY' },
      }
    : undefined;
}

const noticeArgs = (caseId: string) => ({
  caseId,
  expectedVersion: 3,
  input: noticeInput(app, {
    prefix: 'BJ',
    servedOn: '2025-09-26',
    approvedOn: '2025-09-25',
    penalties: FINE_50K,
  }),
});

const WAIVE = {
  rights: ['STATEMENT_AND_DEFENCE', 'HEARING'],
  waivedOn: '2025-09-29',
  signedByParty: true,
};
const waiveOn = (waivedOn: string) => ({ ...WAIVE, waivedOn });

const DECIDE = {
  outcome: 'PENALTY',
  penalties: FINE_50K,
  reasons: '依法处罚',
  illegalGainsYuan: '0',
  content: DECISION_CONTENT,
};

/**
 * Valid inputs of the actions a walked status allows (the others, or undefined, get a generated
 * input).
 */
const VALID_INPUTS: Partial<
  Record<ProcedureAction, (built: Built) => Promise<Record<string, unknown> | undefined>>
> = {
  decideDocketing: async () => ({
    docket: true,
    handlerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
    jurisdictionBasis: 'TERRITORIAL',
    jurisdictionExplanation: '违法行为发生地在本行政区域',
  }),
  imposeSummaryPenalty: async () => summaryPenalty(),
  recordEvidence: async (built) =>
    evidenceInput(app, {
      collectedOn: built.today,
      collectors: ['BJ0002', 'BJ0003'],
      fromParty: true,
      recusalRightNotified: true,
    }),
  issuePrePenaltyNotice: async (built) =>
    noticeInput(app, {
      prefix: 'BJ',
      servedOn: built.today,
      approvedOn: built.today,
      penalties: FINE_50K,
    }),
  waiveRights: async (built) => waiveOn(built.today),
  serveDocument: async (built) => (built.version === 6 ? serviceOf(built) : undefined), // the unserved decision letter
};

/** The decision letter, not yet served in the walked statuses (the notice was served on issue). */
const summaryPenalty = () => ({
  ...SUMMARY_PENALTY,
  officerIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
});

async function decisionLetterId(caseId: string): Promise<string | undefined> {
  const result = await app.run<{ case: { documents: { id: string; kind: string }[] } }>(
    `query($id: ID!) { case(id: $id) { documents { id kind } } }`,
    { id: caseId },
    'BJ0001',
  );
  return result.data!.case.documents.find((d) => d.kind === 'PENALTY_DECISION')?.id;
}

/** A type-valid input for `type`, made from the printed schema (ids are real officers). */
function generated(type: GraphQLInputType, field: string, built: Built): unknown {
  if (isNonNullType(type)) {
    return generated(type.ofType, field, built);
  }
  if (isListType(type)) {
    return [generated(type.ofType, field, built)];
  }
  if (isEnumType(type)) {
    return type.getValues()[0]!.value;
  }
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const [name, f] of Object.entries(type.getFields())) {
      if (isNonNullType(f.type)) {
        value[name] = generated(f.type, name, built);
      }
    }
    return value;
  }
  if (isScalarType(type)) {
    switch (type.name) {
      case 'Int':
      case 'Float':
        return 1;
      case 'Money':
        return '1';
      case 'Boolean':
        return false;
      case 'ID':
        return officerId(app, /head|approv/i.test(field) ? 'BJ0001' : 'BJ0002');
      case 'LocalDate':
        return built.today;
      case 'JSON':
        return {};
      default:
        return '依法记录';
    }
  }
  throw new Error(`no generated value for ${String(type)}`);
}

function inputTypeOf(action: ProcedureAction): GraphQLInputType {
  const fields = schema.getMutationType()!.getFields();
  return fields[action]!.args.find((a) => a.name === 'input')!.type;
}

interface Answer {
  ok: boolean;
  toStatus?: string;
  deadlines?: unknown[];
  code?: string;
  category?: string;
  codes: string[];
}

function answerOf(result: GraphQLResult<Record<string, unknown>>, mutation: string): Answer {
  if (!result.errors) {
    const data = result.data![mutation] as { toStatus: string; deadlines: unknown[] };
    return { ok: true, toStatus: data.toStatus, deadlines: data.deadlines, codes: [] };
  }
  const extensions = result.errors[0]!.extensions ?? {};
  const code = String(extensions.code);
  const violations = (extensions.violations as { code: string }[] | undefined) ?? [];
  return {
    ok: false,
    code,
    category: String(extensions.category),
    codes: code === 'PROCEDURE_VIOLATION' ? violations.map((v) => v.code).sort() : [code],
  };
}

async function callStep(
  action: ProcedureAction,
  built: Built,
  input: unknown,
  dryRun: boolean,
  as: string,
): Promise<Answer> {
  const type = inputTypeOf(action);
  const result = await app.run(
    `mutation($caseId: ID!, $expectedVersion: Int!, $input: ${String(type)}, $dryRun: Boolean) {
      ${action}(caseId: $caseId, expectedVersion: $expectedVersion, input: $input, dryRun: $dryRun) {
        toStatus deadlines { kind triggerDate dueDate stoppedOn ${EXPLANATION_FIELDS} }
      }
    }`,
    { caseId: built.caseId, expectedVersion: built.version, input, dryRun },
    as,
  );
  return answerOf(result, action);
}

interface Availability {
  action: string;
  allowed: boolean;
  violations: { code: string }[];
  inputRules: string[];
}

async function availability(built: Built, as: string): Promise<Map<string, Availability>> {
  const result = await app.run<{ case: { availableActions: Availability[] } }>(
    `query($id: ID!) { case(id: $id) { availableActions { action allowed violations { code } inputRules } } }`,
    { id: built.caseId },
    as,
  );
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return new Map(result.data!.case.availableActions.map((a) => [a.action, a]));
}

async function statusOf(built: Built): Promise<string> {
  const result = await app.run<{ case: { status: string } }>(
    `query($id: ID!) { case(id: $id) { status } }`,
    { id: built.caseId },
    'BJ0001',
  );
  return result.data!.case.status;
}

/** Refused for the input (a rule the answer listed as input-dependent, or a malformed value). */
function refusedForTheInput(answer: Answer, available: Availability): boolean {
  if (answer.code === 'PROCEDURE_VIOLATION' || answer.code === 'CALENDAR_YEAR_NOT_LOADED') {
    return answer.codes.every((c) => available.inputRules.includes(c));
  }
  // A malformed value or a reference that does not exist (an officer, a document of the case).
  return (
    (answer.category === 'BAD_USER_INPUT' || answer.category === 'NOT_FOUND') &&
    answer.code !== 'DOCUMENT_INCOMPLETE' &&
    answer.code !== 'CASE_NOT_FOUND'
  );
}

describe('availableActions, dryRun and the real call agree', () => {
  const walked: string[] = [];
  const succeeded: string[] = [];
  const refusedAsAnnounced: string[] = [];
  // One test per walked status, each with its own time limit: the walk grows with every action.
  it.each(Object.entries(BUILDERS))(
    'for every action in %s',
    async (status, build) => {
      let built = await build();
      // The walked case is in the status its label names.
      expect(await statusOf(built), status).toBe(status.split(' ')[0]);
      let answers = new Map<string, Map<string, Availability>>();
      const actions = PROCEDURE_ACTIONS.filter((a) => a !== 'registerCaseSource');
      for (const action of actions) {
        const as = CERTIFICATE_OF_ROLE[transitionOf(action).roles[0]!]!;
        app.setToday(built.today);
        if (!answers.has(as)) {
          answers.set(as, await availability(built, as));
        }
        const available = answers.get(as)!.get(action)!;
        const inputType = inputTypeOf(action);
        const valid = built.valid?.[action] ?? (await VALID_INPUTS[action]?.(built));
        const input = valid ?? generated(inputType, 'input', built);
        const label = `${status} ${action} (${valid ? 'valid' : 'generated'} input)`;

        const dry = await callStep(action, built, input, true, as);
        const real = await callStep(action, built, input, false, as);
        walked.push(label);
        expect(dry, `${label}: the dry run answers as the real call`).toEqual(real);

        if (!available.allowed) {
          expect
            .soft(real.ok, `${label}: announced refused, yet the real call succeeded`)
            .toBe(false);
          const announced = available.violations.map((v) => v.code);
          if (!refusedForTheInput(real, available) || valid) {
            for (const code of announced) {
              expect
                .soft(real.codes, `${label}: the real call refuses with ${code}`)
                .toContain(code);
            }
            refusedAsAnnounced.push(label);
          }
        } else if (real.ok) {
          succeeded.push(label);
        } else {
          expect
            .soft(
              refusedForTheInput(real, available),
              `${label}: announced allowed, refused with ${real.codes.join(', ')} (input rules: ${available.inputRules.join(', ')})`,
            )
            .toBe(true);
          if (valid) {
            // A valid input may only be refused by a period that needs a year not loaded yet.
            expect(real.codes, label).toEqual(['CALENDAR_YEAR_NOT_LOADED']);
          }
        }
        if (real.ok) {
          built = await build();
          answers = new Map();
        }
      }
    },
    300_000,
  );

  it('walked every action in every status, and both sides of the agreement', () => {
    expect(walked).toHaveLength(Object.keys(BUILDERS).length * (PROCEDURE_ACTIONS.length - 1));
    // The walk did exercise both sides of the agreement.
    expect
      .soft(succeeded)
      .toEqual(
        expect.arrayContaining([
          'CASE_SOURCE_REGISTERED (2025) decideDocketing (valid input)',
          'CASE_SOURCE_REGISTERED (2025) imposeSummaryPenalty (valid input)',
          'INVESTIGATING recordEvidence (valid input)',
          'INVESTIGATING issuePrePenaltyNotice (valid input)',
          'PRE_PENALTY_NOTICE_SERVED waiveRights (valid input)',
          'DECIDED_PENALTY serveDocument (valid input)',
          'INVESTIGATING (suspended) resumeCase (generated input)',
          'HEARING_REQUESTED scheduleHearing (valid input)',
          'HEARING_SCHEDULED recordHearing (valid input)',
          'UNDER_LEGAL_REVIEW completeLegalReview (generated input)',
          'READY_FOR_DECISION (legal review passed) recordCollectiveDiscussion (valid input)',
          'READY_FOR_DECISION (collective discussion held) decideCase (valid input)',
          'DECIDED_NO_PENALTY serveDocument (valid input)',
          'INSTALMENT_PLAN recordPayment (generated input)',
          'ENFORCEMENT_DEMAND_ISSUED recordPayment (generated input)',
          'COURT_ENFORCEMENT_APPLIED recordCourtRuling (generated input)',
          'EXECUTED closeCase (valid input)',
        ]),
      );
    expect(refusedAsAnnounced.length).toBeGreaterThan(100);
  });
});

describe('found by the walk', () => {
  it('a case resumed on the day it was suspended excludes no day from the case time limit (was a server error)', async () => {
    const suspended = await BUILDERS['INVESTIGATING (suspended)']!();
    const before = await caseTimeLimit(suspended.caseId);
    const resumed = await okStep(
      app,
      'resumeCase',
      {
        caseId: suspended.caseId,
        expectedVersion: suspended.version,
        input: { resumedOn: suspended.today },
      },
      HEAD,
    );
    expect(resumed.toStatus).toBe('INVESTIGATING');
    const after = await caseTimeLimit(suspended.caseId);
    expect(after.dueDate).toBe(before.dueDate);
    expect(after.pauses).toEqual([]);
  });
});

async function caseTimeLimit(caseId: string): Promise<Deadline> {
  const deadline = await app.orm.em
    .fork()
    .findOne(Deadline, { case: caseId, kind: 'CASE_TIME_LIMIT' });
  expect(deadline).not.toBeNull();
  return deadline!;
}
