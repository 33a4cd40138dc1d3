/**
 * graphql-js words its request errors (variable coercion, validation, syntax) in English.
 * The API answers in Chinese only: each known wording becomes a Chinese sentence naming the
 * same identifiers, with the input path when the error concerns a variable's field; the
 * English original stays in `extensions.originalMessage` for developers.
 */

export interface TranslatedRequestError {
  /** Chinese, without the lead (请求参数无效 / 查询无效). */
  readonly message: string;
  /** Where in the variables the error is, e.g. `input.penalties[1].amountYuan`. */
  readonly inputPath?: string;
}

type Rule = readonly [RegExp, (m: RegExpMatchArray, at: string) => TranslatedRequestError];

const SCALARS = 'Int|Float|String|Boolean|ID';
const CHINESE = /\p{Script=Han}/u;

function under(at: string, field: string): string {
  return at ? `${at}.${field}` : field;
}

/** The reason after `Variable "$x" got invalid value … at "path"; `, read at `at`. */
const VALUE_REASONS: readonly Rule[] = [
  [
    /^Field "(\w+)" of required type "([^"]+)" was not provided\./,
    (m, at) => ({
      message: `${under(at, m[1]!)} 为必填项（类型 ${m[2]}），未提供`,
      inputPath: under(at, m[1]!),
    }),
  ],
  [
    /^Field "(\w+)" is not defined by type "(\w+)"\./,
    (m, at) => ({
      message: `${under(at, m[1]!)} 不是输入类型 ${m[2]} 的字段`,
      inputPath: under(at, m[1]!),
    }),
  ],
  [
    /^Expected non-nullable type "([^"]+)" not to be null\./,
    (m, at) => ({ message: `${at} 不能为 null（类型 ${m[1]}）`, inputPath: at }),
  ],
  [
    /^Expected type "([^"]+)" to be an object\./,
    (m, at) => ({ message: `${at} 应为对象（输入类型 ${m[1]}）`, inputPath: at }),
  ],
  [
    /^Value "(.*)" does not exist in "(\w+)" enum\./s,
    (m, at) => ({ message: `${at} 的值 ${m[1]} 不是枚举 ${m[2]} 的取值`, inputPath: at }),
  ],
  [
    new RegExp(`^(?:Expected type "[^"]+"\\. )?(${SCALARS}) cannot represent`),
    (m, at) => ({ message: `${at} 的值不符合类型 ${m[1]}`, inputPath: at }),
  ],
  [
    /^Expected type "([^"]+)"\./,
    (m, at) => ({ message: `${at} 的值不符合类型 ${m[1]}`, inputPath: at }),
  ],
  [
    // A scalar of ours already explains itself in Chinese (LocalDate: INVALID_DATE).
    /^(.*\p{Script=Han}.*)$/su,
    (m, at) => ({ message: `${at}：${m[1]}`, inputPath: at }),
  ],
];

/** Whole messages: variables, validation of the document, syntax. */
const MESSAGES: readonly Rule[] = [
  [
    /^Variable "\$(\w+)" of required type "([^"]+)" was not provided\./,
    (m) => ({ message: `变量 $${m[1]} 为必填项（类型 ${m[2]}），未提供`, inputPath: m[1]! }),
  ],
  [
    /^Variable "\$(\w+)" of non-null type "([^"]+)" must not be null\./,
    (m) => ({ message: `变量 $${m[1]} 不能为 null（类型 ${m[2]}）`, inputPath: m[1]! }),
  ],
  [
    /^Field "(\w+)\.(\w+)" of required type "([^"]+)" was not provided\./,
    (m) => ({ message: `输入类型 ${m[1]} 的必填字段 ${m[2]}（类型 ${m[3]}）未提供` }),
  ],
  [
    /^Field "(\w+)" argument "(\w+)" of type "([^"]+)" is required, but it was not provided\./,
    (m) => ({
      message: `字段 ${m[1]} 的必填参数 ${m[2]}（类型 ${m[3]}）未提供`,
      inputPath: m[2]!,
    }),
  ],
  [
    /^Cannot query field "(\w+)" on type "(\w+)"\./,
    (m) => ({ message: `类型 ${m[2]} 没有字段 ${m[1]}` }),
  ],
  [
    /^Unknown argument "(\w+)" on field "([\w.]+)"\./,
    (m) => ({ message: `字段 ${m[2]} 没有参数 ${m[1]}` }),
  ],
  [/^Unknown type "(\w+)"\./, (m) => ({ message: `类型 ${m[1]} 不存在` })],
  [/^Variable "\$(\w+)" is never used/, (m) => ({ message: `变量 $${m[1]} 已声明但未使用` })],
  [/^Variable "\$(\w+)" is not defined/, (m) => ({ message: `变量 $${m[1]} 未声明` })],
  [
    /^Variable "\$(\w+)" of type "([^"]+)" used in position expecting type "([^"]+)"\./,
    (m) => ({ message: `变量 $${m[1]} 的类型 ${m[2]} 与所在位置要求的类型 ${m[3]} 不符` }),
  ],
  [
    /^Field "(\w+)" must not have a selection since type "([^"]+)" has no subfields\./,
    (m) => ({ message: `字段 ${m[1]} 的类型 ${m[2]} 没有子字段，不能带选择集` }),
  ],
  [
    /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields\./,
    (m) => ({ message: `字段 ${m[1]}（类型 ${m[2]}）须选择子字段` }),
  ],
  [/^Unknown operation named "(\w+)"\./, (m) => ({ message: `找不到名为 ${m[1]} 的操作` })],
  [
    /^Field "(\w+)" is not defined by type "(\w+)"\./,
    (m) => ({ message: `${m[1]} 不是输入类型 ${m[2]} 的字段` }),
  ],
  [
    /^Value "(.*)" does not exist in "(\w+)" enum\./s,
    (m) => ({ message: `值 ${m[1]} 不是枚举 ${m[2]} 的取值` }),
  ],
  [new RegExp(`^(${SCALARS}) cannot represent`), (m) => ({ message: `值不符合类型 ${m[1]}` })],
  [
    /^Expected value of type "([^"]+)", found (.+?)(?:;|\.$)/s,
    (m) => ({ message: `值 ${m[2]} 不符合类型 ${m[1]}` }),
  ],
  [
    /^Syntax Error: /,
    () => ({ message: '不是有效的 GraphQL 文档（见 extensions.originalMessage）' }),
  ],
];

function apply(
  rules: readonly Rule[],
  text: string,
  at: string,
): TranslatedRequestError | undefined {
  for (const [pattern, translate] of rules) {
    const m = text.match(pattern);
    if (m) {
      return translate(m, at);
    }
  }
  return undefined;
}

/**
 * The Chinese reading of a graphql-js request error message; a message already in Chinese
 * (our own: limits, query cost) is kept; an unknown English one gets a general sentence.
 */
export function translateRequestError(message: string): TranslatedRequestError {
  const invalidVariable = message.match(
    /^Variable "\$(\w+)" got invalid value .*?(?: at "([^"]+)")?; (.*)$/s,
  );
  if (invalidVariable) {
    const at = invalidVariable[2] ?? invalidVariable[1]!;
    return (
      apply(VALUE_REASONS, invalidVariable[3]!, at) ?? {
        message: `${at} 的值无效`,
        inputPath: at,
      }
    );
  }
  if (CHINESE.test(message)) {
    return { message };
  }
  return (
    apply(MESSAGES, message, '') ?? {
      message: '请求不符合 schema（英文原文见 extensions.originalMessage）',
    }
  );
}
