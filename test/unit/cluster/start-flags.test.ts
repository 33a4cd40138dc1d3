import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// `npm start` caps the V8 heap at 1.5 GB: below 2 GB V8 grows the old generation to a smaller multiple
// of the live heap between collections than the 4× of its default on a large host
// (docs/performance.md, "Memory under the soak").
const root = join(import.meta.dirname, '../../..');
const start = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
    scripts: { start: string };
  }
).scripts.start;
const flags = start.split(/\s+/).filter((word) => word.startsWith('--'));
const capMb = Number(/--max-old-space-size=(\d+)/.exec(start)?.[1]);
// A larger young generation than Node 20's default (16 MB semi-spaces): a dashboard page allocates
// tens of MB of short-lived field results, fewer of which survive into the capped old space.
const semiSpaceMb = Number(/--max-semi-space-size=(\d+)/.exec(start)?.[1]);
// V8's limit is the old space's cap plus the young generation, whose size differs between Node
// versions (1 536 MB gave 1 584 on Node 20 and 22, 1 728 on Node 24, with their default semi-spaces; 1 632 with 32 MB ones on Node 20); Node's default here is ~4 GB.
const expectCapped = (limitMb: number) => {
  expect(limitMb).toBeGreaterThanOrEqual(capMb);
  expect(limitMb).toBeLessThan(capMb + 320);
};

const heapLimitMb = (args: string[]): number =>
  Number(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim());

const PRINT_LIMIT = `console.log(require('v8').getHeapStatistics().heap_size_limit / 1048576)`;

describe('npm start', () => {
  it('runs the built server with a heap cap of 1.5 GB', () => {
    expect(start).toMatch(/^node .*dist\/server\.js$/);
    expect(capMb).toBe(1536);
    expect(semiSpaceMb).toBe(32);
    const limitMb = heapLimitMb([...flags, '-e', PRINT_LIMIT]);
    expectCapped(limitMb);
    // The young generation (three semi-spaces' worth) is inside V8's limit beside the old space.
    expect(limitMb).toBeGreaterThanOrEqual(capMb + 2 * semiSpaceMb);
  });

  it('gives the cluster workers the same cap (they inherit the primary’s flags)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhifa-start-flags-'));
    try {
      const script = join(dir, 'primary.cjs');
      writeFileSync(
        script,
        `const cluster = require('node:cluster');
if (cluster.isPrimary) {
  cluster.fork().on('message', (mb) => { console.log(mb); process.exit(0); });
} else {
  process.send(require('v8').getHeapStatistics().heap_size_limit / 1048576, () => process.exit(0));
}`,
      );
      expectCapped(heapLimitMb([...flags, script]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
