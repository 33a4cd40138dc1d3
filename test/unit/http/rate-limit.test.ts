import { MemoryStore } from 'express-rate-limit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FixedWindows } from '../../../src/http/rate-limit.js';

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
