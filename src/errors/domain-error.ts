import type { LegalBasis } from '../procedure/legal-basis.js';
import type { RuleViolation } from '../procedure/rule-violation.js';

/** How a refusal is classified (and which HTTP-ish meaning it has for clients). */
export type ErrorCategory =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'PROCEDURE_VIOLATION';

/**
 * Every expected refusal is a DomainError: a stable SCREAMING_SNAKE code, a clear
 * message in Chinese, details, and the legal basis where a rule refused it.
 * Only format-error.ts turns it into a GraphQL error.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly category: ErrorCategory,
    message: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    readonly legalBasis: readonly LegalBasis[] = [],
    readonly violations: readonly RuleViolation[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class NotFoundError extends DomainError {
  /** Out-of-scope records are reported as not found: for the caller they do not exist. */
  static of(
    entity: 'OFFICE' | 'OFFICER' | 'PARTY' | 'CASE' | 'CERTIFICATE',
    id: string,
  ): NotFoundError {
    const names = {
      OFFICE: '机关',
      OFFICER: '执法人员',
      PARTY: '当事人',
      CASE: '案件',
      CERTIFICATE: '执法证件',
    };
    return new NotFoundError(
      `${entity}_NOT_FOUND`,
      'NOT_FOUND',
      `${names[entity]}不存在或不在您的管辖范围内`,
      { id },
    );
  }
}

export class AuthenticationError extends DomainError {
  static missing(): AuthenticationError {
    return new AuthenticationError(
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      '请先登录：请求须携带 Authorization: Bearer <令牌>',
    );
  }
  static invalid(reason: string): AuthenticationError {
    return new AuthenticationError('TOKEN_INVALID', 'UNAUTHENTICATED', '令牌无效', { reason });
  }
  static expired(expiredAt: Date): AuthenticationError {
    return new AuthenticationError('TOKEN_EXPIRED', 'UNAUTHENTICATED', '令牌已过期，请重新获取', {
      expiredAt: expiredAt.toISOString(),
    });
  }
  static inactiveOfficer(): AuthenticationError {
    return new AuthenticationError(
      'OFFICER_INACTIVE',
      'UNAUTHENTICATED',
      '该执法人员账号不存在或已停用',
    );
  }
}

export class ForbiddenError extends DomainError {
  static roleRequired(roles: readonly string[]): ForbiddenError {
    return new ForbiddenError(
      'ROLE_REQUIRED',
      'FORBIDDEN',
      `此操作需要以下角色之一：${roles.join('、')}`,
      {
        requiredRoles: roles,
      },
    );
  }
  static outsideOffice(what: string): ForbiddenError {
    return new ForbiddenError(
      'OUTSIDE_OFFICE_SCOPE',
      'FORBIDDEN',
      `${what}不在您所在机关及其下级机关的范围内`,
    );
  }
}

export class ValidationError extends DomainError {
  /** One invalid input field. */
  static field(
    code: string,
    field: string,
    message: string,
    details: Record<string, unknown> = {},
  ): ValidationError {
    return new ValidationError(code, 'BAD_USER_INPUT', message, { field, ...details });
  }
}

export class ConflictError extends DomainError {
  static duplicate(code: string, message: string, details: Record<string, unknown>): ConflictError {
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
    const message = `不能执行“${action}”：` + violations.map((v) => v.message).join('；');
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
