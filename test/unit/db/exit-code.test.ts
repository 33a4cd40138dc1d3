import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');

/** Runs a TypeScript script in a fresh Node process (jiti, from the codegen tooling). */
function exitCodeOf(script: string): number | null {
  const file = join(mkdtempSync(join(tmpdir(), 'zhifa-exit-')), 'script.ts');
  writeFileSync(file, script);
  const run = spawnSync(join(root, 'node_modules/.bin/jiti'), [file], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return run.status;
}

it('a process that imports embedded PostgreSQL keeps its failure code (async-exit-hook exited 0, and failed test runs passed CI)', () => {
  const embedded = JSON.stringify(join(root, 'src/db/embedded-postgres-root.ts'));
  expect(exitCodeOf(`import ${embedded};\nprocess.exitCode = 1;\n`)).toBe(1);
  expect(exitCodeOf(`import ${embedded};\n`)).toBe(0);
}, 120_000);
