import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentDefinition } from '../../src/documents/document-registry.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';
import {
  CASE_AUDIT_QUERY,
  handlersEvidenceInput,
  investigatingCase,
  registerCase,
  type AuditedCase,
} from '../support/procedure-steps.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const DOCKET = `mutation($caseId: ID!, $expectedVersion: Int!, $input: DecideDocketingInput!) {
  decideDocketing(caseId: $caseId, expectedVersion: $expectedVersion, input: $input) {
    case { id version }
  }
}`;

/** Statements of other sessions waiting for a lock. */
async function lockWaiters(): Promise<number> {
  const [row] = await app.orm.em
    .fork()
    .execute<{ waiting: string }[]>(
      `select count(*) as waiting from pg_stat_activity where wait_event_type = 'Lock' and pid <> pg_backend_pid()`,
    );
  return Number(row?.waiting ?? 0);
}

/** Holds the case row from another session until every one of `count` requests waits on it. */
async function holdCaseRowUntilWaiting(caseId: string, count: number) {
  const holder = app.orm.em.fork();
  await holder.begin();
  await holder.execute('select id from "case" where id = ? for update', [caseId]);
  return {
    async releaseWhenWaiting() {
      const waitingSince = Date.now();
      while ((await lockWaiters()) < count && Date.now() - waitingSince < 20_000) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      const waiting = await lockWaiters();
      await holder.commit();
      return waiting;
    },
  };
}

const GENERATE = `mutation($caseId: ID!, $sections: JSON) {
  generateDocument(caseId: $caseId, kind: INQUIRY_TRANSCRIPT, sections: $sections) { id version }
}`;
const TRANSCRIPT = { inquiry: documentDefinition('INQUIRY_TRANSCRIPT').sampleInput.inquiry };

describe('two steps on the same case version at once', () => {
  it('they take the case row in turn: the second reads version 2 and gets CASE_VERSION_CONFLICT, not a bare CONFLICT', async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2026-11-30',
      partyKey: 'xinghe',
      certificate: 'BJ0002',
      committedOn: '2026-11-01',
    });
    app.setToday('2026-12-03');
    // Another session holds the case row: both steps wait at their load of the case until it
    // lets go, then take it in turn.
    const holder = app.orm.em.fork();
    await holder.begin();
    await holder.execute('select id from "case" where id = ? for update', [caseId]);
    const docketing = {
      docket: true,
      handlerIds: [app.demo.officers.BJ0002!.id, app.demo.officers.BJ0003!.id],
      jurisdictionBasis: 'TERRITORIAL',
      jurisdictionExplanation: '违法行为发生地在本行政区域',
    };
    const answers = Promise.all(
      [0, 1].map(() =>
        app.run<{ decideDocketing: { case: { version: number } } }>(
          DOCKET,
          { caseId, expectedVersion: 1, input: docketing },
          'BJ0001',
        ),
      ),
    );
    const waitingSince = Date.now();
    while ((await lockWaiters()) < 2 && Date.now() - waitingSince < 20_000) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(await lockWaiters()).toBe(2);
    await holder.commit();
    const [first, second] = await answers;
    const won = [first!, second!].filter((answer) => !answer.errors);
    const lost = [first!, second!].filter((answer) => answer.errors);
    expect(won, JSON.stringify([first, second])).toHaveLength(1);
    expect(won[0]!.data!.decideDocketing.case.version).toBe(2);
    expect(lost.map(errorCode)).toEqual(['CASE_VERSION_CONFLICT']);
    expect(lost[0]!.errors![0]!.extensions!.details).toEqual({
      currentVersion: 2,
      expectedVersion: 1,
    });
  }, 60_000);
});

describe('appends to one case at once (APL art. 47, 全过程记录: every act on the chain)', () => {
  it('two generateDocument calls (no expected version) both succeed and the chain verifies', async () => {
    const caseId = await investigatingCase(app, { prefix: 'HD', partyKey: 'qingniao' });
    app.setToday('2025-09-12');
    const before = await app.run<AuditedCase>(CASE_AUDIT_QUERY, { id: caseId }, 'HD0002');
    const events = before.data!.case.events.length;
    const held = await holdCaseRowUntilWaiting(caseId, 2);
    const answers = Promise.all(
      [0, 1].map(() =>
        app.run<{ generateDocument: { id: string; version: number } }>(
          GENERATE,
          { caseId, sections: TRANSCRIPT },
          'HD0002',
        ),
      ),
    );
    expect(await held.releaseWhenWaiting()).toBe(2);
    const results = await answers;
    expect(
      results.map((r) => r.errors),
      JSON.stringify(results),
    ).toEqual([undefined, undefined]);
    expect(results.map((r) => r.data!.generateDocument.version).sort()).toEqual([1, 2]);
    const after = await app.run<AuditedCase>(CASE_AUDIT_QUERY, { id: caseId }, 'HD0002');
    expect(after.data!.case.auditChain).toEqual({
      intact: true,
      checkedEvents: events + 2,
      reason: null,
    });
  }, 60_000);

  it('a step with the current version and a generateDocument at once: both succeed, the version moves once', async () => {
    const caseId = await investigatingCase(app, { prefix: 'HD', partyKey: 'qingniao' });
    app.setToday('2025-09-12');
    const before = await app.run<AuditedCase>(CASE_AUDIT_QUERY, { id: caseId }, 'HD0002');
    const { version, events } = before.data!.case;
    const held = await holdCaseRowUntilWaiting(caseId, 2);
    const step = app.run<{ recordEvidence: { case: { version: number } } }>(
      `mutation($caseId: ID!, $expectedVersion: Int!, $input: RecordEvidenceInput!) {
        recordEvidence(caseId: $caseId, expectedVersion: $expectedVersion, input: $input) { case { version } }
      }`,
      {
        caseId,
        expectedVersion: version,
        input: handlersEvidenceInput(app, '2025-09-12'),
      },
      'HD0002',
    );
    const document = app.run<{ generateDocument: { id: string } }>(
      GENERATE,
      { caseId, sections: TRANSCRIPT },
      'HD0002',
    );
    expect(await held.releaseWhenWaiting()).toBe(2);
    const [stepped, generated] = await Promise.all([step, document]);
    expect(stepped.errors, JSON.stringify(stepped.errors)).toBeUndefined();
    expect(generated.errors, JSON.stringify(generated.errors)).toBeUndefined();
    expect(stepped.data!.recordEvidence.case.version).toBe(version + 1);
    const after = await app.run<AuditedCase>(CASE_AUDIT_QUERY, { id: caseId }, 'HD0002');
    expect(after.data!.case.auditChain).toEqual({
      intact: true,
      checkedEvents: events.length + 2,
      reason: null,
    });
  }, 60_000);
});
