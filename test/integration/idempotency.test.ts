import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, type ZhifaApp } from '../../src/app.js';
import { documentDefinition } from '../../src/documents/document-registry.js';
import { residentIdCheckCharacter } from '../../src/procedure/party-identifiers.js';
import { createTestApp, TEST_TODAY, type TestApp } from '../support/test-app.js';

let test: TestApp;
let app: ZhifaApp;
let base: string;

beforeAll(async () => {
  test = await createTestApp();
  app = await createApp({
    orm: test.orm,
    jwt: test.jwt,
    production: false,
    now: () => new Date(`${TEST_TODAY}T02:00:00Z`),
    logError: () => {},
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const address = app.httpServer.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => app?.httpServer.close(() => resolve()));
  await app?.apollo.stop();
  await test?.close();
});

interface Answer {
  status: number;
  replayed: string | null;
  body: {
    data?: Record<string, { id?: string; case?: { id: string } } | null> | null;
    errors?: { message: string; extensions?: Record<string, unknown> }[];
  };
}

async function post(
  query: string,
  variables: Record<string, unknown>,
  certificate: string,
  key?: string,
): Promise<Answer> {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${test.tokenFor(certificate)}`,
      ...(key === undefined ? {} : { 'idempotency-key': key }),
    },
    body: JSON.stringify({ query, variables }),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed'),
    body: (await response.json()) as Answer['body'],
  };
}

async function count(sql: string): Promise<number> {
  const [row] = await test.orm.em.getConnection().execute<{ n: number }[]>(sql);
  return row!.n;
}

const CREATE_PARTY = `mutation($input: CreatePartyInput!) { createParty(input: $input) { id name } }`;

function person(name: string, serial: string) {
  const first17 = `11010819850505${serial.slice(-3)}`;
  return {
    kind: 'NATURAL_PERSON',
    name,
    idType: 'RESIDENT_ID_CARD',
    idNumber: first17 + residentIdCheckCharacter(first17),
    address: '北京市朝阳区建国路1号',
  };
}

describe('Idempotency-Key on creates', () => {
  it('a retry with the same key and request returns the first answer without creating again', async () => {
    const input = person('赵一', '0011');
    const first = await post(CREATE_PARTY, { input }, 'BJ0002', 'party-key-1');
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    expect(first.replayed).toBeNull();
    const before = await test.tableCounts();

    const retry = await post(CREATE_PARTY, { input }, 'BJ0002', 'party-key-1');
    expect(retry.status).toBe(200);
    expect(retry.replayed).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await test.tableCounts()).toEqual(before);

    // Without the key the same call runs again and is refused as a duplicate.
    const unkeyed = await post(CREATE_PARTY, { input }, 'BJ0002');
    expect(unkeyed.body.errors?.[0]?.extensions?.code).toBe('PARTY_ALREADY_REGISTERED');
  });

  it('the same key with a different request is refused as IDEMPOTENCY_KEY_REUSED and writes nothing', async () => {
    await post(CREATE_PARTY, { input: person('钱二', '0012') }, 'BJ0002', 'party-key-2');
    const before = await test.tableCounts();
    const other = await post(
      CREATE_PARTY,
      { input: person('孙三', '0013') },
      'BJ0002',
      'party-key-2',
    );
    expect(other.status).toBe(422);
    expect(other.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(other.body.data ?? null).toBeNull();
    expect(await test.tableCounts()).toEqual(before);
  });

  it('keys belong to an officer: another officer may use the same key for their own create', async () => {
    const mine = await post(CREATE_PARTY, { input: person('李四', '0014') }, 'BJ0002', 'shared');
    const theirs = await post(CREATE_PARTY, { input: person('周五', '0015') }, 'BJ0003', 'shared');
    expect(mine.body.errors).toBeUndefined();
    expect(theirs.body.errors).toBeUndefined();
    expect(theirs.replayed).toBeNull();
    expect(theirs.body.data!.createParty!.id).not.toBe(mine.body.data!.createParty!.id);
  });

  it('concurrent duplicates: one create runs, the others replay its answer (or are told to retry)', async () => {
    const input = person('吴六', '0016');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => post(CREATE_PARTY, { input }, 'BJ0002', 'party-key-race')),
    );
    const ok = answers.filter((a) => a.status === 200 && !a.body.errors);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    expect(new Set(ok.map((a) => a.body.data!.createParty!.id)).size).toBe(1);
    expect(ok.filter((a) => a.replayed === null)).toHaveLength(1);
    for (const other of answers.filter((a) => !ok.includes(a))) {
      expect(other.status).toBe(409);
      expect(other.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_IN_PROGRESS');
    }
    expect(await count(`select count(*)::int as n from party where name = '吴六'`)).toBe(1);
  });

  it('a refused first attempt keeps no answer, so the corrected retry with the key runs', async () => {
    const bad = { ...person('郑七', '0017'), idNumber: '110108198505050170' };
    const refused = await post(CREATE_PARTY, { input: bad }, 'BJ0002', 'party-key-3');
    expect(refused.body.errors?.[0]?.extensions?.code).toBeDefined();
    expect(
      await count(`select count(*)::int as n from idempotency_key where key = 'party-key-3'`),
    ).toBe(0);
    const retry = await post(
      CREATE_PARTY,
      { input: person('郑七', '0017') },
      'BJ0002',
      'party-key-3',
    );
    expect(retry.body.errors).toBeUndefined();
    expect(retry.replayed).toBeNull();
  });

  it('an expired key is as good as unused: the request runs again', async () => {
    const input = person('王八', '0018');
    await post(CREATE_PARTY, { input }, 'BJ0002', 'party-key-4');
    await test.orm.em
      .getConnection()
      .execute(
        `update idempotency_key set expires_at = now() - interval '1 second' where key = 'party-key-4'`,
      );
    const again = await post(CREATE_PARTY, { input }, 'BJ0002', 'party-key-4');
    expect(again.replayed).toBeNull();
    expect(again.body.errors?.[0]?.extensions?.code).toBe('PARTY_ALREADY_REGISTERED');
  });

  it('registerCaseSource retried with its key returns the same case, registered once', async () => {
    const REGISTER = `mutation($input: RegisterCaseSourceInput!) { registerCaseSource(input: $input) { case { id } } }`;
    const input = {
      sourceType: 'COMPLAINT_OR_REPORT',
      namedComplainant: true,
      receivedOn: TEST_TODAY,
      title: '幂等登记测试',
      summary: '用户投诉某App未经同意收集通讯录信息。',
      partyIds: [test.demo.parties.xinghe!.id],
      violation: { committedOn: '2025-08-01', harmsLifeHealthOrFinancialSecurity: false },
    };
    const first = await post(REGISTER, { input }, 'BJ0002', 'case-key-1');
    expect(first.body.errors).toBeUndefined();
    const cases = await count(`select count(*)::int as n from "case"`);
    const retry = await post(REGISTER, { input }, 'BJ0002', 'case-key-1');
    expect(retry.replayed).toBe('true');
    expect(retry.body.data!.registerCaseSource!.case!.id).toBe(
      first.body.data!.registerCaseSource!.case!.id,
    );
    expect(await count(`select count(*)::int as n from "case"`)).toBe(cases);
  });

  it('generateDocument retried with its key returns the same numbered document, generated once', async () => {
    const GENERATE = `mutation($caseId: ID!, $kind: DocumentKind!, $sections: JSON) {
      generateDocument(caseId: $caseId, kind: $kind, sections: $sections) { id number sha256 }
    }`;
    const sample = documentDefinition('HEARING_NOTICE').sampleInput as unknown as Record<
      string,
      unknown
    >;
    const variables = {
      caseId: test.demo.cases.xinghePersonalInformation!.id,
      kind: 'HEARING_NOTICE',
      sections: { notice: sample.notice, hearing: sample.hearing },
    };
    const first = await post(GENERATE, variables, 'BJ0002', 'doc-key-1');
    expect(first.body.errors, JSON.stringify(first.body.errors)).toBeUndefined();
    const documents = await count(`select count(*)::int as n from case_document`);
    const retry = await post(GENERATE, variables, 'BJ0002', 'doc-key-1');
    expect(retry.replayed).toBe('true');
    expect(retry.body).toEqual(first.body);
    expect(await count(`select count(*)::int as n from case_document`)).toBe(documents);
    // The next document takes the next number: the retry consumed none.
    const next = await post(GENERATE, variables, 'BJ0002', 'doc-key-2');
    const number = (answer: Answer) =>
      (answer.body.data!.generateDocument as unknown as { number: string }).number;
    expect(number(next)).not.toBe(number(first));
    expect(Number(/(\d+)号/.exec(number(next))![1])).toBe(
      Number(/(\d+)号/.exec(number(first))![1]) + 1,
    );
  });

  it('refuses a key on other mutations, ignores it on queries, and refuses a malformed key', async () => {
    const update = await post(
      `mutation($id: ID!) { updateParty(id: $id, input: { address: "北京市" }) { id } }`,
      { id: test.demo.parties.xinghe!.id },
      'BJ0002',
      'update-key',
    );
    expect(update.status).toBe(422);
    expect(update.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_NOT_SUPPORTED');
    const two = await post(
      `mutation($a: CreatePartyInput!, $b: CreatePartyInput!) { a: createParty(input: $a) { id } b: createParty(input: $b) { id } }`,
      { a: person('甲', '0019'), b: person('乙', '0020') },
      'BJ0002',
      'two-creates',
    );
    expect(two.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_NOT_SUPPORTED');
    const query = await post(`{ me { name } }`, {}, 'BJ0002', 'query-key');
    expect(query.body.errors).toBeUndefined();
    const malformed = await post(
      CREATE_PARTY,
      { input: person('丙', '0021') },
      'BJ0002',
      'x'.repeat(300),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_KEY_INVALID');
  });
});
