import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signToken } from '../../src/auth/jwt.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const CASES = `query Cases($first: Int, $after: String, $filter: CaseFilter) {
  cases(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { id number status office { name } parties { name } } }
    pageInfo { hasNextPage endCursor }
  }
}`;

type CasesData = {
  cases: {
    totalCount: number;
    edges: {
      cursor: string;
      node: {
        id: string;
        number: string;
        status: string;
        office: { name: string };
        parties: { name: string }[];
      };
    }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
};

describe('database', () => {
  it('is UTF-8 and the committed migrations match the entities', async () => {
    const [row] = await app.orm.em
      .getConnection()
      .execute(`select current_setting('server_encoding') as encoding`);
    expect((row as { encoding: string }).encoding).toBe('UTF8');
    const pending = await app.orm.migrator.getPendingMigrations();
    expect(pending).toEqual([]);
    const diff = await app.orm.schema.getUpdateSchemaSQL({ wrap: false });
    // Only our hand-written expression indexes may appear (MikroORM cannot introspect opclasses).
    const statements = diff.split('\n').filter((line) => line.trim() && !/_idx/.test(line));
    expect(statements).toEqual([]);
  });
});

describe('the first session of the README', () => {
  it('serves me and the cases of the office subtree to an authorized officer', async () => {
    const result = await app.run<{
      me: { name: string; office: { name: string } };
      cases: { edges: { node: { id: string } }[] };
    }>(
      `{ me { name office { name } } cases(first: 10) { edges { node { id } } } }`,
      undefined,
      'BJ0001',
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.me.office.name).toBe('北京市互联网信息办公室');
    expect(result.data!.me.name).toBe(app.demo.officers.BJ0001!.name);
    // Beijing sees its own two cases and Haidian's one.
    const ids = result.data!.cases.edges.map((e) => e.node.id).sort();
    const expected = [
      app.demo.cases.xinghePersonalInformation!,
      app.demo.cases.zhangweiRumour!,
      app.demo.cases.qingniaoMinors!,
    ]
      .map((c) => c.id)
      .sort();
    expect(ids).toEqual(expected);
  });
});

describe('office-scoped visibility', () => {
  it.each([
    ['CN0001', 6],
    ['BJ0001', 3],
    ['HD0001', 1],
    ['SH0002', 2],
    ['ZJ0001', 1],
    ['XH0001', 0],
  ])('%s sees %i cases (own office and below)', async (certificate, count) => {
    const result = await app.run<CasesData>(CASES, { first: 50 }, certificate);
    expect(result.errors).toBeUndefined();
    expect(result.data!.cases.edges).toHaveLength(count);
    expect(result.data!.cases.totalCount).toBe(count);
  });

  it('a case of another province does not exist for the caller', async () => {
    const shanghaiCase = app.demo.cases.yunfanDataSecurity!;
    const result = await app.run(
      `query($id: ID!) { case(id: $id) { id number } }`,
      { id: shanghaiCase.id },
      'BJ0001',
    );
    expect(errorCode(result)).toBe('CASE_NOT_FOUND');
    expect(result.data).toBeNull();
    // The supervising national office does see it.
    const national = await app.run<{ case: { number: string } }>(
      `query($id: ID!) { case(id: $id) { number } }`,
      { id: shanghaiCase.id },
      'CN0001',
    );
    expect(national.data!.case.number).toBe(shanghaiCase.number);
  });

  it('a lower office cannot read its supervisor’s case, officer or party', async () => {
    const beijing = app.demo;
    for (const [query, id, code] of [
      [
        'query($id: ID!) { case(id: $id) { id } }',
        beijing.cases.xinghePersonalInformation!.id,
        'CASE_NOT_FOUND',
      ],
      [
        'query($id: ID!) { officer(id: $id) { id } }',
        beijing.officers.BJ0002!.id,
        'OFFICER_NOT_FOUND',
      ],
      ['query($id: ID!) { party(id: $id) { id } }', beijing.parties.xinghe!.id, 'PARTY_NOT_FOUND'],
    ] as const) {
      expect(errorCode(await app.run(query, { id }, 'HD0002'))).toBe(code);
    }
  });

  it('offices above are visible by id (the supervisors), siblings are not', async () => {
    const parent = await app.run<{ office: { name: string } }>(
      `query($id: ID!) { office(id: $id) { name } }`,
      { id: app.demo.offices.beijing!.id },
      'HD0001',
    );
    expect(parent.data!.office.name).toBe('北京市互联网信息办公室');
    const sibling = await app.run(
      `query($id: ID!) { office(id: $id) { name } }`,
      { id: app.demo.offices.shanghai!.id },
      'BJ0001',
    );
    expect(errorCode(sibling)).toBe('OFFICE_NOT_FOUND');
  });

  it('filtering on an office outside the subtree is refused, on one inside narrows the list', async () => {
    const outside = await app.run(
      CASES,
      { filter: { officeId: app.demo.offices.pudong!.id } },
      'BJ0001',
    );
    expect(errorCode(outside)).toBe('OFFICE_NOT_FOUND');
    const inside = await app.run<CasesData>(
      CASES,
      { filter: { officeId: app.demo.offices.haidian!.id } },
      'BJ0001',
    );
    expect(inside.data!.cases.edges.map((e) => e.node.office.name)).toEqual([
      '北京市海淀区互联网信息办公室',
    ]);
  });
});

describe('lists: keyset pagination and filters', () => {
  it('walks every case exactly once, newest first, page by page', async () => {
    const seen: string[] = [];
    let after: string | null = null;
    let pages = 0;
    do {
      const result: Awaited<ReturnType<typeof app.run<CasesData>>> = await app.run<CasesData>(
        CASES,
        { first: 2, after },
        'CN0001',
      );
      expect(result.errors).toBeUndefined();
      const page = result.data!.cases;
      seen.push(...page.edges.map((e) => e.node.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      pages += 1;
    } while (after && pages < 10);
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(6);
    expect(seen).toHaveLength(6);
  });

  it.each([
    [{ search: '星河' }, ['京网信案〔2026〕1号']],
    [{ search: '沪网信案' }, ['沪网信案〔2026〕1号']],
    [{ status: ['CASE_SOURCE_REGISTERED'] }, ['京网信案〔2026〕2号', '海网信案〔2026〕1号']],
    [{ status: ['DECIDED_PENALTY'], search: '云帆' }, ['沪网信案〔2026〕1号']],
    [{ search: '100%_' }, []],
  ])('filter %j finds %j', async (filter, numbers) => {
    const result = await app.run<CasesData>(CASES, { first: 50, filter }, 'CN0001');
    expect(result.errors).toBeUndefined();
    expect(result.data!.cases.edges.map((e) => e.node.number).sort()).toEqual([...numbers].sort());
  });

  it.each([
    ['garbage', 'INVALID_CURSOR'],
    [Buffer.from('["not a date","x"]').toString('base64url'), 'INVALID_CURSOR'],
  ])('a malformed cursor %s is refused with %s', async (after, code) => {
    expect(errorCode(await app.run(CASES, { first: 2, after }, 'CN0001'))).toBe(code);
  });

  it.each([0, 101, -1])('page size %i is refused', async (first) => {
    expect(errorCode(await app.run(CASES, { first }, 'CN0001'))).toBe('PAGE_SIZE_OUT_OF_RANGE');
  });

  it('loads nested relations in batches: the statement count does not grow with the page size', async () => {
    const query = `query($first: Int) { cases(first: $first) { edges { node { id office { name parent { name } } parties { name office { name } } handlers { name certificates { number } } evidence { title collectors { name } } decisions { kind penalties { kind amountYuan } } } } } }`;
    const counts: number[] = [];
    for (const first of [1, 6]) {
      const context = await import('../../src/app.js').then((m) =>
        m.createRequestContext(app.orm, app.jwt, `Bearer ${app.tokenFor('CN0001')}`),
      );
      app.resetQueryCount();
      const response = await app.apollo.executeOperation(
        { query, variables: { first } },
        { contextValue: context },
      );
      expect(response.body.kind === 'single' && response.body.singleResult.errors).toBeFalsy();
      counts.push(app.queryCount());
    }
    // The office subtree lookup and one statement for the page, plus at most one per relation
    // field in the query (office, parent, parties, party office, handlers, certificates,
    // evidence, collectors, decisions), whatever the number of rows: batched, not N+1.
    const relationFields = 9;
    for (const count of counts) {
      expect(count).toBeLessThanOrEqual(2 + relationFields);
    }
  });
});

describe('authentication', () => {
  it('refuses a request without a token', async () => {
    expect(errorCode(await app.run('{ me { name } }'))).toBe('UNAUTHENTICATED');
  });

  it('refuses an expired token', async () => {
    const token = signToken(app.demo.officers.BJ0001!.id, app.jwt, 60, Date.now() - 3600_000);
    const result = await app.run('{ me { name } }', undefined, {
      authorization: `Bearer ${token}`,
    });
    expect(errorCode(result)).toBe('TOKEN_EXPIRED');
  });

  it.each([
    [
      'a token signed with another key',
      () => signToken('x', { ...app.jwt, secret: 'another-secret-another-secret-xx' }, 60),
    ],
    [
      'a token for another audience',
      () => signToken(app.demo.officers.BJ0001!.id, { ...app.jwt, audience: 'elsewhere' }, 60),
    ],
    ['garbage', () => 'abc.def'],
  ])('refuses %s as TOKEN_INVALID', async (_name, token) => {
    expect(
      errorCode(
        await app.run('{ me { name } }', undefined, { authorization: `Bearer ${token()}` }),
      ),
    ).toBe('TOKEN_INVALID');
  });

  it('refuses an officer who was deactivated after the token was issued', async () => {
    const token = app.tokenFor('BJ0005');
    const off = await app.run(
      `mutation($id: ID!) { updateOfficer(id: $id, input: { active: false }) { active } }`,
      { id: app.demo.officers.BJ0005!.id },
      'BJ0006',
    );
    expect(off.errors).toBeUndefined();
    expect(
      errorCode(await app.run('{ me { name } }', undefined, { authorization: `Bearer ${token}` })),
    ).toBe('OFFICER_INACTIVE');
    await app.run(
      `mutation($id: ID!) { updateOfficer(id: $id, input: { active: true }) { active } }`,
      { id: app.demo.officers.BJ0005!.id },
      'BJ0006',
    );
  });
});
