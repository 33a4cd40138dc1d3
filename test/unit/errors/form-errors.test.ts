import { buildSchema, graphql, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/errors/domain-error.js';
import { translateRequestError } from '../../../src/errors/graphql-messages.js';
import { collectInputErrors, inputPath, reportInvalid } from '../../../src/errors/input-errors.js';
import { requiredText } from '../../../src/commands/validate.js';
import { validYuan } from '../../../src/actions/input-checks.js';

const ENGLISH_PROSE =
  /\b(Variable|got invalid value|was not provided|does not exist|cannot represent|Expected|Cannot|Unknown|argument)\b/;

const schema = buildSchema(`
  enum Kind { A B }
  input PenaltyInput { amount: Int!, note: String }
  input CaseInput { title: String!, kind: Kind, penalties: [PenaltyInput!]! }
  type Query { check(input: CaseInput!, id: ID!): Int, name: String }
`);

describe('graphql-js request errors in Chinese', () => {
  it('names each invalid variable field by its input path, every one of them', async () => {
    const result = await graphql({
      schema,
      source: 'query($input: CaseInput!, $id: ID!) { check(input: $input, id: $id) }',
      variableValues: {
        input: { kind: 'Z', penalties: [{ amount: 1 }, { amount: 'x', extra: 1 }] },
      },
    });
    const translated = result.errors!.map((e) => translateRequestError(e.message));
    expect(translated.map((t) => t.inputPath)).toEqual([
      'input.title',
      'input.kind',
      'input.penalties[1].amount',
      'input.penalties[1].extra',
      'id',
    ]);
    for (const t of translated) {
      expect(t.message).toMatch(/\p{Script=Han}/u);
      expect(t.message).not.toMatch(ENGLISH_PROSE);
    }
  });

  it('translates validation errors of the document', () => {
    const errors = validate(
      schema,
      parse(
        'query($unused: Int) { check(input: { title: "t", penalties: [{ amount: "x" }], kind: Z }) nope }',
      ),
    );
    const messages = errors.map((e) => translateRequestError(e.message).message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '类型 Query 没有字段 nope',
        '字段 check 的必填参数 id（类型 ID!）未提供',
        '变量 $unused 已声明但未使用',
      ]),
    );
    for (const message of messages) {
      expect(message).not.toMatch(ENGLISH_PROSE);
    }
  });

  it('keeps a message already in Chinese, and words an unknown one generally', () => {
    expect(translateRequestError('查询过于复杂').message).toBe('查询过于复杂');
    expect(translateRequestError('Something new happened.').message).toMatch(
      /extensions\.originalMessage/,
    );
  });
});

describe('every invalid input field at once', () => {
  it('writes paths as a form names them', () => {
    expect(inputPath('input.penalties.1.amountYuan')).toBe('input.penalties[1].amountYuan');
    expect(inputPath(['input', 'files', 0, 'name'])).toBe('input.files[0].name');
  });

  it('collects every reported error, rooted at the argument, and throws them as INPUT_INVALID', () => {
    let thrown: unknown;
    try {
      collectInputErrors('input', () => ({
        title: requiredText('title', ' '),
        summary: requiredText('summary', 'x'.repeat(20), 10),
        amount: validYuan('penalties[1].amountYuan', 1.234),
      }));
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ValidationError);
    const error = thrown as ValidationError;
    expect(error.code).toBe('INPUT_INVALID');
    expect(error.category).toBe('BAD_USER_INPUT');
    expect(error.inputErrors.map((e) => [e.code, e.inputPath])).toEqual([
      ['FIELD_REQUIRED', 'input.title'],
      ['FIELD_TOO_LONG', 'input.summary'],
      ['INVALID_AMOUNT', 'input.penalties[1].amountYuan'],
    ]);
    expect(error.message).toMatch(/^输入有误（3 处）/);
  });

  it('one error stays itself; a failure caused by a reported one is dropped; clean input passes', () => {
    expect(() =>
      collectInputErrors('input', () => {
        const id = reportInvalid(ValidationError.field('FIELD_REQUIRED', 'partyId'), undefined);
        return (id as unknown as { length: number }).length; // the consequence: a TypeError
      }),
    ).toThrow(expect.objectContaining({ code: 'FIELD_REQUIRED', inputPath: 'input.partyId' }));
    expect(collectInputErrors('input', () => requiredText('title', ' 案由 '))).toBe('案由');
    expect(() => requiredText('title', '')).toThrow(
      expect.objectContaining({ code: 'FIELD_REQUIRED' }),
    );
  });
});
