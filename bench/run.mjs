#!/usr/bin/env node
/* global process, console */
// `npm run bench` / `npm run bench:ci`: Zhifa measured side by side with the fastest ways to serve
// the same work, on the same seeded PostgreSQL tables, each measurement interleaved with its
// baseline (A B A B …); ratios, medians and statement counts to bench/results/. See
// docs/performance.md for the method and the goals.
import { execFileSync, execSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { compareWithBaseline, GOALS, markdownSummary } from './lib/report.mjs';
import { runPhases } from './lib/phases.mjs';
import {
  databaseUrl,
  dropDatabase,
  recreateDatabase,
  ROOT,
  seed,
  startZhifa,
} from './lib/setup.mjs';

const env = process.env;
const CI = process.argv.includes('--ci');
const flag = (value, fallback) =>
  value === undefined || value === '' ? fallback : /^(1|true|yes|on)$/i.test(value);

const config = {
  ci: CI,
  serverUrl: env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres',
  scales: (env.BENCH_SCALES || (CI ? '10000' : '10000 100000'))
    .split(/[\s,]+/)
    .filter(Boolean)
    .map(Number),
  seconds: Number(env.BENCH_SECONDS || (CI ? 2 : 5)),
  rounds: Number(env.BENCH_ROUNDS || 3),
  // Detail requests each server (Zhifa, the peer, PostGraphile) answers before the detail is
  // measured, at 10 connections: V8 is still compiling Zhifa's request path for its first
  // ~2 000 (docs/performance.md, branch detail). 0: the old warm-up, 1 s at 2 connections.
  warmRequests: Number(env.BENCH_WARM_REQUESTS ?? 3000),
  soakSeconds: Number(env.BENCH_SOAK_SECONDS ?? (CI ? 0 : 300)),
  postgraphile: flag(env.BENCH_POSTGRAPHILE, !CI),
  lists: flag(env.BENCH_LISTS, !CI),
  keepDatabases: flag(env.BENCH_KEEP_DB, false),
  basePort: Number(env.BENCH_PORT || 4800),
  // Worker processes of the server measured for steps per second (ZHIFA_WORKERS); `auto`:
  // one per core, as an operator runs it. Every other figure is one process.
  workers:
    !env.BENCH_WORKERS || env.BENCH_WORKERS === 'auto'
      ? availableParallelism()
      : Number(env.BENCH_WORKERS),
  // Two benches on one PostgreSQL server (two checkouts) need their own databases.
  databaseSuffix: (env.BENCH_DB_SUFFIX || '').replace(/[^a-z0-9_]/g, ''),
};

function log(message) {
  console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}`);
}

function git(args) {
  try {
    return execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** bench/.tools holds the load generator and the peers, installed from its own lockfile. */
function ensureTools() {
  const tools = join(ROOT, 'bench/.tools');
  const installed = join(tools, 'node_modules/.package-lock.json');
  const lock = join(tools, 'package-lock.json');
  if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
    log('installing bench tools (npm ci --prefix bench/.tools)');
    execSync('npm ci --prefix bench/.tools --no-audit --no-fund --loglevel=error', {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
}

/** The Node 22 binary from the npm package node@22 (PostGraphile 5 needs Node >= 22). */
function node22() {
  try {
    return execSync('npx -y node@22 -p process.execPath', { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch (error) {
    log(`no Node 22 for PostGraphile: ${String(error).split('\n')[0]}`);
    return undefined;
  }
}

async function main() {
  const started = Date.now();
  const commit = git(['rev-parse', '--short', 'HEAD']);
  const dirty = git(['status', '--porcelain', '--', 'src', 'templates']) !== '';
  log(
    `commit ${commit}${dirty ? ' (+ uncommitted changes)' : ''}, scales ${config.scales.join(', ')}`,
  );
  if (!flag(env.BENCH_SKIP_BUILD, false)) {
    log('npm run build');
    execSync('npm run build --silent', { cwd: ROOT, stdio: 'inherit' });
  }
  ensureTools();
  const postgraphileNode = config.postgraphile ? node22() : undefined;

  const results = {
    commit,
    dirty,
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      loadAverageAtStart: loadavg(),
      postgres: undefined,
    },
    config: { ...config, serverUrl: undefined },
    scales: {},
  };
  const largest = Math.max(...config.scales);
  for (const scale of config.scales) {
    const name = `zhifa_bench_${scale}${config.databaseSuffix ? `_${config.databaseSuffix}` : ''}`;
    const url = databaseUrl(config.serverUrl, name);
    log(`${scale} cases: database ${name}`);
    await recreateDatabase(config.serverUrl, name);
    try {
      const setupStarted = Date.now();
      // The server migrates, loads reference data and walks the demo cases through the API.
      const first = await startZhifa({ url, port: config.basePort });
      await first.stop();
      const demoSeconds = (Date.now() - setupStarted) / 1000;
      const seedStarted = Date.now();
      await seed(url, scale);
      const seedSeconds = (Date.now() - seedStarted) / 1000;
      log(
        `  demo data ${demoSeconds.toFixed(0)} s, seeded ${scale} cases in ${seedSeconds.toFixed(0)} s`,
      );
      results.scales[scale] = {
        setup: { demoSeconds, seedSeconds },
        ...(await runPhases({
          url,
          scale,
          config,
          log,
          postgraphileNode,
          soak: scale === largest,
          machine: results.machine,
        })),
      };
    } finally {
      if (!config.keepDatabases) {
        await dropDatabase(config.serverUrl, name);
      }
    }
  }
  results.goals = GOALS.map((goal) => goal.evaluate(results, config)).filter(Boolean);
  results.elapsedSeconds = (Date.now() - started) / 1000;

  const summary = markdownSummary(results);
  console.log(`\n${summary}`);
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  if (CI) {
    const baselineFile = join(dir, 'ci-baseline.json');
    writeFileSync(join(dir, 'ci-latest.json'), `${JSON.stringify(results, null, 2)}\n`);
    if (flag(env.BENCH_WRITE_BASELINE, false) || !existsSync(baselineFile)) {
      writeFileSync(baselineFile, `${JSON.stringify(results, null, 2)}\n`);
      log(`baseline written to bench/results/ci-baseline.json`);
      return;
    }
    const baseline = JSON.parse(readFileSync(baselineFile, 'utf8'));
    const tolerance = Number(env.BENCH_CI_TOLERANCE ?? 0.25);
    const comparison = compareWithBaseline(results, baseline, tolerance);
    for (const line of comparison.lines) {
      console.log(line);
    }
    if (comparison.regressions.length && !env.BENCH_CI_CONFIRMING) {
      // One noisy round on a shared machine moves a ratio by more than 25 % now and then (a
      // step's p50 +35 % on an unchanged path was seen): a regression counts when a second,
      // separate measurement confirms it.
      log(`bench:ci: ${comparison.regressions.join(', ')} regressed; measuring again to confirm`);
      try {
        execFileSync(process.execPath, process.argv.slice(1), {
          cwd: ROOT,
          stdio: 'inherit',
          env: { ...env, BENCH_CI_CONFIRMING: '1', BENCH_SKIP_BUILD: '1' },
        });
        return;
      } catch {
        process.exitCode = 1;
        return;
      }
    }
    if (comparison.regressions.length) {
      console.error(
        `\nbench:ci: ${comparison.regressions.length} ratio(s) regressed by more than ${tolerance * 100} % against bench/results/ci-baseline.json, confirmed by a second measurement`,
      );
      process.exitCode = 1;
    } else {
      log(
        `bench:ci: no ratio regressed by more than 25 % (${results.elapsedSeconds.toFixed(0)} s)`,
      );
    }
    return;
  }
  const file = `${results.date.slice(0, 10)}-${commit}.json`;
  writeFileSync(join(dir, file), `${JSON.stringify(results, null, 2)}\n`);
  writeFileSync(join(dir, 'latest.md'), `${summary}\n`);
  log(`results: bench/results/${file} and bench/results/latest.md`);
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
