import { describe, expect, it } from 'vitest';
import {
  checkResidentIdNumber,
  checkUnifiedSocialCreditCode,
  creditCodeCheckCharacter,
  residentIdCheckCharacter,
} from '../../../src/procedure/party-identifiers.js';

describe('GB 11643-1999 resident identity number', () => {
  it("accepts the standard's worked example 11010519491231002X", () => {
    expect(checkResidentIdNumber('11010519491231002X')).toBeUndefined();
  });
  it('computes the check digit with MOD 11-2', () => {
    expect(residentIdCheckCharacter('11010519491231002')).toBe('X');
    expect(residentIdCheckCharacter('44052419800101001')).toBe('3');
  });
  it.each([
    ['110105194912310021', 'CHECK_CHARACTER'],
    ['11010519491231002x', 'FORMAT'],
    ['1101051949123100', 'FORMAT'],
    ['110105194902300024', 'BIRTH_DATE'],
    ['01010519491231002X', 'FORMAT'],
  ])('refuses %s with %s', (value, problem) => {
    expect(checkResidentIdNumber(value)).toBe(problem);
  });
});

describe('GB 32100-2015 unified social credit code', () => {
  it('accepts codes whose check character matches', () => {
    expect(checkUnifiedSocialCreditCode('91350100M000100Y43')).toBeUndefined();
    expect(
      checkUnifiedSocialCreditCode(
        '911100001000000' + '00' + creditCodeCheckCharacter('91110000100000000'),
      ),
    ).toBeUndefined();
  });
  it('refuses a wrong check character and letters outside the alphabet', () => {
    expect(checkUnifiedSocialCreditCode('91350100M000100Y44')).toBe('CHECK_CHARACTER');
    expect(checkUnifiedSocialCreditCode('91350100M0001O0Y43')).toBe('FORMAT');
    expect(checkUnifiedSocialCreditCode('9135010')).toBe('FORMAT');
  });
});
