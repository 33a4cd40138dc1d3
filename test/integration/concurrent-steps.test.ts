import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';
import { registerCase } from '../support/procedure-steps.js';

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

describe('two steps on the same case version at once', () => {
  it('both read version 1 and pass their checks; the one that writes second gets CASE_VERSION_CONFLICT, not a bare CONFLICT', async () => {
    const caseId = await registerCase(app, {
      receivedOn: '2026-11-30',
      partyKey: 'xinghe',
      certificate: 'BJ0002',
      committedOn: '2026-11-01',
    });
    app.setToday('2026-12-03');
    // Another session holds the case row: both steps read the case (a plain select is not
    // blocked), pass every rule, and wait at their writes until it lets go.
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
    expect(lost[0]!.errors![0]!.extensions!.details).toMatchObject({ caseId });
  }, 60_000);
});
