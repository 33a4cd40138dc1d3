import { createHash } from 'node:crypto';
import {
  HeaderMap,
  type ApolloServerPlugin,
  type GraphQLRequestContext,
  type GraphQLResponse,
} from '@apollo/server';
import { Kind, print, type GraphQLFormattedError } from 'graphql';
import type { RequestContext } from '../auth/context.js';
import { ConflictError, DomainError } from '../errors/domain-error.js';
import { RETRY_AFTER_SECONDS, classifyInfrastructureError } from '../errors/infrastructure.js';

/**
 * `Idempotency-Key` for creates: a client that lost the answer to
 * registerCaseSource, createParty or generateDocument retries with the same key
 * and gets the first answer, without the create running twice.
 *
 * The claim row is inserted in the request's own transaction before execution, and
 * the answer written into it just before that transaction commits: the stored answer
 * exists exactly when the create committed. A concurrent duplicate's insert waits on
 * the primary key (officer, key) until the first request ends, then replays its
 * answer; if the first takes longer than the lock timeout, it answers
 * IDEMPOTENCY_KEY_IN_PROGRESS (retryable). A failed first attempt leaves no row, so the
 * retry runs again. Keys are per officer and expire after the configured time.
 */
export const IDEMPOTENT_MUTATIONS: ReadonlySet<string> = new Set([
  'registerCaseSource',
  'createParty',
  'generateDocument',
]);

export const IDEMPOTENCY_KEY_HEADER = 'idempotency-key';
export const DEFAULT_IDEMPOTENCY_TTL_SECONDS = 24 * 3600;

const KEY_PATTERN = /^[\x21-\x7e]{1,255}$/;

/** JSON with object keys sorted at every level, so equal variables hash equally. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) {
    return `[${value.map(canonicalJson).join(',')}]`;
  }
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function refusal(
  error: DomainError,
  status: number,
  headers: [string, string][] = [],
): GraphQLResponse {
  const formatted: GraphQLFormattedError = {
    message: error.message,
    extensions: {
      code: error.code,
      category: error.category,
      details: error.details,
      legalBasis: [],
      violations: [],
    },
  };
  return {
    http: { status, headers: new HeaderMap(headers) },
    body: { kind: 'single', singleResult: { errors: [formatted] } },
  };
}

function invalidKey(): GraphQLResponse {
  return refusal(
    new DomainError(
      'IDEMPOTENCY_KEY_INVALID',
      'BAD_USER_INPUT',
      'Idempotency-Key 须为 1 至 255 个可见 ASCII 字符',
      { header: 'Idempotency-Key' },
    ),
    400,
  );
}

function notSupported(): GraphQLResponse {
  return refusal(
    new DomainError(
      'IDEMPOTENCY_KEY_NOT_SUPPORTED',
      'BAD_USER_INPUT',
      `Idempotency-Key 只适用于只含一个创建字段（${[...IDEMPOTENT_MUTATIONS].join('、')}）的 mutation`,
      { supported: [...IDEMPOTENT_MUTATIONS] },
    ),
    422,
  );
}

function reused(key: string, operation: string): GraphQLResponse {
  return refusal(
    ConflictError.duplicate(
      'IDEMPOTENCY_KEY_REUSED',
      '该 Idempotency-Key 已用于另一个不同的请求；重试须发送与首次完全相同的请求，新请求请使用新的键',
      { key, operation },
    ),
    422,
  );
}

function inProgress(key: string): GraphQLResponse {
  return refusal(
    ConflictError.duplicate(
      'IDEMPOTENCY_KEY_IN_PROGRESS',
      '使用该 Idempotency-Key 的首次请求仍在处理中，请稍后用同一个键重试',
      { key, retryable: true },
    ),
    409,
    [['retry-after', String(RETRY_AFTER_SECONDS)]],
  );
}

function isLockTimeout(error: unknown): boolean {
  const { code, name } = (error ?? {}) as { code?: unknown; name?: unknown };
  return code === '55P03' || name === 'LockWaitTimeoutException';
}

async function claimOrReplay(
  rc: GraphQLRequestContext<RequestContext>,
  key: string,
  operation: string,
  ttlSeconds: number,
): Promise<GraphQLResponse | null> {
  const { em, actor } = rc.contextValue;
  const officerId = actor!.officerId;
  const requestHash = createHash('sha256')
    .update(
      canonicalJson({
        query: print(rc.document!),
        operationName: rc.operationName ?? null,
        variables: rc.request.variables ?? {},
      }),
    )
    .digest('hex');
  // An expired key is as good as unused.
  await em.execute(`delete from idempotency_key where officer_id = ? and expires_at <= now()`, [
    officerId,
  ]);
  const claimed = await em.execute<{ officer_id: string }[]>(
    `insert into idempotency_key (officer_id, key, request_hash, operation, expires_at)
     values (?, ?, ?, ?, now() + make_interval(secs => ?))
     on conflict (officer_id, key) do nothing
     returning officer_id`,
    [officerId, key, requestHash, operation, ttlSeconds],
  );
  if (claimed.length === 0) {
    const [stored] = await em.execute<{ request_hash: string; response: unknown }[]>(
      `select request_hash, response from idempotency_key where officer_id = ? and key = ?`,
      [officerId, key],
    );
    if (!stored) {
      // Expired and removed between the two statements: treat as in progress, retry.
      return inProgress(key);
    }
    if (stored.request_hash !== requestHash) {
      return reused(key, operation);
    }
    return {
      http: { status: 200, headers: new HeaderMap([['idempotent-replayed', 'true']]) },
      body: { kind: 'single', singleResult: stored.response as never },
    };
  }
  // Claimed: after execution, keep a successful answer, or free the key for a retry.
  (rc.contextValue.beforeEndScope ??= []).push(async () => {
    const body = rc.response.body;
    const result = body?.kind === 'single' ? body.singleResult : undefined;
    try {
      if (result && !result.errors?.length) {
        await em.execute(
          `update idempotency_key set response = ?::jsonb where officer_id = ? and key = ?`,
          [JSON.stringify(result), officerId, key],
        );
      } else {
        await em.execute(`delete from idempotency_key where officer_id = ? and key = ?`, [
          officerId,
          key,
        ]);
      }
    } catch {
      // The transaction already failed: its commit rolls back the claim with everything else.
    }
  });
  return null;
}

export function idempotencyPlugin(
  ttlSeconds: number = DEFAULT_IDEMPOTENCY_TTL_SECONDS,
): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart({ request }) {
      const key = request.http?.headers.get(IDEMPOTENCY_KEY_HEADER);
      if (key === undefined) {
        return;
      }
      return {
        async responseForOperation(rc) {
          const operation = rc.operation;
          // Reads are idempotent already: the header is ignored on queries.
          if (!operation || operation.operation !== 'mutation') {
            return null;
          }
          if (!KEY_PATTERN.test(key)) {
            return invalidKey();
          }
          const [field, ...others] = operation.selectionSet.selections;
          if (
            !field ||
            others.length > 0 ||
            field.kind !== Kind.FIELD ||
            !IDEMPOTENT_MUTATIONS.has(field.name.value)
          ) {
            return notSupported();
          }
          // No officer: the resolver refuses it as usual (nothing to store).
          if (!rc.contextValue.actor || !rc.contextValue.endScope) {
            return null;
          }
          try {
            return await claimOrReplay(rc, key, field.name.value, ttlSeconds);
          } catch (error) {
            if (isLockTimeout(error)) {
              // The first request holds the key past the lock timeout.
              return inProgress(key);
            }
            if (classifyInfrastructureError(error) === 'SERVICE_UNAVAILABLE') {
              return refusal(
                new DomainError(
                  'SERVICE_UNAVAILABLE',
                  'SERVICE_UNAVAILABLE',
                  '服务暂时不可用，请稍后重试',
                  {
                    retryable: true,
                  },
                ),
                503,
                [['retry-after', String(RETRY_AFTER_SECONDS)]],
              );
            }
            throw error;
          }
        },
      };
    },
  };
}
