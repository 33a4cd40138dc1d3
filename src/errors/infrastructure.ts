/**
 * Failures of the infrastructure (database down or busy, a lock or statement timeout,
 * the connection pool exhausted) are not the caller's fault: they answer
 * SERVICE_UNAVAILABLE, retryable, with an error id — never BAD_USER_INPUT and never the
 * driver's message (it names hosts and ports). Unique violations are CONFLICT.
 */

import { ERROR_CODES, type ErrorCode } from './error-codes.js';

/** PostgreSQL SQLSTATEs that mean "try again later" (Appendix A of the PostgreSQL manual). */
const RETRYABLE_SQLSTATES = new Set([
  '55P03', // lock_not_available: lock_timeout expired
  '57014', // query_canceled: statement_timeout expired
  '25P03', // idle_in_transaction_session_timeout
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections
  '53400', // configuration_limit_exceeded
  '57P01', // admin_shutdown
  '57P02', // crash_shutdown
  '57P03', // cannot_connect_now
]);

const RETRYABLE_NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
]);

/** Seconds a client should wait before retrying (Retry-After). */
export const RETRY_AFTER_SECONDS = 2;

function chain(error: unknown): unknown[] {
  const seen: unknown[] = [];
  let current: unknown = error;
  while (current && typeof current === 'object' && !seen.includes(current) && seen.length < 8) {
    seen.push(current);
    current =
      (current as { originalError?: unknown }).originalError ??
      (current as { cause?: unknown }).cause;
  }
  return seen;
}

function field(error: unknown, name: string): unknown {
  return error && typeof error === 'object' ? (error as Record<string, unknown>)[name] : undefined;
}

export type InfrastructureFailure = Extract<ErrorCode, 'SERVICE_UNAVAILABLE' | 'CONFLICT'>;

/** Classifies an error (or its causes); undefined when it is none of ours to type. */
export function classifyInfrastructureError(error: unknown): InfrastructureFailure | undefined {
  for (const link of chain(error)) {
    const code = field(link, 'code');
    const name = field(link, 'name');
    const message = String(field(link, 'message') ?? '');
    if (code === '23505') {
      return 'CONFLICT';
    }
    if (typeof code === 'string' && (RETRYABLE_SQLSTATES.has(code) || code.startsWith('08'))) {
      return 'SERVICE_UNAVAILABLE';
    }
    if (typeof code === 'string' && RETRYABLE_NODE_CODES.has(code)) {
      return 'SERVICE_UNAVAILABLE';
    }
    if (
      name === 'KnexTimeoutError' ||
      name === 'ConnectionException' ||
      name === 'LockWaitTimeoutException' ||
      name === 'DeadlockException' ||
      /Timeout acquiring a connection|Connection terminated|connect ECONNREFUSED|Client has encountered a connection error/i.test(
        message,
      )
    ) {
      return 'SERVICE_UNAVAILABLE';
    }
  }
  return undefined;
}

/** The registry's messages, for the GraphQL and the HTTP error shapes alike. */
export const INFRASTRUCTURE_MESSAGES: Record<InfrastructureFailure, string> = {
  SERVICE_UNAVAILABLE: ERROR_CODES.SERVICE_UNAVAILABLE.message,
  CONFLICT: ERROR_CODES.CONFLICT.message,
};
