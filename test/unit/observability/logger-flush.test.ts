import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const loggerModule = JSON.stringify(join(root, 'src/observability/logger.ts'));
const pinoModule = JSON.stringify(join(root, 'node_modules/pino/pino.js'));

interface Run {
  status: number | null;
  lines: string[];
}

/**
 * Runs a TypeScript script using the process logger (stdout, asynchronous) in a fresh Node process
 * (jiti); `whileRunning` is called with each line as it arrives, before the process ends.
 */
function run(body: string, whileRunning?: (line: string, stdin: NodeJS.WritableStream) => void) {
  const file = join(mkdtempSync(join(tmpdir(), 'zhifa-log-')), 'script.ts');
  writeFileSync(
    file,
    `import { drainLogs, logger } from ${loggerModule};\nvoid drainLogs;\n${body}\n`,
  );
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ZHIFA_LOG_FORMAT: 'json',
    ZHIFA_LOG_LEVEL: 'info',
  };
  delete env.VITEST;
  const child = spawn(join(root, 'node_modules/.bin/jiti'), [file], { cwd: root, env });
  return new Promise<Run>((done, fail) => {
    const lines: string[] = [];
    let pending = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const complete = pending.split('\n');
      pending = complete.pop()!;
      for (const line of complete) {
        lines.push(line);
        whileRunning?.(line, child.stdin);
      }
    });
    child.once('error', fail);
    child.once('close', (status) => done({ status, lines }));
  });
}

const messages = (lines: string[]) =>
  lines.map((line) => (JSON.parse(line) as { msg: string }).msg);

describe('the process logger (asynchronous stdout)', () => {
  it('writes every pending line when the server stops on SIGTERM', async () => {
    const result = await run(
      `process.once('SIGTERM', () => { logger.info('SIGTERM received, stopping'); process.exit(0); });
       for (let i = 0; i < 5; i += 1) logger.info('operation ' + i);
       process.kill(process.pid, 'SIGTERM');
       setTimeout(() => {}, 60_000);`,
    );
    expect(result.status).toBe(0);
    // Sorted: a write still in flight on the thread pool at exit lands after the lines written
    // synchronously then (sonic-boom's flushSync), so the last lines may come out of order.
    expect(messages(result.lines).sort()).toEqual([
      'SIGTERM received, stopping',
      'operation 0',
      'operation 1',
      'operation 2',
      'operation 3',
      'operation 4',
    ]);
  }, 60_000);

  it('writes every pending line when the process crashes', async () => {
    const result = await run(
      `for (let i = 0; i < 3; i += 1) logger.info('operation ' + i);
       logger.fatal('about to crash');
       setImmediate(() => { throw new Error('crash'); });`,
    );
    expect(result.status).not.toBe(0);
    expect(messages(result.lines).sort()).toEqual([
      'about to crash',
      'operation 0',
      'operation 1',
      'operation 2',
    ]);
  }, 60_000);

  it('keeps the order of the last lines when the stop drains the log before exiting', async () => {
    // As server.ts stops: many lines (writes in flight on the thread pool), the stop's own lines,
    // drainLogs, exit. Without the drain a write in flight lands after the lines pino writes
    // synchronously at exit, or is cut off.
    const result = await run(
      `const payload = 'x'.repeat(4000);
       for (let i = 0; i < 300; i += 1) logger.info({ payload }, 'operation ' + i);
       logger.info('SIGTERM received, stopping');
       setImmediate(async () => {
         logger.info('stopped');
         await drainLogs();
         process.exit(0);
       });`,
    );
    expect(result.status).toBe(0);
    expect(messages(result.lines)).toEqual([
      ...Array.from({ length: 300 }, (_, i) => `operation ${i}`),
      'SIGTERM received, stopping',
      'stopped',
    ]);
  }, 60_000);

  it('drainLogs waits for the write in flight, and returns at once when none is', async () => {
    const result = await run(
      `import { pino } from ${pinoModule};
       const stream = (logger as unknown as Record<symbol, NodeJS.EventEmitter>)[pino.symbols.streamSym];
       let written = 0;
       stream.on('write', (n: number) => { written += n; });
       let started = Date.now();
       await drainLogs(5_000);
       const idle = Date.now() - started;
       logger.info({ payload: 'x'.repeat(200_000) }, 'big');
       const before = written;
       started = Date.now();
       await drainLogs(5_000);
       const after = written;
       logger.info({ before, after, idle: idle < 1_000 }, 'drained');
       await drainLogs(5_000);
       process.exit(0);`,
    );
    expect(result.status).toBe(0);
    const drained = JSON.parse(result.lines[1]!) as {
      before: number;
      after: number;
      idle: boolean;
    };
    expect(drained.idle).toBe(true);
    // Nothing was written when the line was handed over; all of it once drainLogs returned.
    expect(drained.before).toBe(0);
    expect(drained.after).toBe(Buffer.byteLength(result.lines[0]!) + 1);
  }, 60_000);

  it('writes a burst of lines in batches of at least LOG_BATCH_BYTES, the rest within the flush interval', async () => {
    const result = await run(
      `import { pino } from ${pinoModule};
       import { LOG_BATCH_BYTES, LOG_FLUSH_INTERVAL_MS } from ${loggerModule};
       const stream = (logger as unknown as Record<symbol, NodeJS.EventEmitter>)[pino.symbols.streamSym];
       const writes: number[] = [];
       // (the periodic flush of an empty buffer reports a write of 0 bytes)
       stream.on('write', (n: number) => { if (n > 0) writes.push(n); });
       for (let i = 0; i < 200; i += 1) logger.info({ payload: 'x'.repeat(150) }, 'operation ' + i);
       setTimeout(() => {
         logger.info({ writes, batch: LOG_BATCH_BYTES }, 'written');
         setTimeout(() => process.exit(0), LOG_FLUSH_INTERVAL_MS * 3);
       }, LOG_FLUSH_INTERVAL_MS * 3);`,
    );
    expect(result.status).toBe(0);
    expect(messages(result.lines)).toEqual([
      ...Array.from({ length: 200 }, (_, i) => `operation ${i}`),
      'written',
    ]);
    const { writes, batch } = JSON.parse(result.lines[200]!) as { writes: number[]; batch: number };
    const total = result.lines
      .slice(0, 200)
      .reduce((sum, line) => sum + Buffer.byteLength(line) + 1, 0);
    // Every line was written before the timer (the last partial batch by the periodic flush)…
    expect(writes.reduce((sum, n) => sum + n, 0)).toBe(total);
    // …in a few writes, each but the last at least a batch long.
    expect(writes.length).toBeLessThanOrEqual(Math.ceil(total / batch) + 1);
    for (const n of writes.slice(0, -1)) {
      expect(n).toBeGreaterThanOrEqual(batch);
    }
  }, 60_000);

  it('writes a quiet server’s line while it keeps running, not only at exit', async () => {
    // The script waits for its stdin to close; the test closes it only once the line arrived.
    const result = await run(
      `logger.info('one quiet operation');
       process.stdin.resume();
       process.stdin.once('end', () => process.exit(0));`,
      (_line, stdin) => stdin.end(),
    );
    expect(result.status).toBe(0);
    expect(messages(result.lines)).toEqual(['one quiet operation']);
  }, 60_000);
});
