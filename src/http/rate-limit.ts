import { createHash, randomUUID } from 'node:crypto';
import type { NextFunction, RequestHandler, Response } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import type { Request } from 'express';
import type { JwtSettings } from '../auth/jwt.js';
import { authCacheFor } from '../auth/auth-cache.js';
import type { HttpErrorBody } from './error-handler.js';

/**
 * Rate limits where users can hurt each other: per client address on every
 * route (the public feed included) and per officer (the token's subject) on
 * authenticated requests. Over the limit: 429 in the one JSON error shape, with
 * Retry-After. Counters live in memory, per process (N instances: N × the limit).
 */
export interface RateLimits {
  /** Requests per minute per officer; 0 = no limit. */
  perOfficerPerMinute: number;
  /** Requests per minute per client address; 0 = no limit. */
  perAddressPerMinute: number;
}

const WINDOW_MS = 60_000;
/** Addresses whose policy header is remembered (the oldest forgotten first). */
const MAX_REMEMBERED_POLICIES = 10_000;

function limited(scope: 'OFFICER' | 'ADDRESS'): RequestHandler {
  return (req, res) => {
    const reset = (req as { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
    const seconds = reset ? Math.max(1, Math.ceil((reset.getTime() - Date.now()) / 1000)) : 60;
    res.setHeader('Retry-After', String(seconds));
    res.status(429).json({
      error: {
        code: 'RATE_LIMITED',
        message:
          scope === 'OFFICER'
            ? `请求过于频繁（每名执法人员每分钟上限），请 ${seconds} 秒后重试`
            : `请求过于频繁（每个客户端地址每分钟上限），请 ${seconds} 秒后重试`,
        errorId: randomUUID(),
        retryAfterSeconds: seconds,
      },
    } satisfies HttpErrorBody);
  };
}

const BEARER = /^Bearer ([^\s]+)$/i;

/**
 * The officer id of a valid bearer token, or undefined (unauthenticated callers count by
 * address). A token the server's token cache already verified (auth-cache.ts: trusted until
 * its expiry, as authentication itself does) is answered at once; any other is verified first.
 */
function officerOf(
  req: Request,
  jwt: JwtSettings,
): string | undefined | Promise<string | undefined> {
  const authorization = req.headers.authorization;
  const match = authorization ? BEARER.exec(authorization.trim()) : null;
  if (!match) {
    return undefined;
  }
  const cache = authCacheFor(jwt);
  const now = Date.now();
  const known = cache.verifiedClaims(match[1]!, now);
  if (known) {
    return known.sub;
  }
  return cache
    .verify(match[1]!, jwt, now)
    .then((check) => (check.ok ? check.claims.sub : undefined));
}

interface Client {
  totalHits: number;
  resetTime: Date;
}

/**
 * Requests per key in fixed windows, counted as express-rate-limit's MemoryStore counts them:
 * a key's window starts with its first request and lasts `windowMs`; keys not seen for a whole
 * window are dropped (two maps swapped every `windowMs`).
 */
export class FixedWindows {
  private previous = new Map<string, Client>();
  private current = new Map<string, Client>();

  constructor(private readonly windowMs: number) {
    setInterval(() => {
      this.previous = this.current;
      this.current = new Map();
    }, windowMs).unref();
  }

  /** Counts one request of `key`; its client after the count. */
  hit(key: string, now: number): Client {
    let client = this.current.get(key);
    if (!client) {
      client = this.previous.get(key);
      if (client) {
        this.previous.delete(key);
      } else {
        client = { totalHits: 0, resetTime: new Date(now + this.windowMs) };
      }
      this.current.set(key, client);
    }
    if (client.resetTime.getTime() <= now) {
      client.totalHits = 0;
      client.resetTime = new Date(now + this.windowMs);
    }
    client.totalHits += 1;
    return client;
  }
}

/**
 * The per-officer limit, synchronous for a token already verified: express-rate-limit's
 * middleware (an async function awaiting its skip, key, store and limit) cost a noticeable
 * share of an authenticated request (bench/floor-ab.mjs). Same counting (FixedWindows),
 * no standard headers (as before), `req.rateLimit` for the refusal's Retry-After.
 */
function officerLimiter(limit: number, jwt: JwtSettings): RequestHandler {
  const windows = new FixedWindows(WINDOW_MS);
  const refuse = limited('OFFICER');
  const count = (req: Request, res: Response, next: NextFunction, officerId?: string) => {
    if (officerId === undefined) {
      next();
      return;
    }
    const key = `officer:${officerId}`;
    const client = windows.hit(key, Date.now());
    (req as { rateLimit?: unknown }).rateLimit = {
      limit,
      used: client.totalHits,
      remaining: Math.max(limit - client.totalHits, 0),
      resetTime: client.resetTime,
      key,
    };
    if (client.totalHits > limit) {
      refuse(req, res, next);
      return;
    }
    next();
  };
  return (req, res, next) => {
    const officerId = officerOf(req, jwt);
    if (officerId instanceof Promise) {
      // As express-rate-limit: an error on the way is the next handler's error.
      officerId.then((id) => count(req, res, next, id)).catch(next);
      return;
    }
    count(req, res, next, officerId);
  };
}

/**
 * The per-address limit, synchronous: the same counting (FixedWindows) and the same IETF
 * draft-8 `RateLimit` and `RateLimit-Policy` headers express-rate-limit wrote for it
 * (`standardHeaders: 'draft-8'`, name `<limit>-in-1min`), with the policy's partition key
 * (a digest of the address) remembered per address instead of hashed on every request.
 */
function addressLimiter(limit: number): RequestHandler {
  const windows = new FixedWindows(WINDOW_MS);
  const refuse = limited('ADDRESS');
  const name = `"${limit}-in-${WINDOW_MS / 60_000}min"`;
  const policies = new Map<string, string>();
  const policyOf = (key: string) => {
    let policy = policies.get(key);
    if (policy === undefined) {
      const digest = createHash('sha256').update(key).digest('hex').slice(0, 12);
      const partitionKey = Buffer.from(digest).toString('base64');
      policy = `${name}; q=${limit}; w=${WINDOW_MS / 1000}; pk=:${partitionKey}:`;
      if (policies.size >= MAX_REMEMBERED_POLICIES) {
        policies.delete(policies.keys().next().value!);
      }
      policies.set(key, policy);
    }
    return policy;
  };
  return (req, res, next) => {
    const key = ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown');
    const now = Date.now();
    const client = windows.hit(key, now);
    const remaining = Math.max(limit - client.totalHits, 0);
    (req as { rateLimit?: unknown }).rateLimit = {
      limit,
      used: client.totalHits,
      remaining,
      resetTime: client.resetTime,
      key,
    };
    if (!res.headersSent) {
      const resetSeconds = Math.max(0, Math.ceil((client.resetTime.getTime() - now) / 1000));
      res.append('RateLimit', `${name}; r=${remaining}; t=${resetSeconds}`);
      res.append('RateLimit-Policy', policyOf(key));
    }
    if (client.totalHits > limit) {
      refuse(req, res, next);
      return;
    }
    next();
  };
}

export function rateLimiters(limits: RateLimits, jwt: JwtSettings): RequestHandler[] {
  const handlers: RequestHandler[] = [];
  if (limits.perAddressPerMinute > 0) {
    handlers.push(addressLimiter(limits.perAddressPerMinute));
  }
  if (limits.perOfficerPerMinute > 0) {
    handlers.push(officerLimiter(limits.perOfficerPerMinute, jwt));
  }
  return handlers;
}
