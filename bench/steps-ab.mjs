#!/usr/bin/env node
/* global process, console, performance */
// Interleaved A/B of a procedural step (recordEvidence, as bench/lib/phases.mjs drives it) on one
// kept bench database: two builds (checkout roots A and B, each with dist/), each server on its own
// investigating cases, A B A B …: server CPU per step from /proc over sequential steps, and steps
// per second at 10 connections (each connection on its own cases, so writers never share a case).
//   node bench/steps-ab.mjs <database url> <root A> <root B> [port] [rounds] [steps] [seconds]
// BENCH_STEPS_PROFILE=<dir>: both servers run with --cpu-prof, written to <dir> when they stop.
import { median, processCpuMs } from './lib/measure.mjs';
import { identities, zhifaRecordEvidence } from './lib/phases.mjs';
import { startZhifa } from './lib/setup.mjs';

const [url, rootA, rootB, port = '5210', rounds = '3', steps = '60', seconds = '8'] =
  process.argv.slice(2);
const profileDir = process.env.BENCH_STEPS_PROFILE;
/** One recordEvidence on a target, on a side's server. */
const step = (target, side) => zhifaRecordEvidence(side.url)(target);

const server = (root, at) =>
  startZhifa({
    url,
    port: at,
    root,
    nodeArgs: profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : [],
  });

// Investigating seeded cases with their two handlers (the bench's targets), split between A and B.
const targets = (await identities(url)).investigating.slice(0, 400);

/** CPU per step over `steps` sequential steps on the side's cases, in turn. */
async function sequential(side) {
  const cpu = processCpuMs(side.pid);
  const latencies = [];
  for (let i = 0; i < Number(steps); i += 1) {
    const started = performance.now();
    await step(side.cases[side.cursor++ % side.cases.length], side);
    latencies.push(performance.now() - started);
  }
  return { cpuMs: (processCpuMs(side.pid) - cpu) / Number(steps), p50: median(latencies) };
}

/** Steps per second at 10 connections for `seconds`, each connection on its own cases. */
async function saturated(side) {
  const connections = 10;
  const mine = Math.floor(side.cases.length / connections);
  const until = performance.now() + Number(seconds) * 1000;
  let done = 0;
  const cpu = processCpuMs(side.pid);
  const started = performance.now();
  await Promise.all(
    Array.from({ length: connections }, async (_, worker) => {
      let cursor = 0;
      while (performance.now() < until) {
        await step(side.cases[worker * mine + (cursor++ % mine)], side);
        done += 1;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  return { perSecond: done / elapsed, cpuMs: (processCpuMs(side.pid) - cpu) / done };
}

// B first: its migrations (if any) run before A starts on the same database.
const b = await server(rootB, Number(port) + 1);
const a = await server(rootA, Number(port));
a.cases = targets.slice(0, targets.length / 2);
b.cases = targets.slice(targets.length / 2);
a.cursor = b.cursor = 0;
try {
  // Warm-up: the JIT and the caches, on both sides.
  for (const side of [a, b]) {
    for (let i = 0; i < 30; i += 1) {
      await step(side.cases[side.cursor++ % side.cases.length], side);
    }
  }
  const runs = { a: [], b: [] };
  for (let round = 0; round < Number(rounds); round += 1) {
    for (const [name, side] of [
      ['a', a],
      ['b', b],
    ]) {
      const one = await sequential(side);
      const ten = Number(seconds) > 0 ? await saturated(side) : { perSecond: NaN, cpuMs: NaN };
      runs[name].push({ ...one, perSecond: ten.perSecond, saturatedCpuMs: ten.cpuMs });
      console.log(
        `round ${round + 1} ${name.toUpperCase()}: ${one.cpuMs.toFixed(2)} ms CPU/step sequential ` +
          `(p50 ${one.p50.toFixed(1)} ms); ${ten.perSecond.toFixed(1)} steps/s at 10 connections ` +
          `(${ten.cpuMs.toFixed(2)} ms CPU/step)`,
      );
    }
  }
  const pick = (side, key) => median(runs[side].map((run) => run[key]));
  const out = Object.fromEntries(
    ['cpuMs', 'p50', 'perSecond', 'saturatedCpuMs'].map((key) => [
      key,
      { a: pick('a', key), b: pick('b', key), ratio: pick('b', key) / pick('a', key) },
    ]),
  );
  console.log(JSON.stringify({ runs, medians: out }));
} finally {
  await Promise.all([a.stop(), b.stop()]);
}
