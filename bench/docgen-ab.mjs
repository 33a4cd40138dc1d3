#!/usr/bin/env node
/* global process, console, fetch, performance */
// Interleaved A/B of generateDocument (the demo's decision letter, as bench/lib/phases.mjs drives
// it) on one kept bench database: two builds (checkout roots A and B, each with dist/) as two
// servers, A B / B A alternating per pair: server CPU per letter from /proc over sequential
// requests. Both sides generate on the same decided case, never at the same time.
//   node bench/docgen-ab.mjs <database url> <root A> <root B> [port] [pairs] [requests]
// BENCH_DOCGEN_PROFILE=<dir>: both servers run with --cpu-prof, written to <dir> when they stop.
// BENCH_DOCGEN_AA=1: root B is ignored and A runs on both sides (the A/A control).
import { median, processCpuMs } from './lib/measure.mjs';
import { identities } from './lib/phases.mjs';
import { startZhifa } from './lib/setup.mjs';
import { GENERATE_DECISION } from './lib/queries.mjs';

const [url, rootA, rootBGiven, port = '5760', pairs = '6', requests = '60'] = process.argv.slice(2);
const rootB = process.env.BENCH_DOCGEN_AA ? rootA : rootBGiven;
const profileDir = process.env.BENCH_DOCGEN_PROFILE;

const server = (root, at) =>
  startZhifa({
    url,
    port: at,
    root,
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });

// The demo's decided case, the sections its steps recorded and its decider's token.
const { letter } = await identities(url);

async function generate(side) {
  const response = await fetch(side.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${letter.token}` },
    body: JSON.stringify({
      query: GENERATE_DECISION,
      variables: { caseId: letter.id, sections: letter.sections },
    }),
  });
  const answer = await response.json();
  if (!answer.data?.generateDocument) {
    throw new Error(JSON.stringify(answer.errors ?? answer).slice(0, 300));
  }
}

/** CPU per letter over `requests` sequential letters. */
async function sequential(side) {
  const cpu = processCpuMs(side.pid);
  const latencies = [];
  for (let i = 0; i < Number(requests); i += 1) {
    const started = performance.now();
    await generate(side);
    latencies.push(performance.now() - started);
  }
  return { cpuMs: (processCpuMs(side.pid) - cpu) / Number(requests), p50: median(latencies) };
}

// B first: its migrations (if any) run before A starts on the same database.
const b = await server(rootB, Number(port) + 1);
const a = await server(rootA, Number(port));
try {
  for (const side of [a, b]) {
    for (let i = 0; i < 40; i += 1) {
      await generate(side);
    }
  }
  const runs = { a: [], b: [] };
  for (let pair = 0; pair < Number(pairs); pair += 1) {
    const order =
      pair % 2 === 0
        ? [
            ['a', a],
            ['b', b],
          ]
        : [
            ['b', b],
            ['a', a],
          ];
    const got = {};
    for (const [name, side] of order) {
      got[name] = await sequential(side);
      runs[name].push(got[name]);
    }
    console.log(
      `pair ${pair + 1}: A ${got.a.cpuMs.toFixed(2)} ms CPU/letter (p50 ${got.a.p50.toFixed(1)} ms), ` +
        `B ${got.b.cpuMs.toFixed(2)} ms (p50 ${got.b.p50.toFixed(1)} ms), ` +
        `B/A ${(got.b.cpuMs / got.a.cpuMs).toFixed(3)}`,
    );
  }
  const pick = (side, key) => median(runs[side].map((run) => run[key]));
  const ratios = runs.a.map((run, i) => runs.b[i].cpuMs / run.cpuMs);
  const out = {
    cpuMs: { a: pick('a', 'cpuMs'), b: pick('b', 'cpuMs') },
    perCoreSecond: { a: 1000 / pick('a', 'cpuMs'), b: 1000 / pick('b', 'cpuMs') },
    p50: { a: pick('a', 'p50'), b: pick('b', 'p50') },
    pairRatio: { median: median(ratios), min: Math.min(...ratios), max: Math.max(...ratios) },
  };
  console.log(JSON.stringify({ runs, medians: out }));
} finally {
  await Promise.all([a.stop(), b.stop()]);
}
