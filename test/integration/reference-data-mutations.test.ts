import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  creditCodeCheckCharacter,
  residentIdCheckCharacter,
} from '../../src/procedure/party-identifiers.js';
import { createTestApp, errorCode, type GraphQLResult, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

/** Runs a mutation that must be refused, and proves the database is unchanged. */
async function expectRefusedWithoutWrites(
  code: string,
  query: string,
  variables: Record<string, unknown>,
  as: string,
): Promise<GraphQLResult> {
  const before = await app.tableCounts();
  const result = await app.run(query, variables, as);
  expect(errorCode(result), JSON.stringify(result.errors)).toBe(code);
  expect(result.errors![0]!.message).toMatch(/[\u4e00-\u9fff]/);
  expect(await app.tableCounts()).toEqual(before);
  return result;
}

const creditCode = (first17: string) => first17 + creditCodeCheckCharacter(first17);
const residentId = (first17: string) => first17 + residentIdCheckCharacter(first17);

const CREATE_OFFICE = `mutation($input: CreateOfficeInput!) { createOffice(input: $input) { id name level parent { name } } }`;

function officeInput(overrides: Record<string, unknown> = {}) {
  return {
    parentId: app.demo.offices.beijing!.id,
    level: 'COUNTY',
    name: '北京市朝阳区互联网信息办公室',
    divisionCode: '110105',
    unifiedSocialCreditCode: creditCode('11110105000099990'),
    shortName: '朝网信',
    reconsiderationOrgan: '北京市朝阳区人民政府',
    litigationCourt: '北京市朝阳区人民法院',
    paymentChannel: '北京市非税收入收缴系统',
    ...overrides,
  };
}

describe('offices', () => {
  it('an administrator creates a district office under a municipality directly under the central government', async () => {
    const result = await app.run<{
      createOffice: { name: string; level: string; parent: { name: string } };
    }>(CREATE_OFFICE, { input: officeInput() }, 'BJ0006');
    expect(result.errors).toBeUndefined();
    expect(result.data!.createOffice).toMatchObject({
      level: 'COUNTY',
      parent: { name: '北京市互联网信息办公室' },
    });
    // The new office is in Beijing's subtree at once.
    const offices = await app.run<{ offices: { edges: { node: { name: string } }[] } }>(
      `{ offices(first: 50, filter: { level: COUNTY }) { edges { node { name } } } }`,
      undefined,
      'BJ0001',
    );
    expect(offices.data!.offices.edges.map((e) => e.node.name).sort()).toEqual(
      ['北京市朝阳区互联网信息办公室', '北京市海淀区互联网信息办公室'].sort(),
    );
  });

  it.each([
    [
      'OFFICE_LEVEL_MISMATCH',
      () =>
        officeInput({
          level: 'PROVINCIAL',
          unifiedSocialCreditCode: creditCode('11110105000099991'),
        }),
    ],
    [
      'INVALID_UNIFIED_SOCIAL_CREDIT_CODE',
      () => officeInput({ unifiedSocialCreditCode: '11110105000099991X' }),
    ],
    [
      'INVALID_DIVISION_CODE',
      () =>
        officeInput({
          divisionCode: '11010',
          unifiedSocialCreditCode: creditCode('11110105000099992'),
        }),
    ],
    ['OFFICE_NOT_FOUND', () => officeInput({ parentId: '00000000-0000-7000-8000-000000000000' })],
    ['OFFICE_NOT_FOUND', () => officeInput({ parentId: app.demo.offices.shanghai!.id })],
    [
      'OFFICE_CREDIT_CODE_TAKEN',
      () =>
        officeInput({ unifiedSocialCreditCode: app.demo.offices.haidian!.unifiedSocialCreditCode }),
    ],
    [
      'FIELD_REQUIRED',
      () => officeInput({ name: '  ', unifiedSocialCreditCode: creditCode('11110105000099993') }),
    ],
  ])('refuses %s and writes nothing', async (code, input) => {
    await expectRefusedWithoutWrites(code, CREATE_OFFICE, { input: input() }, 'BJ0006');
  });

  it('a county office cannot have offices below it', async () => {
    const result = await expectRefusedWithoutWrites(
      'OFFICE_LEVEL_MISMATCH',
      CREATE_OFFICE,
      {
        input: officeInput({
          parentId: app.demo.offices.haidian!.id,
          unifiedSocialCreditCode: creditCode('11110105000099994'),
        }),
      },
      'HD0006',
    );
    expect(result.errors![0]!.extensions!.details).toMatchObject({
      parentLevel: 'COUNTY',
      allowedLevels: [],
    });
  });

  it('only an administrator manages offices', async () => {
    const result = await expectRefusedWithoutWrites(
      'ROLE_REQUIRED',
      CREATE_OFFICE,
      { input: officeInput() },
      'BJ0001',
    );
    expect(result.errors![0]!.extensions!.details).toEqual({ requiredRoles: ['ADMIN'] });
  });

  it('updates only the given fields', async () => {
    const result = await app.run<{ updateOffice: { shortName: string; name: string } }>(
      `mutation($id: ID!) { updateOffice(id: $id, input: { shortName: "海淀网信" }) { shortName name } }`,
      { id: app.demo.offices.haidian!.id },
      'BJ0006',
    );
    expect(result.data!.updateOffice).toEqual({
      shortName: '海淀网信',
      name: '北京市海淀区互联网信息办公室',
    });
  });
});

describe('officers and enforcement certificates', () => {
  const CREATE_OFFICER = `mutation($input: CreateOfficerInput!) { createOfficer(input: $input) { id name roles office { name } } }`;
  const ADD_CERTIFICATE = `mutation($input: AddEnforcementCertificateInput!) { addEnforcementCertificate(input: $input) { id number validFrom validTo holder { name } } }`;

  it('creates an officer in a lower office and gives them a certificate', async () => {
    const created = await app.run<{ createOfficer: { id: string; office: { name: string } } }>(
      CREATE_OFFICER,
      {
        input: {
          officeId: app.demo.offices.haidian!.id,
          name: '孔令辉',
          roles: ['CASE_HANDLER', 'HEARING_OFFICER'],
        },
      },
      'BJ0006',
    );
    expect(created.errors).toBeUndefined();
    const officerId = created.data!.createOfficer.id;
    const certificate = await app.run<{
      addEnforcementCertificate: { number: string; holder: { name: string } };
    }>(
      ADD_CERTIFICATE,
      {
        input: {
          officerId,
          number: 'HD0100',
          issuingAuthority: '北京市人民政府',
          validFrom: '2026-01-01',
          validTo: '2028-12-31',
        },
      },
      'BJ0006',
    );
    expect(certificate.data!.addEnforcementCertificate).toMatchObject({
      number: 'HD0100',
      holder: { name: '孔令辉' },
    });
    const check = await app.run<{ officer: { on: boolean; before: boolean } }>(
      `query($id: ID!) { officer(id: $id) { on: hasValidCertificateOn(date: "2026-11-22") before: hasValidCertificateOn(date: "2025-12-31") } }`,
      { id: officerId },
      'HD0001',
    );
    expect(check.data!.officer).toEqual({ on: true, before: false });
  });

  it('a certificate number is unique nationwide', async () => {
    await expectRefusedWithoutWrites(
      'CERTIFICATE_NUMBER_TAKEN',
      ADD_CERTIFICATE,
      {
        input: {
          officerId: app.demo.officers.BJ0002!.id,
          number: 'SH0001',
          issuingAuthority: '北京市人民政府',
          validFrom: '2026-01-01',
          validTo: '2027-01-01',
        },
      },
      'BJ0006',
    );
  });

  it.each([
    ['DATE_RANGE_INVERTED', { validFrom: '2027-01-01', validTo: '2026-01-01' }],
    ['INVALID_DATE', { validFrom: '2026-02-30', validTo: '2027-01-01' }],
  ])('refuses %s', async (code, dates) => {
    await expectRefusedWithoutWrites(
      code,
      ADD_CERTIFICATE,
      {
        input: {
          officerId: app.demo.officers.BJ0002!.id,
          number: 'BJ0777',
          issuingAuthority: '北京市人民政府',
          ...dates,
        },
      },
      'BJ0006',
    );
  });

  it('an expired or revoked certificate makes no law-enforcement officer on that date', async () => {
    const query = `query($id: ID!) { officer(id: $id) { hasValidCertificateOn(date: "2026-11-22") certificates { number revokedOn } } }`;
    const expired = await app.run<{ officer: { hasValidCertificateOn: boolean } }>(
      query,
      { id: app.demo.officers.BJ0901!.id },
      'BJ0001',
    );
    expect(expired.data!.officer.hasValidCertificateOn).toBe(false);
    const revoked = await app.run<{
      officer: { hasValidCertificateOn: boolean; certificates: { revokedOn: string }[] };
    }>(query, { id: app.demo.officers.BJ0902!.id }, 'BJ0001');
    expect(revoked.data!.officer).toEqual({
      hasValidCertificateOn: false,
      certificates: [{ number: 'BJ0902', revokedOn: '2026-01-15' }],
    });
  });

  it('revokes a certificate from the given date on, once', async () => {
    const officer = await app.run<{ officer: { certificates: { id: string }[] } }>(
      `query($id: ID!) { officer(id: $id) { certificates { id } } }`,
      { id: app.demo.officers.BJ0004!.id },
      'BJ0006',
    );
    const certificateId = officer.data!.officer.certificates[0]!.id;
    const REVOKE = `mutation($input: RevokeEnforcementCertificateInput!) { revokeEnforcementCertificate(input: $input) { revokedOn revocationReason } }`;
    const input = { certificateId, revokedOn: '2026-12-01', reason: '退休' };
    const revoked = await app.run(REVOKE, { input }, 'BJ0006');
    expect(revoked.data).toEqual({
      revokeEnforcementCertificate: { revokedOn: '2026-12-01', revocationReason: '退休' },
    });
    await expectRefusedWithoutWrites('CERTIFICATE_ALREADY_REVOKED', REVOKE, { input }, 'BJ0006');
    const valid = await app.run<{ officer: { a: boolean; b: boolean } }>(
      `query($id: ID!) { officer(id: $id) { a: hasValidCertificateOn(date: "2026-11-30") b: hasValidCertificateOn(date: "2026-12-01") } }`,
      { id: app.demo.officers.BJ0004!.id },
      'BJ0006',
    );
    expect(valid.data!.officer).toEqual({ a: true, b: false });
  });

  it('an administrator cannot manage officers of another province, nor a handler any officer', async () => {
    await expectRefusedWithoutWrites(
      'OFFICE_NOT_FOUND',
      CREATE_OFFICER,
      { input: { officeId: app.demo.offices.shanghai!.id, name: '越权', roles: ['CASE_HANDLER'] } },
      'BJ0006',
    );
    await expectRefusedWithoutWrites(
      'ROLE_REQUIRED',
      CREATE_OFFICER,
      { input: { officeId: app.demo.offices.beijing!.id, name: '越权', roles: ['CASE_HANDLER'] } },
      'BJ0002',
    );
  });
});

describe('parties', () => {
  const CREATE_PARTY = `mutation($input: CreatePartyInput!) { createParty(input: $input) { id name idNumber kind office { name } } }`;
  const person = (overrides: Record<string, unknown> = {}) => ({
    kind: 'NATURAL_PERSON',
    name: '陈静',
    idType: 'RESIDENT_ID_CARD',
    idNumber: residentId('11010819900101002'),
    address: '北京市海淀区学院路1号',
    ...overrides,
  });

  it('registers a person whose resident ID passes GB 11643, then finds it by name', async () => {
    const created = await app.run<{ createParty: { name: string; office: { name: string } } }>(
      CREATE_PARTY,
      { input: person() },
      'BJ0002',
    );
    expect(created.errors).toBeUndefined();
    expect(created.data!.createParty.office.name).toBe('北京市互联网信息办公室');
    const found = await app.run<{ parties: { edges: { node: { name: string } }[] } }>(
      `{ parties(first: 10, filter: { search: "陈静" }) { edges { node { name } } } }`,
      undefined,
      'BJ0001',
    );
    expect(found.data!.parties.edges.map((e) => e.node.name)).toEqual(['陈静']);
  });

  it.each([
    ['INVALID_RESIDENT_ID_NUMBER', person({ idNumber: '110108199001010020' })],
    ['INVALID_RESIDENT_ID_NUMBER', person({ idNumber: residentId('11010819901301002') })],
    [
      'INVALID_UNIFIED_SOCIAL_CREDIT_CODE',
      {
        kind: 'LEGAL_PERSON',
        name: '某公司',
        idType: 'UNIFIED_SOCIAL_CREDIT_CODE',
        idNumber: '91110108MA01XH7K20',
        address: '北京',
        legalRepresentative: '某人',
      },
    ],
    ['PARTY_ID_TYPE_MISMATCH', person({ idType: 'UNIFIED_SOCIAL_CREDIT_CODE' })],
    [
      'LEGAL_REPRESENTATIVE_REQUIRED',
      {
        kind: 'LEGAL_PERSON',
        name: '某公司',
        idType: 'UNIFIED_SOCIAL_CREDIT_CODE',
        idNumber: creditCode('91110108MA01XH7K3'),
        address: '北京',
      },
    ],
    [
      'ELECTRONIC_SERVICE_ADDRESS_REQUIRED',
      person({ idNumber: residentId('11010819900101003'), electronicServiceConsent: true }),
    ],
    ['PARTY_ALREADY_REGISTERED', person()],
  ])('refuses %s and writes nothing', async (code, input) => {
    await expectRefusedWithoutWrites(code, CREATE_PARTY, { input }, 'BJ0002');
  });

  it('a hearing officer may not register parties', async () => {
    await expectRefusedWithoutWrites(
      'ROLE_REQUIRED',
      CREATE_PARTY,
      { input: person({ idNumber: residentId('11010819900101004') }) },
      'BJ0005',
    );
  });

  it('records consent to electronic service with its address, and clears an optional field with null', async () => {
    const id = app.demo.parties.qingniao!.id;
    const result = await app.run<{ updateParty: Record<string, unknown> }>(
      `mutation($id: ID!) { updateParty(id: $id, input: { electronicServiceConsent: true, electronicServiceAddress: "fw@qingniao.example.cn", contactPhone: null }) { electronicServiceConsent electronicServiceAddress contactPhone } }`,
      { id },
      'HD0002',
    );
    expect(result.data!.updateParty).toEqual({
      electronicServiceConsent: true,
      electronicServiceAddress: 'fw@qingniao.example.cn',
      contactPhone: null,
    });
  });
});

describe('errors', () => {
  it('an unexpected failure is masked, logged with an id, and leaks nothing', async () => {
    // A closed connection pool makes the resolver fail in a way no rule foresaw.
    const query = `query($id: ID!) { case(id: $id) { id } }`;
    const token = app.tokenFor('BJ0001');
    const context = await import('../../src/app.js').then((m) =>
      m.createRequestContext(app.orm, app.jwt, `Bearer ${token}`),
    );
    const em = context.em;
    // case(id) reads with one raw statement (resolvers/case-detail.ts).
    const original = em.execute.bind(em);
    em.execute = (() =>
      Promise.reject(
        new Error('relation "secret_table" does not exist at 10.0.0.1'),
      )) as typeof em.execute;
    const response = await app.apollo.executeOperation(
      { query, variables: { id: app.demo.cases.xinghePersonalInformation!.id } },
      { contextValue: context },
    );
    em.execute = original;
    const result = response.body.kind === 'single' ? response.body.singleResult : undefined;
    const error = result!.errors![0]!;
    expect(error.extensions!.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.extensions!.errorId).toMatch(/^[0-9a-f-]{36}$/);
    expect(JSON.stringify(result)).not.toMatch(/secret_table|10\.0\.0\.1|stack/);
  });

  it('depth and alias limits refuse a query before any resolver runs', async () => {
    const deep = `{ me { office { parent { parent { parent { parent { parent { parent { parent { parent { parent { name } } } } } } } } } } } }`;
    app.resetQueryCount();
    const result = await app.run(deep);
    expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(app.queryCount()).toBe(0);
    const aliases = `{ ${Array.from({ length: 31 }, (_, i) => `a${i}: me { name }`).join(' ')} }`;
    expect(errorCode(await app.run(aliases))).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
