import { Authorized, Query, Resolver } from 'type-graphql';
import { ERROR_CODE_LIST } from '../errors/error-codes.js';
import { ErrorCodeInfo } from '../schema/error-code.enum.js';

@Resolver()
export class ErrorCodeResolver {
  /**
   * Static data, no database. Authenticated like every other root field: in production
   * the schema is not discoverable without a token; frontends take `enum ErrorCode`
   * from schema.graphql at build time, so a login page needs no call.
   */
  @Authorized()
  @Query(() => [ErrorCodeInfo], {
    description:
      '错误代码登记表（error codes）：每个错误代码的类别、含义与中文提示模板，与 enum ErrorCode 一致',
  })
  errorCodes(): ErrorCodeInfo[] {
    return ERROR_CODE_LIST.map(ErrorCodeInfo.from);
  }
}
