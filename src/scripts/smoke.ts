import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort } from '../db/embedded-postgres.js';
import { projectRoot } from '../paths.js';

/**
 * Compiled smoke test (CI): start the BUILT server on a fresh embedded
 * database, ask the README's first query over HTTP with a token from the
 * token script, stop it with SIGINT, and check it exits cleanly.
 */
async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'zhifa-smoke-'));
  const port = await findFreePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ZHIFA_DATA_DIR: dataDir,
    PORT: String(port),
    HOST: '127.0.0.1',
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
    server.stdout.on('data', (chunk: Buffer) => {
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
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token.stdout.trim()}`,
      },
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
    console.log(`smoke: ${body.data.cases.edges.length} cases visible to BJ0001 over HTTP`);
  } finally {
    const exited = new Promise<number | null>((resolve) => server.once('exit', resolve));
    server.kill('SIGINT');
    exitCode = await exited;
    // A clean stop also stops PostgreSQL, which removes its postmaster.pid.
    postgresLeft = existsSync(join(dataDir, 'pg', 'postmaster.pid'));
    rmSync(dataDir, { recursive: true, force: true });
  }
  if (postgresLeft) {
    throw new Error('the embedded PostgreSQL was still running after the server stopped');
  }
  if (exitCode !== 0) {
    throw new Error(
      `the server exited with ${exitCode} after SIGINT instead of shutting down cleanly (0)`,
    );
  }
  console.log('smoke: ok');
}

main().catch((error) => {
  console.error('smoke: FAILED', error);
  process.exit(1);
});
