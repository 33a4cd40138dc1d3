import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/auth/context.js';
import { appendCaseEvent, verifyCaseChain } from '../../src/commands/case-events.js';
import { CalendarYear } from '../../src/entities/calendar-year.entity.js';
import { CaseEvent } from '../../src/entities/case-event.entity.js';
import { Case } from '../../src/entities/case.entity.js';
import { PenaltyProvisionRecord } from '../../src/entities/penalty-provision-record.entity.js';
import { ensureReferenceData } from '../../src/db/seed/reference-data.js';
import { PENALTY_PROVISIONS_SEED } from '../../src/procedure/provisions/index.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let actor: Actor;

beforeAll(async () => {
  app = await createTestApp();
  const officer = app.demo.officers.BJ0002!;
  actor = {
    officer,
    officerId: officer.id,
    officeId: app.demo.offices.beijing!.id,
    officePath: officer.officePath,
    roles: officer.roles,
  };
});

afterAll(async () => {
  await app?.close();
});

async function appendThree(caseId: string): Promise<void> {
  for (const [i, [from, to]] of [
    ['CASE_SOURCE_REGISTERED', 'INVESTIGATING'],
    ['INVESTIGATING', 'INVESTIGATING'],
    ['INVESTIGATING', 'PRE_PENALTY_NOTICE_SERVED'],
  ].entries()) {
    await app.orm.em.fork().transactional(async (em) => {
      const found = await em.findOneOrFail(Case, { id: caseId });
      await appendCaseEvent(em, found, actor, {
        action: `step${i + 1}`,
        fromStatus: from!,
        toStatus: to!,
        occurredAt: new Date(Date.UTC(2026, 10, 1 + i)),
        actorCertificateNumber: 'BJ0002',
        rulebookVersion: 'CAC-2023',
        input: { step: i + 1, note: '测试' },
        payload: { legalBasis: ['《中华人民共和国行政处罚法》第五十四条'] },
      });
    });
  }
}

describe('the case audit trail (全过程记录)', () => {
  it('chains every event to the previous one and verifies intact', async () => {
    const caseId = app.demo.cases.xinghePersonalInformation!.id;
    await appendThree(caseId);
    const events = await app.orm.em
      .fork()
      .find(CaseEvent, { case: caseId }, { orderBy: { sequence: 'asc' } });
    expect(events.map((e) => e.sequence)).toEqual([1, 2, 3]);
    expect(events[1]!.previousHash).toBe(events[0]!.hash);
    expect(events[2]!.previousHash).toBe(events[1]!.hash);
    expect(await verifyCaseChain(app.orm.em.fork(), caseId)).toEqual({
      intact: true,
      checkedEvents: 3,
      firstBrokenSequence: null,
      reason: null,
      tamperedDocuments: [],
    });
  });

  it('the database refuses to change or delete a recorded event', async () => {
    const connection = app.orm.em.getConnection();
    await expect(connection.execute(`update case_event set action = 'forged'`)).rejects.toThrow(
      /append-only/,
    );
    await expect(connection.execute(`delete from case_event`)).rejects.toThrow(/append-only/);
    await expect(connection.execute(`truncate case_event`)).rejects.toThrow(/append-only/);
  });

  it('detects an event altered behind the trigger’s back', async () => {
    const caseId = app.demo.cases.xinghePersonalInformation!.id;
    const connection = app.orm.em.getConnection();
    // Only a superuser disabling the trigger can do this; the chain still tells.
    await connection.execute(`alter table case_event disable trigger case_event_append_only`);
    await connection.execute(
      `update case_event set payload = '{"legalBasis":[]}' where case_id = ? and sequence = 2`,
      [caseId],
    );
    await connection.execute(`alter table case_event enable trigger case_event_append_only`);
    expect(await verifyCaseChain(app.orm.em.fork(), caseId)).toMatchObject({
      intact: false,
      firstBrokenSequence: 2,
      reason: 'HASH_MISMATCH',
    });
  });

  it('two steps racing from the same last event cannot both extend the chain', async () => {
    const caseId = app.demo.cases.lanjingAlgorithm!.id;
    const step = () =>
      app.orm.em.fork().transactional(async (em) => {
        const found = await em.findOneOrFail(Case, { id: caseId });
        await appendCaseEvent(em, found, actor, {
          action: 'race',
          fromStatus: 'INVESTIGATING',
          toStatus: 'INVESTIGATING',
          occurredAt: new Date(Date.UTC(2026, 10, 2)),
          actorCertificateNumber: null,
          rulebookVersion: null,
          input: {},
          payload: {},
        });
      });
    const results = await Promise.allSettled([step(), step(), step()]);
    const fulfilled = results.filter((r) => r.status === 'fulfilled').length;
    expect(fulfilled).toBeGreaterThanOrEqual(1);
    const verification = await verifyCaseChain(app.orm.em.fork(), caseId);
    expect(verification.intact).toBe(true);
    expect(verification.checkedEvents).toBe(fulfilled);
  });
});

describe('reference data', () => {
  it('seeds the calendar years 2004–2026 and the whole provisions catalog, once', async () => {
    const em = app.orm.em.fork();
    const years = (await em.find(CalendarYear, {}, { orderBy: { year: 'asc' } })).map(
      (y) => y.year,
    );
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBe(2026);
    expect(years).toHaveLength(23);
    expect(await em.count(PenaltyProvisionRecord, {})).toBe(PENALTY_PROVISIONS_SEED.length);
    expect(await ensureReferenceData(app.orm.em.fork())).toEqual({
      calendarYears: 0,
      provisions: 0,
    });
  });
});
