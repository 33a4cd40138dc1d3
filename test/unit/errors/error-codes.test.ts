import { GraphQLEnumType, GraphQLError, type GraphQLFormattedError } from 'graphql';
import { describe, expect, it } from 'vitest';
import {
  AuthenticationError,
  ConflictError,
  DomainError,
  ForbiddenError,
  NotFoundError,
  ProcedureViolationError,
  ValidationError,
  calendarYearNotLoaded,
} from '../../../src/errors/domain-error.js';
import {
  ERROR_CATEGORIES,
  ERROR_CODE_LIST,
  ERROR_CODES,
  isErrorCode,
  renderErrorMessage,
  type ErrorCode,
} from '../../../src/errors/error-codes.js';
import { createErrorFormatter } from '../../../src/errors/format-error.js';
import { CalendarYearNotLoadedError } from '../../../src/procedure/calendar/calendar-error.js';
import { PROVISION_VIOLATION_CODES } from '../../../src/procedure/provisions/index.js';
import { RULE_CODES, violation } from '../../../src/procedure/rule-catalog.js';
import type { LocalDate } from '../../../src/procedure/local-date.js';
import { buildZhifaSchema } from '../../../src/schema/build-schema.js';

const CHINESE = /[\u4e00-\u9fff]/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** A value for every `{placeholder}` of the code's template. */
function sampleDetails(code: ErrorCode): Record<string, unknown> {
  const names = [...ERROR_CODES[code].message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return Object.fromEntries(names.map((name) => [name, `样例${name}`]));
}

/**
 * Codes not raised as a DomainError: graphql-js / Apollo request errors, the execution
 * deadline, infrastructure failures and the masked internal error — each raised the way
 * the app meets it.
 */
const RAISED_OUTSIDE_DOMAIN: Partial<Record<ErrorCode, () => unknown>> = {
  GRAPHQL_PARSE_FAILED: () =>
    new GraphQLError('Syntax Error: Expected Name, found <EOF>.', {
      extensions: { code: 'GRAPHQL_PARSE_FAILED' },
    }),
  GRAPHQL_VALIDATION_FAILED: () =>
    new GraphQLError('Cannot query field "x" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    }),
  BAD_USER_INPUT: () =>
    new GraphQLError('Variable "$id" of required type "ID!" was not provided.', {
      extensions: { code: 'BAD_USER_INPUT' },
    }),
  BAD_REQUEST: () =>
    new GraphQLError('POST body missing, invalid Content-Type, or JSON object has no keys.', {
      extensions: { code: 'BAD_REQUEST' },
    }),
  OPERATION_RESOLUTION_FAILURE: () =>
    new GraphQLError('Unknown operation named "x".', {
      extensions: { code: 'OPERATION_RESOLUTION_FAILURE' },
    }),
  PERSISTED_QUERY_NOT_FOUND: () =>
    new GraphQLError('PersistedQueryNotFound', {
      extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' },
    }),
  PERSISTED_QUERY_NOT_SUPPORTED: () =>
    new GraphQLError('PersistedQueryNotSupported', {
      extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' },
    }),
  QUERY_TOO_COMPLEX: () =>
    new GraphQLError('查询过于复杂：估算成本 6000 超过上限 5000', {
      extensions: { code: 'QUERY_TOO_COMPLEX', cost: 6000, maxCost: 5000 },
    }),
  EXECUTION_TIMEOUT: () =>
    new GraphQLError('查询执行超时（10000 毫秒），请缩小查询范围', {
      path: ['cases'],
      extensions: { code: 'EXECUTION_TIMEOUT', retryable: false, timeoutMs: 10000 },
    }),
  SERVICE_UNAVAILABLE: () =>
    Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:5432'), { code: 'ECONNREFUSED' }),
  CONFLICT: () =>
    Object.assign(new Error('duplicate key value violates unique constraint "party_uq"'), {
      code: '23505',
    }),
  INTERNAL_SERVER_ERROR: () =>
    new TypeError("Cannot read properties of undefined (reading 'id') at /srv/zhifa/dist/x.js"),
};

function raise(code: ErrorCode): unknown {
  return RAISED_OUTSIDE_DOMAIN[code]?.() ?? DomainError.create(code, sampleDetails(code));
}

/** As Apollo calls formatError: the formatted error and the raw one (resolver errors wrapped). */
function format(thrown: unknown, options: { production?: boolean } = {}) {
  const logged: string[] = [];
  const formatter = createErrorFormatter(({ errorId }) => logged.push(errorId), options);
  const raw =
    thrown instanceof GraphQLError
      ? thrown
      : new GraphQLError((thrown as Error).message, {
          path: ['field'],
          originalError: thrown as Error,
        });
  const formatted: GraphQLFormattedError = formatter(raw.toJSON(), raw);
  return { formatted, logged };
}

const graphqlCodes = ERROR_CODE_LIST.filter((code) =>
  (ERROR_CODES[code].surfaces as readonly string[]).includes('GRAPHQL'),
);

describe('the error registry', () => {
  it.each(ERROR_CODE_LIST)('%s: category, English meaning and a Chinese template', (code) => {
    const definition = ERROR_CODES[code];
    expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
    expect(Object.keys(ERROR_CATEGORIES)).toContain(definition.category);
    expect(definition.meaning).toMatch(/^[A-Z][\x20-\x7E’]+\.( [\x20-\x7E’]+\.?)*$/);
    expect(definition.message).toMatch(CHINESE);
    expect(definition.surfaces.length).toBeGreaterThan(0);
  });

  it('fills placeholders from details, joins lists with 、 and leaves unknown ones', () => {
    expect(renderErrorMessage('ROLE_REQUIRED', { requiredRoles: ['CASE_HANDLER', 'ADMIN'] })).toBe(
      '此操作需要以下角色之一：CASE_HANDLER、ADMIN',
    );
    expect(renderErrorMessage('FIELD_TOO_LONG', { field: 'name', maxLength: 50 })).toBe(
      'name 不能超过 50 个字符',
    );
    expect(renderErrorMessage('FIELD_REQUIRED')).toBe('{field} 不能为空');
  });

  it('derives a DomainError’s category and message from the registry', () => {
    const error = DomainError.create('CERTIFICATE_NUMBER_TAKEN', { number: 'CAC-1' });
    expect(error).toMatchObject({
      code: 'CERTIFICATE_NUMBER_TAKEN',
      category: 'CONFLICT',
      message: '执法证件编号 CAC-1 已存在（证件编号全国唯一）',
    });
    expect(ValidationError.field('FIELD_REQUIRED', 'reasons').message).toBe('reasons 不能为空');
    expect(NotFoundError.of('WEBHOOK_DELIVERY', 'x')).toMatchObject({
      code: 'WEBHOOK_DELIVERY_NOT_FOUND',
      category: 'NOT_FOUND',
      details: { id: 'x' },
    });
    expect(ConflictError.duplicate('CASE_VERSION_CONFLICT', undefined, {}).message).toBe(
      ERROR_CODES.CASE_VERSION_CONFLICT.message,
    );
    expect(isErrorCode('CASE_NOT_FOUND')).toBe(true);
    expect(isErrorCode('toString')).toBe(false);
  });

  it('keeps the factories’ codes in their categories', () => {
    for (const error of [
      AuthenticationError.missing(),
      AuthenticationError.invalid('SIGNATURE'),
      AuthenticationError.expired(new Date(0)),
      AuthenticationError.inactiveOfficer(),
      ForbiddenError.roleRequired(['ADMIN']),
      ForbiddenError.outsideOffice('全国节假日安排'),
      NotFoundError.of('CASE', 'x'),
      ProcedureViolationError.fromViolations('closeCase', [violation('ROLE_REQUIRED')]),
    ]) {
      expect(error.category).toBe(ERROR_CODES[error.code].category);
    }
  });
});

describe('formatError, code by code (the real formatter the app uses)', () => {
  it.each(graphqlCodes)('%s', (code) => {
    const thrown = raise(code);
    const { formatted, logged } = format(thrown);
    const extensions = formatted.extensions ?? {};
    expect(extensions.code).toBe(code);
    expect(extensions.category).toBe(ERROR_CODES[code].category);
    expect(formatted.message).toMatch(CHINESE);
    const text = JSON.stringify(formatted);
    expect(text).not.toMatch(/stack|\/srv\/|node_modules|\.js:|10\.1\.2\.3|duplicate key/);
    if (thrown instanceof DomainError) {
      expect(formatted.message).toBe(renderErrorMessage(code, sampleDetails(code)));
      expect(formatted.message).not.toMatch(/\{\w+\}/);
      expect(extensions.details).toEqual(thrown.details);
    }
    if (code === 'SERVICE_UNAVAILABLE' || code === 'CONFLICT') {
      expect(extensions).toMatchObject({ retryable: true });
      expect(extensions.errorId).toMatch(UUID);
      expect(logged).toEqual([extensions.errorId]);
      expect(formatted.message).toContain(String(extensions.errorId));
    }
    if (code === 'SERVICE_UNAVAILABLE') {
      expect(extensions.retryAfterSeconds).toBeGreaterThan(0);
    }
    if (code === 'INTERNAL_SERVER_ERROR') {
      expect(extensions.errorId).toMatch(UUID);
      expect(logged).toEqual([extensions.errorId]);
    }
    if (code === 'EXECUTION_TIMEOUT') {
      expect(extensions).toMatchObject({ retryable: false, timeoutMs: 10000 });
    }
  });

  it('keeps the violations (rule codes) under PROCEDURE_VIOLATION, each with its citation', () => {
    const { formatted } = format(
      ProcedureViolationError.fromViolations('closeCase', [
        violation('ROLE_REQUIRED'),
        violation('ACTION_NOT_ALLOWED_IN_STATUS'),
      ]),
    );
    expect(formatted.extensions).toMatchObject({
      code: 'PROCEDURE_VIOLATION',
      category: 'PROCEDURE_VIOLATION',
      details: { action: 'closeCase' },
      violations: [{ code: 'ROLE_REQUIRED' }, { code: 'ACTION_NOT_ALLOWED_IN_STATUS' }],
    });
    expect(formatted.message).toMatch(/^不能执行“closeCase”：/);
  });

  it('answers an unloaded calendar year met on any path as CALENDAR_YEAR_NOT_LOADED', () => {
    const error = new CalendarYearNotLoadedError(2031, '2031-03-02' as LocalDate, [2025, 2026]);
    const { formatted, logged } = format(error);
    expect(logged).toEqual([]);
    expect(formatted.extensions).toMatchObject({
      code: 'CALENDAR_YEAR_NOT_LOADED',
      category: 'BAD_USER_INPUT',
      details: { year: 2031, date: '2031-03-02' },
    });
    expect(calendarYearNotLoaded(new Error('other'))).toBeUndefined();
  });

  it('in production, hides graphql-js validation text but keeps code and category', () => {
    const { formatted } = format(raise('GRAPHQL_VALIDATION_FAILED'), { production: true });
    expect(formatted).toMatchObject({
      message: '查询无效',
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED', category: 'BAD_REQUEST' },
    });
  });
});

describe('the schema carries the registry', () => {
  it('enum ErrorCode holds every registered code, each described in Chinese', async () => {
    const schema = await buildZhifaSchema();
    const errorCode = schema.getType('ErrorCode');
    expect(errorCode).toBeInstanceOf(GraphQLEnumType);
    const values = (errorCode as GraphQLEnumType).getValues();
    expect(values.map((v) => v.name).sort()).toEqual([...ERROR_CODE_LIST].sort());
    for (const value of values) {
      expect(value.description).toMatch(CHINESE);
    }
    expect(schema.getQueryType()?.getFields().errorCodes).toBeDefined();
  });

  it('enum RuleCode holds every rule and provision-check code', async () => {
    const schema = await buildZhifaSchema();
    const names = (schema.getType('RuleCode') as GraphQLEnumType).getValues().map((v) => v.name);
    expect(names).toEqual(
      expect.arrayContaining([
        ...RULE_CODES,
        ...PROVISION_VIOLATION_CODES,
        'CALENDAR_YEAR_NOT_LOADED',
      ]),
    );
    expect(new Set(names).size).toBe(names.length);
  });
});
