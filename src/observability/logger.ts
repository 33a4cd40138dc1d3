import { pino, type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * The one logger of the server: JSON lines (level, time, msg and fields) on
 * stdout for log collectors. A terminal gets a short readable line instead when
 * it asks for it (stdout is a TTY, or ZHIFA_LOG_FORMAT=pretty; ZHIFA_LOG_FORMAT=json
 * forces JSON). Never log tokens, secrets or party data: fields named like them
 * are redacted as a safety net.
 */
export interface LoggerOptions {
  level?: string;
  pretty?: boolean;
  /** Where the lines go (tests capture them). */
  destination?: DestinationStream;
}

const REDACTED_PATHS = [
  'authorization',
  'headers.authorization',
  'password',
  'secret',
  'token',
  '*.authorization',
  '*.password',
  '*.secret',
  '*.token',
];

export function wantsPrettyLogs(env: NodeJS.ProcessEnv, isTty: boolean): boolean {
  const format = env.ZHIFA_LOG_FORMAT?.toLowerCase();
  if (format === 'json') {
    return false;
  }
  return format === 'pretty' || isTty;
}

function defaultLevel(env: NodeJS.ProcessEnv): string {
  // Test runs stay quiet unless a test asks for the lines (it passes its own destination).
  return env.ZHIFA_LOG_LEVEL || (env.VITEST ? 'silent' : 'info');
}

/** `07:41:02 INFO  GraphQL operation operation=CaseList durationMs=12 …` for a human at a terminal. */
export function formatPrettyLine(jsonLine: string): string {
  let record: Record<string, unknown>;
  try {
    record = JSON.parse(jsonLine) as Record<string, unknown>;
  } catch {
    return jsonLine;
  }
  const { level, time, msg, ...fields } = record;
  const clock = typeof time === 'string' ? time.slice(11, 19) : '';
  const rest = Object.entries(fields)
    .map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`)
    .join(' ');
  return `${clock} ${String(level).toUpperCase().padEnd(5)} ${String(msg ?? '')}${rest ? ` ${rest}` : ''}\n`;
}

function prettyStdout(): DestinationStream {
  return { write: (line: string) => void process.stdout.write(formatPrettyLine(line)) };
}

/** The asynchronous stdout destinations created here, for drainLogs. */
const asyncDestinations = new Set<ReturnType<typeof pino.destination>>();

/**
 * Waits until every line handed to the process logger has been written (or `timeoutMs` passed).
 * Call it before process.exit: pino then writes what is still queued synchronously, but a write
 * already in flight on the thread pool would land after those lines, or be cut off by the exit.
 */
export async function drainLogs(timeoutMs = 2_000): Promise<void> {
  await Promise.all(
    [...asyncDestinations].map(
      (destination) =>
        new Promise<void>((done) => {
          // sonic-boom's own flag: a write is in flight; 'drain' follows once nothing is left.
          if (!(destination as unknown as { _writing?: boolean })._writing) {
            done();
            return;
          }
          const timer = setTimeout(finish, timeoutMs);
          function finish() {
            clearTimeout(timer);
            destination.off('drain', finish);
            done();
          }
          destination.once('drain', finish);
        }),
    ),
  );
}

/**
 * Lines are written together once this many bytes wait (about 15 operation lines): one write
 * per line to stdout cost every request a thread-pool write (measured with bench/floor-ab.mjs,
 * docs/performance.md, branch reqfloor)…
 */
export const LOG_BATCH_BYTES = 4096;
/** …or at the latest after this long, on a quiet server. */
export const LOG_FLUSH_INTERVAL_MS = 100;

function asyncStdout(): DestinationStream {
  const destination = pino.destination({
    dest: 1,
    sync: false,
    minLength: LOG_BATCH_BYTES,
    periodicFlush: LOG_FLUSH_INTERVAL_MS,
  });
  asyncDestinations.add(destination);
  return destination;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const pretty = options.pretty ?? wantsPrettyLogs(process.env, process.stdout.isTTY === true);
  return pino(
    {
      level: options.level ?? defaultLevel(process.env),
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    },
    options.destination ??
      (pretty
        ? prettyStdout()
        : // Asynchronous: a line per GraphQL operation was a blocking write(2) per request
          // (a noticeable share of an authenticated request's CPU); lines written while one write is in
          // flight go out together, and lines are batched (LOG_BATCH_BYTES, at the latest after
          // LOG_FLUSH_INTERVAL_MS). pino flushes what is pending synchronously on exit (a crash
          // included); only a SIGKILL loses what waits, at most one batch.
          asyncStdout()),
  );
}

/** The process-wide logger; modules take it as `logger` and call `logger.info(fields, message)`. */
export const logger: Logger = createLogger();
