import { Field, ObjectType, registerEnumType } from 'type-graphql';
import {
  ERROR_CATEGORIES,
  ERROR_CODE_LIST,
  ERROR_CODES,
  type ErrorCategory,
  type ErrorCode,
  type ErrorSurface,
} from '../errors/error-codes.js';

/**
 * The error registry in the schema: `enum ErrorCode` is the contract for
 * `extensions.code` (and `error.code` on the plain HTTP routes); `Query.errorCodes`
 * lists each code with its category and Chinese message template.
 */

function enumObject<T extends string>(values: readonly T[]): { [K in T]: K } {
  return Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
}

export const ErrorCodeEnum = enumObject<ErrorCode>(ERROR_CODE_LIST);
registerEnumType(ErrorCodeEnum, {
  name: 'ErrorCode',
  description:
    '错误代码（error code）：错误响应 extensions.code 的全部取值（HTTP 路由为 error.code）。程序规则代码见 RuleCode（extensions.violations[].code）',
  valuesConfig: Object.fromEntries(
    ERROR_CODE_LIST.map((code) => [
      code,
      { description: `${ERROR_CODES[code].message}（${ERROR_CODES[code].meaning}）` },
    ]),
  ),
});

export const ErrorCategoryEnum = enumObject<ErrorCategory>(
  Object.keys(ERROR_CATEGORIES) as ErrorCategory[],
);
registerEnumType(ErrorCategoryEnum, {
  name: 'ErrorCategory',
  description: '错误类别（error category）：extensions.category，客户端据此决定如何处理',
  valuesConfig: Object.fromEntries(
    Object.entries(ERROR_CATEGORIES).map(([category, description]) => [category, { description }]),
  ),
});

export const ErrorSurfaceEnum = enumObject<ErrorSurface>(['GRAPHQL', 'HTTP']);
registerEnumType(ErrorSurfaceEnum, {
  name: 'ErrorSurface',
  description: '错误出现之处（error surface）',
  valuesConfig: {
    GRAPHQL: { description: 'GraphQL 响应的 errors[].extensions.code' },
    HTTP: { description: '普通 HTTP 路由（下载、公示数据、限流等）响应体的 error.code' },
  },
});

@ObjectType({ description: '错误代码说明（error code info）：登记表中的一项' })
export class ErrorCodeInfo {
  @Field(() => ErrorCodeEnum, { description: '错误代码（code）' }) code!: ErrorCode;
  @Field(() => ErrorCategoryEnum, { description: '类别（category）' }) category!: ErrorCategory;
  @Field({ description: '含义（meaning），英文，与传输方式无关' }) meaning!: string;
  @Field({
    description: '中文提示模板（message template）；{名称} 由错误的 details 中同名项填入',
  })
  messageTemplate!: string;
  @Field(() => [ErrorSurfaceEnum], { description: '可能出现之处（surfaces）' })
  surfaces!: ErrorSurface[];

  static from(code: ErrorCode): ErrorCodeInfo {
    const definition = ERROR_CODES[code];
    return Object.assign(new ErrorCodeInfo(), {
      code,
      category: definition.category,
      meaning: definition.meaning,
      messageTemplate: definition.message,
      surfaces: [...definition.surfaces],
    });
  }
}
