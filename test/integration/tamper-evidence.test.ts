import JSZip from 'jszip';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { verifyCheckpointSignature } from '../../src/audit/checkpoint-key.js';
import { leafHash, verifyMerkleProof, type MerkleProofStep } from '../../src/audit/merkle.js';
import { documentDefinition } from '../../src/documents/document-registry.js';
import { investigatingCase } from '../support/procedure-steps.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

/**
 * Issue 11 D5: each tampering done as a database superuser behind the
 * triggers' back is reported by auditChain, the download and the export.
 */
let app: TestApp;
let http: ZhifaApp;
let base: string;

beforeAll(async () => {
  app = await createTestApp();
  http = await createApp({ orm: app.orm, jwt: app.jwt, production: false, logError: () => {} });
  await new Promise<void>((resolve) => http.httpServer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(http.httpServer.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await http?.apollo.stop();
  await app?.close();
});

const AUDIT = `query($id: ID!) {
  case(id: $id) {
    auditChain { intact checkedEvents firstBrokenSequence reason tamperedDocuments }
    events { sequence hashVersion actorName }
    documents { id sha256 downloadUrl }
  }
}`;

interface Audited {
  case: {
    auditChain: {
      intact: boolean;
      checkedEvents: number;
      firstBrokenSequence: number | null;
      reason: string | null;
      tamperedDocuments: string[];
    };
    events: { sequence: number; hashVersion: number; actorName: string }[];
    documents: { id: string; sha256: string; downloadUrl: string }[];
  };
}

async function audit(caseId: string) {
  const result = await app.run<Audited>(AUDIT, { id: caseId }, 'BJ0002');
  expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
  return result.data!.case;
}

const get = (path: string) =>
  fetch(`${base}${path}`, { headers: { authorization: `Bearer ${app.tokenFor('BJ0002')}` } });

async function exported(caseId: string) {
  const response = await get(`/cases/${caseId}/case-file.zip`);
  expect(response.status).toBe(200);
  const zip = await JSZip.loadAsync(Buffer.from(await response.arrayBuffer()));
  const read = async (name: string) => zip.file(name)?.async('string');
  return {
    index: JSON.parse((await read('index.json'))!) as {
      auditChain: { intact: boolean; reason: string | null };
      documents: { integrity: string }[];
    },
    indexText: (await read('index.txt'))!,
    integrity: JSON.parse((await read('integrity.json'))!) as {
      intact: boolean;
      auditChain: { reason: string | null; tamperedDocuments: string[] };
    },
    checkpoint: (await read('checkpoint.json')) ?? null,
  };
}

/** A Beijing case docketed, with evidence and an inquiry transcript: 4 events, 1 document. */
async function documentedCase(): Promise<string> {
  const caseId = await investigatingCase(app, { prefix: 'BJ', partyKey: 'xinghe' });
  const generated = await app.run(
    `mutation($caseId: ID!, $sections: JSON) { generateDocument(caseId: $caseId, kind: INQUIRY_TRANSCRIPT, sections: $sections) { id } }`,
    { caseId, sections: { inquiry: documentDefinition('INQUIRY_TRANSCRIPT').sampleInput.inquiry } },
    'BJ0002',
  );
  expect(generated.errors, JSON.stringify(generated.errors)).toBeUndefined();
  return caseId;
}

/** Runs SQL as the superuser the tests connect as, with the append-only triggers off. */
async function behindTriggers(table: string, sql: string, params: unknown[]) {
  const connection = app.orm.em.getConnection();
  await connection.execute(`alter table "${table}" disable trigger user`);
  try {
    await connection.execute(sql, params);
  } finally {
    await connection.execute(`alter table "${table}" enable trigger user`);
  }
}

describe('tamper evidence (hash versions, chain head, document bytes)', () => {
  it('records new events under the current hash version (3) and keeps the chain head on the case row', async () => {
    const caseId = await documentedCase();
    const found = await audit(caseId);
    expect(found.auditChain).toEqual({
      intact: true,
      checkedEvents: 4,
      firstBrokenSequence: null,
      reason: null,
      tamperedDocuments: [],
    });
    expect(found.events.map((e) => e.hashVersion)).toEqual([3, 3, 3, 3]);
    const [row] = await app.orm.em
      .getConnection()
      .execute(
        `select c.chain_length, c.chain_head = e.hash as head_matches from "case" c join case_event e on e.case_id = c.id and e.sequence = 4 where c.id = ?`,
        [caseId],
      );
    expect(row).toEqual({ chain_length: 4, head_matches: true });
    const download = await get(found.documents[0]!.downloadUrl);
    expect(download.status).toBe(200);
    expect((await exported(caseId)).integrity.intact).toBe(true);
  });

  it('the database refuses an event that does not extend the recorded head', async () => {
    const caseId = await documentedCase();
    await expect(
      app.orm.em.getConnection().execute(
        `insert into case_event (id, case_id, sequence, occurred_at, action, actor_officer_id, actor_name, from_status, to_status, input_digest, payload, previous_hash, hash, hash_version)
           select gen_random_uuid(), case_id, 9, now(), 'forged', actor_officer_id, actor_name, from_status, to_status, input_digest, payload, hash, hash, 2
           from case_event where case_id = ? and sequence = 4`,
        [caseId],
      ),
    ).rejects.toThrow(/does not extend the recorded chain head/);
  });

  it('a changed actor_name is reported by auditChain and the export', async () => {
    const caseId = await documentedCase();
    await behindTriggers(
      'case_event',
      `update case_event set actor_name = '伪造的人' where case_id = ? and sequence = 2`,
      [caseId],
    );
    const found = await audit(caseId);
    expect(found.events[1]!.actorName).toBe('伪造的人');
    expect(found.auditChain).toMatchObject({
      intact: false,
      reason: 'HASH_MISMATCH',
      firstBrokenSequence: 2,
    });
    const file = await exported(caseId);
    expect(file.index.auditChain).toMatchObject({ intact: false, reason: 'HASH_MISMATCH' });
    expect(file.integrity.intact).toBe(false);
    expect(file.indexText).toMatch(/哈希链在第 2 条处断裂（HASH_MISMATCH）/);
  });

  it('deleting the last event is reported by auditChain and the export', async () => {
    const caseId = await documentedCase();
    await behindTriggers(
      'case_event',
      `delete from case_event where case_id = ? and sequence = 4`,
      [caseId],
    );
    const found = await audit(caseId);
    expect(found.auditChain).toMatchObject({
      intact: false,
      checkedEvents: 3,
      reason: 'LENGTH_MISMATCH',
      firstBrokenSequence: 4,
    });
    const file = await exported(caseId);
    expect(file.index.auditChain).toMatchObject({ intact: false, reason: 'LENGTH_MISMATCH' });
    expect(file.indexText).toMatch(/LENGTH_MISMATCH/);
  });

  it('replaced document bytes are refused by the download and reported by auditChain and the export', async () => {
    const caseId = await documentedCase();
    const before = await audit(caseId);
    const document = before.documents[0]!;
    await behindTriggers('case_document', `update case_document set content = ? where id = ?`, [
      Buffer.from('伪造的文书'),
      document.id,
    ]);
    const download = await get(document.downloadUrl);
    expect(download.status).toBe(409);
    expect(await download.json()).toMatchObject({
      error: { code: 'DOCUMENT_INTEGRITY_VIOLATION' },
    });
    const pdf = await get(`${document.downloadUrl}?format=pdf`);
    expect(pdf.status).toBe(409);

    const found = await audit(caseId);
    expect(found.auditChain).toMatchObject({
      intact: false,
      reason: 'DOCUMENT_MISMATCH',
      tamperedDocuments: [document.id],
    });
    const file = await exported(caseId);
    expect(file.integrity).toMatchObject({
      intact: false,
      auditChain: { reason: 'DOCUMENT_MISMATCH', tamperedDocuments: [document.id] },
    });
    expect(file.index.documents.map((d) => d.integrity)).toContain('CONTENT_MISMATCH');
    expect(file.indexText).toMatch(/内容与登记的 SHA-256 不符（CONTENT_MISMATCH/);
  });

  it('replacing the bytes and the document row’s SHA-256 together still fails against the chain', async () => {
    const caseId = await documentedCase();
    const document = (await audit(caseId)).documents[0]!;
    const forged = Buffer.from('伪造的文书');
    await behindTriggers(
      'case_document',
      `update case_document set content = ?, sha256 = encode(sha256(?), 'hex') where id = ?`,
      [forged, forged, document.id],
    );
    expect((await get(document.downloadUrl)).status).toBe(409);
    expect((await audit(caseId)).auditChain).toMatchObject({
      reason: 'DOCUMENT_MISMATCH',
      tamperedDocuments: [document.id],
    });
    const file = await exported(caseId);
    expect(file.index.documents.map((d) => d.integrity)).toContain('CHAIN_MISMATCH');
  });
});

describe('signed audit checkpoints', () => {
  const CREATE = `mutation { createAuditCheckpoint { sequence caseCount merkleRoot signedStatement signature keyId previousCheckpointHash } }`;

  it('an administrator takes a checkpoint; the export carries it with a Merkle proof that verifies with the published key', async () => {
    const caseId = await documentedCase();
    const refused = await app.run(CREATE, {}, 'BJ0002');
    expect(refused.errors?.[0]?.extensions?.code).toBe('ROLE_REQUIRED');
    const first = await app.run<{ createAuditCheckpoint: { sequence: number } }>(
      CREATE,
      {},
      'BJ0006',
    );
    expect(first.errors, JSON.stringify(first.errors)).toBeUndefined();
    const second = await app.run<{
      createAuditCheckpoint: {
        sequence: number;
        merkleRoot: string;
        signedStatement: string;
        signature: string;
        previousCheckpointHash: string;
      };
    }>(CREATE, {}, 'BJ0006');
    const checkpoint = second.data!.createAuditCheckpoint;
    expect(checkpoint.sequence).toBe(first.data!.createAuditCheckpoint.sequence + 1);

    const key = await fetch(`${base}/audit/checkpoint-key.pem`);
    const publicKeyPem = await key.text();
    expect(publicKeyPem).toMatch(/BEGIN PUBLIC KEY/);
    const feed = (await (await fetch(`${base}/audit/checkpoints.json`)).json()) as {
      items: { sequence: number; merkleRoot: string; signedStatement: string; signature: string }[];
    };
    expect(feed.items[0]).toMatchObject({
      sequence: checkpoint.sequence,
      merkleRoot: checkpoint.merkleRoot,
    });
    expect(
      verifyCheckpointSignature(
        feed.items[0]!.signedStatement,
        feed.items[0]!.signature,
        publicKeyPem,
      ),
    ).toBe(true);
    expect(JSON.parse(checkpoint.signedStatement)).toMatchObject({
      merkleRoot: checkpoint.merkleRoot,
      sequence: checkpoint.sequence,
    });

    const file = await exported(caseId);
    const proof = JSON.parse(file.checkpoint!) as {
      checkpoint: {
        sequence: number;
        merkleRoot: string;
        signedStatement: string;
        signature: string;
      };
      leaf: { caseId: string; head: string; length: number };
      proof: MerkleProofStep[];
    };
    expect(proof.checkpoint.sequence).toBe(checkpoint.sequence);
    expect(proof.leaf).toMatchObject({ caseId, length: 4 });
    // What an outside verifier does with only the export and the published key:
    expect(verifyMerkleProof(leafHash(proof.leaf), proof.proof, proof.checkpoint.merkleRoot)).toBe(
      true,
    );
    expect(
      verifyCheckpointSignature(
        proof.checkpoint.signedStatement,
        proof.checkpoint.signature,
        publicKeyPem,
      ),
    ).toBe(true);
    expect(JSON.parse(proof.checkpoint.signedStatement).merkleRoot).toBe(
      proof.checkpoint.merkleRoot,
    );

    // The checkpoint table is append-only too.
    await expect(
      app.orm.em.getConnection().execute(`delete from audit_checkpoint`),
    ).rejects.toThrow(/append-only/);
  });

  it('a full rewrite of a checkpointed chain (every hash recomputed, head moved) is caught against the checkpoint', async () => {
    const caseId = await documentedCase();
    expect((await app.run(CREATE, {}, 'BJ0006')).errors).toBeUndefined();
    // Cut the last event and move the case row's head to match: the chain alone looks intact.
    await behindTriggers(
      'case_event',
      `delete from case_event where case_id = ? and sequence = 4`,
      [caseId],
    );
    await app.orm.em
      .getConnection()
      .execute(
        `update "case" c set chain_length = 3, chain_head = e.hash from case_event e where e.case_id = c.id and e.sequence = 3 and c.id = ?`,
        [caseId],
      );
    expect((await audit(caseId)).auditChain).toMatchObject({
      intact: false,
      reason: 'CHECKPOINT_MISMATCH',
      firstBrokenSequence: 4,
    });
    expect((await exported(caseId)).integrity.intact).toBe(false);
  });
});
