import mammoth from 'mammoth';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DECISION_CONTENT,
  EXPLANATION_FIELDS,
  FINE_50K,
  investigatingCase,
  noticeInput,
  noticeServedCase,
  officerId,
  waiveBothRights,
} from '../support/procedure-steps.js';
import { documentDefinition } from '../../src/documents/document-registry.js';
import { createTestApp, type GraphQLResult, type TestApp } from '../support/test-app.js';

/**
 * A dry run is a full rehearsal: the whole step runs in its transaction (rules, state, deadlines,
 * documents, audit event, domain events, publication) and is rolled back. It returns the deadlines
 * that would be set and an unnumbered preview of each document; nothing is stored or numbered.
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

interface Preview {
  kind: string;
  title: string;
  fileName: string;
  contentType: string;
  base64: string;
  sha256: string;
}

interface Rehearsed {
  dryRun: boolean;
  fromStatus: string;
  toStatus: string;
  case: { id: string; status: string; version: number } | null;
  event: { sequence: number } | null;
  deadlines: {
    kind: string;
    triggerDate: string;
    dueDate: string;
    stoppedOn: string | null;
    explanation: Record<string, unknown>;
  }[];
  documents: { id: string; kind: string; number: string | null }[];
  documentPreviews: Preview[];
  projectedDeadlines: {
    kind: string;
    triggerDate: string;
    dueDate: string;
    triggerEvent: string;
  }[];
}

const FIELDS = `dryRun fromStatus toStatus case { id status version } event { sequence }
  deadlines { kind triggerDate dueDate stoppedOn ${EXPLANATION_FIELDS} }
  documents { id kind number }
  documentPreviews { kind title fileName contentType base64 sha256 }
  projectedDeadlines { kind triggerDate dueDate triggerEvent }`;

async function step(
  mutation: string,
  args: { caseId: string; expectedVersion: number; input: Record<string, unknown> },
  as: string,
  dryRun: boolean,
): Promise<GraphQLResult<Record<string, Rehearsed>>> {
  const type = `${mutation[0]!.toUpperCase()}${mutation.slice(1)}Input`;
  return app.run(
    `mutation($caseId: ID!, $expectedVersion: Int!, $input: ${type}!, $dryRun: Boolean) {
      ${mutation}(caseId: $caseId, expectedVersion: $expectedVersion, input: $input, dryRun: $dryRun) { ${FIELDS} }
    }`,
    { ...args, dryRun },
    as,
  );
}

async function ok(
  mutation: string,
  args: { caseId: string; expectedVersion: number; input: Record<string, unknown> },
  as: string,
  dryRun: boolean,
): Promise<Rehearsed> {
  const result = await step(mutation, args, as, dryRun);
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data![mutation]!;
}

/** Every table's row count, and the gapless sequences' last numbers (a count would not move). */
async function snapshotDatabase() {
  const sequences = await app.orm.em
    .getConnection()
    .execute(`select office_id, year, kind, last from number_sequence order by 1, 2, 3`);
  return { counts: await app.tableCounts(), sequences };
}

async function textOf(preview: Preview): Promise<string> {
  const buffer = Buffer.from(preview.base64, 'base64');
  expect(createHash('sha256').update(buffer).digest('hex')).toBe(preview.sha256);
  return (await mammoth.extractRawText({ buffer })).value;
}

const withoutIds = (deadlines: Rehearsed['deadlines']) =>
  deadlines.map(({ kind, triggerDate, dueDate, stoppedOn, explanation }) => ({
    kind,
    triggerDate,
    dueDate,
    stoppedOn,
    explanation,
  }));

/** The Beijing case of execution.test.ts up to the decision: notice served 2025-09-26, rights waived. */
async function readyToDecide(): Promise<string> {
  const caseId = await noticeServedCase(app);
  await waiveBothRights(app, caseId);
  return caseId;
}

const DECIDE = {
  outcome: 'PENALTY',
  penalties: FINE_50K,
  reasons: '依法处罚',
  illegalGainsYuan: '0',
  content: DECISION_CONTENT,
};

describe('dryRun: a full rehearsal of the step', () => {
  it('a dry-run decision returns the decision letter preview and its deadlines, stores and numbers nothing; the real call then sets the same deadlines', async () => {
    const caseId = await readyToDecide();
    app.setToday('2025-09-30');
    const args = { caseId, expectedVersion: 5, input: DECIDE };

    const before = await snapshotDatabase();
    const rehearsed = await ok('decideCase', args, HEAD, true);
    expect(await snapshotDatabase()).toEqual(before);

    expect(rehearsed).toMatchObject({
      dryRun: true,
      fromStatus: 'PRE_PENALTY_NOTICE_SERVED',
      toStatus: 'DECIDED_PENALTY',
      event: null,
      documents: [],
      // The case as stored: the rehearsal changed nothing.
      case: { id: caseId, version: 5, status: 'PRE_PENALTY_NOTICE_SERVED' },
    });
    const service = rehearsed.deadlines.find((d) => d.kind === 'DECISION_SERVICE');
    expect(service).toMatchObject({ triggerDate: '2025-09-30', stoppedOn: null });
    // Seven working days across the National Day holiday (10-01…10-08; Sat 10-11 worked):
    // 10-09, 10-10, 10-11, 10-13, 10-14, 10-15, 10-16.
    expect(service!.dueDate).toBe('2025-10-16');
    expect(rehearsed.deadlines.find((d) => d.kind === 'CASE_TIME_LIMIT')).toMatchObject({
      stoppedOn: '2025-09-30',
    });

    // The periods the decision starts on service (APL art. 61, 67; Reconsideration Law art. 20;
    // Litigation Law art. 46), projected as if served on the decision date, marked as projected.
    expect(rehearsed.projectedDeadlines.map((d) => d.kind).sort()).toEqual([
      'LITIGATION_PERIOD',
      'PAYMENT',
      'RECONSIDERATION_PERIOD',
    ]);
    for (const projected of rehearsed.projectedDeadlines) {
      expect(projected.triggerDate).toBe('2025-09-30');
      expect(projected.triggerEvent).toContain('预计');
    }
    // Fifteen days from 09-30 end on Wednesday 10-15, a working day after National Day.
    expect(rehearsed.projectedDeadlines.find((d) => d.kind === 'PAYMENT')!.dueDate).toBe(
      '2025-10-15',
    );

    // The letter and the blank 送达回证 made with it, both unnumbered previews.
    expect(rehearsed.documentPreviews.map((p) => p.kind)).toEqual([
      'PENALTY_DECISION',
      'SERVICE_RECEIPT_BLANK',
    ]);
    const [letter] = rehearsed.documentPreviews;
    expect(letter).toMatchObject({
      kind: 'PENALTY_DECISION',
      title: '行政处罚决定书',
      fileName: '行政处罚决定书（预览）.docx',
      contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    });
    const text = await textOf(letter!);
    expect(text.split('\n')[0]).toBe('预览稿 — 未编号、未送达，不具法律效力');
    expect(text).toContain('〔预览〕');
    expect(text).not.toMatch(/京网信罚〔2025〕\d+号/);
    // The letter states the periods the party has: 15 days to pay, 60 days, six months.
    for (const element of [
      '人民币伍万元整',
      '十五日',
      '六十日',
      '六个月',
      '北京市西城区人民法院',
    ]) {
      expect(text, element).toContain(element);
    }

    const real = await ok('decideCase', args, HEAD, false);
    expect(real).toMatchObject({
      dryRun: false,
      toStatus: 'DECIDED_PENALTY',
      documentPreviews: [],
      projectedDeadlines: [],
    });
    expect(withoutIds(real.deadlines)).toEqual(withoutIds(rehearsed.deadlines));
    // The gapless series did not move: the real letter takes the first number of 2025.
    expect(real.documents).toEqual([
      expect.objectContaining({ kind: 'PENALTY_DECISION', number: '京网信罚〔2025〕1号' }),
      // The blank 送达回证 made with the letter, unnumbered.
      expect.objectContaining({ kind: 'SERVICE_RECEIPT_BLANK', number: null }),
    ]);

    // Serving the decision starts the payment, reconsideration and litigation periods (APL art. 67,
    // Reconsideration Law art. 20, Litigation Law art. 46): rehearsed, then done, identically.
    app.setToday('2025-10-09');
    const letterId = real.documents[0]!.id;
    const serve = {
      caseId,
      expectedVersion: 6,
      input: {
        documentIds: [letterId],
        method: 'DIRECT',
        servedOn: '2025-10-09',
        serverIds: [officerId(app, 'BJ0002'), officerId(app, 'BJ0003')],
        facts: { signed: true, signedOn: '2025-10-09', recipientRole: 'PARTY' },
      },
    };
    const beforeService = await snapshotDatabase();
    const rehearsedService = await ok('serveDocument', serve, HANDLER, true);
    expect(await snapshotDatabase()).toEqual(beforeService);
    expect(rehearsedService.deadlines.map((d) => d.kind).sort()).toEqual([
      'DECISION_SERVICE',
      'LITIGATION_PERIOD',
      'PAYMENT',
      'RECONSIDERATION_PERIOD',
    ]);
    expect(rehearsedService.deadlines.find((d) => d.kind === 'PAYMENT')).toMatchObject({
      triggerDate: '2025-10-09',
      dueDate: '2025-10-24',
    });
    expect(rehearsedService.documentPreviews.map((p) => p.kind)).toEqual(['SERVICE_RECEIPT']);
    const receipt = await textOf(rehearsedService.documentPreviews[0]!);
    expect(receipt).toContain('预览稿');
    // The served letter is listed with its real number; the receipt itself has none.
    expect(receipt).toContain('京网信罚〔2025〕1号');
    const served = await ok('serveDocument', serve, HANDLER, false);
    expect(withoutIds(served.deadlines)).toEqual(withoutIds(rehearsedService.deadlines));
  });

  it('refuses exactly when and why the real call would, including a document that cannot be completed', async () => {
    const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    app.setToday('2025-09-26');
    // A step from the wrong status.
    const wrong = {
      caseId,
      expectedVersion: 3,
      input: { closedOn: '2025-09-26', ground: 'DECISION_ANNULLED' },
    };
    const wrongDry = await step('closeCase', wrong, HEAD, true);
    const wrongReal = await step('closeCase', wrong, HEAD, false);
    expect(wrongDry.errors?.[0]?.extensions?.code).toBe('PROCEDURE_VIOLATION');
    expect(wrongDry.errors?.[0]?.extensions).toEqual(wrongReal.errors?.[0]?.extensions);

    // The notice needs the office's address (where to send statements): only rendering can tell.
    const connection = app.orm.em.getConnection();
    const officeId = app.demo.offices.beijing!.id;
    const [{ address }] = (await connection.execute(`select address from office where id = ?`, [
      officeId,
    ])) as [{ address: string }];
    await connection.execute(`update office set address = null where id = ?`, [officeId]);
    try {
      const args = {
        caseId,
        expectedVersion: 3,
        input: noticeInput(app, {
          prefix: 'BJ',
          servedOn: '2025-09-26',
          approvedOn: '2025-09-25',
          penalties: FINE_50K,
        }),
      };
      const before = await snapshotDatabase();
      const dry = await step('issuePrePenaltyNotice', args, HANDLER, true);
      const real = await step('issuePrePenaltyNotice', args, HANDLER, false);
      expect(dry.errors?.[0]?.extensions?.code).toBe('DOCUMENT_INCOMPLETE');
      expect(dry.errors?.[0]?.message).toContain('office.address');
      expect(dry.errors?.[0]?.message).toBe(real.errors?.[0]?.message);
      expect(dry.errors?.[0]?.extensions?.details).toEqual(real.errors?.[0]?.extensions?.details);
      expect(await snapshotDatabase()).toEqual(before);
    } finally {
      await connection.execute(`update office set address = ? where id = ?`, [address, officeId]);
    }
  });

  it('a dry-run registration takes no case number and returns the docketing deadline', async () => {
    app.setToday('2025-09-01');
    const input = {
      sourceType: 'COMPLAINT_OR_REPORT',
      namedComplainant: true,
      receivedOn: '2025-09-01',
      title: '违法处理个人信息案',
      summary: '用户投诉某App未经同意收集通讯录信息。',
      partyIds: [app.demo.parties.xinghe!.id],
    };
    const before = await snapshotDatabase();
    const result = await app.run<{ registerCaseSource: Rehearsed }>(
      `mutation($input: RegisterCaseSourceInput!) {
        registerCaseSource(input: $input, dryRun: true) { ${FIELDS} }
      }`,
      { input },
      HANDLER,
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(await snapshotDatabase()).toEqual(before);
    expect(result.data!.registerCaseSource).toMatchObject({
      dryRun: true,
      case: null,
      toStatus: 'CASE_SOURCE_REGISTERED',
      deadlines: [expect.objectContaining({ kind: 'DOCKETING', triggerDate: '2025-09-01' })],
    });
  });
});

describe('previewDocument', () => {
  it('renders an on-demand document unnumbered and marked as a preview, storing and numbering nothing; missing sections refuse as generateDocument does', async () => {
    const caseId = app.demo.cases.xinghePersonalInformation!.id;
    const query = `query($caseId: ID!, $kind: DocumentKind!, $sections: JSON) {
      previewDocument(caseId: $caseId, kind: $kind, sections: $sections) {
        kind title fileName contentType base64 sha256
      }
    }`;
    const before = await snapshotDatabase();
    const result = await app.run<{ previewDocument: Preview }>(
      query,
      {
        caseId,
        kind: 'INQUIRY_TRANSCRIPT',
        sections: { inquiry: documentDefinition('INQUIRY_TRANSCRIPT').sampleInput.inquiry },
      },
      HANDLER,
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(await snapshotDatabase()).toEqual(before);
    const text = await textOf(result.data!.previewDocument);
    expect(text.split('\n')[0]).toBe('预览稿 — 未编号、未送达，不具法律效力');
    expect(text).toContain('询问笔录');
    expect(result.data!.previewDocument.kind).toBe('INQUIRY_TRANSCRIPT');

    const incomplete = await app.run(query, { caseId, kind: 'INQUIRY_TRANSCRIPT' }, HANDLER);
    const generated = await app.run(
      `mutation($caseId: ID!, $kind: DocumentKind!) { generateDocument(caseId: $caseId, kind: $kind) { id } }`,
      { caseId, kind: 'INQUIRY_TRANSCRIPT' },
      HANDLER,
    );
    expect(incomplete.errors?.[0]?.extensions?.code).toBe('DOCUMENT_INCOMPLETE');
    expect(incomplete.errors?.[0]?.message).toBe(generated.errors?.[0]?.message);
    expect(await snapshotDatabase()).toEqual(before);
  });
});
