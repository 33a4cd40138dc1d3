import { ValidationError } from '../errors/domain-error.js';
import { reportInvalid } from '../errors/input-errors.js';
import { isLocalDate, type LocalDate } from '../procedure/local-date.js';
import {
  checkResidentIdNumber,
  checkUnifiedSocialCreditCode,
} from '../procedure/party-identifiers.js';

/** Trimmed, non-empty, bounded text; the field name is reported to the client. */
export function requiredText(field: string, value: string, maxLength = 200): string {
  const text = value.trim();
  if (text.length === 0) {
    return reportInvalid(ValidationError.field('FIELD_REQUIRED', field, `${field} 不能为空`), text);
  }
  if (text.length > maxLength) {
    return reportInvalid(
      ValidationError.field('FIELD_TOO_LONG', field, `${field} 不能超过 ${maxLength} 个字符`, {
        maxLength,
      }),
      text,
    );
  }
  return text;
}

export function optionalText(
  field: string,
  value: string | null | undefined,
  maxLength = 200,
): string | null {
  if (value === null || value === undefined || value.trim() === '') {
    return null;
  }
  return requiredText(field, value, maxLength);
}

export function unifiedSocialCreditCode(field: string, value: string): string {
  const code = value.trim().toUpperCase();
  const problem = checkUnifiedSocialCreditCode(code);
  if (problem) {
    return reportInvalid(
      ValidationError.field(
        'INVALID_UNIFIED_SOCIAL_CREDIT_CODE',
        field,
        problem === 'CHECK_CHARACTER'
          ? '统一社会信用代码校验码错误（GB 32100-2015）'
          : '统一社会信用代码格式错误：应为18位数字或大写字母（不含 I、O、S、V、Z）',
        { problem },
      ),
      code,
    );
  }
  return code;
}

export function residentIdNumber(field: string, value: string): string {
  const id = value.trim().toUpperCase();
  const problem = checkResidentIdNumber(id);
  if (problem) {
    const messages = {
      FORMAT: '居民身份证号码格式错误：应为18位，末位可为 X',
      BIRTH_DATE: '居民身份证号码中的出生日期无效',
      CHECK_CHARACTER: '居民身份证号码校验码错误（GB 11643-1999）',
    };
    return reportInvalid(
      ValidationError.field('INVALID_RESIDENT_ID_NUMBER', field, messages[problem], { problem }),
      id,
    );
  }
  return id;
}

export function divisionCode(field: string, value: string): string {
  if (!/^[1-9]\d{5}$/.test(value)) {
    return reportInvalid(
      ValidationError.field('INVALID_DIVISION_CODE', field, '行政区划代码应为6位数字（GB/T 2260）'),
      value,
    );
  }
  return value;
}

export function dateRange(
  fromField: string,
  from: LocalDate,
  toField: string,
  to: LocalDate,
): void {
  for (const [field, value] of [
    [fromField, from],
    [toField, to],
  ] as const) {
    if (!isLocalDate(value)) {
      throw ValidationError.field('INVALID_DATE', field, `${field} 不是有效日期（YYYY-MM-DD）`);
    }
  }
  if (from > to) {
    throw ValidationError.field(
      'DATE_RANGE_INVERTED',
      toField,
      `${toField} 不能早于 ${fromField}`,
      { from, to },
    );
  }
}
