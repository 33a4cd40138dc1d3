import { describe, expect, it } from 'vitest';
import { AuthenticationError, DomainError } from '../../../src/errors/domain-error.js';

describe('AuthenticationError (issue 10: built on every request without a usable token)', () => {
  const made = {
    missing: AuthenticationError.missing(),
    invalid: AuthenticationError.invalid('SCHEME'),
    expired: AuthenticationError.expired(new Date('2026-12-01T00:00:00Z')),
    inactive: AuthenticationError.inactiveOfficer(),
  };

  it('captures no stack frames, and leaves the process stack depth as it was', () => {
    const limit = Error.stackTraceLimit;
    for (const error of Object.values(made)) {
      expect(error.stack?.split('\n').filter((line) => /^\s+at /.test(line))).toEqual([]);
    }
    expect(AuthenticationError.missing().stack).not.toMatch(/\n\s+at /);
    expect(Error.stackTraceLimit).toBe(limit);
    expect(new Error('other').stack).toMatch(/\n\s+at /);
  });

  it('keeps its class, code, category, message and details', () => {
    expect(made.missing).toBeInstanceOf(AuthenticationError);
    expect(made.missing).toBeInstanceOf(DomainError);
    expect(made.missing).toMatchObject({ code: 'UNAUTHENTICATED', category: 'UNAUTHENTICATED' });
    expect(made.missing.message).toMatch(/\S/);
    expect(made.invalid).toMatchObject({ code: 'TOKEN_INVALID', details: { reason: 'SCHEME' } });
    expect(made.expired).toMatchObject({
      code: 'TOKEN_EXPIRED',
      details: { expiredAt: '2026-12-01T00:00:00.000Z' },
    });
    expect(made.inactive).toMatchObject({ code: 'OFFICER_INACTIVE' });
  });
});
