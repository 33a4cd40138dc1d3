import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
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

const officerOfRequest = new WeakMap<Request, Promise<string | undefined>>();

/**
 * The officer id of a valid bearer token, or undefined (unauthenticated callers count by address).
 * Verified through the server's token cache (auth-cache.ts: a token already verified is trusted
 * until its expiry, as authentication itself does) and once per request: `skip` and
 * `keyGenerator` both ask.
 */
function officerOf(req: Request, jwt: JwtSettings): Promise<string | undefined> {
  let officer = officerOfRequest.get(req);
  if (!officer) {
    officer = (async () => {
      const authorization = req.headers.authorization;
      const match = authorization ? /^Bearer ([^\s]+)$/i.exec(authorization.trim()) : null;
      if (!match) {
        return undefined;
      }
      const check = await authCacheFor(jwt).verify(match[1]!, jwt, Date.now());
      return check.ok ? check.claims.sub : undefined;
    })();
    officerOfRequest.set(req, officer);
  }
  return officer;
}

export function rateLimiters(limits: RateLimits, jwt: JwtSettings): RequestHandler[] {
  const handlers: RequestHandler[] = [];
  if (limits.perAddressPerMinute > 0) {
    handlers.push(
      rateLimit({
        windowMs: WINDOW_MS,
        limit: limits.perAddressPerMinute,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        keyGenerator: (req) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown'),
        handler: limited('ADDRESS'),
      }),
    );
  }
  if (limits.perOfficerPerMinute > 0) {
    handlers.push(
      rateLimit({
        windowMs: WINDOW_MS,
        limit: limits.perOfficerPerMinute,
        standardHeaders: false,
        legacyHeaders: false,
        skip: async (req) => (await officerOf(req, jwt)) === undefined,
        keyGenerator: async (req) => `officer:${await officerOf(req, jwt)}`,
        handler: limited('OFFICER'),
      }),
    );
  }
  return handlers;
}
