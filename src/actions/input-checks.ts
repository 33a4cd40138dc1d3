import { requiredText } from '../commands/validate.js';
import { ValidationError } from '../errors/domain-error.js';
import { reportInvalid } from '../errors/input-errors.js';
import type { CaseFlags } from '../procedure/case-snapshot.js';
import { yuanToFen } from '../procedure/execution.js';
import type { CaseFlagsInput } from '../schema/procedure-inputs/common.inputs.js';

/** Checks of procedural inputs that do not need the database (run before the transaction). */

/** A value the chosen branch of an input needs (FIELD_REQUIRED when missing). */
export function requireValue<T>(field: string, value: T | null | undefined): T {
  if (value === null || value === undefined || value === '') {
    // Collected: the check goes on without the value (a later failure is dropped).
    return reportInvalid(
      ValidationError.field('FIELD_REQUIRED', field, `${field} 不能为空`),
      value as T,
    );
  }
  return value;
}

/** Yuan amounts: finite, not negative, at most two decimals (分). */
export function validYuan(field: string, value: number | null | undefined): number | undefined {
  if (value === null || value === undefined) {
    return undefined;
  }
  const fen = value * 100;
  if (
    !Number.isFinite(value) ||
    value < 0 ||
    Math.abs(fen - Math.round(fen)) > 1e-6 ||
    value > 1e13
  ) {
    return reportInvalid(
      ValidationError.field(
        'INVALID_AMOUNT',
        field,
        `${field} 应为不小于零、最多两位小数的金额（元）`,
        { value },
      ),
      undefined,
    );
  }
  return Math.round(fen) / 100;
}

/** A positive yuan amount (at most two decimals) → integer fen. */
export function positiveFen(field: string, yuan: number): number {
  const amount = validYuan(field, yuan);
  if (amount === undefined && yuan !== null && yuan !== undefined) {
    return 0; // reported by validYuan (collected)
  }
  if (amount === undefined || amount <= 0) {
    return reportInvalid(
      ValidationError.field('INVALID_AMOUNT', field, `${field} 应为大于零的金额（元）`, {
        value: yuan,
      }),
      0,
    );
  }
  return yuanToFen(amount);
}

/** Each line of a list, trimmed and bounded. */
export function itemList(field: string, items: readonly string[], maxLength = 500): string[] {
  return items.map((item, index) => requiredText(`${field}[${index}]`, item, maxLength));
}

/** The flags the input sets; the others stay as they are. */
export function flagsPatch(
  input: CaseFlagsInput | null | undefined,
): Partial<CaseFlags> | undefined {
  if (!input) {
    return undefined;
  }
  const patch: { -readonly [K in keyof CaseFlags]?: boolean } = {};
  for (const key of [
    'majorPublicInterest',
    'complexCase',
    'majorViolation',
    'legalReviewRequiredByOtherLaw',
  ] as const) {
    const value = input[key];
    if (value !== null && value !== undefined) {
      patch[key] = value;
    }
  }
  return patch;
}
