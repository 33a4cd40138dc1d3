// Every text input is checked once, centrally: characters that corrupt a .docx or change how a
// name reads are refused with INVALID_TEXT naming the input path, and nothing is written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { residentIdCheckCharacter } from '../../src/procedure/party-identifiers.js';
import { createTestApp, errorCode, type TestApp } from '../support/test-app.js';

let app: TestApp;

beforeAll(async () => {
  app = await createTestApp();
});

afterAll(async () => {
  await app?.close();
});

const UPDATE_PARTY = `mutation($id: ID!, $input: UpdatePartyInput!) { updateParty(id: $id, input: $input) { name address } }`;
const CREATE_PARTY = `mutation($input: CreatePartyInput!) { createParty(input: $input) { id name } }`;

describe('INVALID_TEXT at the API', () => {
  it.each([
    ['U+FFFE', '星河\uFFFE科技', 'NONCHARACTER', 'U+FFFE'],
    ['U+FFFF', '星河\uFFFF科技', 'NONCHARACTER', 'U+FFFF'],
    ['NUL', '星河\u0000科技', 'CONTROL_CHARACTER', 'U+0000'],
    ['BEL (C0)', '星河\u0007科技', 'CONTROL_CHARACTER', 'U+0007'],
    ['U+0085 (C1)', '星河\u0085科技', 'CONTROL_CHARACTER', 'U+0085'],
    ['a lone surrogate', '星河\uD800科技', 'LONE_SURROGATE', 'U+D800'],
    ['U+202E (RLO)', '星河\u202E科技', 'BIDI_CONTROL', 'U+202E'],
    ['U+2066 (LRI)', '星河\u2066科技', 'BIDI_CONTROL', 'U+2066'],
    ['a newline in a name', '星河\n科技', 'NEWLINE_IN_SINGLE_LINE_FIELD', 'U+000A'],
  ])(
    'updateParty refuses %s in the party name and writes nothing',
    async (_, name, reason, code) => {
      const id = app.demo.parties.qingniao!.id;
      const before = await app.tableCounts();
      const result = await app.run(UPDATE_PARTY, { id, input: { name } }, 'BJ0002');
      expect(errorCode(result), JSON.stringify(result.errors)).toBe('INVALID_TEXT');
      const error = result.errors![0]!;
      expect(error.extensions!.details).toEqual({ field: 'input.name', reason, codePoint: code });
      expect(error.message).toContain('input.name');
      expect(error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(await app.tableCounts()).toEqual(before);
    },
  );

  it('names the path of a nested or address field, and accepts clean text with an Ext-B character', async () => {
    const id = app.demo.parties.qingniao!.id;
    const refused = await app.run(
      UPDATE_PARTY,
      { id, input: { address: '北京市海淀区\n学院路1号' } },
      'BJ0002',
    );
    expect(errorCode(refused)).toBe('INVALID_TEXT');
    expect(refused.errors![0]!.extensions!.details).toMatchObject({ field: 'input.address' });

    const created = await app.run(
      CREATE_PARTY,
      {
        input: {
          kind: 'NATURAL_PERSON',
          name: '\u{20BB7}静',
          idType: 'RESIDENT_ID_CARD',
          idNumber: '11010819900101011' + residentIdCheckCharacter('11010819900101011'),
          address: '北京市海淀区学院路1号',
        },
      },
      'BJ0002',
    );
    expect(created.errors).toBeUndefined();
  });
});
