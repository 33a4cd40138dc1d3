import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentDefinition } from '../../src/documents/document-registry.js';
import { uuidv7 } from '../../src/entities/uuid.js';
import { investigatingCase, officerId } from '../support/procedure-steps.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

/**
 * generateDocument takes its number with its reads and writes the document, the pending entry it
 * fulfils and its case event in one statement (store-generated-document.ts), with no flush of the
 * unit of work: what it stores must be what it answers, the chain must verify, a refusal after
 * the number was taken must give it back, and a second document in the same operation must see
 * the first.
 */

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const GENERATE = `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) {
  generateDocument(caseId: $caseId, kind: $kind, sections: $sections) {
    id kind title number version sha256 sizeBytes templateSha256 createdAt
  }
}`;

type Generated = {
  id: string;
  kind: string;
  title: string;
  number: string | null;
  version: number;
  sha256: string;
  sizeBytes: number;
  templateSha256: string;
  createdAt: string;
};

async function sql<T>(query: string, parameters: unknown[] = []): Promise<T[]> {
  return app.orm.em.fork().getConnection().execute<T[]>(query, parameters);
}

const hearingSections = () => ({
  notice: documentDefinition('HEARING_NOTICE').sampleInput.notice,
  hearing: documentDefinition('HEARING_NOTICE').sampleInput.hearing,
});

describe('generateDocument: one write statement', () => {
  it('stores the document as answered, fulfils the oldest pending entry of its kind, and extends the chain', async () => {
    const caseId = await investigatingCase(app, { prefix: 'HD', partyKey: 'qingniao' });
    app.setToday('2025-09-12');
    // Two open entries of the kind: the older (lower due sequence) is the one fulfilled.
    const older = uuidv7();
    const newer = uuidv7();
    for (const [id, sequence] of [
      [older, 1],
      [newer, 2],
    ] as const) {
      await sql(
        `insert into pending_document (id, case_id, kind, title, due_by, due_since, due_sequence, required)
         values (?, ?, 'INQUIRY_TRANSCRIPT', '询问笔录', 'recordInquiry', '2025-09-10', ?, true)`,
        [id, caseId, sequence],
      );
    }
    const result = await app.run<{ generateDocument: Generated }>(
      GENERATE,
      {
        caseId,
        kind: 'INQUIRY_TRANSCRIPT',
        sections: { inquiry: documentDefinition('INQUIRY_TRANSCRIPT').sampleInput.inquiry },
      },
      'HD0002',
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const answer = result.data!.generateDocument;

    const [row] = await sql<{
      kind: string;
      title: string;
      number: string | null;
      version: number;
      sha256: string;
      size_bytes: number;
      template_sha256: string;
      created_at: Date;
      created_by: string;
      content: Buffer;
      model: object;
    }>(`select * from case_document where id = ?`, [answer.id]);
    expect(row).toBeDefined();
    expect({
      kind: row!.kind,
      title: row!.title,
      number: row!.number,
      version: row!.version,
      sha256: row!.sha256,
      sizeBytes: row!.size_bytes,
      templateSha256: row!.template_sha256,
      createdAt: new Date(row!.created_at).toISOString(),
    }).toEqual({
      kind: answer.kind,
      title: answer.title,
      number: answer.number,
      version: answer.version,
      sha256: answer.sha256,
      sizeBytes: answer.sizeBytes,
      templateSha256: answer.templateSha256,
      createdAt: new Date(answer.createdAt).toISOString(),
    });
    expect(createHash('sha256').update(row!.content).digest('hex')).toBe(answer.sha256);
    expect(row!.content.length).toBe(answer.sizeBytes);
    expect(row!.created_by).toBe(officerId(app, 'HD0002'));
    expect(Object.keys(row!.model).length).toBeGreaterThan(0);

    const entries = await sql<{ id: string; fulfilled_by_id: string | null; fulfilled_at: Date }>(
      `select id, fulfilled_by_id, fulfilled_at from pending_document
       where case_id = ? and kind = 'INQUIRY_TRANSCRIPT' order by due_sequence`,
      [caseId],
    );
    expect(entries.map((e) => [e.id, e.fulfilled_by_id])).toEqual([
      [older, answer.id],
      [newer, null],
    ]);
    expect(entries[0]!.fulfilled_at).not.toBeNull();

    // The event names the document; the case row's head is its hash (the insert trigger ran).
    const [event] = await sql<{ sequence: number; hash: string; payload: { document: object } }>(
      `select sequence, hash, payload from case_event where case_id = ? order by sequence desc limit 1`,
      [caseId],
    );
    expect(event!.payload.document).toEqual({
      id: answer.id,
      kind: 'INQUIRY_TRANSCRIPT',
      number: answer.number,
      version: answer.version,
      sha256: answer.sha256,
    });
    const [head] = await sql<{ chain_head: string; chain_length: number }>(
      `select chain_head, chain_length from "case" where id = ?`,
      [caseId],
    );
    expect(head).toEqual({ chain_head: event!.hash, chain_length: event!.sequence });

    // The chain recomputes and the document's bytes match what it names.
    const exported = await app.run<{
      exportCaseFile: { auditChainIntact: boolean; documentCount: number };
    }>(
      `query($caseId: ID!) { exportCaseFile(caseId: $caseId) { auditChainIntact documentCount } }`,
      { caseId },
      'HD0002',
    );
    expect(exported.errors, JSON.stringify(exported.errors)).toBeUndefined();
    expect(exported.data!.exportCaseFile.auditChainIntact).toBe(true);
  });

  it('a refusal after the number was taken gives it back: nothing written, the series unchanged', async () => {
    const caseId = await investigatingCase(app, { prefix: 'HD', partyKey: 'qingniao' });
    app.setToday('2025-09-12');
    const first = await app.run<{ generateDocument: Generated }>(
      GENERATE,
      { caseId, kind: 'HEARING_NOTICE', sections: hearingSections() },
      'HD0002',
    );
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    // The notice is now served: regenerating it is refused after the reads took a number.
    const [party] = await sql<{ party_id: string }>(
      `select party_id from case_party where case_id = ? limit 1`,
      [caseId],
    );
    await sql(
      `insert into service_record (id, updated_at, case_id, party_id, documents, method, facts,
         servers, served_on, deemed_served_on, deemed_service_explanation, created_by)
       values (?, now(), ?, ?, ?::jsonb, 'DIRECT', '{}'::jsonb, '[]'::jsonb, '2025-09-12',
         '2025-09-12', '直接送达', ?)`,
      [
        uuidv7(),
        caseId,
        party!.party_id,
        JSON.stringify([{ kind: 'HEARING_NOTICE', id: first.data!.generateDocument.id }]),
        officerId(app, 'HD0002'),
      ],
    );
    const lastOf = async () =>
      (
        await sql<{ kind: string; last: number }>(
          `select kind, last from number_sequence where office_id = (select office_id from "case" where id = ?)
           and year = 2025 and kind like 'DOCUMENT:%' order by kind`,
          [caseId],
        )
      ).map((r) => [r.kind, r.last]);
    const seriesBefore = await lastOf();
    // The first notice took a number of the office's series for 2025.
    expect(seriesBefore.length).toBeGreaterThan(0);
    const before = await app.tableCounts();
    const refused = await app.run(
      GENERATE,
      { caseId, kind: 'HEARING_NOTICE', sections: hearingSections() },
      'HD0002',
    );
    expect(errorCode(refused)).toBe('SERVED_DOCUMENT_CORRECTION_ONLY');
    expect(await lastOf()).toEqual(seriesBefore);
    expect(await app.tableCounts()).toEqual(before);
  });

  it('two documents in one operation: the second sees the first (version, number, chain)', async () => {
    const caseId = await investigatingCase(app, { prefix: 'HD', partyKey: 'qingniao' });
    app.setToday('2025-09-12');
    const result = await app.run<{ a: Generated; b: Generated }>(
      `mutation($caseId: ID!, $sections: JSON) {
        a: generateDocument(caseId: $caseId, kind: HEARING_NOTICE, sections: $sections) { id number version sha256 }
        b: generateDocument(caseId: $caseId, kind: HEARING_NOTICE, sections: $sections) { id number version sha256 }
      }`,
      { caseId, sections: hearingSections() },
      'HD0002',
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const { a, b } = result.data!;
    expect(b.version).toBe(a.version + 1);
    const serial = (n: string | null) => Number(/〔2025〕(\d+)号/.exec(n ?? '')?.[1]);
    expect(serial(b.number)).toBe(serial(a.number) + 1);
    const events = await sql<{ payload: { document: { id: string } } }>(
      `select payload from case_event where case_id = ? and action = 'generateDocument' order by sequence`,
      [caseId],
    );
    expect(events.map((e) => e.payload.document.id)).toEqual([a.id, b.id]);
    const stored = await sql<{ id: string }>(
      `select id from case_document where case_id = ? and kind = 'HEARING_NOTICE' order by version`,
      [caseId],
    );
    expect(stored.map((s) => s.id)).toEqual([a.id, b.id]);
    const exported = await app.run<{ exportCaseFile: { auditChainIntact: boolean } }>(
      `query($caseId: ID!) { exportCaseFile(caseId: $caseId) { auditChainIntact } }`,
      { caseId },
      'HD0002',
    );
    expect(exported.data!.exportCaseFile.auditChainIntact).toBe(true);
  });
});
