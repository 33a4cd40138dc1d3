import express, { type RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore, rateLimit } from 'express-rate-limit';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { JwtSettings } from '../../../src/auth/jwt.js';
import { FixedWindows, rateLimiters } from '../../../src/http/rate-limit.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('FixedWindows (the per-officer limit)', () => {
  it('counts as express-rate-limit MemoryStore counts: windows from the first hit, idle keys dropped', async () => {
    vi.useFakeTimers({ now: new Date('2026-12-05T08:00:00Z') });
    const windowMs = 60_000;
    const store = new MemoryStore();
    store.init({ windowMs } as Parameters<MemoryStore['init']>[0]);
    const windows = new FixedWindows(windowMs);
    // Hits of three keys over several windows: bursts, a key idle for more than a window,
    // hits on the very millisecond a window ends.
    const steps: [number, string][] = [
      [0, 'a'],
      [10, 'a'],
      [10, 'b'],
      [20_000, 'a'],
      [39_990, 'a'],
      [0, 'c'],
      [10, 'a'],
      [5_000, 'b'],
      [15_000, 'a'],
      [60_000, 'a'],
      [70_000, 'c'],
      [1, 'b'],
      [45_000, 'a'],
      [130_000, 'b'],
      [0, 'b'],
      [59_999, 'b'],
      [1, 'b'],
    ];
    for (const [advance, key] of steps) {
      await vi.advanceTimersByTimeAsync(advance);
      const expected = await store.increment(key);
      const client = windows.hit(key, Date.now());
      expect({ key, hits: client.totalHits, reset: client.resetTime.getTime() }).toEqual({
        key,
        hits: expected.totalHits,
        reset: expected.resetTime!.getTime(),
      });
    }
    store.shutdown();
  });
});

describe('the per-address limit', () => {
  /** Express apps answering 200 behind a limiter; the headers of `count` requests. */
  async function headersOf(limiter: RequestHandler, count: number) {
    const app = express();
    app.use(limiter);
    app.get('/', (_req, res) => {
      res.json({ ok: true });
    });
    const server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const seen: {
      status: number;
      rateLimit: string | null;
      t: number;
      policy: string | null;
      retryAfter: string | null;
    }[] = [];
    try {
      for (let i = 0; i < count; i += 1) {
        const response = await fetch(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
        await response.text();
        seen.push({
          status: response.status,
          // t= (seconds to the window's end) read apart: the two limiters' windows start a few ms apart.
          rateLimit: response.headers.get('ratelimit')?.replace(/; t=\d+$/, '') ?? null,
          t: Number(/; t=(\d+)$/.exec(response.headers.get('ratelimit') ?? '')?.[1]),
          policy: response.headers.get('ratelimit-policy'),
          retryAfter: response.headers.get('retry-after') === null ? null : 'set',
        });
      }
    } finally {
      server.close();
    }
    return seen;
  }

  it("writes express-rate-limit's draft-8 headers and refuses the same requests", async () => {
    const jwt = { secret: 'x'.repeat(32), issuer: 'zhifa', audience: 'zhifa' } as JwtSettings;
    const ours = await headersOf(
      rateLimiters({ perAddressPerMinute: 3, perOfficerPerMinute: 0 }, jwt)[0]!,
      5,
    );
    const library = await headersOf(
      rateLimit({
        windowMs: 60_000,
        limit: 3,
        standardHeaders: 'draft-8',
        legacyHeaders: false,
        keyGenerator: (req) => ipKeyGenerator(req.ip ?? req.socket.remoteAddress ?? 'unknown'),
        handler: (_req, res) => {
          res.status(429).json({});
        },
      }),
      5,
    );
    const withoutT = ({ t: _t, ...rest }: (typeof ours)[number]) => rest;
    expect(ours.map(withoutT)).toEqual(library.map(withoutT));
    expect(ours.map((seen) => seen.status)).toEqual([200, 200, 200, 429, 429]);
    expect(ours[0]!.policy).toMatch(/^"3-in-1min"; q=3; w=60; pk=:[A-Za-z0-9+/=]+:$/);
    for (const [i, seen] of ours.entries()) {
      expect(Math.abs(seen.t - library[i]!.t)).toBeLessThanOrEqual(1);
      expect(seen.t).toBeGreaterThanOrEqual(59);
    }
  });
});
