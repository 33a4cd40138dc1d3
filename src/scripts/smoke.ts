import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../db/embedded-postgres.js';
import { projectRoot } from '../paths.js';

/**
 * Compiled smoke test (CI): start the BUILT server on a fresh embedded
 * database, ask the README's first query over HTTP with a token from the
 * token script, stop it with SIGINT, and check it exits cleanly. Then the same
 * data directory again as a cluster (ZHIFA_WORKERS=2): two worker processes answer,
 * `/metrics` counts every worker's requests, a killed worker is replaced, and
 * SIGINT stops the workers, the primary and PostgreSQL.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhifa-smoke-'));
  try {
    await run(dataDir, 1);
    await run(dataDir, 2);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
  console.log('smoke: ok');
}

async function run(dataDir: string, workers: number): Promise<void> {
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ZHIFA_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
    ZHIFA_WORKERS: String(workers),
  };
  delete env.DATABASE_URL;
  const server = spawn(process.execPath, [join(projectRoot, 'dist/server.js')], {
    env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    // The first start on an empty database walks the demo cases through the mutations (~20 s).
    const timer = setTimeout(
      () => reject(new Error(`server not ready in 120 s:\n${output}`)),
      120_000,
    );
    server.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      process.stdout.write(chunk);
      if (output.includes('GraphQL at')) {
        clearTimeout(timer);
        resolve();
      }
    });
    server.once('exit', (code) => reject(new Error(`server exited early with ${code}`)));
  });
  let exitCode: number | null = null;
  let postgresLeft = false;
  try {
    await ready;
    const token = spawnSync(
      process.execPath,
      [join(projectRoot, 'dist/scripts/token.js'), 'BJ0001'],
      { env, encoding: 'utf8' },
    );
    if (token.status !== 0) {
      throw new Error(`token script failed: ${token.stderr}`);
    }
    const ask = () => readmeQuery(port, token.stdout.trim());
    console.log(`smoke: ${await ask()} cases visible to BJ0001 over HTTP (${workers} worker(s))`);
    if (workers > 1) {
      await checkCluster(server, port, workers, ask, (text) => output.includes(text));
    }
  } finally {
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    exitCode = await exited;
    // A clean stop also stops PostgreSQL, which removes its postmaster.pid.
    postgresLeft = existsSync(join(dataDir, 'pg', 'postmaster.pid'));
  }
  if (postgresLeft) {
    throw new Error('the embedded PostgreSQL was still running after the server stopped');
  }
  if (exitCode !== 0) {
    throw new Error(
      `the server exited with ${exitCode} after SIGINT instead of shutting down cleanly (0)`,
    );
  }
}

/** The README's first query; answers the number of cases listed. */
async function readmeQuery(port: number, token: string): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: '{ me { name office { name } } cases(first: 10) { edges { node { id } } } }',
    }),
  });
  const body = (await response.json()) as {
    data?: { me: { office: { name: string } }; cases: { edges: unknown[] } };
    errors?: unknown;
  };
  if (
    body.data?.me.office.name !== '北京市互联网信息办公室' ||
    body.data.cases.edges.length === 0
  ) {
    throw new Error(`unexpected answer: ${JSON.stringify(body)}`);
  }
  return body.data.cases.edges.length;
}

/** The server's worker processes (children running dist/server.js; PostgreSQL is a child too). */
function workerPids(server: ChildProcess): number[] {
  const children = readFileSync(`/proc/${server.pid}/task/${server.pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map(Number);
  return children.filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('dist/server.js');
    } catch {
      return false; // exited meanwhile
    }
  });
}

async function operationsCounted(port: number): Promise<number> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return [...text.matchAll(/^zhifa_graphql_operation_duration_seconds_count\{[^}]*\} (\d+)$/gm)]
    .map((match) => Number(match[1]))
    .reduce((sum, n) => sum + n, 0);
}

async function checkCluster(
  server: ChildProcess,
  port: number,
  workers: number,
  ask: () => Promise<number>,
  /** Whether the server has logged this text so far. */
  logged: (text: string) => boolean,
): Promise<void> {
  const pids = workerPids(server);
  if (pids.length !== workers) {
    throw new Error(`expected ${workers} worker processes, found ${pids.length}`);
  }
  // Each fetch without keep-alive is a new connection, handed to the workers in turn:
  // the counts of every worker add up on whichever worker answers /metrics.
  const before = await operationsCounted(port);
  for (let i = 0; i < 8; i++) {
    await ask();
  }
  const counted = (await operationsCounted(port)) - before;
  if (counted !== 8) {
    throw new Error(`/metrics counted ${counted} of 8 operations answered by ${workers} workers`);
  }
  // A worker killed outright is replaced. A connection the primary hands to it before it has
  // seen the death is lost (the client retries); once it has, the other worker answers alone
  // while the replacement starts.
  process.kill(pids[0]!, 'SIGKILL');
  await waitForLog(logged, 'worker exited');
  await ask();
  await waitForLog(logged, 'worker replaced');
  const replaced = workerPids(server).filter((pid) => pid !== pids[0]);
  if (replaced.length !== workers) {
    throw new Error(
      `the killed worker was not replaced in 30 s (${replaced.length} listening or starting)`,
    );
  }
  await ask();
  console.log(
    `smoke: ${workers} workers answered, /metrics counted all 8 operations, a killed worker was replaced`,
  );
}

async function waitForLog(logged: (text: string) => boolean, text: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!logged(text)) {
    if (Date.now() > deadline) {
      throw new Error(`the server did not log ${text} in 30 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

main().catch((error) => {
  console.error('smoke: FAILED', error);
  process.exit(1);
});
