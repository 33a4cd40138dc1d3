#!/usr/bin/env node
/* global process, console, performance */
// Where a step's CPU goes, Node and PostgreSQL, interleaved A/B (as bench/steps-ab.mjs: two builds,
// each server on its own investigating cases of one kept bench database, A B A B …): recordEvidence
// at 10 connections (each connection on its own cases) for `seconds`, and per step the server's CPU
// (/proc/<pid>/stat) and the CPU of the PostgreSQL backends serving that server (/proc of each
// backend whose client port is one of the server's sockets, from pg_stat_activity).
//   node bench/step-cpu-ab.mjs <database url> <root A> <root B> [port] [rounds] [seconds]
// BENCH_URL_B=<a copy of the database> (createdb -T): B's server on it, for a migration A must not see.
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { median, ownCpuMs, processCpuMs } from './lib/measure.mjs';
import { identities, zhifaRecordEvidence } from './lib/phases.mjs';
import { startZhifa, withClient } from './lib/setup.mjs';

const [url, rootA, rootB, port = '5790', rounds = '5', seconds = '6'] = process.argv.slice(2);
/** One recordEvidence on a target, on a side's server. */
const step = (target, side) => zhifaRecordEvidence(side.url)(target);

/** CPU of one PostgreSQL backend (0 once it has exited). */
function cpuMs(pid) {
  try {
    return ownCpuMs(pid);
  } catch {
    return 0;
  }
}

/** Local TCP ports of the sockets a process holds. */
function localPorts(pid) {
  const inodes = new Set();
  for (const fd of readdirSync(`/proc/${pid}/fd`)) {
    try {
      const link = readlinkSync(`/proc/${pid}/fd/${fd}`);
      const m = link.match(/^socket:\[(\d+)\]$/);
      if (m) {
        inodes.add(m[1]);
      }
    } catch {
      // closed meanwhile
    }
  }
  const ports = new Set();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(file, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length > 9 && inodes.has(cols[9])) {
        ports.add(parseInt(cols[1].split(':')[1], 16));
      }
    }
  }
  return ports;
}

/** The PostgreSQL backends serving a server process. */
async function backendsOf(pid) {
  const ports = localPorts(pid);
  return withClient(url, async (client) =>
    (
      await client.query(
        `select pid, client_port from pg_stat_activity where client_port is not null`,
      )
    ).rows
      .filter((row) => ports.has(row.client_port))
      .map((row) => row.pid),
  );
}

const targets = (await identities(url)).investigating.slice(0, 400);

async function saturated(side) {
  const connections = 10;
  const mine = Math.floor(side.cases.length / connections);
  const until = performance.now() + Number(seconds) * 1000;
  let done = 0;
  const pids = await backendsOf(side.pid);
  const pgBefore = pids.map(cpuMs);
  const before = processCpuMs(side.pid);
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
  const nodeMs = (processCpuMs(side.pid) - before) / done;
  const pgMs = pids.reduce((sum, pid, i) => sum + cpuMs(pid) - pgBefore[i], 0) / done;
  const after = await backendsOf(side.pid);
  return {
    perSecond: done / elapsed,
    nodeMs,
    pgMs,
    backends: pids.length,
    lost: pids.filter((p) => !after.includes(p)).length,
  };
}

const b = await startZhifa({
  url: process.env.BENCH_URL_B ?? url,
  port: Number(port) + 1,
  root: rootB,
});
const a = await startZhifa({ url, port: Number(port), root: rootA });
a.cases = targets.slice(0, targets.length / 2);
b.cases = targets.slice(targets.length / 2);
if (process.env.BENCH_URL_B) {
  // B's versions from its own copy.
  await withClient(process.env.BENCH_URL_B, async (client) => {
    for (const target of b.cases) {
      target.version = (
        await client.query(`select version from "case" where id = $1`, [target.id])
      ).rows[0].version;
    }
  });
}
try {
  // Warm-up, and the pool's ten connections opened on both sides.
  for (const side of [a, b]) {
    for (let i = 0; i < 30; i += 1) {
      await step(side.cases[i], side);
    }
    await Promise.all(Array.from({ length: 10 }, (_, w) => step(side.cases[w * 20 + 1], side)));
    await saturated(side);
  }
  const runs = { a: [], b: [] };
  for (let round = 0; round < Number(rounds); round += 1) {
    for (const [name, side] of [
      ['a', a],
      ['b', b],
    ]) {
      const run = await saturated(side);
      runs[name].push(run);
      console.log(
        `round ${round + 1} ${name.toUpperCase()}: ${run.perSecond.toFixed(1)} steps/s, node ${run.nodeMs.toFixed(2)} ms, ` +
          `postgres ${run.pgMs.toFixed(2)} ms per step (${run.backends} backends, ${run.lost} gone)`,
      );
    }
  }
  const pick = (side, key) => median(runs[side].map((run) => run[key]));
  const out = Object.fromEntries(
    ['perSecond', 'nodeMs', 'pgMs'].map((key) => [
      key,
      { a: pick('a', key), b: pick('b', key), ratio: pick('b', key) / pick('a', key) },
    ]),
  );
  console.log(JSON.stringify({ runs, medians: out }));
} finally {
  await Promise.all([a.stop(), b.stop()]);
}
