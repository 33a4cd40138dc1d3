/**
 * Check characters of the two identifiers a party carries.
 * Legal basis: GB 11643-1999 《公民身份号码》 (ISO 7064 MOD 11-2) and
 * GB 32100-2015 《法人和其他组织统一社会信用代码编码规则》 (MOD 31).
 */

const RESIDENT_ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const RESIDENT_ID_CHECK = '10X98765432';

export type IdentifierProblem = 'FORMAT' | 'BIRTH_DATE' | 'CHECK_CHARACTER';

export function residentIdCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += Number(first17[i]) * RESIDENT_ID_WEIGHTS[i]!;
  }
  return RESIDENT_ID_CHECK[sum % 11]!;
}

/** Validates an 18-digit resident identity number: format, birth date, check digit. */
export function checkResidentIdNumber(value: string): IdentifierProblem | undefined {
  if (!/^[1-9]\d{16}[\dX]$/.test(value)) {
    return 'FORMAT';
  }
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`;
  const parsed = new Date(`${birth}T00:00:00Z`);
  if (
    Number.isNaN(parsed.getTime()) ||
    parsed.toISOString().slice(0, 10) !== birth ||
    Number(value.slice(6, 10)) < 1900
  ) {
    return 'BIRTH_DATE';
  }
  return residentIdCheckCharacter(value.slice(0, 17)) === value[17] ? undefined : 'CHECK_CHARACTER';
}

// The 31 characters of GB 32100 (I, O, S, V, Z are not used).
const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export function creditCodeCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    sum += CREDIT_CODE_ALPHABET.indexOf(first17[i]!) * CREDIT_CODE_WEIGHTS[i]!;
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31]!;
}

/** Validates an 18-character unified social credit code: alphabet, division code digits, check character. */
export function checkUnifiedSocialCreditCode(value: string): IdentifierProblem | undefined {
  if (!/^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/.test(value)) {
    return 'FORMAT';
  }
  return creditCodeCheckCharacter(value.slice(0, 17)) === value[17] ? undefined : 'CHECK_CHARACTER';
}
