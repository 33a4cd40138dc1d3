import type { MikroORM } from '@mikro-orm/postgresql';
import { checkWebhookTarget } from './webhook-target.js';
import { postToAddress } from './pinned-post.js';
import { signWebhook } from './webhook-signature.js';

/**
 * Delivers the outbox to the registered webhooks, at least once.
 *
 * Each batch runs in one transaction: the due deliveries are claimed with
 * `FOR UPDATE SKIP LOCKED` (so concurrent dispatchers never take the same
 * row), POSTed, and marked while the lock is held. A crash before the commit
 * releases the locks and the rows are sent again: receivers de-duplicate by
 * `Zhifa-Event-Id` (or `Zhifa-Delivery-Id`).
 *
 * Order: a subscription receives its events in the order they were recorded.
 * A delivery is claimed only when no earlier delivery of the same subscription
 * is still undelivered, so while a receiver is down only its oldest event is
 * retried (one probe per backoff interval) and, once it is back, the backlog
 * follows in order.
 *
 * Request: `POST <url>` with the stored payload as the body, byte for byte
 * (`domain_event.payload`, which already holds the envelope id, type,
 * occurredAt, case, data), and the headers
 *   Content-Type: application/json; charset=utf-8
 *   Zhifa-Event-Id, Zhifa-Event-Type, Zhifa-Delivery-Id, Zhifa-Attempt,
 *   Zhifa-Timestamp (Unix seconds),
 *   Zhifa-Signature: sha256=<hex HMAC-SHA256 of "<timestamp>.<body>" with the secret>.
 * A 2xx marks it DELIVERED; anything else (3xx included, redirects are not
 * followed), a network error or the timeout marks it FAILED with the next
 * attempt after an exponential backoff with jitter (2^attempts s, at most 1 h).
 */

export interface WebhookDispatcherOptions {
  orm: MikroORM;
  /** Clock for due times, backoff and the signed timestamp (tests inject one). */
  now?: () => Date;
  fetch?: typeof globalThis.fetch;
  /** Jitter source in [0, 1). */
  random?: () => number;
  batchSize?: number;
  pollIntervalMs?: number;
  timeoutMs?: number;
  maxBackoffSeconds?: number;
  /** Attempts before a delivery goes to the dead letter (default 20, about 12 hours of retries). */
  maxAttempts?: number;
  log?: (message: string) => void;
}

export interface DispatchBatchResult {
  claimed: number;
  delivered: number;
  failed: number;
}

interface ClaimedRow {
  id: string;
  attempts: number;
  event_id: string;
  event_type: string;
  body: string;
  url: string;
  secret: string;
}

interface Attempt {
  ok: boolean;
  status: number | null;
  error: string | null;
  finishedAt: Date;
}

const CLAIM_SQL = `select d.id, d.attempts, d.event_id, e.type as event_type, e.payload::text as body, s.url, s.secret
from webhook_delivery d
join webhook_subscription s on s.id = d.subscription_id and s.active
join domain_event e on e.id = d.event_id
where d.status in ('PENDING', 'FAILED') and d.next_attempt_at <= ?
  and not exists (
    select 1 from webhook_delivery p
    where p.subscription_id = d.subscription_id and p.status in ('PENDING', 'FAILED') and p.sequence < d.sequence
  )
order by d.next_attempt_at, d.sequence
limit ?
for update of d skip locked`;

const DELIVERED_SQL = `update webhook_delivery set status = 'DELIVERED', attempts = attempts + 1,
  last_attempt_at = ?, delivered_at = ?, response_status = ?, last_error = null, next_attempt_at = null, updated_at = ?
where id = ?`;

// After the last allowed attempt the delivery becomes a dead letter: no retry, and the
// subscription's later events are no longer held back behind it.
const FAILED_SQL = `update webhook_delivery
  set status = case when attempts + 1 >= ? then 'DEAD_LETTER' else 'FAILED' end, attempts = attempts + 1,
  last_attempt_at = ?, next_attempt_at = ?, response_status = ?, last_error = ?, updated_at = ?
where id = ?`;

export const DEFAULT_MAX_BACKOFF_SECONDS = 3600;
export const DEFAULT_MAX_ATTEMPTS = 20;

/**
 * Seconds to wait after the `attempts`-th failed attempt: 2^attempts capped at
 * `max`, with "equal jitter" (half fixed, half random): below the cap each wait
 * is at least the longest possible previous one; at the cap, between max/2 and max.
 */
export function retryDelaySeconds(
  attempts: number,
  random: () => number = Math.random,
  max: number = DEFAULT_MAX_BACKOFF_SECONDS,
): number {
  const base = Math.min(2 ** Math.max(1, attempts), max);
  const jitter = Math.min(Math.max(random(), 0), 1);
  return base / 2 + (jitter * base) / 2;
}

/** A short reason for the operator: no URL, no headers, no secret. */
function describeError(error: unknown, timeoutMs: number): string {
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError') {
      return `timeout after ${timeoutMs} ms`;
    }
    const cause = (error as { cause?: { code?: unknown } }).cause;
    const code = cause && typeof cause.code === 'string' ? ` (${cause.code})` : '';
    return `${error.name}: ${error.message}${code}`.slice(0, 200);
  }
  return 'unknown error';
}

export class WebhookDispatcher {
  private readonly orm: MikroORM;
  private readonly now: () => Date;
  /** Injected by tests; absent: POST to the checked address (postToAddress). */
  private readonly fetchImpl: typeof globalThis.fetch | undefined;
  private readonly random: () => number;
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly timeoutMs: number;
  private readonly maxBackoffSeconds: number;
  private readonly maxAttempts: number;
  private readonly log: (message: string) => void;
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;

  constructor(options: WebhookDispatcherOptions) {
    this.orm = options.orm;
    this.now = options.now ?? (() => new Date());
    this.fetchImpl = options.fetch;
    this.random = options.random ?? Math.random;
    this.batchSize = options.batchSize ?? 10;
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
    this.timeoutMs = options.timeoutMs ?? 5000;
    this.maxBackoffSeconds = options.maxBackoffSeconds ?? DEFAULT_MAX_BACKOFF_SECONDS;
    this.maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    this.log = options.log ?? (() => {});
  }

  /** Polls until stop(): straight on while there is work, every pollIntervalMs otherwise. */
  start(): void {
    if (this.loop) {
      return;
    }
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the batch in flight (its requests time out after timeoutMs), then returns. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = undefined;
  }

  /** Sends one batch of due deliveries; returns what happened. */
  async runOnce(): Promise<DispatchBatchResult> {
    const em = this.orm.em.fork();
    return em.transactional(async (tx) => {
      const rows: ClaimedRow[] = await tx.execute(CLAIM_SQL, [this.now(), this.batchSize], 'all');
      const attempts = await Promise.all(rows.map((row) => this.send(row)));
      const result: DispatchBatchResult = { claimed: rows.length, delivered: 0, failed: 0 };
      for (const [i, row] of rows.entries()) {
        const attempt = attempts[i]!;
        if (attempt.ok) {
          result.delivered += 1;
          await tx.execute(DELIVERED_SQL, [
            attempt.finishedAt,
            attempt.finishedAt,
            attempt.status,
            attempt.finishedAt,
            row.id,
          ]);
        } else {
          result.failed += 1;
          const delay = retryDelaySeconds(row.attempts + 1, this.random, this.maxBackoffSeconds);
          const next = new Date(attempt.finishedAt.getTime() + Math.round(delay * 1000));
          await tx.execute(FAILED_SQL, [
            this.maxAttempts,
            attempt.finishedAt,
            next,
            attempt.status,
            attempt.error,
            attempt.finishedAt,
            row.id,
          ]);
        }
      }
      return result;
    });
  }

  /** Runs batches until none is due (tests; at most `maxBatches`). */
  async drain(maxBatches = 100): Promise<DispatchBatchResult> {
    const total: DispatchBatchResult = { claimed: 0, delivered: 0, failed: 0 };
    for (let i = 0; i < maxBatches; i += 1) {
      const batch = await this.runOnce();
      total.claimed += batch.claimed;
      total.delivered += batch.delivered;
      total.failed += batch.failed;
      if (batch.claimed === 0) {
        break;
      }
    }
    return total;
  }

  private async send(row: ClaimedRow): Promise<Attempt> {
    const timestamp = String(Math.floor(this.now().getTime() / 1000));
    // Resolved again at delivery: a name may point inside the network since registration (D12).
    const target = await checkWebhookTarget(row.url);
    if (!target.ok) {
      return {
        ok: false,
        status: null,
        error: 'TARGET_NOT_ALLOWED: 接收地址不是公网地址',
        finishedAt: this.now(),
      };
    }
    const headers = {
      'content-type': 'application/json; charset=utf-8',
      'user-agent': 'Zhifa-Webhooks/1',
      'zhifa-event-id': row.event_id,
      'zhifa-event-type': row.event_type,
      'zhifa-delivery-id': row.id,
      'zhifa-attempt': String(row.attempts + 1),
      'zhifa-timestamp': timestamp,
      'zhifa-signature': signWebhook(row.secret, timestamp, row.body),
    };
    try {
      let response: { status: number };
      if (this.fetchImpl) {
        const answered = await this.fetchImpl(row.url, {
          method: 'POST',
          headers,
          body: row.body,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        // The body is not read: receivers answer with a status code.
        await answered.body?.cancel().catch(() => {});
        response = answered;
      } else {
        const address = target.addresses[0];
        if (address === undefined) {
          return {
            ok: false,
            status: null,
            error: 'ENOTFOUND: 接收地址的主机名无法解析',
            finishedAt: this.now(),
          };
        }
        // Connect to the address just checked: a second lookup could answer another one.
        response = await postToAddress(row.url, address, headers, row.body, this.timeoutMs);
      }
      const ok = response.status >= 200 && response.status < 300;
      return {
        ok,
        status: response.status,
        error: ok ? null : `HTTP ${response.status}`,
        finishedAt: this.now(),
      };
    } catch (error) {
      return {
        ok: false,
        status: null,
        error: describeError(error, this.timeoutMs),
        finishedAt: this.now(),
      };
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let claimed = 0;
      try {
        claimed = (await this.runOnce()).claimed;
      } catch (error) {
        this.log(`webhook dispatch failed: ${describeError(error, this.timeoutMs)}`);
      }
      if (claimed === 0 && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.pollIntervalMs);
          this.wake = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wake = undefined;
      }
    }
  }
}
