// Errors a form can show: every invalid field at once, each with its input path; every
// procedure violation with the input paths it concerns; Chinese messages only (graphql-js's
// English kept in extensions.originalMessage).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

/** graphql-js prose that must not reach a user's screen. */
const ENGLISH_PROSE =
  /\b(Variable|got invalid value|was not provided|does not exist|cannot represent|Expected)\b/;

const REGISTER = `mutation($input: RegisterCaseSourceInput!, $lateEntryReason: String) {
  registerCaseSource(input: $input, dryRun: true, lateEntryReason: $lateEntryReason) { toStatus }
}`;

function registration(overrides: Record<string, unknown> = {}) {
  return {
    sourceType: 'COMPLAINT_OR_REPORT',
    namedComplainant: true,
    receivedOn: '2025-09-26',
    title: '违法处理个人信息案',
    summary: '用户投诉某App未经同意收集通讯录信息。',
    partyIds: [app.demo.parties.xinghe!.id],
    violation: { committedOn: '2025-08-01', harmsLifeHealthOrFinancialSecurity: false },
    ...overrides,
  };
}

type FieldError = { code: string; message: string; inputPath: string | null };

describe('errors a form can show', () => {
  it('variables of the wrong shape: one Chinese error per field, with its input path', async () => {
    const result = await app.run(
      `mutation($input: CreatePartyInput!) { createParty(input: $input) { id } }`,
      { input: { kind: 'ROBOT', idType: 'RESIDENT_ID_CARD', address: 7, extra: true } },
      'BJ0002',
    );
    const errors = result.errors!;
    expect(errors.map((e) => e.extensions!.inputPath)).toEqual(
      expect.arrayContaining(['input.kind', 'input.name', 'input.idNumber', 'input.extra']),
    );
    for (const error of errors) {
      expect(error.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        category: 'BAD_USER_INPUT',
      });
      expect(error.message).toMatch(/^请求参数无效：/);
      expect(error.message).not.toMatch(ENGLISH_PROSE);
      expect(error.extensions!.originalMessage).toMatch(/^Variable "\$input"/);
      const [entry] = error.extensions!.validationErrors as FieldError[];
      expect(entry!.inputPath).toBe(error.extensions!.inputPath);
    }
  });

  it('a missing variable and an unknown field: Chinese, the English original kept', async () => {
    const missing = await app.run(`query ($id: ID!) { case(id: $id) { id } }`, {}, 'BJ0002');
    expect(missing.errors![0]!.message).toBe('请求参数无效：变量 $id 为必填项（类型 ID!），未提供');
    expect(missing.errors![0]!.extensions).toMatchObject({
      inputPath: 'id',
      originalMessage: 'Variable "$id" of required type "ID!" was not provided.',
    });
    const unknown = await app.run(`{ noSuchField }`, {}, 'BJ0002');
    expect(unknown.errors![0]!.message).toBe('查询无效：类型 Query 没有字段 noSuchField');
    expect(unknown.errors![0]!.extensions!.originalMessage).toMatch(/^Cannot query field/);
  });

  it('a procedural input with several invalid fields: INPUT_INVALID listing each by path', async () => {
    const before = await app.tableCounts();
    const result = await app.run(
      REGISTER,
      { input: registration({ title: ' ', summary: '', namedComplainant: true }) },
      'BJ0002',
    );
    expect(errorCode(result), JSON.stringify(result.errors)).toBe('INPUT_INVALID');
    const error = result.errors![0]!;
    expect(error.extensions!.category).toBe('BAD_USER_INPUT');
    const listed = error.extensions!.validationErrors as FieldError[];
    expect(listed.map((e) => [e.code, e.inputPath])).toEqual([
      ['FIELD_REQUIRED', 'input.title'],
      ['FIELD_REQUIRED', 'input.summary'],
    ]);
    for (const entry of listed) {
      expect(entry.message).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(error.message).toMatch(/^输入有误（2 处）/);
    expect(await app.tableCounts()).toEqual(before);
  });

  it('APL art. 61(2): a party with three bad fields in three places gets all three at once', async () => {
    const before = await app.tableCounts();
    const result = await app.run(
      `mutation($input: CreatePartyInput!) { createParty(input: $input) { id } }`,
      {
        input: {
          kind: 'LEGAL_PERSON',
          idType: 'RESIDENT_ID_CARD',
          idNumber: '91110108MA01ABCD2X',
          name: '北京某科技有限公司',
          address: '北京市海淀区中关村大街1号',
          electronicServiceConsent: true,
          electronicServiceAddress: null,
          legalRepresentative: null,
        },
      },
      'BJ0002',
    );
    expect(errorCode(result), JSON.stringify(result.errors)).toBe('INPUT_INVALID');
    const listed = result.errors![0]!.extensions!.validationErrors as FieldError[];
    expect(listed.map((e) => [e.code, e.inputPath])).toEqual(
      expect.arrayContaining([
        ['PARTY_ID_TYPE_MISMATCH', 'input.idType'],
        ['ELECTRONIC_SERVICE_ADDRESS_REQUIRED', 'input.electronicServiceAddress'],
        ['LEGAL_REPRESENTATIVE_REQUIRED', 'input.legalRepresentative'],
      ]),
    );
    expect(await app.tableCounts()).toEqual(before);
  });

  it('APL art. 38: the facts an unmet rule looked at are a typed key/value list, the same as the deprecated details', async () => {
    const result = await app.run<{
      case: {
        availableActions: {
          violations: {
            code: string;
            details: Record<string, unknown>;
            facts: { key: string; kind: string; text: string | null; items: string[] | null }[];
          }[];
        }[];
      };
    }>(
      `query($id: ID!) { case(id: $id) { availableActions { violations {
        code details facts { key kind text boolean date items }
      } } } }`,
      { id: app.demo.cases.xinghePersonalInformation!.id },
      'BJ0002',
    );
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const violations = result.data!.case.availableActions.flatMap((a) => a.violations);
    const role = violations.find((v) => v.code === 'ROLE_REQUIRED')!;
    expect(role.facts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          key: 'requiredRoles',
          kind: 'LIST',
          items: role.details.requiredRoles,
        }),
      ]),
    );
    for (const v of violations) {
      expect(v.facts.map((f) => f.key)).toEqual(Object.keys(v.details));
    }
  });

  it('one invalid field keeps its own code, and is listed the same way', async () => {
    const result = await app.run(REGISTER, { input: registration({ title: '' }) }, 'BJ0002');
    expect(errorCode(result)).toBe('FIELD_REQUIRED');
    expect(result.errors![0]!.extensions!.validationErrors).toEqual([
      expect.objectContaining({ code: 'FIELD_REQUIRED', inputPath: 'input.title' }),
    ]);
  });

  it('every invalid text of the arguments at once', async () => {
    const result = await app.run(
      `mutation($id: ID!, $input: UpdatePartyInput!) { updateParty(id: $id, input: $input) { id } }`,
      { id: app.demo.parties.qingniao!.id, input: { name: '星河\uFFFE科技', address: '甲\n乙' } },
      'BJ0002',
    );
    expect(errorCode(result)).toBe('INPUT_INVALID');
    expect(
      (result.errors![0]!.extensions!.validationErrors as FieldError[]).map((e) => [
        e.code,
        e.inputPath,
      ]),
    ).toEqual([
      ['INVALID_TEXT', 'input.name'],
      ['INVALID_TEXT', 'input.address'],
    ]);
  });

  it('a procedure violation names the input fields it concerns', async () => {
    const result = await app.run(
      REGISTER,
      { input: registration({ receivedOn: '2099-01-04' }) },
      'BJ0002',
    );
    expect(errorCode(result), JSON.stringify(result.errors)).toBe('PROCEDURE_VIOLATION');
    const violations = result.errors![0]!.extensions!.violations as {
      code: string;
      inputPaths: string[];
    }[];
    expect(violations.find((v) => v.code === 'ACT_DATE_IN_FUTURE')?.inputPaths).toEqual([
      'input.receivedOn',
    ]);
    for (const v of violations) {
      expect(Array.isArray(v.inputPaths), v.code).toBe(true);
    }
  });
});
