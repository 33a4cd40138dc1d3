import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CaseDocument } from '../../src/entities/case-document.entity.js';
import { Publication } from '../../src/entities/publication.entity.js';
import {
  DECISION_CONTENT,
  codesOf,
  deadlineOf,
  evidenceInput,
  hearingArrangement,
  investigatingCase,
  latestDocumentText,
  noticeInput,
  officerId,
  okStep,
  passLegalReview,
  refusedStep,
  storedDocumentText,
  type StepResult,
} from '../support/procedure-steps.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

/**
 * Issue 13 capability 11, through the GraphQL API: a case against a company (北京星河数据科技有限公司)
 * and a natural person (张伟), each fined under PIPL art. 66(1). The notice is served on each on a
 * different day across the 2026/2027 year end (New Year's Day 2027 a rest day on the provisional
 * calendar); the company waives, the person asks for a hearing within their own window; the
 * decision fines each; each pays; the public record names each penalized party.
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const HEAD = 'BJ0001';
const HANDLER = 'BJ0002';
const SERVERS = () => [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')];

const REGISTER = `mutation($input: RegisterCaseSourceInput!) {
  registerCaseSource(input: $input) { case { id version } }
}`;

/** The newest document of `kind`; with `partyId`, the one made for that party (or for the case). */
async function documentId(caseId: string, kind: string, partyId?: string): Promise<string> {
  const result = await app.run<{
    case: { documents: { id: string; kind: string; partyId: string | null }[] };
  }>(`query($id: ID!) { case(id: $id) { documents { id kind partyId } } }`, { id: caseId }, HEAD);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  const found = result
    .data!.case.documents.filter(
      (d) =>
        d.kind === kind && (partyId === undefined || d.partyId === null || d.partyId === partyId),
    )
    .at(-1);
  expect(found, `${kind} among ${JSON.stringify(result.data!.case.documents)}`).toBeDefined();
  return found!.id;
}

/**
 * Registered 2026-11-30 against 北京星河数据科技有限公司 and 张伟, docketed 12-01, evidence 12-02
 * (v3); the notice issued Mon 12-21, not served on the spot (v4): a warning and a fine for each
 * (80,000 and 50,000 yuan, DSL art. 45(1)).
 */
async function noticeIssuedToBoth() {
  const company = app.demo.parties.xinghe!;
  const person = app.demo.parties.zhangwei!;
  const caseId = await investigatingCase(app, {
    prefix: 'BJ',
    partyKey: 'xinghe',
    otherPartyKeys: ['zhangwei'],
    committedOn: '2026-08-01',
    registeredOn: '2026-11-30',
    docketedOn: '2026-12-01',
    collectedOn: '2026-12-02',
  });
  const penalties = [
    { kind: 'WARNING', provisionId: 'DSL-45-1', partyId: company.id },
    { kind: 'FINE', amountYuan: '80000', provisionId: 'DSL-45-1', partyId: company.id },
    { kind: 'WARNING', provisionId: 'DSL-45-1', partyId: person.id },
    { kind: 'FINE', amountYuan: '50000', provisionId: 'DSL-45-1', partyId: person.id },
  ];
  app.setToday('2026-12-21');
  const { servedOn: _notOnTheSpot, ...notice } = noticeInput(app, {
    prefix: 'BJ',
    servedOn: '2026-12-21',
    approvedOn: '2026-12-18',
    penalties,
  });
  await okStep(
    app,
    'issuePrePenaltyNotice',
    { caseId, expectedVersion: 3, input: { ...notice, issuedOn: '2026-12-21' } },
    HANDLER,
  );
  return { caseId, penalties };
}

/** The newest `kind` made for `partyId` (or for the case) served on them directly on `on`. */
function serveOn(
  caseId: string,
  version: number,
  kind: string,
  partyId: string,
  on: string,
): Promise<StepResult> {
  return documentId(caseId, kind, partyId).then((id) =>
    okStep(
      app,
      'serveDocument',
      {
        caseId,
        expectedVersion: version,
        input: {
          documentIds: [id],
          partyId,
          method: 'DIRECT',
          servedOn: on,
          serverIds: SERVERS(),
          facts: {
            recipientRole:
              partyId === app.demo.parties.xinghe!.id ? 'LEGAL_REPRESENTATIVE' : 'PARTY',
            signed: true,
            signedOn: on,
          },
        },
      },
      HANDLER,
    ),
  );
}

describe('a company and a natural person in one case (issue 13 capability 11; APL arts. 44, 61, 62, 64)', () => {
  it('APL arts. 44, 62: each party is served and heard on their own; the decision fines each; each pays; each penalized party is published under their own name', async () => {
    const company = app.demo.parties.xinghe!;
    const person = app.demo.parties.zhangwei!;

    // Registered Mon 2026-11-30 against both; docketed 12-01; evidence 12-02 (v1-v3).
    app.setToday('2026-11-30');
    const registered = await app.run<{ registerCaseSource: { case: { id: string } } }>(
      REGISTER,
      {
        input: {
          sourceType: 'COMPLAINT_OR_REPORT',
          namedComplainant: true,
          receivedOn: '2026-11-30',
          title: '违法处理个人信息案',
          summary: '用户投诉某App未经同意向第三方提供通讯录信息，张伟为直接负责的主管人员。',
          partyIds: [company.id, person.id],
          violation: { committedOn: '2026-08-01', harmsLifeHealthOrFinancialSecurity: false },
        },
      },
      HANDLER,
    );
    expect(registered.errors, JSON.stringify(registered.errors)).toBeUndefined();
    const caseId = registered.data!.registerCaseSource.case.id;
    app.setToday('2026-12-01');
    await okStep(
      app,
      'decideDocketing',
      {
        caseId,
        expectedVersion: 1,
        input: {
          docket: true,
          handlerIds: SERVERS(),
          jurisdictionBasis: 'TERRITORIAL',
          jurisdictionExplanation: '违法行为发生地在本行政区域',
        },
      },
      HEAD,
    );
    app.setToday('2026-12-02');
    await okStep(
      app,
      'recordEvidence',
      {
        caseId,
        expectedVersion: 2,
        input: evidenceInput(app, {
          collectedOn: '2026-12-02',
          collectors: ['BJ0002', 'BJ0003'],
          fromParty: true,
          recusalRightNotified: true,
        }),
      },
      HANDLER,
    );

    // The notice is issued Mon 12-21, not served on the spot (v4): a fine for each party.
    // DSL art. 45(1), base tier (the 拒不改正 tier would need a correction order first, APL art. 28(1)):
    // a warning and a fine for each party (the fines differ, so each pays their own).
    const penalties = [
      { kind: 'WARNING', provisionId: 'DSL-45-1', partyId: company.id },
      { kind: 'FINE', amountYuan: '80000', provisionId: 'DSL-45-1', partyId: company.id },
      { kind: 'WARNING', provisionId: 'DSL-45-1', partyId: person.id },
      { kind: 'FINE', amountYuan: '50000', provisionId: 'DSL-45-1', partyId: person.id },
    ];
    app.setToday('2026-12-21');
    const { servedOn: _notOnTheSpot, ...notice } = noticeInput(app, {
      prefix: 'BJ',
      servedOn: '2026-12-21',
      approvedOn: '2026-12-18',
      penalties,
    });
    await okStep(
      app,
      'issuePrePenaltyNotice',
      { caseId, expectedVersion: 3, input: { ...notice, issuedOn: '2026-12-21' } },
      HANDLER,
    );
    // One notice per party (APL art. 44), each numbered, naming only its party and their fine.
    const noticeOf = {
      [company.id]: await documentId(caseId, 'PRE_PENALTY_NOTICE', company.id),
      [person.id]: await documentId(caseId, 'PRE_PENALTY_NOTICE', person.id),
    };
    const noticeId = noticeOf[company.id]!;
    const companyNotice = await storedDocumentText(app, noticeOf[company.id]!);
    const personNotice = await storedDocumentText(app, noticeOf[person.id]!);
    expect(companyNotice).toContain(`当事人：${company.name}`);
    expect(companyNotice).not.toContain(person.name);
    expect(companyNotice).toContain('80,000.00');
    expect(companyNotice).not.toContain('50,000.00');
    expect(personNotice).toContain(`当事人：${person.name}`);
    expect(personNotice).not.toContain(company.name);
    expect(personNotice).toContain('50,000.00');
    expect(personNotice).not.toContain('80,000.00');
    // The blank 送达回证 made with each notice is addressed to its party.
    const blanks = await app.orm.em
      .fork()
      .find(
        CaseDocument,
        { case: caseId, kind: 'SERVICE_RECEIPT_BLANK' },
        { orderBy: { version: 'asc' }, populate: ['content'] },
      );
    const blankTexts = await Promise.all(
      blanks.map(async (r) => (await mammoth.extractRawText({ buffer: r.content })).value),
    );
    // The letters (and so their blanks) follow the case's party order, which is not the order of
    // registration: each blank is found by the party it names, listing that party's notice.
    expect(blankTexts).toHaveLength(2);
    const notices = await app.orm.em
      .fork()
      .find(
        CaseDocument,
        { id: { $in: Object.values(noticeOf) } },
        { fields: ['number', 'partyId'] },
      );
    const numberOf = (partyId: string) => notices.find((d) => d.partyId === partyId)!.number!;
    const companyBlanks = blankTexts.filter((text) => text.includes(company.name));
    const personBlanks = blankTexts.filter((text) => text.includes(person.name));
    expect(companyBlanks).toHaveLength(1);
    expect(personBlanks).toHaveLength(1);
    expect(companyBlanks[0]).not.toContain(person.name);
    expect(companyBlanks[0]).toContain(numberOf(company.id));
    expect(personBlanks[0]).not.toContain(company.name);
    expect(personBlanks[0]).toContain(numberOf(person.id));
    const noticeNumbers = notices.map((d) => d.number);
    expect(new Set(noticeNumbers).size).toBe(2);
    expect(noticeNumbers.every((n) => n !== null && n.length > 0)).toBe(true);
    const serveNotice = (
      version: number,
      partyId: string,
      on: string,
      role: string,
    ): Promise<StepResult> =>
      okStep(
        app,
        'serveDocument',
        {
          caseId,
          expectedVersion: version,
          input: {
            documentIds: [noticeOf[partyId]!],
            ...(partyId ? { partyId } : {}),
            method: 'DIRECT',
            servedOn: on,
            serverIds: SERVERS(),
            facts: { recipientRole: role, signed: true, signedOn: on },
          },
        },
        HANDLER,
      );

    // A service that names no party is refused in a case with several (nothing written).
    app.setToday('2026-12-22');
    const unnamed = await app.run(
      `mutation($caseId: ID!, $input: ServeDocumentInput!) {
        serveDocument(caseId: $caseId, expectedVersion: 4, input: $input) { toStatus }
      }`,
      {
        caseId,
        input: {
          documentIds: [noticeId],
          method: 'DIRECT',
          servedOn: '2026-12-22',
          serverIds: SERVERS(),
          facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2026-12-22' },
        },
      },
      HANDLER,
    );
    expect(JSON.stringify(unnamed.errors)).toContain('partyId');

    // The person's notice is not served on the company (nothing written).
    const othersNotice = await app.run(
      `mutation($caseId: ID!, $input: ServeDocumentInput!) {
        serveDocument(caseId: $caseId, expectedVersion: 4, input: $input) { toStatus }
      }`,
      {
        caseId,
        input: {
          documentIds: [noticeOf[person.id]],
          partyId: company.id,
          method: 'DIRECT',
          servedOn: '2026-12-22',
          serverIds: SERVERS(),
          facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2026-12-22' },
        },
      },
      HANDLER,
    );
    expect(JSON.stringify(othersNotice.errors)).toContain('DOCUMENT_OF_ANOTHER_PARTY');

    // A case-wide notice on demand would name both and supersede each party's own: refused.
    const before = await app.tableCounts();
    const caseWide = await app.run(
      `mutation($caseId: ID!) { generateDocument(caseId: $caseId, kind: PRE_PENALTY_NOTICE) { id } }`,
      { caseId },
      HANDLER,
    );
    expect(errorCode(caseWide)).toBe('DOCUMENT_MADE_PER_PARTY');
    expect(await app.tableCounts()).toEqual(before);

    // Served on the company Tue 12-22 (v5): its windows end Tue 12-29 (12-23, 24, 25, 28, 29).
    const onCompany = await serveNotice(4, company.id, '2026-12-22', 'LEGAL_REPRESENTATIVE');
    expect(deadlineOf(onCompany, 'STATEMENT')).toMatchObject({
      triggerDate: '2026-12-22',
      dueDate: '2026-12-29',
    });

    // The company waives both rights Wed 12-23 (v6), in its own name.
    app.setToday('2026-12-23');
    await okStep(
      app,
      'waiveRights',
      {
        caseId,
        expectedVersion: 5,
        input: {
          rights: ['STATEMENT_AND_DEFENCE', 'HEARING'],
          waivedOn: '2026-12-23',
          signedByParty: true,
          partyId: company.id,
        },
      },
      HANDLER,
    );

    // Mon 12-28: a decision fining both is refused, the person has not been served the notice.
    app.setToday('2026-12-28');
    const decideInput = {
      outcome: 'PENALTY',
      penalties,
      reasons: '两名当事人违法处理个人信息，分别处罚',
      illegalGainsYuan: '0',
      content: DECISION_CONTENT,
    };
    const unserved = await refusedStep(
      app,
      'decideCase',
      { caseId, expectedVersion: 6, input: decideInput },
      HEAD,
    );
    expect(unserved.find((v) => v.code === 'NOTICE_NOT_SERVED')?.details).toMatchObject({
      partyIds: [person.id],
    });

    // Served on the person Tue 12-29 (v7): their windows run 12-30, 12-31, (New Year's Day
    // 2027-01-01 and the weekend skipped) 01-04, 01-05, 01-06 — on the provisional 2027 calendar.
    app.setToday('2026-12-29');
    const onPerson = await serveNotice(6, person.id, '2026-12-29', 'PARTY');
    expect(deadlineOf(onPerson, 'STATEMENT')).toMatchObject({
      triggerDate: '2026-12-29',
      dueDate: '2027-01-06',
    });

    // Each 送达回证 names the party it was served on as 受送达人.
    const receipts = await app.orm.em
      .fork()
      .find(
        CaseDocument,
        { case: caseId, kind: 'SERVICE_RECEIPT' },
        { orderBy: { version: 'asc' }, populate: ['content'] },
      );
    const receiptTexts = await Promise.all(
      receipts.map(async (r) => (await mammoth.extractRawText({ buffer: r.content })).value),
    );
    expect(receiptTexts).toHaveLength(2);
    expect(receiptTexts[0]).toContain(company.name);
    expect(receiptTexts[1]).toContain(person.name);
    expect(receiptTexts[1]).not.toContain(company.name);

    // Wed 12-30: the company's period is over and it waived; the person's still runs. Refused,
    // naming the person and their own last day.
    app.setToday('2026-12-30');
    const personStillRunning = await refusedStep(
      app,
      'decideCase',
      { caseId, expectedVersion: 7, input: decideInput },
      HEAD,
    );
    expect(codesOf(personStillRunning)).toEqual(
      expect.arrayContaining(['STATEMENT_PERIOD_NOT_OVER', 'HEARING_REQUEST_PERIOD_NOT_OVER']),
    );
    expect(
      personStillRunning.find((v) => v.code === 'STATEMENT_PERIOD_NOT_OVER')?.details,
    ).toMatchObject({ parties: [{ partyId: person.id, dueDate: '2027-01-06' }] });

    // The company's hearing window closed on 12-29 and it waived: its request is refused. The
    // person asks on Tue 2027-01-05, within their own window (v8).
    app.setToday('2027-01-05');
    const companyLate = await refusedStep(
      app,
      'requestHearing',
      { caseId, expectedVersion: 7, input: { requestedOn: '2027-01-05', partyId: company.id } },
      HANDLER,
    );
    expect(codesOf(companyLate)).toEqual(
      expect.arrayContaining(['HEARING_RIGHT_WAIVED', 'HEARING_REQUEST_OUT_OF_TIME']),
    );
    const requested = await okStep(
      app,
      'requestHearing',
      { caseId, expectedVersion: 7, input: { requestedOn: '2027-01-05', partyId: person.id } },
      HANDLER,
    );
    expect(requested.toStatus).toBe('HEARING_REQUESTED');

    // The hearing: notice served Wed 01-06 for Mon 01-18 (8 working days ahead), held (v9, v10).
    app.setToday('2027-01-06');
    await okStep(
      app,
      'scheduleHearing',
      {
        caseId,
        expectedVersion: 8,
        input: {
          hearingOn: '2027-01-18',
          noticeServedOn: '2027-01-06',
          presidingOfficerId: officerId(app, 'BJ0005'),
          isPublic: true,
          arrangement: hearingArrangement(app, '北京市网信办听证室'),
        },
      },
      HEAD,
    );
    // The hearing notice is addressed to the person who asked, not to the company.
    const hearingNotice = await latestDocumentText(app, caseId, 'HEARING_NOTICE');
    expect(hearingNotice).toContain(person.name);
    expect(hearingNotice).not.toContain(company.name);
    expect(hearingNotice).toContain('2027年1月5日提出了听证要求');
    app.setToday('2027-01-18');
    const heard = await okStep(
      app,
      'recordHearing',
      {
        caseId,
        expectedVersion: 9,
        input: {
          heldOn: '2027-01-18',
          outcome: 'HELD',
          agentCount: 0,
          recordSignedByParty: true,
          refusalNotedByPresider: false,
        },
      },
      'BJ0005',
    );
    expect(heard.toStatus).toBe('HEARING_CONCLUDED');

    // A hearing was held: the legal review comes first (APL art. 58(1)), Tue 01-19 to Wed 01-20.
    await passLegalReview(app, caseId, 10, '2027-01-19', '2027-01-20');

    // Decided Thu 01-21 (v13): a fine for each party.
    app.setToday('2027-01-21');
    const decided = await okStep(
      app,
      'decideCase',
      {
        caseId,
        expectedVersion: 12,
        input: { ...decideInput, content: { ...DECISION_CONTENT, statementAdoption: null } },
      },
      HEAD,
    );
    expect(decided.toStatus).toBe('DECIDED_PENALTY');

    // The decision letter is served on each: the company 01-21 (v14), the person 01-22 (v15).
    // One letter per party (APL art. 61): each names its party, their fine, their own notice.
    const letterOf = {
      [company.id]: await documentId(caseId, 'PENALTY_DECISION', company.id),
      [person.id]: await documentId(caseId, 'PENALTY_DECISION', person.id),
    };
    const companyLetter = await storedDocumentText(app, letterOf[company.id]!);
    const personLetter = await storedDocumentText(app, letterOf[person.id]!);
    expect(companyLetter).toContain(`当事人：${company.name}`);
    expect(companyLetter).not.toContain(person.name);
    expect(companyLetter).toContain('80,000.00');
    expect(companyLetter).not.toContain('50,000.00');
    expect(personLetter).toContain(`当事人：${person.name}`);
    expect(personLetter).not.toContain(company.name);
    expect(personLetter).toContain('50,000.00');
    expect(personLetter).not.toContain('80,000.00');
    const [companyNoticeRow, personNoticeRow] = await Promise.all(
      [company.id, person.id].map((id) =>
        app.orm.em.fork().findOneOrFail(CaseDocument, noticeOf[id]!, { fields: ['number'] }),
      ),
    );
    expect(companyLetter).toContain(companyNoticeRow!.number!);
    expect(personLetter).toContain(personNoticeRow!.number!);
    expect(personLetter).toContain('2026年12月29日送达你');
    const serveLetter = (version: number, partyId: string, on: string, role: string) =>
      okStep(
        app,
        'serveDocument',
        {
          caseId,
          expectedVersion: version,
          input: {
            documentIds: [letterOf[partyId]!],
            partyId,
            method: 'DIRECT',
            servedOn: on,
            serverIds: SERVERS(),
            facts: { recipientRole: role, signed: true, signedOn: on },
          },
        },
        HANDLER,
      );
    const letterOnCompany = await serveLetter(13, company.id, '2027-01-21', 'LEGAL_REPRESENTATIVE');
    expect(letterOnCompany.toStatus).toBe('DECISION_SERVED');
    app.setToday('2027-01-22');
    const letterOnPerson = await serveLetter(14, person.id, '2027-01-22', 'PARTY');
    expect(letterOnPerson.toStatus).toBe('DECISION_SERVED');
    expect(deadlineOf(letterOnPerson, 'PAYMENT')).toMatchObject({ triggerDate: '2027-01-22' });

    // Each pays their own fine; the case is executed once both are paid.
    app.setToday('2027-01-27');
    const pay = (version: number, partyId: string, amountYuan: string, receiptNumber: string) =>
      okStep(
        app,
        'recordPayment',
        {
          caseId,
          expectedVersion: version,
          input: {
            paidOn: '2027-01-27',
            partyId,
            amountYuan,
            channel: 'DESIGNATED_BANK',
            receiptNumber,
          },
        },
        HANDLER,
      );
    // The company's payment does not execute the person's fine (APL art. 66(1)).
    const companyPaid = await pay(15, company.id, '80000', 'ICBC-20270127-0001');
    expect(companyPaid.toStatus).toBe('DECISION_SERVED');
    const personPaid = await pay(16, person.id, '50000', 'ICBC-20270127-0002');
    expect(personPaid.toStatus).toBe('EXECUTED');

    // One public record per penalized party, each naming that party with its own fine.
    const records = await app.orm.em.fork().find(Publication, { case: caseId });
    expect(
      records
        .map((r) => [r.partyId, r.fields.行政相对人名称, r.fields.罚款金额])
        .sort((a, b) => String(a[2]).localeCompare(String(b[2]))),
    ).toEqual([
      [person.id, person.name, '5'],
      [company.id, company.name, '8'],
    ]);
  });

  it('APL arts. 63-65: the company asks for a hearing, the person asks too within their own window; one joint hearing, a notice to each; the decision waits until it is held', async () => {
    const company = app.demo.parties.xinghe!;
    const person = app.demo.parties.zhangwei!;
    const { caseId, penalties } = await noticeIssuedToBoth();
    // The company served Tue 12-22 (window to Tue 12-29), the person Wed 12-23 (to Wed 12-30).
    app.setToday('2026-12-22');
    await serveOn(caseId, 4, 'PRE_PENALTY_NOTICE', company.id, '2026-12-22');
    app.setToday('2026-12-23');
    await serveOn(caseId, 5, 'PRE_PENALTY_NOTICE', person.id, '2026-12-23');

    // The company asks Mon 12-28 (v7); the person Wed 12-30, the last day of their own window:
    // accepted, heard jointly (v8); neither may ask twice.
    const ask = (version: number, partyId: string, on: string) =>
      app.run(
        `mutation($caseId: ID!, $input: RequestHearingInput!) {
          requestHearing(caseId: $caseId, expectedVersion: ${version}, input: $input) { toStatus }
        }`,
        { caseId, input: { requestedOn: on, partyId } },
        HANDLER,
      );
    app.setToday('2026-12-28');
    const byCompany = await okStep(
      app,
      'requestHearing',
      { caseId, expectedVersion: 6, input: { requestedOn: '2026-12-28', partyId: company.id } },
      HANDLER,
    );
    expect(byCompany.toStatus).toBe('HEARING_REQUESTED');
    app.setToday('2026-12-30');
    const byPerson = await okStep(
      app,
      'requestHearing',
      { caseId, expectedVersion: 7, input: { requestedOn: '2026-12-30', partyId: person.id } },
      HANDLER,
    );
    expect(byPerson.toStatus).toBe('HEARING_REQUESTED');
    const again = await ask(8, company.id, '2026-12-30');
    expect(JSON.stringify(again.errors)).toContain('HEARING_ALREADY_REQUESTED');

    // Thu 12-31: no decision while the hearing is pending.
    const decideInput = {
      outcome: 'PENALTY',
      penalties,
      reasons: '两名当事人违法处理个人信息，分别处罚',
      illegalGainsYuan: '0',
      content: { ...DECISION_CONTENT, statementAdoption: null },
    };
    app.setToday('2026-12-31');
    expect(
      codesOf(
        await refusedStep(
          app,
          'decideCase',
          { caseId, expectedVersion: 8, input: decideInput },
          HEAD,
        ),
      ),
    ).toContain('ACTION_NOT_ALLOWED_IN_STATUS');

    // Scheduled Thu 12-31 for Tue 2027-01-12, 7 working days on (New Year's Day not counted) (v9):
    // a notice to each requesting party, naming them and their own request.
    await okStep(
      app,
      'scheduleHearing',
      {
        caseId,
        expectedVersion: 8,
        input: {
          hearingOn: '2027-01-12',
          noticeServedOn: '2026-12-31',
          presidingOfficerId: officerId(app, 'BJ0005'),
          isPublic: true,
          arrangement: hearingArrangement(app, '北京市网信办听证室'),
        },
      },
      HEAD,
    );
    const hearingNotices = {
      company: await storedDocumentText(
        app,
        await documentId(caseId, 'HEARING_NOTICE', company.id),
      ),
      person: await storedDocumentText(app, await documentId(caseId, 'HEARING_NOTICE', person.id)),
    };
    expect(hearingNotices.company).not.toBe(hearingNotices.person);
    expect(hearingNotices.company).toContain(company.name);
    expect(hearingNotices.company).not.toContain(person.name);
    expect(hearingNotices.company).toContain('2026年12月28日提出了听证要求');
    expect(hearingNotices.person).toContain(person.name);
    expect(hearingNotices.person).not.toContain(company.name);
    expect(hearingNotices.person).toContain('2026年12月30日提出了听证要求');

    // Held Tue 01-12 (v10); the legal review (v11, v12); decided Fri 01-15 (v13).
    app.setToday('2027-01-12');
    const heard = await okStep(
      app,
      'recordHearing',
      {
        caseId,
        expectedVersion: 9,
        input: {
          heldOn: '2027-01-12',
          outcome: 'HELD',
          agentCount: 0,
          recordSignedByParty: true,
          refusalNotedByPresider: false,
        },
      },
      'BJ0005',
    );
    expect(heard.toStatus).toBe('HEARING_CONCLUDED');
    await passLegalReview(app, caseId, 10, '2027-01-13', '2027-01-14');
    app.setToday('2027-01-15');
    const decided = await okStep(
      app,
      'decideCase',
      { caseId, expectedVersion: 12, input: decideInput },
      HEAD,
    );
    expect(decided.toStatus).toBe('DECIDED_PENALTY');
    // One letter per party after the joint hearing.
    const letters = await Promise.all(
      [company, person].map(async (party) =>
        storedDocumentText(app, await documentId(caseId, 'PENALTY_DECISION', party.id)),
      ),
    );
    expect(letters[0]).toContain(`当事人：${company.name}`);
    expect(letters[1]).toContain(`当事人：${person.name}`);
  });

  it('APL arts. 66(1), 72; Compulsion Law arts. 35, 53, 54: one party pays; the other is demanded on their own fine with their own surcharge, and sent to court from the day after the 10th working day after their demand was served', async () => {
    const company = app.demo.parties.xinghe!;
    const person = app.demo.parties.zhangwei!;
    const { caseId, penalties } = await noticeIssuedToBoth();
    const serve = (version: number, kind: string, partyId: string, on: string) =>
      serveOn(caseId, version, kind, partyId, on);
    // Both served Tue 12-22 (v5, v6); both waive Wed 12-23 (v7, v8); decided Thu 12-24 (v9).
    app.setToday('2026-12-22');
    await serve(4, 'PRE_PENALTY_NOTICE', company.id, '2026-12-22');
    await serve(5, 'PRE_PENALTY_NOTICE', person.id, '2026-12-22');
    app.setToday('2026-12-23');
    for (const [version, partyId] of [
      [6, company.id],
      [7, person.id],
    ] as const) {
      await okStep(
        app,
        'waiveRights',
        {
          caseId,
          expectedVersion: version,
          input: {
            rights: ['STATEMENT_AND_DEFENCE', 'HEARING'],
            waivedOn: '2026-12-23',
            signedByParty: true,
            partyId,
          },
        },
        HANDLER,
      );
    }
    app.setToday('2026-12-24');
    await okStep(
      app,
      'decideCase',
      {
        caseId,
        expectedVersion: 8,
        input: {
          outcome: 'PENALTY',
          penalties,
          reasons: '两名当事人违法处理个人信息，分别处罚',
          illegalGainsYuan: '0',
          content: { ...DECISION_CONTENT, statementAdoption: null },
        },
      },
      HEAD,
    );
    // The letter is served on the company Thu 12-24 (v10) and on the person Mon 12-28 (v11).
    await serve(9, 'PENALTY_DECISION', company.id, '2026-12-24');
    app.setToday('2026-12-28');
    await serve(10, 'PENALTY_DECISION', person.id, '2026-12-28');

    // The company pays its 80,000 yuan in time, Wed 12-30 (v12): the person still owes.
    app.setToday('2026-12-30');
    const companyPaid = await okStep(
      app,
      'recordPayment',
      {
        caseId,
        expectedVersion: 11,
        input: {
          paidOn: '2026-12-30',
          partyId: company.id,
          amountYuan: '80000',
          channel: 'DESIGNATED_BANK',
          receiptNumber: 'ICBC-20261230-0001',
        },
      },
      HANDLER,
    );
    expect(companyPaid.toStatus).toBe('DECISION_SERVED');

    // Tue 2027-01-12 is the person's last day (15 days from 12-28); Wed 01-13 they are overdue.
    // availableActions for each party answers as the demand would.
    const demandFor = async (partyId: string) => {
      const result = await app.run<{
        case: {
          availableActions: { action: string; allowed: boolean; violations: { code: string }[] }[];
        };
      }>(
        `query($id: ID!, $partyId: ID) { case(id: $id) {
          availableActions(partyId: $partyId) { action allowed violations { code } }
        } }`,
        { id: caseId, partyId },
        HANDLER,
      );
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data!.case.availableActions.find((a) => a.action === 'issueEnforcementDemand');
    };
    app.setToday('2027-01-12');
    expect(await demandFor(person.id)).toMatchObject({
      allowed: false,
      violations: [{ code: 'PAYMENT_NOT_OVERDUE' }],
    });
    app.setToday('2027-01-13');
    expect(await demandFor(person.id)).toMatchObject({ allowed: true });
    expect(await demandFor(company.id)).toMatchObject({
      allowed: false,
      violations: [{ code: 'PAYMENT_NOT_OVERDUE' }],
    });
    // Wed 2027-06-16, the person still unpaid: the company that paid is not demanded.
    app.setToday('2027-06-16');
    const refusedCompany = await refusedStep(
      app,
      'issueEnforcementDemand',
      {
        caseId,
        expectedVersion: 12,
        input: { issuedOn: '2027-06-16', performBy: '2027-06-25', partyId: company.id },
      },
      HANDLER,
    );
    // Nothing is outstanding, so nothing can be demanded either.
    expect(codesOf(refusedCompany)).toEqual(['PAYMENT_NOT_OVERDUE', 'PAYMENT_AMOUNT_INVALID']);

    // The person is demanded (v13) their own 50,000 yuan and the surcharge on their own fine,
    // capped at that fine (APL art. 72(1)(1)): 100,000 yuan — nothing of the company's 80,000.
    const demanded = await okStep(
      app,
      'issueEnforcementDemand',
      {
        caseId,
        expectedVersion: 12,
        input: { issuedOn: '2027-06-16', performBy: '2027-06-25', partyId: person.id },
      },
      HANDLER,
    );
    expect(demanded.toStatus).toBe('ENFORCEMENT_DEMAND_ISSUED');
    const demandText = await latestDocumentText(app, caseId, 'ENFORCEMENT_DEMAND');
    expect(demandText).toContain(person.name);
    expect(demandText).toContain(`${person.name}：`);
    expect(demandText).toContain(
      '决定对你警告，罚款人民币50000.00元。该决定书已于2026年12月28日送达你',
    );
    expect(demandText).toContain('以上合计人民币壹拾万元整（100,000.00元）');
    expect(demandText).not.toContain('80000');
    expect(demandText).not.toContain(company.name);

    // The demand is served on the person Thu 06-17 (v14), not on the company.
    app.setToday('2027-06-17');
    const onCompany = await refusedStep(
      app,
      'serveDocument',
      {
        caseId,
        expectedVersion: 13,
        input: {
          documentIds: [await documentId(caseId, 'ENFORCEMENT_DEMAND')],
          partyId: company.id,
          method: 'DIRECT',
          servedOn: '2027-06-17',
          serverIds: SERVERS(),
          facts: { recipientRole: 'LEGAL_REPRESENTATIVE', signed: true, signedOn: '2027-06-17' },
        },
      },
      HANDLER,
    );
    expect(codesOf(onCompany)).toEqual(['DOCUMENT_NOT_SERVABLE']);
    await serve(13, 'ENFORCEMENT_DEMAND', person.id, '2027-06-17');

    // Mon 06-28: the person's own litigation period (6 months from 12-28) ends that day and only
    // 7 working days have passed since service: refused on both, naming the person.
    const apply = (on: string) => ({ caseId, expectedVersion: 14, input: { appliedOn: on } });
    app.setToday('2027-06-28');
    const early = await refusedStep(app, 'applyForCourtEnforcement', apply('2027-06-28'), HEAD);
    expect(codesOf(early)).toEqual(['COURT_ENFORCEMENT_TOO_EARLY', 'REMEDY_PERIODS_NOT_LAPSED']);
    expect(early.find((v) => v.code === 'REMEDY_PERIODS_NOT_LAPSED')?.details).toMatchObject({
      partyId: person.id,
      lapseOn: '2027-06-28',
    });
    // Thu 07-01 is the 10th working day after service: still refused; Fri 07-02 applied (v15).
    app.setToday('2027-07-01');
    const tenth = await refusedStep(app, 'applyForCourtEnforcement', apply('2027-07-01'), HEAD);
    expect(codesOf(tenth)).toEqual(['COURT_ENFORCEMENT_TOO_EARLY']);
    app.setToday('2027-07-02');
    const applied = await okStep(app, 'applyForCourtEnforcement', apply('2027-07-02'), HEAD);
    expect(applied.toStatus).toBe('COURT_ENFORCEMENT_APPLIED');

    // The court executes the person's obligation; the company had paid: the case is executed.
    app.setToday('2027-08-02');
    const enforced = await okStep(
      app,
      'recordCourtRuling',
      { caseId, expectedVersion: 15, input: { ruledOn: '2027-08-02', result: 'ENFORCED' } },
      HANDLER,
    );
    expect(enforced.toStatus).toBe('EXECUTED');
  });
});
