import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../../src/procedure/party-identifiers.js';
import { createTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const CREATE_PARTY = `mutation($input: CreatePartyInput!) { createParty(input: $input) { id } }`;
const first17 = '11010819850505003';

describe('concurrent duplicates (D9)', () => {
  it('five identical createParty at once: one party, the others a typed refusal, never an internal error', async () => {
    const input = {
      kind: 'NATURAL_PERSON',
      name: '周明',
      idType: 'RESIDENT_ID_CARD',
      idNumber: first17 + residentIdCheckCharacter(first17),
      address: '北京市朝阳区建国路1号',
    };
    const results = await Promise.all(
      Array.from({ length: 5 }, () => app.run(CREATE_PARTY, { input }, 'BJ0002')),
    );
    const codes = results.map((r) => r.errors?.[0]?.extensions?.code ?? 'OK');
    expect(codes.filter((c) => c === 'OK')).toHaveLength(1);
    for (const code of codes.filter((c) => c !== 'OK')) {
      expect(['PARTY_ALREADY_REGISTERED', 'CONFLICT']).toContain(code);
    }
    const conflict = results.find((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT');
    if (conflict) {
      expect(conflict.errors![0]!.extensions!.retryable).toBe(true);
      expect(conflict.errors![0]!.message).not.toMatch(/duplicate key|constraint|unique/i);
    }
    const [row] = await app.orm.em
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int as n from party where name = '周明'`);
    expect(row!.n).toBe(1);
  });
});

/**
 * D11, decided: parties and enforcement certificates are office reference records, kept
 * by the registering office and by the offices above it (supervision: 上级网信部门 may
 * correct a lower office's registers). Acts of the procedure are not: only the case's own
 * office acts on a case (ACTOR_NOT_IN_CASE_OFFICE). Offices beside or below never see the record.
 */
describe('higher offices and lower offices’ records (D11)', () => {
  const UPDATE = `mutation($id: ID!, $address: String!) { updateParty(id: $id, input: { address: $address }) { address } }`;

  it('the national office may correct a Beijing party; Shanghai and Haidian may not see it', async () => {
    const id = app.demo.parties.xinghe!.id;
    const national = await app.run<{ updateParty: { address: string } }>(
      UPDATE,
      { id, address: '北京市海淀区中关村大街1号（更正）' },
      'CN0002',
    );
    expect(national.errors).toBeUndefined();
    expect(national.data!.updateParty.address).toBe('北京市海淀区中关村大街1号（更正）');
    for (const outsider of ['SH0002', 'HD0002']) {
      const refused = await app.run(UPDATE, { id, address: '伪造地址' }, outsider);
      expect(refused.errors?.[0]?.extensions?.code, outsider).toBe('PARTY_NOT_FOUND');
    }
  });
});
