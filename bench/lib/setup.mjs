/* global URL, process, setTimeout, clearTimeout */
// Databases and processes for the bench: a fresh zhifa_bench_<scale> database migrated, filled with
// reference and demo data by the built server itself (so the schema and every JSON shape are the
// checkout's), then seeded with bench/seed.sql; servers started as child processes and stopped.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const JWT = {
  secret: 'zhifa-bench-signing-secret-not-for-production',
  issuer: 'zhifa',
  audience: 'zhifa-api',
};

export function databaseUrl(serverUrl, name) {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient(url, work) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function recreateDatabase(serverUrl, name) {
  await withClient(serverUrl, async (client) => {
    await client.query(`drop database if exists ${name} with (force)`);
    await client.query(`create database ${name}`);
  });
}

export async function dropDatabase(serverUrl, name) {
  await withClient(serverUrl, (client) =>
    client.query(`drop database if exists ${name} with (force)`),
  );
}

/** Seeds `cases` cases with bench/seed.sql in one transaction, then ANALYZE. */
export async function seed(url, cases) {
  const sql = readFileSync(join(ROOT, 'bench/seed.sql'), 'utf8');
  await withClient(url, async (client) => {
    await client.query('begin');
    await client.query(`select set_config('bench.n', $1, true)`, [String(cases)]);
    await client.query(sql);
    await client.query('commit');
    await client.query('analyze');
  });
}

const children = new Set();
process.on('exit', () => {
  for (const child of children) {
    child.kill('SIGKILL');
  }
});

/**
 * Starts a server process and resolves once `ready(line)` matches a line of its output (or the
 * URL answers). `onLine` sees every line (statement counting).
 */
export function startProcess({
  command,
  args,
  env,
  cwd = ROOT,
  ready,
  onLine,
  timeoutMs = 240_000,
}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.add(child);
    let tail = '';
    let settled = false;
    const timer = setTimeout(() => {
      if (!settled) {
        settled = true;
        child.kill('SIGKILL');
        reject(new Error(`${command} ${args.join(' ')} did not start:\n${tail}`));
      }
    }, timeoutMs);
    const feed = (chunk) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-4000);
      for (const line of text.split('\n')) {
        onLine?.(line);
        if (!settled && ready(line)) {
          settled = true;
          clearTimeout(timer);
          resolve({
            pid: child.pid,
            child,
            tail: () => tail,
            stop: () => stopProcess(child),
          });
        }
      }
    };
    let buffered = '';
    const lines = (chunk) => {
      buffered += chunk.toString();
      const cut = buffered.lastIndexOf('\n');
      if (cut >= 0) {
        feed(buffered.slice(0, cut + 1));
        buffered = buffered.slice(cut + 1);
      }
    };
    child.stdout.on('data', lines);
    child.stderr.on('data', lines);
    child.once('exit', (code) => {
      children.delete(child);
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(new Error(`${command} exited with ${code} before it was ready:\n${tail}`));
      }
    });
  });
}

function stopProcess(child) {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve();
      return;
    }
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/**
 * The Node flags `npm start` gives the server (package.json): the bench runs the server as
 * production does, heap cap included (its size decides the soak's RSS, docs/performance.md).
 */
export const START_NODE_FLAGS = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
  .scripts.start.split(/\s+/)
  .filter((word) => word.startsWith('--'));

/**
 * The built Zhifa server on `url`: migrations, reference data and (on an empty database) the demo
 * cases walked through the procedure, as `node dist/server.js` does in production.
 */
export async function startZhifa({
  url,
  port,
  logQueries = false,
  onLine,
  workers = 1,
  // The A/B scripts start another checkout's build (`root`), with Node flags or more variables.
  root,
  nodeArgs = [],
  env = {},
}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhifa-bench-'));
  const server = await startProcess({
    command: process.execPath,
    args: [...START_NODE_FLAGS, ...nodeArgs, 'dist/server.js'],
    ...(root ? { cwd: root } : {}),
    env: {
      DATABASE_URL: url,
      PORT: String(port),
      HOST: '127.0.0.1',
      ZHIFA_DATA_DIR: dataDir,
      ZHIFA_JWT_SECRET: JWT.secret,
      ZHIFA_JWT_ISSUER: JWT.issuer,
      ZHIFA_JWT_AUDIENCE: JWT.audience,
      ZHIFA_LOG_QUERIES: logQueries ? 'true' : 'false',
      // The load generator is one address and a few officers: no rate limit in the way.
      ZHIFA_RATE_LIMIT_PER_OFFICER: '1000000000',
      ZHIFA_RATE_LIMIT_PER_ADDRESS: '1000000000',
      ZHIFA_CHECKPOINT_INTERVAL_MINUTES: '0',
      ZHIFA_LOG_FORMAT: 'json',
      ZHIFA_WORKERS: String(workers),
      ...env,
    },
    ready: (line) => line.includes('GraphQL at http://'),
    onLine,
  });
  const stop = server.stop;
  return {
    ...server,
    url: `http://127.0.0.1:${port}/graphql`,
    stop: async () => {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
