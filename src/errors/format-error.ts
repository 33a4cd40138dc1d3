import { unwrapResolverError } from '@apollo/server/errors';
import { randomUUID } from 'node:crypto';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { formatCitation } from '../procedure/legal-basis.js';
import { DomainError, ValidationError, calendarYearNotLoaded } from './domain-error.js';
import { ERROR_CODES, type ErrorCode } from './error-codes.js';
import { translateRequestError } from './graphql-messages.js';
import {
  INFRASTRUCTURE_MESSAGES,
  RETRY_AFTER_SECONDS,
  classifyInfrastructureError,
} from './infrastructure.js';

export type ErrorLogger = (entry: {
  errorId: string;
  error: unknown;
  path?: readonly (string | number)[];
}) => void;

/** Codes graphql-js and Apollo raise before a resolver runs; they are safe to show. */
const REQUEST_ERROR_CODES: ReadonlySet<string> = new Set<ErrorCode>([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'QUERY_TOO_COMPLEX',
  // A malformed LocalDate or Money (src/schema/scalars.ts): the caller's error, with its own code.
  'INVALID_DATE',
  'INVALID_AMOUNT',
]);

const CHINESE = /\p{Script=Han}/u;

/** One invalid field as a form shows it: code, Chinese message, input path, details. */
function fieldError(error: DomainError) {
  const path = error.details.inputPath ?? error.details.field;
  return {
    code: error.code,
    message: error.message,
    inputPath: typeof path === 'string' ? path : null,
    details: error.details,
  };
}

/** Every invalid field of a BAD_USER_INPUT refusal (INPUT_INVALID lists several). */
function validationErrors(error: DomainError) {
  const all =
    error instanceof ValidationError && error.inputErrors.length > 0 ? error.inputErrors : [error];
  return all.map(fieldError);
}

/**
 * A graphql-js request error in Chinese: the message translated, the English original kept in
 * `originalMessage`, and (for a variable's field) the input path, also as one validationErrors
 * entry so a form reads every invalid field the same way.
 */
function requestError(code: ErrorCode, lead: string, english: string) {
  const translated = translateRequestError(english);
  const message = `${lead}：${translated.message}`;
  return {
    message,
    extensions: {
      ...classified(code),
      ...(CHINESE.test(english) ? {} : { originalMessage: english }),
      ...(translated.inputPath ? { inputPath: translated.inputPath } : {}),
      ...(code === 'BAD_USER_INPUT' || code === 'INVALID_DATE'
        ? {
            validationErrors: [
              { code, message: translated.message, inputPath: translated.inputPath ?? null },
            ],
          }
        : {}),
    },
  };
}

/** Every answered error names its registered code and that code's category. */
function classified(code: ErrorCode) {
  return { code, category: ERROR_CODES[code].category };
}

/**
 * The one place errors become GraphQL errors. Domain refusals keep their code,
 * Chinese message, details and citations; anything unexpected is masked with an
 * error id and logged, so nothing internal (SQL, stack, paths) leaks.
 */
export function createErrorFormatter(log: ErrorLogger, options: { production?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError => {
    let original = unwrapResolverError(raw);
    // Errors thrown while building the context (authentication) arrive wrapped by Apollo.
    if (original instanceof GraphQLError && original.originalError instanceof DomainError) {
      original = original.originalError;
    }
    // An unloaded calendar year met on any path is the caller's to fix, not an internal error.
    const domain = original instanceof DomainError ? original : calendarYearNotLoaded(original);
    if (domain) {
      return {
        message: domain.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          code: domain.code,
          category: domain.category,
          details: domain.details,
          ...(domain.category === 'BAD_USER_INPUT'
            ? { validationErrors: validationErrors(domain) }
            : {}),
          legalBasis: domain.legalBasis.map((basis) => ({
            ...basis,
            citation: formatCitation(basis),
          })),
          violations: domain.violations.map((violation) => ({
            code: violation.code,
            message: violation.message,
            details: violation.details ?? {},
            inputPaths: violation.inputPaths ?? [],
            legalBasis: violation.legalBasis.map((basis) => ({
              ...basis,
              citation: formatCitation(basis),
            })),
          })),
        },
      };
    }
    // Database down or busy, a timeout, the pool exhausted: retryable, logged with an id,
    // never the driver's text (it names hosts) and never BAD_USER_INPUT.
    const infrastructure =
      formatted.extensions?.code === 'SERVICE_UNAVAILABLE'
        ? 'SERVICE_UNAVAILABLE'
        : classifyInfrastructureError(raw);
    if (infrastructure) {
      const errorId = randomUUID();
      log({ errorId, error: original, path: formatted.path });
      return {
        message: `${INFRASTRUCTURE_MESSAGES[infrastructure]}（错误编号 ${errorId}）`,
        path: formatted.path,
        extensions: {
          ...classified(infrastructure),
          errorId,
          retryable: true,
          ...(infrastructure === 'SERVICE_UNAVAILABLE'
            ? { retryAfterSeconds: RETRY_AFTER_SECONDS }
            : {}),
        },
      };
    }
    if (original instanceof GraphQLError && original.extensions?.code === 'EXECUTION_TIMEOUT') {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { ...original.extensions, ...classified('EXECUTION_TIMEOUT') },
      };
    }
    const code = formatted.extensions?.code as ErrorCode | undefined;
    if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
      // In production, graphql-js's validation text names types and arguments (schema
      // discovery without a token, D8): only limits keep their own message there.
      if (
        options.production &&
        code === 'GRAPHQL_VALIDATION_FAILED' &&
        !formatted.extensions?.limit
      ) {
        return {
          message: ERROR_CODES.GRAPHQL_VALIDATION_FAILED.message,
          locations: formatted.locations,
          extensions: classified(code),
        };
      }
      // graphql-js words these in English: answered in Chinese, the original in originalMessage.
      const lead =
        code === 'BAD_USER_INPUT' || code === 'INVALID_DATE' || code === 'INVALID_AMOUNT'
          ? '请求参数无效'
          : code === 'GRAPHQL_PARSE_FAILED'
            ? '查询语法错误'
            : '查询无效';
      const translated = requestError(code, lead, formatted.message);
      return {
        message: translated.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: {
          ...translated.extensions,
          ...(formatted.extensions?.limit ? { limit: formatted.extensions.limit } : {}),
          ...(typeof formatted.extensions?.cost === 'number'
            ? { cost: formatted.extensions.cost, maxCost: formatted.extensions.maxCost }
            : {}),
        },
      };
    }
    // A variable that fails its scalar's parsing (e.g. a malformed LocalDate) is the caller's error.
    if (
      original instanceof GraphQLError &&
      !original.path &&
      original.extensions?.code === undefined &&
      !original.message.startsWith('Context creation failed')
    ) {
      const translated = requestError('BAD_USER_INPUT', '请求参数无效', formatted.message);
      return {
        message: translated.message,
        locations: formatted.locations,
        extensions: translated.extensions,
      };
    }
    const errorId = randomUUID();
    log({ errorId, error: original, path: formatted.path });
    return {
      message: `服务器内部错误（错误编号 ${errorId}）`,
      path: formatted.path,
      extensions: { ...classified('INTERNAL_SERVER_ERROR'), errorId },
    };
  };
}
