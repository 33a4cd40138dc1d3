import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRequestContext } from '../../src/app.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

interface Me {
  me: { id: string; name: string; roles: string[]; office: { name: string } };
}

const ME = '{ me { id name roles office { name } } }';

/** Statements the context (authentication and scope) runs for a token. */
async function contextStatements(authorization: string): Promise<number> {
  app.resetQueryCount();
  const ctx = await createRequestContext(app.orm, app.jwt, authorization);
  await ctx.endScope?.();
  expect(ctx.actor).toBeDefined();
  return app.queryCount();
}

describe('verified-token and actor cache (issue 10)', () => {
  it('authenticates a known officer with the scope statement alone', async () => {
    const authorization = `Bearer ${app.tokenFor('BJ0004')}`;
    const first = await contextStatements(authorization);
    const second = await contextStatements(authorization);
    // Miss: scope + stamp, officer row, office row. Hit: scope + stamp only.
    expect(first).toBe(3);
    expect(second).toBe(1);
  });

  it('refuses an officer deactivated after being cached, on their very next request', async () => {
    const token = app.tokenFor('BJ0005');
    const as = { authorization: `Bearer ${token}` };
    expect((await app.run<Me>(ME, undefined, as)).data?.me.id).toBe(app.demo.officers.BJ0005!.id);
    expect((await app.run<Me>(ME, undefined, as)).errors).toBeUndefined();
    const off = await app.run(
      `mutation($id: ID!) { updateOfficer(id: $id, input: { active: false }) { active } }`,
      { id: app.demo.officers.BJ0005!.id },
      'BJ0006',
    );
    expect(off.errors).toBeUndefined();
    expect(errorCode(await app.run(ME, undefined, as))).toBe('OFFICER_INACTIVE');
    await app.run(
      `mutation($id: ID!) { updateOfficer(id: $id, input: { active: true }) { active } }`,
      { id: app.demo.officers.BJ0005!.id },
      'BJ0006',
    );
    expect((await app.run<Me>(ME, undefined, as)).data?.me.id).toBe(app.demo.officers.BJ0005!.id);
  });

  it('sees changes made outside this process (plain SQL): deactivation, roles, the office', async () => {
    const id = app.demo.officers.BJ0003!.id;
    const as = { authorization: `Bearer ${app.tokenFor('BJ0003')}` };
    const before = (await app.run<Me>(ME, undefined, as)).data!.me;
    const db = app.orm.em.getConnection();

    await db.execute(`update officer set roles = '{ADMIN}' where id = ?`, [id]);
    expect((await app.run<Me>(ME, undefined, as)).data!.me.roles).toEqual(['ADMIN']);
    await db.execute(`update officer set roles = ?::text[] where id = ?`, [
      `{${before.roles.join(',')}}`,
      id,
    ]);

    await db.execute(
      `update office set name = name || '（测试）' where id = (select office_id from officer where id = ?)`,
      [id],
    );
    expect((await app.run<Me>(ME, undefined, as)).data!.me.office.name).toBe(
      `${before.office.name}（测试）`,
    );
    await db.execute(
      `update office set name = ? where id = (select office_id from officer where id = ?)`,
      [before.office.name, id],
    );

    await db.execute(`update officer set active = false where id = ?`, [id]);
    expect(errorCode(await app.run(ME, undefined, as))).toBe('OFFICER_INACTIVE');
    await db.execute(`update officer set active = true where id = ?`, [id]);
    expect((await app.run<Me>(ME, undefined, as)).data!.me).toEqual(before);
  });

  it('never accepts a token verified by another server in the same process', async () => {
    const other = { ...app.jwt, secret: `${app.jwt.secret}-other` };
    const authorization = `Bearer ${app.tokenFor('BJ0004')}`;
    await contextStatements(authorization);
    const ctx = await createRequestContext(app.orm, other, authorization);
    expect(ctx.actor).toBeUndefined();
    expect(ctx.authenticationError?.code).toBe('TOKEN_INVALID');
  });
});
