import { isCalendarYearNotLoadedError } from '../procedure/calendar/calendar-error.js';
import { apl, type LegalBasis } from '../procedure/legal-basis.js';
import type { RuleViolation } from '../procedure/rule-violation.js';
import {
  ERROR_CODES,
  renderErrorMessage,
  type ErrorCategory,
  type ErrorCode,
  type ErrorCodeOf,
} from './error-codes.js';

export type { ErrorCategory, ErrorCode } from './error-codes.js';

/**
 * Every expected refusal is a DomainError: a registered code (src/errors/error-codes.ts),
 * a clear message in Chinese, details, and the legal basis where a rule refused it.
 * Only format-error.ts turns it into a GraphQL error. Without a message, the code's
 * template is filled from the details.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly category: ErrorCategory,
    message?: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly legalBasis: readonly LegalBasis[] = [],
    readonly violations: readonly RuleViolation[] = [],
  ) {
    super(message ?? renderErrorMessage(code, details));
    this.name = 'DomainError';
  }

  /** The code's registered category and message template; `message` only to be more specific. */
  static create(
    code: ErrorCode,
    details: Readonly<Record<string, unknown>> = {},
    message?: string,
  ): DomainError {
    return new DomainError(code, ERROR_CODES[code].category, message, details);
  }
}

/** Entities with a `<ENTITY>_NOT_FOUND` code in the registry. */
export type NotFoundEntity = Exclude<
  ErrorCodeOf<'NOT_FOUND'> extends infer C ? (C extends `${infer E}_NOT_FOUND` ? E : never) : never,
  'ROUTE'
>;

export class NotFoundError extends DomainError {
  /** Out-of-scope records are reported as not found: for the caller they do not exist. */
  static of(entity: NotFoundEntity, id: string): NotFoundError {
    const code: ErrorCodeOf<'NOT_FOUND'> = `${entity}_NOT_FOUND`;
    return new NotFoundError(code, 'NOT_FOUND', renderErrorMessage(code, { id }), { id });
  }
}

/**
 * Builds an error without capturing a stack: an authentication refusal is an expected answer
 * made while the request's context is built (every request without a usable token pays for
 * one); its stack would only name the context code, and no answer or log line shows it.
 */
function withoutStack<T>(make: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return make();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export class AuthenticationError extends DomainError {
  static missing(): AuthenticationError {
    return withoutStack(() => new AuthenticationError('UNAUTHENTICATED', 'UNAUTHENTICATED'));
  }
  static invalid(reason: string): AuthenticationError {
    return withoutStack(
      () => new AuthenticationError('TOKEN_INVALID', 'UNAUTHENTICATED', undefined, { reason }),
    );
  }
  static expired(expiredAt: Date): AuthenticationError {
    return withoutStack(
      () =>
        new AuthenticationError('TOKEN_EXPIRED', 'UNAUTHENTICATED', undefined, {
          expiredAt: expiredAt.toISOString(),
        }),
    );
  }
  static inactiveOfficer(): AuthenticationError {
    return withoutStack(() => new AuthenticationError('OFFICER_INACTIVE', 'UNAUTHENTICATED'));
  }
}

export class ForbiddenError extends DomainError {
  static roleRequired(roles: readonly string[]): ForbiddenError {
    return new ForbiddenError('ROLE_REQUIRED', 'FORBIDDEN', undefined, { requiredRoles: roles });
  }
  static outsideOffice(what: string): ForbiddenError {
    return new ForbiddenError(
      'OUTSIDE_OFFICE_SCOPE',
      'FORBIDDEN',
      renderErrorMessage('OUTSIDE_OFFICE_SCOPE', { what }),
    );
  }
}

export class ValidationError extends DomainError {
  /** With INPUT_INVALID: every invalid field, each its own ValidationError. */
  inputErrors: readonly ValidationError[] = [];

  /** One invalid input field; only codes registered as BAD_USER_INPUT compile. */
  static field(
    code: ErrorCodeOf<'BAD_USER_INPUT'>,
    field: string,
    message?: string,
    details: Record<string, unknown> = {},
  ): ValidationError {
    return new ValidationError(code, 'BAD_USER_INPUT', message, { field, ...details });
  }

  /** Several invalid fields at once (INPUT_INVALID); one stays itself. */
  static all(errors: readonly ValidationError[]): ValidationError {
    if (errors.length === 1) {
      return errors[0]!;
    }
    const all = new ValidationError(
      'INPUT_INVALID',
      'BAD_USER_INPUT',
      renderErrorMessage('INPUT_INVALID', {
        count: errors.length,
        reasons: errors.map((e) => e.message).join('；'),
      }),
      { count: errors.length },
    );
    all.inputErrors = errors;
    return all;
  }

  /** The same error, naming the field by its full input path (e.g. `input.title`). */
  at(inputPath: string): ValidationError {
    const moved = new ValidationError(this.code, this.category, this.message, {
      ...this.details,
      inputPath,
    });
    moved.inputErrors = this.inputErrors;
    return moved;
  }

  /** Where the field is in the request: `details.inputPath`, else the field named. */
  get inputPath(): string | undefined {
    const path = this.details.inputPath ?? this.details.field;
    return typeof path === 'string' ? path : undefined;
  }
}

export class ConflictError extends DomainError {
  /** Only codes registered as CONFLICT compile. */
  static duplicate(
    code: ErrorCodeOf<'CONFLICT'>,
    message: string | undefined,
    details: Record<string, unknown>,
  ): ConflictError {
    return new ConflictError(code, 'CONFLICT', message, details);
  }
}

/** A procedural step refused by the rules: carries every unmet rule with its citation. */
export class ProcedureViolationError extends DomainError {
  static fromViolations(
    action: string,
    violations: readonly RuleViolation[],
  ): ProcedureViolationError {
    const legalBasis = violations.flatMap((v) => v.legalBasis);
    const message = renderErrorMessage('PROCEDURE_VIOLATION', {
      action,
      reasons: violations.map((v) => v.message).join('；'),
    });
    return new ProcedureViolationError(
      'PROCEDURE_VIOLATION',
      'PROCEDURE_VIOLATION',
      message,
      { action },
      legalBasis,
      violations,
    );
  }
}

/**
 * The calendar's "year not loaded" refusal as the API answers it, wherever it is met
 * (a step, a deadline computation, a calendar query): the caller can load the year.
 * Cited like the calendar itself: working-day periods exclude statutory holidays (APL art. 85).
 */
export function calendarYearNotLoaded(
  error: unknown,
  details: Record<string, unknown> = {},
): DomainError | undefined {
  if (!isCalendarYearNotLoadedError(error)) {
    return undefined;
  }
  return new DomainError(
    'CALENDAR_YEAR_NOT_LOADED',
    'BAD_USER_INPUT',
    error.message,
    { ...error.details, year: error.year, date: error.date, ...details },
    [apl(85)],
  );
}
