import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext } from '../../src/app.js';
import { handlersEvidenceInput, investigatingCase } from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';
import { documentDefinition } from '../../src/documents/document-registry.js';

/**
 * Statements per request on the procedure's hot paths (issue 10): a dashboard page asking for
 * deadlines and availableActions must not grow with the page size, and a step must stay within
 * a fixed, small number of statements.
 */

let app: TestApp;
const recheck = process.env.ZHIFA_CALENDAR_RECHECK_MS;

beforeAll(async () => {
  // The calendar memo stays fresh for the whole file: its signature check would add a
  // statement to whichever request comes after the recheck time.
  process.env.ZHIFA_CALENDAR_RECHECK_MS = '3600000';
  app = await createTestApp();
});

afterAll(async () => {
  if (recheck === undefined) {
    delete process.env.ZHIFA_CALENDAR_RECHECK_MS;
  } else {
    process.env.ZHIFA_CALENDAR_RECHECK_MS = recheck;
  }
  await app?.close();
});

/** Statements of one operation, authentication included (the context is built inside). */
async function statementsOf(
  query: string,
  variables: Record<string, unknown>,
  certificate: string,
  today: string,
): Promise<{ count: number; data: Record<string, unknown> }> {
  app.resetQueryCount();
  const context = await createRequestContext(
    app.orm,
    app.jwt,
    `Bearer ${app.tokenFor(certificate)}`,
    () => new Date(`${today}T02:00:00Z`),
  );
  const response = await app.apollo.executeOperation(
    { query, variables },
    { contextValue: context },
  );
  if (response.body.kind !== 'single') {
    throw new Error('incremental delivery not expected');
  }
  const { errors, data } = response.body.singleResult;
  expect(errors, JSON.stringify(errors)).toBeUndefined();
  return { count: app.queryCount(), data: data as Record<string, unknown> };
}

const DASHBOARD = `query($first: Int) {
  cases(first: $first) {
    edges { node {
      id number status
      deadlines { kind dueDate status }
      availableActions { action allowed violations { code } }
    } }
  }
}`;

describe('statement counts', () => {
  it('a dashboard page with deadlines and availableActions runs the same statements for 1 case as for 8', async () => {
    // Two walked cases (deadlines, pending documents, evidence) besides the six fixtures.
    await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    await investigatingCase(app, { prefix: 'SH', partyKey: 'yunfan' });
    // The calendar is read once per process (the memo): a first request pays it.
    await statementsOf(DASHBOARD, { first: 1 }, 'CN0001', '2025-09-12');
    const counts: number[] = [];
    for (const first of [1, 8]) {
      const { count, data } = await statementsOf(DASHBOARD, { first }, 'CN0001', '2025-09-12');
      const edges = (data.cases as { edges: unknown[] }).edges;
      expect(edges).toHaveLength(first);
      counts.push(count);
    }
    expect(counts[1]).toBe(counts[0]);
    // Scope and officer; the page; deadlines; the cases with office, parties, handlers and
    // certificates, pending documents and rulebook overrides, and the actor's certificates.
    expect(counts[1]).toBeLessThanOrEqual(5);
  });

  it('recordEvidence runs a fixed handful of statements', async () => {
    const caseId = await investigatingCase(app, { prefix: 'HD', partyKey: 'qingniao' });
    app.setToday('2025-09-12');
    const { count, data } = await statementsOf(
      `mutation($caseId: ID!, $input: RecordEvidenceInput!) {
        recordEvidence(caseId: $caseId, expectedVersion: 3, input: $input) { toStatus case { version } }
      }`,
      {
        caseId,
        input: handlersEvidenceInput(app, '2025-09-12'),
      },
      'HD0002',
      '2025-09-12',
    );
    expect(data.recordEvidence).toEqual({ toStatus: 'INVESTIGATING', case: { version: 4 } });
    // Reads: scope, officer, then the case with what the snapshot reads, its chain head, its
    // open deadlines, pending documents and the office's rulebook overrides in one statement
    // (two before, four before that; the collectors are the handlers already read; the chain's
    // last link is the case row's head). Writes: the case (version), then the event, the pending
    // EVIDENCE_COLLECTION_RECORD, the evidence and the collectors in one statement (the case
    // update passes the held inserts, bound-connection.ts): 5 counted before.
    expect(count).toBeLessThanOrEqual(4);
  });

  it('generateDocument reads the case with its parties and handlers in one statement and its chain head from the case row', async () => {
    const caseId = await investigatingCase(app, { prefix: 'HD', partyKey: 'qingniao' });
    app.setToday('2025-09-12');
    const { count, data } = await statementsOf(
      `mutation($caseId: ID!, $sections: JSON) {
        generateDocument(caseId: $caseId, kind: INQUIRY_TRANSCRIPT, sections: $sections) { kind version }
      }`,
      {
        caseId,
        sections: { inquiry: documentDefinition('INQUIRY_TRANSCRIPT').sampleInput.inquiry },
      },
      'HD0002',
      '2025-09-12',
    );
    expect(data.generateDocument).toEqual({ kind: 'INQUIRY_TRANSCRIPT', version: 1 });
    // The case comes with its office, parties, handlers and their certificates in one joined
    // statement, and the chain's last link is the case row's head: 12 statements before, when
    // the parties, the handlers and the last event were read apart. The service records, the
    // evidence, the kind's latest version and pending entry (and the actor's certificates) are
    // one statement (document-reads.ts): 9 before. The document, the pending entry it fulfils
    // and the event are one statement (store-generated-document.ts; a numbered kind takes its
    // number with the reads): 6 before.
    expect(count).toBeLessThanOrEqual(5);
  });

  it('a template version another transaction already stored is not sent again; the text stays stored', async () => {
    const caseId = await investigatingCase(app, { prefix: 'HD', partyKey: 'qingniao' });
    app.setToday('2025-09-12');
    const generate = () =>
      statementsOf(
        `mutation($caseId: ID!, $sections: JSON) {
          generateDocument(caseId: $caseId, kind: HEARING_NOTICE, sections: $sections) { version templateSha256 }
        }`,
        {
          caseId,
          sections: {
            notice: documentDefinition('HEARING_NOTICE').sampleInput.notice,
            hearing: documentDefinition('HEARING_NOTICE').sampleInput.hearing,
          },
        },
        'HD0002',
        '2025-09-12',
      );
    // First use: this request inserts the version (stored only if it commits).
    const first = await generate();
    // Found already stored by the first request's committed transaction: remembered from now on.
    const second = await generate();
    const third = await generate();
    expect(third.count).toBe(second.count - 1);
    expect(first.count).toBe(second.count);
    const generated = third.data.generateDocument as { version: number; templateSha256: string };
    expect(generated.version).toBe(3);
    const stored = await app.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(
        'select count(*)::int as n from document_template_version where sha256 = ?',
        [generated.templateSha256],
      );
    expect(stored[0]!.n).toBe(1);
  });
  it('a page of cases with their 约谈 (interviews), and a page of interviews with their case and party, run the same statements for 1 row as for 8', async () => {
    // The newest case (first on a page) and a fixture case, each with interviews linked to it.
    const walked = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
    const fixture = app.demo.cases.xinghePersonalInformation!.id;
    app.setToday('2025-09-16');
    for (const caseId of [walked, fixture, walked]) {
      const recorded = await app.run(
        `mutation($input: RecordInterviewInput!) { recordInterview(input: $input) { id } }`,
        {
          input: {
            partyId: app.demo.parties.xinghe!.id,
            caseId,
            interviewedOn: '2025-09-15',
            legalBasis: 'PIPL_64',
            interviewees: [{ name: '周明远', position: '法定代表人' }],
            officerIds: [app.demo.officers.BJ0002!.id, app.demo.officers.BJ0003!.id],
            matters: '个人信息处理活动存在较大风险，要求整改',
            rectificationRequired: false,
            place: '北京市互联网信息办公室',
            startTime: '09:30',
            endTime: '10:30',
            intervieweeStatement: '认可',
          },
        },
        'BJ0002',
      );
      expect(recorded.errors).toBeUndefined();
    }
    const CASES = `query($first: Int) { cases(first: $first) { edges { node {
      id interviews { id legalBasis party { name } case { id } } } } } }`;
    const INTERVIEWS = `query($first: Int) { interviews(first: $first) { edges { node {
      id party { name } case { id number } } } } }`;
    for (const query of [CASES, INTERVIEWS]) {
      const counts: number[] = [];
      for (const first of [1, 8]) {
        const { count, data } = await statementsOf(query, { first }, 'BJ0001', '2025-09-16');
        const edges = Object.values(data)[0] as { edges: { node: Record<string, unknown> }[] };
        expect(edges.edges.length).toBeGreaterThanOrEqual(Math.min(first, 2));
        counts.push(count);
      }
      expect(counts[1]).toBe(counts[0]);
    }
    // The first case of the page is the walked one, with its two interviews.
    const { data } = await statementsOf(CASES, { first: 1 }, 'BJ0001', '2025-09-16');
    const [node] = (data.cases as { edges: { node: { id: string; interviews: unknown[] } }[] })
      .edges;
    expect(node!.node.id).toBe(walked);
    expect(node!.node.interviews).toHaveLength(2);
  });
});
